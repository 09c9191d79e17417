// The embedded defaults against the published ratios of ACIs (docs/default_aci.md gives each
// source and date). For every default, from the library's year (budget::year_budget) and its
// scenario: commercial receipts, staff costs and the result as shares of the charges, public
// money by financer, integration FTEs per ETPS and per CIP, the class of the collective agreement
// of every permanent group; and the warnings of every default quote, equal to a listed set.
// A failure names the default and the ratio that left its band.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "aci_cost/budget/year.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/quote.hpp"

using aci::Decimal;
using aci::Money;
using namespace aci;

namespace {

struct Band {
  const char* name;
  Decimal low, high;
};

// Bands (docs/default_aci.md, "Calibration targets"): sales 13–30 % of charges (IGAS-IGF 2006:
// 13.4 % on average; D5132-34: under 30 %); staff costs 75–80 % (IGAS-IGF 2006); result −2 % to
// +3 % (IGAS-IGF 2006: 1 to 3 % in the good cases; the issue's ±3 % of balance); public money:
// State ½, départements ¼, others ¼ across the IAE (IGAS-IGF 2013), widened for an ACI where the
// aide au poste alone is most of it [assumption]: State 45–72 %, départements 15–35 %, others
// 10–35 %; 6–7 integration FTE per ETPS and ≈ 25 per CIP, banded 6–7 and 22–28 [assumption].
const Band sales_band{"sales / charges", Decimal("0.13"), Decimal("0.30")};
const Band staff_band{"staff costs / charges", Decimal("0.75"), Decimal("0.80")};
const Band result_band{"result / charges", Decimal("-0.02"), Decimal("0.03")};
const Band state_band{"State / public money", Decimal("0.45"), Decimal("0.72")};
const Band departement_band{"départements / public money", Decimal("0.15"), Decimal("0.35")};
const Band others_band{"other financers / public money", Decimal("0.10"), Decimal("0.35")};
const Band etps_band{"integration FTE per ETPS", Decimal("6"), Decimal("7")};
const Band cip_band{"integration FTE per CIP", Decimal("22"), Decimal("28")};

void expect_in(const Band& b, const Decimal& value, std::string_view which) {
  EXPECT_TRUE(value >= b.low && value <= b.high)
      << "default " << which << ": " << b.name << " = " << to_string(value) << " is outside [" << to_string(b.low)
      << ", " << to_string(b.high) << "]";
}

Decimal line(const std::vector<quote::Line>& lines, std::string_view key) {
  for (const auto& l : lines)
    if (l.key == key) return l.amount.amount();
  ADD_FAILURE() << "no line " << key;
  return Decimal(0);
}

budget::YearBudget year_of(const Scenario& s) {
  return budget::year_budget(s.aci, s.jobs, s.rate_table(), s.pricing, Date{2026, 1, 1});
}

}  // namespace

TEST(Calibration, EveryDefaultsYearLiesInThePublishedBands) {
  for (const auto name : io::default_scenario_names) {
    const Scenario s = io::default_scenario(name);
    const auto y = year_of(s);
    const Decimal charges = y.charges_total.amount();
    // Staff costs: pay, contributions, other staff costs, and the structure's pay (the
    // multi-atelier's direction, coordinator and mechanic: charges named "..._pay").
    Decimal staff =
        line(y.charges, "salaries") + line(y.charges, "social_contributions") + line(y.charges, "other_staff_costs");
    for (const auto& c : s.aci.structure.charges)
      if (c.name.ends_with("_pay")) staff += c.amount.amount();
    // Public money: the aid and the grants of public authorities; the OPCO (a private body) is not.
    const Decimal state = line(y.products, "aid_state");
    const Decimal departements = line(y.products, "aid_departement") + line(y.products, "departement_grants");
    const Decimal others = line(y.products, "region") + line(y.products, "fse_plus") + line(y.products, "other_grants");
    const Decimal public_money = state + departements + others;
    expect_in(sales_band, line(y.products, "sales") / charges, name);
    expect_in(staff_band, staff / charges, name);
    expect_in(result_band, y.result.amount() / charges, name);
    expect_in(state_band, state / public_money, name);
    expect_in(departement_band, departements / public_money, name);
    expect_in(others_band, others / public_money, name);
    EXPECT_TRUE(y.audit_required) << "default " << name << ": public grants " << to_string(y.public_grants)
                                  << " pass 153,000 €: the statutory auditor is charged";
  }
}

