// aci::quote::AtelierRates: an atelier's annual costs, hours and funding, and the hourly rates
// a job is charged from. Overheads are loaded per integration work hour (the simple work unit
// of the méthode des centres); later allocation models replace this one function.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "aci_cost/model/aci.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "aci_cost/detail/strict_fp.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::quote {

/// The financers of an atelier's subsidies, in display order: the aide au poste split between
/// the State and the département (RSA posts), then the grants.
enum class Financer { aid_state, aid_departement, departement_grants, region, fse_plus, opco, other_grants };
inline constexpr std::size_t financer_count = 7;
/// Stable keys of the subsidy lines (JSON, DataFrames).
inline constexpr std::array<std::string_view, financer_count> financer_keys = {
    "aid_state", "aid_departement", "departement_grants", "region", "fse_plus", "opco", "other_grants"};

/// Annual totals of one atelier (scalar T: double or Decimal).
template <class T>
struct AtelierRates {
  T integration_paid_hours{};        ///< h/year, filled integration posts (HP)
  T integration_production_hours{};  ///< h/year on jobs, on site or travelling (HQ)
  T integration_training_hours{};    ///< h/year (HT)
  T integration_cost{};              ///< €/year (CI)
  T integration_training_cost{};     ///< €/year: the part of integration cost paid for training hours (CT)
  T supervisor_cost{};               ///< €/year (CS)
  T supervisor_production_hours{};   ///< h/year on site and travelling (HS)
  T socio_professional_cost{};       ///< €/year (ASP/CIP, CA)
  T support_cost{};                  ///< €/year (director, admin…, CU)
  T overheads{};                     ///< €/year (O)
  T other_charges{};                 ///< €/year (X)
  T equipment_charges{};             ///< €/year: Σ equipment rate x annual hours
  T vehicle_charges{};               ///< €/year: annual km x €/km
  T salaries{};                      ///< €/year: gross pay of every group (charges by nature)
  T contributions{};                 ///< €/year: employer contributions after the reduction
  T per_head_costs{};                ///< €/year: per-head costs of every group
  T aid_total{};                     ///< €/year aide au poste (socle + modulation, prorated to paid hours)
  std::array<T, financer_count> funding{};  ///< €/year by financer (aid split, then grants)

  /// €/integration work hour: labour net of training time.
  T labour_rate() const { return (integration_cost - integration_training_cost) / integration_production_hours; }
  /// €/integration work hour: the training obligation.
  T training_rate() const { return integration_training_cost / integration_production_hours; }
  /// €/h of supervisor at work (on site or travelling).
  T supervision_rate() const { return supervisor_cost / supervisor_production_hours; }
  /// €/integration work hour: socio-professional accompaniment.
  T accompaniment_rate() const { return socio_professional_cost / integration_production_hours; }
  /// €/integration work hour: support staff and overheads.
  T overhead_rate() const { return (support_cost + overheads) / integration_production_hours; }
  /// Total charges of the activity, €/year (the base of the D5132-34 sales cap), equipment and
  /// vehicles included.
  T annual_charges() const {
    return integration_cost + supervisor_cost + socio_professional_cost + support_cost + overheads + other_charges +
           equipment_charges + vehicle_charges;
  }
  /// Subsidies of the year, €/year (the aid and every grant).
  T subsidies_total() const {
    T t{0};
    for (const auto& x : funding) t += x;
    return t;
  }
};

/// The annual totals of `a` with the rates at `rates.date()`; errors name `path` (the atelier).
template <class T>
AtelierRates<T> atelier_rates(const model::Atelier& a, bool large_employer, rates::RateLookup& rates,
                              const std::string& path = "atelier") {
  using people::Role;
  using rates::Rate;
  AtelierRates<T> r;
  const T occupancy = scalar_cast<T>(a.occupancy);
  for (const auto& g : a.staff) {
    const auto c = people::annual_staff_cost<T>(g, rates, large_employer);
    // Integration headcounts are posts; only the filled share is paid and works.
    const T n = g.role == Role::integration ? T(scalar_cast<T>(g.headcount) * occupancy) : scalar_cast<T>(g.headcount);
    r.salaries += n * c.annual_gross;
    r.contributions += n * c.employer_contributions;
    r.per_head_costs += n * c.per_head;
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
  for (const auto& e : a.equipment) r.equipment_charges += scalar_cast<T>(e.hourly_rate.amount()) * scalar_cast<T>(e.annual_hours);
  r.vehicle_charges = scalar_cast<T>(a.vehicle_cost_per_km.amount()) * scalar_cast<T>(a.annual_vehicle_km);

  const auto fund = [&r](Financer f) -> T& { return r.funding[static_cast<std::size_t>(f)]; };
  if (a.subsidies.aide_au_poste) {
    const T socle = scalar_cast<T>(rates.value(Rate::aide_au_poste_socle));
    const T fte_hours = scalar_cast<T>(rates.value(Rate::aci_fte_paid_hours));
    r.aid_total = socle * (1 + scalar_cast<T>(a.subsidies.aid_modulation_share)) * r.integration_paid_hours / fte_hours;
    T departement{0};
    if (a.subsidies.rsa_fte > 0) {
      const T rsa_fte = scalar_cast<T>(a.subsidies.rsa_fte);
      if (!(rsa_fte * fte_hours <= r.integration_paid_hours)) {
        throw InvalidInput(path + ".subsidies.rsa_fte", to_string(a.subsidies.rsa_fte),
                           "exceeds the filled integration FTEs (" + ::aci::detail::to_text(T(r.integration_paid_hours / fte_hours)) +
                               " = paid hours / " + ::aci::detail::to_text(fte_hours) + ")");
      }
      // The département pays 88 % of the single-person RSA per FTE-month in place of the State.
      // (Looked up one statement each: the order of the audit's entries must not depend on the
      // scalar's evaluation order.)
      const T share = scalar_cast<T>(rates.value(Rate::departement_rsa_share));
      const T rsa = scalar_cast<T>(rates.value(Rate::rsa_single_person));
      departement = rsa_fte * share * rsa * 12;
      if (!(departement <= r.aid_total)) {
        throw InvalidInput(path + ".subsidies.rsa_fte", to_string(a.subsidies.rsa_fte),
                           "the département's share " + ::aci::detail::to_text(departement) + " exceeds the aid " +
                               ::aci::detail::to_text(r.aid_total) + " it is part of");
      }
    }
    fund(Financer::aid_departement) = departement;
    fund(Financer::aid_state) = r.aid_total - departement;
  }
  const auto& sub = a.subsidies;
  fund(Financer::departement_grants) = scalar_cast<T>(sub.departement_grants_annual.amount());
  fund(Financer::region) = scalar_cast<T>(sub.region_annual.amount());
  fund(Financer::fse_plus) = scalar_cast<T>(sub.fse_plus_annual.amount());
  fund(Financer::opco) = scalar_cast<T>(sub.opco_annual.amount());
  fund(Financer::other_grants) = scalar_cast<T>(sub.other_grants_annual.amount());
  return r;
}

}  // namespace aci::quote

ACI_COST_STRICT_FP_END
