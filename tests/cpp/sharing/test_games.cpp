// The solution concepts of aci::sharing on published games, and their defining properties on
// random games.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "aci_cost/sharing/airport.hpp"
#include "aci_cost/sharing/core_check.hpp"
#include "aci_cost/sharing/game.hpp"
#include "aci_cost/sharing/keys.hpp"
#include "aci_cost/sharing/nucleolus.hpp"
#include "aci_cost/sharing/shapley.hpp"

namespace {

using aci::Decimal;
using aci::sharing::Coalition;
using aci::sharing::CostGame;

/// A 3-player game from its values in the order c1, c2, c3, c12, c13, c23, c123.
template <class T>
CostGame<T> three(const std::vector<T>& v) {
  std::vector<T> c(8, T(0));
  c[0b001] = v[0];
  c[0b010] = v[1];
  c[0b100] = v[2];
  c[0b011] = v[3];
  c[0b101] = v[4];
  c[0b110] = v[5];
  c[0b111] = v[6];
  return CostGame<T>::from_values(3, c);
}

/// The cost game of a value (profit) game v: c = -v; shares are then the negated payoffs.
CostGame<double> negated(const std::vector<double>& v) {
  std::vector<double> c;
  for (double x : v) c.push_back(-x);
  return three(c);
}

// Straffin & Heaney (1981), "Game theory and the Tennessee Valley Authority", International
// Journal of Game Theory 10(1), 35-43 (also Young 1994, Handbook of Game Theory vol. 2, ch. 34):
// the TVA's 1933 dam system shared by navigation (1), flood control (2) and power (3), costs in
// thousands of dollars. Published: Shapley (117,829; 100,756.5; 193,998.5), nucleolus
// (116,234; 93,540; 202,810).
// By hand, Shapley of player 1: c1/3 + (c12 - c2)/6 + (c13 - c3)/6 + (c123 - c23)/3
//   = 163,520/3 + 160,781/6 + 128,725/6 + 45,214/3 = 117,829 (exact: the sixths add to whole).
// Nucleolus: in savings y_i = c_i - x_i, the singletons' complaints -y_i dominate every pair's
// (y_k - (c123 - c_ij) ...), so y is the equal split 141,858/3 = 47,286 each.
const std::vector<std::string> tva = {"163520", "140826", "250096", "301607", "378821", "367370", "412584"};

CostGame<Decimal> tva_game() {
  std::vector<Decimal> v;
  for (const auto& s : tva) v.emplace_back(s);
  return three(v);
}

TEST(SharingPublished, TvaShapleyIsExactInDecimals) {
  const auto phi = aci::sharing::shapley_exact(tva_game());
  EXPECT_EQ(aci::round_decimal(phi[0], 6, aci::Rounding::half_even), Decimal("117829"));
  EXPECT_EQ(aci::round_decimal(phi[1], 6, aci::Rounding::half_even), Decimal("100756.5"));
  EXPECT_EQ(aci::round_decimal(phi[2], 6, aci::Rounding::half_even), Decimal("193998.5"));
}

TEST(SharingPublished, TvaNucleolus) {
  const auto g = tva_game().map<double>([](const Decimal& d) { return aci::scalar_cast<double>(d); });
  const auto nu = aci::sharing::nucleolus(g);
  EXPECT_NEAR(nu.x[0], 116234, 1e-6);
  EXPECT_NEAR(nu.x[1], 93540, 1e-6);
  EXPECT_NEAR(nu.x[2], 202810, 1e-6);
  EXPECT_LT(aci::sharing::least_core(g).epsilon, 0);  // the core is not empty
}

// Aumann & Maschler (1985), "Game theoretic analysis of a bankruptcy problem from the Talmud",
// Journal of Economic Theory 36, 195-213: claims 100, 200, 300 on an estate E; the Talmud's
// divisions (Mishnah, Ketubot 93a) are the nucleoli of the games v(S) = max(0, E - claims of
// the others): E = 100 -> (33 1/3, 33 1/3, 33 1/3), 200 -> (50, 75, 75), 300 -> (50, 100, 150).
TEST(SharingPublished, TalmudBankruptcyNucleoli) {
  const double d[3] = {100, 200, 300};
  const double expected[3][3] = {{100.0 / 3, 100.0 / 3, 100.0 / 3}, {50, 75, 75}, {50, 100, 150}};
  for (int e = 0; e < 3; ++e) {
    const double estate = 100.0 * (e + 1);
    std::vector<double> c(8, 0.0);
    for (Coalition s = 1; s < 8; ++s) {
      double others = 0;
      for (int i = 0; i < 3; ++i)
        if (!((s >> i) & 1u)) others += d[i];
      c[s] = -std::max(0.0, estate - others);  // cost game of the value game
    }
    const auto nu = aci::sharing::nucleolus(CostGame<double>::from_values(3, c));
    for (int i = 0; i < 3; ++i)
      EXPECT_NEAR(-nu.x[static_cast<std::size_t>(i)], expected[e][i], 1e-7) << "E = " << estate;
  }
}

// Ferguson, T. S., Game Theory (UCLA lecture notes), Part IV "Games in coalitional form"
// (https://www.math.ucla.edu/~tom/Game_Theory/coal.pdf), the 3-player nucleolus example:
// v(1) = -1, v(2) = 0, v(3) = 1, v(12) = 3, v(13) = 4, v(23) = 2, v(N) = 5 -> (8/3, 2/3, 5/3).
// By hand: the pairs' excesses add up to 9 - 2 v(N) = -1 whatever x; the largest is smallest
// when all three are -1/3, which fixes x; the singletons' excesses (-11/3, -2/3, -2/3) are lower.
TEST(SharingPublished, FergusonThreePlayerNucleolus) {
  const auto nu = aci::sharing::nucleolus(negated({-1, 0, 1, 3, 4, 2, 5}));
  EXPECT_NEAR(-nu.x[0], 8.0 / 3, 1e-9);
  EXPECT_NEAR(-nu.x[1], 2.0 / 3, 1e-9);
  EXPECT_NEAR(-nu.x[2], 5.0 / 3, 1e-9);
}

// Peleg & Sudhölter (2007), Introduction to the Theory of Cooperative Games, 2nd ed., Example
// 5.5.12 (as cited by the test suites of CoopGame; not checked against the book here): v(12) =
// 10, v(N) = 2, every other coalition 0. By hand: over the imputations (x >= 0) the pair {1, 2}
// complains 8 + x3, so x3 = 0 and the rest balance, x = (1, 1, 0); without x >= 0 (the
// prenucleolus) {1, 2} and {3} balance at (3, 3, -4). The nucleolus is over imputations.
TEST(SharingPublished, PelegSudholterNucleolusIsOverImputations) {
  const auto nu = aci::sharing::nucleolus(negated({0, 0, 0, 10, 0, 0, 2}));
  EXPECT_NEAR(-nu.x[0], 1, 1e-9);
  EXPECT_NEAR(-nu.x[1], 1, 1e-9);
  EXPECT_NEAR(-nu.x[2], 0, 1e-9);
  EXPECT_GT(aci::sharing::least_core(negated({0, 0, 0, 10, 0, 0, 2})).epsilon, 0);  // empty core
}

// Young (1985), "Monotonic solutions of cooperative games", International Journal of Game Theory
// 14(2), 65-72, p. 68 (reproduced in the documentation of the R package CoopGame, Staudacher &
// Anwander, perCapitaNucleolus: savings 0.6667, 1.1667, 10.1667): the cost game c1 = 15, c2 =
// 20, c3 = 55, c12 = 35, c13 = 61, c23 = 65, c123 = 78. In savings y_i = c_i - x_i the game is
// v(12) = 0, v(13) = 9, v(23) = 10, v(N) = 12, and a coalition's complaint is v(S) - y(S).
//   Per-capita nucleolus (complaints / |S|): {1} -y1 and {2, 3} (10 - 12 + y1) / 2 balance at
//   y1 = 2/3 (both -2/3); then {1, 2} -(2/3 + y2) / 2 and {1, 3} (9 - 2/3 - y3) / 2 = (y2 - 3) / 2
//   balance at y2 = 7/6 (both -11/12): y = (2/3, 7/6, 61/6), x = (14 1/3, 18 5/6, 44 5/6).
//   Nucleolus: {1} -y1 and {2, 3} y1 - 2 balance at y1 = 1; then {2} -y2 and {1, 3} y2 - 3 at
//   y2 = 1.5: y = (1, 1.5, 9.5), x = (14, 18.5, 45.5). The two differ: the per-capita nucleolus
//   weighs a pair's complaint per member.
TEST(SharingPublished, YoungPerCapitaNucleolus) {
  const auto g = three<double>({15, 20, 55, 35, 61, 65, 78});
  const auto pc = aci::sharing::nucleolus(g, aci::sharing::Complaint::per_capita);
  EXPECT_NEAR(pc.x[0], 15 - 2.0 / 3, 1e-9);
  EXPECT_NEAR(pc.x[1], 20 - 7.0 / 6, 1e-9);
  EXPECT_NEAR(pc.x[2], 55 - 61.0 / 6, 1e-9);
  EXPECT_NEAR(pc.levels[0], -2.0 / 3, 1e-9);  // the largest per-capita complaint
  const auto nu = aci::sharing::nucleolus(g);
  EXPECT_NEAR(nu.x[0], 14, 1e-9);
  EXPECT_NEAR(nu.x[1], 18.5, 1e-9);
  EXPECT_NEAR(nu.x[2], 45.5, 1e-9);
}

// The glove game (e.g. Maschler, Solan & Zamir 2013, Game Theory, ch. 18): player 1 holds a left
// glove, players 2 and 3 a right one; a pair is worth 1. By hand: player 1 adds 1 in the 4 of 6
// orders where he does not come first (2/3); right glove i adds 1 only in the order (1, i, j),
// where it joins player 1 alone (1/6 each).
TEST(SharingPublished, GloveGameShapley) {
  const auto phi = aci::sharing::shapley_exact(three<Decimal>({0, 0, 0, -1, -1, 0, -1}));
  EXPECT_EQ(aci::round_decimal(-phi[0], 18, aci::Rounding::half_even),
            aci::round_decimal(Decimal(2) / 3, 18, aci::Rounding::half_even));
  EXPECT_EQ(aci::round_decimal(-phi[1], 18, aci::Rounding::half_even),
            aci::round_decimal(Decimal(1) / 6, 18, aci::Rounding::half_even));
  EXPECT_EQ(phi[1], phi[2]);
}

// --- random games ----------------------------------------------------------------------------

/// A random cost game with values in [0, 1000] (not subadditive in general).
CostGame<double> random_game(int n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1000);
  return CostGame<double>::tabulate(n, [&](Coalition) { return u(rng); });
}

