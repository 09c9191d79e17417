// aci::sharing::LegalFrame: how a post shared between ACIs is employed and paid for — which member
// or body employs, what it may invoice the others, which splits of the cost the frame allows —
// with the legal texts that bound it (each with its source and effective date) and the checks
// that reject a frame the law does not allow.
//
// The frame decides the split. Under non-profit staff lending (C. trav. L8241-1 and L8241-2) the
// lender may invoice only the wages, the social contributions and the professional expenses of
// the hours lent: anything more is lucrative lending, an offence (L8243-1), and the fair divisions
// of the saving (Shapley, nucleolus...) cannot be invoiced. They belong to a frame in which the
// members agree on the rule: an employers' group (L1253-1: the group employs, at its own cost, and
// its members are jointly liable for its wage and contribution debts, L1253-8), or a cooperation
// agreement in which one member carries the post and provides the service to the others.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/sharing/legal_figure.hpp"
#include "aci_cost/sharing/part_time.hpp"
#include "aci_cost/sharing/split_method.hpp"

namespace aci::sharing {

/// The legal form under which several ACIs share one employee.
enum class FrameKind {
  staff_lending,  ///< prêt de main-d'œuvre à but non lucratif (C. trav. L8241-1/2): one member employs and lends at
                  ///< cost
  employers_group,        ///< groupement d'employeurs (C. trav. L1253-1): the group employs, with its own costs
  cooperation_agreement,  ///< one member carries the post and serves the others under an agreed split [check]
};

/// The stable names, in FrameKind order.
inline constexpr std::string_view frame_names[] = {"staff_lending", "employers_group", "cooperation_agreement"};

/// The stable name of a frame ("staff_lending").
inline std::string_view frame_name(FrameKind k) { return frame_names[static_cast<std::size_t>(k)]; }

/// Full-time weekly hours (durée légale, C. trav. art. L3121-27), h/week.
inline constexpr int full_time_hours = 35;

/// Source of the staff-lending rule: invoiced at cost (wages, contributions, professional expenses).
inline constexpr LegalFigure staff_lending_source{
    "Code du travail art. L8241-1 (last paragraph, written by loi n° 2011-893 du 28 juillet 2011): a loan of staff "
    "is not lucrative when the lender invoices the borrower, during the loan, only the wages paid to the employee, "
    "the social contributions on them and the professional expenses reimbursed to the employee for the loan; "
    "L8241-2: non-profit loans are allowed with the employee's consent, an agreement between the two employers "
    "and an amendment to the contract",
    Date{2011, 7, 30}, "law"};
/// Source of the offence: lucrative lending outside the lawful cases.
inline constexpr LegalFigure lucrative_lending_source{
    "Code du travail art. L8243-1: a loan of staff in breach of L8241-1 is punished by two years' imprisonment and "
    "a 30,000 € fine (150,000 € for a legal person, L8243-2); charging management costs is excluded; invoicing "
    "below cost may give the borrower the lucrative purpose (Cass. soc. 18 mai 2011, n° 09-69.175)",
    Date{2008, 5, 1}, "law"};
/// Source of the employers' group.
inline constexpr LegalFigure employers_group_source{
    "Code du travail art. L1253-1: persons may form a group to put at their members' disposal employees bound to "
    "the group by a contract; the group may only carry out non-profit operations; L1253-8: the members are "
    "jointly liable for its debts to its employees and to the bodies collecting compulsory contributions (they "
    "may split them in advance by objective criteria)",
    Date{2008, 5, 1}, "check"};
/// Source of the cooperation agreement (no article of its own: contract law, within L8241-1).
inline constexpr LegalFigure cooperation_agreement_source{
    "A written agreement between associations: one carries the post and provides the service to the others "
    "under its own direction, at a split of the cost agreed in advance; lawful only if it is not a loan of staff "
    "in disguise (C. trav. L8241-1: the courts look at who directs the work and whether the staff is the "
    "exclusive object) - have it reviewed",
    Date{2011, 7, 30}, "check"};

/// The splits a frame allows, in canonical order.
inline std::vector<SplitMethod> allowed_splits(FrameKind k) {
  if (k == FrameKind::staff_lending) return {SplitMethod::at_cost};
  return {all_split_methods.begin(), all_split_methods.end()};
}
/// True when frame `k` allows split `m`.
inline bool split_allowed(FrameKind k, SplitMethod m) {
  const auto a = allowed_splits(k);
  return std::find(a.begin(), a.end(), m) != a.end();
}
/// Why frame `k` refuses split `m`, in words (errors and findings). Only staff lending refuses.
inline std::string split_refusal(FrameKind k, SplitMethod m) {
  return "the split \"" + std::string(split_name(m)) + "\" is not lawful under " + std::string(frame_name(k)) +
         ": the lender may invoice only the wages, contributions and professional expenses of the hours lent "
         "(C. trav. L8241-1; more is lucrative lending, L8243-1); allowed: at_cost, or share the post in an "
         "employers' group (L1253-1) or under a cooperation agreement";
}

/// The frame of one shared post.
struct LegalFrame {
  FrameKind kind = FrameKind::staff_lending;  ///< the legal form
  /// What the lender adds on top of cost, share of the staff cost. No frame models one: staff
  /// lending forbids it (L8241-1), a group or an agreement states its costs in its own fields.
  Decimal lending_markup{0};
  /// Staff lending or cooperation agreement: the member who employs (lends, carries) the post;
  /// empty: the member with the largest need of it (the first of equals) in each coalition.
  std::string lender;
  /// Employers' group: its running overhead, share of the staff cost [est] (0–1).
  Decimal group_overhead_rate{0};
  /// Employers' group: membership fee per member and year, € [est].
  Money group_fee_per_member;
  /// Employers' group: its own management (accounts, payroll, governance), €/year [est].
  Money group_management_annual;
  /// Employers' group: its insurance (civil liability, the members' joint liability), €/year [est].
  Money group_insurance_annual;
  /// The shortest contract of the shared post (two members or more) and its legal basis.
  PartTimeRule part_time;

