// Laws: quantiles by hand and from tables, errors naming the field.
#include "helpers.hpp"

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
  const double u12 =
      (upper_tail(-1.0) - upper_tail(2.0)) / (upper_tail(-2.0) - upper_tail(2.0));  // Phi(x) = 1 - Phi(-x)
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

  const auto e = invalid_input([] {
    sw::Marginal<>{"productivity", sw::Uniform<>{.low = 0.5, .high = 0.4}}.validate();
  });
  EXPECT_STREQ(e.what(), "distribution[productivity].high = 0.4: must be > low (0.5)");
  EXPECT_EQ(e.field(), "distribution[productivity].high");
  EXPECT_EQ(e.value(), "0.4");

  const auto mode = invalid_input([] {
    sw::Marginal<>{"wage", sw::Triangular<>{.low = 0, .mode = 3, .high = 2}}.validate();
  });
  EXPECT_STREQ(mode.what(), "distribution[wage].mode = 3: must be in [low, high] = [0, 2]");
  EXPECT_EQ(invalid_input([] {
              sw::Marginal<>{"a", sw::TruncatedNormal<>{.mean = 1, .sd = 0, .low = 0, .high = 2}}.validate();
            }).field(),
            "distribution[a].sd");
  const auto nan = invalid_input([] {
    sw::Marginal<>{"b", sw::Lognormal<>{.mu = 0, .sigma = std::numeric_limits<double>::quiet_NaN()}}.validate();
  });
  EXPECT_EQ(nan.field(), "distribution[b].sigma");
  EXPECT_EQ(nan.value(), "nan");
  EXPECT_EQ(invalid_input([] { sw::Marginal<>{"c", sw::Discrete<>{}}.validate(); }).field(), "distribution[c].values");
  const auto weight = invalid_input([] {
    sw::Marginal<>{"c", sw::Discrete<>{.values = {1, 2}, .weights = {1, -1}}}.validate();
  });
  EXPECT_EQ(weight.field(), "distribution[c].weights[1]");
  EXPECT_EQ(weight.value(), "-1");
  EXPECT_EQ(invalid_input([] {
              sw::Marginal<>{"c", sw::Discrete<>{.values = {1, 3, 2}, .weights = {}}}.validate();
            }).field(),
            "distribution[c].values[2]");
  // A truncation interval with no representable probability: 1 - Phi(40) underflows to 0.
  EXPECT_EQ(invalid_input([] {
              sw::Marginal<>{"t", sw::TruncatedNormal<>{.mean = 0, .sd = 1, .low = 40, .high = 41}}.validate();
            }).field(),
            "distribution[t].low");
  EXPECT_EQ(invalid_input([&] { (void)m.quantile(1.0); }).field(), "quantile.u");
}

// ---------------------------------------------------------------- designs
