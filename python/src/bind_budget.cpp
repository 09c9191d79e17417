// The ACI's year: a forecast income statement per atelier and in total.
#include "aci_cost/budget/price_analysis.hpp"
#include "aci_cost/budget/year.hpp"
#include "record.hpp"

namespace aci::python {

void bind_budget(py::module_& m) {
  using namespace aci::budget;
  Record<JobInYear>(m, "JobInYear", "A quoted job placed in its atelier's year.")
      .field("job", &JobInYear::job, "job name")
      .field("date", &JobInYear::date, "quote date")
      .field("work_hours", &JobInYear::work_hours, "integration work hours (site + travel), h")
      .field("price_ht", &JobInYear::price_ht, "€ excl. VAT")
      .field("full_cost", &JobInYear::full_cost, "€")
      .field("net_cost", &JobInYear::net_cost, "€")
      .field("marginal_cost", &JobInYear::marginal_cost, "€")
      .field("subsidies", &JobInYear::subsidies, "the job's share of the year's subsidies, €")
      .done();
  Record<MonthInYear>(m, "MonthInYear", "One month of a year: lines adding up to its totals.")
      .field("month", &MonthInYear::month, "1-12")
      .field("charges", &MonthInYear::charges, "list of Line by nature; a line's months add up to the year's line")
      .field("charges_total", &MonthInYear::charges_total, "€")
      .field("products", &MonthInYear::products, "list of Line: sales (booked sales spread evenly), aid, grants")
      .field("products_total", &MonthInYear::products_total, "€")
      .field("result", &MonthInYear::result, "products - charges, €")
      .done();
  Record<AtelierYear>(m, "AtelierYear", "One atelier's year: charges by nature, products, result.")
      .field("atelier", &AtelierYear::atelier, "atelier name")
      .field("charges", &AtelierYear::charges, "list of Line by nature, adding up to charges_total")
      .field("charges_total", &AtelierYear::charges_total, "€")
      .field("products", &AtelierYear::products, "list of Line: sales, aid by financer, grants")
      .field("products_total", &AtelierYear::products_total, "€")
      .field("result", &AtelierYear::result, "products - charges, €")
      .field("sales_cap", &AtelierYear::sales_cap, "SalesCap on the total charges")
      .field("work_hours_capacity", &AtelierYear::work_hours_capacity, "integration work hours of the year, h")
      .field("jobs", &AtelierYear::jobs, "list of JobInYear")
      .field("jobs_work_hours", &AtelierYear::jobs_work_hours, "h")
      .field("jobs_sales", &AtelierYear::jobs_sales, "€")
      .field("jobs_subsidies", &AtelierYear::jobs_subsidies, "€")
      .field("sales_with_jobs", &AtelierYear::sales_with_jobs, "booked sales + every job won, €")
      .field("headroom_with_jobs", &AtelierYear::headroom_with_jobs, "cap - sales_with_jobs, €")
      .field("warnings", &AtelierYear::warnings, "list of Warning")
      .field("months", &AtelierYear::months, "list of MonthInYear, January to December")
      .done();
  Record<YearBudget>(m, "YearBudget", "The ACI's year (compte de résultat prévisionnel).")
      .field("date", &YearBudget::date, "a date of the budgeted calendar year")
      .field("year", &YearBudget::year, "the calendar year, month by month (the rates in force on each first)")
      .field("ateliers", &YearBudget::ateliers, "list of AtelierYear")
      .field("charges", &YearBudget::charges, "list of Line: the ACI's total by nature")
      .field("charges_total", &YearBudget::charges_total, "€")
      .field("products", &YearBudget::products, "list of Line")
      .field("products_total", &YearBudget::products_total, "€")
      .field("result", &YearBudget::result, "products - charges, €")
      .field("months", &YearBudget::months, "list of MonthInYear: the ACI's months")
      .field("public_grants", &YearBudget::public_grants, "public grants of the year (L612-4 threshold), €")
      .field("audit_required", &YearBudget::audit_required, "they pass 153,000 €: the auditor's fee is charged")
      .done();
  Record<PriceAnalysis>(m, "PriceAnalysis", "One job's price: floor, contribution, break-even, market and cap limits.")
      .field("job", &PriceAnalysis::job, "job name")
      .field("atelier", &PriceAnalysis::atelier, "its atelier")
      .field("unit", &PriceAnalysis::unit, "unit of what is sold")
      .field("sold_units", &PriceAnalysis::sold_units, "units sold")
      .field("policy", &PriceAnalysis::policy, "policy that set price_ht")
      .field("price_ht", &PriceAnalysis::price_ht, "the quote's price, €")
      .field("marginal_cost", &PriceAnalysis::marginal_cost, "what the job adds to the year, €")
      .field("contribution_margin", &PriceAnalysis::contribution_margin, "price - marginal cost, €")
      .field("contribution_per_unit", &PriceAnalysis::contribution_per_unit, "per unit sold, €")
      .field("floor", &PriceAnalysis::floor, "net cost: the least to ask, €")
      .field("full_cost", &PriceAnalysis::full_cost, "€")
      .field("market_price", &PriceAnalysis::market_price, "€")
      .field("overcompensation_ceiling", &PriceAnalysis::overcompensation_ceiling, "above it, over-compensation, €")
      .field("fair_zone_price", &PriceAnalysis::fair_zone_price, "market floored at net cost, capped at the ceiling, €")
      .field("target_margin", &PriceAnalysis::target_margin, "margin asked on the net cost")
      .field("target_margin_price", &PriceAnalysis::target_margin_price, "net cost x (1 + target margin), €")
      .field("cap_price", &PriceAnalysis::cap_price, "highest price keeping sales strictly under the D5132-34 cap, €")
      .field("cap_price_derogation", &PriceAnalysis::cap_price_derogation, "the same with the 50 % derogation, €")
      .field("cap_reached", &PriceAnalysis::cap_reached, "booked sales already reach the cap")
      .field("cap_limited_price", &PriceAnalysis::cap_limited_price, "min(fair-zone price, cap price), €")
      .field("year_result", &PriceAnalysis::year_result, "the atelier's year before the job, €")
      .field("break_even_units", &PriceAnalysis::break_even_units, "units of such sales that balance the year, or None")
      .field("volume", &PriceAnalysis::volume, "volume of break_even_unit_price")
      .field("break_even_unit_price", &PriceAnalysis::break_even_unit_price, "lowest unit price balancing the year, €")
      .done();
  m.def(
      "analyse_price",
      [](const model::Aci& aci, const model::Job& job, const rates::RateTable& table,
         const quote::PricingOptions& pricing, py::handle target_margin, py::handle volume) {
        return analyse_price(aci, job, table, pricing, Conv<Decimal>::from(target_margin, "price.target_margin"),
                             Conv<std::optional<Decimal>>::from(volume, "price.volume"));
      },
      py::arg("aci"), py::arg("job"), py::arg("rates"), py::arg("pricing"), py::arg("target_margin") = "0.05",
      py::arg("volume") = py::none(), "The price analysis of a job (cost-volume-profit, market and cap limits).");
  m.def(
      "year_budget",
      [](const model::Aci& aci, const std::vector<model::Job>& jobs, const rates::RateTable& table,
         const quote::PricingOptions& pricing,
         py::handle date) { return year_budget(aci, jobs, table, pricing, Conv<Date>::from(date, "year.date")); },
      py::arg("aci"), py::arg("jobs"), py::arg("rates"), py::arg("pricing"), py::arg("date"),
      "The ACI's year with the rates in force at `date`, and the jobs placed in their ateliers.");
}

}  // namespace aci::python
