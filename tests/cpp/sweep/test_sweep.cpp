// The sweep engine's building blocks: marginals, designs, copula, streaming summary and
// sensitivity analyses. Every expected number is derived by hand (in the comment next to it)
// or taken from a cited source.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <numbers>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/random/sobol.hpp>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/sweep/designs.hpp"
#include "aci_cost/sweep/distributions.hpp"
#include "aci_cost/sweep/sensitivity.hpp"
#include "aci_cost/sweep/summary.hpp"

namespace sw = aci::sweep;

namespace {

constexpr double pi = std::numbers::pi;

/// Runs f, which must throw InvalidInput, and returns the exception.
template <class F>
aci::InvalidInput invalid_input(F&& f) {
  try {
    f();
  } catch (const aci::InvalidInput& e) {
    return e;
  }
  ADD_FAILURE() << "expected aci::InvalidInput";
  return aci::InvalidInput("", "", "");
}

/// Upper-tail probability 1 - Phi(z) with the C library's erfc, independent of the code under test.
double upper_tail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

}  // namespace

// ---------------------------------------------------------------- distributions

TEST(SweepDistributions, TriangularQuantilesByHand) {
  const sw::Triangular<> t{.low = 0, .mode = 1, .high = 2};
  // F(x) = x^2 / 2 on [0, 1]: F^-1(0.5) = 1, F^-1(0.125) = 0.5; symmetric above the mode.
  EXPECT_EQ(t.quantile(0.5), 1.0);
  EXPECT_EQ(t.quantile(0.125), 0.5);
  EXPECT_EQ(t.quantile(0.875), 1.5);
  EXPECT_EQ(t.quantile(0.0), 0.0);
  // Mode at an end: F(x) = 1 - (2 - x)^2 / 4 for mode = low = 0, so F^-1(0.75) = 1.
  EXPECT_DOUBLE_EQ((sw::Triangular<>{.low = 0, .mode = 0, .high = 2}.quantile(0.75)), 1.0);
}

