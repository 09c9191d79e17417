// Implementation of allocation/allocate.hpp.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "aci_cost/allocation/allocate.hpp"

namespace aci::allocation {

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

ACI_COST_INLINE Allocation allocate(const Network& n, Method method, Rounding mode, const std::string& path) {
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
