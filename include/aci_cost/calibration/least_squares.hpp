// aci::calibration::fit_time_equation: a time equation learned from past jobs — ordinary least
// squares of the actual hours on the jobs' drivers (intercept = the constant), solved by
// Eigen's column-pivoting Householder QR — with each coefficient's standard error, R² and the
// prediction interval of a new job's hours (Student's t, Boost.Math):
//   ŷ0 ± t(1 - α/2, n - p) · s · sqrt(1 + x0ᵀ (XᵀX)⁻¹ x0),  s² = RSS / (n - p).
// Too few jobs (n <= p) or drivers that are collinear (QR rank < p) are errors naming the
// drivers. The fit plugs into a quote as an atelier's model::TimeEquation.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Dense>
#include <boost/math/distributions/students_t.hpp>

#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/model/time_equation.hpp"

namespace aci::calibration {

/// A prediction and its interval, h.
struct Prediction {
  double hours = 0;  ///< predicted standard hours
  double lower = 0;  ///< lower end of the prediction interval
  double upper = 0;  ///< upper end
};

/// A fitted time equation.
struct Fit {
  std::vector<std::string> drivers;     ///< the drivers, in column order
  std::vector<double> coefficients;     ///< constant first, then one per driver (h per unit)
  std::vector<double> standard_errors;  ///< of each coefficient
  double r2 = 0;                        ///< coefficient of determination
  double adjusted_r2 = 0;               ///< R² adjusted for the number of coefficients
  double sigma = 0;                     ///< residual standard error s, h
  std::size_t jobs = 0;                 ///< n
  Eigen::MatrixXd xtx_inverse;          ///< (XᵀX)⁻¹, for predictions

  /// The hours of a job with driver values `x` (one per driver), with the `level` interval.
  Prediction predict(const std::vector<double>& x, double level = 0.95) const {
    ACI_COST_REQUIRE(x.size() == drivers.size(), "calibration.predict.drivers", std::to_string(x.size()) + " values",
                     "needs one value per driver (" + std::to_string(drivers.size()) + ")");
    ACI_COST_REQUIRE(level > 0 && level < 1, "calibration.predict.level", level, "must be in (0, 1)");
    Eigen::VectorXd x0(static_cast<Eigen::Index>(x.size() + 1));
    x0(0) = 1;
    for (std::size_t k = 0; k < x.size(); ++k) {
      ACI_COST_REQUIRE(std::isfinite(x[k]), "calibration.predict.drivers[" + std::to_string(k) + "]", x[k],
                       "must be finite");
      x0(static_cast<Eigen::Index>(k + 1)) = x[k];
    }
    double y = 0;
    for (Eigen::Index k = 0; k < x0.size(); ++k) y += coefficients[static_cast<std::size_t>(k)] * x0(k);
    const double dof = static_cast<double>(jobs - coefficients.size());
    const double t = boost::math::quantile(boost::math::students_t(dof), 0.5 + level / 2);
    const double half = t * sigma * std::sqrt(1.0 + x0.dot(xtx_inverse * x0));
    return {y, y - half, y + half};
  }

