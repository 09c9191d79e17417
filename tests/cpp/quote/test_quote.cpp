// The quote engine against the worked example of docs/worked_example.md, whose figures were
// derived independently in exact fractions by docs/worked_example.py (it does not use the
// library). Every expected amount below is copied from that derivation's output.
#include <gtest/gtest.h>

#include <algorithm>
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
  // Rates per integration work hour over HQ = 11.04 posts x 1284.4 paid h x 0.77 = 10,918.42752 h.
  EXPECT_EQ(q.line(CostLine::integration_labour), M("1947.88"));  // 120 h on site x 16.232340 €/h
  // Training on W = 120 h on site + 15 h of crew travel = 135 h x 0.854334 = 115.335048: the
  // largest-remainder rule shows 115.33 (plain rounding would give 115.34 and a cent too many).
  EXPECT_EQ(q.line(CostLine::training), M("115.33"));
  EXPECT_EQ(q.line(CostLine::supervision), M("664.71"));          // 30 h x 48,995.556 / 2,211.3 €/h
  EXPECT_EQ(q.line(CostLine::accompaniment), M("210.39"));        // 135 h x 17,015.40 / HQ
  EXPECT_EQ(q.line(CostLine::materials), M("180.00"));
  EXPECT_EQ(q.line(CostLine::equipment), M("220.20"));            // 18 h x 8.50 + 24 h x 2.80
  // 5 x 24 km x 0.45 + 15 h x 16.232340 (crew) + 3.75 h x 22.156901 (ETPS) = 380.573481
  EXPECT_EQ(q.line(CostLine::travel), M("380.57"));
  EXPECT_EQ(q.line(CostLine::overheads), M("701.61"));            // 135 h x (26,744.256 + 30,000) / HQ
  EXPECT_EQ(q.full_cost, M("4420.69"));                           // exact 4420.691582...
  Money sum;
  for (const auto& l : q.cost_lines) sum += l.amount;
  EXPECT_EQ(sum, q.full_cost);
}

TEST(WorkedExample, ProductionSubsidiesPriceAndBounds) {
  const auto s = aci::io::default_scenario();
  const auto q = park_quote(s);
  EXPECT_EQ(q.production_cost, M("2758.20"));       // 72 x 32 + 180 + 220.20 + 54 (vehicle)
  EXPECT_EQ(q.insertion_extra_cost, M("1662.49"));  // 4420.69 - 2758.20
  // The aid is one amount, 23,921 x 1.05 x 14,179.776 / 1,820 = 195,689.08944 €/year, of which
  // the département pays 3 x 0.88 x 646.52 x 12 = 20,481.7536 in place of the State; the job's
  // share is W / HQ = 135 / 10,918.42752.
  ASSERT_EQ(q.subsidies.size(), 7u);
  const char* keys[] = {"aid_state", "aid_departement", "departement_grants", "region", "fse_plus", "opco",
                        "other_grants"};
  const char* amounts[] = {"2166.34", "253.24", "61.82", "74.19", "0.00", "49.46", "61.82"};
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(q.subsidies[i].key, keys[i]);
    EXPECT_EQ(q.subsidies[i].amount, M(amounts[i])) << keys[i];
  }
  EXPECT_EQ(q.subsidies_total, M("2666.87"));  // exact 2666.870025
  EXPECT_EQ(q.net_cost, M("1753.82"));
  EXPECT_EQ(q.price.ht, M("4641.73"));  // 4420.691582 x 1.05 = 4641.726161
  EXPECT_EQ(q.price.vat, M("928.35"));
  EXPECT_EQ(q.price.ttc, M("5570.08"));
  EXPECT_FALSE(q.price.vat_exempt);
  EXPECT_EQ(q.bounds.market_floor, M("2916.00"));  // 72 x 38 + 180
  EXPECT_EQ(q.bounds.market_price, M("3060.00"));  // 72 x 40 + 180
  // Charges include equipment (6,370) and vehicles (9,000) of the year.
  EXPECT_EQ(q.sales_cap.annual_charges, M("339684.82"));
  EXPECT_EQ(q.sales_cap.cap, M("101905.45"));
  EXPECT_EQ(q.sales_cap.headroom, M("41905.45"));
  EXPECT_EQ(q.insertion.insertion_hours, Decimal(135));
  EXPECT_EQ(q.insertion.on_site_hours, Decimal(120));
  EXPECT_EQ(q.insertion.travel_hours, Decimal(15));
  EXPECT_EQ(q.insertion.paid_insertion_hours, Decimal("175.32"));  // 135 / 0.77 = 13500/77
  EXPECT_EQ(q.insertion.training_hours, Decimal("8.77"));          // 135 x 0.05 / 0.77 = 675/77
  EXPECT_EQ(q.insertion.supervision_hours, Decimal(30));
  EXPECT_EQ(q.insertion.price_production_part, M("2758.20"));
  EXPECT_EQ(q.insertion.price_integration_part, M("1883.53"));
}

