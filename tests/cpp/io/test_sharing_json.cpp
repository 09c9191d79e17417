// The sharing format: the example reads, writes back to an equal problem, and bad documents name
// their JSON path.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "aci_cost/io/sharing_json.hpp"

namespace {

TEST(SharingJson, TheExampleRoundTrips) {
  const auto p = aci::io::example_sharing_problem();
  ASSERT_EQ(p.members.size(), 4u);
  ASSERT_EQ(p.posts.size(), 2u);
  EXPECT_EQ(p.members[3].hours[1], aci::Decimal(0));  // ACI Rivière needs no assistant
  EXPECT_EQ(p.members[3].weeks[0], aci::Decimal(40));
  EXPECT_EQ(p.posts[1].frame.kind, aci::sharing::FrameKind::employers_group);
  EXPECT_EQ(p.posts[1].frame.group_management_annual, aci::Money::parse("900"));
  EXPECT_EQ(p.members[0].alone[0].basis, aci::sharing::PartTimeBasis::several_jobs);
  EXPECT_EQ(p.members[2].alone[1].basis, aci::sharing::PartTimeBasis::legal_minimum);  // Bourg's assistant: 24 h
  const auto again = aci::io::sharing_from_json(aci::io::to_json(p));
  EXPECT_EQ(aci::io::to_json(again), aci::io::to_json(p));
  EXPECT_EQ(again.members, p.members);
  EXPECT_EQ(again.posts, p.posts);
}

TEST(SharingJson, EveryFrameFieldRoundTrips) {
  auto p = aci::io::example_sharing_problem();
  p.posts[0].frame.kind = aci::sharing::FrameKind::cooperation_agreement;
  p.posts[0].frame.lender = "ACI Plateau";
  p.posts[0].frame.part_time = {aci::sharing::PartTimeBasis::branch_agreement, aci::Decimal("17.5")};
  p.members[3].alone[0] = {aci::sharing::PartTimeBasis::student_under_26, aci::Decimal(2)};
  p.posts[1].grid_level = "A";
  p.posts[1].pay_override = true;
  const auto doc = aci::io::to_json(p);
  EXPECT_EQ(doc["posts"][1]["grid_level"], "A");
  EXPECT_EQ(doc["posts"][0]["frame"]["lender"], "ACI Plateau");
  EXPECT_EQ(doc["posts"][0]["frame"]["part_time"]["basis"], "branch_agreement");
  EXPECT_EQ(doc["members"][3]["needs"]["psychologist"]["alone"]["minimum_hours"], 2);
  const auto again = aci::io::sharing_from_json(doc);
  EXPECT_EQ(again.posts, p.posts);
  EXPECT_EQ(again.members, p.members);
}

TEST(SharingJson, TheExampleFileIsTheEmbeddedExample) {
  std::ifstream in(std::string(ACI_COST_SOURCE_DIR) + "/examples/sharing_four_acis.json");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(aci::io::parse_json(text.str()), aci::io::parse_json(aci::io::example_sharing_json()));
}

TEST(SharingJson, BadDocumentsNameTheirPath) {
  const auto field = [](const std::string& change_from, const std::string& change_to) {
    std::string text = aci::io::example_sharing_json();
    const auto at = text.find(change_from);
    EXPECT_NE(at, std::string::npos) << change_from;
    text.replace(at, change_from.size(), change_to);
    try {
      aci::io::read_sharing(text);
    } catch (const aci::ScenarioError& e) {
      return e.field();
    }
    return std::string("no error");
  };
  EXPECT_EQ(field(R"("kind": "staff_lending"})", R"("kind": "staff_lending", "lending_markup": 0.1})"),
            "$.posts[psychologist].frame.lending_markup");
  EXPECT_EQ(field(R"("kind": "staff_lending"})", R"("kind": "loan"})"), "$.posts[0].frame.kind");
  EXPECT_EQ(field(R"("psychologist": {"hours": 4, "weeks": 40, "alone": {"basis": "several_jobs"}})",
                  R"("psychiatrist": {"hours": 4})"),
            "$.members[3].needs.psychiatrist");
  EXPECT_EQ(field(R"("hours": 4, "weeks": 40, "alone": {"basis": "several_jobs"})",
                  R"("hours": 4, "weeks": 40, "alone": {"basis": "several jobs"})"),
            "$.members[3].needs.psychologist.alone.basis");
  EXPECT_EQ(field(R"("hours": 4, "weeks": 40, "alone": {"basis": "several_jobs"})",
                  R"("hours": 4, "weeks": 40, "alone": {"basis": "legal_minimum", "minimum_hours": 4})"),
            "$.members[ACI Rivière].alone[psychologist].minimum_hours");
  EXPECT_EQ(field(R"("hours": 4, "weeks": 40, "alone": {"basis": "several_jobs"})",
                  R"("hours": 4, "weeks": 40, "alone": {"basis": "several_jobs", "why": 1})"),
            "$.members[3].needs.psychologist.alone.why");
  EXPECT_EQ(field(R"("kind": "staff_lending"})", R"("kind": "staff_lending", "lender": "ACI Mer"})"),
            "$.posts[psychologist].frame.lender");
  EXPECT_EQ(
      field(R"("kind": "staff_lending"})", R"("kind": "staff_lending", "part_time": {"basis": "branch_agreement"}})"),
      "$.posts[psychologist].frame.part_time.minimum_hours");
  EXPECT_EQ(field(R"("kind": "staff_lending"})", R"("kind": "staff_lending", "group_insurance_annual": "300"})"),
            "$.posts[psychologist].frame.group_insurance_annual");
  EXPECT_EQ(field(R"("cost_per_km": "0.40", "rounds_per_week": 1, "service_weeks": 47,
     "frame": {"kind": "staff_lending"})",
                  R"("cost_per_km": "-1", "rounds_per_week": 1, "service_weeks": 47,
     "frame": {"kind": "staff_lending"})"),
            "$.posts[psychologist].cost_per_km");
  EXPECT_EQ(field(R"("distance_km": [[0, 25, 12, 30],)", R"("distance_km": [[0, 25, 12],)"), "$.distance_km[0]");
  EXPECT_EQ(field(R"("format": "aci_cost/sharing@1")", R"("format": "aci_cost/sharing@2")"), "$.format");
  EXPECT_EQ(field(R"("date": "2026-03-01")", R"("date": "2026-03-01", "extra": 1)"), "$.extra");
}

}  // namespace
