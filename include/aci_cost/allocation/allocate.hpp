// aci::allocation::allocate: the whole allocation of a structure's charges to its main centres,
// to the cent, with the trace a director reads (the tableau de répartition): each charge spread
// over the centres, each support centre's cost handed on to the others, the main centres'
// totals and their cost per work unit. No cent is lost: every charge's parts add up to it,
// every support centre hands on exactly what it holds, and the main centres' totals add up to
// the charges.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "aci_cost/allocation/settle.hpp"
#include "aci_cost/config.hpp"
#include "aci_cost/money.hpp"

namespace aci::allocation {

/// The allocation, to the cent. Centre-indexed vectors follow Network::centres.
struct Allocation {
  Method method = Method::reciprocal;       ///< how the support centres were settled
  std::vector<std::string> centres;         ///< centre names
  std::vector<CentreKind> kinds;            ///< main or support
  std::vector<std::string> work_units;      ///< each centre's unit of work
  std::vector<std::string> charges;         ///< charge names
  std::vector<std::vector<Money>> primary;  ///< [charge][centre]: each row adds up to the charge
  std::vector<Money> primary_totals;        ///< [centre]: after the primary distribution
  std::vector<std::vector<Money>> flows;    ///< [from][to]: what each support centre hands on to each centre
                                            ///< (self-service on the diagonal; rows of main centres are 0)
  std::vector<Money> handed_on;             ///< [centre]: what a support centre hands on (row sum); mains 0
  std::vector<Decimal> reciprocal_costs;    ///< [centre]: the exact cost a support centre hands on; mains 0
  std::vector<Money> totals;                ///< [centre]: after settling (support centres 0)
  std::vector<Decimal> cost_per_unit;       ///< [centre]: main centre's total / work units (exact; 0 without units)
  Money total_charges;                      ///< Σ charges

  /// The index of centre `name`; InvalidInput naming `field` otherwise.
  std::size_t index(const std::string& name, const std::string& field = "centre") const {
    for (std::size_t c = 0; c < centres.size(); ++c)
      if (centres[c] == name) return c;
    throw InvalidInput(field, "\"" + name + "\"", "unknown centre");
  }
};

/// Allocates the charges of `n` by `method`, to the cent (`mode` rounds the reciprocal flows
/// between support centres; every other part is a largest-remainder split). Errors:
/// InvalidInput naming the field under `path` (bad network, a centre whose cost cannot reach a
/// main centre, an ill-conditioned reciprocal system), and the value.
ACI_COST_INLINE Allocation allocate(const Network& n, Method method, Rounding mode = Rounding::half_away_from_zero,
                                    const std::string& path = "structure");

}  // namespace aci::allocation

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/allocation/allocate-inl.hpp"
#endif