TEST(SweepDistributions, NormalQuantileMatchesTables) {
  // Phi^-1(0.975) = 1.959963984540054 and Phi(1) = 0.8413447460685429 (Abramowitz & Stegun 1964,
  // table 26.1 / 26.5, to the digits printed by every statistics package).
  EXPECT_NEAR(sw::normal_quantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(sw::normal_quantile(0.025), -1.959963984540054, 1e-14);
  EXPECT_NEAR(sw::normal_quantile(0.8413447460685429), 1.0, 1e-14);
  EXPECT_EQ(sw::normal_quantile(0.5), 0.0);
  EXPECT_NEAR(sw::normal_cdf(1.959963984540054), 0.975, 1e-15);
  EXPECT_EQ(sw::normal_quantile(0.0), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(sw::normal_quantile(1.0), std::numeric_limits<double>::infinity());
  // Far tail: relative precision is kept (Phi(-20) = 2.75e-89, from the C library's erfc).
  EXPECT_NEAR(sw::normal_quantile(upper_tail(20.0)) / -20.0, 1.0, 1e-12);
}

TEST(SweepDistributions, LognormalUniformAndTruncatedNormal) {
  const sw::Lognormal<> ln{.mu = 2.0, .sigma = 0.5};
  EXPECT_DOUBLE_EQ(ln.quantile(0.5), std::exp(2.0));  // median = exp(mu)
  EXPECT_NEAR(ln.quantile(0.975) / std::exp(2.0 + 0.5 * 1.959963984540054), 1.0, 1e-14);
  EXPECT_EQ(ln.quantile(0.0), 0.0);

  EXPECT_EQ((sw::Uniform<>{.low = 0.5, .high = 1.5}.quantile(0.25)), 0.75);

  // N(10, 2) on [6, 14] = mean -+ 2 sd: symmetric, so the median is the mean, u = 0 gives low,
  // and u = (Phi(1) - Phi(-2)) / (Phi(2) - Phi(-2)) gives mean + 1 sd = 12.
  const sw::TruncatedNormal<> tn{.mean = 10, .sd = 2, .low = 6, .high = 14};
  EXPECT_NEAR(tn.quantile(0.5), 10.0, 1e-12);
  EXPECT_EQ(tn.quantile(0.0), 6.0);
  const double u12 = (upper_tail(-1.0) - upper_tail(2.0)) / (upper_tail(-2.0) - upper_tail(2.0));  // Phi(x) = 1 - Phi(-x)
  EXPECT_NEAR(tn.quantile(u12), 12.0, 1e-12);

  // Both ends in the far upper tail (Phi(10) rounds to 1): the median x solves
  // 1 - Phi(x) = ((1 - Phi(10)) + (1 - Phi(11))) / 2.
  const sw::TruncatedNormal<> tail{.mean = 0, .sd = 1, .low = 10, .high = 11};
  const double x = tail.quantile(0.5);
  ASSERT_TRUE(x > 10.0 && x < 11.0) << x;
  EXPECT_NEAR(upper_tail(x) / (0.5 * (upper_tail(10.0) + upper_tail(11.0))), 1.0, 1e-9);
}

TEST(SweepDistributions, UniformQuantileRoundsTwiceInEveryBuild) {
  // low + u (high - low) with the product rounded, then the sum: the project compiles with
  // -ffp-contract=off, so that a -march=native build (FMA) draws the same inputs as a portable
  // wheel. The volatile forces the expected value's two roundings here; a fused multiply-add in
  // the library differs from it for a good share of these u.
  const sw::Uniform<> law{.low = 0.1, .high = 0.7};
  std::vector<double> column;
  for (std::uint64_t i = 0; i < 4096; ++i) column.push_back(aci::detail::counter_uniform(7, i, 0, 0));
  std::vector<double> in_place = column;
  sw::quantiles_in_place(law, std::span<double>(in_place));  // the engine's vectorised loop
  for (std::size_t i = 0; i < column.size(); ++i) {
    volatile double product = column[i] * (law.high - law.low);
    const double sum = law.low + product;
    const double expected = sum < law.high ? sum : law.high;
    ASSERT_EQ(std::bit_cast<std::uint64_t>(law.quantile(column[i])), std::bit_cast<std::uint64_t>(expected)) << i;
    ASSERT_EQ(std::bit_cast<std::uint64_t>(in_place[i]), std::bit_cast<std::uint64_t>(expected)) << i;
  }
}

TEST(SweepDistributions, DiscreteQuantiles) {
  // Weights 1, 2, 1 of 4: value 1 on [0, 0.25), 2 on [0.25, 0.75), 3 on [0.75, 1).
  const sw::Discrete<> d{.values = {1, 2, 3}, .weights = {1, 2, 1}};
  d.validate();
  EXPECT_EQ(d.quantile(0.0), 1.0);
  EXPECT_EQ(d.quantile(0.2), 1.0);
  EXPECT_EQ(d.quantile(0.25), 2.0);
  EXPECT_EQ(d.quantile(0.74), 2.0);
  EXPECT_EQ(d.quantile(0.75), 3.0);
  EXPECT_EQ(d.quantile(0.999), 3.0);
  // Equal weights when none are given: k = floor(4 u).
  const sw::Discrete<> e{.values = {10, 20, 30, 40}, .weights = {}};
  EXPECT_EQ(e.quantile(0.24), 10.0);
  EXPECT_EQ(e.quantile(0.25), 20.0);
  EXPECT_EQ(e.quantile(0.99), 40.0);
  // A zero weight is never drawn: weights 1, 0, 1 put u = 0.5 on the third value.
  EXPECT_EQ((sw::Discrete<>{.values = {1, 2, 3}, .weights = {1, 0, 1}}.quantile(0.5)), 3.0);
}

TEST(SweepDistributions, MarginalDispatchesAndErrorsNameFieldAndValue) {
  const sw::Marginal<> m{"productivity", sw::Triangular<>{.low = 0, .mode = 1, .high = 2}};
  m.validate();
  EXPECT_EQ(m.quantile(0.5), 1.0);

  const auto e = invalid_input([] { sw::Marginal<>{"productivity", sw::Uniform<>{.low = 0.5, .high = 0.4}}.validate(); });
  EXPECT_STREQ(e.what(), "distribution[productivity].high = 0.4: must be > low (0.5)");
  EXPECT_EQ(e.field(), "distribution[productivity].high");
  EXPECT_EQ(e.value(), "0.4");

  const auto mode = invalid_input([] { sw::Marginal<>{"wage", sw::Triangular<>{.low = 0, .mode = 3, .high = 2}}.validate(); });
  EXPECT_STREQ(mode.what(), "distribution[wage].mode = 3: must be in [low, high] = [0, 2]");
  EXPECT_EQ(invalid_input([] { sw::Marginal<>{"a", sw::TruncatedNormal<>{.mean = 1, .sd = 0, .low = 0, .high = 2}}.validate(); }).field(),
            "distribution[a].sd");
  const auto nan = invalid_input([] {
    sw::Marginal<>{"b", sw::Lognormal<>{.mu = 0, .sigma = std::numeric_limits<double>::quiet_NaN()}}.validate();
  });
  EXPECT_EQ(nan.field(), "distribution[b].sigma");
  EXPECT_EQ(nan.value(), "nan");
  EXPECT_EQ(invalid_input([] { sw::Marginal<>{"c", sw::Discrete<>{}}.validate(); }).field(), "distribution[c].values");
  const auto weight = invalid_input([] { sw::Marginal<>{"c", sw::Discrete<>{.values = {1, 2}, .weights = {1, -1}}}.validate(); });
  EXPECT_EQ(weight.field(), "distribution[c].weights[1]");
  EXPECT_EQ(weight.value(), "-1");
  EXPECT_EQ(invalid_input([] { sw::Marginal<>{"c", sw::Discrete<>{.values = {1, 3, 2}, .weights = {}}}.validate(); }).field(),
            "distribution[c].values[2]");
  // A truncation interval with no representable probability: 1 - Phi(40) underflows to 0.
  EXPECT_EQ(invalid_input([] { sw::Marginal<>{"t", sw::TruncatedNormal<>{.mean = 0, .sd = 1, .low = 40, .high = 41}}.validate(); }).field(),
            "distribution[t].low");
  EXPECT_EQ(invalid_input([&] { (void)m.quantile(1.0); }).field(), "quantile.u");
}

// ---------------------------------------------------------------- designs

TEST(SweepSobol, FirstPointsOfTheJoeKuoSequence) {
  // The first eight points in dimensions 1-3, as printed by Joe & Kuo's reference generator
  // (sobol.cc with new-joe-kuo-6.21201), which starts at the origin.
  const double expected[8][3] = {{0, 0, 0},         {0.5, 0.5, 0.5},     {0.75, 0.25, 0.25},   {0.25, 0.75, 0.75},
                                 {0.375, 0.375, 0.625}, {0.875, 0.875, 0.125}, {0.625, 0.125, 0.875}, {0.125, 0.625, 0.375}};
  const sw::SobolDesign s(3, sw::Scrambling::none);
  double p[3];
  for (std::uint64_t i = 0; i < 8; ++i) {
    s.point(i, p);
    for (std::size_t j = 0; j < 3; ++j) EXPECT_EQ(p[j], expected[i][j]) << "point " << i << " dim " << j;
  }
}

TEST(SweepSobol, AllEmbeddedDimensionsMatchBoostRandom) {
  // Boost.Random's sobol engine is an independent implementation from the same Joe-Kuo file;
  // it skips the origin, so its n-th point is our point n + 1.
  const std::size_t d = sw::SobolDesign::max_dimension;
  ASSERT_EQ(d, 256u);
  const sw::SobolDesign s(d, sw::Scrambling::none);
  boost::random::sobol_engine<std::uint32_t, 32> boost_sobol(d);
  for (std::uint64_t i = 1; i <= 1024; ++i)
    for (std::size_t j = 0; j < d; ++j) ASSERT_EQ(s.digits(i, j), boost_sobol()) << "point " << i << " dim " << j + 1;
}

TEST(SweepSobol, ScrambledPrefixesAreNets) {
  const sw::SobolDesign s(8, sw::Scrambling::owen, 12345);
  // Every first 2^m points of a Sobol' sequence put exactly one point in each interval
  // [k/2^m, (k+1)/2^m) of every coordinate, and Owen's scramble keeps that: both the first
  // N = 1024 and the first 2N points are balanced, and the 2N run starts with the N run.
  for (const std::uint64_t n : {std::uint64_t{1024}, std::uint64_t{2048}}) {
    for (std::size_t j = 0; j < 8; ++j) {
      std::vector<int> hits(n, 0);
      for (std::uint64_t i = 0; i < n; ++i) ++hits[static_cast<std::size_t>(s.coordinate(i, j) * static_cast<double>(n))];
      EXPECT_TRUE(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; })) << "N " << n << " dim " << j;
    }
  }
  // Dimensions 1 and 2 of Joe-Kuo form a (0, 2)-sequence: the first 2^8 points put one point in
  // every box [a/2^p, (a+1)/2^p) x [b/2^q, (b+1)/2^q) with p + q = 8.
  for (int p = 0; p <= 8; ++p) {
    std::vector<int> boxes(256, 0);
    for (std::uint64_t i = 0; i < 256; ++i) {
      const auto a = static_cast<std::size_t>(std::ldexp(s.coordinate(i, 0), p));
      const auto b = static_cast<std::size_t>(std::ldexp(s.coordinate(i, 1), 8 - p));
      ++boxes[(a << (8 - p)) | b];
    }
    EXPECT_TRUE(std::all_of(boxes.begin(), boxes.end(), [](int h) { return h == 1; })) << "p " << p;
  }
  // Point i is a pure function of (seed, i): a second design object agrees bit for bit, another
  // seed does not.
  const sw::SobolDesign again(8, sw::Scrambling::owen, 12345), other(8, sw::Scrambling::owen, 54321);
  EXPECT_EQ(s.coordinate(777, 5), again.coordinate(777, 5));
  EXPECT_NE(s.coordinate(777, 5), other.coordinate(777, 5));
  EXPECT_EQ(invalid_input([] { sw::SobolDesign(257, sw::Scrambling::none); }).field(), "sobol.dimension");
}

