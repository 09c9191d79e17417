// The Python names of every C++ enum (strings, as in the JSON format).
#pragma once

#include "aci_cost/io/names.hpp"
#include "aci_cost/model/aci.hpp"
#include "aci_cost/model/job.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/people/staff.hpp"
#include "aci_cost/quote/pricing.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "convert.hpp"

namespace aci::python {

template <>
struct EnumNames<people::Role> { static constexpr const auto& names = io::names::role; };
template <>
struct EnumNames<people::ContributionMode> { static constexpr const auto& names = io::names::contribution_mode; };
template <>
struct EnumNames<people::PayBasis> { static constexpr const auto& names = io::names::pay_basis; };
template <>
struct EnumNames<quote::PricePolicy> { static constexpr const auto& names = io::names::price_policy; };
template <>
struct EnumNames<Rounding> { static constexpr const auto& names = io::names::rounding; };
template <>
struct EnumNames<rates::Tag> { static constexpr const auto& names = io::names::tag; };
template <>
struct EnumNames<model::TaxStatus> { static constexpr const auto& names = io::names::tax_status; };
template <>
struct EnumNames<model::VatKind> { static constexpr const auto& names = io::names::vat_kind; };

template <>
struct EnumNames<allocation::CentreKind> { static constexpr const auto& names = io::names::centre_kind; };
template <>
struct EnumNames<allocation::Method> { static constexpr const auto& names = io::names::settling_method; };
template <>
struct EnumNames<model::OutputKind> { static constexpr const auto& names = io::names::output_kind; };
template <>
struct EnumNames<model::OverheadMethod> { static constexpr const auto& names = io::names::overhead_method; };

template <>
struct Conv<rates::Rate> {
  static py::object to(const rates::Rate& r) { return py::str(std::string(rates::rate_name(r))); }
  static rates::Rate from(py::handle h, const std::string& field) {
    return rates::rate_from_name(py::str(h).cast<std::string>(), field);
  }
};

}  // namespace aci::python

#include "aci_cost/training/model.hpp"

namespace aci::python {

template <>
struct EnumNames<training::WorkforceMode> { static constexpr const auto& names = io::names::workforce_mode; };
template <>
struct EnumNames<training::DemandMode> { static constexpr const auto& names = io::names::demand_mode; };
template <>
struct EnumNames<training::TrainingDelivery> { static constexpr const auto& names = io::names::training_delivery; };
template <>
struct EnumNames<training::DeferralPolicy> { static constexpr const auto& names = io::names::deferral_policy; };

}  // namespace aci::python