  /// The fit as an atelier's time equation named `name` and its source saying how it was
  /// obtained. Each coefficient keeps its full precision (the shortest decimal that reads back as
  /// the fitted double: 0.000151 h/m² stays 0.000151) unless `decimals` asks for a rounding
  /// (half away from zero); rounding to 4 decimals turned 0.000151 into 0.0002, +32 %.
  model::TimeEquation equation(const std::string& name, std::optional<int> decimals = std::nullopt) const {
    ACI_COST_REQUIRE(!decimals || (*decimals >= 0 && *decimals <= 18), "calibration.equation.decimals",
                     decimals.value_or(0), "must be in [0, 18] (or none: full precision)");
    const auto dec = [decimals](double v) {
      const Decimal exact = decimal_from_double(v, "calibration.coefficient");
      return decimals ? round_decimal(exact, *decimals, Rounding::half_away_from_zero) : exact;
    };
    model::TimeEquation e;
    e.name = name;
    e.constant = dec(coefficients[0]);
    for (std::size_t k = 0; k < drivers.size(); ++k) e.terms.push_back({drivers[k], dec(coefficients[k + 1])});
    char text[96];
    std::snprintf(text, sizeof text, "fitted on %zu past jobs (R² %.3f, s %.3f h)", jobs, r2, sigma);
    e.source = text;
    return e;
  }
};

/// Fits hours = b0 + Σ b_k driver_k on past jobs: `x[i][k]` is driver k of job i, `hours[i]` its
/// actual standard hours. InvalidInput naming "calibration.*" for too few jobs, a non-finite
/// value or collinear drivers.
inline Fit fit_time_equation(const std::vector<std::string>& drivers, const std::vector<std::vector<double>>& x,
                             const std::vector<double>& hours) {
  const std::size_t n = hours.size(), p = drivers.size() + 1;
  ACI_COST_REQUIRE(x.size() == n, "calibration.jobs", std::to_string(x.size()) + " rows of drivers",
                   "needs one row per job (" + std::to_string(n) + " hours)");
  ACI_COST_REQUIRE(n > p, "calibration.jobs", std::to_string(n) + " jobs",
                   "needs more jobs than coefficients (" + std::to_string(p) + ": the constant and " +
                       std::to_string(drivers.size()) + " drivers) to estimate the error");
  Eigen::MatrixXd X(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(p));
  Eigen::VectorXd y(static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const auto row = static_cast<Eigen::Index>(i);
    ACI_COST_REQUIRE(x[i].size() == drivers.size(), "calibration.jobs[" + std::to_string(i) + "]",
                     std::to_string(x[i].size()) + " values", "needs one value per driver");
    ACI_COST_REQUIRE(std::isfinite(hours[i]) && hours[i] >= 0, "calibration.jobs[" + std::to_string(i) + "].hours",
                     hours[i], "must be finite and >= 0");
    X(row, 0) = 1;
    for (std::size_t k = 0; k < drivers.size(); ++k) {
      ACI_COST_REQUIRE(std::isfinite(x[i][k]), "calibration.jobs[" + std::to_string(i) + "]." + drivers[k], x[i][k],
                       "must be finite");
      X(row, static_cast<Eigen::Index>(k + 1)) = x[i][k];
    }
    y(row) = hours[i];
  }
  Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(X);
  qr.setThreshold(1e-10);
  if (qr.rank() < static_cast<Eigen::Index>(p)) {
    std::string names = "constant";
    for (const auto& d : drivers) names += ", " + d;
    throw InvalidInput("calibration.drivers", names,
                       "collinear on these jobs (rank " + std::to_string(qr.rank()) + " of " + std::to_string(p) +
                           "): a driver is constant or a combination of others; drop one or add varied jobs");
  }
  const Eigen::VectorXd b = qr.solve(y);
  const Eigen::VectorXd residual = y - X * b;
  const double rss = residual.squaredNorm();
  const double mean = y.mean();
  const double tss = (y.array() - mean).square().sum();
  Fit f;
  f.drivers = drivers;
  f.jobs = n;
  f.sigma = std::sqrt(rss / static_cast<double>(n - p));
  f.r2 = tss > 0 ? 1.0 - rss / tss : 1.0;
  f.adjusted_r2 = 1.0 - (1.0 - f.r2) * static_cast<double>(n - 1) / static_cast<double>(n - p);
  // (XᵀX)⁻¹ from R: XP = QR, so XᵀX = P RᵀR Pᵀ and (XᵀX)⁻¹ = P R⁻¹R⁻ᵀ Pᵀ.
  const Eigen::MatrixXd R = qr.matrixR()
                                .topLeftCorner(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(p))
                                .template triangularView<Eigen::Upper>();
  const Eigen::MatrixXd Rinv = R.triangularView<Eigen::Upper>().solve(
      Eigen::MatrixXd::Identity(static_cast<Eigen::Index>(p), static_cast<Eigen::Index>(p)));
  const Eigen::MatrixXd P = qr.colsPermutation();
  f.xtx_inverse = P * (Rinv * Rinv.transpose()) * P.transpose();
  for (std::size_t k = 0; k < p; ++k) {
    f.coefficients.push_back(b(static_cast<Eigen::Index>(k)));
    f.standard_errors.push_back(f.sigma *
                                std::sqrt(f.xtx_inverse(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(k))));
  }
  return f;
}

}  // namespace aci::calibration
