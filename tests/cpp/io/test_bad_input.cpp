// Regressions of issue 19's bad-input tour of the API: each case is the reported input, and each
// must end in an InvalidInput (ScenarioError for a JSON path) naming the field and the value;
// never a crash, a capped figure or a run that exhausts memory.
#include <gtest/gtest.h>

#include <climits>
#include <cmath>
#include <cstdint>
#include <string>

#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "aci_cost/training/model.hpp"
#include "aci_cost/training/simulate.hpp"
#include "../invalid.hpp"
#include "../scenario_json.hpp"

namespace {
using aci::Money;
using nlohmann::json;

using aci::test::invalid;

using aci::test::with;

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }
}  // namespace

TEST(BadInput, MoneyBeyondExactCentsIsRefusedNeverCapped) {
  // The largest amounts still exact in cents are accepted...
  EXPECT_EQ(Money::parse("92233720368547758.07").cents(), INT64_MAX);
  EXPECT_EQ(Money::parse("-92233720368547758.07").cents(), -INT64_MAX);
  // ...one cent more, "1e30" and 10**20 are refused naming the field and the value (they were
  // capped at 92233720368547758.07 and written back so).
  for (const char* text : {"92233720368547758.08", "-92233720368547758.08", "1e30", "100000000000000000000"}) {
    const auto e = invalid([&] { (void)Money::parse(text, "annual_sales"); });
    EXPECT_EQ(e.field(), "annual_sales");
    EXPECT_EQ(e.value(), text);
  }
  // A computed amount beyond the range has no cents (DomainError), and shows all its digits.
  const Money big = Money::parse("92233720368547758.07") * aci::Decimal(10);
  EXPECT_THROW((void)big.cents(), aci::DomainError);
  EXPECT_EQ(big.to_string(), "922337203685477580.7");
  EXPECT_EQ(invalid([] { (void)Money::round_from_double(1e30, aci::Rounding::half_even, "x"); }).field(), "x");
}

TEST(BadInput, ScenarioMoneyBeyondExactCentsNamesTheField) {
  const std::string field = "$.aci.ateliers[0].annual_sales";
  for (const json& v : {json("1e30"), json("92233720368547758.08"), json("4500000000000000000000")}) {
    const auto e = invalid([&] { (void)aci::io::read_scenario(with("/aci/ateliers/0/annual_sales", v)); });
    EXPECT_EQ(e.field(), field);
    EXPECT_EQ(e.value(), v.get<std::string>());
    EXPECT_THROW((void)aci::io::read_scenario(with("/aci/ateliers/0/annual_sales", v)), aci::ScenarioError);
  }
  // An integer beyond the cents' range (10**17 € fits a JSON integer, not Money).
  std::string text = with("/aci/ateliers/0/annual_sales", "SALES");
  text.replace(text.find("\"SALES\""), 7, "100000000000000000");
  EXPECT_EQ(invalid([&] { (void)aci::io::read_scenario(text); }).field(), field);
}

TEST(BadInput, DeeplyNestedJsonIsAnErrorNotACrash) {
  // 70 000 levels crashed the process (stack overflow); any depth past the limit is refused at "$".
  for (std::size_t depth : {aci::io::max_json_depth + 1, std::size_t{70000}, std::size_t{1000000}}) {
    const auto e = invalid([&] { (void)aci::io::read_scenario(nested(depth)); });
    EXPECT_EQ(e.field(), "$");
    EXPECT_EQ(e.value(), "byte " + std::to_string(aci::io::max_json_depth + 1));
  }
  EXPECT_NO_THROW((void)aci::io::parse_json(nested(aci::io::max_json_depth)));
  // Brackets inside strings do not count.
  EXPECT_NO_THROW((void)aci::io::parse_json("[\"" + std::string(100000, '[') + "\\\"\"]"));
  // The sweep spec reader shares the limit.
  EXPECT_EQ(invalid([&] { (void)aci::io::read_sweep("{\"x\": " + nested(70000) + "}"); }).field(), "$");
}

TEST(BadInput, NumbersBeyondDoubleAreScenarioErrors) {
  // 1e400 and a 400-digit integer were a RuntimeError ([json.exception.out_of_range.406]).
  for (const std::string& n : {std::string("1e400"), std::string(400, '9')}) {
    std::string text = with("/jobs/0/standard_hours", "HOURS");
    text.replace(text.find("\"HOURS\""), 7, n);
    const auto e = invalid([&] { (void)aci::io::read_scenario(text); });
    EXPECT_EQ(e.field(), "$");
  }
}

TEST(BadInput, IntegersWiderThanIntAreRefusedNotWrapped) {
  // 10^10 was read as 1410065408 by get<int>().
  const json j = json::parse(R"({"weeks": 10000000000, "list": [1, -10000000000]})");
  const aci::io::Fields f(j, "$", {"weeks", "list"});
  auto e = invalid([&] { (void)f.integer("weeks", 52); });
  EXPECT_EQ(e.field(), "$.weeks");
  EXPECT_EQ(e.value(), "10000000000");
  e = invalid([&] { (void)f.integers("list"); });
  EXPECT_EQ(e.field(), "$.list[1]");
}

