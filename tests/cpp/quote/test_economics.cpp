// The economics a finance controller checks (issue "money a director can sign"): who funds the
// aid, which hours count, which absence is paid, the occupancy of posts, VAT by status and kind
// of work, and the controller's warnings. Expected figures are derived by hand in the comments
// (exact fractions) or in docs/worked_example.py.
#include <gtest/gtest.h>

#include "../close.hpp"

#include <algorithm>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/quote.hpp"
#include "../money_literal.hpp"

using aci::Decimal;
using aci::Money;
using aci::quote::CostLine;

using aci::testing::close;

namespace {
using aci::test::M;
aci::quote::Quote park(const aci::io::Scenario& s) {
  return aci::quote::make_quote(s.aci, s.job("park_maintenance"), s.rate_table(), s.pricing);
}
aci::quote::AtelierRates<Decimal> year_rates(const aci::io::Scenario& s, aci::Date d = {2026, 4, 15}) {
  const auto t = s.rate_table();
  aci::rates::RateLookup r(t, d);
  return aci::quote::atelier_rates<Decimal>(s.aci.ateliers[0], s.aci.large_employer, r);
}
bool has(const aci::quote::Quote& q, const std::string& code) {
  return std::any_of(q.warnings.begin(), q.warnings.end(), [&](const auto& w) { return w.code == code; });
}
template <class F>
void expect_invalid(F&& f, const std::string& field, const std::string& value) {
  try {
    f();
    ADD_FAILURE() << "no error for " << field;
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), field) << e.what();
    EXPECT_EQ(e.value(), value) << e.what();
  }
}
}  // namespace

TEST(Funding, DepartementCoFundingIsAShareOfTheAidNotExtraIncome) {
  auto s = aci::io::default_scenario();
  const auto with_rsa = year_rates(s);
  s.aci.ateliers[0].subsidies.rsa_fte = Decimal(0);
  const auto without = year_rates(s);
  // The total aid does not move with the number of RSA posts (it did: +34,136.256 €/year).
  EXPECT_EQ(with_rsa.aid_total, without.aid_total);
  EXPECT_EQ(with_rsa.subsidies_total(), without.subsidies_total());
  // docs/worked_example.py: 23,921 x 1.05 x HP / 1,820 with HP = 14,237.092147 (the leave sick
  // leave accrues is paid and earns aid) = 196,480.085338; département 5 x 0.88 x 646.52 x 12 =
  // 34,136.256; State 162,343.829338.
  EXPECT_TRUE(close(with_rsa.aid_total, Decimal("196480.085338368")));
  EXPECT_TRUE(close(with_rsa.funding[1], Decimal("34136.256")));
  EXPECT_TRUE(close(with_rsa.funding[0], Decimal("162343.829338368")));
  EXPECT_EQ(without.funding[1], Decimal(0));
  EXPECT_TRUE(close(without.funding[0], Decimal("196480.085338368")));
  // In the quote: the two aid lines add up to the same total either way.
  EXPECT_EQ(park(aci::io::default_scenario()).subsidies_total, park(s).subsidies_total);
}

TEST(Funding, RsaPostsBeyondTheFilledPostsOrWithoutAidAreErrors) {
  auto s = aci::io::default_scenario();
  // Filled FTEs: 14,179.776 / 1,820 = 7.791...; 8 RSA FTEs cannot be.
  s.aci.ateliers[0].subsidies.rsa_fte = Decimal(8);
  expect_invalid([&] { (void)park(s); }, "aci.ateliers[0].subsidies.rsa_fte", "8");
  s.aci.ateliers[0].subsidies.rsa_fte = Decimal(3);
  s.aci.ateliers[0].subsidies.aide_au_poste = false;
  expect_invalid([&] { (void)park(s); }, "aci.ateliers[0].subsidies.rsa_fte", "3");
}

TEST(Funding, AidFollowsFilledPostsAndPaidHoursOnly) {
  auto s = aci::io::default_scenario();
  const auto base = year_rates(s);
  // Full occupancy: 12 / 11.04 times the aid; the labour rate per work hour does not change.
  s.aci.ateliers[0].occupancy = Decimal(1);
  const auto full = year_rates(s);
  EXPECT_TRUE(close(full.aid_total * Decimal("11.04"), base.aid_total * 12));
  EXPECT_TRUE(close(full.labour_rate(), base.labour_rate()));
  // No unpaid absence: paid hours 1352 instead of 1284.4 per post, and the aid with them.
  s.aci.ateliers[0].staff[0].unpaid_absence = Decimal(0);
  const auto paid = year_rates(s);
  EXPECT_EQ(paid.integration_paid_hours, Decimal(12 * 1352));
  EXPECT_TRUE(close(paid.aid_total, Decimal(23921) * Decimal("1.05") * 12 * 1352 / 1820));
  s.aci.ateliers[0].occupancy = Decimal(0);
  expect_invalid([&] { (void)park(s); }, "aci.ateliers[0].occupancy", "0");
}