/// A random subadditive sharing game: a fixed cost per non-empty coalition plus concave in size.
CostGame<double> random_concave_game(int n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> w(static_cast<std::size_t>(n));
  for (double& x : w) x = std::uniform_real_distribution<double>(1, 50)(rng);
  return CostGame<double>::tabulate(n, [&](Coalition s) {
    double sum = 0;
    for (int i : aci::sharing::players_of(s)) sum += w[static_cast<std::size_t>(i)];
    return 100 + 30 * std::sqrt(sum);
  });
}

// Littlechild & Owen (1973), "A simple expression for the Shapley value in a special case",
// Management Science 20(3), 370-372: on airport games the closed form equals the Shapley value.
TEST(SharingAirport, ClosedFormEqualsExactShapleyOnRandomAirportGames) {
  std::mt19937_64 rng(2024);
  for (int trial = 0; trial < 50; ++trial) {
    const int n = 1 + static_cast<int>(rng() % 10);
    std::vector<double> costs(static_cast<std::size_t>(n));
    for (double& c : costs) c = static_cast<double>(rng() % 5);  // ties on purpose
    for (double& c : costs) c *= 100.5;
    const auto closed = aci::sharing::airport_shapley(costs);
    const auto exact = aci::sharing::shapley_exact(aci::sharing::airport_game(costs));
    for (std::size_t i = 0; i < costs.size(); ++i) EXPECT_NEAR(closed[i], exact[i], 1e-9) << "trial " << trial;
  }
}

