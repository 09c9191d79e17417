// Morris elementary effects as published (Morris 1991; Campolongo, Cariboni & Saltelli 2007):
// levels l / (p - 1), step p / (2 (p - 1)); a linear model exactly; Ishigami on four levels
// against the expectations derived on the grid; bootstrap intervals; Campolongo's selection.
#include "helpers.hpp"

TEST(SweepMorris, LevelsAndStepAreMorrisAndALinearModelGivesItsSlope) {
  // p = 4: levels 0, 1/3, 2/3, 1 and Delta = 4 / 6 = 2/3 (two levels).
  const sw::MorrisDesign design(2, 10, 4, 8);
  EXPECT_EQ(design.level_value(0), 0.0);
  EXPECT_EQ(design.level_value(3), 1.0);
  EXPECT_DOUBLE_EQ(design.level_value(1), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(design.delta(), 2.0 / 3.0);
  // y = 2 x1 + 0 x2 with x1 = 3u (U(0, 3)): every elementary effect is dy/du = 6.
  const auto outputs = sw::evaluate(design, [](std::span<const double> u) { return 2.0 * (3.0 * u[0]) + 0.0 * u[1]; });
  const auto r = sw::analyze_morris(design, outputs);
  EXPECT_NEAR(r.mu_star[0], 6.0, 1e-13);
  EXPECT_NEAR(r.mu[0], 6.0, 1e-13);
  EXPECT_NEAR(r.sigma[0], 0.0, 1e-13);
  EXPECT_EQ(r.mu_star[1], 0.0);
  // Each step of a trajectory moves exactly one input, by Delta, between levels of the grid.
  std::vector<double> a(2), b(2);
  for (std::uint64_t row = 0; row < design.size(); ++row) {
    design.point(row, b);
    for (const double v : b) EXPECT_TRUE(v == 0.0 || v == 1.0 || std::abs(3 * v - std::round(3 * v)) < 1e-15) << v;
    if (row % 3 != 0) {  // not the first point of a trajectory (k + 1 = 3 rows each)
      design.point(row - 1, a);
      const double moved = std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]);
      EXPECT_NEAR(moved, 2.0 / 3.0, 1e-15) << row;
      EXPECT_TRUE(a[0] == b[0] || a[1] == b[1]) << row;
    }
  }
  // p = 2: levels 0 and 1, Delta = 1: the effect is f(1) - f(0) exactly.
  const sw::MorrisDesign two(1, 4, 2, 3);
  EXPECT_EQ(two.delta(), 1.0);
  const auto r2 =
      sw::analyze_morris(two, sw::evaluate(two, [](std::span<const double> u) { return 5.0 * u[0] - 1.0; }));
  EXPECT_EQ(r2.mu[0], 5.0);
  EXPECT_EQ(invalid_input([] { sw::MorrisDesign(3, 20, 5, 1); }).field(), "morris.levels");
}

