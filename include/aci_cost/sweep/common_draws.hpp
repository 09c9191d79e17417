// aci::sweep common random numbers for sensitivity designs of a stochastic model, and the
// replication of design points.
//
// A sensitivity index compares model runs that differ in the inputs under study. When the model
// also draws random numbers (the training model's weekly absence and demand), runs that draw
// independently differ by noise too, and noise is then reported as sensitivity: a constant input
// gets a non-zero index. Common random numbers (Law, Simulation Modeling and Analysis, ch. 11)
// key the draws of the rows that are compared on the same stream: A, B and every AB_g of one
// Saltelli base row, the k + 1 points of one Morris trajectory. Different base rows stay
// independent. A constant input then gets exactly 0.
//
// Two further questions need the noise itself (Marrel, Iooss, Da Veiga & Ribatet 2012, Stat.
// Comput. 22:833-847; Hart, Alexanderian & Gremaud 2017, SIAM/ASA J. Uncertain. Quantif. 5:1514):
// - "how much of the output's variance is the model's own randomness?": the noise as one more
//   input group (the random seed as a factor, Marrel et al. 2012): A and B rows draw from two
//   independent streams, AB_noise takes B's stream with A's inputs; its indices are the noise's.
// - "how do the inputs drive the expected output?": average R replications per design point
//   (Hart et al. 2017), which shrinks the noise's variance by 1/R.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "aci_cost/error.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "aci_cost/sweep/sensitivity.hpp"

namespace aci::sweep {

/// The draw key of every row of `design`: base row i's rows share key i; with `noise_group`
/// (the design's last group is the model's randomness, holding one placeholder input), A and
/// the AB_g of other groups draw on key 2i, B and AB_noise on key 2i + 1.
inline std::vector<std::uint64_t> saltelli_draw_keys(const SaltelliDesign& design, bool noise_group) {
  const std::size_t block = design.block_size();
  const std::size_t noise_row = block - 1;  // AB of the last group
  std::vector<std::uint64_t> keys(static_cast<std::size_t>(design.size()));
  for (std::uint64_t r = 0; r < design.size(); ++r) {
    const std::uint64_t i = r / block;
    const auto c = static_cast<std::size_t>(r % block);
    keys[static_cast<std::size_t>(r)] = noise_group ? 2 * i + ((c == 1 || c == noise_row) ? 1 : 0) : i;
  }
  return keys;
}

/// The draw key of every row of `design`: the k + 1 points of trajectory t share key t.
inline std::vector<std::uint64_t> morris_draw_keys(const MorrisDesign& design) {
  std::vector<std::uint64_t> keys(static_cast<std::size_t>(design.size()));
  for (std::uint64_t r = 0; r < design.size(); ++r) keys[static_cast<std::size_t>(r)] = r / (design.dimension() + 1);
  return keys;
}

/// Points (one column per input) and their draw keys, each point repeated R times in a row with
/// keys key x R + q (q = 0..R-1): R independent replications that still share draws across the
/// rows a design compares (same key -> same R streams).
struct Replicated {
  std::vector<std::vector<double>> columns;  ///< per input, rows x R values
  std::vector<std::uint64_t> keys;           ///< rows x R keys
};

/// Repeats every point `replications` times (>= 1; InvalidInput naming "sweep.replications").
inline Replicated replicate(std::vector<std::vector<double>> columns, const std::vector<std::uint64_t>& keys,
                            std::uint64_t replications) {
  ACI_COST_REQUIRE(replications >= 1 && replications <= 1'000'000, "sweep.replications", replications,
                   "must be in [1, 1000000]");
  if (replications == 1) return {std::move(columns), keys};
  const std::size_t rows = keys.size();
  const auto R = static_cast<std::size_t>(replications);
  Replicated out;
  out.columns.resize(columns.size());
  for (std::size_t k = 0; k < columns.size(); ++k) {
    ACI_COST_REQUIRE(columns[k].size() == rows, "sweep.points", columns[k].size(),
                     "every column needs one value per key");
    out.columns[k].resize(rows * R);
    for (std::size_t r = 0; r < rows; ++r)
      for (std::size_t q = 0; q < R; ++q) out.columns[k][r * R + q] = columns[k][r];
  }
  out.keys.resize(rows * R);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t q = 0; q < R; ++q) out.keys[r * R + q] = keys[r] * replications + q;
  return out;
}

