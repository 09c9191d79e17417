// Implementation of scenario.hpp.
#pragma once

#include "aci_cost/scenario.hpp"
#include "aci_cost/schema/unique_names.hpp"

namespace aci {

ACI_COST_INLINE const model::Job& Scenario::job(std::string_view name) const {
  for (const auto& j : jobs)
    if (j.name == name) return j;
  std::string names;
  for (const auto& j : jobs) names += (names.empty() ? "" : ", ") + j.name;
  throw InvalidInput("job", "\"" + std::string(name) + "\"", "no such job in the scenario (jobs: " + names + ")");
}

ACI_COST_INLINE void Scenario::validate() const {
  aci.validate();
  pricing.validate();
  if (training) {
    aci.atelier(training->atelier, "training.atelier");
    training_model().validate("training.model");
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    jobs[i].validate();
    aci.atelier(jobs[i].atelier, [&] { return "job[" + jobs[i].name + "].atelier"; });
  }
  schema::require_unique_names(
      jobs, [](const model::Job& job) -> std::string_view { return job.name; }, "jobs", "job");
}

}  // namespace aci
