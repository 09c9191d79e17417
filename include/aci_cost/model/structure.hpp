// aci::model::Structure: what an ACI shares between its ateliers — direction, administration,
// premises, vehicles, the accompaniment team, a workshop maintaining the others' equipment —
// as support cost centres with the charges of the year and the keys that spread them
// (méthode des centres d'analyse). The ateliers are the main centres, by name; each one's work
// unit is its integration work hour. The allocation itself is quote/structure.hpp's.
#pragma once

#include <string>
#include <vector>

#include "aci_cost/allocation/network.hpp"
#include "aci_cost/schema/enum_names.hpp"

namespace aci::model {

/// How the structure's charges reach the ateliers.
enum class OverheadMethod {
  single_key,  ///< every structure charge in proportion to the ateliers' integration work hours
  direct,      ///< cost centres, support centres settled straight to the ateliers
  step_down,   ///< cost centres, support centres settled one after another (step_order)
  reciprocal   ///< cost centres, every service between support centres counted (a linear system)
};

}  // namespace aci::model
ACI_COST_ENUM_NAMES(aci::model::OverheadMethod, reciprocal, "single_key", "direct", "step_down", "reciprocal");
namespace aci::model {

/// The ACI's shared structure (empty: each atelier carries only its own overheads).
struct Structure {
  OverheadMethod method = OverheadMethod::single_key;  ///< how it is allocated
  std::vector<allocation::Centre> centres;             ///< the support centres (kind: support)
  std::vector<allocation::Charge> charges;             ///< €/year, keyed over support centres and ateliers
  std::vector<allocation::Driver> drivers;             ///< keys shared by charges (m², headcount, km…)
  std::vector<allocation::Service> services;           ///< one row per support centre
  std::vector<std::string> step_order;                 ///< support centres in step-down order (empty: as listed)

  /// True when there is nothing to allocate.
  bool empty() const { return centres.empty() && charges.empty(); }
  friend bool operator==(const Structure&, const Structure&) = default;
};

}  // namespace aci::model
