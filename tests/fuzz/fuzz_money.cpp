// libFuzzer target: money parsing and splitting. Text is an amount or an InvalidInput; an amount
// reads back from its own text; a split over weights from the bytes loses no cent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/money.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const auto bar = all.find('|');  // "<amount>|<weight>|<weight>..."
  aci::Money m;
  try {
    m = aci::Money::parse(all.substr(0, bar), "amount");
  } catch (const aci::InvalidInput&) {
    return 0;
  }
  if (!(aci::Money::parse(m.to_string()) == m)) std::abort();
  const aci::Money total = m.rounded();
  if (total.cents() != aci::Money::parse(total.to_string()).cents()) std::abort();
  std::vector<aci::Decimal> weights;
  for (std::size_t at = bar; at != std::string_view::npos && at < all.size();) {
    const auto next = all.find('|', at + 1);
    try {
      weights.push_back(
          aci::parse_decimal(all.substr(at + 1, next == std::string_view::npos ? next : next - at - 1), "w"));
    } catch (const aci::InvalidInput&) {
      return 0;
    }
    at = next;
  }
  try {
    const auto parts = aci::split(total, weights);
    std::int64_t sum = 0;
    for (const auto& x : parts) sum += x.cents();
    if (sum != total.cents()) std::abort();
  } catch (const aci::InvalidInput&) {
  }
  return 0;
}
