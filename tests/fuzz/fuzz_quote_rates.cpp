// libFuzzer target: a quote from the default scenario's document with fuzzed rate overrides and
// job fields (issue 34: aci_fte_paid_hours = 0 crashed quote with SIGSEGV). The input is a JSON
// object; its "rates" replace the document's rate overrides and its "job" fields are merged into
// the first job. Every job quotes, or refuses with an InvalidInput; never a crash or a figure
// past Money's range.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/quote.hpp"
#include "quote_every_job.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const nlohmann::json base = aci::io::scenario_to_json(aci::io::default_scenario());
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  nlohmann::json doc = base;
  try {
    const nlohmann::json in = aci::io::parse_json(text);
    if (!in.is_object()) return 0;
    if (in.contains("rates")) doc["rates"] = in["rates"];
    if (in.contains("job") && in["job"].is_object())
      for (const auto& [key, value] : in["job"].items()) doc["jobs"][0][key] = value;
  } catch (const aci::InvalidInput&) {
    return 0;
  }
  aci::io::Scenario s;
  try {
    s = aci::io::scenario_from_json(doc);
  } catch (const aci::InvalidInput&) {
    return 0;
  }
  aci::fuzz::quote_every_job(s);
  return 0;
}
