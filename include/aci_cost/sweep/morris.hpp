// aci::sweep::MorrisDesign + analyze_morris: Morris's elementary effects (mu, mu*, sigma) of
// any model from the outputs of a trajectory design.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/sweep/design_outputs.hpp"
#include "aci_cost/sweep/designs.hpp"
#include "aci_cost/detail/strict_fp.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::sweep {

/// Morris's elementary-effects design (Morris 1991, Technometrics 33:161-174): r trajectories of
/// k + 1 points on a p-level grid, each moving one input at a time by p/2 levels. Levels are the
/// cell centres (l + 1/2)/p, l = 0..p-1, so every point is inside (0, 1) and maps to a finite
/// value of any marginal; the jump of p/2 levels keeps Morris's equal probability of every level.
/// Trajectory t depends only on (seed, t).
class MorrisDesign {
 public:
  /// Points are in (0, 1).
  using value_type = double;

  /// One trajectory: where it starts, and which input moves at each step.
  struct Trajectory {
    std::vector<std::size_t> start_level;  ///< level 0..p-1 of each input at the first point
    std::vector<std::size_t> order;        ///< order[m]: the input moved between points m and m + 1
  };

  /// `inputs` k >= 1, `trajectories` r >= 2, `levels` p even and >= 2.
  MorrisDesign(std::size_t inputs, std::size_t trajectories, std::size_t levels, std::uint64_t seed)
      : inputs_(inputs), trajectories_(trajectories), levels_(levels), seed_(seed) {
    ACI_COST_REQUIRE(inputs >= 1, "morris.inputs", inputs, "must be >= 1");
    ACI_COST_REQUIRE(trajectories >= 2, "morris.trajectories", trajectories, "must be >= 2 (sigma needs two effects)");
    ACI_COST_REQUIRE(levels >= 2 && levels % 2 == 0, "morris.levels", levels,
                 "must be even and >= 2 (a jump of p/2 levels pairs every level)");
  }
  /// Number of inputs k.
  std::size_t dimension() const noexcept { return inputs_; }
  /// Number of trajectories r.
  std::size_t trajectories() const noexcept { return trajectories_; }
  /// Number of levels p.
  std::size_t levels() const noexcept { return levels_; }
  /// Model evaluations: r (k + 1).
  std::uint64_t size() const noexcept { return std::uint64_t{trajectories_} * (inputs_ + 1); }
  /// Hash of (kind, version, seed, k, r, p): outputs must carry it.
  std::uint64_t fingerprint() const noexcept {
    return detail::Fingerprint(DesignKind::morris).add(seed_).add(inputs_).add(trajectories_).add(levels_).value();
  }
  /// Coordinate of level l: (l + 1/2) / p.
  double level_value(std::size_t l) const noexcept {
    return (static_cast<double>(l) + 0.5) / static_cast<double>(levels_);
  }
  /// Trajectory t (< r): seeded start levels (one of each input's pair l, l + p/2, in a seeded
  /// direction) and a seeded order of the inputs.
  Trajectory trajectory(std::size_t t) const {
    Trajectory tr;
    trajectory(t, tr);
    return tr;
  }
  /// Trajectory t into `tr`, reusing its vectors (no allocation once they hold k entries).
  void trajectory(std::size_t t, Trajectory& tr) const {
    detail::require_index(t, trajectories_, "morris.trajectory");
    tr.start_level.resize(inputs_);
    tr.order.resize(inputs_);
    const std::size_t half = levels_ / 2;
    const auto draw = [&](std::uint64_t slot) { return aci::detail::counter_bits(seed_, t, slot, detail::stream_morris); };
    for (std::size_t j = 0; j < inputs_; ++j) {
      const auto low = static_cast<std::size_t>(detail::uniform_index(draw(j), half));
      const bool downward = (draw(inputs_ + j) >> 63) != 0;
      tr.start_level[j] = downward ? low + half : low;
    }
    std::iota(tr.order.begin(), tr.order.end(), std::size_t{0});
    for (std::size_t m = inputs_; m-- > 1;)  // Fisher-Yates
      std::swap(tr.order[m], tr.order[static_cast<std::size_t>(detail::uniform_index(draw(2 * inputs_ + m), m + 1))]);
  }
  /// Row (< size()) into `out` (one slot per input), in (0, 1).
  void point(std::uint64_t row, std::span<double> out) const {
    detail::require_point_size(out.size(), inputs_);
    detail::require_index(row, size(), "morris.row");
    const auto t = static_cast<std::size_t>(row / (inputs_ + 1));
    const auto step = static_cast<std::size_t>(row % (inputs_ + 1));
    Trajectory tr = trajectory(t);
    for (std::size_t m = 0; m < step; ++m) {
      std::size_t& level = tr.start_level[tr.order[m]];
      level = partner_level(level);
    }
    for (std::size_t j = 0; j < inputs_; ++j) out[j] = level_value(tr.start_level[j]);
  }
  /// The level a move from level l goes to: l + p/2 below p/2, l - p/2 from p/2 up.
  std::size_t partner_level(std::size_t l) const noexcept { return l < levels_ / 2 ? l + levels_ / 2 : l - levels_ / 2; }

