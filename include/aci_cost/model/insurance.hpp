// aci::model::Insurance: the professional insurance an ACI doing building works must name on its
// devis and invoices (Code des assurances L243-2, as amended by loi n° 2014-626 of 2014-06-18,
// art. 22 [check]: the insurance taken out, the insurer's or guarantor's details and the
// geographic coverage of the contract).
#pragma once

#include <string>
#include <string_view>
#include <tuple>

#include "aci_cost/schema/field.hpp"

namespace aci::model {

/// A professional insurance (responsabilité civile décennale for building works).
struct Insurance {
  std::string kind = "responsabilité civile décennale";  ///< the insurance taken out
  std::string insurer;                                   ///< the insurer's or guarantor's name
  std::string address;                                   ///< its address, lines separated by "\n"
  std::string policy;                                    ///< the contract number
  std::string coverage;                                  ///< the geographic coverage ("France métropolitaine")

  static constexpr std::string_view schema_name = "Insurance";
  /// The field table (schema/field.hpp).
  static constexpr auto schema() {
    using S = Insurance;
    using schema::field;
    return std::tuple{field("kind", &S::kind, "the insurance taken out"),
                      field("insurer", &S::insurer, "insurer's or guarantor's name").quiet_when_empty(),
                      field("address", &S::address, "insurer's address").lines().quiet_when_empty(),
                      field("policy", &S::policy, "contract number").quiet_when_empty(),
                      field("coverage", &S::coverage, "geographic coverage of the contract").quiet_when_empty()};
  }
  /// True when no insurer is named.
  bool empty() const { return insurer.empty(); }
  friend bool operator==(const Insurance&, const Insurance&) = default;
};

}  // namespace aci::model