TEST(SharingAirport, ClosedFormOnAHandExample) {
  // Runway segments 0-60, 60-100, 100-150 used by 3, 2 and 1 players:
  // 60/3 = 20; 20 + 40/2 = 40; 40 + 50 = 90.
  const auto phi = aci::sharing::airport_shapley(std::vector<Decimal>{Decimal(100), Decimal(60), Decimal(150)});
  const auto r = [](const Decimal& x) { return aci::round_decimal(x, 18, aci::Rounding::half_even); };
  EXPECT_EQ(r(phi[0]), Decimal(40));
  EXPECT_EQ(r(phi[1]), Decimal(20));
  EXPECT_EQ(r(phi[2]), Decimal(90));
}

TEST(SharingShapley, Efficiency) {
  for (int n : {1, 2, 5, 9}) {
    const auto g = random_game(n, static_cast<std::uint64_t>(n));
    const auto phi = aci::sharing::shapley_exact(g);
    double sum = 0;
    for (double x : phi) sum += x;
    EXPECT_NEAR(sum, g.grand(), 1e-9 * 1000 * n);
  }
}

TEST(SharingShapley, SymmetricPlayersPayTheSame) {
  // Players 1 and 3 are interchangeable: c(S) depends on S only through |S ∩ {1, 3}| and the rest.
  const auto base = random_game(5, 7);
  const auto swap13 = [](Coalition s) {
    const Coalition b1 = (s >> 1) & 1u, b3 = (s >> 3) & 1u;
    return (s & ~Coalition{0b01010}) | (b1 << 3) | (b3 << 1);
  };
  const auto g = CostGame<double>::tabulate(5, [&](Coalition s) { return base(s) + base(swap13(s)); });
  const auto phi = aci::sharing::shapley_exact(g);
  EXPECT_NEAR(phi[1], phi[3], 1e-9);
}

