// libFuzzer target: the scenario reader. Any text is either a Scenario or an InvalidInput
// (ScenarioError); a Scenario read once writes back to JSON that reads to the same Scenario.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "aci_cost/io/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  aci::io::Scenario s;
  try {
    s = aci::io::read_scenario(text);
  } catch (const aci::InvalidInput&) {
    return 0;  // the documented outcome for bad input
  }
  // Round trip: what the reader accepted, the writer writes back to the same scenario.
  const auto back = aci::io::read_scenario(aci::io::scenario_to_json(s).dump());
  if (!(back == s)) std::abort();
  return 0;
}
