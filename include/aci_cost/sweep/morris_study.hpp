// aci::sweep::run_morris: a Morris screening study of any evaluator — the trajectories of a
// spec's inputs (optionally Campolongo's most spread among candidates) run on the engine, the
// points of a trajectory on common random numbers (sweep/common_draws.hpp), then mu, mu* and
// sigma of every output with bootstrap intervals (sweep/morris.hpp).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "aci_cost/error.hpp"
#include "aci_cost/sweep/common_draws.hpp"
#include "aci_cost/sweep/morris.hpp"

namespace aci::sweep {

/// What a Morris study runs.
struct MorrisStudyOptions {
  std::size_t trajectories = 20;   ///< r, trajectories of k + 1 points
  std::size_t levels = 4;          ///< p, grid levels {0, 1/(p-1), .., 1} of each input's quantile scale
  std::size_t candidates = 0;      ///< M > r: the r most spread of M candidates (Campolongo 2007); 0: none
  std::uint64_t seed = 0;          ///< seed of the trajectories
  std::uint64_t replications = 1;  ///< runs averaged per point (>= 1)
  MorrisOptions analysis;          ///< the bootstrap intervals
  RunOptions run;                  ///< threads and chunk of the evaluation
};

/// The statistics of one output.
struct MorrisOutput {
  std::string output;             ///< output name
  MorrisIndices<double> indices;  ///< per input (MorrisStudy::inputs)
};

/// A Morris study's results.
struct MorrisStudy {
  std::vector<std::string> inputs;    ///< the spec's input names
  std::vector<MorrisOutput> outputs;  ///< per output of the spec
  std::vector<double> unit_points;    ///< rows x inputs, row-major: the trajectories' unit coordinates
  std::vector<std::size_t> chosen;    ///< the candidates chosen (empty without candidates)
  double delta = 0;                   ///< the step, in units of the quantile scale
};

/// Runs the Morris design of `spec` (every input needs a law bounded above: levels reach u = 1)
/// on `ev`.
inline MorrisStudy run_morris(const Evaluator& ev, const SweepSpec& spec, const MorrisStudyOptions& options,
                              const Progress& progress = {}) {
  const std::size_t k = spec.inputs.size();
  ACI_COST_REQUIRE(k >= 1, "sweep.inputs", "[]", "needs at least one input");
  const MorrisDesign design(k, options.trajectories, options.levels, options.seed, options.candidates);
  std::vector<double> u(static_cast<std::size_t>(design.size()) * k);
  for (std::uint64_t r = 0; r < design.size(); ++r) design.point(r, std::span<double>(u.data() + r * k, k));
  DesignOutputColumns res =
      evaluate_design(ev, spec, u, k, morris_draw_keys(design), options.replications, options.run, progress);
  MorrisStudy out;
  for (const auto& in : spec.inputs) out.inputs.push_back(in.name);
  for (std::size_t j = 0; j < res.names.size(); ++j)
    out.outputs.push_back(
        {res.names[j], analyze_morris(design, DesignOutputs<double>{design.fingerprint(), std::move(res.values[j])},
                                      options.analysis)});
  out.unit_points = std::move(u);
  out.chosen = design.chosen();
  out.delta = design.delta();
  return out;
}

}  // namespace aci::sweep
