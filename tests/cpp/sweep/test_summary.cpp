// Exact, mergeable summaries: identical whatever the chunking and merge order, exact by hand.
#include "helpers.hpp"

namespace {

/// Test data: mostly positive costs over several decades, some negatives, zeros and NaNs.
std::vector<double> summary_data(std::size_t n) {
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double u = aci::detail::counter_uniform(42, i, 0, 0);
    const double w = aci::detail::counter_uniform(42, i, 1, 0);
    if (i % 997 == 0)
      x[i] = std::numeric_limits<double>::quiet_NaN();
    else if (i % 101 == 0)
      x[i] = 0.0;
    else if (w < 0.1)
      x[i] = -std::exp(8.0 * u);  // refunds, -1 .. -3000
    else
      x[i] = 1e5 * std::exp(2.0 * (u - 0.5)) + 0.1;  // costs around 1e5
  }
  return x;
}

void expect_identical(const sw::Summary& a, const sw::Summary& b) {
  EXPECT_TRUE(a == b);
  EXPECT_EQ(a.count(), b.count());
  EXPECT_EQ(a.nan_count(), b.nan_count());
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.mean()), std::bit_cast<std::uint64_t>(b.mean()));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.std()), std::bit_cast<std::uint64_t>(b.std()));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.min()), std::bit_cast<std::uint64_t>(b.min()));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.max()), std::bit_cast<std::uint64_t>(b.max()));
  for (const double q : {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1.0})
    EXPECT_EQ(std::bit_cast<std::uint64_t>(a.quantile(q)), std::bit_cast<std::uint64_t>(b.quantile(q))) << q;
}

}  // namespace

TEST(SweepSummary, IdenticalWhateverTheChunkingAndMergeOrder) {
  const std::vector<double> x = summary_data(100003);
  const std::span<const double> all(x);

  sw::Summary whole;
  whole.add(all);

  // Seven uneven chunks, merged left to right.
  const std::size_t cuts[] = {0, 1, 18, 4114, 34114, 34119, 94119, x.size()};
  sw::Summary seven;
  for (std::size_t c = 0; c + 1 < std::size(cuts); ++c) {
    sw::Summary part;
    part.add(all.subspan(cuts[c], cuts[c + 1] - cuts[c]));
    seven.merge(part);
  }

  // A thousand chunks, merged last to first.
  std::vector<sw::Summary> parts(1000);
  for (std::size_t c = 0; c < 1000; ++c) {
    const std::size_t lo = x.size() * c / 1000, hi = x.size() * (c + 1) / 1000;
    parts[c].add(all.subspan(lo, hi - lo));
  }
  sw::Summary thousand;
  for (std::size_t c = 1000; c-- > 0;) thousand.merge(parts[c]);

  // The values in another order, one at a time.
  sw::Summary shuffled;
  for (std::size_t k = 0; k < x.size(); ++k)
    shuffled.add(x[(k * 7919) % x.size()]);  // 7919 is prime, coprime to 100003

  expect_identical(whole, seven);
  expect_identical(whole, thousand);
  expect_identical(whole, shuffled);
  sw::Summary ab = parts[3], ba = parts[500];
  ab.merge(parts[500]);
  ba.merge(parts[3]);
  expect_identical(ab, ba);
}

TEST(SweepSummary, AgreesWithTwoPassLongDoubleAndSortedQuantiles) {
  const std::vector<double> x = summary_data(100003);
  sw::Summary s;
  s.add(x);
  std::vector<double> finite;
  for (const double v : x)
    if (!std::isnan(v)) finite.push_back(v);
  ASSERT_EQ(s.nan_count(), x.size() - finite.size());
  ASSERT_EQ(s.count(), finite.size());
  const auto n = static_cast<long double>(finite.size());
  long double sum = 0;
  for (const double v : finite) sum += v;
  const long double mean = sum / n;
  long double squares = 0;
  for (const double v : finite) squares += (v - mean) * (v - mean);
  const long double sd = std::sqrt(squares / (n - 1));
  EXPECT_NEAR(s.mean() / static_cast<double>(mean), 1.0, 1e-12);
  EXPECT_NEAR(s.std() / static_cast<double>(sd), 1.0, 1e-12);

  std::sort(finite.begin(), finite.end());
  EXPECT_EQ(s.min(), finite.front());
  EXPECT_EQ(s.max(), finite.back());
  for (const double q : {0.0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0}) {
    const double rank = std::max(1.0, std::ceil(q * static_cast<double>(finite.size())));
    const double exact = finite[static_cast<std::size_t>(rank) - 1];
    EXPECT_LE(std::abs(s.quantile(q) - exact), sw::Summary::quantile_relative_error * std::abs(exact)) << q;
  }
}

