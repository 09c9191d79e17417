// Marginal distributions of a sweep's uncertain inputs. Each is sampled through its quantile
// function (inverse CDF), so a design point u in [0, 1)^d — Monte Carlo, Latin hypercube,
// Sobol', a copula's output — becomes input values by one non-decreasing map per input. A
// monotone map keeps the design's strata and rank correlations, which sampling by rejection
// or by a second random stream would not.
//
// Every parameter is named (low, mode, high, mean, sd, ...): a pair of "bounds" is never
// reread as (mean, sd) or (mu, sigma) depending on the law.
#pragma once

#include <bit>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <boost/math/special_functions/erf.hpp>

#include "aci_cost/error.hpp"
#include "aci_cost/detail/strict_fp.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::sweep {

namespace detail {

/// Shortest text that reads back to the same number ("0.4", not "0.40000000000000002").
template <class T>
std::string number_text(T x) {
  char buffer[64];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, x);
  return std::string(buffer, r.ptr);
}

/// Throws InvalidInput(field) unless x is finite; `field` is a string or a callable building it
/// (called only on failure).
template <class T, class Field>
void require_finite(T x, const Field& field) {
  ACI_COST_REQUIRE(std::isfinite(x), ::aci::detail::path_text(field), number_text(x), "must be finite");
}

/// Throws InvalidInput("quantile.u") unless u is in [0, 1); NaN fails too.
template <class T>
void require_unit(T u) {
  // Written as a negated conjunction so that NaN, which fails every comparison, is refused.
  if (!(u >= T(0) && u < T(1))) throw InvalidInput("quantile.u", number_text(u), "must be in [0, 1)");
}

}  // namespace detail

/// Standard normal CDF Phi(z) = erfc(-z / sqrt 2) / 2, in [0, 1]; Phi(-inf) = 0, Phi(inf) = 1.
template <class T = double>
T normal_cdf(T z) {
  // erfc keeps full relative precision in the lower tail, where 1 + erf would cancel.
  return T(0.5) * std::erfc(-z / std::sqrt(T(2)));
}

/// Standard normal quantile Phi^-1(p) for p in [0, 1]; -inf at 0 and +inf at 1.
template <class T = double>
T normal_quantile(T p) {
  if (!(p >= T(0) && p <= T(1))) throw InvalidInput("normal_quantile.p", detail::number_text(p), "must be in [0, 1]");
  if (p == T(0)) return -std::numeric_limits<T>::infinity();
  if (p == T(1)) return std::numeric_limits<T>::infinity();
  // Phi^-1(p) = -sqrt 2 erfc^-1(2p): erfc_inv is accurate near both 0 and 2, so both tails
  // keep their relative precision; 2p is exact in binary floating point.
  return -std::sqrt(T(2)) * boost::math::erfc_inv(T(2) * p);
}

/// Uniform on [low, high).
template <class T = double>
struct Uniform {
  T low{};   ///< lower end of the support, input units
  T high{};  ///< upper end of the support (> low), input units

  /// Throws InvalidInput naming `path`.low or `path`.high unless both are finite and low < high.
  void validate(std::string_view path = "uniform") const {
    const std::string p(path);
    detail::require_finite(low, p + ".low");
    detail::require_finite(high, p + ".high");
    ACI_COST_REQUIRE(high > low, p + ".high", detail::number_text(high),
                     "must be > low (" + detail::number_text(low) + ")");
  }
  /// Inverse CDF at u in [0, 1): low + u (high - low), in [low, high].
  T quantile(T u) const {
    detail::require_unit(u);
    return quantile_unchecked(u);
  }
  /// quantile(u) for a u known to lie in [0, 1) (no check, so that a loop over u vectorises).
  T quantile_unchecked(T u) const {
    const T x = low + u * (high - low);
    return x < high ? x : high;  // rounding may reach high, never beyond
  }
};

/// Triangular on [low, high] with its density peak at mode.
template <class T = double>
struct Triangular {
  T low{};   ///< lower end of the support, input units
  T mode{};  ///< most likely value, in [low, high], input units
  T high{};  ///< upper end of the support (> low), input units

  /// Throws InvalidInput naming the field unless all are finite, low < high and low <= mode <= high.
  void validate(std::string_view path = "triangular") const {
    const std::string p(path);
    detail::require_finite(low, p + ".low");
    detail::require_finite(mode, p + ".mode");
    detail::require_finite(high, p + ".high");
    ACI_COST_REQUIRE(high > low, p + ".high", detail::number_text(high),
                     "must be > low (" + detail::number_text(low) + ")");
    ACI_COST_REQUIRE(mode >= low && mode <= high, p + ".mode", detail::number_text(mode),
                     "must be in [low, high] = [" + detail::number_text(low) + ", " + detail::number_text(high) + "]");
  }
  /// Inverse CDF at u in [0, 1), in [low, high].
  T quantile(T u) const {
    detail::require_unit(u);
    return quantile_unchecked(u);
  }
  /// quantile(u) for a u known to lie in [0, 1) (no check, so that a loop over u vectorises).
  T quantile_unchecked(T u) const {
    // F(x) = (x - low)^2 / ((high - low)(mode - low)) below the mode, and
    // 1 - F(x) = (high - x)^2 / ((high - low)(high - mode)) above it; each branch inverts
    // the side on which it is evaluated, which keeps the result accurate near both ends.
    const T width = high - low;
    const T at_mode = (mode - low) / width;
    const T x =
        u < at_mode ? low + std::sqrt(u * width * (mode - low)) : high - std::sqrt((T(1) - u) * width * (high - mode));
    return x < low ? low : (x > high ? high : x);
  }
};

