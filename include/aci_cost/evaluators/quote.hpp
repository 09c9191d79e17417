// aci::evaluators::QuoteEvaluator: one job's quote in a sweep, on the quote model's batch
// kernel (quote/batch.hpp): the scenario is reduced once to plain doubles, validated as a quote;
// a chunk of scenarios then runs arithmetic only, a group of lanes at a time. Its inputs and
// outputs are the quote model's descriptor table (quote/inputs.hpp).
#pragma once

#include <string>

#include "aci_cost/quote/batch.hpp"
#include "aci_cost/scenario.hpp"
#include "aci_cost/sweep/evaluator.hpp"

namespace aci::evaluators {

using sweep::Evaluator;

/// One job's quote on the double batch kernel.
class QuoteEvaluator final : public Evaluator {
 public:
  /// Evaluates variations of job `job` of `scenario` (validated here, as its quote).
  QuoteEvaluator(const Scenario& scenario, const std::string& job) {
    scenario.validate();
    base_ = quote::QuoteBase::of(scenario.aci, scenario.job(job), scenario.rate_table(), scenario.pricing);
    for (const quote::QuoteInputSpec& s : quote::quote_input_specs)
      inputs_.push_back(
          {std::string(s.name), s.low, s.high, s.low_open, std::string(s.unit), s.high_open, std::string(s.rule)});
    for (const auto& s : quote::quote_output_specs) outputs_.emplace_back(s.name);
  }
  void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>& input_ids,
                std::span<const double* const> x, const std::vector<std::size_t>& output_ids,
                std::span<double* const> y,
                std::span<const std::uint64_t> /*draw_keys: deterministic*/) const override {
    quote::QuoteColumns in;
    in.scenarios = static_cast<std::size_t>(end - begin);
    in.first_scenario = begin;
    for (std::size_t k = 0; k < input_ids.size(); ++k) in.input[input_ids[k]] = x[k];
    quote::QuoteOutputColumns out{};
    for (std::size_t m = 0; m < output_ids.size(); ++m) out[output_ids[m]] = y[m];
    quote::run_quote_batch(base_, in, 0, in.scenarios, out);
  }

 private:
  quote::QuoteBase base_;
};

}  // namespace aci::evaluators
