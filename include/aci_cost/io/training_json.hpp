// The "training" section of a scenario: TrainingSetup <-> JSON (docs/scenario_format.md).
#pragma once

#include <nlohmann/json.hpp>

#include "aci_cost/config.hpp"
#include "aci_cost/link/training_setup.hpp"

namespace aci::io {

/// A training model as JSON (every field written).
ACI_COST_INLINE nlohmann::json to_json(const training::TrainingModel& m);
/// A training model from JSON at `path`; absent fields keep TrainingModel's defaults.
ACI_COST_INLINE training::TrainingModel training_model_from_json(const nlohmann::json& j, const std::string& path);
/// A scenario's training section as JSON.
ACI_COST_INLINE nlohmann::json to_json(const link::TrainingSetup& s);
/// A scenario's training section from JSON at `path`.
ACI_COST_INLINE link::TrainingSetup training_setup_from_json(const nlohmann::json& j, const std::string& path);

}  // namespace aci::io

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/io/training_json-inl.hpp"
#endif
