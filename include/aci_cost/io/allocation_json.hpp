// The JSON of cost centres (docs/allocation.md): an ACI's structure inside a scenario
// ("aci.structure"), a stand-alone network, the time-driven model, and the allocation's trace.
// A key is an object {centre: weight}; money is a string ("1234.56"). Read errors are
// ScenarioErrors naming the JSON path.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aci_cost/allocation/allocate.hpp"
#include "aci_cost/allocation/time_driven.hpp"
#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/io/names.hpp"
#include "aci_cost/io/schema_json.hpp"
#include "aci_cost/model/structure.hpp"

namespace aci::io {

namespace detail {

template <class F>
auto each_of(const nlohmann::json& arr, const std::string& path, F&& f) {
  using R = decltype(f(arr, path));
  std::vector<R> out;
  for (std::size_t i = 0; i < arr.size(); ++i) out.push_back(f(arr[i], path + "[" + std::to_string(i) + "]"));
  return out;
}

inline std::vector<std::string> strings_of(const nlohmann::json& arr, const std::string& path) {
  return each_of(arr, path, [](const nlohmann::json& s, const std::string& p) {
    if (!s.is_string()) throw ScenarioError(p, Fields::shown(s), "expected a string");
    return s.get<std::string>();
  });
}

}  // namespace detail

inline nlohmann::json key_json(const allocation::Key& k) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& w : k) out[w.centre] = decimal_json(w.weight);
  return out;
}

inline allocation::Key key_from_json(const nlohmann::json& j, const std::string& path) {
  if (!j.is_object()) throw ScenarioError(path, Fields::shown(j), "expected an object {centre: weight}");
  allocation::Key k;
  for (const auto& [name, v] : j.items()) k.push_back({name, Fields::to_decimal(v, path + "." + name)});
  return k;
}

inline nlohmann::json to_json(const allocation::Centre& c) {
  nlohmann::json out = {{"name", c.name}, {"work_unit", c.work_unit}, {"work_units", decimal_json(c.work_units)}};
  out["kind"] = std::string(schema::name_of(c.kind));
  return out;
}

inline allocation::Centre centre_from_json(const nlohmann::json& j, const std::string& path,
                                           allocation::CentreKind fallback) {
  const Fields f(j, path, {"name", "kind", "work_unit", "work_units"});
  allocation::Centre c;
  c.name = f.str("name");
  c.kind =
      static_cast<allocation::CentreKind>(f.choice("kind", names::centre_kind, static_cast<std::size_t>(fallback)));
  c.work_unit = f.str("work_unit", c.work_unit);
  c.work_units = f.decimal("work_units", Decimal(0));
  return c;
}

inline nlohmann::json to_json(const allocation::Charge& c) {
  nlohmann::json out = {{"name", c.name}, {"amount", money_json(c.amount)}};
  if (c.driver.empty()) {
    out["key"] = key_json(c.key);
  } else {
    out["driver"] = c.driver;
  }
  return out;
}

inline allocation::Charge charge_from_json(const nlohmann::json& j, const std::string& path) {
  const Fields f(j, path, {"name", "amount", "key", "driver"});
  allocation::Charge c;
  c.name = f.str("name");
  c.amount = f.money("amount");
  if (f.has("key")) c.key = key_from_json(f.raw("key"), f.at("key"));
  c.driver = f.str("driver", std::string());
  return c;
}

inline nlohmann::json to_json(const allocation::Driver& d) {
  return {{"name", d.name}, {"unit", d.unit}, {"quantities", key_json(d.quantities)}};
}

inline allocation::Driver driver_from_json(const nlohmann::json& j, const std::string& path) {
  const Fields f(j, path, {"name", "unit", "quantities"});
  return {f.str("name"), f.str("unit", std::string()), key_from_json(f.raw("quantities"), f.at("quantities"))};
}

inline nlohmann::json to_json(const allocation::Service& s) { return {{"from", s.from}, {"to", key_json(s.to)}}; }

inline allocation::Service service_from_json(const nlohmann::json& j, const std::string& path) {
  const Fields f(j, path, {"from", "to"});
  return {f.str("from"), key_from_json(f.raw("to"), f.at("to"))};
}

