// aci::model::Atelier: one workshop of an ACI on one production support, with its staff,
// overheads, equipment, subsidies and market references.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/people/staff.hpp"

namespace aci::model {

/// The production supports every ACI may use; others are declared in Aci::custom_supports.
inline constexpr std::string_view known_supports[] = {
    "green_spaces", "market_gardening", "building", "laundry", "recycling_reuse"};

/// An hourly rate for a piece of equipment (mower, van, trailer…), €/h.
struct EquipmentRate {
  std::string name;  ///< the name jobs use
  Money hourly_rate; ///< €/h of use
  friend bool operator==(const EquipmentRate&, const EquipmentRate&) = default;
};

/// What funds the atelier besides sales.
struct Subsidies {
  bool aide_au_poste = true;          ///< the State aid per integration FTE is received
  Decimal aid_modulation_share{"0.05"};  ///< modulated part, share of the socle (0–0.10) [est: national average]
  Decimal rsa_fte{0};                 ///< FTEs held by RSA recipients co-funded by the département
  Money other_grants_annual;          ///< €/year: OPCO, ESF, foundations, local authorities
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
  Money vehicle_cost_per_km;               ///< €/km, vehicles to and from sites
  Subsidies subsidies;                     ///< aid, co-funding, grants
  Money annual_sales;                      ///< €/year excl. VAT already sold or booked this year
  Decimal sales_cap_share{"0.30"};         ///< D5132-34 cap, 0.30, up to 0.50 by derogation
  Decimal default_productivity{"0.60"};    ///< [est] relative productivity of integration staff, (0, 1]
  Money market_hourly_price = Money::from_cents(4000);         ///< [pub, undated] market price, €/h excl. VAT (38–45)
  Money market_floor_hourly_price = Money::from_cents(3800);   ///< [pub, undated] low end of market prices, €/h excl. VAT
  Money ordinary_hourly_cost = Money::from_cents(3200);       ///< [est] an ordinary firm's full cost per standard hour, €/h

  friend bool operator==(const Atelier&, const Atelier&) = default;
};

}  // namespace aci::model
