// Designs: the Sobol' sequence against Joe-Kuo and Boost.Random, nets, Latin hypercube strata,
// grid order, Monte Carlo draws, the Gaussian copula's rank correlations.
#include "helpers.hpp"

TEST(SweepSobol, FirstPointsOfTheJoeKuoSequence) {
  // The first eight points in dimensions 1-3, as printed by Joe & Kuo's reference generator
  // (sobol.cc with new-joe-kuo-6.21201), which starts at the origin.
  const double expected[8][3] = {{0, 0, 0},
                                 {0.5, 0.5, 0.5},
                                 {0.75, 0.25, 0.25},
                                 {0.25, 0.75, 0.75},
                                 {0.375, 0.375, 0.625},
                                 {0.875, 0.875, 0.125},
                                 {0.625, 0.125, 0.875},
                                 {0.125, 0.625, 0.375}};
  const sw::SobolDesign s(3, sw::Scrambling::none);
  double p[3];
  for (std::uint64_t i = 0; i < 8; ++i) {
    s.point(i, p);
    for (std::size_t j = 0; j < 3; ++j) EXPECT_EQ(p[j], expected[i][j]) << "point " << i << " dim " << j;
  }
}

TEST(SweepSobol, AllEmbeddedDimensionsMatchBoostRandom) {
  // Boost.Random's sobol engine is an independent implementation from the same Joe-Kuo file;
  // it skips the origin, so its n-th point is our point n + 1.
  const std::size_t d = sw::SobolDesign::max_dimension;
  ASSERT_EQ(d, 256u);
  const sw::SobolDesign s(d, sw::Scrambling::none);
  boost::random::sobol_engine<std::uint32_t, 32> boost_sobol(d);
  for (std::uint64_t i = 1; i <= 1024; ++i)
    for (std::size_t j = 0; j < d; ++j) ASSERT_EQ(s.digits(i, j), boost_sobol()) << "point " << i << " dim " << j + 1;
}

TEST(SweepSobol, ScrambledPrefixesAreNets) {
  const sw::SobolDesign s(8, sw::Scrambling::owen, 12345);
  // Every first 2^m points of a Sobol' sequence put exactly one point in each interval
  // [k/2^m, (k+1)/2^m) of every coordinate, and Owen's scramble keeps that: both the first
  // N = 1024 and the first 2N points are balanced, and the 2N run starts with the N run.
  for (const std::uint64_t n : {std::uint64_t{1024}, std::uint64_t{2048}}) {
    for (std::size_t j = 0; j < 8; ++j) {
      std::vector<int> hits(n, 0);
      for (std::uint64_t i = 0; i < n; ++i)
        ++hits[static_cast<std::size_t>(s.coordinate(i, j) * static_cast<double>(n))];
      EXPECT_TRUE(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; })) << "N " << n << " dim " << j;
    }
  }
  // Dimensions 1 and 2 of Joe-Kuo form a (0, 2)-sequence: the first 2^8 points put one point in
  // every box [a/2^p, (a+1)/2^p) x [b/2^q, (b+1)/2^q) with p + q = 8.
  for (int p = 0; p <= 8; ++p) {
    std::vector<int> boxes(256, 0);
    for (std::uint64_t i = 0; i < 256; ++i) {
      const auto a = static_cast<std::size_t>(std::ldexp(s.coordinate(i, 0), p));
      const auto b = static_cast<std::size_t>(std::ldexp(s.coordinate(i, 1), 8 - p));
      ++boxes[(a << (8 - p)) | b];
    }
    EXPECT_TRUE(std::all_of(boxes.begin(), boxes.end(), [](int h) { return h == 1; })) << "p " << p;
  }
  // Point i is a pure function of (seed, i): a second design object agrees bit for bit, another
  // seed does not.
  const sw::SobolDesign again(8, sw::Scrambling::owen, 12345), other(8, sw::Scrambling::owen, 54321);
  EXPECT_EQ(s.coordinate(777, 5), again.coordinate(777, 5));
  EXPECT_NE(s.coordinate(777, 5), other.coordinate(777, 5));
  EXPECT_EQ(invalid_input([] { sw::SobolDesign(257, sw::Scrambling::none); }).field(), "sobol.dimension");
}

