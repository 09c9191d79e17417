// aci::sharing: the best grouping — the partition of the members into groups that each share on
// their own which minimises the total cost, sum over groups B of c(B) — exact, by dynamic
// programming over subsets: best(S) = min over the groups B of S that hold S's lowest member of
// c(B) + best(S \ B), O(3^n) (each member is in B, in S \ B, or outside S). Also every optimal
// grouping (ties), up to a limit. A grouping can be stable (no set of members, across groups,
// would rather pay its own cost) only if it is optimal (Aumann & Drèze 1974, "Cooperative games
// with coalition structures", IJGT 3(4) 217-237); the LP that decides it is in nucleolus.hpp.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "aci_cost/error.hpp"
#include "aci_cost/sharing/game.hpp"

namespace aci::sharing {

/// Largest group the best grouping is searched for (3^n steps: 43 million at 16).
inline constexpr int grouping_max_players = 16;

/// A partition of the members into groups, and its total cost.
template <class T>
struct Grouping {
  std::vector<Coalition> groups;  ///< the groups, by their lowest member
  T cost{};                       ///< sum of c(B) over the groups
};

/// For every coalition S, the least total cost of a partition of S, and the group holding S's
/// lowest member in the first such partition found (ties: the group with the larger mask, S itself first).
template <class T>
struct GroupingTable {
  std::vector<T> best;          ///< [S]: least total cost of a partition of S
  std::vector<Coalition> head;  ///< [S]: the group of S's lowest member in it
};

/// The dynamic programme over the 2^n values c[S] of an n-player game (n <= grouping_max_players).
template <class T>
GroupingTable<T> grouping_table(int n, const std::vector<T>& c) {
  ACI_COST_REQUIRE(n >= 1 && n <= grouping_max_players, "grouping.players", n,
                   "the best grouping is searched for 1 to 16 members (3^n steps)");
  ACI_COST_REQUIRE(c.size() == (std::size_t{1} << n), "grouping.values", c.size(), "needs 2^n values");
  GroupingTable<T> t;
  t.best.assign(c.size(), T(0));
  t.head.assign(c.size(), 0);
  for (Coalition s = 1; s < c.size(); ++s) {
    const Coalition low = s & (~s + 1);
    const Coalition rest = s & ~low;
    // Sub-masks of rest from rest itself down to 0: B = low | sub, the larger groups first.
    Coalition sub = rest;
    bool first = true;
    while (true) {
      const Coalition b = low | sub;
      const T total = c[b] + t.best[s & ~b];
      if (first || total < t.best[s]) {
        t.best[s] = total;
        t.head[s] = b;
        first = false;
      }
      if (sub == 0) break;
      sub = (sub - 1) & rest;
    }
  }
  return t;
}

/// The best grouping of all n players.
template <class T>
Grouping<T> best_grouping(int n, const std::vector<T>& c) {
  const GroupingTable<T> t = grouping_table(n, c);
  Grouping<T> g;
  const Coalition all = grand_coalition(n);
  g.cost = t.best[all];
  for (Coalition s = all; s != 0; s &= ~t.head[s]) g.groups.push_back(t.head[s]);
  return g;
}

/// Every grouping of the n players whose cost equals the least (exactly: use integer cents or
/// Decimals), up to `limit` of them, in a fixed order (larger first groups first).
template <class T>
std::vector<Grouping<T>> optimal_groupings(int n, const std::vector<T>& c, std::size_t limit) {
  const GroupingTable<T> t = grouping_table(n, c);
  std::vector<Grouping<T>> out;
  std::vector<Coalition> stack;
  // Extends the groups in `stack` with an optimal partition of s, in every optimal way.
  const auto walk = [&](auto&& self, Coalition s) -> void {
    if (out.size() >= limit) return;
    if (s == 0) {
      out.push_back({stack, t.best[grand_coalition(n)]});
      return;
    }
    const Coalition low = s & (~s + 1);
    const Coalition rest = s & ~low;
    Coalition sub = rest;
    while (true) {
      const Coalition b = low | sub;
      if (c[b] + t.best[s & ~b] == t.best[s]) {
        stack.push_back(b);
        self(self, s & ~b);
        stack.pop_back();
      }
      if (sub == 0 || out.size() >= limit) break;
      sub = (sub - 1) & rest;
    }
  };
  walk(walk, grand_coalition(n));
  return out;
}

}  // namespace aci::sharing
