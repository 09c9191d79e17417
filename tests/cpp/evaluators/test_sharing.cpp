// The sharing model in a sweep: its inputs and outputs come from the descriptor table, expanded
// per member, and a scenario equals the model run directly with the same change.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aci_cost/evaluators/sharing.hpp"
#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/io/sharing_json.hpp"
#include "aci_cost/sharing/shapley.hpp"

namespace {

TEST(SharingEvaluator, InputsAndOutputsFollowTheTable) {
  const auto problem = aci::io::example_sharing_problem();
  const aci::evaluators::SharingEvaluator e(problem);
  std::size_t expected_inputs = 0;
  for (const auto& s : aci::sharing::sharing_input_specs) expected_inputs += s.per_member ? problem.members.size() : 1;
  ASSERT_EQ(e.inputs().size(), expected_inputs);
  EXPECT_EQ(e.inputs()[0].name, "travel.distance_scale");
  EXPECT_EQ(e.inputs().back().name, "member[ACI Rivière].hours_scale");
  EXPECT_TRUE(e.inputs()[0].low_open);
  EXPECT_NE(std::find(e.outputs().begin(), e.outputs().end(), "shapley[ACI Bourg]"), e.outputs().end());
}

TEST(SharingEvaluator, AScenarioEqualsTheModelWithTheSameChange) {
  const auto problem = aci::io::example_sharing_problem();
  const aci::evaluators::SharingEvaluator e(problem);
  const auto input = aci::sweep::index_of(
      [&] {
        std::vector<std::string> names;
        for (const auto& i : e.inputs()) names.push_back(i.name);
        return names;
      }(),
      "member[ACI Plateau].hours_scale", "test");
  const auto distance = std::size_t{0};
  const std::vector<double> hours = {1.0, 1.5}, dist = {2.0, 0.5};
  const double* x[] = {hours.data(), dist.data()};
  const auto shapley = aci::sweep::index_of(e.outputs(), "shapley[ACI Plateau]", "test");
  const auto grand = aci::sweep::index_of(e.outputs(), "grand_cost", "test");
  std::vector<double> out_shapley(2), out_grand(2);
  double* y[] = {out_shapley.data(), out_grand.data()};
  e.evaluate(0, 2, {input, distance}, x, {shapley, grand}, y, {});
  for (std::size_t row = 0; row < 2; ++row) {
    auto changed = problem;
    for (std::size_t p = 0; p < changed.posts.size(); ++p)
      changed.members[1].hours[p] = changed.members[1].hours[p] * aci::decimal_from_double(hours[row], "h");
    auto model = aci::sharing::CoalitionCost<double>::of(changed);
    model.distance_scale = dist[row];
    const auto phi = aci::sharing::shapley_exact(model.game());
    EXPECT_NEAR(out_shapley[row], phi[1], 1e-6);
    EXPECT_NEAR(out_grand[row], model(aci::sharing::grand_coalition(4)), 1e-6);
  }
}

TEST(SharingEvaluator, TheRegistryReadsTheSpecsProblem) {
  auto doc = aci::io::read_sweep(
      R"({"format": "aci_cost/sweep@1", "model": "sharing", "inputs": [], "design": {"kind": "monte_carlo", "n": 1}})");
  EXPECT_FALSE(doc.sharing.has_value());
  const auto scenario = aci::io::default_scenario();
  EXPECT_EQ(aci::evaluators::make_evaluator(doc, scenario)->inputs().back().name, "member[ACI Rivière].hours_scale");
  auto text = aci::io::to_json(doc);
  auto three = aci::io::example_sharing_problem();
  three.members.pop_back();
  three.distance_km = {{0, 25, 12}, {25, 0, 18}, {12, 18, 0}};
  three.travel_hours = {{0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
  for (auto& row : three.distance_km)
    for (auto& v : row) v = aci::Decimal(v);
  text["sharing"] = aci::io::to_json(three);
  doc = aci::io::sweep_from_json(text);
  ASSERT_TRUE(doc.sharing.has_value());
  EXPECT_EQ(aci::evaluators::make_evaluator(doc, scenario)->inputs().back().name, "member[ACI Bourg].hours_scale");
  text["sharing"]["members"][0]["needs"]["psychologist"]["hours"] = 60;
  try {
    aci::io::sweep_from_json(text);
    FAIL();
  } catch (const aci::ScenarioError& e) {
    EXPECT_EQ(e.field(), "$.sharing.members[ACI Vallée].hours[psychologist]");
  }
}

}  // namespace
