// aci::sharing::CoalitionCost: what the members of a coalition S pay a year to share the posts
// among themselves, c(S) — and, for S = {i}, what ACI i pays alone. Per post: the members of S
// that need it pool their hours; the post's weekly round visits their sites (in the members'
// order, back to the first) and its travel time is work time; the hours become contracts of at
// most 35 h (L3121-27), as few as cover them, evenly sized and none under the shortest contract
// the employer may sign: alone, the member's own rule (24 h, L3123-27, or a derogation at the
// employee's request, L3123-7); shared, the frame's. Each contract costs what the people model
// says (pay, contributions after the 2026 general reduction, per-head costs). Shared (two members
// or more), the post also costs its travel (€/km), coordination per member and, in an employers'
// group, the group's own costs (overhead rate, management, insurance, fee per member).
// c(S) is the sum over posts, so a game of several posts is the sum of one-post games.
// The problem is reduced once to scalars (T: Decimal or double); a coalition is arithmetic only.
//
// at_cost() is the invoice of staff lending (C. trav. L8241-1): each member other than the lender
// pays the hours worked for it (its need and its half of the round's legs that touch its site) at
// the post's loaded hourly cost — wages and employer contributions per hour worked — plus the
// kilometres of those legs; the lender pays the rest (per-person costs, coordination, idle hours
// of a contract raised to its minimum: nothing of it may be invoiced).
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
  people::StaffInputs<T> staff;  ///< one person of the post (weekly_hours set per contract)
  T productive_share{};          ///< productive share of contract hours: (1 - unpaid absence) x production share
  T shared_floor{};              ///< the shortest shared contract, h/week (the frame's part-time rule)
  T per_person_fixed{};          ///< recruitment + management + equipment, €/year per person
  T coordination_per_member{};   ///< €/year per member, when shared
  T fee_per_member{};            ///< the employers' group's fee, €/year per member, when shared
  T overhead_rate{};             ///< the employers' group's overhead, share of staff cost, when shared
  T group_fixed{};               ///< the employers' group's management and insurance, €/year, when shared
  T cost_per_km{};               ///< €/km
  T rounds_per_year{};           ///< rounds/week x service weeks/year
  FrameKind kind = FrameKind::staff_lending;  ///< who employs when shared
  int lender = -1;                            ///< the lending (carrying) member; -1: the largest need of each coalition
};

/// How one post is staffed for one coalition: the pooled need, the round, the contracts.
template <class T>
struct Staffing {
  Coalition users = 0;          ///< the members of S that need the post
  int count = 0;                ///< how many
  T need_hours{};               ///< their need, h/year
  T tour_km{};                  ///< one round, km (0 alone)
  T tour_hours{};               ///< one round, h (0 alone)
  T travel_hours{};             ///< the rounds of a year, h/year (distance scale applied)
  T contract_hours{};           ///< the contract hours needed, h/week (all persons)
  T persons{};                  ///< persons hired
  T weekly{};                   ///< each person's contract, h/week (raised to the floor)
  people::StaffCost<T> person;  ///< one person's annual figures at `weekly`
  T cost{};                     ///< what the post costs the coalition, €/year
};

/// The at-cost invoices of one post for one coalition (members indexed as in the problem).
template <class T>
struct AtCost {
  int lender = -1;       ///< the employer whose remainder closes the split (-1: none, or an employers' group)
  T rate{};              ///< loaded cost per hour worked: (wages + employer contributions) / hours worked, €/h
  std::vector<T> hours;  ///< hours worked for each member (need + its share of the round), h/year
  std::vector<T> km;     ///< its share of the round's kilometres, km/year
  std::vector<T> share;  ///< what each member pays, €/year (the invoices; the lender the rest)
};

