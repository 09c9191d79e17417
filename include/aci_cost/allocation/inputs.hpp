// The allocation model's descriptor table. Its inputs and outputs are families named after the
// network (a charge, a centre): each row is a pattern ("charges.{charge}") that a network
// expands into one input per charge, centre or service; the sweep evaluator
// (evaluators/allocation.hpp) and the docs table (docs/model_inputs.md) come from the two
// macros, and set_input below is how an input enters the model.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/allocation/network.hpp"
#include "aci_cost/detail/descriptor.hpp"

// Columns: X(id, pattern, unit, low, high, ends, doc).
#define ACI_COST_ALLOCATION_INPUTS(X)                                             \
  X(charge, "charges.{charge}", "€/year", 0, inf, "[)", "a charge of the year")   \
  X(key, "keys.{charge}.{centre}", "weight", 0, inf, "[)",                        \
    "weight of a centre in a charge's own key (a key keeps one positive weight)") \
  X(driver, "drivers.{driver}.{centre}", "driver unit", 0, inf, "[)",             \
    "a driver's quantity for a centre (a driver keeps one positive quantity)")    \
  X(service, "services.{support}.{centre}", "work units", 0, inf, "[)",           \
    "work a support centre delivers to a centre (its costs must still reach a main centre)")

// Columns: X(id, pattern, unit, doc).
#define ACI_COST_ALLOCATION_OUTPUTS(X)                                                             \
  X(total, "total.{main}", "€/year", "a main centre's cost after the support centres are settled") \
  X(rate, "rate.{main}", "€/work unit", "a main centre's cost per work unit (centres with work units)")

