// The embedded default scenario: a green-spaces ACI in 2026. Legal and published figures come
// from the rate table (with sources); every other number here is an assumption, tagged [est]
// (or [pub] where DOMAIN.md gives a published range), and every one can be overridden.
#pragma once

#include "aci_cost/io/scenario.hpp"

namespace aci::io {

// ---- The defaults' documents: French wording, clients, terms (issue 30) ---------------------
// Kept apart from the figures below: what a devis and an invoice print, never what a quote
// computes. Every identity is fictitious (SIRENs 999 999 0xx pass the Luhn check and are not
// registered; the IBAN is the banks' published example account).
namespace detail {

/// The client `name` of the defaults (added once to aci.clients).
inline void add_client(Scenario& s, model::Client c) {
  if (!s.aci.client(c.name)) s.aci.clients.push_back(std::move(c));
}

/// French titles and labels of the default jobs, their clients and terms (by job name: idempotent).
inline void document_details(Scenario& s) {
  using model::ClientKind;
  // The name as printed on the documents: "ACI Les Jardins Solidaires", not "... (default)".
  if (const auto k = s.aci.name.find(" ("); k != std::string::npos && s.aci.name.ends_with("default)")) {
    s.aci.name.erase(k);
  }
  auto& id = s.aci.identity;
  id.iban = "FR7630006000011234567890189";
  id.bic = "AGRIFRPPXXX";
  for (auto& job : s.jobs) {
    auto label = [&](std::string_view driver, const char* text, const char* unit) {
      for (auto& d : job.drivers)
        if (d.name == driver) d.label = text, d.unit = unit;
    };
    auto material = [&](std::string_view name, const char* text) {
      for (auto& m : job.materials)
        if (m.name == name) m.label = text;
    };
    if (job.name == "park_maintenance") {
      job.client = "Ville de Saint-Exemple";
      job.title = "Entretien du parc municipal : tonte des pelouses et taille des haies";
      label("lawn_mowing_m2", "Tonte de pelouse", "m²");
      label("hedge_trimming_m", "Taille de haies", "m");
      material("green_waste_disposal", "Évacuation des déchets verts en déchetterie");
      job.terms.duration_days = 7;
      job.social_clause =
          model::ClauseTerms{"Marché n° 2026-EV-03 (entretien des espaces verts)", Money::parse("80000"),
                             Decimal("0.5"), Decimal("0.05"), Money::parse("30")};
      add_client(s, {"Ville de Saint-Exemple", ClientKind::public_buyer,
                     "Hôtel de ville\n1 place de la Mairie\n00000 Saint-Exemple", "99999901400015", "",
                     "SERVICE-ESPACES-VERTS", "EJ-2026-000412", "factures@saint-exemple.example"});
    } else if (job.name == "brush_clearing") {
      job.client = "Habitat Exemple";
      job.title = "Débroussaillage des abords de la résidence Les Coteaux";
      job.terms.duration_days = 5;
      add_client(s, {"Habitat Exemple", ClientKind::business, "8 avenue des Tilleuls\n00000 Saint-Exemple",
                     "99999902200018", "FR90999999022", "", "", "comptabilite@habitat-exemple.example"});
    } else if (job.name == "june_baskets") {
      job.client = "Abonnés de l'AMAP du Quartier";
      job.title = "Paniers de légumes biologiques de juin (livraison hebdomadaire)";
      job.output.label = "Panier de légumes biologiques";
      job.output.unit_label = "panier";
      material("seeds_and_packaging", "Semences et emballages");
      job.terms.duration_days = 30;
      job.terms.start_after_days = 0;
      job.terms.payment_days = 0;
      job.terms.payment_method = model::PaymentMethod::cheque;
      add_client(s, {"Abonnés de l'AMAP du Quartier", ClientKind::consumer,
                     "Maison des associations\n3 rue du Marché\n00000 Saint-Exemple", "", "", "", "", ""});
    } else if (job.name == "care_home_month") {
      job.client = "EHPAD Les Tilleuls";
      job.title = "Entretien du linge des résidents pendant un mois";
      job.output.label = "Linge lavé, séché et repassé";
      material("detergent", "Lessive et produits d'entretien");
      job.terms.duration_days = 30;
      add_client(s, {"EHPAD Les Tilleuls", ClientKind::business, "15 chemin des Tilleuls\n00000 Saint-Exemple",
                     "99999903000011", "FR17999999030", "", "", ""});
    } else if (job.name == "stairwell_painting") {
      job.client = "Office Public de l'Habitat de Saint-Exemple";
      job.title = "Peinture des cages d'escalier (murs et plafonds), résidence Les Peupliers";
      job.output.label = "Peinture des murs et plafonds, fournitures comprises";
      material("paint_and_protection", "Peinture et protections");
      job.terms.duration_days = 10;
      add_client(s, {"Office Public de l'Habitat de Saint-Exemple", ClientKind::public_buyer,
                     "2 rue de la République\n00000 Saint-Exemple", "99999904800013", "FR71999999048",
                     "SERVICE-TRAVAUX", "", ""});
      id.insurance = {"responsabilité civile décennale", "Mutuelle Exemple Assurances",
                      "10 boulevard de l'Assurance\n00000 Saint-Exemple", "RCD-2026-000123", "France métropolitaine"};
    } else if (job.name == "bulky_collection") {
      job.client = "Communauté de communes du Canton";
      job.title = "Collecte des encombrants en vue de leur réemploi";
      job.output.label = "Collecte et tri des encombrants";
      job.output.unit_label = "tonne";
      job.terms.duration_days = 20;
      add_client(s, {"Communauté de communes du Canton", ClientKind::public_buyer,
                     "Siège communautaire\n5 place du Canton\n00000 Saint-Exemple", "99999905500018", "",
                     "SERVICE-DECHETS", "", ""});
    }
  }
  // A support's default starts from the green-spaces one: keep only the clients its jobs name.
  std::erase_if(s.aci.clients, [&](const model::Client& c) {
    for (const auto& job : s.jobs)
      if (job.client == c.name) return false;
    return true;
  });
}

}  // namespace detail

ACI_COST_INLINE Scenario default_scenario() {
  using people::ContributionMode;
  using people::PayBasis;
  using people::Role;
  const auto D = [](const char* s) { return Decimal(s); };
  const auto M = [](const char* s) { return Money::parse(s); };

  // Calibrated on published ratios (docs/default_aci.md, tests/cpp/io/test_calibration.cpp):
  // commercial receipts 13-30 % of charges, staff costs 75-80 %, result -2 % to +3 %, ~1 ETPS
  // per 6-7 integration FTE, ~1 CIP per 25, pay at or above the collective agreement (IDCC 3016).
  //
  // Integration employees on CDDI: 12 posts of 26 h/week [pub] (8.91 FTE), paid at SMIC, legal
  // reduction of contributions. Employer rate before the reduction 0.47 [est], giving ≈ 0.07 net
  // at SMIC (DOMAIN.md: 0.07–0.10). Hours split [est], shares of paid hours: productive share
  // ≈ 0.77 of paid hours, ≈ 0.73 of contract hours (DOMAIN.md: ≈ 0.72). Sick absence is unpaid by
  // the employer (no seniority for the top-up): 5 % of contract hours [est]; 1 % paid absence
  // [est]. Health cover: 15 €/month employer share [assumption: many CDDI are dispensed, e.g.
  // holders of the complémentaire santé solidaire].
  people::StaffGroup crew{"CDDI crew",
                          Role::integration,
                          D("12"),
                          D("26"),
                          PayBasis::smic,
                          Money(),
                          ContributionMode::legal_reduction,
                          D("0.47"),
                          M("350"),
                          // training, accompaniment, meetings, leave (5 weeks/52), bank holidays, paid absence
                          {D("0.05"), D("0.035"), D("0.015"), D("0.096"), D("0.024"), D("0.01")},
                          D("0.05")};
  crew.health_cover_monthly = M("15");
  // Permanent staff also get the 2026 reduction below 3 SMIC (CSS L241-13): employer rate before
  // the reduction 0.45 [est] for an association's non-executive staff; health cover 35 €/month
  // employer share [assumption: half of a ~70 € collective contract, CSS L911-7]. Pay above the
  // class minimum of the CCN (coefficient x 7.05 €, rate table) [est].
  // ETPS: 1.4 FTE for 8.91 integration FTE (1 per 6.4) [pub ratio]; encadrant B (315 points,
  // minimum 2,220.75 €), paid 2,350 €/month [est].
  people::StaffGroup etps{"ETPS",
                          Role::supervisor,
                          D("1.4"),
                          D("35"),
                          PayBasis::monthly,
                          M("2350"),
                          ContributionMode::legal_reduction,
                          D("0.45"),
                          M("400"),
                          {D("0.01"), D("0"), D("0.03"), D("0.096"), D("0.024"), D("0.03")}};
  etps.ccn_class = "encadrant_b";
  // CIP (conseiller en insertion professionnelle): 0.35 FTE, 1 per 25.5 integration FTE [pub
  // ratio]; accompagnateur B (315 points), 2,350 €/month [est].
  people::StaffGroup cip{"CIP",
                         Role::socio_professional,
                         D("0.35"),
                         D("35"),
                         PayBasis::monthly,
                         M("2350"),
                         ContributionMode::legal_reduction,
                         D("0.45"),
                         M("0"),
                         {D("0"), D("0"), D("0"), D("0.096"), D("0.024"), D("0")}};
  cip.ccn_class = "accompagnateur_b";
  // The director's share charged to this atelier: 0.25 FTE, directeur B (455 points, minimum
  // 3,207.75 €), 3,500 €/month [est]; administration and accounts: 0.35 FTE, assistant
  // administratif B (280 points, minimum 1,974 €), 2,050 €/month [est].
  people::StaffGroup director{"Director",
                              Role::support,
                              D("0.25"),
                              D("35"),
                              PayBasis::monthly,
                              M("3500"),
                              ContributionMode::legal_reduction,
                              D("0.45"),
                              M("0"),
                              {D("0"), D("0"), D("0"), D("0.096"), D("0.024"), D("0")}};
  director.ccn_class = "directeur_b";
  people::StaffGroup admin = director;
  admin.name = "Administration";
  admin.headcount = D("0.35");
  admin.pay = M("2050");
  admin.ccn_class = "assistant_administratif_b";
  for (people::StaffGroup* g : {&etps, &cip, &director, &admin}) g->health_cover_monthly = M("35");

  model::Atelier at;
  at.name = "Espaces verts";
  at.support = "green_spaces";
  at.staff = {crew, etps, cip, director, admin};
  // [est] rent of the depot, insurance (liability, premises), energy, accounting and payroll
  // services, IT and telephone.
  at.annual_overheads = M("32000");
  at.annual_other_charges = M("16000");  // [est] fuel for the machines, plants, small tools, green waste
  // [est] €/h and hours of use in the year
  at.equipment = {
      {"mower", M("8.50"), D("500")}, {"brush_cutter", M("3.20"), D("400")}, {"hedge_trimmer", M("2.80"), D("300")}};
  // [est] two vans, full cost per km (lease or depreciation, fuel, insurance, maintenance): 0.55 €/km.
  at.vehicle_cost_per_km = M("0.55");
  at.annual_vehicle_km = D("30000");  // [est] km a year
  at.occupancy = D("0.92");           // [est] share of posts filled over the year (often 0.85–0.95)
  // Products by financer [est], checked against the published split (docs/default_aci.md).
  at.subsidies.aide_au_poste = true;
  at.subsidies.aid_modulation_share = D("0.05");  // [pub] national average of the modulated part
  at.subsidies.rsa_fte = D("5");  // [est] filled FTEs held by RSA recipients (département's share of the aid)
  at.subsidies.departement_grants_annual = M("30000");  // [est] département: supervision and accompaniment
  at.subsidies.region_annual = M("12000");              // [est] région: training
  at.subsidies.fse_plus_annual = M("20000");            // [est] FSE+ (programmed through the département's PLIE)
  at.subsidies.opco_annual = M("4000");                 // [est] OPCO, training
  at.subsidies.other_grants_annual = M("25000");        // [est] EPCI and communes
  at.annual_sales = M("72000");                         // [est] sold or booked this year (20 % of charges)
  at.sales_cap_share = D("0.30");                       // [law] D5132-34
  at.default_productivity = D("0.60");                  // [est] DOMAIN.md, green spaces
  at.market_hourly_price = M("40");                     // [pub, undated] 38–45 €/h excl. VAT
  at.market_floor_hourly_price = M("38");               // [pub, undated] low end
  at.ordinary_hourly_cost = M("32");                    // [est] ordinary firm's cost per standard hour
  at.ordinary_supervision_ratio = D("0.10");            // [est] ordinary firm: a team leader's hour per 10 worked

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
  park.crew_size = D("6");  // a crew of 6 with its ETPS: within the atelier's supervision capacity
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
  clearing.crew_size = D("6");
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
  t.model.workforce.contract_months = 12.0;                              // [est] mean CDDI length
  t.model.demand.base_hours = 140.0;                                     // [est] standard h/week
  t.model.demand.amplitude = 0.3;                                        // [est] seasonal swing
  t.model.demand.variation = 0.1;                                        // [est] +-10 % weekly noise
  t.model.deferral.policy = training::DeferralPolicy::production_first;  // what supervisors report
  t.model.deferral.catch_up_share = 0.5;                                 // [est]
  t.model.plan.trainees_per_supervisor = 6.0;                            // [est] in-house group size
  t.model.seed = 2026;
  s.training = t;
  detail::document_details(s);  // the documents' block (issue 30)
  return s;
}

}  // namespace aci::io

