// The general reduction of employer contributions from 2026 (réduction générale dégressive
// unique, CSS art. L241-13 and D241-7 as amended by décret n° 2025-887):
//   coefficient = Tmin + Tdelta x (1/2 x (3 x annual SMIC / annual gross pay - 1))^1.75,
// rounded to 4 decimals, zero at or above 3 x SMIC, never above Tmin + Tdelta.
#pragma once

#include <cmath>

#include "aci_cost/decimal.hpp"
#include "aci_cost/detail/lanes.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/detail/strict_fp.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::rates {

/// Parameters of the formula (all from the rate table at the pay date).
template <class T>
struct GeneralReductionParameters {
  T tmin;           ///< Tmin (0.02 in 2026)
  T tdelta;         ///< Tdelta (0.3773 or 0.3813 in 2026, by FNAL rate)
  T smic_multiple;  ///< the reduction applies below this multiple of SMIC (3 in 2026)
};

/// The formula on a floating scalar T (double or lanes of doubles), without branches: the same
/// operations on every path, so a lane equals the scalar bit for bit. annual_gross > 0.
template <class T>
T reduction_formula(const T& annual_gross, const T& annual_smic, const GeneralReductionParameters<T>& p) {
  using aci::detail::round_of;
  using aci::detail::select;
  using aci::detail::sqrt_of;
  const T cap = p.smic_multiple * annual_smic;
  const T raw_base = (cap / annual_gross - T(1)) / T(2);
  const T base = select(raw_base > T(1), T(1), raw_base);  // the cap at SMIC
  // base^1.75 = base^(7/4) = sqrt(sqrt(base^7)): two correctly rounded square roots instead of
  // a general power (exp and log, which may differ between libraries and vector paths).
  const T b2 = base * base;
  const T b7 = b2 * b2 * b2 * base;
  const T raw = p.tmin + p.tdelta * sqrt_of(sqrt_of(b7));
  const T rounded = round_of(raw * T(10000)) / T(10000);
  return select(annual_gross >= cap, T(0), rounded);  // none at or above the multiple (NaN dropped)
}

/// The reduction coefficient for an annual gross pay (€) and the annual SMIC (€) of the same
/// contract, prorated for part time. The coefficient is capped at Tmin + Tdelta, which is
/// reached at SMIC: pay below SMIC cannot raise it further (CSS D241-7).
template <class T>
T general_reduction_coefficient(const T& annual_gross, const T& annual_smic, const GeneralReductionParameters<T>& p) {
  ACI_COST_REQUIRE(annual_gross > 0, "general_reduction.annual_gross", annual_gross, "must be > 0");
  ACI_COST_REQUIRE(annual_smic > 0, "general_reduction.annual_smic", annual_smic, "must be > 0");
  if constexpr (!std::is_same_v<T, Decimal>) {
    return reduction_formula(annual_gross, annual_smic, p);
  } else {
    const T cap = p.smic_multiple * annual_smic;
    if (annual_gross >= cap) return T(0);
    if (!(cap > annual_gross * 3u)) {  // base < 1 (else capped at 1)
      // The coefficient is rounded to 4 decimals, so the double formula decides it whenever the
      // unrounded value is not within 1e-7 of a rounding tie (its error is below 1e-12 here);
      // only then is the 50-digit formula needed.
      const double g = detail::approximate(annual_gross), sm = detail::approximate(annual_smic);
      const double base = (detail::approximate(p.smic_multiple) * sm / g - 1) / 2;
      const double scaled = (detail::approximate(p.tmin) + detail::approximate(p.tdelta) * std::pow(base, 1.75)) * 1e4;
      const double frac = scaled - std::floor(scaled);
      if (std::abs(frac - 0.5) > 1e-7) {
        static const Decimal ten_thousandth("0.0001");  // immutable; a product by it is exact
        return Decimal(static_cast<long long>(std::floor(scaled + 0.5))) * ten_thousandth;
      }
    }
    T base = (cap / annual_gross - 1) / 2;
    if (base > 1) base = 1;  // the cap at SMIC (coefficient at most Tmin + Tdelta)
    const T b2 = base * base;
    const T b7 = b2 * b2 * b2 * base;
    const T raw = p.tmin + p.tdelta * boost::multiprecision::sqrt(boost::multiprecision::sqrt(b7));
    return round_decimal(raw, 4, Rounding::half_away_from_zero);
  }
}

}  // namespace aci::rates

ACI_COST_STRICT_FP_END
