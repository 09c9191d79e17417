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
  // France's table carries décret n° 2025-1446's Tdelta; a user may replace it from its date.
  EXPECT_EQ(t.in_force(Rate::reduction_tdelta_fnal_010, Date{2026, 3, 1}).value, Decimal("0.3781"));
  EXPECT_EQ(t.in_force(Rate::reduction_tdelta_fnal_050, Date{2026, 3, 1}).value, Decimal("0.3821"));
  t.set({Rate::reduction_tdelta_fnal_010, Date{2026, 1, 1}, Decimal("0.3773"), "coefficient",
         "décret n° 2025-887 (before 2025-1446)", aci::rates::Tag::law, "", std::nullopt});
  EXPECT_EQ(t.in_force(Rate::reduction_tdelta_fnal_010, Date{2026, 3, 1}).value, Decimal("0.3773"));
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

TEST(GeneralReduction, FastPathEqualsTheFullFormulaAndTiesTakeTheExactOne) {
  // The Decimal coefficient is decided in double unless the unrounded value lies within 1e-7 of
  // a rounding tie; checked against the formula written here with Boost's pow on 50 digits.
  const aci::rates::GeneralReductionParameters<Decimal> p{Decimal("0.02"), Decimal("0.3781"), Decimal(3)};
  const Decimal smic("21876.40");
  for (int i = 1; i < 400; ++i) {
    const Decimal gross = smic + smic * 2 * Decimal(i) / 400 + Decimal("0.37") * i;  // 1 to 3 SMIC
    if (gross >= 3 * smic) continue;
    const Decimal base = (3 * smic / gross - 1) / 2;
    const Decimal reference = aci::round_decimal(p.tmin + p.tdelta * boost::multiprecision::pow(base, Decimal("1.75")),
                                                 4, aci::Rounding::half_away_from_zero);
    EXPECT_EQ(aci::rates::general_reduction_coefficient(gross, smic, p), reference) << aci::to_string(gross);
  }
  // An exact tie: gross = 8/3 SMIC gives base = (9/8 - 1)/2 = 1/16 and base^1.75 = 2^-7; with
  // Tdelta = 0.0064 the raw value 0.02 + 0.00005 = 0.02005 is a tie, rounded away from zero.
  const aci::rates::GeneralReductionParameters<Decimal> tie{Decimal("0.02"), Decimal("0.0064"), Decimal(3)};
  EXPECT_EQ(aci::rates::general_reduction_coefficient(Decimal(8), Decimal(3), tie), Decimal("0.0201"));
}

TEST(StaffCost, CddiAtSmicWithLegalReduction) {
  // 26 h x 52 = 1352 h; gross 12.02 x 1352 = 16,251.04; coefficient 0.02 + 0.3781 = 0.3981 (pay =
  // SMIC; Tdelta of décret n° 2025-1446); contributions (0.47 - 0.3981) x 16,251.04 = 1,168.449776;
  // + 350 per head = 17,769.489776.
  aci::people::StaffGroup g{
      "crew",
      aci::people::Role::integration,
      Decimal(1),
      Decimal(26),
      aci::people::PayBasis::smic,
      aci::Money(),
      aci::people::ContributionMode::legal_reduction,
      Decimal("0.47"),
      aci::Money::parse("350"),
      {Decimal("0.05"), Decimal("0.035"), Decimal("0.015"), Decimal("0.096"), Decimal("0.024"), Decimal("0.06")}};
  const auto t = RateTable::france();
  aci::rates::RateLookup r(t, Date{2026, 4, 15});
  const auto c = aci::people::annual_staff_cost<Decimal>(g, r);
  EXPECT_EQ(c.paid_hours, Decimal(1352));
  EXPECT_EQ(c.annual_gross, Decimal("16251.04"));
  EXPECT_EQ(c.reduction_coefficient, Decimal("0.3981"));
  EXPECT_EQ(c.employer_contributions, Decimal("1168.449776"));
  EXPECT_EQ(c.annual_cost, Decimal("17769.489776"));
  EXPECT_EQ(c.production_hours, Decimal("973.44"));  // 1352 x 0.72
  // Cost per productive hour 17,769.489776 / 973.44 = 18.25432...
  EXPECT_EQ(aci::round_decimal(c.cost_per_production_hour(), 4, aci::Rounding::half_even), Decimal("18.2543"));
  // Every rate read was recorded, with its source.
  ASSERT_EQ(r.used().size(), 4u);
  EXPECT_EQ(r.used()[0].rate, Rate::smic_hourly);
}