TEST(WorkedExample, BottomUpExtraCostAndMarginalCost) {
  const auto s = aci::io::default_scenario();
  const auto q = park_quote(s);
  // Productivity gap (120 - 72) x 16.232340 = 779.152322; extra supervision (30 - 72 x 0.10) x
  // 22.156901 = 505.177351; training 115.335048; accompaniment 210.385515: 1610.050237.
  ASSERT_EQ(q.extra_lines.size(), 4u);
  EXPECT_EQ(q.extra_lines[0].key, "productivity_gap");
  EXPECT_EQ(q.extra_lines[0].amount, M("779.15"));
  EXPECT_EQ(q.extra_lines[1].amount, M("505.18"));
  EXPECT_EQ(q.extra_lines[2].amount, M("115.33"));
  EXPECT_EQ(q.extra_lines[3].amount, M("210.39"));
  EXPECT_EQ(q.extra_bottom_up, M("1610.05"));
  // Marginal: materials 180 + equipment 220.20 + vehicle 54; no labour (no hours added).
  EXPECT_EQ(q.marginal_cost, M("454.20"));
  auto s2 = s;
  s2.jobs[0].adds_paid_hours = true;
  // + labour 1947.880806 + training 115.335048 + supervision 664.707041 + travel time
  // 15 x 16.232340 + 3.75 x 22.156901 = 326.573481: 3508.696376 -> 3508.70.
  EXPECT_EQ(park_quote(s2).marginal_cost, M("3508.70"));
}

TEST(WorkedExample, ControllerWarnings) {
  const auto s = aci::io::default_scenario();
  const auto q = park_quote(s);
  std::vector<std::string> codes;
  for (const auto& w : q.warnings) codes.push_back(w.code);
  // 4641.73 > market 3060; 1 ETPS for 4 over HQ needs 10,918.43 / 4 = 2,729.61 h > 2,211.3 h;
  // the socle (2024-11) and the RSA (2025-04) are past their expected revision; 88 % is
  // reported, not confirmed on the codified text.
  // (Rate notes come in the order the engine read the figures.)
  const std::vector<std::string> expected = {"above_market_price", "supervision_capacity", "rate_latest_known",
                                             "rate_to_check", "rate_latest_known"};
  EXPECT_EQ(codes, expected);
  EXPECT_NE(q.warnings[1].message.find("2729.61"), std::string::npos) << q.warnings[1].message;
  EXPECT_NE(q.warnings[2].message.find("dated 2024-11-01"), std::string::npos) << q.warnings[2].message;
  EXPECT_NE(q.warnings[4].message.find("646.52"), std::string::npos) << q.warnings[4].message;
}