namespace aci::io {

namespace detail {

/// The green-spaces atelier's staff, scaled: `posts` CDDI posts, `etps` supervisors, `cip` CIP,
/// `director` and `admin` FTE (the same contracts, classes, pay and hours splits [est]).
inline model::Atelier atelier_from(const model::Atelier& base, const char* name, const char* support, const char* posts,
                                   const char* etps, const char* cip, const char* director, const char* admin) {
  model::Atelier a = base;
  a.name = name;
  a.support = support;
  a.staff[0].headcount = Decimal(posts);
  a.staff[1].headcount = Decimal(etps);
  a.staff[2].headcount = Decimal(cip);
  a.staff[3].headcount = Decimal(director);
  a.staff[4].headcount = Decimal(admin);
  return a;
}

/// The grants of a support's default [est]: RSA-held FTEs (the département's share of the aid),
/// département, région, FSE+, OPCO and EPCI/communes, €/year.
inline void grants(model::Subsidies& s, const char* rsa_fte, const char* departement, const char* region,
                   const char* fse_plus, const char* opco, const char* local) {
  s.rsa_fte = Decimal(rsa_fte);
  s.departement_grants_annual = Money::parse(departement);
  s.region_annual = Money::parse(region);
  s.fse_plus_annual = Money::parse(fse_plus);
  s.opco_annual = Money::parse(opco);
  s.other_grants_annual = Money::parse(local);
}

}  // namespace detail

ACI_COST_INLINE Scenario default_scenario(std::string_view support) {
  const auto D = [](const char* s) { return Decimal(s); };
  const auto M = [](const char* s) { return Money::parse(s); };
  Scenario s = default_scenario();
  if (support == "green_spaces") return s;
  const model::Atelier green = s.aci.ateliers[0];
  s.training.reset();  // the training year is the green-spaces default's
  s.jobs.clear();
  model::Job job;
  job.date = Date{2026, 4, 15};  // the rates of the worked example (docs/worked_example.md)
  job.crew_size = D("6");        // 1 ETPS for 6: within every atelier's supervision capacity
  job.supervisors = D("1");
  if (support == "market_gardening") {
    // A Jardin de Cocagne-like organic market garden (docs/default_aci.md): 14 posts (10.4 FTE),
    // 1.5 ETPS (1 per 6.9), 0.4 CIP; land, greenhouses, cold room; organic vegetable baskets sold
    // to subscribers (5.5 % VAT, food) and other sales (markets, shops).
    model::Atelier a = detail::atelier_from(green, "Maraîchage", "market_gardening", "14", "1.5", "0.4", "0.25", "0.3");
    a.annual_overheads = M("30000");      // [est] land rent, greenhouses, irrigation water, energy, insurance, accounts
    a.annual_other_charges = M("30000");  // [est] seeds, plants, organic inputs, packaging
    a.equipment = {{"tiller", M("6.00"), D("400")}, {"cold_room", M("1.50"), D("2000")}};
    a.annual_vehicle_km = D("15000");  // [est] delivery van
    detail::grants(a.subsidies, "5", "20000", "8000", "10000", "4000", "12000");
    a.annual_sales = M("108000");        // [est] baskets and other sales booked (28 % of charges)
    a.default_productivity = D("0.55");  // [est] field work, weather
    a.ordinary_hourly_cost = M("27");    // [est] a market gardener's full cost per standard hour
    // Standard time per basket-equivalent [est]: 0.55 h of cultivation (sowing, planting,
    // weeding, irrigation) + 0.25 h of harvest, washing and packing = 0.8 h, i.e. 1.45 insertion
    // hours at productivity 0.55 (≈ 1.5 published: docs/default_aci.md); 2 h per delivery round.
    a.time_equations = {{"baskets", D("0"), {{"baskets", D("0.8")}, {"delivery_rounds", D("2")}}, "[est]"}};
    s.aci.name = "ACI Les Paniers Solidaires (market-gardening default)";
    s.aci.ateliers = {a};
    job.name = "june_baskets";
    job.client = "AMAP du Quartier (subscribers)";
    job.atelier = "market_gardening";
    // June: 150 baskets a week for 4 weeks, delivered to 2 points a week (8 rounds).
    job.work = {{"baskets", D("1"), {{"baskets", D("600")}, {"delivery_rounds", D("8")}}}};
    job.materials = {{"seeds_and_packaging", M("900.00")}};
    job.equipment = {{"tiller", D("30")}, {"cold_room", D("160")}};
    job.travel = {D("8"), D("18"), D("0.5")};
    job.vat_kind = model::VatKind::food;
    // 600 baskets, 5 % lost or unsold [est]: 570 sold, whole. Shelf prices are TTC [est, 12–20 €
    // locally]: 16.00 € a basket, floor 13.00 €; excl. VAT at 5.5 %: 16.00 / 1.055 = 15.1659 ->
    // 15.17 € (15.17 x 1.055 = 16.0044 -> 16.00 TTC) and 13.00 / 1.055 = 12.3223 -> 12.32 €.
    job.output = {model::OutputKind::goods, "basket", D("600"), D("0.05"), M("15.17"), M("12.32"), Money()};
  } else if (support == "laundry") {
    // 12 posts, 1.4 ETPS, 0.35 CIP [est]; washers and dryers; institutional laundry for a care home (kg).
    model::Atelier a = detail::atelier_from(green, "Blanchisserie", "laundry", "12", "1.4", "0.35", "0.25", "0.3");
    a.annual_overheads = M("34000");      // [est] premises, water, energy, insurance, accounts
    a.annual_other_charges = M("14000");  // [est] detergents, consumables
    a.equipment = {{"washer", M("4.00"), D("1500")}, {"dryer", M("3.00"), D("1500")}, {"ironer", M("2.50"), D("900")}};
    a.annual_vehicle_km = D("8000");  // [est] collection and delivery van
    detail::grants(a.subsidies, "5", "20000", "8000", "10000", "4000", "12000");
    a.annual_sales = M("96000");         // [est] (28 % of charges)
    a.default_productivity = D("0.65");  // [est] indoor, repetitive work
    a.ordinary_hourly_cost = M("26");    // [est] an industrial laundry's cost per standard hour
    // Per batch [est]: 0.25 h loading + 0.04 h per kg + 0.6 h when the batch is ironed (indicator).
    a.time_equations = {{"batch", D("0.25"), {{"ironed", D("0.6")}, {"kg", D("0.04")}}, "[est]"}};
    s.aci.name = "ACI Linge et Services (laundry default)";
    s.aci.ateliers = {a};
    job.name = "care_home_month";
    job.client = "EHPAD Les Tilleuls";
    job.atelier = "laundry";
    job.work = {{"batch", D("30"), {{"ironed", D("1")}, {"kg", D("60")}}}, {"batch", D("10"), {{"kg", D("60")}}}};
    job.materials = {{"detergent", M("150.00")}};
    job.equipment = {{"washer", D("60")}, {"dryer", D("60")}, {"ironer", D("36")}};
    job.travel = {D("8"), D("12"), D("0.5")};
    // 2,400 kg [est]; institutional laundry around 2.20 €/kg [est, 1.5–3 €], floor 1.80 €.
    job.output = {model::OutputKind::service, "kg", D("2400"), D("0"), M("2.20"), M("1.80"), Money()};
  } else if (support == "building") {
    // 12 posts, 1.4 ETPS, 0.35 CIP [est]; painting and small renovation of social housing (10 %
    // VAT, the client's certification on the devis). Priced in the fair zone like every default;
    // the DS x K parameters (site costs 10 %, overheads 15 %, profit 5 % [est]) are set for the
    // price analysis and for a director who chooses that policy.
    model::Atelier a = detail::atelier_from(green, "Second œuvre", "building", "12", "1.4", "0.35", "0.25", "0.3");
    a.annual_overheads = M("30000");  // [est] workshop, insurance (décennale not needed: finishing works), accounts
    a.annual_other_charges = M("26000");  // [est] paint, protection, small supplies of the year
    a.equipment = {{"scaffold", M("3.00"), D("400")}, {"sprayer", M("2.00"), D("200")}};
    a.annual_vehicle_km = D("15000");
    detail::grants(a.subsidies, "5", "20000", "8000", "10000", "4000", "12000");
    a.annual_sales = M("97000");         // [est] (28 % of charges)
    a.default_productivity = D("0.55");  // [est] finishing work
    a.ordinary_hourly_cost = M("35");    // [est] a painting firm's cost per standard hour
    // Per room [est]: 2 h setting up and protecting + 0.12 h per m² of wall + 0.16 h per m² of ceiling.
    a.time_equations = {{"room", D("2"), {{"ceiling_m2", D("0.16")}, {"wall_m2", D("0.12")}}, "[est]"}};
    s.aci.name = "ACI Bâtir Ensemble (building default)";
    s.aci.ateliers = {a};
    job.name = "stairwell_painting";
    job.client = "Office Public de l'Habitat";
    job.atelier = "building";
    job.work = {{"room", D("6"), {{"ceiling_m2", D("10")}, {"wall_m2", D("40")}}}};
    job.materials = {{"paint_and_protection", M("900.00")}};
    job.equipment = {{"scaffold", D("24")}};
    job.travel = {D("6"), D("16"), D("0.5")};
    job.vat_kind = model::VatKind::housing_renovation;
    job.vat_certification = true;  // the landlord's certification is on the devis (CGI 279-0 bis)
    // 300 m² painted (walls and ceilings) [est]; labour and paint at 18 €/m² [est, 14–25 €], floor 14 €.
    job.output = {model::OutputKind::service, "m2", D("300"), D("0"), M("18.00"), M("14.00"), Money()};
    s.pricing.site_costs = D("0.10");
    s.pricing.overheads = D("0.15");
    s.pricing.profit = D("0.05");
  } else if (support == "recycling_reuse" || support == "multi_atelier") {
    // A ressourcerie: 12 posts, 1.4 ETPS, 0.35 CIP [est]; collection of bulky items for the
    // community of communes, sorting, repair and sale of second-hand goods in its shop.
    model::Atelier a =
        detail::atelier_from(green, "Ressourcerie", "recycling_reuse", "12", "1.4", "0.35", "0.25", "0.3");
    a.annual_overheads = M("36000");      // [est] warehouse and shop, insurance, energy, accounts
    a.annual_other_charges = M("12000");  // [est] disposal of what cannot be re-used, supplies
    a.equipment = {{"truck", M("14.00"), D("600")}};
    a.annual_vehicle_km = D("20000");
    detail::grants(a.subsidies, "5", "20000", "8000", "10000", "4000", "8000");
    a.annual_sales = M("102000");  // [est] shop sales and collection contracts (29 % of charges)
    a.default_productivity = D("0.60");
    a.ordinary_hourly_cost = M("30");  // [est]
    // No market price per hour: the market of a collection is per tonne (job.output) [est].
    a.market_hourly_price = Money();
    a.market_floor_hourly_price = Money();
    // Per collection round [est]: 1.5 h + 3 h per tonne sorted for re-use.
    a.time_equations = {{"collection", D("1.5"), {{"tonnes", D("3")}}, "[est]"}};
    s.aci.name = "ACI La Ressourcerie du Canton (recycling and re-use default)";
    s.aci.ateliers = {a};
    job.name = "bulky_collection";
    job.client = "Communauté de communes";
    job.atelier = "recycling_reuse";
    job.work = {{"collection", D("10"), {{"tonnes", D("1.2")}}}};
    job.equipment = {{"truck", D("20")}};
    job.travel = {D("10"), D("25"), D("0.75")};
    // Separate collection of household bulky items for re-use and material recovery: 5.5 %
    // (CGI 278-0 bis M).
    job.vat_kind = model::VatKind::household_waste_sorting;
    // 12 tonnes collected, 60 % re-used or recycled [est]; the eco-organisation's support of
    // 65 €/tonne on those [est: no dated published figure at hand]; what the community pays for
    // the collection, 90 €/tonne, floor 75 € [est: no dated published figure at hand].
    job.output = {model::OutputKind::service, "tonne", D("12"), D("0"), M("90.00"), M("75.00"), M("65.00"), D("0.6")};
    if (support == "multi_atelier") {
      // Green spaces, market gardening and the ressourcerie under one structure: the direction
      // moves from the ateliers to a support centre; the charges and keys [est].
      Scenario mg = default_scenario("market_gardening");
      model::Atelier g = green, m = mg.aci.ateliers[0];
      for (model::Atelier* x : {&g, &m, &a}) x->staff.resize(3);  // director and admin: the structure's
      // Rent, insurance and accounts move to the structure: each atelier keeps its own site costs;
      // sales and the communes' grants raised so that the structure's year balances [est].
      g.annual_overheads = M("14000");
      g.annual_sales = M("106000");
      g.subsidies.other_grants_annual = M("30000");
      m.annual_overheads = M("18000");
      m.annual_sales = M("110000");
      m.subsidies.other_grants_annual = M("24000");
      a.annual_overheads = M("20000");
      a.annual_sales = M("110000");
      a.subsidies.other_grants_annual = M("30000");
      s.aci.name = "ACI Trois Ateliers (multi-atelier default)";
      s.aci.ateliers = {g, m, a};
      using allocation::CentreKind;
      auto& st = s.aci.structure;
      st.method = model::OverheadMethod::reciprocal;
      st.centres = {{"Direction", CentreKind::support, "h", D("1600")},
                    {"Accompagnement", CentreKind::support, "person followed", D("36")},
                    {"Atelier mécanique", CentreKind::support, "h", D("1100")}};
      st.drivers = {{"headcount",
                     "persons",
                     {{"Accompagnement", D("1.5")},
                      {"Atelier mécanique", D("1")},
                      {"Direction", D("2")},
                      {"Espaces verts", D("13.75")},
                      {"Maraîchage", D("15.9")},
                      {"Ressourcerie", D("13.75")}}},
                    {"m2",
                     "m²",
                     {{"Accompagnement", D("40")},
                      {"Atelier mécanique", D("120")},
                      {"Direction", D("80")},
                      {"Espaces verts", D("200")},
                      {"Maraîchage", D("150")},
                      {"Ressourcerie", D("600")}}}};
      st.charges = {{"direction_and_admin_pay", M("96000"), {{"Direction", D("1")}}, ""},
                    {"cip_coordinator_pay", M("21000"), {{"Accompagnement", D("1")}}, ""},
                    {"mechanic_pay", M("34000"), {{"Atelier mécanique", D("1")}}, ""},
                    {"rent", M("46000"), {}, "m2"},
                    {"insurance", M("7500"), {}, "headcount"},
                    {"accounting_and_it", M("14000"), {{"Direction", D("1")}}, ""}};
      st.services = {
          {"Direction",
           {{"Accompagnement", D("10")},
            {"Atelier mécanique", D("5")},
            {"Espaces verts", D("35")},
            {"Maraîchage", D("25")},
            {"Ressourcerie", D("25")}}},
          {"Accompagnement",
           {{"Direction", D("2")}, {"Espaces verts", D("12")}, {"Maraîchage", D("10")}, {"Ressourcerie", D("12")}}},
          {"Atelier mécanique",
           {{"Atelier mécanique", D("60")},
            {"Direction", D("40")},
            {"Espaces verts", D("500")},
            {"Maraîchage", D("200")},
            {"Ressourcerie", D("300")}}}};
      st.step_order = {"Direction", "Accompagnement", "Atelier mécanique"};
      Scenario gs = default_scenario();
      s.jobs = {gs.jobs[0], mg.jobs[0]};
      s.pricing = gs.pricing;  // the fair zone for all
    }
  } else {
    std::string known;
    for (auto n : default_scenario_names) known += (known.empty() ? "" : ", ") + std::string(n);
    throw InvalidInput("support", "\"" + std::string(support) + "\"", "no embedded default (known: " + known + ")");
  }
  if (s.jobs.empty())
    s.jobs = {job};
  else
    s.jobs.push_back(job);
  detail::document_details(s);  // the documents' block (issue 30)
  return s;
}

}  // namespace aci::io
