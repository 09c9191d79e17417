// aci::sharing::CostGame: a cooperative cost game in tabulated form — c(S) for every coalition S
// of n players, a coalition being a bit mask (player i <-> bit i). The split methods and the
// core check read it; templated on the scalar (Decimal for shown splits, double for sweeps).
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"

namespace aci::sharing {

/// A set of players as a bit mask: player i is in S when bit i is set.
using Coalition = std::uint64_t;

/// Largest number of players a tabulated game (2^n values) may have.
inline constexpr int max_tabulated_players = 25;

/// The players of S, in increasing order.
inline std::vector<int> players_of(Coalition s) {
  std::vector<int> out;
  while (s != 0) {
    out.push_back(std::countr_zero(s));
    s &= s - 1;
  }
  return out;
}

/// The grand coalition of n players.
constexpr Coalition grand_coalition(int n) { return n >= 64 ? ~Coalition{0} : (Coalition{1} << n) - 1; }

/// c(S) for every S (scalar T: double or Decimal).
template <class T>
class CostGame {
 public:
  /// The game of n players whose cost is f(S) (f is called once per coalition, c(empty) = 0).
  template <class F>
  static CostGame tabulate(int n, F&& f) {
    ACI_COST_REQUIRE(n >= 1 && n <= max_tabulated_players, "game.players", n,
                     "a tabulated game has 1 to 25 players (2^n coalitions)");
    CostGame g;
    g.n_ = n;
    g.c_.assign(std::size_t{1} << n, T(0));
    for (Coalition s = 1; s <= grand_coalition(n); ++s) g.c_[s] = f(s);
    return g;
  }
  /// The game given by its 2^n values, c[S] (c[0] must be 0).
  static CostGame from_values(int n, std::vector<T> c) {
    ACI_COST_REQUIRE(n >= 1 && n <= max_tabulated_players, "game.players", n,
                     "a tabulated game has 1 to 25 players (2^n coalitions)");
    ACI_COST_REQUIRE(c.size() == (std::size_t{1} << n), "game.values", c.size(), "needs 2^n values");
    ACI_COST_REQUIRE(c[0] == T(0), "game.values[0]", c[0], "the empty coalition costs 0");
    for (const T& v : c) ACI_COST_REQUIRE(is_finite(v), "game.values", v, "must be finite");
    CostGame g;
    g.n_ = n;
    g.c_ = std::move(c);
    return g;
  }

  /// Number of players.
  int players() const noexcept { return n_; }
  /// c(S).
  const T& operator()(Coalition s) const { return c_[s]; }
  /// c(N).
  const T& grand() const { return c_[grand_coalition(n_)]; }
  /// c({i}): what player i pays alone.
  const T& alone(int i) const { return c_[Coalition{1} << i]; }
  /// Every value, indexed by coalition.
  const std::vector<T>& values() const noexcept { return c_; }

  /// The game whose values are f(c(S)) (e.g. Decimal to double for a double solver).
  template <class U, class F>
  CostGame<U> map(F&& f) const {
    std::vector<U> v(c_.size());
    for (std::size_t s = 0; s < c_.size(); ++s) v[s] = f(c_[s]);
    return CostGame<U>::from_values(n_, std::move(v));
  }

 private:
  int n_ = 0;
  std::vector<T> c_;
};

/// x(S) for every coalition S: the sum of x over the players of S (2^n sums, one addition each).
template <class T>
std::vector<T> coalition_sums(const std::vector<T>& x) {
  const std::size_t size = std::size_t{1} << x.size();
  std::vector<T> sums(size, T(0));
  for (std::size_t s = 1; s < size; ++s) {
    const int low = std::countr_zero(s);
    sums[s] = sums[s & (s - 1)] + x[static_cast<std::size_t>(low)];
  }
  return sums;
}

}  // namespace aci::sharing
