// aci::model::Identity: who the ACI is on the documents it hands out (a quote, an invoice).
#pragma once

#include <string>
#include <string_view>
#include <tuple>

#include "aci_cost/error.hpp"
#include "aci_cost/schema/field.hpp"

namespace aci::model {

/// The ACI's legal identity, printed on a client's quote (devis); empty fields are not printed.
struct Identity {
  std::string siret;       ///< SIRET of the establishment: 14 digits passing the Luhn check (empty: unknown)
  std::string legal_form;  ///< e.g. "Association loi 1901"
  std::string address;     ///< postal address, lines separated by "\n"
  std::string email;       ///< contact e-mail
  std::string phone;       ///< contact telephone

  static constexpr std::string_view schema_name = "Identity";
  /// The field table (schema/field.hpp): empty fields are not written.
  static constexpr auto schema() {
    using S = Identity;
    using schema::field;
    return std::tuple{field("siret", &S::siret, "SIRET: 14 digits passing the Luhn check ('' = unknown)").quiet_when_empty(),
                      field("legal_form", &S::legal_form, "e.g. 'Association loi 1901'").quiet_when_empty(),
                      field("address", &S::address, "postal address, lines separated by newlines").quiet_when_empty(),
                      field("email", &S::email, "contact e-mail").quiet_when_empty(),
                      field("phone", &S::phone, "contact telephone").quiet_when_empty()};
  }
  /// The rules of its fields: a SIRET is 14 digits whose Luhn sum is a multiple of 10 (INSEE).
  template <class Path>
  void check_rules(const Path& path) const {
    if (siret.empty()) return;
    bool digits = siret.size() == 14;
    int sum = 0;
    for (std::size_t i = 0; digits && i < 14; ++i) {
      const char c = siret[13 - i];
      digits = c >= '0' && c <= '9';
      int d = c - '0';
      if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    const auto at = [&] { return ::aci::detail::path_text(path) + ".siret"; };
    ACI_COST_REQUIRE(digits, at(), "\"" + siret + "\"", "must be 14 digits (no spaces)");
    ACI_COST_REQUIRE(sum % 10 == 0, at(), "\"" + siret + "\"", "fails the Luhn check of a SIRET (a digit is wrong)");
  }

  /// True when no field is set.
  bool empty() const { return siret.empty() && legal_form.empty() && address.empty() && email.empty() && phone.empty(); }

  friend bool operator==(const Identity&, const Identity&) = default;
};

}  // namespace aci::model
