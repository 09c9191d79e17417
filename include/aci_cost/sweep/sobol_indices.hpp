// aci::sweep::SaltelliDesign + analyze_sobol: first-order, total and (optionally) second-order
// Sobol' indices of any model from the outputs of a Saltelli design, with bootstrap confidence
// intervals (threads, progress, interruptible, the same bits for any thread count).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/detail/lanes.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/parallel/parallel_for.hpp"
#include "aci_cost/sweep/cancel.hpp"
#include "aci_cost/sweep/design_outputs.hpp"
#include "aci_cost/sweep/designs.hpp"
#include "aci_cost/sweep/distributions.hpp"
#include "aci_cost/detail/strict_fp.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::sweep {

/// Saltelli's design for Sobol' indices (Saltelli 2002, Comput. Phys. Commun. 145:280-297;
/// Saltelli et al. 2010, Comput. Phys. Commun. 181:259-270): base matrices A and B are the first
/// and last k columns of a 2k-dimensional Owen-scrambled Sobol' sequence, and AB_g is A with the
/// columns of group g taken from B. Rows are stored by base row: row i (G + 2) + c is A_i for
/// c = 0, B_i for c = 1 and AB_{c-2, i} after, so an N-row design is the first N (G + 2) rows of
/// the 2N-row design with the same seed. With `second_order` (Saltelli 2002, as SALib's
/// calc_second_order), each base row also has BA_g (B with the columns of group g taken from A)
/// after the AB rows: blocks of 2G + 2 rows.
class SaltelliDesign {
 public:
  /// Points are in [0, 1).
  using value_type = double;

  /// `inputs` k in [1, SobolDesign::max_dimension / 2]; `base_rows` N a power of two in [2, 2^32];
  /// `groups`: empty (one group per input) or the group (0..G-1, each used) of every input;
  /// `second_order`: also the BA_g rows of second-order indices.
  SaltelliDesign(std::size_t inputs, std::uint64_t base_rows, std::uint64_t seed, std::vector<std::size_t> groups = {},
                 bool second_order = false)
      : inputs_(checked_inputs(inputs)),
        n_(base_rows),
        seed_(seed),
        groups_(std::move(groups)),
        second_order_(second_order),
        sobol_(2 * inputs, Scrambling::owen, seed) {
    ACI_COST_REQUIRE(n_ >= 2 && n_ <= (std::uint64_t{1} << 32) && std::has_single_bit(n_), "saltelli.N", n_,
                     "must be a power of two in [2, 2^32] (Sobol' nets balance only at powers of two)");
    if (groups_.empty()) {
      groups_.resize(inputs_);
      std::iota(groups_.begin(), groups_.end(), std::size_t{0});
    }
    ACI_COST_REQUIRE(groups_.size() == inputs_, "saltelli.groups", std::to_string(groups_.size()) + " entries",
                     "must give one group per input (" + std::to_string(inputs_) + ")");
    group_count_ = *std::max_element(groups_.begin(), groups_.end()) + 1;
    ACI_COST_REQUIRE(group_count_ <= inputs_, "saltelli.groups", "largest group " + std::to_string(group_count_ - 1),
                     "group numbers must be 0..G-1 with G <= inputs (" + std::to_string(inputs_) + ")");
    std::vector<bool> used(group_count_, false);
    for (const std::size_t g : groups_) used[g] = true;
    for (std::size_t g = 0; g < group_count_; ++g)
      ACI_COST_REQUIRE(used[g], "saltelli.groups", "group " + std::to_string(g),
                       "every group 0..G-1 must hold an input");
  }
  /// Number of inputs k.
  std::size_t dimension() const noexcept { return inputs_; }
  /// Number of groups G (k without grouping).
  std::size_t group_count() const noexcept { return group_count_; }
  /// Group of each input.
  const std::vector<std::size_t>& groups() const noexcept { return groups_; }
  /// Number of base rows N.
  std::uint64_t base_rows() const noexcept { return n_; }
  /// The seed of the scrambled Sobol' sequence.
  std::uint64_t seed() const noexcept { return seed_; }
  /// True when the design has the BA_g rows of second-order indices.
  bool second_order() const noexcept { return second_order_; }
  /// Rows per base row: G + 2 (A, B, AB_0 .. AB_{G-1}), 2G + 2 with BA_0 .. BA_{G-1}.
  std::size_t block_size() const noexcept { return (second_order_ ? 2 * group_count_ : group_count_) + 2; }
  /// Model evaluations: N (G + 2), or N (2G + 2).
  std::uint64_t size() const noexcept { return n_ * block_size(); }
  /// Hash of (kind, version, seed, N, k, G, groups, second order): outputs must carry it.
  std::uint64_t fingerprint() const noexcept {
    detail::Fingerprint f(DesignKind::saltelli);
    f.add(seed_).add(n_).add(inputs_).add(group_count_);
    for (const std::size_t g : groups_) f.add(g);
    if (second_order_) f.add(0x5a17e11125ec0dULL);  // first-order designs keep their fingerprint
    return f.value();
  }
  /// Row r (< size()) into `out` (one slot per input), in [0, 1).
  void point(std::uint64_t r, std::span<double> out) const {
    detail::require_point_size(out.size(), inputs_);
    detail::require_index(r, size(), "saltelli.row");
    const std::uint64_t i = r / block_size();
    const std::size_t c = static_cast<std::size_t>(r % block_size());
    const std::size_t g = group_count_;
    for (std::size_t j = 0; j < inputs_; ++j) {
      const bool from_b = c == 1 || (c >= 2 && c < 2 + g && groups_[j] == c - 2) ||
                          (c >= 2 + g && groups_[j] != c - 2 - g);  // BA_g: B but group g from A
      out[j] = sobol_.coordinate(i, from_b ? inputs_ + j : j);
    }
  }

