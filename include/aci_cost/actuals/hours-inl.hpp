// Implementation of actuals/hours.hpp.
#pragma once

#include "aci_cost/actuals/hours.hpp"
#include "aci_cost/quote/atelier_rates.hpp"

namespace aci::actuals {

ACI_COST_INLINE std::vector<AtelierHours> planned_hours(const model::Aci& aci, const rates::RateTable& table,
                                                        const Date& date, Rounding mode) {
  aci.validate();
  ACI_COST_REQUIRE(date.valid(), "planned_hours.date", date.to_string(), "not a calendar date");
  std::vector<AtelierHours> out;
  for (std::size_t i = 0; i < aci.ateliers.size(); ++i) {
    rates::RateLookup rates(table, date);
    const auto r = quote::atelier_rates<Decimal>(aci.ateliers[i], aci.large_employer, rates,
                                                 "aci.ateliers[" + std::to_string(i) + "]");
    const auto h = [mode](const Decimal& x) { return round_decimal(x, 2, mode); };
    out.push_back({aci.ateliers[i].name, h(r.integration_paid_hours), h(r.integration_production_hours),
                   h(r.integration_training_hours), h(r.supervisor_production_hours)});
  }
  return out;
}

}  // namespace aci::actuals
