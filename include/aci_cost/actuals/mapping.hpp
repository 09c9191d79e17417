// aci::actuals::Mapping: where the accounts of classes 6 and 7 of the plan comptable go in the
// ACI's year — each rule sends the accounts starting with a prefix (optionally only those booked
// under one analytic code) to a line of the year (budget/year.hpp's keys: charges by nature,
// products by financer). The longest prefix wins, a rule of the line's own analytic code before
// any general one; an account no rule places is reported by the realised year, never dropped.
// The default for ACIs is actuals/default_mapping.hpp; actuals/mapping_json.hpp reads a file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/config.hpp"

namespace aci::actuals {

/// One placement: the accounts starting with `prefix` feed line `key` of the year.
struct Rule {
  std::string prefix;  ///< digits, class 6 or 7: "641" places 641, 6411, 641100…
  std::string key;     ///< the line it feeds: a charge key (class 6) or a product key (class 7)
  std::string code;    ///< only the lines booked under this analytic code ("" every line)
  std::string label;   ///< what the accounts are (the plan comptable's wording)
  std::string source;  ///< where the placement comes from ("PCG 2025", "ANC 2018-06", "[assumption] …")
  friend bool operator==(const Rule&, const Rule&) = default;
};

/// An analytic code that names an atelier (besides the atelier's own name and support).
struct CodeAtelier {
  std::string code;     ///< as booked in the FEC's analytic column
  std::string atelier;  ///< the atelier's name in the scenario
  friend bool operator==(const CodeAtelier&, const CodeAtelier&) = default;
};

/// How a plan comptable reaches the year's lines.
struct Mapping {
  std::string name;                       ///< e.g. "aci_default"
  std::vector<std::string> charge_keys;   ///< the charge lines a rule may feed, in display order
  std::vector<std::string> product_keys;  ///< the product lines a rule may feed, in display order
  std::vector<Rule> rules;                ///< placements
  std::vector<CodeAtelier> ateliers;      ///< analytic codes of ateliers
  std::vector<std::string> shared_codes;  ///< analytic codes of lines that belong to no atelier (spread)

  /// The rule placing `account` booked under analytic code `code`: the longest prefix among the
  /// rules of that code, else among the general rules; nullptr when none does.
  const Rule* place(std::string_view account, std::string_view code) const {
    const Rule* best = nullptr;
    bool best_coded = false;
    for (const auto& r : rules) {
      if (!account.starts_with(r.prefix)) continue;
      const bool coded = !r.code.empty();
      if (coded && r.code != code) continue;
      if (!best || (coded && !best_coded) || (coded == best_coded && r.prefix.size() > best->prefix.size())) {
        best = &r;
        best_coded = coded;
      }
    }
    return best;
  }
  /// True when `key` is one of charge_keys.
  bool is_charge(std::string_view key) const {
    for (const auto& k : charge_keys)
      if (k == key) return true;
    return false;
  }
  /// True when `key` is one of product_keys.
  bool is_product(std::string_view key) const {
    for (const auto& k : product_keys)
      if (k == key) return true;
    return false;
  }
  /// True when some rule is limited to analytic code `code`, or it is one of shared_codes.
  bool knows_shared_code(std::string_view code) const {
    for (const auto& r : rules)
      if (!r.code.empty() && r.code == code) return true;
    for (const auto& c : shared_codes)
      if (c == code) return true;
    return false;
  }

  /// InvalidInput naming `path`.prefix or `path`.key when this mapping cannot hold rule `r`: a
  /// prefix that is not digits of class 6 or 7, a class-6 rule on a product key (or class 7 on a
  /// charge key, or on a key of neither list).
  ACI_COST_INLINE void check_rule(const Rule& r, const std::string& path) const;

  /// InvalidInput naming "mapping.<field>" on: an empty or repeated key, a prefix that is not
  /// digits of class 6 or 7, a class-6 rule on a product key (or class 7 on a charge key), two
  /// rules of one prefix and code, an empty or repeated analytic code.
  ACI_COST_INLINE void validate() const;

  friend bool operator==(const Mapping&, const Mapping&) = default;
};

}  // namespace aci::actuals

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/actuals/mapping-inl.hpp"
#endif