/// The problem reduced to scalars: c(S) by arithmetic only. Its fields are public so that a
/// sweep can vary them (sharing/inputs.hpp).
template <class T>
struct CoalitionCost {
  int members = 0;  ///< n
  std::vector<PostScalars<T>> posts;
  std::vector<T> need;         ///< [p * n + i]: member i's need of post p, h/year
  std::vector<T> alone_floor;  ///< [p * n + i]: the shortest contract member i signs alone for post p, h/week
  std::vector<T> km;           ///< [i * n + j]: distance, km
  std::vector<T> hours;        ///< [i * n + j]: travel time, h
  T distance_scale = T(1);     ///< multiplies distances and travel times (sweeps)

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
      s.shared_floor = scalar_cast<T>(post.frame.part_time.floor());
      s.per_person_fixed =
          scalar_cast<T>((post.recruitment_annual + post.management_annual + post.equipment_annual).amount());
      s.coordination_per_member = scalar_cast<T>(post.coordination_per_member.amount());
      s.fee_per_member = scalar_cast<T>(post.frame.group_fee_per_member.amount());
      s.overhead_rate = scalar_cast<T>(post.frame.group_overhead_rate);
      s.group_fixed = scalar_cast<T>((post.frame.group_management_annual + post.frame.group_insurance_annual).amount());
      s.cost_per_km = scalar_cast<T>(post.cost_per_km.amount());
      s.rounds_per_year = scalar_cast<T>(post.rounds_per_week * post.service_weeks);
      s.kind = post.frame.kind;
      if (!post.frame.lender.empty()) s.lender = static_cast<int>(problem.member_index(post.frame.lender));
      c.posts.push_back(s);
    }
    for (std::size_t p = 0; p < problem.posts.size(); ++p)
      for (const Member& m : problem.members) {
        c.need.push_back(scalar_cast<T>(m.need(p)));
        c.alone_floor.push_back(scalar_cast<T>(m.alone_rule(p).floor()));
      }
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) {
        c.km.push_back(scalar_cast<T>(problem.distance_km[i][j]));
        c.hours.push_back(scalar_cast<T>(problem.travel_hours[i][j]));
      }
    return c;
  }

  /// Member i's need of post p, h/year.
  const T& need_of(std::size_t p, int i) const {
    return need[p * static_cast<std::size_t>(members) + static_cast<std::size_t>(i)];
  }

  /// The members of S that need post p.
  Coalition users(std::size_t p, Coalition s) const {
    Coalition out = 0;
    for (Coalition rest = s; rest != 0; rest &= rest - 1) {
      const int i = std::countr_zero(rest);
      if (need_of(p, i) > T(0)) out |= Coalition{1} << i;
    }
    return out;
  }

  /// The annual figures of one person of post p at `weekly` h/week.
  people::StaffCost<T> person_cost(std::size_t p, const T& weekly) const {
    people::StaffInputs<T> in = posts[p].staff;
    in.weekly_hours = weekly;
    return people::staff_cost(in);
  }
  /// The annual cost of one contract of post p at `weekly` h/week, €/year.
  T contract_cost(std::size_t p, const T& weekly) const { return person_cost(p, weekly).annual_cost; }

  /// Persons hired for `contract_hours` h/week: as few contracts of at most 35 h as cover them.
  static T persons_for(const T& contract_hours) {
    using boost::multiprecision::ceil;
    using std::ceil;
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

  /// How post p is staffed for S; `floor` (h/week) replaces the contract floor when given.
  Staffing<T> staffing(std::size_t p, Coalition s, const T* floor = nullptr) const {
    Staffing<T> out;
    out.users = users(p, s);
    if (out.users == 0) return out;
    const PostScalars<T>& post = posts[p];
    const auto n = static_cast<std::size_t>(members);
    std::size_t first = 0, previous = 0;
    for (Coalition rest = out.users; rest != 0; rest &= rest - 1) {
      const auto i = static_cast<std::size_t>(std::countr_zero(rest));
      out.need_hours += need[p * n + i];
      if (out.count == 0) {
        first = i;
      } else {
        out.tour_km += km[previous * n + i];
        out.tour_hours += hours[previous * n + i];
      }
      previous = i;
      ++out.count;
    }
    const bool shared = out.count >= 2;
    if (shared) {
      out.tour_km += km[previous * n + first];
      out.tour_hours += hours[previous * n + first];
      out.travel_hours = post.rounds_per_year * out.tour_hours * distance_scale;
    }
    out.contract_hours = (out.need_hours + out.travel_hours) / (T(people::weeks_per_year) * post.productive_share);
    out.persons = persons_for(out.contract_hours);
    out.weekly = out.contract_hours / out.persons;
    const T& minimum = floor != nullptr ? *floor : shared ? post.shared_floor : alone_floor[p * n + first];
    if (out.weekly < minimum) out.weekly = minimum;
    out.person = person_cost(p, out.weekly);
    const T staff = out.persons * out.person.annual_cost;
    out.cost = staff + out.persons * post.per_person_fixed;
    if (shared) {
      out.cost += staff * post.overhead_rate + post.group_fixed +
                  post.rounds_per_year * out.tour_km * distance_scale * post.cost_per_km +
                  T(out.count) * (post.coordination_per_member + post.fee_per_member);
    }
    return out;
  }

  /// What the members of S pay a year for post p, €/year.
  T post_cost(std::size_t p, Coalition s) const { return staffing(p, s).cost; }

  /// What member i pays a year for post p alone with contracts of at least `floor` h/week, €/year.
  T alone_cost(std::size_t p, int i, const T& floor) const { return staffing(p, Coalition{1} << i, &floor).cost; }

  /// c(S): the sum over posts, €/year.
  T operator()(Coalition s) const {
    T total(0);
    for (std::size_t p = 0; p < posts.size(); ++p) total += post_cost(p, s);
    return total;
  }

  /// The lender of post p in S: the frame's if it is a user of S, else the user with the largest need.
  int lender_of(std::size_t p, Coalition users_of_s) const {
    const int named = posts[p].lender;
    if (named >= 0 && ((users_of_s >> named) & 1u) != 0) return named;
    int best = -1;
    for (Coalition rest = users_of_s; rest != 0; rest &= rest - 1) {
      const int i = std::countr_zero(rest);
      if (best < 0 || need_of(p, i) > need_of(p, best)) best = i;
    }
    return best;
  }

  /// The at-cost split of post p's cost for S (see the file comment). In an employers' group the
  /// group itself employs and recovers its whole cost at its cost per hour: in proportion to need.
  AtCost<T> at_cost(std::size_t p, Coalition s) const {
    const auto n = static_cast<std::size_t>(members);
    const Staffing<T> st = staffing(p, s);
    AtCost<T> out;
    out.hours.assign(n, T(0));
    out.km.assign(n, T(0));
    out.share.assign(n, T(0));
    if (st.count == 0) return out;
    const PostScalars<T>& post = posts[p];
    out.rate = (st.person.annual_gross + st.person.employer_contributions) / st.person.production_hours;
    std::vector<std::size_t> order;
    for (Coalition rest = st.users; rest != 0; rest &= rest - 1)
      order.push_back(static_cast<std::size_t>(std::countr_zero(rest)));
    const std::size_t c = order.size();
    for (std::size_t k = 0; k < c; ++k) {
      const std::size_t i = order[k];
      out.hours[i] = need[p * n + i];
      if (c >= 2) {
        const std::size_t before = order[(k + c - 1) % c], after = order[(k + 1) % c];
        // Half of each leg of the round that touches i's site: the legs add up to the round.
        const T scale = post.rounds_per_year * distance_scale / T(2);
        out.hours[i] += scale * (hours[before * n + i] + hours[i * n + after]);
        out.km[i] = scale * (km[before * n + i] + km[i * n + after]);
      }
    }
    if (c == 1) {
      out.lender = static_cast<int>(order[0]);
      out.share[order[0]] = st.cost;
      return out;
    }
    if (post.kind == FrameKind::employers_group) {
      for (std::size_t i : order) out.share[i] = st.cost * need[p * n + i] / st.need_hours;
      return out;
    }
    out.lender = lender_of(p, st.users);
    T invoiced(0);
    for (std::size_t i : order) {
      if (static_cast<int>(i) == out.lender) continue;
      out.share[i] = out.hours[i] * out.rate + out.km[i] * post.cost_per_km;
      invoiced += out.share[i];
    }
    out.share[static_cast<std::size_t>(out.lender)] = st.cost - invoiced;
    return out;
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
