// aci::sweep::GaussianCopula: independent uniforms to uniforms with a target rank correlation.
#pragma once

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <numbers>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Eigen 3.4 trips -Wconversion and friends in its own headers; the project builds with them as
// errors and may see Eigen through a plain -I, so they are silenced for Eigen's code only.
#if defined(__GNUC__)
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Wconversion"
#  pragma GCC diagnostic ignored "-Wsign-conversion"
#  pragma GCC diagnostic ignored "-Wshadow"
#endif
#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/Eigenvalues>
#if defined(__GNUC__)
#  pragma GCC diagnostic pop
#endif

#include "aci_cost/error.hpp"
#include "aci_cost/sweep/distributions.hpp"
#include "aci_cost/detail/strict_fp.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::sweep {

/// Gaussian copula with a target rank (Spearman) correlation: maps independent uniforms to
/// uniforms whose normal scores have Pearson correlation 2 sin(pi r / 6), which is the
/// Spearman correlation r for a bivariate normal (Pearson 1907; Kruskal 1958, JASA 53, eq. 4.7).
/// Rank correlations survive any monotone marginal (Marginal::quantile) applied afterwards.
template <class T = double>
class GaussianCopula {
 public:
  /// Dense matrix type.
  using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

  /// `spearman`: symmetric, unit diagonal, entries in [-1, 1], and positive definite once converted
  /// to Pearson; otherwise InvalidInput naming "copula.spearman(i,j)" or the smallest eigenvalue.
  explicit GaussianCopula(const Matrix& spearman) {
    const Eigen::Index d = spearman.rows();
    ACI_COST_REQUIRE(d >= 1 && spearman.cols() == d, "copula.spearman",
                     std::to_string(d) + "x" + std::to_string(spearman.cols()) + " matrix",
                     "must be square and non-empty");
    pearson_.resize(d, d);
    for (Eigen::Index i = 0; i < d; ++i) {
      for (Eigen::Index j = 0; j < d; ++j) {
        const T r = spearman(i, j);
        const auto field = [i, j] { return "copula.spearman(" + std::to_string(i) + "," + std::to_string(j) + ")"; };
        detail::require_finite(r, field);
        if (i == j) {
          ACI_COST_REQUIRE(r == T(1), field(), detail::number_text(r), "a diagonal entry must be 1");
          pearson_(i, j) = T(1);  // 2 sin(pi / 6) rounds below 1
          continue;
        }
        ACI_COST_REQUIRE(r >= T(-1) && r <= T(1), field(), detail::number_text(r), "must be in [-1, 1]");
        ACI_COST_REQUIRE(r == spearman(j, i), field(), detail::number_text(r),
                         "must equal copula.spearman(" + std::to_string(j) + "," + std::to_string(i) +
                             ") = " + detail::number_text(spearman(j, i)) + " (the matrix must be symmetric)");
        pearson_(i, j) = T(2) * std::sin(std::numbers::pi_v<T> * r / T(6));
      }
    }
    const Eigen::LLT<Matrix> llt(pearson_);
    if (llt.info() != Eigen::Success) {
      const Eigen::SelfAdjointEigenSolver<Matrix> eigen(pearson_, Eigen::EigenvaluesOnly);
      throw InvalidInput(
          "copula.spearman",
          "a matrix whose Pearson form has smallest eigenvalue " + detail::number_text(eigen.eigenvalues()(0)),
          "must be positive definite after conversion to Pearson correlations 2 sin(pi r / 6)");
    }
    lower_ = llt.matrixL();
  }
  /// Number of inputs.
  std::size_t dimension() const noexcept { return static_cast<std::size_t>(pearson_.rows()); }
  /// The Pearson correlation of the normal scores, 2 sin(pi r / 6) off the diagonal.
  const Matrix& pearson() const noexcept { return pearson_; }

  /// Correlated uniforms `out` in [0, 1) from independent uniforms `u` in [0, 1): Phi(L Phi^-1(u)).
  /// `out` may be `u` itself. u = 0 is read as 2^-54 for double (below every design's grid) so that
  /// its normal score stays finite.
  void apply(std::span<const T> u, std::span<T> out) const {
    const std::size_t d = dimension();
    if (u.size() != d || out.size() != d)
      throw InvalidInput("copula.apply", std::to_string(u.size()) + " -> " + std::to_string(out.size()),
                         "both spans must have one entry per input (" + std::to_string(d) + ")");
    const T smallest = std::numeric_limits<T>::epsilon() / T(4);
    const T largest = std::nextafter(T(1), T(0));
    for (std::size_t i = 0; i < d; ++i) detail::require_unit(u[i]);
    for (std::size_t i = 0; i < d; ++i) out[i] = normal_quantile(std::max(u[i], smallest));
    // Row i of L z uses z_0..z_i only: going from the last row up overwrites each z_i after its
    // last use, so no scratch buffer is needed.
    for (std::size_t i = d; i-- > 0;) {
      const auto r = static_cast<Eigen::Index>(i);
      T w = 0;
      for (Eigen::Index k = 0; k <= r; ++k) w += lower_(r, k) * out[static_cast<std::size_t>(k)];
      out[i] = std::min(normal_cdf(w), largest);
    }
  }

 private:
  Matrix pearson_;
  Matrix lower_;
};

}  // namespace aci::sweep

ACI_COST_STRICT_FP_END
