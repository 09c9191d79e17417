// aci::model::Output: what a job produces, in its natural unit — a service (hours, m² of lawn
// or wall, kg of laundry, tonnes collected) or goods (vegetable baskets, second-hand items) —
// so that cost and price are also given per unit. Goods lose a share of what is produced
// (production losses, unsold items) and are compared with a market price per unit; some
// supports earn revenue tied to output besides the sale (an eco-organisation's support per
// tonne collected for re-use). Production is stock-free: what a season produces is sold or
// lost in it [est: no inventory is carried between periods].
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"

namespace aci::model {

/// A service (priced on its work) or goods (produced, then sold or lost).
enum class OutputKind { service, goods };

/// The units of output the library knows (others are accepted as given).
inline constexpr std::string_view known_units[] = {"h", "m2", "m", "kg", "tonne", "basket", "piece"};

/// What a job produces.
struct Output {
  OutputKind kind = OutputKind::service;  ///< service or goods
  std::string unit = "h";                 ///< natural unit: h, m2, m, kg, tonne, basket, piece…
  /// Units produced (or delivered); 0: the job's standard hours (unit "h").
  Decimal quantity{0};
  Decimal loss_share{0};                  ///< goods: share produced but not sold (losses, unsold), [0, 1)
  std::optional<Money> market_unit_price; ///< market price per unit sold, € excl. VAT [pub/est]
  std::optional<Money> market_floor_unit_price;  ///< low end of the market per unit (default: market_unit_price)
  Money support_per_unit;                 ///< revenue tied to output per unit produced, € (e.g. €/tonne) [est]

  /// True when the output is the job's standard hours (no quantity given).
  bool in_standard_hours() const { return quantity == 0; }

  /// InvalidInput naming `path`.output.<field> on any bad field.
  template <class Path>
  void validate(const Path& path) const {
    const auto p = [&] { return ::aci::detail::path_text(path) + ".output"; };
    ACI_COST_REQUIRE(!unit.empty(), p() + ".unit", "\"\"", "must not be empty");
    ACI_COST_REQUIRE(quantity >= 0, p() + ".quantity", to_string(quantity), "must be >= 0 (0: the standard hours)");
    ACI_COST_REQUIRE(quantity > 0 || unit == "h", p() + ".quantity", "0",
                     "give the quantity of " + unit + " produced (0 means the standard hours, unit \"h\")");
    ACI_COST_REQUIRE(loss_share >= 0 && loss_share < 1, p() + ".loss_share", to_string(loss_share), "must be in [0, 1)");
    ACI_COST_REQUIRE(kind == OutputKind::goods || loss_share == 0, p() + ".loss_share", to_string(loss_share),
                     "only goods lose a share of their output (kind: goods)");
    if (market_unit_price)
      ACI_COST_REQUIRE(*market_unit_price >= Money(), p() + ".market_unit_price", market_unit_price->to_string(),
                       "must be >= 0");
    if (market_floor_unit_price) {
      ACI_COST_REQUIRE(market_unit_price.has_value(), p() + ".market_floor_unit_price",
                       market_floor_unit_price->to_string(), "needs market_unit_price");
      ACI_COST_REQUIRE(*market_floor_unit_price >= Money() && *market_floor_unit_price <= *market_unit_price,
                       p() + ".market_floor_unit_price", market_floor_unit_price->to_string(),
                       "must be in [0, market_unit_price]");
    }
    ACI_COST_REQUIRE(support_per_unit >= Money(), p() + ".support_per_unit", support_per_unit.to_string(), "must be >= 0");
  }

  friend bool operator==(const Output&, const Output&) = default;
};

}  // namespace aci::model
