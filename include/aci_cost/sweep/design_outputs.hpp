// aci::sweep::DesignOutputs: the contract between a sensitivity design and its analysis — one
// output per design row, in row order, tagged with the design's fingerprint (an analysis refuses
// the outputs of another design or of the wrong length) — and the pieces the analyses share.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/sweep/design_kind.hpp"
#include "aci_cost/sweep/distributions.hpp"

namespace aci::sweep {

/// Model outputs of one design, one per design row in row order, tagged with the design's fingerprint.
template <class T = double>
struct DesignOutputs {
  std::uint64_t fingerprint = 0;  ///< fingerprint() of the design the rows came from
  std::vector<T> values;          ///< output of row r at index r, output units
};

/// What analyze_sobol does with a non-finite (NaN or infinite) output.
enum class NanPolicy {
  raise,        ///< throw InvalidInput naming the first such row
  drop_blocks,  ///< drop every base row i whose A, B or any AB_g output is non-finite
};

/// How bootstrap confidence intervals are formed.
enum class CiMethod {
  percentile,  ///< the (1 - level)/2 and (1 + level)/2 order statistics of the resampled estimates
  normal,      ///< estimate -+ Phi^-1((1 + level)/2) x standard deviation of the resampled estimates
};

/// A closed interval [low, high].
template <class T = double>
struct Interval {
  T low{};   ///< lower bound
  T high{};  ///< upper bound
};

namespace detail {

/// Version of the point construction, in every fingerprint: bump it when points change.
inline constexpr std::uint64_t design_version = 1;

/// A 64-bit hash chained over a design's defining parameters (SplitMix64 mixing at each step).
class Fingerprint {
 public:
  /// Starts the hash with the design kind and the construction version.
  explicit Fingerprint(DesignKind kind) noexcept
      : hash_(aci::detail::mix64(static_cast<std::uint64_t>(kind) ^ (design_version << 32))) {}
  /// Mixes in one parameter.
  Fingerprint& add(std::uint64_t v) noexcept {
    hash_ = aci::detail::mix64(hash_ ^ v);
    return *this;
  }
  /// The hash.
  std::uint64_t value() const noexcept { return hash_; }

 private:
  std::uint64_t hash_;
};

inline std::string hex(std::uint64_t v) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string s = "0x0000000000000000";
  for (std::size_t k = 0; k < 16; ++k) s[17 - k] = digits[(v >> (4 * k)) & 0xfU];
  return s;
}

/// Throws InvalidInput unless the outputs carry `fingerprint` and hold `rows` values.
template <class T>
void check_outputs(const DesignOutputs<T>& outputs, std::uint64_t fingerprint, std::uint64_t rows,
                   std::string_view analysis) {
  const std::string prefix = std::string(analysis) + ".outputs";
  ACI_COST_REQUIRE(
      outputs.fingerprint == fingerprint, prefix + ".fingerprint", hex(outputs.fingerprint),
      "must equal the design's fingerprint " + hex(fingerprint) + " (these outputs come from another design)");
  ACI_COST_REQUIRE(outputs.values.size() == rows, prefix + ".values", std::to_string(outputs.values.size()) + " values",
                   "must hold one output per design row (" + std::to_string(rows) + ")");
}

template <class T>
std::string output_text(T v) {
  return std::isnan(v) ? std::string("nan") : number_text(v);
}

/// The interval of `estimate` from its bootstrap replicates (NaN bounds with fewer than 2).
template <class T>
Interval<T> bootstrap_interval(std::vector<T> replicates, T estimate, double level, CiMethod method) {
  const std::size_t b = replicates.size();
  if (b < 2) return {std::numeric_limits<T>::quiet_NaN(), std::numeric_limits<T>::quiet_NaN()};
  const double tail = (1.0 - level) / 2.0;
  if (method == CiMethod::normal) {
    T mean = 0;
    for (const T v : replicates) mean += v;
    mean /= static_cast<T>(b);
    T squares = 0;
    for (const T v : replicates) squares += (v - mean) * (v - mean);
    const T sd = std::sqrt(squares / static_cast<T>(b - 1));
    const T z = normal_quantile(static_cast<T>(1.0 - tail));
    return {estimate - z * sd, estimate + z * sd};
  }
  std::sort(replicates.begin(), replicates.end());
  // Order statistic ceil(p B) (1-based), the inverse of the replicates' empirical CDF.
  const auto order = [&](double p) {
    const double k = std::ceil(p * static_cast<double>(b));
    return replicates[k < 1.0 ? 0 : std::min(b - 1, static_cast<std::size_t>(k) - 1)];
  };
  return {order(tail), order(1.0 - tail)};
}

}  // namespace detail

/// Evaluates `model` (callable on std::span<const value_type>, returning a number) on every row of
/// `design` in row order; the outputs carry the design's fingerprint. For small models and tests:
/// a sweep engine evaluates rows in chunks instead.
template <class Design, class Model>
DesignOutputs<typename Design::value_type> evaluate(const Design& design, Model&& model) {
  using V = typename Design::value_type;
  DesignOutputs<V> outputs{design.fingerprint(), {}};
  outputs.values.reserve(static_cast<std::size_t>(design.size()));
  std::vector<V> x(design.dimension());
  for (std::uint64_t r = 0; r < design.size(); ++r) {
    design.point(r, std::span<V>(x));
    outputs.values.push_back(static_cast<V>(model(std::span<const V>(x))));
  }
  return outputs;
}

}  // namespace aci::sweep
