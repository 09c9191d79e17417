// Implementation of actuals/mapping_json.hpp.
#pragma once

#include <utility>

#include <nlohmann/json.hpp>

#include "aci_cost/actuals/default_mapping.hpp"
#include "aci_cost/actuals/mapping_json.hpp"
#include "aci_cost/error.hpp"

namespace aci::actuals {

namespace detail {
using mapping_json = nlohmann::ordered_json;

/// The deepest nesting a mapping file may have (it nests 3 levels; the bound keeps a hostile file
/// from exhausting the stack of the recursive parser).
inline constexpr int max_mapping_depth = 16;

inline std::string shown(const mapping_json& j) {
  std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return s.size() > 60 ? s.substr(0, 57) + "..." : s;
}

inline const mapping_json& object(const mapping_json& j, const std::string& path,
                                  std::initializer_list<std::string_view> allowed) {
  if (!j.is_object()) throw InvalidInput(path, shown(j), "expected an object");
  for (const auto& [k, v] : j.items()) {
    bool ok = false;
    for (auto a : allowed) ok = ok || a == k;
    if (!ok) throw InvalidInput(path + "." + k, shown(v), "unknown field");
  }
  return j;
}

inline std::string text(const mapping_json& j, const std::string& path) {
  if (!j.is_string()) throw InvalidInput(path, shown(j), "expected a string");
  return j.get<std::string>();
}

inline std::vector<std::string> texts(const mapping_json& j, const std::string& path) {
  if (!j.is_array()) throw InvalidInput(path, shown(j), "expected a list of strings");
  std::vector<std::string> out;
  for (std::size_t i = 0; i < j.size(); ++i) out.push_back(text(j[i], path + "[" + std::to_string(i) + "]"));
  return out;
}

template <class T, class Same>
void add_or_replace(std::vector<T>& into, T item, Same same) {
  for (auto& x : into) {
    if (same(x, item)) {
      x = std::move(item);
      return;
    }
  }
  into.push_back(std::move(item));
}
}  // namespace detail

ACI_COST_INLINE Mapping read_mapping(std::string_view json_text) {
  using detail::mapping_json;
  mapping_json doc;
  try {
    doc = mapping_json::parse(
        json_text.begin(), json_text.end(), [](int depth, mapping_json::parse_event_t, mapping_json&) {
          if (depth > detail::max_mapping_depth)
            throw InvalidInput("mapping", "nesting " + std::to_string(depth), "deeper than a mapping file goes");
          return true;
        });
  } catch (const mapping_json::exception& e) {
    throw InvalidInput("mapping", "JSON text", std::string("malformed JSON: ") + e.what());
  }
  const auto& o =
      detail::object(doc, "mapping",
                     {"format", "name", "extends", "charge_keys", "product_keys", "rules", "ateliers", "shared_codes"});
  ACI_COST_REQUIRE(o.contains("format") && o["format"] == std::string(mapping_format), "mapping.format",
                   o.contains("format") ? detail::shown(o["format"]) : std::string("missing"),
                   "expected \"" + std::string(mapping_format) + "\"");
  Mapping m;
  if (o.contains("extends")) {
    const std::string base = detail::text(o["extends"], "mapping.extends");
    ACI_COST_REQUIRE(base == default_mapping_name, "mapping.extends", "\"" + base + "\"",
                     "the only mapping to extend is \"" + std::string(default_mapping_name) + "\"");
    m = default_mapping();
  }
  if (o.contains("name")) m.name = detail::text(o["name"], "mapping.name");
  const auto add_keys = [&](const char* field, std::vector<std::string>& into) {
    if (!o.contains(field)) return;
    for (auto& k : detail::texts(o[field], std::string("mapping.") + field))
      detail::add_or_replace(into, std::move(k), [](const auto& a, const auto& b) { return a == b; });
  };
  add_keys("charge_keys", m.charge_keys);
  add_keys("product_keys", m.product_keys);
  if (o.contains("rules")) {
    const auto& rules = o["rules"];
    if (!rules.is_array()) throw InvalidInput("mapping.rules", detail::shown(rules), "expected a list of rules");
    const std::size_t base = m.rules.size();
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const std::string p = "mapping.rules[" + std::to_string(i) + "]";
      const auto& r = detail::object(rules[i], p, {"prefix", "key", "code", "label", "source"});
      for (const char* required : {"prefix", "key"})
        ACI_COST_REQUIRE(r.contains(required), p + "." + required, "missing", "every rule has a prefix and a key");
      Rule rule{detail::text(r["prefix"], p + ".prefix"), detail::text(r["key"], p + ".key"),
                r.contains("code") ? detail::text(r["code"], p + ".code") : std::string(),
                r.contains("label") ? detail::text(r["label"], p + ".label") : std::string(),
                r.contains("source") ? detail::text(r["source"], p + ".source") : std::string()};
      m.check_rule(rule, p);  // named by its place in the file, before it joins the default's
      // A rule of the file replaces the default's of the same prefix and code; two of the file's
      // own are refused by validate().
      bool replaced = false;
      for (std::size_t k = 0; k < base && !replaced; ++k) {
        if (m.rules[k].prefix == rule.prefix && m.rules[k].code == rule.code) {
          m.rules[k] = rule;
          replaced = true;
        }
      }
      if (!replaced) m.rules.push_back(std::move(rule));
    }
  }
  if (o.contains("ateliers")) {
    const auto& a = o["ateliers"];
    if (!a.is_object())
      throw InvalidInput("mapping.ateliers", detail::shown(a), "expected {\"code\": \"atelier\", ...}");
    for (const auto& [code, atelier] : a.items()) {
      detail::add_or_replace(m.ateliers, CodeAtelier{code, detail::text(atelier, "mapping.ateliers." + code)},
                             [](const auto& x, const auto& y) { return x.code == y.code; });
    }
  }
  if (o.contains("shared_codes")) {
    for (auto& c : detail::texts(o["shared_codes"], "mapping.shared_codes"))
      detail::add_or_replace(m.shared_codes, std::move(c), [](const auto& x, const auto& y) { return x == y; });
  }
  m.validate();
  return m;
}

ACI_COST_INLINE std::string mapping_to_json(const Mapping& m) {
  using detail::mapping_json;
  mapping_json o;
  o["format"] = std::string(mapping_format);
  o["name"] = m.name;
  o["charge_keys"] = m.charge_keys;
  o["product_keys"] = m.product_keys;
  o["rules"] = mapping_json::array();
  for (const auto& r : m.rules) {
    mapping_json j;
    j["prefix"] = r.prefix;
    j["key"] = r.key;
    if (!r.code.empty()) j["code"] = r.code;
    j["label"] = r.label;
    j["source"] = r.source;
    o["rules"].push_back(std::move(j));
  }
  o["ateliers"] = mapping_json::object();
  for (const auto& a : m.ateliers) o["ateliers"][a.code] = a.atelier;
  o["shared_codes"] = m.shared_codes;
  return o.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace aci::actuals
