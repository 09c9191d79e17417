// aci::model::Job: a prestation for a client — what is priced (the quote engine prices it).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/model/clause_terms.hpp"
#include "aci_cost/model/output.hpp"
#include "aci_cost/model/pricing.hpp"
#include "aci_cost/model/terms.hpp"
#include "aci_cost/model/time_equation.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/schema/enum_names.hpp"
#include "aci_cost/schema/field.hpp"
#include "aci_cost/schema/validate.hpp"

namespace aci::model {

/// A work driver turned into standard hours by a time equation: quantity x hours per unit.
struct Driver {
  std::string name;           ///< e.g. "lawn m2", "hedge m"
  Decimal quantity{0};        ///< units of the driver
  Decimal hours_per_unit{0};  ///< standard hours per unit (an ordinary trained worker), h
  std::string label{};        ///< its French wording on the devis ("Tonte de pelouse"; empty: the devis warns)
  std::string unit{};         ///< its unit as printed ("m²"; empty: read from the name's suffix)
  static constexpr std::string_view schema_name = "Driver";
  /// The field table (schema/field.hpp).
  static constexpr auto schema() {
    using S = Driver;
    using schema::field;
    return std::tuple{
        field("name", &S::name, "e.g. 'lawn_mowing_m2'").needed(),
        field("quantity", &S::quantity, "units of the driver").units("units").at_least("0").needed(),
        field("hours_per_unit", &S::hours_per_unit, "standard hours per unit").units("h/unit").at_least("0").needed(),
        field("label", &S::label, "French wording on the devis ('' = the devis warns)").quiet_when_empty(),
        field("unit", &S::unit, "unit as printed, e.g. 'm²' ('' = from the name's suffix)").quiet_when_empty()};
  }
  friend bool operator==(const Driver&, const Driver&) = default;
};

/// Materials bought for the job, charged at cost.
struct Material {
  std::string name;     ///< e.g. "mulch"
  Money amount;         ///< €, excl. VAT
  std::string label{};  ///< its French wording on the devis (empty: the devis warns)
  static constexpr std::string_view schema_name = "Material";
  /// The field table (schema/field.hpp).
  static constexpr auto schema() {
    using S = Material;
    using schema::field;
    return std::tuple{
        field("name", &S::name, "name").needed(),
        field("amount", &S::amount, "€ excl. VAT").units("€").at_least("0").needed(),
        field("label", &S::label, "French wording on the devis ('' = the devis warns)").quiet_when_empty()};
  }
  friend bool operator==(const Material&, const Material&) = default;
};

/// Hours of a piece of equipment priced in the atelier's equipment rates.
struct EquipmentUse {
  std::string name;  ///< an Atelier::equipment name
  Decimal hours{0};  ///< h
  static constexpr std::string_view schema_name = "EquipmentUse";
  /// The field table (schema/field.hpp). [assumption] at most 10^7 h (max_job_hours).
  static constexpr auto schema() {
    using S = EquipmentUse;
    using schema::field;
    return std::tuple{field("name", &S::name, "an Atelier equipment name").needed(),
                      field("hours", &S::hours, "hours of use").units("h").in("0", "10000000", "[]").needed()};
  }
  friend bool operator==(const EquipmentUse&, const EquipmentUse&) = default;
};

/// Trips between the base and the site.
struct Travel {
  Decimal trips{0};           ///< round trips
  Decimal km_per_trip{0};     ///< km per round trip
  Decimal hours_per_trip{0};  ///< h per round trip (paid time of crew and supervisors)
  static constexpr std::string_view schema_name = "Travel";
  /// The field table (schema/field.hpp). [assumption] at most 100,000 trips of 10,000 km and
  /// 1,000 h (max_trips…): far above any ACI, they keep the travel line within Money's range.
  static constexpr auto schema() {
    using S = Travel;
    using schema::field;
    return std::tuple{
        field("trips", &S::trips, "round trips").units("trips").in("0", "100000", "[]"),
        field("km_per_trip", &S::km_per_trip, "km per round trip").units("km").in("0", "10000", "[]"),
        field("hours_per_trip", &S::hours_per_trip, "h per round trip (paid time of crew and supervisors)")
            .units("h")
            .in("0", "1000", "[]")};
  }
  friend bool operator==(const Travel&, const Travel&) = default;
};

/// The kind of work, for its VAT rate (CGI; rates from the rate table; vat_article() cites each).
enum class VatKind {
  standard,            ///< standard rate (20 %, CGI art. 278); green-space works included
  housing_renovation,  ///< works on housing over two years old (10 %, CGI art. 279-0 bis)
  home_services,       ///< services à la personne of the reduced list (10 %, CGI art. 279 i); small
                       ///< gardening is not in it since décret n° 2013-510 (20 %)
  food,                ///< food products: market-gardening produce (5.5 %, CGI art. 278-0 bis A-1°)
  energy_renovation,   ///< energy renovation of housing (5.5 %, CGI art. 278-0 bis A)
  /// the public household-waste service: separate collection, collection at a déchetterie, sorting
  /// and material recovery (5.5 %, CGI art. 278-0 bis M, since 2021-01-01; BOI-TVA-LIQ-30-20-70)
  household_waste_sorting,
  /// other collection and treatment of household and similar waste (10 %, CGI art. 279 h)
  household_waste_other,
};

}  // namespace aci::model
ACI_COST_ENUM_NAMES(aci::model::VatKind, household_waste_other, "standard", "housing_renovation", "home_services",
                    "food", "energy_renovation", "household_waste_sorting", "household_waste_other");
