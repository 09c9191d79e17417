// aci::evaluators::AllocationEvaluator: the allocation of a structure's charges in a sweep —
// how each main centre's cost and cost per work unit move with the charges, the keys, the
// drivers and the services between support centres. Inputs and outputs are the allocation
// descriptor table's families (allocation/inputs.hpp) expanded over the network: for an ACI,
// its structure with the ateliers as main centres (quote/structure.hpp); or a stand-alone
// network. Each scenario re-normalises the keys and settles the support centres in doubles
// (a small workspace per chunk; the reciprocal method factorises its small system per scenario).
#pragma once

#include <string>
#include <vector>

#include "aci_cost/allocation/inputs.hpp"
#include "aci_cost/allocation/settle.hpp"
#include "aci_cost/quote/structure.hpp"
#include "aci_cost/scenario.hpp"
#include "aci_cost/sweep/evaluator.hpp"

namespace aci::evaluators {

/// A structure's allocation in doubles.
class AllocationEvaluator final : public sweep::Evaluator {
 public:
  /// A stand-alone network, settled by `method` (checked here: a bad network is InvalidInput).
  AllocationEvaluator(allocation::Network n, allocation::Method method) : n_(std::move(n)), method_(method) { init(); }

  /// The structure of `scenario`'s ACI with the rates in force at the date of its first job
  /// (the ateliers' work hours), the ateliers as main centres.
  explicit AllocationEvaluator(const Scenario& scenario) {
    scenario.validate();
    const auto& aci = scenario.aci;
    ACI_COST_REQUIRE(!aci.structure.empty(), "sweep.model", "\"allocation\"",
                     "the scenario's ACI has no structure (aci.structure) to allocate");
    ACI_COST_REQUIRE(!scenario.jobs.empty(), "sweep.model", "\"allocation\"",
                     "the ateliers' work hours are taken at the date of the scenario's first job: it has none");
    const Date date = scenario.jobs.front().date;
    const auto table = scenario.rate_table();
    std::vector<Decimal> hours;
    for (std::size_t i = 0; i < aci.ateliers.size(); ++i) {
      rates::RateLookup rates(table, date);
      hours.push_back(
          quote::atelier_rates<Decimal>(aci.ateliers[i], aci.large_employer, rates).integration_production_hours);
    }
    n_ = quote::structure_network(aci, hours);
    method_ = quote::settling_method(aci.structure.method);
    init();
  }

  void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>& input_ids,
                std::span<const double* const> x, const std::vector<std::size_t>& output_ids,
                std::span<double* const> y, std::span<const std::uint64_t> /*deterministic*/) const override {
    allocation::DoubleNetwork d = base_;
    allocation::Resolved<double> r = resolved_;
    std::string bad;
    for (std::uint64_t i = begin; i < end; ++i) {
      const auto j = static_cast<std::size_t>(i - begin);
      for (std::size_t k = 0; k < input_ids.size(); ++k) allocation::set_input(d, inputs_of_[input_ids[k]], x[k][j]);
      if (!allocation::reshare(d, r, bad, n_))
        throw InvalidInput("sweep scenario " + std::to_string(i) + ": " + bad, "all zero",
                           "a key, driver or service row needs a positive weight");
      const auto p = allocation::primary_totals(r, d.amounts, n_.centres.size());
      const auto st = allocation::settle(n_, r, method_, p, "sweep scenario " + std::to_string(i));
      for (std::size_t m = 0; m < output_ids.size(); ++m) {
        const auto [kind, main] = outputs_of_[output_ids[m]];
        const double total = st.totals[r.mains[main]];
        y[m][j] = kind == allocation::OutputKind::total ? total : total / units_[main];
      }
    }
  }

  /// The network it sweeps.
  const allocation::Network& network() const noexcept { return n_; }

 private:
  void init() {
    resolved_ = allocation::resolve<double>(n_);
    base_ = allocation::double_network(n_, resolved_);
    inputs_of_ = allocation::network_inputs(n_);
    for (const auto& in : inputs_of_) {
      const auto& f = allocation::input_families[static_cast<std::size_t>(in.kind)];
      inputs_.push_back({in.name, f.low, f.high, f.low_open, std::string(f.unit), f.high_open, ""});
    }
    for (std::size_t m = 0; m < resolved_.mains.size(); ++m) {
      const auto& c = n_.centres[resolved_.mains[m]];
      outputs_.push_back("total." + c.name);
      outputs_of_.push_back({allocation::OutputKind::total, m});
      units_.push_back(scalar_cast<double>(c.work_units));
    }
    for (std::size_t m = 0; m < resolved_.mains.size(); ++m) {
      const auto& c = n_.centres[resolved_.mains[m]];
      if (!(c.work_units > 0)) continue;
      outputs_.push_back("rate." + c.name);
      outputs_of_.push_back({allocation::OutputKind::rate, m});
    }
  }

  allocation::Network n_;
  allocation::Method method_ = allocation::Method::reciprocal;
  allocation::Resolved<double> resolved_;
  allocation::DoubleNetwork base_;
  std::vector<allocation::NetworkInput> inputs_of_;
  std::vector<std::pair<allocation::OutputKind, std::size_t>> outputs_of_;
  std::vector<double> units_;
};

}  // namespace aci::evaluators
