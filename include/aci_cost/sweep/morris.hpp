// aci::sweep::MorrisDesign + analyze_morris: Morris's elementary effects (mu, mu*, sigma, with
// bootstrap intervals) of any model from the outputs of a trajectory design, as published
// (Morris 1991; Campolongo, Cariboni & Saltelli 2007) and as SALib computes them.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
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

/// [assumption] The most candidate combinations Campolongo's selection searches exhaustively
/// (C(M, r)); beyond, a greedy choice improved by exchanges (a local optimum, as SALib's
/// local_optimization is).
inline constexpr std::uint64_t morris_exhaustive_limit = 2'000'000;

/// Morris's elementary-effects design (Morris 1991, Technometrics 33:161-174): r trajectories of
/// k + 1 points on the grid of p levels {0, 1/(p-1), .., 1} of each input's quantile scale, each
/// step moving one input by Delta = p / (2 (p - 1)), i.e. p/2 levels (the jump that gives every
/// level the same probability). A trajectory starts at a seeded level of the lower half for each
/// input, moved up by Delta in a seeded half of the cases (Morris's B* = (J x* + Delta/2
/// ((2B - J) D* + J)) P*: its start and its order of moves), and moves the inputs in a seeded order.
/// With `candidates` M > r, the r trajectories are chosen among M seeded ones for the largest
/// spread (Campolongo, Cariboni & Saltelli 2007, Environ. Model. Softw. 22:1509-1518: the set
/// maximising sqrt(sum over pairs of d^2), d the sum of the Euclidean distances between the
/// points of two trajectories), exhaustively up to morris_exhaustive_limit combinations.
/// Candidate t depends only on (seed, t).
class MorrisDesign {
 public:
  /// Points are in [0, 1].
  using value_type = double;

  /// One trajectory: where it starts, and which input moves at each step.
  struct Trajectory {
    std::vector<std::size_t> start_level;  ///< level 0..p-1 of each input at the first point
    std::vector<std::size_t> order;        ///< order[m]: the input moved between points m and m + 1
  };

