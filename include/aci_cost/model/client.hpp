// aci::model::Client: who a devis and its invoice are addressed to. Its kind chooses the legal
// wording of the documents (late-payment terms, prices shown TTC to consumers, the Chorus Pro
// fields of a public buyer); jobs name it (Job::client = Client::name).
#pragma once

#include <string>
#include <string_view>
#include <tuple>

#include "aci_cost/error.hpp"
#include "aci_cost/model/siret.hpp"
#include "aci_cost/schema/enum_names.hpp"
#include "aci_cost/schema/field.hpp"

namespace aci::model {

/// The kind of client, for the wording of its documents.
enum class ClientKind {
  business,      ///< a professional: late-payment penalties of Code de commerce L441-10 and 40 € (D441-5)
  public_buyer,  ///< a public buyer: moratory interest of the Code de la commande publique
                 ///< (L2192-13, R2192-31) and 40 €; invoices through Chorus Pro
  consumer,      ///< a private person: prices shown TTC; the legal interest rate after formal notice
                 ///< (Code civil art. 1231-6)
};

}  // namespace aci::model
ACI_COST_ENUM_NAMES(aci::model::ClientKind, consumer, "business", "public_buyer", "consumer");
namespace aci::model {

/// A client of the ACI, as printed on its devis and invoices; empty fields are not printed.
struct Client {
  std::string name;                        ///< as printed (jobs name it in Job::client)
  ClientKind kind = ClientKind::business;  ///< chooses the legal wording of the documents
  std::string address;                     ///< postal address, lines separated by "\n"
  std::string siret;              ///< SIRET of the establishment invoiced (a public buyer's Chorus Pro identifier)
  std::string vat_number;         ///< intra-EU VAT number (checked by python-stdnum when printed)
  std::string service_code;       ///< Chorus Pro service code (code service) of a public buyer
  std::string engagement_number;  ///< Chorus Pro engagement number (numéro d'engagement, order reference)
  std::string email;              ///< where invoices go

  static constexpr std::string_view schema_name = "Client";
  /// The field table (schema/field.hpp): empty fields are not written.
  static constexpr auto schema() {
    using S = Client;
    using schema::field;
    return std::tuple{
        field("name", &S::name, "as printed; jobs name it in their 'client'").needed().not_empty(),
        field("kind", &S::kind, "chooses the late-payment wording, TTC prices (consumer), Chorus Pro fields"),
        field("address", &S::address, "postal address, lines separated by newlines").lines().quiet_when_empty(),
        field("siret", &S::siret, "SIRET: 14 digits passing the Luhn check ('' = unknown)").quiet_when_empty(),
        field("vat_number", &S::vat_number, "intra-EU VAT number ('' = none)").quiet_when_empty(),
        field("service_code", &S::service_code, "Chorus Pro service code of a public buyer").quiet_when_empty(),
        field("engagement_number", &S::engagement_number, "Chorus Pro engagement number (order reference)")
            .quiet_when_empty(),
        field("email", &S::email, "where invoices go").quiet_when_empty()};
  }
  /// The rules of its fields: a SIRET passes INSEE's check (model::siret_problem).
  template <class Path>
  void check_rules(const Path& path) const {
    if (siret.empty()) return;
    const auto problem = siret_problem(siret);
    ACI_COST_REQUIRE(problem.empty(), ::aci::detail::path_text(path) + ".siret", "\"" + siret + "\"",
                     std::string(problem));
  }

  friend bool operator==(const Client&, const Client&) = default;
};

}  // namespace aci::model
