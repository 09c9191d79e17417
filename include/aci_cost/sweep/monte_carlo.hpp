// aci::sweep::MonteCarloDesign: independent counter-based draws, point i a function of (seed, i).
#pragma once

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <numbers>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/sweep/design_kind.hpp"

namespace aci::sweep {

/// Independent uniform draws: coordinate (i, j) is the counter RNG at (seed, i, j).
class MonteCarloDesign {
 public:
  /// `dimension` >= 1 inputs; `seed` selects the draws.
  MonteCarloDesign(std::size_t dimension, std::uint64_t seed) : dimension_(dimension), seed_(seed) {
    ACI_COST_REQUIRE(dimension >= 1, "monte_carlo.dimension", dimension, "must be >= 1");
  }
  /// Number of coordinates per point.
  std::size_t dimension() const noexcept { return dimension_; }
  /// The seed.
  std::uint64_t seed() const noexcept { return seed_; }
  /// Coordinate j of point i, in [0, 1) on the 2^-53 grid.
  double coordinate(std::uint64_t i, std::size_t j) const noexcept {
    return aci::detail::counter_uniform(seed_, i, j, detail::stream_monte_carlo);
  }
  /// The hash state of point i, shared by its coordinates (counter_key(seed, i)).
  std::uint64_t point_key(std::uint64_t i) const noexcept { return aci::detail::counter_key(seed_, i); }
  /// coordinate(i, j) from point_key(i): equal bit for bit, one hash fewer per coordinate.
  double coordinate_at(std::uint64_t point_key, std::size_t j) const noexcept {
    return aci::detail::bits_to_uniform(
        aci::detail::counter_stream_bits(aci::detail::counter_step_key(point_key, j), detail::stream_monte_carlo));
  }
  /// Point i into `out` (one slot per dimension).
  void point(std::uint64_t i, std::span<double> out) const {
    detail::require_point_size(out.size(), dimension_);
    for (std::size_t j = 0; j < dimension_; ++j) out[j] = coordinate(i, j);
  }

 private:
  std::size_t dimension_;
  std::uint64_t seed_;
};

}  // namespace aci::sweep
