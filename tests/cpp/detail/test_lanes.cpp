// The kernel's building blocks: Lanes<W> (one IEEE operation per lane), the weekly draws (the
// counter hash's halves, the scenario stream), and the uninitialised, huge-page-aligned column.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/detail/lanes.hpp"
#include "aci_cost/detail/scenario_stream.hpp"
#include "aci_cost/sweep/column.hpp"
#include "aci_cost/sweep/distributions.hpp"
#include "aci_cost/error.hpp"

namespace {

using aci::detail::Lanes;

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(Lanes, EachLaneIsTheScalarOperation) {
  // Values chosen so that rounding happens (0.1 + 0.2, 1 / 3) and signs of zero matter.
  const double a[8] = {0.1, 1.0, -0.0, 3.0, 1e308, -2.5, 0.0, 7.0};
  const double b[8] = {0.2, 3.0, 0.0, -0.0, 10.0, 0.5, -0.0, 7.0};
  const auto x = Lanes<8>::load(a), y = Lanes<8>::load(b);
  const Lanes<8> sum = x + y, dif = x - y, pro = x * y, quo = x / y;
  const Lanes<8> lo = select(x < y, x, y);
  for (std::size_t i = 0; i < 8; ++i) {
    SCOPED_TRACE(i);
    EXPECT_TRUE(same_bits(sum[i], a[i] + b[i]));
    EXPECT_TRUE(same_bits(dif[i], a[i] - b[i]));
    EXPECT_TRUE(same_bits(pro[i], a[i] * b[i]));
    EXPECT_TRUE(same_bits(quo[i], a[i] / b[i]));  // 3 / -0 = -inf, 0 / -0 = NaN
    EXPECT_TRUE(same_bits(lo[i], a[i] < b[i] ? a[i] : b[i]));
  }
}

TEST(Lanes, InterleavedPartsAreContiguousLanes) {
  // Lanes<4, 2>: 8 lanes as two vectors of 4; lane i is element i % 4 of part i / 4.
  const double a[8] = {0.1, 1.0, -0.0, 3.0, 1e308, -2.5, 0.0, 7.0};
  const double b[8] = {0.2, 3.0, 0.0, -0.0, 10.0, 0.5, -0.0, 7.0};
  using L2 = Lanes<4, 2>;
  static_assert(L2::size == 8);
  const auto x = L2::load(a), y = L2::load(b);
  const L2 sum = x + y, pro = x * y, lo = select(x < y, x, y), big = aci::detail::max_of(x, y);
  const L2 fused = aci::detail::fused_mul_add(x, y, sum);
  double stored[8];
  sum.store(stored);
  for (std::size_t i = 0; i < 8; ++i) {
    SCOPED_TRACE(i);
    EXPECT_TRUE(same_bits(stored[i], a[i] + b[i]));
    EXPECT_TRUE(same_bits(pro[i], a[i] * b[i]));
    EXPECT_TRUE(same_bits(lo[i], a[i] < b[i] ? a[i] : b[i]));
    EXPECT_TRUE(same_bits(big[i], a[i] > b[i] ? a[i] : b[i]));
    EXPECT_TRUE(same_bits(fused[i], std::fma(a[i], b[i], a[i] + b[i])));
  }
  // Masks look at both parts: one infinite lane in part 1 makes all() false.
  const double c[8] = {1, 2, 3, 4, 5, 6, std::numeric_limits<double>::infinity(), 8};
  EXPECT_TRUE(is_finite(x).all());
  EXPECT_FALSE(is_finite(L2::load(c)).all());
  EXPECT_TRUE(is_finite(L2::load(c)).any());
  EXPECT_TRUE((x > 5.0).any());  // lanes 4 and 7, both in part 1
  EXPECT_FALSE((x > 1e308).any());
  using M2 = aci::detail::Mask<4, 2>;
  EXPECT_TRUE(M2::all_true().all());
  EXPECT_TRUE((M2::all_true() & (x < std::numeric_limits<double>::infinity())).all());
  EXPECT_FALSE((M2::all_true() & (x < 1e308)).all());  // lane 4 is 1e308
}

TEST(Lanes, FusedMultiplyAddRoundsOnceAndMaxFollowsItsRule) {
  // (1 + 2^-30)(1 - 2^-30) = 1 - 2^-60 rounds to 1 as a product, so a x b - 1 is 0 when
  // rounded twice and -2^-60 when rounded once (std::fma); the other lanes check signs and zeros.
  const double e = 0x1p-30;
  const double a[8] = {1 + e, 0.1, -0.0, 3.0, 1e308, -2.5, 0.0, 7.0};
  const double b[8] = {1 - e, 10.0, 0.0, -0.0, 10.0, 0.5, -0.0, 7.0};
  const double c[8] = {-1.0, -1.0, -0.0, 0.0, -1e308, 1.25, -0.0, -49.0};
  const auto x = Lanes<8>::load(a), y = Lanes<8>::load(b), z = Lanes<8>::load(c);
  const Lanes<8> fused = aci::detail::fused_mul_add(x, y, z), big = aci::detail::max_of(x, y);
  for (std::size_t i = 0; i < 8; ++i) {
    SCOPED_TRACE(i);
    EXPECT_TRUE(same_bits(fused[i], std::fma(a[i], b[i], c[i])));
    EXPECT_TRUE(same_bits(aci::detail::fused_mul_add(a[i], b[i], c[i]), std::fma(a[i], b[i], c[i])));
    EXPECT_TRUE(same_bits(big[i], a[i] > b[i] ? a[i] : b[i]));  // -0 vs 0: the second
    EXPECT_TRUE(same_bits(aci::detail::max_of(a[i], b[i]), a[i] > b[i] ? a[i] : b[i]));
  }
  EXPECT_EQ(fused[0], -0x1p-60);
  EXPECT_EQ(a[0] * b[0] + c[0], 0.0);
  // NaN in either operand gives the second operand, as the x86 max instruction does.
  const double nan = std::nan("");
  const double p[8] = {nan, 1.0, nan, 2.0, 0.0, 0.0, 0.0, 0.0}, q[8] = {1.0, nan, nan, 1.0, 0.0, 0.0, 0.0, 0.0};
  const Lanes<8> m = aci::detail::max_of(Lanes<8>::load(p), Lanes<8>::load(q));
  EXPECT_EQ(m[0], 1.0);
  EXPECT_TRUE(std::isnan(m[1]));
  EXPECT_TRUE(std::isnan(m[2]));
  EXPECT_EQ(m[3], 2.0);
}

TEST(Lanes, BroadcastKeepsTheSignOfZeroAndMasksCombine) {
  const Lanes<4> z(-0.0);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_TRUE(std::signbit(z[i]));
  const double v[4] = {1.0, std::numeric_limits<double>::infinity(), std::nan(""), -3.0};
  const auto x = Lanes<4>::load(v);
  const auto finite = is_finite(x);
  EXPECT_FALSE(finite.all());
  EXPECT_TRUE(finite.any());
  EXPECT_TRUE(((x > 0.0) & finite).any());
  EXPECT_FALSE(((x > 5.0) & finite).any());
  const double w[4] = {1, 2, 3, 4};
  EXPECT_TRUE(is_finite(Lanes<4>::load(w)).all());
  double out[4];
  select(finite, x, Lanes<4>(0.0)).store(out);
  EXPECT_EQ(out[0], 1.0);
  EXPECT_EQ(out[1], 0.0);
  EXPECT_EQ(out[2], 0.0);
  EXPECT_EQ(out[3], -3.0);
}

TEST(CounterRng, DrawEqualsTwiceTheUniformPlusTwo) {
  // The model takes each weekly draw as x = 2u + 2 in [2, 4), formed from the bits without an FP
  // operation (high_draw_of with one shift, low_draw_of); it must be that double exactly, for
  // both halves, scalars and lanes.
  for (std::uint64_t word : {0ull, 1ull, 0x7fffffffull, 0x80000000ull, 0x80000001ull, 0xffffffffull, 0x12345678ull}) {
    const std::uint64_t bits = word << 32 | (word ^ 0xdeadbeefULL);
    for (int half : {0, 1}) {
      const double u = aci::detail::half_to_uniform(bits, half);
      EXPECT_TRUE(same_bits(aci::detail::half_to_draw(bits, half), 2.0 * u + 2.0)) << word << " " << half;
      const std::uint64_t half_word = half == 0 ? bits >> 32 : bits & 0xffffffffULL;
      EXPECT_TRUE(same_bits(aci::detail::word_to_draw_of<double>(half_word), 2.0 * u + 2.0)) << word << " " << half;
    }
#if defined(ACI_COST_HAVE_LANES)
    using V = aci::detail::VectorTypes<4>;
    const V::U lanes = {bits, ~bits, bits * 3, 0};
    const V::D high = aci::detail::high_draw_of<V::D>(lanes), low = aci::detail::low_draw_of<V::D>(lanes);
    for (int j = 0; j < 4; ++j) {
      EXPECT_TRUE(same_bits(high[j], aci::detail::half_to_draw(lanes[j], 0))) << word << " lane " << j;
      EXPECT_TRUE(same_bits(low[j], aci::detail::half_to_draw(lanes[j], 1))) << word << " lane " << j;
    }
#endif
  }
  EXPECT_EQ(aci::detail::word_to_draw_of<double>(std::uint64_t{0}), 2.0);
  EXPECT_EQ(aci::detail::word_to_draw_of<double>(std::uint64_t{0x80000000}), 3.0);  // e = x - 3 = 0
  EXPECT_EQ(aci::detail::word_to_draw_of<double>(std::uint64_t{0xffffffff}), 4.0 - 0x1p-31);
}

TEST(ScenarioStream, IsXoroshiro128PlusPlusFromTheCounterKey) {
  // Known answers of an independent implementation: randomgen 2.5.1 (PyPI),
  // Xoroshiro128(plusplus=True) with its state set to {s0, s1}, random_raw().
  aci::detail::ScenarioStream<std::uint64_t> a{1, 2};
  EXPECT_EQ(a.next(), 0x60001ULL);  // rotl(1 + 2, 17) + 1, by hand
  EXPECT_EQ(a.next(), 0x260c000660007ULL);
  EXPECT_EQ(a.next(), 0x180acc04718606d3ULL);
  EXPECT_EQ(a.next(), 0x9e226d35036fc4c7ULL);
  aci::detail::ScenarioStream<std::uint64_t> b{0x0123456789abcdefULL, 0xfedcba9876543210ULL};
  EXPECT_EQ(b.next(), 0x0123456789abcdeeULL);
  EXPECT_EQ(b.next(), 0xa06b17e864202464ULL);
  EXPECT_EQ(b.next(), 0xcc9792ef68e54a58ULL);

  // Seeded from counter_key(seed, scenario) and its mix; a zero key still gives a live state.
  const auto s = aci::detail::scenario_stream(2026, 17);
  EXPECT_EQ(s.s0, aci::detail::counter_key(2026, 17));
  EXPECT_EQ(s.s1, aci::detail::mix64(s.s0));
  auto z = aci::detail::scenario_stream_of(std::uint64_t{0});
  EXPECT_NE(z.s1, 0u);
  EXPECT_NE(z.next() | z.next(), 0u);

#if defined(ACI_COST_HAVE_LANES)
  // Lanes: each lane is the scalar stream of its own key.
  using V = aci::detail::VectorTypes<4>;
  const V::U keys = {aci::detail::counter_key(7, 0), aci::detail::counter_key(7, 1), 0, ~0ULL};
  auto lanes = aci::detail::scenario_stream_of(keys);
  aci::detail::ScenarioStream<std::uint64_t> one[4];
  for (int j = 0; j < 4; ++j) one[j] = aci::detail::scenario_stream_of(keys[j]);
  for (int w = 0; w < 60; ++w) {
    const V::U bits = lanes.next();
    for (int j = 0; j < 4; ++j) ASSERT_EQ(bits[j], one[j].next()) << "week " << w << " lane " << j;
  }
#endif

  // Both halves of the outputs as u in [0, 1): over 10^5 outputs of 2,000 scenarios, each
  // half's mean lies within 5 sigma = 5 x sqrt(1/12 / 1e5) = 0.0046 of 1/2, and the two halves
  // are uncorrelated (|r| < 5 / sqrt(1e5) = 0.016).
  double sum[2] = {0, 0}, sum2[2] = {0, 0}, cross = 0;
  const int n = 100000;
  for (std::uint64_t i = 0; i < 2000; ++i) {
    auto st = aci::detail::scenario_stream(42, i);
    for (int w = 0; w < 50; ++w) {
      const std::uint64_t bits = st.next();
      const double u0 = aci::detail::half_to_uniform(bits, 0), u1 = aci::detail::half_to_uniform(bits, 1);
      sum[0] += u0;
      sum[1] += u1;
      sum2[0] += u0 * u0;
      sum2[1] += u1 * u1;
      cross += u0 * u1;
    }
  }
  for (int h = 0; h < 2; ++h) EXPECT_NEAR(sum[h] / n, 0.5, 0.0046) << "half " << h;
  const double cov = cross / n - (sum[0] / n) * (sum[1] / n);
  const double var0 = sum2[0] / n - (sum[0] / n) * (sum[0] / n), var1 = sum2[1] / n - (sum[1] / n) * (sum[1] / n);
  // Variance 1/12 within 5 standard errors, sqrt((1/80 - 1/144) / 1e5) = 2.4e-4 each.
  EXPECT_NEAR(var0, 1.0 / 12, 0.0012);
  EXPECT_NEAR(var1, 1.0 / 12, 0.0012);
  EXPECT_LT(std::abs(cov / std::sqrt(var0 * var1)), 0.016);
}

TEST(Column, LargeColumnsAreHugePageAlignedAndWritable) {
  aci::sweep::Column small(10), large(1 << 20);  // 80 B, 8 MiB
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(large.data()) % (std::uintptr_t{2} << 20), 0u);
  for (std::size_t i = 0; i < large.size(); ++i) large[i] = static_cast<double>(i);
  small.assign(10, 1.5);  // an explicit value is still written
  EXPECT_EQ(small[9], 1.5);
  EXPECT_EQ(large[123456], 123456.0);
  aci::sweep::Column copy = large;  // copies use the same allocator
  EXPECT_EQ(copy[(1 << 20) - 1], static_cast<double>((1 << 20) - 1));
}

TEST(Quantiles, InPlaceEqualsPointwiseAndNamesBadPoints) {
  const aci::sweep::Uniform<double> law{10.0, 20.0};
  std::vector<double> u = {0.0, 0.25, 0.5, 0x1.fffffffffffffp-1};
  std::vector<double> expected;
  for (double x : u) expected.push_back(law.quantile(x));
  aci::sweep::quantiles_in_place(law, std::span<double>(u));
  EXPECT_EQ(u, expected);
  std::vector<double> bad = {0.5, 1.0};
  try {
    aci::sweep::quantiles_in_place(law, std::span<double>(bad));
    ADD_FAILURE() << "no exception";
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "quantile.u");
    EXPECT_EQ(e.value(), "1");
  }
}

}  // namespace
