// aci::quote::QuoteFigures and compute_figures: the quote engine, templated on the scalar.
// Every figure is unrounded; quote/quote.hpp turns them into shown money.
#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "aci_cost/model/aci.hpp"
#include "aci_cost/model/job.hpp"
#include "aci_cost/quote/atelier_rates.hpp"
#include "aci_cost/quote/pricing.hpp"
#include "aci_cost/rates/rate_table.hpp"

namespace aci::quote {

/// The cost lines of a quote, in display order; they add up to the full cost.
enum class CostLine { integration_labour, training, supervision, accompaniment, materials, equipment, travel, overheads };
inline constexpr std::size_t cost_line_count = 8;
/// Stable keys of the cost lines (JSON, DataFrames).
inline constexpr std::array<std::string_view, cost_line_count> cost_line_keys = {
    "integration_labour", "training", "supervision", "accompaniment", "materials", "equipment", "travel", "overheads"};

/// The subsidies attributable to a job.
inline constexpr std::size_t subsidy_count = 3;
/// Stable keys of the subsidy lines.
inline constexpr std::array<std::string_view, subsidy_count> subsidy_keys = {"aide_au_poste", "departement", "other_grants"};

/// Unrounded figures of one quote (scalar T: double or Decimal).
template <class T>
struct QuoteFigures {
  T standard_hours{};          ///< work content, standard hours
  T productivity{};            ///< relative productivity used, share
  T integration_hours{};       ///< hours worked by integration employees on the job
  T paid_integration_hours{};  ///< their paid hours attributable to the job (incl. leave, training…)
  T training_hours{};          ///< training obligation attributable to the job, h
  T supervision_hours{};       ///< ETPS hours on site, h
  T elapsed_hours{};           ///< duration on site, h (integration hours / crew)
  T travel_hours{};            ///< paid travel time of crew and supervisors, h
  std::array<T, cost_line_count> lines{};    ///< cost lines, € (see CostLine)
  T full_cost{};               ///< sum of lines, €
  T production_cost{};         ///< what an ordinary firm spends on the same standard hours, €
  T insertion_extra_cost{};    ///< full cost - production cost, €
  std::array<T, subsidy_count> subsidies{};  ///< subsidy lines, €
  T subsidies_total{};         ///< €
  T net_cost{};                ///< full cost - subsidies, €
  T debourse_sec{};            ///< labour, training, supervision, materials, equipment, €
  T coefficient_k{};           ///< K used (ds_coefficient), else 0
  T price_ht{};                ///< price excl. VAT under the policy, €
  T vat_rate{};                ///< share
  T market_price{};            ///< standard hours x market price + materials, €
  T market_floor{};            ///< standard hours x low market price + materials, €
  T annual_charges{};          ///< atelier charges of the year, € (sales-cap base)
  T sales_cap{};               ///< cap share x charges, €
  T annual_sales{};            ///< atelier sales of the year before this job, €
  std::vector<rates::RateEntry> rates_used;  ///< every dated figure the engine read

