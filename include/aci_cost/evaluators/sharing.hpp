// aci::evaluators::SharingEvaluator: a sharing problem in a sweep — how the grand coalition's
// cost, the saving and each member's share (stand-alone under its declared part-time rule,
// proportional to each post's hours, equal saving, exact Shapley) move with travel distances,
// pay, coordination or one member's hours. The problem is
// reduced once to doubles (sharing/coalition_cost.hpp); a scenario tabulates its 2^n coalitions
// in a buffer reused across the chunk. Inputs and outputs: the descriptor table
// (sharing/inputs.hpp), per-member rows expanded by member name.
#pragma once

#include <string>
#include <vector>

#include "aci_cost/sharing/coalition_cost.hpp"
#include "aci_cost/sharing/inputs.hpp"
#include "aci_cost/sharing/shapley.hpp"
#include "aci_cost/sweep/evaluator.hpp"

namespace aci::evaluators {

/// Largest group a sweep of the sharing model tabulates (2^n coalitions per scenario).
inline constexpr int sharing_sweep_max_members = 20;

/// A sharing problem on the double path.
class SharingEvaluator final : public sweep::Evaluator {
 public:
  /// Evaluates variations of `problem` (validated here).
  explicit SharingEvaluator(const sharing::SharingProblem& problem)
      : base_(sharing::CoalitionCost<double>::of(problem)) {
    ACI_COST_REQUIRE(base_.members <= sharing_sweep_max_members, "sweep.sharing.members", base_.members,
                     "a sweep of the sharing model tabulates every coalition: at most 20 members");
    for (std::size_t k = 0; k < sharing::sharing_input_count; ++k) {
      const auto& s = sharing::sharing_input_specs[k];
      const auto add = [&](std::string name, std::size_t member) {
        inputs_.push_back(
            {std::move(name), s.low, s.high, s.low_open, std::string(s.unit), s.high_open, std::string(s.rule)});
        input_of_.push_back({static_cast<sharing::SharingInput>(k), member});
      };
      if (s.per_member) {
        for (std::size_t i = 0; i < problem.members.size(); ++i)
          add("member[" + problem.members[i].name + "]." + std::string(s.name), i);
      } else {
        add(std::string(s.name), 0);
      }
    }
    for (std::size_t k = 0; k < sharing::sharing_output_count; ++k) {
      const auto& s = sharing::sharing_output_specs[k];
      if (s.per_member) {
        for (std::size_t i = 0; i < problem.members.size(); ++i) {
          outputs_.push_back(std::string(s.name) + "[" + problem.members[i].name + "]");
          output_of_.push_back({static_cast<sharing::SharingOutput>(k), i});
        }
      } else {
        outputs_.emplace_back(s.name);
        output_of_.push_back({static_cast<sharing::SharingOutput>(k), 0});
      }
    }
  }

  void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>& input_ids,
                std::span<const double* const> x, const std::vector<std::size_t>& output_ids,
                std::span<double* const> y,
                std::span<const std::uint64_t> /*draw_keys: deterministic*/) const override {
    const auto n = static_cast<std::size_t>(base_.members);
    sharing::CoalitionCost<double> model = base_;
    std::vector<double> values(std::size_t{1} << n);
    for (std::uint64_t row = 0; row < end - begin; ++row) {
      for (std::size_t k = 0; k < input_ids.size(); ++k) {
        const auto [input, member] = input_of_[input_ids[k]];
        sharing::set_input(model, base_, input, member, x[k][row]);
      }
      for (std::size_t s = 1; s < values.size(); ++s) values[s] = model(s);
      values[0] = 0;
      const auto game = sharing::CostGame<double>::from_values(base_.members, values);
      const std::vector<double> phi = sharing::shapley_exact(game);
      double alone = 0;
      for (std::size_t i = 0; i < n; ++i) alone += game.alone(static_cast<int>(i));
      // Proportional: each post's cost in proportion to each member's hours of it.
      std::vector<double> proportional(n, 0.0);
      const sharing::Coalition all = sharing::grand_coalition(base_.members);
      for (std::size_t p = 0; p < model.posts.size(); ++p) {
        double hours = 0;
        for (std::size_t i = 0; i < n; ++i) hours += model.need[p * n + i];
        if (hours <= 0) continue;
        const double cost = model.post_cost(p, all);
        for (std::size_t i = 0; i < n; ++i) proportional[i] += cost * model.need[p * n + i] / hours;
      }
      const double grand = game.grand();
      for (std::size_t m = 0; m < output_ids.size(); ++m) {
        const auto [output, i] = output_of_[output_ids[m]];
        double v = 0;
        switch (output) {
          case sharing::SharingOutput::grand_cost:
            v = grand;
            break;
          case sharing::SharingOutput::saving:
            v = alone - grand;
            break;
          case sharing::SharingOutput::saving_share:
            v = (alone - grand) / alone;
            break;
          case sharing::SharingOutput::stand_alone:
            v = game.alone(static_cast<int>(i));
            break;
          case sharing::SharingOutput::proportional:
            v = proportional[i];
            break;
          case sharing::SharingOutput::equal_saving:
            v = game.alone(static_cast<int>(i)) - (alone - grand) / static_cast<double>(n);
            break;
          case sharing::SharingOutput::shapley:
            v = phi[i];
            break;
        }
        y[m][row] = v;
      }
    }
  }

 private:
  sharing::CoalitionCost<double> base_;
  std::vector<std::pair<sharing::SharingInput, std::size_t>> input_of_;    ///< per evaluator input
  std::vector<std::pair<sharing::SharingOutput, std::size_t>> output_of_;  ///< per evaluator output
};

}  // namespace aci::evaluators