TEST(SweepLatinHypercube, EachStratumOnceInEveryDimension) {
  const std::uint64_t n = 1000;  // not a power of two on purpose
  const sw::LatinHypercubeDesign lhs(5, n, 7);
  std::vector<double> p(5);
  std::vector<std::vector<int>> hits(5, std::vector<int>(n, 0));
  for (std::uint64_t i = 0; i < n; ++i) {
    lhs.point(i, p);
    for (std::size_t j = 0; j < 5; ++j) {
      ASSERT_TRUE(p[j] >= 0.0 && p[j] < 1.0);
      ++hits[j][static_cast<std::size_t>(p[j] * static_cast<double>(n))];
      EXPECT_EQ(lhs.stratum(i, j), static_cast<std::uint64_t>(p[j] * static_cast<double>(n)));
    }
  }
  for (std::size_t j = 0; j < 5; ++j)
    EXPECT_TRUE(std::all_of(hits[j].begin(), hits[j].end(), [](int h) { return h == 1; })) << "dim " << j;
  // Centred: the point sits at (k + 1/2) / N of its stratum k.
  const sw::LatinHypercubeDesign centred(2, 8, 7, true);
  for (std::uint64_t i = 0; i < 8; ++i)
    EXPECT_EQ(centred.coordinate(i, 1), (static_cast<double>(centred.stratum(i, 1)) + 0.5) / 8.0);
  // The seed changes the pairing of strata across dimensions.
  const sw::LatinHypercubeDesign other(5, n, 8);
  int same = 0;
  for (std::uint64_t i = 0; i < n; ++i) same += lhs.stratum(i, 0) == other.stratum(i, 0) ? 1 : 0;
  EXPECT_LT(same, 20);  // a random permutation has 1 fixed point on average
}

TEST(SweepGrid, MixedRadixIndexLastInputFastest) {
  const sw::GridDesign g({{1, 2}, {10, 20, 30}, {5}});
  EXPECT_EQ(g.size(), 6u);
  std::vector<double> p(3);
  const double expected[6][3] = {{1, 10, 5}, {1, 20, 5}, {1, 30, 5}, {2, 10, 5}, {2, 20, 5}, {2, 30, 5}};
  for (std::uint64_t i = 0; i < 6; ++i) {
    g.point(i, p);
    EXPECT_EQ(p, std::vector<double>(expected[i], expected[i] + 3)) << i;
  }
  EXPECT_EQ(g.level_index(4, 0), 1u);  // 4 = 1 x 3 + 1
  EXPECT_EQ(g.level_index(4, 1), 1u);
  EXPECT_EQ(invalid_input([] { sw::GridDesign({{1}, {}}); }).field(), "grid.levels[1]");
  EXPECT_EQ(invalid_input([&] { g.point(6, p); }).field(), "grid.i");
}

TEST(SweepMonteCarlo, UniformAndReproducible) {
  const std::uint64_t n = 1 << 14;
  const sw::MonteCarloDesign mc(3, 99);
  double sum[3] = {0, 0, 0};
  std::vector<double> p(3);
  for (std::uint64_t i = 0; i < n; ++i) {
    mc.point(i, p);
    for (std::size_t j = 0; j < 3; ++j) sum[j] += p[j];
  }
  // Mean of N uniforms: 1/2 with standard error 1 / sqrt(12 N) = 0.00226; allow 4 of them.
  for (const double s : sum)
    EXPECT_NEAR(s / static_cast<double>(n), 0.5, 4.0 / std::sqrt(12.0 * static_cast<double>(n)));
  EXPECT_EQ(mc.coordinate(123, 2), sw::MonteCarloDesign(3, 99).coordinate(123, 2));
  EXPECT_NE(mc.coordinate(123, 2), sw::MonteCarloDesign(3, 100).coordinate(123, 2));
  // The engine's route (one key per point, then one hash pair per coordinate) is the same draw.
  for (std::uint64_t i : {0ull, 1ull, 4095ull, 123456789ull})
    for (std::size_t j = 0; j < 3; ++j) EXPECT_EQ(mc.coordinate_at(mc.point_key(i), j), mc.coordinate(i, j));
}

