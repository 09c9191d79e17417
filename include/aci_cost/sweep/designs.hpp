// Designs: where a sweep evaluates its model. Each design gives points u in [0, 1)^d (the
// grid gives input values directly), and point i is a pure function of the design's
// parameters and i, so any chunk of a sweep can be computed anywhere, in any order, and
// gives the same numbers:
//   MonteCarloDesign      counter-based draws, point i depends on (seed, i) only;
//   LatinHypercubeDesign  point i depends on (seed, N, i): the strata are fixed by N;
//   SobolDesign           scrambled Sobol' sequence, point i depends on (seed, i): the first
//                         N points of any longer run are the same N points;
//   GridDesign            Cartesian product of per-input value lists, mixed-radix index.
// GaussianCopula turns independent uniforms into uniforms with a target rank correlation.
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

// Eigen 3.4 trips -Wconversion and friends in its own headers; the project builds with them as
// errors and may see Eigen through a plain -I, so they are silenced for Eigen's code only.
#if defined(__GNUC__)
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Wconversion"
#  pragma GCC diagnostic ignored "-Wsign-conversion"
#  pragma GCC diagnostic ignored "-Wshadow"
#endif
#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/Eigenvalues>
#if defined(__GNUC__)
#  pragma GCC diagnostic pop
#endif

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/sweep/distributions.hpp"

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
    throw InvalidInput(std::string(field), std::to_string(i), "must be < the design's size (" + std::to_string(size) + ")");
}

/// Direction-number data for one Sobol' dimension: the degree s of its primitive polynomial,
/// the polynomial's inner coefficients a (bit s-2 .. 0 = a_1 .. a_{s-1}) and the initial odd m_1..m_s.
struct JoeKuoRow {
  std::uint16_t s;
  std::uint16_t a;
  std::uint16_t m[11];
};

