// The general reduction of employer contributions from 2026 (réduction générale dégressive
// unique, CSS art. L241-13 and D241-7 as amended by décret n° 2025-887):
//   coefficient = Tmin + Tdelta x (1/2 x (3 x annual SMIC / annual gross pay - 1))^1.75,
// rounded to 4 decimals, zero at or above 3 x SMIC, never above Tmin + Tdelta.
#pragma once

#include <cmath>

#include "aci_cost/decimal.hpp"
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

/// The reduction coefficient for an annual gross pay (€) and the annual SMIC (€) of the same
/// contract, prorated for part time. The coefficient is capped at Tmin + Tdelta, which is
/// reached at SMIC: pay below SMIC cannot raise it further (CSS D241-7).
template <class T>
T general_reduction_coefficient(const T& annual_gross, const T& annual_smic,
                                const GeneralReductionParameters<T>& p) {
  require(annual_gross > 0, "general_reduction.annual_gross", annual_gross, "must be > 0");
  require(annual_smic > 0, "general_reduction.annual_smic", annual_smic, "must be > 0");
  if (annual_gross >= p.smic_multiple * annual_smic) return T(0);
  T base = (p.smic_multiple * annual_smic / annual_gross - 1) / 2;
  if (base > 1) base = 1;  // the cap at SMIC (coefficient at most Tmin + Tdelta)
  using std::pow;
  using boost::multiprecision::pow;
  const T raw = p.tmin + p.tdelta * pow(base, T(1.75));
  if constexpr (std::is_same_v<T, Decimal>) {
    return round_decimal(raw, 4, Rounding::half_away_from_zero);
  } else {
    return std::round(raw * 10000.0) / 10000.0;
  }
}

}  // namespace aci::rates

ACI_COST_STRICT_FP_END