/// The parts a structure and a network share.
template <class N>
void network_parts_to_json(const N& n, nlohmann::json& out) {
  out["centres"] = nlohmann::json::array();
  for (const auto& c : n.centres) out["centres"].push_back(to_json(c));
  out["charges"] = nlohmann::json::array();
  for (const auto& c : n.charges) out["charges"].push_back(to_json(c));
  out["drivers"] = nlohmann::json::array();
  for (const auto& d : n.drivers) out["drivers"].push_back(to_json(d));
  out["services"] = nlohmann::json::array();
  for (const auto& s : n.services) out["services"].push_back(to_json(s));
  out["step_order"] = n.step_order;
}

template <class N>
void network_parts_from_json(const Fields& f, N& n, allocation::CentreKind kind) {
  n.centres =
      detail::each_of(f.array("centres"), f.at("centres"),
                      [kind](const nlohmann::json& c, const std::string& p) { return centre_from_json(c, p, kind); });
  n.charges = detail::each_of(f.array("charges"), f.at("charges"), charge_from_json);
  n.drivers = detail::each_of(f.array("drivers"), f.at("drivers"), driver_from_json);
  n.services = detail::each_of(f.array("services"), f.at("services"), service_from_json);
  n.step_order = detail::strings_of(f.array("step_order"), f.at("step_order"));
}

/// An ACI's structure ("aci.structure"): its centres are support centres unless said otherwise.
inline nlohmann::json to_json(const model::Structure& s) {
  nlohmann::json out = {{"method", std::string(schema::name_of(s.method))}};
  network_parts_to_json(s, out);
  return out;
}

inline model::Structure structure_from_json(const nlohmann::json& j, const std::string& path) {
  const Fields f(j, path, {"method", "centres", "charges", "drivers", "services", "step_order"});
  model::Structure s;
  s.method = static_cast<model::OverheadMethod>(f.choice("method", names::overhead_method, 0));
  network_parts_from_json(f, s, allocation::CentreKind::support);
  return s;
}

/// A stand-alone network with its method: {"method": ..., "centres": [...], ...} (centres are
/// main centres unless "kind": "support").
struct NetworkDocument {
  allocation::Network network;
  allocation::Method method = allocation::Method::reciprocal;
};

inline nlohmann::json to_json(const NetworkDocument& d) {
  nlohmann::json out = {{"method", std::string(schema::name_of(d.method))}};
  network_parts_to_json(d.network, out);
  return out;
}

inline NetworkDocument network_from_json(const nlohmann::json& j, const std::string& path = "$") {
  const Fields f(j, path, {"method", "centres", "charges", "drivers", "services", "step_order"});
  NetworkDocument d;
  d.method = static_cast<allocation::Method>(f.choice("method", names::settling_method, 2));
  network_parts_from_json(f, d.network, allocation::CentreKind::main);
  return d;
}

/// The time-driven model.
inline allocation::TimeDrivenModel time_driven_from_json(const nlohmann::json& j, const std::string& path = "$") {
  const Fields f(j, path, {"time_unit", "pools", "activities", "jobs", "load_unused"});
  allocation::TimeDrivenModel m;
  m.time_unit = f.str("time_unit", m.time_unit);
  m.load_unused = f.boolean("load_unused", false);
  m.pools = detail::each_of(f.array("pools"), f.at("pools"), [](const nlohmann::json& p, const std::string& at) {
    const Fields pf(p, at, {"name", "cost", "hours", "productive_share"});
    allocation::ResourcePool r;
    r.name = pf.str("name");
    r.cost = pf.money("cost");
    r.hours = pf.decimal("hours");
    r.productive_share = pf.decimal("productive_share", r.productive_share);
    return r;
  });
  m.activities =
      detail::each_of(f.array("activities"), f.at("activities"), [](const nlohmann::json& a, const std::string& at) {
        const Fields af(a, at, {"name", "pool", "constant", "terms"});
        allocation::Activity r;
        r.name = af.str("name");
        r.pool = af.str("pool");
        r.constant = af.decimal("constant", Decimal(0));
        r.terms =
            detail::each_of(af.array("terms"), af.at("terms"), [](const nlohmann::json& t, const std::string& tp) {
              const Fields tf(t, tp, {"driver", "coefficient"});
              return allocation::Term{tf.str("driver"), tf.decimal("coefficient")};
            });
        return r;
      });
  m.jobs = detail::each_of(f.array("jobs"), f.at("jobs"), [](const nlohmann::json& jb, const std::string& at) {
    const Fields jf(jb, at, {"name", "lines"});
    allocation::TimeDrivenJob r;
    r.name = jf.str("name");
    r.lines = detail::each_of(jf.array("lines"), jf.at("lines"), [](const nlohmann::json& l, const std::string& lp) {
      const Fields lf(l, lp, {"activity", "count", "drivers"});
      allocation::JobLine line;
      line.activity = lf.str("activity");
      line.count = lf.decimal("count", Decimal(1));
      if (lf.has("drivers")) {
        for (const auto& w : key_from_json(lf.raw("drivers"), lf.at("drivers")))
          line.drivers.push_back({w.centre, w.weight});
      }
      return line;
    });
    return r;
  });
  return m;
}