TEST(SweepSummary, ExactSumsByHand) {
  // 1e16 + 1 - 1e16 = 1 exactly, which naive double summation in this order loses (it gives 0):
  // mean 1/3, sample variance (2e32 + 1 - 1/3) / 2 = 1e32 + 1/3, so std rounds to 1e16.
  sw::Summary a;
  for (const double v : {1e16, 1.0, -1e16}) a.add(v);
  EXPECT_EQ(a.sum(), 1.0);
  EXPECT_EQ(a.mean(), 1.0 / 3.0);
  EXPECT_EQ(a.std(), 1e16);

  // 1e9 + k, k = 0..999: mean 1e9 + 499.5; sample variance of 0..n-1 is n (n + 1) / 12.
  sw::Summary b;
  for (int k = 0; k < 1000; ++k) b.add(1e9 + k);
  EXPECT_EQ(b.mean(), 1e9 + 499.5);
  EXPECT_DOUBLE_EQ(b.std(), std::sqrt(1000.0 * 1001.0 / 12.0));

  // Beyond the double range in the middle of the computation, not in the results.
  sw::Summary c;
  c.add(std::numeric_limits<double>::max());
  c.add(std::numeric_limits<double>::max());
  EXPECT_EQ(c.mean(), std::numeric_limits<double>::max());
  EXPECT_EQ(c.std(), 0.0);
  EXPECT_EQ(c.sum(), std::numeric_limits<double>::infinity());
  sw::Summary d;
  d.add(1e308);
  d.add(-1e308);
  EXPECT_EQ(d.mean(), 0.0);
  EXPECT_DOUBLE_EQ(d.std(), std::sqrt(2.0) * 1e308);  // sample variance 2e616
  EXPECT_EQ(d.variance(), std::numeric_limits<double>::infinity());
}

TEST(SweepSummary, LongRunsOfOneBinadeAndAlternatingBinades) {
  // add(span) pools the values of one sign and binade in a slot's 64- and 128-bit sums, which
  // join the exact accumulators every 2048 values.
  const std::size_t n = (std::size_t{1} << 21) + 3;
  std::vector<double> same(n, 1.5);
  same[7] = 1.75;  // mantissas that differ, same binade [1, 2)
  sw::Summary a;
  a.add(same);
  EXPECT_EQ(a.sum(), 1.5 * static_cast<double>(n) + 0.25);  // exact: 3145733.0, an integer below 2^53
  EXPECT_EQ(a.count(), n);
  // Binades 2^0, 2^4, 2^-4 share one slot and alternate; -1 has the other sign.
  std::vector<double> mixed;
  for (int k = 0; k < 1000; ++k)
    for (const double v : {1.0 + k * 0x1p-20, 16.0 + k * 0x1p-16, 0.0625, -1.0}) mixed.push_back(v);
  sw::Summary whole, one_by_one;
  whole.add(mixed);
  for (const double v : mixed) one_by_one.add(v);
  expect_identical(whole, one_by_one);
  double expected = 0;  // every partial sum below is exact in a double (few bits each)
  for (int k = 0; k < 1000; ++k) expected += (1.0 + k * 0x1p-20) + (16.0 + k * 0x1p-16) + 0.0625 - 1.0;
  EXPECT_EQ(whole.sum(), expected);
}

TEST(SweepSummary, NanZerosInfinitiesAndEmpty) {
  sw::Summary s;
  for (const double v :
       {std::numeric_limits<double>::quiet_NaN(), 1.0, 2.0, std::numeric_limits<double>::quiet_NaN(), 3.0})
    s.add(v);
  EXPECT_EQ(s.count(), 3u);
  EXPECT_EQ(s.nan_count(), 2u);
  EXPECT_EQ(s.mean(), 2.0);
  EXPECT_EQ(s.std(), 1.0);
  EXPECT_EQ(s.min(), 1.0);
  EXPECT_EQ(s.max(), 3.0);

  // Quantiles are bin midpoints clamped to [min, max]: values 1, 2, 3, 4; rank ceil(0.5 x 4) = 2
  // is the value 2, in the bin [2, 2 + 2/128), whose midpoint is 2 + 1/128.
  sw::Summary q;
  for (const double v : {4.0, 1.0, 3.0, 2.0}) q.add(v);
  EXPECT_EQ(q.quantile(0.5), 2.0078125);
  EXPECT_EQ(q.quantile(0.0), 1.0);
  EXPECT_EQ(q.quantile(1.0), 4.0);

  // -0 comes before +0 whatever the order of arrival.
  sw::Summary z1, z2;
  z1.add(0.0);
  z1.add(-0.0);
  z2.add(-0.0);
  z2.add(0.0);
  EXPECT_TRUE(std::signbit(z1.min()) && std::signbit(z2.min()));
  EXPECT_FALSE(std::signbit(z1.max()) || std::signbit(z2.max()));

  sw::Summary inf;
  inf.add(1.0);
  inf.add(std::numeric_limits<double>::infinity());
  EXPECT_EQ(inf.mean(), std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(inf.std()));
  EXPECT_EQ(inf.quantile(1.0), std::numeric_limits<double>::infinity());

  const sw::Summary empty;
  EXPECT_EQ(empty.count(), 0u);
  EXPECT_TRUE(std::isnan(empty.mean()));
  EXPECT_TRUE(std::isnan(empty.quantile(0.5)));
  EXPECT_EQ(invalid_input([&] { (void)empty.quantile(1.5); }).field(), "summary.quantile.q");
}

