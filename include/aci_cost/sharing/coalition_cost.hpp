// aci::sharing::CoalitionCost: what the members of a coalition S pay a year to share the posts
// among themselves, c(S) — and, for S = {i}, what ACI i pays alone. Per post: the members of S
// that need it pool their hours; the post's weekly round visits their sites (in the members'
// order, back to the first) and its travel time is work time; the hours become contracts of at
// most 35 h (L3121-27), as few as cover them, evenly sized and none under the part-time minimum
// (24 h, L3123-7, unless a derogation); each contract costs what the people model says (pay,
// contributions after the 2026 general reduction, per-head costs). Shared (two members or more),
// the post also costs its travel (€/km), coordination per member and the frame's overhead.
// c(S) is the sum over posts, so a game of several posts is the sum of one-post games.
// The problem is reduced once to scalars (T: Decimal or double); a coalition is arithmetic only.
#pragma once

#include <bit>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "aci_cost/sharing/game.hpp"
#include "aci_cost/sharing/legal_frame.hpp"
#include "aci_cost/sharing/problem.hpp"

namespace aci::sharing {

/// One post reduced to scalars.
template <class T>
struct PostScalars {
  people::StaffInputs<T> staff;   ///< one person of the post (weekly_hours set per contract)
  T productive_share{};           ///< productive share of contract hours: (1 - unpaid absence) x production share
  T minimum_hours{};              ///< part-time minimum, h/week (24, or the derogation's)
  T per_person_fixed{};           ///< recruitment + management + equipment, €/year per person
  T coordination_per_member{};    ///< €/year per member, when shared
  T fee_per_member{};             ///< the employers' group's fee, €/year per member, when shared
  T overhead_rate{};              ///< the employers' group's overhead, share of staff cost, when shared
  T cost_per_km{};                ///< €/km
  T rounds_per_year{};            ///< rounds/week x service weeks/year
};

/// The problem reduced to scalars: c(S) by arithmetic only. Its fields are public so that a
/// sweep can vary them (sharing/inputs.hpp).
template <class T>
struct CoalitionCost {
  int members = 0;                 ///< n
  std::vector<PostScalars<T>> posts;
  std::vector<T> need;             ///< [p * n + i]: member i's need of post p, h/year
  std::vector<T> km;               ///< [i * n + j]: distance, km
  std::vector<T> hours;            ///< [i * n + j]: travel time, h
  T distance_scale = T(1);         ///< multiplies distances and travel times (sweeps)

  /// The scalars of `problem` (validated here) at its date.
  static CoalitionCost of(const SharingProblem& problem) {
    problem.validate();
    CoalitionCost c;
    const std::size_t n = problem.members.size();
    c.members = static_cast<int>(n);
    for (const SharedPost& post : problem.posts) {
      rates::RateLookup lookup(problem.rate_table, problem.date);
      // Checks once, at full time, that the rate covers the reduction (hourly pay: the
      // coefficient does not depend on the hours).
      people::StaffGroup full = post.staff;
      full.weekly_hours = Decimal(full_time_hours);
      (void)people::annual_staff_cost<Decimal>(full, lookup);
      PostScalars<T> s;
      s.staff = people::staff_inputs<T>(post.staff, lookup);
      s.productive_share = (T(1) - s.staff.unpaid_absence) * s.staff.production_share();
      s.minimum_hours = scalar_cast<T>(post.frame.minimum_weekly_hours());
      s.per_person_fixed = scalar_cast<T>((post.recruitment_annual + post.management_annual + post.equipment_annual).amount());
      s.coordination_per_member = scalar_cast<T>(post.coordination_per_member.amount());
      s.fee_per_member = scalar_cast<T>(post.frame.group_fee_per_member.amount());
      s.overhead_rate = scalar_cast<T>(post.frame.group_overhead_rate);
      s.cost_per_km = scalar_cast<T>(post.cost_per_km.amount());
      s.rounds_per_year = scalar_cast<T>(post.rounds_per_week * post.service_weeks);
      c.posts.push_back(s);
    }
    for (std::size_t p = 0; p < problem.posts.size(); ++p)
      for (const Member& m : problem.members) c.need.push_back(scalar_cast<T>(m.hours[p] * m.weeks[p]));
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) {
        c.km.push_back(scalar_cast<T>(problem.distance_km[i][j]));
        c.hours.push_back(scalar_cast<T>(problem.travel_hours[i][j]));
      }
    return c;
  }

