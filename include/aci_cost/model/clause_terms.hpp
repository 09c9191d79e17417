// aci::model::ClauseTerms: the clause sociale of the public contract a job belongs to — what the
// devis checks the job against and what the invoice's hours attestation answers.
#pragma once

#include <string>
#include <string_view>
#include <tuple>

#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/schema/field.hpp"

namespace aci::model {

/// A clause sociale: hours required = contract amount x labour share x insertion rate / loaded
/// hourly cost (quote::check_social_clause; DOMAIN.md: 1 M€ x 50 % x 5 % / 30 €/h ≈ 833 h).
struct ClauseTerms {
  std::string contract;  ///< the contract's reference (marché n°…), printed on the attestation
  Money contract_amount = Money::from_cents(100000000);  ///< € excl. VAT
  Decimal labour_share{"0.5"};                           ///< share of the amount that is labour
  Decimal insertion_rate{"0.05"};                        ///< share of the labour hours reserved for insertion
  Money hourly_cost = Money::from_cents(3000);           ///< loaded hourly cost of the buyer's formula, €/h

  static constexpr std::string_view schema_name = "ClauseTerms";
  /// The field table (schema/field.hpp).
  static constexpr auto schema() {
    using S = ClauseTerms;
    using schema::field;
    return std::tuple{field("contract", &S::contract, "the contract's reference").quiet_when_empty(),
                      field("contract_amount", &S::contract_amount, "contract amount excl. VAT")
                          .units("€")
                          .at_least("0", "()")
                          .needed(),
                      field("labour_share", &S::labour_share, "share of the amount that is labour")
                          .units("share")
                          .in("0", "1", "(]")
                          .needed(),
                      field("insertion_rate", &S::insertion_rate, "share of the labour hours reserved for insertion")
                          .units("share")
                          .in("0", "1", "(]")
                          .needed(),
                      field("hourly_cost", &S::hourly_cost, "loaded hourly cost of the clause's formula")
                          .units("€/h")
                          .at_least("0", "()")
                          .needed()};
  }
  friend bool operator==(const ClauseTerms&, const ClauseTerms&) = default;
};

}  // namespace aci::model
