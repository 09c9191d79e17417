// aci::quote::AtelierRates: an atelier's annual costs, hours and funding, and the hourly rates
// a job is charged from. Overheads — the atelier's own and its share of the ACI's structure
// (quote/structure.hpp: cost centres, allocated to the cent) — are loaded per integration work
// hour, the ateliers' work unit.
#pragma once

#include <array>
#include <vector>
#include <string>
#include <string_view>

#include "aci_cost/model/aci.hpp"
#include "aci_cost/people/pay_floor.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "aci_cost/detail/divisor.hpp"
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
  T integration_paid_hours{};               ///< h/year, filled integration posts (HP)
  T integration_production_hours{};         ///< h/year on jobs, on site or travelling (HQ)
  T integration_training_hours{};           ///< h/year (HT)
  T integration_cost{};                     ///< €/year (CI)
  T integration_training_cost{};            ///< €/year: the part of integration cost paid for training hours (CT)
  T supervisor_cost{};                      ///< €/year (CS)
  T supervisor_production_hours{};          ///< h/year on site and travelling (HS)
  T socio_professional_cost{};              ///< €/year (ASP/CIP, CA)
  T support_cost{};                         ///< €/year (director, admin…, CU)
  T overheads{};                            ///< €/year (O)
  T structure_charges{};                    ///< €/year: the ACI's structure allocated to the atelier (cost centres)
  T other_charges{};                        ///< €/year (X)
  T equipment_charges{};                    ///< €/year: Σ equipment rate x annual hours
  T vehicle_charges{};                      ///< €/year: annual km x €/km
  T salaries{};                             ///< €/year: gross pay of every group (charges by nature)
  T contributions{};                        ///< €/year: employer contributions after the reduction
  T per_head_costs{};                       ///< €/year: per-head costs of every group
  T aid_total{};                            ///< €/year aide au poste (socle + modulation, prorated to paid hours)
  std::array<T, financer_count> funding{};  ///< €/year by financer (aid split, then grants)

  /// €/integration work hour: labour net of training time.
  T labour_rate() const { return ::aci::detail::quotient(labour_cost(), integration_production_hours); }
  /// €/year: integration cost net of training time (the numerator of labour_rate).
  T labour_cost() const { return integration_cost - integration_training_cost; }
  /// €/integration work hour: the training obligation.
  T training_rate() const { return ::aci::detail::quotient(integration_training_cost, integration_production_hours); }
  /// €/h of supervisor at work (on site or travelling).
  T supervision_rate() const { return ::aci::detail::quotient(supervisor_cost, supervisor_production_hours); }
  /// €/integration work hour: support staff, overheads and the structure's share.
  T overhead_rate() const {
    return ::aci::detail::quotient(T(support_cost + overheads + structure_charges), integration_production_hours);
  }
  /// Total charges of the activity, €/year (the base of the D5132-34 sales cap), equipment and
  /// vehicles included.
  T annual_charges() const {
    return integration_cost + supervisor_cost + socio_professional_cost + support_cost + overheads + other_charges +
           equipment_charges + vehicle_charges + structure_charges;
  }
  /// Subsidies of the year, €/year (the aid and every grant).
  T subsidies_total() const {
    T t{0};
    for (const auto& x : funding) t += x;
    return t;
  }
};

/// A staff group of an atelier reduced to scalars.
template <class T>
struct GroupInputs {
  people::Role role = people::Role::integration;  ///< which totals it feeds
  T headcount{};                                  ///< persons (posts for integration)
  people::StaffInputs<T> staff;                   ///< one person's scalars
};

/// An atelier reduced to scalars at a date: everything its annual totals are computed from,
/// with no text, rate table or Decimal left. Made once per quote or per sweep (atelier_inputs);
/// a sweep changes its fields directly.
template <class T>
struct AtelierInputs {
  std::vector<GroupInputs<T>> groups;      ///< the staff groups, in the atelier's order
  T occupancy{};                           ///< filled share of the integration posts
  T overheads{};                           ///< €/year
  T structure{};                           ///< €/year: the ACI's structure allocated to the atelier
  T other_charges{};                       ///< €/year
  T equipment_charges{};                   ///< €/year: Σ equipment rate x annual hours
  T vehicle_charges{};                     ///< €/year: annual km x €/km
  bool aide_au_poste = false;              ///< the atelier receives the aid
  T aid_socle{};                           ///< €/FTE/year
  T fte_paid_hours{};                      ///< paid hours of one FTE on the ACI basis
  T aid_modulation_share{};                ///< modulated part, share of the socle
  T rsa_fte{};                             ///< FTE of RSA beneficiaries (département co-funding)
  T rsa_per_fte{};                         ///< €/year the département pays per RSA FTE (share x RSA x 12)
  std::array<T, financer_count> grants{};  ///< €/year by financer (the aid lines stay 0 here)
};

