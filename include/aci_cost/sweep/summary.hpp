// Streaming summary of a sweep's outputs: count, NaN count, mean, sample standard deviation,
// min, max and quantiles, in memory that does not grow with the number of values, and with
// results that are bit-identical whatever the order in which values arrive, however they are
// split into chunks and in whatever order partial summaries are merged.
//
// Order independence comes from keeping every statistic exact:
//   - sum and sum of squares are exact integers (every double is an integer multiple of
//     2^-1074, every square of 2^-2148) held in carry-save fixed-point accumulators that span
//     the whole double range (Neal 2015, "Fast exact summation using small and large
//     superaccumulators", arXiv:1505.05571); mean and variance are rounded once, at the end,
//     from those exact integers, so they are functions of the multiset of values alone;
//   - min and max use a total order in which -0 < +0;
//   - quantiles come from integer counts in log-linear bins (sign, exponent and the top 7
//     mantissa bits, as in HDR histograms); counts add exactly, in any order.
//
// Speed (SummaryAccumulator): values are first gathered by (sign, binary exponent) in a small
// table of slots found through a 4096-entry index, so that each value costs a few integer
// additions and one counter increment, with no search: its mantissa m < 2^53 adds to a 64-bit
// sum and m^2 to a 128-bit sum (four of each per slot, taken in turn, so that consecutive values
// do not wait for each other), its top 7 mantissa bits pick the bin. Every 2048 values the slots'
// sums join the exact accumulators (Neal's small superaccumulator in front of the large one);
// the bins join the histogram when the accumulator is flushed into its Summary.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <limits>
#include <map>
#include <optional>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

#include "aci_cost/error.hpp"
#include "aci_cost/sweep/detail/exact_integers.hpp"

namespace aci::sweep {

/// A quantile of a summarised output: the value given, and where the exact order statistic lies.
struct QuantileEstimate {
  double q = 0;        ///< probability, in [0, 1]
  double value = 0;    ///< the ceil(q count)-th smallest value (rank at least 1), or its estimate
  double low = 0;      ///< the exact order statistic is >= low ...
  double high = 0;     ///< ... and <= high (low = high = value when exact)
  bool exact = false;  ///< value is the exact order statistic
};

/// Streaming, mergeable, order-independent summary of doubles (see the file comment).
/// Memory: about 1.7 KB plus 1 KB per (sign, binary exponent) pair met, at most 4 MB.
class Summary {
 public:
  /// Quantile() returns a value within this relative error of the exact order statistic, for
  /// order statistics of magnitude >= 2^-1022 (below: within 2^-1029 absolute).
  static constexpr double quantile_relative_error = 0x1p-8;

  /// Adds one value; NaN is only counted (nan_count()), never part of the statistics.
  void add(double x) {
    if (std::isnan(x)) {
      ++nan_count_;
      return;
    }
    ++count_;
    if (before(x, min_)) min_ = x;
    if (before(max_, x)) max_ = x;
    const std::uint32_t key = bin_key(x);
    ++bins_[key / bins_per_block][key % bins_per_block];
    if (std::isinf(x)) {
      ++(x > 0 ? positive_infinities_ : negative_infinities_);
      return;
    }
    const auto bits = std::bit_cast<std::uint64_t>(x);
    const auto top = static_cast<std::uint32_t>(bits >> 52);
    const std::uint64_t m = mantissa(bits);
    add_exact(top, m, static_cast<Wide>(m) * m);
  }
  /// Adds every value of `xs` (through a SummaryAccumulator: see the file comment).
  inline void add(std::span<const double> xs);
  /// Adds everything `other` has seen: the result equals one summary of both streams.
  void merge(const Summary& other) {
    count_ += other.count_;
    nan_count_ += other.nan_count_;
    positive_infinities_ += other.positive_infinities_;
    negative_infinities_ += other.negative_infinities_;
    if (before(other.min_, min_)) min_ = other.min_;
    if (before(max_, other.max_)) max_ = other.max_;
    normalize();  // both sides within budget: this one at 2^32 per limb, the other below 2^62
    sum_.add(other.sum_);
    sum_squares_.add(other.sum_squares_);
    normalize();
    for (const auto& [block, counts] : other.bins_) {
      auto& mine = bins_[block];
      for (std::size_t k = 0; k < bins_per_block; ++k) mine[k] += counts[k];
    }
  }

