// aci::detail::ScenarioStream: the random bits of one scenario's weeks — a xoroshiro128++
// generator (D. Blackman & S. Vigna, "Scrambled linear pseudorandom number generators",
// ACM Trans. Math. Softw. 47(4), 2021; version 1.0: a, b, c = 49, 21, 28, ++ rotation 17)
// started from the counter hash of (seed, scenario):
//   s0 = counter_key(seed, scenario),  s1 = mix64(s0)
// so the stream, and scenario i's draws, are a pure function of (seed, i), whether the scenario
// runs alone, in a batch or in any chunk of a parallel sweep. The state is never all zero (the
// one state xoroshiro never leaves): s0 = 0 only for a key of 0, and then s1 = mix64(0) != 0.
//
// Week w takes the (w + 1)-th 64-bit output. A step costs 8 integer vector operations against 11
// for a counter hash per week (SplitMix64's finaliser, with two 64-bit multiplications); the
// reference sweep's timings are in docs/performance.md. xoroshiro128++ passes BigCrush and PractRand in all its bits
// (the ++ scrambler, per its authors), so both halves of an output serve as draws.
#pragma once

#include <cstdint>

#include "aci_cost/detail/counter_rng.hpp"

namespace aci::detail {

static_assert(mix64(0) != 0, "a zero key must still give a non-zero state");

/// xoroshiro128++ on U = std::uint64_t or a GNU vector of them (one independent stream per lane).
template <class U>
struct ScenarioStream {
  U s0, s1;

  static constexpr U rotl(U x, int k) noexcept { return (x << k) | (x >> (64 - k)); }

  /// The next 64 random bits.
  constexpr U next() noexcept {
    const U result = rotl(s0 + s1, 17) + s0;
    const U t = s1 ^ s0;
    s0 = rotl(s0, 49) ^ t ^ (t << 21);
    s1 = rotl(t, 28);
    return result;
  }
};

/// The stream of the scenario whose counter_key is `key` (per lane for a vector U).
template <class U>
constexpr ScenarioStream<U> scenario_stream_of(U key) noexcept {
  return ScenarioStream<U>{key, mix64_of(key)};
}

/// The stream of scenario `scenario` under `seed`.
constexpr ScenarioStream<std::uint64_t> scenario_stream(std::uint64_t seed, std::uint64_t scenario) noexcept {
  return scenario_stream_of(counter_key(seed, scenario));
}

}  // namespace aci::detail
