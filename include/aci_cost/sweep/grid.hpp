// aci::sweep::GridDesign: the Cartesian product of per-input value lists, mixed-radix index.
#pragma once

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <numbers>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/sweep/design_kind.hpp"
#include "aci_cost/sweep/distributions.hpp"

namespace aci::sweep {

/// Cartesian product of per-input value lists (input units, not [0, 1)): point i is i written
/// in mixed radix, the last input varying fastest (as nested loops over the inputs in order).
class GridDesign {
 public:
  /// One non-empty list of finite values per input; the product of their sizes must fit 64 bits.
  explicit GridDesign(std::vector<std::vector<double>> levels) : levels_(std::move(levels)) {
    ACI_COST_REQUIRE(!levels_.empty(), "grid.levels", "[]", "must list values for at least one input");
    size_ = 1;
    for (std::size_t j = 0; j < levels_.size(); ++j) {
      const auto field = [j] { return "grid.levels[" + std::to_string(j) + "]"; };
      const std::uint64_t m = levels_[j].size();
      ACI_COST_REQUIRE(m >= 1, field(), "[]", "must hold at least one value");
      for (std::size_t k = 0; k < m; ++k)
        detail::require_finite(levels_[j][k], [&] { return field() + "[" + std::to_string(k) + "]"; });
      ACI_COST_REQUIRE(size_ <= std::numeric_limits<std::uint64_t>::max() / m, field(), std::to_string(m) + " values",
                       "makes the grid larger than 2^64 points");
      size_ *= m;
    }
  }
  /// Number of inputs.
  std::size_t dimension() const noexcept { return levels_.size(); }
  /// Number of points: the product of the list sizes.
  std::uint64_t size() const noexcept { return size_; }
  /// The value lists.
  const std::vector<std::vector<double>>& levels() const noexcept { return levels_; }
  /// Index of input j's value in point i.
  std::size_t level_index(std::uint64_t i, std::size_t j) const {
    detail::require_index(i, size_, "grid.i");
    for (std::size_t k = levels_.size(); k-- > j + 1;) i /= levels_[k].size();
    return static_cast<std::size_t>(i % levels_[j].size());
  }
  /// Point i (< size()) into `out` (one slot per input), input units.
  void point(std::uint64_t i, std::span<double> out) const {
    detail::require_point_size(out.size(), levels_.size());
    detail::require_index(i, size_, "grid.i");
    for (std::size_t k = levels_.size(); k-- > 0;) {
      const std::uint64_t m = levels_[k].size();
      out[k] = levels_[k][static_cast<std::size_t>(i % m)];
      i /= m;
    }
  }

 private:
  std::vector<std::vector<double>> levels_;
  std::uint64_t size_ = 0;
};

}  // namespace aci::sweep
