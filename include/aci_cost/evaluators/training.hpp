// aci::evaluators::TrainingEvaluator: the weekly training model in a sweep, on its vectorised
// batch kernel; scenario i's draws keyed on i or on the sweep's draw keys.
#pragma once

#include <string>

#include "aci_cost/sweep/evaluator.hpp"
#include "aci_cost/training/batch.hpp"

namespace aci::evaluators {

using sweep::Evaluator;

/// The weekly training model, on its batch kernel.
class TrainingEvaluator final : public Evaluator {
 public:
  /// Evaluates variations of `base` (validated here).
  explicit TrainingEvaluator(training::TrainingModel base) : base_(std::move(base)) {
    base_.validate();
    table_ = training::detail::week_table<double>(base_);
    // Inputs and outputs: the model's descriptor table (training/inputs.hpp).
    for (const training::InputSpec& spec : training::input_specs)
      inputs_.push_back({"training." + std::string(spec.path), spec.low, spec.high, spec.low_open,
                         std::string(spec.unit), spec.high_open, std::string(spec.rule)});
    for (const training::OutputSpec& spec : training::output_specs) outputs_.emplace_back(spec.name);
  }
  void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>& input_ids,
                std::span<const double* const> x, const std::vector<std::size_t>& output_ids,
                std::span<double* const> y, std::span<const std::uint64_t> draw_keys) const override {
    training::detail::BatchColumns in;
    in.scenarios = static_cast<std::size_t>(end - begin);
    in.first_scenario = begin;  // the draws depend on the global index only, or on the given keys
    in.draw_keys = draw_keys.empty() ? nullptr : draw_keys.data();
    for (std::size_t k = 0; k < input_ids.size(); ++k) in.param[input_ids[k]] = x[k];
    training::detail::BatchOutputs out{};
    for (std::size_t m = 0; m < output_ids.size(); ++m) out[output_ids[m]] = y[m];
    training::detail::run_batch(base_, table_, in, 0, in.scenarios, out);
  }

 private:
  training::TrainingModel base_;
  training::detail::WeekTable<double> table_;
};

}  // namespace aci::evaluators
