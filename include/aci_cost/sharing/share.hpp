// aci::sharing::share: the shown answer to "who pays what" for a sharing problem, within the law.
// Per post: its frame, the splits the frame allows (a split outside it is refused, or shown on
// request with its findings), the at-cost invoices of staff lending and the costs of an employers'
// group. Per member: the stand-alone cost and the assumption behind it (may the ACI alone hire
// below 24 h a week, and on what basis), so that the saving shown is the one a board would get,
// with the assumption that drives it. For the whole problem: the splits every frame allows, each
// to the cent with the coalitions that would walk away and what happens if one member leaves; the
// core check (and the least core in words when the core is empty); the best grouping (exact
// dynamic programming over subsets) and whether it is stable. Every amount is to the cent, and
// the parts add up to the totals (round_parts, largest remainder).
// Compiled in aci_cost::sharing (src/sharing.cpp; the nucleolus needs COIN-OR Clp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/parallel/parallel_for.hpp"
#include "aci_cost/sharing/core_check.hpp"
#include "aci_cost/sharing/finding.hpp"
#include "aci_cost/sharing/grid_pay.hpp"
#include "aci_cost/sharing/legal_frame.hpp"
#include "aci_cost/sharing/part_time.hpp"
#include "aci_cost/sharing/problem.hpp"
#include "aci_cost/sharing/split_method.hpp"

namespace aci::sharing {

/// How share() computes.
struct ShareOptions {
  /// The splits asked for, in this order; empty: every split the posts' frames allow (per post),
  /// and for the whole problem those every frame allows.
  std::vector<SplitMethod> methods;
  /// A split a post's frame does not allow: refused (InvalidInput naming the post's frame and the
  /// split) when false; computed and shown with its findings (lucrative_lending...) when true.
  bool show_unlawful = false;
  int decimal_max_members = 12;        ///< c(S) in exact decimals up to this many members; doubles beyond
  int exact_max_members = 20;          ///< exact Shapley and the core check up to this; sampling beyond
  std::uint64_t permutations = 20000;  ///< orders drawn by the sampled Shapley value
  std::uint64_t seed = 1;              ///< seed of the sampled Shapley value
  int threads = 1;                     ///< threads of the sampled Shapley value (same numbers for any)
  /// Polled while the sampled Shapley value runs (told the orders drawn): false stops share()
  /// with parallel::Cancelled, an exception of its own stops it with that (Ctrl-C in Python).
  aci::parallel::Watch watch;
  int departures_max_members = 12;  ///< "what if one leaves" up to this many members
  /// The collective agreement's grid: a post that names its grid_level has its pay checked
  /// against the level's minimum at the problem's date (empty: not checked, said in the notes).
  GridLookup grid_minimum;

