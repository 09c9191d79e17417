// aci::model::Identity: who the ACI is on the documents it hands out (a devis, an invoice).
#pragma once

#include <string>
#include <string_view>
#include <tuple>

#include "aci_cost/error.hpp"
#include "aci_cost/model/insurance.hpp"
#include "aci_cost/model/siret.hpp"
#include "aci_cost/schema/field.hpp"

namespace aci::model {

/// The ACI's legal identity, printed on a client's devis and invoices; empty fields are not printed.
struct Identity {
  std::string siret;         ///< SIRET of the establishment: 14 digits passing INSEE's check (empty: unknown)
  std::string legal_form;    ///< e.g. "Association loi 1901"
  std::string address;       ///< postal address, lines separated by "\n"
  std::string email;         ///< contact e-mail
  std::string phone;         ///< contact telephone
  std::string vat_number{};  ///< intra-EU VAT number; empty: FR + key + SIREN, derived when VAT is invoiced
  std::string iban{};        ///< the account a transfer pays into (checked by schwifty when printed)
  std::string bic{};         ///< its bank's BIC
  Insurance insurance{};     ///< the insurance building works name (Code des assurances L243-2)

  static constexpr std::string_view schema_name = "Identity";
  /// The field table (schema/field.hpp): empty fields are not written.
  static constexpr auto schema() {
    using S = Identity;
    using schema::field;
    return std::tuple{
        field("siret", &S::siret, "SIRET: 14 digits passing the Luhn check ('' = unknown)").quiet_when_empty(),
        field("legal_form", &S::legal_form, "e.g. 'Association loi 1901'").quiet_when_empty(),
        field("address", &S::address, "postal address, lines separated by newlines").lines().quiet_when_empty(),
        field("email", &S::email, "contact e-mail").quiet_when_empty(),
        field("phone", &S::phone, "contact telephone").quiet_when_empty(),
        field("vat_number", &S::vat_number, "intra-EU VAT number ('' = derived from the SIREN)").quiet_when_empty(),
        field("iban", &S::iban, "IBAN printed when the client pays by transfer").quiet_when_empty(),
        field("bic", &S::bic, "BIC of the IBAN's bank").quiet_when_empty(),
        field("insurance", &S::insurance, "Insurance named by building works (L243-2)").written_if([](const S& i) {
          return !(i.insurance == Insurance{});
        })};
  }
  /// The rules of its fields: a SIRET passes INSEE's check (model::siret_problem).
  template <class Path>
  void check_rules(const Path& path) const {
    if (siret.empty()) return;
    const auto problem = siret_problem(siret);
    ACI_COST_REQUIRE(problem.empty(), ::aci::detail::path_text(path) + ".siret", "\"" + siret + "\"",
                     std::string(problem));
  }

  /// True when no field is set.
  bool empty() const { return *this == Identity{}; }

  friend bool operator==(const Identity&, const Identity&) = default;
};

}  // namespace aci::model
