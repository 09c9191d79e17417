// Morris elementary effects: a linear model exactly, Ishigami on four levels.
#include "helpers.hpp"


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
