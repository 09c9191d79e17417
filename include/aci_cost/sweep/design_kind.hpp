// aci::sweep::DesignKind and what every design shares: its kind (part of every fingerprint), the
// counter RNG's stream tags, and the checks on point buffers and indices.
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

namespace aci::sweep {

/// What generated a set of points; part of every design fingerprint.
enum class DesignKind : std::uint64_t {
  monte_carlo = 1,      ///< MonteCarloDesign
  latin_hypercube = 2,  ///< LatinHypercubeDesign
  sobol = 3,            ///< SobolDesign
  grid = 4,             ///< GridDesign
  saltelli = 5,         ///< SaltelliDesign (sensitivity.hpp)
  morris = 6,           ///< MorrisDesign (sensitivity.hpp)
  tornado = 7,          ///< TornadoDesign (sensitivity.hpp)
};

namespace detail {

// Stream tags of the counter RNG, one per use, so that one seed drives independent draws in
// each design and never replays another component's streams (which use small integers).
inline constexpr std::uint64_t stream_monte_carlo = 0x5357'4545'5000'0001ULL;
inline constexpr std::uint64_t stream_lhs_permutation = 0x5357'4545'5000'0002ULL;
inline constexpr std::uint64_t stream_lhs_jitter = 0x5357'4545'5000'0003ULL;
inline constexpr std::uint64_t stream_sobol_owen = 0x5357'4545'5000'0004ULL;
inline constexpr std::uint64_t stream_morris = 0x5357'4545'5000'0005ULL;
inline constexpr std::uint64_t stream_bootstrap = 0x5357'4545'5000'0006ULL;
inline constexpr std::uint64_t stream_morris_bootstrap = 0x5357'4545'5000'0007ULL;

/// The largest double below 1: where a value rounded up to 1 is put back into [0, 1).
inline constexpr double below_one = 0x1.fffffffffffffp-1;

/// High 64 bits of the 128-bit product a b, in portable 32-bit halves.
constexpr std::uint64_t mul_high(std::uint64_t a, std::uint64_t b) noexcept {
  const std::uint64_t a_lo = a & 0xffffffffULL, a_hi = a >> 32;
  const std::uint64_t b_lo = b & 0xffffffffULL, b_hi = b >> 32;
  const std::uint64_t lo_lo = a_lo * b_lo, hi_lo = a_hi * b_lo, lo_hi = a_lo * b_hi;
  // (2^32 - 1) + (2^32 - 1) + (2^32 - 1)^2 = 2^64 - 1: the middle sum cannot overflow.
  const std::uint64_t middle = (lo_lo >> 32) + (hi_lo & 0xffffffffULL) + lo_hi;
  return a_hi * b_hi + (hi_lo >> 32) + (middle >> 32);
}

/// An integer in [0, n) from 64 random bits: floor(bits n / 2^64) (Lemire 2019, "Fast random
/// integer generation in an interval", ACM TOMACS 29(1)); bias at most n / 2^64.
constexpr std::uint64_t uniform_index(std::uint64_t bits, std::uint64_t n) noexcept { return mul_high(bits, n); }

// These two run once per point: the message is only built when the check fails.

/// Throws InvalidInput unless a point buffer has one slot per dimension.
inline void require_point_size(std::size_t got, std::size_t dimension) {
  if (got != dimension)
    throw InvalidInput("design.point.out", std::to_string(got) + " slots",
                       "must have one slot per dimension (" + std::to_string(dimension) + ")");
}

/// Throws InvalidInput unless a point index is below the design's size.
inline void require_index(std::uint64_t i, std::uint64_t size, std::string_view field) {
  if (i >= size)
    throw InvalidInput(std::string(field), std::to_string(i),
                       "must be < the design's size (" + std::to_string(size) + ")");
}

}  // namespace detail

}  // namespace aci::sweep