namespace aci::model {

/// The article of the CGI a kind of work's VAT rate rests on (printed with the rate).
inline std::string_view vat_article(VatKind k) {
  switch (k) {
    case VatKind::standard:
      return "CGI art. 278";
    case VatKind::housing_renovation:
      return "CGI art. 279-0 bis";
    case VatKind::home_services:
      return "CGI art. 279 i";
    case VatKind::food:
      return "CGI art. 278-0 bis A-1°";
    case VatKind::energy_renovation:
      return "CGI art. 278-0 bis A";
    case VatKind::household_waste_sorting:
      return "CGI art. 278-0 bis M";
    case VatKind::household_waste_other:
      return "CGI art. 279 h";
  }
  return "CGI";
}

/// True for the works on housing whose reduced rate needs the client's certification (10 % and
/// 5.5 % renovation): since 2025-02-16 a mention on the devis or invoice (loi n° 2025-127 du 14
/// février 2025 de finances pour 2025, art. 41) instead of a separate form.
inline bool needs_housing_certification(VatKind k) {
  return k == VatKind::housing_renovation || k == VatKind::energy_renovation;
}

/// A job quoted to a client.
struct Job {
  std::string name;                      ///< the job's name (unique in a scenario)
  std::string client;                    ///< the client's name (may be empty)
  std::string atelier = "green_spaces";  ///< atelier name, or its production support
  Date date{2026, 3, 1};                 ///< quote date: the rates in force at it are used
  Decimal standard_hours{0};             ///< work content in standard hours (ordinary worker), h
  std::vector<Driver> drivers;           ///< more work content from drivers x unit times
  std::vector<EquationUse> work;         ///< more work content from the atelier's time equations
  std::optional<Decimal> productivity;   ///< relative productivity [0.01, 1] per production hour; default the atelier's
  Decimal crew_size{1};                  ///< integration employees working on the job
  Decimal supervisors{1};                ///< ETPS on site with the crew
  Travel travel;                         ///< trips to the site
  std::vector<Material> materials;       ///< materials at cost
  std::vector<EquipmentUse> equipment;   ///< equipment hours
  VatKind vat_kind = VatKind::standard;  ///< kind of work: its VAT rate at the date
  std::optional<Decimal> vat_rate;       ///< explicit VAT share, replacing the kind's rate
  bool adds_paid_hours = false;          ///< the job needs hours beyond the atelier's year (extra
                                         ///< contracts, overtime): its labour is marginal
  Output output;                         ///< what it produces, in its unit (default: its standard hours)
  std::optional<PricingOptions> pricing;  ///< how this job is priced; none: its atelier's, else the scenario's
  /// The client certifies, by a mention on the devis or invoice, that the works qualify for the
  /// reduced housing rate (needs_housing_certification; since 2025-02-16).
  bool vat_certification = false;
  std::string title;  ///< the object of the works on the devis, in French (empty: the devis warns)
  Terms terms;        ///< validity, start and duration of the works, payment
  std::optional<ClauseTerms> social_clause;  ///< the clause sociale of the contract it belongs to, if any

