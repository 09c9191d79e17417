// aci::rates::RateTable: legal and published figures, each dated and sourced, queried
// "in force at date D". Assumptions are not here: they live, labelled, in the models.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "aci_cost/config.hpp"
#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/detail/descriptor.hpp"
#include "aci_cost/schema/enum_names.hpp"
#include "aci_cost/schema/field.hpp"

namespace aci::rates {

// The rate table's descriptor: one row per figure the engines look up — its stable name (JSON,
// errors), unit, domain and whether its entries are keyed (one series per key, e.g. a class of
// the collective agreement). The Rate enum, the names, the domain checks of every entry (the
// French table's and a scenario's overrides alike) and the docs table derive from it.
// Columns: X(id, unit, low, high, ends, keyed, doc); `ends` as in detail/descriptor.hpp.
#define ACI_COST_RATES(X)                                                                                              \
  X(smic_hourly, "€/h", 0, 1000, "()", false, "hourly SMIC, gross")                                                    \
  X(aide_au_poste_socle, "€/FTE/year", 0, 1e6, "()", false, "ACI aide au poste, socle")                                \
  X(aide_au_poste_modulation_max, "share of socle", 0, 1, "[]", false, "modulated part, maximum share of the socle")   \
  X(aci_fte_paid_hours, "h/year", 0, 8784, "(]", false, "paid hours of one ACI full-time post")                        \
  X(reduction_tmin, "coefficient", 0, 1, "[)", false, "general reduction of employer contributions: Tmin")             \
  X(reduction_tdelta_fnal_010, "coefficient", 0, 1, "[)", false, "Tdelta, employers paying FNAL at 0.10 % (< 50)")     \
  X(reduction_tdelta_fnal_050, "coefficient", 0, 1, "[)", false, "Tdelta, employers paying FNAL at 0.50 % (>= 50)")    \
  X(reduction_smic_multiple, "x annual SMIC", 1, 100, "[]", false, "the reduction applies to pay below this multiple") \
  X(sales_cap_share, "share of charges", 0, 1, "(]", false, "D5132-34: sales cover less than this share of charges")   \
  X(sales_cap_derogation_max, "share of charges", 0, 1, "(]", false, "D5132-34: the préfet may raise the cap to it")   \
  X(rsa_single_person, "€/month", 0, 1e5, "()", false, "RSA montant forfaitaire, single person")                       \
  X(departement_rsa_share, "share of RSA", 0, 1, "[]", false,                                                          \
    "département co-funding: share of the RSA per FTE-month")                                                          \
  X(vat_standard, "share", 0, 1, "[)", false, "standard VAT rate")                                                     \
  X(vat_intermediate, "share", 0, 1, "[)", false, "intermediate VAT rate (10 %)")                                      \
  X(vat_reduced, "share", 0, 1, "[)", false, "reduced VAT rate (5.5 %)")                                               \
  X(association_franchise_threshold, "€/year", 0, 1e9, "[]", false,                                                    \
    "non-profit association: accessory commercial receipts exempt below it")                                           \
  X(ccn_point_value, "€/point/month", 0, 1000, "()", false,                                                            \
    "collective agreement of ACIs (IDCC 3016): value of the point, monthly pay = coefficient x point")                 \
  X(ccn_coefficient, "points", 0, 10000, "()", true,                                                                   \
    "collective agreement of ACIs (IDCC 3016): minimum coefficient of a class (key: emploi repère and level)")         \
  X(paid_leave_days_per_month, "days/month", 0, 31, "(]", false,                                                       \
    "paid leave a month of work accrues (jours ouvrables)")                                                            \
  X(sick_leave_days_per_month, "days/month", 0, 31, "[]", false,                                                       \
    "paid leave a month of non-occupational sick leave accrues (jours ouvrables)")                                     \
  X(statutory_audit_grants_threshold, "€/year", 0, 1e9, "(]", false,                                                   \
    "an association receiving public grants above it a year appoints a statutory auditor")

/// The figures the engines look up (rows of ACI_COST_RATES).
enum class Rate : unsigned {
#define ACI_COST_X(id, ...) id,
  ACI_COST_RATES(ACI_COST_X)
#undef ACI_COST_X
};
/// How many figures the table describes.
inline constexpr std::size_t rate_count = 0 ACI_COST_RATES(ACI_COST_DETAIL_COUNT_ROW);

/// The descriptor of a figure: its name, unit, domain (Domain: ends, rule text) and keying.
struct RateSpec : aci::detail::Domain {
  Rate rate;              ///< which figure
  std::string_view name;  ///< stable name ("smic_hourly"): JSON, errors
  std::string_view unit;  ///< unit of its values
  bool keyed;             ///< one series per key (e.g. a class of the collective agreement)
  std::string_view doc;   ///< what it is
};

/// Every figure's descriptor, in Rate order.
inline constexpr std::array<RateSpec, rate_count> rate_specs = {{
#define ACI_COST_X(id, unit, low, high, ends, keyed, doc) \
  {aci::detail::Domain::of(low, high, ends), Rate::id, #id, unit, keyed, doc},
    ACI_COST_RATES(ACI_COST_X)
#undef ACI_COST_X
}};
static_assert(rate_specs.back().rate == Rate::statutory_audit_grants_threshold, "rate_specs follows the Rate enum");

/// The descriptor of `r`.
constexpr const RateSpec& rate_spec(Rate r) { return rate_specs[static_cast<std::size_t>(r)]; }
/// The stable name of a rate ("smic_hourly"), used in JSON and in errors.
constexpr std::string_view rate_name(Rate r) { return rate_spec(r).name; }
/// The rate named `name`; InvalidInput naming `field` if unknown.
ACI_COST_INLINE Rate rate_from_name(std::string_view name, std::string_view field);

/// How much a figure can be relied on (DOMAIN.md tags); `check`: reported or derived, not yet
/// confirmed on the primary text. Unless the table allows them (RateTable::use_unconfirmed), a
/// `check` entry is not used while a confirmed earlier one exists: the quote says which.
enum class Tag { law, published, estimate, check };

}  // namespace aci::rates
ACI_COST_ENUM_NAMES(aci::rates::Tag, check, "law", "published", "estimate", "check");
#define ACI_COST_X(id, ...) #id,
ACI_COST_ENUM_NAMES(aci::rates::Rate, statutory_audit_grants_threshold, ACI_COST_RATES(ACI_COST_X));
#undef ACI_COST_X
namespace aci::rates {

/// One dated figure.
struct RateEntry {
  Rate rate{};                      ///< which figure
  Date effective;                   ///< in force from this date (inclusive) until the next entry
  Decimal value;                    ///< the figure, in `unit`
  std::string unit;                 ///< "€/h", "€/year", "share", "h/year"…
  std::string source;               ///< the legal text or publication
  Tag tag = Tag::estimate;          ///< law, published, estimate or check (a figure of unstated origin: estimate)
  std::string note;                 ///< caveats ("reported, check before relying on it")
  std::optional<Date> next_review;  ///< a revision is expected by this date (yearly revaluations):
                                    ///< used on or after it, the figure is "latest known"
  std::string key = {};             ///< the series of a keyed rate (RateSpec::keyed), e.g. "encadrant_b"; else ""

