// The best grouping by dynamic programming over subsets, checked against brute force (every set
// partition enumerated by restricted growth strings) on random games; the optimal groupings
// (ties); and the stability of a grouping (its coalition-structure core, Aumann & Drèze 1974) on
// games derived by hand.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include "aci_cost/sharing/game.hpp"
#include "aci_cost/sharing/grouping.hpp"
#include "aci_cost/sharing/nucleolus.hpp"

namespace {

using aci::sharing::Coalition;

/// Every partition of n players (restricted growth strings: a[0] = 0, a[i] <= max(a[0..i-1]) + 1),
/// as lists of masks; f is called on each.
template <class F>
void for_each_partition(int n, F&& f) {
  std::vector<int> a(static_cast<std::size_t>(n), 0);
  while (true) {
    int blocks = 0;
    for (int x : a) blocks = std::max(blocks, x + 1);
    std::vector<Coalition> groups(static_cast<std::size_t>(blocks), 0);
    for (int i = 0; i < n; ++i) groups[static_cast<std::size_t>(a[static_cast<std::size_t>(i)])] |= Coalition{1} << i;
    f(groups);
    // Next string: the last position that can grow, grows; the rest restart at 0.
    int i = n - 1;
    for (; i > 0; --i) {
      int prefix_max = 0;
      for (int k = 0; k < i; ++k) prefix_max = std::max(prefix_max, a[static_cast<std::size_t>(k)]);
      if (a[static_cast<std::size_t>(i)] <= prefix_max) break;
    }
    if (i == 0) return;
    ++a[static_cast<std::size_t>(i)];
    for (int k = i + 1; k < n; ++k) a[static_cast<std::size_t>(k)] = 0;
  }
}

TEST(SharingGrouping, PartitionsAreEnumeratedOnce) {
  // The Bell numbers 1, 2, 5, 15, 52, 203, 877.
  const int bell[] = {1, 2, 5, 15, 52, 203, 877};
  for (int n = 1; n <= 7; ++n) {
    std::set<std::vector<Coalition>> seen;
    for_each_partition(n, [&](const std::vector<Coalition>& g) { seen.insert(g); });
    EXPECT_EQ(static_cast<int>(seen.size()), bell[n - 1]) << n;
  }
}

/// A random cost game in cents: a fixed cost per group plus a part concave in its need, with
/// noise (so that groupings of every shape win some trials), and ties on purpose (coarse values).
std::vector<std::int64_t> random_cents_game(int n, std::mt19937_64& rng) {
  std::vector<std::int64_t> need(static_cast<std::size_t>(n));
  for (auto& x : need) x = static_cast<std::int64_t>(rng() % 30);
  std::vector<std::int64_t> c(std::size_t{1} << n, 0);
  for (Coalition s = 1; s < c.size(); ++s) {
    std::int64_t total = 0;
    for (int i : aci::sharing::players_of(s)) total += need[static_cast<std::size_t>(i)];
    c[s] = 100 * (20 + static_cast<std::int64_t>(rng() % 15) + total - total * total / 150 + (total > 30 ? 40 : 0));
  }
  return c;
}

TEST(SharingGrouping, DynamicProgrammeEqualsBruteForceOnRandomGames) {
  std::mt19937_64 rng(29);
  int grand_won = 0, split_won = 0;
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 1 + static_cast<int>(rng() % 8);
    const auto c = random_cents_game(n, rng);
    std::int64_t best = INT64_MAX;
    std::size_t optimal = 0;
    for_each_partition(n, [&](const std::vector<Coalition>& groups) {
      std::int64_t cost = 0;
      for (Coalition b : groups) cost += c[b];
      if (cost < best) best = cost, optimal = 0;
      if (cost == best) ++optimal;
    });
    const auto g = aci::sharing::best_grouping(n, c);
    ASSERT_EQ(g.cost, best) << "trial " << trial;
    std::int64_t cost = 0;
    Coalition covered = 0;
    for (Coalition b : g.groups) {
      EXPECT_EQ(covered & b, 0u);
      covered |= b;
      cost += c[b];
    }
    EXPECT_EQ(covered, aci::sharing::grand_coalition(n));
    EXPECT_EQ(cost, best);
    const auto all = aci::sharing::optimal_groupings(n, c, 1000);
    EXPECT_EQ(all.size(), optimal) << "trial " << trial;  // every optimal grouping, each once
    std::set<std::vector<Coalition>> distinct;
    for (const auto& o : all) {
      std::int64_t k = 0;
      for (Coalition b : o.groups) k += c[b];
      EXPECT_EQ(k, best);
      auto sorted = o.groups;
      std::sort(sorted.begin(), sorted.end());
      distinct.insert(sorted);
    }
    EXPECT_EQ(distinct.size(), all.size());
    (g.groups.size() == 1 ? grand_won : split_won) += 1;
  }
  EXPECT_GT(grand_won, 10);  // both kinds of answer were exercised
  EXPECT_GT(split_won, 10);
}