  /// Number of values that are not NaN (infinities included).
  std::uint64_t count() const noexcept { return count_; }
  /// Number of NaN values seen.
  std::uint64_t nan_count() const noexcept { return nan_count_; }
  /// Exact sum rounded once to nearest (+-inf if beyond the double range); NaN if +inf and -inf were both seen.
  double sum() const {
    if (const double special = infinite_sum(); !std::isfinite(special)) return special;
    bool negative = false;
    auto digits = sum_.magnitude(negative);
    detail::trim(digits);
    const auto r = detail::round_nearest(digits, -1074, false, -1074);
    const double v = std::ldexp(static_cast<double>(r.mantissa), r.exponent);
    return negative ? -v : v;
  }
  /// Mean: the exact mean rounded once to nearest; NaN without values; +-inf with infinities.
  double mean() const {
    if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
    if (const double special = infinite_sum(); !std::isfinite(special)) return special;
    bool negative = false;
    auto digits = sum_.magnitude(negative);
    detail::trim(digits);
    // 128 extra bits put the quotient's 53 significant bits and the rounding bit among the
    // computed digits (|sum| >= 2^-1074 and count < 2^64), so the sticky remainder decides ties only.
    bool inexact = false;
    const auto q = detail::divide(detail::shift_left(digits, 128), count_, inexact);
    const auto r = detail::round_nearest(q, -1074 - 128, inexact, -1074);
    const double v = std::ldexp(static_cast<double>(r.mantissa), r.exponent);
    return negative ? -v : v;
  }
  /// Sample variance (divisor count - 1), rounded once from the exact sums; may overflow to inf
  /// where std() does not. NaN for fewer than 2 values or with infinities.
  double variance() const {
    const auto v = exact_variance();
    if (!v) return std::numeric_limits<double>::quiet_NaN();
    return std::ldexp(static_cast<double>(v->mantissa), v->exponent);
  }
  /// Sample standard deviation (divisor count - 1), within 1 ulp; NaN for fewer than 2 values
  /// or with infinities.
  double std() const {
    auto v = exact_variance();
    if (!v) return std::numeric_limits<double>::quiet_NaN();
    // sqrt(m 2^e) = sqrt(m) 2^(e/2) with e made even: m <= 2^54 stays exact in a double.
    std::uint64_t m = v->mantissa;
    int e = v->exponent;
    if (e % 2 != 0) {
      m <<= 1;
      --e;
    }
    return std::ldexp(std::sqrt(static_cast<double>(m)), e / 2);
  }
  /// Smallest value (-0 before +0); NaN without values.
  double min() const noexcept { return count_ == 0 ? std::numeric_limits<double>::quiet_NaN() : min_; }
  /// Largest value (+0 after -0); NaN without values.
  double max() const noexcept { return count_ == 0 ? std::numeric_limits<double>::quiet_NaN() : max_; }
  /// The ceil(q count)-th smallest value (q count in double, rank at least 1): exact for ranks 1
  /// (min) and count (max), otherwise its bin's midpoint clamped to [min, max], within
  /// quantile_relative_error. `q` in [0, 1]; NaN without values.
  double quantile(double q) const {
    ACI_COST_REQUIRE(q >= 0.0 && q <= 1.0, "summary.quantile.q", q, "must be in [0, 1]");
    if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
    const std::uint64_t r = rank(q);
    // The extreme order statistics are known exactly.
    if (r == 1) return min_;
    if (r == count_) return max_;
    const double v = bin_value(bin_of_rank(r).first);
    return before(v, min_) ? min_ : (before(max_, v) ? max_ : v);
  }
  /// quantile(q) with the interval that holds the exact order statistic: its bin's bounds,
  /// within [min, max] (a width of at most 2^-7 of the value's magnitude); exact for ranks 1
  /// and count. NaN fields without values.
  QuantileEstimate quantile_estimate(double q) const {
    QuantileEstimate e{q, quantile(q), 0, 0, false};
    if (count_ == 0) {
      e.low = e.high = e.value;
      return e;
    }
    const std::uint64_t r = rank(q);
    if (r == 1 || r == count_) {
      e.low = e.high = e.value;
      e.exact = true;
      return e;
    }
    const auto [low, high] = bin_bounds(bin_of_rank(r).first);
    e.low = before(low, min_) ? min_ : low;
    e.high = before(max_, high) ? max_ : high;
    e.exact = e.low == e.high;
    return e;
  }
  /// The exact quantiles qs of `values`, which must be the values this summary has seen, in any
  /// order (InvalidInput naming "summary.values" when their count differs): one pass over them
  /// keeps only those in the bins of the ranks asked, then a selection among those. NaN without values.
  std::vector<QuantileEstimate> exact_quantiles(std::span<const double> values, std::span<const double> qs) const {
    for (const double q : qs) ACI_COST_REQUIRE(q >= 0.0 && q <= 1.0, "summary.quantile.q", q, "must be in [0, 1]");
    std::vector<QuantileEstimate> out;
    // Per q: its rank, and (inside the histogram) its bin and the values ranked before the bin.
    struct Target {
      std::uint64_t rank;
      std::uint32_t key;
      std::uint64_t before;
    };
    std::vector<Target> targets;
    std::vector<std::uint32_t> keys;  // distinct bins to gather
    for (const double q : qs) {
      const std::uint64_t r = count_ == 0 ? 0 : rank(q);
      Target t{r, 0, 0};
      if (r > 1 && r < count_) {
        std::tie(t.key, t.before) = bin_of_rank(r);
        if (std::find(keys.begin(), keys.end(), t.key) == keys.end()) keys.push_back(t.key);
      }
      targets.push_back(t);
    }
    std::vector<std::vector<double>> gathered(keys.size());
    std::uint64_t seen = 0;
    for (const double x : values) {
      if (std::isnan(x)) continue;
      ++seen;
      const std::uint32_t key = bin_key(x);
      for (std::size_t k = 0; k < keys.size(); ++k)
        if (keys[k] == key) gathered[k].push_back(x);
    }
    ACI_COST_REQUIRE(seen == count_, "summary.values", std::to_string(seen) + " values",
                     "must be the " + std::to_string(count_) + " values the summary has seen");
    for (std::size_t i = 0; i < qs.size(); ++i) {
      const Target& t = targets[i];
      double v;
      if (count_ == 0) {
        v = std::numeric_limits<double>::quiet_NaN();
      } else if (t.rank == 1) {
        v = min_;
      } else if (t.rank == count_) {
        v = max_;
      } else {
        auto& bin = gathered[static_cast<std::size_t>(std::find(keys.begin(), keys.end(), t.key) - keys.begin())];
        const auto nth = bin.begin() + static_cast<std::ptrdiff_t>(t.rank - t.before - 1);
        // The total order of min and max (-0 before +0), as the summary's.
        std::nth_element(bin.begin(), nth, bin.end(), [](double a, double b) { return before(a, b); });
        v = *nth;
      }
      out.push_back({qs[i], v, v, v, count_ != 0});
    }
    return out;
  }

