// Sobol' indices: Ishigami within the intervals of its analytic values, the design's reuse and
// checks, groups, NaN policy, and the bootstrap (threads, counts, interruption).
#include "helpers.hpp"

TEST(SweepSobolIndices, IshigamiWithinBootstrapIntervalOfAnalyticValues) {
  const auto exact = ishigami_indices();
  // The Primer's rounded values.
  const double s1[3] = {0.3139, 0.4424, 0.0}, st[3] = {0.5576, 0.4424, 0.2437};
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_NEAR(exact.s1[j], s1[j], 1e-4);
    EXPECT_NEAR(exact.st[j], st[j], 1e-4);
  }
  const sw::SaltelliDesign design(3, std::uint64_t{1} << 13, 2024);
  EXPECT_EQ(design.size(), (std::uint64_t{1} << 13) * 5);
  const auto outputs = sw::evaluate(design, ishigami);
  for (const sw::CiMethod method : {sw::CiMethod::percentile, sw::CiMethod::normal}) {
    sw::SobolOptions options;
    options.bootstrap_resamples = 400;
    options.bootstrap_seed = 5;
    options.ci_method = method;
    options.threads = 2;
    const auto r = sw::analyze_sobol(design, outputs, options);
    EXPECT_EQ(r.rows_used, std::uint64_t{1} << 13);
    EXPECT_EQ(r.rows_dropped, 0u);
    for (std::size_t j = 0; j < 3; ++j) {
      EXPECT_NEAR(r.first_order[j], exact.s1[j], 0.03) << j;
      EXPECT_NEAR(r.total_order[j], exact.st[j], 0.03) << j;
      EXPECT_LE(r.first_order_ci[j].low, exact.s1[j]) << j;
      EXPECT_GE(r.first_order_ci[j].high, exact.s1[j]) << j;
      EXPECT_LE(r.total_order_ci[j].low, exact.st[j]) << j;
      EXPECT_GE(r.total_order_ci[j].high, exact.st[j]) << j;
      EXPECT_LT(r.first_order_ci[j].high - r.first_order_ci[j].low, 0.1) << j;  // informative, not vacuous
    }
  }
}

TEST(SweepSobolIndices, DoublingNReusesTheFirstRows) {
  const std::uint64_t n = 1024;
  const sw::SaltelliDesign small(3, n, 77), large(3, 2 * n, 77);
  std::vector<double> p(3), q(3);
  for (std::uint64_t r = 0; r < small.size(); ++r) {
    small.point(r, p);
    large.point(r, q);
    ASSERT_EQ(p, q) << r;
  }
  const auto fs = sw::evaluate(small, ishigami), fl = sw::evaluate(large, ishigami);
  EXPECT_TRUE(std::equal(fs.values.begin(), fs.values.end(), fl.values.begin()));
  // Row layout: base row i is rows 5i (A), 5i + 1 (B), 5i + 2.. (AB_j); AB_1 is A with column 1 from B.
  std::vector<double> a(3), b(3), ab1(3);
  large.point(5 * 9, a);
  large.point(5 * 9 + 1, b);
  large.point(5 * 9 + 3, ab1);
  EXPECT_EQ(ab1, (std::vector<double>{a[0], b[1], a[2]}));
}