TEST(Hours, TravelIsWorkTimeInTheShareOfTheYearAndEveryHourBasedLine) {
  auto s = aci::io::default_scenario();
  const auto q = park(s);
  s.jobs[0].travel.hours_per_trip = Decimal(0);
  const auto still = park(s);
  // Without travel time W = 120 h; with it W = 142.5 h (crew of 6 x 5 x 0.75 h): subsidies,
  // training, accompaniment and overheads scale by 142.5 / 120, labour on site does not move.
  EXPECT_EQ(still.insertion.insertion_hours, Decimal(120));
  EXPECT_EQ(q.insertion.insertion_hours, Decimal("142.5"));
  EXPECT_EQ(still.line(CostLine::integration_labour), q.line(CostLine::integration_labour));
  const auto f = aci::quote::compute_figures<Decimal>(aci::io::default_scenario().aci,
                                                      aci::io::default_scenario().jobs[0], s.rate_table(), s.pricing);
  const auto g = aci::quote::compute_figures<Decimal>(s.aci, s.jobs[0], s.rate_table(), s.pricing);
  EXPECT_TRUE(close(f.subsidies_total * 120, g.subsidies_total * Decimal("142.5")));
  EXPECT_TRUE(close(f.line(CostLine::overheads) * 120, g.line(CostLine::overheads) * Decimal("142.5")));
  EXPECT_TRUE(close(f.line(CostLine::accompaniment) * 120, g.line(CostLine::accompaniment) * Decimal("142.5")));
  EXPECT_TRUE(close(f.line(CostLine::training) * 120, g.line(CostLine::training) * Decimal("142.5")));
}

TEST(Warnings, CddiUnderTwentyHoursNeedsADerogation) {
  auto s = aci::io::default_scenario();
  s.aci.ateliers[0].staff[0].weekly_hours = Decimal(18);
  s.aci.ateliers[0].subsidies.rsa_fte = Decimal(2);  // 18 h posts hold fewer FTEs
  EXPECT_TRUE(has(park(s), "cddi_weekly_hours"));
  s.aci.ateliers[0].staff[0].hours_derogation = true;
  EXPECT_FALSE(has(park(s), "cddi_weekly_hours"));
  s.aci.ateliers[0].staff[0].weekly_hours = Decimal(20);
  s.aci.ateliers[0].staff[0].hours_derogation = false;
  EXPECT_FALSE(has(park(s), "cddi_weekly_hours"));
}

TEST(Warnings, SupervisionCapacityFollowsTheJobsRatio) {
  auto s = aci::io::default_scenario();
  // The default's 1.4 ETPS work 1.4 x 1,820 x 0.81 = 2,063.88 h (docs/worked_example.py). 1 ETPS
  // for 6 (the default job): 10,918.42752 / 6 = 1,819.7 h, within capacity; for 5: 2,183.7 h, and
  // for 4: 2,729.6 h, beyond it.
  EXPECT_FALSE(has(park(s), "supervision_capacity"));
  s.jobs[0].crew_size = Decimal(5);
  EXPECT_TRUE(has(park(s), "supervision_capacity"));
  s.jobs[0].crew_size = Decimal(4);
  EXPECT_TRUE(has(park(s), "supervision_capacity"));
}

TEST(Vat, RateByKindOfWork) {
  auto s = aci::io::default_scenario();
  const auto ht = park(s).price.ht;  // 956.54 (docs/worked_example.py)
  s.jobs[0].vat_kind = aci::model::VatKind::housing_renovation;
  EXPECT_EQ(park(s).price.vat_rate, Decimal("0.10"));
  EXPECT_EQ(park(s).price.vat, M("95.65"));  // 956.54 x 0.10 = 95.654
  s.jobs[0].vat_kind = aci::model::VatKind::food;
  EXPECT_EQ(park(s).price.vat, M("52.61"));  // 956.54 x 0.055 = 52.6097
  EXPECT_EQ(park(s).price.ht, ht);
  s.jobs[0].vat_rate = Decimal("0.2");        // an explicit rate wins over the kind
  EXPECT_EQ(park(s).price.vat, M("191.31"));  // 956.54 x 0.2 = 191.308
}

