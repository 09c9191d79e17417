// aci::sharing::PartTimeRule: the shortest contract an employer may sign for a post, and why.
// A part-time employee is owed a minimum of 24 h/week (C. trav. L3123-27, the default rule that
// applies where no extended branch agreement sets another, L3123-19); L3123-7 lets a contract go
// below it at the employee's written and reasoned request (personal constraints, or combining
// several jobs to reach full time or 24 h), and of right for a student under 26. The ACIs' branch
// (CCN IDCC 3016) sets no lower minimum: the extension of its 2015 working-time agreement's part-
// time article was refused in 2017 (Synesi, the employers' union, FAQ "durée du travail") [pub].
// An ACI that hires a psychologist for 6 h a week alone does so on the psychologist's written
// request to combine several jobs; costing it at 24 h overstates what sharing saves.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/sharing/legal_figure.hpp"

namespace aci::sharing {

/// Minimum weekly hours of a part-time contract, h/week (C. trav. L3123-27).
inline constexpr int part_time_minimum_hours = 24;

/// Source of part_time_minimum_hours.
inline constexpr LegalFigure part_time_minimum_source{
    "Code du travail art. L3123-27 (24 h/week or its monthly equivalent, 104 h, where no extended branch "
    "agreement sets another minimum, L3123-19; written by loi n° 2016-1088 du 8 août 2016, the 24 h minimum "
    "itself by loi n° 2013-504 du 14 juin 2013, for contracts signed from 2014-07-01)",
    Date{2016, 8, 10}, "law"};

/// Source of the derogations at the employee's request (L3123-7, 3rd and 4th paragraphs).
inline constexpr LegalFigure part_time_derogation_source{
    "Code du travail art. L3123-7: fewer hours at the employee's written and reasoned request, to face personal "
    "constraints or to combine several jobs reaching full time or the minimum; of right for a student under 26 "
    "(version of loi n° 2016-1088, art. 8; later versions of 2020-12-16 and 2023-09-01 add cases not used here)",
    Date{2016, 8, 10}, "check"};

/// Why a post's contract may be shorter than 24 h/week.
enum class PartTimeBasis {
  legal_minimum,         ///< no derogation: at least 24 h/week (L3123-27)
  several_jobs,          ///< the employee's written, reasoned request to combine several jobs (L3123-7)
  personal_constraints,  ///< the employee's written, reasoned request for personal constraints (L3123-7)
  student_under_26,      ///< a student under 26, at his or her request, of right (L3123-7)
  branch_agreement,      ///< an extended branch agreement's lower minimum (L3123-19; none in IDCC 3016)
};

/// The stable names, in PartTimeBasis order.
inline constexpr std::string_view part_time_basis_names[] = {"legal_minimum", "several_jobs", "personal_constraints",
                                                             "student_under_26", "branch_agreement"};

/// The stable name of a basis ("several_jobs").
inline std::string_view part_time_basis_name(PartTimeBasis b) {
  return part_time_basis_names[static_cast<std::size_t>(b)];
}

/// The legal text behind a basis, in words.
inline std::string_view part_time_basis_reason(PartTimeBasis b) {
  switch (b) {
    case PartTimeBasis::legal_minimum:
      return "no derogation: at least 24 h/week (C. trav. L3123-27)";
    case PartTimeBasis::several_jobs:
      return "the employee's written, reasoned request to combine several jobs (C. trav. L3123-7)";
    case PartTimeBasis::personal_constraints:
      return "the employee's written, reasoned request for personal constraints (C. trav. L3123-7)";
    case PartTimeBasis::student_under_26:
      return "a student under 26, at his or her request (C. trav. L3123-7)";
    case PartTimeBasis::branch_agreement:
      return "an extended branch agreement's lower minimum (C. trav. L3123-19; the ACIs' CCN, IDCC 3016, has none)";
  }
  return "?";
}

/// The shortest contract an employer signs for a post, and the legal basis for going below 24 h.
struct PartTimeRule {
  PartTimeBasis basis = PartTimeBasis::legal_minimum;  ///< why (legal_minimum: no derogation)
  /// Under a derogation, the shortest contract the employer would sign, h/week (0: exactly the hours
  /// needed) [est]; under a branch agreement, the agreement's minimum (> 0). Must be 0 without one.
  Decimal minimum_hours{0};

  /// The floor of a contract's weekly hours, h/week.
  Decimal floor() const {
    return basis == PartTimeBasis::legal_minimum ? Decimal(part_time_minimum_hours) : minimum_hours;
  }
  /// True when the contract may be shorter than 24 h/week.
  bool derogation() const { return basis != PartTimeBasis::legal_minimum; }

  /// InvalidInput (prefixed with `path`) for a rule the law does not allow.
  void validate(const std::string& path) const {
    switch (basis) {
      case PartTimeBasis::legal_minimum:
        ACI_COST_REQUIRE(minimum_hours == 0, path + ".minimum_hours", to_string(minimum_hours),
                         "needs a basis for going below 24 h/week (L3123-7, L3123-19); without one the minimum is "
                         "24 h (L3123-27)");
        return;
      case PartTimeBasis::branch_agreement:
        ACI_COST_REQUIRE(minimum_hours > 0 && minimum_hours < part_time_minimum_hours, path + ".minimum_hours",
                         to_string(minimum_hours), "a branch agreement's minimum (L3123-19) must be in (0, 24) h/week");
        return;
      default:
        ACI_COST_REQUIRE(minimum_hours >= 0 && minimum_hours < part_time_minimum_hours, path + ".minimum_hours",
                         to_string(minimum_hours), "under a derogation (L3123-7) must be in [0, 24) h/week");
        return;
    }
  }
  friend bool operator==(const PartTimeRule&, const PartTimeRule&) = default;
};

}  // namespace aci::sharing