  static constexpr std::string_view schema_name = "RateEntry";
  /// The field table (schema/field.hpp); the value's domain is the rate's (rate_specs, validate()).
  static constexpr auto schema() {
    using S = RateEntry;
    using schema::field;
    return std::tuple{
        field("rate", &S::rate, "which figure (e.g. 'smic_hourly')").needed(),
        field("key", &S::key, "the series of a keyed rate (e.g. 'encadrant_b' of ccn_coefficient), else ''")
            .quiet_when_empty(),
        field("effective", &S::effective, "in force from this date (inclusive)").needed(),
        field("value", &S::value, "the figure, in `unit`").needed(),
        field("unit", &S::unit, "unit of the value (default: the rate's)"),
        field("source", &S::source, "legal text or publication").needed(),
        field("tag", &S::tag, "'law', 'published', 'estimate' or 'check'"),
        field("note", &S::note, "caveats"),
        field("next_review", &S::next_review, "a revision is expected by this date (None: no yearly revision)")};
  }
  /// The rate's name, with its key for a keyed rate: "ccn_coefficient[encadrant_b]".
  std::string label() const {
    return key.empty() ? std::string(rate_name(rate)) : std::string(rate_name(rate)) + "[" + key + "]";
  }
  /// InvalidInput naming `path` unless the value lies in the rate's domain (rate_specs), a keyed
  /// rate has a key and an unkeyed one none, and the source is given.
  void validate(std::string_view path) const;

