// aci::sharing::SharedPost: a post several ACIs want to share (a psychologist, an administrative
// assistant, a business-relations officer, an ETPS): who is hired (a people::StaffGroup: pay,
// contributions with the 2026 reduction, hours split), what it costs besides pay, its weekly
// round between the sites, and its legal frame.
#pragma once

#include <string>

#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/sharing/legal_frame.hpp"

namespace aci::sharing {

/// One post to share.
struct SharedPost {
  std::string name;  ///< e.g. "psychologist"
  /// The person hired: pay (SMIC or hourly: the contract's hours vary with the coalition),
  /// contributions, per-head costs and the hours split (leave, meetings: the non-production share).
  people::StaffGroup staff;
  Money recruitment_annual;       ///< recruitment, annualised, €/year per person hired [est]
  Money management_annual;        ///< management and payroll, €/year per person hired [est]
  Money equipment_annual;         ///< equipment (laptop, phone), €/year per person hired [est]
  Money coordination_per_member;  ///< coordination when shared, €/year per member served [est]
  Money cost_per_km;              ///< travel between sites, €/km [est]
  Decimal rounds_per_week{1};     ///< the weekly round between the members' sites, rounds/week [est]
  Decimal service_weeks{47};      ///< weeks a year the post works (52 less leave), weeks/year [est]
  LegalFrame frame;               ///< the legal form when shared (an ACI alone employs directly)
  /// The post's classification level in the collective agreement's grid (e.g. "C"; empty: none
  /// named, the pay is not checked against the grid).
  std::string grid_level;
  /// The pay is knowingly below the level's minimum (e.g. a group applying another agreement,
  /// C. trav. L1253-17): shown in the notes instead of refused.
  bool pay_override = false;

  /// InvalidInput (prefixed with `path`, e.g. "posts[psychologist]") on any bad field.
  void validate(const std::string& path) const {
    ACI_COST_REQUIRE(!name.empty(), path + ".name", "\"\"", "must not be empty");
    staff.validate(path + ".staff");
    ACI_COST_REQUIRE(staff.pay_basis != people::PayBasis::monthly, path + ".staff.pay.basis", "monthly",
                     "a shared post's contract hours vary with the coalition: give smic or hourly pay");
    const std::pair<const char*, const Money*> amounts[] = {{"recruitment_annual", &recruitment_annual},
                                                            {"management_annual", &management_annual},
                                                            {"equipment_annual", &equipment_annual},
                                                            {"coordination_per_member", &coordination_per_member},
                                                            {"cost_per_km", &cost_per_km}};
    for (const auto& [field, m] : amounts)
      ACI_COST_REQUIRE(*m >= Money(), path + "." + field, m->to_string(), "must be >= 0");
    ACI_COST_REQUIRE(rounds_per_week >= 0 && rounds_per_week <= 10, path + ".rounds_per_week",
                     to_string(rounds_per_week), "must be in [0, 10] rounds/week");
    ACI_COST_REQUIRE(service_weeks > 0 && service_weeks <= 52, path + ".service_weeks", to_string(service_weeks),
                     "must be in (0, 52] weeks/year");
    frame.validate(path + ".frame");
    ACI_COST_REQUIRE(!pay_override || !grid_level.empty(), path + ".pay_override", "true",
                     "overrides the grid's minimum of a level: name the post's grid_level");
  }
  friend bool operator==(const SharedPost&, const SharedPost&) = default;
};

}  // namespace aci::sharing
