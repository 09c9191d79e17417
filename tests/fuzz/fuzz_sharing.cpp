// libFuzzer target: the sharing document (posts shared between ACIs) and its splits. A document
// reads and shares (exact splits up to 8 members, a few sampled orders beyond), or refuses with
// an InvalidInput; never a crash, a raw solver status or a non-finite share.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "aci_cost/io/sharing_json.hpp"
#include "aci_cost/sharing/share.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const auto p = aci::io::read_sharing(text);
    aci::sharing::ShareOptions o;
    o.exact_max_members = 8;
    o.decimal_max_members = 6;
    o.departures_max_members = 6;
    o.permutations = 64;
    (void)aci::sharing::share(p, o);
  } catch (const aci::InvalidInput&) {
  }
  return 0;
}