  static constexpr std::string_view schema_name = "Job";
  /// The field table (schema/field.hpp): JSON, bindings, stubs, docs and domains derive from it.
  /// [assumption] the bounds of people (10,000), hours (10^7) and productivity (>= 0.01) keep
  /// every figure of a quote within Money's exact range.
  static constexpr auto schema() {
    using S = Job;
    using schema::field;
    return std::tuple{
        field("name", &S::name, "unique name").needed().not_empty(),
        field("client", &S::client, "client"),
        field("atelier", &S::atelier, "atelier name or production support"),
        field("date", &S::date, "quote date (rates in force at it)").needed(),
        field("standard_hours", &S::standard_hours, "work content, standard hours (ordinary worker)")
            .units("h")
            .at_least("0"),
        field("drivers", &S::drivers, "list of Driver: more work content from drivers x unit times"),
        field("work", &S::work, "list of EquationUse: work content from the atelier's time equations")
            .quiet_when_empty(),
        field("productivity", &S::productivity, "relative productivity per production hour, None = atelier default")
            .units("share")
            .in("0.01", "1", "[]"),
        field("crew_size", &S::crew_size, "integration employees on the job")
            .units("persons")
            .in("0", "10000", "(]")
            .needed(),
        field("supervisors", &S::supervisors, "ETPS on site").units("persons").in("0", "10000", "[]"),
        field("travel", &S::travel, "Travel: round trips to the site"),
        field("materials", &S::materials, "list of Material"),
        field("equipment", &S::equipment, "list of EquipmentUse"),
        field("vat_kind", &S::vat_kind, "the kind of work, for its VAT rate (vat_article cites each)"),
        field("vat_rate", &S::vat_rate, "explicit VAT share, None = the kind's rate at the date")
            .units("share")
            .in("0", "1", "[)"),
        field("adds_paid_hours", &S::adds_paid_hours, "the job adds paid hours: its labour is marginal"),
        field("output", &S::output, "Output: what it produces, in its unit").written_if([](const S& j) {
          return !(j.output == Output{});
        }),
        field("pricing", &S::pricing, "PricingOptions of this job, None = its atelier's, else the scenario's"),
        field("vat_certification", &S::vat_certification,
              "the client's certification for the reduced housing rate is on the devis (LF 2025 art. 41)"),
        field("title", &S::title, "the object of the works on the devis, in French ('' = the devis warns)")
            .quiet_when_empty(),
        field("terms", &S::terms, "Terms: devis validity, start and duration of the works, payment")
            .written_if([](const S& j) { return !(j.terms == Terms{}); }),
        field("social_clause", &S::social_clause, "ClauseTerms of the contract's clause sociale, None = no clause")};
  }

  /// Standard hours including drivers, h (the time equations' hours are the atelier's to add:
  /// model::equation_hours).
  Decimal total_standard_hours() const {
    Decimal h = standard_hours;
    for (const auto& d : drivers) h += d.quantity * d.hours_per_unit;
    return h;
  }

  /// InvalidInput with the path "job[<name>].<field>" on any bad field.
  void validate() const {
    // Paths are built only when a check fails (no message for valid input).
    if (name.empty()) throw InvalidInput("job.name", "\"\"", "must not be empty");
    schema::validate(*this, [this] { return "job[" + name + "]"; });
  }
  /// The rules joining fields (schema::validate calls it after the fields' domains).
  template <class Path>
  void check_rules(const Path& path) const {
    const auto p = [&] { return ::aci::detail::path_text(path); };
    ACI_COST_REQUIRE(date.valid(), p() + ".date", date.to_string(), "not a calendar date");
    ACI_COST_REQUIRE(total_standard_hours() > 0 || !work.empty(), p() + ".standard_hours",
                     to_string(total_standard_hours()),
                     "the work content (standard hours + drivers + time equations) must be > 0");
    ACI_COST_REQUIRE(total_standard_hours() <= max_job_hours, p() + ".standard_hours",
                     to_string(total_standard_hours()),
                     "the work content (standard hours + drivers) must be <= 10000000 h");
    // [assumption] A hundredth of a person at least: the job's elapsed time divides by the crew,
    // and 1e-300 overflowed Money later naming no field (issue 34 item 6; the quote sweep's
    // job.crew_size domain agrees).
    ACI_COST_REQUIRE(crew_size >= Decimal("0.01"), p() + ".crew_size", to_string(crew_size),
                     "must be >= 0.01 person [assumption]: the job's elapsed time divides by the crew");
  }

  friend bool operator==(const Job&, const Job&) = default;
};

}  // namespace aci::model
