// The legal frames decide the split: the at-cost invoice of staff lending (C. trav. L8241-1), a
// split outside a frame refused or shown with its findings, an employers' group's own costs
// (L1253-1) in c(S), the stand-alone derogations (L3123-7) and the assumption that drives the
// saving, the best grouping and its stability, and what happens when one member leaves — each
// against figures derived by hand; and the four-ACI example's saving re-derived from first
// principles (the 2026 reduction's formula, the hours split, the round).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "aci_cost/io/sharing_json.hpp"
#include "aci_cost/sharing/coalition_cost.hpp"
#include "aci_cost/sharing/share.hpp"
#include "helpers.hpp"

namespace {

using aci::Decimal;
using aci::Money;
using aci::sharing::FrameKind;
using aci::sharing::PartTimeBasis;
using aci::sharing::SplitMethod;
using aci::sharing::test::A;
using aci::sharing::test::B;
using aci::sharing::test::C;
using aci::sharing::test::r18;
using aci::sharing::test::split_of;
using aci::sharing::test::three_acis;

Money euros(const char* text) { return Money::parse(text); }

// Staff lending of the three-ACI psychologist (helpers.hpp: 25 €/h, contributions 40 %, no
// leave): the lender is C, the largest need (20 h). Two persons at 24 h; an hour worked costs
// 25 x 1.40 = 35 € (wages and contributions; every paid hour is worked). The round A -> B -> C
// -> A: legs A-B 0.5 h 20 km, B-C 0.25 h 15 km, C-A 0.75 h 30 km, 47 times a year. Each
// borrower is charged half of the two legs touching its site:
//   A: 520 h + 47 x (0.75 + 0.5) / 2 = 549.375 h x 35 = 19,228.125 -> 19,228.12 (rounded down);
//      47 x (30 + 20) / 2 = 1,175 km x 0.50 = 587.50; invoice 19,815.62.
//   B: 624 h + 47 x (0.5 + 0.25) / 2 = 641.625 h x 35 = 22,456.875 -> 22,456.87;
//      47 x (20 + 15) / 2 = 822.5 km x 0.50 = 411.25; invoice 22,868.12.
//   C, the lender, pays the rest of c(N) = 92,387.50: 49,703.76 (its own hours, the second
//   person's idle hours up to 24 h, management and coordination: nothing of it may be invoiced).
TEST(SharingFrames, LendingInvoiceAtCostByHand) {
  const auto r = aci::sharing::share(three_acis());
  ASSERT_EQ(r.posts.size(), 1u);
  const auto& post = r.posts[0];
  EXPECT_EQ(post.frame, FrameKind::staff_lending);
  EXPECT_EQ(post.allowed, std::vector<SplitMethod>{SplitMethod::at_cost});
  EXPECT_EQ(post.lender, 2);
  EXPECT_EQ(post.hourly_cost, euros("35.00"));
  ASSERT_EQ(post.invoices.size(), 2u);
  EXPECT_EQ(post.invoices[0].member, 0);
  EXPECT_EQ(post.invoices[0].hours, Decimal("549.38"));
  EXPECT_EQ(post.invoices[0].labour, euros("19228.12"));
  EXPECT_EQ(post.invoices[0].expenses, euros("587.50"));
  EXPECT_EQ(post.invoices[0].total, euros("19815.62"));
  EXPECT_EQ(post.invoices[1].labour, euros("22456.87"));
  EXPECT_EQ(post.invoices[1].expenses, euros("411.25"));
  EXPECT_EQ(post.invoices[1].total, euros("22868.12"));
  ASSERT_EQ(r.splits.size(), 1u);  // only at cost is lawful
  const auto& at_cost = r.splits[0];
  EXPECT_EQ(at_cost.method, SplitMethod::at_cost);
  EXPECT_EQ(at_cost.shares, (std::vector<Money>{euros("19815.62"), euros("22868.12"), euros("49703.76")}));
  EXPECT_TRUE(at_cost.findings.empty());
  // The lender is worse off than alone (44,680): the law puts the shared fixed costs on it; and
  // B + C pay 72,571.88 against 61,767.50 on their own.
  ASSERT_EQ(at_cost.blocking.size(), 3u);
  EXPECT_EQ(at_cost.blocking[0].members, B | C);
  EXPECT_EQ(at_cost.blocking[0].excess(), euros("10804.38"));
  EXPECT_EQ(at_cost.blocking[2].members, C);
  EXPECT_EQ(at_cost.blocking[2].excess(), euros("5023.76"));
}

TEST(SharingFrames, ANamedLenderCarriesTheRest) {
  auto p = three_acis();
  p.posts[0].frame.lender = "A";
  const auto r = aci::sharing::share(p);
  EXPECT_EQ(r.posts[0].lender, 0);
  // C is now invoiced: 1,040 h + 47 x (0.25 + 0.75) / 2 = 1,063.5 h x 35 = 37,222.50; 47 x (15 + 30)
  // / 2 = 1,057.5 km x 0.50 = 528.75: 37,751.25. B as before: 22,868.12. A: 92,387.50 - both.
  EXPECT_EQ(r.splits[0].shares, (std::vector<Money>{euros("31768.13"), euros("22868.12"), euros("37751.25")}));
}

TEST(SharingFrames, ASplitOutsideTheFrameIsRefusedOrShownWithItsFindings) {
  aci::sharing::ShareOptions o;
  o.methods = {SplitMethod::shapley};
  try {
    aci::sharing::share(three_acis(), o);
    FAIL() << "Shapley under staff lending was not refused";
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "posts[psychologist].frame.kind");
    EXPECT_EQ(e.value(), "\"staff_lending\"");
    EXPECT_NE(std::string(e.what()).find("\"shapley\" is not lawful"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("L8243-1"), std::string::npos);
  }
  o.show_unlawful = true;
  const auto r = aci::sharing::share(three_acis(), o);
  ASSERT_EQ(r.splits.size(), 1u);
  const auto& s = r.splits[0];
  EXPECT_FALSE(s.lawful);
  // Shapley (test_problem.cpp: 28,056.25, 28,701.25, 35,630) against the invoices at cost:
  // A 28,056.25 - 19,815.62 = 8,240.63 and B 28,701.25 - 22,868.12 = 5,833.13 too much.
  ASSERT_EQ(s.findings.size(), 2u);
  EXPECT_EQ(s.findings[0].kind, aci::sharing::FindingKind::lucrative_lending);
  EXPECT_EQ(s.findings[0].member, "A");
  EXPECT_EQ(s.findings[0].difference(), euros("8240.63"));
  EXPECT_EQ(s.findings[1].member, "B");
  EXPECT_EQ(s.findings[1].difference(), euros("5833.13"));
  // A proportional split (c(N) x hours) charges A 92,387.50 x 10/42 = 21,997.02, 2,181.40 above
  // its invoice, and B 26,396.43, 3,528.31 above.
  o.methods = {SplitMethod::proportional};
  const auto q = aci::sharing::share(three_acis(), o);
  ASSERT_EQ(q.splits[0].findings.size(), 2u);
  EXPECT_EQ(q.splits[0].findings[0].charged, euros("21997.02"));
  EXPECT_EQ(q.splits[0].findings[0].difference(), euros("2181.40"));
  // Under an employers' group or a cooperation agreement every split is lawful.
  for (FrameKind k : {FrameKind::employers_group, FrameKind::cooperation_agreement}) {
    o.show_unlawful = false;
    o.methods = {SplitMethod::shapley, SplitMethod::nucleolus};
    EXPECT_TRUE(aci::sharing::share(three_acis(k), o).splits[0].lawful);
  }
}

// An employers' group with an overhead of 8 % of the staff cost, a fee of 200 € per member, 1,000 €
// of management and 500 € of insurance a year: for A + B (one person at 24 h, helpers.hpp),
// 43,680 staff + 3,494.40 overhead + 1,000 per person + 1,500 management and insurance + 940 km
// (47 rounds of 40 km at 0.50) + 2 x (500 coordination + 200 fee) = 52,014.40. Alone, no group.
TEST(SharingFrames, AnEmployersGroupsOwnCostsArePartOfTheCoalitionCost) {
  auto p = three_acis(FrameKind::employers_group);
  auto& f = p.posts[0].frame;
  f.group_overhead_rate = Decimal("0.08");
  f.group_fee_per_member = euros("200");
  f.group_management_annual = euros("1000");
  f.group_insurance_annual = euros("500");
  const auto c = aci::sharing::CoalitionCost<Decimal>::of(p);
  EXPECT_EQ(r18(c(A)), Decimal(44680));
  EXPECT_EQ(r18(c(A | B)), Decimal("52014.4"));
  // All three: two persons at 24 h, 87,360 + 6,988.80 + 2,000 + 1,500 + 1,527.50 km (47 x 65 x 0.5)
  // + 3 x 700 = 101,476.30; the group's costs shown add up to it; the members answer jointly for
  // the wages and contributions, 2 x 24 x 52 x 35 = 87,360 (L1253-8).
  const auto r = aci::sharing::share(p);
  EXPECT_EQ(r.grand_cost, euros("101476.30"));
  ASSERT_TRUE(r.posts[0].group.has_value());
  const auto& g = *r.posts[0].group;
  EXPECT_EQ(g.staff, euros("89360.00"));
  EXPECT_EQ(g.overhead, euros("6988.80"));
  EXPECT_EQ(g.management_and_insurance, euros("1500.00"));
  EXPECT_EQ(g.fees, euros("600.00"));
  EXPECT_EQ(g.travel_and_coordination, euros("3027.50"));
  EXPECT_EQ(g.staff + g.overhead + g.management_and_insurance + g.fees + g.travel_and_coordination, r.grand_cost);
  EXPECT_EQ(g.joint_liability, euros("87360.00"));
  EXPECT_EQ(r.posts[0].lender, -1);  // the group employs
  EXPECT_TRUE(r.posts[0].invoices.empty());
  // At cost in a group: its whole cost at its cost per hour of need, 101,476.30 x 10/42 = 24,161.02.
  EXPECT_EQ(split_of(r.splits, SplitMethod::at_cost).shares[0], euros("24161.02"));
  EXPECT_EQ(r.splits.size(), 6u);  // every split is lawful in a group
}

// A and B would hire alone at the psychologist's written request to combine several jobs
// (L3123-7): 10 and 12 h a week, 19,200 and 22,840 € (35 €/h x 52 weeks + 1,000); C declares no
// derogation: 24 h, 44,680 (at its 20 h it would pay 37,400). Together 92,387.50 (two persons at
// 24 h): sharing everything costs 5,667.50 more than alone (19,200 + 22,840 + 44,680 = 86,720).
//   saving at need: 19,200 + 22,840 + 37,400 - 92,387.50 = -12,947.50;
//   from the 24 h minimum: C's 7,280 (4 h x 52 x 35); at the 24 h minimum for all: 41,652.50.
// The best grouping: {A} + {B, C} = 19,200 + 61,767.50 = 80,967.50 (the others: {A, C} + {B}
// 83,317.50, all alone 86,720, {A, B} + {C} 91,300, all together 92,387.50): it saves 5,752.50
// against all alone and 11,420 against all together. Stable: with x_A = 19,200 and x_B + x_C =
// 61,767.50, x_B <= 22,840, x_C <= min(44,680, c(AC) - x_A = 41,277.50), x_A + x_B <= 46,620 leave
// room (22,840 + 41,277.50 >= 61,767.50).
TEST(SharingFrames, DerogationsDriveTheSavingAndTheBestGrouping) {
  auto p = three_acis(FrameKind::cooperation_agreement);
  p.members[0].alone = {{PartTimeBasis::several_jobs, Decimal(0)}};
  p.members[1].alone = {{PartTimeBasis::several_jobs, Decimal(0)}};
  const auto r = aci::sharing::share(p);
  EXPECT_EQ(r.stand_alone, (std::vector<Money>{euros("19200"), euros("22840"), euros("44680")}));
  EXPECT_EQ(r.saving, euros("-5667.50"));
  EXPECT_EQ(r.driver.saving_at_need, euros("-12947.50"));
  EXPECT_EQ(r.driver.from_part_time_minimum, euros("7280.00"));
  EXPECT_EQ(r.driver.saving_at_legal_minimum, euros("41652.50"));
  // Pooling loses money here: whatever saving shows comes from the 24 h assumption on C.
  EXPECT_TRUE(r.driver.minimum_drives);
  EXPECT_NE(r.driver.text.find("costs 5 667,50"), std::string::npos);
  EXPECT_EQ(r.assumptions[2][0].contract_hours, Decimal(24));
  EXPECT_EQ(r.assumptions[2][0].cost_at_need, euros("37400.00"));
  EXPECT_EQ(r.assumptions[0][0].rule.basis, PartTimeBasis::several_jobs);
  EXPECT_NE(r.driver.text.find("(C)"), std::string::npos);  // names the ACI held at 24 h
  ASSERT_TRUE(r.grouping.has_value());
  const auto& g = *r.grouping;
  EXPECT_EQ(g.groups, (std::vector<aci::sharing::Coalition>{A, B | C}));
  EXPECT_EQ(g.cost, euros("80967.50"));
  EXPECT_EQ(g.saving_vs_alone, euros("5752.50"));
  EXPECT_EQ(g.saving_vs_grand, euros("11420.00"));
  ASSERT_TRUE(g.stable.has_value());
  EXPECT_TRUE(*g.stable);
  ASSERT_EQ(g.split.size(), 3u);
  EXPECT_EQ(g.split[0], euros("19200.00"));
  EXPECT_EQ(g.split[1] + g.split[2], euros("61767.50"));
  EXPECT_LE(g.split[1], euros("22840.00"));
  EXPECT_LE(g.split[2], euros("41277.50"));
  EXPECT_EQ(g.optimal.size(), 1u);
}

// What if C leaves the three-ACI cooperation (Shapley, test_problem.cpp: 28,056.25, 28,701.25,
// 35,630): A and B alone 44,680 each, together 46,620: Shapley of the pair 23,310 each (half
// of the pair's cost: symmetric). A's share falls by 4,746.25, B's by 5,391.25.
TEST(SharingFrames, WhatIfOneLeaves) {
  aci::sharing::ShareOptions o;
  o.methods = {SplitMethod::shapley, SplitMethod::at_cost};
  const auto r = aci::sharing::share(three_acis(FrameKind::cooperation_agreement), o);
  const auto& s = split_of(r.splits, SplitMethod::shapley);
  ASSERT_EQ(s.departures.size(), 3u);
  const auto& d = s.departures[2];
  EXPECT_EQ(d.member, 2);
  EXPECT_EQ(d.cost_without, euros("46620.00"));
  EXPECT_EQ(d.shares, (std::vector<Money>{euros("23310.00"), euros("23310.00"), Money()}));
  EXPECT_EQ(d.change, (std::vector<Money>{euros("-4746.25"), euros("-5391.25"), Money()}));
  // At cost under the agreement C carries the post (largest need); when C leaves, B does (12 h):
  // A is invoiced 520 h + 47 x (0.5 + 0.5) / 2 = 543.5 h x 35 = 19,022.50 + 47 x 20 km x 0.50 =
  // 470: 19,492.50; B pays the rest of 46,620: 27,127.50.
  const auto& a = split_of(r.splits, SplitMethod::at_cost);
  EXPECT_EQ(a.departures[2].shares, (std::vector<Money>{euros("19492.50"), euros("27127.50"), Money()}));
}

/// The four-ACI example as the issue costed it: every ACI alone at 24 h at least, the group
/// without management or insurance.
aci::sharing::SharingProblem example_at_24_hours() {
  auto p = aci::io::example_sharing_problem();
  for (auto& m : p.members) m.alone.assign(p.posts.size(), aci::sharing::PartTimeRule{});
  p.posts[1].frame.group_management_annual = Money();
  p.posts[1].frame.group_insurance_annual = Money();
  return p;
}

// The figures re-derived from first principles, with the 2026 reduction (CSS D241-7:
// 0.02 + 0.3781 x (1/2 x (3 x 12.02 / pay - 1))^1.75, to 4 decimals; hourly pay, so the
// coefficient does not depend on the hours): psychologist 17.50 €/h -> 0.1446, an hour paid
// 17.50 x (1 + 0.45 - 0.1446) = 22.8445 €, productive share 1 - 0.03 - 0.096 - 0.024 = 0.85,
// 300 € per head and 3,300 € per person; assistant 13.00 €/h -> 0.3265, 14.6055 € an hour
// paid, share 0.86, 200 + 2,500 €.
//   Alone at 24 h: psychologist 24 x 52 x 22.8445 + 3,600 = 32,109.936, assistant 18,227.664 +
//   2,700 = 20,927.664: Vallée, Plateau, Bourg 53,037.60 each, Rivière 32,109.94; 191,222.74.
//   Together: psychologist (1,288 h + 47 rounds x 1.85 h) / 0.85 x 22.8445 + 3,600 + 47 x 95 km
//   x 0.40 + 4 x 400 = 43,938.99; assistant staff (1,410 + 47 x 1.1) / 0.86 x 14.6055 + 200 =
//   25,024.26, x 1.05 + 2,500 + 47 x 55 x 0.40 + 3 x (300 + 150) = 31,159.47; c(N) = 75,098.46.
//   Saving 191,222.74 - 75,098.46 = 116,124.28 (60.7 %), as the issue says.
//   Each ACI hiring exactly the hours it needs (need / share x an hour paid + fixed costs):
//   Vallée 13,705.33 + 10,682.08 = 24,387.41, Plateau 11,179.00 + 12,278.49 = 23,457.49,
//   Bourg 16,231.66 + 9,085.66 = 25,317.33 (exact 25,317.325), Rivière 7,900.14: 81,062.37;
//   saving 5,963.91 € (7.4 % of the stand-alone costs, 7.9 % of c(N)) - the issue's "about
//   6.4 k€ (about 8 %)" is of that order; this derivation gives 5,963.91.
TEST(SharingFrames, TheExampleSavingFallsWhenEachAciHiresTheHoursItNeeds) {
  const auto coefficient = [](double pay) {
    return std::round((0.02 + 0.3781 * std::pow(0.5 * (3 * 12.02 / pay - 1), 1.75)) * 1e4) / 1e4;
  };
  const double psy = 17.50 * (1 + 0.45 - coefficient(17.50)), assistant = 13.00 * (1 + 0.45 - coefficient(13.00));
  EXPECT_NEAR(psy, 22.8445, 1e-9);
  EXPECT_NEAR(assistant, 14.6055, 1e-9);
  const auto cents = [](double x) { return std::round(x * 100) / 100; };
  const double psy24 = 24 * 52 * psy + 3600, assistant24 = 24 * 52 * assistant + 2700;
  const double alone24 = 3 * cents(psy24 + assistant24) + cents(psy24);
  const double grand_psy = (1288 + 47 * 1.85) / 0.85 * psy + 3600 + 47 * 95 * 0.40 + 4 * 400;
  const double staff_assistant = (1410 + 47 * 1.1) / 0.86 * assistant + 200;
  const double grand_assistant = staff_assistant * 1.05 + 2500 + 47 * 55 * 0.40 + 3 * (300 + 150);
  const double grand = cents(grand_psy + grand_assistant);
  const auto at_need = [&](double psy_hours, double assistant_hours) {
    return cents(psy_hours / 0.85 * psy + 3600 + (assistant_hours > 0 ? assistant_hours / 0.86 * assistant + 2700 : 0));
  };
  const double alone_need = at_need(376, 470) + at_need(282, 564) + at_need(470, 376) + at_need(160, 0);

  const auto r = aci::sharing::share(example_at_24_hours());
  const auto money = [](double x) { return Money::round_from_double(x); };
  EXPECT_EQ(r.grand_cost, money(grand));
  EXPECT_EQ(r.grand_cost, euros("75098.46"));
  EXPECT_EQ(r.saving, money(alone24 - grand));
  EXPECT_EQ(r.saving, euros("116124.28"));
  EXPECT_EQ(r.driver.saving_at_need, money(alone_need - grand));
  EXPECT_EQ(r.driver.saving_at_need, euros("5963.91"));
  EXPECT_TRUE(r.driver.minimum_drives);
  EXPECT_EQ(r.driver.from_part_time_minimum, euros("110160.37"));
}

// The shipped example, under its frames, shows only lawful splits: at cost for the lent
// psychologist, every split for the group's assistant; amounts to the cent, parts adding up.
TEST(SharingFrames, TheExampleShowsOnlyLawfulSplits) {
  const auto r = aci::sharing::share(aci::io::example_sharing_problem());
  ASSERT_EQ(r.posts.size(), 2u);
  EXPECT_EQ(r.posts[0].splits.size(), 1u);
  EXPECT_EQ(r.posts[1].splits.size(), 6u);
  Money posts;
  for (const auto& post : r.posts) {
    posts += post.grand_cost;
    for (const auto& s : post.splits) {
      EXPECT_TRUE(s.lawful);
      Money sum;
      for (const Money& m : s.shares) sum += m;
      EXPECT_EQ(sum, post.grand_cost);
    }
  }
  EXPECT_EQ(posts, r.grand_cost);
  for (std::size_t i = 0; i < r.members.size(); ++i) {
    Money alone;
    for (const auto& post : r.posts) alone += post.stand_alone[i];
    EXPECT_EQ(alone, r.stand_alone[i]);
  }
  ASSERT_EQ(r.splits.size(), 1u);  // the whole problem: only at cost is lawful for both posts
  EXPECT_EQ(r.splits[0].method, SplitMethod::at_cost);
  EXPECT_EQ(r.splits[0].departures.size(), 4u);
}

// The collective agreement's grid (CCN IDCC 3016): DOMAIN.md reports level C (coefficient 505) at
// 3,560.25 €/month from 2025-07-01 (point 7.05 €) - test data here, the grid itself belongs to the
// rate table. For 35 h a week: 3,560.25 x 12 / 1,820 = 23.4741758... €/h, above the example
// psychologist's 17.50 €/h: refused, naming the post, unless marked as an override.
TEST(SharingFrames, APostBelowItsGridLevelIsRefusedUnlessOverridden) {
  auto p = aci::io::example_sharing_problem();
  p.posts[0].grid_level = "C";
  p.posts[1].grid_level.clear();  // a grid given holds only its own levels
  aci::sharing::ShareOptions o;
  o.grid_minimum = [](std::string_view level, const aci::Date&) -> std::optional<aci::sharing::GridMinimum> {
    if (level != "C") return std::nullopt;
    return aci::sharing::GridMinimum{"C", euros("3560.25"), "CCN IDCC 3016, salary agreement of 2024-12-12 (test)"};
  };
  try {
    aci::sharing::share(p, o);
    FAIL() << "pay below the grid was not refused";
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "posts[psychologist].staff.pay");
    EXPECT_EQ(e.value(), "17.5 €/h");
    EXPECT_NE(e.rule().find("level C: 3560.25 €/month = 23.47 €/h"), std::string::npos) << e.rule();
  }
  p.posts[0].pay_override = true;
  const auto r = aci::sharing::share(p, o);
  EXPECT_NE(
      std::find_if(r.notes.begin(), r.notes.end(),
                   [](const std::string& n) { return n.find("below the grid's level C minimum 23.47") != n.npos; }),
      r.notes.end());
  p.posts[0].grid_level = "Z";
  try {
    aci::sharing::share(p, o);
    FAIL() << "an unknown level was accepted";
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "posts[psychologist].grid_level");
  }
  // No grid given: the rate table's collective agreement (IDCC 3016) applies, its classes as
  // levels: "Z" is none of them; accompagnateur_c is 345 x 7.05 = 2,432.25 €/month = 16.04 €/h,
  // which the psychologist's 17.50 €/h passes.
  try {
    aci::sharing::share(p);
    FAIL() << "Z is no class of the collective agreement";
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "posts[psychologist].grid_level");
  }
  p.posts[0].grid_level = "accompagnateur_c";
  p.posts[0].pay_override = false;
  EXPECT_NO_THROW((void)aci::sharing::share(p));
  p.posts[0].pay_override = true;
  p.posts[0].grid_level.clear();
  try {
    p.validate();
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "posts[psychologist].pay_override");
  }
}

}  // namespace
