// aci::budget::PriceAnalysis: what a director asks of one job's price — the least to ask (the net
// cost), the contribution it leaves, the volume of such sales that balances the atelier's year,
// the price for a target margin, and the most the market, the over-compensation ceiling and the
// D5132-34 cap allow — exact to the cent.
#pragma once

#include <optional>
#include <string>

#include "aci_cost/budget/break_even.hpp"
#include "aci_cost/budget/year.hpp"
#include "aci_cost/quote/quote.hpp"

namespace aci::budget {

/// The price analysis of one job (every amount € excl. VAT, to the cent).
struct PriceAnalysis {
  std::string job;        ///< job name
  std::string atelier;    ///< its atelier
  std::string unit;       ///< the unit its output is sold in ("h" for its standard hours)
  Decimal sold_units{0};  ///< units sold
  quote::PricePolicy policy = quote::PricePolicy::fair_zone;  ///< the policy that set price_ht
  Money price_ht;                                             ///< the quote's price
  Money marginal_cost;                                        ///< what the job adds to the year
  Money contribution_margin;                                  ///< price - marginal cost
  Money contribution_per_unit;     ///< per unit sold (rounded; the volumes below use the exact figure)
  Money floor;                     ///< the net cost: below it the job undercuts ordinary firms with public money
  Money full_cost;                 ///< all costs
  Money market_price;              ///< the market's price of the job
  Money overcompensation_ceiling;  ///< above it, price + subsidies over-compensate
  Money fair_zone_price;           ///< the market price, floored at the net cost, capped at the ceiling
  Decimal target_margin{0};        ///< the margin asked on the net cost
  Money target_margin_price;       ///< net cost x (1 + target margin)
  Money cap_price;                 ///< the highest price keeping the atelier's sales strictly below its cap
  Money cap_price_derogation;      ///< the same with the préfet's derogation (up to sales_cap_derogation_max)
  bool cap_reached = false;        ///< booked sales already reach the cap (cap_price is then 0)
  Money cap_limited_price;         ///< min(fair-zone price, cap_price): the highest lawful fair price
  Money year_result;               ///< the atelier's year result before this job (booked sales only)
  /// Whole units of such sales (at this job's unit price and marginal cost) that bring the year
  /// to 0: 0 when it is not in deficit; none when the contribution is <= 0.
  std::optional<Decimal> break_even_units;
  Decimal volume{0};            ///< the volume break_even_unit_price is for (default: the job's units)
  Money break_even_unit_price;  ///< the lowest unit price over `volume` units that brings the year to 0
  friend bool operator==(const PriceAnalysis&, const PriceAnalysis&) = default;
};

/// The price analysis of `job` in `aci` (its quote at its date, its atelier's year at the same
/// date) with `target_margin` on the net cost and `volume` units for the break-even unit price
/// (none: the job's units sold). InvalidInput names "price.target_margin" or "price.volume".
inline PriceAnalysis analyse_price(const model::Aci& aci, const model::Job& job, const rates::RateTable& table,
                                   const quote::PricingOptions& pricing, const Decimal& target_margin = Decimal("0.05"),
                                   const std::optional<Decimal>& volume = std::nullopt) {
  ACI_COST_REQUIRE(target_margin > -1 && target_margin < 10, "price.target_margin", to_string(target_margin),
                   "must be in (-1, 10)");
  if (volume)
    ACI_COST_REQUIRE(*volume > 0 && *volume <= model::max_job_hours, "price.volume", to_string(*volume),
                     "must be in (0, 10000000]");
  const quote::Quote q = quote::make_quote(aci, job, table, pricing);
  const YearBudget y = year_budget(aci, {}, table, pricing, job.date);
  const model::Atelier& at = aci.atelier(job.atelier, "job.atelier");
  const AtelierYear& a = y.ateliers[quote::atelier_index(aci, at)];
  const Rounding mode = quote::effective_pricing(at, job, pricing).rounding;

  PriceAnalysis r;
  r.job = q.job;
  r.atelier = q.atelier;
  r.unit = q.per_unit.unit;
  r.sold_units = q.per_unit.sold;
  r.policy = q.price.policy;
  r.price_ht = q.price.ht;
  r.marginal_cost = q.marginal_cost;
  r.contribution_margin = q.price.ht - q.marginal_cost;
  r.floor = q.net_cost;
  r.full_cost = q.full_cost;
  r.market_price = q.bounds.market_price;
  r.overcompensation_ceiling = q.bounds.overcompensation_ceiling;
  r.fair_zone_price = quote::fair_zone_price(q.bounds);
  r.target_margin = target_margin;
  r.target_margin_price = (q.net_cost * (1 + target_margin)).rounded(mode);
  // D5132-34: sales must cover *less than* the cap share of the charges, hence a cent below.
  rates::RateLookup rates(table, job.date);
  const Money cent = Money::from_cents(1);
  const Money room = a.sales_cap.cap - a.sales_cap.annual_sales - cent;
  r.cap_reached = room < Money();
  r.cap_price = r.cap_reached ? Money() : room;
  const Money cap_derogation = (a.charges_total * rates.value(rates::Rate::sales_cap_derogation_max)).rounded(mode);
  const Money room_derogation = cap_derogation - a.sales_cap.annual_sales - cent;
  r.cap_price_derogation = room_derogation < Money() ? Money() : room_derogation;
  r.cap_limited_price = r.fair_zone_price < r.cap_price ? r.fair_zone_price : r.cap_price;
  r.year_result = a.result;
  // Cost-volume-profit in the job's units: the exact unit contribution and marginal cost.
  const Decimal deficit = -a.result.amount();
  const Decimal unit_contribution = ::aci::detail::quotient(r.contribution_margin.amount(), r.sold_units);
  r.contribution_per_unit = Money(unit_contribution).rounded(mode);
  r.break_even_units = break_even_volume(deficit, unit_contribution);
  r.volume = volume.value_or(r.sold_units);
  r.break_even_unit_price =
      break_even_unit_price(deficit, r.volume, ::aci::detail::quotient(r.marginal_cost.amount(), r.sold_units));
  return r;
}

}  // namespace aci::budget
