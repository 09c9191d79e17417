// The quote engine against the worked example of docs/worked_example.md, whose figures were
// derived independently in exact fractions by docs/worked_example.py (it does not use the
// library). Every expected amount below is copied from that derivation's output.
#include <gtest/gtest.h>

#include <random>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/quote.hpp"
#include "aci_cost/quote/social_clause.hpp"

using aci::Decimal;
using aci::Money;
using aci::quote::CostLine;

namespace {
Money M(const char* s) { return Money::parse(s); }
aci::quote::Quote park_quote(const aci::io::Scenario& s) {
  return aci::quote::make_quote(s.aci, s.job("park_maintenance"), s.rate_table(), s.pricing);
}
}  // namespace

TEST(WorkedExample, CostLinesToTheCent) {
  const auto s = aci::io::default_scenario();
  const auto q = park_quote(s);
  EXPECT_EQ(q.standard_hours, Decimal(72));
  EXPECT_EQ(q.line(CostLine::integration_labour), M("2082.51"));  // 120 h x 17.354296 €/h
  EXPECT_EQ(q.line(CostLine::training), M("109.61"));             // 120 h x 0.913384 €/h
  EXPECT_EQ(q.line(CostLine::supervision), M("740.01"));          // 30 h x 54,546 / 2,211.3 €/h
  EXPECT_EQ(q.line(CostLine::accompaniment), M("191.38"));        // 120 h x 18,630 / 11,681.28
  EXPECT_EQ(q.line(CostLine::materials), M("180.00"));
  EXPECT_EQ(q.line(CostLine::equipment), M("220.20"));            // 18 h x 8.50 + 24 h x 2.80
  EXPECT_EQ(q.line(CostLine::travel), M("420.52"));
  EXPECT_EQ(q.line(CostLine::overheads), M("598.13"));
  EXPECT_EQ(q.full_cost, M("4542.36"));                           // exact 4542.355353...
  Money sum;
  for (const auto& l : q.cost_lines) sum += l.amount;
  EXPECT_EQ(sum, q.full_cost);
}

TEST(WorkedExample, ProductionSubsidiesPriceAndBounds) {
  const auto s = aci::io::default_scenario();
  const auto q = park_quote(s);
  EXPECT_EQ(q.production_cost, M("2758.20"));       // 72 x 32 + 180 + 220.20 + 54 (vehicle)
  EXPECT_EQ(q.insertion_extra_cost, M("1784.16"));  // 4542.36 - 2758.20
  // Subsidies: exact 2300.096154 + 210.405917 + 205.456936 = 2715.959007 -> 2715.96. Rounding
  // each line would give 2300.10 + 210.41 + 205.46 = 2715.97 (a cent too many); the largest
  // remainders (0.69, 0.62 of a cent) get the two cents left after the floors: 210.40.
  ASSERT_EQ(q.subsidies.size(), 3u);
  EXPECT_EQ(q.subsidies[0].amount, M("2300.10"));
  EXPECT_EQ(q.subsidies[1].amount, M("210.40"));
  EXPECT_EQ(q.subsidies[2].amount, M("205.46"));
  EXPECT_EQ(q.subsidies_total, M("2715.96"));
  EXPECT_EQ(q.net_cost, M("1826.40"));
  EXPECT_EQ(q.price.ht, M("4769.47"));  // 4542.355353 x 1.05 = 4769.473120
  EXPECT_EQ(q.price.vat, M("953.89"));
  EXPECT_EQ(q.price.ttc, M("5723.36"));
  EXPECT_EQ(q.bounds.market_floor, M("2916.00"));  // 72 x 38 + 180
  EXPECT_EQ(q.bounds.market_price, M("3060.00"));  // 72 x 40 + 180
  EXPECT_EQ(q.sales_cap.annual_charges, M("359789.89"));
  EXPECT_EQ(q.sales_cap.cap, M("107936.97"));
  EXPECT_EQ(q.sales_cap.headroom, M("47936.97"));
  EXPECT_EQ(q.insertion.insertion_hours, Decimal(120));
  EXPECT_EQ(q.insertion.paid_insertion_hours, Decimal("166.67"));
  EXPECT_EQ(q.insertion.training_hours, Decimal("8.33"));
  EXPECT_EQ(q.insertion.supervision_hours, Decimal(30));
  EXPECT_EQ(q.insertion.price_production_part, M("2758.20"));
  EXPECT_EQ(q.insertion.price_integration_part, M("2011.27"));
  EXPECT_TRUE(q.warnings.empty());
}

