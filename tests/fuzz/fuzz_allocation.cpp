// libFuzzer target: the allocation documents — a network of cost centres allocated by its
// method, and a time-driven model's rates. Each document reads and computes, or refuses with an
// InvalidInput; never a crash, a hang or a non-finite figure.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aci_cost/allocation/allocate.hpp"
#include "aci_cost/allocation/time_driven.hpp"
#include "aci_cost/io/allocation_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto doc = aci::io::read_network(text);
    (void)aci::allocation::allocate(doc.network, doc.method);
  } catch (const aci::InvalidInput&) {
  }
  try {
    const auto m = aci::io::read_time_driven(text);
    (void)aci::allocation::time_driven(m);
  } catch (const aci::InvalidInput&) {
  }
  return 0;
}