 private:
  std::size_t inputs_;
  std::size_t trajectories_;
  std::size_t levels_;
  std::uint64_t seed_;
};

/// Morris statistics per input, in output units per unit of u (the input's quantile scale): for
/// an input mapped linearly over [low, high], an effect of c per input unit reads c (high - low).
template <class T = double>
struct MorrisIndices {
  std::vector<T> mu;       ///< mean elementary effect (signed)
  std::vector<T> mu_star;  ///< mean absolute elementary effect (Campolongo, Cariboni & Saltelli 2007, Environ. Model. Softw. 22:1509-1518)
  std::vector<T> sigma;    ///< sample standard deviation (divisor r - 1) of the elementary effects
};

/// Elementary effects EE = (f(x') - f(x)) / (u' - u) along every trajectory, summarised per input.
/// Throws InvalidInput for outputs of another design, of the wrong length or non-finite.
template <class T = double>
MorrisIndices<T> analyze_morris(const MorrisDesign& design, const DesignOutputs<T>& outputs) {
  detail::check_outputs(outputs, design.fingerprint(), design.size(), "morris");
  const std::size_t k = design.dimension(), r = design.trajectories();
  for (std::size_t i = 0; i < outputs.values.size(); ++i)
    if (!std::isfinite(outputs.values[i]))
      throw InvalidInput("morris.outputs.values[" + std::to_string(i) + "]", detail::output_text(outputs.values[i]),
                         "must be finite");
  std::vector<T> effects(r * k);  // effects[t k + j]
  MorrisDesign::Trajectory tr;
  for (std::size_t t = 0; t < r; ++t) {
    design.trajectory(t, tr);
    const T* f = &outputs.values[t * (k + 1)];
    for (std::size_t m = 0; m < k; ++m) {
      const std::size_t j = tr.order[m];
      const double before = design.level_value(tr.start_level[j]);
      tr.start_level[j] = design.partner_level(tr.start_level[j]);
      const double after = design.level_value(tr.start_level[j]);
      effects[t * k + j] = (f[m + 1] - f[m]) / static_cast<T>(after - before);
    }
  }
  MorrisIndices<T> result{std::vector<T>(k), std::vector<T>(k), std::vector<T>(k)};
  for (std::size_t j = 0; j < k; ++j) {
    T sum = 0, sum_abs = 0;
    for (std::size_t t = 0; t < r; ++t) {
      sum += effects[t * k + j];
      sum_abs += std::abs(effects[t * k + j]);
    }
    result.mu[j] = sum / static_cast<T>(r);
    result.mu_star[j] = sum_abs / static_cast<T>(r);
    T squares = 0;
    for (std::size_t t = 0; t < r; ++t) squares += (effects[t * k + j] - result.mu[j]) * (effects[t * k + j] - result.mu[j]);
    result.sigma[j] = std::sqrt(squares / static_cast<T>(r - 1));
  }
  return result;
}

/// One-at-a-time design around a base point, input units: row 0 is the base point, row 2j + 1

}  // namespace aci::sweep

ACI_COST_STRICT_FP_END
