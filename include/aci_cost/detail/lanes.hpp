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

#if defined(__GNUC__) && (defined(__AVX512F__) || defined(__FMA__))
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

#if defined(__GNUC__)
#  define ACI_COST_HAVE_LANES 1

/// The vector types of W lanes (specialised per W: GCC ignores vector_size on a dependent type).
template <std::size_t W>
struct VectorTypes;
#  define ACI_COST_LANES_TYPES(W)                                            \
    template <>                                                              \
    struct VectorTypes<W> {                                                  \
      typedef double D __attribute__((vector_size(W * 8)));                  \
      typedef std::uint64_t U __attribute__((vector_size(W * 8)));           \
      typedef std::int64_t I __attribute__((vector_size(W * 8)));            \
    };
ACI_COST_LANES_TYPES(2)
ACI_COST_LANES_TYPES(4)
ACI_COST_LANES_TYPES(8)
ACI_COST_LANES_TYPES(16)
#  undef ACI_COST_LANES_TYPES

/// Lane-wise comparison result: all ones (true) or zero per lane.
template <std::size_t W>
struct Mask {
  using V = typename VectorTypes<W>::I;
  V v;

  friend Mask operator&(Mask a, Mask b) { return {a.v & b.v}; }
  /// True when every lane is true.
  bool all() const {
    for (std::size_t i = 0; i < W; ++i)
      if (v[i] == 0) return false;
    return true;
  }
  /// True when some lane is true.
  bool any() const {
    for (std::size_t i = 0; i < W; ++i)
      if (v[i] != 0) return true;
    return false;
  }
};

/// W doubles, one IEEE operation per lane.
template <std::size_t W>
struct Lanes {
  using V = typename VectorTypes<W>::D;
  V v;

  Lanes() = default;
  /// Every lane = x.
  Lanes(double x) : v(broadcast(x, std::make_index_sequence<W>{})) {}  // NOLINT(google-explicit-constructor)
  explicit Lanes(V x) : v(x) {}

  /// Lanes from W contiguous doubles (any alignment).
  static Lanes load(const double* p) {
    Lanes r;
    std::memcpy(&r.v, p, sizeof(V));
    return r;
  }
  /// Writes the W lanes to p (any alignment).
  void store(double* p) const { std::memcpy(p, &v, sizeof(V)); }
  double operator[](std::size_t i) const { return v[i]; }

  // {x, x, ..., x}: a uniform constructor, which GCC emits as one broadcast in any target
  // (vs 0 + x, which is an addition, or lane-by-lane stores).
  template <std::size_t... I>
  static V broadcast(double x, std::index_sequence<I...>) {
    return V{(static_cast<void>(I), x)...};
  }

  friend Lanes operator+(Lanes a, Lanes b) { return Lanes(a.v + b.v); }
  friend Lanes operator-(Lanes a, Lanes b) { return Lanes(a.v - b.v); }
  friend Lanes operator*(Lanes a, Lanes b) { return Lanes(a.v * b.v); }
  friend Lanes operator/(Lanes a, Lanes b) { return Lanes(a.v / b.v); }
  Lanes& operator+=(Lanes b) {
    v += b.v;
    return *this;
  }
  friend Mask<W> operator<(Lanes a, Lanes b) { return {a.v < b.v}; }
  friend Mask<W> operator>(Lanes a, Lanes b) { return {a.v > b.v}; }
  friend Mask<W> operator<=(Lanes a, Lanes b) { return {a.v <= b.v}; }
  friend Mask<W> operator>=(Lanes a, Lanes b) { return {a.v >= b.v}; }
  friend Mask<W> operator!=(Lanes a, Lanes b) { return {a.v != b.v}; }
  /// Lane-wise std::isfinite (x - x is 0 for finite x, NaN for an infinity or a NaN).
  friend Mask<W> is_finite(Lanes a) { return {(a.v - a.v) == 0.0}; }
};

/// Lane-wise m ? a : b.
template <std::size_t W>
inline Lanes<W> select(Mask<W> m, Lanes<W> a, Lanes<W> b) {
  return Lanes<W>(m.v ? a.v : b.v);
}

/// Lane-wise max_of: one max instruction with AVX-512 (GCC keeps the select as a compare and a
/// masked move), the select elsewhere; the same rule either way.
template <std::size_t W>
inline Lanes<W> max_of(Lanes<W> a, Lanes<W> b) {
#  if defined(__AVX512F__)
  // (the masked form with every lane selected: GCC 12's _mm512_max_pd trips -Wuninitialized)
  if constexpr (W == 8) {
    return Lanes<W>(typename Lanes<W>::V(_mm512_mask_max_pd(__m512d(a.v), 0xff, __m512d(a.v), __m512d(b.v))));
  }
#  endif
  return Lanes<W>(a.v > b.v ? a.v : b.v);
}

/// Lane-wise std::fma: one instruction where the target has FMA, else std::fma lane by lane
/// (correctly rounded in software: slower, the same bits).
template <std::size_t W>
inline Lanes<W> fused_mul_add(Lanes<W> a, Lanes<W> b, Lanes<W> c) {
  using V = typename Lanes<W>::V;
#  if defined(__AVX512F__)
  if constexpr (W == 8) return Lanes<W>(V(_mm512_fmadd_pd(__m512d(a.v), __m512d(b.v), __m512d(c.v))));
#  endif
#  if defined(__FMA__)
  if constexpr (W == 4) return Lanes<W>(V(_mm256_fmadd_pd(__m256d(a.v), __m256d(b.v), __m256d(c.v))));
  if constexpr (W == 2) return Lanes<W>(V(_mm_fmadd_pd(__m128d(a.v), __m128d(b.v), __m128d(c.v))));
#  endif
  V r;
  for (std::size_t i = 0; i < W; ++i) r[i] = std::fma(a.v[i], b.v[i], c.v[i]);
  return Lanes<W>(r);
}

#endif

}  // namespace aci::detail