  /// The summary as words (64-bit, a format tag first): sent between processes (a cluster's
  /// workers), read back by from_words into an equal summary that merges as this one would.
  std::vector<std::uint64_t> to_words() const {
    Summary c = *this;
    c.normalize();
    std::vector<std::uint64_t> w = {words_format,
                                    c.count_,
                                    c.nan_count_,
                                    c.positive_infinities_,
                                    c.negative_infinities_,
                                    std::bit_cast<std::uint64_t>(c.min_),
                                    std::bit_cast<std::uint64_t>(c.max_)};
    for (const auto x : c.sum_.limbs()) w.push_back(static_cast<std::uint64_t>(x));
    for (const auto x : c.sum_squares_.limbs()) w.push_back(static_cast<std::uint64_t>(x));
    w.push_back(c.bins_.size());
    for (const auto& [block, counts] : c.bins_) {
      w.push_back(block);
      w.insert(w.end(), counts.begin(), counts.end());
    }
    return w;
  }
  /// The summary written by to_words; InvalidInput naming `field` for anything else.
  static Summary from_words(std::span<const std::uint64_t> w, const std::string& field = "summary") {
    constexpr std::size_t head = 7 + 70 + 136 + 1;
    ACI_COST_REQUIRE(w.size() >= head && w[0] == words_format, field, std::to_string(w.size()) + " words",
                     "not a summary written by Summary::to_words (this version)");
    Summary s;
    s.count_ = w[1];
    s.nan_count_ = w[2];
    s.positive_infinities_ = w[3];
    s.negative_infinities_ = w[4];
    s.min_ = std::bit_cast<double>(w[5]);
    s.max_ = std::bit_cast<double>(w[6]);
    std::array<std::int64_t, 70> a{};
    for (std::size_t k = 0; k < 70; ++k) a[k] = static_cast<std::int64_t>(w[7 + k]);
    s.sum_.set_limbs(a);
    std::array<std::int64_t, 136> b{};
    for (std::size_t k = 0; k < 136; ++k) b[k] = static_cast<std::int64_t>(w[77 + k]);
    s.sum_squares_.set_limbs(b);
    const std::uint64_t blocks = w[head - 1];
    ACI_COST_REQUIRE(w.size() == head + blocks * (1 + bins_per_block), field, std::to_string(w.size()) + " words",
                     "truncated or padded summary");
    std::uint64_t counted = 0;
    for (std::uint64_t i = 0; i < blocks; ++i) {
      const auto* p = w.data() + head + i * (1 + bins_per_block);
      Counts& c = s.bins_[static_cast<std::size_t>(p[0])];
      for (std::size_t k = 0; k < bins_per_block; ++k) counted += (c[k] = p[1 + k]);
    }
    ACI_COST_REQUIRE(counted == s.count_, field, std::to_string(counted) + " binned values",
                     "the histogram must count every value (" + std::to_string(s.count_) + ")");
    return s;
  }