  /// A cost line by kind.
  const T& line(CostLine k) const { return lines[static_cast<std::size_t>(k)]; }
};

/// Prices `job` for `aci` with the figures of `table` in force at the job's date.
/// `training_rate`, when given, replaces the atelier's average training obligation
/// (€ per integration hour), e.g. by its true cost in the job's week (quote/training_link.hpp).
template <class T>
QuoteFigures<T> compute_figures(const model::Aci& aci, const model::Job& job, const rates::RateTable& table,
                                const PricingOptions& pricing, const std::optional<Decimal>& training_rate = std::nullopt) {
  aci.validate();
  job.validate();
  pricing.validate();
  const std::string p = "job[" + job.name + "]";
  const model::Atelier& at = aci.atelier(job.atelier, p + ".atelier");
  rates::RateLookup rates(table, job.date);
  const AtelierRates<T> ar = atelier_rates<T>(at, aci.large_employer, rates);
  require(ar.integration_production_hours > 0, p + ".atelier", at.name, "has no integration production hours");
  if (job.supervisors > 0) {
    require(ar.supervisor_production_hours > 0, p + ".supervisors", to_string(job.supervisors),
            "the atelier has no supervisor (ETPS) staff group to charge");
  }

  QuoteFigures<T> f;
  const auto c = [](const Decimal& x) { return scalar_cast<T>(x); };
  const auto m = [](const Money& x) { return scalar_cast<T>(x.amount()); };
  f.standard_hours = c(job.total_standard_hours());
  f.productivity = c(job.productivity.value_or(at.default_productivity));
  // Work content in standard hours becomes integration hours through relative productivity.
  f.integration_hours = f.standard_hours / f.productivity;
  f.paid_integration_hours = f.integration_hours * ar.integration_paid_hours / ar.integration_production_hours;
  f.training_hours = f.integration_hours * ar.integration_training_hours / ar.integration_production_hours;
  const T crew = c(job.crew_size), sup = c(job.supervisors);
  f.elapsed_hours = f.integration_hours / crew;
  f.supervision_hours = f.elapsed_hours * sup;

  if (training_rate) {
    require(*training_rate >= 0, p + ".training_rate", to_string(*training_rate), "must be >= 0");
  }
  const T training = training_rate ? c(*training_rate) : ar.training_rate();
  const T integration_rate = ar.labour_rate() + training;
  const T supervision_rate = job.supervisors > 0 ? ar.supervision_rate() : T(0);
  auto& L = f.lines;
  L[static_cast<std::size_t>(CostLine::integration_labour)] = f.integration_hours * ar.labour_rate();
  L[static_cast<std::size_t>(CostLine::training)] = f.integration_hours * training;
  L[static_cast<std::size_t>(CostLine::supervision)] = f.supervision_hours * supervision_rate;
  L[static_cast<std::size_t>(CostLine::accompaniment)] = f.integration_hours * ar.accompaniment_rate();
  T materials{0};
  for (const auto& x : job.materials) materials += m(x.amount);
  L[static_cast<std::size_t>(CostLine::materials)] = materials;
  T equipment{0};
  for (std::size_t i = 0; i < job.equipment.size(); ++i) {
    const auto& use = job.equipment[i];
    const model::EquipmentRate* rate = nullptr;
    for (const auto& e : at.equipment)
      if (e.name == use.name) rate = &e;
    require(rate != nullptr, p + ".equipment[" + std::to_string(i) + "].name", "\"" + use.name + "\"",
            "not in the atelier's equipment rates");
    equipment += c(use.hours) * m(rate->hourly_rate);
  }
  L[static_cast<std::size_t>(CostLine::equipment)] = equipment;
  // Travel: the vehicle, and the paid time of crew and supervisors on the road, charged at
  // the cost of the productive hour it displaces.
  const T trips = c(job.travel.trips);
  const T vehicle = trips * c(job.travel.km_per_trip) * m(at.vehicle_cost_per_km);
  f.travel_hours = trips * c(job.travel.hours_per_trip) * (crew + sup);
  L[static_cast<std::size_t>(CostLine::travel)] =
      vehicle + trips * c(job.travel.hours_per_trip) * (crew * integration_rate + sup * supervision_rate);
  L[static_cast<std::size_t>(CostLine::overheads)] = f.integration_hours * ar.overhead_rate();
  f.full_cost = T(0);
  for (const auto& x : L) f.full_cost += x;

  f.production_cost = f.standard_hours * m(at.ordinary_hourly_cost) + materials + equipment + vehicle;
  f.insertion_extra_cost = f.full_cost - f.production_cost;

  const T per_hour = f.integration_hours / ar.integration_production_hours;
  f.subsidies = {ar.aid_annual * per_hour, ar.departement_annual * per_hour, ar.other_grants_annual * per_hour};
  f.subsidies_total = f.subsidies[0] + f.subsidies[1] + f.subsidies[2];
  f.net_cost = f.full_cost - f.subsidies_total;

  f.debourse_sec = f.line(CostLine::integration_labour) + f.line(CostLine::training) + f.line(CostLine::supervision) +
                   materials + equipment;
  f.market_price = f.standard_hours * m(at.market_hourly_price) + materials;
  f.market_floor = f.standard_hours * m(at.market_floor_hourly_price) + materials;
  switch (pricing.policy) {
    case PricePolicy::cost_plus: f.price_ht = f.full_cost * (1 + c(pricing.margin)); break;
    case PricePolicy::ds_coefficient:
      f.coefficient_k = c(pricing.coefficient_k());
      f.price_ht = f.debourse_sec * f.coefficient_k;
      break;
    case PricePolicy::market: f.price_ht = f.market_price; break;
  }
  f.vat_rate = job.vat_rate ? c(*job.vat_rate) : c(rates.value(rates::Rate::vat_standard));

  f.annual_charges = ar.annual_charges();
  f.sales_cap = f.annual_charges * c(at.sales_cap_share);
  f.annual_sales = m(at.annual_sales);
  f.rates_used = rates.used();
  return f;
}

}  // namespace aci::quote
