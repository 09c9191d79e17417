// aci::model::Aci: the structure (ACI) and its ateliers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/model/atelier.hpp"
#include "aci_cost/model/identity.hpp"
#include "aci_cost/model/structure.hpp"

namespace aci::model {

/// The ACI's position for VAT (an input, never an assumption).
enum class TaxStatus {
  vat_liable,         ///< invoices VAT at the rate of each job's kind of work
  non_profit_exempt,  ///< non-profit association whose sales are non-lucrative or under the franchise
                      ///< of commercial taxes (CGI art. 261-7-1° b, 206-1 bis): no VAT, legal wording
};

/// An Atelier et Chantier d'Insertion.
struct Aci {
  std::string name;                          ///< the structure's name
  bool large_employer = false;               ///< 50 staff or more (FNAL 0.50 %)
  TaxStatus tax_status = TaxStatus::vat_liable;  ///< VAT position of its sales
  std::vector<std::string> custom_supports;  ///< user-defined production supports
  std::vector<Atelier> ateliers;             ///< its workshops
  Structure structure;                       ///< what the ateliers share (cost centres); empty by default
  Identity identity;                         ///< SIRET, address, contact: printed on a client's quote

  /// True when `support` is a known support or one declared in custom_supports.
  bool has_support(std::string_view support) const {
    for (auto s : known_supports)
      if (s == support) return true;
    for (const auto& s : custom_supports)
      if (s == support) return true;
    return false;
  }

  /// The atelier named `key`, or else the first one on support `key`; InvalidInput naming
  /// `field` (a string, or a callable building it only then) when there is none.
  template <class Field>
  const Atelier& atelier(std::string_view key, const Field& field) const {
    for (const auto& a : ateliers)
      if (a.name == key) return a;
    for (const auto& a : ateliers)
      if (a.support == key) return a;
    throw InvalidInput(::aci::detail::path_text(field), "\"" + std::string(key) + "\"",
                       has_support(key) ? "no atelier of this ACI runs this support"
                                         : "unknown atelier or production support");
  }

  /// InvalidInput with the field path on any bad field of the ACI or its ateliers.
  void validate() const;

  friend bool operator==(const Aci&, const Aci&) = default;
};

}  // namespace aci::model

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/detail/aci-inl.hpp"
#endif
