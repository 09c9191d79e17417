// Counter-based random numbers: every draw is a pure function of its coordinates
// (seed, scenario, step, stream), so scenario i draws the same numbers whether it runs
// alone, in a batch, or in any chunk of a parallel sweep. There is no generator state
// to share, split or advance.
//
// The hash chains a bijective mix over the coordinates:
//   key = mix(mix(seed) ^ scenario),  step_key = mix(key ^ step),  bits = mix(step_key ^ stream)
// Every coordinate changes every output bit, and for fixed other coordinates the map from
// any one coordinate to the bits is one-to-one. The partial keys let a kernel hoist the
// per-scenario and per-step work out of its inner loops without changing a bit.
#pragma once

#include <bit>
#include <cstdint>

namespace aci::detail {

/// mix64 on U = std::uint64_t or a GNU vector of them (lane by lane, for batch kernels).
template <class U>
constexpr U mix64_of(U z) noexcept {
  z += 0x9e3779b97f4a7c15ULL;  // the golden-ratio increment keeps mix64(0) away from 0
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/// SplitMix64 step (Steele, Lea & Flood 2014): a bijective 64-bit mix with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept { return mix64_of(z); }

/// The hash state fixed by (seed, scenario).
constexpr std::uint64_t counter_key(std::uint64_t seed, std::uint64_t scenario) noexcept {
  return mix64(mix64(seed) ^ scenario);
}

/// The hash state fixed by (seed, scenario, step), from counter_key.
constexpr std::uint64_t counter_step_key(std::uint64_t key, std::uint64_t step) noexcept { return mix64(key ^ step); }

/// 64 random bits of stream `stream`, from counter_step_key.
constexpr std::uint64_t counter_stream_bits(std::uint64_t step_key, std::uint64_t stream) noexcept {
  return mix64(step_key ^ stream);
}

/// Uniform double in [0, 1) on the 2^-52 grid from 64 random bits.
constexpr double bits_to_uniform(std::uint64_t bits) noexcept {
  // 52 bits as the mantissa of a double in [1, 2), minus 1: exact, identical on every
  // platform, and (unlike an integer-to-double conversion) vectorisable without AVX-512.
  return std::bit_cast<double>((bits >> 12) | 0x3ff0000000000000ULL) - 1.0;
}

/// Two uniform doubles in [0, 1) on the 2^-32 grid from one 64-bit hash: its high half
/// (half 0) and its low half (half 1). One hash per step feeds two random inputs.
constexpr double half_to_uniform(std::uint64_t bits, int half) noexcept {
  const std::uint64_t word = half == 0 ? bits >> 32 : bits & 0xffffffffULL;
  return std::bit_cast<double>((word << 20) | 0x3ff0000000000000ULL) - 1.0;
}

/// The draw of a 32-bit word as x = 2u + 2 in [2, 4), u = word 2^-32 (half_to_uniform's u): the
/// word as the top of the mantissa of a double in [2, 4), exactly. A model that needs the centred
/// draw e = 2u - 1 = x - 3 folds the 3 into its constants. U = std::uint64_t or a GNU vector of
/// them, giving D (double or the matching vector of doubles).
template <class D, class U>
constexpr D word_to_draw_of(U word) noexcept {
  return std::bit_cast<D>((word << 20) | 0x4000000000000000ULL);
}

/// word_to_draw_of(bits >> 32) and word_to_draw_of(bits & 0xffffffff), bit for bit, with one
/// shift each: the half lands in mantissa bits 51..20 by one shift and a mask-or (which AVX-512
/// does in one vpternlog), where the plain form takes two shifts for the high half.
template <class D, class U>
constexpr D high_draw_of(U bits) noexcept {
  return std::bit_cast<D>(((bits >> 12) & 0x000ffffffff00000ULL) | 0x4000000000000000ULL);
}
template <class D, class U>
constexpr D low_draw_of(U bits) noexcept {
  return std::bit_cast<D>(((bits << 20) & 0x000ffffffff00000ULL) | 0x4000000000000000ULL);
}

/// half_to_uniform's draw as x = 2u + 2 in [2, 4), exactly: high_draw_of / low_draw_of.
constexpr double half_to_draw(std::uint64_t bits, int half) noexcept {
  return half == 0 ? high_draw_of<double>(bits) : low_draw_of<double>(bits);
}

/// 64 random bits for the counter (seed, scenario, step, stream).
constexpr std::uint64_t counter_bits(std::uint64_t seed, std::uint64_t scenario, std::uint64_t step,
                                     std::uint64_t stream) noexcept {
  return counter_stream_bits(counter_step_key(counter_key(seed, scenario), step), stream);
}

/// Uniform double in [0, 1) for the counter (seed, scenario, step, stream).
constexpr double counter_uniform(std::uint64_t seed, std::uint64_t scenario, std::uint64_t step,
                                 std::uint64_t stream) noexcept {
  return bits_to_uniform(counter_bits(seed, scenario, step, stream));
}

/// A seed bound to one scenario: draws indexed by (step, stream).
struct CounterRng {
  /// Binds `seed` and the scenario's global index.
  constexpr CounterRng(std::uint64_t seed, std::uint64_t scenario) noexcept : key(counter_key(seed, scenario)) {}
  /// Uniform double in [0, 1) for (step, stream); equals counter_uniform(seed, scenario, step, stream).
  constexpr double uniform(std::uint64_t step, std::uint64_t stream) const noexcept {
    return bits_to_uniform(counter_stream_bits(counter_step_key(key, step), stream));
  }
  std::uint64_t key;  ///< counter_key(seed, scenario)
};

}  // namespace aci::detail