TEST(SweepSobolIndices, RefusesForeignOrMisshapenOutputsAndBadN) {
  const sw::SaltelliDesign design(3, 256, 1), other(3, 256, 2);
  auto outputs = sw::evaluate(other, ishigami);
  EXPECT_NE(design.fingerprint(), other.fingerprint());
  EXPECT_EQ(invalid_input([&] { (void)sw::analyze_sobol(design, outputs); }).field(), "sobol.outputs.fingerprint");
  outputs = sw::evaluate(design, ishigami);
  outputs.values.pop_back();
  EXPECT_EQ(invalid_input([&] { (void)sw::analyze_sobol(design, outputs); }).field(), "sobol.outputs.values");
  const auto e = invalid_input([] { sw::SaltelliDesign(3, 1000, 1); });
  EXPECT_EQ(e.field(), "saltelli.N");
  EXPECT_EQ(e.value(), "1000");
  EXPECT_EQ(invalid_input([] { sw::SaltelliDesign(3, 256, 1, {0, 2, 2}); }).field(), "saltelli.groups");
  // The fingerprint covers N, k and the grouping, not just the seed.
  EXPECT_NE(sw::SaltelliDesign(3, 256, 1).fingerprint(), sw::SaltelliDesign(3, 512, 1).fingerprint());
  EXPECT_NE(sw::SaltelliDesign(3, 256, 1).fingerprint(), sw::SaltelliDesign(3, 256, 1, {0, 0, 1}).fingerprint());
  EXPECT_EQ(sw::SaltelliDesign(3, 256, 1).fingerprint(), sw::SaltelliDesign(3, 256, 1, {0, 1, 2}).fingerprint());
}

TEST(SweepSobolIndices, GroupsOfAnAdditiveModel) {
  // f = x1 + x2 + x3 with x_i ~ U(0, 1): each input carries 1/12 of the variance, so the group
  // {x1, x2} has S = ST = 2/3 and {x3} has 1/3.
  const sw::SaltelliDesign design(3, 4096, 3, {0, 0, 1});
  EXPECT_EQ(design.group_count(), 2u);
  EXPECT_EQ(design.block_size(), 4u);
  const auto outputs = sw::evaluate(design, [](std::span<const double> u) { return u[0] + u[1] + u[2]; });
  sw::SobolOptions options;
  options.bootstrap_resamples = 0;
  const auto r = sw::analyze_sobol(design, outputs, options);
  EXPECT_NEAR(r.first_order[0], 2.0 / 3.0, 0.01);
  EXPECT_NEAR(r.total_order[0], 2.0 / 3.0, 0.01);
  EXPECT_NEAR(r.first_order[1], 1.0 / 3.0, 0.01);
  EXPECT_NEAR(r.total_order[1], 1.0 / 3.0, 0.01);
  EXPECT_NEAR(r.variance, 3.0 / 12.0, 0.01);
  EXPECT_TRUE(std::isnan(r.first_order_ci[0].low));  // no resamples, no interval

  const auto constant = sw::evaluate(design, [](std::span<const double>) { return 4.0; });
  EXPECT_THROW((void)sw::analyze_sobol(design, constant, options), aci::DomainError);
}

TEST(SweepSobolIndices, NanPolicyDropsWholeRows) {
  const sw::SaltelliDesign design(3, 1024, 11);
  auto outputs = sw::evaluate(design, ishigami);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  outputs.values[5 * 3 + 0] = nan;                                      // base row 3, A
  outputs.values[5 * 3 + 4] = nan;                                      // base row 3, AB_2: same row, dropped once
  outputs.values[5 * 7 + 2] = nan;                                      // base row 7, AB_0
  outputs.values[5 * 9 + 1] = std::numeric_limits<double>::infinity();  // base row 9, B
  const auto e = invalid_input([&] { (void)sw::analyze_sobol(design, outputs); });
  EXPECT_EQ(e.field(), "sobol.outputs.values[15]");
  EXPECT_EQ(e.value(), "nan");
  sw::SobolOptions options;
  options.nan_policy = sw::NanPolicy::drop_blocks;
  options.bootstrap_resamples = 50;
  const auto r = sw::analyze_sobol(design, outputs, options);
  EXPECT_EQ(r.rows_dropped, 3u);
  EXPECT_EQ(r.rows_used, 1024u - 3u);
  EXPECT_TRUE(std::isfinite(r.first_order[0]) && std::isfinite(r.total_order_ci[2].high));
}

namespace {

bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }

}  // namespace

