// aci::sharing: the Shapley value of a cost game — each player's marginal cost averaged over
// every order in which the coalition could have formed (Shapley 1953). Exact by subset
// enumeration on a tabulated game (n <= 25; O(n 2^n)), or estimated from seeded random orders
// with standard errors for larger groups: the same numbers whatever the thread count.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/parallel/parallel_for.hpp"
#include "aci_cost/sharing/game.hpp"

namespace aci::sharing {

/// The exact Shapley value of `game`: phi_i = sum over S not containing i of
/// |S|! (n - |S| - 1)! / n! (c(S + i) - c(S)). Marginal costs are summed by coalition size
/// first (exact additions on a Decimal), then weighted: n^2 divisions.
template <class T>
std::vector<T> shapley_exact(const CostGame<T>& game) {
  const int n = game.players();
  const auto un = static_cast<std::size_t>(n);
  // by_size[i * n + s]: sum of c(S + i) - c(S) over the S of size s without i.
  std::vector<T> by_size(un * un, T(0));
  const Coalition all = grand_coalition(n);
  for (Coalition s = 0; s < all; ++s) {
    const auto size = static_cast<std::size_t>(std::popcount(s));
    const T& cs = game(s);
    for (Coalition rest = all & ~s; rest != 0; rest &= rest - 1) {
      const int i = std::countr_zero(rest);
      by_size[static_cast<std::size_t>(i) * un + size] += game(s | (Coalition{1} << i)) - cs;
    }
  }
  // weight(s) = s! (n - s - 1)! / n! = 1 / (n C(n - 1, s)).
  std::vector<T> weight(un);
  T binomial(1);  // C(n - 1, s)
  for (std::size_t s = 0; s < un; ++s) {
    weight[s] = T(1) / (T(n) * binomial);
    binomial = binomial * T(static_cast<int>(un - 1 - s)) / T(static_cast<int>(s + 1));
  }
  std::vector<T> phi(un, T(0));
  for (std::size_t i = 0; i < un; ++i)
    for (std::size_t s = 0; s < un; ++s) phi[i] += by_size[i * un + s] * weight[s];
  return phi;
}

/// A Shapley value estimated by sampling orders.
struct SampledShapley {
  std::vector<double> value;           ///< estimated phi_i
  std::vector<double> standard_error;  ///< standard error of each estimate (sd / sqrt(permutations))
  std::uint64_t permutations = 0;      ///< orders drawn
};

/// Orders drawn per block: a block's sums are computed in one go, the blocks then added in order.
inline constexpr std::uint64_t shapley_block = 256;
/// [assumption] The most partial sums (doubles) the sampled Shapley value keeps: 2^28, 2 GiB.
inline constexpr std::uint64_t max_shapley_sums = std::uint64_t{1} << 28;

/// The Shapley value of the n-player cost function `cost` (c(S) for a coalition mask; called
/// from `threads` threads at once) estimated from `permutations` random orders (Castro, Gómez &
/// Tejada 2009). Order k is a pure function of (seed, k): the estimate is the same for any
/// thread count. An exception of `cost` stops the run and is rethrown here (the lowest block's);
/// `watch` (polled from the calling thread, told the orders drawn) stops it with
/// parallel::Cancelled by returning false, or with its own exception (Ctrl-C in Python).
template <class F>
SampledShapley shapley_sampled(int n, const F& cost, std::uint64_t permutations, std::uint64_t seed, int threads = 1,
                               const aci::parallel::Watch& watch = {}) {
  ACI_COST_REQUIRE(n >= 1 && n <= 63, "shapley.players", n, "must be in [1, 63]");
  ACI_COST_REQUIRE(permutations >= 2, "shapley.permutations", permutations, "needs at least 2 orders");
  ACI_COST_REQUIRE(threads >= 1, "shapley.threads", threads, "must be >= 1");
  const auto un = static_cast<std::size_t>(n);
  const std::uint64_t blocks = permutations / shapley_block + (permutations % shapley_block != 0 ? 1 : 0);
  // [assumption] The partial sums (two per player and block) stay within 2^28 doubles (2 GiB):
  // refused before any work, not a MemoryError (or hours of computing) later.
  ACI_COST_REQUIRE(blocks <= max_shapley_sums / (un * 2), "shapley.permutations", permutations,
                   "at most " + std::to_string(max_shapley_sums / (un * 2) * shapley_block) + " orders for " +
                       std::to_string(n) + " players (2 GiB of partial sums)");
  // Per block: sum and sum of squares of each player's marginal cost.
  std::vector<double> sums(blocks * un * 2, 0.0);
  aci::parallel::Options run;
  run.threads = static_cast<unsigned>(threads);
  run.total = permutations;
  run.watch = watch;
  aci::parallel::parallel_for(blocks, run, [&](std::uint64_t b, const aci::parallel::Worker& worker) {
    std::vector<int> order(un);
    {  // block b of orders
      double* sum = &sums[b * un * 2];
      double* square = sum + un;
      const std::uint64_t end = std::min(permutations, (b + 1) * shapley_block);
      for (std::uint64_t k = b * shapley_block; k < end; ++k) {
        const std::uint64_t key = detail::counter_key(seed, k);
        for (std::size_t i = 0; i < un; ++i) order[i] = static_cast<int>(i);
        for (std::size_t j = un - 1; j > 0; --j) {  // Fisher-Yates, one hash per swap
          const std::uint64_t bits = detail::counter_step_key(key, j);
          const auto pick = static_cast<std::size_t>(((bits >> 32) * (j + 1)) >> 32);
          std::swap(order[j], order[pick]);
        }
        Coalition s = 0;
        double before = 0.0;
        for (int i : order) {
          s |= Coalition{1} << i;
          const double after = cost(s);
          const double marginal = after - before;
          sum[i] += marginal;
          square[i] += marginal * marginal;
          before = after;
        }
      }
      worker.advance(end - b * shapley_block);
    }
  });
  SampledShapley out;
  out.permutations = permutations;
  out.value.assign(un, 0.0);
  out.standard_error.assign(un, 0.0);
  std::vector<double> square(un, 0.0);
  for (std::uint64_t b = 0; b < blocks; ++b)
    for (std::size_t i = 0; i < un; ++i) {
      out.value[i] += sums[b * un * 2 + i];
      square[i] += sums[b * un * 2 + un + i];
    }
  const auto m = static_cast<double>(permutations);
  for (std::size_t i = 0; i < un; ++i) {
    const double mean = out.value[i] / m;
    const double variance = std::max(0.0, (square[i] - m * mean * mean) / (m - 1));
    out.value[i] = mean;
    out.standard_error[i] = std::sqrt(variance / m);
  }
  return out;
}

}  // namespace aci::sharing
