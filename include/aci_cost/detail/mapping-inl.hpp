// Implementation of actuals/mapping.hpp, actuals/default_mapping.hpp and actuals/mapping_json.hpp.
#pragma once

#include <map>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "aci_cost/actuals/default_mapping.hpp"
#include "aci_cost/actuals/mapping.hpp"
#include "aci_cost/actuals/mapping_json.hpp"
#include "aci_cost/budget/year.hpp"
#include "aci_cost/error.hpp"

namespace aci::actuals {

ACI_COST_INLINE void Mapping::validate() const {
  std::set<std::string_view> keys;
  const auto check_keys = [&keys](const std::vector<std::string>& list, const char* field) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string f = std::string("mapping.") + field + "[" + std::to_string(i) + "]";
      ACI_COST_REQUIRE(!list[i].empty(), f, "\"\"", "a line key must not be empty");
      ACI_COST_REQUIRE(keys.insert(list[i]).second, f, "\"" + list[i] + "\"",
                       "repeated: a line is a charge or a product, once");
    }
  };
  check_keys(charge_keys, "charge_keys");
  check_keys(product_keys, "product_keys");
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& r = rules[i];
    const auto f = [i](const char* field) { return "mapping.rules[" + std::to_string(i) + "]." + field; };
    bool digits = !r.prefix.empty();
    for (char c : r.prefix) digits = digits && c >= '0' && c <= '9';
    ACI_COST_REQUIRE(digits && (r.prefix[0] == '6' || r.prefix[0] == '7'), f("prefix"), "\"" + r.prefix + "\"",
                     "an account prefix of class 6 (charges) or 7 (products), digits only");
    if (r.prefix[0] == '6') {
      ACI_COST_REQUIRE(is_charge(r.key), f("key"), "\"" + r.key + "\"",
                       "a class-6 account feeds a charge line: one of mapping.charge_keys");
    } else {
      ACI_COST_REQUIRE(is_product(r.key), f("key"), "\"" + r.key + "\"",
                       "a class-7 account feeds a product line: one of mapping.product_keys");
    }
    ACI_COST_REQUIRE(seen.insert({r.prefix, r.code}).second, f("prefix"), "\"" + r.prefix + "\"",
                     r.code.empty() ? std::string("a second general rule for this prefix")
                                    : "a second rule for this prefix and analytic code \"" + r.code + "\"");
  }
  std::set<std::string_view> codes;
  for (std::size_t i = 0; i < ateliers.size(); ++i) {
    const std::string f = "mapping.ateliers[" + std::to_string(i) + "]";
    ACI_COST_REQUIRE(!ateliers[i].code.empty(), f + ".code", "\"\"", "an analytic code must not be empty");
    ACI_COST_REQUIRE(!ateliers[i].atelier.empty(), f + ".atelier", "\"\"", "names an atelier of the scenario");
    ACI_COST_REQUIRE(codes.insert(ateliers[i].code).second, f + ".code", "\"" + ateliers[i].code + "\"",
                     "repeated analytic code");
  }
  for (std::size_t i = 0; i < shared_codes.size(); ++i) {
    const std::string f = "mapping.shared_codes[" + std::to_string(i) + "]";
    ACI_COST_REQUIRE(!shared_codes[i].empty(), f, "\"\"", "an analytic code must not be empty");
    ACI_COST_REQUIRE(codes.insert(shared_codes[i]).second, f, "\"" + shared_codes[i] + "\"",
                     "repeated analytic code (or also an atelier's)");
  }
}