  /// Same multiset of values (NaNs counted, not compared by value): every result is then identical.
  friend bool operator==(const Summary& a, const Summary& b) {
    return a.count_ == b.count_ && a.nan_count_ == b.nan_count_ && a.positive_infinities_ == b.positive_infinities_ &&
           a.negative_infinities_ == b.negative_infinities_ &&
           std::bit_cast<std::uint64_t>(a.min_) == std::bit_cast<std::uint64_t>(b.min_) &&
           std::bit_cast<std::uint64_t>(a.max_) == std::bit_cast<std::uint64_t>(b.max_) && a.sum_ == b.sum_ &&
           a.sum_squares_ == b.sum_squares_ && a.bins_ == b.bins_;
  }

 private:
  static constexpr int mantissa_bits = 7;  // bin width 2^-7 of the binade: half-width 2^-8 relative
  static constexpr std::size_t bins_per_block = std::size_t{1} << mantissa_bits;
  static constexpr std::uint32_t pending_limit = std::uint32_t{1} << 30;  // adds between carries
  static constexpr std::uint32_t half_keys = std::uint32_t{1} << (11 + mantissa_bits);
  static constexpr std::uint64_t words_format = 0x61636953756d3031ULL;  // "aciSum01"

  /// The rank of quantile q: ceil(q count) in double, at least 1 (count > 0).
  std::uint64_t rank(double q) const noexcept {
    const double n = static_cast<double>(count_);
    const double target = std::ceil(q * n);
    return target < 1.0 ? 1 : (target >= n ? count_ : static_cast<std::uint64_t>(target));
  }
  /// The bin holding the r-th smallest value, and the number of values in the bins before it.
  std::pair<std::uint32_t, std::uint64_t> bin_of_rank(std::uint64_t r) const noexcept {
    std::uint64_t cumulative = 0;
    for (const auto& [block, counts] : bins_) {
      for (std::size_t k = 0; k < bins_per_block; ++k) {
        if (cumulative + counts[k] >= r) return {static_cast<std::uint32_t>(block * bins_per_block + k), cumulative};
        cumulative += counts[k];
      }
    }
    assert(false && "histogram counts must add up to count()");
    return {0, 0};
  }
  /// The smallest and largest double of a bin.
  static std::pair<double, double> bin_bounds(std::uint32_t key) noexcept {
    const bool negative = key < half_keys;
    const std::uint64_t magnitude = negative ? half_keys - 1 - key : key - half_keys;
    const double small = std::bit_cast<double>(magnitude << (52 - mantissa_bits));
    const double large = std::bit_cast<double>(((magnitude + 1) << (52 - mantissa_bits)) - 1);
    const double big = (magnitude >> mantissa_bits) == 0x7ff ? small : large;  // the bin of infinity holds only it
    return negative ? std::pair{-big, -small} : std::pair{small, big};
  }
  /// The total order used for min and max: numeric, with -0 before +0.
  static bool before(double a, double b) noexcept { return a < b || (a == b && std::signbit(a) && !std::signbit(b)); }
  /// Bin of x: its magnitude's exponent and top mantissa bits, ordered like the values
  /// (negative magnitudes mirrored below the positive ones).
  static std::uint32_t bin_key(double x) noexcept {
    const auto bits = std::bit_cast<std::uint64_t>(x);
    const auto magnitude = static_cast<std::uint32_t>((bits & 0x7fffffffffffffffULL) >> (52 - mantissa_bits));
    return (bits >> 63) != 0 ? half_keys - 1 - magnitude : half_keys + magnitude;
  }
  /// Midpoint of a bin: within half a bin width, 2^-8 of the magnitude, of anything in it.
  static double bin_value(std::uint32_t key) noexcept {
    const bool negative = key < half_keys;
    const std::uint32_t magnitude = negative ? half_keys - 1 - key : key - half_keys;
    const int biased = static_cast<int>(magnitude >> mantissa_bits);
    double v;
    if (biased == 0x7ff) {
      v = std::numeric_limits<double>::infinity();
    } else if (magnitude == 0) {
      v = 0.0;  // the bin of 0 and the smallest subnormals: 0 is by far the likelier value
    } else {
      const double low = std::bit_cast<double>(std::uint64_t{magnitude} << (52 - mantissa_bits));
      // A bin spans 2^45 units in the last place of its binade, 2^(max(biased, 1) - 1030).
      v = low + std::ldexp(1.0, std::max(biased, 1) - 1031);
    }
    return negative ? -v : v;
  }
  /// +-inf or NaN when infinities were seen, else 0.
  double infinite_sum() const noexcept {
    if (positive_infinities_ != 0 && negative_infinities_ != 0) return std::numeric_limits<double>::quiet_NaN();
    if (positive_infinities_ != 0) return std::numeric_limits<double>::infinity();
    if (negative_infinities_ != 0) return -std::numeric_limits<double>::infinity();
    return 0.0;
  }
  /// (count sum of squares - sum^2) / (count (count - 1)), exact then rounded once to 53 bits.
  std::optional<detail::Unpacked> exact_variance() const {
    if (count_ < 2 || positive_infinities_ != 0 || negative_infinities_ != 0) return std::nullopt;
    bool negative = false;
    auto s = sum_.magnitude(negative);
    detail::trim(s);
    auto q = sum_squares_.magnitude(negative);
    detail::trim(q);
    // Both terms are integers in units of 2^-2148; their difference is >= 0 (Cauchy-Schwarz).
    const auto d = detail::subtract(detail::multiply(q, detail::from_u64(count_)), detail::multiply(s, s));
    if (d.empty()) return detail::Unpacked{};
    // floor(floor(x / n) / (n - 1)) = floor(x / (n (n - 1))), and the quotient is exact only
    // if both divisions are. 256 extra bits keep the quotient above 2^128 (d >= 1, n < 2^64),
    // so rounding sees all its significant bits and the remainders only break ties.
    bool inexact_n = false, inexact_m = false;
    const auto x = detail::divide(detail::shift_left(d, 256), count_, inexact_n);
    const auto y = detail::divide(x, count_ - 1, inexact_m);
    return detail::round_nearest(y, -2148 - 256, inexact_n || inexact_m, std::numeric_limits<int>::min() / 2);
  }
  void normalize() noexcept {
    sum_.normalize();
    sum_squares_.normalize();
    pending_ = 0;
  }

