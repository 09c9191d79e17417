// aci::sharing::LegalFigure: a rule of law the sharing model applies, with the text it comes from
// and the date it took effect (`law` when read on the consolidated text, `check` where the wording
// or the date could not be confirmed on a primary source: the `tag` says which).
#pragma once

#include <string_view>

#include "aci_cost/date.hpp"

namespace aci::sharing {

/// A legal rule with its source and the date it took effect.
struct LegalFigure {
  std::string_view source;  ///< the text (code, article, the law that wrote it)
  Date effective;           ///< in force from
  std::string_view tag;     ///< "law" (read on the consolidated text) or "check" (to confirm)
};

}  // namespace aci::sharing