TEST(Pricing, DeboursSecTimesK) {
  // K = (1 + 0.10) / (1 - 0.12 - 0.05) = 1.325301... -> 1.325 (3 decimals).
  aci::quote::PricingOptions p;
  p.policy = aci::quote::PricePolicy::ds_coefficient;
  p.site_costs = Decimal("0.10");
  p.overheads = Decimal("0.12");
  p.profit = Decimal("0.05");
  EXPECT_EQ(p.coefficient_k(), Decimal("1.325"));
  // Published course example: DS 11.28 €/m2 x K 1.323 = 14.92344 -> 14.92 €/m2.
  EXPECT_EQ((M("11.28") * Decimal("1.323")).rounded(), M("14.92"));
  auto s = aci::io::default_scenario();
  s.pricing = p;
  const auto q = park_quote(s);
  // DS = labour 2082.515542 + training 109.606081 + supervision 740.008140 + materials 180 +
  // equipment 220.20 = 3332.329763; x 1.325 = 4415.336936 -> 4415.34.
  EXPECT_EQ(q.price.coefficient_k, Decimal("1.325"));
  EXPECT_EQ(q.price.ht, M("4415.34"));
}

TEST(Pricing, MarketPolicyWarnsBelowNetCostButNotBelowTheFloor) {
  auto s = aci::io::default_scenario();
  s.pricing.policy = aci::quote::PricePolicy::market;
  const auto q = park_quote(s);
  EXPECT_EQ(q.price.ht, M("3060.00"));
  ASSERT_EQ(q.warnings.size(), 1u);  // 3060 >= floor 2916 and >= net 1826.40, but < full 4542.36
  EXPECT_EQ(q.warnings[0].code, "below_full_cost");
}

TEST(Pricing, UndercuttingTheMarketIsFlagged) {
  auto s = aci::io::default_scenario();
  s.pricing.margin = Decimal("-0.6");  // 4542.355353 x 0.4 = 1816.94, under floor and net cost
  const auto q = park_quote(s);
  ASSERT_EQ(q.warnings.size(), 2u);
  EXPECT_EQ(q.warnings[0].code, "below_market_floor");
  EXPECT_EQ(q.warnings[1].code, "below_net_cost");
}

TEST(SalesCap, WarnsWhenTheJobBreaksTheCap) {
  auto s = aci::io::default_scenario();
  s.aci.ateliers[0].annual_sales = M("105000");  // headroom 2936.97 < price 4769.47
  const auto q = park_quote(s);
  EXPECT_EQ(q.sales_cap.headroom, M("2936.97"));
  ASSERT_FALSE(q.warnings.empty());
  EXPECT_EQ(q.warnings.back().code, "sales_cap");
}

TEST(SocialClause, DomainExample) {
  // DOMAIN.md: 1 M€ x 50 % x 5 % / 30 €/h = 833.33 h.
  const auto c = aci::quote::check_social_clause(M("1000000"), Decimal("0.5"), Decimal("0.05"), M("30"), Decimal(120));
  EXPECT_EQ(c.required_hours, Decimal("833.33"));
  EXPECT_FALSE(c.covered);
  EXPECT_TRUE(aci::quote::check_social_clause(M("1000000"), Decimal("0.5"), Decimal("0.05"), M("30"), Decimal(900)).covered);
  EXPECT_THROW((void)aci::quote::social_clause_hours(M("1000"), Decimal("1.5"), Decimal("0.05"), M("30")), aci::InvalidInput);
}

TEST(PastQuote, UsesTheRatesInForceAtItsDateAndRecordsThem) {
  auto s = aci::io::default_scenario();
  auto& crew = s.aci.ateliers[0].staff[0];
  // The 2026 reduction formula is not in force in 2024: without a rate the quote must refuse.
  auto job = s.job("park_maintenance");
  job.date = aci::Date{2024, 6, 1};
  EXPECT_THROW((void)aci::quote::make_quote(s.aci, job, s.rate_table(), s.pricing), aci::NoRateInForce);
  crew.contribution_mode = aci::people::ContributionMode::rate;
  crew.employer_rate = Decimal("0.08");
  const auto q = aci::quote::make_quote(s.aci, job, s.rate_table(), s.pricing);
  bool smic = false, aid = false;
  for (const auto& e : q.rates_used) {
    if (e.rate == aci::rates::Rate::smic_hourly) smic = e.value == Decimal("11.65") && !e.source.empty();
    if (e.rate == aci::rates::Rate::aide_au_poste_socle) aid = e.value == Decimal(23196);
  }
  EXPECT_TRUE(smic);
  EXPECT_TRUE(aid);
  // Crew: 11.65 x 1352 x 1.08 + 350 = 17,360.864 €/person; integration labour 120 h x
  // 12 x 17,360.864 x 0.95 / 11,681.28 = 2033.1387 -> 2033.14.
  EXPECT_EQ(q.line(CostLine::integration_labour), M("2033.14"));
  // Re-running the same dated quote reproduces it exactly, and so does its JSON round trip.
  EXPECT_EQ(aci::quote::make_quote(s.aci, job, s.rate_table(), s.pricing), q);
  EXPECT_EQ(aci::io::quote_from_json(aci::io::to_json(q)), q);
}