TEST(SweepSobolBootstrap, IntervalsAreTheSameOnAnyThreadCount) {
  const sw::SaltelliDesign design(3, 1024, 9);
  const auto outputs = sw::evaluate(design, ishigami);
  for (const bool salib : {false, true}) {
    for (const sw::CiMethod method : {sw::CiMethod::percentile, sw::CiMethod::normal}) {
      sw::SobolOptions options;
      options.bootstrap_resamples = 97;  // not a multiple of 2 or 3
      options.bootstrap_seed = 3;
      options.salib_conventions = salib;
      options.ci_method = method;
      const auto one = sw::analyze_sobol(design, outputs, options);
      for (const unsigned threads : {2U, 3U}) {
        options.threads = threads;
        for (const bool watched : {false, true}) {  // the calling thread runs a worker, or watches
          options.progress = watched ? aci::parallel::Watch([](std::uint64_t, std::uint64_t) { return true; })
                                     : aci::parallel::Watch();
          const auto r = sw::analyze_sobol(design, outputs, options);
          for (std::size_t g = 0; g < 3; ++g) {
            EXPECT_TRUE(same_bits(r.first_order[g], one.first_order[g]));
            EXPECT_TRUE(same_bits(r.first_order_ci[g].low, one.first_order_ci[g].low)) << threads << " " << g;
            EXPECT_TRUE(same_bits(r.first_order_ci[g].high, one.first_order_ci[g].high)) << threads << " " << g;
            EXPECT_TRUE(same_bits(r.total_order_ci[g].low, one.total_order_ci[g].low)) << threads << " " << g;
            EXPECT_TRUE(same_bits(r.total_order_ci[g].high, one.total_order_ci[g].high)) << threads << " " << g;
          }
        }
      }
    }
  }
}

TEST(SweepSobolBootstrap, CountsGiveTheIntervalsOfTheGatheredRows) {
  // The reference is the bootstrap as first written: gather the drawn rows (the same counter
  // draws) and run sobol_estimates on them. Counting changes only the order of the sums.
  const sw::SaltelliDesign design(3, 512, 21);
  auto outputs = sw::evaluate(design, ishigami);
  outputs.values[5 * 4 + 1] = std::numeric_limits<double>::quiet_NaN();  // base row 4 dropped: rows != 0..N-1
  const std::size_t block = design.block_size(), groups = design.group_count();
  std::vector<std::uint64_t> rows;
  for (std::uint64_t i = 0; i < design.base_rows(); ++i)
    if (i != 4) rows.push_back(i);
  for (const bool salib : {false, true}) {
    sw::SobolOptions options;
    options.bootstrap_resamples = 60;
    options.bootstrap_seed = 8;
    options.salib_conventions = salib;
    options.nan_policy = sw::NanPolicy::drop_blocks;
    options.threads = 2;
    const auto r = sw::analyze_sobol(design, outputs, options);
    std::vector<std::vector<double>> s1_rep(groups), st_rep(groups);
    std::vector<std::uint64_t> drawn(rows.size());
    std::vector<double> s1(groups), st(groups);
    for (std::uint64_t b = 0; b < options.bootstrap_resamples; ++b) {
      for (std::uint64_t k = 0; k < drawn.size(); ++k)
        drawn[k] = rows[sw::detail::uniform_index(
            aci::detail::counter_bits(options.bootstrap_seed, b, k, sw::detail::stream_bootstrap), rows.size())];
      double mean = 0, variance = 0;
      ASSERT_TRUE(sw::detail::sobol_estimates(outputs.values, block, groups, drawn, s1, st, mean, variance, salib));
      for (std::size_t g = 0; g < groups; ++g) {
        s1_rep[g].push_back(s1[g]);
        st_rep[g].push_back(st[g]);
      }
    }
    for (std::size_t g = 0; g < groups; ++g) {
      const auto s1_ci = sw::detail::bootstrap_interval(s1_rep[g], r.first_order[g], 0.95, sw::CiMethod::percentile);
      const auto st_ci = sw::detail::bootstrap_interval(st_rep[g], r.total_order[g], 0.95, sw::CiMethod::percentile);
      EXPECT_NEAR(r.first_order_ci[g].low, s1_ci.low, 1e-12) << salib << " " << g;
      EXPECT_NEAR(r.first_order_ci[g].high, s1_ci.high, 1e-12) << salib << " " << g;
      EXPECT_NEAR(r.total_order_ci[g].low, st_ci.low, 1e-12) << salib << " " << g;
      EXPECT_NEAR(r.total_order_ci[g].high, st_ci.high, 1e-12) << salib << " " << g;
    }
  }
}