  std::uint64_t count_ = 0;
  std::uint64_t nan_count_ = 0;
  std::uint64_t positive_infinities_ = 0;
  std::uint64_t negative_infinities_ = 0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
  // Sum: |x| 2^1074 < 2^2098, times count < 2^64. Squares: |x|^2 2^2148 < 2^4196, times 2^64.
  detail::CarrySaveInteger<70> sum_;
  detail::CarrySaveInteger<136> sum_squares_;
  std::uint32_t pending_ = 0;
  using Counts = std::array<std::uint64_t, bins_per_block>;
  std::map<std::size_t, Counts> bins_;

  __extension__ typedef unsigned __int128 Wide;  // GCC and Clang (as the batch kernels)
  friend class SummaryAccumulator;

  /// m of |x| = m 2^(max(biased, 1) - 1075), m < 2^53 (finite x).
  static std::uint64_t mantissa(std::uint64_t bits) noexcept {
    const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
    return (bits & 0x7ff0000000000000ULL) != 0 ? fraction | (std::uint64_t{1} << 52) : fraction;
  }
  /// The histogram block of the values whose top 12 bits (sign, biased exponent) are `top`; a
  /// value's bin in it is its top 7 mantissa bits t (positive) or 127 - t (negative).
  static std::size_t block_of(std::uint32_t top) noexcept {
    const std::size_t biased = top & 0x7ffU, middle = half_keys / bins_per_block;
    return (top >> 11) != 0 ? middle - 1 - biased : middle + biased;
  }
  /// Adds (sign of top) sum 2^(p - 1074) and squares 2^(2p - 2148), p = max(biased, 1) - 1,
  /// exactly: `sum` and `squares` are sums of the mantissas m and of m^2 of values of one binade.
  void add_exact(std::uint32_t top, std::uint64_t sum, Wide squares) noexcept {
    if (sum == 0) return;  // +-0 adds nothing
    const auto biased = static_cast<std::size_t>(top & 0x7ffU);
    const bool negative = (top >> 11) != 0;
    // |x| = m 2^(max(biased, 1) - 1075): the sum is kept in units of 2^-1074, squares in 2^-2148.
    const std::size_t position = (biased != 0 ? biased : 1) - 1;
    const std::uint64_t sum_words[2] = {sum & 0xffffffffULL, sum >> 32};
    const std::uint64_t square_words[4] = {
        static_cast<std::uint64_t>(squares) & 0xffffffffULL, static_cast<std::uint64_t>(squares >> 32) & 0xffffffffULL,
        static_cast<std::uint64_t>(squares >> 64) & 0xffffffffULL, static_cast<std::uint64_t>(squares >> 96)};
    sum_.add(sum_words, 2, position, negative);
    sum_squares_.add(square_words, 4, 2 * position, false);
    if (++pending_ == pending_limit) normalize();
  }
};

/// A Summary's fast front end (see the file comment): add chunks of values, then flush_into()
/// the Summary, which then equals one that saw the same values one by one. Not thread-safe: one
/// per thread (the engine keeps one per worker and output and merges them once, at the end).
class SummaryAccumulator {
 public:
  SummaryAccumulator() { slots_.reserve(8); }

