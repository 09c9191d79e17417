// The collective agreement of ACIs (IDCC 3016): class minima and a staff group's pay against them.
#include <gtest/gtest.h>

#include "aci_cost/people/pay_floor.hpp"
#include "aci_cost/rates/rate_table.hpp"

using aci::Date;
using aci::Decimal;
using aci::Money;
using aci::people::PayBasis;
using aci::people::StaffGroup;
using aci::rates::Rate;
using aci::rates::RateLookup;
using aci::rates::RateTable;

namespace {
Money minimum(const char* cls, Date d) {
  const auto t = RateTable::france();
  return Money(t.in_force(Rate::ccn_coefficient, d, cls).value * t.in_force(Rate::ccn_point_value, d).value);
}
StaffGroup group(const char* cls, PayBasis basis, const char* pay, const char* weekly_hours = "35") {
  StaffGroup g;
  g.name = "ETPS";
  g.role = aci::people::Role::supervisor;
  g.pay_basis = basis;
  g.pay = Money::parse(pay);
  g.weekly_hours = Decimal(weekly_hours);
  g.ccn_class = cls;
  return g;
}
}  // namespace

TEST(CollectiveAgreement, MinimaMatchThePublishedOnes) {
  // ASH (« Quels minimas salariaux de branche pour les chantiers d'insertion », on the accord du
  // 12 décembre 2024): from January 2025 an assistant technique A earns at least 1,855 €, an ETPS
  // level B 2,205 €, the top class C 3,535 €; from July 2025 1,868.25 €, 2,220.75 € and 3,560.25 €.
  EXPECT_EQ(minimum("assistant_technique_a", {2025, 3, 1}), Money::parse("1855"));
  EXPECT_EQ(minimum("encadrant_b", {2025, 3, 1}), Money::parse("2205"));
  EXPECT_EQ(minimum("directeur_c", {2025, 3, 1}), Money::parse("3535"));
  EXPECT_EQ(minimum("assistant_technique_a", {2026, 3, 1}), Money::parse("1868.25"));
  EXPECT_EQ(minimum("encadrant_b", {2026, 3, 1}), Money::parse("2220.75"));
  EXPECT_EQ(minimum("directeur_c", {2026, 3, 1}), Money::parse("3560.25"));
  // An unknown class names itself.
  const auto t = RateTable::france();
  try {
    (void)t.in_force(Rate::ccn_coefficient, {2026, 3, 1}, "psychologue");
    FAIL();
  } catch (const aci::NoRateInForce& e) {
    EXPECT_EQ(e.field(), "rates.ccn_coefficient[psychologue]");
  }
}

TEST(CollectiveAgreement, PayBelowTheMinimumIsRefusedNamingTheGroup) {
  const auto t = RateTable::france();
  // The old default ETPS: 2,220 €/month full time, against 315 x 7.05 = 2,220.75 €.
  auto g = group("encadrant_b", PayBasis::monthly, "2220");
  RateLookup r(t, {2026, 3, 1});
  const auto f = aci::people::pay_floor(g, r);
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->minimum_monthly, Money::parse("2220.75"));
  EXPECT_EQ(f->full_time_monthly, Decimal(2220));
  EXPECT_TRUE(f->below);
  try {
    (void)aci::people::check_pay_floor(g, r, "staff[ETPS]");
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "staff[ETPS].pay");
    EXPECT_EQ(e.value(), "2220.00");
    EXPECT_NE(e.rule().find("encadrant_b"), std::string::npos) << e.rule();
    EXPECT_NE(e.rule().find("2 220,75"), std::string::npos) << e.rule();
  }
  // Accepted explicitly: no error, the caller warns.
  g.pay_below_minimum_accepted = true;
  EXPECT_TRUE(aci::people::check_pay_floor(g, r, "staff[ETPS]"));
  // At the minimum: fine.
  g = group("encadrant_b", PayBasis::monthly, "2220.75");
  EXPECT_FALSE(aci::people::check_pay_floor(g, r, "staff[ETPS]"));
  // No class declared: no check.
  g.ccn_class.clear();
  g.pay = Money::parse("1000");
  EXPECT_FALSE(aci::people::pay_floor(g, r).has_value());
}

TEST(CollectiveAgreement, PartTimeAndHourlyPayCompareOnTheFullTimeEquivalent) {
  const auto t = RateTable::france();
  RateLookup r(t, {2026, 3, 1});
  // Half time (17.5 h) at 1,110.38 €: 1,110.38 x 35 / 17.5 = 2,220.76 >= 2,220.75.
  auto g = group("encadrant_b", PayBasis::monthly, "1110.38", "17.5");
  EXPECT_FALSE(aci::people::pay_floor(g, r)->below);
  g.pay = Money::parse("1110.37");  // 2,220.74
  EXPECT_EQ(aci::people::pay_floor(g, r)->full_time_monthly, Decimal("2220.74"));
  EXPECT_TRUE(aci::people::pay_floor(g, r)->below);
  // Hourly: 14.64 €/h x 35 x 52 / 12 = 2,220.40 < 2,220.75; 14.65 €/h gives 2,221.9166...
  g = group("encadrant_b", PayBasis::hourly, "14.64");
  EXPECT_EQ(aci::people::pay_floor(g, r)->full_time_monthly, Decimal("2220.4"));
  EXPECT_TRUE(aci::people::pay_floor(g, r)->below);
  g.pay = Money::parse("14.65");
  EXPECT_FALSE(aci::people::pay_floor(g, r)->below);
  // At the SMIC of 2026 (12.02 x 1,820 / 12 = 1,823.0333...) a level-A assistant is underpaid.
  g = group("assistant_technique_a", PayBasis::smic, "0");
  EXPECT_TRUE(aci::people::pay_floor(g, r)->below);
  // The figures read are recorded for the audit.
  bool point = false;
  for (const auto& e : r.used()) point = point || e.rate == Rate::ccn_point_value;
  EXPECT_TRUE(point);
}