 private:
  static std::size_t checked_inputs(std::size_t k) {
    ACI_COST_REQUIRE(k >= 1 && 2 * k <= SobolDesign::max_dimension, "saltelli.inputs", k,
                     "must be in [1, " + std::to_string(SobolDesign::max_dimension / 2) + "] (2k Sobol' dimensions)");
    return k;
  }

  std::size_t inputs_;
  std::uint64_t n_;
  std::uint64_t seed_;
  std::vector<std::size_t> groups_;
  std::size_t group_count_ = 0;
  bool second_order_ = false;
  SobolDesign sobol_;
};

/// The number of pairs g < h of G groups, G (G - 1) / 2: the second-order indices.
inline std::size_t group_pairs(std::size_t groups) noexcept { return groups * (groups - 1) / 2; }

/// [assumption] Default bootstrap resamples B: each percentile bound of a 95 % interval is then
/// within about 4 % of the interval's half-width of its B = infinity value (one standard error:
/// sqrt(p (1 - p) / B) / phi(z_p) = 0.085 bootstrap standard deviations at p = 0.025, against a
/// half-width of 1.96), a normal interval's half-width within 2.2 % (1 / sqrt(2 (B - 1))).
/// docs/sweep_format.md gives the table for other B.
inline constexpr std::size_t default_bootstrap_resamples = 1000;

/// Options of analyze_sobol.
struct SobolOptions {
  double confidence_level = 0.95;  ///< coverage of the intervals, in (0, 1)
  /// Resamples of the base rows; 0: no intervals (NaN bounds).
  std::size_t bootstrap_resamples = default_bootstrap_resamples;
  std::uint64_t bootstrap_seed = 0;           ///< seed of the resampling (counter RNG)
  CiMethod ci_method = CiMethod::percentile;  ///< how intervals are formed
  NanPolicy nan_policy = NanPolicy::raise;    ///< what to do with non-finite outputs
  /// SALib's conventions (sobol.analyze): centre on the mean of every output row and divide the
  /// variance of f(A), f(B) by 2N; the default centres on f(A), f(B) and divides by 2N - 1.
  bool salib_conventions = false;
  unsigned threads = 1;  ///< bootstrap threads, 1-256 (intervals do not depend on it)
  /// Told the resamples done and their total by the calling thread about every 50 ms during the
  /// bootstrap; returning false stops it with Cancelled, throwing stops it with that exception.
  /// Empty: never stops.
  parallel::Watch progress;

  /// Throws InvalidInput naming the field unless confidence_level is in (0, 1) and threads in [1, 256].
  void validate() const {
    ACI_COST_REQUIRE(confidence_level > 0.0 && confidence_level < 1.0, "sobol.confidence_level",
                     detail::number_text(confidence_level), "must be in (0, 1)");
    ACI_COST_REQUIRE(threads >= 1 && threads <= 256, "sobol.threads", threads, "must be in [1, 256]");
  }
};

/// Sobol' indices per group, with bootstrap confidence intervals.
template <class T = double>
struct SobolIndices {
  std::vector<T> first_order;               ///< S1 per group: share of variance, 0-1 up to sampling error
  std::vector<T> total_order;               ///< ST per group: share of variance, 0-1 up to sampling error
  std::vector<Interval<T>> first_order_ci;  ///< interval of S1 per group at the requested level
  std::vector<Interval<T>> total_order_ci;  ///< interval of ST per group at the requested level
  /// Second-order design only: S2 of each pair of groups g < h, in the order (0, 1), (0, 2), ..,
  /// (0, G-1), (1, 2), .. (group_pairs(G) values; Saltelli 2002, as SALib's S2).
  std::vector<T> second_order;
  std::vector<Interval<T>> second_order_ci;  ///< interval of S2 per pair
  T mean{};                                  ///< mean of the stacked f(A), f(B), output units
  T variance{};                              ///< sample variance V of the stacked f(A), f(B), output units^2
  std::uint64_t rows_used = 0;               ///< base rows analysed
  std::uint64_t rows_dropped = 0;            ///< base rows dropped for a non-finite output
};

