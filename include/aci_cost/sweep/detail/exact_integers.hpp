// Exact integer arithmetic for sweep/summary.hpp, not API: carry-save fixed-point accumulators
// (Neal 2015) that hold sums of doubles and of their squares exactly, and the few big-natural
// operations (multiply, subtract, divide, round once to 53 bits) that turn them into the mean and
// variance at the end.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "aci_cost/error.hpp"

namespace aci::sweep {

namespace detail {

/// A signed integer of up to 32 (L - 1) + 63 bits, as 32-bit digits in int64 limbs that absorb
/// up to 2^30 additions without a carry (carry-save), then are normalized.
template <std::size_t L>
class CarrySaveInteger {
 public:
  /// Adds (negative ? -1 : 1) W 2^position, where W's 32-bit words are w[0..n), least significant first.
  void add(const std::uint64_t* w, std::size_t n, std::size_t position, bool negative) noexcept {
    const std::size_t base = position / 32;
    const std::uint64_t shift = position % 32;
    assert(base + n < L);
    std::uint64_t carry = 0;
    for (std::size_t k = 0; k <= n; ++k) {
      // word < 2^32 and shift < 32 keep the shifted word below 2^63; carry fills its low bits.
      const std::uint64_t shifted = ((k < n ? w[k] : 0) << shift) | carry;
      const auto digit = static_cast<std::int64_t>(shifted & 0xffffffffULL);
      carry = shifted >> 32;
      limbs_[base + k] += negative ? -digit : digit;
    }
  }
  /// Adds another integer limb by limb (both must be within their carry-save budget).
  void add(const CarrySaveInteger& other) noexcept {
    for (std::size_t k = 0; k < L; ++k) limbs_[k] += other.limbs_[k];
  }
  /// The limbs (for serialization).
  const std::array<std::int64_t, L>& limbs() const noexcept { return limbs_; }
  /// Sets the limbs (from serialization).
  void set_limbs(const std::array<std::int64_t, L>& l) noexcept { limbs_ = l; }
  /// Canonical form: limbs 0..L-2 in [0, 2^32), limb L-1 signed; unique for each value.
  void normalize() noexcept {
    for (std::size_t k = 0; k + 1 < L; ++k) {
      const std::int64_t carry = limbs_[k] >> 32;  // arithmetic shift: floor division (C++20)
      limbs_[k] &= 0xffffffffLL;
      limbs_[k + 1] += carry;
    }
  }
  /// Magnitude as 32-bit digits (least significant first), and the sign.
  std::vector<std::uint32_t> magnitude(bool& negative) const {
    CarrySaveInteger c = *this;
    c.normalize();
    negative = c.limbs_[L - 1] < 0;
    if (negative) {
      for (auto& limb : c.limbs_) limb = -limb;
      c.normalize();
    }
    std::vector<std::uint32_t> digits(L);
    for (std::size_t k = 0; k < L; ++k) {
      assert(c.limbs_[k] >= 0 && c.limbs_[k] <= 0xffffffffLL);
      digits[k] = static_cast<std::uint32_t>(c.limbs_[k]);
    }
    return digits;
  }
  /// Exact equality of the values.
  friend bool operator==(const CarrySaveInteger& a, const CarrySaveInteger& b) noexcept {
    CarrySaveInteger x = a, y = b;
    x.normalize();
    y.normalize();
    return x.limbs_ == y.limbs_;
  }

