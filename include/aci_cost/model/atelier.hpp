// aci::model::Atelier: one workshop of an ACI on one production support, with its staff,
// overheads, equipment, subsidies and market references.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/model/pricing.hpp"
#include "aci_cost/model/time_equation.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/schema/field.hpp"
#include "aci_cost/schema/unique_names.hpp"
#include "aci_cost/schema/validate.hpp"

namespace aci::model {

/// The production supports every ACI may use; others are declared in Aci::custom_supports.
inline constexpr std::string_view known_supports[] = {"green_spaces", "market_gardening", "building", "laundry",
                                                      "recycling_reuse"};

/// An hourly rate for a piece of equipment (mower, van, trailer…), €/h.
struct EquipmentRate {
  std::string name;         ///< the name jobs use
  Money hourly_rate;        ///< €/h of use
  Decimal annual_hours{0};  ///< h of use planned in the year (the atelier's equipment charges) [est]
  static constexpr std::string_view schema_name = "EquipmentRate";
  /// The field table (schema/field.hpp).
  static constexpr auto schema() {
    using S = EquipmentRate;
    using schema::field;
    return std::tuple{field("name", &S::name, "the name jobs use").needed().not_empty(),
                      field("hourly_rate", &S::hourly_rate, "€ per hour of use").units("€/h").at_least("0").needed(),
                      field("annual_hours", &S::annual_hours, "h of use in the year [est] (at most a leap year's)")
                          .units("h/year")
                          .in("0", "8784", "[]")};
  }
  friend bool operator==(const EquipmentRate&, const EquipmentRate&) = default;
};

/// What funds the atelier besides sales. The aide au poste is one amount with two financers:
/// for posts held by RSA recipients the département pays its share *in place of* the State
/// (art. L5132-3-1, CAOM); the total is unchanged. Grants are extra income, one per financer.
struct Subsidies {
  bool aide_au_poste = true;             ///< the aide au poste per integration FTE is received
  Decimal aid_modulation_share{"0.05"};  ///< modulated part, share of the socle (0–0.10) [est: national average]
  Decimal rsa_fte{0};                    ///< filled FTEs held by RSA recipients: the département's share of the aid
  Money departement_grants_annual;       ///< €/year: département grants beyond the aid (supervision, accompaniment)
  Money region_annual;                   ///< €/year: région
  Money fse_plus_annual;                 ///< €/year: European Social Fund (FSE+)
  Money opco_annual;                     ///< €/year: OPCO (training)
  Money other_grants_annual;             ///< €/year: FDI, foundations, local authorities…
  static constexpr std::string_view schema_name = "Subsidies";
  /// The field table (schema/field.hpp).
  static constexpr auto schema() {
    using S = Subsidies;
    using schema::field;
    return std::tuple{
        field("aide_au_poste", &S::aide_au_poste, "the State aid per integration FTE is received"),
        field("aid_modulation_share", &S::aid_modulation_share, "modulated part, share of the socle (R5132-38: 0-10 %)")
            .units("share")
            .in("0", "0.10", "[]"),
        field("rsa_fte", &S::rsa_fte, "filled FTEs held by RSA recipients: the département's share of the aid")
            .units("FTE")
            .at_least("0"),
        field("departement_grants_annual", &S::departement_grants_annual, "département grants beyond the aid")
            .units("€/year")
            .at_least("0"),
        field("region_annual", &S::region_annual, "région").units("€/year").at_least("0"),
        field("fse_plus_annual", &S::fse_plus_annual, "European Social Fund (FSE+)").units("€/year").at_least("0"),
        field("opco_annual", &S::opco_annual, "OPCO (training)").units("€/year").at_least("0"),
        field("other_grants_annual", &S::other_grants_annual, "FDI, foundations, local authorities…")
            .units("€/year")
            .at_least("0")};
  }
  friend bool operator==(const Subsidies&, const Subsidies&) = default;
};

/// One workshop (atelier/chantier) on one production support.
struct Atelier {
  std::string name;                          ///< e.g. "Espaces verts"
  std::string support = "green_spaces";      ///< production support id
  std::vector<people::StaffGroup> staff;     ///< integration crew, ETPS, ASP share, support share
  Money annual_overheads;                    ///< €/year: rent, insurance, energy, admin
  Money annual_other_charges;                ///< €/year: other charges of the activity (for the sales cap)
  std::vector<EquipmentRate> equipment;      ///< €/h rates of equipment
  std::vector<TimeEquation> time_equations;  ///< standard times of its kinds of work (jobs' `work`)
  Money vehicle_cost_per_km;                 ///< €/km, vehicles to and from sites
  Decimal annual_vehicle_km{0};              ///< km driven in the year (the atelier's vehicle charges) [est]
  /// Share of the integration posts actually filled over the year, (0, 1] (often 0.85–0.95 [est]):
  /// integration headcounts are posts; costs, hours and the aid follow the filled share.
  Decimal occupancy{1};
  Subsidies subsidies;              ///< aid, co-funding, grants
  Money annual_sales;               ///< €/year excl. VAT already sold or booked this year
  Decimal sales_cap_share{"0.30"};  ///< D5132-34 cap, 0.30, up to 0.50 by derogation
  /// [est] relative productivity of integration staff, (0, 1]: standard hours per hour actually
  /// worked on production (on site or travelling), not per paid hour — the published per-FTE
  /// gaps already include non-productive time; do not apply both.
  Decimal default_productivity{"0.60"};
  Money market_hourly_price = Money::from_cents(4000);  ///< [pub, undated] market price, €/h excl. VAT (38–45)
  Money market_floor_hourly_price =
      Money::from_cents(3800);                           ///< [pub, undated] low end of market prices, €/h excl. VAT
  Money ordinary_hourly_cost = Money::from_cents(3200);  ///< [est] an ordinary firm's full cost per standard hour, €/h
  Decimal ordinary_supervision_ratio{"0.10"};  ///< [est] an ordinary firm's supervisor hours per standard hour
  /// How this atelier's jobs are priced (a job may override it); none: the scenario's options.
  std::optional<PricingOptions> pricing;

