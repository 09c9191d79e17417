// aci::actuals::HourCost: what an hour cost an atelier in a year — its charges per insertion hour
// (paid hour of its integration employees) and per production hour (their hours on production,
// on site and travelling), net of its subsidies and other products than sales, and the hourly
// rate of its work unit that the job variances use: the charges less the lines a job pays by
// use (equipment hours, vehicle km: per_use_keys) per production hour. The same function gives
// the forecast's (planned hours) and the realised year's (recorded hours).
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "aci_cost/actuals/hours.hpp"
#include "aci_cost/budget/year.hpp"
#include "aci_cost/config.hpp"

namespace aci::actuals {

/// The lines of the year a quote charges by use, not per work hour (quote/figures.hpp: equipment
/// hours at their rates, vehicle km): left out of the hourly rate.
inline constexpr std::array<std::string_view, 2> per_use_keys = {"equipment", "vehicles"};

/// An atelier's cost of an hour, €/h to the cent (computed from the exact quotients).
struct HourCost {
  std::string atelier;            ///< atelier name
  Decimal insertion_hours{0};     ///< h
  Decimal production_hours{0};    ///< h
  Money charges;                  ///< the atelier's charges, €
  Money net_charges;              ///< charges - products other than sales (subsidies, other products), €
  Money per_insertion_hour;       ///< charges / insertion hours, €/h
  Money per_production_hour;      ///< charges / production hours, €/h
  Money net_per_production_hour;  ///< net charges / production hours, €/h
  Money hourly_rate;              ///< (charges - per-use lines) / production hours, €/h: the job variances' rate
  friend bool operator==(const HourCost&, const HourCost&) = default;
};

/// The cost of an hour of `year` (one atelier's) with its `hours`; InvalidInput naming the atelier
/// when its insertion or production hours are not > 0.
ACI_COST_INLINE HourCost hour_cost(const budget::AtelierYear& year, const AtelierHours& hours,
                                   Rounding mode = Rounding::half_away_from_zero);

}  // namespace aci::actuals

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/actuals/variance-inl.hpp"
#endif