TEST(SharingGrouping, DoublesAndTheLimit) {
  // Two pairs that gain by pairing, (0, 1) and (2, 3): c(pair) = 15 against 10 + 10; every other
  // group costs the sum of its members' 10 plus 5 per member beyond one.
  std::vector<double> c(16, 0.0);
  for (Coalition s = 1; s < 16; ++s) {
    const int k = std::popcount(s);
    c[s] = (s == 0b0011 || s == 0b1100) ? 15.0 : 10.0 * k + 5.0 * (k - 1);
  }
  const auto g = aci::sharing::best_grouping(4, c);
  EXPECT_EQ(g.cost, 30.0);
  EXPECT_EQ(g.groups, (std::vector<Coalition>{0b0011, 0b1100}));
  EXPECT_THROW(aci::sharing::best_grouping(17, std::vector<double>(std::size_t{1} << 17, 0.0)), aci::InvalidInput);
  EXPECT_EQ(aci::sharing::optimal_groupings(4, c, 1).size(), 1u);
}

// Stability (Aumann & Drèze 1974) by hand: c(i) = 10, c(12) = 12, c(23) = 20, c(123) = 26 and
// c(13) varied. The best grouping is {1, 2} + {3} = 22. Each group pays its own cost: x1 + x2 = 12,
// x3 = 10; the other coalitions' excesses are {1} x1 - 10, {2} x2 - 10, {1, 3} x1 + 10 - c(13),
// {2, 3} x2 - 10, N 22 - 26 = -4.
//   c(13) = 20: the largest is smallest at x1 = x2 = 6: e = -4 (stable).
//   c(13) = 13: {1, 3} x1 - 3 and {2} 2 - x1 balance at x1 = 2.5: e = -0.5 (stable).
//   c(13) = 11: x1 - 1 and 2 - x1 balance at 1.5: e = 0.5 (not stable; {1, 3} + {2} = 21 is
//   then cheaper, and only an optimal grouping can be stable).
TEST(SharingGrouping, StabilityOfAGroupingByHand) {
  const auto game = [](double c13) {
    std::vector<double> c(8, 0.0);
    c[0b001] = c[0b010] = c[0b100] = 10;
    c[0b011] = 12;
    c[0b101] = c13;
    c[0b110] = 20;
    c[0b111] = 26;
    return aci::sharing::CostGame<double>::from_values(3, c);
  };
  const std::vector<Coalition> groups = {0b011, 0b100};
  EXPECT_EQ(aci::sharing::best_grouping(3, game(20).values()).groups, groups);
  EXPECT_NEAR(aci::sharing::grouping_least_core(game(20), groups).epsilon, -4, 1e-9);
  const auto tight = aci::sharing::grouping_least_core(game(13), groups);
  EXPECT_NEAR(tight.epsilon, -0.5, 1e-9);
  EXPECT_NEAR(tight.x[0], 2.5, 1e-9);
  EXPECT_NEAR(tight.x[2], 10, 1e-9);
  EXPECT_NEAR(aci::sharing::grouping_least_core(game(11), groups).epsilon, 0.5, 1e-9);    // x1 = 1.5: both 0.5 over
  EXPECT_THROW(aci::sharing::grouping_least_core(game(20), {0b011}), aci::InvalidInput);  // not a partition
}

}  // namespace