namespace detail {

/// S1 and ST per group over the base rows `rows` (repetitions allowed), outputs laid out as in
/// SaltelliDesign (blocks of G + 2 rows, or 2G + 2 with BA_g: then S2 per pair into *s2).
/// Returns false, leaving s1/st unset, when the rows' outputs have no variance.
template <class T>
bool sobol_estimates(const std::vector<T>& f, std::size_t block, std::size_t groups,
                     const std::vector<std::uint64_t>& rows, std::vector<T>& s1, std::vector<T>& st, T& mean,
                     T& variance, bool salib = false, std::vector<T>* s2 = nullptr) {
  const auto n = static_cast<T>(rows.size());
  T sum = 0;
  if (salib) {
    // SALib (sobol.analyze) standardises Y with the mean of every output row (A, B and AB).
    for (const std::uint64_t i : rows)
      for (std::size_t c = 0; c < block; ++c) sum += f[i * block + c];
    mean = sum / (n * static_cast<T>(block));
  } else {
    for (const std::uint64_t i : rows) sum += f[i * block] + f[i * block + 1];
    mean = sum / (T(2) * n);
  }
  T squares = 0;
  T centre = 0;
  if (salib) {  // np.var(np.r_[A, B]): its own mean, divisor 2N
    for (const std::uint64_t i : rows) centre += f[i * block] + f[i * block + 1];
    centre /= T(2) * n;
  } else {
    centre = mean;
  }
  for (const std::uint64_t i : rows) {
    const T a = f[i * block] - centre, b = f[i * block + 1] - centre;
    squares += a * a + b * b;
  }
  variance = squares / (salib ? T(2) * n : T(2) * n - T(1));
  if (!(variance > T(0))) return false;
  for (std::size_t g = 0; g < groups; ++g) {
    T first = 0, total = 0;
    for (const std::uint64_t i : rows) {
      const T fa = f[i * block], fb = f[i * block + 1], fab = f[i * block + 2 + g];
      // Saltelli et al. 2010, Table 2 (b): V_g = mean(f(B) (f(AB_g) - f(A))). Centring f(B) on
      // the mean leaves the expectation unchanged (E[f(AB_g) - f(A)] = 0) and removes the
      // mean^2-sized noise that raw outputs (e.g. costs far from 0) would add.
      first += (fb - mean) * (fab - fa);
      // Jansen 1999 (Comput. Phys. Commun. 117:35-43), Saltelli et al. 2010 Table 2 (f):
      // VT_g = mean((f(A) - f(AB_g))^2) / 2.
      total += (fa - fab) * (fa - fab);
    }
    s1[g] = first / n / variance;
    st[g] = total / (T(2) * n) / variance;
  }
  if (s2 != nullptr && block == 2 * groups + 2) {
    // Saltelli 2002 (as SALib's second_order): E[f(BA_g) f(AB_h)] - f0^2 = V^c_gh, the closed
    // variance of the pair (BA_g and AB_h share the inputs of g and h, no other); then
    // S2 = V^c_gh / V - S1_g - S1_h. The products are centred on the mean, as the first order's.
    s2->assign(group_pairs(groups), T(0));
    T cross = 0;
    for (const std::uint64_t i : rows) cross += (f[i * block] - mean) * (f[i * block + 1] - mean);
    std::size_t p = 0;
    for (std::size_t g = 0; g < groups; ++g) {
      for (std::size_t h = g + 1; h < groups; ++h, ++p) {
        T joint = 0;
        for (const std::uint64_t i : rows)
          joint += (f[i * block + 2 + groups + g] - mean) * (f[i * block + 2 + h] - mean);
        (*s2)[p] = (joint - cross) / n / variance - s1[g] - s1[h];
      }
    }
  }
  return true;
}

/// The outputs of the base rows `rows` as columns in row order, for weighted (resampled) passes:
/// f(A), f(B), f(A) + f(B), SALib's sum of the row's outputs and f(AB_g) - f(A) per group, each
/// padded with zero rows to a multiple of `lanes`. Built once, read by every resample.
template <class T>
struct SobolColumns {
  /// Rows summed apart, in fixed order at the end: what makes the sums vectorise (whatever the
  /// ISA: every lane does the same IEEE operations) without -ffast-math.
  static constexpr std::size_t lanes = 8;
  /// Rows per pass call: a tile's columns (16 KiB with 4 groups) stay in L1 while a batch of
  /// resamples reads them (2048 rows, in L2, was slower).
  static constexpr std::size_t tile = 256;
  static_assert(tile % lanes == 0);

  std::size_t used = 0;    ///< base rows m
  std::size_t padded = 0;  ///< m rounded up to a multiple of lanes
  std::size_t groups = 0;  ///< G
  bool salib = false;      ///< SALib's conventions (the `all` column is filled)
  bool second = false;     ///< second-order design (the `abr` and `ba` columns are filled)
  std::vector<T> a, b, ab, all;
  std::vector<T> d;    ///< f(AB_g) - f(A) of row j at [g padded + j]
  std::vector<T> abr;  ///< second order: f(AB_g) of row j at [g padded + j]
  std::vector<T> ba;   ///< second order: f(BA_g) of row j at [g padded + j]

  SobolColumns(const std::vector<T>& f, std::size_t block, std::size_t group_count,
               const std::vector<std::uint64_t>& rows, bool salib_conventions)
      : used(rows.size()),
        padded((rows.size() + lanes - 1) / lanes * lanes),
        groups(group_count),
        salib(salib_conventions),
        second(block == 2 * group_count + 2),
        a(padded),
        b(padded),
        ab(padded),
        all(salib_conventions ? padded : 0),
        d(group_count * padded),
        abr(second ? group_count * padded : 0),
        ba(second ? group_count * padded : 0) {
    for (std::size_t j = 0; j < used; ++j) {
      const T* y = &f[rows[j] * block];
      a[j] = y[0];
      b[j] = y[1];
      ab[j] = y[0] + y[1];
      if (salib) {
        T row = 0;
        for (std::size_t c = 0; c < block; ++c) row += y[c];
        all[j] = row;
      }
      for (std::size_t g = 0; g < groups; ++g) d[g * padded + j] = y[2 + g] - y[0];
      if (second) {
        for (std::size_t g = 0; g < groups; ++g) {
          abr[g * padded + j] = y[2 + g];
          ba[g * padded + j] = y[2 + groups + g];
        }
      }
    }
  }
};

/// The running sums of one weighted estimate, lane by lane (lane l holds rows j = l mod lanes).
template <class T>
struct SobolSums {
  static constexpr std::size_t lanes = SobolColumns<T>::lanes;
  std::vector<T> ab, all, squares, first, total;  ///< first, total: group g's lanes at [g lanes]
  std::vector<T> cross, joint;  ///< second order: (f(A) - mean)(f(B) - mean); pair p's lanes at [p lanes]
  T mean{}, centre{};

