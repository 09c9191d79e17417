// aci::rates::RateTable: legal and published figures, each dated and sourced, queried
// "in force at date D". Assumptions are not here: they live, labelled, in the models.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/config.hpp"
#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"

namespace aci::rates {

/// The figures the engines look up.
enum class Rate {
  smic_hourly,                  ///< hourly SMIC, gross, €/h
  aide_au_poste_socle,          ///< ACI aide au poste, socle, €/FTE/year
  aide_au_poste_modulation_max, ///< modulated part, maximum share of the socle (0–1)
  aci_fte_paid_hours,           ///< paid hours of one ACI full-time post, h/year
  reduction_tmin,               ///< general reduction of employer contributions: Tmin
  reduction_tdelta_fnal_010,    ///< Tdelta, employers paying FNAL at 0.10 % (< 50 staff)
  reduction_tdelta_fnal_050,    ///< Tdelta, employers paying FNAL at 0.50 % (>= 50 staff)
  reduction_smic_multiple,      ///< the reduction applies to pay below this multiple of SMIC
  sales_cap_share,              ///< D5132-34: sales must cover less than this share of charges
  sales_cap_derogation_max,     ///< D5132-34: the préfet may raise the cap up to this share
  rsa_single_person,            ///< RSA montant forfaitaire, single person, €/month
  departement_rsa_share,        ///< département co-funding: share of the RSA per FTE-month
  vat_standard,                 ///< standard VAT rate (share)
  vat_intermediate,             ///< intermediate VAT rate: housing renovation, services to persons (share)
  vat_reduced,                  ///< reduced VAT rate: food, energy renovation (share)
  association_franchise_threshold,  ///< non-profit association: accessory commercial receipts exempt below this, €/year
};

/// The stable name of a rate ("smic_hourly"), used in JSON and in errors.
ACI_COST_INLINE std::string_view rate_name(Rate r);
/// The rate named `name`; InvalidInput naming `field` if unknown.
ACI_COST_INLINE Rate rate_from_name(std::string_view name, std::string_view field);

/// How much a figure can be relied on (DOMAIN.md tags); `check`: reported or derived, not yet
/// confirmed on the primary text (a quote that uses it says so in its warnings).
enum class Tag { law, published, estimate, check };

/// One dated figure.
struct RateEntry {
  Rate rate{};            ///< which figure
  Date effective;         ///< in force from this date (inclusive) until the next entry
  Decimal value;          ///< the figure, in `unit`
  std::string unit;       ///< "€/h", "€/year", "share", "h/year"…
  std::string source;     ///< the legal text or publication
  Tag tag = Tag::law;     ///< law, published, or estimate
  std::string note;       ///< caveats ("reported, check before relying on it")
  std::optional<Date> next_review;  ///< a revision is expected by this date (yearly revaluations):
                                    ///< used on or after it, the figure is "latest known"

  friend bool operator==(const RateEntry&, const RateEntry&) = default;
};

/// A set of dated series; later entries replace earlier ones from their effective date.
class RateTable {
 public:
  /// An empty table.
  RateTable() = default;
  /// The French figures known to this version (see rate_table-inl.hpp for each source).
  static RateTable france();

  /// Adds `e`, replacing an entry of the same rate and effective date.
  void set(RateEntry e);
  /// The entry of `r` in force at `date`; NoRateInForce naming the rate and date otherwise.
  const RateEntry& in_force(Rate r, const Date& date) const;
  /// Every entry, sorted by rate then date.
  const std::vector<RateEntry>& entries() const noexcept { return entries_; }
  /// The last date the table's figures are known to cover (none: no horizon). A quote dated
  /// after it warns that every figure is carried forward from its latest entry.
  const std::optional<Date>& known_until() const noexcept { return known_until_; }
  /// Sets (or clears) known_until().
  void set_known_until(std::optional<Date> d) { known_until_ = d; }

  friend bool operator==(const RateTable&, const RateTable&) = default;

 private:
  std::vector<RateEntry> entries_;
  std::optional<Date> known_until_;
};

/// A table read at one date that records every entry it hands out (for the quote's audit).
class RateLookup {
 public:
  /// Lookups in `table` at `date`.
  RateLookup(const RateTable& table, const Date& date) : table_(&table), date_(date) {}
  /// The value of `r` in force at the date, recorded as used.
  const Decimal& value(Rate r);
  /// The date of the lookups.
  const Date& date() const noexcept { return date_; }
  /// The entries used so far, in first-use order, each once (copies).
  std::vector<RateEntry> used() const {
    std::vector<RateEntry> out;
    out.reserve(used_.size());
    for (const RateEntry* e : used_) out.push_back(*e);
    return out;
  }

 private:
  const RateTable* table_;
  Date date_;
  std::vector<const RateEntry*> used_;  // entries of *table_, which outlives the lookup
};

}  // namespace aci::rates

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/detail/rate_table-inl.hpp"
#endif