ACI_COST_INLINE Mapping default_mapping() {
  Mapping m;
  m.name = std::string(default_mapping_name);
  for (auto k : budget::charge_keys) m.charge_keys.emplace_back(k);
  for (auto k : budget::product_keys) m.product_keys.emplace_back(k);
  m.product_keys.emplace_back(other_products_key);
  const std::string pcg = "PCG 2025 (ANC 2014-03 as amended by ANC 2022-06)";
  const std::string asso = "ANC 2018-06 (associations)";
  const auto rule = [&m](std::string prefix, std::string key, std::string label, std::string source) {
    m.rules.push_back({std::move(prefix), std::move(key), "", std::move(label), std::move(source)});
  };
  // Charges (class 6). The class's two-digit accounts first, then the sub-accounts that go elsewhere.
  rule("60", "other_charges", "Achats (matières, fournitures, marchandises, variation des stocks)",
       pcg + "; [assumption] purchases of the activity, the jobs' materials among them");
  rule("6061", "overheads", "Fournitures non stockables (eau, énergie…)", pcg);
  rule("6063", "equipment", "Fournitures d'entretien et de petit équipement", pcg + "; [assumption] the crews' tools");
  rule("6064", "overheads", "Fournitures administratives", pcg);
  rule("61", "overheads", "Services extérieurs (locations, charges locatives, entretien, assurances, études)",
       pcg + "; [assumption] the premises and the running of the ACI");
  rule("611", "other_charges", "Sous-traitance générale", pcg);
  rule("612", "equipment", "Redevances de crédit-bail", pcg + "; [assumption] leased machines and vans");
  rule("6135", "equipment", "Locations mobilières", pcg + "; [assumption] hired machines");
  rule("6155", "equipment", "Entretien et réparations sur biens mobiliers", pcg);
  rule("62", "overheads", "Autres services extérieurs (honoraires, publicité, télécommunications, banque)", pcg);
  rule("621", "other_staff_costs", "Personnel extérieur à l'entité", pcg);
  rule("624", "other_charges", "Transports de biens et transports collectifs du personnel", pcg);
  rule("6251", "vehicles", "Voyages et déplacements",
       pcg + "; [assumption] the crews' trips to the sites (fuel, tolls, mileage allowances)");
  rule("63", "overheads", "Impôts, taxes et versements assimilés (autres que sur rémunérations)", pcg);
  rule("631", "social_contributions", "Impôts, taxes et versements assimilés sur rémunérations (taxe sur les salaires)",
       pcg);
  rule("633", "social_contributions",
       "Impôts, taxes et versements assimilés sur rémunérations, autres organismes (formation, construction)", pcg);
  rule("64", "salaries", "Charges de personnel", pcg);
  rule("641", "salaries", "Rémunérations du personnel", pcg);
  rule("645", "social_contributions", "Charges de sécurité sociale et de prévoyance", pcg);
  rule("647", "other_staff_costs", "Autres charges sociales (médecine du travail, œuvres sociales)", pcg);
  rule("648", "other_staff_costs", "Autres charges de personnel", pcg);
  rule("649", "salaries", "Remboursements de charges de personnel (indemnités journalières, prises en charge)",
       "ANC 2022-06 (replaces 791 for staff costs)");
  rule("65", "other_charges", "Autres charges de gestion courante (dont 657 subventions versées)", pcg + "; " + asso);
  rule("651", "overheads", "Redevances pour concessions, brevets, licences, logiciels", pcg);
  rule("66", "other_charges", "Charges financières", pcg);
  rule("67", "other_charges", "Charges exceptionnelles", pcg);
  rule("68", "other_charges", "Dotations aux amortissements, dépréciations, provisions et engagements (689)",
       pcg + "; " + asso);
  rule("6811", "equipment", "Dotations aux amortissements des immobilisations incorporelles et corporelles",
       pcg + "; [assumption] an ACI's fixed assets are mostly its machines and vans");
  rule("69", "other_charges", "Impôts sur les bénéfices (revenus patrimoniaux des associations)", pcg);
  // The shared structure: any charge booked under the analytic code STRUCTURE.
  m.rules.push_back({"6", "structure", "STRUCTURE", "Toute charge de la structure partagée (code analytique STRUCTURE)",
                     "[assumption] the ACI's analytic section of its shared structure (docs/allocation.md)"});
  // Products (class 7). 74 by financer: the sub-accounts are the ACI's own.
  rule("70", "sales", "Ventes de produits, prestations de services, marchandises, produits des activités annexes", pcg);
  rule("74", "other_grants", "Subventions d'exploitation (autres financeurs)", pcg + "; " + asso);
  rule("7411", "aid_state", "Aide au poste d'insertion, part de l'État (versée par l'ASP)",
       "[assumption] the ACI's sub-account of 741 État");
  rule("7431", "aid_departement", "Aide au poste d'insertion, part du département (allocataires du RSA)",
       "[assumption] the ACI's sub-account of 743 Département");
  rule("743", "departement_grants", "Subventions du département (hors aide au poste)",
       "[assumption] the ACI's sub-account of 74");
  rule("742", "region", "Subventions de la région", "[assumption] the ACI's sub-account of 74");
  rule("746", "fse_plus", "Fonds européens (FSE+)", "[assumption] the ACI's sub-account of 74");
  rule("7481", "opco", "Prises en charge de formation par l'OPCO", "[assumption] the ACI's sub-account of 74");
  rule("747", "other_grants", "Quote-part des subventions d'investissement virée au résultat",
       "ANC 2022-06 (formerly 777)");
  rule("75", std::string(other_products_key),
       "Autres produits de gestion courante (dons, cotisations, ressources liées à la générosité du public)",
       pcg + "; " + asso);
  rule("76", std::string(other_products_key), "Produits financiers", pcg);
  rule("77", std::string(other_products_key), "Produits exceptionnels", pcg);
  rule("78", std::string(other_products_key), "Reprises sur amortissements, dépréciations, provisions et fonds dédiés",
       pcg + "; " + asso);
  return m;
}

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
    doc = mapping_json::parse(json_text.begin(), json_text.end(),
                              [](int depth, mapping_json::parse_event_t, mapping_json&) {
                                if (depth > detail::max_mapping_depth)
                                  throw InvalidInput("mapping", "nesting " + std::to_string(depth),
                                                     "deeper than a mapping file goes");
                                return true;
                              });
  } catch (const mapping_json::exception& e) {
    throw InvalidInput("mapping", "JSON text", std::string("malformed JSON: ") + e.what());
  }
  const auto& o = detail::object(doc, "mapping", {"format", "name", "extends", "charge_keys", "product_keys", "rules",
                                                  "ateliers", "shared_codes"});
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
    if (!a.is_object()) throw InvalidInput("mapping.ateliers", detail::shown(a), "expected {\"code\": \"atelier\", ...}");
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