TEST(SweepSobolBootstrap, UnitCountsGiveThePointEstimates) {
  const sw::SaltelliDesign design(3, 1024, 4, {0, 1, 1});
  const auto outputs = sw::evaluate(design, [](std::span<const double> u) { return 1e5 + ishigami(u); });
  const std::size_t block = design.block_size(), groups = design.group_count();
  std::vector<std::uint64_t> rows(design.base_rows());
  std::iota(rows.begin(), rows.end(), std::uint64_t{0});
  const std::vector<std::uint32_t> ones(rows.size(), 1U);
  for (const bool salib : {false, true}) {
    std::vector<double> s1(groups), st(groups), w1(groups), wt(groups);
    double mean = 0, variance = 0, wmean = 0, wvariance = 0;
    ASSERT_TRUE(sw::detail::sobol_estimates(outputs.values, block, groups, rows, s1, st, mean, variance, salib));
    ASSERT_TRUE(sw::detail::sobol_estimates_weighted(outputs.values, block, groups, rows, ones, rows.size(), w1, wt,
                                                     wmean, wvariance, salib));
    EXPECT_NEAR(wmean, mean, 1e-12 * mean);
    EXPECT_NEAR(wvariance, variance, 1e-12 * variance);
    for (std::size_t g = 0; g < groups; ++g) {
      EXPECT_NEAR(w1[g], s1[g], 1e-12) << salib << " " << g;
      EXPECT_NEAR(wt[g], st[g], 1e-12) << salib << " " << g;
    }
  }
}