// Dimensions 2..256 of new-joe-kuo-6.21201 (S. Joe and F. Y. Kuo, "Constructing Sobol
// sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008)
// 2635-2654; file at https://web.maths.unsw.edu.au/~fkuo/sobol/new-joe-kuo-6.21201), in that
// file's columns s, a, m_i. Dimension 1 is the van der Corput sequence (all m_i = 1) and has
// no row. Checked against Boost.Random's sobol, which derives from the same file.
inline constexpr JoeKuoRow joe_kuo_rows[] = {
    {1, 0, {1}}, {2, 1, {1, 3}}, {3, 1, {1, 3, 1}}, {3, 2, {1, 1, 1}}, {4, 1, {1, 1, 3, 3}},  // d = 2..6
    {4, 4, {1, 3, 5, 13}}, {5, 2, {1, 1, 5, 5, 17}}, {5, 4, {1, 1, 5, 5, 5}},  // d = 7..9
    {5, 7, {1, 1, 7, 11, 19}}, {5, 11, {1, 1, 5, 1, 1}}, {5, 13, {1, 1, 1, 3, 11}},  // d = 10..12
    {5, 14, {1, 3, 5, 5, 31}}, {6, 1, {1, 3, 3, 9, 7, 49}}, {6, 13, {1, 1, 1, 15, 21, 21}},  // d = 13..15
    {6, 16, {1, 3, 1, 13, 27, 49}}, {6, 19, {1, 1, 1, 15, 7, 5}}, {6, 22, {1, 3, 1, 15, 13, 25}},  // d = 16..18
    {6, 25, {1, 1, 5, 5, 19, 61}}, {7, 1, {1, 3, 7, 11, 23, 15, 103}},  // d = 19..20
    {7, 4, {1, 3, 7, 13, 13, 15, 69}}, {7, 7, {1, 1, 3, 13, 7, 35, 63}},  // d = 21..22
    {7, 8, {1, 3, 5, 9, 1, 25, 53}}, {7, 14, {1, 3, 1, 13, 9, 35, 107}},  // d = 23..24
    {7, 19, {1, 3, 1, 5, 27, 61, 31}}, {7, 21, {1, 1, 5, 11, 19, 41, 61}},  // d = 25..26
    {7, 28, {1, 3, 5, 3, 3, 13, 69}}, {7, 31, {1, 1, 7, 13, 1, 19, 1}},  // d = 27..28
    {7, 32, {1, 3, 7, 5, 13, 19, 59}}, {7, 37, {1, 1, 3, 9, 25, 29, 41}},  // d = 29..30
    {7, 41, {1, 3, 5, 13, 23, 1, 55}}, {7, 42, {1, 3, 7, 3, 13, 59, 17}},  // d = 31..32
    {7, 50, {1, 3, 1, 3, 5, 53, 69}}, {7, 55, {1, 1, 5, 5, 23, 33, 13}},  // d = 33..34
    {7, 56, {1, 1, 7, 7, 1, 61, 123}}, {7, 59, {1, 1, 7, 9, 13, 61, 49}},  // d = 35..36
    {7, 62, {1, 3, 3, 5, 3, 55, 33}}, {8, 14, {1, 3, 1, 15, 31, 13, 49, 245}},  // d = 37..38
    {8, 21, {1, 3, 5, 15, 31, 59, 63, 97}}, {8, 22, {1, 3, 1, 11, 11, 11, 77, 249}},  // d = 39..40
    {8, 38, {1, 3, 1, 11, 27, 43, 71, 9}}, {8, 47, {1, 1, 7, 15, 21, 11, 81, 45}},  // d = 41..42
    {8, 49, {1, 3, 7, 3, 25, 31, 65, 79}}, {8, 50, {1, 3, 1, 1, 19, 11, 3, 205}},  // d = 43..44
    {8, 52, {1, 1, 5, 9, 19, 21, 29, 157}}, {8, 56, {1, 3, 7, 11, 1, 33, 89, 185}},  // d = 45..46
    {8, 67, {1, 3, 3, 3, 15, 9, 79, 71}}, {8, 70, {1, 3, 7, 11, 15, 39, 119, 27}},  // d = 47..48
    {8, 84, {1, 1, 3, 1, 11, 31, 97, 225}}, {8, 97, {1, 1, 1, 3, 23, 43, 57, 177}},  // d = 49..50
    {8, 103, {1, 3, 7, 7, 17, 17, 37, 71}}, {8, 115, {1, 3, 1, 5, 27, 63, 123, 213}},  // d = 51..52
    {8, 122, {1, 1, 3, 5, 11, 43, 53, 133}}, {9, 8, {1, 3, 5, 5, 29, 17, 47, 173, 479}},  // d = 53..54
    {9, 13, {1, 3, 3, 11, 3, 1, 109, 9, 69}}, {9, 16, {1, 1, 1, 5, 17, 39, 23, 5, 343}},  // d = 55..56
    {9, 22, {1, 3, 1, 5, 25, 15, 31, 103, 499}}, {9, 25, {1, 1, 1, 11, 11, 17, 63, 105, 183}},  // d = 57..58
    {9, 44, {1, 1, 5, 11, 9, 29, 97, 231, 363}}, {9, 47, {1, 1, 5, 15, 19, 45, 41, 7, 383}},  // d = 59..60
    {9, 52, {1, 3, 7, 7, 31, 19, 83, 137, 221}}, {9, 55, {1, 1, 1, 3, 23, 15, 111, 223, 83}},  // d = 61..62
    {9, 59, {1, 1, 5, 13, 31, 15, 55, 25, 161}}, {9, 62, {1, 1, 3, 13, 25, 47, 39, 87, 257}},  // d = 63..64
    {9, 67, {1, 1, 1, 11, 21, 53, 125, 249, 293}}, {9, 74, {1, 1, 7, 11, 11, 7, 57, 79, 323}},  // d = 65..66
    {9, 81, {1, 1, 5, 5, 17, 13, 81, 3, 131}}, {9, 82, {1, 1, 7, 13, 23, 7, 65, 251, 475}},  // d = 67..68
    {9, 87, {1, 3, 5, 1, 9, 43, 3, 149, 11}}, {9, 91, {1, 1, 3, 13, 31, 13, 13, 255, 487}},  // d = 69..70
    {9, 94, {1, 3, 3, 1, 5, 63, 89, 91, 127}}, {9, 103, {1, 1, 3, 3, 1, 19, 123, 127, 237}},  // d = 71..72
    {9, 104, {1, 1, 5, 7, 23, 31, 37, 243, 289}}, {9, 109, {1, 1, 5, 11, 17, 53, 117, 183, 491}},  // d = 73..74
    {9, 122, {1, 1, 1, 5, 1, 13, 13, 209, 345}}, {9, 124, {1, 1, 3, 15, 1, 57, 115, 7, 33}},  // d = 75..76
    {9, 137, {1, 3, 1, 11, 7, 43, 81, 207, 175}}, {9, 138, {1, 3, 1, 1, 15, 27, 63, 255, 49}},  // d = 77..78
    {9, 143, {1, 3, 5, 3, 27, 61, 105, 171, 305}}, {9, 145, {1, 1, 5, 3, 1, 3, 57, 249, 149}},  // d = 79..80
    {9, 152, {1, 1, 3, 5, 5, 57, 15, 13, 159}}, {9, 157, {1, 1, 1, 11, 7, 11, 105, 141, 225}},  // d = 81..82
    {9, 167, {1, 3, 3, 5, 27, 59, 121, 101, 271}}, {9, 173, {1, 3, 5, 9, 11, 49, 51, 59, 115}},  // d = 83..84
    {9, 176, {1, 1, 7, 1, 23, 45, 125, 71, 419}}, {9, 181, {1, 1, 3, 5, 23, 5, 105, 109, 75}},  // d = 85..86
    {9, 182, {1, 1, 7, 15, 7, 11, 67, 121, 453}}, {9, 185, {1, 3, 7, 3, 9, 13, 31, 27, 449}},  // d = 87..88
    {9, 191, {1, 3, 1, 15, 19, 39, 39, 89, 15}}, {9, 194, {1, 1, 1, 1, 1, 33, 73, 145, 379}},  // d = 89..90
    {9, 199, {1, 3, 1, 15, 15, 43, 29, 13, 483}}, {9, 218, {1, 1, 7, 3, 19, 27, 85, 131, 431}},  // d = 91..92
    {9, 220, {1, 3, 3, 3, 5, 35, 23, 195, 349}}, {9, 227, {1, 3, 3, 7, 9, 27, 39, 59, 297}},  // d = 93..94
    {9, 229, {1, 1, 3, 9, 11, 17, 13, 241, 157}}, {9, 230, {1, 3, 7, 15, 25, 57, 33, 189, 213}},  // d = 95..96
    {9, 234, {1, 1, 7, 1, 9, 55, 73, 83, 217}}, {9, 236, {1, 3, 3, 13, 19, 27, 23, 113, 249}},  // d = 97..98
    {9, 241, {1, 3, 5, 3, 23, 43, 3, 253, 479}}, {9, 244, {1, 1, 5, 5, 11, 5, 45, 117, 217}},  // d = 99..100
    {9, 253, {1, 3, 3, 7, 29, 37, 33, 123, 147}}, {10, 4, {1, 3, 1, 15, 5, 5, 37, 227, 223, 459}},  // d = 101..102
    {10, 13, {1, 1, 7, 5, 5, 39, 63, 255, 135, 487}},  // d = 103
    {10, 19, {1, 3, 1, 7, 9, 7, 87, 249, 217, 599}},  // d = 104
    {10, 22, {1, 1, 3, 13, 9, 47, 7, 225, 363, 247}},  // d = 105
    {10, 50, {1, 3, 7, 13, 19, 13, 9, 67, 9, 737}}, {10, 55, {1, 3, 5, 5, 19, 59, 7, 41, 319, 677}},  // d = 106..107
    {10, 64, {1, 1, 5, 3, 31, 63, 15, 43, 207, 789}},  // d = 108
    {10, 69, {1, 1, 7, 9, 13, 39, 3, 47, 497, 169}},  // d = 109
    {10, 98, {1, 3, 1, 7, 21, 17, 97, 19, 415, 905}},  // d = 110
    {10, 107, {1, 3, 7, 1, 3, 31, 71, 111, 165, 127}},  // d = 111
    {10, 115, {1, 1, 5, 11, 1, 61, 83, 119, 203, 847}},  // d = 112
    {10, 121, {1, 3, 3, 13, 9, 61, 19, 97, 47, 35}},  // d = 113
    {10, 127, {1, 1, 7, 7, 15, 29, 63, 95, 417, 469}},  // d = 114
    {10, 134, {1, 3, 1, 9, 25, 9, 71, 57, 213, 385}},  // d = 115
    {10, 140, {1, 3, 5, 13, 31, 47, 101, 57, 39, 341}},  // d = 116
    {10, 145, {1, 1, 3, 3, 31, 57, 125, 173, 365, 551}},  // d = 117
    {10, 152, {1, 3, 7, 1, 13, 57, 67, 157, 451, 707}},  // d = 118
    {10, 158, {1, 1, 1, 7, 21, 13, 105, 89, 429, 965}},  // d = 119
    {10, 161, {1, 1, 5, 9, 17, 51, 45, 119, 157, 141}},  // d = 120
    {10, 171, {1, 3, 7, 7, 13, 45, 91, 9, 129, 741}},  // d = 121
    {10, 181, {1, 3, 7, 1, 23, 57, 67, 141, 151, 571}},  // d = 122
    {10, 194, {1, 1, 3, 11, 17, 47, 93, 107, 375, 157}},  // d = 123
    {10, 199, {1, 3, 3, 5, 11, 21, 43, 51, 169, 915}},  // d = 124
    {10, 203, {1, 1, 5, 3, 15, 55, 101, 67, 455, 625}},  // d = 125
    {10, 208, {1, 3, 5, 9, 1, 23, 29, 47, 345, 595}},  // d = 126
    {10, 227, {1, 3, 7, 7, 5, 49, 29, 155, 323, 589}},  // d = 127
    {10, 242, {1, 3, 3, 7, 5, 41, 127, 61, 261, 717}},  // d = 128
    {10, 251, {1, 3, 7, 7, 17, 23, 117, 67, 129, 1009}},  // d = 129
    {10, 253, {1, 1, 3, 13, 11, 39, 21, 207, 123, 305}},  // d = 130
    {10, 265, {1, 1, 3, 9, 29, 3, 95, 47, 231, 73}},  // d = 131
    {10, 266, {1, 3, 1, 9, 1, 29, 117, 21, 441, 259}},  // d = 132
    {10, 274, {1, 3, 1, 13, 21, 39, 125, 211, 439, 723}},  // d = 133
    {10, 283, {1, 1, 7, 3, 17, 63, 115, 89, 49, 773}},  // d = 134
    {10, 289, {1, 3, 7, 13, 11, 33, 101, 107, 63, 73}},  // d = 135
    {10, 295, {1, 1, 5, 5, 13, 57, 63, 135, 437, 177}},  // d = 136
    {10, 301, {1, 1, 3, 7, 27, 63, 93, 47, 417, 483}},  // d = 137
    {10, 316, {1, 1, 3, 1, 23, 29, 1, 191, 49, 23}},  // d = 138
    {10, 319, {1, 1, 3, 15, 25, 55, 9, 101, 219, 607}},  // d = 139
    {10, 324, {1, 3, 1, 7, 7, 19, 51, 251, 393, 307}},  // d = 140
    {10, 346, {1, 3, 3, 3, 25, 55, 17, 75, 337, 3}},  // d = 141
    {10, 352, {1, 1, 1, 13, 25, 17, 65, 45, 479, 413}},  // d = 142
    {10, 361, {1, 1, 7, 7, 27, 49, 99, 161, 213, 727}},  // d = 143
    {10, 367, {1, 3, 5, 1, 23, 5, 43, 41, 251, 857}},  // d = 144
    {10, 382, {1, 3, 3, 7, 11, 61, 39, 87, 383, 835}},  // d = 145
    {10, 395, {1, 1, 3, 15, 13, 7, 29, 7, 505, 923}},  // d = 146
    {10, 398, {1, 3, 7, 1, 5, 31, 47, 157, 445, 501}},  // d = 147
    {10, 400, {1, 1, 3, 7, 1, 43, 9, 147, 115, 605}},  // d = 148
    {10, 412, {1, 3, 3, 13, 5, 1, 119, 211, 455, 1001}},  // d = 149
    {10, 419, {1, 1, 3, 5, 13, 19, 3, 243, 75, 843}},  // d = 150
    {10, 422, {1, 3, 7, 7, 1, 19, 91, 249, 357, 589}},  // d = 151
    {10, 426, {1, 1, 1, 9, 1, 25, 109, 197, 279, 411}},  // d = 152
    {10, 428, {1, 3, 1, 15, 23, 57, 59, 135, 191, 75}},  // d = 153
    {10, 433, {1, 1, 5, 15, 29, 21, 39, 253, 383, 349}},  // d = 154
    {10, 446, {1, 3, 3, 5, 19, 45, 61, 151, 199, 981}},  // d = 155
    {10, 454, {1, 3, 5, 13, 9, 61, 107, 141, 141, 1}},  // d = 156
    {10, 457, {1, 3, 1, 11, 27, 25, 85, 105, 309, 979}},  // d = 157
    {10, 472, {1, 3, 3, 11, 19, 7, 115, 223, 349, 43}},  // d = 158
    {10, 493, {1, 1, 7, 9, 21, 39, 123, 21, 275, 927}},  // d = 159
    {10, 505, {1, 1, 7, 13, 15, 41, 47, 243, 303, 437}},  // d = 160
    {10, 508, {1, 1, 1, 7, 7, 3, 15, 99, 409, 719}},  // d = 161
    {11, 2, {1, 3, 3, 15, 27, 49, 113, 123, 113, 67, 469}},  // d = 162
    {11, 11, {1, 3, 7, 11, 3, 23, 87, 169, 119, 483, 199}},  // d = 163
    {11, 21, {1, 1, 5, 15, 7, 17, 109, 229, 179, 213, 741}},  // d = 164
    {11, 22, {1, 1, 5, 13, 11, 17, 25, 135, 403, 557, 1433}},  // d = 165
    {11, 35, {1, 3, 1, 1, 1, 61, 67, 215, 189, 945, 1243}},  // d = 166
    {11, 49, {1, 1, 7, 13, 17, 33, 9, 221, 429, 217, 1679}},  // d = 167
    {11, 50, {1, 1, 3, 11, 27, 3, 15, 93, 93, 865, 1049}},  // d = 168
    {11, 56, {1, 3, 7, 7, 25, 41, 121, 35, 373, 379, 1547}},  // d = 169
    {11, 61, {1, 3, 3, 9, 11, 35, 45, 205, 241, 9, 59}},  // d = 170
    {11, 70, {1, 3, 1, 7, 3, 51, 7, 177, 53, 975, 89}},  // d = 171
    {11, 74, {1, 1, 3, 5, 27, 1, 113, 231, 299, 759, 861}},  // d = 172
    {11, 79, {1, 3, 3, 15, 25, 29, 5, 255, 139, 891, 2031}},  // d = 173
    {11, 84, {1, 3, 1, 1, 13, 9, 109, 193, 419, 95, 17}},  // d = 174
    {11, 88, {1, 1, 7, 9, 3, 7, 29, 41, 135, 839, 867}},  // d = 175
    {11, 103, {1, 1, 7, 9, 25, 49, 123, 217, 113, 909, 215}},  // d = 176
    {11, 104, {1, 1, 7, 3, 23, 15, 43, 133, 217, 327, 901}},  // d = 177
    {11, 112, {1, 1, 3, 3, 13, 53, 63, 123, 477, 711, 1387}},  // d = 178
    {11, 115, {1, 1, 3, 15, 7, 29, 75, 119, 181, 957, 247}},  // d = 179
    {11, 117, {1, 1, 1, 11, 27, 25, 109, 151, 267, 99, 1461}},  // d = 180
    {11, 122, {1, 3, 7, 15, 5, 5, 53, 145, 11, 725, 1501}},  // d = 181
    {11, 134, {1, 3, 7, 1, 9, 43, 71, 229, 157, 607, 1835}},  // d = 182
    {11, 137, {1, 3, 3, 13, 25, 1, 5, 27, 471, 349, 127}},  // d = 183
    {11, 146, {1, 1, 1, 1, 23, 37, 9, 221, 269, 897, 1685}},  // d = 184
    {11, 148, {1, 1, 3, 3, 31, 29, 51, 19, 311, 553, 1969}},  // d = 185
    {11, 157, {1, 3, 7, 5, 5, 55, 17, 39, 475, 671, 1529}},  // d = 186
    {11, 158, {1, 1, 7, 1, 1, 35, 47, 27, 437, 395, 1635}},  // d = 187
    {11, 162, {1, 1, 7, 3, 13, 23, 43, 135, 327, 139, 389}},  // d = 188
    {11, 164, {1, 3, 7, 3, 9, 25, 91, 25, 429, 219, 513}},  // d = 189
    {11, 168, {1, 1, 3, 5, 13, 29, 119, 201, 277, 157, 2043}},  // d = 190
    {11, 173, {1, 3, 5, 3, 29, 57, 13, 17, 167, 739, 1031}},  // d = 191
    {11, 185, {1, 3, 3, 5, 29, 21, 95, 27, 255, 679, 1531}},  // d = 192
    {11, 186, {1, 3, 7, 15, 9, 5, 21, 71, 61, 961, 1201}},  // d = 193
    {11, 191, {1, 3, 5, 13, 15, 57, 33, 93, 459, 867, 223}},  // d = 194
    {11, 193, {1, 1, 1, 15, 17, 43, 127, 191, 67, 177, 1073}},  // d = 195
    {11, 199, {1, 1, 1, 15, 23, 7, 21, 199, 75, 293, 1611}},  // d = 196
    {11, 213, {1, 3, 7, 13, 15, 39, 21, 149, 65, 741, 319}},  // d = 197
    {11, 214, {1, 3, 7, 11, 23, 13, 101, 89, 277, 519, 711}},  // d = 198
    {11, 220, {1, 3, 7, 15, 19, 27, 85, 203, 441, 97, 1895}},  // d = 199
    {11, 227, {1, 3, 1, 3, 29, 25, 21, 155, 11, 191, 197}},  // d = 200
    {11, 236, {1, 1, 7, 5, 27, 11, 81, 101, 457, 675, 1687}},  // d = 201
    {11, 242, {1, 3, 1, 5, 25, 5, 65, 193, 41, 567, 781}},  // d = 202
    {11, 251, {1, 3, 1, 5, 11, 15, 113, 77, 411, 695, 1111}},  // d = 203
    {11, 256, {1, 1, 3, 9, 11, 53, 119, 171, 55, 297, 509}},  // d = 204
    {11, 259, {1, 1, 1, 1, 11, 39, 113, 139, 165, 347, 595}},  // d = 205
    {11, 265, {1, 3, 7, 11, 9, 17, 101, 13, 81, 325, 1733}},  // d = 206
    {11, 266, {1, 3, 1, 1, 21, 43, 115, 9, 113, 907, 645}},  // d = 207
    {11, 276, {1, 1, 7, 3, 9, 25, 117, 197, 159, 471, 475}},  // d = 208
    {11, 292, {1, 3, 1, 9, 11, 21, 57, 207, 485, 613, 1661}},  // d = 209
    {11, 304, {1, 1, 7, 7, 27, 55, 49, 223, 89, 85, 1523}},  // d = 210
    {11, 310, {1, 1, 5, 3, 19, 41, 45, 51, 447, 299, 1355}},  // d = 211
    {11, 316, {1, 3, 1, 13, 1, 33, 117, 143, 313, 187, 1073}},  // d = 212
    {11, 319, {1, 1, 7, 7, 5, 11, 65, 97, 377, 377, 1501}},  // d = 213
    {11, 322, {1, 3, 1, 1, 21, 35, 95, 65, 99, 23, 1239}},  // d = 214
    {11, 328, {1, 1, 5, 9, 3, 37, 95, 167, 115, 425, 867}},  // d = 215
    {11, 334, {1, 3, 3, 13, 1, 37, 27, 189, 81, 679, 773}},  // d = 216
    {11, 339, {1, 1, 3, 11, 1, 61, 99, 233, 429, 969, 49}},  // d = 217
    {11, 341, {1, 1, 1, 7, 25, 63, 99, 165, 245, 793, 1143}},  // d = 218
    {11, 345, {1, 1, 5, 11, 11, 43, 55, 65, 71, 283, 273}},  // d = 219
    {11, 346, {1, 1, 5, 5, 9, 3, 101, 251, 355, 379, 1611}},  // d = 220
    {11, 362, {1, 1, 1, 15, 21, 63, 85, 99, 49, 749, 1335}},  // d = 221
    {11, 367, {1, 1, 5, 13, 27, 9, 121, 43, 255, 715, 289}},  // d = 222
    {11, 372, {1, 3, 1, 5, 27, 19, 17, 223, 77, 571, 1415}},  // d = 223
    {11, 375, {1, 1, 5, 3, 13, 59, 125, 251, 195, 551, 1737}},  // d = 224
    {11, 376, {1, 3, 3, 15, 13, 27, 49, 105, 389, 971, 755}},  // d = 225
    {11, 381, {1, 3, 5, 15, 23, 43, 35, 107, 447, 763, 253}},  // d = 226
    {11, 385, {1, 3, 5, 11, 21, 3, 17, 39, 497, 407, 611}},  // d = 227
    {11, 388, {1, 1, 7, 13, 15, 31, 113, 17, 23, 507, 1995}},  // d = 228
    {11, 392, {1, 1, 7, 15, 3, 15, 31, 153, 423, 79, 503}},  // d = 229
    {11, 409, {1, 1, 7, 9, 19, 25, 23, 171, 505, 923, 1989}},  // d = 230
    {11, 415, {1, 1, 5, 9, 21, 27, 121, 223, 133, 87, 697}},  // d = 231
    {11, 416, {1, 1, 5, 5, 9, 19, 107, 99, 319, 765, 1461}},  // d = 232
    {11, 421, {1, 1, 3, 3, 19, 25, 3, 101, 171, 729, 187}},  // d = 233
    {11, 428, {1, 1, 3, 1, 13, 23, 85, 93, 291, 209, 37}},  // d = 234
    {11, 431, {1, 1, 1, 15, 25, 25, 77, 253, 333, 947, 1073}},  // d = 235
    {11, 434, {1, 1, 3, 9, 17, 29, 55, 47, 255, 305, 2037}},  // d = 236
    {11, 439, {1, 3, 3, 9, 29, 63, 9, 103, 489, 939, 1523}},  // d = 237
    {11, 446, {1, 3, 7, 15, 7, 31, 89, 175, 369, 339, 595}},  // d = 238
    {11, 451, {1, 3, 7, 13, 25, 5, 71, 207, 251, 367, 665}},  // d = 239
    {11, 453, {1, 3, 3, 3, 21, 25, 75, 35, 31, 321, 1603}},  // d = 240
    {11, 457, {1, 1, 1, 9, 11, 1, 65, 5, 11, 329, 535}},  // d = 241
    {11, 458, {1, 1, 5, 3, 19, 13, 17, 43, 379, 485, 383}},  // d = 242
    {11, 471, {1, 3, 5, 13, 13, 9, 85, 147, 489, 787, 1133}},  // d = 243
    {11, 475, {1, 3, 1, 1, 5, 51, 37, 129, 195, 297, 1783}},  // d = 244
    {11, 478, {1, 1, 3, 15, 19, 57, 59, 181, 455, 697, 2033}},  // d = 245
    {11, 484, {1, 3, 7, 1, 27, 9, 65, 145, 325, 189, 201}},  // d = 246
    {11, 493, {1, 3, 1, 15, 31, 23, 19, 5, 485, 581, 539}},  // d = 247
    {11, 494, {1, 1, 7, 13, 11, 15, 65, 83, 185, 847, 831}},  // d = 248
    {11, 499, {1, 3, 5, 7, 7, 55, 73, 15, 303, 511, 1905}},  // d = 249
    {11, 502, {1, 3, 5, 9, 7, 21, 45, 15, 397, 385, 597}},  // d = 250
    {11, 517, {1, 3, 7, 3, 23, 13, 73, 221, 511, 883, 1265}},  // d = 251
    {11, 518, {1, 1, 3, 11, 1, 51, 73, 185, 33, 975, 1441}},  // d = 252
    {11, 524, {1, 3, 3, 9, 19, 59, 21, 39, 339, 37, 143}},  // d = 253
    {11, 527, {1, 1, 7, 1, 31, 33, 19, 167, 117, 635, 639}},  // d = 254
    {11, 555, {1, 1, 1, 3, 5, 13, 59, 83, 355, 349, 1967}},  // d = 255
    {11, 560, {1, 1, 1, 5, 19, 3, 53, 133, 97, 863, 983}},  // d = 256
};

