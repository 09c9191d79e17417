// aci::sweep::SobolDesign: the Sobol' sequence (Joe-Kuo direction numbers), optionally
// Owen-scrambled; point i a function of (seed, i).
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
#include "aci_cost/sweep/detail/joe_kuo.hpp"
#include "aci_cost/sweep/design_kind.hpp"

namespace aci::sweep {

/// Whether and how a Sobol' sequence is randomised.
enum class Scrambling {
  none,  ///< the plain Joe-Kuo sequence (point 0 is the origin)
  owen,  ///< Owen's nested uniform scramble, seeded; keeps the (t, m, s)-net structure (a digital shift is one of its
         ///< draws, so none is added)
};

/// Sobol' sequence in Gray-code order with Joe-Kuo direction numbers, optionally Owen-scrambled.
/// Point i is computed directly from i, so it depends on (seed, i) only and the first N points
/// of a 2N run are the N-point run; every first 2^m points form a (t, m, d)-net.
class SobolDesign {
 public:
  /// Dimensions available from the embedded direction numbers.
  static constexpr std::size_t max_dimension = std::size(detail::joe_kuo_rows) + 1;
  /// Points available with 32-bit direction numbers.
  static constexpr std::uint64_t max_points = std::uint64_t{1} << 32;

  /// `dimension` in [1, max_dimension]; `seed` keys the scramble (ignored without scrambling).
  SobolDesign(std::size_t dimension, Scrambling scrambling, std::uint64_t seed = 0)
      : dimension_(dimension), scrambling_(scrambling), seed_(seed) {
    ACI_COST_REQUIRE(dimension >= 1 && dimension <= max_dimension, "sobol.dimension", dimension,
                     "must be in [1, " + std::to_string(max_dimension) + "] (the embedded Joe-Kuo table)");
    directions_.resize(dimension * 32);
    for (std::size_t j = 0; j < dimension; ++j) fill_directions(j, std::span(directions_).subspan(j * 32, 32));
    if (scrambling == Scrambling::owen) {
      keys_.resize(dimension);
      for (std::size_t j = 0; j < dimension; ++j)
        keys_[j] = aci::detail::counter_bits(seed, j, 0, detail::stream_sobol_owen);
    }
  }
  /// Number of coordinates per point.
  std::size_t dimension() const noexcept { return dimension_; }
  /// The scrambling.
  Scrambling scrambling() const noexcept { return scrambling_; }
  /// The seed of the scramble.
  std::uint64_t seed() const noexcept { return seed_; }

  /// Unscrambled coordinate j of point i as a 32-bit binary fraction (value / 2^32).
  std::uint32_t digits(std::uint64_t i, std::size_t j) const {
    detail::require_index(i, max_points, "sobol.i");
    assert(j < dimension_);
    // Gray-code order g = i xor (i >> 1) is the order of Antonov & Saleev (1979) and of
    // Joe & Kuo's own generator; computing it from i directly gives random access.
    std::uint64_t g = i ^ (i >> 1);
    const std::uint32_t* v = &directions_[j * 32];
    std::uint32_t x = 0;
    for (; g != 0; g &= g - 1) x ^= v[std::countr_zero(g)];
    return x;
  }
  /// Coordinate j of point i, in [0, 1): on the 2^-32 grid unscrambled, on the 2^-53 grid scrambled.
  double coordinate(std::uint64_t i, std::size_t j) const {
    const std::uint32_t x = digits(i, j);
    if (scrambling_ == Scrambling::none) return static_cast<double>(x) * 0x1p-32;
    const std::uint64_t key = keys_[j];
    const std::uint32_t y = detail::owen_scramble(x, key);
    // Below digit 32 the points are all in distinct tree nodes (i < 2^32), so the nested
    // scramble makes the remaining digits independent uniforms: draw them from the depth-32 node.
    const std::uint64_t low = aci::detail::mix64(key ^ ((std::uint64_t{1} << 32) | x)) >> 43;
    return static_cast<double>((std::uint64_t{y} << 21) | low) * 0x1p-53;
  }
  /// Point i (< 2^32) into `out` (one slot per dimension).
  void point(std::uint64_t i, std::span<double> out) const {
    detail::require_point_size(out.size(), dimension_);
    for (std::size_t j = 0; j < dimension_; ++j) out[j] = coordinate(i, j);
  }

 private:
  // Bratley & Fox (1988) recurrence, as in Joe & Kuo's reference code: v_k = m_k 2^(32-k) for
  // k <= s, then v_k = v_{k-s} xor (v_{k-s} >> s) xor sum_{i<s} a_i v_{k-i}.
  static void fill_directions(std::size_t j, std::span<std::uint32_t> v) {
    if (j == 0) {
      for (int k = 0; k < 32; ++k) v[static_cast<std::size_t>(k)] = std::uint32_t{1} << (31 - k);
      return;
    }
    const detail::JoeKuoRow& row = detail::joe_kuo_rows[j - 1];
    const std::size_t s = row.s;
    for (std::size_t k = 0; k < 32; ++k) {
      if (k < s) {
        v[k] = static_cast<std::uint32_t>(row.m[k]) << (31 - k);
        continue;
      }
      std::uint32_t x = v[k - s] ^ (v[k - s] >> s);
      for (std::size_t i = 1; i < s; ++i)
        if ((row.a >> (s - 1 - i)) & 1U) x ^= v[k - i];
      v[k] = x;
    }
  }

  std::size_t dimension_;
  Scrambling scrambling_;
  std::uint64_t seed_;
  std::vector<std::uint32_t> directions_;  // 32 per dimension
  std::vector<std::uint64_t> keys_;        // scramble key per dimension
};

}  // namespace aci::sweep
