// Tornado swings sorted by size.
#include "helpers.hpp"

#include "aci_cost/sweep/tornado_study.hpp"

TEST(SweepTornado, DeltasSortedBySwing) {
  // f = 3 x1 - x2 + 0 x3 around (1, 1, 1): x1 at 0 / 2 moves f by -3 / +3 (swing 6), x2 at 0 / 3
  // by +1 / -2 (swing 3), x3 not at all.
  const sw::TornadoDesign<> design({1, 1, 1}, {0, 0, 0}, {2, 3, 5});
  const auto outputs = sw::evaluate(design, [](std::span<const double> x) { return 3 * x[0] - x[1] + 0 * x[2]; });
  const auto bars = sw::analyze_tornado(design, outputs);
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(bars[0].input, 0u);
  EXPECT_EQ(bars[0].low_delta, -3.0);
  EXPECT_EQ(bars[0].high_delta, 3.0);
  EXPECT_EQ(bars[0].swing, 6.0);
  EXPECT_EQ(bars[1].input, 1u);
  EXPECT_EQ(bars[1].low_delta, 1.0);
  EXPECT_EQ(bars[1].high_delta, -2.0);
  EXPECT_EQ(bars[1].swing, 3.0);
  EXPECT_EQ(bars[2].input, 2u);
  EXPECT_EQ(bars[2].swing, 0.0);
  EXPECT_EQ(invalid_input([] { sw::TornadoDesign<>({1, 1}, {0}, {2, 2}); }).field(), "tornado.low");
}

TEST(SweepTornado, InputsGivenALawSwingFromTheirP10ToTheirP90) {
  // y = 2 x1 + x2 with x1 ~ U(0, 10) (P10 = 1, median 5, P90 = 9) and x2 given [1, 2, 4]:
  // x1 swings 2 (1 - 5) = -8 to 2 (9 - 5) = +8, x2 from -1 to +2; stated probabilities (0.25,
  // 0.75) give x1 at 2.5 and 7.5: -5 and +5.
  class Linear final : public sw::Evaluator {
   public:
    Linear() {
      inputs_ = {{"x1", 0, 10, false, "", false, ""}, {"x2", 0, 10, false, "", false, ""}};
      outputs_ = {"y"};
    }
    void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>&,
                  std::span<const double* const> x, const std::vector<std::size_t>&, std::span<double* const> y,
                  std::span<const std::uint64_t>) const override {
      for (std::uint64_t i = 0; i < end - begin; ++i) y[0][i] = 2 * x[0][i] + x[1][i];
    }
  } ev;
  sw::SweepSpec spec;
  spec.inputs = {{"x1", sw::Uniform<double>{0, 10}, {}}, {"x2", std::nullopt, {1, 2, 4}}};
  const auto t = sw::run_tornado(ev, spec, sw::TornadoOptions{}, {});
  EXPECT_EQ(t.low, (std::vector<double>{1, 1}));
  EXPECT_EQ(t.base, (std::vector<double>{5, 2}));
  EXPECT_EQ(t.high, (std::vector<double>{9, 4}));
  ASSERT_EQ(t.outputs.size(), 1u);
  EXPECT_EQ(t.outputs[0].base, 12.0);
  EXPECT_EQ(t.outputs[0].bars[0].input, 0u);
  EXPECT_EQ(t.outputs[0].bars[0].low_delta, -8.0);
  EXPECT_EQ(t.outputs[0].bars[0].high_delta, 8.0);
  EXPECT_EQ(t.outputs[0].bars[1].low_delta, -1.0);
  EXPECT_EQ(t.outputs[0].bars[1].high_delta, 2.0);
  sw::TornadoOptions quartiles;
  quartiles.low = 0.25;
  quartiles.high = 0.75;
  const auto q = sw::run_tornado(ev, spec, quartiles, {});
  EXPECT_EQ(q.outputs[0].bars[0].low_delta, -5.0);
  EXPECT_EQ(q.outputs[0].bars[0].high_delta, 5.0);
  quartiles.high = 0.5;
  EXPECT_EQ(invalid_input([&] { (void)sw::run_tornado(ev, spec, quartiles, {}); }).field(), "tornado.high");
  spec.inputs[1].values = {1, 2};
  EXPECT_EQ(invalid_input([&] { (void)sw::run_tornado(ev, spec, sw::TornadoOptions{}, {}); }).field(),
            "sweep.inputs[1].values");
}
