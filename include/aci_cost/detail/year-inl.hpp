// Implementation of budget/year.hpp.
#pragma once

#include "aci_cost/budget/year.hpp"
#include "aci_cost/quote/atelier_rates.hpp"
#include "aci_cost/quote/structure.hpp"

namespace aci::budget {

namespace detail {
/// Lines with their keys, rounded so that they add up to the rounded exact total.
template <std::size_t N>
Money shown(const std::array<Decimal, N>& exact, const std::array<std::string_view, N>& keys, Rounding mode,
            std::vector<quote::Line>& out) {
  const auto r = round_parts(std::vector<Decimal>(exact.begin(), exact.end()), mode);
  for (std::size_t i = 0; i < N; ++i) out.push_back({std::string(keys[i]), r.parts[i]});
  return r.total;
}
}  // namespace detail

ACI_COST_INLINE YearBudget year_budget(const model::Aci& aci, const std::vector<model::Job>& jobs,
                                       const rates::RateTable& table, const quote::PricingOptions& pricing,
                                       const Date& date) {
  aci.validate();
  pricing.validate();
  ACI_COST_REQUIRE(date.valid(), "year.date", date.to_string(), "not a calendar date");
  const Rounding mode = pricing.rounding;
  YearBudget y;
  y.date = date;
  const std::vector<Money> structure = quote::structure_charges(aci, table, date, mode);
  for (std::size_t i = 0; i < aci.ateliers.size(); ++i) {
    const model::Atelier& at = aci.ateliers[i];
    rates::RateLookup rates(table, date);
    const auto ar = quote::atelier_rates<Decimal>(at, aci.large_employer, rates,
                                                  "aci.ateliers[" + std::to_string(i) + "]", structure[i]);
    AtelierYear a;
    a.atelier = at.name;
    const std::array<Decimal, charge_keys.size()> charges = {
        ar.salaries, ar.contributions, ar.per_head_costs, ar.overheads, ar.structure_charges, ar.other_charges,
        ar.equipment_charges, ar.vehicle_charges};
    a.charges_total = detail::shown(charges, charge_keys, mode, a.charges);
    std::array<Decimal, product_keys.size()> products{};
    products[0] = at.annual_sales.amount();
    for (std::size_t k = 0; k < quote::financer_count; ++k) products[k + 1] = ar.funding[k];
    a.products_total = detail::shown(products, product_keys, mode, a.products);
    a.result = a.products_total - a.charges_total;

    a.sales_cap.cap_share = at.sales_cap_share;
    a.sales_cap.annual_charges = a.charges_total;
    a.sales_cap.cap = (a.charges_total * at.sales_cap_share).rounded(mode);
    a.sales_cap.annual_sales = at.annual_sales;
    a.sales_cap.headroom = a.sales_cap.cap - a.sales_cap.annual_sales;
    a.work_hours_capacity = round_decimal(ar.integration_production_hours, 2, mode);

    Decimal work_hours{0};
    for (const auto& job : jobs) {
      if (&aci.atelier(job.atelier, "job[" + job.name + "].atelier") != &at) continue;
      const auto f = quote::compute_figures<Decimal>(aci, job, table, pricing);
      const auto q = quote::round_quote(f, job, at.name, pricing);
      work_hours += f.work_hours;
      a.jobs.push_back({job.name, job.date, q.insertion.insertion_hours, q.price.ht, q.full_cost, q.net_cost,
                        q.marginal_cost, q.subsidies_total});
      a.jobs_sales += q.price.ht;
      a.jobs_subsidies += q.subsidies_total;
    }
    a.jobs_work_hours = round_decimal(work_hours, 2, mode);
    a.sales_with_jobs = at.annual_sales + a.jobs_sales;
    a.headroom_with_jobs = a.sales_cap.cap - a.sales_with_jobs;
    const auto warn = [&a](const char* code, const std::string& msg) { a.warnings.push_back({code, msg}); };
    if (work_hours > ar.integration_production_hours) {
      warn("jobs_exceed_capacity", "the jobs need " + to_string(a.jobs_work_hours) +
                                       " integration work hours, more than the atelier's year of " +
                                       to_string(a.work_hours_capacity) + " h");
    }
    if (a.sales_with_jobs >= a.sales_cap.cap) {
      warn("sales_cap_with_jobs", "booked sales with every job won (" + a.sales_with_jobs.format_fr() +
                                      ") reach the D5132-34 cap " + a.sales_cap.cap.format_fr());
    }
    if (a.result < Money()) {
      warn("deficit", "the year's products " + a.products_total.format_fr() + " fall short of its charges " +
                          a.charges_total.format_fr() + " by " + (-a.result).format_fr() +
                          " (before the jobs: sales booked so far only)");
    }
    y.ateliers.push_back(std::move(a));
  }
  // The ACI's total: the ateliers' shown lines added, so that it balances to the cent as well.
  const auto add_lines = [](std::vector<quote::Line>& total, const std::vector<quote::Line>& lines) {
    if (total.empty()) {
      total = lines;
      return;
    }
    for (std::size_t k = 0; k < lines.size(); ++k) total[k].amount += lines[k].amount;
  };
  for (const auto& a : y.ateliers) {
    add_lines(y.charges, a.charges);
    add_lines(y.products, a.products);
    y.charges_total += a.charges_total;
    y.products_total += a.products_total;
  }
  y.result = y.products_total - y.charges_total;
  return y;
}

}  // namespace aci::budget
