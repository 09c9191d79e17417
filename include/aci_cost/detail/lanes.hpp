// aci::detail::Lanes<W>: W doubles that take one IEEE operation at a time, lane by lane — the
// scalar type a batch kernel instantiates a model's scalar code with, so that one source gives
// the single path (T = double) and the vector path (T = Lanes<W>) with the same operations in
// the same order, hence the same bits.
//
// It wraps GCC's vector extension (GCC and Clang), which maps + - * / and comparisons to SIMD
// instructions of the target's width (and splits wider vectors on narrower targets). Only
// correctly rounded operations are offered: + - * /, the fused multiply-add fused_mul_add (one
// rounding, as std::fma), max_of; no approximate reciprocal. select(mask, a, b) is the
// lane-wise conditional; for scalars it is plain c ? a : b.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

#if defined(__GNUC__) && (defined(__AVX512F__) || defined(__FMA__) || defined(__AVX__) || defined(__SSE2__))
#  include <immintrin.h>
#endif

namespace aci::detail {

/// c ? a : b on scalars (the scalar twin of the lane-wise select below).
template <class T>
inline T select(bool c, const T& a, const T& b) {
  return c ? a : b;
}

/// a > b ? a : b (so b if either is NaN or both are zeros: the rule of the x86 max instruction).
template <class T>
inline T max_of(const T& a, const T& b) {
  return a > b ? a : b;
}

/// a x b + c: rounded once for double (std::fma, correctly rounded on every platform, in hardware
/// where the target has FMA); an exact type (Decimal) has no rounding to fuse.
template <class T>
inline T fused_mul_add(const T& a, const T& b, const T& c) {
  return a * b + c;
}
inline double fused_mul_add(double a, double b, double c) { return std::fma(a, b, c); }

/// std::sqrt (correctly rounded), spelt so that lanes overload it.
inline double sqrt_of(double x) { return std::sqrt(x); }
/// std::round (half away from zero, exact), spelt so that lanes overload it.
inline double round_of(double x) { return std::round(x); }

/// The widest double vector of the build's target: 8 lanes with AVX-512, 4 with AVX, else 2.
#if defined(__AVX512F__)
inline constexpr std::size_t native_lanes = 8;
#elif defined(__AVX__)
inline constexpr std::size_t native_lanes = 4;
#else
inline constexpr std::size_t native_lanes = 2;
#endif

#if defined(__GNUC__)
#  define ACI_COST_HAVE_LANES 1

/// The vector types of W lanes (specialised per W: GCC ignores vector_size on a dependent type).
template <std::size_t W>
struct VectorTypes;
#  define ACI_COST_LANES_TYPES(W)                                  \
    template <>                                                    \
    struct VectorTypes<W> {                                        \
      typedef double D __attribute__((vector_size(W * 8)));        \
      typedef std::uint64_t U __attribute__((vector_size(W * 8))); \
      typedef std::int64_t I __attribute__((vector_size(W * 8)));  \
    };
ACI_COST_LANES_TYPES(2)
ACI_COST_LANES_TYPES(4)
ACI_COST_LANES_TYPES(8)
ACI_COST_LANES_TYPES(16)
#  undef ACI_COST_LANES_TYPES

/// Lane-wise comparison result: all ones (true) or zero per lane, in Parts vectors of W lanes.
template <std::size_t W, std::size_t Parts = 1>
struct Mask {
  using V = typename VectorTypes<W>::I;
  V v[Parts];

  friend Mask operator&(Mask a, Mask b) {
    for (std::size_t k = 0; k < Parts; ++k) a.v[k] &= b.v[k];
    return a;
  }
  friend Mask operator|(Mask a, Mask b) {
    for (std::size_t k = 0; k < Parts; ++k) a.v[k] |= b.v[k];
    return a;
  }
  /// Every lane true.
  static Mask all_true() {
    Mask m;
    for (auto& x : m.v) x = ~V{};
    return m;
  }
  /// True when every lane is true.
  bool all() const {
    for (std::size_t k = 0; k < Parts; ++k)
      for (std::size_t i = 0; i < W; ++i)
        if (v[k][i] == 0) return false;
    return true;
  }
  /// True when some lane is true.
  bool any() const {
    for (std::size_t k = 0; k < Parts; ++k)
      for (std::size_t i = 0; i < W; ++i)
        if (v[k][i] != 0) return true;
    return false;
  }
};

/// W x Parts doubles, one IEEE operation per lane. W is a vector width of the target; Parts > 1
/// interleaves that many independent vectors, each operation applied to each in turn, which
/// hands an out-of-order core independent work within a few instructions (lane i is element
/// i % W of part i / W, so loads and stores stay contiguous).
template <std::size_t W, std::size_t Parts = 1>
struct Lanes {
  using V = typename VectorTypes<W>::D;
  static constexpr std::size_t size = W * Parts;
  V v[Parts];