  /// `inputs` k >= 1, `trajectories` r >= 2, `levels` p even and >= 2, `candidates` 0 (none) or
  /// M in (r, 10000].
  MorrisDesign(std::size_t inputs, std::size_t trajectories, std::size_t levels, std::uint64_t seed,
               std::size_t candidates = 0)
      : inputs_(inputs), trajectories_(trajectories), levels_(levels), seed_(seed), candidates_(candidates) {
    ACI_COST_REQUIRE(inputs >= 1, "morris.inputs", inputs, "must be >= 1");
    ACI_COST_REQUIRE(trajectories >= 2, "morris.trajectories", trajectories, "must be >= 2 (sigma needs two effects)");
    ACI_COST_REQUIRE(levels >= 2 && levels % 2 == 0, "morris.levels", levels,
                     "must be even and >= 2 (a jump of p/2 levels pairs every level)");
    ACI_COST_REQUIRE(candidates == 0 || (candidates > trajectories && candidates <= 10'000), "morris.candidates",
                     candidates, "must be 0 (no selection) or more than the trajectories and at most 10000");
    if (candidates_ > 0) chosen_ = select_spread();
  }
  /// Number of inputs k.
  std::size_t dimension() const noexcept { return inputs_; }
  /// Number of trajectories r.
  std::size_t trajectories() const noexcept { return trajectories_; }
  /// Number of levels p.
  std::size_t levels() const noexcept { return levels_; }
  /// Candidates M the trajectories were chosen from (0: none).
  std::size_t candidates() const noexcept { return candidates_; }
  /// The candidates chosen, increasing (empty without candidates).
  const std::vector<std::size_t>& chosen() const noexcept { return chosen_; }
  /// Model evaluations: r (k + 1).
  std::uint64_t size() const noexcept { return std::uint64_t{trajectories_} * (inputs_ + 1); }
  /// Hash of (kind, version, levels on {0, .., 1}, seed, k, r, p, M): outputs must carry it.
  std::uint64_t fingerprint() const noexcept {
    detail::Fingerprint f(DesignKind::morris);
    f.add(0x4d6f'7272'6973'3931ULL);  // the published levels l / (p - 1)
    f.add(seed_).add(inputs_).add(trajectories_).add(levels_);
    if (candidates_ > 0) f.add(candidates_);
    return f.value();
  }
  /// Coordinate of level l: l / (p - 1).
  double level_value(std::size_t l) const noexcept { return static_cast<double>(l) / static_cast<double>(levels_ - 1); }
  /// The step Delta = p / (2 (p - 1)), in units of the quantile scale.
  double delta() const noexcept { return static_cast<double>(levels_) / (2.0 * static_cast<double>(levels_ - 1)); }
  /// Trajectory t (< r).
  Trajectory trajectory(std::size_t t) const {
    Trajectory tr;
    trajectory(t, tr);
    return tr;
  }
  /// Trajectory t into `tr`, reusing its vectors (no allocation once they hold k entries).
  void trajectory(std::size_t t, Trajectory& tr) const {
    detail::require_index(t, trajectories_, "morris.trajectory");
    candidate(chosen_.empty() ? t : chosen_[t], tr);
  }
  /// Row (< size()) into `out` (one slot per input), in [0, 1].
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
  std::size_t partner_level(std::size_t l) const noexcept {
    return l < levels_ / 2 ? l + levels_ / 2 : l - levels_ / 2;
  }

 private:
  /// Candidate trajectory c: seeded start levels (one of each input's pair l, l + p/2, in a
  /// seeded direction) and a seeded order of the inputs.
  void candidate(std::size_t c, Trajectory& tr) const {
    tr.start_level.resize(inputs_);
    tr.order.resize(inputs_);
    const std::size_t half = levels_ / 2;
    const auto draw = [&](std::uint64_t slot) {
      return aci::detail::counter_bits(seed_, c, slot, detail::stream_morris);
    };
    for (std::size_t j = 0; j < inputs_; ++j) {
      const auto low = static_cast<std::size_t>(detail::uniform_index(draw(j), half));
      const bool downward = (draw(inputs_ + j) >> 63) != 0;
      tr.start_level[j] = downward ? low + half : low;
    }
    std::iota(tr.order.begin(), tr.order.end(), std::size_t{0});
    for (std::size_t m = inputs_; m-- > 1;)  // Fisher-Yates
      std::swap(tr.order[m], tr.order[static_cast<std::size_t>(detail::uniform_index(draw(2 * inputs_ + m), m + 1))]);
  }
  /// The points of candidate c, (k + 1) x k row-major.
  std::vector<double> candidate_points(std::size_t c) const {
    Trajectory tr;
    candidate(c, tr);
    std::vector<double> x((inputs_ + 1) * inputs_);
    for (std::size_t step = 0; step <= inputs_; ++step) {
      if (step > 0) tr.start_level[tr.order[step - 1]] = partner_level(tr.start_level[tr.order[step - 1]]);
      for (std::size_t j = 0; j < inputs_; ++j) x[step * inputs_ + j] = level_value(tr.start_level[j]);
    }
    return x;
  }
  /// Campolongo's selection: the r of M candidates with the largest sum of squared distances.
  std::vector<std::size_t> select_spread() const {
    const std::size_t m = candidates_, r = trajectories_;
    std::vector<std::vector<double>> x(m);
    for (std::size_t c = 0; c < m; ++c) x[c] = candidate_points(c);
    // d2[a m + b]: the squared distance between candidates a and b (0 for identical ones, as SALib).
    std::vector<double> d2(m * m, 0.0);
    for (std::size_t a = 0; a < m; ++a)
      for (std::size_t b = a + 1; b < m; ++b) {
        const double d = x[a] == x[b] ? 0.0 : trajectory_distance(x[a], x[b]);
        d2[a * m + b] = d2[b * m + a] = d * d;
      }
    return morris_select(d2, m, r);
  }
  /// Campolongo's d: the sum over the points i of one and j of the other of ||x_i - x_j||.
  double trajectory_distance(const std::vector<double>& a, const std::vector<double>& b) const {
    double total = 0;
    for (std::size_t i = 0; i <= inputs_; ++i)
      for (std::size_t j = 0; j <= inputs_; ++j) {
        double s = 0;
        for (std::size_t z = 0; z < inputs_; ++z) {
          const double e = a[i * inputs_ + z] - b[j * inputs_ + z];
          s += e * e;
        }
        total += std::sqrt(s);
      }
    return total;
  }

 public:
  /// The r of m items with the largest sum over pairs of d2 (m x m, symmetric): every
  /// combination in lexicographic order when there are at most morris_exhaustive_limit (the
  /// first of equal sums), else the greedy choice improved by exchanges. Increasing indices.
  static std::vector<std::size_t> morris_select(const std::vector<double>& d2, std::size_t m, std::size_t r) {
    const auto sum_of = [&](const std::vector<std::size_t>& set) {
      double s = 0;
      for (std::size_t i = 0; i < set.size(); ++i)
        for (std::size_t j = i + 1; j < set.size(); ++j) s += d2[set[i] * m + set[j]];
      return s;
    };
    // C(m, r), stopping once past the limit.
    double combinations = 1;
    for (std::size_t i = 0; i < r && combinations <= static_cast<double>(morris_exhaustive_limit); ++i)
      combinations = combinations * static_cast<double>(m - i) / static_cast<double>(i + 1);
    std::vector<std::size_t> set(r);
    if (combinations <= static_cast<double>(morris_exhaustive_limit)) {
      std::iota(set.begin(), set.end(), std::size_t{0});
      std::vector<std::size_t> best = set;
      double best_sum = -1;
      for (;;) {
        const double s = sum_of(set);
        if (s > best_sum) {
          best_sum = s;
          best = set;
        }
        // Next combination in lexicographic order (as itertools.combinations).
        std::size_t i = r;
        while (i-- > 0 && set[i] == m - r + i) {
        }
        if (i == static_cast<std::size_t>(-1)) break;
        ++set[i];
        for (std::size_t j = i + 1; j < r; ++j) set[j] = set[j - 1] + 1;
      }
      return best;
    }
    // Greedy: the farthest pair, then the item adding most; then exchanges while one helps.
    std::size_t a = 0, b = 1;
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = i + 1; j < m; ++j)
        if (d2[i * m + j] > d2[a * m + b]) std::tie(a, b) = std::pair{i, j};
    std::vector<bool> in(m, false);
    set = {a, b};
    in[a] = in[b] = true;
    const auto gain = [&](std::size_t c, std::size_t skip) {
      double s = 0;
      for (const std::size_t t : set)
        if (t != skip) s += d2[c * m + t];
      return s;
    };
    while (set.size() < r) {
      std::size_t best = m;
      double best_gain = -1;
      for (std::size_t c = 0; c < m; ++c)
        if (!in[c] && gain(c, m) > best_gain) std::tie(best, best_gain) = std::pair{c, gain(c, m)};
      set.push_back(best);
      in[best] = true;
    }
    for (bool improved = true; improved;) {
      improved = false;
      for (std::size_t i = 0; i < set.size() && !improved; ++i)
        for (std::size_t c = 0; c < m && !improved; ++c)
          if (!in[c] && gain(c, set[i]) > gain(set[i], set[i])) {
            in[set[i]] = false;
            in[c] = true;
            set[i] = c;
            improved = true;
          }
    }
    std::sort(set.begin(), set.end());
    return set;
  }

 private:
  std::size_t inputs_;
  std::size_t trajectories_;
  std::size_t levels_;
  std::uint64_t seed_;
  std::size_t candidates_ = 0;
  std::vector<std::size_t> chosen_;
};

/// Options of analyze_morris: the bootstrap of the trajectories.
struct MorrisOptions {
  std::size_t bootstrap_resamples = 1000;     ///< resamples of the trajectories; 0: no intervals (NaN bounds)
  std::uint64_t bootstrap_seed = 0;           ///< seed of the resampling (counter RNG)
  double confidence_level = 0.95;             ///< coverage of the intervals, in (0, 1)
  CiMethod ci_method = CiMethod::percentile;  ///< normal: estimate -+ z sd, SALib's mu_star_conf half-width

