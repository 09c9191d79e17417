// aci::sharing: a shared post's pay against the collective agreement's grid. The ACIs' agreement
// (CCN des ateliers et chantiers d'insertion, IDCC 3016) sets a monthly minimum per classification
// level (coefficient x point value); a post may name its level, and a pay below the level's
// minimum is refused, naming the post, unless the post is marked as an override (an employers'
// group may apply another agreement, C. trav. L1253-17; a board may knowingly pay otherwise). The
// grid itself is data of the rate table (rates/): check_grid_pay takes the minimum as an argument,
// and share() takes the lookup from ShareOptions::grid_minimum.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/sharing/legal_frame.hpp"

namespace aci::sharing {

/// A level's monthly minimum for full-time work (35 h a week).
struct GridMinimum {
  std::string level;   ///< the classification level, e.g. "C"
  Money monthly;       ///< €/month for 35 h a week
  std::string source;  ///< the agreement and its date, as the rate table cites it

  /// The hourly minimum: monthly x 12 / (35 h x 52 weeks), €/h (exact).
  Decimal hourly() const { return monthly.amount() * 12u / Decimal(full_time_hours * people::weeks_per_year); }
};

/// The grid's minimum for `level` at `date`, or nothing when the grid has no such level then.
using GridLookup = std::function<std::optional<GridMinimum>(std::string_view level, const Date& date)>;

/// InvalidInput naming `path`.staff.pay when `hourly_pay` (€/h) is below `minimum` and the post is
/// not marked as an override.
inline void check_grid_pay(const Decimal& hourly_pay, const GridMinimum& minimum, bool overridden,
                           const std::string& path) {
  if (overridden || hourly_pay >= minimum.hourly()) return;
  throw InvalidInput(path + ".staff.pay", to_string(hourly_pay) + " €/h",
                     "below the collective agreement's minimum for level " + minimum.level + ": " +
                         Money(minimum.monthly).to_string() +
                         " €/month = " + Money(minimum.hourly()).rounded().to_string() + " €/h (" + minimum.source +
                         "); raise the pay or mark the post's pay_override");
}

}  // namespace aci::sharing