TEST(SweepMorris, IshigamiOnFourLevelsMatchesItsExpectationOnTheGrid) {
  // On p = 4 levels x = -pi + 2 pi u takes -pi, -pi/3, pi/3, pi and a move (Delta = 2/3) pairs
  // -pi with pi/3 and -pi/3 with pi. By hand, with s = sqrt(3)/2:
  //   x2: sin^2 x2 moves between 0 and 3/4 in both pairs: |EE| = 7 (3/4) / (2/3) = 63/8 on
  //       every trajectory, so mu*_2 = 63/8 exactly (up to sin(pi) ~ 1e-16). (Morris' old cell
  //       centres gave it 0: x2 ranked last.)
  //   x1: sin x1 moves by s in both pairs: |EE| = (3 s / 2) (1 + b x3^4) with x3 on any of the
  //       4 levels with probability 1/4 (x3^4 = pi^4 or pi^4 / 81): E = (3s/2)(1 + b 41 pi^4/81).
  //   x3: x3^4 moves by 80 pi^4 / 81 in both pairs, times b |sin x1| = b s or 0, each with
  //       probability 1/2: E = (3/2) b (s/2) (80 pi^4 / 81).
  // Each |EE| of x1 and x3 takes two values a half apart with probability 1/2: sd = half their
  // gap, about 6.25; with r = 4000 the standard error of mu* is 0.099, checked at 4 of them.
  const double s = std::sqrt(3.0) / 2, p4 = std::pow(pi, 4), b = ishigami_b;
  const double e1 = 1.5 * s * (1 + b * 41 * p4 / 81), e3 = 1.5 * b * (s / 2) * 80 * p4 / 81;
  const sw::MorrisDesign design(3, 4000, 4, 2024);
  const auto r = sw::analyze_morris(design, sw::evaluate(design, ishigami));
  EXPECT_NEAR(r.mu_star[1], 63.0 / 8.0, 1e-12);
  EXPECT_NEAR(r.mu_star[0], e1, 0.4);
  EXPECT_NEAR(r.mu_star[2], e3, 0.4);
  // The ranking by mu*: x2 (7.875) and x1 (7.70) ahead of x3 (6.25), as Sobol's S1 ranks them
  // (x1 and x2 influential); x3 acts only through its interaction with x1 (sigma_3 > mu*_3 / 2).
  EXPECT_GT(r.mu_star[1], r.mu_star[2]);
  EXPECT_GT(r.mu_star[0], r.mu_star[2]);
  EXPECT_GT(r.sigma[2], 0.5 * r.mu_star[2]);
  // The intervals hold their estimates, and the expectations.
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_LE(r.mu_star_ci[j].low, r.mu_star[j]);
    EXPECT_GE(r.mu_star_ci[j].high, r.mu_star[j]);
    EXPECT_LE(r.sigma_ci[j].low, r.sigma[j]);
    EXPECT_GE(r.mu_ci[j].high, r.mu[j]);
  }
  EXPECT_LE(r.mu_star_ci[0].low, e1);
  EXPECT_GE(r.mu_star_ci[0].high, e1);
  EXPECT_LE(r.mu_star_ci[2].low, e3);
  EXPECT_GE(r.mu_star_ci[2].high, e3);
  EXPECT_EQ(invalid_input([&] {
              (void)sw::analyze_morris(sw::MorrisDesign(3, 20, 4, 1), sw::evaluate(design, ishigami));
            }).field(),
            "morris.outputs.fingerprint");
}

TEST(SweepMorris, BootstrapIntervalsAreSeededAndShrinkWithTrajectories) {
  const sw::MorrisDesign small(3, 50, 4, 5), large(3, 2000, 4, 5);
  sw::MorrisOptions o;
  o.bootstrap_seed = 9;
  const auto a = sw::analyze_morris(small, sw::evaluate(small, ishigami), o);
  const auto again = sw::analyze_morris(small, sw::evaluate(small, ishigami), o);
  EXPECT_EQ(a.mu_star_ci[0].low, again.mu_star_ci[0].low);
  const auto big = sw::analyze_morris(large, sw::evaluate(large, ishigami), o);
  // The width shrinks as 1/sqrt(r): 40 times the trajectories, a sixth of the width or so.
  const double w_small = a.mu_star_ci[0].high - a.mu_star_ci[0].low,
               w_large = big.mu_star_ci[0].high - big.mu_star_ci[0].low;
  EXPECT_LT(w_large, w_small / 3);
  // The normal interval is the estimate -+ z sd: symmetric.
  o.ci_method = sw::CiMethod::normal;
  const auto n = sw::analyze_morris(small, sw::evaluate(small, ishigami), o);
  EXPECT_NEAR(n.mu_star[0] - n.mu_star_ci[0].low, n.mu_star_ci[0].high - n.mu_star[0], 1e-12);
  o.bootstrap_resamples = 0;
  EXPECT_TRUE(std::isnan(sw::analyze_morris(small, sw::evaluate(small, ishigami), o).mu_ci[0].low));
  o.confidence_level = 1.0;
  EXPECT_EQ(invalid_input([&] { (void)sw::analyze_morris(small, sw::evaluate(small, ishigami), o); }).field(),
            "morris.confidence_level");
}

