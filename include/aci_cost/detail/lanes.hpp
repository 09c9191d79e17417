// aci::detail::Lanes<W>: W doubles that take one IEEE operation at a time, lane by lane — the
// scalar type a batch kernel instantiates a model's scalar code with, so that one source gives
// the single path (T = double) and the vector path (T = Lanes<W>) with the same operations in
// the same order, hence the same bits.
//
// It wraps GCC's vector extension (GCC and Clang), which maps + - * / and comparisons to SIMD
// instructions of the target's width (and splits wider vectors on narrower targets). Only
// correctly rounded operations are offered: no fused multiply-add, no approximate reciprocal.
// select(mask, a, b) is the lane-wise conditional; for scalars it is plain c ? a : b.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

namespace aci::detail {

/// c ? a : b on scalars (the scalar twin of the lane-wise select below).
template <class T>
inline T select(bool c, const T& a, const T& b) {
  return c ? a : b;
}

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

#endif

}  // namespace aci::detail
