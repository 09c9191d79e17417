// The stable names of every enum, as they appear in JSON, Python and errors (index = value).
#pragma once

#include <string_view>

namespace aci::io::names {

inline constexpr std::string_view role[] = {"integration", "supervisor", "socio_professional", "support"};
inline constexpr std::string_view contribution_mode[] = {"rate", "legal_reduction"};
inline constexpr std::string_view pay_basis[] = {"smic", "hourly", "monthly"};
inline constexpr std::string_view price_policy[] = {"cost_plus", "ds_coefficient", "market"};
inline constexpr std::string_view rounding[] = {"half_away_from_zero", "half_even"};
inline constexpr std::string_view tax_status[] = {"vat_liable", "non_profit_exempt"};
inline constexpr std::string_view vat_kind[] = {"standard", "housing_renovation", "home_services", "food",
                                                "energy_renovation"};
inline constexpr std::string_view tag[] = {"law", "published", "estimate", "check"};
inline constexpr std::string_view overhead_method[] = {"single_key", "direct", "step_down", "reciprocal"};
inline constexpr std::string_view settling_method[] = {"direct", "step_down", "reciprocal"};
inline constexpr std::string_view centre_kind[] = {"main", "support"};
inline constexpr std::string_view output_kind[] = {"service", "goods"};

}  // namespace aci::io::names

namespace aci::io::names {

inline constexpr std::string_view workforce_mode[] = {"headcount", "contracts"};
inline constexpr std::string_view demand_mode[] = {"seasonal", "given"};
inline constexpr std::string_view training_delivery[] = {"in_house", "external"};
inline constexpr std::string_view deferral_policy[] = {"production_first", "protected_minimum", "load_threshold",
                                                        "fixed_weeks"};

}  // namespace aci::io::names
