// aci::Scenario: a complete input — an ACI, its jobs, the pricing options, rate overrides and
// the training model of one atelier. The top of the models: it uses them all, none uses it.
// Its JSON format is io/scenario.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/config.hpp"
#include "aci_cost/link/training_setup.hpp"
#include "aci_cost/model/aci.hpp"
#include "aci_cost/model/job.hpp"
#include "aci_cost/quote/pricing.hpp"
#include "aci_cost/rates/rate_table.hpp"

namespace aci {

/// A complete input: what to price, how, and with which figures.
struct Scenario {
  model::Aci aci;                               ///< the structure
  std::vector<model::Job> jobs;                 ///< jobs to quote
  quote::PricingOptions pricing;                ///< pricing policy for every job
  std::vector<rates::RateEntry> rates;          ///< entries added to (or replacing) RateTable::france()
  std::optional<link::TrainingSetup> training;  ///< the weekly training model, if any
  std::optional<Date> rates_known_until;        ///< replaces the French table's known_until (if set)
  /// Use figures tagged `check` (reported, not confirmed) as soon as they are in force; by default
  /// the last confirmed figure is used and quotes name the unconfirmed one (rate_unconfirmed).
  bool rates_use_unconfirmed = false;

  /// The rate table: France's figures with this scenario's overrides.
  rates::RateTable rate_table() const {
    rates::RateTable t = rates::RateTable::france();
    for (const auto& e : rates) t.set(e);
    if (rates_known_until) t.set_known_until(rates_known_until);
    t.set_use_unconfirmed(rates_use_unconfirmed);
    return t;
  }
  /// The job named `name`; InvalidInput naming "job" when there is none.
  const model::Job& job(std::string_view name) const;
  /// The training model to simulate (InvalidInput naming "training" when the scenario has none).
  training::TrainingModel training_model() const {
    ACI_COST_REQUIRE(training.has_value(), "training", "null", "the scenario has no training section");
    return training->resolved(aci, rate_table());
  }
  /// Validates the ACI, every job (and its atelier) and the pricing options.
  void validate() const;
  friend bool operator==(const Scenario&, const Scenario&) = default;
};

}  // namespace aci

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/scenario-inl.hpp"
#endif
