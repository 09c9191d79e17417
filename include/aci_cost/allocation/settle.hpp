// The settling of support centres (répartition secondaire) in exact amounts (T: double or
// Decimal): direct, step-down and reciprocal. The reciprocal method solves, over the support
// centres, x = p + Qᵀx (x: the cost each support centre hands on, its self-service included;
// Q[t][s]: the share of t's work delivered to s) with Eigen: an LU factorisation in doubles,
// then, for Decimal, iterative refinement with residuals computed in Decimal (Wilkinson), so
// that the solution holds ~45 significant digits. A network whose supports cannot all reach a
// main centre (a centre that serves only itself, or a group serving only each other) makes the
// system singular; that, and an ill-conditioned system, are errors naming the centres.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "aci_cost/allocation/network.hpp"
#include "aci_cost/detail/strict_fp.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::allocation {

/// The settled amounts (exact, before any rounding to the cent).
template <class T>
struct Settlement {
  std::vector<T> handed_on;           ///< [support]: what it hands on (reciprocal: its reciprocal cost)
  std::vector<std::vector<T>> flows;  ///< [support][centre]: from the support centre to each centre
  std::vector<T> totals;              ///< [centre]: after settling (support centres: 0)
};

/// The primary totals by centre: Σ over the charges of amount x share (T: double or Decimal).
template <class T>
std::vector<T> primary_totals(const Resolved<T>& r, const std::vector<T>& amounts, std::size_t centres) {
  std::vector<T> p(centres, T(0));
  for (std::size_t k = 0; k < r.primary.size(); ++k)
    for (std::size_t c = 0; c < centres; ++c) p[c] += amounts[k] * r.primary[k][c];
  return p;
}

/// Steps from each support centre to a main centre along positive services (1: it serves a
/// main centre itself); 0 for a support centre whose costs never reach a main centre.
template <class T>
std::vector<std::size_t> steps_to_main(const Resolved<T>& r) {
  const std::size_t ns = r.supports.size();
  std::vector<std::size_t> d(ns, 0);
  for (std::size_t s = 0; s < ns; ++s)
    for (std::size_t m : r.mains)
      if (r.service[s][m] > T(0)) d[s] = 1;
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t s = 0; s < ns; ++s)
      for (std::size_t u = 0; u < ns; ++u)
        if (u != s && d[u] > 0 && r.service[s][r.supports[u]] > T(0) && (d[s] == 0 || d[u] + 1 < d[s])) {
          d[s] = d[u] + 1;
          changed = true;
        }
  }
  return d;
}

namespace detail {

/// InvalidInput naming the support centres in `which` (closed under their services).
[[noreturn]] inline void absorbing(const Network& n, const std::vector<std::size_t>& which, const std::string& path) {
  std::string names;
  for (std::size_t c : which) names += (names.empty() ? "" : ", ") + ("\"" + n.centres[c].name + "\"");
  throw InvalidInput(path + ".services", names,
                     which.size() == 1 ? "this support centre serves only itself: its cost never reaches a main centre"
                                       : "these support centres serve only each other (or themselves): their cost "
                                         "never reaches a main centre");
}

}  // namespace detail

