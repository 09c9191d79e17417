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
#include <vector>

#include "aci_cost/error.hpp"
#include "aci_cost/detail/exact_integers.hpp"

namespace aci::sweep {

/// Streaming, mergeable, order-independent summary of doubles (see the file comment).
/// Memory: about 1.7 KB plus 1 KB per (sign, binary exponent) pair met, at most 4 MB.
class Summary {
 public:
  /// Quantile() returns a value within this relative error of the exact order statistic, for
  /// order statistics of magnitude >= 2^-1022 (below: within 2^-1029 absolute).
  static constexpr double quantile_relative_error = 0x1p-8;

  /// Adds one value; NaN is only counted (nan_count()), never part of the statistics.
  void add(double x) {
    Pending cache;
    add(x, cache);
    flush(cache);
  }
  /// Adds every value of `xs`.
  void add(std::span<const double> xs) {
    Pending cache;  // consecutive values mostly share a histogram block and a binade
    for (const double x : xs) add(x, cache);
    flush(cache);
  }
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
    const double n = static_cast<double>(count_);
    const double target = std::ceil(q * n);
    const std::uint64_t rank = target < 1.0 ? 1 : (target >= n ? count_ : static_cast<std::uint64_t>(target));
    // The extreme order statistics are known exactly.
    if (rank == 1) return min_;
    if (rank == count_) return max_;
    std::uint64_t cumulative = 0;
    for (const auto& [block, counts] : bins_) {
      for (std::size_t k = 0; k < bins_per_block; ++k) {
        cumulative += counts[k];
        if (cumulative >= rank) {
          const double v = bin_value(static_cast<std::uint32_t>(block * bins_per_block + k));
          return before(v, min_) ? min_ : (before(max_, v) ? max_ : v);
        }
      }
    }
    assert(false && "histogram counts must add up to count()");
    return max_;
  }

  /// The summary as words (64-bit, a format tag first): sent between processes (a cluster's
  /// workers), read back by from_words into an equal summary that merges as this one would.
  std::vector<std::uint64_t> to_words() const {
    Summary c = *this;
    c.normalize();
    std::vector<std::uint64_t> w = {words_format,        c.count_, c.nan_count_, c.positive_infinities_,
                                    c.negative_infinities_, std::bit_cast<std::uint64_t>(c.min_),
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
    return a.count_ == b.count_ && a.nan_count_ == b.nan_count_ &&
           a.positive_infinities_ == b.positive_infinities_ && a.negative_infinities_ == b.negative_infinities_ &&
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

  /// The total order used for min and max: numeric, with -0 before +0.
  static bool before(double a, double b) noexcept {
    return a < b || (a == b && std::signbit(a) && !std::signbit(b));
  }
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
  /// Values of one sign and binade met during one add() call, before they join the exact sums:
  /// their mantissas m < 2^53 and squares m^2 < 2^106 add exactly in 128-bit integers, so that
  /// the carry-save integers take one multi-word addition per run of such values instead of one
  /// per value (the idea of Neal's small superaccumulator).
  struct Binade {
    static constexpr std::uint32_t none = ~std::uint32_t{0};
    static constexpr std::uint32_t limit = std::uint32_t{1} << 21;  // squares stay below 2^127
    std::uint32_t key = none;  // the double's top 12 bits: sign and biased exponent
    std::uint32_t count = 0;
    Wide sum = 0, squares = 0;
  };
  /// What one add() call keeps between values (valid for that call only: no pointer into bins_
  /// outlives it, so copies of a Summary stay independent); flush() empties it into the sums.
  struct Pending {
    std::size_t block = static_cast<std::size_t>(-1);  // the histogram block last looked up
    Counts* counts = nullptr;
    std::array<Binade, 4> binades{};  // direct-mapped by the exponent's low bits
  };
  void flush(Binade& b) noexcept {
    if (b.count == 0) return;
    const auto biased = static_cast<std::size_t>(b.key & 0x7ffU);
    const bool negative = (b.key >> 11) != 0;
    // |x| = m 2^(max(biased, 1) - 1075): the sum is kept in units of 2^-1074, squares in 2^-2148.
    const std::size_t position = (biased != 0 ? biased : 1) - 1;
    const auto words = [](Wide v) {
      return std::array<std::uint64_t, 4>{static_cast<std::uint64_t>(v) & 0xffffffffULL,
                                          static_cast<std::uint64_t>(v >> 32) & 0xffffffffULL,
                                          static_cast<std::uint64_t>(v >> 64) & 0xffffffffULL,
                                          static_cast<std::uint64_t>(v >> 96)};
    };
    const auto sum_words = words(b.sum), square_words = words(b.squares);
    sum_.add(sum_words.data(), 4, position, negative);
    sum_squares_.add(square_words.data(), 4, 2 * position, false);
    b.count = 0;
    b.sum = 0;
    b.squares = 0;
    if (++pending_ == pending_limit) normalize();
  }
  void flush(Pending& p) noexcept {
    for (Binade& b : p.binades) flush(b);
  }
  void add(double x, Pending& cache) {
    if (std::isnan(x)) {
      ++nan_count_;
      return;
    }
    ++count_;
    if (before(x, min_)) min_ = x;
    if (before(max_, x)) max_ = x;
    const std::uint32_t key = bin_key(x);
    if (key / bins_per_block != cache.block) {
      cache.block = key / bins_per_block;
      cache.counts = &bins_[cache.block];
    }
    ++(*cache.counts)[key % bins_per_block];
    if (std::isinf(x)) {
      ++(x > 0 ? positive_infinities_ : negative_infinities_);
      return;
    }
    const auto bits = std::bit_cast<std::uint64_t>(x);
    const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
    const auto top = static_cast<std::uint32_t>(bits >> 52);  // sign and biased exponent
    const std::uint64_t m = (top & 0x7ffU) != 0 ? fraction | (std::uint64_t{1} << 52) : fraction;
    if (m == 0) return;  // +-0 adds nothing
    Binade& b = cache.binades[top & 3U];
    if (b.key != top) {
      flush(b);
      b.key = top;
    }
    b.sum += m;
    b.squares += static_cast<Wide>(m) * m;
    if (++b.count == Binade::limit) flush(b);
  }
};

}  // namespace aci::sweep
