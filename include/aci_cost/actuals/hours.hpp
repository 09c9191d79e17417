// aci::actuals::AtelierHours: an atelier's hours of the year — paid hours of its integration
// employees (the insertion hours the aide au poste pays), their work hours on production (on site
// and travelling: the library's integration work hours, the ateliers' work unit), their training,
// and the supervisors' hours at work — as planned by the model (planned_hours) or as recorded
// (the hours file, summed by the caller).
#pragma once

#include <string>
#include <vector>

#include "aci_cost/config.hpp"
#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/model/aci.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/rates/rate_table.hpp"

namespace aci::actuals {

/// One atelier's hours of a year, h (2 decimals).
struct AtelierHours {
  std::string atelier;           ///< atelier name
  Decimal insertion_hours{0};    ///< paid hours of the integration employees, h
  Decimal production_hours{0};   ///< their hours on production, on site and travelling, h
  Decimal training_hours{0};     ///< their hours in training, h
  Decimal supervision_hours{0};  ///< the supervisors' (ETPS) hours on production, on site and travelling, h
  friend bool operator==(const AtelierHours&, const AtelierHours&) = default;
};

/// The hours the model plans for each atelier of `aci` with the figures of `table` in force at
/// `date` (filled posts, the hours split of each staff group), rounded to 2 decimals with `mode`:
/// the forecast side of the hours' comparisons and of the costs per hour.
ACI_COST_INLINE std::vector<AtelierHours> planned_hours(const model::Aci& aci, const rates::RateTable& table,
                                                        const Date& date,
                                                        Rounding mode = Rounding::half_away_from_zero);

}  // namespace aci::actuals

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/actuals/hours-inl.hpp"
#endif
