// Common random numbers in sensitivity designs, the noise as a group, replications, the exact
// summaries' states, and the inputs' domains against the training model's own rules.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/evaluators/training.hpp"
#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/sweep/common_draws.hpp"
#include "helpers.hpp"

namespace {
// Ishigami & Homma (1990) plus a noise term sigma z, z uniform on [-sqrt 3, sqrt 3] (variance 1)
// drawn from the scenario's draw key: a stochastic model whose indices are known.
class NoisyIshigami final : public sw::Evaluator {
 public:
  explicit NoisyIshigami(double sigma) : sigma_(sigma) {
    for (const char* n : {"x1", "x2", "x3"}) inputs_.push_back({n, -pi, pi, false, "", false, ""});
    outputs_ = {"y"};
  }
  void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>&,
                std::span<const double* const> x, const std::vector<std::size_t>&, std::span<double* const> y,
                std::span<const std::uint64_t> keys) const override {
    for (std::size_t i = 0; i < end - begin; ++i) {
      const std::uint64_t key = keys.empty() ? begin + i : keys[i];
      const double u = static_cast<double>(aci::detail::mix64(key ^ 0x9e3779b97f4a7c15ULL) >> 11) * 0x1p-53;
      const double z = std::sqrt(3.0) * (2 * u - 1);
      const double x1 = x[0][i], x2 = x[1][i], x3 = x[2][i];
      y[0][i] = std::sin(x1) + ishigami_a * std::sin(x2) * std::sin(x2) + ishigami_b * std::pow(x3, 4) * std::sin(x1) +
                sigma_ * z;
    }
  }

 private:
  double sigma_;
};

sw::SweepSpec noisy_ishigami_spec() {
  sw::SweepSpec spec;
  for (const char* n : {"x1", "x2", "x3"})
    spec.inputs.push_back({n, sw::Distribution<double>{sw::Uniform<double>{-pi, pi}}, {}});
  return spec;
}

sw::SobolIndices<double> noisy_sobol(double sigma, bool noise_group, std::uint64_t n, std::uint64_t replications = 1) {
  const NoisyIshigami model(sigma);
  std::vector<std::size_t> groups = {0, 1, 2};
  if (noise_group) groups.push_back(3);
  const std::size_t stride = noise_group ? 4 : 3;
  const sw::SaltelliDesign design(stride, n, 7, groups);
  std::vector<double> u(static_cast<std::size_t>(design.size()) * stride);
  for (std::uint64_t r = 0; r < design.size(); ++r) design.point(r, std::span<double>(u.data() + r * stride, stride));
  sw::RunOptions opt;
  opt.threads = 2;
  auto out = sw::evaluate_design(model, noisy_ishigami_spec(), u, stride, sw::saltelli_draw_keys(design, noise_group),
                                 replications, opt);
  sw::SobolOptions o;
  o.bootstrap_resamples = 300;
  o.confidence_level = 0.99;
  return sw::analyze_sobol(design, sw::DesignOutputs<double>{design.fingerprint(), out.values[0]}, o);
}
}  // namespace

TEST(CommonDraws, SaltelliAndMorrisKeys) {
  const sw::SaltelliDesign d(2, 4, 1);  // block A, B, AB_0, AB_1
  const auto k = sw::saltelli_draw_keys(d, false);
  ASSERT_EQ(k.size(), 16u);
  for (std::size_t r = 0; r < 16; ++r) EXPECT_EQ(k[r], r / 4);
  const sw::SaltelliDesign dn(3, 4, 1, {0, 1, 2});  // the last group plays the noise
  const auto kn = sw::saltelli_draw_keys(dn, true);
  // Base row 1: A -> 2, B -> 3, AB_0 -> 2, AB_1 -> 2, AB_noise -> 3.
  EXPECT_EQ(std::vector<std::uint64_t>(kn.begin() + 5, kn.begin() + 10), (std::vector<std::uint64_t>{2, 3, 2, 2, 3}));
  const sw::MorrisDesign m(3, 5, 4, 1);
  const auto km = sw::morris_draw_keys(m);
  for (std::size_t r = 0; r < km.size(); ++r) EXPECT_EQ(km[r], r / 4);
}

