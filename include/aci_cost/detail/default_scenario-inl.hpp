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
      job.social_clause = model::ClauseTerms{"Marché n° 2026-EV-03 (entretien des espaces verts)",
                                             Money::parse("80000"), Decimal("0.5"), Decimal("0.05"),
                                             Money::parse("30")};
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
  detail::document_details(s);  // the documents' block (issue 30)
  return s;
}

}  // namespace aci::io

namespace aci::io {

namespace detail {

/// The green-spaces atelier's staff, scaled: `posts` CDDI posts, `etps` supervisors, `asp` CIP,
/// `support` direction/admin FTE (the same contracts and hours splits [est]).
inline model::Atelier atelier_from(const model::Atelier& base, const char* name, const char* support, const char* posts,
                                   const char* etps, const char* asp, const char* admin) {
  model::Atelier a = base;
  a.name = name;
  a.support = support;
  a.staff[0].headcount = Decimal(posts);
  a.staff[1].headcount = Decimal(etps);
  a.staff[2].headcount = Decimal(asp);
  a.staff[3].headcount = Decimal(admin);
  return a;
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
  job.crew_size = D("4");
  job.supervisors = D("1");
  if (support == "market_gardening") {
    // 10 posts, 1 ETPS [est]; a market garden's costs [est]: tiller, cold room, seeds and
    // packaging; organic vegetable baskets sold to subscribers (5.5 % VAT, food).
    model::Atelier a = detail::atelier_from(green, "Maraîchage", "market_gardening", "10", "1", "0.4", "0.5");
    a.annual_overheads = M("20000");
    a.annual_other_charges = M("9000");
    a.equipment = {{"tiller", M("6.00"), D("300")}, {"cold_room", M("1.50"), D("2000")}};
    a.annual_vehicle_km = D("8000");
    a.annual_sales = M("45000");
    a.default_productivity = D("0.55");   // [est] field work, weather
    a.ordinary_hourly_cost = M("27");     // [est] a market gardener's full cost per standard hour
    // Standard time of a basket [est]: 0.35 h of harvest and packing per basket, 2 h per delivery round.
    a.time_equations = {{"baskets", D("0"), {{"baskets", D("0.35")}, {"delivery_rounds", D("2")}}, "[est]"}};
    s.aci.name = "ACI Les Paniers Solidaires (market-gardening default)";
    s.aci.ateliers = {a};
    job.name = "june_baskets";
    job.client = "AMAP du Quartier (subscribers)";
    job.atelier = "market_gardening";
    job.work = {{"baskets", D("1"), {{"baskets", D("480")}, {"delivery_rounds", D("8")}}}};
    job.crew_size = D("5");
    job.materials = {{"seeds_and_packaging", M("620.00")}};
    job.equipment = {{"tiller", D("12")}, {"cold_room", D("160")}};
    job.travel = {D("8"), D("18"), D("0.5")};
    job.vat_kind = model::VatKind::food;
    // 480 baskets, 8 % lost or unsold [est]; an organic basket at 15 € [est, 12–20 € locally], floor 13 €.
    job.output = {model::OutputKind::goods, "basket", D("480"), D("0.08"), M("15.00"), M("13.00"), Money()};
    s.pricing.policy = quote::PricePolicy::market;
  } else if (support == "laundry") {
    // 10 posts, 1 ETPS [est]; washers and dryers; institutional laundry for a care home (kg).
    model::Atelier a = detail::atelier_from(green, "Blanchisserie", "laundry", "10", "1", "0.4", "0.5");
    a.annual_overheads = M("26000");      // [est] premises, water, energy
    a.annual_other_charges = M("8000");
    a.equipment = {{"washer", M("4.00"), D("1500")}, {"dryer", M("3.00"), D("1500")}, {"ironer", M("2.50"), D("900")}};
    a.annual_vehicle_km = D("6000");
    a.annual_sales = M("50000");
    a.default_productivity = D("0.65");   // [est] indoor, repetitive work
    a.ordinary_hourly_cost = M("26");     // [est] an industrial laundry's cost per standard hour
    // Per batch [est]: 0.25 h loading + 0.04 h per kg + 0.6 h when the batch is ironed (indicator).
    a.time_equations = {{"batch", D("0.25"), {{"ironed", D("0.6")}, {"kg", D("0.04")}}, "[est]"}};
    s.aci.name = "ACI Linge et Services (laundry default)";
    s.aci.ateliers = {a};
    job.name = "care_home_month";
    job.client = "EHPAD Les Tilleuls";
    job.atelier = "laundry";
    job.work = {{"batch", D("30"), {{"ironed", D("1")}, {"kg", D("60")}}},
                {"batch", D("10"), {{"kg", D("60")}}}};
    job.crew_size = D("3");
    job.materials = {{"detergent", M("150.00")}};
    job.equipment = {{"washer", D("60")}, {"dryer", D("60")}, {"ironer", D("36")}};
    job.travel = {D("8"), D("12"), D("0.5")};
    // 2,400 kg [est]; institutional laundry around 2.20 €/kg [est, 1.5–3 €], floor 1.80 €.
    job.output = {model::OutputKind::service, "kg", D("2400"), D("0"), M("2.20"), M("1.80"), Money()};
  } else if (support == "building") {
    // 8 posts, 1 ETPS [est]; painting and small renovation of social housing (10 % VAT), quoted
    // as déboursé sec x K (site costs 10 %, overheads 15 %, profit 5 % [est]).
    model::Atelier a = detail::atelier_from(green, "Second œuvre", "building", "8", "1", "0.4", "0.5");
    a.annual_overheads = M("22000");
    a.annual_other_charges = M("12000");
    a.equipment = {{"scaffold", M("3.00"), D("400")}, {"sprayer", M("2.00"), D("200")}};
    a.annual_vehicle_km = D("12000");
    a.annual_sales = M("55000");
    a.default_productivity = D("0.55");   // [est] finishing work
    a.ordinary_hourly_cost = M("35");     // [est] a painting firm's cost per standard hour
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
    // 300 m² painted (walls and ceilings) [est]; labour and paint at 18 €/m² [est, 14–25 €], floor 14 €.
    job.output = {model::OutputKind::service, "m2", D("300"), D("0"), M("18.00"), M("14.00"), Money()};
    s.pricing.policy = quote::PricePolicy::ds_coefficient;
    s.pricing.site_costs = D("0.10");
    s.pricing.overheads = D("0.15");
    s.pricing.profit = D("0.05");
  } else if (support == "recycling_reuse" || support == "multi_atelier") {
    // 12 posts, 1.5 ETPS [est]; collection of bulky items for a town; the eco-organisation's
    // support per tonne collected for re-use [est: no dated published figure at hand].
    model::Atelier a = detail::atelier_from(green, "Ressourcerie", "recycling_reuse", "12", "1.5", "0.5", "0.6");
    a.annual_overheads = M("24000");
    a.annual_other_charges = M("10000");
    a.equipment = {{"truck", M("14.00"), D("600")}};
    a.annual_vehicle_km = D("15000");
    a.annual_sales = M("70000");
    a.default_productivity = D("0.60");
    a.ordinary_hourly_cost = M("30");     // [est]
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
    // 12 tonnes collected; 65 €/tonne of eco-organisation support [est].
    job.output = {model::OutputKind::service, "tonne", D("12"), D("0"), std::nullopt, std::nullopt, M("65.00")};
    if (support == "multi_atelier") {
      // Green spaces, market gardening and the ressourcerie under one structure: the direction
      // moves from the ateliers to a support centre; the charges and keys [est].
      Scenario mg = default_scenario("market_gardening");
      model::Atelier g = green, m = mg.aci.ateliers[0];
      for (model::Atelier* x : {&g, &m, &a}) x->staff.pop_back();  // direction and admin: the structure's
      g.annual_overheads = M("18000");
      s.aci.name = "ACI Trois Ateliers (multi-atelier default)";
      s.aci.ateliers = {g, m, a};
      using allocation::CentreKind;
      auto& st = s.aci.structure;
      st.method = model::OverheadMethod::reciprocal;
      st.centres = {{"Direction", CentreKind::support, "h", D("1600")},
                    {"Accompagnement", CentreKind::support, "person followed", D("36")},
                    {"Atelier mécanique", CentreKind::support, "h", D("1100")}};
      st.drivers = {{"headcount", "persons", {{"Accompagnement", D("1.5")}, {"Atelier mécanique", D("1")}, {"Direction", D("2")},
                                              {"Espaces verts", D("14")}, {"Maraîchage", D("11")}, {"Ressourcerie", D("13.5")}}},
                    {"m2", "m²", {{"Accompagnement", D("40")}, {"Atelier mécanique", D("120")}, {"Direction", D("80")},
                                  {"Espaces verts", D("200")}, {"Maraîchage", D("150")}, {"Ressourcerie", D("600")}}}};
      st.charges = {{"direction_and_admin_pay", M("96000"), {{"Direction", D("1")}}, ""},
                    {"cip_coordinator_pay", M("42000"), {{"Accompagnement", D("1")}}, ""},
                    {"mechanic_pay", M("34000"), {{"Atelier mécanique", D("1")}}, ""},
                    {"rent", M("36000"), {}, "m2"},
                    {"insurance", M("7500"), {}, "headcount"},
                    {"accounting_and_it", M("14000"), {{"Direction", D("1")}}, ""}};
      st.services = {{"Direction", {{"Accompagnement", D("10")}, {"Atelier mécanique", D("5")}, {"Espaces verts", D("35")},
                                    {"Maraîchage", D("25")}, {"Ressourcerie", D("25")}}},
                     {"Accompagnement", {{"Direction", D("2")}, {"Espaces verts", D("12")}, {"Maraîchage", D("10")},
                                         {"Ressourcerie", D("12")}}},
                     {"Atelier mécanique", {{"Atelier mécanique", D("60")}, {"Direction", D("40")}, {"Espaces verts", D("500")},
                                            {"Maraîchage", D("200")}, {"Ressourcerie", D("300")}}}};
      st.step_order = {"Direction", "Accompagnement", "Atelier mécanique"};
      Scenario gs = default_scenario();
      s.jobs = {gs.jobs[0], mg.jobs[0]};
      s.pricing = gs.pricing;  // cost-plus for all; the baskets' market price shows as a bound
    }
  } else {
    std::string known;
    for (auto n : default_scenario_names) known += (known.empty() ? "" : ", ") + std::string(n);
    throw InvalidInput("support", "\"" + std::string(support) + "\"", "no embedded default (known: " + known + ")");
  }
  if (s.jobs.empty()) s.jobs = {job};
  else s.jobs.push_back(job);
  detail::document_details(s);  // the documents' block (issue 30)
  return s;
}

}  // namespace aci::io