  /// Throws InvalidInput naming the field unless confidence_level is in (0, 1).
  void validate() const {
    ACI_COST_REQUIRE(confidence_level > 0.0 && confidence_level < 1.0, "morris.confidence_level",
                     detail::number_text(confidence_level), "must be in (0, 1)");
  }
};

/// Morris statistics per input, in output units per unit of u (the input's quantile scale): for
/// an input mapped linearly over [low, high], an effect of c per input unit reads c (high - low).
template <class T = double>
struct MorrisIndices {
  std::vector<T> mu;                    ///< mean elementary effect (signed)
  std::vector<T> mu_star;               ///< mean absolute elementary effect (Campolongo, Cariboni & Saltelli 2007)
  std::vector<T> sigma;                 ///< sample standard deviation (divisor r - 1) of the elementary effects
  std::vector<Interval<T>> mu_ci;       ///< bootstrap interval of mu per input
  std::vector<Interval<T>> mu_star_ci;  ///< bootstrap interval of mu* per input
  std::vector<Interval<T>> sigma_ci;    ///< bootstrap interval of sigma per input
};

namespace detail {

/// mu, mu*, sigma of input j over the trajectories picks[0..r) (effects[t k + j]).
template <class T, class Pick>
void morris_statistics(const std::vector<T>& effects, std::size_t k, std::size_t j, std::size_t r, const Pick& pick,
                       T& mu, T& mu_star, T& sigma) {
  T sum = 0, sum_abs = 0;
  for (std::size_t t = 0; t < r; ++t) {
    const T e = effects[pick(t) * k + j];
    sum += e;
    sum_abs += std::abs(e);
  }
  mu = sum / static_cast<T>(r);
  mu_star = sum_abs / static_cast<T>(r);
  T squares = 0;
  for (std::size_t t = 0; t < r; ++t) {
    const T e = effects[pick(t) * k + j] - mu;
    squares += e * e;
  }
  sigma = std::sqrt(squares / static_cast<T>(r - 1));
}

}  // namespace detail

/// Elementary effects EE = (f(x with the input at its higher level) - f(x at the lower)) / Delta
/// along every trajectory (as SALib's morris.analyze), summarised per input, with intervals from
/// a bootstrap over trajectories (resample b draws trajectories uniform_index(counter_bits(seed,
/// b, t, stream_morris_bootstrap), r)). Throws InvalidInput for outputs of another design, of the
/// wrong length or non-finite, or bad options.
template <class T = double>
MorrisIndices<T> analyze_morris(const MorrisDesign& design, const DesignOutputs<T>& outputs,
                                const MorrisOptions& options = {}) {
  options.validate();
  detail::check_outputs(outputs, design.fingerprint(), design.size(), "morris");
  const std::size_t k = design.dimension(), r = design.trajectories();
  for (std::size_t i = 0; i < outputs.values.size(); ++i)
    if (!std::isfinite(outputs.values[i]))
      throw InvalidInput("morris.outputs.values[" + std::to_string(i) + "]", detail::output_text(outputs.values[i]),
                         "must be finite");
  std::vector<T> effects(r * k);  // effects[t k + j]
  const auto delta = static_cast<T>(design.delta());
  MorrisDesign::Trajectory tr;
  for (std::size_t t = 0; t < r; ++t) {
    design.trajectory(t, tr);
    const T* f = &outputs.values[t * (k + 1)];
    for (std::size_t m = 0; m < k; ++m) {
      const std::size_t j = tr.order[m];
      const bool up = tr.start_level[j] < design.levels() / 2;  // the move goes up the grid
      tr.start_level[j] = design.partner_level(tr.start_level[j]);
      effects[t * k + j] = (up ? f[m + 1] - f[m] : f[m] - f[m + 1]) / delta;
    }
  }
  MorrisIndices<T> result{std::vector<T>(k), std::vector<T>(k), std::vector<T>(k), {}, {}, {}};
  const auto identity = [](std::size_t t) { return t; };
  for (std::size_t j = 0; j < k; ++j)
    detail::morris_statistics(effects, k, j, r, identity, result.mu[j], result.mu_star[j], result.sigma[j]);
  // The bootstrap: every replicate kept (b x k per statistic), then the intervals.
  const std::size_t b_count = options.bootstrap_resamples;
  std::vector<T> mu_rep(b_count * k), star_rep(b_count * k), sigma_rep(b_count * k);
  std::vector<std::size_t> picks(r);
  for (std::size_t b = 0; b < b_count; ++b) {
    for (std::size_t t = 0; t < r; ++t)
      picks[t] = static_cast<std::size_t>(detail::uniform_index(
          aci::detail::counter_bits(options.bootstrap_seed, b, t, detail::stream_morris_bootstrap), r));
    for (std::size_t j = 0; j < k; ++j)
      detail::morris_statistics(
          effects, k, j, r, [&](std::size_t t) { return picks[t]; }, mu_rep[j * b_count + b], star_rep[j * b_count + b],
          sigma_rep[j * b_count + b]);
  }
  std::vector<T> replicates(b_count);
  const auto interval = [&](const std::vector<T>& all, std::size_t j, T estimate) {
    std::copy_n(all.begin() + static_cast<std::ptrdiff_t>(j * b_count), b_count, replicates.begin());
    return detail::bootstrap_interval(replicates, estimate, options.confidence_level, options.ci_method);
  };
  for (std::size_t j = 0; j < k; ++j) {
    result.mu_ci.push_back(interval(mu_rep, j, result.mu[j]));
    result.mu_star_ci.push_back(interval(star_rep, j, result.mu_star[j]));
    result.sigma_ci.push_back(interval(sigma_rep, j, result.sigma[j]));
  }
  return result;
}

}  // namespace aci::sweep

ACI_COST_STRICT_FP_END
