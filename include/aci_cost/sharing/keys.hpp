// aci::sharing: the two simple keys a board proposes first — the cost of the grand coalition
// in proportion to each member's hours, and an equal share of the saving (each pays its
// stand-alone cost less 1/n of what sharing saves).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "aci_cost/error.hpp"
#include "aci_cost/sharing/game.hpp"

namespace aci::sharing {

/// c(N) in proportion to `weights` (e.g. hours a year; non-negative, not all zero).
template <class T>
std::vector<T> proportional_split(const CostGame<T>& game, const std::vector<T>& weights) {
  ACI_COST_REQUIRE(weights.size() == static_cast<std::size_t>(game.players()), "proportional.weights", weights.size(),
                   "needs one weight per player");
  T total(0);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    ACI_COST_REQUIRE(weights[i] >= T(0), "proportional.weights[" + std::to_string(i) + "]", weights[i], "must be >= 0");
    total += weights[i];
  }
  ACI_COST_REQUIRE(total > T(0), "proportional.weights", "all zero", "needs a positive weight");
  std::vector<T> x(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i) x[i] = game.grand() * weights[i] / total;
  return x;
}

/// Each player pays c({i}) - (sum_j c({j}) - c(N)) / n: the saving shared equally.
template <class T>
std::vector<T> equal_saving_split(const CostGame<T>& game) {
  const int n = game.players();
  T alone(0);
  for (int i = 0; i < n; ++i) alone += game.alone(i);
  const T saving_each = (alone - game.grand()) / T(n);
  std::vector<T> x(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) x[static_cast<std::size_t>(i)] = game.alone(i) - saving_each;
  return x;
}

}  // namespace aci::sharing
