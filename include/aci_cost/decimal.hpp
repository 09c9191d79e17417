// aci::Decimal: the exact decimal scalar (Boost.Multiprecision cpp_dec_float, 50 digits,
// expression templates off so that `auto` is safe). Sums and products of decimal inputs
// are exact; a quotient is rounded at the 50th significant digit, far below the cent.
#pragma once

#include <cmath>
#include <string>
#include <string_view>
#include <type_traits>

#include <boost/multiprecision/cpp_dec_float.hpp>

#include "aci_cost/config.hpp"
#include "aci_cost/error.hpp"

namespace aci {

/// Exact decimal number (50 significant digits).
using Decimal = boost::multiprecision::number<boost::multiprecision::cpp_dec_float<50>, boost::multiprecision::et_off>;

/// True for the scalars the engines are instantiated on: double and Decimal.
template <class T>
inline constexpr bool is_scalar_v = std::is_same_v<T, double> || std::is_same_v<T, Decimal>;

/// Parses "[-+]digits[.digits][e[-+]digits]"; anything else is InvalidInput naming `field`.
ACI_COST_INLINE Decimal parse_decimal(std::string_view text, std::string_view field);

/// Plain canonical text: no exponent, no trailing zeros ("1234.5", "-0.001", "0").
ACI_COST_INLINE std::string to_string(const Decimal& x);

/// The decimal whose text is the shortest that round-trips `x` (as Python's repr does):
/// 0.6 becomes exactly 0.6. NaN and infinities are InvalidInput naming `field`.
ACI_COST_INLINE Decimal decimal_from_double(double x, std::string_view field);

/// Converts an exact input to the engine's scalar (Decimal: unchanged; double: nearest).
template <class T>
T scalar_cast(const Decimal& x) {
  if constexpr (std::is_same_v<T, Decimal>) {
    return x;
  } else {
    return x.template convert_to<T>();
  }
}

namespace detail {
/// x as a double within a few ulps (not correctly rounded: scalar_cast<double> is), fast: from
/// the leading digits and the decimal exponent. For estimates whose error is bounded.
inline double approximate(const Decimal& x) {
  double mantissa = 0;
  int exponent = 0;
  x.backend().extract_parts(mantissa, exponent);
  return mantissa * std::pow(10.0, static_cast<double>(exponent));
}
}  // namespace detail

/// True when x is finite (always true for a Decimal made by this library).
template <class T>
bool is_finite(const T& x) {
  using boost::multiprecision::isfinite;
  using std::isfinite;
  return isfinite(x);
}

}  // namespace aci

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/decimal-inl.hpp"
#endif
