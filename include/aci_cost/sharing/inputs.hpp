// The sharing model's descriptor table: the inputs a sweep may vary (name, unit, domain, whether
// the row is one per member) and the outputs (one per member or one in all). The sweep evaluator
// (evaluators/sharing.hpp), its validation and docs/model_inputs.md come from these two macros;
// set_input below is how an input enters the reduced model. A per-member row named "hours_scale"
// becomes "member[<name>].hours_scale" for each member; a per-member output "shapley" becomes
// "shapley[<name>]".
#pragma once

#include <array>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>

#include "aci_cost/detail/descriptor.hpp"
#include "aci_cost/sharing/coalition_cost.hpp"

// Columns: X(id, name, unit, low, high, ends, per_member, rule, doc).
#define ACI_COST_SHARING_INPUTS(X)                                                \
  X(distance_scale, "travel.distance_scale", "x", 0, inf, "()", false, "",        \
    "scales every distance and travel time between the sites")                    \
  X(pay_scale, "posts.pay_scale", "x", 0, inf, "()", false, "",                   \
    "scales every post's pay (the 2026 reduction follows the new pay)")           \
  X(coordination_scale, "posts.coordination_scale", "x", 0, inf, "[)", false, "", \
    "scales every post's coordination cost per member")                           \
  X(hours_scale, "hours_scale", "x", 0, inf, "[)", true, "",                      \
    "member[<name>].hours_scale: scales that member's hours of every post")

// Columns: X(id, name, unit, per_member, doc).
#define ACI_COST_SHARING_OUTPUTS(X)                                                              \
  X(grand_cost, "grand_cost", "€/year", false, "c(N): every member sharing every post")          \
  X(saving, "saving", "€/year", false, "sum of the stand-alone costs - c(N)")                    \
  X(saving_share, "saving_share", "share", false, "saving / sum of the stand-alone costs")       \
  X(stand_alone, "stand_alone", "€/year", true, "stand_alone[<name>]: c({i})")                   \
  X(proportional, "proportional", "€/year", true, "proportional[<name>]: share by hours")        \
  X(equal_saving, "equal_saving", "€/year", true, "equal_saving[<name>]: equal share of saving") \
  X(shapley, "shapley", "€/year", true, "shapley[<name>]: the exact Shapley value")

namespace aci::sharing {

/// Descriptor of a numeric input of the sharing model: its domain (low, high, open ends,
/// domain_rule(), contains()) and what it is.
struct SharingInputSpec : aci::detail::Domain {
  std::string_view name;  ///< e.g. "travel.distance_scale" (per member: the suffix)
  std::string_view unit;  ///< unit of the value
  bool per_member;        ///< one input per member, "member[<name>].<name>"
  std::string_view rule;  ///< a rule joining it to others ("" if none)
  std::string_view doc;   ///< what it is
};

/// Descriptor of an output of the sharing model.
struct SharingOutputSpec {
  std::string_view name;  ///< e.g. "shapley" (per member: "shapley[<name>]")
  std::string_view unit;  ///< unit of the value
  bool per_member;        ///< one output per member
  std::string_view doc;   ///< what it is
};

/// The inputs, in table order.
enum class SharingInput : std::size_t {
#define ACI_COST_X(id, ...) id,
  ACI_COST_SHARING_INPUTS(ACI_COST_X)
#undef ACI_COST_X
};
/// The outputs, in table order.
enum class SharingOutput : std::size_t {
#define ACI_COST_X(id, ...) id,
  ACI_COST_SHARING_OUTPUTS(ACI_COST_X)
#undef ACI_COST_X
};

inline constexpr std::size_t sharing_input_count = 0 ACI_COST_SHARING_INPUTS(ACI_COST_DETAIL_COUNT_ROW);
inline constexpr std::size_t sharing_output_count = 0 ACI_COST_SHARING_OUTPUTS(ACI_COST_DETAIL_COUNT_ROW);

/// The sharing model's inputs, in SharingInput order.
inline constexpr std::array<SharingInputSpec, sharing_input_count> sharing_input_specs = [] {
  constexpr double inf = std::numeric_limits<double>::infinity();
  return std::array<SharingInputSpec, sharing_input_count>{{
#define ACI_COST_X(id, name, unit, low, high, ends, per_member, rule, doc) \
  {aci::detail::Domain::of(low, high, ends), name, unit, per_member, rule, doc},
      ACI_COST_SHARING_INPUTS(ACI_COST_X)
#undef ACI_COST_X
  }};
}();

/// The sharing model's outputs, in SharingOutput order.
inline constexpr std::array<SharingOutputSpec, sharing_output_count> sharing_output_specs = {{
#define ACI_COST_X(id, name, unit, per_member, doc) {name, unit, per_member, doc},
    ACI_COST_SHARING_OUTPUTS(ACI_COST_X)
#undef ACI_COST_X
}};

/// Sets input k (of member `member` for a per-member input) to v in `c`, whose other fields are
/// `base`'s (a scale multiplies base's value: setting twice equals setting once).
inline void set_input(CoalitionCost<double>& c, const CoalitionCost<double>& base, SharingInput k, std::size_t member,
                      double v) {
  const auto n = static_cast<std::size_t>(c.members);
  switch (k) {
    case SharingInput::distance_scale:
      c.distance_scale = base.distance_scale * v;
      return;
    case SharingInput::pay_scale:
      for (std::size_t p = 0; p < c.posts.size(); ++p) c.posts[p].staff.pay = base.posts[p].staff.pay * v;
      return;
    case SharingInput::coordination_scale:
      for (std::size_t p = 0; p < c.posts.size(); ++p)
        c.posts[p].coordination_per_member = base.posts[p].coordination_per_member * v;
      return;
    case SharingInput::hours_scale:
      for (std::size_t p = 0; p < c.posts.size(); ++p) c.need[p * n + member] = base.need[p * n + member] * v;
      return;
  }
  throw std::logic_error("aci::sharing::set_input: unknown input");
}

}  // namespace aci::sharing
