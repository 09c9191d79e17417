// aci::schema::require_unique_names: a list whose items are referred to by name (ateliers,
// equipment, staff groups, time equations, jobs) names each item once. Short lists are checked
// pairwise on the stack (valid input allocates nothing), long ones through a hash of the names
// (linear: a scenario of 10^5 jobs is checked in milliseconds).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "aci_cost/error.hpp"

namespace aci::schema {

namespace detail {
/// The error for item `i`, whose name item `first` already has.
template <class Path>
[[noreturn]] void duplicate_name(const Path& list, std::size_t i, std::string_view name, std::size_t first,
                                 std::string_view what) {
  throw InvalidInput(::aci::detail::path_text(list) + "[" + std::to_string(i) + "].name",
                     "\"" + std::string(name) + "\"",
                     "duplicate " + std::string(what) + " name (also at [" + std::to_string(first) + "]): each " +
                         std::string(what) + " is named once");
}
}  // namespace detail

/// Lists up to this length are checked pairwise over names kept on the stack: no allocation for
/// valid input (at most 496 comparisons); longer ones through a hash of the names (linear).
inline constexpr std::size_t unique_names_on_stack = 32;

/// InvalidInput at "<list>[i].name" for the first item whose name an earlier item already has
/// (`list` is a path string or a callable building it only on failure; `name_of(item)` gives a
/// string-like name, asked once per item; `what` says what the items are: "atelier").
template <class Items, class NameOf, class Path>
void require_unique_names(const Items& items, NameOf name_of, const Path& list, std::string_view what) {
  const std::size_t n = items.size();
  if (n < 2) return;
  std::size_t i = 0;
  if (n <= unique_names_on_stack) {
    std::array<std::string_view, unique_names_on_stack> names;
    for (const auto& item : items) {
      names[i] = name_of(item);
      for (std::size_t j = 0; j < i; ++j)
        if (names[j] == names[i]) [[unlikely]]
          detail::duplicate_name(list, i, names[i], j, what);
      ++i;
    }
    return;
  }
  std::unordered_map<std::string_view, std::size_t> seen;
  seen.reserve(n);
  for (const auto& item : items) {
    const std::string_view name = name_of(item);
    const auto [at, inserted] = seen.emplace(name, i);
    if (!inserted) [[unlikely]]
      detail::duplicate_name(list, i, name, at->second, what);
    ++i;
  }
}

}  // namespace aci::schema
