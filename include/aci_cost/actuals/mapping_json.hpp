// The mapping file (format aci_cost/fec_mapping@1): a Mapping in JSON, read with every error
// naming its JSON path, and written back. A file that says "extends": "aci_default" starts
// from the default mapping: its rules replace the default's of the same prefix and code and add
// the others, its keys and codes are added.
//
//   {"format": "aci_cost/fec_mapping@1", "extends": "aci_default",
//    "rules": [{"prefix": "6226", "key": "overheads", "label": "Honoraires", "source": "mine"}],
//    "ateliers": {"EV": "Espaces verts"}, "shared_codes": ["COMMUN"]}
#pragma once

#include <string>
#include <string_view>

#include "aci_cost/actuals/mapping.hpp"
#include "aci_cost/config.hpp"

namespace aci::actuals {

/// The format tag of a mapping file.
inline constexpr std::string_view mapping_format = "aci_cost/fec_mapping@1";

/// The mapping of a JSON document; InvalidInput naming the JSON path ("mapping.rules[2].prefix")
/// and the value on an unknown field, a wrong type or a mapping that does not validate.
ACI_COST_INLINE Mapping read_mapping(std::string_view json_text);

/// The mapping as a JSON document (every rule written out, no "extends"), read back equal.
ACI_COST_INLINE std::string mapping_to_json(const Mapping& mapping);

}  // namespace aci::actuals

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/actuals/mapping_json-inl.hpp"
#endif
