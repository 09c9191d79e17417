// aci::quote::PricingOptions: the pricing options the quote engine applies — model/pricing.hpp's,
// under the engine's names (a scenario, an atelier and a job may each carry their own).
#pragma once

#include "aci_cost/model/pricing.hpp"

namespace aci::quote {

using model::policy_name;
using model::PricePolicy;
using model::PricingOptions;

}  // namespace aci::quote
