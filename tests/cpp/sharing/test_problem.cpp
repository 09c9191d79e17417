// The cost of a coalition sharing posts (hand-derived on a small problem), the legal frame's
// checks, and the shown splits to the cent. (The frames' splits, the lending invoice, the group's
// costs, the stand-alone derogations and the groupings: test_frames.cpp.)
#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>

#include "aci_cost/people/staff.hpp"
#include "aci_cost/sharing/coalition_cost.hpp"
#include "aci_cost/sharing/problem.hpp"
#include "aci_cost/sharing/shapley.hpp"
#include "aci_cost/sharing/share.hpp"
#include "helpers.hpp"

namespace {

using aci::Decimal;
using aci::Money;
using aci::sharing::Coalition;
using aci::sharing::SharingProblem;

using aci::sharing::test::A;
using aci::sharing::test::B;
using aci::sharing::test::C;
using aci::sharing::test::r18;
using aci::sharing::test::split_of;
using aci::sharing::test::three_acis;

TEST(SharingCost, HandDerivedCoalitionCosts) {
  const auto c = aci::sharing::CoalitionCost<Decimal>::of(three_acis());
  // Alone, each needs under 24 h/week: a 24 h contract (L3123-7), 24 x 52 x 35 = 43,680, + 1,000.
  EXPECT_EQ(r18(c(A)), Decimal(44680));
  EXPECT_EQ(r18(c(B)), Decimal(44680));
  EXPECT_EQ(r18(c(C)), Decimal(44680));
  // A + B: 520 + 624 h + a round of 40 km, 1 h, 47 times (47 h): 1,191 h / 52 = 22.9 h/week, so
  // one 24 h contract 43,680 + 1,000 + 1,880 km x 0.50 = 940 + 2 x 500 coordination = 46,620.
  EXPECT_EQ(r18(c(A | B)), Decimal(46620));
  // A + C: 1,560 h + 47 x 1.5 h = 1,630.5 h (31.36 h/week): 1,630.5 x 35 = 57,067.5 + 1,000
  // + 47 x 60 km x 0.50 = 1,410 + 1,000 = 60,477.5.
  EXPECT_EQ(r18(c(A | C)), Decimal("60477.5"));
  // B + C: 1,664 h + 47 x 0.5 h = 1,687.5 h: 59,062.5 + 1,000 + 47 x 30 x 0.5 = 705 + 1,000.
  EXPECT_EQ(r18(c(B | C)), Decimal("61767.5"));
  // All: 2,184 h + 47 x 1.5 h (A-B-C-A: 65 km, 1.5 h) = 2,254.5 h = 43.36 h/week: two persons
  // (over 35 h), each 21.68 h raised to 24 h: 2 x 43,680 + 2 x 1,000 + 47 x 65 x 0.5 = 1,527.5
  // + 3 x 500 = 92,387.5.
  EXPECT_EQ(r18(c(A | B | C)), Decimal("92387.5"));
  EXPECT_EQ(r18(c(0)), Decimal(0));
  // The double path gives the same figures.
  const auto d = aci::sharing::CoalitionCost<double>::of(three_acis());
  EXPECT_NEAR(d(A | B | C), 92387.5, 1e-9);
  EXPECT_NEAR(d(A | C), 60477.5, 1e-9);
}

TEST(SharingCost, EmployersGroupAddsItsOverheadWhenShared) {
  auto p = three_acis();
  p.posts[0].frame.kind = aci::sharing::FrameKind::employers_group;
  p.posts[0].frame.group_overhead_rate = Decimal("0.08");
  p.posts[0].frame.group_fee_per_member = Money::parse("200");
  const auto c = aci::sharing::CoalitionCost<Decimal>::of(p);
  EXPECT_EQ(r18(c(A)), Decimal(44680));  // alone: its own employee, no group
  // 43,680 x 1.08 = 47,174.4 + 1,000 + 940 + 2 x (500 + 200) = 50,514.4.
  EXPECT_EQ(r18(c(A | B)), Decimal("50514.4"));
}

TEST(SharingCost, DerogationLowersThePartTimeMinimum) {
  auto p = three_acis();
  using aci::sharing::PartTimeBasis;
  // A and B alone at the psychologist's written request to combine several jobs (L3123-7): the
  // contract is the hours needed; C declares none: 24 h.
  p.members[0].alone = {{PartTimeBasis::several_jobs, Decimal(0)}};
  p.members[1].alone = {{PartTimeBasis::several_jobs, Decimal(0)}};
  const auto c = aci::sharing::CoalitionCost<Decimal>::of(p);
  EXPECT_EQ(r18(c(A)), Decimal(10 * 52 * 35 + 1000));  // 10 h/week exactly
  EXPECT_EQ(r18(c(B)), Decimal(12 * 52 * 35 + 1000));
  EXPECT_EQ(r18(c(C)), Decimal(44680));
  EXPECT_EQ(r18(c(A | B)), Decimal(46620));  // shared, the frame's rule: 24 h
  // A floor under the derogation: B would not sign under 15 h.
  p.members[1].alone = {{PartTimeBasis::several_jobs, Decimal(15)}};
  EXPECT_EQ(r18(aci::sharing::CoalitionCost<Decimal>::of(p)(B)), Decimal(15 * 52 * 35 + 1000));
  // The shared contract's own derogation: a branch agreement's 20 h minimum applies to A + B
  // (22.9 h/week: unchanged) and to nothing alone.
  p.posts[0].frame.part_time = {PartTimeBasis::branch_agreement, Decimal(20)};
  const auto d = aci::sharing::CoalitionCost<Decimal>::of(p);
  EXPECT_EQ(r18(d(C)), Decimal(44680));
  // A + B: 1,191 h / 52 = 22.903846... h/week x 52 x 35 = 41,685 + 1,000 + 940 + 1,000.
  EXPECT_EQ(r18(d(A | B)), Decimal("44625"));
}

TEST(SharingCost, ContractsGoThroughThePeopleModelWithThe2026Reduction) {
  auto p = three_acis();
  auto& g = p.posts[0].staff;
  g.pay_basis = aci::people::PayBasis::smic;
  g.contribution_mode = aci::people::ContributionMode::legal_reduction;
  g.employer_rate = Decimal("0.45");
  g.hours.leave = Decimal("0.1");
  const auto c = aci::sharing::CoalitionCost<Decimal>::of(p);
  aci::people::StaffGroup person = g;
  person.weekly_hours = Decimal(24);
  aci::rates::RateLookup lookup(p.rate_table, p.date);
  const auto staff = aci::people::annual_staff_cost<Decimal>(person, lookup);
  EXPECT_GT(staff.reduction_coefficient, Decimal(0));  // at SMIC the reduction applies
  EXPECT_EQ(c.contract_cost(0, Decimal(24)), staff.annual_cost);
  // A alone: 520 h / (52 x 0.9) = 11.1 h/week: a 24 h contract.
  EXPECT_EQ(r18(c(A)), r18(staff.annual_cost + Decimal(1000)));
}

TEST(SharingCost, NeedlessMembersDoNotJoinAPost) {
  auto p = three_acis();
  auto second = p.posts[0];
  second.name = "assistant";
  p.posts.push_back(second);
  for (auto& m : p.members) {
    m.hours.push_back(Decimal(5));
    m.weeks.push_back(Decimal(52));
  }
  p.members[1].hours[0] = Decimal(0);  // B needs the assistant only
  const auto c = aci::sharing::CoalitionCost<Decimal>::of(p);
  EXPECT_EQ(r18(c.post_cost(0, B)), Decimal(0));
  EXPECT_EQ(r18(c.post_cost(0, A | B)), r18(c.post_cost(0, A)));  // no round to B's site, no coordination for B
}

template <class F>
std::string field_of(F&& f) {
  try {
    f();
  } catch (const aci::InvalidInput& e) {
    return e.field();
  }
  return "no error";
}

TEST(SharingProblem, InvalidFramesAndInputsNameTheField) {
  const auto check = [](auto change) {
    auto p = three_acis();
    change(p);
    return field_of([&] { p.validate(); });
  };
  EXPECT_EQ(check([](SharingProblem& p) { p.posts[0].frame.lending_markup = Decimal("0.05"); }),
            "posts[psychologist].frame.lending_markup");
  EXPECT_EQ(check([](SharingProblem& p) { p.posts[0].frame.group_overhead_rate = Decimal("0.1"); }),
            "posts[psychologist].frame.group_overhead_rate");
  using aci::sharing::PartTimeBasis;
  EXPECT_EQ(check([](SharingProblem& p) {
              p.posts[0].frame.part_time = {PartTimeBasis::branch_agreement, Decimal(30)};
            }),
            "posts[psychologist].frame.part_time.minimum_hours");
  EXPECT_EQ(check([](SharingProblem& p) { p.posts[0].frame.part_time.minimum_hours = Decimal(12); }),
            "posts[psychologist].frame.part_time.minimum_hours");
  EXPECT_EQ(check([](SharingProblem& p) {
              p.posts[0].frame.part_time = {PartTimeBasis::branch_agreement, Decimal(0)};
            }),
            "posts[psychologist].frame.part_time.minimum_hours");
  EXPECT_EQ(check([](SharingProblem& p) {
              p.members[2].alone = {{PartTimeBasis::legal_minimum, Decimal(10)}};
            }),
            "members[C].alone[psychologist].minimum_hours");
  EXPECT_EQ(check([](SharingProblem& p) { p.members[2].alone = {{}, {}}; }), "members[C].alone");
  EXPECT_EQ(check([](SharingProblem& p) { p.posts[0].frame.group_management_annual = Money::parse("100"); }),
            "posts[psychologist].frame.group_management_annual");
  EXPECT_EQ(check([](SharingProblem& p) { p.posts[0].frame.lender = "D"; }), "posts[psychologist].frame.lender");
  EXPECT_EQ(check([](SharingProblem& p) {
              p.posts[0].frame.kind = aci::sharing::FrameKind::employers_group;
              p.posts[0].frame.lender = "A";
            }),
            "posts[psychologist].frame.lender");
  EXPECT_EQ(check([](SharingProblem& p) { p.members[1].weeks[0] = Decimal(0); }), "members[B].hours");
  EXPECT_EQ(check([](SharingProblem& p) { p.posts[0].staff.pay_basis = aci::people::PayBasis::monthly; }),
            "posts[psychologist].staff.pay.basis");
  EXPECT_EQ(check([](SharingProblem& p) { p.members[0].hours[0] = Decimal(50); }), "members[A].hours[psychologist]");
  EXPECT_EQ(check([](SharingProblem& p) { p.members[2].weeks[0] = Decimal(-1); }), "members[C].weeks[psychologist]");
  EXPECT_EQ(check([](SharingProblem& p) { p.distance_km.pop_back(); }), "distance_km");
  EXPECT_EQ(check([](SharingProblem& p) { p.travel_hours[1][1] = Decimal(1); }), "travel_hours[1][1]");
  EXPECT_EQ(check([](SharingProblem& p) { p.members[1].name = "A"; }), "members[1].name");
  EXPECT_EQ(check([](SharingProblem& p) { p.posts[0].rounds_per_week = Decimal(-1); }),
            "posts[psychologist].rounds_per_week");
  EXPECT_EQ(check([](SharingProblem&) {}), "no error");
}

TEST(SharingShare, SplitsToTheCentWithBlockingCoalitions) {
  using aci::sharing::SplitMethod;
  // Under a cooperation agreement every split is allowed.
  const auto r = aci::sharing::share(three_acis(aci::sharing::FrameKind::cooperation_agreement));
  EXPECT_TRUE(r.exact_game);
  EXPECT_EQ(r.grand_cost, Money::parse("92387.50"));
  EXPECT_EQ(r.saving, Money::parse("41652.50"));  // 3 x 44,680 - 92,387.5
  ASSERT_EQ(r.splits.size(), 6u);
  for (const auto& s : r.splits) {
    Money sum;
    for (const Money& m : s.shares) {
      EXPECT_TRUE(m.is_whole_cents());
      sum += m;
    }
    EXPECT_EQ(sum, r.grand_cost) << aci::sharing::split_name(s.method);
    EXPECT_TRUE(s.core_checked);
    EXPECT_TRUE(s.lawful);
    for (const auto& b : s.blocking) EXPECT_TRUE(b.cost.is_whole_cents() && b.charged.is_whole_cents());
  }
  // Equal saving: 41,652.5 / 3 = 13,884.1666… off 44,680 each: 30,795.8333…; the last cent
  // goes to the earliest of three equal remainders.
  const auto& eq = split_of(r.splits, SplitMethod::equal_saving);
  EXPECT_EQ(eq.shares[0], Money::parse("30795.84"));
  EXPECT_EQ(eq.shares[1], Money::parse("30795.83"));
  EXPECT_EQ(eq.shares[2], Money::parse("30795.83"));
  // Shapley by hand, phi_A = c(A)/3 + (c(AB) - c(B))/6 + (c(AC) - c(C))/6 + (c(ABC) - c(BC))/3
  //   = 14,893.33… + 323.33… + 2,632.916… + 10,206.66… = 28,056.25; phi_B = 28,701.25;
  //   phi_C = 92,387.5 - the two = 35,630.
  const auto& sh = split_of(r.splits, SplitMethod::shapley);
  EXPECT_EQ(sh.shares[0], Money::parse("28056.25"));
  EXPECT_EQ(sh.shares[1], Money::parse("28701.25"));
  EXPECT_EQ(sh.shares[2], Money::parse("35630.00"));
  // A and B alone together pay 46,620, less than the 56,757.5 Shapley charges them.
  ASSERT_FALSE(sh.blocking.empty());
  EXPECT_EQ(sh.blocking[0].members, A | B);
  EXPECT_EQ(sh.blocking[0].excess(), Money::parse("10137.50"));
  // The core is empty: x(AB) <= 46,620 and x_C <= 44,680 leave at most 91,300 < 92,387.5 (the
  // 24 h minimum makes pairs cheap and the three need two persons). Every split is blocked. The
  // least core: the three pairs' constraints x(AB) <= 46,620 + e, x(AC) <= 60,477.5 + e,
  // x(BC) <= 61,767.5 + e add up to 2 x 92,387.5 <= 168,865 + 3e: e >= 15,910 / 3 = 5,303.33…;
  // it is reached with the three pairs tight, x = (25,316.67, 26,606.67, 40,464.17), every
  // singleton below its own cost: 5,303.33 €.
  ASSERT_TRUE(r.core.empty.has_value());
  EXPECT_TRUE(*r.core.empty);
  EXPECT_EQ(*r.core.least_core, Money::parse("5303.33"));
  EXPECT_EQ(r.core.tight.size(), 3u);  // the three pairs, each charged e above its own cost
  EXPECT_NE(r.core.text.find("The core is empty"), std::string::npos);
  for (const auto& s : r.splits) EXPECT_FALSE(s.blocking.empty()) << aci::sharing::split_name(s.method);
}

TEST(SharingShare, DoublePathAndSamplingAgreeWithTheExactSplit) {
  const auto problem = three_acis(aci::sharing::FrameKind::cooperation_agreement);
  const auto exact = aci::sharing::share(problem);
  aci::sharing::ShareOptions fast;
  fast.decimal_max_members = 0;  // c(S) in doubles
  const auto d = aci::sharing::share(problem, fast);
  EXPECT_FALSE(d.exact_game);
  for (std::size_t k = 0; k < exact.splits.size(); ++k) EXPECT_EQ(d.splits[k].shares, exact.splits[k].shares);
  aci::sharing::ShareOptions sampled;
  sampled.methods = {aci::sharing::SplitMethod::at_cost, aci::sharing::SplitMethod::shapley,
                     aci::sharing::SplitMethod::nucleolus};
  sampled.exact_max_members = 2;  // fewer than the 3 members: sampling, no core check, no nucleolus
  sampled.permutations = 60000;
  const auto s = aci::sharing::share(problem, sampled);
  ASSERT_EQ(s.splits.size(), 2u);
  EXPECT_FALSE(s.splits[1].core_checked);
  EXPECT_FALSE(s.core.empty.has_value());
  EXPECT_FALSE(s.grouping.has_value());
  const auto note = [&](const std::string& start) {
    return std::any_of(s.notes.begin(), s.notes.end(), [&](const std::string& n) { return n.rfind(start, 0) == 0; });
  };
  EXPECT_TRUE(note("nucleolus: not computed"));
  EXPECT_TRUE(note("core check: not done"));
  EXPECT_TRUE(note("best grouping: not searched"));
  const auto& shapley = split_of(exact.splits, aci::sharing::SplitMethod::shapley);
  for (std::size_t i = 0; i < 3; ++i) {
    const double est = aci::scalar_cast<double>(s.splits[1].exact[i]);
    const double truth = aci::scalar_cast<double>(shapley.exact[i]);
    EXPECT_LT(std::abs(est - truth), 5 * s.splits[1].standard_error[i] + 1e-9);
  }
  sampled.threads = 2;
  EXPECT_EQ(aci::sharing::share(problem, sampled).splits[1].shares, s.splits[1].shares);
}

TEST(SharingShare, ShapleyIsAdditiveOverTwoPosts) {
  auto p = three_acis();
  auto second = p.posts[0];
  second.name = "assistant";
  second.staff.pay = Money::parse("18");
  p.posts.push_back(second);
  for (auto& m : p.members) {
    m.hours.push_back(m.hours[0] / 2 + 3);
    m.weeks.push_back(Decimal(40));
  }
  const auto both = aci::sharing::CoalitionCost<Decimal>::of(p);
  const auto phi = aci::sharing::shapley_exact(both.game());
  const auto phi0 = aci::sharing::shapley_exact(both.post_game(0));
  const auto phi1 = aci::sharing::shapley_exact(both.post_game(1));
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_LT(boost::multiprecision::abs(phi[i] - phi0[i] - phi1[i]), Decimal("1e-40"));
}

}  // namespace
