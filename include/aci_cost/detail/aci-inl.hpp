// Implementation of model/aci.hpp.
#pragma once

#include "aci_cost/model/aci.hpp"
#include "aci_cost/model/time_equation.hpp"

namespace aci::model {

ACI_COST_INLINE void Aci::validate() const {
  ACI_COST_REQUIRE(!name.empty(), "aci.name", "\"\"", "must not be empty");
  ACI_COST_REQUIRE(!ateliers.empty(), "aci.ateliers", "[]", "needs at least one atelier");
  if (!identity.siret.empty()) {
    // A SIRET is 14 digits whose Luhn sum is a multiple of 10 (INSEE).
    bool digits = identity.siret.size() == 14;
    int sum = 0;
    for (std::size_t i = 0; digits && i < 14; ++i) {
      const char c = identity.siret[13 - i];
      digits = c >= '0' && c <= '9';
      int d = c - '0';
      if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    ACI_COST_REQUIRE(digits, "aci.identity.siret", "\"" + identity.siret + "\"", "must be 14 digits (no spaces)");
    ACI_COST_REQUIRE(sum % 10 == 0, "aci.identity.siret", "\"" + identity.siret + "\"",
                     "fails the Luhn check of a SIRET (a digit is wrong)");
  }
  for (std::size_t i = 0; i < ateliers.size(); ++i) {
    const Atelier& a = ateliers[i];
    // Paths are built only when a check fails (no message for valid input).
    const auto p = [i] { return "aci.ateliers[" + std::to_string(i) + "]"; };
    ACI_COST_REQUIRE(!a.name.empty(), p() + ".name", "\"\"", "must not be empty");
    ACI_COST_REQUIRE(has_support(a.support), p() + ".support", "\"" + a.support + "\"",
            "unknown production support (declare it in aci.custom_supports)");
    bool has_integration = false;
    for (std::size_t k = 0; k < a.staff.size(); ++k) {
      a.staff[k].validate_at([&] { return p() + ".staff[" + std::to_string(k) + "]"; });
      if (a.staff[k].role == people::Role::integration && a.staff[k].headcount > 0) has_integration = true;
    }
    ACI_COST_REQUIRE(has_integration, p() + ".staff", a.staff.size(), "needs an integration group with headcount > 0");
    const std::pair<const char*, const Money*> amounts[] = {
        {"annual_overheads", &a.annual_overheads},
        {"annual_other_charges", &a.annual_other_charges},
        {"vehicle_cost_per_km", &a.vehicle_cost_per_km},
        {"annual_sales", &a.annual_sales},
        {"market_hourly_price", &a.market_hourly_price},
        {"market_floor_hourly_price", &a.market_floor_hourly_price},
        {"ordinary_hourly_cost", &a.ordinary_hourly_cost},
        {"subsidies.departement_grants_annual", &a.subsidies.departement_grants_annual},
        {"subsidies.region_annual", &a.subsidies.region_annual},
        {"subsidies.fse_plus_annual", &a.subsidies.fse_plus_annual},
        {"subsidies.opco_annual", &a.subsidies.opco_annual},
        {"subsidies.other_grants_annual", &a.subsidies.other_grants_annual}};
    for (const auto& [field, m] : amounts) {
      ACI_COST_REQUIRE(*m >= Money(), p() + "." + field, m->to_string(), "must be >= 0");
    }
    for (std::size_t k = 0; k < a.equipment.size(); ++k) {
      const auto& e = a.equipment[k];
      const auto ep = [&] { return p() + ".equipment[" + std::to_string(k) + "]"; };
      ACI_COST_REQUIRE(!e.name.empty(), ep() + ".name", "\"\"", "must not be empty");
      ACI_COST_REQUIRE(e.hourly_rate >= Money(), ep() + ".hourly_rate", e.hourly_rate.to_string(), "must be >= 0");
      ACI_COST_REQUIRE(e.annual_hours >= 0 && e.annual_hours <= model::max_equipment_annual_hours, ep() + ".annual_hours",
                       to_string(e.annual_hours), "must be in [0, 8784] h (the hours of a leap year)");
    }
    ACI_COST_REQUIRE(a.annual_vehicle_km >= 0 && a.annual_vehicle_km <= model::max_annual_vehicle_km,
                     p() + ".annual_vehicle_km", to_string(a.annual_vehicle_km), "must be in [0, 10000000] km");
    ACI_COST_REQUIRE(a.occupancy > 0 && a.occupancy <= 1, p() + ".occupancy", to_string(a.occupancy),
            "must be a share of filled posts in (0, 1]");
    ACI_COST_REQUIRE(a.ordinary_supervision_ratio >= 0 && a.ordinary_supervision_ratio <= 1, p() + ".ordinary_supervision_ratio",
            to_string(a.ordinary_supervision_ratio), "must be in [0, 1] supervisor hours per standard hour");
    if (a.subsidies.rsa_fte > 0) {
      ACI_COST_REQUIRE(a.subsidies.aide_au_poste, p() + ".subsidies.rsa_fte", to_string(a.subsidies.rsa_fte),
              "the département's RSA co-funding is a share of the aide au poste, which this atelier does not receive");
    }
    ACI_COST_REQUIRE(a.subsidies.aid_modulation_share >= 0 && a.subsidies.aid_modulation_share <= Decimal("0.10"),
            p() + ".subsidies.aid_modulation_share", to_string(a.subsidies.aid_modulation_share),
            "must be in [0, 0.10] (modulated part: 0 to 10 % of the socle)");
    ACI_COST_REQUIRE(a.subsidies.rsa_fte >= 0, p() + ".subsidies.rsa_fte", to_string(a.subsidies.rsa_fte), "must be >= 0");
    ACI_COST_REQUIRE(a.sales_cap_share > 0 && a.sales_cap_share <= Decimal("0.50"), p() + ".sales_cap_share",
            to_string(a.sales_cap_share), "must be in (0, 0.50] (D5132-34: 30 %, up to 50 % by derogation)");
    ACI_COST_REQUIRE(a.default_productivity >= min_productivity() && a.default_productivity <= 1,
            p() + ".default_productivity", to_string(a.default_productivity), "must be in [0.01, 1]");
    ACI_COST_REQUIRE(a.market_floor_hourly_price <= a.market_hourly_price, p() + ".market_floor_hourly_price",
            a.market_floor_hourly_price.to_string(), "must not exceed market_hourly_price");
  }
}

}  // namespace aci::model