 private:
  std::array<std::int64_t, L> limbs_{};
};

// Natural numbers as 32-bit digits, least significant first: only the few operations the
// final rounding needs, at the cost of microseconds per call.
using Digits = std::vector<std::uint32_t>;

inline void trim(Digits& a) {
  while (!a.empty() && a.back() == 0) a.pop_back();
}

inline Digits multiply(const Digits& a, const Digits& b) {
  Digits r(a.size() + b.size(), 0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    std::uint64_t carry = 0;
    for (std::size_t j = 0; j < b.size(); ++j) {
      // (2^32 - 1) + (2^32 - 1)^2 + (2^32 - 1) = 2^64 - 1: no overflow.
      const std::uint64_t t = std::uint64_t{r[i + j]} + std::uint64_t{a[i]} * b[j] + carry;
      r[i + j] = static_cast<std::uint32_t>(t);
      carry = t >> 32;
    }
    r[i + b.size()] = static_cast<std::uint32_t>(carry);
  }
  trim(r);
  return r;
}

inline Digits from_u64(std::uint64_t x) {
  Digits r{static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(x >> 32)};
  trim(r);
  return r;
}

/// a - b for a >= b.
inline Digits subtract(Digits a, const Digits& b) {
  std::int64_t borrow = 0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    std::int64_t t = std::int64_t{a[k]} - (k < b.size() ? std::int64_t{b[k]} : 0) - borrow;
    borrow = t < 0 ? 1 : 0;
    a[k] = static_cast<std::uint32_t>(t + (borrow << 32));
  }
  assert(borrow == 0);
  trim(a);
  return a;
}

inline Digits shift_left(const Digits& a, std::size_t bits) {
  if (a.empty()) return a;
  const std::size_t words = bits / 32;
  const std::uint64_t shift = bits % 32;
  Digits r(a.size() + words + 1, 0);
  for (std::size_t k = 0; k < a.size(); ++k) {
    const std::uint64_t t = std::uint64_t{a[k]} << shift;
    r[k + words] |= static_cast<std::uint32_t>(t);
    r[k + words + 1] |= static_cast<std::uint32_t>(t >> 32);
  }
  trim(r);
  return r;
}

inline std::size_t bit_length(const Digits& a) {
  return a.empty() ? 0 : 32 * (a.size() - 1) + static_cast<std::size_t>(std::bit_width(a.back()));
}

inline bool bit(const Digits& a, std::size_t k) { return (a[k / 32] >> (k % 32)) & 1U; }

/// floor(a / d) for d >= 1; `inexact` is set when the remainder is not 0.
inline Digits divide(const Digits& a, std::uint64_t d, bool& inexact) {
  Digits q(a.size(), 0);
  std::uint64_t rem = 0;
  // Restoring division one bit at a time: d may use all 64 bits, so the shifted remainder's
  // 65th bit is kept apart; the subtraction then wraps to the right value below d.
  for (std::size_t k = bit_length(a); k-- > 0;) {
    const bool top = (rem >> 63) != 0;
    rem = (rem << 1) | (bit(a, k) ? 1U : 0U);
    if (top || rem >= d) {
      rem -= d;
      q[k / 32] |= std::uint32_t{1} << (k % 32);
    }
  }
  inexact = rem != 0;
  trim(q);
  return q;
}

/// A binary floating value mantissa 2^exponent with mantissa < 2^53.
struct Unpacked {
  std::uint64_t mantissa = 0;
  int exponent = 0;
};

/// a 2^scale (+ less than one unit of a's last digit when `sticky`), rounded to nearest even with
/// 53 significant bits, and no exponent below `min_exponent` (subnormal doubles: -1074).
inline Unpacked round_nearest(const Digits& a, int scale, bool sticky, int min_exponent) {
  const auto length = static_cast<int>(bit_length(a));
  if (length == 0) return {};
  const int lowest = std::max(length - 53, min_exponent - scale);  // lowest kept bit
  if (lowest <= 0) {
    // Every digit of a is kept; the sticky part (below a's last digit) is left out, which is
    // exact rounding when callers supply enough digits (see Summary::mean).
    std::uint64_t m = 0;
    for (int k = length; k-- > 0;) m = (m << 1) | (bit(a, static_cast<std::size_t>(k)) ? 1U : 0U);
    return {m, scale};
  }
  std::uint64_t m = 0;
  for (int k = length; k-- > lowest;) m = (m << 1) | (bit(a, static_cast<std::size_t>(k)) ? 1U : 0U);
  const bool half = bit(a, static_cast<std::size_t>(lowest - 1));
  for (int k = 0; k < lowest - 1 && !sticky; ++k) sticky = bit(a, static_cast<std::size_t>(k));
  int exponent = lowest + scale;
  if (half && (sticky || (m & 1U))) {
    if (++m == (std::uint64_t{1} << 53)) {
      m >>= 1;
      ++exponent;
    }
  }
  return {m, exponent};
}

}  // namespace detail

}  // namespace aci::sweep