TEST(SweepLatinHypercube, EachStratumOnceInEveryDimension) {
  const std::uint64_t n = 1000;  // not a power of two on purpose
  const sw::LatinHypercubeDesign lhs(5, n, 7);
  std::vector<double> p(5);
  std::vector<std::vector<int>> hits(5, std::vector<int>(n, 0));
  for (std::uint64_t i = 0; i < n; ++i) {
    lhs.point(i, p);
    for (std::size_t j = 0; j < 5; ++j) {
      ASSERT_TRUE(p[j] >= 0.0 && p[j] < 1.0);
      ++hits[j][static_cast<std::size_t>(p[j] * static_cast<double>(n))];
      EXPECT_EQ(lhs.stratum(i, j), static_cast<std::uint64_t>(p[j] * static_cast<double>(n)));
    }
  }
  for (std::size_t j = 0; j < 5; ++j)
    EXPECT_TRUE(std::all_of(hits[j].begin(), hits[j].end(), [](int h) { return h == 1; })) << "dim " << j;
  // Centred: the point sits at (k + 1/2) / N of its stratum k.
  const sw::LatinHypercubeDesign centred(2, 8, 7, true);
  for (std::uint64_t i = 0; i < 8; ++i)
    EXPECT_EQ(centred.coordinate(i, 1), (static_cast<double>(centred.stratum(i, 1)) + 0.5) / 8.0);
  // The seed changes the pairing of strata across dimensions.
  const sw::LatinHypercubeDesign other(5, n, 8);
  int same = 0;
  for (std::uint64_t i = 0; i < n; ++i) same += lhs.stratum(i, 0) == other.stratum(i, 0) ? 1 : 0;
  EXPECT_LT(same, 20);  // a random permutation has 1 fixed point on average
}

TEST(SweepGrid, MixedRadixIndexLastInputFastest) {
  const sw::GridDesign g({{1, 2}, {10, 20, 30}, {5}});
  EXPECT_EQ(g.size(), 6u);
  std::vector<double> p(3);
  const double expected[6][3] = {{1, 10, 5}, {1, 20, 5}, {1, 30, 5}, {2, 10, 5}, {2, 20, 5}, {2, 30, 5}};
  for (std::uint64_t i = 0; i < 6; ++i) {
    g.point(i, p);
    EXPECT_EQ(p, std::vector<double>(expected[i], expected[i] + 3)) << i;
  }
  EXPECT_EQ(g.level_index(4, 0), 1u);  // 4 = 1 x 3 + 1
  EXPECT_EQ(g.level_index(4, 1), 1u);
  EXPECT_EQ(invalid_input([] { sw::GridDesign({{1}, {}}); }).field(), "grid.levels[1]");
  EXPECT_EQ(invalid_input([&] { g.point(6, p); }).field(), "grid.i");
}

TEST(SweepMonteCarlo, UniformAndReproducible) {
  const std::uint64_t n = 1 << 14;
  const sw::MonteCarloDesign mc(3, 99);
  double sum[3] = {0, 0, 0};
  std::vector<double> p(3);
  for (std::uint64_t i = 0; i < n; ++i) {
    mc.point(i, p);
    for (std::size_t j = 0; j < 3; ++j) sum[j] += p[j];
  }
  // Mean of N uniforms: 1/2 with standard error 1 / sqrt(12 N) = 0.00226; allow 4 of them.
  for (const double s : sum) EXPECT_NEAR(s / static_cast<double>(n), 0.5, 4.0 / std::sqrt(12.0 * static_cast<double>(n)));
  EXPECT_EQ(mc.coordinate(123, 2), sw::MonteCarloDesign(3, 99).coordinate(123, 2));
  EXPECT_NE(mc.coordinate(123, 2), sw::MonteCarloDesign(3, 100).coordinate(123, 2));
  // The engine's route (one key per point, then one hash pair per coordinate) is the same draw.
  for (std::uint64_t i : {0ull, 1ull, 4095ull, 123456789ull})
    for (std::size_t j = 0; j < 3; ++j) EXPECT_EQ(mc.coordinate_at(mc.point_key(i), j), mc.coordinate(i, j));
}

namespace {

std::vector<double> ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (std::size_t k = 0; k < order.size(); ++k) r[order[k]] = static_cast<double>(k);
  return r;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n, mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

}  // namespace

