// The study functions (sweep/sobol_study.hpp, morris_study.hpp, tornado_study.hpp): a design run
// on any evaluator, analysed per output; their results equal the analysers run by hand on the
// same design and outputs.
#include "aci_cost/evaluators/function.hpp"
#include "aci_cost/evaluators/training.hpp"
#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/sweep/morris_study.hpp"
#include "aci_cost/sweep/sobol_study.hpp"
#include "aci_cost/sweep/tornado_study.hpp"
#include "helpers.hpp"

namespace {

namespace ev = aci::evaluators;

/// Ishigami as an evaluator over x_i in [-pi, pi] (uniform laws in the spec).
ev::FunctionEvaluator ishigami_model() {
  std::vector<sw::InputInfo> in;
  for (const char* n : {"x1", "x2", "x3"}) in.push_back({n, -pi, pi, false, "", false, ""});
  return ev::FunctionEvaluator(std::move(in), {"y"}, [](const ev::Batch& b) {
    for (std::size_t i = 0; i < b.size; ++i) {
      const double u[3] = {(b.inputs[0][i] + pi) / (2 * pi), (b.inputs[1][i] + pi) / (2 * pi),
                           (b.inputs[2][i] + pi) / (2 * pi)};
      b.outputs[0][i] = ishigami(u);
    }
  });
}

sw::SweepSpec ishigami_spec() {
  sw::SweepSpec spec;
  for (const char* n : {"x1", "x2", "x3"}) spec.inputs.push_back({n, sw::Uniform<double>{-pi, pi}, {}});
  spec.outputs = {"y"};
  return spec;
}

}  // namespace

TEST(SobolStudy, IshigamiIndicesWithinTheirIntervalsAndEqualToTheAnalyser) {
  const auto model = ishigami_model();
  sw::SobolStudyOptions o;
  o.n = 4096;
  o.seed = 11;
  o.analysis.bootstrap_resamples = 300;
  const sw::SobolStudy study = sw::run_sobol(model, ishigami_spec(), o);
  ASSERT_EQ(study.labels, (std::vector<std::string>{"x1", "x2", "x3"}));
  ASSERT_EQ(study.outputs.size(), 1u);
  const auto& s = study.outputs[0].indices;
  const IshigamiIndices exact = ishigami_indices();  // Saltelli et al. 2008, sec. 4.8
  for (std::size_t j = 0; j < 3; ++j) {
    // Analytic value within the 95 % interval widened by 0.02 (Monte Carlo error of n = 4096).
    EXPECT_NEAR(s.first_order[j], exact.s1[j], 0.03) << j;
    EXPECT_NEAR(s.total_order[j], exact.st[j], 0.03) << j;
    EXPECT_LE(s.first_order_ci[j].low - 0.02, exact.s1[j]) << j;
    EXPECT_GE(s.first_order_ci[j].high + 0.02, exact.s1[j]) << j;
  }
  // The analyser alone on the study's design and outputs gives the same bits.
  const sw::SaltelliDesign design(3, o.n, o.seed, {});
  EXPECT_EQ(design.fingerprint(), study.fingerprint);
  const auto again =
      sw::analyze_sobol(design, sw::DesignOutputs<double>{design.fingerprint(), study.outputs[0].values}, o.analysis);
  EXPECT_EQ(again.first_order, s.first_order);
  EXPECT_EQ(again.total_order, s.total_order);
  ASSERT_EQ(study.unit_points.size(), study.rows * 3);
  // The unit points are the design's.
  std::vector<double> row(3);
  design.point(5, row);
  EXPECT_EQ(std::vector<double>(study.unit_points.begin() + 15, study.unit_points.begin() + 18), row);
}

TEST(SobolStudy, NoiseGroupAndGroupLabels) {
  const auto scenario = aci::io::default_scenario();
  aci::io::SweepDocument d;
  d.model = "training";
  const auto training = ev::make_evaluator(d, scenario);
  sw::SweepSpec spec;
  spec.inputs.push_back({"training.demand.base_hours", sw::Uniform<double>{120, 160}, {}});
  spec.inputs.push_back({"training.workforce.contract_months", sw::Uniform<double>{11.999, 12.001}, {}});
  spec.outputs = {"training_debt"};
  sw::SobolStudyOptions o;
  o.n = 256;
  o.noise = true;
  o.analysis.bootstrap_resamples = 0;
  const auto study = sw::run_sobol(*training, spec, o);
  EXPECT_EQ(study.labels,
            (std::vector<std::string>{"training.demand.base_hours", "training.workforce.contract_months", "noise"}));
  EXPECT_EQ(study.unit_points.size(), study.rows * 2);  // the noise coordinate is not an input
  EXPECT_EQ(study.block_size, 5u);
  o.noise = false;
  o.groups = {0, 0};
  const auto grouped = sw::run_sobol(*training, spec, o);
  EXPECT_EQ(grouped.labels, (std::vector<std::string>{"group 0"}));
  EXPECT_EQ(grouped.outputs[0].indices.first_order.size(), 1u);
}

TEST(MorrisStudy, EqualsTheAnalyserOnTheSameDesign) {
  const auto model = ishigami_model();
  sw::MorrisStudyOptions o;
  o.trajectories = 30;
  o.seed = 4;
  const auto study = sw::run_morris(model, ishigami_spec(), o);
  ASSERT_EQ(study.inputs, (std::vector<std::string>{"x1", "x2", "x3"}));
  const sw::MorrisDesign design(3, o.trajectories, o.levels, o.seed);
  const auto by_hand =
      sw::analyze_morris(design, sw::evaluate(design, [](std::span<const double> u) { return ishigami(u); }));
  EXPECT_EQ(study.outputs[0].indices.mu_star, by_hand.mu_star);
  EXPECT_EQ(study.outputs[0].indices.sigma, by_hand.sigma);
}

TEST(TornadoStudy, OnTheStochasticTrainingModel) {
  const auto s = aci::io::default_scenario();
  const ev::TrainingEvaluator training(s.training_model());
  sw::SweepSpec spec;
  spec.inputs.push_back({"training.workforce.contract_months", std::nullopt, {12, 12, 12}});
  spec.inputs.push_back({"training.demand.base_hours", std::nullopt, {120, 140, 160}});
  spec.outputs = {"training_debt"};
  for (std::uint64_t r : {1u, 3u}) {
    const auto t = sw::run_tornado(training, spec, r, {});
    EXPECT_EQ(t.inputs[1], "training.demand.base_hours");
    ASSERT_EQ(t.outputs.size(), 1u);
    ASSERT_EQ(t.outputs[0].bars.size(), 2u);
    EXPECT_EQ(t.outputs[0].bars[0].input, 1u);  // demand first
    EXPECT_GT(t.outputs[0].bars[0].swing, 0.0);
    EXPECT_EQ(t.outputs[0].bars[1].swing, 0.0);  // the constant input: exactly nothing, noise shared
    EXPECT_EQ(t.outputs[0].bars[1].low_delta, 0.0);
  }
  spec.inputs[0].values = {12, 12};
  EXPECT_EQ(invalid_input([&] { (void)sw::run_tornado(training, spec, 1, {}); }).field(), "sweep.inputs[0].values");
}