namespace aci::allocation {

/// A family of inputs: their domain (low, high, open ends, domain_rule(), contains()) and
/// what they are.
struct InputFamily : aci::detail::Domain {
  std::string_view pattern;  ///< e.g. "charges.{charge}"
  std::string_view unit;     ///< unit of the values
  std::string_view doc;      ///< what it is
};

enum class InputKind : std::size_t {
#define ACI_COST_X(id, ...) id,
  ACI_COST_ALLOCATION_INPUTS(ACI_COST_X)
#undef ACI_COST_X
};
enum class OutputKind : std::size_t {
#define ACI_COST_X(id, ...) id,
  ACI_COST_ALLOCATION_OUTPUTS(ACI_COST_X)
#undef ACI_COST_X
};

inline constexpr std::array<InputFamily, 4> input_families = [] {
  constexpr double inf = std::numeric_limits<double>::infinity();
  return std::array<InputFamily, 4>{{
#define ACI_COST_X(id, pattern, unit, low, high, ends, doc) \
  {aci::detail::Domain::of(low, high, ends), pattern, unit, doc},
      ACI_COST_ALLOCATION_INPUTS(ACI_COST_X)
#undef ACI_COST_X
  }};
}();
inline constexpr std::array<aci::detail::OutputSpec, 2> output_families = {{
#define ACI_COST_X(id, pattern, unit, doc) {pattern, unit, doc},
    ACI_COST_ALLOCATION_OUTPUTS(ACI_COST_X)
#undef ACI_COST_X
}};

/// One input of a given network: its family, its name and where it points.
struct NetworkInput {
  InputKind kind;
  std::string name;       ///< the pattern filled in ("charges.rent")
  std::size_t row = 0;    ///< charge, driver or support index (into Network's vectors)
  std::size_t entry = 0;  ///< weight index within the key (key, driver, service)
};

/// Every input of network `n`, in table order then network order.
inline std::vector<NetworkInput> network_inputs(const Network& n) {
  std::vector<NetworkInput> out;
  for (std::size_t k = 0; k < n.charges.size(); ++k)
    out.push_back({InputKind::charge, "charges." + n.charges[k].name, k, 0});
  for (std::size_t k = 0; k < n.charges.size(); ++k)
    for (std::size_t e = 0; e < n.charges[k].key.size(); ++e)
      out.push_back({InputKind::key, "keys." + n.charges[k].name + "." + n.charges[k].key[e].centre, k, e});
  for (std::size_t d = 0; d < n.drivers.size(); ++d)
    for (std::size_t e = 0; e < n.drivers[d].quantities.size(); ++e)
      out.push_back(
          {InputKind::driver, "drivers." + n.drivers[d].name + "." + n.drivers[d].quantities[e].centre, d, e});
  for (std::size_t s = 0; s < n.services.size(); ++s)
    for (std::size_t e = 0; e < n.services[s].to.size(); ++e)
      out.push_back({InputKind::service, "services." + n.services[s].from + "." + n.services[s].to[e].centre, s, e});
  return out;
}

/// A network in doubles: amounts and raw weights, index-resolved once (the sweep's form).
struct DoubleNetwork {
  std::vector<double> amounts;                ///< [charge]
  std::vector<std::vector<double>> own_keys;  ///< [charge][centre] raw weights (charges with their own key)
  std::vector<int> driver_of;                 ///< [charge]: its driver, or -1
  std::vector<std::vector<double>> drivers;   ///< [driver][centre]
  std::vector<std::vector<double>> services;  ///< [support, Resolved order][centre]
  std::vector<std::vector<std::size_t>> key_centres, driver_centres, service_centres;  ///< entry -> centre index
  std::vector<std::size_t> service_row;  ///< Network::services index -> Resolved support index
};

/// The double form of `n` (checked and resolved as `r`).
inline DoubleNetwork double_network(const Network& n, const Resolved<double>& r) {
  const std::size_t nc = n.centres.size();
  const auto centre = [&](const std::string& name) { return detail::centre_index(n, name, "structure.centre"); };
  DoubleNetwork d;
  for (const auto& c : n.charges) {
    d.amounts.push_back(scalar_cast<double>(c.amount.amount()));
    std::vector<double> row(nc, 0.0);
    std::vector<std::size_t> at;
    for (const auto& w : c.key) {
      at.push_back(centre(w.centre));
      row[at.back()] = scalar_cast<double>(w.weight);
    }
    d.own_keys.push_back(row);
    d.key_centres.push_back(at);
    int drv = -1;
    for (std::size_t k = 0; k < n.drivers.size(); ++k)
      if (!c.driver.empty() && n.drivers[k].name == c.driver) drv = static_cast<int>(k);
    d.driver_of.push_back(drv);
  }
  for (const auto& dr : n.drivers) {
    std::vector<double> row(nc, 0.0);
    std::vector<std::size_t> at;
    for (const auto& w : dr.quantities) {
      at.push_back(centre(w.centre));
      row[at.back()] = scalar_cast<double>(w.weight);
    }
    d.drivers.push_back(row);
    d.driver_centres.push_back(at);
  }
  d.services.assign(r.supports.size(), std::vector<double>(nc, 0.0));
  for (const auto& s : n.services) {
    const std::size_t c = centre(s.from);
    const auto row = static_cast<std::size_t>(std::find(r.supports.begin(), r.supports.end(), c) - r.supports.begin());
    std::vector<std::size_t> at;
    for (const auto& w : s.to) {
      at.push_back(centre(w.centre));
      d.services[row][at.back()] = scalar_cast<double>(w.weight);
    }
    d.service_centres.push_back(at);
    d.service_row.push_back(row);
  }
  return d;
}

/// Sets input `in` of the double network to v.
inline void set_input(DoubleNetwork& d, const NetworkInput& in, double v) {
  switch (in.kind) {
    case InputKind::charge:
      d.amounts[in.row] = v;
      return;
    case InputKind::key:
      d.own_keys[in.row][d.key_centres[in.row][in.entry]] = v;
      return;
    case InputKind::driver:
      d.drivers[in.row][d.driver_centres[in.row][in.entry]] = v;
      return;
    case InputKind::service:
      d.services[d.service_row[in.row]][d.service_centres[in.row][in.entry]] = v;
      return;
  }
}

/// Normalises the raw weights of `d` into the shares of `r` (whose indices it keeps); false
/// when a key, a driver or a service row has no positive weight left (`bad` names it).
inline bool reshare(const DoubleNetwork& d, Resolved<double>& r, std::string& bad, const Network& n) {
  const auto norm = [](const std::vector<double>& w, std::vector<double>& out) {
    double sum = 0;
    for (double x : w) sum += x;
    if (!(sum > 0)) return false;
    for (std::size_t c = 0; c < w.size(); ++c) out[c] = w[c] / sum;
    return true;
  };
  for (std::size_t k = 0; k < d.amounts.size(); ++k) {
    const auto& w = d.driver_of[k] >= 0 ? d.drivers[static_cast<std::size_t>(d.driver_of[k])] : d.own_keys[k];
    if (!norm(w, r.primary[k])) {
      bad = d.driver_of[k] >= 0 ? "drivers." + n.charges[k].driver : "keys." + n.charges[k].name;
      return false;
    }
  }
  for (std::size_t s = 0; s < d.services.size(); ++s)
    if (!norm(d.services[s], r.service[s])) {
      bad = "services." + n.centres[r.supports[s]].name;
      return false;
    }
  return true;
}

}  // namespace aci::allocation
