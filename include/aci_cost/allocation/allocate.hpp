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

namespace detail {

inline Money sum_of(const std::vector<Money>& v) {
  Money s;
  for (const auto& x : v) s += x;
  return s;
}

/// Weights of support s over the centres flagged in `open` (others 0).
inline std::vector<Decimal> open_weights(const std::vector<Decimal>& shares, const std::vector<bool>& open) {
  std::vector<Decimal> w(shares.size(), Decimal(0));
  for (std::size_t c = 0; c < shares.size(); ++c)
    if (open[c]) w[c] = shares[c];
  return w;
}

}  // namespace detail

/// Allocates the charges of `n` by `method`, to the cent (`mode` rounds the reciprocal flows
/// between support centres; every other part is a largest-remainder split). Errors:
/// InvalidInput naming the field under `path` (bad network, a centre whose cost cannot reach a
/// main centre, an ill-conditioned reciprocal system), and the value.
inline Allocation allocate(const Network& n, Method method, Rounding mode = Rounding::half_away_from_zero,
                           const std::string& path = "structure") {
  const Resolved<Decimal> r = resolve<Decimal>(n, path);
  const std::size_t nc = n.centres.size(), ns = r.supports.size();
  Allocation a;
  a.method = method;
  for (const auto& c : n.centres) {
    a.centres.push_back(c.name);
    a.kinds.push_back(c.kind);
    a.work_units.push_back(c.work_unit);
  }
  a.primary_totals.assign(nc, Money());
  for (std::size_t k = 0; k < n.charges.size(); ++k) {
    const Charge& ch = n.charges[k];
    const std::string f = path + ".charges[" + std::to_string(k) + "].amount";
    ACI_COST_REQUIRE(ch.amount.is_whole_cents(), f, ch.amount.to_string(), "must be whole cents");
    a.charges.push_back(ch.name);
    a.primary.push_back(split(ch.amount, r.primary[k]));
    for (std::size_t c = 0; c < nc; ++c) a.primary_totals[c] += a.primary[k][c];
    a.total_charges += ch.amount;
  }
  // The exact settlement from the primary totals in cents: the trace rounds it.
  std::vector<Decimal> p(nc);
  for (std::size_t c = 0; c < nc; ++c) p[c] = a.primary_totals[c].amount();
  const Settlement<Decimal> st = settle(n, r, method, p, path);

  a.flows.assign(nc, std::vector<Money>(nc, Money()));
  a.handed_on.assign(nc, Money());
  a.reciprocal_costs.assign(nc, Decimal(0));
  for (std::size_t s = 0; s < ns; ++s) a.reciprocal_costs[r.supports[s]] = st.handed_on[s];
  const auto inflow = [&](std::size_t c) {
    Money in;
    for (std::size_t t = 0; t < nc; ++t) in += a.flows[t][c];
    return in;
  };
  const auto hand_on = [&](std::size_t s, const Money& amount, const std::vector<bool>& open) {
    const std::size_t c = r.supports[s];
    const auto parts = split(amount, detail::open_weights(r.service[s], open));
    for (std::size_t to = 0; to < nc; ++to) a.flows[c][to] = parts[to];
  };
  if (method == Method::direct) {
    std::vector<bool> open(nc, false);
    for (std::size_t m : r.mains) open[m] = true;
    for (std::size_t s = 0; s < ns; ++s) hand_on(s, a.primary_totals[r.supports[s]], open);
  } else if (method == Method::step_down) {
    std::vector<bool> open(nc, true);
    for (std::size_t s : r.step_order) {
      const std::size_t c = r.supports[s];
      open[c] = false;
      hand_on(s, a.primary_totals[c] + inflow(c), open);
    }
  } else {
    // Flows between support centres (self-service included) rounded one by one; then each
    // support centre, farthest from the main centres first, balances: one that serves main
    // centres splits what it still holds over them (largest remainder); one that does not
    // passes its few cents of rounding on its largest flow to a centre one step nearer.
    const auto steps = steps_to_main(r);
    for (std::size_t s = 0; s < ns; ++s)
      for (std::size_t u = 0; u < ns; ++u)
        a.flows[r.supports[s]][r.supports[u]] = Money(st.flows[s][r.supports[u]]).rounded(mode);
    std::vector<std::size_t> order(ns);
    for (std::size_t s = 0; s < ns; ++s) order[s] = s;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return steps[x] > steps[y]; });
    std::vector<bool> mains_only(nc, false);
    for (std::size_t m : r.mains) mains_only[m] = true;
    for (std::size_t s : order) {
      const std::size_t c = r.supports[s];
      Money to_supports;
      for (std::size_t u : r.supports) to_supports += a.flows[c][u];
      const Money left = a.primary_totals[c] + inflow(c) - to_supports;
      if (steps[s] == 1) {
        const auto parts = split(left, detail::open_weights(r.service[s], mains_only));
        for (std::size_t m : r.mains) a.flows[c][m] = parts[m];
      } else {
        std::size_t best = ns;
        for (std::size_t u = 0; u < ns; ++u)
          if (steps[u] + 1 == steps[s] && (best == ns || st.flows[s][r.supports[u]] > st.flows[s][r.supports[best]]))
            best = u;
        a.flows[c][r.supports[best]] += left;
      }
    }
  }
  for (std::size_t s : r.supports) a.handed_on[s] = detail::sum_of(a.flows[s]);
  a.totals.assign(nc, Money());
  a.cost_per_unit.assign(nc, Decimal(0));
  for (std::size_t c = 0; c < nc; ++c) {
    const Money held = a.primary_totals[c] + inflow(c) - a.handed_on[c];
    if (n.centres[c].kind == CentreKind::support) {
      if (held != Money()) throw std::logic_error("aci::allocation::allocate: a support centre does not balance");
      continue;
    }
    a.totals[c] = held;
    if (n.centres[c].work_units > 0) a.cost_per_unit[c] = held.amount() / n.centres[c].work_units;
  }
  if (detail::sum_of(a.totals) != a.total_charges) throw std::logic_error("aci::allocation::allocate: a cent was lost");
  return a;
}

}  // namespace aci::allocation
