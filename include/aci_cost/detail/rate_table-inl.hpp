// Implementation of rates/rate_table.hpp, and the French figures with their sources.
#pragma once

#include <algorithm>
#include <array>
#include <utility>

#include "aci_cost/error.hpp"
#include "aci_cost/rates/rate_table.hpp"

namespace aci::rates {

namespace detail {
inline constexpr std::array<std::pair<Rate, std::string_view>, 16> rate_names{{
    {Rate::smic_hourly, "smic_hourly"},
    {Rate::aide_au_poste_socle, "aide_au_poste_socle"},
    {Rate::aide_au_poste_modulation_max, "aide_au_poste_modulation_max"},
    {Rate::aci_fte_paid_hours, "aci_fte_paid_hours"},
    {Rate::reduction_tmin, "reduction_tmin"},
    {Rate::reduction_tdelta_fnal_010, "reduction_tdelta_fnal_010"},
    {Rate::reduction_tdelta_fnal_050, "reduction_tdelta_fnal_050"},
    {Rate::reduction_smic_multiple, "reduction_smic_multiple"},
    {Rate::sales_cap_share, "sales_cap_share"},
    {Rate::sales_cap_derogation_max, "sales_cap_derogation_max"},
    {Rate::rsa_single_person, "rsa_single_person"},
    {Rate::departement_rsa_share, "departement_rsa_share"},
    {Rate::vat_standard, "vat_standard"},
    {Rate::vat_intermediate, "vat_intermediate"},
    {Rate::vat_reduced, "vat_reduced"},
    {Rate::association_franchise_threshold, "association_franchise_threshold"},
}};
}  // namespace detail

ACI_COST_INLINE std::string_view rate_name(Rate r) {
  for (const auto& [id, name] : detail::rate_names)
    if (id == r) return name;
  return "unknown";
}

ACI_COST_INLINE Rate rate_from_name(std::string_view name, std::string_view field) {
  for (const auto& [id, n] : detail::rate_names)
    if (n == name) return id;
  throw InvalidInput(std::string(field), "\"" + std::string(name) + "\"", "unknown rate name");
}

ACI_COST_INLINE void RateTable::set(RateEntry e) {
  auto it = std::find_if(entries_.begin(), entries_.end(), [&](const RateEntry& x) {
    return x.rate == e.rate && x.effective == e.effective;
  });
  if (it != entries_.end()) {
    *it = std::move(e);
  } else {
    entries_.push_back(std::move(e));
  }
  std::stable_sort(entries_.begin(), entries_.end(), [](const RateEntry& a, const RateEntry& b) {
    return a.rate != b.rate ? a.rate < b.rate : a.effective < b.effective;
  });
}

ACI_COST_INLINE const RateEntry& RateTable::in_force(Rate r, const Date& date) const {
  const RateEntry* best = nullptr;
  const RateEntry* earliest = nullptr;
  for (const auto& e : entries_) {
    if (e.rate != r) continue;
    if (!earliest) earliest = &e;
    if (e.effective <= date) best = &e;
  }
  if (!best) {
    throw NoRateInForce("rates." + std::string(rate_name(r)), date.to_string(),
                        earliest ? "no figure in force at this date (earliest from " +
                                       earliest->effective.to_string() + ")"
                                 : "no figure in the rate table");
  }
  return *best;
}

ACI_COST_INLINE const Decimal& RateLookup::value(Rate r) {
  const RateEntry& e = table_->in_force(r, date_);
  const bool seen = std::any_of(used_.begin(), used_.end(), [&](const RateEntry* u) { return u == &e; });
  if (!seen) used_.push_back(&e);
  return e.value;
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
      Tag::check, "reported (URSSAF, service-public F2300 as cited), not confirmed on the JO text: check", "2027-01-01");
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
      "the 1 April 2026 revaluation (reported 652.33 €) is not confirmed: override with RateTable::set",
      "2026-04-01");
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
  return t;
}

}  // namespace aci::rates
