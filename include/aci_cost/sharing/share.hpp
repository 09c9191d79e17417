// aci::sharing::share: the shown answer to "who pays what" for a sharing problem — each ACI's
// stand-alone cost, the cost of sharing everything, the saving, and each split (proportional to
// hours, equal saving, Shapley, nucleolus) to the cent with the coalitions that would walk away.
// Compiled in aci_cost::sharing (src/sharing.cpp; the nucleolus needs COIN-OR Clp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/sharing/core_check.hpp"
#include "aci_cost/sharing/problem.hpp"

namespace aci::sharing {

/// A way of splitting c(N).
enum class SplitMethod {
  proportional,  ///< c(N) in proportion to each member's hours a year (all posts)
  equal_saving,  ///< stand-alone cost less an equal share of the saving
  shapley,       ///< the Shapley value (exact up to exact_max_members, sampled beyond)
  nucleolus,     ///< the nucleolus (up to nucleolus_max_players members)
};

/// The stable name of a method ("shapley").
inline std::string_view split_name(SplitMethod m) {
  switch (m) {
    case SplitMethod::proportional: return "proportional";
    case SplitMethod::equal_saving: return "equal_saving";
    case SplitMethod::shapley: return "shapley";
    case SplitMethod::nucleolus: return "nucleolus";
  }
  return "?";
}

/// How share() computes.
struct ShareOptions {
  /// The splits, in this order.
  std::vector<SplitMethod> methods{SplitMethod::proportional, SplitMethod::equal_saving, SplitMethod::shapley,
                                   SplitMethod::nucleolus};
  int decimal_max_members = 12;       ///< c(S) in exact decimals up to this many members; doubles beyond
  int exact_max_members = 20;         ///< exact Shapley and the core check up to this; sampling beyond
  std::uint64_t permutations = 20000; ///< orders drawn by the sampled Shapley value
  std::uint64_t seed = 1;             ///< seed of the sampled Shapley value
  int threads = 1;                    ///< threads of the sampled Shapley value (same numbers for any)

  /// InvalidInput naming the field on a bad option.
  void validate() const {
    ACI_COST_REQUIRE(decimal_max_members >= 0 && decimal_max_members <= 20, "options.decimal_max_members",
                     decimal_max_members, "must be in [0, 20]");
    ACI_COST_REQUIRE(exact_max_members >= 1 && exact_max_members <= 25, "options.exact_max_members", exact_max_members,
                     "must be in [1, 25]");
    ACI_COST_REQUIRE(permutations >= 2, "options.permutations", permutations, "must be >= 2");
    ACI_COST_REQUIRE(threads >= 1, "options.threads", threads, "must be >= 1");
  }
};

/// One split.
struct Split {
  SplitMethod method = SplitMethod::shapley;  ///< how
  std::vector<Money> shares;          ///< each member's share, €/year, whole cents adding up to grand_cost
  std::vector<Decimal> exact;         ///< the shares before rounding, €/year
  std::vector<double> standard_error; ///< the sampled Shapley value's standard errors, € (else empty)
  bool core_checked = false;          ///< blocking coalitions were searched (n <= exact_max_members)
  std::vector<BlockingCoalition> blocking;  ///< who would walk away (on the exact shares)
};

/// The shown result.
struct SharingResult {
  std::vector<std::string> members;   ///< the ACIs
  std::vector<Decimal> hours;         ///< each member's hours a year, all posts, h/year
  std::vector<Money> stand_alone;     ///< c({i}), €/year, to the cent
  std::vector<Decimal> stand_alone_exact;  ///< c({i}), €/year
  Money grand_cost;                   ///< c(N), €/year, to the cent
  Decimal grand_cost_exact;           ///< c(N), €/year
  Money saving;                       ///< sum of stand_alone - grand_cost (the shown figures), €/year
  bool exact_game = true;             ///< c(S) in exact decimals (else doubles, converted explicitly)
  std::optional<bool> core_empty;     ///< from the least core (n <= nucleolus_max_players), else unknown
  std::optional<double> least_core;   ///< its epsilon, €/year (<= 0: the core is not empty)
  std::vector<Split> splits;          ///< one per method asked, in order
  std::vector<std::string> notes;     ///< methods skipped and why
};

/// The shown result of `problem` (validated).
SharingResult share(const SharingProblem& problem, const ShareOptions& options = {});

/// Shares that add up exactly to c(N) rounded to the cent, as close as possible to `exact`
/// (first moved equally so that they add up to `grand` exactly, then largest remainder).
inline std::vector<Money> shares_to_cents(const std::vector<Decimal>& exact, const Decimal& grand) {
  Decimal sum(0);
  for (const Decimal& x : exact) sum += x;
  const Decimal shift = (grand - sum) / Decimal(static_cast<int>(exact.size()));
  std::vector<Decimal> cents;
  for (const Decimal& x : exact) cents.push_back((x + shift) * 100u);
  const Money total = Money(grand).rounded();
  const std::vector<std::int64_t> parts = largest_remainder(cents, total.cents());
  std::vector<Money> out;
  for (std::int64_t c : parts) out.push_back(Money::from_cents(c));
  return out;
}

}  // namespace aci::sharing