/// The scalars of atelier `a` with the rates at `rates.date()` (looked up in a fixed order);
/// `structure`: what it receives of the ACI's structure (quote/structure.hpp).
template <class T>
AtelierInputs<T> atelier_inputs(const model::Atelier& a, bool large_employer, rates::RateLookup& rates,
                                const Money& structure = Money()) {
  using rates::Rate;
  AtelierInputs<T> in;
  for (const auto& g : a.staff)
    in.groups.push_back({g.role, scalar_cast<T>(g.headcount), people::staff_inputs<T>(g, rates, large_employer)});
  in.occupancy = scalar_cast<T>(a.occupancy);
  in.overheads = scalar_cast<T>(a.annual_overheads.amount());
  in.structure = scalar_cast<T>(structure.amount());
  in.other_charges = scalar_cast<T>(a.annual_other_charges.amount());
  for (const auto& e : a.equipment)
    in.equipment_charges += scalar_cast<T>(e.hourly_rate.amount()) * scalar_cast<T>(e.annual_hours);
  in.vehicle_charges = scalar_cast<T>(a.vehicle_cost_per_km.amount()) * scalar_cast<T>(a.annual_vehicle_km);
  in.aide_au_poste = a.subsidies.aide_au_poste;
  if (in.aide_au_poste) {
    in.aid_socle = scalar_cast<T>(rates.value(Rate::aide_au_poste_socle));
    in.fte_paid_hours = scalar_cast<T>(rates.value(Rate::aci_fte_paid_hours));
    in.aid_modulation_share = scalar_cast<T>(a.subsidies.aid_modulation_share);
    in.rsa_fte = scalar_cast<T>(a.subsidies.rsa_fte);
    if (a.subsidies.rsa_fte > 0) {
      // The département pays 88 % of the single-person RSA per FTE-month in place of the State.
      // (Looked up one statement each: the order of the audit's entries must not depend on the
      // scalar's evaluation order.)
      const T share = scalar_cast<T>(rates.value(Rate::departement_rsa_share));
      const T rsa = scalar_cast<T>(rates.value(Rate::rsa_single_person));
      in.rsa_per_fte = share * rsa * T(12);
    }
  }
  const auto grant = [&in](Financer f) -> T& { return in.grants[static_cast<std::size_t>(f)]; };
  const auto& sub = a.subsidies;
  grant(Financer::departement_grants) = scalar_cast<T>(sub.departement_grants_annual.amount());
  grant(Financer::region) = scalar_cast<T>(sub.region_annual.amount());
  grant(Financer::fse_plus) = scalar_cast<T>(sub.fse_plus_annual.amount());
  grant(Financer::opco) = scalar_cast<T>(sub.opco_annual.amount());
  grant(Financer::other_grants) = scalar_cast<T>(sub.other_grants_annual.amount());
  return in;
}

/// Adds n persons of cost c in role `role` to the totals r.
template <class T>
void add_staff(AtelierRates<T>& r, people::Role role, const T& n, const people::StaffCost<T>& c) {
  using people::Role;
  r.salaries += n * c.annual_gross;
  r.contributions += n * c.employer_contributions;
  r.per_head_costs += n * c.per_head;
  switch (role) {
    case Role::integration: {
      r.integration_paid_hours += n * c.paid_hours;
      r.integration_production_hours += n * c.production_hours;
      r.integration_training_hours += n * c.training_hours;
      const T cost = n * c.annual_cost;
      r.integration_cost += cost;
      // The cost of the paid hours spent in training: cost per paid hour x training hours
      // = annual cost x training share (no division).
      r.integration_training_cost += cost * c.training_share;
      break;
    }
    case Role::supervisor:
      r.supervisor_cost += n * c.annual_cost;
      r.supervisor_production_hours += n * c.production_hours;
      break;
    case Role::socio_professional:
      r.socio_professional_cost += n * c.annual_cost;
      break;
    case Role::support:
      r.support_cost += n * c.annual_cost;
      break;
  }
}

/// Persons paid in group g: integration headcounts are posts, only the filled share is paid.
template <class T>
T paid_persons(const GroupInputs<T>& g, const T& occupancy) {
  return g.role == people::Role::integration ? T(g.headcount * occupancy) : g.headcount;
}

