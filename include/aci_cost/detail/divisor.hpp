// aci::detail::Divisor<T>: a denominator y that numerators are divided by, and quotient(x, y).
//
// For double and lanes it is the division operator itself (a product by a rounded reciprocal
// would change the last bit, and the batch kernel must equal the single path bit for bit).
//
// For Decimal it is faster than Boost's operator, which computes x / y as x x (1/y) with 1/y
// by Newton's iteration (about ten products, each time). The denominators of the cost model
// are mostly short decimals — a crew of 4, a productivity of 0.6, 1,820 paid hours,
// 13,465.92 production hours — and a short y = ±m x 10^-k (m < 10^8 a whole number, one limb
// of the backend; |y| in [10^-11, 10^8)) divides by long division by m, limb by limb, then
// an exact shift by 10^k: the quotient's digits are the exact quotient's, truncated at the
// 50-digit precision, where the reciprocal's may differ in the last digit. Any other y keeps its reciprocal, computed
// once (Boost's own steps, so those quotients are the operator's digit for digit).
#pragma once

#include <type_traits>

#include "aci_cost/decimal.hpp"

namespace aci::detail {

/// Divides numerators by y (T = double or lanes: x / y, the operator itself).
template <class T>
class Divisor {
 public:
  explicit Divisor(const T& y) : y_(y) {}
  T divide(const T& x) const { return x / y_; }

 private:
  T y_;
};

/// The Decimal divisor: long division by a short y, else y's reciprocal kept.
template <>
class Divisor<Decimal> {
 public:
  explicit Divisor(const Decimal& y) : y_(y) {
    if (y.is_zero() || !boost::multiprecision::isfinite(y)) return;  // the operator's special cases
    // y is short when |y| x 10^k, with k the shift that brings it into [10^7, 10^8), is a whole
    // number and k is in [0, 18]: any y of at most 8 significant digits in [10^-11, 10^8).
    // One product and one test decide.
    const auto k = 7 - static_cast<long>(y.backend().order());  // order: floor(log10 |y|)
    if (k >= 0 && k <= 18) {
      unsigned long long shift = 1;
      for (long i = 0; i < k; ++i) shift *= 10;
      Decimal m = boost::multiprecision::abs(y);
      m *= shift;  // exact: a decimal shift
      if (m.backend().isint()) {
        kind_ = Kind::short_decimal;
        m_ = m.convert_to<unsigned long long>();  // in [10^7, 10^8): one limb of the backend
        shift_ = shift;
        negative_ = y.sign() < 0;
        return;
      }
    }
    kind_ = Kind::reciprocal;
    inverse_ = y;
    inverse_.backend().calculate_inv();
  }

  Decimal divide(const Decimal& x) const {
    if (kind_ == Kind::operator_only || x.is_zero() || !boost::multiprecision::isfinite(x)) return x / y_;
    if (kind_ == Kind::short_decimal) {
      Decimal r = x;
      r.backend().div_unsigned_long_long(m_);  // long division, limb by limb
      if (shift_ != 1) r *= shift_;            // exact: a decimal shift
      if (negative_) r = -r;
      return r;
    }
    if (boost::multiprecision::abs(x) == boost::multiprecision::abs(y_)) return x / y_;  // ±1 exactly
    Decimal r = x;
    r.backend() *= inverse_.backend();
    return r;
  }

 private:
  enum class Kind { operator_only, short_decimal, reciprocal };
  Decimal y_;
  Kind kind_ = Kind::operator_only;
  unsigned long long m_ = 0;      // short_decimal: |y| x 10^k, in [10^7, 10^8)
  unsigned long long shift_ = 1;  // short_decimal: 10^k
  bool negative_ = false;
  Decimal inverse_;  // reciprocal: 1 / y
};

/// x / y (Decimal: through a Divisor, the faster exact long division when y is short).
template <class T>
T quotient(const T& x, const T& y) {
  if constexpr (std::is_same_v<T, Decimal>) {
    return Divisor<Decimal>(y).divide(x);
  } else {
    return x / y;
  }
}

}  // namespace aci::detail
