// aci::model::Aci: the structure (ACI) and its ateliers.
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "aci_cost/model/atelier.hpp"
#include "aci_cost/model/client.hpp"
#include "aci_cost/model/identity.hpp"
#include "aci_cost/model/structure.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/schema/enum_names.hpp"
#include "aci_cost/schema/field.hpp"
#include "aci_cost/schema/unique_names.hpp"
#include "aci_cost/schema/validate.hpp"

namespace aci::model {

/// The ACI's position for VAT (an input, never an assumption).
enum class TaxStatus {
  vat_liable,         ///< invoices VAT at the rate of each job's kind of work
  non_profit_exempt,  ///< non-profit association whose lucrative sales stay under the franchise of
                      ///< commercial taxes (CGI art. 261-7-1° b, 206-1 bis): no VAT, legal wording;
                      ///< the quote warns when the year's sales pass the franchise threshold
  non_lucrative,      ///< insertion activity non-lucrative under the doctrine (BOI-IS-CHAMP-10-50-10-20:
                      ///< organisms helping disadvantaged people into work): outside commercial taxes,
                      ///< no franchise ceiling
};

}  // namespace aci::model
ACI_COST_ENUM_NAMES(aci::model::TaxStatus, non_lucrative, "vat_liable", "non_profit_exempt", "non_lucrative");
namespace aci::model {

/// An Atelier et Chantier d'Insertion.
struct Aci {
  std::string name;                              ///< the structure's name
  bool large_employer = false;                   ///< 50 staff or more (FNAL 0.50 %)
  TaxStatus tax_status = TaxStatus::vat_liable;  ///< VAT position of its sales
  std::vector<std::string> custom_supports;      ///< user-defined production supports
  std::vector<Atelier> ateliers;                 ///< its workshops
  Structure structure;                           ///< what the ateliers share (cost centres); empty by default
  Identity identity;                             ///< SIRET, address, contact: printed on a client's quote
  /// [assumption] The statutory auditor's fee, €/year, charged when the ACI's public grants pass
  /// the threshold of Code de commerce L612-4 / D612-5 (153,000 €): 5,000 € [est: a small
  /// association's audit]; 0 charges none (e.g. already counted in an atelier's overheads).
  Money statutory_auditor_fee = Money::from_cents(500'000);
  std::vector<Client> clients;  ///< its clients, as printed on devis and invoices (Job::client names one)

  static constexpr std::string_view schema_name = "Aci";
  /// The field table (schema/field.hpp).
  static constexpr auto schema() {
    using S = Aci;
    using schema::field;
    return std::tuple{
        field("name", &S::name, "the structure's name").needed().not_empty(),
        field("large_employer", &S::large_employer, "50 staff or more (FNAL 0.50 %)"),
        field("tax_status", &S::tax_status,
              "VAT position of its sales (the franchise warning: non_profit_exempt only)"),
        field("custom_supports", &S::custom_supports, "user-defined production supports"),
        field("ateliers", &S::ateliers, "list of Atelier").not_empty(),
        field("structure", &S::structure, "Structure shared by the ateliers (cost centres)").written_if([](const S& a) {
          return !a.structure.empty();
        }),
        field("identity", &S::identity, "Identity: SIRET, address, contact (printed on a client's quote)")
            .written_if([](const S& a) { return !a.identity.empty(); }),
        field("statutory_auditor_fee", &S::statutory_auditor_fee,
              "auditor's fee, charged when public grants pass 153,000 € (L612-4) [est]")
            .units("€/year")
            .at_least("0"),
        field("clients", &S::clients, "list of Client: who devis and invoices are addressed to (Job.client names one)")
            .quiet_when_empty()};
  }

  /// True when `support` is a known support or one declared in custom_supports.
  bool has_support(std::string_view support) const {
    for (auto s : known_supports)
      if (s == support) return true;
    for (const auto& s : custom_supports)
      if (s == support) return true;
    return false;
  }

  /// The client named `name`, or nullptr (a job's client need not be described).
  const Client* client(std::string_view client_name) const {
    for (const auto& c : clients)
      if (c.name == client_name) return &c;
    return nullptr;
  }

  /// The atelier named `key`, or else the first one on support `key`; InvalidInput naming
  /// `field` (a string, or a callable building it only then) when there is none.
  template <class Field>
  const Atelier& atelier(std::string_view key, const Field& field) const {
    for (const auto& a : ateliers)
      if (a.name == key) return a;
    for (const auto& a : ateliers)
      if (a.support == key) return a;
    throw InvalidInput(
        ::aci::detail::path_text(field), "\"" + std::string(key) + "\"",
        has_support(key) ? "no atelier of this ACI runs this support" : "unknown atelier or production support");
  }

  /// InvalidInput with the field path on any bad field of the ACI or its ateliers.
  void validate() const;
  /// The rules joining fields (schema::validate calls it after the fields' domains).
  template <class Path>
  void check_rules(const Path& path) const;

  friend bool operator==(const Aci&, const Aci&) = default;
};

template <class Path>
void Aci::check_rules(const Path& path) const {
  const auto p = [&] { return ::aci::detail::path_text(path); };
  for (std::size_t i = 0; i < ateliers.size(); ++i) {
    ACI_COST_REQUIRE(has_support(ateliers[i].support), p() + ".ateliers[" + std::to_string(i) + "].support",
                     "\"" + ateliers[i].support + "\"",
                     "unknown production support (declare it in aci.custom_supports)");
  }
  // Ateliers are found by name (jobs, training): two of one name would be counted twice in the year.
  schema::require_unique_names(
      ateliers, [](const Atelier& a) -> std::string_view { return a.name; }, [&] { return p() + ".ateliers"; },
      "atelier");
  // Clients are found by name (jobs' client): one name, one client.
  schema::require_unique_names(
      clients, [](const Client& c) -> std::string_view { return c.name; }, [&] { return p() + ".clients"; }, "client");
}

}  // namespace aci::model

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/model/aci-inl.hpp"
#endif