  friend bool operator==(const RateEntry&, const RateEntry&) = default;
};

/// The entry a lookup uses, and the unconfirmed entry it passed over (if any).
struct InForce {
  const RateEntry* entry = nullptr;        ///< the figure used
  const RateEntry* unconfirmed = nullptr;  ///< a later `check` entry in force but not used
};

/// A set of dated series; later entries replace earlier ones from their effective date.
class RateTable {
 public:
  /// An empty table.
  RateTable() = default;
  /// The French figures known to this version (see rate_table-inl.hpp for each source).
  static RateTable france();

  /// Adds `e` (validated: InvalidInput naming "rates.<name>"), replacing an entry of the same
  /// rate, key and effective date.
  void set(RateEntry e);
  /// The entry of `r` (series `key`) in force at `date`: the latest one effective on or before
  /// it, except that a `check` entry yields to the latest confirmed one before it unless
  /// use_unconfirmed(); NoRateInForce naming the rate and date when there is none.
  const RateEntry& in_force(Rate r, const Date& date, std::string_view key = {}) const {
    return *resolve(r, date, key).entry;
  }
  /// in_force(), with the unconfirmed entry it passed over.
  InForce resolve(Rate r, const Date& date, std::string_view key = {}) const;
  /// Every entry, sorted by rate, key, then date.
  const std::vector<RateEntry>& entries() const noexcept { return entries_; }
  /// The last date the table's figures are known to cover (none: no horizon). A quote dated
  /// after it warns that every figure is carried forward from its latest entry.
  const std::optional<Date>& known_until() const noexcept { return known_until_; }
  /// Sets (or clears) known_until().
  void set_known_until(std::optional<Date> d) { known_until_ = d; }
  /// True when `check` entries are used as soon as they are in force (false by default: the last
  /// confirmed figure is used and the quote names the unconfirmed one).
  bool use_unconfirmed() const noexcept { return use_unconfirmed_; }
  /// Sets use_unconfirmed().
  void set_use_unconfirmed(bool on) noexcept { use_unconfirmed_ = on; }

  friend bool operator==(const RateTable&, const RateTable&) = default;

 private:
  std::vector<RateEntry> entries_;
  std::optional<Date> known_until_;
  bool use_unconfirmed_ = false;
};

/// A table read at one date that records every entry it hands out (for the quote's audit), and
/// every unconfirmed entry it passed over.
class RateLookup {
 public:
  /// Lookups in `table` at `date`.
  RateLookup(const RateTable& table, const Date& date) : table_(&table), date_(date) {}
  /// The value of `r` (series `key`) in force at the date, recorded as used.
  const Decimal& value(Rate r, std::string_view key = {});
  /// The date of the lookups.
  const Date& date() const noexcept { return date_; }
  /// The entries used so far, in first-use order, each once (copies).
  std::vector<RateEntry> used() const { return copies(used_); }
  /// The `check` entries in force at the date that were passed over for a confirmed one, in
  /// first-use order, each once (copies).
  std::vector<RateEntry> unconfirmed() const { return copies(unconfirmed_); }

 private:
  static std::vector<RateEntry> copies(const std::vector<const RateEntry*>& from) {
    std::vector<RateEntry> out;
    out.reserve(from.size());
    for (const RateEntry* e : from) out.push_back(*e);
    return out;
  }
  const RateTable* table_;
  Date date_;
  std::vector<const RateEntry*> used_;         // entries of *table_, which outlives the lookup
  std::vector<const RateEntry*> unconfirmed_;  // likewise
};

}  // namespace aci::rates

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/rates/rate_table-inl.hpp"
#endif
