// Test helpers: the default scenario as JSON, and its text with one value replaced.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "aci_cost/io/scenario.hpp"

namespace aci::test {

/// The embedded default scenario's document.
inline nlohmann::json default_json() { return io::scenario_to_json(io::default_scenario()); }

/// The default scenario's text with `value` at JSON pointer `path`.
inline std::string with(const std::string& path, const nlohmann::json& value) {
  auto j = default_json();
  j[nlohmann::json::json_pointer(path)] = value;
  return j.dump();
}

}  // namespace aci::test