TEST(SweepSobolBootstrap, ProgressStopsIt) {
  const sw::SaltelliDesign design(3, 1024, 2);
  const auto outputs = sw::evaluate(design, ishigami);
  sw::SobolOptions options;
  options.bootstrap_resamples = 50;
  for (const unsigned threads : {1U, 2U}) {
    options.threads = threads;
    options.progress = [](std::uint64_t, std::uint64_t) { return false; };
    EXPECT_THROW((void)sw::analyze_sobol(design, outputs, options), sw::Cancelled) << threads;
    options.progress = [](std::uint64_t, std::uint64_t) -> bool { throw std::logic_error("from progress"); };
    try {
      (void)sw::analyze_sobol(design, outputs, options);
      ADD_FAILURE() << "expected the callback's exception";
    } catch (const std::logic_error& e) {
      EXPECT_STREQ(e.what(), "from progress");
    }
  }
  // A long bootstrap (some 10 s) stopped at the watcher's third poll (about 100 ms in) ends
  // there: no further poll, and fewer resamples done than asked. No clock in the assertions.
  const sw::SaltelliDesign large(3, 8192, 2);
  const auto large_outputs = sw::evaluate(large, ishigami);
  options.bootstrap_resamples = 500'000;
  options.threads = 2;
  int polls = 0;  // the watcher runs on the calling thread only
  std::uint64_t last_done = 0, total = 0;
  options.progress = [&](std::uint64_t done, std::uint64_t all) {
    ++polls;
    last_done = done;
    total = all;
    return polls < 3;
  };
  EXPECT_THROW((void)sw::analyze_sobol(large, large_outputs, options), sw::Cancelled);
  EXPECT_EQ(polls, 3);
  EXPECT_EQ(total, 500'000u);
  EXPECT_LT(last_done, total);
}

TEST(SweepSobolBootstrap, ThreadsMustBeOneTo256) {
  const sw::SaltelliDesign design(3, 256, 1);
  const auto outputs = sw::evaluate(design, ishigami);
  for (const unsigned threads : {0U, 257U}) {
    sw::SobolOptions options;
    options.threads = threads;
    const auto e = invalid_input([&] { (void)sw::analyze_sobol(design, outputs, options); });
    EXPECT_EQ(e.field(), "sobol.threads");
    EXPECT_EQ(e.value(), std::to_string(threads));
  }
}

TEST(SweepSobolSecondOrder, IshigamiPairsAgreeWithTheAnalyticIndices) {
  // Ishigami (helpers.hpp): the only interaction is x1 x3, V13 = 8 b^2 pi^8 / 225, so
  // S13 = V13 / V (about 0.244) and S12 = S23 = 0 (Sobol' & Levitan 1999).
  const sw::SaltelliDesign design(3, 1 << 15, 11, {}, true);
  ASSERT_EQ(design.block_size(), 8u);
  const auto outputs = sw::evaluate(design, ishigami);
  sw::SobolOptions options;
  options.bootstrap_resamples = 200;
  options.threads = 2;
  const auto r = sw::analyze_sobol(design, outputs, options);
  ASSERT_EQ(r.second_order.size(), 3u);  // (0, 1), (0, 2), (1, 2)
  const double a = ishigami_a, b = ishigami_b, p4 = std::pow(pi, 4), p8 = std::pow(pi, 8);
  const double v = a * a / 8 + b * p4 / 5 + b * b * p8 / 18 + 0.5, s13 = 8 * b * b * p8 / 225 / v;
  EXPECT_NEAR(r.second_order[0], 0.0, 0.05);
  EXPECT_NEAR(r.second_order[1], s13, 0.05);
  EXPECT_NEAR(r.second_order[2], 0.0, 0.05);
  EXPECT_LE(r.second_order_ci[1].low, s13);
  EXPECT_GE(r.second_order_ci[1].high, s13);
  // First-order and total indices are those of the first-order design on the same A, B, AB rows.
  const auto exact = ishigami_indices();
  EXPECT_NEAR(r.first_order[0], exact.s1[0], 0.03);
  EXPECT_NEAR(r.total_order[2], exact.st[2], 0.03);
  // BA_g is B with the inputs of group g taken from A.
  std::vector<double> pa(3), pb(3), pba(3);
  design.point(5 * 8 + 0, pa);
  design.point(5 * 8 + 1, pb);
  design.point(5 * 8 + 2 + 3 + 1, pba);  // BA_1 of base row 5
  EXPECT_EQ(pba[0], pb[0]);
  EXPECT_EQ(pba[1], pa[1]);
  EXPECT_EQ(pba[2], pb[2]);
  // A first-order design keeps its fingerprint; the second-order one has its own.
  EXPECT_EQ(sw::SaltelliDesign(3, 1 << 15, 11).fingerprint(),
            sw::SaltelliDesign(3, 1 << 15, 11, {}, false).fingerprint());
  EXPECT_NE(design.fingerprint(), sw::SaltelliDesign(3, 1 << 15, 11).fingerprint());
}

TEST(SweepSobolSecondOrder, CountsGiveTheGatheredRowsAndUnitCountsThePointEstimate) {
  // The weighted (bootstrap) passes against sobol_estimates on gathered rows, for S2 too.
  const sw::SaltelliDesign design(3, 256, 3, {}, true);
  const auto outputs = sw::evaluate(design, [](std::span<const double> u) { return 1e4 + ishigami(u); });
  const std::size_t block = design.block_size(), groups = design.group_count();
  std::vector<std::uint64_t> rows(design.base_rows());
  std::iota(rows.begin(), rows.end(), std::uint64_t{0});
  for (const bool salib : {false, true}) {
    std::vector<double> s1(groups), st(groups), w1(groups), wt(groups), s2, w2;
    double mean = 0, variance = 0, wmean = 0, wvariance = 0;
    ASSERT_TRUE(sw::detail::sobol_estimates(outputs.values, block, groups, rows, s1, st, mean, variance, salib, &s2));
    const std::vector<std::uint32_t> ones(rows.size(), 1U);
    ASSERT_TRUE(sw::detail::sobol_estimates_weighted(outputs.values, block, groups, rows, ones, rows.size(), w1, wt,
                                                     wmean, wvariance, salib, &w2));
    ASSERT_EQ(s2.size(), 3u);
    for (std::size_t p = 0; p < 3; ++p) EXPECT_NEAR(w2[p], s2[p], 1e-9) << salib << " " << p;
    // A resample as counts: rows drawn twice weigh 2.
    std::vector<std::uint32_t> counts(rows.size(), 0U);
    std::vector<std::uint64_t> drawn;
    for (std::uint64_t k = 0; k < rows.size(); ++k) {
      const auto i =
          sw::detail::uniform_index(aci::detail::counter_bits(4, 0, k, sw::detail::stream_bootstrap), rows.size());
      ++counts[i];
      drawn.push_back(i);
    }
    std::vector<double> g2, c2;
    ASSERT_TRUE(sw::detail::sobol_estimates(outputs.values, block, groups, drawn, s1, st, mean, variance, salib, &g2));
    ASSERT_TRUE(sw::detail::sobol_estimates_weighted(outputs.values, block, groups, rows, counts, rows.size(), w1, wt,
                                                     wmean, wvariance, salib, &c2));
    for (std::size_t p = 0; p < 3; ++p) EXPECT_NEAR(c2[p], g2[p], 1e-9) << salib << " " << p;
  }
}

TEST(SweepSobolOutputs, SeveralOutputsShareTheBootstrapAndEqualOneByOne) {
  // Three outputs analysed together (their resamples drawn once) give the bits of three
  // separate analyses; outputs without an interval asked get NaN bounds, the same indices.
  const sw::SaltelliDesign design(3, 512, 6);
  std::vector<sw::DesignOutputs<double>> ys = {
      sw::evaluate(design, ishigami),
      sw::evaluate(design, [](std::span<const double> u) { return u[0] + 3 * u[1] * u[2]; }),
      sw::evaluate(design, [](std::span<const double> u) { return std::exp(u[2]) - u[0]; })};
  ys[1].values[7] = std::numeric_limits<double>::quiet_NaN();  // another set of rows for this one
  sw::SobolOptions options;
  options.bootstrap_resamples = 64;
  options.nan_policy = sw::NanPolicy::drop_blocks;
  options.threads = 2;
  const auto all = sw::analyze_sobol(design, ys, options);
  const auto some = sw::analyze_sobol(design, ys, options, {true, false, true});
  for (std::size_t o = 0; o < 3; ++o) {
    const auto one = sw::analyze_sobol(design, ys[o], options);
    for (std::size_t g = 0; g < 3; ++g) {
      EXPECT_TRUE(same_bits(all[o].first_order[g], one.first_order[g]));
      EXPECT_TRUE(same_bits(all[o].first_order_ci[g].low, one.first_order_ci[g].low)) << o << " " << g;
      EXPECT_TRUE(same_bits(all[o].total_order_ci[g].high, one.total_order_ci[g].high)) << o << " " << g;
      EXPECT_TRUE(same_bits(some[o].total_order[g], one.total_order[g]));
      if (o == 1) {
        EXPECT_TRUE(std::isnan(some[o].first_order_ci[g].low));
      } else {
        EXPECT_TRUE(same_bits(some[o].first_order_ci[g].low, one.first_order_ci[g].low));
      }
    }
  }
  EXPECT_EQ(all[1].rows_dropped, 1u);
  EXPECT_EQ(invalid_input([&] { (void)sw::analyze_sobol(design, ys, options, {true}); }).field(), "sobol.intervals");
}
