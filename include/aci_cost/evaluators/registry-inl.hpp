// Implementation of evaluators/registry.hpp: the built-in models, whose evaluators (and their
// batch kernels) are instantiated here only.
#pragma once

#include "aci_cost/evaluators/allocation.hpp"
#include "aci_cost/evaluators/quote.hpp"
#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/evaluators/sharing.hpp"
#include "aci_cost/evaluators/training.hpp"

namespace aci::evaluators {

ACI_COST_INLINE Registry Registry::builtin() {
  Registry r;
  r.add("training", [](const Scenario& s, const io::SweepDocument&) -> std::unique_ptr<sweep::Evaluator> {
    return std::make_unique<TrainingEvaluator>(s.training_model());
  });
  r.add("quote", [](const Scenario& s, const io::SweepDocument& d) -> std::unique_ptr<sweep::Evaluator> {
    ACI_COST_REQUIRE(!s.jobs.empty(), "sweep.job", "none", "the scenario has no job to sweep");
    return std::make_unique<QuoteEvaluator>(s, d.job.empty() ? s.jobs.front().name : d.job);
  });
  r.add("allocation", [](const Scenario& s, const io::SweepDocument&) -> std::unique_ptr<sweep::Evaluator> {
    return std::make_unique<AllocationEvaluator>(s);
  });
  r.add("sharing", [](const Scenario&, const io::SweepDocument& d) -> std::unique_ptr<sweep::Evaluator> {
    return std::make_unique<SharingEvaluator>(d.sharing ? *d.sharing : io::example_sharing_problem());
  });
  return r;
}

}  // namespace aci::evaluators
