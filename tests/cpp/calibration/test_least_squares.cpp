// Time equations learned from past jobs: exact recovery on noise-free jobs, coefficients within
// their standard errors and ~95 % prediction-interval coverage on seeded synthetic jobs, and the
// errors for too few jobs or collinear drivers.
#include <gtest/gtest.h>

#include <random>

#include "aci_cost/calibration/least_squares.hpp"

using aci::calibration::fit_time_equation;

TEST(Calibration, NoiseFreeJobsGiveTheEquationExactly) {
  // hours = 0.25 + 0.04 kg + 0.6 [ironed]: six batches.
  const std::vector<std::vector<double>> x = {{60, 1}, {60, 0}, {40, 1}, {80, 0}, {20, 1}, {100, 1}};
  std::vector<double> y;
  for (const auto& r : x) y.push_back(0.25 + 0.04 * r[0] + 0.6 * r[1]);
  const auto f = fit_time_equation({"kg", "ironed"}, x, y);
  EXPECT_NEAR(f.coefficients[0], 0.25, 1e-12);
  EXPECT_NEAR(f.coefficients[1], 0.04, 1e-13);
  EXPECT_NEAR(f.coefficients[2], 0.6, 1e-12);
  EXPECT_NEAR(f.r2, 1.0, 1e-12);
  const auto eq = f.equation("batch", 4);  // rounded on request (full precision by default, below)
  EXPECT_EQ(eq.constant, aci::Decimal("0.25"));
  EXPECT_EQ(eq.terms[0].driver, "kg");
  EXPECT_EQ(eq.terms[0].coefficient, aci::Decimal("0.04"));
  EXPECT_EQ(eq.terms[1].coefficient, aci::Decimal("0.6"));
  EXPECT_NE(eq.source.find("fitted on 6 past jobs"), std::string::npos) << eq.source;
}

TEST(Calibration, TheEquationKeepsFullPrecisionUnlessARoundingIsAsked) {
  // Mowing: hours = 0.5 + 0.000151 lawn_m2 (0.151 h per 1,000 m²), noise-free, five lawns. Rounded
  // to 4 decimals the coefficient became 0.0002 (+32 %: 1.51 h on a 10,000 m² lawn read as 2 h).
  const std::vector<std::vector<double>> x = {{2000}, {5000}, {8000}, {12000}, {20000}};
  std::vector<double> y;
  for (const auto& r : x) y.push_back(0.5 + 0.000151 * r[0]);
  const auto f = fit_time_equation({"lawn_m2"}, x, y);
  const auto eq = f.equation("mowing");
  // Full precision: the shortest decimal reading back as the fitted double, within 1e-15 of the truth.
  EXPECT_EQ(eq.terms[0].coefficient, aci::decimal_from_double(f.coefficients[1], "c"));
  EXPECT_LT(boost::multiprecision::abs(eq.terms[0].coefficient - aci::Decimal("0.000151")), aci::Decimal("1e-15"));
  EXPECT_LT(boost::multiprecision::abs(eq.constant - aci::Decimal("0.5")), aci::Decimal("1e-12"));
  EXPECT_EQ(f.equation("mowing", 4).terms[0].coefficient, aci::Decimal("0.0002"));  // what the old default did
  EXPECT_EQ(f.equation("mowing", 6).terms[0].coefficient, aci::Decimal("0.000151"));
  EXPECT_THROW((void)f.equation("mowing", -1), aci::InvalidInput);
}

TEST(Calibration, RecoversKnownCoefficientsAndCovers95PercentOfNewJobs) {
  // Synthetic jobs: hours = 2 + 0.12 wall_m2 + 0.16 ceiling_m2 + N(0, 1.5²), seeded.
  std::mt19937_64 rng(2026);
  std::uniform_real_distribution<double> wall(10, 120), ceiling(0, 40);
  std::normal_distribution<double> noise(0, 1.5);
  const auto draw = [&](std::size_t n, std::vector<std::vector<double>>& x, std::vector<double>& y) {
    for (std::size_t i = 0; i < n; ++i) {
      const double w = wall(rng), c = ceiling(rng);
      x.push_back({w, c});
      y.push_back(2 + 0.12 * w + 0.16 * c + noise(rng));
    }
  };
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  draw(60, x, y);
  const auto f = fit_time_equation({"wall_m2", "ceiling_m2"}, x, y);
  const double truth[] = {2, 0.12, 0.16};
  for (std::size_t k = 0; k < 3; ++k)
    EXPECT_LT(std::abs(f.coefficients[k] - truth[k]), 3 * f.standard_errors[k]) << k;  // within 3 standard errors
  EXPECT_NEAR(f.sigma, 1.5, 0.5);
  // Expected R² = signal / (signal + noise) = (0.12² x 110²/12 + 0.16² x 40²/12) / (that + 1.5²) ≈ 0.89.
  EXPECT_GT(f.r2, 0.8);
  // Held-out jobs: the 95 % prediction interval covers about 95 % of them.
  std::vector<std::vector<double>> xh;
  std::vector<double> yh;
  draw(4000, xh, yh);
  std::size_t inside = 0;
  for (std::size_t i = 0; i < yh.size(); ++i) {
    const auto p = f.predict(xh[i]);
    EXPECT_LT(p.lower, p.hours);
    if (yh[i] >= p.lower && yh[i] <= p.upper) ++inside;
  }
  const double coverage = static_cast<double>(inside) / static_cast<double>(yh.size());
  EXPECT_GT(coverage, 0.93);
  EXPECT_LT(coverage, 0.97);
}

TEST(Calibration, TooFewJobsOrCollinearDriversAreNamed) {
  try {
    (void)fit_time_equation({"kg", "ironed"}, {{1, 0}, {2, 1}, {3, 0}}, {1, 2, 3});
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "calibration.jobs");
  }
  // pieces = 2 x kg on every job: collinear.
  try {
    (void)fit_time_equation({"kg", "pieces"}, {{1, 2}, {2, 4}, {3, 6}, {5, 10}, {8, 16}}, {1, 2, 3, 5, 8});
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "calibration.drivers");
    EXPECT_NE(std::string(e.what()).find("collinear"), std::string::npos);
  }
  // A driver that never varies is collinear with the constant.
  EXPECT_THROW((void)fit_time_equation({"kg"}, {{5}, {5}, {5}, {5}}, {1, 2, 3, 4}), aci::InvalidInput);
  EXPECT_THROW((void)fit_time_equation({"kg"}, {{1}, {2}, {3}}, {1, 2, std::nan("")}), aci::InvalidInput);
}