  /// The source of the frame's rule.
  const LegalFigure& source() const {
    switch (kind) {
      case FrameKind::staff_lending:
        return staff_lending_source;
      case FrameKind::employers_group:
        return employers_group_source;
      case FrameKind::cooperation_agreement:
        return cooperation_agreement_source;
    }
    return staff_lending_source;
  }

  /// InvalidInput (prefixed with `path`) for a frame the law does not allow.
  void validate(const std::string& path) const {
    ACI_COST_REQUIRE(kind != FrameKind::staff_lending || lending_markup == 0, path + ".lending_markup",
                     to_string(lending_markup),
                     "staff lending between non-profits is invoiced at cost only (C. trav. L8241-1/2): must be 0");
    ACI_COST_REQUIRE(lending_markup == 0, path + ".lending_markup", to_string(lending_markup),
                     "must be 0: only staff lending has a markup, and the law allows none; state a group's own costs "
                     "in its group_* fields");
    const bool group = kind == FrameKind::employers_group;
    const std::pair<const char*, bool> group_fields[] = {
        {"group_overhead_rate", group_overhead_rate != 0},
        {"group_fee_per_member", group_fee_per_member != Money()},
        {"group_management_annual", group_management_annual != Money()},
        {"group_insurance_annual", group_insurance_annual != Money()}};
    for (const auto& [field, set] : group_fields)
      ACI_COST_REQUIRE(group || !set, path + "." + field, "set",
                       "only an employers' group (C. trav. L1253-1) has costs of its own; " +
                           std::string(frame_name(kind)) + " adds none");
    ACI_COST_REQUIRE(group_overhead_rate >= 0 && group_overhead_rate <= 1, path + ".group_overhead_rate",
                     to_string(group_overhead_rate), "must be a share in [0, 1]");
    const std::pair<const char*, const Money*> amounts[] = {{"group_fee_per_member", &group_fee_per_member},
                                                            {"group_management_annual", &group_management_annual},
                                                            {"group_insurance_annual", &group_insurance_annual}};
    for (const auto& [field, m] : amounts)
      ACI_COST_REQUIRE(*m >= Money(), path + "." + field, m->to_string(), "must be >= 0");
    ACI_COST_REQUIRE(!group || lender.empty(), path + ".lender", "\"" + lender + "\"",
                     "an employers' group employs the post itself: no member lends it");
    part_time.validate(path + ".part_time");
  }
  friend bool operator==(const LegalFrame&, const LegalFrame&) = default;
};

}  // namespace aci::sharing
