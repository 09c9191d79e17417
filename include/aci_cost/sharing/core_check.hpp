// aci::sharing: who would walk away from a split. A coalition S blocks a split x when it would
// pay less on its own than the split charges it: x(S) > c(S) (the split is then outside the
// core, Gillies 1959). The check is made on the figures a board sees: the shares to the cent and
// c(S) rounded to the cent; a coalition blocks when it would save at least one cent.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/sharing/game.hpp"

namespace aci::sharing {

/// A coalition that would walk away.
struct BlockingCoalition {
  Coalition members = 0;  ///< who
  Money cost;             ///< c(S) to the cent: what they would pay on their own, €/year
  Money charged;          ///< x(S): what the split charges them, €/year (whole cents)
  /// charged - cost, €/year (>= 0.01).
  Money excess() const { return charged - cost; }
};

/// Every proper coalition S whose shares add up to at least one cent more than c(S) rounded to the
/// cent (largest excess first, then by mask). `shares` are whole cents, one per player.
inline std::vector<BlockingCoalition> blocking_coalitions(const CostGame<Decimal>& game,
                                                          const std::vector<Money>& shares) {
  ACI_COST_REQUIRE(shares.size() == static_cast<std::size_t>(game.players()), "split.shares", shares.size(),
                   "needs one share per player");
  std::vector<Decimal> x;
  for (const Money& m : shares) x.push_back(m.amount());
  const std::vector<Decimal> sums = coalition_sums(x);
  static const Decimal cent("0.01");  // immutable after its thread-safe initialisation
  std::vector<BlockingCoalition> out;
  const Coalition all = grand_coalition(game.players());
  for (Coalition s = 1; s < all; ++s) {
    const Money cost = Money(game(s)).rounded();
    if (sums[s] - cost.amount() >= cent) out.push_back({s, cost, Money(sums[s])});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const BlockingCoalition& a, const BlockingCoalition& b) { return a.excess() > b.excess(); });
  return out;
}

}  // namespace aci::sharing
