// aci::sweep::run_tornado: a tornado study of any evaluator — one-at-a-time swings of every
// output, each input from its base value to its low then its high value, on common random
// numbers (sweep/tornado.hpp analyses one output; this runs the design on the engine).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "aci_cost/error.hpp"
#include "aci_cost/sweep/common_draws.hpp"
#include "aci_cost/sweep/tornado.hpp"

namespace aci::sweep {

/// A tornado per output: bars sorted by swing, and the output's value at the base point.
struct TornadoOutput {
  std::string output;                  ///< output name
  double base = 0;                     ///< f(base point)
  std::vector<TornadoBar<double>> bars;  ///< largest swing first
};

/// A tornado study: the inputs' names (TornadoBar::input indexes them) and one tornado per output.
struct TornadoStudy {
  std::vector<std::string> inputs;     ///< the spec's input names
  std::vector<TornadoOutput> outputs;  ///< per output of the spec
};

/// One-at-a-time swings of every output of `spec` on `ev`: each input gives values
/// [low, base, high] (InvalidInput naming "sweep.inputs[j].values" otherwise). Every point runs
/// on the same draws (common random numbers: an input's swing is its own), averaged over R
/// replications with R shared streams.
inline TornadoStudy run_tornado(const Evaluator& ev, const SweepSpec& spec, std::uint64_t replications,
                                              const RunOptions& options, const Progress& progress = {}) {
  const std::size_t k = spec.inputs.size();
  ACI_COST_REQUIRE(k >= 1, "sweep.inputs", "[]", "needs at least one input");
  std::vector<double> base(k), low(k), high(k);
  for (std::size_t j = 0; j < k; ++j) {
    const auto& v = spec.inputs[j].values;
    ACI_COST_REQUIRE(v.size() == 3, "sweep.inputs[" + std::to_string(j) + "].values", std::to_string(v.size()) + " values",
            "a tornado needs [low, base, high]");
    low[j] = v[0];
    base[j] = v[1];
    high[j] = v[2];
  }
  const TornadoDesign<double> design(base, low, high);
  const auto rows = static_cast<std::size_t>(design.size());
  std::vector<std::vector<double>> x(k, std::vector<double>(rows));
  std::vector<double> point(k);
  for (std::size_t r = 0; r < rows; ++r) {
    design.point(r, std::span<double>(point));
    for (std::size_t j = 0; j < k; ++j) x[j][r] = point[j];
  }
  SweepSpec s = spec;
  for (auto& in : s.inputs) in.law.reset();
  auto res = evaluate_values(ev, s, std::move(x), std::vector<std::uint64_t>(rows, 0), replications, options, progress);
  TornadoStudy out;
  for (const auto& in : spec.inputs) out.inputs.push_back(in.name);
  for (std::size_t m = 0; m < res.names.size(); ++m) {
    const double f0 = res.values[m][0];
    out.outputs.push_back(
        {res.names[m], f0, analyze_tornado(design, DesignOutputs<double>{design.fingerprint(), std::move(res.values[m])})});
  }
  return out;
}

}  // namespace aci::sweep
