// Shared by the sweep tests: the includes they all use, an InvalidInput catcher, the normal
// upper tail from the C library, and the Ishigami function with its analytic indices.
#pragma once

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

namespace sweep_test {

inline constexpr double pi = std::numbers::pi;

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
inline double upper_tail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

}  // namespace sweep_test

namespace sweep_test {

// Ishigami & Homma (1990), "An importance quantification technique in uncertainty analysis for
// computer models", ISUMA '90: f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i ~ U(-pi, pi).
inline constexpr double ishigami_a = 7.0, ishigami_b = 0.1;

inline double ishigami(std::span<const double> u) {
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + ishigami_a * std::sin(x2) * std::sin(x2) + ishigami_b * std::pow(x3, 4) * std::sin(x1);
}

// Analytic variances (Sobol' & Levitan 1999; Saltelli et al. 2008, "Global Sensitivity Analysis:
// The Primer", Wiley, sec. 4.8): V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0,
// V13 = 8 b^2 pi^8 / 225, V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
struct IshigamiIndices {
  double s1[3], st[3];
};
inline IshigamiIndices ishigami_indices() {
  const double a = ishigami_a, b = ishigami_b, p4 = std::pow(pi, 4), p8 = std::pow(pi, 8);
  const double v = a * a / 8 + b * p4 / 5 + b * b * p8 / 18 + 0.5;
  const double v1 = 0.5 * (1 + b * p4 / 5) * (1 + b * p4 / 5), v2 = a * a / 8, v13 = 8 * b * b * p8 / 225;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

}  // namespace sweep_test

using namespace sweep_test;  // NOLINT: test helpers, one namespace for all the sweep tests