TEST(SharingShapley, NullPlayerPaysNothing) {
  const auto base = random_game(4, 11);
  // Player 4 adds nothing to any coalition.
  const auto g = CostGame<double>::tabulate(5, [&](Coalition s) { return base(s & 0b1111); });
  const auto phi = aci::sharing::shapley_exact(g);
  EXPECT_EQ(phi[4], 0.0);
}

TEST(SharingShapley, AdditiveOverTwoGames) {
  const auto a = random_game(6, 1), b = random_game(6, 2);
  const auto sum = CostGame<double>::tabulate(6, [&](Coalition s) { return a(s) + b(s); });
  const auto pa = aci::sharing::shapley_exact(a), pb = aci::sharing::shapley_exact(b),
             ps = aci::sharing::shapley_exact(sum);
  for (std::size_t i = 0; i < 6; ++i) EXPECT_NEAR(ps[i], pa[i] + pb[i], 1e-9);
}

TEST(SharingShapley, SampledIsCloseToExactAndTheSameForAnyThreadCount) {
  const auto g = random_concave_game(10, 3);
  const auto cost = [&](Coalition s) { return g(s); };
  const auto exact = aci::sharing::shapley_exact(g);
  const auto one = aci::sharing::shapley_sampled(10, cost, 20000, 42, 1);
  const auto three_threads = aci::sharing::shapley_sampled(10, cost, 20000, 42, 3);
  EXPECT_EQ(one.value, three_threads.value);
  EXPECT_EQ(one.standard_error, three_threads.standard_error);
  double sum = 0;
  for (std::size_t i = 0; i < 10; ++i) {
    EXPECT_GT(one.standard_error[i], 0);
    EXPECT_LT(std::abs(one.value[i] - exact[i]), 5 * one.standard_error[i]) << i;
    sum += one.value[i];
  }
  EXPECT_NEAR(sum, g.grand(), 1e-6);  // each order's marginal costs add up to c(N)
  const auto other_seed = aci::sharing::shapley_sampled(10, cost, 20000, 43, 1);
  EXPECT_NE(one.value, other_seed.value);
}

TEST(SharingNucleolus, LiesInTheCoreWhenTheCoreIsNotEmpty) {
  int checked = 0;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const int n = 3 + static_cast<int>(seed % 4);
    const auto g = random_concave_game(n, seed);
    ASSERT_LE(aci::sharing::least_core(g).epsilon, 1e-9);  // concave in size: the core is not empty
    const auto nu = aci::sharing::nucleolus(g);
    const auto sums = aci::sharing::coalition_sums(nu.x);
    for (Coalition s = 1; s < aci::sharing::grand_coalition(n); ++s) EXPECT_LE(sums[s], g(s) + 1e-7);
    EXPECT_NEAR(sums[aci::sharing::grand_coalition(n)], g.grand(), 1e-7);
    ++checked;
  }
  EXPECT_EQ(checked, 20);
}

TEST(SharingNucleolus, PerCapitaLiesInTheCoreWhenTheCoreIsNotEmpty) {
  // The per-capita least core is inside the core whenever the core is not empty (its level is
  // <= 0 exactly then), so the per-capita nucleolus is a core split too.
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const int n = 3 + static_cast<int>(seed % 4);
    const auto g = random_concave_game(n, seed + 100);
    const auto pc = aci::sharing::nucleolus(g, aci::sharing::Complaint::per_capita);
    const auto sums = aci::sharing::coalition_sums(pc.x);
    for (Coalition s = 1; s < aci::sharing::grand_coalition(n); ++s) EXPECT_LE(sums[s], g(s) + 1e-7);
    EXPECT_NEAR(sums[aci::sharing::grand_coalition(n)], g.grand(), 1e-7);
  }
}

