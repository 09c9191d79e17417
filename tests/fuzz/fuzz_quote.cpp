// libFuzzer target: the quote of every job of any scenario the reader accepts. A valid scenario
// quotes, or refuses with an InvalidInput naming a field; the quote's lines add up to the cent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/quote.hpp"
#include "quote_every_job.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  aci::io::Scenario s;
  try {
    s = aci::io::read_scenario(text);
  } catch (const aci::InvalidInput&) {
    return 0;
  }
  aci::fuzz::quote_every_job(s);
  return 0;
}
