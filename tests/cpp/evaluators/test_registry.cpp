// The typed model registry and a model given as a C++ batch function.
#include <gtest/gtest.h>

#include <cmath>

#include "aci_cost/evaluators/function.hpp"
#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/io/scenario.hpp"

namespace ev = aci::evaluators;

TEST(Registry, BuiltinModelsAndErrors) {
  auto r = ev::Registry::builtin();
  EXPECT_EQ(r.names(), (std::vector<std::string>{"allocation", "quote", "sharing", "training"}));
  aci::io::SweepDocument d;
  d.model = "Training";
  try {
    (void)r.make(d, aci::io::default_scenario());
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "sweep.model");
    EXPECT_EQ(e.value(), "\"Training\"");
    EXPECT_NE(std::string(e.what()).find("\"quote\", \"sharing\", \"training\""), std::string::npos);
  }
  EXPECT_THROW(r.add("quote", {}), aci::InvalidInput);  // taken
  EXPECT_THROW(r.add("", {}), aci::InvalidInput);
}

TEST(FunctionEvaluator, RunsInTheEngineLikeABuiltInModel) {
  // y = 2 x1 + x2 over a 3 x 2 grid; x3 declared, not varied: its column is null.
  auto r = ev::Registry::builtin();
  r.add("linear", [](const aci::Scenario&, const aci::io::SweepDocument&) {
    return std::make_unique<ev::FunctionEvaluator>(
        std::vector<aci::sweep::InputInfo>{{"x1", 0, 10, false, "", false, ""},
                                           {"x2", 0, 10, false, "", false, ""},
                                           {"x3", 0, 1, false, "", false, ""}},
        std::vector<std::string>{"y", "key"}, [](const ev::Batch& b) {
          EXPECT_EQ(b.inputs[2], nullptr);
          for (std::size_t i = 0; i < b.size; ++i) {
            b.outputs[0][i] = 2 * b.inputs[0][i] + b.inputs[1][i];
            b.outputs[1][i] = static_cast<double>(b.keys[i]);
          }
        });
  });
  aci::io::SweepDocument d;
  d.model = "linear";
  d.spec.design = aci::sweep::SampleDesign::grid;
  d.spec.n = 6;
  d.spec.inputs = {{"x1", std::nullopt, {1, 2, 3}}, {"x2", std::nullopt, {0, 5}}};
  const auto model = r.make(d, aci::io::default_scenario());
  aci::sweep::RunOptions o;
  o.chunk = 4;
  o.threads = 2;
  const auto res = aci::sweep::run_sweep(*model, d.spec, o);
  ASSERT_EQ(res.outputs.size(), 2u);
  double sum = 0;
  for (std::size_t i = 0; i < 6; ++i) {
    sum += res.outputs[0][i];
    EXPECT_EQ(res.outputs[0][i], 2 * res.inputs[0][i] + res.inputs[1][i]);
    EXPECT_EQ(res.outputs[1][i], static_cast<double>(i));  // draw key = global index by default
  }
  EXPECT_EQ(sum, 2 * (1 + 2 + 3) * 2 + 3 * 5);  // every grid point once
  EXPECT_THROW((ev::FunctionEvaluator({{"a", 0, 1, false, "", false, ""}}, {}, [](const ev::Batch&) {})),
               aci::InvalidInput);
}
