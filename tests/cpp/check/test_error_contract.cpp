// The error contract (docs/error_contract.md): every row of tests/data/error_contract.json,
// rebuilt from the default scenario and run through aci::check::check_scenario_text, gives the
// outcome, error type and message the table records. (The Python twin,
// tests/python/test_error_contract.py, also checks the table's invariants and freshness.)
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/check/scenario.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/io/sweep_json.hpp"
#include "aci_cost/sweep/engine.hpp"

namespace {
using nlohmann::json;

json contract() {
  std::ifstream in(std::string(ACI_COST_SOURCE_DIR) + "/tests/data/error_contract.json");
  EXPECT_TRUE(in.good()) << "tests/data/error_contract.json";
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

void replace_once(std::string& s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  s.replace(at, from.size(), to);
}

/// The probe document of a row (scripts/error_contract.py: row_text).
std::string probe_text(const json& doc, const json& row) {
  const std::string probe = row.at("probe");
  if (row.at("field") == "$") {
    if (probe == "empty_text") return "";
    if (probe == "not_json") return "{";
    if (probe == "not_an_object") return "[]";
    if (probe == "deep_nesting") return std::string(300, '[') + std::string(300, ']');
    if (probe == "invalid_utf8_in_a_key") {
      std::string t = doc.dump();
      replace_once(t, "\"aci\"",
                   "\"ac\xff"
                   "i\"");
      return t;
    }
    if (probe == "wrong_format_tag") {
      json d = doc;
      d["format"] = "aci_cost/scenario@9";
      return d.dump();
    }
    // Issue 34: keys and names given twice, rate overrides outside their domain.
    if (probe == "duplicate_key") {
      std::string t = doc.dump();
      replace_once(t, "\"format\":", "\"format\": \"x\", \"format\":");
      return t;
    }
    const auto doubled = [&](const char* pointer) {
      json d = doc;
      json& list = d[json::json_pointer(pointer)];
      list.push_back(list[0]);
      return d.dump();
    };
    if (probe == "duplicate_atelier_name") return doubled("/aci/ateliers");
    if (probe == "duplicate_equipment_name") return doubled("/aci/ateliers/0/equipment");
    if (probe == "duplicate_staff_group_name") return doubled("/aci/ateliers/0/staff");
    if (probe == "duplicate_job_name") return doubled("/jobs");
    const auto with_rate = [&](const char* rate, const char* value, const char* unit) {
      json d = doc;
      if (!d.contains("rates")) d["rates"] = json::array();
      d["rates"].push_back({{"rate", rate},
                            {"effective", "2026-01-01"},
                            {"value", value},
                            {"unit", unit},
                            {"source", "error contract probe"},
                            {"tag", "law"}});
      return d.dump();
    };
    if (probe == "rate_override_zero_fte_hours") return with_rate("aci_fte_paid_hours", "0", "h/year");
    if (probe == "rate_override_negative_vat") return with_rate("vat_standard", "-1", "share");
    if (probe == "rate_override_huge_vat") return with_rate("vat_standard", "1e300", "share");
    ADD_FAILURE() << "unknown document probe " << probe;
    return "";
  }
  json d = doc;
  const json::json_pointer ptr(row.at("pointer").get<std::string>());
  if (probe == "unknown_key") {
    d[ptr]["no_such_key"] = 1;
    return d.dump();
  }
  if (probe == "invalid_utf8") {
    d[ptr] = "INVALID_UTF8_PLACEHOLDER";
    std::string t = d.dump();
    replace_once(t, "\"INVALID_UTF8_PLACEHOLDER\"", "\"\xff\"");
    return t;
  }
  d[ptr] = json::parse(row.at("value").get<std::string>());
  return d.dump();
}

struct Outcome {
  std::string outcome, error, message;
};

Outcome run(const std::string& text) {
  try {
    (void)aci::check::check_scenario_text(text);
  } catch (const aci::NoRateInForce& e) {
    return {"refused", "NoRateInForce", e.what()};
  } catch (const aci::ScenarioError& e) {
    return {"refused", "ScenarioError", e.what()};
  } catch (const aci::InvalidInput& e) {
    return {"refused", "InvalidInput", e.what()};
  } catch (const aci::DomainError& e) {
    return {"refused", "DomainError", e.what()};
  } catch (const std::exception& e) {
    return {"refused", "other", e.what()};
  }
  return {"accepted", "", ""};
}
}  // namespace

TEST(ErrorContract, EveryRowGivesItsOutcome) {
  const json doc = aci::io::scenario_to_json(aci::io::default_scenario());
  const json all = contract().at("rows");
  ASSERT_GT(all.size(), 500u);
  std::size_t refused = 0;
  for (const auto& row : all) {
    const std::string id = row.at("field").get<std::string>() + ":" + row.at("probe").get<std::string>();
    const Outcome got = run(probe_text(doc, row));
    EXPECT_EQ(got.outcome, row.at("outcome").get<std::string>()) << id << ": " << got.message;
    if (row.at("outcome") != "refused") continue;
    ++refused;
    EXPECT_EQ(got.error, row.at("error").get<std::string>()) << id;
    const std::string want = row.at("message");
    if (want.rfind("$ = byte ", 0) == 0) {
      // A parse error gives the byte of the text, whose layout is each writer's own (Python's
      // json module wrote the table's probes): the kind of error is compared, not the offset.
      EXPECT_EQ(got.message.rfind("$ = byte ", 0), 0u) << id << ": " << got.message;
      const auto reason = [](const std::string& m) {
        return m.substr(m.find(": ") + 2, m.find(" at line") - m.find(": ") - 2);
      };
      EXPECT_EQ(reason(got.message), reason(want)) << id;
    } else {
      EXPECT_EQ(got.message, want) << id;
    }
  }
  EXPECT_GT(refused, 400u);
}

TEST(ErrorContract, TheDefaultScenarioIsAcceptedWithFiniteFigures) {
  const auto r = aci::check::check_scenario(aci::io::default_scenario());
  EXPECT_EQ(r.quotes, 2u);
  EXPECT_EQ(r.year_ateliers, 1u);
  EXPECT_EQ(r.training_weeks, 53u);
}

TEST(ErrorContract, EverySweepInputIsRefusedOutsideItsDomain) {
  // Rows generated from the model descriptor tables (scripts/error_contract.py: sweep_rows).
  const auto s = aci::io::default_scenario();
  const json all = contract().at("sweep_rows");
  ASSERT_GT(all.size(), 50u);
  for (const auto& row : all) {
    const std::string id = row.at("input").get<std::string>() + ":" + row.at("probe").get<std::string>();
    std::string got = "accepted";
    try {
      const auto doc = aci::io::read_sweep(row.at("spec").get<std::string>());
      const auto ev = aci::evaluators::make_evaluator(doc, s);
      (void)aci::sweep::run_sweep(*ev, doc.spec);
    } catch (const aci::InvalidInput& e) {
      got = e.what();
    }
    EXPECT_EQ(got, row.at("message").get<std::string>()) << id;
  }
}
