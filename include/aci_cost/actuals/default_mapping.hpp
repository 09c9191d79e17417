// aci::actuals::default_mapping: the plan comptable of an ACI run as an association placed on the
// lines of the library's year (budget/year.hpp). Accounts and wordings are the PCG's (règlement
// ANC 2014-03 as amended by ANC 2022-06, in force for years opened from 2025-01-01) with the
// associations' accounts of règlement ANC 2018-06; the choice of a line for each account, and the
// sub-accounts of 74 by financer (the PCG leaves 74 to each entity), are assumptions labelled
// [assumption], to override in a mapping file (docs/actuals.md lists every rule and its reason).
// Account 79 (transferts de charges) is in no rule: ANC 2022-06 abolished it.
#pragma once

#include "aci_cost/actuals/mapping.hpp"
#include "aci_cost/config.hpp"

namespace aci::actuals {

/// The name of the default mapping (a mapping file may "extend" it).
inline constexpr std::string_view default_mapping_name = "aci_default";

/// The product line of the realised year that the forecast has none of: financial and
/// exceptional products, other operating products, reversals (75-78).
inline constexpr std::string_view other_products_key = "other_products";

/// The default mapping for ACIs: the year's charge keys and product keys (budget::charge_keys,
/// budget::product_keys, then other_products) and one rule per group of accounts.
ACI_COST_INLINE Mapping default_mapping();

}  // namespace aci::actuals

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/actuals/default_mapping-inl.hpp"
#endif