  /// Adds every value of `xs`.
  void add(std::span<const double> xs) {
    const double* x = xs.data();
    for (std::size_t i0 = 0; i0 < xs.size(); i0 += block) {
      const std::size_t n = std::min(block, xs.size() - i0);
      const double* p = x + i0;
      // The extremes and the test for NaN and infinities first, in a loop that vectorises.
      std::int64_t lo = min_key_, hi = max_key_;
      std::uint64_t special = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const auto bits = std::bit_cast<std::uint64_t>(p[i]);
        const std::int64_t key = key_of(bits);
        lo = key < lo ? key : lo;
        hi = key > hi ? key : hi;
        special |= static_cast<std::uint64_t>((bits & exponent_bits) == exponent_bits);
      }
      if (special != 0) [[unlikely]] {
        add_with_specials(p, n);
      } else {
        min_key_ = lo;
        max_key_ = hi;
        std::size_t i = 0;
        for (; i + lanes <= n; i += lanes) {
          step<0>(p[i]);
          step<1>(p[i + 1]);
          step<2>(p[i + 2]);
          step<3>(p[i + 3]);
        }
        for (; i < n; ++i) step<0>(p[i]);
      }
      count_ += n;
      spill_sums();
    }
  }

  /// Adds everything gathered to `s` and starts again empty.
  void flush_into(Summary& s) {
    spill_bins();
    const std::uint64_t nans = nan_count_;
    base_.count_ += count_ - nans;
    base_.nan_count_ += nans;
    if (min_key_ <= max_key_) {  // some non-NaN value
      const double lo = from_key(min_key_), hi = from_key(max_key_);
      if (Summary::before(lo, base_.min_)) base_.min_ = lo;
      if (Summary::before(base_.max_, hi)) base_.max_ = hi;
    }
    s.merge(base_);
    *this = SummaryAccumulator();
  }

 private:
  using Wide = Summary::Wide;
  static constexpr std::size_t block = 2048;  // m < 2^53: 2048 mantissas add below 2^64
  static constexpr std::size_t lanes = 4;     // independent sums per slot
  static constexpr std::size_t max_slots = 255;
  struct Slot {
    std::uint32_t top = 0;                                      // sign and biased exponent of its values
    std::array<std::uint64_t, lanes> sum{};                     // mantissas of this block
    std::array<Wide, lanes> squares{};                          // their squares
    std::array<std::uint64_t, Summary::bins_per_block> bins{};  // by top 7 mantissa bits
  };

