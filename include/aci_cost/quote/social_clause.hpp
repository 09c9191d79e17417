// aci::quote::social_clause_hours: the hours of insertion a public contract's clause sociale
// requires: amount x labour share x insertion rate / loaded hourly cost (DOMAIN.md: 1 M€ x 50 %
// x 5 % / 30 €/h ≈ 833 h).
#pragma once

#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"

namespace aci::quote {

/// A clause sociale and what a job delivers against it.
struct SocialClause {
  Decimal required_hours{0};   ///< hours of insertion the clause requires, h (2 decimals)
  Decimal delivered_hours{0};  ///< insertion hours the job delivers, h
  bool covered = false;        ///< delivered >= required
  friend bool operator==(const SocialClause&, const SocialClause&) = default;
};

/// Hours required by a clause: contract amount (€) x labour share x insertion rate / hourly cost (€/h).
inline Decimal social_clause_hours(const Money& contract_amount, const Decimal& labour_share,
                                   const Decimal& insertion_rate, const Money& hourly_cost) {
  ACI_COST_REQUIRE(contract_amount > Money(), "social_clause.contract_amount", contract_amount.to_string(),
                   "must be > 0");
  ACI_COST_REQUIRE(labour_share > 0 && labour_share <= 1, "social_clause.labour_share", to_string(labour_share),
                   "must be in (0, 1]");
  ACI_COST_REQUIRE(insertion_rate > 0 && insertion_rate <= 1, "social_clause.insertion_rate", to_string(insertion_rate),
                   "must be in (0, 1]");
  ACI_COST_REQUIRE(hourly_cost > Money(), "social_clause.hourly_cost", hourly_cost.to_string(), "must be > 0");
  return contract_amount.amount() * labour_share * insertion_rate / hourly_cost.amount();
}

/// The clause's required hours (rounded to 2 decimals) against `delivered_hours`.
inline SocialClause check_social_clause(const Money& contract_amount, const Decimal& labour_share,
                                        const Decimal& insertion_rate, const Money& hourly_cost,
                                        const Decimal& delivered_hours) {
  ACI_COST_REQUIRE(delivered_hours >= 0, "social_clause.delivered_hours", to_string(delivered_hours), "must be >= 0");
  const Decimal exact = social_clause_hours(contract_amount, labour_share, insertion_rate, hourly_cost);
  return {round_decimal(exact, 2, Rounding::half_away_from_zero), delivered_hours, delivered_hours >= exact};
}

}  // namespace aci::quote
