// aci::budget::YearBudget: the ACI's year as a forecast income statement (compte de résultat
// prévisionnel), per atelier and in total, month by month — charges by nature, products by
// financer, result — with each rate applied from its effective date (the rates in force on the
// first of each month), the D5132-34 position on the atelier's total charges and the scenario's
// jobs placed in it. Shown money only (exact decimal): each side's lines add up to its total,
// each line's months add up to the line, and charges = products - result to the cent.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/config.hpp"
#include "aci_cost/date.hpp"
#include "aci_cost/model/aci.hpp"
#include "aci_cost/model/job.hpp"
#include "aci_cost/quote/quote.hpp"
#include "aci_cost/rates/rate_table.hpp"

namespace aci::budget {

/// Charges of the year by nature, in display order.
inline constexpr std::array<std::string_view, 9> charge_keys = {
    "salaries",          "social_contributions", "other_staff_costs", "overheads", "structure",
    "statutory_auditor", "other_charges",        "equipment",         "vehicles"};
/// Products of the year, in display order: sales, then the subsidies by financer.
inline constexpr std::array<std::string_view, 1 + quote::financer_count> product_keys = {
    "sales", "aid_state", "aid_departement", "departement_grants", "region", "fse_plus", "opco", "other_grants"};

/// A quoted job placed in its atelier's year.
struct JobInYear {
  std::string job;        ///< job name
  Date date;              ///< quote date
  Decimal work_hours{0};  ///< integration work hours (on site + travel), h (2 decimals)
  Money price_ht;         ///< € excl. VAT
  Money full_cost;        ///< €
  Money net_cost;         ///< €
  Money marginal_cost;    ///< €
  Money subsidies;        ///< the job's share of the year's subsidies, €
  friend bool operator==(const JobInYear&, const JobInYear&) = default;
};

/// One month of a year: its lines by key (charge_keys, product_keys), adding up to its totals.
struct MonthInYear {
  int month = 1;                      ///< 1-12
  std::vector<quote::Line> charges;   ///< by nature; the months of a line add up to the year's line
  Money charges_total;                ///< €
  std::vector<quote::Line> products;  ///< sales (booked sales spread evenly [assumption]) and subsidies
  Money products_total;               ///< €
  Money result;                       ///< products - charges, €
  friend bool operator==(const MonthInYear&, const MonthInYear&) = default;
};

/// One atelier's year.
struct AtelierYear {
  std::string atelier;                   ///< atelier name
  std::vector<quote::Line> charges;      ///< by nature (charge_keys); add up to charges_total
  Money charges_total;                   ///< €
  std::vector<quote::Line> products;     ///< sales and subsidies (product_keys); add up to products_total
  Money products_total;                  ///< €
  Money result;                          ///< products - charges, € (negative: a deficit)
  quote::SalesCap sales_cap;             ///< D5132-34 on the total charges (equipment and vehicles included)
  Decimal work_hours_capacity{0};        ///< integration work hours of the year (HQ), h (2 decimals)
  std::vector<JobInYear> jobs;           ///< the scenario's jobs of this atelier
  Decimal jobs_work_hours{0};            ///< their work hours, h
  Money jobs_sales;                      ///< their prices excl. VAT, €
  Money jobs_subsidies;                  ///< their subsidy shares, € (never above the year's subsidies
                                         ///< while their hours fit the year)
  Money sales_with_jobs;                 ///< booked sales + every job won, €
  Money headroom_with_jobs;              ///< cap - sales_with_jobs, €
  std::vector<quote::Warning> warnings;  ///< jobs_exceed_capacity, sales_cap_with_jobs, deficit, rate warnings
  std::vector<MonthInYear> months;       ///< January to December, with the rates in force on the first of each
  friend bool operator==(const AtelierYear&, const AtelierYear&) = default;
};

/// The ACI's year.
struct YearBudget {
  Date date;                          ///< a date of the year (its calendar year is budgeted)
  int year = 0;                       ///< the calendar year, month by month
  std::vector<AtelierYear> ateliers;  ///< per atelier
  std::vector<quote::Line> charges;   ///< the ACI's total: sums of the ateliers' shown lines
  Money charges_total;                ///< €
  std::vector<quote::Line> products;  ///< €
  Money products_total;               ///< €
  Money result;                       ///< products - charges, €
  std::vector<MonthInYear> months;    ///< the ACI's months: sums of the ateliers' shown months
  Decimal public_grants{0};           ///< the public grants of the year (L612-4 threshold), € (2 decimals)
  bool audit_required = false;        ///< they pass the threshold: the auditor's fee is charged
  friend bool operator==(const YearBudget&, const YearBudget&) = default;
};

/// The calendar year of `date` for `aci`, month by month with the figures of `table` in force on
/// the first of each month, and `jobs` (each quoted at its own date with `pricing`) placed in
/// their ateliers.
ACI_COST_INLINE YearBudget year_budget(const model::Aci& aci, const std::vector<model::Job>& jobs,
                                       const rates::RateTable& table, const quote::PricingOptions& pricing,
                                       const Date& date);

}  // namespace aci::budget

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/budget/year-inl.hpp"
#endif