/// The mean of each run of `replications` consecutive values (in order, so the same bits for
/// any thread count); the values of one row's replications are summed left to right.
inline std::vector<double> average_replications(std::span<const double> values, std::uint64_t replications) {
  const auto R = static_cast<std::size_t>(replications);
  std::vector<double> out(values.size() / R);
  for (std::size_t r = 0; r < out.size(); ++r) {
    double sum = 0.0;
    for (std::size_t q = 0; q < R; ++q) sum += values[r * R + q];
    out[r] = sum / static_cast<double>(R);
  }
  return out;
}

/// Outputs of a design's rows, one column per output (replications averaged).
struct DesignOutputColumns {
  std::vector<std::string> names;           ///< output names
  std::vector<std::vector<double>> values;  ///< per output, one value per design row
};

/// Evaluates points given as input values (one column per input of spec.inputs, one value per
/// row): each row's draws keyed on keys[row] and averaged over `replications` (keys key x R + q).
/// Runs on the engine (threads, progress, cancellation as run_sweep).
inline DesignOutputColumns evaluate_values(const Evaluator& ev, SweepSpec spec, std::vector<std::vector<double>> x,
                                           const std::vector<std::uint64_t>& keys, std::uint64_t replications,
                                           const RunOptions& options, const Progress& progress = {}) {
  const std::size_t k = spec.inputs.size();
  ACI_COST_REQUIRE(k >= 1 && x.size() == k, "sweep.inputs", std::to_string(k) + " inputs",
                   "needs one column per input");
  Replicated rep = replicate(std::move(x), keys, replications);
  spec.design = SampleDesign::points;
  spec.n = rep.keys.size();
  spec.rank_correlation.clear();
  for (std::size_t j = 0; j < k; ++j) spec.inputs[j].values = std::move(rep.columns[j]);
  spec.draw_keys = std::move(rep.keys);
  spec.keep_inputs = false;
  spec.summary_only = false;
  SweepResult res = run_sweep(ev, spec, options, progress);
  DesignOutputColumns out;
  out.names = res.output_names;
  for (auto& col : res.outputs) {
    if (replications == 1) {
      out.values.emplace_back(col.begin(), col.end());
    } else {
      out.values.push_back(average_replications(std::span<const double>(col.data(), col.size()), replications));
    }
  }
  return out;
}

/// Evaluates the rows of a design given as unit points u in [0, 1] (rows x stride, row-major; the
/// first k = spec.inputs.size() coordinates of each row are the inputs', mapped through their laws),
/// as evaluate_values does.
inline DesignOutputColumns evaluate_design(const Evaluator& ev, const SweepSpec& spec, const std::vector<double>& u,
                                           std::size_t stride, const std::vector<std::uint64_t>& keys,
                                           std::uint64_t replications, const RunOptions& options,
                                           const Progress& progress = {}) {
  const std::size_t k = spec.inputs.size();
  ACI_COST_REQUIRE(k >= 1, "sweep.inputs", "[]", "needs at least one input");
  ACI_COST_REQUIRE(spec.rank_correlation.empty(), "sweep.rank_correlation", "given",
                   "Sobol' and Morris indices assume independent inputs");
  const std::size_t rows = keys.size();
  std::vector<Marginal<double>> laws;
  for (std::size_t j = 0; j < k; ++j) {
    const auto& in = spec.inputs[j];
    ACI_COST_REQUIRE(in.law.has_value(), "sweep.inputs[" + std::to_string(j) + "].distribution", "null",
                     "sensitivity analysis needs a distribution for every input");
    laws.push_back(Marginal<double>{in.name, *in.law});
    laws.back().validate();
  }
  // The inputs' values, on the workers and watched (Ctrl-C stops a large design within the
  // watcher's interval, not after every quantile is computed).
  std::vector<std::vector<double>> x(k, std::vector<double>(rows));
  constexpr std::size_t block = 1 << 14;
  parallel::Options po;
  po.threads = options.threads;
  po.total = rows;
  if (progress) po.watch = [&progress](std::uint64_t, std::uint64_t total) { return progress(0, total); };
  parallel::parallel_for((rows + block - 1) / block, po, [&](std::uint64_t t, const parallel::Worker& w) {
    const std::size_t begin = static_cast<std::size_t>(t) * block, end = std::min(rows, begin + block);
    for (std::size_t j = 0; j < k; ++j)
      for (std::size_t r = begin; r < end; ++r) x[j][r] = laws[j].quantile_closed(u[r * stride + j]);
    w.advance(end - begin);
  });
  return evaluate_values(ev, spec, std::move(x), keys, replications, options, progress);
}

}  // namespace aci::sweep
