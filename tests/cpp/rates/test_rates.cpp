#include <gtest/gtest.h>

#include "aci_cost/people/staff.hpp"
#include "aci_cost/rates/general_reduction.hpp"
#include "aci_cost/rates/rate_table.hpp"

using aci::Date;
using aci::Decimal;
using aci::rates::Rate;
using aci::rates::RateTable;

TEST(RateTable, SmicInForceByDate) {
  const auto t = RateTable::france();
  EXPECT_EQ(t.in_force(Rate::smic_hourly, Date{2024, 6, 1}).value, Decimal("11.65"));
  EXPECT_EQ(t.in_force(Rate::smic_hourly, Date{2024, 10, 31}).value, Decimal("11.65"));
  EXPECT_EQ(t.in_force(Rate::smic_hourly, Date{2024, 11, 1}).value, Decimal("11.88"));
  EXPECT_EQ(t.in_force(Rate::smic_hourly, Date{2025, 12, 31}).value, Decimal("11.88"));
  EXPECT_EQ(t.in_force(Rate::smic_hourly, Date{2026, 1, 1}).value, Decimal("12.02"));
}

TEST(RateTable, AideAuPosteSeries) {
  const auto t = RateTable::france();
  EXPECT_EQ(t.in_force(Rate::aide_au_poste_socle, Date{2022, 6, 1}).value, Decimal(21850));
  EXPECT_EQ(t.in_force(Rate::aide_au_poste_socle, Date{2023, 2, 1}).value, Decimal(22692));
  EXPECT_EQ(t.in_force(Rate::aide_au_poste_socle, Date{2023, 5, 1}).value, Decimal(23196));
  EXPECT_EQ(t.in_force(Rate::aide_au_poste_socle, Date{2026, 4, 15}).value, Decimal(23921));
  EXPECT_EQ(t.in_force(Rate::aci_fte_paid_hours, Date{2026, 4, 15}).value, Decimal(1820));
}

TEST(RateTable, EveryEntryHasASource) {
  const auto table = RateTable::france();
  for (const auto& e : table.entries()) {
    EXPECT_FALSE(e.source.empty()) << aci::rates::rate_name(e.rate);
    EXPECT_FALSE(e.unit.empty()) << aci::rates::rate_name(e.rate);
  }
}

TEST(RateTable, NoRateInForceNamesTheRateAndDate) {
  const auto t = RateTable::france();
  try {
    (void)t.in_force(Rate::smic_hourly, Date{2023, 6, 1});
    FAIL();
  } catch (const aci::NoRateInForce& e) {
    EXPECT_EQ(e.field(), "rates.smic_hourly");
    EXPECT_EQ(e.value(), "2023-06-01");
    EXPECT_NE(std::string(e.what()).find("2024-01-01"), std::string::npos) << e.what();
  }
  // The 2026 reduction formula is not in force in 2025.
  EXPECT_THROW((void)t.in_force(Rate::reduction_tdelta_fnal_010, Date{2025, 12, 31}), aci::NoRateInForce);
}

TEST(RateTable, OverridesReplaceFromTheirDate) {
  auto t = RateTable::france();
  t.set({Rate::reduction_tdelta_fnal_010, Date{2026, 1, 1}, Decimal("0.3781"), "coefficient",
         "décret n° 2025-1446 (reported)", aci::rates::Tag::law, ""});
  EXPECT_EQ(t.in_force(Rate::reduction_tdelta_fnal_010, Date{2026, 3, 1}).value, Decimal("0.3781"));
}

TEST(GeneralReduction, AtSmicIsTminPlusTdelta) {
  const aci::rates::GeneralReductionParameters<Decimal> p{Decimal("0.02"), Decimal("0.3773"), Decimal(3)};
  // Full-time SMIC 2026: 12.02 x 1820 = 21,876.40 €; (3 x 1 - 1) / 2 = 1; 1^1.75 = 1.
  EXPECT_EQ(aci::rates::general_reduction_coefficient(Decimal("21876.40"), Decimal("21876.40"), p), Decimal("0.3973"));
  // Pay = 2 SMIC: (3/2 - 1)/2 = 0.25; 0.25^1.75 = 0.088388347648...; 0.02 + 0.3773 x 0.0883883 = 0.053349
  // -> 0.0533.
  EXPECT_EQ(aci::rates::general_reduction_coefficient(Decimal("43752.80"), Decimal("21876.40"), p), Decimal("0.0533"));
  // At and above 3 SMIC: no reduction.
  EXPECT_EQ(aci::rates::general_reduction_coefficient(Decimal("65629.20"), Decimal("21876.40"), p), Decimal(0));
  // The double engine gives the same coefficients.
  const aci::rates::GeneralReductionParameters<double> pd{0.02, 0.3773, 3.0};
  EXPECT_DOUBLE_EQ(aci::rates::general_reduction_coefficient(43752.80, 21876.40, pd), 0.0533);
}

TEST(StaffCost, CddiAtSmicWithLegalReduction) {
  // 26 h x 52 = 1352 h; gross 12.02 x 1352 = 16,251.04; coefficient 0.3973 (pay = SMIC);
  // contributions (0.47 - 0.3973) x 16,251.04 = 1,181.450608; + 350 per head = 17,782.490608.
  aci::people::StaffGroup g{"crew", aci::people::Role::integration, Decimal(1), Decimal(26),
                            aci::people::PayBasis::smic, aci::Money(), aci::people::ContributionMode::legal_reduction,
                            Decimal("0.47"), aci::Money::parse("350"),
                            {Decimal("0.05"), Decimal("0.035"), Decimal("0.015"), Decimal("0.096"), Decimal("0.024"),
                             Decimal("0.06")}};
  const auto t = RateTable::france();
  aci::rates::RateLookup r(t, Date{2026, 4, 15});
  const auto c = aci::people::annual_staff_cost<Decimal>(g, r);
  EXPECT_EQ(c.paid_hours, Decimal(1352));
  EXPECT_EQ(c.annual_gross, Decimal("16251.04"));
  EXPECT_EQ(c.reduction_coefficient, Decimal("0.3973"));
  EXPECT_EQ(c.employer_contributions, Decimal("1181.450608"));
  EXPECT_EQ(c.annual_cost, Decimal("17782.490608"));
  EXPECT_EQ(c.production_hours, Decimal("973.44"));  // 1352 x 0.72
  // Cost per productive hour 17,782.490608 / 973.44 = 18.2677...
  EXPECT_EQ(aci::round_decimal(c.cost_per_production_hour, 4, aci::Rounding::half_even), Decimal("18.2677"));
  // Every rate read was recorded, with its source.
  ASSERT_EQ(r.used().size(), 4u);
  EXPECT_EQ(r.used()[0].rate, Rate::smic_hourly);
}

TEST(StaffCost, BadHoursNameTheField) {
  aci::people::StaffGroup g;
  g.name = "crew";
  g.hours.absence = Decimal("1.2");
  try {
    g.validate("staff[0]");
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "staff[0].hours.absence");
    EXPECT_EQ(e.value(), "1.2");
  }
  g.hours.absence = Decimal("0.5");
  g.hours.leave = Decimal("0.5");
  EXPECT_THROW(g.validate("staff[0]"), aci::InvalidInput);  // production share 0
}
