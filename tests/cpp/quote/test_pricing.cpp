// Issue 27's rules on a small ACI whose figures are derived by hand (every line below):
//   one integration employee, 35 h x 52 = 1,820 paid hours, all production (no other share),
//   12 €/h at a flat 10 % contribution rate: CI = 12 x 1,820 x 1.1 = 24,024 €, HQ = 1,820 h;
//   one ETPS, 20 €/h, 10 %: CS = 40,040 €, HS = 1,820 h; no aid; other grants 1,820 €/year.
// A job of 10 standard hours at productivity 0.5: H = 20 h, crew 1, 1 ETPS, no travel, W = 20 h.
//   labour 20 x 24,024/1,820 = 20 x 13.20 = 264; supervision 20 x 22 = 440; full cost 704;
//   subsidies 1,820 x 20/1,820 = 20; net cost 684; market 10 x 40 = 400.
//   over-compensation ceiling = 704 x 1.05 - 20 = 719.20.
#include <gtest/gtest.h>

#include "aci_cost/budget/price_analysis.hpp"
#include "aci_cost/budget/year.hpp"
#include "aci_cost/quote/quote.hpp"
#include "../money_literal.hpp"

using aci::Date;
using aci::Decimal;
using aci::Money;

namespace {
using aci::test::M;

aci::people::StaffGroup hourly(const char* name, aci::people::Role role, const char* pay) {
  aci::people::StaffGroup g;
  g.name = name;
  g.role = role;
  g.headcount = Decimal(1);
  g.weekly_hours = Decimal(35);
  g.pay_basis = aci::people::PayBasis::hourly;
  g.pay = M(pay);
  g.employer_rate = Decimal("0.10");
  return g;
}

struct Small {
  aci::model::Aci aci;
  aci::model::Job job;
  aci::rates::RateTable table = aci::rates::RateTable::france();
  aci::quote::PricingOptions pricing;
  Small() {
    aci::model::Atelier a;
    a.name = "A";
    a.support = "green_spaces";
    a.staff = {hourly("crew", aci::people::Role::integration, "12"),
               hourly("ETPS", aci::people::Role::supervisor, "20")};
    a.default_productivity = Decimal("0.5");
    a.subsidies.aide_au_poste = false;
    a.subsidies.other_grants_annual = M("1820");
    a.market_hourly_price = M("40");
    a.market_floor_hourly_price = M("38");
    aci.name = "Small";
    aci.ateliers = {a};
    job.name = "j";
    job.atelier = "A";
    job.date = Date{2026, 3, 2};
    job.standard_hours = Decimal(10);
  }
  aci::quote::Quote quote() const { return aci::quote::make_quote(aci, job, table, pricing); }
};

bool warns(const aci::quote::Quote& q, const std::string& code) {
  for (const auto& w : q.warnings)
    if (w.code == code) return true;
  return false;
}
}  // namespace

TEST(Pricing, FairZoneIsTheMarketFlooredAtNetCostAndCappedAtTheCeiling) {
  Small s;
  auto q = s.quote();
  EXPECT_EQ(q.full_cost, M("704.00"));
  EXPECT_EQ(q.subsidies_total, M("20.00"));
  EXPECT_EQ(q.net_cost, M("684.00"));
  EXPECT_EQ(q.bounds.market_price, M("400.00"));
  EXPECT_EQ(q.bounds.overcompensation_ceiling, M("719.20"));
  // The default policy: the market (400) is below the net cost, so the floor (684) applies.
  EXPECT_EQ(q.price.policy, aci::quote::PricePolicy::fair_zone);
  EXPECT_EQ(q.price.ht, M("684.00"));
  EXPECT_TRUE(warns(q, "above_market_price"));
  EXPECT_FALSE(warns(q, "overcompensation"));
  // A market of 100 €/h (1,000 €) is capped at the ceiling.
  s.aci.ateliers[0].market_hourly_price = M("100");
  s.aci.ateliers[0].market_floor_hourly_price = M("90");
  q = s.quote();
  EXPECT_EQ(q.price.ht, M("719.20"));
  EXPECT_FALSE(warns(q, "overcompensation"));
  // A market of 70 €/h (700 €) lies in the zone: the market price.
  s.aci.ateliers[0].market_hourly_price = M("70");
  s.aci.ateliers[0].market_floor_hourly_price = M("60");
  EXPECT_EQ(s.quote().price.ht, M("700.00"));
}

