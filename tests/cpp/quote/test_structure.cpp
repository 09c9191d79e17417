// The ACI's structure in the quote and the year (examples/multi_atelier.json: three ateliers
// sharing a direction, an accompaniment team and a maintenance workshop). What an atelier
// receives is its main-centre total of the allocation; it joins the overhead rate per
// integration work hour, the year's charges ("structure") and the sales cap's base.
#include <gtest/gtest.h>

#include "../close.hpp"

#include <fstream>
#include <sstream>

#include "aci_cost/budget/year.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/quote.hpp"

using aci::Decimal;
using aci::Money;
using namespace aci;

using aci::testing::close;

namespace {
Scenario multi() {
  std::ifstream in(std::string(ACI_COST_SOURCE_DIR) + "/examples/multi_atelier.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return io::read_scenario(ss.str());
}
Money total_charges(const Scenario& s) {
  Money t;
  for (const auto& c : s.aci.structure.charges) t += c.amount;
  return t;
}
}  // namespace

TEST(Structure, EveryMethodAllocatesTheWholeStructureToTheAteliers) {
  Scenario s = multi();
  const auto t = s.rate_table();
  for (auto m : {model::OverheadMethod::single_key, model::OverheadMethod::direct, model::OverheadMethod::step_down,
                 model::OverheadMethod::reciprocal}) {
    s.aci.structure.method = m;
    const auto shares = quote::structure_charges(s.aci, t, s.jobs[0].date);
    ASSERT_EQ(shares.size(), 3u);
    Money sum;
    for (const auto& x : shares) sum += x;
    EXPECT_EQ(sum, total_charges(s)) << static_cast<int>(m);
  }
}

TEST(Structure, SingleKeyFollowsTheIntegrationWorkHours) {
  Scenario s = multi();
  s.aci.structure.method = model::OverheadMethod::single_key;
  const auto t = s.rate_table();
  const auto a = quote::allocate_structure(s.aci, t, s.jobs[0].date);
  // No support centre is left: each charge goes to the ateliers in proportion to their hours.
  ASSERT_EQ(a.centres.size(), 3u);
  Decimal hours{0};
  std::vector<Decimal> h;
  for (const auto& at : s.aci.ateliers) {
    rates::RateLookup r(t, s.jobs[0].date);
    h.push_back(quote::atelier_rates<Decimal>(at, false, r).integration_production_hours);
    hours += h.back();
  }
  for (std::size_t i = 0; i < 3; ++i) {
    const Decimal exact = total_charges(s).amount() * h[i] / hours;
    EXPECT_LE(boost::multiprecision::abs(a.totals[i].amount() - exact), Decimal("0.06"))
        << i;  // 6 charges, < 1 cent each
    EXPECT_TRUE(close(a.cost_per_unit[i], a.totals[i].amount() / h[i]));
  }
}

TEST(Structure, TheQuoteCarriesTheAteliersShareOnItsWorkHours) {
  const Scenario s = multi();
  Scenario bare = s;
  bare.aci.structure = {};
  const auto t = s.rate_table();
  const auto& job = s.job("bulky_collection");
  const auto with = quote::compute_figures<Decimal>(s.aci, job, t, s.pricing);
  const auto without = quote::compute_figures<Decimal>(bare.aci, job, t, s.pricing);
  const Money share = quote::structure_charges(s.aci, t, job.date)[2];
  rates::RateLookup r(t, job.date);
  const Decimal hq = quote::atelier_rates<Decimal>(s.aci.ateliers[2], false, r).integration_production_hours;
  const auto overheads = static_cast<std::size_t>(quote::CostLine::overheads);
  // The overheads line grows by share / HQ per integration work hour of the job; nothing else moves.
  EXPECT_TRUE(close(with.lines[overheads] - without.lines[overheads], share.amount() / hq * with.work_hours));
  EXPECT_TRUE(close(with.lines[0], without.lines[0]));
  EXPECT_GT(share, Money::from_cents(60000'00));  // the Ressourcerie receives > 60,000 € of 229,500 €
  // The exact quote rounds it like any line: the lines still add up to the full cost.
  const auto q = quote::make_quote<Decimal>(s.aci, job, t, s.pricing);
  Money lines;
  for (const auto& l : q.cost_lines) lines += l.amount;
  EXPECT_EQ(lines, q.full_cost);
}

TEST(Structure, TheYearShowsTheStructureLineAndTheCapUsesIt) {
  const Scenario s = multi();
  const auto t = s.rate_table();
  const Date d{2026, 1, 1};
  const auto y = budget::year_budget(s.aci, {}, t, s.pricing, d);
  const auto shares = quote::structure_charges(s.aci, t, d);
  Money structure;
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& a = y.ateliers[i];
    EXPECT_EQ(a.charges[4].key, "structure");
    EXPECT_EQ(a.charges[4].amount, shares[i]);
    EXPECT_EQ(a.sales_cap.annual_charges, a.charges_total);
    structure += a.charges[4].amount;
  }
  EXPECT_EQ(structure, total_charges(s));
  EXPECT_EQ(y.charges[4].amount, total_charges(s));
}

TEST(Structure, JsonRoundTripsAndBadStructuresNameTheirPath) {
  const Scenario s = multi();
  EXPECT_EQ(io::read_scenario(io::scenario_to_json(s).dump()), s);
  auto j = io::scenario_to_json(s);
  j["aci"]["structure"]["services"][0]["to"]["Nowhere"] = 3;  // a key is an object: read in name order
  Scenario bad = io::read_scenario(j.dump());
  try {
    (void)quote::structure_charges(bad.aci, bad.rate_table(), bad.jobs[0].date);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.field(), "aci.structure.services[0].to[4].centre");
  }
  j = io::scenario_to_json(s);
  j["aci"]["structure"]["method"] = "by_feel";
  try {
    (void)io::read_scenario(j.dump());
    FAIL();
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.field(), "$.aci.structure.method");
  }
  j = io::scenario_to_json(s);
  j["aci"]["structure"]["centres"][0]["name"] = "Maraîchage";
  bad = io::read_scenario(j.dump());
  EXPECT_THROW((void)quote::structure_charges(bad.aci, bad.rate_table(), bad.jobs[0].date), InvalidInput);
}