TEST(SweepSummary, TheAccumulatorEqualsOneValueAtATimeOverEveryBinade) {
  // More (sign, binade) pairs than the accumulator has slots (255), subnormals, both zeros,
  // both infinities and NaN, in long and short calls, with accumulators kept across calls (as
  // the engine keeps one per worker and output): the state of one value at a time, bit for bit.
  std::vector<double> x;
  for (int e = -1074; e <= 1023; e += 3)
    for (const double sign : {1.0, -1.0})
      x.push_back(sign * std::ldexp(1.0 + std::ldexp(static_cast<double>(e & 127), -8), e));
  for (std::size_t i = 0; i < 5000; ++i) x.push_back(aci::detail::counter_uniform(3, i, 0, 0) * 1e4 - 2e3);
  for (const double v : {0.0, -0.0, std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                         std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::denorm_min(),
                         -std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max()})
    x.insert(x.begin() + static_cast<std::ptrdiff_t>(x.size() / 2), v);
  sw::Summary one_by_one;
  for (const double v : x) one_by_one.add(v);
  for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{2048}, x.size()}) {
    sw::SummaryAccumulator acc;
    for (std::size_t i = 0; i < x.size(); i += piece)
      acc.add(std::span<const double>(x).subspan(i, std::min(piece, x.size() - i)));
    sw::Summary s;
    acc.flush_into(s);
    EXPECT_EQ(s.to_words(), one_by_one.to_words()) << piece;
    expect_identical(s, one_by_one);
  }
  EXPECT_EQ(one_by_one.nan_count(), 1u);
  EXPECT_EQ(one_by_one.count(), x.size() - 1);
}

TEST(SweepSummary, QuantilesAreExactFromTheColumnAndBoundedWithoutIt) {
  // exact_quantiles against sorting (the ceil(q n)-th smallest value); quantile_estimate's
  // interval holds that exact value, and is at most 2^-7 of it wide.
  std::vector<double> x = summary_data(100003);
  sw::Summary s;
  s.add(x);
  std::vector<double> finite;
  for (const double v : x)
    if (!std::isnan(v)) finite.push_back(v);
  std::sort(finite.begin(), finite.end());
  const std::vector<double> qs = {0.0, 0.001, 0.05, 0.25, 0.5, 0.75, 0.95, 0.999, 1.0};
  const auto exact = s.exact_quantiles(x, qs);
  ASSERT_EQ(exact.size(), qs.size());
  for (std::size_t i = 0; i < qs.size(); ++i) {
    const double rank = std::max(1.0, std::ceil(qs[i] * static_cast<double>(finite.size())));
    const double want = finite[static_cast<std::size_t>(rank) - 1];
    EXPECT_EQ(exact[i].value, want) << qs[i];
    EXPECT_TRUE(exact[i].exact);
    const auto e = s.quantile_estimate(qs[i]);
    EXPECT_EQ(e.value, s.quantile(qs[i]));
    EXPECT_LE(e.low, want) << qs[i];
    EXPECT_GE(e.high, want) << qs[i];
    EXPECT_LE(e.high - e.low, 0x1p-7 * std::abs(want)) << qs[i];
  }
  // Any order of the values gives the same; a column that is not the summary's is refused.
  std::reverse(x.begin(), x.end());
  EXPECT_EQ(s.exact_quantiles(x, qs)[4].value, exact[4].value);
  x.erase(std::find_if(x.begin(), x.end(), [](double v) { return !std::isnan(v); }));  // one value fewer
  EXPECT_EQ(invalid_input([&] { (void)s.exact_quantiles(x, qs); }).field(), "summary.values");
  // The quantile of 4, 1, 3, 2 at 0.5 is 2 exactly (the binned one is 2 + 1/128).
  sw::Summary q;
  const std::vector<double> four = {4.0, 1.0, 3.0, 2.0};
  q.add(four);
  EXPECT_EQ(q.exact_quantiles(four, std::vector<double>{0.5})[0].value, 2.0);
  EXPECT_EQ(q.quantile_estimate(0.5).low, 2.0);
}

// ---------------------------------------------------------------- sensitivity