TEST(CommonDraws, NoiseGroupRecoversIshigamiPlusNoise) {
  // V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2 (Saltelli et al. 2008, sec. 4.8), plus sigma^2 = 4.
  const double a = 7, b = 0.1, p4 = std::pow(pi, 4), p8 = std::pow(pi, 8), s2 = 4.0;
  const double v = a * a / 8 + b * p4 / 5 + b * b * p8 / 18 + 0.5 + s2;
  const double v1 = 0.5 * (1 + b * p4 / 5) * (1 + b * p4 / 5), v2 = a * a / 8, v13 = 8 * b * b * p8 / 225;
  const double s1[4] = {v1 / v, v2 / v, 0.0, s2 / v}, st[4] = {(v1 + v13) / v, v2 / v, v13 / v, s2 / v};
  const auto r = noisy_sobol(2.0, true, std::uint64_t{1} << 13);
  ASSERT_EQ(r.first_order.size(), 4u);
  for (std::size_t g = 0; g < 4; ++g) {
    EXPECT_LE(r.first_order_ci[g].low, s1[g]) << g;
    EXPECT_GE(r.first_order_ci[g].high, s1[g]) << g;
    EXPECT_LE(r.total_order_ci[g].low, st[g]) << g;
    EXPECT_GE(r.total_order_ci[g].high, st[g]) << g;
  }
}

TEST(CommonDraws, WithoutTheNoiseGroupAConstantEffectIsExactlyZero) {
  // Common random numbers: A and AB_g of a base row share the noise, so the noise cancels in
  // every difference; x3 alone has no first-order effect. Without them (independent keys per
  // row, the former behaviour) the noise would show as sensitivity of every input.
  const NoisyIshigami model(2.0);
  const sw::SaltelliDesign design(3, 1024, 3);
  std::vector<double> u(static_cast<std::size_t>(design.size()) * 3);
  for (std::uint64_t r = 0; r < design.size(); ++r) design.point(r, std::span<double>(u.data() + r * 3, 3));
  // x2 replaced by a constant in A and B alike: set its coordinate to 0.5 in every row.
  for (std::uint64_t r = 0; r < design.size(); ++r) u[r * 3 + 1] = 0.5;
  const auto shared =
      sw::evaluate_design(model, noisy_ishigami_spec(), u, 3, sw::saltelli_draw_keys(design, false), 1, {});
  sw::SobolOptions o;
  o.bootstrap_resamples = 0;
  const auto r = sw::analyze_sobol(design, sw::DesignOutputs<double>{design.fingerprint(), shared.values[0]}, o);
  EXPECT_EQ(r.first_order[1], 0.0);
  EXPECT_EQ(r.total_order[1], 0.0);
  std::vector<std::uint64_t> own(static_cast<std::size_t>(design.size()));
  for (std::size_t i = 0; i < own.size(); ++i) own[i] = i;
  const auto independent = sw::evaluate_design(model, noisy_ishigami_spec(), u, 3, own, 1, {});
  const auto ri = sw::analyze_sobol(design, sw::DesignOutputs<double>{design.fingerprint(), independent.values[0]}, o);
  EXPECT_GT(ri.total_order[1], 0.05);  // noise reported as sensitivity
}

TEST(CommonDraws, ReplicationsAverageAndShrinkTheNoise) {
  const auto r = sw::replicate({{1.0, 2.0}}, {5, 6}, 3);
  EXPECT_EQ(r.columns[0], (std::vector<double>{1, 1, 1, 2, 2, 2}));
  EXPECT_EQ(r.keys, (std::vector<std::uint64_t>{15, 16, 17, 18, 19, 20}));
  const std::vector<double> v = {1, 2, 6, 4, 4, 4};
  EXPECT_EQ(sw::average_replications(v, 3), (std::vector<double>{3, 4}));
  EXPECT_THROW((void)sw::replicate({{1.0}}, {0}, 0), aci::InvalidInput);
  // With 16 replications the noise's share of the variance falls about 16-fold (4 / 16 = 0.25).
  const auto one = noisy_sobol(2.0, true, 1024, 1), many = noisy_sobol(2.0, true, 1024, 16);
  EXPECT_LT(many.first_order[3], one.first_order[3] / 6);
}