  Lanes() = default;
  /// Every lane = x.
  Lanes(double x) {  // NOLINT(google-explicit-constructor)
    for (std::size_t k = 0; k < Parts; ++k) v[k] = broadcast(x, std::make_index_sequence<W>{});
  }

  /// Lanes from `size` contiguous doubles (any alignment).
  static Lanes load(const double* p) {
    Lanes r;
    std::memcpy(&r.v, p, sizeof(r.v));
    return r;
  }
  /// Writes the lanes to p (any alignment).
  void store(double* p) const { std::memcpy(p, &v, sizeof(v)); }
  double operator[](std::size_t i) const { return v[i / W][i % W]; }

  // {x, x, ..., x}: a uniform constructor, which GCC emits as one broadcast in any target
  // (vs 0 + x, which is an addition, or lane-by-lane stores).
  template <std::size_t... I>
  static V broadcast(double x, std::index_sequence<I...>) {
    return V{(static_cast<void>(I), x)...};
  }

  /// f(a.v[k], b.v[k]) for every part, as Lanes or as a Mask.
  template <class R = Lanes, class F>
  static R zip(const Lanes& a, const Lanes& b, F f) {
    R r;
    for (std::size_t k = 0; k < Parts; ++k) r.v[k] = f(a.v[k], b.v[k]);
    return r;
  }
  using M = Mask<W, Parts>;
  friend Lanes operator+(Lanes a, Lanes b) {
    return zip(a, b, [](V x, V y) { return x + y; });
  }
  friend Lanes operator-(Lanes a, Lanes b) {
    return zip(a, b, [](V x, V y) { return x - y; });
  }
  friend Lanes operator*(Lanes a, Lanes b) {
    return zip(a, b, [](V x, V y) { return x * y; });
  }
  friend Lanes operator/(Lanes a, Lanes b) {
    return zip(a, b, [](V x, V y) { return x / y; });
  }
  Lanes& operator+=(Lanes b) { return *this = *this + b; }
  Lanes& operator-=(Lanes b) { return *this = *this - b; }
  Lanes& operator*=(Lanes b) { return *this = *this * b; }
  friend M operator<(Lanes a, Lanes b) {
    return zip<M>(a, b, [](V x, V y) { return x < y; });
  }
  friend M operator>(Lanes a, Lanes b) {
    return zip<M>(a, b, [](V x, V y) { return x > y; });
  }
  friend M operator<=(Lanes a, Lanes b) {
    return zip<M>(a, b, [](V x, V y) { return x <= y; });
  }
  friend M operator>=(Lanes a, Lanes b) {
    return zip<M>(a, b, [](V x, V y) { return x >= y; });
  }
  friend M operator!=(Lanes a, Lanes b) {
    return zip<M>(a, b, [](V x, V y) { return x != y; });
  }
  friend M operator==(Lanes a, Lanes b) {
    return zip<M>(a, b, [](V x, V y) { return x == y; });
  }
  /// Lane-wise std::isfinite (x - x is 0 for finite x, NaN for an infinity or a NaN).
  friend M is_finite(Lanes a) {
    return zip<M>(a, a, [](V x, V) { return (x - x) == 0.0; });
  }
};

/// Lane-wise m ? a : b.
template <std::size_t W, std::size_t Parts>
inline Lanes<W, Parts> select(Mask<W, Parts> m, Lanes<W, Parts> a, Lanes<W, Parts> b) {
  Lanes<W, Parts> r;
  for (std::size_t k = 0; k < Parts; ++k) r.v[k] = m.v[k] ? a.v[k] : b.v[k];
  return r;
}

/// Lane-wise max_of: one max instruction with AVX-512 (GCC keeps the select as a compare and a
/// masked move), the select elsewhere; the same rule either way.
template <std::size_t W, std::size_t Parts>
inline Lanes<W, Parts> max_of(Lanes<W, Parts> a, Lanes<W, Parts> b) {
  Lanes<W, Parts> r;
  for (std::size_t k = 0; k < Parts; ++k) {
#  if defined(__AVX512F__)
    if constexpr (W == 8) {
      // (the masked form with every lane selected: GCC 12's _mm512_max_pd trips -Wuninitialized)
      r.v[k] = typename Lanes<W, Parts>::V(_mm512_mask_max_pd(__m512d(a.v[k]), 0xff, __m512d(a.v[k]), __m512d(b.v[k])));
      continue;
    }
#  endif
    r.v[k] = a.v[k] > b.v[k] ? a.v[k] : b.v[k];
  }
  return r;
}

/// f(x) lane by lane (for functions with no vector operator; the compiler may vectorise it).
template <std::size_t W, std::size_t Parts, class F>
inline Lanes<W, Parts> each_lane(Lanes<W, Parts> a, F f) {
  Lanes<W, Parts> r;
  for (std::size_t k = 0; k < Parts; ++k)
    for (std::size_t i = 0; i < W; ++i) r.v[k][i] = f(a.v[k][i]);
  return r;
}

/// Lane-wise std::sqrt (IEEE square root, correctly rounded: the same bits as the scalar), one
/// vector instruction where the target has one.
template <std::size_t W, std::size_t Parts>
inline Lanes<W, Parts> sqrt_of(Lanes<W, Parts> a) {
  Lanes<W, Parts> r;
  for (std::size_t k = 0; k < Parts; ++k) {
#  if defined(__AVX512F__)
    if constexpr (W == 8) {
      // (the masked form with every lane selected: GCC 12's _mm512_sqrt_pd trips -Wuninitialized)
      r.v[k] = typename Lanes<W, Parts>::V(_mm512_mask_sqrt_pd(__m512d(a.v[k]), 0xff, __m512d(a.v[k])));
      continue;
    }
#  endif
#  if defined(__AVX__)
    if constexpr (W == 4) {
      r.v[k] = typename Lanes<W, Parts>::V(_mm256_sqrt_pd(__m256d(a.v[k])));
      continue;
    }
#  endif
#  if defined(__SSE2__)
    if constexpr (W == 2) {
      r.v[k] = typename Lanes<W, Parts>::V(_mm_sqrt_pd(__m128d(a.v[k])));
      continue;
    }
#  endif
    for (std::size_t i = 0; i < W; ++i) r.v[k][i] = std::sqrt(a.v[k][i]);
  }
  return r;
}

/// Lane-wise std::round (half away from zero), exactly: t = trunc(x), then t + sign(x) when
/// |x - t| >= 1/2 (x - t is exact); the same bits as std::round.
template <std::size_t W, std::size_t Parts>
inline Lanes<W, Parts> round_of(Lanes<W, Parts> a) {
  const Lanes<W, Parts> t = each_lane(a, [](double x) { return std::trunc(x); });
  const Lanes<W, Parts> d = a - t;
  const Lanes<W, Parts> zero(0.0), half(0.5), one(1.0), minus_one(-1.0);
  const Lanes<W, Parts> step = select(a < zero, minus_one, one);
  const auto far = (d >= half) | (zero - d >= half);
  return select(far, t + step, t);
}

/// Lane-wise std::fma: one instruction where the target has FMA, else std::fma lane by lane
/// (correctly rounded in software: slower, the same bits).
template <std::size_t W, std::size_t Parts>
inline Lanes<W, Parts> fused_mul_add(Lanes<W, Parts> a, Lanes<W, Parts> b, Lanes<W, Parts> c) {
  Lanes<W, Parts> r;
  for (std::size_t k = 0; k < Parts; ++k) {
#  if defined(__AVX512F__)
    if constexpr (W == 8) {
      r.v[k] = typename Lanes<W, Parts>::V(_mm512_fmadd_pd(__m512d(a.v[k]), __m512d(b.v[k]), __m512d(c.v[k])));
      continue;
    }
#  endif
#  if defined(__FMA__)
    if constexpr (W == 4) {
      r.v[k] = typename Lanes<W, Parts>::V(_mm256_fmadd_pd(__m256d(a.v[k]), __m256d(b.v[k]), __m256d(c.v[k])));
      continue;
    }
    if constexpr (W == 2) {
      r.v[k] = typename Lanes<W, Parts>::V(_mm_fmadd_pd(__m128d(a.v[k]), __m128d(b.v[k]), __m128d(c.v[k])));
      continue;
    }
#  endif
    for (std::size_t i = 0; i < W; ++i) r.v[k][i] = std::fma(a.v[k][i], b.v[k][i], c.v[k][i]);
  }
  return r;
}

#endif

}  // namespace aci::detail