  /// InvalidInput naming the field on a bad option.
  void validate() const {
    ACI_COST_REQUIRE(decimal_max_members >= 0 && decimal_max_members <= 20, "options.decimal_max_members",
                     decimal_max_members, "must be in [0, 20]");
    ACI_COST_REQUIRE(exact_max_members >= 1 && exact_max_members <= 25, "options.exact_max_members", exact_max_members,
                     "must be in [1, 25]");
    ACI_COST_REQUIRE(permutations >= 2, "options.permutations", permutations, "must be >= 2");
    ACI_COST_REQUIRE(threads >= 1, "options.threads", threads, "must be >= 1");
    ACI_COST_REQUIRE(departures_max_members >= 0 && departures_max_members <= 16, "options.departures_max_members",
                     departures_max_members, "must be in [0, 16]");
    for (std::size_t k = 0; k < methods.size(); ++k)
      for (std::size_t j = 0; j < k; ++j)
        ACI_COST_REQUIRE(methods[j] != methods[k], "options.methods[" + std::to_string(k) + "]",
                         "\"" + std::string(split_name(methods[k])) + "\"", "is listed twice");
  }
};

/// What happens to a split when one member leaves the grand coalition.
struct Departure {
  int member = 0;             ///< who leaves
  Money cost_without;         ///< c(N \ {member}), €/year
  std::vector<Money> shares;  ///< the others' shares under the same split without it (its own: 0), €/year
  std::vector<Money> change;  ///< each other member's share without it less with it (its own: 0), €/year
};

/// One split of the cost of a post, or of the whole problem.
struct Split {
  SplitMethod method = SplitMethod::at_cost;  ///< how
  bool lawful = true;                         ///< allowed by the frame of every post it splits
  std::vector<Money> shares;                  ///< each member's share, €/year, whole cents adding up to the cost
  std::vector<Decimal> exact;                 ///< the shares before rounding, €/year
  std::vector<double> standard_error;         ///< the sampled Shapley value's standard errors, € (else empty)
  bool core_checked = false;                  ///< blocking coalitions were searched (n <= exact_max_members)
  std::vector<BlockingCoalition> blocking;    ///< who would walk away (on the shown figures)
  std::vector<Finding> findings;              ///< shown outside its frame: what a controller would object to
  std::vector<Departure> departures;          ///< whole problem, up to departures_max_members: what if one leaves
};

/// What a member would sign alone for one post, and what it costs.
struct StandAlone {
  PartTimeRule rule;            ///< its basis for going below 24 h/week (legal_minimum: none)
  Decimal need_hours;           ///< hours needed a year, h/year
  Decimal contract_hours;       ///< each person's contract alone, h/week (to 0.01 h)
  Decimal persons;              ///< persons hired alone
  Money cost;                   ///< c_p({i}) under its rule, €/year (0 when it needs no hours)
  Money cost_at_legal_minimum;  ///< with contracts of at least 24 h/week, €/year
  Money cost_at_need;           ///< with contracts of exactly the hours needed, €/year
};

/// Which assumption about the ACIs alone drives the saving shown.
struct SavingDriver {
  Money saving;                   ///< with each ACI alone under its declared rule, €/year
  Money saving_at_legal_minimum;  ///< with every ACI alone at 24 h/week at least, €/year
  Money saving_at_need;           ///< with every ACI alone hiring exactly the hours it needs, €/year
  /// saving - saving_at_need: what the 24 h minimum of the ACIs alone without a derogation adds
  /// to the saving (the pooling of hours, the shared fixed costs and the round make the rest).
  Money from_part_time_minimum;
  bool minimum_drives = false;  ///< from_part_time_minimum > saving_at_need
  std::string text;             ///< the same in words
};

/// One borrower's at-cost invoice for a lent post (C. trav. L8241-1).
struct LendingInvoice {
  int member = 0;  ///< the borrower
  Decimal hours;   ///< hours worked for it (its need and its share of the round), h/year (to 0.01 h)
  Decimal km;      ///< its share of the round, km/year (to 0.01 km)
  Money labour;    ///< hours x the loaded hourly cost: wages and contributions, €/year (rounded down to the cent)
  Money expenses;  ///< kilometres x the cost per km: professional expenses, €/year (rounded down)
  Money total;     ///< labour + expenses: the invoice, €/year
};

/// What an employers' group costs its members a year, on top of the post's staff.
struct GroupCosts {
  Money staff;                     ///< the persons: pay, contributions, per-head and per-person costs, €/year
  Money overhead;                  ///< the overhead rate on the staff cost, €/year
  Money management_and_insurance;  ///< €/year
  Money fees;                      ///< membership fees, €/year
  Money travel_and_coordination;   ///< the round's kilometres and the coordination, €/year
  /// Wages and employer contributions a year: the debts every member answers for jointly (L1253-8).
  Money joint_liability;
};

/// A grouping of the members, shown.
struct GroupingResult {
  std::vector<Coalition> groups;  ///< the groups (each shares on its own)
  Money cost;                     ///< sum of c(B) over the groups (each to the cent), €/year
  Money saving_vs_alone;          ///< every member alone - cost, €/year
  Money saving_vs_grand;          ///< c(N) - cost (>= 0), €/year
  std::optional<bool>
      stable;  ///< some split with each group paying its own cost leaves no set of members better off alone
  std::vector<Money> split;  ///< such a split (when stable): each group pays its own cost, €/year
  std::vector<std::vector<Coalition>>
      optimal;  ///< every grouping as cheap (up to 16): the stable groupings when `stable`
};

/// The frame, the invoices and the splits of one post.
struct PostResult {
  std::string name;                            ///< the post
  FrameKind frame = FrameKind::staff_lending;  ///< its frame
  LegalFigure source;                          ///< the frame's legal text
  std::vector<SplitMethod> allowed;            ///< the splits the frame allows
  PartTimeRule shared_rule;                    ///< the shortest shared contract and its basis
  std::vector<bool> users;                     ///< per member: needs the post
  Money grand_cost;                            ///< c_p(N), €/year (the posts' figures add up to the problem's)
  std::vector<Money> stand_alone;              ///< c_p({i}) per member, €/year (a member's posts add up to its total)
  Money saving;                                ///< sum of stand_alone - grand_cost, €/year
  Decimal persons;                             ///< persons hired when all share
  Decimal weekly_hours;                        ///< each one's contract, h/week (to 0.01 h)
  int lender = -1;                             ///< staff lending or cooperation agreement: who employs (-1: a group)
  Money hourly_cost;  ///< the loaded cost per hour worked (wages + contributions), €/h, to the cent
  std::vector<LendingInvoice> invoices;    ///< staff lending or cooperation agreement: one per borrower
  std::optional<GroupCosts> group;         ///< employers' group: its costs
  std::vector<Split> splits;               ///< the splits of this post's cost, in order
  std::optional<GroupingResult> grouping;  ///< the best grouping for this post alone (up to 16 users)
};

/// Is the core empty, and what does the least core say.
struct CoreCheck {
  std::optional<bool> empty;        ///< from the least core (n <= nucleolus_max_players), else unknown
  std::optional<Money> least_core;  ///< its epsilon to the cent, €/year (<= 0: the core is not empty)
  std::vector<BlockingCoalition>
      tight;         ///< when empty: the coalitions the nucleolus charges epsilon above their own cost
  std::string text;  ///< what it means, in words
};

/// The shown result.
struct SharingResult {
  std::vector<std::string> members;                  ///< the ACIs
  std::vector<std::string> post_names;               ///< the posts
  std::vector<Decimal> hours;                        ///< each member's hours a year, all posts, h/year
  std::vector<Money> stand_alone;                    ///< c({i}) under the declared rules, €/year, to the cent
  std::vector<std::vector<StandAlone>> assumptions;  ///< [member][post]: what each would sign alone
  Money grand_cost;                                  ///< c(N), €/year, to the cent
  Money saving;                                      ///< sum of stand_alone - grand_cost (the shown figures), €/year
  SavingDriver driver;                               ///< which assumption drives the saving
  bool exact_game = true;                            ///< c(S) in exact decimals (else doubles, converted explicitly)
  CoreCheck core;                                    ///< the core check of the whole problem
  std::vector<Split> splits;                         ///< the whole problem's splits, in order
  std::vector<PostResult> posts;                     ///< per post
  std::optional<GroupingResult> grouping;            ///< the best grouping (up to grouping_max_players, tabulated)
  std::vector<std::string> notes;                    ///< what was skipped and why
};

/// The shown result of `problem` (validated). InvalidInput naming "posts[<post>].frame.kind" when a
/// split asked for is outside a post's frame and options.show_unlawful is false; naming
/// "posts[<post>].staff.pay" when a post's pay is below its grid level's minimum (not overridden).
SharingResult share(const SharingProblem& problem, const ShareOptions& options = {});

/// Whole cents adding up exactly to `total`, as close as possible to `exact` (first moved equally
/// so that they add up to `total`, then largest remainder; ties to the earlier part).
inline std::vector<Money> shares_to_total(const std::vector<Decimal>& exact, const Money& total) {
  Decimal sum(0);
  for (const Decimal& x : exact) sum += x;
  const Decimal shift = (total.amount() - sum) / Decimal(static_cast<int>(exact.size()));
  std::vector<Decimal> cents;
  for (const Decimal& x : exact) cents.push_back((x + shift) * 100u);
  const std::vector<std::int64_t> parts = largest_remainder(cents, total.cents());
  std::vector<Money> out;
  for (std::int64_t c : parts) out.push_back(Money::from_cents(c));
  return out;
}

/// Shares that add up exactly to c(N) rounded to the cent, as close as possible to `exact`.
inline std::vector<Money> shares_to_cents(const std::vector<Decimal>& exact, const Decimal& grand) {
  return shares_to_total(exact, Money(grand).rounded());
}

}  // namespace aci::sharing
