// Implementation of rates/rate_table.hpp, and the French figures with their sources.
#pragma once

#include <algorithm>
#include <array>
#include <utility>

#include "aci_cost/error.hpp"
#include "aci_cost/rates/rate_table.hpp"

namespace aci::rates {

namespace detail {
inline constexpr std::array<std::pair<Rate, std::string_view>, 13> rate_names{{
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
  const bool seen = std::any_of(used_.begin(), used_.end(), [&](const RateEntry& u) {
    return u.rate == e.rate && u.effective == e.effective;
  });
  if (!seen) used_.push_back(e);
  return e.value;
}

// Every figure below carries its source and effective date. Tags follow DOMAIN.md:
// law = legal text, published = official publication, estimate = assumption.
ACI_COST_INLINE RateTable RateTable::france() {
  RateTable t;
  const auto add = [&t](Rate r, const char* date, const char* value, const char* unit,
                        const char* source, Tag tag, const char* note = "") {
    t.set(RateEntry{r, Date::parse(date), Decimal(value), unit, source, tag, note});
  };
  // Hourly SMIC, gross.
  add(Rate::smic_hourly, "2024-01-01", "11.65", "€/h",
      "Décret n° 2023-1216 du 20 décembre 2023 portant relèvement du salaire minimum de croissance",
      Tag::law);
  add(Rate::smic_hourly, "2024-11-01", "11.88", "€/h",
      "Décret n° 2024-951 du 23 octobre 2024 portant relèvement du salaire minimum de croissance",
      Tag::law);
  add(Rate::smic_hourly, "2026-01-01", "12.02", "€/h",
      "SMIC revaluation of 1 January 2026 (décret of December 2025), as given in DOMAIN.md",
      Tag::law);
  // Aide au poste d'insertion, ACI, socle per FTE and year.
  add(Rate::aide_au_poste_socle, "2022-05-01", "21850", "€/FTE/year",
      "Arrêté fixing the ACI aide au poste socle, in force May 2022 (DOMAIN.md)", Tag::law);
  add(Rate::aide_au_poste_socle, "2023-01-01", "22692", "€/FTE/year",
      "Arrêté fixing the ACI aide au poste socle, in force January 2023 (DOMAIN.md)", Tag::law);
  add(Rate::aide_au_poste_socle, "2023-05-01", "23196", "€/FTE/year",
      "Arrêté fixing the ACI aide au poste socle, in force May 2023 (DOMAIN.md)", Tag::law);
  add(Rate::aide_au_poste_socle, "2024-11-01", "23921", "€/FTE/year",
      "Arrêté fixing the ACI aide au poste socle, in force November 2024 (DOMAIN.md)", Tag::law);
  add(Rate::aide_au_poste_modulation_max, "2022-05-01", "0.10", "share of socle",
      "Modulated part of the aide au poste: 0 to 10 % of the socle (DOMAIN.md; national average "
      "about 5 %)",
      Tag::published);
  add(Rate::aci_fte_paid_hours, "2022-05-01", "1820", "h/year",
      "IAE funding rules: one ACI FTE = 1,820 paid hours a year (35 h x 52), DOMAIN.md",
      Tag::published);
  // General reduction of employer contributions, single degressive formula from 2026.
  add(Rate::reduction_tmin, "2026-01-01", "0.02", "coefficient",
      "CSS art. D241-7 as amended by décret n° 2025-887 (réduction générale dégressive unique)",
      Tag::law);
  add(Rate::reduction_tdelta_fnal_010, "2026-01-01", "0.3773", "coefficient",
      "CSS art. D241-7 as amended by décret n° 2025-887 (FNAL 0.10 %)", Tag::law,
      "décret n° 2025-1446 of 2025-12-31 reportedly adjusts it to 0.3781: check before relying on "
      "it, and override with RateTable::set");
  add(Rate::reduction_tdelta_fnal_050, "2026-01-01", "0.3813", "coefficient",
      "CSS art. D241-7 as amended by décret n° 2025-887 (FNAL 0.50 %)", Tag::law,
      "décret n° 2025-1446 of 2025-12-31 reportedly adjusts it to 0.3821: check before relying on "
      "it, and override with RateTable::set");
  add(Rate::reduction_smic_multiple, "2026-01-01", "3", "x annual SMIC",
      "CSS art. L241-13 and D241-7: the reduction applies to pay below 3 SMIC from 2026", Tag::law);
  // Commercial cap of an ACI.
  add(Rate::sales_cap_share, "2022-05-01", "0.30", "share of charges",
      "Code du travail art. D5132-34: sales cover less than 30 % of the activity's charges",
      Tag::law);
  add(Rate::sales_cap_derogation_max, "2022-05-01", "0.50", "share of charges",
      "Code du travail art. D5132-34: the préfet may raise the cap up to 50 %", Tag::law);
  // Département co-funding for RSA recipients.
  add(Rate::rsa_single_person, "2024-04-01", "635.71", "€/month",
      "RSA montant forfaitaire, single person, revaluation of 1 April 2024", Tag::published,
      "not given in DOMAIN.md: check before relying on it");
  add(Rate::rsa_single_person, "2025-04-01", "646.52", "€/month",
      "RSA montant forfaitaire, single person, revaluation of 1 April 2025", Tag::published,
      "not given in DOMAIN.md: check before relying on it");
  add(Rate::departement_rsa_share, "2022-05-01", "0.88", "share of RSA per FTE-month",
      "Département co-funding of ACI posts held by RSA recipients: 88 % of the single-person RSA "
      "per FTE-month (DOMAIN.md)",
      Tag::law);
  add(Rate::vat_standard, "2014-01-01", "0.20", "share",
      "Code général des impôts art. 278: standard VAT rate 20 %", Tag::law);
  return t;
}

}  // namespace aci::rates
