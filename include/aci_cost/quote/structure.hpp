// The ACI's structure allocated to its ateliers: the cost-centre network of model::Structure
// with one main centre per atelier (work unit: the integration work hour, the atelier's hours
// of the year at the date), allocated to the cent by the structure's method. What an atelier
// receives joins its overhead rate, its year's charges and the base of its sales cap.
#pragma once

#include <string>
#include <vector>

#include "aci_cost/allocation/allocate.hpp"
#include "aci_cost/model/aci.hpp"
#include "aci_cost/quote/atelier_rates.hpp"
#include "aci_cost/rates/rate_table.hpp"

namespace aci::quote {

/// The network of `aci`'s structure: its support centres, then one main centre per atelier
/// (work units: `work_hours[i]`, the atelier's integration work hours). Under single_key each
/// charge is keyed on the work hours alone and no support centre is kept. Errors name
/// "aci.structure...".
inline allocation::Network structure_network(const model::Aci& aci, const std::vector<Decimal>& work_hours) {
  const model::Structure& s = aci.structure;
  allocation::Network n;
  const bool single = s.method == model::OverheadMethod::single_key;
  for (std::size_t i = 0; i < s.centres.size(); ++i) {
    const auto& c = s.centres[i];
    const std::string f = "aci.structure.centres[" + std::to_string(i) + "]";
    ACI_COST_REQUIRE(c.kind == allocation::CentreKind::support, f + ".kind", "main",
                     "the ateliers are the main centres: list support centres only");
    for (const auto& at : aci.ateliers)
      ACI_COST_REQUIRE(at.name != c.name, f + ".name", "\"" + c.name + "\"", "is an atelier's name");
    if (!single) n.centres.push_back(c);
  }
  for (std::size_t i = 0; i < aci.ateliers.size(); ++i)
    n.centres.push_back({aci.ateliers[i].name, allocation::CentreKind::main, "h", work_hours[i]});
  n.charges = s.charges;
  if (single) {
    allocation::Key hours;
    for (std::size_t i = 0; i < aci.ateliers.size(); ++i) hours.push_back({aci.ateliers[i].name, work_hours[i]});
    for (auto& c : n.charges) {
      c.key = hours;
      c.driver.clear();
    }
  } else {
    n.drivers = s.drivers;
    n.services = s.services;
    n.step_order = s.step_order;
  }
  return n;
}

/// The settling method of a structure (single_key has no support centre: any method will do).
inline allocation::Method settling_method(model::OverheadMethod m) {
  switch (m) {
    case model::OverheadMethod::direct:
      return allocation::Method::direct;
    case model::OverheadMethod::step_down:
      return allocation::Method::step_down;
    default:
      return allocation::Method::reciprocal;
  }
}

/// The allocation of `aci`'s structure with the figures of `table` in force at `date`.
inline allocation::Allocation allocate_structure(const model::Aci& aci, const rates::RateTable& table, const Date& date,
                                                 Rounding mode = Rounding::half_away_from_zero) {
  std::vector<Decimal> hours;
  for (std::size_t i = 0; i < aci.ateliers.size(); ++i) {
    rates::RateLookup rates(table, date);
    hours.push_back(
        atelier_rates<Decimal>(aci.ateliers[i], aci.large_employer, rates, "aci.ateliers[" + std::to_string(i) + "]")
            .integration_production_hours);
  }
  return allocation::allocate(structure_network(aci, hours), settling_method(aci.structure.method), mode,
                              "aci.structure");
}

/// What each atelier of `aci` receives of the structure, €/year to the cent, in atelier order
/// (zeros when the structure is empty).
inline std::vector<Money> structure_charges(const model::Aci& aci, const rates::RateTable& table, const Date& date,
                                            Rounding mode = Rounding::half_away_from_zero) {
  std::vector<Money> out(aci.ateliers.size(), Money());
  if (aci.structure.empty()) return out;
  const auto a = allocate_structure(aci, table, date, mode);
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = a.totals[a.index(aci.ateliers[i].name)];
  return out;
}

/// The charges an ACI's ateliers share, €/year to the cent, in atelier order: its structure (cost
/// centres) and the statutory auditor its public grants require.
struct SharedCharges {
  std::vector<Money> structure;        ///< the structure's allocation (zeros when it is empty)
  std::vector<Money> statutory_audit;  ///< the auditor's fee, split by public grants (zeros when not required)
  Decimal public_grants{0};            ///< the ACI's public grants of the year, €/year (exact)
  bool audit_required = false;         ///< public_grants > the L612-4 threshold and a fee is set
};

/// The public grants of an atelier's year for the L612-4 threshold: the aid and the grants of
/// public authorities (State, département, région, FSE+, other grants [assumption: public]); the
/// OPCO (an approved private body) is left out.
template <class T>
T public_grants(const AtelierRates<T>& r) {
  T g{0};
  for (std::size_t k = 0; k < financer_count; ++k)
    if (static_cast<Financer>(k) != Financer::opco) g += r.funding[k];
  return g;
}

/// The shared charges of `aci` with the figures of `table` in force at `date`.
inline SharedCharges shared_charges(const model::Aci& aci, const rates::RateTable& table, const Date& date,
                                    Rounding mode = Rounding::half_away_from_zero) {
  SharedCharges out;
  const std::size_t n = aci.ateliers.size();
  out.structure.assign(n, Money());
  out.statutory_audit.assign(n, Money());
  const bool audit = aci.statutory_auditor_fee > Money();
  if (aci.structure.empty() && !audit) return out;
  std::vector<Decimal> hours, grants;
  rates::RateLookup rates(table, date);
  for (std::size_t i = 0; i < n; ++i) {
    const auto r = atelier_rates<Decimal>(aci.ateliers[i], aci.large_employer, rates,
                                          [i] { return "aci.ateliers[" + std::to_string(i) + "]"; });
    hours.push_back(r.integration_production_hours);
    grants.push_back(public_grants(r));
    out.public_grants += grants.back();
  }
  if (!aci.structure.empty()) {
    const auto a = allocation::allocate(structure_network(aci, hours), settling_method(aci.structure.method), mode,
                                        "aci.structure");
    for (std::size_t i = 0; i < n; ++i) out.structure[i] = a.totals[a.index(aci.ateliers[i].name)];
  }
  if (audit && out.public_grants > rates.value(rates::Rate::statutory_audit_grants_threshold)) {
    out.audit_required = true;
    out.statutory_audit = split(aci.statutory_auditor_fee, grants);
  }
  return out;
}

/// The index of atelier `at` in `aci` (it must be one of its ateliers).
inline std::size_t atelier_index(const model::Aci& aci, const model::Atelier& at) {
  return static_cast<std::size_t>(&at - aci.ateliers.data());
}

}  // namespace aci::quote