TEST(SweepCopula, SampleSpearmanMatchesTarget) {
  sw::GaussianCopula<>::Matrix target(3, 3);
  target << 1, 0.8, -0.4, 0.8, 1, -0.2, -0.4, -0.2, 1;
  const sw::GaussianCopula<> copula(target);
  // 2 sin(pi r / 6) for r = 0.8 (Kruskal 1958).
  EXPECT_NEAR(copula.pearson()(0, 1), 0.8134732861516003, 1e-15);
  EXPECT_EQ(copula.pearson()(2, 2), 1.0);

  const std::size_t n = std::size_t{1} << 14;
  const sw::MonteCarloDesign mc(3, 2026);
  std::vector<std::vector<double>> columns(3, std::vector<double>(n));
  std::vector<double> u(3), v(3);
  for (std::size_t i = 0; i < n; ++i) {
    mc.point(i, u);
    copula.apply(u, v);
    for (std::size_t j = 0; j < 3; ++j) columns[j][i] = v[j];
  }
  for (std::size_t j = 0; j < 3; ++j) {
    const double mean = std::accumulate(columns[j].begin(), columns[j].end(), 0.0) / static_cast<double>(n);
    EXPECT_NEAR(mean, 0.5, 4.0 / std::sqrt(12.0 * static_cast<double>(n)));  // still uniform
  }
  for (std::size_t a = 0; a < 3; ++a) {
    for (std::size_t b = a + 1; b < 3; ++b) {
      const double r = target(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
      const double sample = pearson(ranks(columns[a]), ranks(columns[b]));
      // Standard error of Spearman's r_s under Gaussian dependence, (1 - r^2) sqrt((1 + r^2/2) / (N - 3))
      // (Bonett & Wright 2000, Psychometrika 65:23-28): 0.0032 at r = 0.8, 0.0076 at r = -0.2. Four
      // of them is tighter than the 0.013 gap at r = 0.8 that skipping the Pearson conversion would leave.
      const double se = (1 - r * r) * std::sqrt((1 + r * r / 2) / static_cast<double>(n - 3));
      EXPECT_NEAR(sample, r, 4 * se) << a << "," << b;
    }
  }
}

TEST(SweepCopula, RejectsInvalidMatrices) {
  sw::GaussianCopula<>::Matrix m(3, 3);
  m << 1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1;  // x1~x2, x1~x3 yet x2~-x3: smallest eigenvalue -0.82
  const auto e = invalid_input([&] { sw::GaussianCopula<> c(m); });
  EXPECT_EQ(e.field(), "copula.spearman");
  EXPECT_NE(std::string(e.what()).find("positive definite"), std::string::npos) << e.what();
  m << 1, 0.5, 0, 0.4, 1, 0, 0, 0, 1;
  EXPECT_EQ(invalid_input([&] { sw::GaussianCopula<> c(m); }).field(), "copula.spearman(0,1)");
  m << 1, 0, 0, 0, 2, 0, 0, 0, 1;
  EXPECT_EQ(invalid_input([&] { sw::GaussianCopula<> c(m); }).field(), "copula.spearman(1,1)");
}

// ---------------------------------------------------------------- summary

namespace {

/// Test data: mostly positive costs over several decades, some negatives, zeros and NaNs.
std::vector<double> summary_data(std::size_t n) {
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double u = aci::detail::counter_uniform(42, i, 0, 0);
    const double w = aci::detail::counter_uniform(42, i, 1, 0);
    if (i % 997 == 0) x[i] = std::numeric_limits<double>::quiet_NaN();
    else if (i % 101 == 0) x[i] = 0.0;
    else if (w < 0.1) x[i] = -std::exp(8.0 * u);         // refunds, -1 .. -3000
    else x[i] = 1e5 * std::exp(2.0 * (u - 0.5)) + 0.1;   // costs around 1e5
  }
  return x;
}

void expect_identical(const sw::Summary& a, const sw::Summary& b) {
  EXPECT_TRUE(a == b);
  EXPECT_EQ(a.count(), b.count());
  EXPECT_EQ(a.nan_count(), b.nan_count());
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.mean()), std::bit_cast<std::uint64_t>(b.mean()));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.std()), std::bit_cast<std::uint64_t>(b.std()));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.min()), std::bit_cast<std::uint64_t>(b.min()));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.max()), std::bit_cast<std::uint64_t>(b.max()));
  for (const double q : {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1.0})
    EXPECT_EQ(std::bit_cast<std::uint64_t>(a.quantile(q)), std::bit_cast<std::uint64_t>(b.quantile(q))) << q;
}

}  // namespace

TEST(SweepSummary, IdenticalWhateverTheChunkingAndMergeOrder) {
  const std::vector<double> x = summary_data(100003);
  const std::span<const double> all(x);

  sw::Summary whole;
  whole.add(all);

  // Seven uneven chunks, merged left to right.
  const std::size_t cuts[] = {0, 1, 18, 4114, 34114, 34119, 94119, x.size()};
  sw::Summary seven;
  for (std::size_t c = 0; c + 1 < std::size(cuts); ++c) {
    sw::Summary part;
    part.add(all.subspan(cuts[c], cuts[c + 1] - cuts[c]));
    seven.merge(part);
  }

  // A thousand chunks, merged last to first.
  std::vector<sw::Summary> parts(1000);
  for (std::size_t c = 0; c < 1000; ++c) {
    const std::size_t lo = x.size() * c / 1000, hi = x.size() * (c + 1) / 1000;
    parts[c].add(all.subspan(lo, hi - lo));
  }
  sw::Summary thousand;
  for (std::size_t c = 1000; c-- > 0;) thousand.merge(parts[c]);

  // The values in another order, one at a time.
  sw::Summary shuffled;
  for (std::size_t k = 0; k < x.size(); ++k) shuffled.add(x[(k * 7919) % x.size()]);  // 7919 is prime, coprime to 100003

  expect_identical(whole, seven);
  expect_identical(whole, thousand);
  expect_identical(whole, shuffled);
  sw::Summary ab = parts[3], ba = parts[500];
  ab.merge(parts[500]);
  ba.merge(parts[3]);
  expect_identical(ab, ba);
}

TEST(SweepSummary, AgreesWithTwoPassLongDoubleAndSortedQuantiles) {
  const std::vector<double> x = summary_data(100003);
  sw::Summary s;
  s.add(x);
  std::vector<double> finite;
  for (const double v : x)
    if (!std::isnan(v)) finite.push_back(v);
  ASSERT_EQ(s.nan_count(), x.size() - finite.size());
  ASSERT_EQ(s.count(), finite.size());
  const auto n = static_cast<long double>(finite.size());
  long double sum = 0;
  for (const double v : finite) sum += v;
  const long double mean = sum / n;
  long double squares = 0;
  for (const double v : finite) squares += (v - mean) * (v - mean);
  const long double sd = std::sqrt(squares / (n - 1));
  EXPECT_NEAR(s.mean() / static_cast<double>(mean), 1.0, 1e-12);
  EXPECT_NEAR(s.std() / static_cast<double>(sd), 1.0, 1e-12);

  std::sort(finite.begin(), finite.end());
  EXPECT_EQ(s.min(), finite.front());
  EXPECT_EQ(s.max(), finite.back());
  for (const double q : {0.0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0}) {
    const double rank = std::max(1.0, std::ceil(q * static_cast<double>(finite.size())));
    const double exact = finite[static_cast<std::size_t>(rank) - 1];
    EXPECT_LE(std::abs(s.quantile(q) - exact), sw::Summary::quantile_relative_error * std::abs(exact)) << q;
  }
}

