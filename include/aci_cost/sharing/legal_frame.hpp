// aci::sharing::LegalFrame: how a post shared between ACIs is employed and invoiced — the legal
// figures that bound it (each with its source and effective date) and the checks that reject a
// frame the law does not allow.
#pragma once

#include <string>
#include <string_view>

#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"

namespace aci::sharing {

/// The legal form under which several ACIs share one employee.
enum class FrameKind {
  staff_lending,     ///< prêt de main-d'œuvre à but non lucratif (C. trav. L8241-1/2): invoiced at cost only
  employers_group,   ///< groupement d'employeurs (C. trav. L1253-1): the group employs, with its own overhead
};

/// A legal figure with its source and the date it took effect.
struct LegalFigure {
  std::string_view source;  ///< the text
  Date effective;           ///< in force from
};

/// Minimum weekly hours of a part-time contract, h/week (C. trav. art. L3123-7).
inline constexpr int part_time_minimum_hours = 24;
/// Source of part_time_minimum_hours.
inline const LegalFigure part_time_minimum_source{
    "Code du travail art. L3123-7 (24 h/week, loi n° 2013-504 du 14 juin 2013; article renumbered by "
    "loi n° 2016-1088)", Date{2014, 7, 1}};
/// Full-time weekly hours (durée légale, C. trav. art. L3121-27), h/week.
inline constexpr int full_time_hours = 35;
/// Source of the staff-lending rule: invoiced at cost (wages, contributions, professional expenses).
inline const LegalFigure staff_lending_source{
    "Code du travail art. L8241-1 and L8241-2 (loi n° 2011-893 du 28 juillet 2011): a non-profit loan of "
    "staff invoices only the wages paid, the social contributions and the professional expenses",
    Date{2011, 7, 30}};
/// Source of the employers' group.
inline const LegalFigure employers_group_source{
    "Code du travail art. L1253-1: a group of employers hires staff and puts them at its members' disposal",
    Date{2008, 5, 1}};

/// The frame of one shared post.
struct LegalFrame {
  FrameKind kind = FrameKind::staff_lending;  ///< the legal form
  /// Staff lending: what the lender adds on top of cost, share of the staff cost. The law
  /// allows none (L8241-1): anything but 0 is rejected.
  Decimal lending_markup{0};
  /// Employers' group: its running overhead, share of the staff cost [est] (0–1).
  Decimal group_overhead_rate{0};
  /// Employers' group: membership fee per member and year, € [est].
  Money group_fee_per_member;
  /// A derogation to the 24 h part-time minimum (employee's written request, branch agreement;
  /// L3123-7 and L3123-19): true lets `derogation_hours` replace 24 h.
  bool part_time_derogation = false;
  /// The minimum weekly hours under the derogation, h/week, in (0, 24).
  Decimal derogation_hours{0};

  /// The minimum weekly hours of any part-time contract of the post, h/week.
  Decimal minimum_weekly_hours() const {
    return part_time_derogation ? derogation_hours : Decimal(part_time_minimum_hours);
  }

  /// InvalidInput (prefixed with `path`) for a frame the law does not allow.
  void validate(const std::string& path) const {
    ACI_COST_REQUIRE(kind != FrameKind::staff_lending || lending_markup == 0, path + ".lending_markup",
                     to_string(lending_markup),
                     "staff lending between non-profits is invoiced at cost only (C. trav. L8241-1/2): must be 0");
    ACI_COST_REQUIRE(lending_markup >= 0, path + ".lending_markup", to_string(lending_markup), "must be >= 0");
    ACI_COST_REQUIRE(kind == FrameKind::employers_group || (group_overhead_rate == 0 && group_fee_per_member == Money()),
                     path + ".group_overhead_rate", to_string(group_overhead_rate),
                     "only an employers' group (C. trav. L1253-1) has an overhead of its own; staff lending adds none");
    ACI_COST_REQUIRE(group_overhead_rate >= 0 && group_overhead_rate <= 1, path + ".group_overhead_rate",
                     to_string(group_overhead_rate), "must be a share in [0, 1]");
    ACI_COST_REQUIRE(group_fee_per_member >= Money(), path + ".group_fee_per_member",
                     group_fee_per_member.to_string(), "must be >= 0");
    if (part_time_derogation) {
      ACI_COST_REQUIRE(derogation_hours > 0 && derogation_hours < part_time_minimum_hours, path + ".derogation_hours",
                       to_string(derogation_hours), "a derogation to the 24 h minimum (L3123-7) must be in (0, 24) h/week");
    } else {
      ACI_COST_REQUIRE(derogation_hours == 0, path + ".derogation_hours", to_string(derogation_hours),
                       "needs part_time_derogation = true (otherwise the 24 h minimum of L3123-7 applies)");
    }
  }
  friend bool operator==(const LegalFrame&, const LegalFrame&) = default;
};

}  // namespace aci::sharing