TEST(SharingNucleolus, SymmetricGameSplitsEqually) {
  const auto g = CostGame<double>::tabulate(4, [](Coalition s) { return 10.0 * std::sqrt(std::popcount(s)); });
  const auto nu = aci::sharing::nucleolus(g);
  for (double x : nu.x) EXPECT_NEAR(x, 5.0, 1e-9);
}

/// Decimal shares as money (the test's splits are whole cents).
std::vector<aci::Money> as_money(const std::vector<Decimal>& x) {
  std::vector<aci::Money> out;
  for (const Decimal& v : x) out.emplace_back(v);
  return out;
}

TEST(SharingCore, BlockingCoalitionsOfAProportionalSplit) {
  // Two players alone 10 each, together 12; a third player alone 100, everyone 105.
  // Proportional to weights (1, 1, 8): 10.5, 10.5, 84: {1, 2} pays 21 > 12 (excess 9), {1} and {2}
  // pay 10.5 > 10 (0.5 each); {1, 2, 3} is not proper. By hand, with c13 = c23 = 105.
  std::vector<Decimal> c(8, Decimal(0));
  c[0b001] = 10;
  c[0b010] = 10;
  c[0b100] = 100;
  c[0b011] = 12;
  c[0b101] = 105;
  c[0b110] = 105;
  c[0b111] = 105;
  const auto g = CostGame<Decimal>::from_values(3, c);
  const auto x = aci::sharing::proportional_split(g, std::vector<Decimal>{Decimal(1), Decimal(1), Decimal(8)});
  const auto blocking = aci::sharing::blocking_coalitions(g, as_money(x));
  ASSERT_EQ(blocking.size(), 3u);
  EXPECT_EQ(blocking[0].members, Coalition{0b011});
  EXPECT_EQ(blocking[0].excess(), aci::Money::parse("9.00"));
  EXPECT_EQ(blocking[1].excess(), aci::Money::parse("0.50"));
  // Equal saving: saving 120 - 105 = 15, 5 each: (5, 5, 95); {1, 2} pays 10 <= 12: none block.
  EXPECT_TRUE(aci::sharing::blocking_coalitions(g, as_money(aci::sharing::equal_saving_split(g))).empty());
  // The check is on the figures shown: c(S) = 10.004 shows as 10.00, and a share of 10.01 blocks
  // by one cent; c(S) = 10.006 shows as 10.01 and the same share does not.
  std::vector<Decimal> d(2, Decimal(0));
  d[1] = Decimal("10.004");
  const auto one = CostGame<Decimal>::from_values(1, d);
  EXPECT_TRUE(aci::sharing::blocking_coalitions(one, {aci::Money::parse("10.01")}).empty());  // N is not proper
  std::vector<Decimal> e = {Decimal(0), Decimal("10.004"), Decimal("30"), Decimal("40.01")};
  const auto two = CostGame<Decimal>::from_values(2, e);
  const auto b = aci::sharing::blocking_coalitions(two, {aci::Money::parse("10.01"), aci::Money::parse("30.00")});
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].cost, aci::Money::parse("10.00"));
  EXPECT_EQ(b[0].excess(), aci::Money::parse("0.01"));
  e[1] = Decimal("10.006");
  EXPECT_TRUE(aci::sharing::blocking_coalitions(CostGame<Decimal>::from_values(2, e),
                                                {aci::Money::parse("10.01"), aci::Money::parse("30.00")})
                  .empty());
}

TEST(SharingGame, BadGamesNameTheField) {
  EXPECT_THROW(CostGame<double>::from_values(2, {1, 2, 3, 4}), aci::InvalidInput);  // c(empty) != 0
  try {
    CostGame<double>::from_values(2, {0, 1});
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "game.values");
  }
  EXPECT_THROW(CostGame<double>::from_values(2, {0, 1, std::nan(""), 2}), aci::InvalidInput);
  EXPECT_THROW(aci::sharing::airport_shapley(std::vector<double>{1, -1}), aci::InvalidInput);
  EXPECT_THROW(aci::sharing::nucleolus(random_game(17, 1)), aci::InvalidInput);
  EXPECT_THROW(aci::sharing::nucleolus(random_game(17, 1), aci::sharing::Complaint::per_capita), aci::InvalidInput);
}

}  // namespace