TEST(StaffCost, UnpaidAbsenceIsNeitherPaidNorCountedInTheReductionSmic) {
  // 5 % of contract hours unpaid: paid 1352 x 0.95 = 1284.4 h; gross 12.02 x 1284.4 = 15,438.488;
  // the annual SMIC is prorated to the same paid hours, so the coefficient stays 0.3981;
  // contributions 0.0719 x 15,438.488 = 1,110.0272872; cost 16,898.5152872.
  aci::people::StaffGroup g{"crew",
                            aci::people::Role::integration,
                            Decimal(1),
                            Decimal(26),
                            aci::people::PayBasis::smic,
                            aci::Money(),
                            aci::people::ContributionMode::legal_reduction,
                            Decimal("0.47"),
                            aci::Money::parse("350"),
                            {},
                            Decimal("0.05")};
  const auto t = RateTable::france();
  aci::rates::RateLookup r(t, Date{2026, 4, 15});
  const auto c = aci::people::annual_staff_cost<Decimal>(g, r);
  EXPECT_EQ(c.contract_hours, Decimal(1352));
  EXPECT_EQ(c.paid_hours, Decimal("1284.4"));
  EXPECT_EQ(c.annual_gross, Decimal("15438.488"));
  EXPECT_EQ(c.reduction_coefficient, Decimal("0.3981"));
  EXPECT_EQ(c.annual_cost, Decimal("16898.5152872"));
  // Monthly pay is withheld in the same proportion: 2,220 x 12 x 0.95 = 25,308.
  g.pay_basis = aci::people::PayBasis::monthly;
  g.pay = aci::Money::parse("2220");
  EXPECT_EQ(aci::people::annual_staff_cost<Decimal>(g, r).annual_gross, Decimal(25308));
  g.unpaid_absence = Decimal(1);
  try {
    g.validate("staff[0]");
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "staff[0].unpaid_absence");
    EXPECT_EQ(e.value(), "1");
  }
}

TEST(StaffCost, PermanentStaffGetTheReductionBelowThreeSmic) {
  // ETPS at 2,220 €/month full time: gross 26,640; 3 x 21,876.40 / 26,640 = 2.463558...;
  // (2.463558 - 1) / 2 = 0.731779...; ^1.75 = 0.578982...; 0.02 + 0.3781 x 0.578982 = 0.238913
  // -> 0.2389 (docs/worked_example.py); contributions (0.45 - 0.2389) x 26,640 = 5,623.704.
  aci::people::StaffGroup g{"ETPS",
                            aci::people::Role::supervisor,
                            Decimal(1),
                            Decimal(35),
                            aci::people::PayBasis::monthly,
                            aci::Money::parse("2220"),
                            aci::people::ContributionMode::legal_reduction,
                            Decimal("0.45"),
                            aci::Money(),
                            {}};
  const auto t = RateTable::france();
  aci::rates::RateLookup r(t, Date{2026, 4, 15});
  const auto c = aci::people::annual_staff_cost<Decimal>(g, r);
  EXPECT_EQ(c.reduction_coefficient, Decimal("0.2389"));
  EXPECT_EQ(c.employer_contributions, Decimal("5623.704"));
}