TEST(CommonDraws, TrainingKernelSharesDrawsByKey) {
  // Two scenarios with the same inputs and the same key give the same bits; another key differs.
  const auto s = aci::io::default_scenario();
  const aci::evaluators::TrainingEvaluator ev(s.training_model());
  sw::SweepSpec spec;
  spec.inputs.push_back({"training.demand.base_hours", std::nullopt, {150, 150, 150, 150}});
  spec.design = sw::SampleDesign::points;
  spec.n = 4;
  spec.draw_keys = {7, 7, 8, 7};
  spec.outputs = {"training_debt"};
  const auto r = sw::run_sweep(ev, spec);
  EXPECT_EQ(r.outputs[0][0], r.outputs[0][1]);
  EXPECT_EQ(r.outputs[0][0], r.outputs[0][3]);
  EXPECT_NE(r.outputs[0][0], r.outputs[0][2]);
  // Key 7 is what scenario 7 of a plain sweep draws.
  spec.draw_keys.clear();
  spec.n = 8;
  spec.inputs[0].values.assign(8, 150.0);
  EXPECT_EQ(sw::run_sweep(ev, spec).outputs[0][7], r.outputs[0][0]);
  spec.draw_keys = {1, 2};
  EXPECT_THROW((void)sw::run_sweep(ev, spec), aci::InvalidInput);
}

TEST(SummaryState, RoundTripsAndMergesToTheWholeRun) {
  std::vector<double> xs;
  for (int i = 0; i < 5000; ++i) xs.push_back(std::sin(i) * std::pow(10.0, i % 7) + (i % 13 == 0 ? -3.5 : 0.0));
  xs.push_back(std::numeric_limits<double>::quiet_NaN());
  sw::Summary whole;
  whole.add(std::span<const double>(xs));
  sw::Summary merged;
  for (std::size_t b : {0u, 1234u, 4000u}) {
    const std::size_t e = b == 0 ? 1234 : (b == 1234 ? 4000 : xs.size());
    sw::Summary part;
    part.add(std::span<const double>(xs.data() + b, e - b));
    merged.merge(sw::Summary::from_words(part.to_words()));
  }
  EXPECT_TRUE(merged == whole);
  EXPECT_EQ(merged.quantile(0.5), whole.quantile(0.5));
  auto w = whole.to_words();
  w.pop_back();
  EXPECT_THROW((void)sw::Summary::from_words(w), aci::InvalidInput);
  EXPECT_THROW((void)sw::Summary::from_words(std::vector<std::uint64_t>{1, 2, 3}), aci::InvalidInput);
}

TEST(InputDomains, TrainingEndsMatchTheModelsRules) {
  // For every input, the value at each finite end is accepted by the model exactly when the
  // domain says the end is included.
  const auto s = aci::io::default_scenario();
  const auto base = s.training_model();
  const aci::evaluators::TrainingEvaluator ev(base);
  namespace td = aci::training::detail;
  for (std::size_t k = 0; k < td::p_count; ++k) {
    const auto& info = ev.inputs()[k];
    for (const bool at_low : {true, false}) {
      const double v = at_low ? info.low : info.high;
      if (std::isinf(v)) continue;
      auto p = td::params_of(base);
      // Joint rules: keep the partners out of the way of the end tested.
      p[td::p_absence] = k == td::p_absence ? v : 0.0;
      p[td::p_absence_spread] = k == td::p_absence_spread ? v : 0.0;
      p[td::p_accompaniment] = k == td::p_accompaniment ? v : 0.0;
      if (k == td::p_absence_spread) p[td::p_absence] = v;  // absence - spread >= 0
      p[k] = v;
      bool accepted = true;
      try {
        td::validate_params(p, [](td::Param q) { return std::string(td::param_path[q]); });
      } catch (const aci::InvalidInput&) {
        accepted = false;
      }
      EXPECT_EQ(accepted, info.contains(v)) << info.name << " at " << v << " domain " << info.domain();
    }
  }
  EXPECT_EQ(ev.inputs()[td::p_absence].domain(), "[0, 1)");
  EXPECT_EQ(ev.inputs()[td::p_demand_productivity].domain(), "(0, 1]");
  EXPECT_FALSE(ev.inputs()[td::p_accompaniment].rule.empty());
}