  explicit SobolSums(std::size_t groups, bool second = false)
      : ab(lanes),
        all(lanes),
        squares(lanes),
        first(groups * lanes),
        total(groups * lanes),
        cross(second ? lanes : 0),
        joint(second ? group_pairs(groups) * lanes : 0) {}
  void reset() {
    for (auto* v : {&ab, &all, &squares, &first, &total, &cross, &joint}) std::fill(v->begin(), v->end(), T(0));
  }
};

template <class T>
T lane_sum(const T* x) {
  T s = 0;
  for (std::size_t l = 0; l < SobolColumns<T>::lanes; ++l) s += x[l];
  return s;
}

/// `lanes` numbers, one IEEE operation per lane: the fallback of Lanes<8> for other scalars.
template <class T>
struct ArrayLanes {
  static constexpr std::size_t size = SobolColumns<T>::lanes;
  T v[size];
  ArrayLanes() = default;
  ArrayLanes(T x) { std::fill_n(v, size, x); }  // NOLINT(google-explicit-constructor)
  static ArrayLanes load(const T* p) {
    ArrayLanes r;
    std::copy_n(p, size, r.v);
    return r;
  }
  void store(T* p) const { std::copy_n(v, size, p); }
  template <class F>
  static ArrayLanes zip(ArrayLanes a, const ArrayLanes& b, F f) {
    for (std::size_t l = 0; l < size; ++l) a.v[l] = f(a.v[l], b.v[l]);
    return a;
  }
  friend ArrayLanes operator+(ArrayLanes a, ArrayLanes b) {
    return zip(a, b, [](T x, T y) { return x + y; });
  }
  friend ArrayLanes operator-(ArrayLanes a, ArrayLanes b) {
    return zip(a, b, [](T x, T y) { return x - y; });
  }
  friend ArrayLanes operator*(ArrayLanes a, ArrayLanes b) {
    return zip(a, b, [](T x, T y) { return x * y; });
  }
  ArrayLanes& operator+=(ArrayLanes b) { return *this = *this + b; }
  friend ArrayLanes fused_mul_add(ArrayLanes a, const ArrayLanes& b, const ArrayLanes& c) {
    for (std::size_t l = 0; l < size; ++l) a.v[l] = std::fma(a.v[l], b.v[l], c.v[l]);
    return a;
  }
};

/// The lanes of the weighted sums: GCC's vectors for double (Lanes<8>: same operations, any ISA).
#if defined(ACI_COST_HAVE_LANES)
template <class T>
using SumLanes =
    std::conditional_t<std::is_same_v<T, double>, aci::detail::Lanes<SobolColumns<double>::lanes>, ArrayLanes<T>>;
#else
template <class T>
using SumLanes = ArrayLanes<T>;
#endif

/// counts[j0..j1) as numbers, once per pass over a tile (a plain loop: it vectorises).
template <class T>
void tile_weights(const std::uint32_t* counts, std::size_t j0, std::size_t j1, T* w) {
  assert(j1 - j0 <= SobolColumns<T>::tile);
  for (std::size_t j = j0; j < j1; ++j) w[j - j0] = static_cast<T>(counts[j]);
}

/// First pass over rows [j0, j1) (multiples of lanes, at most a tile) for R resamples at once:
/// resample r weights row j by w[r][j - j0] (tile_weights) into the sums of the mean and the
/// centre, s[r]. The columns are loaded once for the R resamples, whose R chains of sums run side
/// by side; each resample's sums are the same operations in the same order whatever R.
template <std::size_t R, class T>
void sobol_pass_means(const SobolColumns<T>& c, const T* const* w, std::size_t j0, std::size_t j1,
                      SobolSums<T>* const* s) {
  using V = SumLanes<T>;
  constexpr std::size_t L = SobolColumns<T>::lanes;
  // The R running sums as R variables (fold expressions over constant indices: registers).
  const auto accumulate = [&]<std::size_t... r>(std::index_sequence<r...>, std::vector<T> SobolSums<T>::*sum,
                                                const std::vector<T>& column) {
    std::array<V, R> acc{V::load((s[r]->*sum).data())...};
    // Explicit fused multiply-adds (one rounding, the same on every target).
    for (std::size_t j = j0; j < j1; j += L) {
      const V x = V::load(&column[j]);
      ((acc[r] = fused_mul_add(V::load(&w[r][j - j0]), x, acc[r])), ...);
    }
    (acc[r].store((s[r]->*sum).data()), ...);
  };
  accumulate(std::make_index_sequence<R>(), &SobolSums<T>::ab, c.ab);
  if (c.salib) accumulate(std::make_index_sequence<R>(), &SobolSums<T>::all, c.all);
}

/// Between the passes: the mean and centre of sobol_estimates from the first pass's sums.
template <class T>
void sobol_set_means(const SobolColumns<T>& c, std::size_t block, std::uint64_t draws, SobolSums<T>& s) {
  const auto n = static_cast<T>(draws);
  s.centre = lane_sum(s.ab.data()) / (T(2) * n);
  // SALib (sobol.analyze) standardises Y with the mean of every output row (A, B and AB) and
  // takes np.var(np.r_[A, B]) around their own mean.
  s.mean = c.salib ? lane_sum(s.all.data()) / (n * static_cast<T>(block)) : s.centre;
}

/// Second pass over rows [j0, j1) for R resamples at once (as sobol_pass_means): the sums of the
/// variance and of each group's terms (and pair's, second order). `bm` has room for R tiles.
template <std::size_t R, class T>
void sobol_pass_terms(const SobolColumns<T>& c, const T* const* w, std::size_t j0, std::size_t j1,
                      SobolSums<T>* const* s, T* bm) {
  using V = SumLanes<T>;
  constexpr std::size_t L = SobolColumns<T>::lanes, tile = SobolColumns<T>::tile;
  // (Column pointers held in locals: a store through Lanes::store's memcpy may alias anything.)
  const T* const ca = c.a.data();
  const T* const cb = c.b.data();
  for (std::size_t r = 0; r < R; ++r) {  // the squares, and f(B) - mean (shared by the groups)
    const V centre(s[r]->centre), mean(s[r]->mean);
    const T* const wr = w[r] - j0;
    T* const bmr = bm + r * tile - j0;
    V squares = V::load(s[r]->squares.data());
    for (std::size_t j = j0; j < j1; j += L) {
      const V a = V::load(&ca[j]) - centre, fb = V::load(&cb[j]), b = fb - centre;
      squares = fused_mul_add(V::load(&wr[j]), a * a + b * b, squares);
      (fb - mean).store(&bmr[j]);
    }
    squares.store(s[r]->squares.data());
  }
  // Per group, the R resamples' two running sums as 2R variables (constant indices: registers).
  const auto group_terms = [&]<std::size_t... r>(std::index_sequence<r...>, std::size_t g) {
    const T* dg = &c.d[g * c.padded];
    std::array<V, R> first{V::load(&s[r]->first[g * L])...}, total{V::load(&s[r]->total[g * L])...};
    for (std::size_t j = j0; j < j1; j += L) {
      const V d = V::load(&dg[j]), dd = d * d;
      // sobol_estimates' terms: (f(B) - mean)(f(AB_g) - f(A)) and (f(A) - f(AB_g))^2.
      ((first[r] = fused_mul_add(V::load(&w[r][j - j0]), V::load(&bm[r * tile + j - j0]) * d, first[r]),
        total[r] = fused_mul_add(V::load(&w[r][j - j0]), dd, total[r])),
       ...);
    }
    (first[r].store(&s[r]->first[g * L]), ...);
    (total[r].store(&s[r]->total[g * L]), ...);
  };
  for (std::size_t g = 0; g < c.groups; ++g) group_terms(std::make_index_sequence<R>(), g);
  if (!c.second) return;
  // sobol_estimates' second-order terms: (f(A) - mean)(f(B) - mean) and, per pair g < h,
  // (f(BA_g) - mean)(f(AB_h) - mean).
  for (std::size_t r = 0; r < R; ++r) {
    const V mean(s[r]->mean);
    V cross = V::load(s[r]->cross.data());
    for (std::size_t j = j0; j < j1; j += L)
      cross = fused_mul_add(V::load(&w[r][j - j0]), (V::load(&c.a[j]) - mean) * V::load(&bm[r * tile + j - j0]), cross);
    cross.store(s[r]->cross.data());
    std::size_t p = 0;
    for (std::size_t g = 0; g < c.groups; ++g) {
      const T* bag = &c.ba[g * c.padded];
      for (std::size_t h = g + 1; h < c.groups; ++h, ++p) {
        const T* abh = &c.abr[h * c.padded];
        V joint = V::load(&s[r]->joint[p * L]);
        for (std::size_t j = j0; j < j1; j += L)
          joint = fused_mul_add(V::load(&w[r][j - j0]), (V::load(&bag[j]) - mean) * (V::load(&abh[j]) - mean), joint);
        joint.store(&s[r]->joint[p * L]);
      }
    }
  }
}

/// After the second pass: S1, ST (and S2 of a second-order design into s2), the variance;
/// false (s1/st unset) when there is no variance.
template <class T>
bool sobol_finish(const SobolColumns<T>& c, std::uint64_t draws, const SobolSums<T>& s, std::vector<T>& s1,
                  std::vector<T>& st, T& variance, std::vector<T>* s2 = nullptr) {
  constexpr std::size_t L = SobolColumns<T>::lanes;
  const auto n = static_cast<T>(draws);
  variance = lane_sum(s.squares.data()) / (c.salib ? T(2) * n : T(2) * n - T(1));
  if (!(variance > T(0))) return false;
  for (std::size_t g = 0; g < c.groups; ++g) {
    s1[g] = lane_sum(&s.first[g * L]) / n / variance;
    st[g] = lane_sum(&s.total[g * L]) / (T(2) * n) / variance;
  }
  if (c.second && s2 != nullptr) {
    const T cross = lane_sum(s.cross.data());
    s2->resize(group_pairs(c.groups));
    std::size_t p = 0;
    for (std::size_t g = 0; g < c.groups; ++g)
      for (std::size_t h = g + 1; h < c.groups; ++h, ++p)
        (*s2)[p] = (lane_sum(&s.joint[p * L]) - cross) / n / variance - s1[g] - s1[h];
  }
  return true;
}

/// sobol_estimates over the base rows rows[j] each taken counts[j] times (draws = the sum of the
/// counts), as sums over the rows in row order instead of over gathered rows: a bootstrap
/// resample as multinomial counts. With every count 1 it equals sobol_estimates up to rounding
/// (the sums are grouped by lane, with fused multiply-adds; SALib's mean adds each row's outputs first).
template <class T>
bool sobol_estimates_weighted(const std::vector<T>& f, std::size_t block, std::size_t groups,
                              const std::vector<std::uint64_t>& rows, const std::vector<std::uint32_t>& counts,
                              std::uint64_t draws, std::vector<T>& s1, std::vector<T>& st, T& mean, T& variance,
                              bool salib = false, std::vector<T>* s2 = nullptr) {
  const SobolColumns<T> c(f, block, groups, rows, salib);
  std::vector<std::uint32_t> w(c.padded, 0U);
  std::copy(counts.begin(), counts.end(), w.begin());
  SobolSums<T> s(groups, c.second);
  constexpr std::size_t tile = SobolColumns<T>::tile;
  T weights[tile], bm[tile];
  const T* const wp[1] = {weights};
  SobolSums<T>* const sp[1] = {&s};
  for (std::size_t j0 = 0; j0 < c.padded; j0 += tile) {
    const std::size_t j1 = std::min(j0 + tile, c.padded);
    tile_weights(w.data(), j0, j1, weights);
    sobol_pass_means<1>(c, wp, j0, j1, sp);
  }
  sobol_set_means(c, block, draws, s);
  mean = s.mean;
  for (std::size_t j0 = 0; j0 < c.padded; j0 += tile) {
    const std::size_t j1 = std::min(j0 + tile, c.padded);
    tile_weights(w.data(), j0, j1, weights);
    sobol_pass_terms<1>(c, wp, j0, j1, sp, bm);
  }
  return sobol_finish(c, draws, s, s1, st, variance, s2);
}

/// The bootstrap replicates of one output: replicate b of group g at [b groups + g] (of pair p
/// at [b pairs + p]), valid[b] false for a degenerate resample (no variance).
template <class T>
struct SobolReplicates {
  std::vector<T> s1, st, s2;
  std::vector<char> valid;
};

/// Bootstrap replicates of S1 and ST of every output of `outputs` (their columns, all over the
/// same base rows), into `out` (one per output). Resample b draws the rows
/// rows[uniform_index(counter_bits(seed, b, k, stream_bootstrap), m)] for k = 0..m-1 (m the rows
/// used), the same rows for every output: they are drawn and counted once per resample. Each
/// task takes a batch of resamples and runs both passes over tiles of rows that stay in cache
/// for the whole batch and every output. A resample's estimate depends only on its counts (the
/// same sums in the same order whoever computes it) and is stored at its index, so the
/// replicates do not depend on the thread count or the batching. Runs on parallel_for:
/// `progress` (resamples done, total) is polled by the calling thread; Cancelled when it
/// returns false.
template <class T>
void sobol_bootstrap(const std::vector<const SobolColumns<T>*>& outputs, std::size_t block, std::uint64_t resamples,
                     std::uint64_t seed, unsigned threads, const parallel::Watch& progress,
                     std::vector<SobolReplicates<T>>& out) {
  const auto r_count = static_cast<std::size_t>(resamples);
  out.assign(outputs.size(), {});
  if (outputs.empty()) return;
  const std::size_t groups = outputs[0]->groups;
  const bool second = outputs[0]->second;
  const std::size_t pairs = second ? group_pairs(groups) : 0;
  for (auto& o : out) {
    o.s1.assign(r_count * groups, T(0));
    o.st.assign(r_count * groups, T(0));
    o.s2.assign(r_count * pairs, T(0));
    o.valid.assign(r_count, 0);
  }
  if (r_count == 0) return;
  const std::uint64_t m = outputs[0]->used;
  const std::size_t padded = outputs[0]->padded;
  // Resamples per task, whose counts share each tile of the columns while it is in cache (the
  // columns of many outputs exceed the caches: each tile is read once per task); at most 8 MiB
  // of counts per thread (large N: one resample, 4 bytes a row).
  const std::uint64_t batch =
      std::clamp<std::uint64_t>((std::uint64_t{1} << 21) / std::max<std::uint64_t>(m, 1), 1, 32);
  constexpr std::size_t tile = SobolColumns<T>::tile;
  const std::uint64_t tasks = (resamples + batch - 1) / batch;
  struct Scratch {
    std::vector<std::uint32_t> counts;  // multinomial counts, 4 bytes a row (a row drawn all 2^32
                                        // times of N = 2^32 would wrap)
    std::vector<std::uint32_t> picked;  // draws hashed together (vectorised), then counted
    std::vector<SobolSums<T>> sums;     // per output and resample of the batch
    std::vector<T> weights;             // per resample of the batch, one tile
    std::vector<T> bm;                  // per resample of the batch, f(B) - mean over one tile
  };
  constexpr std::size_t hashed = 2048;
  std::vector<Scratch> scratch(parallel::worker_count(threads, tasks));
  parallel::Options run;
  run.threads = threads;
  run.total = resamples;
  run.watch = progress;
  parallel::parallel_for(tasks, run, [&](std::uint64_t task, const parallel::Worker& w) {
    Scratch& sc = scratch[w.index()];
    if (sc.counts.empty()) {
      sc.counts.assign(static_cast<std::size_t>(batch) * padded, 0U);  // padding stays 0
      sc.picked.resize(hashed);
      sc.sums.assign(static_cast<std::size_t>(batch) * outputs.size(), SobolSums<T>(groups, second));
      sc.weights.resize(static_cast<std::size_t>(batch) * tile);
      sc.bm.resize(static_cast<std::size_t>(batch) * tile);
    }
    const std::uint64_t b0 = task * batch;
    const auto nb = static_cast<std::size_t>(std::min(batch, resamples - b0));
    for (std::size_t r = 0; r < nb; ++r) {
      std::uint32_t* count = &sc.counts[r * padded];
      std::fill(count, count + m, 0U);
      const std::uint64_t key = aci::detail::counter_key(seed, b0 + r);
      for (std::uint64_t k0 = 0; k0 < m && !w.stopping(); k0 += hashed) {  // huge N: stop within a resample too
        const auto len = static_cast<std::size_t>(std::min<std::uint64_t>(hashed, m - k0));
        for (std::size_t k = 0; k < len; ++k) {
          const std::uint64_t bits =
              aci::detail::counter_stream_bits(aci::detail::counter_step_key(key, k0 + k), stream_bootstrap);
          sc.picked[k] = static_cast<std::uint32_t>(uniform_index(bits, m));  // < m <= 2^32
        }
        for (std::size_t k = 0; k < len; ++k) ++count[sc.picked[k]];
      }
    }
    if (w.stopping()) return;
    for (auto& sums : sc.sums) sums.reset();
    const auto sums = [&](std::size_t o, std::size_t r) -> SobolSums<T>& { return sc.sums[o * batch + r]; };
    // Each tile's weights once per resample; then per output the resamples' passes, 8 at a time
    // side by side (the columns loaded once for the 8), the rest one by one.
    const auto tiles = [&](auto&& pass) {
      std::array<const T*, 32> wp{};
      std::array<SobolSums<T>*, 32> sp{};
      for (std::size_t j0 = 0; j0 < padded; j0 += tile) {
        const std::size_t j1 = std::min(j0 + tile, padded);
        for (std::size_t r = 0; r < nb; ++r) {
          tile_weights(&sc.counts[r * padded], j0, j1, &sc.weights[r * tile]);
          wp[r] = &sc.weights[r * tile];
        }
        for (std::size_t o = 0; o < outputs.size(); ++o) {
          for (std::size_t r = 0; r < nb; ++r) sp[r] = &sums(o, r);
          std::size_t r = 0;
          for (; r + 8 <= nb; r += 8)
            pass(std::integral_constant<std::size_t, 8>(), *outputs[o], wp.data() + r, j0, j1, sp.data() + r);
          for (; r < nb; ++r)
            pass(std::integral_constant<std::size_t, 1>(), *outputs[o], wp.data() + r, j0, j1, sp.data() + r);
        }
      }
    };
    tiles([](auto n, const SobolColumns<T>& c, const T* const* wt, std::size_t j0, std::size_t j1,
             SobolSums<T>* const* s) { sobol_pass_means<decltype(n)::value>(c, wt, j0, j1, s); });
    for (std::size_t o = 0; o < outputs.size(); ++o)
      for (std::size_t r = 0; r < nb; ++r) sobol_set_means(*outputs[o], block, m, sums(o, r));
    T* bm = sc.bm.data();
    tiles([bm](auto n, const SobolColumns<T>& c, const T* const* wt, std::size_t j0, std::size_t j1,
               SobolSums<T>* const* s) { sobol_pass_terms<decltype(n)::value>(c, wt, j0, j1, s, bm); });
    std::vector<T> s1(groups), st(groups), s2(pairs);
    for (std::size_t o = 0; o < outputs.size(); ++o) {
      for (std::size_t r = 0; r < nb; ++r) {
        T variance{};
        if (!sobol_finish(*outputs[o], m, sums(o, r), s1, st, variance, &s2)) continue;  // degenerate resample
        const std::size_t b = static_cast<std::size_t>(b0) + r;
        std::copy(s1.begin(), s1.end(), out[o].s1.begin() + static_cast<std::ptrdiff_t>(b * groups));
        std::copy(st.begin(), st.end(), out[o].st.begin() + static_cast<std::ptrdiff_t>(b * groups));
        std::copy(s2.begin(), s2.end(), out[o].s2.begin() + static_cast<std::ptrdiff_t>(b * pairs));
        out[o].valid[b] = 1;
      }
    }
    w.advance(nb);
  });
}

}  // namespace detail

