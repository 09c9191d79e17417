// aci::model::PricingOptions: how a price is set from the costs — for a scenario, an atelier or
// one job (the most specific one applies: job, then atelier, then scenario).
#pragma once

#include <string>
#include <string_view>
#include <tuple>

#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/schema/enum_names.hpp"
#include "aci_cost/schema/field.hpp"
#include "aci_cost/schema/validate.hpp"

namespace aci::model {

/// How the price excl. VAT is set.
enum class PricePolicy {
  cost_plus,       ///< full cost x (1 + margin): an explicit choice (it can make the client pay for
                   ///< the insertion work the aid already funds: the quote warns overcompensation)
  ds_coefficient,  ///< déboursé sec x K, K = (1 + fc) / (1 - fg - b)
  market,          ///< the market price (standard hours x market hourly price + materials, or units
                   ///< sold x the market unit price)
  fair_zone,       ///< the market price, floored at the net cost (below it, public money would
                   ///< undercut ordinary firms) and capped so that price + subsidies stay within
                   ///< full cost x (1 + reasonable profit) (no over-compensation): the default
};

}  // namespace aci::model
ACI_COST_ENUM_NAMES(aci::model::PricePolicy, fair_zone, "cost_plus", "ds_coefficient", "market", "fair_zone");
namespace aci::model {

/// The pricing policy and its parameters. Default rates are assumptions [est].
struct PricingOptions {
  PricePolicy policy = PricePolicy::fair_zone;        ///< which policy
  Decimal margin{"0.05"};                             ///< cost_plus: margin on full cost, share [est]
  Decimal site_costs{"0.10"};                         ///< ds_coefficient: FC, share of DS [est]
  Decimal overheads{"0.15"};                          ///< ds_coefficient: FG, share of the price excl. VAT [est]
  Decimal profit{"0.05"};                             ///< ds_coefficient: B, share of the price excl. VAT [est]
  int k_decimals = 3;                                 ///< K is carried to this many decimals (French practice: 3)
  Rounding rounding = Rounding::half_away_from_zero;  ///< rounding of every shown amount
  /// [assumption] The reasonable profit of a service of general economic interest, as a share of
  /// its full cost: price + attributed subsidies above full cost x (1 + it) is over-compensation
  /// (Decision 2012/21/EU, art. 5). The Decision measures it as a return on capital (the swap
  /// rate + 100 basis points is reasonable, art. 5(7)); an association without capital to speak
  /// of uses a margin on costs instead: 5 % [est], overridable.
  Decimal reasonable_profit{"0.05"};

  static constexpr std::string_view schema_name = "PricingOptions";
  /// The field table (schema/field.hpp).
  static constexpr auto schema() {
    using S = PricingOptions;
    using schema::field;
    return std::tuple{
        field("policy", &S::policy, "'cost_plus', 'ds_coefficient', 'market' or 'fair_zone' (default)"),
        field("margin", &S::margin, "cost_plus: margin on full cost [est]").units("share").in("-1", "10", "()"),
        field("site_costs", &S::site_costs, "ds_coefficient: FC, share of DS [est]").units("share").in("0", "10", "[)"),
        field("overheads", &S::overheads, "ds_coefficient: FG, share of the price excl. VAT [est]")
            .units("share")
            .in("0", "1", "[)"),
        field("profit", &S::profit, "ds_coefficient: B, share of the price excl. VAT [est]")
            .units("share")
            .in("0", "1", "[)"),
        field("k_decimals", &S::k_decimals, "decimals K is carried to (French practice: 3)").in("0", "6", "[]"),
        field("rounding", &S::rounding, "'half_away_from_zero' or 'half_even'"),
        field("reasonable_profit", &S::reasonable_profit,
              "reasonable profit on full cost above which price + subsidies over-compensate (2012/21/EU art. 5) [est]")
            .units("share")
            .in("0", "1", "[]")};
  }

  /// The sales coefficient K = (1 + fc) / (1 - fg - b), rounded to k_decimals.
  Decimal coefficient_k() const {
    return round_decimal((1 + site_costs) / (1 - overheads - profit), k_decimals, Rounding::half_away_from_zero);
  }

  /// InvalidInput with the field path on any bad option.
  void validate(std::string_view path = "pricing") const { schema::validate(*this, std::string(path)); }
  /// The rules joining fields (schema::validate calls it after the fields' domains).
  template <class Path>
  void check_rules(const Path& path) const {
    ACI_COST_REQUIRE(overheads + profit < 1, ::aci::detail::path_text(path) + ".overheads", to_string(overheads),
                     "overheads + profit must be < 1 (they are shares of the price)");
  }
  friend bool operator==(const PricingOptions&, const PricingOptions&) = default;
};

/// The stable name of a policy ("cost_plus", "ds_coefficient", "market", "fair_zone").
inline std::string_view policy_name(PricePolicy p) { return schema::name_of(p); }

}  // namespace aci::model