TEST(Pricing, CostPlusOnFullCostOvercompensatesAndSaysByHowMuch) {
  Small s;
  s.pricing.policy = aci::quote::PricePolicy::cost_plus;  // 704 x 1.05 = 739.20
  const auto q = s.quote();
  EXPECT_EQ(q.price.ht, M("739.20"));
  ASSERT_TRUE(warns(q, "overcompensation"));
  for (const auto& w : q.warnings) {
    if (w.code == "overcompensation") {
      EXPECT_NE(w.message.find("by 20,00"), std::string::npos) << w.message;
    }
  }
  // A reasonable profit of 10 % moves the ceiling to 704 x 1.1 - 20 = 754.40: no excess.
  s.pricing.reasonable_profit = Decimal("0.10");
  EXPECT_FALSE(warns(s.quote(), "overcompensation"));
}

TEST(Pricing, AJobOrItsAtelierMayCarryItsOwnPolicy) {
  Small s;
  s.pricing.policy = aci::quote::PricePolicy::cost_plus;
  aci::quote::PricingOptions market;
  market.policy = aci::quote::PricePolicy::market;
  s.aci.ateliers[0].pricing = market;  // the atelier sells at the market...
  EXPECT_EQ(s.quote().price.ht, M("400.00"));
  aci::quote::PricingOptions fair;
  s.job.pricing = fair;  // ...but this job is priced in the fair zone
  EXPECT_EQ(s.quote().price.ht, M("684.00"));
  EXPECT_EQ(s.quote().price.policy, aci::quote::PricePolicy::fair_zone);
}

TEST(Pricing, VatKindsCiteTheirArticleAndHousingWorksNeedTheCertification) {
  Small s;
  s.job.vat_kind = aci::model::VatKind::household_waste_sorting;
  auto q = s.quote();
  EXPECT_EQ(q.price.vat_rate, Decimal("0.055"));
  EXPECT_EQ(q.price.vat_article, "CGI art. 278-0 bis M");
  s.job.vat_kind = aci::model::VatKind::household_waste_other;
  q = s.quote();
  EXPECT_EQ(q.price.vat_rate, Decimal("0.10"));
  EXPECT_EQ(q.price.vat_article, "CGI art. 279 h");
  EXPECT_EQ(q.price.vat, M("68.40"));  // 684 x 10 %
  s.job.vat_kind = aci::model::VatKind::housing_renovation;
  EXPECT_TRUE(warns(s.quote(), "vat_certification_missing"));
  s.job.vat_certification = true;
  EXPECT_FALSE(warns(s.quote(), "vat_certification_missing"));
  s.job.vat_certification = false;
  s.job.date = Date{2025, 2, 15};  // before loi n° 2025-127: a separate form, no mention needed
  EXPECT_FALSE(warns(s.quote(), "vat_certification_missing"));
}

TEST(Pricing, OnlyTheFranchiseHasACeiling) {
  Small s;
  s.aci.ateliers[0].annual_sales = M("90000");  // above the 2025 franchise (80,011 €)
  s.aci.tax_status = aci::model::TaxStatus::non_profit_exempt;
  auto q = s.quote();
  EXPECT_TRUE(q.price.vat_exempt);
  EXPECT_TRUE(warns(q, "tax_franchise_threshold"));
  s.aci.tax_status = aci::model::TaxStatus::non_lucrative;
  q = s.quote();
  EXPECT_TRUE(q.price.vat_exempt);
  EXPECT_EQ(q.price.vat, M("0"));
  EXPECT_FALSE(warns(q, "tax_franchise_threshold"));
}

