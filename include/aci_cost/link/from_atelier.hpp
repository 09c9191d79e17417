// aci::link::derive_from_atelier: the training model of an atelier, its workforce, hours
// split and costs taken from the quote model, so that both models describe the same people.
#pragma once

#include <array>
#include <string_view>

#include "aci_cost/model/aci.hpp"
#include "aci_cost/quote/atelier_rates.hpp"
#include "aci_cost/training/model.hpp"
#include "aci_cost/training/seasonality.hpp"

namespace aci::link {

/// The model fields derive_from_atelier replaces (paths below the model's root): a scenario
/// document that gives one of them with derive_from_atelier on is refused (it would be ignored).
/// (supervisor_cost_per_hour keeps the model's default when the atelier has no supervisor hours.)
inline constexpr std::array<std::string_view, 9> derived_fields = {
    "workforce.headcount",     "workforce.weekly_hours",   "workforce.absence",
    "workforce.accompaniment", "workforce.leave_hours",    "plan.hours_per_week",
    "demand.productivity",     "costs.cost_per_paid_hour", "costs.supervisor_cost_per_hour"};

/// `m` with the fields the atelier determines replaced, at `date` with the figures of `table`:
/// headcount (filled posts: headcount x occupancy), weekly hours, absence (unpaid absence, plus
/// paid absence on the paid share), accompaniment (accompaniment + meetings shares), leave
/// (leave + bank-holiday shares spread evenly over the weeks [est]), the planned training
/// hours per week (the training share), productivity, cost per paid hour (integration cost /
/// paid hours, before aid), supervisor cost per on-site hour, and the demand's seasonal shape
/// of the atelier's support when the model has none. Demand levels, deferral, horizon and seed
/// stay as given.
inline training::TrainingModel derive_from_atelier(training::TrainingModel m, const model::Aci& aci,
                                                   const model::Atelier& at, const Date& date,
                                                   const rates::RateTable& table) {
  rates::RateLookup rates(table, date);
  const auto ar = quote::atelier_rates<double>(at, aci.large_employer, rates);
  double heads = 0, weekly = 0, paid = 0, absence = 0, accompaniment = 0, leave = 0, training = 0;
  const double occupancy = scalar_cast<double>(at.occupancy);
  for (const auto& g : at.staff) {
    if (g.role != people::Role::integration) continue;
    // Filled posts only; shares of paid hours become shares of contract hours through the
    // paid share (1 - unpaid absence); unpaid absence is absence too.
    const double n = scalar_cast<double>(g.headcount) * occupancy, w = scalar_cast<double>(g.weekly_hours);
    const double unpaid = scalar_cast<double>(g.unpaid_absence);
    const double hours = n * w, paid_hours = hours * (1 - unpaid);
    heads += n;
    weekly += hours;
    paid += hours;
    absence += hours * unpaid + paid_hours * scalar_cast<double>(g.hours.absence);
    accompaniment += paid_hours * scalar_cast<double>(g.hours.accompaniment + g.hours.meetings);
    leave += paid_hours * scalar_cast<double>(g.hours.leave + g.hours.bank_holidays);
    training += paid_hours * scalar_cast<double>(g.hours.training);
  }
  ACI_COST_REQUIRE(heads > 0 && paid > 0, "training.atelier", at.name, "has no integration staff");
  m.workforce.headcount = heads;
  m.workforce.weekly_hours = weekly / heads;
  m.workforce.absence = absence / paid;
  m.workforce.accompaniment = accompaniment / paid;
  const double leave_per_week = leave / heads;  // h per employee per week, spread evenly [est]
  m.workforce.leave_hours.assign(static_cast<std::size_t>(m.horizon.weeks), leave_per_week);
  m.plan.hours_per_week = training / heads;
  m.demand.productivity = scalar_cast<double>(at.default_productivity);
  // The support's seasonal demand [est], unless the model gives its own shape.
  if (m.demand.seasonal_shape.empty()) m.demand.seasonal_shape = training::seasonal_shape_of(at.support);
  m.costs.cost_per_paid_hour = ar.integration_cost / ar.integration_paid_hours;
  if (ar.supervisor_production_hours > 0)
    m.costs.supervisor_cost_per_hour = ar.supervisor_cost / ar.supervisor_production_hours;
  return m;
}

}  // namespace aci::link
