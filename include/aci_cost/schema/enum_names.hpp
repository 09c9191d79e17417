// aci::schema::EnumNames: the stable names of an enum (JSON, Python, errors), specialised beside
// each enum with a static_assert that every enumerator has its name; name_of() checks its index.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "aci_cost/error.hpp"

namespace aci::schema {

/// Specialise with `static constexpr std::array<std::string_view, N> names` (index = value).
template <class E>
struct EnumNames;

/// An enum with names.
template <class E>
concept Named = std::is_enum_v<E> && requires {
  EnumNames<E>::names;
};

/// The name of `e` (DomainError for a value without one: a broken invariant, never input).
template <Named E>
std::string_view name_of(E e) {
  const auto i = static_cast<std::size_t>(e);
  const auto& names = EnumNames<E>::names;
  if (i >= names.size()) throw DomainError("schema::name_of: enumerator " + std::to_string(i) + " has no name");
  return names[i];
}

/// The enumerator named `name`, if any.
template <Named E>
std::optional<E> from_name(std::string_view name) {
  const auto& names = EnumNames<E>::names;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<E>(i);
  return std::nullopt;
}

/// "a, b, c": the names of E, for an error.
template <Named E>
std::string choices() {
  std::string all;
  for (auto n : EnumNames<E>::names) all += (all.empty() ? "" : ", ") + std::string(n);
  return all;
}

}  // namespace aci::schema

/// Declares the names of enum `E` (index = value) beside it; `Last` is its last enumerator, so
/// that a value added without a name fails to compile.
#define ACI_COST_ENUM_NAMES(E, Last, ...)                                                     \
  template <>                                                                                 \
  struct aci::schema::EnumNames<E> {                                                          \
    static constexpr std::string_view list[] = {__VA_ARGS__};                                 \
    static constexpr auto names = std::to_array(list);                                        \
    static_assert(names.size() == static_cast<std::size_t>(E::Last) + 1, "a name per value"); \
  }