TEST(BadInput, JobFieldsAreNamed) {
  const auto s = aci::io::default_scenario();
  const auto t = s.rate_table();
  const auto expect_error = [&](auto mutate, const std::string& field, const std::string& value) {
    auto job = s.job("park_maintenance");
    mutate(job);
    try {
      (void)aci::quote::make_quote(s.aci, job, t, s.pricing);
      ADD_FAILURE() << "no error for " << field;
    } catch (const aci::InvalidInput& e) {
      EXPECT_EQ(e.field(), field);
      EXPECT_EQ(e.value(), value);
      EXPECT_NE(std::string(e.what()).find(field), std::string::npos);
    }
  };
  using aci::model::Job;
  expect_error([](Job& j) { j.productivity = Decimal("1.5"); }, "job[park_maintenance].productivity", "1.5");
  expect_error([](Job& j) { j.productivity = Decimal(0); }, "job[park_maintenance].productivity", "0");
  expect_error([](Job& j) { j.crew_size = Decimal(0); }, "job[park_maintenance].crew_size", "0");
  expect_error([](Job& j) { j.standard_hours = Decimal(-5); }, "job[park_maintenance].standard_hours", "-5");
  expect_error([](Job& j) { j.atelier = "boat_building"; }, "job[park_maintenance].atelier", "\"boat_building\"");
  expect_error([](Job& j) { j.equipment[0].name = "tractor"; }, "job[park_maintenance].equipment[0].name", "\"tractor\"");
  expect_error([](Job& j) { j.date = aci::Date{2021, 1, 1}; }, "rates.smic_hourly", "2021-01-01");
  EXPECT_THROW((void)aci::decimal_from_double(std::nan(""), "job.standard_hours"), aci::InvalidInput);
}

// The double engine (for sweeps) and the decimal engine (for shown money) agree to the cent,
// except where the exact figure lies within 1e-6 cent of a rounding tie (where binary noise may
// fall on either side); such ties are counted and must be rare.
TEST(Scalars, DoubleAndDecimalAgreeToTheCentOnRandomScenarios) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const auto dec = [](double x, int places) {
    return aci::round_decimal(Decimal(x), places, aci::Rounding::half_even);  // a short exact input
  };
  int compared = 0, near_ties = 0;
  for (int trial = 0; trial < 150; ++trial) {
    auto s = aci::io::default_scenario();
    auto& at = s.aci.ateliers[0];
    at.staff[0].headcount = Decimal(1 + static_cast<int>(u(rng) * 20));
    at.staff[0].weekly_hours = dec(20 + u(rng) * 15, 1);
    at.staff[1].pay = Money(dec(2000 + u(rng) * 1000, 2));
    at.annual_overheads = Money(dec(u(rng) * 80000, 2));
    auto job = s.job(trial % 2 ? "park_maintenance" : "brush_clearing");
    job.standard_hours = dec(1 + u(rng) * 400, 2);
    job.productivity = dec(0.3 + u(rng) * 0.7, 3);
    job.crew_size = Decimal(1 + static_cast<int>(u(rng) * 8));
    s.pricing.margin = dec(u(rng) * 0.3, 3);
    s.pricing.policy = static_cast<aci::quote::PricePolicy>(trial % 3);
    const auto t = s.rate_table();
    const auto fd = aci::quote::compute_figures<Decimal>(s.aci, job, t, s.pricing);
    const auto qd = aci::quote::round_quote(fd, job, at.name, s.pricing);
    const auto qf = aci::quote::make_quote<double>(s.aci, job, t, s.pricing);
    const auto near_tie = [](const Decimal& x) {
      const Decimal c = boost::multiprecision::abs(x) * 100;
      const Decimal frac = c - boost::multiprecision::floor(c);
      return boost::multiprecision::abs(frac - Decimal("0.5")) < Decimal("1e-6");
    };
    const auto check = [&](const Money& a, const Money& b, const Decimal& exact) {
      ++compared;
      if (a == b) return;
      ++near_ties;
      EXPECT_TRUE(near_tie(exact)) << "trial " << trial << ": " << a.to_string() << " vs " << b.to_string();
    };
    for (std::size_t i = 0; i < qd.cost_lines.size(); ++i) check(qd.cost_lines[i].amount, qf.cost_lines[i].amount, fd.lines[i]);
    check(qd.full_cost, qf.full_cost, fd.full_cost);
    check(qd.net_cost, qf.net_cost, fd.net_cost);
    check(qd.price.ht, qf.price.ht, fd.price_ht);
    check(qd.production_cost, qf.production_cost, fd.production_cost);
  }
  EXPECT_GT(compared, 1500);
  EXPECT_LE(near_ties, 2);
}