  static constexpr std::string_view schema_name = "Atelier";
  /// The field table (schema/field.hpp). [assumption] at most 10^7 vehicle km a year.
  static constexpr auto schema() {
    using S = Atelier;
    using schema::field;
    return std::tuple{
        field("name", &S::name, "name").needed().not_empty(),
        field("support", &S::support, "production support id"),
        field("staff", &S::staff, "list of StaffGroup"),
        field("annual_overheads", &S::annual_overheads, "rent, insurance, energy, admin").units("€/year").at_least("0"),
        field("annual_other_charges", &S::annual_other_charges, "other charges of the activity (sales-cap base)")
            .units("€/year")
            .at_least("0"),
        field("equipment", &S::equipment, "list of EquipmentRate"),
        field("time_equations", &S::time_equations, "list of TimeEquation (jobs' work)").quiet_when_empty(),
        field("vehicle_cost_per_km", &S::vehicle_cost_per_km, "vehicles to and from sites").units("€/km").at_least("0"),
        field("annual_vehicle_km", &S::annual_vehicle_km, "km driven in the year [est]")
            .units("km/year")
            .in("0", "10000000", "[]"),
        field("occupancy", &S::occupancy, "share of integration posts filled over the year [est]")
            .units("share")
            .in("0", "1", "(]"),
        field("subsidies", &S::subsidies, "Subsidies: aid, co-funding, grants"),
        field("annual_sales", &S::annual_sales, "sold or booked this year, excl. VAT").units("€/year").at_least("0"),
        field("sales_cap_share", &S::sales_cap_share, "D5132-34 cap: 0.30, up to 0.50 by derogation")
            .units("share")
            .in("0", "0.50", "(]"),
        field("default_productivity", &S::default_productivity, "relative productivity per production hour [est]")
            .units("share")
            .in("0.01", "1", "[]"),
        field("market_hourly_price", &S::market_hourly_price, "market price, excl. VAT [pub]")
            .units("€/h")
            .at_least("0"),
        field("market_floor_hourly_price", &S::market_floor_hourly_price, "low end of market prices, excl. VAT [pub]")
            .units("€/h")
            .at_least("0"),
        field("ordinary_hourly_cost", &S::ordinary_hourly_cost, "an ordinary firm's cost per standard hour [est]")
            .units("€/h")
            .at_least("0"),
        field("ordinary_supervision_ratio", &S::ordinary_supervision_ratio,
              "an ordinary firm's supervisor hours per standard hour [est]")
            .units("h/h")
            .in("0", "1", "[]"),
        field("pricing", &S::pricing, "PricingOptions of this atelier's jobs, None = the scenario's")};
  }
  /// The rules joining fields (schema::validate calls it after the fields' domains).
  template <class Path>
  void check_rules(const Path& path) const {
    const auto p = [&] { return ::aci::detail::path_text(path); };
    bool has_integration = false;
    for (const auto& g : staff)
      has_integration = has_integration || (g.role == people::Role::integration && g.headcount > 0);
    ACI_COST_REQUIRE(has_integration, p() + ".staff", staff.size(), "needs an integration group with headcount > 0");
    if (subsidies.rsa_fte > 0) {
      ACI_COST_REQUIRE(subsidies.aide_au_poste, p() + ".subsidies.rsa_fte", to_string(subsidies.rsa_fte),
                       "the département's RSA co-funding is a share of the aide au poste, which this atelier does not "
                       "receive");
    }
    ACI_COST_REQUIRE(market_floor_hourly_price <= market_hourly_price, p() + ".market_floor_hourly_price",
                     market_floor_hourly_price.to_string(), "must not exceed market_hourly_price");
    // [assumption] Amounts of a year at most 10^10 €, rates at most 10^5 €/h and 10^4 €/km:
    // within them every figure of a quote and of the year stays in Money's exact range (an
    // overhead at the money limit or a cost per km of 10^16 € overflowed later, naming no
    // field; issue 34 item 6). The quote sweep's domains agree (quote/inputs.hpp).
    const Money per_year = Money::from_cents(1'000'000'000'000), per_hour = Money::from_cents(10'000'000),
                per_km = Money::from_cents(1'000'000);
    const auto at_most = [&](const Money& v, const char* key, const Money& limit, const char* what) {
      ACI_COST_REQUIRE(v <= limit, p() + "." + key, v.to_string(), std::string("must be <= ") + what + " [assumption]");
    };
    at_most(annual_overheads, "annual_overheads", per_year, "10^10 €/year");
    at_most(annual_other_charges, "annual_other_charges", per_year, "10^10 €/year");
    at_most(annual_sales, "annual_sales", per_year, "10^10 €/year");
    at_most(subsidies.other_grants_annual, "subsidies.other_grants_annual", per_year, "10^10 €/year");
    at_most(vehicle_cost_per_km, "vehicle_cost_per_km", per_km, "10^4 €/km");
    at_most(market_hourly_price, "market_hourly_price", per_hour, "10^5 €/h");
    at_most(market_floor_hourly_price, "market_floor_hourly_price", per_hour, "10^5 €/h");
    at_most(ordinary_hourly_cost, "ordinary_hourly_cost", per_hour, "10^5 €/h");
    for (std::size_t i = 0; i < equipment.size(); ++i)
      ACI_COST_REQUIRE(equipment[i].hourly_rate <= per_hour, p() + ".equipment[" + std::to_string(i) + "].hourly_rate",
                       equipment[i].hourly_rate.to_string(), "must be <= 10^5 €/h [assumption]");
    // Jobs refer to equipment and time equations by name (a duplicate took the last one's rate);
    // staff groups are named in messages and reports.
    schema::require_unique_names(
        staff, [](const people::StaffGroup& g) -> std::string_view { return g.name; }, [&] { return p() + ".staff"; },
        "staff group");
    schema::require_unique_names(
        equipment, [](const EquipmentRate& e) -> std::string_view { return e.name; },
        [&] { return p() + ".equipment"; }, "equipment");
    schema::require_unique_names(
        time_equations, [](const TimeEquation& e) -> std::string_view { return e.name; },
        [&] { return p() + ".time_equations"; }, "time equation");
  }

  friend bool operator==(const Atelier&, const Atelier&) = default;
};

}  // namespace aci::model
