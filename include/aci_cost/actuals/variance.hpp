// aci::actuals::LineVariance: budget against actual — the realised year beside the forecast year,
// line by line (matched by the year's line keys, so a line either side has flows through), per
// atelier and in total, with the side totals and the result: variance = actual - forecast, in €
// and as a percentage of the forecast.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/budget/year.hpp"
#include "aci_cost/config.hpp"

namespace aci::actuals {

/// The side of a line of the year.
enum class Side { charges, products, result };
/// The sides' names (DataFrames, JSON).
inline constexpr std::array<std::string_view, 3> side_names = {"charges", "products", "result"};

/// The key of a side's total in the variances (the result's row has the key "result").
inline constexpr std::string_view total_key = "total";

/// One line of the year, forecast against actual.
struct LineVariance {
  std::string atelier;             ///< atelier name, or "total" for the ACI
  Side side = Side::charges;       ///< charges, products or result
  std::string key;                 ///< the line's key ("total" for a side's total, "result")
  Money forecast;                  ///< €
  Money actual;                    ///< €
  Money variance;                  ///< actual - forecast, €
  std::optional<Decimal> percent;  ///< variance / |forecast| x 100, 2 decimals; none when the forecast is 0
  bool favourable = false;         ///< a lower charge, a higher product or result (a nil variance is neither)
  friend bool operator==(const LineVariance&, const LineVariance&) = default;
};

/// The variances of `actual` against `forecast`: for each atelier of the forecast (then "total"),
/// the charges by key (the forecast's keys in order, then the actual's others), their total, the
/// products likewise, then the result. InvalidInput when an atelier of the forecast is missing
/// from `actual` or the other way round.
ACI_COST_INLINE std::vector<LineVariance> year_variances(const budget::YearBudget& forecast,
                                                         const budget::YearBudget& actual,
                                                         Rounding mode = Rounding::half_away_from_zero);

}  // namespace aci::actuals

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/actuals/variance-inl.hpp"
#endif