TEST(SweepSummary, ExactSumsByHand) {
  // 1e16 + 1 - 1e16 = 1 exactly, which naive double summation in this order loses (it gives 0):
  // mean 1/3, sample variance (2e32 + 1 - 1/3) / 2 = 1e32 + 1/3, so std rounds to 1e16.
  sw::Summary a;
  for (const double v : {1e16, 1.0, -1e16}) a.add(v);
  EXPECT_EQ(a.sum(), 1.0);
  EXPECT_EQ(a.mean(), 1.0 / 3.0);
  EXPECT_EQ(a.std(), 1e16);

  // 1e9 + k, k = 0..999: mean 1e9 + 499.5; sample variance of 0..n-1 is n (n + 1) / 12.
  sw::Summary b;
  for (int k = 0; k < 1000; ++k) b.add(1e9 + k);
  EXPECT_EQ(b.mean(), 1e9 + 499.5);
  EXPECT_DOUBLE_EQ(b.std(), std::sqrt(1000.0 * 1001.0 / 12.0));

  // Beyond the double range in the middle of the computation, not in the results.
  sw::Summary c;
  c.add(std::numeric_limits<double>::max());
  c.add(std::numeric_limits<double>::max());
  EXPECT_EQ(c.mean(), std::numeric_limits<double>::max());
  EXPECT_EQ(c.std(), 0.0);
  EXPECT_EQ(c.sum(), std::numeric_limits<double>::infinity());
  sw::Summary d;
  d.add(1e308);
  d.add(-1e308);
  EXPECT_EQ(d.mean(), 0.0);
  EXPECT_DOUBLE_EQ(d.std(), std::sqrt(2.0) * 1e308);  // sample variance 2e616
  EXPECT_EQ(d.variance(), std::numeric_limits<double>::infinity());
}

TEST(SweepSummary, LongRunsOfOneBinadeAndAlternatingBinades) {
  // add(span) pools the values of one sign and binade in 128-bit sums, flushed every 2^21 values
  // and whenever another binade takes the slot (slots are direct-mapped by exponent mod 4).
  const std::size_t n = (std::size_t{1} << 21) + 3;
  std::vector<double> same(n, 1.5);
  same[7] = 1.75;  // mantissas that differ, same binade [1, 2)
  sw::Summary a;
  a.add(same);
  EXPECT_EQ(a.sum(), 1.5 * static_cast<double>(n) + 0.25);  // exact: 3145733.0, an integer below 2^53
  EXPECT_EQ(a.count(), n);
  // Binades 2^0, 2^4, 2^-4 share one slot and alternate; -1 has the other sign.
  std::vector<double> mixed;
  for (int k = 0; k < 1000; ++k)
    for (const double v : {1.0 + k * 0x1p-20, 16.0 + k * 0x1p-16, 0.0625, -1.0}) mixed.push_back(v);
  sw::Summary whole, one_by_one;
  whole.add(mixed);
  for (const double v : mixed) one_by_one.add(v);
  expect_identical(whole, one_by_one);
  double expected = 0;  // every partial sum below is exact in a double (few bits each)
  for (int k = 0; k < 1000; ++k) expected += (1.0 + k * 0x1p-20) + (16.0 + k * 0x1p-16) + 0.0625 - 1.0;
  EXPECT_EQ(whole.sum(), expected);
}

TEST(SweepSummary, NanZerosInfinitiesAndEmpty) {
  sw::Summary s;
  for (const double v : {std::numeric_limits<double>::quiet_NaN(), 1.0, 2.0, std::numeric_limits<double>::quiet_NaN(), 3.0})
    s.add(v);
  EXPECT_EQ(s.count(), 3u);
  EXPECT_EQ(s.nan_count(), 2u);
  EXPECT_EQ(s.mean(), 2.0);
  EXPECT_EQ(s.std(), 1.0);
  EXPECT_EQ(s.min(), 1.0);
  EXPECT_EQ(s.max(), 3.0);

  // Quantiles are bin midpoints clamped to [min, max]: values 1, 2, 3, 4; rank ceil(0.5 x 4) = 2
  // is the value 2, in the bin [2, 2 + 2/128), whose midpoint is 2 + 1/128.
  sw::Summary q;
  for (const double v : {4.0, 1.0, 3.0, 2.0}) q.add(v);
  EXPECT_EQ(q.quantile(0.5), 2.0078125);
  EXPECT_EQ(q.quantile(0.0), 1.0);
  EXPECT_EQ(q.quantile(1.0), 4.0);

  // -0 comes before +0 whatever the order of arrival.
  sw::Summary z1, z2;
  z1.add(0.0);
  z1.add(-0.0);
  z2.add(-0.0);
  z2.add(0.0);
  EXPECT_TRUE(std::signbit(z1.min()) && std::signbit(z2.min()));
  EXPECT_FALSE(std::signbit(z1.max()) || std::signbit(z2.max()));

  sw::Summary inf;
  inf.add(1.0);
  inf.add(std::numeric_limits<double>::infinity());
  EXPECT_EQ(inf.mean(), std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(inf.std()));
  EXPECT_EQ(inf.quantile(1.0), std::numeric_limits<double>::infinity());

  const sw::Summary empty;
  EXPECT_EQ(empty.count(), 0u);
  EXPECT_TRUE(std::isnan(empty.mean()));
  EXPECT_TRUE(std::isnan(empty.quantile(0.5)));
  EXPECT_EQ(invalid_input([&] { (void)empty.quantile(1.5); }).field(), "summary.quantile.q");
}

// ---------------------------------------------------------------- sensitivity

namespace {

// Ishigami & Homma (1990), "An importance quantification technique in uncertainty analysis for
// computer models", ISUMA '90: f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i ~ U(-pi, pi).
constexpr double ishigami_a = 7.0, ishigami_b = 0.1;

double ishigami(std::span<const double> u) {
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + ishigami_a * std::sin(x2) * std::sin(x2) + ishigami_b * std::pow(x3, 4) * std::sin(x1);
}

// Analytic variances (Sobol' & Levitan 1999; Saltelli et al. 2008, "Global Sensitivity Analysis:
// The Primer", Wiley, sec. 4.8): V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0,
// V13 = 8 b^2 pi^8 / 225, V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
struct IshigamiIndices {
  double s1[3], st[3];
};
IshigamiIndices ishigami_indices() {
  const double a = ishigami_a, b = ishigami_b, p4 = std::pow(pi, 4), p8 = std::pow(pi, 8);
  const double v = a * a / 8 + b * p4 / 5 + b * b * p8 / 18 + 0.5;
  const double v1 = 0.5 * (1 + b * p4 / 5) * (1 + b * p4 / 5), v2 = a * a / 8, v13 = 8 * b * b * p8 / 225;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

}  // namespace

TEST(SweepSobolIndices, IshigamiWithinBootstrapIntervalOfAnalyticValues) {
  const auto exact = ishigami_indices();
  // The Primer's rounded values.
  const double s1[3] = {0.3139, 0.4424, 0.0}, st[3] = {0.5576, 0.4424, 0.2437};
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_NEAR(exact.s1[j], s1[j], 1e-4);
    EXPECT_NEAR(exact.st[j], st[j], 1e-4);
  }
  const sw::SaltelliDesign design(3, std::uint64_t{1} << 13, 2024);
  EXPECT_EQ(design.size(), (std::uint64_t{1} << 13) * 5);
  const auto outputs = sw::evaluate(design, ishigami);
  for (const sw::CiMethod method : {sw::CiMethod::percentile, sw::CiMethod::normal}) {
    sw::SobolOptions options;
    options.bootstrap_resamples = 400;
    options.bootstrap_seed = 5;
    options.ci_method = method;
    options.threads = 2;
    const auto r = sw::analyze_sobol(design, outputs, options);
    EXPECT_EQ(r.rows_used, std::uint64_t{1} << 13);
    EXPECT_EQ(r.rows_dropped, 0u);
    for (std::size_t j = 0; j < 3; ++j) {
      EXPECT_NEAR(r.first_order[j], exact.s1[j], 0.03) << j;
      EXPECT_NEAR(r.total_order[j], exact.st[j], 0.03) << j;
      EXPECT_LE(r.first_order_ci[j].low, exact.s1[j]) << j;
      EXPECT_GE(r.first_order_ci[j].high, exact.s1[j]) << j;
      EXPECT_LE(r.total_order_ci[j].low, exact.st[j]) << j;
      EXPECT_GE(r.total_order_ci[j].high, exact.st[j]) << j;
      EXPECT_LT(r.first_order_ci[j].high - r.first_order_ci[j].low, 0.1) << j;  // informative, not vacuous
    }
  }
}