namespace {

std::vector<double> ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (std::size_t k = 0; k < order.size(); ++k) r[order[k]] = static_cast<double>(k);
  return r;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n, mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

}  // namespace

TEST(SweepCopula, SampleSpearmanMatchesTarget) {
  sw::GaussianCopula<>::Matrix target(3, 3);
  target << 1, 0.8, -0.4, 0.8, 1, -0.2, -0.4, -0.2, 1;
  const sw::GaussianCopula<> copula(target);
  // 2 sin(pi r / 6) for r = 0.8 (Kruskal 1958).
  EXPECT_NEAR(copula.pearson()(0, 1), 0.8134732861516003, 1e-15);
  EXPECT_EQ(copula.pearson()(2, 2), 1.0);

  const std::size_t n = std::size_t{1} << 14;
  const sw::MonteCarloDesign mc(3, 2026);
  std::vector<std::vector<double>> columns(3, std::vector<double>(n));
  std::vector<double> u(3), v(3);
  for (std::size_t i = 0; i < n; ++i) {
    mc.point(i, u);
    copula.apply(u, v);
    for (std::size_t j = 0; j < 3; ++j) columns[j][i] = v[j];
  }
  for (std::size_t j = 0; j < 3; ++j) {
    const double mean = std::accumulate(columns[j].begin(), columns[j].end(), 0.0) / static_cast<double>(n);
    EXPECT_NEAR(mean, 0.5, 4.0 / std::sqrt(12.0 * static_cast<double>(n)));  // still uniform
  }
  for (std::size_t a = 0; a < 3; ++a) {
    for (std::size_t b = a + 1; b < 3; ++b) {
      const double r = target(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
      const double sample = pearson(ranks(columns[a]), ranks(columns[b]));
      // Standard error of Spearman's r_s under Gaussian dependence, (1 - r^2) sqrt((1 + r^2/2) / (N - 3))
      // (Bonett & Wright 2000, Psychometrika 65:23-28): 0.0032 at r = 0.8, 0.0076 at r = -0.2. Four
      // of them is tighter than the 0.013 gap at r = 0.8 that skipping the Pearson conversion would leave.
      const double se = (1 - r * r) * std::sqrt((1 + r * r / 2) / static_cast<double>(n - 3));
      EXPECT_NEAR(sample, r, 4 * se) << a << "," << b;
    }
  }
}

TEST(SweepCopula, RejectsInvalidMatrices) {
  sw::GaussianCopula<>::Matrix m(3, 3);
  m << 1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1;  // x1~x2, x1~x3 yet x2~-x3: smallest eigenvalue -0.82
  const auto e = invalid_input([&] { sw::GaussianCopula<> c(m); });
  EXPECT_EQ(e.field(), "copula.spearman");
  EXPECT_NE(std::string(e.what()).find("positive definite"), std::string::npos) << e.what();
  m << 1, 0.5, 0, 0.4, 1, 0, 0, 0, 1;
  EXPECT_EQ(invalid_input([&] { sw::GaussianCopula<> c(m); }).field(), "copula.spearman(0,1)");
  m << 1, 0, 0, 0, 2, 0, 0, 0, 1;
  EXPECT_EQ(invalid_input([&] { sw::GaussianCopula<> c(m); }).field(), "copula.spearman(1,1)");
}

// ---------------------------------------------------------------- summary
