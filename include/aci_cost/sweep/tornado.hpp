// aci::sweep::TornadoDesign + analyze_tornado: one-at-a-time low/high swings of any model around a
// base point (input units).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "aci_cost/error.hpp"
#include "aci_cost/sweep/design_outputs.hpp"

namespace aci::sweep {

template <class T = double>
class TornadoDesign {
 public:
  /// Points are input values.
  using value_type = T;

  /// Three finite vectors of one value per input.
  TornadoDesign(std::vector<T> base, std::vector<T> low, std::vector<T> high)
      : base_(std::move(base)), low_(std::move(low)), high_(std::move(high)) {
    ACI_COST_REQUIRE(!base_.empty(), "tornado.base", "[]", "must hold at least one input");
    ACI_COST_REQUIRE(low_.size() == base_.size(), "tornado.low", std::to_string(low_.size()) + " values",
                     "must hold one value per input (" + std::to_string(base_.size()) + ")");
    ACI_COST_REQUIRE(high_.size() == base_.size(), "tornado.high", std::to_string(high_.size()) + " values",
                     "must hold one value per input (" + std::to_string(base_.size()) + ")");
    for (std::size_t j = 0; j < base_.size(); ++j) {
      detail::require_finite(base_[j], [j] { return "tornado.base[" + std::to_string(j) + "]"; });
      detail::require_finite(low_[j], [j] { return "tornado.low[" + std::to_string(j) + "]"; });
      detail::require_finite(high_[j], [j] { return "tornado.high[" + std::to_string(j) + "]"; });
    }
  }
  /// Number of inputs k.
  std::size_t dimension() const noexcept { return base_.size(); }
  /// Model evaluations: 2k + 1.
  std::uint64_t size() const noexcept { return 2 * std::uint64_t{base_.size()} + 1; }
  /// Hash of (kind, version, the base, low and high values): outputs must carry it.
  std::uint64_t fingerprint() const noexcept {
    detail::Fingerprint f(DesignKind::tornado);
    f.add(base_.size());
    for (const auto* v : {&base_, &low_, &high_})
      for (const T x : *v) f.add(std::bit_cast<std::uint64_t>(static_cast<double>(x)));
    return f.value();
  }
  /// Row (< size()) into `out` (one slot per input), input units.
  void point(std::uint64_t row, std::span<T> out) const {
    detail::require_point_size(out.size(), base_.size());
    detail::require_index(row, size(), "tornado.row");
    std::copy(base_.begin(), base_.end(), out.begin());
    if (row == 0) return;
    const auto j = static_cast<std::size_t>((row - 1) / 2);
    out[j] = (row % 2 == 1) ? low_[j] : high_[j];
  }

 private:
  std::vector<T> base_, low_, high_;
};

/// One input's bar of a tornado chart.
template <class T = double>
struct TornadoBar {
  std::size_t input = 0;  ///< the input's index
  T low_delta{};          ///< f(input at low) - f(base), output units
  T high_delta{};         ///< f(input at high) - f(base), output units
  T swing{};              ///< |high_delta - low_delta|, output units
};

/// The bars, largest swing first (ties: lower input index first).
/// Throws InvalidInput for outputs of another design or of the wrong length.
template <class T = double>
std::vector<TornadoBar<T>> analyze_tornado(const TornadoDesign<T>& design, const DesignOutputs<T>& outputs) {
  detail::check_outputs(outputs, design.fingerprint(), design.size(), "tornado");
  const std::vector<T>& f = outputs.values;
  std::vector<TornadoBar<T>> bars(design.dimension());
  for (std::size_t j = 0; j < bars.size(); ++j) {
    const T lo = f[2 * j + 1] - f[0], hi = f[2 * j + 2] - f[0];
    bars[j] = {j, lo, hi, std::abs(hi - lo)};
  }
  std::stable_sort(bars.begin(), bars.end(), [](const auto& a, const auto& b) { return a.swing > b.swing; });
  return bars;
}

}  // namespace aci::sweep
