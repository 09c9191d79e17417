// aci::schema::require_unique_names: a list whose items are referred to by name (ateliers,
// equipment, staff groups, time equations, jobs) names each item once. Linear in the list's
// length (a hash of the names seen), so a scenario of 10^5 jobs is checked in milliseconds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "aci_cost/error.hpp"

namespace aci::schema {

/// InvalidInput at "<list>[i].name" for the first item whose name an earlier item already has
/// (`list` is a path string or a callable building it only on failure; `name_of(item)` gives a
/// string-like name; `what` says what the items are: "atelier").
template <class Items, class NameOf, class Path>
void require_unique_names(const Items& items, NameOf name_of, const Path& list, std::string_view what) {
  if (items.size() < 2) return;
  std::unordered_map<std::string_view, std::size_t> seen;
  seen.reserve(items.size());
  std::size_t i = 0;
  for (const auto& item : items) {
    const std::string_view name = name_of(item);
    const auto [at, inserted] = seen.emplace(name, i);
    if (!inserted) [[unlikely]]
      throw InvalidInput(::aci::detail::path_text(list) + "[" + std::to_string(i) + "].name",
                         "\"" + std::string(name) + "\"",
                         "duplicate " + std::string(what) + " name (also at [" + std::to_string(at->second) +
                             "]): each " + std::string(what) + " is named once");
    ++i;
  }
}

}  // namespace aci::schema
