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
#include <tuple>

#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/schema/enum_names.hpp"
#include "aci_cost/schema/field.hpp"

namespace aci::model {

/// A service (priced on its work) or goods (produced, then sold or lost).
enum class OutputKind { service, goods };

}  // namespace aci::model
ACI_COST_ENUM_NAMES(aci::model::OutputKind, goods, "service", "goods");
namespace aci::model {

/// The units of output the library knows (others are accepted as given).
inline constexpr std::string_view known_units[] = {"h", "m2", "m", "kg", "tonne", "basket", "piece"};

/// What a job produces.
struct Output {
  OutputKind kind = OutputKind::service;  ///< service or goods
  std::string unit = "h";                 ///< natural unit: h, m2, m, kg, tonne, basket, piece…
  /// Units produced (or delivered); 0: the job's standard hours (unit "h").
  Decimal quantity{0};
  Decimal loss_share{0};                         ///< goods: share produced but not sold (losses, unsold), [0, 1)
  std::optional<Money> market_unit_price;        ///< market price per unit sold, € excl. VAT [pub/est]
  std::optional<Money> market_floor_unit_price;  ///< low end of the market per unit (default: market_unit_price)
  Money support_per_unit;  ///< revenue tied to output per unit recovered, € (e.g. €/tonne) [est]
  /// Share of the units produced that earns support_per_unit: an eco-organisation pays on the
  /// tonnes re-used or recycled, not on the tonnes collected [est, per job].
  Decimal recovered_share{1};
  std::string label{};       ///< what is sold, in French, on the devis ("Panier de légumes bio")
  std::string unit_label{};  ///< the unit as printed ("panier"; empty: the French name of a known unit)

  static constexpr std::string_view schema_name = "Output";
  /// The field table (schema/field.hpp).
  static constexpr auto schema() {
    using S = Output;
    using schema::field;
    return std::tuple{
        field("kind", &S::kind, "'service' or 'goods'"),
        field("unit", &S::unit, "h, m2, m, kg, tonne, basket, piece…").not_empty(),
        field("quantity", &S::quantity, "units produced (0: the standard hours, unit 'h')")
            .units("units")
            .at_least("0"),
        field("loss_share", &S::loss_share, "goods: share produced but not sold").units("share").in("0", "1", "[)"),
        field("market_unit_price", &S::market_unit_price, "market price per unit sold, € excl. VAT, or None")
            .units("€/unit")
            .at_least("0"),
        field("market_floor_unit_price", &S::market_floor_unit_price, "low end of the market per unit, or None")
            .units("€/unit")
            .at_least("0"),
        field("support_per_unit", &S::support_per_unit, "revenue tied to output per unit recovered, € [est]")
            .units("€/unit")
            .at_least("0"),
        field("recovered_share", &S::recovered_share,
              "share of the units produced that earns support_per_unit (re-used or recycled) [est]")
            .units("share")
            .in("0", "1", "[]"),
        field("label", &S::label, "what is sold, in French, on the devis").quiet_when_empty(),
        field("unit_label", &S::unit_label, "the unit as printed ('' = the French name of a known unit)")
            .quiet_when_empty()};
  }

  /// True when the output is the job's standard hours (no quantity given).
  bool in_standard_hours() const { return quantity == 0; }

  /// The rules joining fields (schema::validate calls it after the fields' domains).
  template <class Path>
  void check_rules(const Path& path) const {
    const auto p = [&] { return ::aci::detail::path_text(path); };
    ACI_COST_REQUIRE(quantity > 0 || unit == "h", p() + ".quantity", "0",
                     "give the quantity of " + unit + " produced (0 means the standard hours, unit \"h\")");
    ACI_COST_REQUIRE(kind == OutputKind::goods || loss_share == 0, p() + ".loss_share", to_string(loss_share),
                     "only goods lose a share of their output (kind: goods)");
    if (market_floor_unit_price) {
      ACI_COST_REQUIRE(market_unit_price.has_value(), p() + ".market_floor_unit_price",
                       market_floor_unit_price->to_string(), "needs market_unit_price");
      ACI_COST_REQUIRE(*market_floor_unit_price <= *market_unit_price, p() + ".market_floor_unit_price",
                       market_floor_unit_price->to_string(), "must be in [0, market_unit_price]");
    }
  }

  friend bool operator==(const Output&, const Output&) = default;
};

}  // namespace aci::model