TEST(Pricing, PriceAnalysisByHand) {
  Small s;
  const auto a = aci::budget::analyse_price(s.aci, s.job, s.table, s.pricing);
  EXPECT_EQ(a.price_ht, M("684.00"));
  EXPECT_EQ(a.floor, M("684.00"));
  EXPECT_EQ(a.marginal_cost, M("0.00"));  // no materials, no added paid hours
  EXPECT_EQ(a.contribution_margin, M("684.00"));
  EXPECT_EQ(a.contribution_per_unit, M("68.40"));  // per standard hour sold
  // The year: charges 24,024 + 40,040 = 64,064; products 1,820 (grants, no sales): -62,244.
  EXPECT_EQ(a.year_result, M("-62244.00"));
  // 62,244 / 68.4 = 910 hours exactly.
  ASSERT_TRUE(a.break_even_units.has_value());
  EXPECT_EQ(*a.break_even_units, Decimal(910));
  EXPECT_EQ(a.break_even_unit_price, M("6224.40"));  // over the job's 10 h: 62,244 / 10
  EXPECT_EQ(a.target_margin_price, M("718.20"));     // 684 x 1.05
  EXPECT_EQ(a.cap_price, M("19219.19"));             // 64,064 x 30 % = 19,219.20, strictly below
  EXPECT_EQ(a.cap_price_derogation, M("32031.99"));  // 64,064 x 50 % - 0.01
  EXPECT_EQ(a.cap_limited_price, M("684.00"));
  EXPECT_EQ(a.fair_zone_price, M("684.00"));
  EXPECT_EQ(a.overcompensation_ceiling, M("719.20"));
  EXPECT_THROW((void)aci::budget::analyse_price(s.aci, s.job, s.table, s.pricing, Decimal(-2)), aci::InvalidInput);
}

TEST(StaffCost, SickLeaveAccruesPaidLeaveSinceLoi2024_364) {
  // 35 h x 52 = 1,820 contract hours; 10 % unpaid sick absence, paid leave 10 % of paid hours:
  // worked-or-leave hours 1,638; leave accrued in sick leave 1,820 x 0.1 x 0.1 x 2/2.5 = 14.56 h;
  // paid hours 1,652.56; production 1,638 x 0.9 = 1,474.2 h; gross 12 x 1,652.56 = 19,830.72.
  auto g = hourly("crew", aci::people::Role::integration, "12");
  g.unpaid_absence = Decimal("0.1");
  g.hours.leave = Decimal("0.1");
  const auto t = aci::rates::RateTable::france();
  aci::rates::RateLookup r(t, Date{2026, 3, 2});
  const auto c = aci::people::annual_staff_cost<Decimal>(g, r);
  EXPECT_EQ(c.accrued_leave_hours, Decimal("14.56"));
  EXPECT_EQ(c.paid_hours, Decimal("1652.56"));
  EXPECT_EQ(c.production_hours, Decimal("1474.2"));
  EXPECT_EQ(c.annual_gross, Decimal("19830.72"));
  // Before the law (in force 2024-04-24), none: 12 x 1,638 = 19,656.
  aci::rates::RateLookup before(t, Date{2024, 1, 15});
  EXPECT_EQ(aci::people::annual_staff_cost<Decimal>(g, before).annual_gross, Decimal(19656));
  // Monthly pay: 2,000 x 12 x (0.9 + 0.008) = 21,792.
  g.pay_basis = aci::people::PayBasis::monthly;
  g.pay = M("2000");
  EXPECT_EQ(aci::people::annual_staff_cost<Decimal>(g, r).annual_gross, Decimal(21792));
  // Health cover: 30 €/month is 360 € a year per head.
  g.health_cover_monthly = M("30");
  EXPECT_EQ(aci::people::annual_staff_cost<Decimal>(g, r).per_head, Decimal(360));
}