inline nlohmann::json to_json(const allocation::TimeDrivenModel& m) {
  nlohmann::json out = {{"time_unit", m.time_unit}, {"load_unused", m.load_unused}};
  out["pools"] = nlohmann::json::array();
  for (const auto& p : m.pools)
    out["pools"].push_back({{"name", p.name},
                            {"cost", money_json(p.cost)},
                            {"hours", decimal_json(p.hours)},
                            {"productive_share", decimal_json(p.productive_share)}});
  out["activities"] = nlohmann::json::array();
  for (const auto& a : m.activities) {
    nlohmann::json terms = nlohmann::json::array();
    for (const auto& t : a.terms) terms.push_back({{"driver", t.driver}, {"coefficient", decimal_json(t.coefficient)}});
    out["activities"].push_back(
        {{"name", a.name}, {"pool", a.pool}, {"constant", decimal_json(a.constant)}, {"terms", terms}});
  }
  out["jobs"] = nlohmann::json::array();
  for (const auto& j : m.jobs) {
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : j.lines) {
      nlohmann::json d = nlohmann::json::object();
      for (const auto& v : l.drivers) d[v.driver] = decimal_json(v.value);
      lines.push_back({{"activity", l.activity}, {"count", decimal_json(l.count)}, {"drivers", d}});
    }
    out["jobs"].push_back({{"name", j.name}, {"lines", lines}});
  }
  return out;
}

/// Parses and checks a JSON text (malformed text: ScenarioError at `$`).
inline NetworkDocument read_network(std::string_view text) { return network_from_json(parse_json(text)); }
inline allocation::TimeDrivenModel read_time_driven(std::string_view text) {
  return time_driven_from_json(parse_json(text));
}

/// A list of (name, value) pairs written as a JSON object {name: value} (read in name order).
template <class P, auto Name, auto Value>
struct JsonMap {
  static std::vector<P> read(const json& v, const std::string& path) {
    std::vector<P> out;
    for (const auto& w : key_from_json(v, path)) {
      P x{};
      x.*Name = w.centre;
      x.*Value = w.weight;
      out.push_back(std::move(x));
    }
    return out;
  }
  static json write(const std::vector<P>& xs) {
    json out = json::object();
    for (const auto& x : xs) out[x.*Name] = decimal_json(x.*Value);
    return out;
  }
  static bool empty(const std::vector<P>& xs) { return xs.empty(); }
};
template <>
struct JsonOf<allocation::Key> : JsonMap<allocation::Weight, &allocation::Weight::centre, &allocation::Weight::weight> {
};
template <>
struct JsonOf<std::vector<allocation::Term>>
    : JsonMap<allocation::Term, &allocation::Term::driver, &allocation::Term::coefficient> {};
template <>
struct JsonOf<std::vector<allocation::DriverValue>>
    : JsonMap<allocation::DriverValue, &allocation::DriverValue::driver, &allocation::DriverValue::value> {};
template <>
struct JsonOf<model::Structure> {
  static model::Structure read(const json& v, const std::string& path) { return structure_from_json(v, path); }
  static json write(const model::Structure& s) { return to_json(s); }
};

}  // namespace aci::io
