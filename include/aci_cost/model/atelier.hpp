// aci::model::Atelier: one workshop of an ACI on one production support, with its staff,
// overheads, equipment, subsidies and market references.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/model/time_equation.hpp"
#include "aci_cost/people/staff.hpp"

namespace aci::model {

/// The production supports every ACI may use; others are declared in Aci::custom_supports.
inline constexpr std::string_view known_supports[] = {
    "green_spaces", "market_gardening", "building", "laundry", "recycling_reuse"};

/// An hourly rate for a piece of equipment (mower, van, trailer…), €/h.
struct EquipmentRate {
  std::string name;  ///< the name jobs use
  Money hourly_rate; ///< €/h of use
  Decimal annual_hours{0};  ///< h of use planned in the year (the atelier's equipment charges) [est]
  friend bool operator==(const EquipmentRate&, const EquipmentRate&) = default;
};

/// What funds the atelier besides sales. The aide au poste is one amount with two financers:
/// for posts held by RSA recipients the département pays its share *in place of* the State
/// (art. L5132-3-1, CAOM); the total is unchanged. Grants are extra income, one per financer.
struct Subsidies {
  bool aide_au_poste = true;          ///< the aide au poste per integration FTE is received
  Decimal aid_modulation_share{"0.05"};  ///< modulated part, share of the socle (0–0.10) [est: national average]
  Decimal rsa_fte{0};                 ///< filled FTEs held by RSA recipients: the département's share of the aid
  Money departement_grants_annual;    ///< €/year: département grants beyond the aid (supervision, accompaniment)
  Money region_annual;                ///< €/year: région
  Money fse_plus_annual;              ///< €/year: European Social Fund (FSE+)
  Money opco_annual;                  ///< €/year: OPCO (training)
  Money other_grants_annual;          ///< €/year: FDI, foundations, local authorities…
  friend bool operator==(const Subsidies&, const Subsidies&) = default;
};

/// One workshop (atelier/chantier) on one production support.
struct Atelier {
  std::string name;                        ///< e.g. "Espaces verts"
  std::string support = "green_spaces";    ///< production support id
  std::vector<people::StaffGroup> staff;   ///< integration crew, ETPS, ASP share, support share
  Money annual_overheads;                  ///< €/year: rent, insurance, energy, admin
  Money annual_other_charges;              ///< €/year: other charges of the activity (for the sales cap)
  std::vector<EquipmentRate> equipment;    ///< €/h rates of equipment
  std::vector<TimeEquation> time_equations;  ///< standard times of its kinds of work (jobs' `work`)
  Money vehicle_cost_per_km;               ///< €/km, vehicles to and from sites
  Decimal annual_vehicle_km{0};            ///< km driven in the year (the atelier's vehicle charges) [est]
  /// Share of the integration posts actually filled over the year, (0, 1] (often 0.85–0.95 [est]):
  /// integration headcounts are posts; costs, hours and the aid follow the filled share.
  Decimal occupancy{1};
  Subsidies subsidies;                     ///< aid, co-funding, grants
  Money annual_sales;                      ///< €/year excl. VAT already sold or booked this year
  Decimal sales_cap_share{"0.30"};         ///< D5132-34 cap, 0.30, up to 0.50 by derogation
  /// [est] relative productivity of integration staff, (0, 1]: standard hours per hour actually
  /// worked on production (on site or travelling), not per paid hour — the published per-FTE
  /// gaps already include non-productive time; do not apply both.
  Decimal default_productivity{"0.60"};
  Money market_hourly_price = Money::from_cents(4000);         ///< [pub, undated] market price, €/h excl. VAT (38–45)
  Money market_floor_hourly_price = Money::from_cents(3800);   ///< [pub, undated] low end of market prices, €/h excl. VAT
  Money ordinary_hourly_cost = Money::from_cents(3200);       ///< [est] an ordinary firm's full cost per standard hour, €/h
  Decimal ordinary_supervision_ratio{"0.10"};  ///< [est] an ordinary firm's supervisor hours per standard hour

  friend bool operator==(const Atelier&, const Atelier&) = default;
};

}  // namespace aci::model
