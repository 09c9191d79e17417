// aci::sharing::SplitMethod: the ways of splitting what a shared post costs — the at-cost invoice of
// staff lending, the simple keys, and the fair divisions of cooperative game theory — with their
// stable names (JSON, Python, the command line).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace aci::sharing {

/// A way of splitting c(N).
enum class SplitMethod {
  at_cost,  ///< each member pays the hours it uses at the post's loaded hourly cost (+ its expenses); the employer the
            ///< rest
  proportional,          ///< each post's cost in proportion to the hours each member uses it
  equal_saving,          ///< stand-alone cost less an equal share of the saving
  shapley,               ///< the Shapley value (exact up to exact_max_members, sampled beyond)
  nucleolus,             ///< the nucleolus (Schmeidler 1969), up to nucleolus_max_players members
  per_capita_nucleolus,  ///< the per-capita nucleolus (Grotte 1970): complaints divided by the coalition's size
};

/// Every method, in their canonical order.
inline constexpr std::array<SplitMethod, 6> all_split_methods{
    SplitMethod::at_cost, SplitMethod::proportional, SplitMethod::equal_saving,
    SplitMethod::shapley, SplitMethod::nucleolus,    SplitMethod::per_capita_nucleolus};

/// The stable names, in SplitMethod order.
inline constexpr std::string_view split_names[] = {"at_cost", "proportional", "equal_saving",
                                                   "shapley", "nucleolus",    "per_capita_nucleolus"};

/// The stable name of a method ("shapley").
inline std::string_view split_name(SplitMethod m) { return split_names[static_cast<std::size_t>(m)]; }

/// The method named `name`, if any.
inline std::optional<SplitMethod> split_of_name(std::string_view name) {
  for (SplitMethod m : all_split_methods)
    if (split_name(m) == name) return m;
  return std::nullopt;
}

/// True for the methods whose split of a sum of games is the sum of the splits (computed post by
/// post and added); the others are computed on the whole game.
inline bool split_is_additive(SplitMethod m) {
  return m == SplitMethod::at_cost || m == SplitMethod::proportional || m == SplitMethod::shapley;
}

}  // namespace aci::sharing
