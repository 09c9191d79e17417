// aci::people::PayFloor: a staff group's pay against the minimum of the collective agreement of
// ACIs (CCN des ateliers et chantiers d'insertion, IDCC 3016): monthly minimum = the class's
// minimum coefficient x the value of the point (rates::Rate::ccn_coefficient / ccn_point_value),
// for a full-time post of 35 h a week; a part-time post is compared on its full-time equivalent.
#pragma once

#include <optional>
#include <string>

#include "aci_cost/decimal.hpp"
#include "aci_cost/detail/divisor.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/rates/rate_table.hpp"

namespace aci::people {

/// The weekly hours of a full-time post under the agreement (the legal 35 h), h/week.
inline constexpr int ccn_full_time_weekly_hours = 35;

/// A group's pay against its class's minimum at a date.
struct PayFloor {
  std::string ccn_class;         ///< the class (emploi repère and level), e.g. "encadrant_b"
  Decimal coefficient{0};        ///< its minimum coefficient, points
  Decimal point_value{0};        ///< €/point/month
  Money minimum_monthly;         ///< coefficient x point, € a month for 35 h a week (exact)
  Decimal full_time_monthly{0};  ///< the group's pay as € a month for 35 h a week (exact)
  bool below = false;            ///< full_time_monthly < minimum_monthly
  friend bool operator==(const PayFloor&, const PayFloor&) = default;
};

/// The floor of `g` at `rates.date()` (the figures are looked up, and recorded as used); none
/// when the group names no class. The full-time equivalent of hourly pay (or the SMIC) is
/// pay x 35 x 52 / 12, of monthly pay for w h a week pay x 35 / w.
inline std::optional<PayFloor> pay_floor(const StaffGroup& g, rates::RateLookup& rates) {
  if (g.ccn_class.empty()) return std::nullopt;
  using rates::Rate;
  PayFloor f;
  f.ccn_class = g.ccn_class;
  f.coefficient = rates.value(Rate::ccn_coefficient, g.ccn_class);
  f.point_value = rates.value(Rate::ccn_point_value);
  f.minimum_monthly = Money(f.coefficient * f.point_value);
  const Decimal full_time(ccn_full_time_weekly_hours);
  switch (g.pay_basis) {
    // Exact quotients (detail/divisor.hpp): 12 and the weekly hours are short decimals.
    case PayBasis::smic:
      f.full_time_monthly =
          ::aci::detail::quotient(rates.value(Rate::smic_hourly) * full_time * weeks_per_year, Decimal(12));
      break;
    case PayBasis::hourly:
      f.full_time_monthly = ::aci::detail::quotient(g.pay.amount() * full_time * weeks_per_year, Decimal(12));
      break;
    case PayBasis::monthly:
      f.full_time_monthly = ::aci::detail::quotient(g.pay.amount() * full_time, g.weekly_hours);
      break;
  }
  f.below = f.full_time_monthly < f.minimum_monthly.amount();
  return f;
}

/// pay_floor(), and InvalidInput naming `path`.pay when the pay is below the minimum and the group
/// does not accept it (StaffGroup::pay_below_minimum_accepted). True when it is below and accepted
/// (the caller warns).
template <class Path>
bool check_pay_floor(const StaffGroup& g, rates::RateLookup& rates, const Path& path) {
  const auto f = pay_floor(g, rates);
  if (!f || !f->below) return false;
  if (g.pay_below_minimum_accepted) return true;
  throw InvalidInput(
      ::aci::detail::path_text(path) + ".pay", g.pay_basis == PayBasis::smic ? std::string("SMIC") : g.pay.to_string(),
      "below the minimum of the collective agreement of ACIs (IDCC 3016) for class " + f->ccn_class + " at " +
          rates.date().to_string() + ": " + f->minimum_monthly.format_fr() + " a month for 35 h a week (" +
          to_string(f->coefficient) + " points x " + to_string(f->point_value) +
          " €); pay at least that, or set pay_below_minimum_accepted "
          "(a warning instead)");
}

}  // namespace aci::people
