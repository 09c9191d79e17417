// libFuzzer target: the sweep spec reader, and the engine's checks of what it read (on the
// default scenario, a few scenarios of any valid spec are run).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/sweep/engine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const aci::io::Scenario scenario = aci::io::default_scenario();  // read-only after start
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto doc = aci::io::read_sweep(text);
    (void)aci::io::to_json(doc).dump();
    const auto ev = aci::evaluators::make_evaluator(doc, scenario);
    aci::sweep::RunOptions o;
    o.end = doc.spec.n < 8 ? doc.spec.n : 8;  // a few scenarios: the checks and the first draws
    (void)aci::sweep::run_sweep(*ev, doc.spec, o);
  } catch (const aci::InvalidInput&) {
  }
  return 0;
}