TEST(RateTable, YearlyFiguresPastTheirRevisionAreMarkedAndSourcesAreLegalTexts) {
  const auto t = RateTable::france();
  // The 2024-11 socle and the 2025-04 RSA expect a revision; the SMIC series carries 2026's.
  const auto& socle = t.in_force(Rate::aide_au_poste_socle, Date{2026, 4, 15});
  EXPECT_EQ(socle.value, Decimal(23921));
  ASSERT_TRUE(socle.next_review.has_value());
  EXPECT_EQ(*socle.next_review, (Date{2026, 1, 1}));
  EXPECT_EQ(t.in_force(Rate::rsa_single_person, Date{2026, 4, 15}).effective, (Date{2025, 4, 1}));
  EXPECT_EQ(t.in_force(Rate::smic_hourly, Date{2026, 4, 15}).source.find("Décret n° 2025-1228"), 0u);
  // The socle series is complete, as reported (each entry cites its arrêté, or is tagged check).
  const std::pair<Date, const char*> socles[] = {
      {{2022, 1, 1}, "21286"}, {{2022, 5, 1}, "21850"}, {{2022, 8, 1}, "22289"}, {{2023, 1, 1}, "22692"},
      {{2023, 5, 1}, "23196"}, {{2024, 1, 1}, "23458"}, {{2024, 11, 1}, "23921"}};
  for (const auto& [d, v] : socles) EXPECT_EQ(t.in_force(Rate::aide_au_poste_socle, d).value, Decimal(v));
  for (const auto& e : t.entries()) {
    // Sources are legal texts or publications, never this project's docs.
    EXPECT_EQ(e.source.find("DOMAIN"), std::string::npos) << aci::rates::rate_name(e.rate);
    if (e.tag == aci::rates::Tag::check) {
      EXPECT_FALSE(e.note.empty()) << aci::rates::rate_name(e.rate);
    }
  }
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

TEST(RateTable, EveryEntryLiesInItsDomainAndOverridesAreChecked) {
  // The descriptor's domain is checked when an entry is set: France's own figures included.
  const auto t = RateTable::france();
  for (const auto& e : t.entries()) EXPECT_NO_THROW(e.validate("rates")) << e.label();
  auto u = RateTable::france();
  const auto refused = [&u](aci::rates::RateEntry e, const std::string& field) {
    try {
      u.set(std::move(e));
      ADD_FAILURE() << "accepted";
    } catch (const aci::InvalidInput& x) {
      EXPECT_EQ(x.field(), field) << x.what();
    }
  };
  // A VAT rate of -1 gave a devis with "TVA -100 %"; 1e300 a VAT past the money limit.
  refused({Rate::vat_standard, Date{2026, 1, 1}, Decimal(-1), "share", "a test", aci::rates::Tag::law, "", {}},
          "rates.vat_standard.value");
  refused({Rate::vat_standard, Date{2026, 1, 1}, Decimal("1e300"), "share", "a test", aci::rates::Tag::law, "", {}},
          "rates.vat_standard.value");
  refused({Rate::aci_fte_paid_hours, Date{2026, 1, 1}, Decimal(0), "h/year", "a test", aci::rates::Tag::law, "", {}},
          "rates.aci_fte_paid_hours.value");
  refused({Rate::reduction_tmin, Date{2026, 1, 1}, Decimal("-0.02"), "", "a test", aci::rates::Tag::law, "", {}},
          "rates.reduction_tmin.value");
  // A keyed rate needs its key; a single series takes none; every figure has a source.
  refused({Rate::ccn_coefficient, Date{2026, 1, 1}, Decimal(300), "points", "a test", aci::rates::Tag::law, "", {}},
          "rates.ccn_coefficient.key");
  refused({Rate::smic_hourly, Date{2026, 1, 1}, Decimal(12), "€/h", "a test", aci::rates::Tag::law, "", {}, "x"},
          "rates.smic_hourly.key");
  refused({Rate::smic_hourly, Date{2026, 1, 1}, Decimal(12), "€/h", "", aci::rates::Tag::law, "", {}},
          "rates.smic_hourly.source");
  // The rule names the figure, its unit and its domain.
  try {
    u.set({Rate::vat_reduced, Date{2026, 1, 1}, Decimal(1), "share", "a test", aci::rates::Tag::law, "", {}});
    FAIL();
  } catch (const aci::InvalidInput& x) {
    EXPECT_EQ(x.rule(), "vat_reduced (share) must be in [0, 1)");
  }
}

TEST(RateTable, UnconfirmedFiguresYieldToTheLastConfirmedOne) {
  // The June 2026 SMIC (12.31 €, tagged check) is not used by default: a September quote uses the
  // confirmed 12.02 € of décret n° 2025-1228 and names the other.
  auto t = RateTable::france();
  const Date september{2026, 9, 15};
  const auto f = t.resolve(Rate::smic_hourly, september);
  EXPECT_EQ(f.entry->value, Decimal("12.02"));
  ASSERT_NE(f.unconfirmed, nullptr);
  EXPECT_EQ(f.unconfirmed->value, Decimal("12.31"));
  aci::rates::RateLookup lookup(t, september);
  EXPECT_EQ(lookup.value(Rate::smic_hourly), Decimal("12.02"));
  ASSERT_EQ(lookup.unconfirmed().size(), 1u);
  EXPECT_EQ(lookup.unconfirmed()[0].effective, (Date{2026, 6, 1}));
  // On request the reported figure is used.
  t.set_use_unconfirmed(true);
  EXPECT_EQ(t.in_force(Rate::smic_hourly, september).value, Decimal("12.31"));
  EXPECT_EQ(t.resolve(Rate::smic_hourly, september).unconfirmed, nullptr);
  // With no confirmed figure at all, the unconfirmed one is used (and a quote says it is to check).
  t.set_use_unconfirmed(false);
  const auto& point = t.in_force(Rate::ccn_point_value, Date{2026, 3, 1});
  EXPECT_EQ(point.value, Decimal("7.05"));
  EXPECT_EQ(point.tag, aci::rates::Tag::check);
}
