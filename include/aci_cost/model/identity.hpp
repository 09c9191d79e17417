// aci::model::Identity: who the ACI is on the documents it hands out (a quote, an invoice).
#pragma once

#include <string>

namespace aci::model {

/// The ACI's legal identity, printed on a client's quote (devis); empty fields are not printed.
struct Identity {
  std::string siret;       ///< SIRET of the establishment: 14 digits passing the Luhn check (empty: unknown)
  std::string legal_form;  ///< e.g. "Association loi 1901"
  std::string address;     ///< postal address, lines separated by "\n"
  std::string email;       ///< contact e-mail
  std::string phone;       ///< contact telephone

  /// True when no field is set.
  bool empty() const { return siret.empty() && legal_form.empty() && address.empty() && email.empty() && phone.empty(); }

  friend bool operator==(const Identity&, const Identity&) = default;
};

}  // namespace aci::model
