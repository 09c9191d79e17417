// Tornado swings sorted by size.
#include "helpers.hpp"

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