TEST(BadInput, JobHoursAndProductivityOutsideTheirRangeNameTheField) {
  // 1e308 hours and a 1e-300 productivity ended in "largest_remainder: -82067 units left to assign".
  auto e = invalid([] { (void)aci::io::read_scenario(with("/jobs/0/standard_hours", 1e308)); });
  EXPECT_EQ(e.field(), "$.jobs[0].standard_hours");
  EXPECT_EQ(e.value().substr(0, 4), "1000");
  EXPECT_EQ(e.value().size(), 309u);
  e = invalid([] { (void)aci::io::read_scenario(with("/jobs/0/productivity", 1e-300)); });
  EXPECT_EQ(e.field(), "$.jobs[0].productivity");
  EXPECT_EQ(e.value(), "0." + std::string(299, '0') + "1");
  e = invalid([] { (void)aci::io::read_scenario(with("/aci/ateliers/0/default_productivity", 0.001)); });
  EXPECT_EQ(e.field(), "$.aci.ateliers[0].default_productivity");
  // The limits themselves are accepted.
  EXPECT_NO_THROW((void)aci::io::read_scenario(with("/jobs/0/productivity", 0.01)));
  EXPECT_NO_THROW((void)aci::io::read_scenario(with("/jobs/0/standard_hours", 1000000)));
}

TEST(BadInput, TrainingHorizonAndWeeklyHoursAreBounded) {
  aci::training::TrainingModel m;
  m.horizon.weeks = 1000000000;  // ran 80 s, then was killed for memory at 24 GB
  auto e = invalid([&] { m.validate("training"); });
  EXPECT_EQ(e.field(), "training.horizon.weeks");
  EXPECT_EQ(e.value(), "1000000000");
  m.horizon.weeks = aci::training::max_horizon_weeks;
  EXPECT_NO_THROW(m.validate("training"));
  // Weekly hours: (0, 48] as in the staff model (100 was accepted here, refused there).
  m = {};
  for (double h : {100.0, 48.5, 0.0}) {
    m.workforce.weekly_hours = h;
    e = invalid([&] { m.validate("training"); });
    EXPECT_EQ(e.field(), "training.workforce.weekly_hours");
  }
  m.workforce.weekly_hours = 48;
  EXPECT_NO_THROW(m.validate("training"));
}

TEST(BadInput, SweepsTooLargeToRunAreRefusedUpFront) {
  const auto s = aci::io::default_scenario();
  const auto doc = [](const std::string& n, bool summary_only) {
    return aci::io::read_sweep(R"({"format": "aci_cost/sweep@1", "model": "training",
      "inputs": [{"name": "training.workforce.absence", "distribution": {"kind": "uniform", "low": 0, "high": 0.2}}],
      "design": {"kind": "monte_carlo", "n": )" +
                               n + R"(, "seed": 1}, "summary_only": )" + (summary_only ? "true" : "false") + "}");
  };
  const std::string n40 = std::to_string(std::uint64_t{1} << 40);
  for (bool summary_only : {false, true}) {  // bad_alloc (full), a 50-hour run (summary only)
    const auto d = doc(n40, summary_only);
    const auto ev = aci::evaluators::make_evaluator(d, s);
    const auto e = invalid([&] { (void)aci::sweep::run_sweep(*ev, d.spec); });
    EXPECT_EQ(e.field(), "run.end - run.begin");
    EXPECT_EQ(e.value(), n40);
  }
  // A full sweep whose columns would pass 2^31 values is refused; a range of the same spec runs.
  const auto d = doc(std::to_string(std::uint64_t{1} << 31), false);
  const auto ev = aci::evaluators::make_evaluator(d, s);
  EXPECT_EQ(invalid([&] { (void)aci::sweep::run_sweep(*ev, d.spec); }).field(), "run.end - run.begin");
  aci::sweep::RunOptions o;
  o.begin = 1000;
  o.end = 1100;
  EXPECT_EQ(aci::sweep::run_sweep(*ev, d.spec, o).end, 1100u);
}

TEST(BadInput, TinyAmountsWriteBackAllTheirDigits) {
  // Found by fuzz_money: -12003e-0361 was written back as "0" (and a job's productivity 1e-300 was
  // shown as 0 in its error), so that to_json gave a wrong figure.
  const Money m = Money::parse("-12003e-0361");
  EXPECT_EQ(m.to_string(), "-0." + std::string(356, '0') + "12003");
  EXPECT_EQ(Money::parse(m.to_string()), m);
  EXPECT_EQ(aci::to_string(aci::Decimal("1e-300")), "0." + std::string(299, '0') + "1");
  EXPECT_EQ(aci::to_string(aci::Decimal("-1.5e60")), "-15" + std::string(59, '0'));
  EXPECT_EQ(aci::to_string(aci::Decimal("123456789012345678901.25")), "123456789012345678901.25");
}

