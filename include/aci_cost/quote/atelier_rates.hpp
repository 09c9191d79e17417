// aci::quote::AtelierRates: an atelier's annual costs, hours and funding, and the hourly rates
// a job is charged from. Overheads are loaded per integration production hour (the simple
// work unit of the méthode des centres); later allocation models replace this one function.
#pragma once

#include "aci_cost/model/aci.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/rates/rate_table.hpp"

namespace aci::quote {

/// Annual totals of one atelier (scalar T: double or Decimal).
template <class T>
struct AtelierRates {
  T integration_paid_hours{};        ///< h/year, all integration staff
  T integration_production_hours{};  ///< h/year
  T integration_training_hours{};    ///< h/year
  T integration_cost{};              ///< €/year
  T integration_training_cost{};     ///< €/year: the part of integration cost paid for training hours
  T supervisor_cost{};               ///< €/year
  T supervisor_production_hours{};   ///< h/year on site
  T socio_professional_cost{};       ///< €/year (ASP/CIP)
  T support_cost{};                  ///< €/year (director, admin…)
  T overheads{};                     ///< €/year
  T other_charges{};                 ///< €/year
  T aid_annual{};                    ///< €/year aide au poste (socle + modulation, prorated to paid hours)
  T departement_annual{};            ///< €/year département co-funding (RSA)
  T other_grants_annual{};           ///< €/year

  /// €/integration production hour: labour net of training time.
  T labour_rate() const { return (integration_cost - integration_training_cost) / integration_production_hours; }
  /// €/integration production hour: the training obligation.
  T training_rate() const { return integration_training_cost / integration_production_hours; }
  /// €/h of supervisor on site.
  T supervision_rate() const { return supervisor_cost / supervisor_production_hours; }
  /// €/integration production hour: socio-professional accompaniment.
  T accompaniment_rate() const { return socio_professional_cost / integration_production_hours; }
  /// €/integration production hour: support staff and overheads.
  T overhead_rate() const { return (support_cost + overheads) / integration_production_hours; }
  /// Total charges of the activity, €/year (the base of the D5132-34 sales cap).
  T annual_charges() const {
    return integration_cost + supervisor_cost + socio_professional_cost + support_cost + overheads + other_charges;
  }
};

/// The annual totals of `a` with the rates at `rates.date()`.
template <class T>
AtelierRates<T> atelier_rates(const model::Atelier& a, bool large_employer, rates::RateLookup& rates) {
  using people::Role;
  AtelierRates<T> r;
  for (const auto& g : a.staff) {
    const auto c = people::annual_staff_cost<T>(g, rates, large_employer);
    const T n = scalar_cast<T>(g.headcount);
    switch (g.role) {
      case Role::integration:
        r.integration_paid_hours += n * c.paid_hours;
        r.integration_production_hours += n * c.production_hours;
        r.integration_training_hours += n * c.training_hours;
        r.integration_cost += n * c.annual_cost;
        r.integration_training_cost += n * c.cost_per_paid_hour * c.training_hours;
        break;
      case Role::supervisor:
        r.supervisor_cost += n * c.annual_cost;
        r.supervisor_production_hours += n * c.production_hours;
        break;
      case Role::socio_professional: r.socio_professional_cost += n * c.annual_cost; break;
      case Role::support: r.support_cost += n * c.annual_cost; break;
    }
  }
  r.overheads = scalar_cast<T>(a.annual_overheads.amount());
  r.other_charges = scalar_cast<T>(a.annual_other_charges.amount());
  if (a.subsidies.aide_au_poste) {
    using rates::Rate;
    const T socle = scalar_cast<T>(rates.value(Rate::aide_au_poste_socle));
    const T fte_hours = scalar_cast<T>(rates.value(Rate::aci_fte_paid_hours));
    r.aid_annual = socle * (1 + scalar_cast<T>(a.subsidies.aid_modulation_share)) * r.integration_paid_hours / fte_hours;
  }
  if (a.subsidies.rsa_fte > 0) {
    using rates::Rate;
    r.departement_annual = scalar_cast<T>(a.subsidies.rsa_fte) *
                           scalar_cast<T>(rates.value(Rate::departement_rsa_share)) *
                           scalar_cast<T>(rates.value(Rate::rsa_single_person)) * 12;
  }
  r.other_grants_annual = scalar_cast<T>(a.subsidies.other_grants_annual.amount());
  return r;
}

}  // namespace aci::quote
