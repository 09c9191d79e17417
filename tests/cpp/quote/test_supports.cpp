// The five supports: units of output, goods, revenue tied to output, time equations and the
// embedded default of each support. Expected figures derived by hand in the comments (exact).
#include <gtest/gtest.h>

#include "../close.hpp"

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/link/from_atelier.hpp"
#include "aci_cost/quote/quote.hpp"

using aci::Decimal;
using aci::Money;
using namespace aci;

using aci::testing::close;

namespace {
quote::Quote first_quote(const Scenario& s) { return quote::make_quote(s.aci, s.jobs.back(), s.rate_table(), s.pricing); }
quote::QuoteFigures<Decimal> figures(const Scenario& s) {
  return quote::compute_figures<Decimal>(s.aci, s.jobs.back(), s.rate_table(), s.pricing);
}
}  // namespace

TEST(Supports, TimeEquationsGiveTheStandardHours) {
  // Laundry: 30 ironed batches of 60 kg: 30 x (0.25 + 0.6 + 0.04 x 60) = 97.5; 10 not ironed:
  // 10 x (0.25 + 2.4) = 26.5; 124 h. Building: 6 rooms x (2 + 0.16 x 10 + 0.12 x 40) = 50.4 h.
  // Market gardening: 0.35 x 480 + 2 x 8 = 184 h. Recycling: 10 x (1.5 + 3 x 1.2) = 51 h.
  const std::pair<const char*, const char*> cases[] = {
      {"laundry", "124"}, {"building", "50.4"}, {"market_gardening", "184"}, {"recycling_reuse", "51"}};
  for (const auto& [support, hours] : cases) EXPECT_EQ(figures(io::default_scenario(support)).standard_hours, Decimal(hours)) << support;
  // An unknown equation or driver is named.
  auto s = io::default_scenario("laundry");
  s.jobs.back().work[0].equation = "dance";
  try {
    (void)figures(s);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.field(), "job[care_home_month].work[0].equation");
  }
  s = io::default_scenario("laundry");
  s.jobs.back().work[1].drivers.push_back({"stains", Decimal(1)});
  try {
    (void)figures(s);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.field(), "job[care_home_month].work[1].drivers[1].driver");
  }
}

TEST(Supports, GoodsAreSoldAfterTheirLossesAtTheMarketsUnitPrice) {
  // 480 baskets, 8 % lost or unsold: 441.6 sold; at 15 € (market policy): 6,624.00 €; the floor
  // at 13 €: 5,740.80 €. Per basket: every total / 441.6.
  const auto s = io::default_scenario("market_gardening");
  const auto f = figures(s);
  EXPECT_EQ(f.sold_units, Decimal("441.6"));
  EXPECT_EQ(f.price_ht, Decimal("6624"));
  EXPECT_EQ(f.market_floor, Decimal("5740.8"));
  const auto q = first_quote(s);
  EXPECT_EQ(q.price.ht, Money::parse("6624.00"));
  EXPECT_EQ(q.per_unit.unit, "basket");
  EXPECT_EQ(q.per_unit.kind, "goods");
  EXPECT_EQ(q.per_unit.price_ht, Money::parse("15.00"));
  EXPECT_EQ(q.per_unit.full_cost, Money(f.full_cost / Decimal("441.6")).rounded());
  // Food: 5.5 % VAT: 6,624 x 0.055 = 364.32.
  EXPECT_EQ(q.price.vat, Money::parse("364.32"));
  // Priced at the market below its full cost: the quote says so.
  bool below = false;
  for (const auto& w : q.warnings) below = below || w.code == "below_full_cost";
  EXPECT_TRUE(below);
}

TEST(Supports, RevenueTiedToOutputLowersTheNetCost) {
  // 12 tonnes x 65 €/tonne = 780 € of eco-organisation support.
  const auto s = io::default_scenario("recycling_reuse");
  const auto q = first_quote(s);
  EXPECT_EQ(q.output_revenue, Money::parse("780.00"));
  EXPECT_EQ(q.net_cost, q.full_cost - q.subsidies_total - q.output_revenue);
  EXPECT_EQ(q.per_unit.unit, "tonne");
  EXPECT_EQ(q.per_unit.net_cost, Money(figures(s).net_cost / Decimal(12)).rounded());
  // Services carry no loss share.
  auto bad = s;
  bad.jobs.back().output.loss_share = Decimal("0.1");
  try {
    bad.jobs.back().validate();
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.field(), "job[bulky_collection].output.loss_share");
  }
}

