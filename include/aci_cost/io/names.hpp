// The stable names of every enum of the formats, as they appear in JSON, Python and errors
// (index = value): the names declared beside each enum (schema::EnumNames), under short aliases.
#pragma once

#include "aci_cost/allocation/network.hpp"
#include "aci_cost/model/aci.hpp"
#include "aci_cost/model/job.hpp"
#include "aci_cost/model/output.hpp"
#include "aci_cost/model/structure.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/quote/pricing.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "aci_cost/schema/enum_names.hpp"
#include "aci_cost/training/model.hpp"

namespace aci::io::names {

template <class E>
inline constexpr const auto& of = schema::EnumNames<E>::names;

inline constexpr const auto& role = of<people::Role>;
inline constexpr const auto& contribution_mode = of<people::ContributionMode>;
inline constexpr const auto& pay_basis = of<people::PayBasis>;
inline constexpr const auto& price_policy = of<quote::PricePolicy>;
inline constexpr const auto& rounding = of<Rounding>;
inline constexpr const auto& tax_status = of<model::TaxStatus>;
inline constexpr const auto& vat_kind = of<model::VatKind>;
inline constexpr const auto& client_kind = of<model::ClientKind>;
inline constexpr const auto& payment_method = of<model::PaymentMethod>;
inline constexpr const auto& tag = of<rates::Tag>;
inline constexpr const auto& overhead_method = of<model::OverheadMethod>;
inline constexpr const auto& settling_method = of<allocation::Method>;
inline constexpr const auto& centre_kind = of<allocation::CentreKind>;
inline constexpr const auto& output_kind = of<model::OutputKind>;
inline constexpr const auto& workforce_mode = of<training::WorkforceMode>;
inline constexpr const auto& demand_mode = of<training::DemandMode>;
inline constexpr const auto& training_delivery = of<training::TrainingDelivery>;
inline constexpr const auto& deferral_policy = of<training::DeferralPolicy>;

}  // namespace aci::io::names
