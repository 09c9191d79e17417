// The documented JSON format of a scenario (aci_cost/scenario.hpp: an ACI, its jobs, pricing
// options and rate overrides), docs/scenario_format.md. Every read error is a ScenarioError
// whose field is the JSON path ("$.jobs[0].productivity") and whose value is the offending text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "aci_cost/config.hpp"
#include "aci_cost/quote/quote.hpp"
#include "aci_cost/scenario.hpp"

namespace aci::io {

/// The format tag every scenario document carries.
inline constexpr std::string_view scenario_format = "aci_cost/scenario@1";

/// The scenario (aci_cost/scenario.hpp), read and written here.
using Scenario = ::aci::Scenario;

/// Parses a scenario document; ScenarioError with the JSON path on any problem.
ACI_COST_INLINE Scenario read_scenario(std::string_view text);
/// Reads a scenario from a JSON value.
ACI_COST_INLINE Scenario scenario_from_json(const nlohmann::json& j);
/// Writes a scenario; read_scenario(write_scenario(s)) == s.
ACI_COST_INLINE nlohmann::json scenario_to_json(const Scenario& s);

/// JSON of each part (the same layout as inside a scenario).
ACI_COST_INLINE nlohmann::json to_json(const model::Aci& a);
ACI_COST_INLINE nlohmann::json to_json(const model::Atelier& a);
ACI_COST_INLINE nlohmann::json to_json(const people::StaffGroup& g);
ACI_COST_INLINE nlohmann::json to_json(const model::Job& j);
ACI_COST_INLINE nlohmann::json to_json(const quote::PricingOptions& p);
ACI_COST_INLINE nlohmann::json to_json(const rates::RateEntry& e);
/// Each part from JSON, errors naming `path`.
ACI_COST_INLINE model::Aci aci_from_json(const nlohmann::json& j, const std::string& path = "$.aci");
ACI_COST_INLINE model::Atelier atelier_from_json(const nlohmann::json& j, const std::string& path);
ACI_COST_INLINE people::StaffGroup staff_from_json(const nlohmann::json& j, const std::string& path);
ACI_COST_INLINE model::Job job_from_json(const nlohmann::json& j, const std::string& path = "$.job");
ACI_COST_INLINE quote::PricingOptions pricing_from_json(const nlohmann::json& j, const std::string& path = "$.pricing");
ACI_COST_INLINE rates::RateEntry rate_entry_from_json(const nlohmann::json& j, const std::string& path);

/// A shown quote as JSON: every amount a string to the cent.
ACI_COST_INLINE nlohmann::json to_json(const quote::Quote& q);
/// The quote written by to_json(Quote).
ACI_COST_INLINE quote::Quote quote_from_json(const nlohmann::json& j);

/// The embedded default: a green-spaces ACI in 2026 built from DOMAIN.md's figures; every
/// assumption is labelled [est] in default_scenario-inl.hpp and in docs/default_aci.md.
ACI_COST_INLINE Scenario default_scenario();

/// The production supports with an embedded default ACI, and the multi-atelier default.
inline constexpr std::string_view default_scenario_names[] = {"green_spaces", "market_gardening", "building",
                                                              "laundry",      "recycling_reuse",  "multi_atelier"};

/// The embedded default of a support ("green_spaces" is default_scenario()), or
/// "multi_atelier": green spaces, market gardening and a ressourcerie sharing a structure (cost
/// centres). Figures [est]/[pub] as docs/supports.md lists them. InvalidInput naming "support"
/// for an unknown name.
ACI_COST_INLINE Scenario default_scenario(std::string_view support);

}  // namespace aci::io

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/io/scenario-inl.hpp"
#  include "aci_cost/io/default_scenario-inl.hpp"
#endif