TEST(Supports, BuildingIsQuotedDebourseSecTimesK) {
  // K = (1 + 0.10) / (1 - 0.15 - 0.05) = 1.375 (3 decimals); price = DS x K; 10 % VAT.
  const auto s = io::default_scenario("building");
  const auto f = figures(s);
  EXPECT_EQ(f.coefficient_k, Decimal("1.375"));
  EXPECT_TRUE(close(f.price_ht, f.debourse_sec * Decimal("1.375")));
  const auto q = first_quote(s);
  EXPECT_EQ(q.price.vat_rate, Decimal("0.1"));
  EXPECT_EQ(q.per_unit.unit, "m2");
  EXPECT_EQ(q.per_unit.price_ht, Money(f.price_ht / Decimal(300)).rounded());
}

TEST(Supports, EveryDefaultQuotesAndRoundTrips) {
  for (auto name : io::default_scenario_names) {
    const auto s = io::default_scenario(name);
    EXPECT_EQ(io::read_scenario(io::scenario_to_json(s).dump()), s) << name;
    for (const auto& job : s.jobs) {
      const auto q = quote::make_quote(s.aci, job, s.rate_table(), s.pricing);
      Money lines;
      for (const auto& l : q.cost_lines) lines += l.amount;
      EXPECT_EQ(lines, q.full_cost) << name;
      const auto qd = quote::make_quote<double>(s.aci, job, s.rate_table(), s.pricing);
      EXPECT_LE(boost::multiprecision::abs((qd.price.ht - q.price.ht).amount()), Decimal("0.01")) << name;
    }
  }
  EXPECT_THROW((void)io::default_scenario("knitting"), InvalidInput);
}

TEST(Supports, SeasonalityFollowsTheSupport) {
  EXPECT_TRUE(training::seasonal_shape_of("green_spaces").empty());  // the model's default shape
  EXPECT_TRUE(training::seasonal_shape_of("knitting").empty());
  for (double v : training::seasonal_shape_of("laundry")) EXPECT_EQ(v, 0.0);
  const auto mg = training::seasonal_shape_of("market_gardening");
  EXPECT_EQ(mg[29], 1.0);   // week 30: harvest
  EXPECT_EQ(mg[1], -1.0);   // week 2: winter
  // The link gives a derived model its atelier's shape.
  const auto s = io::default_scenario("laundry");
  auto m = link::derive_from_atelier(training::TrainingModel{}, s.aci, s.aci.ateliers[0], Date{2026, 1, 1}, s.rate_table());
  EXPECT_EQ(m.demand.seasonal_shape, training::seasonal_shape_of("laundry"));
}

// Each support's default quote to the cent, against docs/supports.py (exact fractions, without
// the library; its figures are written up in docs/supports.md).
TEST(Supports, EachDefaultQuoteEqualsTheIndependentDerivation) {
  struct Expected {
    const char* support;
    const char* full;
    const char* subsidies;
    const char* revenue;
    const char* net;
    const char* price;
    const char* vat;
    const char* full_unit;
    const char* net_unit;
    const char* price_unit;
  };
  const Expected cases[] = {
      {"market_gardening", "10804.13", "7133.79", "0.00", "3670.34", "6624.00", "364.32", "24.47", "8.31", "15.00"},
      {"building", "4184.42", "2142.21", "0.00", "2042.21", "4201.46", "420.15", "13.95", "6.81", "14.00"},
      {"laundry", "7044.89", "4079.91", "0.00", "2964.98", "7397.13", "1479.43", "2.94", "1.24", "3.08"},
      {"recycling_reuse", "3708.17", "2271.78", "780.00", "656.39", "3893.58", "778.72", "309.01", "54.70", "324.46"},
  };
  const auto M = [](const char* s) { return Money::parse(s); };
  for (const auto& e : cases) {
    const auto q = first_quote(io::default_scenario(e.support));
    EXPECT_EQ(q.full_cost, M(e.full)) << e.support;
    EXPECT_EQ(q.subsidies_total, M(e.subsidies)) << e.support;
    EXPECT_EQ(q.output_revenue, M(e.revenue)) << e.support;
    EXPECT_EQ(q.net_cost, M(e.net)) << e.support;
    EXPECT_EQ(q.price.ht, M(e.price)) << e.support;
    EXPECT_EQ(q.price.vat, M(e.vat)) << e.support;
    EXPECT_EQ(q.per_unit.full_cost, M(e.full_unit)) << e.support;
    EXPECT_EQ(q.per_unit.net_cost, M(e.net_unit)) << e.support;
    EXPECT_EQ(q.per_unit.price_ht, M(e.price_unit)) << e.support;
  }
}
