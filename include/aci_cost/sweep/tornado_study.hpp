// aci::sweep::run_tornado: a tornado study of any evaluator — one-at-a-time swings of every
// output, each input from its base value to its low then its high value (given, or its law's
// P10 and P90 around its median), on common random numbers (sweep/tornado.hpp analyses one
// output; this runs the design on the engine).
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
  std::string output;                    ///< output name
  double base = 0;                       ///< f(base point)
  std::vector<TornadoBar<double>> bars;  ///< largest swing first
};

/// A tornado study: the inputs' names (TornadoBar::input indexes them), the values each swung
/// between, and one tornado per output.
struct TornadoStudy {
  std::vector<std::string> inputs;      ///< the spec's input names
  std::vector<double> low, base, high;  ///< per input: the values used, input units
  std::vector<TornadoOutput> outputs;   ///< per output of the spec
};

/// What a tornado study swings: inputs given by a law go from its `low` quantile to its `high`
/// one around its median; inputs given by values [low, base, high] use them.
struct TornadoOptions {
  double low = 0.1;                ///< probability of the low end (P10), in [0, 1)
  double high = 0.9;               ///< probability of the high end (P90), in (low, 1]
  std::uint64_t replications = 1;  ///< runs averaged per point, on R streams shared by every point

  /// InvalidInput naming the field unless 0 <= low < 0.5 < high <= 1.
  void validate() const {
    ACI_COST_REQUIRE(low >= 0.0 && low < 0.5, "tornado.low", detail::number_text(low),
                     "must be in [0, 0.5) (a probability below the median)");
    ACI_COST_REQUIRE(high > 0.5 && high <= 1.0, "tornado.high", detail::number_text(high),
                     "must be in (0.5, 1] (a probability above the median)");
  }
};

/// One-at-a-time swings of every output of `spec` on `ev`: each input gives values
/// [low, base, high], or a law, which swings from its options.low quantile to its options.high
/// one around its median (InvalidInput naming "sweep.inputs[j]" otherwise). Every point runs on
/// the same draws (common random numbers: an input's swing is its own), averaged over R
/// replications with R shared streams.
inline TornadoStudy run_tornado(const Evaluator& ev, const SweepSpec& spec, const TornadoOptions& options,
                                const RunOptions& run, const Progress& progress = {}) {
  options.validate();
  const std::size_t k = spec.inputs.size();
  ACI_COST_REQUIRE(k >= 1, "sweep.inputs", "[]", "needs at least one input");
  std::vector<double> base(k), low(k), high(k);
  for (std::size_t j = 0; j < k; ++j) {
    const auto& in = spec.inputs[j];
    const auto& v = in.values;
    if (v.empty() && in.law) {
      const Marginal<double> m{in.name, *in.law};
      m.validate();
      low[j] = m.quantile_closed(options.low);
      base[j] = m.quantile_closed(0.5);
      high[j] = m.quantile_closed(options.high);
      continue;
    }
    ACI_COST_REQUIRE(v.size() == 3, "sweep.inputs[" + std::to_string(j) + "].values",
                     std::to_string(v.size()) + " values",
                     "a tornado needs [low, base, high], or a distribution (swung from its P10 to its P90)");
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
  auto res =
      evaluate_values(ev, s, std::move(x), std::vector<std::uint64_t>(rows, 0), options.replications, run, progress);
  TornadoStudy out;
  for (const auto& in : spec.inputs) out.inputs.push_back(in.name);
  out.low = low;
  out.base = base;
  out.high = high;
  for (std::size_t m = 0; m < res.names.size(); ++m) {
    const double f0 = res.values[m][0];
    out.outputs.push_back(
        {res.names[m], f0,
         analyze_tornado(design, DesignOutputs<double>{design.fingerprint(), std::move(res.values[m])})});
  }
  return out;
}

/// run_tornado with values [low, base, high] or P10/P90, and R replications.
inline TornadoStudy run_tornado(const Evaluator& ev, const SweepSpec& spec, std::uint64_t replications,
                                const RunOptions& run, const Progress& progress = {}) {
  TornadoOptions o;
  o.replications = replications;
  return run_tornado(ev, spec, o, run, progress);
}

}  // namespace aci::sweep
