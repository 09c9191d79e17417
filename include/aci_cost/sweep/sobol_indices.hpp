// aci::sweep::SaltelliDesign + analyze_sobol: first-order and total Sobol' indices of any model
// from the outputs of a Saltelli design, with bootstrap confidence intervals (threads,
// interruptible, the same bits for any thread count).
#pragma once

#include <algorithm>
#include <atomic>
#include <bit>
#include <cassert>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <mutex>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/detail/lanes.hpp"
#include "aci_cost/error.hpp"
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
/// the 2N-row design with the same seed.
class SaltelliDesign {
 public:
  /// Points are in [0, 1).
  using value_type = double;

  /// `inputs` k in [1, SobolDesign::max_dimension / 2]; `base_rows` N a power of two in [2, 2^32];
  /// `groups`: empty (one group per input) or the group (0..G-1, each used) of every input.
  SaltelliDesign(std::size_t inputs, std::uint64_t base_rows, std::uint64_t seed, std::vector<std::size_t> groups = {})
      : inputs_(checked_inputs(inputs)), n_(base_rows), seed_(seed), groups_(std::move(groups)),
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
      ACI_COST_REQUIRE(used[g], "saltelli.groups", "group " + std::to_string(g), "every group 0..G-1 must hold an input");
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
  /// Rows per base row: G + 2 (A, B, AB_0 .. AB_{G-1}).
  std::size_t block_size() const noexcept { return group_count_ + 2; }
  /// Model evaluations: N (G + 2).
  std::uint64_t size() const noexcept { return n_ * block_size(); }
  /// Hash of (kind, version, seed, N, k, G, groups): outputs must carry it.
  std::uint64_t fingerprint() const noexcept {
    detail::Fingerprint f(DesignKind::saltelli);
    f.add(seed_).add(n_).add(inputs_).add(group_count_);
    for (const std::size_t g : groups_) f.add(g);
    return f.value();
  }
  /// Row r (< size()) into `out` (one slot per input), in [0, 1).
  void point(std::uint64_t r, std::span<double> out) const {
    detail::require_point_size(out.size(), inputs_);
    detail::require_index(r, size(), "saltelli.row");
    const std::uint64_t i = r / block_size();
    const std::size_t c = static_cast<std::size_t>(r % block_size());
    for (std::size_t j = 0; j < inputs_; ++j) {
      const bool from_b = c == 1 || (c >= 2 && groups_[j] == c - 2);
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
  SobolDesign sobol_;
};

/// Options of analyze_sobol.
struct SobolOptions {
  double confidence_level = 0.95;             ///< coverage of the intervals, in (0, 1)
  std::size_t bootstrap_resamples = 1000;     ///< resamples of the base rows; 0: no intervals (NaN bounds)
  std::uint64_t bootstrap_seed = 0;           ///< seed of the resampling (counter RNG)
  CiMethod ci_method = CiMethod::percentile;  ///< how intervals are formed
  NanPolicy nan_policy = NanPolicy::raise;    ///< what to do with non-finite outputs
  /// SALib's conventions (sobol.analyze): centre on the mean of every output row and divide the
  /// variance of f(A), f(B) by 2N; the default centres on f(A), f(B) and divides by 2N - 1.
  bool salib_conventions = false;
  unsigned threads = 1;                       ///< bootstrap threads, 1-256 (intervals do not depend on it)
  /// Polled by the calling thread before the bootstrap and about every 50 ms during it; returning
  /// false stops it with Cancelled, throwing stops it with that exception. Empty: never stops.
  std::function<bool()> keep_going;

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
  std::vector<T> first_order;                ///< S1 per group: share of variance, 0-1 up to sampling error
  std::vector<T> total_order;                ///< ST per group: share of variance, 0-1 up to sampling error
  std::vector<Interval<T>> first_order_ci;   ///< interval of S1 per group at the requested level
  std::vector<Interval<T>> total_order_ci;   ///< interval of ST per group at the requested level
  T mean{};                                  ///< mean of the stacked f(A), f(B), output units
  T variance{};                              ///< sample variance V of the stacked f(A), f(B), output units^2
  std::uint64_t rows_used = 0;               ///< base rows analysed
  std::uint64_t rows_dropped = 0;            ///< base rows dropped for a non-finite output
};

namespace detail {

/// S1 and ST per group over the base rows `rows` (repetitions allowed), outputs laid out as in
/// SaltelliDesign. Returns false, leaving s1/st unset, when the rows' outputs have no variance.
template <class T>
bool sobol_estimates(const std::vector<T>& f, std::size_t block, std::size_t groups,
                     const std::vector<std::uint64_t>& rows, std::vector<T>& s1, std::vector<T>& st, T& mean,
                     T& variance, bool salib = false) {
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
  std::vector<T> a, b, ab, all;
  std::vector<T> d;  ///< f(AB_g) - f(A) of row j at [g padded + j]

  SobolColumns(const std::vector<T>& f, std::size_t block, std::size_t group_count,
               const std::vector<std::uint64_t>& rows, bool salib_conventions)
      : used(rows.size()), padded((rows.size() + lanes - 1) / lanes * lanes), groups(group_count),
        salib(salib_conventions), a(padded), b(padded), ab(padded), all(salib_conventions ? padded : 0),
        d(group_count * padded) {
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
    }
  }
};

/// The running sums of one weighted estimate, lane by lane (lane l holds rows j = l mod lanes).
template <class T>
struct SobolSums {
  static constexpr std::size_t lanes = SobolColumns<T>::lanes;
  std::vector<T> ab, all, squares, first, total;  ///< first, total: group g's lanes at [g lanes]
  T mean{}, centre{};

  explicit SobolSums(std::size_t groups)
      : ab(lanes), all(lanes), squares(lanes), first(groups * lanes), total(groups * lanes) {}
  void reset() {
    for (auto* v : {&ab, &all, &squares, &first, &total}) std::fill(v->begin(), v->end(), T(0));
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
  friend ArrayLanes operator+(ArrayLanes a, ArrayLanes b) { return zip(a, b, [](T x, T y) { return x + y; }); }
  friend ArrayLanes operator-(ArrayLanes a, ArrayLanes b) { return zip(a, b, [](T x, T y) { return x - y; }); }
  friend ArrayLanes operator*(ArrayLanes a, ArrayLanes b) { return zip(a, b, [](T x, T y) { return x * y; }); }
  ArrayLanes& operator+=(ArrayLanes b) { return *this = *this + b; }
  friend ArrayLanes fused_mul_add(ArrayLanes a, const ArrayLanes& b, const ArrayLanes& c) {
    for (std::size_t l = 0; l < size; ++l) a.v[l] = std::fma(a.v[l], b.v[l], c.v[l]);
    return a;
  }
};

/// The lanes of the weighted sums: GCC's vectors for double (Lanes<8>: same operations, any ISA).
#if defined(ACI_COST_HAVE_LANES)
template <class T>
using SumLanes = std::conditional_t<std::is_same_v<T, double>, aci::detail::Lanes<SobolColumns<double>::lanes>,
                                    ArrayLanes<T>>;
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

/// First pass over rows [j0, j1) (multiples of lanes, at most a tile), row j weighted
/// counts[j]: the sums of the mean and the centre.
template <class T>
void sobol_pass_means(const SobolColumns<T>& c, const std::uint32_t* counts, std::size_t j0, std::size_t j1,
                      SobolSums<T>& s) {
  using V = SumLanes<T>;
  constexpr std::size_t L = SobolColumns<T>::lanes;
  T w[SobolColumns<T>::tile];
  tile_weights(counts, j0, j1, w);
  V ab = V::load(s.ab.data());
  // Explicit fused multiply-adds (one rounding, the same on every target).
  for (std::size_t j = j0; j < j1; j += L) ab = fused_mul_add(V::load(&w[j - j0]), V::load(&c.ab[j]), ab);
  ab.store(s.ab.data());
  if (c.salib) {
    V all = V::load(s.all.data());
    for (std::size_t j = j0; j < j1; j += L) all = fused_mul_add(V::load(&w[j - j0]), V::load(&c.all[j]), all);
    all.store(s.all.data());
  }
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

/// Second pass over rows [j0, j1): the sums of the variance and of each group's terms.
template <class T>
void sobol_pass_terms(const SobolColumns<T>& c, const std::uint32_t* counts, std::size_t j0, std::size_t j1,
                      SobolSums<T>& s) {
  using V = SumLanes<T>;
  constexpr std::size_t L = SobolColumns<T>::lanes;
  T w[SobolColumns<T>::tile];
  tile_weights(counts, j0, j1, w);
  T bm[SobolColumns<T>::tile];  // f(B) - mean, shared by the groups
  const V centre(s.centre), mean(s.mean);
  V squares = V::load(s.squares.data());
  for (std::size_t j = j0; j < j1; j += L) {
    const V a = V::load(&c.a[j]) - centre, fb = V::load(&c.b[j]), b = fb - centre;
    squares = fused_mul_add(V::load(&w[j - j0]), a * a + b * b, squares);
    (fb - mean).store(&bm[j - j0]);
  }
  squares.store(s.squares.data());
  for (std::size_t g = 0; g < c.groups; ++g) {
    const T* dg = &c.d[g * c.padded];
    V first = V::load(&s.first[g * L]), total = V::load(&s.total[g * L]);
    for (std::size_t j = j0; j < j1; j += L) {
      const V wj = V::load(&w[j - j0]), d = V::load(&dg[j]);
      // sobol_estimates' terms: (f(B) - mean)(f(AB_g) - f(A)) and (f(A) - f(AB_g))^2.
      first = fused_mul_add(wj, V::load(&bm[j - j0]) * d, first);
      total = fused_mul_add(wj, d * d, total);
    }
    first.store(&s.first[g * L]);
    total.store(&s.total[g * L]);
  }
}

/// After the second pass: S1, ST, the variance; false (s1/st unset) when there is no variance.
template <class T>
bool sobol_finish(const SobolColumns<T>& c, std::uint64_t draws, const SobolSums<T>& s, std::vector<T>& s1,
                  std::vector<T>& st, T& variance) {
  constexpr std::size_t L = SobolColumns<T>::lanes;
  const auto n = static_cast<T>(draws);
  variance = lane_sum(s.squares.data()) / (c.salib ? T(2) * n : T(2) * n - T(1));
  if (!(variance > T(0))) return false;
  for (std::size_t g = 0; g < c.groups; ++g) {
    s1[g] = lane_sum(&s.first[g * L]) / n / variance;
    st[g] = lane_sum(&s.total[g * L]) / (T(2) * n) / variance;
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
                              bool salib = false) {
  const SobolColumns<T> c(f, block, groups, rows, salib);
  std::vector<std::uint32_t> w(c.padded, 0U);
  std::copy(counts.begin(), counts.end(), w.begin());
  SobolSums<T> s(groups);
  constexpr std::size_t tile = SobolColumns<T>::tile;
  for (std::size_t j0 = 0; j0 < c.padded; j0 += tile) sobol_pass_means(c, w.data(), j0, std::min(j0 + tile, c.padded), s);
  sobol_set_means(c, block, draws, s);
  mean = s.mean;
  for (std::size_t j0 = 0; j0 < c.padded; j0 += tile) sobol_pass_terms(c, w.data(), j0, std::min(j0 + tile, c.padded), s);
  return sobol_finish(c, draws, s, s1, st, variance);
}

/// Bootstrap replicates of S1 and ST: replicate b of group g at [b groups + g], valid[b] false
/// for a degenerate resample (no variance). Resample b draws rows[uniform_index(counter_bits(
/// seed, b, k, stream_bootstrap), m)] for k = 0..m-1 (m = rows.size()), as before counting
/// replaced gathering: the same rows. Each thread takes batches of resamples and runs both
/// passes over tiles of rows that stay in cache for the whole batch. A resample's estimate
/// depends only on its counts (same sums in the same order whoever computes it) and is stored at
/// its index, so the replicates do not depend on the thread count or the batching.
/// `keep_going` is polled by the calling thread (see SobolOptions).
template <class T>
void sobol_bootstrap(const std::vector<T>& f, std::size_t block, std::size_t groups,
                     const std::vector<std::uint64_t>& rows, std::uint64_t resamples, std::uint64_t seed,
                     bool salib, unsigned threads, const std::function<bool()>& keep_going,
                     std::vector<T>& s1_replicates, std::vector<T>& st_replicates, std::vector<char>& valid) {
  const auto r_count = static_cast<std::size_t>(resamples);
  s1_replicates.assign(r_count * groups, T(0));
  st_replicates.assign(r_count * groups, T(0));
  valid.assign(r_count, 0);
  if (r_count == 0) return;
  if (keep_going && !keep_going()) throw Cancelled();
  const SobolColumns<T> columns(f, block, groups, rows, salib);
  const std::uint64_t m = columns.used;
  // Resamples per task, whose counts share each tile of the columns while it is in cache; at
  // most 8 MiB of counts per thread (large N: one resample, 4 bytes a row).
  const std::uint64_t batch = std::clamp<std::uint64_t>((std::uint64_t{1} << 21) / std::max<std::uint64_t>(m, 1), 1, 8);
  constexpr std::size_t tile = SobolColumns<T>::tile;
  const unsigned workers = static_cast<unsigned>(std::min<std::uint64_t>(threads, (resamples + batch - 1) / batch));
  std::atomic<std::uint64_t> next{0};
  std::atomic<unsigned> finished{0};
  std::atomic<bool> stop{false};
  std::exception_ptr error;
  std::mutex error_mutex, wake_mutex;
  std::condition_variable wake;

  const auto work = [&] {
    try {
      // Multinomial counts, 4 bytes a row (a row drawn all 2^32 times of N = 2^32 would wrap).
      const std::size_t padded = columns.padded;
      std::vector<std::uint32_t> counts(static_cast<std::size_t>(batch) * padded, 0U);  // padding stays 0
      constexpr std::size_t hashed = 2048;  // draws hashed together (vectorised), then counted
      std::vector<std::uint32_t> picked(hashed);
      std::vector<SobolSums<T>> sums(static_cast<std::size_t>(batch), SobolSums<T>(groups));
      std::vector<T> s1(groups), st(groups);
      for (std::uint64_t b0; !stop.load(std::memory_order_relaxed) && (b0 = next.fetch_add(batch)) < resamples;) {
        const auto nb = static_cast<std::size_t>(std::min(batch, resamples - b0));
        for (std::size_t r = 0; r < nb; ++r) {
          std::uint32_t* count = &counts[r * padded];
          std::fill(count, count + m, 0U);
          const std::uint64_t key = aci::detail::counter_key(seed, b0 + r);
          // Huge N: stop within a resample too.
          for (std::uint64_t k0 = 0; k0 < m && !stop.load(std::memory_order_relaxed); k0 += hashed) {
            const auto len = static_cast<std::size_t>(std::min<std::uint64_t>(hashed, m - k0));
            for (std::size_t k = 0; k < len; ++k) {
              const std::uint64_t bits =
                  aci::detail::counter_stream_bits(aci::detail::counter_step_key(key, k0 + k), stream_bootstrap);
              picked[k] = static_cast<std::uint32_t>(uniform_index(bits, m));  // < m <= 2^32
            }
            for (std::size_t k = 0; k < len; ++k) ++count[picked[k]];
          }
          sums[r].reset();
        }
        if (stop.load(std::memory_order_relaxed)) break;
        for (std::size_t j0 = 0; j0 < padded; j0 += tile)
          for (std::size_t r = 0; r < nb; ++r)
            sobol_pass_means(columns, &counts[r * padded], j0, std::min(j0 + tile, padded), sums[r]);
        for (std::size_t r = 0; r < nb; ++r) sobol_set_means(columns, block, m, sums[r]);
        for (std::size_t j0 = 0; j0 < padded; j0 += tile)
          for (std::size_t r = 0; r < nb; ++r)
            sobol_pass_terms(columns, &counts[r * padded], j0, std::min(j0 + tile, padded), sums[r]);
        for (std::size_t r = 0; r < nb; ++r) {
          T variance{};
          if (!sobol_finish(columns, m, sums[r], s1, st, variance)) continue;  // degenerate resample
          const std::size_t b = static_cast<std::size_t>(b0) + r;
          std::copy(s1.begin(), s1.end(), s1_replicates.begin() + static_cast<std::ptrdiff_t>(b * groups));
          std::copy(st.begin(), st.end(), st_replicates.begin() + static_cast<std::ptrdiff_t>(b * groups));
          valid[b] = 1;
        }
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(error_mutex);
      if (!error) error = std::current_exception();
      stop.store(true);
    }
    {
      const std::lock_guard<std::mutex> lock(wake_mutex);
      finished.fetch_add(1);
    }
    wake.notify_all();
  };

  std::vector<std::thread> pool;
  const auto join = [&] {
    for (auto& t : pool) t.join();
    pool.clear();
  };
  if (!keep_going) {
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work);
    work();
    join();
  } else {
    // The calling thread only watches: it may hold the caller's context (Python signals are
    // only seen on the main thread).
    for (unsigned w = 0; w < workers; ++w) pool.emplace_back(work);
    bool cancelled = false;
    std::exception_ptr poll_error;
    while (!stop.load()) {
      {
        std::unique_lock<std::mutex> lock(wake_mutex);
        if (wake.wait_for(lock, std::chrono::milliseconds(50), [&] { return finished.load() == workers; })) break;
      }
      try {
        cancelled = !keep_going();
      } catch (...) {
        poll_error = std::current_exception();
      }
      if (cancelled || poll_error) stop.store(true);
    }
    join();
    if (poll_error) std::rethrow_exception(poll_error);
    if (cancelled) throw Cancelled();
  }
  if (error) std::rethrow_exception(error);
}

/// The interval of `estimate` from its bootstrap replicates (NaN bounds with fewer than 2).
template <class T>
Interval<T> bootstrap_interval(std::vector<T> replicates, T estimate, double level, CiMethod method) {
  const std::size_t b = replicates.size();
  if (b < 2) return {std::numeric_limits<T>::quiet_NaN(), std::numeric_limits<T>::quiet_NaN()};
  const double tail = (1.0 - level) / 2.0;
  if (method == CiMethod::normal) {
    T mean = 0;
    for (const T v : replicates) mean += v;
    mean /= static_cast<T>(b);
    T squares = 0;
    for (const T v : replicates) squares += (v - mean) * (v - mean);
    const T sd = std::sqrt(squares / static_cast<T>(b - 1));
    const T z = normal_quantile(static_cast<T>(1.0 - tail));
    return {estimate - z * sd, estimate + z * sd};
  }
  std::sort(replicates.begin(), replicates.end());
  // Order statistic ceil(p B) (1-based), the inverse of the replicates' empirical CDF.
  const auto order = [&](double p) {
    const double k = std::ceil(p * static_cast<double>(b));
    return replicates[k < 1.0 ? 0 : std::min(b - 1, static_cast<std::size_t>(k) - 1)];
  };
  return {order(tail), order(1.0 - tail)};
}

}  // namespace detail

/// First-order (Saltelli et al. 2010) and total (Jansen 1999) Sobol' indices per group from the
/// outputs of `design`, with a bootstrap over base rows (rows drawn with the counter RNG at
/// (bootstrap_seed, resample, draw)) on options.threads threads. Throws InvalidInput for bad
/// options, outputs of another design or length, or a non-finite output under NanPolicy::raise;
/// DomainError when the outputs have no variance; Cancelled when options.keep_going stops it.
template <class T = double>
SobolIndices<T> analyze_sobol(const SaltelliDesign& design, const DesignOutputs<T>& outputs,
                              const SobolOptions& options = {}) {
  options.validate();
  detail::check_outputs(outputs, design.fingerprint(), design.size(), "sobol");
  const std::size_t block = design.block_size();
  const std::size_t groups = design.group_count();
  const std::vector<T>& f = outputs.values;

  SobolIndices<T> result;
  std::vector<std::uint64_t> rows;
  rows.reserve(design.base_rows());
  for (std::uint64_t i = 0; i < design.base_rows(); ++i) {
    bool finite = true;
    for (std::size_t c = 0; c < block; ++c) {
      const T v = f[i * block + c];
      if (std::isfinite(v)) continue;
      ACI_COST_REQUIRE(options.nan_policy != NanPolicy::raise,
                   "sobol.outputs.values[" + std::to_string(i * block + c) + "]", detail::output_text(v),
                   "must be finite (base row " + std::to_string(i) +
                       "); NanPolicy::drop_blocks drops such rows");
      finite = false;
    }
    if (finite) rows.push_back(i);
  }
  result.rows_used = rows.size();
  result.rows_dropped = design.base_rows() - rows.size();
  ACI_COST_REQUIRE(rows.size() >= 2, "sobol.outputs.values", std::to_string(rows.size()) + " finite base rows",
               "at least 2 base rows must have finite outputs");

  result.first_order.assign(groups, T(0));
  result.total_order.assign(groups, T(0));
  if (!detail::sobol_estimates(f, block, groups, rows, result.first_order, result.total_order, result.mean,
                               result.variance, options.salib_conventions))
    throw aci::DomainError("analyze_sobol: the model outputs have zero variance (" +
                           detail::number_text(result.variance) + "), so Sobol' indices are undefined");

  std::vector<T> s1_all, st_all;
  std::vector<char> valid;
  detail::sobol_bootstrap(f, block, groups, rows, options.bootstrap_resamples, options.bootstrap_seed,
                          options.salib_conventions, options.threads, options.keep_going, s1_all, st_all, valid);
  std::vector<std::vector<T>> s1_replicates(groups), st_replicates(groups);
  for (std::size_t b = 0; b < valid.size(); ++b) {
    if (!valid[b]) continue;  // degenerate resample
    for (std::size_t g = 0; g < groups; ++g) {
      s1_replicates[g].push_back(s1_all[b * groups + g]);
      st_replicates[g].push_back(st_all[b * groups + g]);
    }
  }
  for (std::size_t g = 0; g < groups; ++g) {
    result.first_order_ci.push_back(detail::bootstrap_interval(std::move(s1_replicates[g]), result.first_order[g],
                                                               options.confidence_level, options.ci_method));
    result.total_order_ci.push_back(detail::bootstrap_interval(std::move(st_replicates[g]), result.total_order[g],
                                                               options.confidence_level, options.ci_method));
  }
  return result;
}

}  // namespace aci::sweep

ACI_COST_STRICT_FP_END