namespace detail {

/// The base rows of `f` whose outputs are all finite (InvalidInput naming the first other one
/// under NanPolicy::raise), for output `name` ("" for a lone output).
template <class T>
std::vector<std::uint64_t> finite_rows(const SaltelliDesign& design, const std::vector<T>& f, NanPolicy policy,
                                       const std::string& name) {
  const std::size_t block = design.block_size();
  std::vector<std::uint64_t> rows;
  rows.reserve(design.base_rows());
  for (std::uint64_t i = 0; i < design.base_rows(); ++i) {
    bool finite = true;
    for (std::size_t c = 0; c < block; ++c) {
      const T v = f[i * block + c];
      if (std::isfinite(v)) continue;
      ACI_COST_REQUIRE(policy != NanPolicy::raise,
                       "sobol.outputs" + (name.empty() ? std::string() : "[" + name + "]") + ".values[" +
                           std::to_string(i * block + c) + "]",
                       output_text(v),
                       "must be finite (base row " + std::to_string(i) + "); NanPolicy::drop_blocks drops such rows");
      finite = false;
    }
    if (finite) rows.push_back(i);
  }
  return rows;
}

/// Intervals of each index from its replicates (the valid ones), `count` indices per resample.
template <class T>
std::vector<Interval<T>> replicate_intervals(const std::vector<T>& all, const std::vector<char>& valid,
                                             const std::vector<T>& estimates, const SobolOptions& options) {
  const std::size_t count = estimates.size();
  std::vector<Interval<T>> out;
  std::vector<T> replicates;
  for (std::size_t g = 0; g < count; ++g) {
    replicates.clear();
    for (std::size_t b = 0; b < valid.size(); ++b)
      if (valid[b]) replicates.push_back(all[b * count + g]);  // degenerate resamples left out
    out.push_back(bootstrap_interval(replicates, estimates[g], options.confidence_level, options.ci_method));
  }
  return out;
}

}  // namespace detail