TEST(Calibration, EveryAteliersStaffingFitsThePublishedRatiosAndTheCollectiveAgreement) {
  for (const auto name : io::default_scenario_names) {
    const Scenario s = io::default_scenario(name);
    for (const auto& a : s.aci.ateliers) {
      Decimal integration(0), etps(0), cip(0);
      for (const auto& g : a.staff) {
        const Decimal fte = g.headcount * g.weekly_hours / Decimal(35);
        if (g.role == people::Role::integration) integration += fte;
        if (g.role == people::Role::supervisor) etps += fte;
        if (g.role == people::Role::socio_professional) cip += fte;
        if (g.role != people::Role::integration) {
          EXPECT_FALSE(g.ccn_class.empty()) << "default " << name << ", " << a.name << ": " << g.name
                                            << " names no class of the collective agreement";
        }
      }
      ASSERT_GT(etps, Decimal(0)) << name;
      ASSERT_GT(cip, Decimal(0)) << name;
      expect_in(etps_band, integration / etps, std::string(name) + " (" + a.name + ")");
      expect_in(cip_band, integration / cip, std::string(name) + " (" + a.name + ")");
    }
  }
}

// The warnings each default quote carries. Deliberate, on every quote: `rate_latest_known` (the aid's
// socle, dated 2024-11-01, and the RSA, dated 2025-04-01, past their expected revisions),
// `rate_to_check` (the département's 88 % share of the RSA and the CCN point, reported, not
// confirmed on the primary text), `below_full_cost` (a subsidised job is priced below its full
// cost: the subsidies cover the gap); `rate_unconfirmed` on the jobs dated after 2026-06-01 (the
// June 2026 SMIC, reported, not used by default). Not deliberate, and reported as an engine rule
// that blocks a realistic default (docs/default_aci.md, "What the engine does not let a default
// do"): `below_market_floor` on the hourly and per-kg / per-m² service jobs, whose over-
// compensation ceiling (full x 1.05 − the subsidies attributed by work hours) lies below the
// market floor in any ACI whose year balances with sales under 30 % of its charges.
TEST(Calibration, EveryDefaultQuoteCarriesOnlyItsListedWarnings) {
  const std::set<std::string> rates{"rate_latest_known", "rate_to_check"};
  struct Case {
    const char* scenario;
    const char* job;
    std::set<std::string> extra;
  };
  const Case cases[] = {
      {"green_spaces", "park_maintenance", {"below_full_cost", "below_market_floor"}},
      {"green_spaces", "brush_clearing", {"below_full_cost", "below_market_floor", "rate_unconfirmed"}},
      {"market_gardening", "june_baskets", {"below_full_cost"}},
      {"laundry", "care_home_month", {"below_full_cost", "below_market_floor"}},
      {"building", "stairwell_painting", {"below_full_cost", "below_market_floor"}},
      {"recycling_reuse", "bulky_collection", {"below_full_cost"}},
      {"multi_atelier", "park_maintenance", {"below_full_cost", "below_market_floor"}},
      {"multi_atelier", "june_baskets", {"below_full_cost"}},
      {"multi_atelier", "bulky_collection", {"below_full_cost"}},
  };
  for (const auto& c : cases) {
    const Scenario s = io::default_scenario(c.scenario);
    const auto& job = s.job(c.job);
    const auto q = quote::make_quote(s.aci, job, s.rate_table(), s.pricing);
    std::set<std::string> got, want = rates;
    want.insert(c.extra.begin(), c.extra.end());
    for (const auto& w : q.warnings) got.insert(w.code);
    EXPECT_EQ(got, want) << "default " << c.scenario << ", job " << c.job;
    // Between its net cost and its market price, always.
    EXPECT_GE(q.price.ht, q.net_cost) << c.scenario << " " << c.job;
    EXPECT_LE(q.price.ht, q.bounds.market_price) << c.scenario << " " << c.job;
  }
}

TEST(Calibration, GoodsAreWholeUnitsAndShelfPricesAreTtc) {
  // 600 baskets, 5 % lost or unsold: 570 sold. Shelf price 16.00 € TTC: 16.00 / 1.055 = 15.1659…
  // -> 15.17 € excl. VAT, which gives back 15.17 x 1.055 = 16.004 -> 16.00 € TTC.
  const Scenario s = io::default_scenario("market_gardening");
  const auto& o = s.jobs.back().output;
  EXPECT_EQ(o.quantity * (Decimal(1) - o.loss_share), Decimal(570));
  ASSERT_TRUE(o.market_unit_price.has_value());
  EXPECT_EQ(Money(o.market_unit_price->amount() * Decimal("1.055")).rounded(), Money::parse("16.00"));
  EXPECT_EQ(Money(o.market_floor_unit_price->amount() * Decimal("1.055")).rounded(), Money::parse("13.00"));
}
