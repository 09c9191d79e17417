// The embedded default scenario: a green-spaces ACI in 2026. Legal and published figures come
// from the rate table (with sources); every other number here is an assumption, tagged [est]
// (or [pub] where DOMAIN.md gives a published range), and every one can be overridden.
#pragma once

#include "aci_cost/io/scenario.hpp"

namespace aci::io {

ACI_COST_INLINE Scenario default_scenario() {
  using people::ContributionMode;
  using people::PayBasis;
  using people::Role;
  const auto D = [](const char* s) { return Decimal(s); };
  const auto M = [](const char* s) { return Money::parse(s); };

  // Integration employees on CDDI: 12 posts of 26 h/week [pub], paid at SMIC, legal reduction
  // of contributions. Employer rate before the reduction 0.47 [est], giving ≈ 0.07 net at SMIC
  // (DOMAIN.md: 0.07–0.10). Hours split [est], shares of paid hours: productive share ≈ 0.77
  // of paid hours, ≈ 0.73 of contract hours (DOMAIN.md: ≈ 0.72). Sick absence is unpaid by the
  // employer (no seniority for the top-up): 5 % of contract hours [est]; 1 % paid absence [est].
  people::StaffGroup crew{"CDDI crew", Role::integration, D("12"), D("26"), PayBasis::smic, Money(),
                          ContributionMode::legal_reduction, D("0.47"), M("350"),
                          // training, accompaniment, meetings, leave (5 weeks/52), bank holidays, paid absence
                          {D("0.05"), D("0.035"), D("0.015"), D("0.096"), D("0.024"), D("0.01")}, D("0.05")};
  // Permanent staff also get the 2026 reduction below 3 SMIC (CSS L241-13): employer rate before
  // the reduction 0.45 [est] for an association's non-executive staff.
  // ETPS: IDCC 3016 minimum ≈ 2,220 €/month [est, DOMAIN.md]; 1.5 ETPS for 12 posts
  // (1 per 8–12 [est]).
  people::StaffGroup etps{"ETPS", Role::supervisor, D("1.5"), D("35"), PayBasis::monthly, M("2220"),
                          ContributionMode::legal_reduction, D("0.45"), M("400"),
                          {D("0.01"), D("0"), D("0.03"), D("0.096"), D("0.024"), D("0.03")}};
  // ASP/CIP: 1 FTE per ~24 employees [est] -> 0.5 FTE; 2,300 €/month [est].
  people::StaffGroup asp{"ASP", Role::socio_professional, D("0.5"), D("35"), PayBasis::monthly, M("2300"),
                         ContributionMode::legal_reduction, D("0.45"), M("0"),
                         {D("0"), D("0"), D("0"), D("0.096"), D("0.024"), D("0")}};
  // Director and admin: 0.6 FTE charged to this atelier [est]; 2,800 €/month [est].
  people::StaffGroup support{"Direction and admin", Role::support, D("0.6"), D("35"), PayBasis::monthly, M("2800"),
                             ContributionMode::legal_reduction, D("0.45"), M("0"),
                             {D("0"), D("0"), D("0"), D("0.096"), D("0.024"), D("0")}};

  model::Atelier at;
  at.name = "Espaces verts";
  at.support = "green_spaces";
  at.staff = {crew, etps, asp, support};
  at.annual_overheads = M("30000");      // [est] rent, insurance, energy, small tools
  at.annual_other_charges = M("15000");  // [est] consumables and materials of the year
  // [est] €/h and hours of use in the year
  at.equipment = {{"mower", M("8.50"), D("500")}, {"brush_cutter", M("3.20"), D("400")},
                  {"hedge_trimmer", M("2.80"), D("300")}};
  at.vehicle_cost_per_km = M("0.45");    // [est] €/km, van
  at.annual_vehicle_km = D("20000");     // [est] km a year
  at.occupancy = D("0.92");              // [est] share of posts filled over the year (often 0.85–0.95)
  at.subsidies.aide_au_poste = true;
  at.subsidies.aid_modulation_share = D("0.05");  // [pub] national average of the modulated part
  at.subsidies.rsa_fte = D("3");                  // [est] filled FTEs held by RSA recipients (département's share of the aid)
  at.subsidies.departement_grants_annual = M("5000");  // [est] département grant for accompaniment
  at.subsidies.region_annual = M("6000");         // [est] région
  at.subsidies.opco_annual = M("4000");           // [est] OPCO, training
  at.subsidies.other_grants_annual = M("5000");   // [est] local authorities, foundations
  at.annual_sales = M("60000");                   // [est] sold or booked this year
  at.sales_cap_share = D("0.30");                 // [law] D5132-34
  at.default_productivity = D("0.60");            // [est] DOMAIN.md, green spaces
  at.market_hourly_price = M("40");               // [pub, undated] 38–45 €/h excl. VAT
  at.market_floor_hourly_price = M("38");         // [pub, undated] low end
  at.ordinary_hourly_cost = M("32");              // [est] ordinary firm's cost per standard hour
  at.ordinary_supervision_ratio = D("0.10");      // [est] ordinary firm: a team leader's hour per 10 worked

  Scenario s;
  s.aci.name = "ACI Les Jardins Solidaires (default)";
  s.aci.large_employer = false;
  s.aci.tax_status = model::TaxStatus::vat_liable;  // green-space works for towns: VAT at 20 %
  s.aci.ateliers = {at};
  // A fictitious identity (SIREN 999 999 998 is not registered; it passes the Luhn check).
  s.aci.identity = {"99999999800019", "Association loi 1901", "12 rue des Jardins\n00000 Saint-Exemple",
                    "contact@jardins-solidaires.example", "00 00 00 00 00"};

  // A park maintenance job for a town: work content from time equations [est].
  model::Job park;
  park.name = "park_maintenance";
  park.client = "Town of Saint-Exemple";
  park.atelier = "green_spaces";
  park.date = Date{2026, 4, 15};
  park.standard_hours = D("30");
  park.drivers = {{"lawn_mowing_m2", D("12000"), D("0.0015")}, {"hedge_trimming_m", D("300"), D("0.08")}};
  park.crew_size = D("4");
  park.supervisors = D("1");
  park.travel = {D("5"), D("24"), D("0.75")};
  park.materials = {{"green_waste_disposal", M("180")}};
  park.equipment = {{"mower", D("18")}, {"hedge_trimmer", D("24")}};

  // Clearing brush for a housing association, priced at the market.
  model::Job clearing;
  clearing.name = "brush_clearing";
  clearing.client = "Habitat Exemple";
  clearing.atelier = "green_spaces";
  clearing.date = Date{2026, 9, 10};
  clearing.standard_hours = D("40");
  clearing.crew_size = D("5");
  clearing.supervisors = D("1");
  clearing.travel = {D("4"), D("30"), D("1")};
  clearing.equipment = {{"brush_cutter", D("40")}};

  s.jobs = {park, clearing};

  // The weekly training model of the atelier over 2026 (53 ISO weeks): workforce, training plan
  // and costs derived from the atelier; demand and deferral are assumptions [est]. Demand of
  // 140 standard h/week at productivity 0.6 is 233 employee h, about the crew's capacity; the
  // green-space season (+30 %, April-October) pushes it above, the winter (-30 %) below.
  link::TrainingSetup t;
  t.atelier = "green_spaces";
  t.date = Date{2026, 1, 1};
  t.derive_from_atelier = true;
  t.model.horizon = {53, 1, 53};
  t.model.workforce.contract_months = 12.0;                    // [est] mean CDDI length
  t.model.demand.base_hours = 140.0;                           // [est] standard h/week
  t.model.demand.amplitude = 0.3;                              // [est] seasonal swing
  t.model.demand.variation = 0.1;                              // [est] +-10 % weekly noise
  t.model.deferral.policy = training::DeferralPolicy::production_first;  // what supervisors report
  t.model.deferral.catch_up_share = 0.5;                       // [est]
  t.model.plan.trainees_per_supervisor = 6.0;                  // [est] in-house group size
  t.model.seed = 2026;
  s.training = t;
  return s;
}

}  // namespace aci::io