TEST(Vat, ExemptAssociationInvoicesWithoutVatAndTheLegalWording) {
  auto s = aci::io::default_scenario();
  s.aci.tax_status = aci::model::TaxStatus::non_profit_exempt;
  auto q = park(s);
  EXPECT_TRUE(q.price.vat_exempt);
  EXPECT_EQ(q.price.vat, Money());
  EXPECT_EQ(q.price.ttc, q.price.ht);
  EXPECT_EQ(q.price.vat_mention, "Exonération de TVA, article 261-7-1° b du CGI");
  // 72,000 + 956.54 (docs/worked_example.py) < 80,011 (2025 threshold, the latest known): no
  // threshold warning.
  EXPECT_FALSE(has(q, "tax_franchise_threshold"));
  s.aci.ateliers[0].annual_sales = M("79500");  // 80,456.54 > 80,011
  q = park(s);
  EXPECT_TRUE(has(q, "tax_franchise_threshold"));
  EXPECT_TRUE(has(q, "rate_latest_known"));  // the 2026 threshold is not in the table
  s.jobs[0].vat_rate = Decimal("0.2");
  expect_invalid([&] { (void)park(s); }, "job[park_maintenance].vat_rate", "0.2");
}

TEST(BadInput, NewFieldsAreNamed) {
  const auto base = aci::io::default_scenario();
  const auto check = [&](auto mutate, const std::string& field, const std::string& value) {
    auto s = base;
    mutate(s.aci.ateliers[0]);
    expect_invalid([&] { s.aci.validate(); }, field, value);
  };
  using aci::model::Atelier;
  check([](Atelier& a) { a.occupancy = Decimal("1.2"); }, "aci.ateliers[0].occupancy", "1.2");
  check([](Atelier& a) { a.annual_vehicle_km = Decimal(-1); }, "aci.ateliers[0].annual_vehicle_km", "-1");
  check([](Atelier& a) { a.ordinary_supervision_ratio = Decimal(2); }, "aci.ateliers[0].ordinary_supervision_ratio",
        "2");
  check([](Atelier& a) { a.equipment[1].annual_hours = Decimal(-3); }, "aci.ateliers[0].equipment[1].annual_hours",
        "-3");
  check([](Atelier& a) { a.subsidies.region_annual = M("-5"); }, "aci.ateliers[0].subsidies.region_annual", "-5.00");
  check([](Atelier& a) { a.staff[0].unpaid_absence = Decimal("-0.1"); }, "aci.ateliers[0].staff[0].unpaid_absence",
        "-0.1");
}

TEST(Scalars, DoubleEngineAgreesOnTheNewFigures) {
  const auto s = aci::io::default_scenario();
  const auto d = park(s);
  const auto q = aci::quote::make_quote<double>(s.aci, s.job("park_maintenance"), s.rate_table(), s.pricing);
  EXPECT_EQ(q.subsidies, d.subsidies);
  EXPECT_EQ(q.extra_lines, d.extra_lines);
  EXPECT_EQ(q.marginal_cost, d.marginal_cost);
  EXPECT_EQ(q.insertion, d.insertion);
  EXPECT_EQ(q.warnings, d.warnings);
}

TEST(Economics, AQuoteBeyondTheRateTableIsWarnedNotSilentlyCarried) {
  // Issue 19: a quote dated 2099 used the 2026 figures without a word about the table itself.
  auto s = aci::io::default_scenario();
  auto job = s.job("park_maintenance");
  const auto codes = [&](const aci::rates::RateTable& t) {
    std::vector<std::string> out;
    for (const auto& w : aci::quote::make_quote<aci::Decimal>(s.aci, job, t, s.pricing).warnings) out.push_back(w.code);
    return out;
  };
  const auto has = [](const std::vector<std::string>& v, const char* c) {
    return std::find(v.begin(), v.end(), c) != v.end();
  };
  EXPECT_FALSE(has(codes(s.rate_table()), "beyond_rate_table"));  // 2026-04-15
  job.date = aci::Date{2026, 12, 31};                             // the table's last day
  EXPECT_FALSE(has(codes(s.rate_table()), "beyond_rate_table"));
  job.date = aci::Date{2099, 6, 1};
  EXPECT_TRUE(has(codes(s.rate_table()), "beyond_rate_table"));
  s.rates_known_until = aci::Date{2099, 12, 31};  // a scenario that brings its own figures says so
  EXPECT_FALSE(has(codes(s.rate_table()), "beyond_rate_table"));
  // The horizon survives the scenario document.
  EXPECT_EQ(aci::io::read_scenario(aci::io::scenario_to_json(s).dump()).rate_table().known_until(),
            (aci::Date{2099, 12, 31}));
}
