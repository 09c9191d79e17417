// aci::sweep::LatinHypercubeDesign: one point per stratum and dimension, point i a function of
// (seed, N, i).
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

/// Latin hypercube (McKay, Beckman & Conover 1979): in every dimension each of the N strata
/// [k/N, (k+1)/N) holds exactly one point. Point i depends on (seed, N, i): the strata and the
/// seeded per-dimension permutations are fixed by N, so the first M points of an N-point
/// hypercube are not an M-point hypercube.
class LatinHypercubeDesign {
 public:
  /// `dimension` >= 1, `n` points in [1, 2^32]; `centered`: each point at its stratum's centre
  /// instead of a seeded uniform position inside it.
  LatinHypercubeDesign(std::size_t dimension, std::uint64_t n, std::uint64_t seed, bool centered = false)
      : dimension_(dimension), n_(n), seed_(seed), centered_(centered) {
    ACI_COST_REQUIRE(dimension >= 1, "latin_hypercube.dimension", dimension, "must be >= 1");
    ACI_COST_REQUIRE(n >= 1 && n <= (std::uint64_t{1} << 32), "latin_hypercube.N", n, "must be in [1, 2^32]");
    // The permutation is a Feistel network on the smallest even number of bits that covers N,
    // walked in cycles until it lands below N (Black & Rogaway 2002, "Ciphers with arbitrary
    // finite domains"): O(1) memory and O(1) expected time per point, no stored permutation.
    int bits = std::max(2, static_cast<int>(std::bit_width(n - 1)));
    bits += bits & 1;
    half_bits_ = bits / 2;
  }
  /// Number of coordinates per point.
  std::size_t dimension() const noexcept { return dimension_; }
  /// Number of points N.
  std::uint64_t size() const noexcept { return n_; }
  /// Stratum (0..N-1) of point i in dimension j: a seeded permutation of 0..N-1 per dimension.
  std::uint64_t stratum(std::uint64_t i, std::size_t j) const {
    detail::require_index(i, n_, "latin_hypercube.i");
    const std::uint64_t key = aci::detail::counter_bits(seed_, j, 0, detail::stream_lhs_permutation);
    std::uint64_t x = i;
    do x = feistel(x, key);
    while (x >= n_);
    return x;
  }
  /// Coordinate j of point i, in [k/N, (k+1)/N) for its stratum k (as rounded to double).
  double coordinate(std::uint64_t i, std::size_t j) const {
    const std::uint64_t k = stratum(i, j);
    const double n = static_cast<double>(n_);
    const double lo = static_cast<double>(k) / n;
    const double hi = static_cast<double>(k + 1) / n;
    const double v = centered_ ? 0.5 : aci::detail::counter_uniform(seed_, i, j, detail::stream_lhs_jitter);
    const double u = lo + v * (hi - lo);
    // Rounding may reach the next stratum's edge; the strata as rounded to double still
    // partition [0, 1), so clamping keeps exactly one point per stratum.
    return u >= hi ? std::nextafter(hi, 0.0) : std::max(u, lo);
  }
  /// Point i (< N) into `out` (one slot per dimension).
  void point(std::uint64_t i, std::span<double> out) const {
    detail::require_point_size(out.size(), dimension_);
    for (std::size_t j = 0; j < dimension_; ++j) out[j] = coordinate(i, j);
  }

 private:
  std::uint64_t feistel(std::uint64_t x, std::uint64_t key) const noexcept {
    const std::uint64_t mask = (std::uint64_t{1} << half_bits_) - 1;
    std::uint64_t left = x >> half_bits_, right = x & mask;
    // Six rounds: four already make a pseudo-random permutation (Luby & Rackoff 1988); two
    // more cost little and decorrelate the dimensions' permutations further.
    for (std::uint64_t round = 0; round < 6; ++round) {
      const std::uint64_t f = aci::detail::mix64(key + (round << 40) + right) & mask;
      left = std::exchange(right, left ^ f);
    }
    return (left << half_bits_) | right;
  }

  std::size_t dimension_;
  std::uint64_t n_;
  std::uint64_t seed_;
  bool centered_;
  int half_bits_ = 1;
};

}  // namespace aci::sweep
