// aci::evaluators::FunctionEvaluator: an analyst's own model in a sweep — declared inputs (with
// their domains) and outputs, and a batch function over columns of scenarios. Registered in a
// Registry under its name, it gets every design, the copula, deterministic chunking, exact
// summaries, Sobol'/Morris/tornado and Dask, as the built-in models do.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "aci_cost/sweep/evaluator.hpp"

namespace aci::evaluators {

/// One chunk of scenarios handed to a model function.
struct Batch {
  std::uint64_t begin = 0;                ///< global index of the first scenario
  std::size_t size = 0;                   ///< scenarios in the chunk
  std::span<const double* const> inputs;  ///< per declared input, its column of `size` values, or
                                          ///< null when the sweep does not vary it (the model's own default)
  std::span<const std::uint64_t> keys;    ///< the scenarios' draw keys (a stochastic model keys its
                                          ///< randomness on them for common random numbers)
  std::span<double* const> outputs;       ///< one column of `size` values per declared output, to fill
};

/// A model given as a function of a Batch (it must be safe to call from several threads at once,
/// or serialise itself, as the Python bridge does with the GIL).
class FunctionEvaluator final : public sweep::Evaluator {
 public:
  using Function = std::function<void(const Batch&)>;

  /// `inputs` (names unique, domains valid) and `outputs` (at least one, unique); InvalidInput
  /// naming "model.inputs[i]" or "model.outputs[m]" otherwise.
  FunctionEvaluator(std::vector<sweep::InputInfo> inputs, std::vector<std::string> outputs, Function f)
      : f_(std::move(f)) {
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      const auto p = [i] { return "model.inputs[" + std::to_string(i) + "]"; };
      ACI_COST_REQUIRE(!inputs[i].name.empty(), p() + ".name", "\"\"", "must not be empty");
      ACI_COST_REQUIRE(!(inputs[i].high < inputs[i].low), p() + ".high", inputs[i].high, "must be >= low");
      for (std::size_t j = 0; j < i; ++j)
        ACI_COST_REQUIRE(inputs[j].name != inputs[i].name, p() + ".name", "\"" + inputs[i].name + "\"",
                         "is listed twice");
    }
    ACI_COST_REQUIRE(!outputs.empty(), "model.outputs", "[]", "needs at least one output");
    for (std::size_t m = 0; m < outputs.size(); ++m)
      for (std::size_t j = 0; j < m; ++j)
        ACI_COST_REQUIRE(outputs[j] != outputs[m], "model.outputs[" + std::to_string(m) + "]", "\"" + outputs[m] + "\"",
                         "is listed twice");
    ACI_COST_REQUIRE(static_cast<bool>(f_), "model.function", "null", "a model needs a function");
    inputs_ = std::move(inputs);
    outputs_ = std::move(outputs);
  }

  /// Hands the chunk to the function with the varied inputs (null columns for the others) and
  /// room for every declared output, then copies out the outputs the sweep keeps.
  void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>& input_ids,
                std::span<const double* const> x, const std::vector<std::size_t>& output_ids,
                std::span<double* const> y, std::span<const std::uint64_t> draw_keys) const override {
    const auto n = static_cast<std::size_t>(end - begin);
    std::vector<const double*> in(inputs_.size(), nullptr);
    for (std::size_t k = 0; k < input_ids.size(); ++k) in[input_ids[k]] = x[k];
    std::vector<std::uint64_t> keys;
    if (draw_keys.empty()) {
      keys.resize(n);
      for (std::size_t i = 0; i < n; ++i) keys[i] = begin + i;
      draw_keys = keys;
    }
    std::vector<std::vector<double>> room(outputs_.size(), std::vector<double>(n));
    std::vector<double*> out(outputs_.size());
    for (std::size_t m = 0; m < out.size(); ++m) out[m] = room[m].data();
    f_(Batch{begin, n, in, draw_keys, out});
    for (std::size_t m = 0; m < output_ids.size(); ++m)
      std::copy(room[output_ids[m]].begin(), room[output_ids[m]].end(), y[m]);
  }

 private:
  Function f_;
};

}  // namespace aci::evaluators
