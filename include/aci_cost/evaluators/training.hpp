// aci::evaluators::TrainingEvaluator: the weekly training model in a sweep, on its vectorised
// batch kernel; scenario i's draws keyed on i or on the sweep's draw keys.
#pragma once

#include <limits>
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
    using namespace training::detail;
    const double inf = std::numeric_limits<double>::infinity();
    const std::pair<double, double> domain[p_count] = {
        {0, inf}, {1, inf}, {0, 168}, {0, 1}, {0, 1}, {0, 1}, {0, inf}, {0, 1}, {0, 1}, {0, 1},
        {0, inf}, {0, inf}, {0, 1}, {0, inf}, {0, 1}, {0, inf}, {0, inf}, {0, inf}, {0, inf}};
    const char* units[p_count] = {"heads", "months", "h/week", "share", "share", "share", "h/week", "share", "share",
                                  "share", "h/week", "trainees", "share", "ratio", "share", "h", "€/h", "€/h", "€/h"};
    for (std::size_t k = 0; k < p_count; ++k) {
      // The same ends as check_params (training/model.hpp): a test compares both on each bound.
      const bool open = k == p_demand_productivity || k == p_trainees_per_supervisor || k == p_load_threshold;
      const bool high_open = k == p_absence || k == p_absence_spread || k == p_accompaniment;
      std::string rule;
      if (k == p_absence_spread) rule = "absence - absence_spread >= 0 and absence + absence_spread < 1";
      if (k == p_accompaniment) rule = "absence + absence_spread + accompaniment <= 1";
      inputs_.push_back({"training." + std::string(param_path[k]), domain[k].first, domain[k].second, open, units[k],
                         high_open, rule});
    }
    outputs_ = {"delivered_share", "lost_hours", "final_backlog_hours", "planned_hours", "production_hours",
                "unmet_demand_hours", "supervisor_hours", "cost_per_productive_hour_actual",
                "cost_per_productive_hour_honoured", "training_debt"};
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