  /// Doubles ordered as signed integers: numeric order, -0 before +0 (NaN excluded).
  static std::int64_t key_of(std::uint64_t bits) noexcept {
    return static_cast<std::int64_t>(bits ^ (static_cast<std::uint64_t>(static_cast<std::int64_t>(bits) >> 63) >> 1));
  }
  static double from_key(std::int64_t key) noexcept {
    const auto k = static_cast<std::uint64_t>(key);
    return std::bit_cast<double>(k ^ (static_cast<std::uint64_t>(key >> 63) >> 1));
  }

  static constexpr std::uint64_t exponent_bits = 0x7ff0000000000000ULL;

  /// A finite value into its slot's sums and bin (the extremes are kept by the caller).
  template <std::size_t lane>
  void step(double x) {
    static_assert(lane < lanes);
    const auto bits = std::bit_cast<std::uint64_t>(x);
    Slot& s = slot(static_cast<std::uint32_t>(bits >> 52));
    const std::uint64_t m = Summary::mantissa(bits);
    s.sum[lane] += m;
    s.squares[lane] += static_cast<Wide>(m) * m;
    ++s.bins[(bits >> 45) & 0x7fU];
  }
  /// A block holding NaN or infinities, value by value: NaN is counted apart; an infinity is
  /// counted, binned and kept for the extremes, outside the sums.
  void add_with_specials(const double* p, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      const auto bits = std::bit_cast<std::uint64_t>(p[i]);
      const auto top = static_cast<std::uint32_t>(bits >> 52);
      if ((bits & exponent_bits) != exponent_bits) {
        step<0>(p[i]);
      } else if ((bits & ((std::uint64_t{1} << 52) - 1)) != 0) {
        ++nan_count_;
        continue;
      } else {
        ++((top >> 11) != 0 ? base_.negative_infinities_ : base_.positive_infinities_);
        ++slot(top).bins[0];
      }
      const std::int64_t key = key_of(bits);
      min_key_ = key < min_key_ ? key : min_key_;
      max_key_ = key > max_key_ ? key : max_key_;
    }
  }
  Slot& slot(std::uint32_t top) {
    std::uint8_t s = index_[top];
    if (s == 0) [[unlikely]] {
      if (slots_.size() == max_slots) {  // more binades than slots: empty them all
        spill_sums();
        spill_bins();
      }
      slots_.emplace_back();
      slots_.back().top = top;
      s = index_[top] = static_cast<std::uint8_t>(slots_.size());
    }
    return slots_[s - 1U];
  }
  /// The block's sums into the exact accumulators.
  void spill_sums() noexcept {
    for (Slot& s : slots_) {
      std::uint64_t sum = 0;  // < 2048 2^53 = 2^64
      Wide squares = 0;
      for (std::size_t l = 0; l < lanes; ++l) {
        sum += s.sum[l];
        squares += s.squares[l];
        s.sum[l] = 0;
        s.squares[l] = 0;
      }
      base_.add_exact(s.top, sum, squares);
    }
  }
  /// The slots' bins into the histogram; the slots are freed.
  void spill_bins() {
    for (const Slot& s : slots_) {
      auto& counts = base_.bins_[Summary::block_of(s.top)];
      const bool negative = (s.top >> 11) != 0;
      for (std::size_t t = 0; t < Summary::bins_per_block; ++t)
        counts[negative ? Summary::bins_per_block - 1 - t : t] += s.bins[t];
      index_[s.top] = 0;
    }
    slots_.clear();
  }

  Summary base_;             // what has left the slots (exact sums, histogram, infinities)
  std::uint64_t count_ = 0;  // values seen, NaN included
  std::uint64_t nan_count_ = 0;
  std::int64_t min_key_ = std::numeric_limits<std::int64_t>::max();
  std::int64_t max_key_ = std::numeric_limits<std::int64_t>::min();
  std::array<std::uint8_t, 4096> index_{};  // slot + 1 of each (sign, biased exponent), 0: none
  std::vector<Slot> slots_;
};

inline void Summary::add(std::span<const double> xs) {
  SummaryAccumulator a;
  a.add(xs);
  a.flush_into(*this);
}

}  // namespace aci::sweep
