// aci::model::Terms: the commercial terms of a job's devis and invoice — how long the devis holds,
// when the works start after its acceptance and how long they last, when and how the client pays.
#pragma once

#include <string_view>
#include <tuple>

#include "aci_cost/schema/enum_names.hpp"
#include "aci_cost/schema/field.hpp"

namespace aci::model {

/// How the client pays.
enum class PaymentMethod {
  transfer,  ///< bank transfer: the documents carry the ACI's IBAN and BIC
  cheque,    ///< cheque
  other,     ///< as agreed (cash, card, direct debit)
};

}  // namespace aci::model
ACI_COST_ENUM_NAMES(aci::model::PaymentMethod, other, "transfer", "cheque", "other");
namespace aci::model {

/// The terms printed on a job's devis and invoice.
struct Terms {
  int validity_days = 30;     ///< the devis holds this many days from its date
  int start_after_days = 15;  ///< the works start this many days after the devis is accepted [assumption]
  int duration_days = 0;      ///< the works last this many calendar days (0: not stated; the devis warns)
  int payment_days = 30;      ///< payment due this many days after the invoice date (L441-10: at most 60)
  PaymentMethod payment_method = PaymentMethod::transfer;  ///< how the client pays

  static constexpr std::string_view schema_name = "Terms";
  /// The field table (schema/field.hpp). Payment within 60 days of the invoice (Code de commerce
  /// L441-10 I) and 30 days for most public buyers (R2192-10) [law]; the devis warns above.
  static constexpr auto schema() {
    using S = Terms;
    using schema::field;
    return std::tuple{
        field("validity_days", &S::validity_days, "the devis holds this many days").units("days").in("1", "366", "[]"),
        field("start_after_days", &S::start_after_days, "works start this many days after acceptance")
            .units("days")
            .in("0", "3660", "[]"),
        field("duration_days", &S::duration_days, "works last this many calendar days (0: not stated)")
            .units("days")
            .in("0", "3660", "[]"),
        field("payment_days", &S::payment_days, "payment due this many days after the invoice date")
            .units("days")
            .in("0", "60", "[]"),
        field("payment_method", &S::payment_method, "transfer (IBAN and BIC printed), cheque or other")};
  }
  friend bool operator==(const Terms&, const Terms&) = default;
};

}  // namespace aci::model
