// aci::allocation::Network: the cost centres of a structure (méthode des centres d'analyse) —
// main centres that carry costs to products and support centres that serve the others — the
// charges of the period with the keys that spread them over the centres (primary
// distribution), and the work each support centre delivers to every centre, itself included
// (prestations réciproques). Names tie it together; resolve() checks it and turns it into
// shares (ratios of the keys), the form the settling methods compute with.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/schema/enum_names.hpp"

namespace aci::allocation {

/// A main centre carries its costs on to what is sold; a support centre serves other centres.
enum class CentreKind { main, support };

}  // namespace aci::allocation
ACI_COST_ENUM_NAMES(aci::allocation::CentreKind, support, "main", "support");
namespace aci::allocation {

/// One cost centre.
struct Centre {
  std::string name;                    ///< unique among the centres
  CentreKind kind = CentreKind::main;  ///< main or support
  std::string work_unit = "h";         ///< its unit of work (h, m², km, kg, quote…)
  /// Units of work in the period: a main centre's cost per unit divides by it (0: no rate).
  Decimal work_units{0};
  friend bool operator==(const Centre&, const Centre&) = default;
};

/// A key: weights by centre name (shares, percentages or driver quantities such as m²,
/// headcount, km: only their ratios count). A centre left out weighs 0.
struct Weight {
  std::string centre;  ///< a centre's name
  Decimal weight{0};   ///< >= 0
  friend bool operator==(const Weight&, const Weight&) = default;
};
using Key = std::vector<Weight>;

/// True when two keys give every centre the same weight, whatever their order (a JSON object
/// is read in name order).
inline bool same_key(const Key& a, const Key& b) {
  if (a.size() != b.size()) return false;
  for (const auto& w : a)
    if (std::find(b.begin(), b.end(), w) == b.end()) return false;
  return true;
}

/// A driver shared by several charges: m² per centre, headcount per centre…
struct Driver {
  std::string name;  ///< e.g. "m2"
  std::string unit;  ///< unit of its quantities
  Key quantities;    ///< quantity per centre
  friend bool operator==(const Driver& a, const Driver& b) {
    return a.name == b.name && a.unit == b.unit && same_key(a.quantities, b.quantities);
  }
};

/// A charge of the period (by nature: rent, insurance, the director's pay…) and how it is
/// spread over the centres: its own key, or the named driver.
struct Charge {
  std::string name;    ///< unique among the charges
  Money amount;        ///< €/period, >= 0
  Key key;             ///< weights by centre (empty when `driver` is given)
  std::string driver;  ///< a driver's name ("" when `key` is given)
  friend bool operator==(const Charge& a, const Charge& b) {
    return a.name == b.name && a.amount == b.amount && same_key(a.key, b.key) && a.driver == b.driver;
  }
};

/// The work a support centre delivers, in its work units, to each centre (itself included:
/// self-service, autoconsommation).
struct Service {
  std::string from;  ///< the support centre
  Key to;            ///< units delivered to each centre
  friend bool operator==(const Service& a, const Service& b) { return a.from == b.from && same_key(a.to, b.to); }
};

/// The three ways of settling the support centres.
enum class Method {
  direct,     ///< each support centre straight to the main centres (services between supports ignored)
  step_down,  ///< one after another in a given order; a settled centre receives nothing more
  reciprocal  ///< every service counted: a linear system over the support centres
};

}  // namespace aci::allocation
ACI_COST_ENUM_NAMES(aci::allocation::Method, reciprocal, "direct", "step_down", "reciprocal");
namespace aci::allocation {

/// Centres, charges, drivers and services of one structure.
struct Network {
  std::vector<Centre> centres;          ///< main and support centres
  std::vector<Charge> charges;          ///< the period's charges
  std::vector<Driver> drivers;          ///< keys shared by charges
  std::vector<Service> services;        ///< one per support centre
  std::vector<std::string> step_order;  ///< support centres in step-down order (empty: as listed)
  friend bool operator==(const Network&, const Network&) = default;
};

/// A network as indices and shares (T: double or Decimal), made by resolve().
template <class T>
struct Resolved {
  std::vector<std::size_t> mains;       ///< indices of the main centres, in order
  std::vector<std::size_t> supports;    ///< indices of the support centres, in order
  std::vector<std::size_t> step_order;  ///< support indices (into `supports`) in step-down order
  std::vector<std::vector<T>> primary;  ///< [charge][centre]: share of the charge (rows sum to 1)
  std::vector<std::vector<T>> service;  ///< [support][centre]: share of its work (rows sum to 1)
};

namespace detail {

/// InvalidInput naming `field`.name unless items[i] has a name no earlier item has.
template <class V>
void require_new_name(const V& items, std::size_t i, const std::string& field) {
  const std::string& name = items[i].name;
  ACI_COST_REQUIRE(!name.empty(), field + ".name", "\"\"", "must not be empty");
  for (std::size_t j = 0; j < i; ++j)
    ACI_COST_REQUIRE(items[j].name != name, field + ".name", "\"" + name + "\"", "is listed twice");
}

inline std::size_t centre_index(const Network& n, const std::string& name, const std::string& field) {
  for (std::size_t c = 0; c < n.centres.size(); ++c)
    if (n.centres[c].name == name) return c;
  std::string known;
  for (const auto& c : n.centres) known += (known.empty() ? "" : ", ") + c.name;
  throw InvalidInput(field, "\"" + name + "\"", "unknown centre (known: " + known + ")");
}

/// Weights of `key` by centre index, checked (>= 0, each centre once, not all zero).
inline std::vector<Decimal> key_weights(const Network& n, const Key& key, const std::string& field) {
  std::vector<Decimal> w(n.centres.size(), Decimal(0));
  std::vector<bool> seen(n.centres.size(), false);
  Decimal sum{0};
  for (std::size_t i = 0; i < key.size(); ++i) {
    const std::string f = field + "[" + std::to_string(i) + "]";
    const std::size_t c = centre_index(n, key[i].centre, f + ".centre");
    ACI_COST_REQUIRE(!seen[c], f + ".centre", "\"" + key[i].centre + "\"", "is listed twice in this key");
    ACI_COST_REQUIRE(key[i].weight >= 0, f + ".weight", to_string(key[i].weight), "must be >= 0");
    seen[c] = true;
    w[c] = key[i].weight;
    sum += key[i].weight;
  }
  ACI_COST_REQUIRE(sum > 0, field, key.empty() ? std::string("[]") : "all zero", "needs a positive weight");
  return w;
}

}  // namespace detail

/// Checks `n` and resolves it (errors: InvalidInput naming the field, e.g.
/// "structure.charges[2].key[0].centre", and the value).
template <class T>
Resolved<T> resolve(const Network& n, const std::string& path = "structure") {
  Resolved<T> r;
  for (std::size_t c = 0; c < n.centres.size(); ++c) {
    const Centre& ce = n.centres[c];
    const std::string f = path + ".centres[" + std::to_string(c) + "]";
    detail::require_new_name(n.centres, c, f);
    ACI_COST_REQUIRE(ce.work_units >= 0, f + ".work_units", to_string(ce.work_units), "must be >= 0");
    (ce.kind == CentreKind::main ? r.mains : r.supports).push_back(c);
  }
  ACI_COST_REQUIRE(!r.mains.empty(), path + ".centres", std::to_string(n.centres.size()) + " centres",
                   "needs at least one main centre");
  const auto share_row = [](const std::vector<Decimal>& w) {
    Decimal sum{0};
    for (const auto& x : w) sum += x;
    std::vector<T> row(w.size());
    for (std::size_t c = 0; c < w.size(); ++c) row[c] = scalar_cast<T>(Decimal(w[c] / sum));
    return row;
  };
  for (std::size_t k = 0; k < n.charges.size(); ++k) {
    const Charge& ch = n.charges[k];
    const std::string f = path + ".charges[" + std::to_string(k) + "]";
    detail::require_new_name(n.charges, k, f);
    ACI_COST_REQUIRE(ch.amount >= Money(), f + ".amount", ch.amount.to_string(), "must be >= 0");
    ACI_COST_REQUIRE(ch.key.empty() != ch.driver.empty(), f + ".key",
                     ch.key.empty() ? std::string("none") : "a key and the driver \"" + ch.driver + "\"",
                     "give either a key or a driver");
    if (!ch.driver.empty()) {
      const auto d =
          std::find_if(n.drivers.begin(), n.drivers.end(), [&](const Driver& x) { return x.name == ch.driver; });
      ACI_COST_REQUIRE(d != n.drivers.end(), f + ".driver", "\"" + ch.driver + "\"", "unknown driver");
      const std::string df =
          path + ".drivers[" + std::to_string(static_cast<std::size_t>(d - n.drivers.begin())) + "].quantities";
      r.primary.push_back(share_row(detail::key_weights(n, d->quantities, df)));
    } else {
      r.primary.push_back(share_row(detail::key_weights(n, ch.key, f + ".key")));
    }
  }
  std::vector<bool> served(n.centres.size(), false);
  r.service.resize(r.supports.size());
  for (std::size_t i = 0; i < n.services.size(); ++i) {
    const Service& s = n.services[i];
    const std::string f = path + ".services[" + std::to_string(i) + "]";
    const std::size_t c = detail::centre_index(n, s.from, f + ".from");
    ACI_COST_REQUIRE(n.centres[c].kind == CentreKind::support, f + ".from", "\"" + s.from + "\"",
                     "is a main centre; only support centres deliver services");
    ACI_COST_REQUIRE(!served[c], f + ".from", "\"" + s.from + "\"", "has two service rows");
    served[c] = true;
    const auto at = std::find(r.supports.begin(), r.supports.end(), c) - r.supports.begin();
    r.service[static_cast<std::size_t>(at)] = share_row(detail::key_weights(n, s.to, f + ".to"));
  }
  for (std::size_t s : r.supports)
    ACI_COST_REQUIRE(served[s], path + ".services", "no row for \"" + n.centres[s].name + "\"",
                     "every support centre needs its service row");
  if (n.step_order.empty()) {
    for (std::size_t i = 0; i < r.supports.size(); ++i) r.step_order.push_back(i);
  } else {
    ACI_COST_REQUIRE(n.step_order.size() == r.supports.size(), path + ".step_order",
                     std::to_string(n.step_order.size()) + " centres",
                     "must list every support centre once (" + std::to_string(r.supports.size()) + ")");
    for (std::size_t i = 0; i < n.step_order.size(); ++i) {
      const std::string f = path + ".step_order[" + std::to_string(i) + "]";
      const std::size_t c = detail::centre_index(n, n.step_order[i], f);
      const auto at = std::find(r.supports.begin(), r.supports.end(), c);
      ACI_COST_REQUIRE(at != r.supports.end(), f, "\"" + n.step_order[i] + "\"", "is not a support centre");
      const auto k = static_cast<std::size_t>(at - r.supports.begin());
      ACI_COST_REQUIRE(std::find(r.step_order.begin(), r.step_order.end(), k) == r.step_order.end(), f,
                       "\"" + n.step_order[i] + "\"", "is listed twice");
      r.step_order.push_back(k);
    }
  }
  return r;
}

}  // namespace aci::allocation