namespace {
std::vector<std::string> codes_of(const aci::quote::Quote& q) {
  std::vector<std::string> out;
  for (const auto& w : q.warnings)
    if (w.code.rfind("rate_", 0) != 0) out.push_back(w.code);  // leave the rate-table notes aside
  return out;
}
}  // namespace

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
  // DS = labour 1947.880806 + training 115.335048 + supervision 664.707041 + materials 180 +
  // equipment 220.20 = 3128.122895; x 1.325 = 4144.762836 -> 4144.76.
  EXPECT_EQ(q.price.coefficient_k, Decimal("1.325"));
  EXPECT_EQ(q.price.ht, M("4144.76"));
}

TEST(Pricing, MarketPolicyWarnsBelowFullCostOnly) {
  auto s = aci::io::default_scenario();
  s.pricing.policy = aci::quote::PricePolicy::market;
  const auto q = park_quote(s);
  EXPECT_EQ(q.price.ht, M("3060.00"));
  // 3060 >= floor 2916 and >= net 1753.82, but < full 4420.69; not above the market price.
  EXPECT_EQ(codes_of(q), (std::vector<std::string>{"below_full_cost", "supervision_capacity"}));
}

TEST(Pricing, UndercuttingTheMarketIsFlagged) {
  auto s = aci::io::default_scenario();
  s.pricing.margin = Decimal("-0.65");  // 4420.691582 x 0.35 = 1547.24, under floor 2916 and net 1753.82
  const auto q = park_quote(s);
  EXPECT_EQ(codes_of(q), (std::vector<std::string>{"below_market_floor", "below_net_cost", "supervision_capacity"}));
}

TEST(SalesCap, WarnsWhenTheJobBreaksTheCap) {
  auto s = aci::io::default_scenario();
  s.aci.ateliers[0].annual_sales = M("99000");  // headroom 2905.45 < price 4641.73
  const auto q = park_quote(s);
  EXPECT_EQ(q.sales_cap.headroom, M("2905.45"));
  const auto codes = codes_of(q);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "sales_cap"), codes.end());
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
  for (auto& g : s.aci.ateliers[0].staff) {
    g.contribution_mode = aci::people::ContributionMode::rate;
    g.employer_rate = Decimal("0.25");
  }
  crew.employer_rate = Decimal("0.08");
  const auto q = aci::quote::make_quote(s.aci, job, s.rate_table(), s.pricing);
  bool smic = false, aid = false;
  for (const auto& e : q.rates_used) {
    if (e.rate == aci::rates::Rate::smic_hourly) smic = e.value == Decimal("11.65") && !e.source.empty();
    // The socle of the arrêté du 30 avril 2024, in force from 2024-01-01.
    if (e.rate == aci::rates::Rate::aide_au_poste_socle) aid = e.value == Decimal(23458);
  }
  EXPECT_TRUE(smic);
  EXPECT_TRUE(aid);
  // Crew: 11.65 x 1284.4 paid h x 1.08 + 350 = 16,510.3208 €/person; labour per work hour
  // 16,510.3208 x 0.95 / (1284.4 x 0.77) = 15.859449...; 120 h -> 1903.133882 -> 1903.13.
  EXPECT_EQ(q.line(CostLine::integration_labour), M("1903.13"));
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
    at.subsidies.rsa_fte = at.staff[0].headcount / 10;  // within the filled FTEs (>= 0.49 per post)
    auto job = s.job(trial % 2 ? "park_maintenance" : "brush_clearing");
    job.standard_hours = dec(1 + u(rng) * 400, 2);
    job.productivity = dec(0.3 + u(rng) * 0.7, 3);
    job.crew_size = Decimal(1 + static_cast<int>(u(rng) * 8));
    s.pricing.margin = dec(u(rng) * 0.3, 3);
    s.pricing.policy = static_cast<aci::quote::PricePolicy>(trial % 3);
    const auto t = s.rate_table();
    const auto fd = aci::quote::compute_figures<Decimal>(s.aci, job, t, s.pricing);
    const auto qd = aci::quote::round_quote(fd, job, at.name);
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
