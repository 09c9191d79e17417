// Implementation of budget/year.hpp.
#pragma once

#include "aci_cost/budget/year.hpp"
#include "aci_cost/quote/atelier_rates.hpp"
#include "aci_cost/quote/structure.hpp"
#include "aci_cost/detail/divisor.hpp"

#include <algorithm>

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

/// The months of each shown line: monthly exact values (`monthly[m][k]`) rounded so that each
/// line's twelve months add up to its shown annual amount (fill_cents: largest remainder, ties
/// to the earlier month); a month's total is the sum of its shown lines.
template <std::size_t N>
void shown_months(const std::array<std::array<Decimal, N>, 12>& monthly, const std::vector<quote::Line>& annual,
                  const std::array<std::string_view, N>& keys, bool charges, std::vector<MonthInYear>& months) {
  for (std::size_t k = 0; k < N; ++k) {
    std::vector<Decimal> exact(12);
    for (std::size_t m = 0; m < 12; ++m) exact[m] = monthly[m][k];
    const auto parts = fill_cents(exact, annual[k].amount);
    for (std::size_t m = 0; m < 12; ++m) {
      auto& month = months[m];
      const quote::Line line{std::string(keys[k]), parts[m]};
      (charges ? month.charges : month.products).push_back(line);
      (charges ? month.charges_total : month.products_total) += line.amount;
    }
  }
}

/// x / 12, exact whenever it terminates (detail/divisor.hpp: the long division by a short decimal).
inline Decimal twelfth(const Decimal& x) { return ::aci::detail::quotient(x, Decimal(12)); }

/// Adds lines `lines` to `total` key by key (the first time, copies them).
inline void add_lines(std::vector<quote::Line>& total, const std::vector<quote::Line>& lines) {
  if (total.empty()) {
    total = lines;
    return;
  }
  for (std::size_t k = 0; k < lines.size(); ++k) total[k].amount += lines[k].amount;
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
  y.year = date.year;
  // Each month with the rates in force on its first day: the shared charges, then each atelier's
  // annual figures at those rates, of which the month takes a twelfth.
  std::array<quote::SharedCharges, 12> shared;
  for (int m = 0; m < 12; ++m)
    shared[static_cast<std::size_t>(m)] = quote::shared_charges(aci, table, Date{date.year, m + 1, 1}, mode);
  Decimal grants{0};
  for (const auto& s : shared) grants += s.public_grants;
  y.public_grants = round_decimal(detail::twelfth(grants), 2, mode);
  y.audit_required = false;
  for (const auto& s : shared) y.audit_required = y.audit_required || s.audit_required;

  for (std::size_t i = 0; i < aci.ateliers.size(); ++i) {
    const model::Atelier& at = aci.ateliers[i];
    AtelierYear a;
    a.atelier = at.name;
    std::array<std::array<Decimal, charge_keys.size()>, 12> charges_m{};
    std::array<std::array<Decimal, product_keys.size()>, 12> products_m{};
    // Sums of the twelve months' annual figures: the year is each sum / 12 (one division, exact
    // when the rates do not change).
    std::array<Decimal, charge_keys.size()> charges{};
    std::array<Decimal, product_keys.size()> products{};
    Decimal capacity{0};
    std::vector<rates::RateEntry> unconfirmed;
    for (std::size_t m = 0; m < 12; ++m) {
      rates::RateLookup rates(table, Date{date.year, static_cast<int>(m) + 1, 1});
      const auto ar = quote::atelier_rates<Decimal>(at, aci.large_employer, rates,
                                                    "aci.ateliers[" + std::to_string(i) + "]", shared[m].structure[i]);
      const std::array<Decimal, charge_keys.size()> annual_c = {
          ar.salaries,      ar.contributions,     ar.per_head_costs,
          ar.overheads,     ar.structure_charges, shared[m].statutory_audit[i].amount(),
          ar.other_charges, ar.equipment_charges, ar.vehicle_charges};
      std::array<Decimal, product_keys.size()> annual_p{};
      annual_p[0] = at.annual_sales.amount();
      for (std::size_t k = 0; k < quote::financer_count; ++k) annual_p[k + 1] = ar.funding[k];
      for (std::size_t k = 0; k < charges.size(); ++k) {
        charges_m[m][k] = detail::twelfth(annual_c[k]);
        charges[k] += annual_c[k];
      }
      for (std::size_t k = 0; k < products.size(); ++k) {
        products_m[m][k] = detail::twelfth(annual_p[k]);
        products[k] += annual_p[k];
      }
      capacity += ar.integration_production_hours;
      for (auto& e : rates.unconfirmed())
        if (std::find(unconfirmed.begin(), unconfirmed.end(), e) == unconfirmed.end()) unconfirmed.push_back(e);
    }
    for (auto& x : charges) x = detail::twelfth(x);
    for (auto& x : products) x = detail::twelfth(x);
    capacity = detail::twelfth(capacity);
    a.charges_total = detail::shown(charges, charge_keys, mode, a.charges);
    a.products_total = detail::shown(products, product_keys, mode, a.products);
    a.result = a.products_total - a.charges_total;
    a.months.resize(12);
    for (std::size_t m = 0; m < 12; ++m) a.months[m].month = static_cast<int>(m) + 1;
    detail::shown_months(charges_m, a.charges, charge_keys, true, a.months);
    detail::shown_months(products_m, a.products, product_keys, false, a.months);
    for (auto& month : a.months) month.result = month.products_total - month.charges_total;

    a.sales_cap.cap_share = at.sales_cap_share;
    a.sales_cap.annual_charges = a.charges_total;
    a.sales_cap.cap = (a.charges_total * at.sales_cap_share).rounded(mode);
    a.sales_cap.annual_sales = at.annual_sales;
    a.sales_cap.headroom = a.sales_cap.cap - a.sales_cap.annual_sales;
    a.work_hours_capacity = round_decimal(capacity, 2, mode);

    Decimal work_hours{0};
    for (const auto& job : jobs) {
      if (&aci.atelier(job.atelier, "job[" + job.name + "].atelier") != &at) continue;
      const auto f = quote::compute_figures<Decimal>(aci, job, table, pricing);
      const auto q = quote::round_quote(f, job, at.name);
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
    if (work_hours > capacity) {
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
    for (const auto& e : unconfirmed) {
      warn("rate_unconfirmed", e.label() + ": " + to_string(e.value) + " " + e.unit + " from " +
                                   e.effective.to_string() + " is reported, not confirmed on the primary text (" +
                                   e.source + "); the last confirmed figure is used (rates_use_unconfirmed uses it)");
    }
    y.ateliers.push_back(std::move(a));
  }
  // The ACI's total: the ateliers' shown lines added, so that it balances to the cent as well.
  y.months.resize(12);
  for (std::size_t m = 0; m < 12; ++m) y.months[m].month = static_cast<int>(m) + 1;
  for (const auto& a : y.ateliers) {
    detail::add_lines(y.charges, a.charges);
    detail::add_lines(y.products, a.products);
    y.charges_total += a.charges_total;
    y.products_total += a.products_total;
    for (std::size_t m = 0; m < 12; ++m) {
      detail::add_lines(y.months[m].charges, a.months[m].charges);
      detail::add_lines(y.months[m].products, a.months[m].products);
      y.months[m].charges_total += a.months[m].charges_total;
      y.months[m].products_total += a.months[m].products_total;
    }
  }
  for (auto& month : y.months) month.result = month.products_total - month.charges_total;
  y.result = y.products_total - y.charges_total;
  return y;
}

}  // namespace aci::budget
