// aci::sweep::run_sobol: a Sobol' study of any evaluator — the Saltelli design of a spec's
// inputs, run on the engine with common random numbers (sweep/common_draws.hpp), optionally
// with the model's own randomness as a last group ("noise") and R replications per row, then
// the indices of every output (sweep/sobol_indices.hpp) with bootstrap intervals.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "aci_cost/error.hpp"
#include "aci_cost/sweep/common_draws.hpp"
#include "aci_cost/sweep/sobol_indices.hpp"

namespace aci::sweep {

/// [assumption] Below this many base rows a study warns (SobolStudy::warnings): its indices are
/// mostly sampling noise (n = 2 gave S1 = 1.756 and -0.813); docs/sweep_format.md.
inline constexpr std::uint64_t min_reliable_sobol_n = 64;

/// What a Sobol' study runs.
struct SobolStudyOptions {
  std::uint64_t n = 1024;           ///< base rows, a power of two
  std::uint64_t seed = 0;           ///< seed of the design (the scrambled Sobol' sequence)
  std::vector<std::size_t> groups;  ///< group of each input (empty: one group per input)
  bool noise = false;               ///< add the model's randomness as a last group, "noise"
  std::uint64_t replications = 1;   ///< runs averaged per row (>= 1)
  bool second_order = false;        ///< also the BA_g rows and S2 of every pair of groups (Saltelli 2002)
  /// Outputs whose indices get bootstrap intervals (the others: NaN bounds); empty: every output.
  std::vector<std::string> intervals;
  SobolOptions analysis;  ///< confidence level, bootstrap, NaN policy, conventions
  RunOptions run;         ///< threads and chunk of the evaluation
};

/// The indices of one output.
struct SobolOutput {
  std::string output;            ///< output name
  SobolIndices<double> indices;  ///< per group (SobolStudy::labels)
  std::vector<double> values;    ///< the output at every design row (rows A, B, AB_g per base row)
};

/// A Sobol' study's results and the design it ran, so another analyser can redo any step.
struct SobolStudy {
  std::vector<std::string> labels;   ///< per group: the input's name, "group g", then "noise"
  std::vector<SobolOutput> outputs;  ///< per output of the spec
  std::vector<double> unit_points;   ///< rows x inputs, row-major: the inputs' unit coordinates
  std::size_t inputs = 0;            ///< number of inputs (columns of unit_points)
  std::uint64_t rows = 0;            ///< design rows, n x block_size
  std::uint64_t fingerprint = 0;     ///< the design's fingerprint (with its noise coordinate)
  std::size_t block_size = 0;        ///< rows per base row, groups + 2
  /// What the caller should know: too few base rows (min_reliable_sobol_n), an output constant
  /// over the design (its indices are NaN: a share of zero variance is undefined).
  std::vector<std::string> warnings;
};

/// Runs the Saltelli design of `spec` (every input needs a distribution) on `ev` and analyses
/// every output. `progress` is told the rows evaluated, then the bootstrap's resamples (a second
/// total) unless analysis.progress is set. InvalidInput names the field of a bad option;
/// Cancelled if progress (or analysis.progress) stops it.
inline SobolStudy run_sobol(const Evaluator& ev, const SweepSpec& spec, const SobolStudyOptions& options,
                            const Progress& progress = {}) {
  const std::size_t k = spec.inputs.size();
  ACI_COST_REQUIRE(k >= 1, "sweep.inputs", "[]", "needs at least one input");
  std::vector<std::size_t> groups = options.groups;
  // The model's randomness as one more group: a placeholder coordinate in a group of its own.
  if (options.noise) {
    if (groups.empty()) {
      groups.resize(k);
      for (std::size_t j = 0; j < k; ++j) groups[j] = j;
    }
    std::size_t top = 0;
    for (auto g : groups) top = std::max(top, g + 1);
    groups.push_back(top);
  }
  // The outputs asked for intervals, checked before the model runs.
  const std::vector<std::string>& names = spec.outputs.empty() ? ev.outputs() : spec.outputs;
  std::vector<bool> asked;
  if (!options.intervals.empty()) {
    asked.assign(names.size(), false);
    for (std::size_t i = 0; i < options.intervals.size(); ++i)
      asked[index_of(names, options.intervals[i], "sobol.intervals[" + std::to_string(i) + "]")] = true;
  }
  const std::size_t stride = options.noise ? k + 1 : k;
  const SaltelliDesign design(stride, options.n, options.seed, groups, options.second_order);
  // Refused before anything is computed when it would not fit (as run_sweep refuses a sweep):
  // per design row, the unit point, its key, the inputs' values and the outputs, each repeated
  // for the replications (a study at n = 2^24 ran 31 s before a MemoryError).
  const std::uint64_t R = options.replications;
  ACI_COST_REQUIRE(R >= 1 && R <= 1'000'000, "sweep.replications", R, "must be in [1, 1000000]");
  const std::uint64_t per_row = stride + 1 + k + (k + 1) * R + names.size() * (R + 1);
  ACI_COST_REQUIRE(design.size() <= max_kept_values / per_row, "sobol.n", options.n,
                   "the study's " + std::to_string(design.size()) + " design rows keep about " +
                       std::to_string(per_row) +
                       " values each, more than 2^31 values (16 GiB) in all: use a smaller n "
                       "(or fewer replications)");
  // The design's points, on the workers, watched: Ctrl-C stops it within the watcher's interval.
  std::vector<double> u(static_cast<std::size_t>(design.size()) * stride);
  {
    constexpr std::uint64_t block = 1 << 14;
    parallel::Options po;
    po.threads = options.run.threads;
    po.total = design.size();
    if (progress) po.watch = [&progress](std::uint64_t, std::uint64_t total) { return progress(0, total); };
    parallel::parallel_for((design.size() + block - 1) / block, po, [&](std::uint64_t t, const parallel::Worker& w) {
      const std::uint64_t end = std::min(design.size(), (t + 1) * block);
      for (std::uint64_t r = t * block; r < end; ++r) {
        design.point(r, std::span<double>(u.data() + r * stride, stride));
      }
      w.advance(end - t * block);
    });
  }
  DesignOutputColumns res = evaluate_design(ev, spec, u, stride, saltelli_draw_keys(design, options.noise),
                                            options.replications, options.run, progress);
  SobolStudy out;
  const std::size_t input_groups = design.group_count() - (options.noise ? 1 : 0);
  for (std::size_t g = 0; g < input_groups; ++g)
    out.labels.push_back(options.groups.empty() ? spec.inputs[g].name : "group " + std::to_string(g));
  if (options.noise) out.labels.emplace_back("noise");
  std::vector<DesignOutputs<double>> values;
  for (auto& v : res.values) values.push_back({design.fingerprint(), std::move(v)});
  SobolOptions analysis = options.analysis;
  if (!analysis.progress) analysis.progress = progress;
  if (options.n < min_reliable_sobol_n)
    out.warnings.push_back("sobol.n = " + std::to_string(options.n) + ": with fewer than " +
                           std::to_string(min_reliable_sobol_n) +
                           " base rows the indices are mostly sampling noise (they may leave [0, 1]); use a larger n");
  // An output constant over the design has no variance to share: its indices are NaN and a
  // warning names it; the others are analysed (one constant output failed the whole study).
  std::vector<bool> constant(values.size(), false);
  std::vector<DesignOutputs<double>> varying;
  std::vector<bool> varying_asked;
  std::vector<std::string> varying_names;
  for (std::size_t j = 0; j < values.size(); ++j) {
    const auto& v = values[j].values;
    const auto first = std::find_if(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
    constant[j] =
        first != v.end() && std::all_of(v.begin(), v.end(), [&](double x) { return !std::isfinite(x) || x == *first; });
    if (constant[j]) {
      out.warnings.push_back("output " + res.names[j] + " is constant over the design (" + detail::number_text(*first) +
                             "): its Sobol' indices are undefined (NaN)");
      continue;
    }
    varying.push_back(std::move(values[j]));  // moved back below
    if (!asked.empty()) varying_asked.push_back(asked[j]);
    varying_names.push_back(res.names[j]);
  }
  std::vector<SobolIndices<double>> analysed =
      varying.empty() ? std::vector<SobolIndices<double>>()
                      : analyze_sobol(design, varying, analysis, varying_asked, varying_names);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::size_t next = 0;
  for (std::size_t j = 0; j < res.names.size(); ++j) {
    SobolIndices<double> idx;
    if (constant[j]) {
      const std::size_t G = design.group_count();
      idx.first_order.assign(G, nan);
      idx.total_order.assign(G, nan);
      idx.first_order_ci.assign(G, {nan, nan});
      idx.total_order_ci.assign(G, {nan, nan});
      if (design.second_order()) {
        idx.second_order.assign(G * (G - 1) / 2, nan);
        idx.second_order_ci.assign(G * (G - 1) / 2, {nan, nan});
      }
      const auto& v = values[j].values;
      idx.mean = *std::find_if(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
      idx.variance = 0.0;
      idx.rows_used = design.base_rows();
    } else {
      values[j] = std::move(varying[next]);
      idx = std::move(analysed[next++]);
    }
    out.outputs.push_back({res.names[j], std::move(idx), std::move(values[j].values)});
  }
  out.inputs = k;
  out.rows = design.size();
  out.fingerprint = design.fingerprint();
  out.block_size = design.block_size();
  if (options.noise) {  // the placeholder coordinate is not an input: drop it
    std::vector<double> inputs_only(static_cast<std::size_t>(design.size()) * k);
    for (std::uint64_t r = 0; r < design.size(); ++r)
      std::copy_n(u.begin() + static_cast<std::ptrdiff_t>(r * stride), k,
                  inputs_only.begin() + static_cast<std::ptrdiff_t>(r * k));
    u = std::move(inputs_only);
  }
  out.unit_points = std::move(u);
  return out;
}

}  // namespace aci::sweep