/// Owen's nested uniform scramble of a 32-bit binary fraction, keyed per dimension: digit b is
/// flipped by a random bit that depends on the key and on digits 0..b-1 (the node of the
/// binary tree above it). Owen (1995), "Randomly permuted (t,m,s)-nets and (t,s)-sequences".
constexpr std::uint32_t owen_scramble(std::uint32_t x, std::uint64_t key) noexcept {
  const std::uint64_t wide = x;
  std::uint32_t flips = 0;
  for (int b = 0; b < 32; ++b) {
    // The b leading digits under a sentinel 1 name the node uniquely across all depths.
    const std::uint64_t node = (std::uint64_t{1} << b) | (wide >> (32 - b));
    flips |= static_cast<std::uint32_t>(aci::detail::mix64(key ^ node) >> 63) << (31 - b);
  }
  return x ^ flips;
}

}  // namespace detail

/// Independent uniform draws: coordinate (i, j) is the counter RNG at (seed, i, j).
class MonteCarloDesign {
 public:
  /// `dimension` >= 1 inputs; `seed` selects the draws.
  MonteCarloDesign(std::size_t dimension, std::uint64_t seed) : dimension_(dimension), seed_(seed) {
    aci::require(dimension >= 1, "monte_carlo.dimension", dimension, "must be >= 1");
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
    return aci::detail::bits_to_uniform(aci::detail::counter_stream_bits(
        aci::detail::counter_step_key(point_key, j), detail::stream_monte_carlo));
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
    aci::require(dimension >= 1, "latin_hypercube.dimension", dimension, "must be >= 1");
    aci::require(n >= 1 && n <= (std::uint64_t{1} << 32), "latin_hypercube.N", n, "must be in [1, 2^32]");
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

/// Whether and how a Sobol' sequence is randomised.
enum class Scrambling {
  none,  ///< the plain Joe-Kuo sequence (point 0 is the origin)
  owen,  ///< Owen's nested uniform scramble, seeded; keeps the (t, m, s)-net structure (a digital shift is one of its draws, so none is added)
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
    aci::require(dimension >= 1 && dimension <= max_dimension, "sobol.dimension", dimension,
                 "must be in [1, " + std::to_string(max_dimension) + "] (the embedded Joe-Kuo table)");
    directions_.resize(dimension * 32);
    for (std::size_t j = 0; j < dimension; ++j) fill_directions(j, std::span(directions_).subspan(j * 32, 32));
    if (scrambling == Scrambling::owen) {
      keys_.resize(dimension);
      for (std::size_t j = 0; j < dimension; ++j) keys_[j] = aci::detail::counter_bits(seed, j, 0, detail::stream_sobol_owen);
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

/// Cartesian product of per-input value lists (input units, not [0, 1)): point i is i written
/// in mixed radix, the last input varying fastest (as nested loops over the inputs in order).
class GridDesign {
 public:
  /// One non-empty list of finite values per input; the product of their sizes must fit 64 bits.
  explicit GridDesign(std::vector<std::vector<double>> levels) : levels_(std::move(levels)) {
    aci::require(!levels_.empty(), "grid.levels", "[]", "must list values for at least one input");
    size_ = 1;
    for (std::size_t j = 0; j < levels_.size(); ++j) {
      const std::string field = "grid.levels[" + std::to_string(j) + "]";
      const std::uint64_t m = levels_[j].size();
      aci::require(m >= 1, field, "[]", "must hold at least one value");
      for (std::size_t k = 0; k < m; ++k) detail::require_finite(levels_[j][k], field + "[" + std::to_string(k) + "]");
      aci::require(size_ <= std::numeric_limits<std::uint64_t>::max() / m, field, std::to_string(m) + " values",
                   "makes the grid larger than 2^64 points");
      size_ *= m;
    }
  }
  /// Number of inputs.
  std::size_t dimension() const noexcept { return levels_.size(); }
  /// Number of points: the product of the list sizes.
  std::uint64_t size() const noexcept { return size_; }
  /// The value lists.
  const std::vector<std::vector<double>>& levels() const noexcept { return levels_; }
  /// Index of input j's value in point i.
  std::size_t level_index(std::uint64_t i, std::size_t j) const {
    detail::require_index(i, size_, "grid.i");
    for (std::size_t k = levels_.size(); k-- > j + 1;) i /= levels_[k].size();
    return static_cast<std::size_t>(i % levels_[j].size());
  }
  /// Point i (< size()) into `out` (one slot per input), input units.
  void point(std::uint64_t i, std::span<double> out) const {
    detail::require_point_size(out.size(), levels_.size());
    detail::require_index(i, size_, "grid.i");
    for (std::size_t k = levels_.size(); k-- > 0;) {
      const std::uint64_t m = levels_[k].size();
      out[k] = levels_[k][static_cast<std::size_t>(i % m)];
      i /= m;
    }
  }

 private:
  std::vector<std::vector<double>> levels_;
  std::uint64_t size_ = 0;
};

/// Gaussian copula with a target rank (Spearman) correlation: maps independent uniforms to
/// uniforms whose normal scores have Pearson correlation 2 sin(pi r / 6), which is the
/// Spearman correlation r for a bivariate normal (Pearson 1907; Kruskal 1958, JASA 53, eq. 4.7).
/// Rank correlations survive any monotone marginal (Marginal::quantile) applied afterwards.
template <class T = double>
class GaussianCopula {
 public:
  /// Dense matrix type.
  using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

  /// `spearman`: symmetric, unit diagonal, entries in [-1, 1], and positive definite once converted
  /// to Pearson; otherwise InvalidInput naming "copula.spearman(i,j)" or the smallest eigenvalue.
  explicit GaussianCopula(const Matrix& spearman) {
    const Eigen::Index d = spearman.rows();
    aci::require(d >= 1 && spearman.cols() == d, "copula.spearman",
                 std::to_string(d) + "x" + std::to_string(spearman.cols()) + " matrix", "must be square and non-empty");
    pearson_.resize(d, d);
    for (Eigen::Index i = 0; i < d; ++i) {
      for (Eigen::Index j = 0; j < d; ++j) {
        const T r = spearman(i, j);
        const std::string field = "copula.spearman(" + std::to_string(i) + "," + std::to_string(j) + ")";
        detail::require_finite(r, field);
        if (i == j) {
          aci::require(r == T(1), field, detail::number_text(r), "a diagonal entry must be 1");
          pearson_(i, j) = T(1);  // 2 sin(pi / 6) rounds below 1
          continue;
        }
        aci::require(r >= T(-1) && r <= T(1), field, detail::number_text(r), "must be in [-1, 1]");
        aci::require(r == spearman(j, i), field, detail::number_text(r),
                     "must equal copula.spearman(" + std::to_string(j) + "," + std::to_string(i) + ") = " +
                         detail::number_text(spearman(j, i)) + " (the matrix must be symmetric)");
        pearson_(i, j) = T(2) * std::sin(std::numbers::pi_v<T> * r / T(6));
      }
    }
    const Eigen::LLT<Matrix> llt(pearson_);
    if (llt.info() != Eigen::Success) {
      const Eigen::SelfAdjointEigenSolver<Matrix> eigen(pearson_, Eigen::EigenvaluesOnly);
      throw InvalidInput("copula.spearman", "a matrix whose Pearson form has smallest eigenvalue " +
                                                detail::number_text(eigen.eigenvalues()(0)),
                         "must be positive definite after conversion to Pearson correlations 2 sin(pi r / 6)");
    }
    lower_ = llt.matrixL();
  }
  /// Number of inputs.
  std::size_t dimension() const noexcept { return static_cast<std::size_t>(pearson_.rows()); }
  /// The Pearson correlation of the normal scores, 2 sin(pi r / 6) off the diagonal.
  const Matrix& pearson() const noexcept { return pearson_; }
  /// Its Cholesky factor L (pearson = L L^T).
  const Matrix& cholesky() const noexcept { return lower_; }

  /// Correlated uniforms `out` in [0, 1) from independent uniforms `u` in [0, 1): Phi(L Phi^-1(u)).
  /// `out` may be `u` itself. u = 0 is read as 2^-54 for double (below every design's grid) so that
  /// its normal score stays finite.
  void apply(std::span<const T> u, std::span<T> out) const {
    const std::size_t d = dimension();
    if (u.size() != d || out.size() != d)
      throw InvalidInput("copula.apply", std::to_string(u.size()) + " -> " + std::to_string(out.size()),
                         "both spans must have one entry per input (" + std::to_string(d) + ")");
    const T smallest = std::numeric_limits<T>::epsilon() / T(4);
    const T largest = std::nextafter(T(1), T(0));
    for (std::size_t i = 0; i < d; ++i) detail::require_unit(u[i]);
    for (std::size_t i = 0; i < d; ++i) out[i] = normal_quantile(std::max(u[i], smallest));
    // Row i of L z uses z_0..z_i only: going from the last row up overwrites each z_i after its
    // last use, so no scratch buffer is needed.
    for (std::size_t i = d; i-- > 0;) {
      const auto r = static_cast<Eigen::Index>(i);
      T w = 0;
      for (Eigen::Index k = 0; k <= r; ++k) w += lower_(r, k) * out[static_cast<std::size_t>(k)];
      out[i] = std::min(normal_cdf(w), largest);
    }
  }

 private:
  Matrix pearson_;
  Matrix lower_;
};

}  // namespace aci::sweep