/// Normal(mean, sd) conditioned on [low, high].
template <class T = double>
struct TruncatedNormal {
  T mean{};  ///< mean of the untruncated normal, input units
  T sd{};    ///< standard deviation of the untruncated normal (> 0), input units
  T low{};   ///< lower truncation point (finite), input units
  T high{};  ///< upper truncation point (finite, > low), input units

  /// Throws InvalidInput naming the field unless all are finite, sd > 0, low < high and
  /// [low, high] carries a probability representable as > 0.
  void validate(std::string_view path = "truncated_normal") const {
    const std::string p(path);
    detail::require_finite(mean, p + ".mean");
    detail::require_finite(sd, p + ".sd");
    ACI_COST_REQUIRE(sd > T(0), p + ".sd", detail::number_text(sd), "must be > 0");
    detail::require_finite(low, p + ".low");
    detail::require_finite(high, p + ".high");
    ACI_COST_REQUIRE(high > low, p + ".high", detail::number_text(high),
                     "must be > low (" + detail::number_text(low) + ")");
    const T a = (low - mean) / sd;
    const T b = (high - mean) / sd;
    const T mass = a >= T(0) ? normal_cdf(-a) - normal_cdf(-b) : normal_cdf(b) - normal_cdf(a);
    ACI_COST_REQUIRE(mass > T(0), p + ".low", detail::number_text(low),
                     "[low, high] must have a probability > 0 under the untruncated normal (it underflows)");
  }
  /// Inverse CDF at u in [0, 1), in [low, high].
  T quantile(T u) const {
    detail::require_unit(u);
    return quantile_unchecked(u);
  }
  /// quantile(u) for a u known to lie in [0, 1) (no check, so that a loop over u vectorises).
  T quantile_unchecked(T u) const {
    const T a = (low - mean) / sd;
    const T b = (high - mean) / sd;
    T z;
    if (a >= T(0)) {
      // Both ends in the upper tail: Phi(a) and Phi(b) would round to the same number near 1,
      // so invert the survival function 1 - Phi(z) = Phi(-z), which keeps relative precision.
      const T sa = normal_cdf(-a);
      const T sb = normal_cdf(-b);
      z = -normal_quantile(sa - u * (sa - sb));
    } else {
      const T fa = normal_cdf(a);
      const T fb = normal_cdf(b);
      z = normal_quantile(fa + u * (fb - fa));
    }
    const T x = mean + sd * z;
    return x < low ? low : (x > high ? high : x);
  }
};

/// Lognormal: exp(N(mu, sigma^2)); median exp(mu).
template <class T = double>
struct Lognormal {
  T mu{};     ///< mean of the underlying normal (log of the median), log input units
  T sigma{};  ///< standard deviation of the underlying normal (> 0)

  /// Throws InvalidInput naming the field unless mu is finite and sigma finite and > 0.
  void validate(std::string_view path = "lognormal") const {
    const std::string p(path);
    detail::require_finite(mu, p + ".mu");
    detail::require_finite(sigma, p + ".sigma");
    ACI_COST_REQUIRE(sigma > T(0), p + ".sigma", detail::number_text(sigma), "must be > 0");
  }
  /// Inverse CDF at u in [0, 1): exp(mu + sigma Phi^-1(u)); 0 at u = 0 (the support's infimum).
  T quantile(T u) const {
    detail::require_unit(u);
    return quantile_unchecked(u);
  }
  /// quantile(u) for a u known to lie in [0, 1) (no check, so that a loop over u vectorises).
  T quantile_unchecked(T u) const {
    if (u == T(0)) return T(0);
    return std::exp(mu + sigma * normal_quantile(u));
  }
};

/// Empirical (discrete) law: value k with probability weight k / sum of weights.
template <class T = double>
struct Discrete {
  std::vector<T> values;   ///< support, non-decreasing (so the quantile is monotone), input units
  std::vector<T> weights;  ///< one weight >= 0 per value, any positive total; empty: equal weights