TEST(SweepSobolIndices, DoublingNReusesTheFirstRows) {
  const std::uint64_t n = 1024;
  const sw::SaltelliDesign small(3, n, 77), large(3, 2 * n, 77);
  std::vector<double> p(3), q(3);
  for (std::uint64_t r = 0; r < small.size(); ++r) {
    small.point(r, p);
    large.point(r, q);
    ASSERT_EQ(p, q) << r;
  }
  const auto fs = sw::evaluate(small, ishigami), fl = sw::evaluate(large, ishigami);
  EXPECT_TRUE(std::equal(fs.values.begin(), fs.values.end(), fl.values.begin()));
  // Row layout: base row i is rows 5i (A), 5i + 1 (B), 5i + 2.. (AB_j); AB_1 is A with column 1 from B.
  std::vector<double> a(3), b(3), ab1(3);
  large.point(5 * 9, a);
  large.point(5 * 9 + 1, b);
  large.point(5 * 9 + 3, ab1);
  EXPECT_EQ(ab1, (std::vector<double>{a[0], b[1], a[2]}));
}

TEST(SweepSobolIndices, RefusesForeignOrMisshapenOutputsAndBadN) {
  const sw::SaltelliDesign design(3, 256, 1), other(3, 256, 2);
  auto outputs = sw::evaluate(other, ishigami);
  EXPECT_NE(design.fingerprint(), other.fingerprint());
  EXPECT_EQ(invalid_input([&] { (void)sw::analyze_sobol(design, outputs); }).field(), "sobol.outputs.fingerprint");
  outputs = sw::evaluate(design, ishigami);
  outputs.values.pop_back();
  EXPECT_EQ(invalid_input([&] { (void)sw::analyze_sobol(design, outputs); }).field(), "sobol.outputs.values");
  const auto e = invalid_input([] { sw::SaltelliDesign(3, 1000, 1); });
  EXPECT_EQ(e.field(), "saltelli.N");
  EXPECT_EQ(e.value(), "1000");
  EXPECT_EQ(invalid_input([] { sw::SaltelliDesign(3, 256, 1, {0, 2, 2}); }).field(), "saltelli.groups");
  // The fingerprint covers N, k and the grouping, not just the seed.
  EXPECT_NE(sw::SaltelliDesign(3, 256, 1).fingerprint(), sw::SaltelliDesign(3, 512, 1).fingerprint());
  EXPECT_NE(sw::SaltelliDesign(3, 256, 1).fingerprint(), sw::SaltelliDesign(3, 256, 1, {0, 0, 1}).fingerprint());
  EXPECT_EQ(sw::SaltelliDesign(3, 256, 1).fingerprint(), sw::SaltelliDesign(3, 256, 1, {0, 1, 2}).fingerprint());
}

TEST(SweepSobolIndices, GroupsOfAnAdditiveModel) {
  // f = x1 + x2 + x3 with x_i ~ U(0, 1): each input carries 1/12 of the variance, so the group
  // {x1, x2} has S = ST = 2/3 and {x3} has 1/3.
  const sw::SaltelliDesign design(3, 4096, 3, {0, 0, 1});
  EXPECT_EQ(design.group_count(), 2u);
  EXPECT_EQ(design.block_size(), 4u);
  const auto outputs = sw::evaluate(design, [](std::span<const double> u) { return u[0] + u[1] + u[2]; });
  sw::SobolOptions options;
  options.bootstrap_resamples = 0;
  const auto r = sw::analyze_sobol(design, outputs, options);
  EXPECT_NEAR(r.first_order[0], 2.0 / 3.0, 0.01);
  EXPECT_NEAR(r.total_order[0], 2.0 / 3.0, 0.01);
  EXPECT_NEAR(r.first_order[1], 1.0 / 3.0, 0.01);
  EXPECT_NEAR(r.total_order[1], 1.0 / 3.0, 0.01);
  EXPECT_NEAR(r.variance, 3.0 / 12.0, 0.01);
  EXPECT_TRUE(std::isnan(r.first_order_ci[0].low));  // no resamples, no interval

  const auto constant = sw::evaluate(design, [](std::span<const double>) { return 4.0; });
  EXPECT_THROW((void)sw::analyze_sobol(design, constant, options), aci::DomainError);
}

TEST(SweepSobolIndices, NanPolicyDropsWholeRows) {
  const sw::SaltelliDesign design(3, 1024, 11);
  auto outputs = sw::evaluate(design, ishigami);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  outputs.values[5 * 3 + 0] = nan;  // base row 3, A
  outputs.values[5 * 3 + 4] = nan;  // base row 3, AB_2: same row, dropped once
  outputs.values[5 * 7 + 2] = nan;  // base row 7, AB_0
  outputs.values[5 * 9 + 1] = std::numeric_limits<double>::infinity();  // base row 9, B
  const auto e = invalid_input([&] { (void)sw::analyze_sobol(design, outputs); });
  EXPECT_EQ(e.field(), "sobol.outputs.values[15]");
  EXPECT_EQ(e.value(), "nan");
  sw::SobolOptions options;
  options.nan_policy = sw::NanPolicy::drop_blocks;
  options.bootstrap_resamples = 50;
  const auto r = sw::analyze_sobol(design, outputs, options);
  EXPECT_EQ(r.rows_dropped, 3u);
  EXPECT_EQ(r.rows_used, 1024u - 3u);
  EXPECT_TRUE(std::isfinite(r.first_order[0]) && std::isfinite(r.total_order_ci[2].high));
}

