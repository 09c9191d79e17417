// aci::sharing::Finding: what a controller would object to in a split shown on request outside
// its frame — a borrower of a lent post charged more than the at-cost invoice (lucrative lending,
// C. trav. L8241-1 / L8243-1) or less (the borrower then gains what the lender bears: outside the
// safe harbour of L8241-1's last paragraph, cf. Cass. soc. 18 mai 2011, n° 09-69.175).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "aci_cost/money.hpp"

namespace aci::sharing {

/// What is wrong.
enum class FindingKind {
  lucrative_lending,   ///< a borrower pays more than the at-cost invoice
  below_cost_lending,  ///< a borrower pays less than the at-cost invoice
};

/// The stable names, in FindingKind order.
inline constexpr std::string_view finding_names[] = {"lucrative_lending", "below_cost_lending"};

/// The stable name of a finding kind.
inline std::string_view finding_name(FindingKind k) { return finding_names[static_cast<std::size_t>(k)]; }

/// One objection, per post and borrower.
struct Finding {
  FindingKind kind = FindingKind::lucrative_lending;  ///< what
  std::string post;                                   ///< the lent post
  std::string member;                                 ///< the borrower
  Money charged;                                      ///< what the split charges it for the post, €/year
  Money at_cost;                                      ///< the lawful invoice, €/year
  /// charged - at_cost, €/year (> 0: the excess of lucrative lending; < 0: the shortfall).
  Money difference() const { return charged - at_cost; }
};

}  // namespace aci::sharing