/// The staff part of the annual totals (every field that comes from the groups): arithmetic only.
template <class T>
AtelierRates<T> staff_totals(const AtelierInputs<T>& in) {
  AtelierRates<T> r;
  for (const auto& g : in.groups) add_staff(r, g.role, paid_persons(g, in.occupancy), people::staff_cost(g.staff));
  return r;
}

/// Completes the staff totals `r` into the annual totals with the atelier's other scalars:
/// charges and funding (the aide au poste prorated to the paid hours, split between the State
/// and the département). Arithmetic only; check_funding tells whether the split is possible.
template <class T>
void complete_totals(AtelierRates<T>& r, const AtelierInputs<T>& in) {
  r.overheads = in.overheads;
  r.structure_charges = in.structure;
  r.other_charges = in.other_charges;
  r.equipment_charges = in.equipment_charges;
  r.vehicle_charges = in.vehicle_charges;
  r.funding = in.grants;
  if (in.aide_au_poste) {
    r.aid_total = ::aci::detail::quotient(T(in.aid_socle * (T(1) + in.aid_modulation_share) * r.integration_paid_hours),
                                          in.fte_paid_hours);
    const T departement = in.rsa_fte * in.rsa_per_fte;
    r.funding[static_cast<std::size_t>(Financer::aid_departement)] = departement;
    r.funding[static_cast<std::size_t>(Financer::aid_state)] = r.aid_total - departement;
  }
}

/// complete_totals on a copy of the staff totals `r`.
template <class T>
AtelierRates<T> atelier_totals(AtelierRates<T> r, const AtelierInputs<T>& in) {
  complete_totals(r, in);
  return r;
}

/// Throws InvalidInput naming `path`.subsidies.rsa_fte unless the RSA FTEs fit the filled
/// integration FTEs and the département's share fits the aid it is part of.
template <class T, class Path>
void check_funding(const AtelierRates<T>& r, const AtelierInputs<T>& in, const Decimal& rsa_fte_shown,
                   const Path& path_of) {
  const auto path = [&] { return ::aci::detail::path_text(path_of); };
  if (!in.aide_au_poste || !(in.rsa_fte > T(0))) return;
  ACI_COST_REQUIRE(in.rsa_fte * in.fte_paid_hours <= r.integration_paid_hours, path() + ".subsidies.rsa_fte",
                   to_string(rsa_fte_shown),
                   "exceeds the filled integration FTEs (" +
                       ::aci::detail::to_text(T(r.integration_paid_hours / in.fte_paid_hours)) + " = paid hours / " +
                       ::aci::detail::to_text(in.fte_paid_hours) + ")");
  const T departement = r.funding[static_cast<std::size_t>(Financer::aid_departement)];
  ACI_COST_REQUIRE(departement <= r.aid_total, path() + ".subsidies.rsa_fte", to_string(rsa_fte_shown),
                   "the département's share " + ::aci::detail::to_text(departement) + " exceeds the aid " +
                       ::aci::detail::to_text(r.aid_total) + " it is part of");
}

/// The annual totals of `a` with the rates at `rates.date()`; errors name `path` (the atelier:
/// a string, or a callable building it only then); `structure`: what it receives of the ACI's
/// structure.
template <class T, class Path = const char*>
AtelierRates<T> atelier_rates(const model::Atelier& a, bool large_employer, rates::RateLookup& rates,
                              const Path& path = "atelier", const Money& structure = Money()) {
  const AtelierInputs<T> in = atelier_inputs<T>(a, large_employer, rates, structure);
  // Pay below the collective agreement's minimum is refused unless the group accepts it.
  for (const auto& g : a.staff) people::check_pay_floor(g, rates, [&g] { return "staff[" + g.name + "]"; });
  AtelierRates<T> staff;
  for (std::size_t i = 0; i < a.staff.size(); ++i) {
    const GroupInputs<T>& g = in.groups[i];
    const people::StaffCost<T> c = people::staff_cost(g.staff);
    ACI_COST_REQUIRE(g.staff.employer_rate - c.reduction_coefficient >= T(0),
                     "staff[" + a.staff[i].name + "].employer_rate", to_string(a.staff[i].employer_rate),
                     "is below the general reduction coefficient at this pay; give the rate before reduction");
    add_staff(staff, g.role, paid_persons(g, in.occupancy), c);
  }
  const AtelierRates<T> r = atelier_totals(staff, in);
  check_funding(r, in, a.subsidies.rsa_fte, path);
  return r;
}

}  // namespace aci::quote

ACI_COST_STRICT_FP_END
