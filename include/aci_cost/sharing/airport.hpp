// aci::sharing: airport games and their Shapley value in closed form (Littlechild & Owen 1973).
// In an airport game each player needs a facility of some size, and a coalition pays for the
// largest its members need: c(S) = max over i in S of c_i (Littlechild & Thompson 1977: the
// runway of Birmingham airport). A post shared by ACIs whose needs nest is one: the psychologist
// hired for the largest need also covers the smaller ones.
#pragma once

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <vector>

#include "aci_cost/error.hpp"
#include "aci_cost/sharing/game.hpp"

namespace aci::sharing {

/// The airport game of the players' own costs: c(S) = max over S of costs[i] (n <= 25).
template <class T>
CostGame<T> airport_game(const std::vector<T>& costs) {
  for (std::size_t i = 0; i < costs.size(); ++i)
    ACI_COST_REQUIRE(costs[i] >= T(0), "airport.costs[" + std::to_string(i) + "]", costs[i], "must be >= 0");
  return CostGame<T>::tabulate(static_cast<int>(costs.size()), [&](Coalition s) {
    T m(0);
    for (int i : players_of(s)) m = std::max(m, costs[static_cast<std::size_t>(i)]);
    return m;
  });
}

/// The Shapley value of the airport game of `costs` (Littlechild & Owen 1973, Management Science
/// 20(3), p. 370–372): with the costs sorted c_(1) <= ... <= c_(n), the player of rank j pays
/// sum over k <= j of (c_(k) - c_(k-1)) / (n - k + 1): each segment of the runway is shared
/// equally by the players who use it. Returned in the players' order; O(n log n).
template <class T>
std::vector<T> airport_shapley(const std::vector<T>& costs) {
  const std::size_t n = costs.size();
  ACI_COST_REQUIRE(n >= 1, "airport.costs", "[]", "needs at least one player");
  for (std::size_t i = 0; i < n; ++i)
    ACI_COST_REQUIRE(costs[i] >= T(0), "airport.costs[" + std::to_string(i) + "]", costs[i], "must be >= 0");
  std::vector<std::size_t> rank(n);
  std::iota(rank.begin(), rank.end(), std::size_t{0});
  std::stable_sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) { return costs[a] < costs[b]; });
  std::vector<T> phi(n);
  T paid(0), previous(0);
  for (std::size_t k = 0; k < n; ++k) {
    const T& c = costs[rank[k]];
    paid += (c - previous) / T(static_cast<int>(n - k));
    previous = c;
    phi[rank[k]] = paid;
  }
  return phi;
}

}  // namespace aci::sharing
