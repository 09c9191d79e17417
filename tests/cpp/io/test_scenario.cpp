#include <gtest/gtest.h>

#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/io/scenario.hpp"
#include "../scenario_json.hpp"

using aci::io::read_scenario;
using aci::io::scenario_to_json;

namespace {
std::string default_text() { return scenario_to_json(aci::io::default_scenario()).dump(2); }
/// Expects read_scenario(text) to fail with a ScenarioError at `path` showing `value`.
void expect_error(const std::string& text, const std::string& path, const std::string& value) {
  try {
    (void)read_scenario(text);
    ADD_FAILURE() << "no error for " << path;
  } catch (const aci::ScenarioError& e) {
    EXPECT_EQ(e.field(), path) << e.what();
    EXPECT_EQ(e.value(), value) << e.what();
  }
}
using aci::test::with;
}  // namespace

TEST(Scenario, RoundTrips) {
  const auto s = aci::io::default_scenario();
  const auto back = read_scenario(default_text());
  EXPECT_EQ(back, s);
  EXPECT_EQ(scenario_to_json(back).dump(2), default_text());
}

TEST(Scenario, NumbersReadAsTheirShortestText) {
  // 0.6 in JSON is exactly the decimal 0.6 (not 0.59999999999999997779...).
  const auto s = read_scenario(with("/jobs/0/productivity", 0.6));
  EXPECT_EQ(*s.jobs[0].productivity, aci::Decimal("0.6"));
}

TEST(Scenario, ErrorsGiveThePathAndValue) {
  expect_error("{\"format\": ", "$", "byte 12");
  expect_error(with("/format", "aci_cost/scenario@9"), "$.format", "\"aci_cost/scenario@9\"");
  expect_error(with("/jobs/0/productivity", 1.5), "$.jobs[0].productivity", "1.5");
  expect_error(with("/jobs/0/crew_size", 0), "$.jobs[0].crew_size", "0");
  expect_error(with("/jobs/0/standard_hours", -3), "$.jobs[0].standard_hours", "-3");
  expect_error(with("/jobs/0/standard_hours", "abc"), "$.jobs[0].standard_hours", "\"abc\"");
  expect_error(with("/jobs/0/date", "2026-02-30"), "$.jobs[0].date", "\"2026-02-30\"");
  expect_error(with("/jobs/0/materials/0/amount", 180.5), "$.jobs[0].materials[0].amount", "180.5");
  expect_error(with("/jobs/0/atelier", "boats"), "$.jobs[0].atelier", "\"boats\"");
  expect_error(with("/jobs/0/prodictivity", 0.5), "$.jobs[0].prodictivity", "0.5");
  expect_error(with("/aci/ateliers/0/support", "boats"), "$.aci.ateliers[0].support", "\"boats\"");
  expect_error(with("/aci/ateliers/0/staff/0/role", "boss"), "$.aci.ateliers[0].staff[0].role", "\"boss\"");
  expect_error(with("/aci/ateliers/0/staff/0/hours/absence", 1.2), "$.aci.ateliers[0].staff[0].hours.absence", "1.2");
  expect_error(with("/aci/ateliers/0/sales_cap_share", 0.6), "$.aci.ateliers[0].sales_cap_share", "0.6");
  expect_error(with("/pricing/policy", "cheap"), "$.pricing.policy", "\"cheap\"");
  expect_error(with("/rates", nlohmann::json::array(
                                  {{{"rate", "smic"}, {"effective", "2026-01-01"}, {"value", "13"}, {"source", "x"}}})),
               "$.rates[0].rate", "\"smic\"");
}

TEST(Scenario, CustomSupportsMustBeDeclared) {
  auto j = scenario_to_json(aci::io::default_scenario());
  j["aci"]["ateliers"][0]["support"] = "bike_repair";
  EXPECT_THROW((void)read_scenario(j.dump()), aci::ScenarioError);
  j["aci"]["custom_supports"] = {"bike_repair"};
  for (auto& job : j["jobs"]) job["atelier"] = "Espaces verts";  // by name: no atelier runs green_spaces now
  j["training"]["atelier"] = "Espaces verts";
  EXPECT_EQ(read_scenario(j.dump()).aci.ateliers[0].support, "bike_repair");
}

TEST(ParseJson, OneErrorTypeForEveryJsonProblem) {
  EXPECT_THROW((void)aci::io::parse_json("{\"x\": 1e400}"), aci::ScenarioError);  // number out of range
  try {
    (void)aci::io::parse_json("[1,");
    FAIL();
  } catch (const aci::ScenarioError& e) {
    EXPECT_EQ(e.field(), "$");
    EXPECT_EQ(e.value(), "byte 4");
  }
  EXPECT_THROW((void)aci::io::read_scenario("{\"aci\": 1e999}"), aci::ScenarioError);
}
