// The seasonal shape of demand per production support, by ISO week (values in [-1, 1]; demand =
// base x (1 + amplitude x shape)). Every shape is an estimate [est] from the field sources'
// descriptions (DOMAIN.md): green spaces peak April–October; market gardening's harvest peaks in
// summer; laundry for institutions is steady all year; building slows in winter and stops in
// August; a ressourcerie collects more at the spring clear-outs. The link fills a training
// model's empty shape from its atelier's support (link/from_atelier.hpp).
#pragma once

#include <string_view>
#include <vector>

#include "aci_cost/training/model.hpp"

namespace aci::training {

/// The 53 weekly values of `support`'s demand shape [est]; empty for green spaces and unknown
/// supports, whose shape is the model's default (default_seasonal_shape).
inline std::vector<double> seasonal_shape_of(std::string_view support) {
  if (support != "market_gardening" && support != "laundry" && support != "building" && support != "recycling_reuse")
    return {};
  std::vector<double> s(53);
  for (int w = 1; w <= 53; ++w) {
    double v = default_seasonal_shape(w);
    if (support == "market_gardening") {  // harvest: May–September, ramps in April and October
      v = (w >= 19 && w <= 39)   ? 1.0
          : (w >= 15 && w <= 18) ? -1.0 + 0.4 * (w - 14)
          : (w >= 40 && w <= 43) ? 1.0 - 0.4 * (w - 39)
                                 : -1.0;
    } else if (support == "laundry") {  // institutions all year
      v = 0.0;
    } else if (support == "building") {  // slower in winter, August shutdown
      v = (w <= 8 || w >= 50) ? -0.4 : (w >= 31 && w <= 34) ? -1.0 : 0.3;
    } else if (support == "recycling_reuse") {  // spring clear-outs, quieter in August
      v = (w >= 14 && w <= 22) ? 0.5 : (w >= 31 && w <= 34) ? -0.5 : 0.0;
    }
    s[static_cast<std::size_t>(w - 1)] = v;
  }
  return s;
}

}  // namespace aci::training