  /// The members of S that need post p.
  Coalition users(std::size_t p, Coalition s) const {
    Coalition out = 0;
    for (Coalition rest = s; rest != 0; rest &= rest - 1) {
      const int i = std::countr_zero(rest);
      if (need[p * static_cast<std::size_t>(members) + static_cast<std::size_t>(i)] > T(0)) out |= Coalition{1} << i;
    }
    return out;
  }

  /// The annual cost of one contract of post p at `weekly` h/week, €/year.
  T contract_cost(std::size_t p, const T& weekly) const {
    people::StaffInputs<T> in = posts[p].staff;
    in.weekly_hours = weekly;
    return people::staff_cost(in).annual_cost;
  }

  /// Persons hired for `contract_hours` h/week: as few contracts of at most 35 h as cover them.
  static T persons_for(const T& contract_hours) {
    using std::ceil;
    using boost::multiprecision::ceil;
    // A hair below the exact multiple still counts as it: a quotient may be off in its last digit.
    T tolerance;
    if constexpr (std::is_same_v<T, double>) {
      tolerance = 1e-9;
    } else {
      tolerance = T("1e-30");
    }
    T k = ceil(contract_hours / T(full_time_hours) - tolerance);
    return k < T(1) ? T(1) : k;
  }

  /// What the members of S pay a year for post p, €/year.
  T post_cost(std::size_t p, Coalition s) const {
    const Coalition u = users(p, s);
    if (u == 0) return T(0);
    const PostScalars<T>& post = posts[p];
    const auto n = static_cast<std::size_t>(members);
    T need_hours(0), tour_km(0), tour_hours(0);
    int count = 0;
    std::size_t first = 0, previous = 0;
    for (Coalition rest = u; rest != 0; rest &= rest - 1) {
      const auto i = static_cast<std::size_t>(std::countr_zero(rest));
      need_hours += need[p * n + i];
      if (count == 0) {
        first = i;
      } else {
        tour_km += km[previous * n + i];
        tour_hours += hours[previous * n + i];
      }
      previous = i;
      ++count;
    }
    const bool shared = count >= 2;
    if (shared) {
      tour_km += km[previous * n + first];
      tour_hours += hours[previous * n + first];
    }
    const T travel_hours = shared ? post.rounds_per_year * tour_hours * distance_scale : T(0);
    const T contract_hours = (need_hours + travel_hours) / (T(people::weeks_per_year) * post.productive_share);
    const T persons = persons_for(contract_hours);
    T weekly = contract_hours / persons;
    if (weekly < post.minimum_hours) weekly = post.minimum_hours;
    const T staff = persons * contract_cost(p, weekly);
    T cost = staff + persons * post.per_person_fixed;
    if (shared) {
      cost += staff * post.overhead_rate + post.rounds_per_year * tour_km * distance_scale * post.cost_per_km +
              T(count) * (post.coordination_per_member + post.fee_per_member);
    }
    return cost;
  }

  /// c(S): the sum over posts, €/year.
  T operator()(Coalition s) const {
    T total(0);
    for (std::size_t p = 0; p < posts.size(); ++p) total += post_cost(p, s);
    return total;
  }

  /// The tabulated game of every coalition (n <= 25).
  CostGame<T> game() const {
    return CostGame<T>::tabulate(members, [this](Coalition s) { return (*this)(s); });
  }
  /// The tabulated game of post p alone.
  CostGame<T> post_game(std::size_t p) const {
    return CostGame<T>::tabulate(members, [this, p](Coalition s) { return post_cost(p, s); });
  }
};

}  // namespace aci::sharing
