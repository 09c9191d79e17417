// Implementation of actuals/default_mapping.hpp.
#pragma once

#include <utility>

#include "aci_cost/actuals/default_mapping.hpp"
#include "aci_cost/budget/year.hpp"

namespace aci::actuals {

ACI_COST_INLINE Mapping default_mapping() {
  Mapping m;
  m.name = std::string(default_mapping_name);
  for (auto k : budget::charge_keys) m.charge_keys.emplace_back(k);
  for (auto k : budget::product_keys) m.product_keys.emplace_back(k);
  m.product_keys.emplace_back(other_products_key);
  const std::string pcg = "PCG 2025 (ANC 2014-03 as amended by ANC 2022-06)";
  const std::string asso = "ANC 2018-06 (associations)";
  const auto rule = [&m](std::string prefix, std::string key, std::string label, std::string source) {
    m.rules.push_back({std::move(prefix), std::move(key), "", std::move(label), std::move(source)});
  };
  // Charges (class 6). The class's two-digit accounts first, then the sub-accounts that go elsewhere.
  rule("60", "other_charges", "Achats (matières, fournitures, marchandises, variation des stocks)",
       pcg + "; [assumption] purchases of the activity, the jobs' materials among them");
  rule("6061", "overheads", "Fournitures non stockables (eau, énergie…)", pcg);
  rule("6063", "equipment", "Fournitures d'entretien et de petit équipement", pcg + "; [assumption] the crews' tools");
  rule("6064", "overheads", "Fournitures administratives", pcg);
  rule("61", "overheads", "Services extérieurs (locations, charges locatives, entretien, assurances, études)",
       pcg + "; [assumption] the premises and the running of the ACI");
  rule("611", "other_charges", "Sous-traitance générale", pcg);
  rule("612", "equipment", "Redevances de crédit-bail", pcg + "; [assumption] leased machines and vans");
  rule("6135", "equipment", "Locations mobilières", pcg + "; [assumption] hired machines");
  rule("6155", "equipment", "Entretien et réparations sur biens mobiliers", pcg);
  rule("62", "overheads", "Autres services extérieurs (honoraires, publicité, télécommunications, banque)", pcg);
  rule("621", "other_staff_costs", "Personnel extérieur à l'entité", pcg);
  rule("62261", "statutory_auditor", "Honoraires du commissaire aux comptes",
       pcg +
           "; [assumption] the sub-account of 6226 Honoraires commonly opened for the auditor's fees, which the "
           "notes disclose (Code de commerce L612-4)");
  rule("624", "other_charges", "Transports de biens et transports collectifs du personnel", pcg);
  rule("6251", "vehicles", "Voyages et déplacements",
       pcg + "; [assumption] the crews' trips to the sites (fuel, tolls, mileage allowances)");
  rule("63", "overheads", "Impôts, taxes et versements assimilés (autres que sur rémunérations)", pcg);
  rule("631", "social_contributions", "Impôts, taxes et versements assimilés sur rémunérations (taxe sur les salaires)",
       pcg);
  rule("633", "social_contributions",
       "Impôts, taxes et versements assimilés sur rémunérations, autres organismes (formation, construction)", pcg);
  rule("64", "salaries", "Charges de personnel", pcg);
  rule("641", "salaries", "Rémunérations du personnel", pcg);
  rule("645", "social_contributions", "Charges de sécurité sociale et de prévoyance", pcg);
  rule("647", "other_staff_costs", "Autres charges sociales (médecine du travail, œuvres sociales)", pcg);
  rule("648", "other_staff_costs", "Autres charges de personnel", pcg);
  rule("649", "salaries", "Remboursements de charges de personnel (indemnités journalières, prises en charge)",
       "ANC 2022-06 (replaces 791 for staff costs)");
  rule("65", "other_charges", "Autres charges de gestion courante (dont 657 subventions versées)", pcg + "; " + asso);
  rule("651", "overheads", "Redevances pour concessions, brevets, licences, logiciels", pcg);
  rule("66", "other_charges", "Charges financières", pcg);
  rule("67", "other_charges", "Charges exceptionnelles", pcg);
  rule("68", "other_charges", "Dotations aux amortissements, dépréciations, provisions et engagements (689)",
       pcg + "; " + asso);
  rule("6811", "equipment", "Dotations aux amortissements des immobilisations incorporelles et corporelles",
       pcg + "; [assumption] an ACI's fixed assets are mostly its machines and vans");
  rule("69", "other_charges", "Impôts sur les bénéfices (revenus patrimoniaux des associations)", pcg);
  // The shared structure: any charge booked under the analytic code STRUCTURE.
  m.rules.push_back({"6", "structure", "STRUCTURE", "Toute charge de la structure partagée (code analytique STRUCTURE)",
                     "[assumption] the ACI's analytic section of its shared structure (docs/allocation.md)"});
  // Products (class 7). 74 by financer: the sub-accounts are the ACI's own.
  rule("70", "sales", "Ventes de produits, prestations de services, marchandises, produits des activités annexes", pcg);
  rule("74", "other_grants", "Subventions d'exploitation (autres financeurs)", pcg + "; " + asso);
  rule("7411", "aid_state", "Aide au poste d'insertion, part de l'État (versée par l'ASP)",
       "[assumption] the ACI's sub-account of 741 État");
  rule("7431", "aid_departement", "Aide au poste d'insertion, part du département (allocataires du RSA)",
       "[assumption] the ACI's sub-account of 743 Département");
  rule("743", "departement_grants", "Subventions du département (hors aide au poste)",
       "[assumption] the ACI's sub-account of 74");
  rule("742", "region", "Subventions de la région", "[assumption] the ACI's sub-account of 74");
  rule("746", "fse_plus", "Fonds européens (FSE+)", "[assumption] the ACI's sub-account of 74");
  rule("7481", "opco", "Prises en charge de formation par l'OPCO", "[assumption] the ACI's sub-account of 74");
  rule("747", "other_grants", "Quote-part des subventions d'investissement virée au résultat",
       "ANC 2022-06 (formerly 777)");
  rule("75", std::string(other_products_key),
       "Autres produits de gestion courante (dons, cotisations, ressources liées à la générosité du public)",
       pcg + "; " + asso);
  rule("76", std::string(other_products_key), "Produits financiers", pcg);
  rule("77", std::string(other_products_key), "Produits exceptionnels", pcg);
  rule("78", std::string(other_products_key), "Reprises sur amortissements, dépréciations, provisions et fonds dédiés",
       pcg + "; " + asso);
  return m;
}

}  // namespace aci::actuals
