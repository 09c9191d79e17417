// aci::quote::PricingOptions: how a price is set from the costs (the engine's options).
#pragma once

#include <string>
#include <string_view>

#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"

namespace aci::quote {

/// How the price excl. VAT is set.
enum class PricePolicy {
  cost_plus,       ///< full cost x (1 + margin)
  ds_coefficient,  ///< déboursé sec x K, K = (1 + fc) / (1 - fg - b)
  market,          ///< standard hours x market hourly price + materials
};

/// The pricing policy and its parameters. Default rates are assumptions [est].
struct PricingOptions {
  PricePolicy policy = PricePolicy::cost_plus;  ///< which policy
  Decimal margin{"0.05"};      ///< cost_plus: margin on full cost, share [est]
  Decimal site_costs{"0.10"};  ///< ds_coefficient: FC, share of DS [est]
  Decimal overheads{"0.15"};   ///< ds_coefficient: FG, share of the price excl. VAT [est]
  Decimal profit{"0.05"};      ///< ds_coefficient: B, share of the price excl. VAT [est]
  int k_decimals = 3;          ///< K is carried to this many decimals (French practice: 3)
  Rounding rounding = Rounding::half_away_from_zero;  ///< rounding of every shown amount

  /// The sales coefficient K = (1 + fc) / (1 - fg - b), rounded to k_decimals.
  Decimal coefficient_k() const {
    return round_decimal((1 + site_costs) / (1 - overheads - profit), k_decimals, Rounding::half_away_from_zero);
  }

  /// InvalidInput with the field path on any bad option.
  void validate(std::string_view path = "pricing") const {
    const std::string p(path);
    ACI_COST_REQUIRE(margin > -1 && margin < 10, p + ".margin", to_string(margin), "must be in (-1, 10)");
    ACI_COST_REQUIRE(site_costs >= 0 && site_costs < 10, p + ".site_costs", to_string(site_costs), "must be in [0, 10)");
    ACI_COST_REQUIRE(overheads >= 0, p + ".overheads", to_string(overheads), "must be >= 0");
    ACI_COST_REQUIRE(profit >= 0, p + ".profit", to_string(profit), "must be >= 0");
    ACI_COST_REQUIRE(overheads + profit < 1, p + ".overheads", to_string(overheads),
            "overheads + profit must be < 1 (they are shares of the price)");
    ACI_COST_REQUIRE(k_decimals >= 0 && k_decimals <= 6, p + ".k_decimals", k_decimals, "must be in [0, 6]");
  }
  friend bool operator==(const PricingOptions&, const PricingOptions&) = default;
};

/// The stable name of a policy ("cost_plus", "ds_coefficient", "market").
inline std::string_view policy_name(PricePolicy p) {
  switch (p) {
    case PricePolicy::cost_plus: return "cost_plus";
    case PricePolicy::ds_coefficient: return "ds_coefficient";
    case PricePolicy::market: return "market";
  }
  return "unknown";
}

}  // namespace aci::quote