namespace {

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

}  // namespace

TEST(SweepSobolBootstrap, IntervalsAreTheSameOnAnyThreadCount) {
  const sw::SaltelliDesign design(3, 1024, 9);
  const auto outputs = sw::evaluate(design, ishigami);
  for (const bool salib : {false, true}) {
    for (const sw::CiMethod method : {sw::CiMethod::percentile, sw::CiMethod::normal}) {
      sw::SobolOptions options;
      options.bootstrap_resamples = 97;  // not a multiple of 2 or 3
      options.bootstrap_seed = 3;
      options.salib_conventions = salib;
      options.ci_method = method;
      const auto one = sw::analyze_sobol(design, outputs, options);
      for (const unsigned threads : {2U, 3U}) {
        options.threads = threads;
        for (const bool watched : {false, true}) {  // the calling thread runs a worker, or watches
          options.keep_going = watched ? std::function<bool()>([] { return true; }) : std::function<bool()>();
          const auto r = sw::analyze_sobol(design, outputs, options);
          for (std::size_t g = 0; g < 3; ++g) {
            EXPECT_TRUE(same_bits(r.first_order[g], one.first_order[g]));
            EXPECT_TRUE(same_bits(r.first_order_ci[g].low, one.first_order_ci[g].low)) << threads << " " << g;
            EXPECT_TRUE(same_bits(r.first_order_ci[g].high, one.first_order_ci[g].high)) << threads << " " << g;
            EXPECT_TRUE(same_bits(r.total_order_ci[g].low, one.total_order_ci[g].low)) << threads << " " << g;
            EXPECT_TRUE(same_bits(r.total_order_ci[g].high, one.total_order_ci[g].high)) << threads << " " << g;
          }
        }
      }
    }
  }
}

TEST(SweepSobolBootstrap, CountsGiveTheIntervalsOfTheGatheredRows) {
  // The reference is the bootstrap as first written: gather the drawn rows (the same counter
  // draws) and run sobol_estimates on them. Counting changes only the order of the sums.
  const sw::SaltelliDesign design(3, 512, 21);
  auto outputs = sw::evaluate(design, ishigami);
  outputs.values[5 * 4 + 1] = std::numeric_limits<double>::quiet_NaN();  // base row 4 dropped: rows != 0..N-1
  const std::size_t block = design.block_size(), groups = design.group_count();
  std::vector<std::uint64_t> rows;
  for (std::uint64_t i = 0; i < design.base_rows(); ++i)
    if (i != 4) rows.push_back(i);
  for (const bool salib : {false, true}) {
    sw::SobolOptions options;
    options.bootstrap_resamples = 60;
    options.bootstrap_seed = 8;
    options.salib_conventions = salib;
    options.nan_policy = sw::NanPolicy::drop_blocks;
    options.threads = 2;
    const auto r = sw::analyze_sobol(design, outputs, options);
    std::vector<std::vector<double>> s1_rep(groups), st_rep(groups);
    std::vector<std::uint64_t> drawn(rows.size());
    std::vector<double> s1(groups), st(groups);
    for (std::uint64_t b = 0; b < options.bootstrap_resamples; ++b) {
      for (std::uint64_t k = 0; k < drawn.size(); ++k)
        drawn[k] = rows[sw::detail::uniform_index(
            aci::detail::counter_bits(options.bootstrap_seed, b, k, sw::detail::stream_bootstrap), rows.size())];
      double mean = 0, variance = 0;
      ASSERT_TRUE(sw::detail::sobol_estimates(outputs.values, block, groups, drawn, s1, st, mean, variance, salib));
      for (std::size_t g = 0; g < groups; ++g) {
        s1_rep[g].push_back(s1[g]);
        st_rep[g].push_back(st[g]);
      }
    }
    for (std::size_t g = 0; g < groups; ++g) {
      const auto s1_ci = sw::detail::bootstrap_interval(s1_rep[g], r.first_order[g], 0.95, sw::CiMethod::percentile);
      const auto st_ci = sw::detail::bootstrap_interval(st_rep[g], r.total_order[g], 0.95, sw::CiMethod::percentile);
      EXPECT_NEAR(r.first_order_ci[g].low, s1_ci.low, 1e-12) << salib << " " << g;
      EXPECT_NEAR(r.first_order_ci[g].high, s1_ci.high, 1e-12) << salib << " " << g;
      EXPECT_NEAR(r.total_order_ci[g].low, st_ci.low, 1e-12) << salib << " " << g;
      EXPECT_NEAR(r.total_order_ci[g].high, st_ci.high, 1e-12) << salib << " " << g;
    }
  }
}

TEST(SweepSobolBootstrap, UnitCountsGiveThePointEstimates) {
  const sw::SaltelliDesign design(3, 1024, 4, {0, 1, 1});
  const auto outputs = sw::evaluate(design, [](std::span<const double> u) { return 1e5 + ishigami(u); });
  const std::size_t block = design.block_size(), groups = design.group_count();
  std::vector<std::uint64_t> rows(design.base_rows());
  std::iota(rows.begin(), rows.end(), std::uint64_t{0});
  const std::vector<std::uint32_t> ones(rows.size(), 1U);
  for (const bool salib : {false, true}) {
    std::vector<double> s1(groups), st(groups), w1(groups), wt(groups);
    double mean = 0, variance = 0, wmean = 0, wvariance = 0;
    ASSERT_TRUE(sw::detail::sobol_estimates(outputs.values, block, groups, rows, s1, st, mean, variance, salib));
    ASSERT_TRUE(sw::detail::sobol_estimates_weighted(outputs.values, block, groups, rows, ones, rows.size(), w1, wt,
                                                     wmean, wvariance, salib));
    EXPECT_NEAR(wmean, mean, 1e-12 * mean);
    EXPECT_NEAR(wvariance, variance, 1e-12 * variance);
    for (std::size_t g = 0; g < groups; ++g) {
      EXPECT_NEAR(w1[g], s1[g], 1e-12) << salib << " " << g;
      EXPECT_NEAR(wt[g], st[g], 1e-12) << salib << " " << g;
    }
  }
}