/// Settles the support centres of `n` (resolved as `r`) from the primary totals `p` by
/// `method`. Errors name the centres (InvalidInput at `path`.services).
template <class T>
Settlement<T> settle(const Network& n, const Resolved<T>& r, Method method, const std::vector<T>& p,
                     const std::string& path = "structure") {
  const std::size_t nc = n.centres.size(), ns = r.supports.size();
  Settlement<T> out;
  out.handed_on.assign(ns, T(0));
  out.flows.assign(ns, std::vector<T>(nc, T(0)));
  out.totals = p;
  const auto spread = [&](std::size_t s, const T& amount, const std::vector<bool>& open) {
    T sum{0};
    for (std::size_t c = 0; c < nc; ++c)
      if (open[c]) sum += r.service[s][c];
    if (!(sum > T(0))) {
      const std::string name = n.centres[r.supports[s]].name;
      throw InvalidInput(path + ".services", "\"" + name + "\"",
                         method == Method::direct ? "serves no main centre: the direct method cannot settle it"
                                                  : "serves no centre still open at its turn: the step-down order "
                                                    "cannot settle it");
    }
    out.handed_on[s] = amount;
    for (std::size_t c = 0; c < nc; ++c) {
      if (!open[c]) continue;
      const T f = amount * (r.service[s][c] / sum);
      out.flows[s][c] = f;
      out.totals[c] += f;
    }
    out.totals[r.supports[s]] = T(0);
  };
  if (method == Method::direct) {
    std::vector<bool> open(nc, false);
    for (std::size_t m : r.mains) open[m] = true;
    for (std::size_t s = 0; s < ns; ++s) spread(s, p[r.supports[s]], open);
    return out;
  }
  if (method == Method::step_down) {
    std::vector<bool> open(nc, true);
    for (std::size_t s : r.step_order) {
      open[r.supports[s]] = false;
      spread(s, out.totals[r.supports[s]], open);
    }
    return out;
  }
  // Reciprocal.
  const auto d = steps_to_main(r);
  std::vector<std::size_t> stuck;
  for (std::size_t s = 0; s < ns; ++s)
    if (d[s] == 0) stuck.push_back(r.supports[s]);
  if (!stuck.empty()) detail::absorbing(n, stuck, path);
  if (ns == 0) return out;
  Eigen::MatrixXd a(static_cast<Eigen::Index>(ns), static_cast<Eigen::Index>(ns));
  for (std::size_t s = 0; s < ns; ++s)
    for (std::size_t t = 0; t < ns; ++t)
      a(static_cast<Eigen::Index>(s), static_cast<Eigen::Index>(t)) =
          (s == t ? 1.0 : 0.0) - static_cast<double>(r.service[t][r.supports[s]]);
  const Eigen::PartialPivLU<Eigen::MatrixXd> lu(a);
  const double rcond = lu.rcond();
  if (!(rcond > 1e-12)) {
    std::string names;
    for (std::size_t s : r.supports) names += (names.empty() ? "" : ", ") + ("\"" + n.centres[s].name + "\"");
    throw InvalidInput(path + ".services", names,
                       "the reciprocal system is ill-conditioned (reciprocal condition " + std::to_string(rcond) +
                           "): nearly all of these centres' work goes back to support centres");
  }
  Eigen::VectorXd rhs(static_cast<Eigen::Index>(ns));
  std::vector<T> x(ns, T(0));
  // One solve in doubles; for Decimal, refined on Decimal residuals until they vanish at the
  // cent's scale by a wide margin (each step gains ~15 digits while the condition is modest).
  const int rounds = std::is_same_v<T, double> ? 1 : 5;
  for (int round = 0; round < rounds; ++round) {
    std::vector<T> res(ns);
    double largest = 0;
    for (std::size_t s = 0; s < ns; ++s) {
      T v = p[r.supports[s]] - x[s];
      for (std::size_t t = 0; t < ns; ++t) v += r.service[t][r.supports[s]] * x[t];
      res[s] = v;
      const double vd = static_cast<double>(v);
      largest = std::max(largest, std::abs(vd));
      rhs(static_cast<Eigen::Index>(s)) = vd;
    }
    if (round > 0 && largest == 0) break;
    const Eigen::VectorXd dx = lu.solve(rhs);
    for (std::size_t s = 0; s < ns; ++s) x[s] += T(dx(static_cast<Eigen::Index>(s)));
  }
  for (std::size_t s = 0; s < ns; ++s) {
    out.handed_on[s] = x[s];
    for (std::size_t c = 0; c < nc; ++c) {
      const T f = x[s] * r.service[s][c];
      out.flows[s][c] = f;
      if (n.centres[c].kind == CentreKind::main) out.totals[c] += f;
    }
    out.totals[r.supports[s]] = T(0);
  }
  return out;
}

}  // namespace aci::allocation

ACI_COST_STRICT_FP_END