TEST(Year, EachMonthWithItsRatesAndTheMonthsAddUpToTheYear) {
  // One employee at the SMIC, flat 10 % contributions. The June 2026 SMIC (12.31 €, tagged check)
  // is used only on request: then January-May at 12.02 and June-December at 12.31.
  Small s;
  s.aci.ateliers[0].staff[0].pay_basis = aci::people::PayBasis::smic;
  s.table.set_use_unconfirmed(true);
  auto y = aci::budget::year_budget(s.aci, {}, s.table, s.pricing, Date{2026, 5, 5});
  EXPECT_EQ(y.year, 2026);
  const auto& a = y.ateliers[0];
  // Salaries: the ETPS 20 x 1,820 = 36,400, the crew (5 x 12.02 + 7 x 12.31) / 12 x 1,820
  // = 146.27 / 12 x 1,820 = 22,184.2833... -> 58,584.28.
  EXPECT_EQ(a.charges[0].key, "salaries");
  EXPECT_EQ(a.charges[0].amount, M("58584.28"));
  ASSERT_EQ(a.months.size(), 12u);
  // January: 36,400 / 12 + 12.02 x 1,820 / 12 = 3,033.3333 + 1,823.0333 = 4,856.3667 -> 4,856.37;
  // June: 3,033.3333 + 1,867.0167 = 4,900.35. The twelve months add up to the year's line.
  EXPECT_EQ(a.months[0].charges[0].amount, M("4856.37"));
  EXPECT_EQ(a.months[5].charges[0].amount, M("4900.35"));
  Money sum;
  for (const auto& m : a.months) sum += m.charges[0].amount;
  EXPECT_EQ(sum, a.charges[0].amount);
  for (std::size_t k = 0; k < a.charges.size(); ++k) {
    Money line;
    for (const auto& m : a.months) line += m.charges[k].amount;
    EXPECT_EQ(line, a.charges[k].amount) << a.charges[k].key;
  }
  Money result;
  for (const auto& m : y.months) result += m.result;
  EXPECT_EQ(result, y.result);
  // By default the unconfirmed SMIC is not used: 12.02 all year, and the year says so.
  s.table.set_use_unconfirmed(false);
  y = aci::budget::year_budget(s.aci, {}, s.table, s.pricing, Date{2026, 5, 5});
  EXPECT_EQ(y.ateliers[0].charges[0].amount, M("58276.40"));  // 36,400 + 12.02 x 1,820
  bool warned = false;
  for (const auto& w : y.ateliers[0].warnings) warned = warned || w.code == "rate_unconfirmed";
  EXPECT_TRUE(warned);
}

TEST(Year, TheStatutoryAuditorOnceGrantsPass153000) {
  Small s;
  // Two ateliers with 120,000 and 40,000 € of public grants: 160,000 > 153,000 (L612-4, D612-5),
  // the 5,000 € fee [assumption] splits 3,750 / 1,250.
  s.aci.ateliers[0].subsidies.other_grants_annual = M("120000");
  auto b = s.aci.ateliers[0];
  b.name = "B";
  b.subsidies.other_grants_annual = M("40000");
  s.aci.ateliers.push_back(b);
  const auto y = aci::budget::year_budget(s.aci, {}, s.table, s.pricing, Date{2026, 1, 1});
  EXPECT_TRUE(y.audit_required);
  EXPECT_EQ(y.public_grants, Decimal(160000));
  EXPECT_EQ(y.ateliers[0].charges[5].key, "statutory_auditor");
  EXPECT_EQ(y.ateliers[0].charges[5].amount, M("3750.00"));
  EXPECT_EQ(y.ateliers[1].charges[5].amount, M("1250.00"));
  // The quote loads it per work hour with the overheads: 3,750 x 20 / 1,820 = 41.208... -> 41.21.
  EXPECT_EQ(s.quote().line(aci::quote::CostLine::overheads), M("41.21"));
  // OPCO funding is not a public authority's: 150,000 + 10,000 of OPCO stays under the threshold.
  s.aci.ateliers.pop_back();
  s.aci.ateliers[0].subsidies.other_grants_annual = M("150000");
  s.aci.ateliers[0].subsidies.opco_annual = M("10000");
  EXPECT_FALSE(aci::budget::year_budget(s.aci, {}, s.table, s.pricing, Date{2026, 1, 1}).audit_required);
}

TEST(Quote, OneItemOneFigure) {
  // The extra cost's training and accompaniment are the cost lines' shown amounts, and the
  // extra lines add up to their rounded total.
  Small s;
  s.aci.ateliers[0].staff[0].hours.training = Decimal("0.05");
  auto asp = hourly("ASP", aci::people::Role::socio_professional, "19.99");
  s.aci.ateliers[0].staff.push_back(asp);
  s.job.standard_hours = Decimal("13.37");
  const auto q = s.quote();
  EXPECT_EQ(q.extra_lines[2].amount, q.line(aci::quote::CostLine::training));
  EXPECT_EQ(q.extra_lines[3].amount, q.line(aci::quote::CostLine::accompaniment));
  Money sum;
  for (const auto& l : q.extra_lines) sum += l.amount;
  EXPECT_EQ(sum, q.extra_bottom_up);
}