TEST(SweepMorris, CampolongoSelectionMaximisesTheSpread) {
  // Exhaustive (C(12, 4) = 495 sets): no set of 4 of the 12 candidates has a larger sum of
  // squared distances than the one chosen. The distances are recomputed here from the points.
  const std::size_t k = 3, m = 12, r = 4;
  const sw::MorrisDesign pool(k, m, 4, 77);  // the candidates: trajectories of the same seed
  const sw::MorrisDesign chosen(k, r, 4, 77, m);
  ASSERT_EQ(chosen.chosen().size(), r);
  std::vector<std::vector<double>> points(m, std::vector<double>((k + 1) * k));
  for (std::size_t c = 0; c < m; ++c)
    for (std::size_t s = 0; s <= k; ++s) pool.point(c * (k + 1) + s, std::span<double>(&points[c][s * k], k));
  std::vector<double> d2(m * m, 0.0);
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t b = 0; b < m; ++b) {
      double d = 0;
      for (std::size_t i = 0; i <= k; ++i)
        for (std::size_t j = 0; j <= k; ++j) {
          double e = 0;
          for (std::size_t z = 0; z < k; ++z) e += std::pow(points[a][i * k + z] - points[b][j * k + z], 2);
          d += std::sqrt(e);
        }
      d2[a * m + b] = a == b ? 0.0 : d * d;
    }
  const auto spread = [&](const std::vector<std::size_t>& set) {
    double s = 0;
    for (std::size_t i = 0; i < set.size(); ++i)
      for (std::size_t j = i + 1; j < set.size(); ++j) s += d2[set[i] * m + set[j]];
    return s;
  };
  const double best = spread(chosen.chosen());
  for (std::size_t a = 0; a < m; ++a)
    for (std::size_t b = a + 1; b < m; ++b)
      for (std::size_t c = b + 1; c < m; ++c)
        for (std::size_t e = c + 1; e < m; ++e) EXPECT_LE(spread({a, b, c, e}), best * (1 + 1e-12));
  // The chosen design's trajectories are those candidates' points.
  std::vector<double> x(k);
  chosen.point(1 * (k + 1) + 2, x);
  for (std::size_t z = 0; z < k; ++z) EXPECT_EQ(x[z], points[chosen.chosen()[1]][2 * k + z]);
  EXPECT_NE(chosen.fingerprint(), sw::MorrisDesign(k, r, 4, 77).fingerprint());
  // Beyond the exhaustive limit (C(400, 20)), the greedy choice with exchanges: a local
  // optimum better spread than the first r candidates.
  const sw::MorrisDesign wide(2, 20, 4, 5, 400);
  EXPECT_EQ(wide.chosen().size(), 20u);
  EXPECT_NE(wide.chosen(),
            std::vector<std::size_t>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}));
  EXPECT_EQ(invalid_input([] { sw::MorrisDesign(3, 10, 4, 1, 10); }).field(), "morris.candidates");
}

TEST(SweepMorris, AnUnboundedLawCannotReachTheTopLevel) {
  const sw::Marginal<double> lognormal{"x", sw::Lognormal<double>{0.0, 1.0}};
  EXPECT_EQ(invalid_input([&] { (void)lognormal.quantile_closed(1.0); }).field(), "distribution[x]");
  const sw::Marginal<double> uniform{"x", sw::Uniform<double>{2.0, 5.0}};
  EXPECT_EQ(uniform.quantile_closed(1.0), 5.0);
  EXPECT_EQ(uniform.quantile_closed(0.0), 2.0);
}
