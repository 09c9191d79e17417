// aci::sharing: who would walk away from a split. A coalition S blocks a split x when it would
// pay less on its own than the split charges it: x(S) > c(S) (the split is then outside the
// core, Gillies 1959). Amounts are exact (Decimal); a coalition blocks when it would save at
// least half a cent, i.e. a saving that shows as 0,01 € or more.
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
  Decimal cost;           ///< c(S): what they would pay on their own, €/year
  Decimal charged;        ///< x(S): what the split charges them, €/year
  /// charged - cost, €/year (> 0).
  Decimal excess() const { return charged - cost; }
};

/// Every proper coalition S with x(S) - c(S) >= 0.005 € (largest excess first, then by mask).
inline std::vector<BlockingCoalition> blocking_coalitions(const CostGame<Decimal>& game, const std::vector<Decimal>& x) {
  ACI_COST_REQUIRE(x.size() == static_cast<std::size_t>(game.players()), "split.shares", x.size(),
                   "needs one share per player");
  static const Decimal half_cent("0.005");  // immutable after its thread-safe initialisation
  const std::vector<Decimal> sums = coalition_sums(x);
  std::vector<BlockingCoalition> out;
  const Coalition all = grand_coalition(game.players());
  for (Coalition s = 1; s < all; ++s)
    if (sums[s] - game(s) >= half_cent) out.push_back({s, game(s), sums[s]});
  std::stable_sort(out.begin(), out.end(),
                   [](const BlockingCoalition& a, const BlockingCoalition& b) { return a.excess() > b.excess(); });
  return out;
}

}  // namespace aci::sharing
