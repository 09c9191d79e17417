// What the client's documents print, as scenario data (issue 30): the SIRET check C++ readers
// keep (INSEE's Luhn key and La Poste's rule), the characters a text field may not hold (issue
// 34, item 12), the clients, terms and social clause read from and written to JSON, and the
// defaults' French wording. The numbers below are computed by hand in the comments.
#include <gtest/gtest.h>

#include <string>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/model/siret.hpp"
#include "aci_cost/schema/text.hpp"
#include "../scenario_json.hpp"

namespace {

using aci::model::siret_problem;
using aci::schema::text_problem;

TEST(Siret, LuhnKeyOfTheDefaults) {
  // 99999999800019: from the right, digits 9,1,0,0,0,8,9,9,9,9,9,9,9,9; doubling every second
  // one (1->2, 0, 8->16->7, 9->18->9 x4): 9+2+0+0+0+7+9+9+9+9+9+9+9+9 = 90, a multiple of 10.
  EXPECT_EQ(siret_problem("99999999800019"), "");
  // The last digit changed: the sum is 89, not a multiple of 10.
  EXPECT_EQ(siret_problem("99999999800018"), "fails the Luhn check of a SIRET (a digit is wrong)");
  EXPECT_EQ(siret_problem("9999999980001"), "must be 14 digits (no spaces)");
  EXPECT_EQ(siret_problem("999 999 998 00"), "must be 14 digits (no spaces)");
}

TEST(Siret, LaPosteSumOfDigits) {
  // 356 000 000 49837: 3+5+6+4+9+8+3+7 = 45, a multiple of 5 (its Luhn sum is 48: it would fail
  // the Luhn key); 356 000 000 00048 is the head office, checked by Luhn: from the right
  // 8 + (4x2=8) + 0... + (6x2=12->3) + 5 + (3x2=6) = 30.
  EXPECT_EQ(siret_problem("35600000049837"), "");
  EXPECT_EQ(siret_problem("35600000000048"), "");
  EXPECT_NE(siret_problem("35600000049838"), "");
}

TEST(Text, ControlAndBidirectionalCharactersAreRefused) {
  EXPECT_EQ(text_problem("Ville de Saint-Exemple"), "");
  EXPECT_EQ(text_problem("עיריית Saint-Exemple"), "");  // right-to-left letters are text
  EXPECT_EQ(text_problem("Ville\xe2\x80\xae de Saint-Exemple"), "must not contain bidirectional formatting characters");
  EXPECT_EQ(text_problem("Ville\xe2\x81\xa6"), "must not contain bidirectional formatting characters");
  EXPECT_EQ(text_problem(std::string("Ville\0x", 7)), "must not contain control characters");
  EXPECT_EQ(text_problem("a\xc2\x85"
                         "b"),
            "must not contain control characters");  // NEL (C1)
  EXPECT_EQ(text_problem("1 rue\n00000 Ville"), "must not contain control characters");
  EXPECT_EQ(text_problem("1 rue\n00000 Ville", true), "");
  EXPECT_EQ(aci::schema::escaped(std::string("a\0b", 3)), "a\\x00b");
}

using aci::test::default_json;

std::string scenario_refusal(const nlohmann::json& j) {
  try {
    aci::io::scenario_from_json(j);
  } catch (const aci::ScenarioError& e) {
    return e.what();
  }
  return "";
}

TEST(Documents, ClientsTermsAndClauseRoundTrip) {
  const aci::Scenario s = aci::io::default_scenario();
  ASSERT_EQ(s.aci.clients.size(), 2u);
  const auto* town = s.aci.client("Ville de Saint-Exemple");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->kind, aci::model::ClientKind::public_buyer);
  EXPECT_EQ(town->service_code, "SERVICE-ESPACES-VERTS");
  EXPECT_EQ(s.jobs[0].terms.duration_days, 7);
  ASSERT_TRUE(s.jobs[0].social_clause.has_value());
  EXPECT_EQ(s.jobs[0].social_clause->contract_amount, aci::Money::parse("80000"));
  EXPECT_EQ(aci::io::read_scenario(aci::io::scenario_to_json(s).dump()), s);
}

TEST(Documents, BadClientsAndTermsAreRefusedNamingThePath) {
  auto j = default_json();
  j["aci"]["clients"][0]["siret"] = "99999901400016";

  EXPECT_NE(scenario_refusal(j).find("$.aci.clients[0].siret"), std::string::npos) << scenario_refusal(j);
  EXPECT_NE(scenario_refusal(j).find("Luhn"), std::string::npos);
  j = default_json();
  j["aci"]["clients"][1]["name"] = "Ville de Saint-Exemple";
  EXPECT_NE(scenario_refusal(j).find("duplicate client name"), std::string::npos) << scenario_refusal(j);
  j = default_json();
  j["aci"]["clients"][0]["kind"] = "household";
  EXPECT_NE(scenario_refusal(j).find("$.aci.clients[0].kind"), std::string::npos) << scenario_refusal(j);
  j = default_json();
  j["jobs"][0]["terms"]["payment_days"] = 90;  // L441-10: at most 60 days after the invoice
  EXPECT_NE(scenario_refusal(j).find("payment_days"), std::string::npos) << scenario_refusal(j);
  EXPECT_NE(scenario_refusal(j).find("must be in [0, 60]"), std::string::npos) << scenario_refusal(j);
  j = default_json();
  j["jobs"][0]["title"] = "Entretien\xe2\x80\xae du parc";
  EXPECT_NE(scenario_refusal(j).find("title"), std::string::npos) << scenario_refusal(j);
  EXPECT_NE(scenario_refusal(j).find("bidirectional"), std::string::npos) << scenario_refusal(j);
  j = default_json();
  j["aci"]["name"] = std::string("ACI\x01");
  EXPECT_NE(scenario_refusal(j).find("\\x01"), std::string::npos) << scenario_refusal(j);
  j = default_json();
  j["aci"]["identity"]["address"] = "12 rue des Jardins\n00000 Saint-Exemple";  // a multi-line field
  EXPECT_EQ(scenario_refusal(j), "");
}

TEST(Documents, EveryDefaultJobHasItsFrenchWordingAndClient) {
  for (const auto name : aci::io::default_scenario_names) {
    const aci::Scenario s = aci::io::default_scenario(name);
    for (const auto& job : s.jobs) {
      EXPECT_FALSE(job.title.empty()) << name << " " << job.name;
      EXPECT_NE(s.aci.client(job.client), nullptr) << name << " " << job.name << " " << job.client;
      for (const auto& d : job.drivers) {
        EXPECT_FALSE(d.label.empty()) << job.name << " " << d.name;
      }
      for (const auto& m : job.materials) {
        EXPECT_FALSE(m.label.empty()) << job.name << " " << m.name;
      }
      if (job.output.quantity > 0) {
        EXPECT_FALSE(job.output.label.empty()) << job.name;
      }
    }
    for (const auto& c : s.aci.clients) {
      bool named = false;
      for (const auto& job : s.jobs) named = named || job.client == c.name;
      EXPECT_TRUE(named) << name << ": client " << c.name << " is no job's";
    }
    EXPECT_EQ(s.aci.name.find("default"), std::string::npos) << s.aci.name;
  }
}

}  // namespace
