// The three-ACI problem the sharing tests derive by hand, and what they share.
#pragma once

#include <stdexcept>
#include <string>

#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/sharing/problem.hpp"
#include "aci_cost/sharing/split_method.hpp"

namespace aci::sharing::test {

// One psychologist at 25 €/h, employer contributions 40 % (rate mode: no reduction, to keep
// the arithmetic by hand: a contract hour costs 35 €), no leave or meetings (every paid hour is
// available), management 1,000 €/year per person, coordination 500 €/member, 0.50 €/km, one
// round a week for 47 weeks. A needs 10 h/week, B 12, C 20, 52 weeks a year; sites A-B 20 km
// (0.5 h), B-C 15 km (0.25 h), A-C 30 km (0.75 h).
inline SharingProblem three_acis(FrameKind kind = FrameKind::staff_lending) {
  SharingProblem p;
  SharedPost post;
  post.name = "psychologist";
  post.staff.name = "psychologist";
  post.staff.role = people::Role::support;
  post.staff.pay_basis = people::PayBasis::hourly;
  post.staff.pay = Money::parse("25");
  post.staff.employer_rate = Decimal("0.40");
  post.management_annual = Money::parse("1000");
  post.coordination_per_member = Money::parse("500");
  post.cost_per_km = Money::parse("0.50");
  post.frame.kind = kind;
  p.posts.push_back(post);
  p.members = {{"A", {Decimal(10)}, {Decimal(52)}, {}},
               {"B", {Decimal(12)}, {Decimal(52)}, {}},
               {"C", {Decimal(20)}, {Decimal(52)}, {}}};
  p.distance_km = {{Decimal(0), Decimal(20), Decimal(30)},
                   {Decimal(20), Decimal(0), Decimal(15)},
                   {Decimal(30), Decimal(15), Decimal(0)}};
  p.travel_hours = {{Decimal(0), Decimal("0.5"), Decimal("0.75")},
                    {Decimal("0.5"), Decimal(0), Decimal("0.25")},
                    {Decimal("0.75"), Decimal("0.25"), Decimal(0)}};
  return p;
}

/// The members' masks.
inline constexpr Coalition A = 1, B = 2, C = 4;

/// x to 18 decimals (c(S) divides the hours by 52 weeks and multiplies back: exact to ~45 digits).
inline Decimal r18(const Decimal& x) { return round_decimal(x, 18, Rounding::half_even); }

/// The split `m` of the whole problem, or of one post's cost.
template <class Splits>
const auto& split_of(const Splits& splits, SplitMethod m) {
  for (const auto& s : splits)
    if (s.method == m) return s;
  throw std::runtime_error("no split " + std::string(split_name(m)));
}

}  // namespace aci::sharing::test
