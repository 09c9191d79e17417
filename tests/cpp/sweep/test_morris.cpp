// Morris elementary effects: a linear model exactly, Ishigami on four levels.
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

[[maybe_unused]] constexpr double pi = std::numbers::pi;

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
[[maybe_unused]] double upper_tail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

}  // namespace

namespace {

// Ishigami & Homma (1990), "An importance quantification technique in uncertainty analysis for
// computer models", ISUMA '90: f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i ~ U(-pi, pi).
constexpr double ishigami_a = 7.0, ishigami_b = 0.1;

[[maybe_unused]] double ishigami(std::span<const double> u) {
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + ishigami_a * std::sin(x2) * std::sin(x2) + ishigami_b * std::pow(x3, 4) * std::sin(x1);
}

// Analytic variances (Sobol' & Levitan 1999; Saltelli et al. 2008, "Global Sensitivity Analysis:
// The Primer", Wiley, sec. 4.8): V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0,
// V13 = 8 b^2 pi^8 / 225, V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
struct IshigamiIndices {
  double s1[3], st[3];
};
[[maybe_unused]] IshigamiIndices ishigami_indices() {
  const double a = ishigami_a, b = ishigami_b, p4 = std::pow(pi, 4), p8 = std::pow(pi, 8);
  const double v = a * a / 8 + b * p4 / 5 + b * b * p8 / 18 + 0.5;
  const double v1 = 0.5 * (1 + b * p4 / 5) * (1 + b * p4 / 5), v2 = a * a / 8, v13 = 8 * b * b * p8 / 225;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

}  // namespace

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
