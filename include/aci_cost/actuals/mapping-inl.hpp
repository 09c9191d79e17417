// Implementation of actuals/mapping.hpp.
#pragma once

#include <set>
#include <utility>

#include "aci_cost/actuals/mapping.hpp"
#include "aci_cost/error.hpp"

namespace aci::actuals {

ACI_COST_INLINE void Mapping::check_rule(const Rule& r, const std::string& path) const {
  bool digits = !r.prefix.empty();
  for (char c : r.prefix) digits = digits && c >= '0' && c <= '9';
  ACI_COST_REQUIRE(digits && (r.prefix[0] == '6' || r.prefix[0] == '7'), path + ".prefix", "\"" + r.prefix + "\"",
                   "an account prefix of class 6 (charges) or 7 (products), digits only");
  if (r.prefix[0] == '6') {
    ACI_COST_REQUIRE(is_charge(r.key), path + ".key", "\"" + r.key + "\"",
                     "a class-6 account feeds a charge line: one of mapping.charge_keys");
  } else {
    ACI_COST_REQUIRE(is_product(r.key), path + ".key", "\"" + r.key + "\"",
                     "a class-7 account feeds a product line: one of mapping.product_keys");
  }
}

ACI_COST_INLINE void Mapping::validate() const {
  std::set<std::string_view> keys;
  const auto check_keys = [&keys](const std::vector<std::string>& list, const char* field) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string f = std::string("mapping.") + field + "[" + std::to_string(i) + "]";
      ACI_COST_REQUIRE(!list[i].empty(), f, "\"\"", "a line key must not be empty");
      ACI_COST_REQUIRE(keys.insert(list[i]).second, f, "\"" + list[i] + "\"",
                       "repeated: a line is a charge or a product, once");
    }
  };
  check_keys(charge_keys, "charge_keys");
  check_keys(product_keys, "product_keys");
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = rules[i];
    const std::string path = "mapping.rules[" + std::to_string(i) + "]";
    check_rule(r, path);
    ACI_COST_REQUIRE(seen.insert({r.prefix, r.code}).second, path + ".prefix", "\"" + r.prefix + "\"",
                     r.code.empty() ? std::string("a second general rule for this prefix")
                                    : "a second rule for this prefix and analytic code \"" + r.code + "\"");
  }
  std::set<std::string_view> codes;
  for (std::size_t i = 0; i < ateliers.size(); ++i) {
    const std::string f = "mapping.ateliers[" + std::to_string(i) + "]";
    ACI_COST_REQUIRE(!ateliers[i].code.empty(), f + ".code", "\"\"", "an analytic code must not be empty");
    ACI_COST_REQUIRE(!ateliers[i].atelier.empty(), f + ".atelier", "\"\"", "names an atelier of the scenario");
    ACI_COST_REQUIRE(codes.insert(ateliers[i].code).second, f + ".code", "\"" + ateliers[i].code + "\"",
                     "repeated analytic code");
  }
  for (std::size_t i = 0; i < shared_codes.size(); ++i) {
    const std::string f = "mapping.shared_codes[" + std::to_string(i) + "]";
    ACI_COST_REQUIRE(!shared_codes[i].empty(), f, "\"\"", "an analytic code must not be empty");
    ACI_COST_REQUIRE(codes.insert(shared_codes[i]).second, f, "\"" + shared_codes[i] + "\"",
                     "repeated analytic code (or also an atelier's)");
  }
}

}  // namespace aci::actuals
