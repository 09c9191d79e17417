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
quote::Quote first_quote(const Scenario& s) {
  return quote::make_quote(s.aci, s.jobs.back(), s.rate_table(), s.pricing);
}
quote::QuoteFigures<Decimal> figures(const Scenario& s) {
  return quote::compute_figures<Decimal>(s.aci, s.jobs.back(), s.rate_table(), s.pricing);
}
}  // namespace

TEST(Supports, TimeEquationsGiveTheStandardHours) {
  // Laundry: 30 ironed batches of 60 kg: 30 x (0.25 + 0.6 + 0.04 x 60) = 97.5; 10 not ironed:
  // 10 x (0.25 + 2.4) = 26.5; 124 h. Building: 6 rooms x (2 + 0.16 x 10 + 0.12 x 40) = 50.4 h.
  // Market gardening: 0.8 x 600 + 2 x 8 = 496 h. Recycling: 10 x (1.5 + 3 x 1.2) = 51 h.
  const std::pair<const char*, const char*> cases[] = {
      {"laundry", "124"}, {"building", "50.4"}, {"market_gardening", "496"}, {"recycling_reuse", "51"}};
  for (const auto& [support, hours] : cases)
    EXPECT_EQ(figures(io::default_scenario(support)).standard_hours, Decimal(hours)) << support;
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
  // 600 baskets, 5 % lost or unsold: 570 sold; the market at 15.17 € HT (16.00 € TTC):
  // 8,646.90 €; the floor at 12.32 € (13.00 € TTC): 7,022.40 €. Per basket: every total / 570.
  const auto s = io::default_scenario("market_gardening");
  const auto f = figures(s);
  EXPECT_EQ(f.sold_units, Decimal("570"));
  EXPECT_EQ(f.market_price, Decimal("8646.9"));
  EXPECT_EQ(f.market_floor, Decimal("7022.4"));
  const auto q = first_quote(s);
  EXPECT_EQ(q.per_unit.unit, "basket");
  EXPECT_EQ(q.per_unit.kind, "goods");
  EXPECT_EQ(q.per_unit.full_cost, Money(f.full_cost / Decimal("570")).rounded());
  // Food: 5.5 % VAT on the price.
  EXPECT_EQ(q.price.vat, (q.price.ht * Decimal("0.055")).rounded());
  // Priced in the fair zone below its full cost: the quote says so.
  bool below = false;
  for (const auto& w : q.warnings) below = below || w.code == "below_full_cost";
  EXPECT_TRUE(below);
}

TEST(Supports, RevenueTiedToOutputLowersTheNetCost) {
  // 12 tonnes x 60 % re-used or recycled x 65 €/tonne = 468 € of eco-organisation support.
  const auto s = io::default_scenario("recycling_reuse");
  const auto q = first_quote(s);
  EXPECT_EQ(q.output_revenue, Money::parse("468.00"));
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
  // K = (1 + 0.10) / (1 - 0.15 - 0.05) = 1.375 (3 decimals); price = DS x K; 10 % VAT. The
  // default prices in the fair zone; its K parameters are set for a director who chooses DS x K.
  auto s = io::default_scenario("building");
  s.pricing.policy = quote::PricePolicy::ds_coefficient;
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
  EXPECT_EQ(mg[29], 1.0);  // week 30: harvest
  EXPECT_EQ(mg[1], -1.0);  // week 2: winter
  // The link gives a derived model its atelier's shape.
  const auto s = io::default_scenario("laundry");
  auto m =
      link::derive_from_atelier(training::TrainingModel{}, s.aci, s.aci.ateliers[0], Date{2026, 1, 1}, s.rate_table());
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
      {"market_gardening", "26484.88", "20585.11", "0.00", "5899.77", "7224.01", "397.32", "46.46", "10.35", "12.67"},
      {"building", "4081.71", "2515.17", "0.00", "1566.54", "1770.62", "177.06", "13.61", "5.22", "5.90"},
      {"laundry", "6779.73", "4927.03", "0.00", "1852.70", "2191.68", "438.34", "2.82", "0.77", "0.91"},
      {"recycling_reuse", "4113.63", "2934.71", "468.00", "710.92", "916.60", "50.41", "342.80", "59.24", "76.38"},
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