TEST(BadInput, TrainingInputsAreBoundedAboveSoTheDebtStaysFinite) {
  // Inputs unbounded above overflowed the training debt to inf (fuzz_training's finding).
  // Each now has a finite upper end (training/inputs.hpp: [assumption] or the legal 48 h / 60
  // months); the model at every upper end simulates to finite figures.
  aci::training::TrainingModel m;
  m.workforce.headcount = 1e4;
  m.workforce.contract_months = 60;
  m.demand.base_hours = 1e6;
  m.workforce.weekly_hours = 48;
  m.plan.hours_per_week = 40;  // at most the contract hours (a joint rule)
  m.plan.trainees_per_supervisor = 1000;
  m.deferral.load_threshold = 100;
  m.deferral.initial_backlog = 1e7;
  m.costs.cost_per_paid_hour = m.costs.supervisor_cost_per_hour = m.costs.external_cost_per_hour = 1e4;
  const auto r = aci::training::simulate<double>(m);
  EXPECT_TRUE(std::isfinite(r.summary.training_debt)) << r.summary.training_debt;
  EXPECT_FALSE(std::isnan(r.summary.cost_per_productive_hour_honoured));
  // (With no production left, the cost per productive hour is +inf by definition: results.hpp.)
  const std::pair<double*, const char*> beyond[] = {{&m.workforce.headcount, "workforce.headcount"},
                                                    {&m.workforce.contract_months, "workforce.contract_months"},
                                                    {&m.demand.base_hours, "demand.base_hours"},
                                                    {&m.plan.hours_per_week, "plan.hours_per_week"},
                                                    {&m.plan.trainees_per_supervisor, "plan.trainees_per_supervisor"},
                                                    {&m.deferral.load_threshold, "deferral.load_threshold"},
                                                    {&m.deferral.initial_backlog, "deferral.initial_backlog"},
                                                    {&m.costs.cost_per_paid_hour, "costs.cost_per_paid_hour"}};
  for (const auto& [field, name] : beyond) {
    const double keep = *field;
    *field = keep * 1.5;
    const auto e = invalid([&] { m.validate("training"); });
    EXPECT_EQ(e.field(), std::string("training.") + name);
    *field = keep;
  }
}

TEST(BadInput, FieldsTheAtelierGivesAreRefusedNotIgnored) {
  // With derive_from_atelier on, a headcount given in the document was silently replaced.
  const auto e = invalid([] { (void)aci::io::read_scenario(with("/training/model/workforce/headcount", 25)); });
  EXPECT_EQ(e.field(), "$.training.model.workforce.headcount");
  EXPECT_EQ(e.value(), "25");
  EXPECT_NE(e.rule().find("derive_from_atelier"), std::string::npos);
  // Every derived field is refused; with derive_from_atelier false each is read.
  for (const std::string_view f : aci::link::derived_fields) {
    std::string ptr = "/training/model/" + std::string(f);
    ptr[ptr.find('.')] = '/';
    const json v = f == "workforce.leave_hours" ? json::array() : json(0.5);
    EXPECT_THROW((void)aci::io::read_scenario(with(ptr, v)), aci::ScenarioError) << f;
    auto j = json::parse(with(ptr, v));
    j["training"]["derive_from_atelier"] = false;
    EXPECT_NO_THROW((void)aci::io::read_scenario(j.dump())) << f;
  }
  // The writer leaves them out, so every written scenario reads back.
  const auto s = aci::io::default_scenario();
  EXPECT_EQ(aci::io::read_scenario(aci::io::scenario_to_json(s).dump()), s);
}

TEST(BadInput, DecimalsBeyondFiftySignificantDigitsAreRefusedNotRounded) {
  // fuzz_money's finding: a 100-digit amount was rounded to 50 digits on reading, and its text
  // then read back to another value. A decimal keeps 50 significant digits exactly; more is an error.
  const std::string found = ".9" + std::string(80, '0') + "7962989641139280611";
  const auto e = invalid([&] { (void)aci::Money::parse(found, "amount"); });
  EXPECT_EQ(e.field(), "amount");
  EXPECT_EQ(e.rule(), "more than 50 significant digits (a decimal keeps 50 exactly)");
  EXPECT_THROW((void)aci::parse_decimal("1" + std::string(50, '3'), "x"), aci::InvalidInput);  // 51 digits
  // 50 significant digits are kept and write back exactly; leading and trailing zeros do not count.
  for (const std::string& text : {"0.000" + std::string(49, '1') + "2" + "000", std::string(50, '7') + "00000"}) {
    const aci::Decimal d = aci::parse_decimal(text, "x");
    EXPECT_EQ(aci::parse_decimal(aci::to_string(d), "x"), d) << text;
  }
  EXPECT_EQ(aci::Money::parse("0." + std::string(48, '9') + "1", "amount").to_string(),
            "0." + std::string(48, '9') + "1");
}
