// Implementation of rates/rate_table.hpp, and the French figures with their sources.
#pragma once

#include <algorithm>
#include <array>
#include <utility>

#include "aci_cost/error.hpp"
#include "aci_cost/rates/rate_table.hpp"

namespace aci::rates {

ACI_COST_INLINE Rate rate_from_name(std::string_view name, std::string_view field) {
  for (const auto& spec : rate_specs)
    if (spec.name == name) return spec.rate;
  throw InvalidInput(std::string(field), "\"" + std::string(name) + "\"", "unknown rate name");
}

ACI_COST_INLINE void RateEntry::validate(std::string_view path) const {
  const RateSpec& spec = rate_spec(rate);
  const auto at = [&](const char* field) { return std::string(path) + "." + field; };
  // The domain's test with && (Domain::contains joins its two ends with &, for lanes' masks;
  // on a Decimal's bools Clang's -Wbitwise-instead-of-logical refuses that).
  const bool above_low = spec.low_open ? value > Decimal(spec.low) : value >= Decimal(spec.low);
  const bool below_high = spec.high_open ? value < Decimal(spec.high) : value <= Decimal(spec.high);
  ACI_COST_REQUIRE(above_low && below_high, at("value"), to_string(value),
                   std::string(spec.name) + " (" + std::string(spec.unit) + ") " + spec.domain_rule());
  if (spec.keyed) {
    ACI_COST_REQUIRE(!key.empty(), at("key"), "\"\"", std::string(spec.name) + " is keyed: give the series' key");
  } else {
    ACI_COST_REQUIRE(key.empty(), at("key"), "\"" + key + "\"",
                     std::string(spec.name) + " has a single series: no key");
  }
  ACI_COST_REQUIRE(!source.empty(), at("source"), "\"\"", "every figure needs its source");
}

ACI_COST_INLINE void RateTable::set(RateEntry e) {
  e.validate("rates." + std::string(rate_name(e.rate)));
  if (e.unit.empty()) e.unit = std::string(rate_spec(e.rate).unit);
  auto it = std::find_if(entries_.begin(), entries_.end(), [&](const RateEntry& x) {
    return x.rate == e.rate && x.key == e.key && x.effective == e.effective;
  });
  if (it != entries_.end()) {
    *it = std::move(e);
  } else {
    entries_.push_back(std::move(e));
  }
  std::stable_sort(entries_.begin(), entries_.end(), [](const RateEntry& a, const RateEntry& b) {
    if (a.rate != b.rate) return a.rate < b.rate;
    if (a.key != b.key) return a.key < b.key;
    return a.effective < b.effective;
  });
}

ACI_COST_INLINE InForce RateTable::resolve(Rate r, const Date& date, std::string_view key) const {
  const RateEntry* best = nullptr;       // the latest in force
  const RateEntry* confirmed = nullptr;  // the latest in force that is not `check`
  const RateEntry* earliest = nullptr;
  for (const auto& e : entries_) {
    if (e.rate != r || e.key != key) continue;
    if (!earliest) earliest = &e;
    if (e.effective <= date) {
      best = &e;
      if (e.tag != Tag::check) confirmed = &e;
    }
  }
  if (!best) {
    const std::string name =
        key.empty() ? std::string(rate_name(r)) : std::string(rate_name(r)) + "[" + std::string(key) + "]";
    throw NoRateInForce("rates." + name, date.to_string(),
                        earliest
                            ? "no figure in force at this date (earliest from " + earliest->effective.to_string() + ")"
                            : "no figure in the rate table");
  }
  // An unconfirmed figure yields to the last confirmed one, unless the table allows it; with no
  // confirmed figure at all it is used (and the quote says it is to check).
  if (best->tag == Tag::check && !use_unconfirmed_ && confirmed) return {confirmed, best};
  return {best, nullptr};
}

ACI_COST_INLINE const Decimal& RateLookup::value(Rate r, std::string_view key) {
  const InForce f = table_->resolve(r, date_, key);
  const auto note = [](std::vector<const RateEntry*>& list, const RateEntry* e) {
    if (e && std::find(list.begin(), list.end(), e) == list.end()) list.push_back(e);
  };
  note(used_, f.entry);
  note(unconfirmed_, f.unconfirmed);
  return f.entry->value;
}

// Every figure below carries its source (a legal text, never our own docs) and effective date.
// Tags follow DOMAIN.md: law = legal text, published = official publication, estimate =
// assumption, check = reported by secondary sources, not yet confirmed on the primary text (a
// quote that uses it warns). `next_review`: the figure is revised yearly; used on or after that
// date it is reported as "latest known" in the quote's warnings.
ACI_COST_INLINE RateTable RateTable::france() {
  RateTable t;
  // [assumption] This version's figures are those published for 2026 (the SMIC of June 2026,
  // the 2026 reduction, the aid of the latest arrêté): a quote dated after 2026 is warned that
  // every figure is carried forward. A scenario extends it with "rates_known_until".
  t.set_known_until(Date{2026, 12, 31});
  const auto add = [&t](Rate r, const char* date, const char* value, const char* unit, const char* source, Tag tag,
                        const char* note = "", const char* next_review = nullptr) {
    std::optional<Date> review;
    if (next_review) review = Date::parse(next_review);
    t.set(RateEntry{r, Date::parse(date), Decimal(value), unit, source, tag, note, review});
  };
  // Hourly SMIC, gross (Code du travail L3231-2 s.).
  add(Rate::smic_hourly, "2024-01-01", "11.65", "€/h",
      "Décret n° 2023-1216 du 20 décembre 2023 portant relèvement du salaire minimum de croissance", Tag::law);
  add(Rate::smic_hourly, "2024-11-01", "11.88", "€/h",
      "Décret n° 2024-951 du 23 octobre 2024 portant relèvement du salaire minimum de croissance", Tag::law);
  add(Rate::smic_hourly, "2026-01-01", "12.02", "€/h",
      "Décret n° 2025-1228 du 17 décembre 2025 portant relèvement du salaire minimum de croissance", Tag::law);
  add(Rate::smic_hourly, "2026-06-01", "12.31", "€/h",
      "Arrêté du 22 mai 2026 relatif au relèvement du salaire minimum de croissance (automatic in-year "
      "revaluation, Code du travail L3231-5)",
      Tag::check, "reported (URSSAF, service-public F2300 as cited), not confirmed on the JO text: check",
      "2027-01-01");
  // Aide au poste d'insertion, ACI, socle per FTE and year (Code du travail R5132-38). Each by an
  // "arrêté fixant les montants des aides financières aux structures de l'insertion par
  // l'activité économique…". The socle has tracked about 2,013.5 x the hourly SMIC.
  add(Rate::aide_au_poste_socle, "2022-01-01", "21286", "€/FTE/year",
      "Arrêté of 2022 fixing the aides financières aux SIAE (first step of the 2022 revaluation)", Tag::check,
      "reported; the arrêté is not named by the sources found: check");
  add(Rate::aide_au_poste_socle, "2022-05-01", "21850", "€/FTE/year",
      "Arrêté du 5 juillet 2022 fixant les montants des aides financières aux SIAE (NOR MTRD2206107A)", Tag::law);
  add(Rate::aide_au_poste_socle, "2022-08-01", "22289", "€/FTE/year",
      "Arrêté du 5 décembre 2022 fixant les montants des aides financières aux SIAE", Tag::law);
  add(Rate::aide_au_poste_socle, "2023-01-01", "22692", "€/FTE/year",
      "Arrêté du 28 juillet 2023 fixant les montants des aides financières aux SIAE, art. 1 I-A", Tag::law);
  add(Rate::aide_au_poste_socle, "2023-05-01", "23196", "€/FTE/year",
      "Arrêté du 28 juillet 2023 fixing the aides financières aux SIAE, art. 1 I-B", Tag::law);
  add(Rate::aide_au_poste_socle, "2024-01-01", "23458", "€/FTE/year",
      "Arrêté du 30 avril 2024 fixant les montants des aides financières aux SIAE, art. 1", Tag::law);
  add(Rate::aide_au_poste_socle, "2024-11-01", "23921", "€/FTE/year",
      "Arrêté du 4 décembre 2024 fixant les montants des aides financières aux SIAE", Tag::law,
      "no later ACI revaluation found; the socle has tracked ~2,013.5 x the hourly SMIC, so one after the "
      "2026 SMIC is likely",
      "2026-01-01");
  add(Rate::aide_au_poste_modulation_max, "2022-05-01", "0.10", "share of socle",
      "Code du travail R5132-38 and the arrêtés fixing the aides aux SIAE: modulated part up to 10 % of the socle",
      Tag::law, "national average about 5 % (DGEFP)");
  add(Rate::aci_fte_paid_hours, "2022-05-01", "1820", "h/year",
      "Aide au poste d'insertion: one full-time post = 1,820 paid hours a year (35 h x 52), DGEFP instruction",
      Tag::published);
  // General reduction of employer contributions, single degressive formula from 2026.
  add(Rate::reduction_tmin, "2026-01-01", "0.02", "coefficient",
      "CSS art. D241-7 as amended by décret n° 2025-887 du 4 septembre 2025 (réduction générale dégressive unique)",
      Tag::law);
  add(Rate::reduction_tdelta_fnal_010, "2026-01-01", "0.3781", "coefficient",
      "CSS art. D241-7 as amended by décret n° 2025-1446 du 31 décembre 2025 (FNAL 0.10 %)", Tag::law,
      "décret n° 2025-887 had set 0.3773; 2025-1446 moved it to 0.3781 (AT/MP share 0.49 %, old-age 2.11 %)");
  add(Rate::reduction_tdelta_fnal_050, "2026-01-01", "0.3821", "coefficient",
      "CSS art. D241-7 as amended by décret n° 2025-1446 du 31 décembre 2025 (FNAL 0.50 %)", Tag::law,
      "décret n° 2025-887 had set 0.3813; 2025-1446 moved it to 0.3821");
  add(Rate::reduction_smic_multiple, "2026-01-01", "3", "x annual SMIC",
      "CSS art. L241-13 and D241-7: the reduction applies to pay below 3 SMIC from 2026", Tag::law);
  // Commercial cap of an ACI.
  add(Rate::sales_cap_share, "2022-05-01", "0.30", "share of charges",
      "Code du travail art. D5132-34: sales cover less than 30 % of the activity's charges", Tag::law);
  add(Rate::sales_cap_derogation_max, "2022-05-01", "0.50", "share of charges",
      "Code du travail art. D5132-34: the préfet may raise the cap up to 50 %", Tag::law);
  // Département co-funding of posts held by RSA recipients (a share of the aid, not extra).
  add(Rate::rsa_single_person, "2024-04-01", "635.71", "€/month",
      "Décret n° 2024-396 du 29 avril 2024 portant revalorisation du montant forfaitaire du RSA", Tag::law);
  add(Rate::rsa_single_person, "2025-04-01", "646.52", "€/month",
      "Décret n° 2025-293 du 29 mars 2025 portant revalorisation du montant forfaitaire du RSA", Tag::law,
      "the 1 April 2026 revaluation (reported 652.33 €) is not confirmed: override with RateTable::set", "2026-04-01");
  add(Rate::departement_rsa_share, "2014-07-01", "0.88", "share of RSA per FTE-month",
      "Code du travail L5132-3-1 and décret n° 2014-728 du 27 juin 2014 (participation des départements à l'aide "
      "au poste d'insertion): 88 % of the single-person RSA, under the CAOM",
      Tag::check, "88 % reported (Banque des Territoires on the décret); the codified article is not confirmed");
  // VAT (CGI; moved to the CIBS from 2026-09-01 by ordonnance n° 2025-1247, same rates).
  add(Rate::vat_standard, "2014-01-01", "0.20", "share",
      "CGI art. 278: standard VAT rate (also green-space works, art. 279-0 bis 2 bis)", Tag::law);
  add(Rate::vat_intermediate, "2014-01-01", "0.10", "share",
      "CGI art. 279-0 bis (works on housing over two years old) and 279 i (services à la personne; small "
      "gardening excluded since décret n° 2013-510)",
      Tag::law);
  add(Rate::vat_reduced, "2014-01-01", "0.055", "share",
      "CGI art. 278-0 bis A-1° (food) and 278-0 bis A (energy renovation of housing)", Tag::law);
  // Franchise of commercial taxes of non-profit associations (CGI 206-1 bis, 261-7-1° b), indexed yearly.
  add(Rate::association_franchise_threshold, "2024-01-01", "78596", "€/year",
      "CGI art. 206-1 bis and 261-7-1° b: accessory commercial receipts of non-profit associations, 2024", Tag::check,
      "reported (BOFiP update as cited); check");
  add(Rate::association_franchise_threshold, "2025-01-01", "80011", "€/year",
      "CGI art. 206-1 bis and 261-7-1° b: accessory commercial receipts of non-profit associations, 2025", Tag::check,
      "one secondary source; the 2026 figure is not found: check", "2026-01-01");
  // Paid leave: 2.5 days (jours ouvrables) per month of work (Code du travail L3141-3); since loi
  // n° 2024-364 du 22 avril 2024 (art. 37, in force 2024-04-24), a month of non-occupational sick
  // leave accrues 2 days (L3141-5-1); before it, none.
  add(Rate::paid_leave_days_per_month, "2016-08-10", "2.5", "days/month",
      "Code du travail L3141-3 (as worded by loi n° 2016-1088 du 8 août 2016): 2.5 jours ouvrables per month of work",
      Tag::law);
  add(Rate::sick_leave_days_per_month, "2016-08-10", "0", "days/month",
      "Code du travail L3141-5 (before loi n° 2024-364): non-occupational sick leave accrued no paid leave", Tag::law);
  add(Rate::sick_leave_days_per_month, "2024-04-24", "2", "days/month",
      "Code du travail L3141-5-1, created by loi n° 2024-364 du 22 avril 2024, art. 37: 2 jours ouvrables per month "
      "of non-occupational sick leave (within 24 days a year)",
      Tag::law);
  // Statutory auditor of subsidised associations.
  add(Rate::statutory_audit_grants_threshold, "2007-03-28", "153000", "€/year",
      "Code de commerce L612-4 (associations receiving public grants in cash above a threshold appoint a statutory "
      "auditor) and D612-5 (« fixé à 153 000 euros »)",
      Tag::law);
  // Collective agreement of ACIs (CCN des ateliers et chantiers d'insertion du 31 mars 2011, IDCC
  // 3016, extended by arrêté du 31 octobre 2012, JO 2012-11-08): monthly minimum pay of a class =
  // its minimum coefficient x the value of the point, for a full-time post (35 h a week), paid
  // over 12 months (titre V, art. 2.1-2.2). Rates::ccn_* and rates/collective_agreement.hpp.
  add(Rate::ccn_point_value, "2025-01-01", "7.00", "€/point/month",
      "Accord du 12 décembre 2024 relatif aux salaires (CCN ACI, IDCC 3016), extended by arrêté published in the JO "
      "of 2025-01-07: point at 7.00 € from 2025-01-01",
      Tag::check,
      "reported by ASH (« Quels minimas salariaux de branche pour les chantiers d'insertion ») and "
      "consistent with its minima (265 x 7 = 1,855 €); the text itself is not confirmed");
  add(Rate::ccn_point_value, "2025-07-01", "7.05", "€/point/month",
      "Accord du 12 décembre 2024 relatif aux salaires (CCN ACI, IDCC 3016), extended (JO 2025-01-07): point at "
      "7.05 € from 2025-07-01",
      Tag::check, "reported by ASH with the minima 1,868.25 / 2,220.75 / 3,560.25 €; no 2026 agreement found",
      "2026-01-01");
  // Minimum coefficients of the classes (emploi repère x level A/B/C): the CCN's 2011 grid (titre
  // V, art. 2.2: e.g. Encadrant B 310) raised by 5 points for every job by a later avenant
  // (reported by ASH), and by 10 more for the level-A assistant and accountant jobs (255 -> 265)
  // by the accord du 31 mai 2022 (extended by arrêté du 24 août 2022, JO 2022-08-31; SyNESI).
  // Derived, hence `check`; three of them are confirmed by the 2025 minima ASH reports
  // (assistant_technique_a 265, encadrant_b 315, directeur_c 505).
  const std::pair<const char*, const char*> classes[] = {{"assistant_technique_a", "265"},
                                                         {"assistant_technique_b", "270"},
                                                         {"assistant_technique_c", "285"},
                                                         {"assistant_administratif_a", "265"},
                                                         {"assistant_administratif_b", "280"},
                                                         {"assistant_administratif_c", "305"},
                                                         {"comptable_a", "265"},
                                                         {"comptable_b", "280"},
                                                         {"comptable_c", "305"},
                                                         {"accompagnateur_a", "285"},
                                                         {"accompagnateur_b", "315"},
                                                         {"accompagnateur_c", "345"},
                                                         {"encadrant_a", "285"},
                                                         {"encadrant_b", "315"},
                                                         {"encadrant_c", "345"},
                                                         {"coordinateur_a", "345"},
                                                         {"coordinateur_b", "375"},
                                                         {"coordinateur_c", "405"},
                                                         {"directeur_a", "405"},
                                                         {"directeur_b", "455"},
                                                         {"directeur_c", "505"}};
  for (const auto& [cls, coefficient] : classes) {
    RateEntry e{Rate::ccn_coefficient,
                Date{2022, 6, 1},
                Decimal(coefficient),
                "points",
                "CCN des ateliers et chantiers d'insertion du 31 mars 2011 (IDCC 3016), titre V art. 2.2, as raised by "
                "its avenants (+5 points; +10 for level-A assistant and accountant jobs by the accord du 31 mai 2022)",
                Tag::check,
                "derived from the 2011 grid and the reported avenants; the consolidated grid is not confirmed",
                {},
                cls};
    t.set(std::move(e));
  }
  return t;
}

}  // namespace aci::rates