  /// Throws InvalidInput naming the field (values[i], weights[i]) unless values is non-empty,
  /// finite and non-decreasing, and weights is empty or as long as values, finite, >= 0,
  /// with a positive finite total.
  void validate(std::string_view path = "discrete") const {
    const std::string p(path);
    ACI_COST_REQUIRE(!values.empty(), p + ".values", "[]", "must hold at least one value");
    for (std::size_t i = 0; i < values.size(); ++i) {
      const auto f = [&] { return p + ".values[" + std::to_string(i) + "]"; };
      detail::require_finite(values[i], f);
      if (i > 0)
        ACI_COST_REQUIRE(values[i] >= values[i - 1], f(), detail::number_text(values[i]),
                         "values must be sorted ascending (previous value " + detail::number_text(values[i - 1]) + ")");
    }
    if (weights.empty()) return;
    ACI_COST_REQUIRE(weights.size() == values.size(), p + ".weights", std::to_string(weights.size()) + " entries",
                     "must hold one weight per value (" + std::to_string(values.size()) + ")");
    T total = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      const auto f = [&] { return p + ".weights[" + std::to_string(i) + "]"; };
      detail::require_finite(weights[i], f);
      ACI_COST_REQUIRE(weights[i] >= T(0), f(), detail::number_text(weights[i]), "must be >= 0");
      total += weights[i];
    }
    ACI_COST_REQUIRE(total > T(0) && std::isfinite(total), p + ".weights", "total " + detail::number_text(total),
                     "must have a finite total > 0");
  }
  /// Inverse CDF at u in [0, 1): the value k with cum_{k-1} <= u total < cum_k, so each value is
  /// drawn with probability weight / total. O(1) with equal weights, O(number of values) with weights.
  T quantile(T u) const {
    detail::require_unit(u);
    return quantile_unchecked(u);
  }
  /// quantile(u) for a u known to lie in [0, 1) (no check, so that a loop over u vectorises).
  T quantile_unchecked(T u) const {
    const std::size_t n = values.size();
    if (weights.empty()) {
      auto k = static_cast<std::size_t>(u * static_cast<T>(n));
      return values[k < n ? k : n - 1];
    }
    T total = 0;
    for (const T w : weights) total += w;
    const T target = u * total;
    // The running sum is accumulated in the same order as the total, so it ends exactly at
    // total; a target rounded up to total falls on the last value that has weight.
    T cumulative = 0;
    std::size_t last_weighted = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (weights[k] > T(0)) last_weighted = k;
      cumulative += weights[k];
      if (target < cumulative) return values[k];
    }
    return values[last_weighted];
  }
};

/// One of the supported laws.
template <class T = double>
using Distribution = std::variant<Uniform<T>, Triangular<T>, TruncatedNormal<T>, Lognormal<T>, Discrete<T>>;

/// Replaces every u of `col` by law.quantile(u): one check pass over the column, then the
/// unchecked inverse CDFs (a loop that vectorises for the simple laws). InvalidInput
/// ("quantile.u") names the first u outside [0, 1).
template <class Law>
void quantiles_in_place(const Law& law, std::span<double> col) {
  // u in [0, 1) on the bits: +0 and the positive doubles below 1 are exactly the patterns below
  // those of 1.0, and -0 is let through as u >= 0.0 would; NaN and everything else fail. (Integer
  // compares vectorise; the FP compares did not, and cost more than the quantiles.)
  std::uint64_t bad = 0;
  for (const double u : col) {
    const auto bits = std::bit_cast<std::uint64_t>(u);
    bad |= static_cast<std::uint64_t>(bits >= 0x3ff0000000000000ULL && bits != 0x8000000000000000ULL);
  }
  if (bad != 0)
    for (const double u : col) detail::require_unit(u);
  for (double& u : col) u = law.quantile_unchecked(u);
}

/// The law of one named input of a sweep.
template <class T = double>
struct Marginal {
  std::string name;     ///< the input's name; errors name "distribution[<name>].<field>"
  Distribution<T> law;  ///< its distribution

  /// Throws InvalidInput naming "distribution[<name>].<field>" and the value if the law is invalid.
  void validate() const {
    const std::string path = "distribution[" + name + "]";
    std::visit([&](const auto& d) { d.validate(path); }, law);
  }
  /// Inverse CDF at u in [0, 1), input units; assumes validate() passed.
  T quantile(T u) const {
    return std::visit([u](const auto& d) { return d.quantile(u); }, law);
  }
  /// quantile(u) for u in [0, 1], where u = 1 gives the top of the support (Morris's levels
  /// reach it); InvalidInput naming the law when it has no finite top (the lognormal).
  T quantile_closed(T u) const {
    if (!(u == T(1))) return quantile(u);
    const T x = std::visit([](const auto& d) { return d.quantile_unchecked(T(1)); }, law);
    ACI_COST_REQUIRE(std::isfinite(x), "distribution[" + name + "]", "unbounded above",
                     "has no highest value, which u = 1 (Morris's top level) needs: use a bounded law "
                     "(uniform, triangular, truncated_normal, discrete)");
    return x;
  }
};

}  // namespace aci::sweep

ACI_COST_STRICT_FP_END