TEST(SweepSobolBootstrap, KeepGoingStopsIt) {
  const sw::SaltelliDesign design(3, 1024, 2);
  const auto outputs = sw::evaluate(design, ishigami);
  sw::SobolOptions options;
  options.bootstrap_resamples = 50;
  for (const unsigned threads : {1U, 2U}) {
    options.threads = threads;
    options.keep_going = [] { return false; };
    EXPECT_THROW((void)sw::analyze_sobol(design, outputs, options), sw::Cancelled) << threads;
    options.keep_going = []() -> bool { throw std::logic_error("from keep_going"); };
    try {
      (void)sw::analyze_sobol(design, outputs, options);
      ADD_FAILURE() << "expected the callback's exception";
    } catch (const std::logic_error& e) {
      EXPECT_STREQ(e.what(), "from keep_going");
    }
  }
  // A long bootstrap (some 10 s) stopped after 100 ms ends within a second.
  const sw::SaltelliDesign large(3, 8192, 2);
  const auto large_outputs = sw::evaluate(large, ishigami);
  options.bootstrap_resamples = 500'000;
  options.threads = 2;
  const auto start = std::chrono::steady_clock::now();
  std::atomic<int> polls{0};
  options.keep_going = [&] {
    ++polls;
    return std::chrono::steady_clock::now() - start < std::chrono::milliseconds(100);
  };
  EXPECT_THROW((void)sw::analyze_sobol(large, large_outputs, options), sw::Cancelled);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_GE(polls.load(), 2);
}

TEST(SweepSobolBootstrap, ThreadsMustBeOneTo256) {
  const sw::SaltelliDesign design(3, 256, 1);
  const auto outputs = sw::evaluate(design, ishigami);
  for (const unsigned threads : {0U, 257U}) {
    sw::SobolOptions options;
    options.threads = threads;
    const auto e = invalid_input([&] { (void)sw::analyze_sobol(design, outputs, options); });
    EXPECT_EQ(e.field(), "sobol.threads");
    EXPECT_EQ(e.value(), std::to_string(threads));
  }
}

TEST(SweepMorris, LinearModelGivesTheSlopeTimesTheRangeExactly) {
  // y = 2 x1 + 0 x2 with x1 = 3u (U(0, 3)): every elementary effect is dy/du = 2 x 3 = 6; with
  // p = 4 the levels 1/8, 3/8, 5/8, 7/8 and the jump 1/2 are exact binary fractions, so mu* is 6 exactly.
  const sw::MorrisDesign design(2, 10, 4, 8);
  const auto outputs = sw::evaluate(design, [](std::span<const double> u) { return 2.0 * (3.0 * u[0]) + 0.0 * u[1]; });
  const auto r = sw::analyze_morris(design, outputs);
  EXPECT_EQ(r.mu_star[0], 6.0);
  EXPECT_EQ(r.mu[0], 6.0);
  EXPECT_EQ(r.sigma[0], 0.0);
  EXPECT_EQ(r.mu_star[1], 0.0);
  EXPECT_EQ(r.sigma[1], 0.0);
  // Each step of a trajectory moves exactly one input, by p/2 levels = 1/2.
  std::vector<double> a(2), b(2);
  for (std::uint64_t row = 0; row < design.size(); ++row) {
    if (row % 3 == 0) continue;  // first point of a trajectory (k + 1 = 3 rows each)
    design.point(row - 1, a);
    design.point(row, b);
    EXPECT_EQ(std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]), 0.5) << row;
  }
}

TEST(SweepMorris, IshigamiOnFourLevels) {
  // On p = 4 levels x takes -3pi/4, -pi/4, pi/4, 3pi/4 and jumps by pi (u by 1/2). Then
  //   x2: sin^2 x2 = 1/2 at every level, so every effect of x2 is 0;
  //   x1: sin x1 moves between -sqrt2/2 and sqrt2/2, EE = 2 sqrt2 (1 + b x3^4) > 0 with
  //       x3^4 in {(pi/4)^4, (3pi/4)^4};
  //   x3: x3^4 changes by (3pi/4)^4 - (pi/4)^4 = (5/16) pi^4 and |sin x1| = sqrt2/2, so
  //       |EE| = b (sqrt2/2) (5/16) pi^4 / (1/2) = b sqrt2 (5/16) pi^4 on every trajectory.
  const sw::MorrisDesign design(3, 20, 4, 2024);
  const auto r = sw::analyze_morris(design, sw::evaluate(design, ishigami));
  EXPECT_GT(r.mu_star[0], 0.0);
  EXPECT_GE(r.mu_star[0], 2 * std::sqrt(2.0) * (1 + ishigami_b * std::pow(pi / 4, 4)) - 1e-12);
  EXPECT_LE(r.mu_star[0], 2 * std::sqrt(2.0) * (1 + ishigami_b * std::pow(3 * pi / 4, 4)) + 1e-12);
  EXPECT_EQ(r.mu[0], r.mu_star[0]);
  EXPECT_LT(r.mu_star[1], 1e-12);
  EXPECT_NEAR(r.mu_star[2], ishigami_b * std::sqrt(2.0) * 5.0 / 16.0 * std::pow(pi, 4), 1e-12);
  EXPECT_EQ(invalid_input([&] { (void)sw::analyze_morris(sw::MorrisDesign(3, 20, 4, 1), sw::evaluate(design, ishigami)); }).field(),
            "morris.outputs.fingerprint");
  EXPECT_EQ(invalid_input([] { sw::MorrisDesign(3, 20, 5, 1); }).field(), "morris.levels");
}

TEST(SweepTornado, DeltasSortedBySwing) {
  // f = 3 x1 - x2 + 0 x3 around (1, 1, 1): x1 at 0 / 2 moves f by -3 / +3 (swing 6), x2 at 0 / 3
  // by +1 / -2 (swing 3), x3 not at all.
  const sw::TornadoDesign<> design({1, 1, 1}, {0, 0, 0}, {2, 3, 5});
  const auto outputs = sw::evaluate(design, [](std::span<const double> x) { return 3 * x[0] - x[1] + 0 * x[2]; });
  const auto bars = sw::analyze_tornado(design, outputs);
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(bars[0].input, 0u);
  EXPECT_EQ(bars[0].low_delta, -3.0);
  EXPECT_EQ(bars[0].high_delta, 3.0);
  EXPECT_EQ(bars[0].swing, 6.0);
  EXPECT_EQ(bars[1].input, 1u);
  EXPECT_EQ(bars[1].low_delta, 1.0);
  EXPECT_EQ(bars[1].high_delta, -2.0);
  EXPECT_EQ(bars[1].swing, 3.0);
  EXPECT_EQ(bars[2].input, 2u);
  EXPECT_EQ(bars[2].swing, 0.0);
  EXPECT_EQ(invalid_input([] { sw::TornadoDesign<>({1, 1}, {0}, {2, 2}); }).field(), "tornado.low");
}
