// Tornado swings sorted by size.
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
