// Implementation of actuals/variance.hpp, actuals/hour_cost.hpp and actuals/job_variance.hpp.
#pragma once

#include "aci_cost/actuals/hour_cost.hpp"
#include "aci_cost/actuals/job_variance.hpp"
#include "aci_cost/actuals/variance.hpp"

namespace aci::actuals {

namespace detail {
/// One row of the variances.
inline LineVariance line_variance(const std::string& atelier, Side side, std::string key, const Money& forecast,
                                  const Money& actual, Rounding mode) {
  LineVariance v{atelier, side, std::move(key), forecast, actual, actual - forecast, std::nullopt, false};
  if (forecast != Money()) {
    const Decimal base = forecast < Money() ? Decimal(-forecast.amount()) : forecast.amount();
    v.percent = round_decimal(v.variance.amount() * 100u / base, 2, mode);
  }
  v.favourable = side == Side::charges ? v.variance < Money() : v.variance > Money();
  return v;
}

/// The rows of one side: the forecast's keys, then the actual's others, then the total.
inline void side_variances(const std::string& atelier, Side side, const std::vector<quote::Line>& forecast,
                           const Money& forecast_total, const std::vector<quote::Line>& actual,
                           const Money& actual_total, Rounding mode, std::vector<LineVariance>& out) {
  const auto find = [](const std::vector<quote::Line>& lines, const std::string& key) -> Money {
    for (const auto& l : lines)
      if (l.key == key) return l.amount;
    return Money();
  };
  for (const auto& l : forecast)
    out.push_back(line_variance(atelier, side, l.key, l.amount, find(actual, l.key), mode));
  for (const auto& l : actual) {
    bool known = false;
    for (const auto& f : forecast) known = known || f.key == l.key;
    if (!known) out.push_back(line_variance(atelier, side, l.key, Money(), l.amount, mode));
  }
  out.push_back(line_variance(atelier, side, std::string(total_key), forecast_total, actual_total, mode));
}
}  // namespace detail

ACI_COST_INLINE std::vector<LineVariance> year_variances(const budget::YearBudget& forecast,
                                                         const budget::YearBudget& actual, Rounding mode) {
  std::vector<LineVariance> out;
  const auto statement = [&](const std::string& name, const std::vector<quote::Line>& fc, const Money& fct,
                             const std::vector<quote::Line>& fp, const Money& fpt, const Money& fr,
                             const std::vector<quote::Line>& ac, const Money& act, const std::vector<quote::Line>& ap,
                             const Money& apt, const Money& ar) {
    detail::side_variances(name, Side::charges, fc, fct, ac, act, mode, out);
    detail::side_variances(name, Side::products, fp, fpt, ap, apt, mode, out);
    out.push_back(detail::line_variance(name, Side::result, "result", fr, ar, mode));
  };
  for (const auto& f : forecast.ateliers) {
    const budget::AtelierYear* a = nullptr;
    for (const auto& x : actual.ateliers)
      if (x.atelier == f.atelier) a = &x;
    ACI_COST_REQUIRE(a != nullptr, "variances.actual.ateliers", "\"" + f.atelier + "\"",
                     "the forecast's atelier is missing from the actual year");
    statement(f.atelier, f.charges, f.charges_total, f.products, f.products_total, f.result, a->charges,
              a->charges_total, a->products, a->products_total, a->result);
  }
  for (const auto& x : actual.ateliers) {
    bool known = false;
    for (const auto& f : forecast.ateliers) known = known || f.atelier == x.atelier;
    ACI_COST_REQUIRE(known, "variances.actual.ateliers", "\"" + x.atelier + "\"", "not an atelier of the forecast");
  }
  statement("total", forecast.charges, forecast.charges_total, forecast.products, forecast.products_total,
            forecast.result, actual.charges, actual.charges_total, actual.products, actual.products_total,
            actual.result);
  return out;
}

ACI_COST_INLINE HourCost hour_cost(const budget::AtelierYear& year, const AtelierHours& hours, Rounding mode) {
  const std::string p = "hour_cost[" + year.atelier + "]";
  ACI_COST_REQUIRE(hours.insertion_hours > 0, p + ".insertion_hours", to_string(hours.insertion_hours),
                   "must be > 0: an atelier without paid integration hours has no cost per insertion hour");
  ACI_COST_REQUIRE(hours.production_hours > 0, p + ".production_hours", to_string(hours.production_hours),
                   "must be > 0: an atelier without production hours has no cost per production hour");
  HourCost c;
  c.atelier = year.atelier;
  c.insertion_hours = hours.insertion_hours;
  c.production_hours = hours.production_hours;
  c.charges = year.charges_total;
  Money per_use, other_products;
  for (const auto& l : year.charges)
    for (auto k : per_use_keys)
      if (l.key == k) per_use += l.amount;
  for (const auto& l : year.products)
    if (l.key != budget::product_keys[0]) other_products += l.amount;
  c.net_charges = year.charges_total - other_products;
  c.per_insertion_hour = Money(c.charges.amount() / hours.insertion_hours).rounded(mode);
  c.per_production_hour = Money(c.charges.amount() / hours.production_hours).rounded(mode);
  c.net_per_production_hour = Money(c.net_charges.amount() / hours.production_hours).rounded(mode);
  c.hourly_rate = Money((c.charges - per_use).amount() / hours.production_hours).rounded(mode);
  return c;
}

ACI_COST_INLINE JobVariance job_variance(const std::string& job, const std::string& atelier, const JobHours& quoted,
                                         const JobHours& actual, Rounding mode) {
  const auto p = [&job](const char* side, const char* field) { return "job[" + job + "]." + side + "." + field; };
  ACI_COST_REQUIRE(quoted.standard_hours > 0, p("quoted", "standard_hours"), to_string(quoted.standard_hours),
                   "must be > 0");
  ACI_COST_REQUIRE(quoted.on_site_hours > 0, p("quoted", "on_site_hours"), to_string(quoted.on_site_hours),
                   "must be > 0");
  ACI_COST_REQUIRE(actual.on_site_hours > 0, p("actual", "on_site_hours"), to_string(actual.on_site_hours),
                   "must be > 0: a job not yet worked has no actual cost to compare");
  ACI_COST_REQUIRE(actual.standard_hours >= 0, p("actual", "standard_hours"), to_string(actual.standard_hours),
                   "must be >= 0");
  ACI_COST_REQUIRE(quoted.travel_hours >= 0, p("quoted", "travel_hours"), to_string(quoted.travel_hours),
                   "must be >= 0");
  ACI_COST_REQUIRE(actual.travel_hours >= 0, p("actual", "travel_hours"), to_string(actual.travel_hours),
                   "must be >= 0");
  JobVariance v;
  v.job = job;
  v.atelier = atelier;
  v.quoted = quoted;
  v.actual = actual;
  const Decimal& Sq = quoted.standard_hours;
  const Decimal& Hq = quoted.on_site_hours;
  const Decimal Wq = Hq + quoted.travel_hours;
  const Decimal& Rq = quoted.hourly_rate.amount();
  const Decimal& Sa = actual.standard_hours;
  const Decimal& Ha = actual.on_site_hours;
  const Decimal& Ta = actual.travel_hours;
  const Decimal Wa = Ha + Ta;
  const Decimal& Ra = actual.hourly_rate.amount();
  const Decimal Hs = Hq * Sa / Sq;
  v.quoted_productivity = round_decimal(Sq / Hq, 4, mode);
  v.actual_productivity = round_decimal(Sa / Ha, 4, mode);
  v.allowed_on_site_hours = round_decimal(Hs, 2, mode);
  v.quoted_cost = Money(Wq * Rq).rounded(mode);
  v.actual_cost = Money(Wa * Ra).rounded(mode);
  v.variance = v.actual_cost - v.quoted_cost;
  // Exact parts in cents; they add up to C_a - C_q, which differs from the shown variance by less
  // than a cent, so the largest remainder hands out between 0 and 3 cents (money.hpp).
  const std::vector<Decimal> cents = {(Ra - Rq) * Wa * 100u, (Ha - Hs) * Rq * 100u, (Hs + Ta - Wq) * Rq * 100u};
  const auto parts = largest_remainder(cents, v.variance.cents());
  v.rate_variance = Money::from_cents(parts[0]);
  v.productivity_variance = Money::from_cents(parts[1]);
  v.hours_variance = Money::from_cents(parts[2]);
  return v;
}

}  // namespace aci::actuals