/// First-order (Saltelli et al. 2010), total (Jansen 1999) and, for a second-order design,
/// second-order (Saltelli 2002) Sobol' indices per group of every output of `outputs` (each from
/// the rows of `design`), with a bootstrap over base rows (rows drawn with the counter RNG at
/// (bootstrap_seed, resample, draw)) for the outputs with intervals[o] true (all when
/// `intervals` is empty; NaN bounds for the others) on options.threads threads. Outputs over the
/// same base rows share each resample's draws. Throws InvalidInput for bad options, outputs of
/// another design or length, or a non-finite output under NanPolicy::raise; DomainError when an
/// output has no variance; Cancelled when options.progress stops the bootstrap.
template <class T = double>
std::vector<SobolIndices<T>> analyze_sobol(const SaltelliDesign& design, const std::vector<DesignOutputs<T>>& outputs,
                                           const SobolOptions& options, const std::vector<bool>& intervals = {},
                                           const std::vector<std::string>& names = {}) {
  options.validate();
  ACI_COST_REQUIRE(intervals.empty() || intervals.size() == outputs.size(), "sobol.intervals",
                   std::to_string(intervals.size()) + " flags", "must be empty or one per output");
  const std::size_t block = design.block_size();
  const std::size_t groups = design.group_count();
  const auto name = [&](std::size_t o) { return o < names.size() ? names[o] : std::string(); };
  std::vector<SobolIndices<T>> result(outputs.size());
  std::vector<std::vector<std::uint64_t>> rows(outputs.size());
  for (std::size_t o = 0; o < outputs.size(); ++o) {
    detail::check_outputs(outputs[o], design.fingerprint(), design.size(), "sobol");
    const std::vector<T>& f = outputs[o].values;
    rows[o] = detail::finite_rows(design, f, options.nan_policy, name(o));
    SobolIndices<T>& r = result[o];
    r.rows_used = rows[o].size();
    r.rows_dropped = design.base_rows() - rows[o].size();
    ACI_COST_REQUIRE(rows[o].size() >= 2, "sobol.outputs.values", std::to_string(rows[o].size()) + " finite base rows",
                     "at least 2 base rows must have finite outputs");
    r.first_order.assign(groups, T(0));
    r.total_order.assign(groups, T(0));
    if (!detail::sobol_estimates(f, block, groups, rows[o], r.first_order, r.total_order, r.mean, r.variance,
                                 options.salib_conventions, design.second_order() ? &r.second_order : nullptr))
      throw aci::DomainError("analyze_sobol" + (name(o).empty() ? std::string() : "[" + name(o) + "]") +
                             ": the model outputs have zero variance (" + detail::number_text(r.variance) +
                             "), so Sobol' indices are undefined");
  }
  // The bootstrap: the outputs asked for, grouped by their rows (most share all of them).
  std::vector<bool> done(outputs.size(), false);
  for (std::size_t o = 0; o < outputs.size(); ++o) {
    if (done[o]) continue;
    std::vector<std::size_t> members;
    for (std::size_t q = o; q < outputs.size(); ++q)
      if (!done[q] && (intervals.empty() || intervals[q]) && rows[q] == rows[o]) members.push_back(q);
    done[o] = true;
    if (members.empty()) continue;  // no interval asked for this output
    std::vector<detail::SobolColumns<T>> columns;
    columns.reserve(members.size());
    std::vector<const detail::SobolColumns<T>*> pointers;
    for (const std::size_t q : members) {
      done[q] = true;
      columns.emplace_back(outputs[q].values, block, groups, rows[q], options.salib_conventions);
      pointers.push_back(&columns.back());
    }
    std::vector<detail::SobolReplicates<T>> replicates;
    detail::sobol_bootstrap(pointers, block, options.bootstrap_resamples, options.bootstrap_seed, options.threads,
                            options.progress, replicates);
    for (std::size_t k = 0; k < members.size(); ++k) {
      SobolIndices<T>& r = result[members[k]];
      const auto& rep = replicates[k];
      r.first_order_ci = detail::replicate_intervals(rep.s1, rep.valid, r.first_order, options);
      r.total_order_ci = detail::replicate_intervals(rep.st, rep.valid, r.total_order, options);
      if (design.second_order())
        r.second_order_ci = detail::replicate_intervals(rep.s2, rep.valid, r.second_order, options);
    }
  }
  // Outputs without intervals: NaN bounds.
  const T nan = std::numeric_limits<T>::quiet_NaN();
  for (auto& r : result) {
    if (r.first_order_ci.empty()) r.first_order_ci.assign(groups, {nan, nan});
    if (r.total_order_ci.empty()) r.total_order_ci.assign(groups, {nan, nan});
    if (design.second_order() && r.second_order_ci.empty()) r.second_order_ci.assign(r.second_order.size(), {nan, nan});
  }
  return result;
}

/// analyze_sobol of one output.
template <class T = double>
SobolIndices<T> analyze_sobol(const SaltelliDesign& design, const DesignOutputs<T>& outputs,
                              const SobolOptions& options = {}) {
  return std::move(analyze_sobol(design, std::vector<DesignOutputs<T>>{outputs}, options).front());
}

}  // namespace aci::sweep

ACI_COST_STRICT_FP_END
