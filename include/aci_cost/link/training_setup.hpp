// aci::link::TrainingSetup: the training model of one atelier inside a scenario — which
// atelier, at which date its costs are read, and whether the workforce, hours split and costs
// are derived from it (derive_from_atelier) or taken as given.
#pragma once

#include <string>

#include "aci_cost/date.hpp"
#include "aci_cost/model/aci.hpp"
#include "aci_cost/link/from_atelier.hpp"
#include "aci_cost/training/model.hpp"

namespace aci::link {

/// The training model of a scenario.
struct TrainingSetup {
  std::string atelier = "green_spaces";  ///< atelier name or production support
  Date date{2026, 1, 1};                 ///< the rates in force at this date give the costs
  bool derive_from_atelier = true;       ///< replace workforce, plan and costs by the atelier's
  training::TrainingModel model;         ///< the model (demand, deferral, horizon, seed…)

  /// The Monday of the first simulated week: ISO week `model.horizon.start_week` of the year of
  /// `date`. Horizon week w runs from horizon_start() + 7w days for 7 days.
  Date horizon_start() const { return Date::monday_of_iso_week(date.year, model.horizon.start_week); }
  /// The model to simulate: `model`, with the atelier's fields when derive_from_atelier.
  training::TrainingModel resolved(const model::Aci& aci, const rates::RateTable& table) const {
    if (!derive_from_atelier) return model;
    return link::derive_from_atelier(model, aci, aci.atelier(atelier, "training.atelier"), date, table);
  }
  friend bool operator==(const TrainingSetup&, const TrainingSetup&) = default;
};

}  // namespace aci::link
