// aci::quote::QuoteFigures and compute_figures: the quote engine, templated on the scalar.
// Every figure is unrounded; quote/quote.hpp turns them into shown money.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/model/aci.hpp"
#include "aci_cost/model/job.hpp"
#include "aci_cost/quote/atelier_rates.hpp"
#include "aci_cost/quote/pricing.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "aci_cost/detail/strict_fp.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::quote {

/// The cost lines of a quote, in display order; they add up to the full cost.
enum class CostLine { integration_labour, training, supervision, accompaniment, materials, equipment, travel, overheads };
inline constexpr std::size_t cost_line_count = 8;
/// Stable keys of the cost lines (JSON, DataFrames).
inline constexpr std::array<std::string_view, cost_line_count> cost_line_keys = {
    "integration_labour", "training", "supervision", "accompaniment", "materials", "equipment", "travel", "overheads"};

/// The subsidies attributable to a job: one line per financer (quote/atelier_rates.hpp).
inline constexpr std::size_t subsidy_count = financer_count;
/// Stable keys of the subsidy lines.
inline constexpr const auto& subsidy_keys = financer_keys;

/// The bottom-up insertion extra cost, in display order.
enum class ExtraLine { productivity_gap, extra_supervision, training, accompaniment };
inline constexpr std::size_t extra_line_count = 4;
/// Stable keys of the bottom-up extra-cost lines.
inline constexpr std::array<std::string_view, extra_line_count> extra_line_keys = {
    "productivity_gap", "extra_supervision", "training", "accompaniment"};

/// Unrounded figures of one quote (scalar T: double or Decimal).
template <class T>
struct QuoteFigures {
  T standard_hours{};          ///< work content, standard hours
  T productivity{};            ///< relative productivity used (per production hour), share
  T integration_hours{};       ///< on-site hours of integration employees on the job, h (H)
  T crew_travel_hours{};       ///< paid travel time of the crew, h (Tc)
  T work_hours{};              ///< integration work hours: on site + travel, h (W = H + Tc): the insertion hours
  T paid_integration_hours{};  ///< their paid hours attributable to the job (incl. leave, training…)
  T training_hours{};          ///< training obligation attributable to the job, h
  T supervision_hours{};       ///< ETPS hours on site, h
  T supervisor_travel_hours{}; ///< ETPS travel time, h (Ts)
  T elapsed_hours{};           ///< duration on site, h (integration hours / crew)
  T travel_hours{};            ///< paid travel time of crew and supervisors, h (Tc + Ts)
  std::array<T, cost_line_count> lines{};    ///< cost lines, € (see CostLine)
  T full_cost{};               ///< sum of lines, €
  T production_cost{};         ///< what an ordinary firm spends on the same standard hours, €
  T insertion_extra_cost{};    ///< full cost - production cost, € (top-down)
  std::array<T, extra_line_count> extra_lines{};  ///< bottom-up insertion extra cost, € (see ExtraLine)
  T extra_bottom_up{};         ///< sum of extra_lines, €
  T marginal_cost{};           ///< what the job adds to the year, €
  std::array<T, subsidy_count> subsidies{};  ///< subsidy lines by financer, €
  T subsidies_total{};         ///< €
  T net_cost{};                ///< full cost - subsidies, €
  T debourse_sec{};            ///< labour, training, supervision, materials, equipment, €
  T coefficient_k{};           ///< K used (ds_coefficient), else 0
  T price_ht{};                ///< price excl. VAT under the policy, €
  T vat_rate{};                ///< share (0 when exempt)
  bool vat_exempt = false;     ///< the ACI invoices no VAT (non-profit under the franchise)
  T franchise_threshold{};     ///< €/year, when exempt: commercial receipts exempt below it
  T market_price{};            ///< standard hours x market price + materials, €
  T market_floor{};            ///< standard hours x low market price + materials, €
  T annual_charges{};          ///< atelier charges of the year, € (sales-cap base)
  T sales_cap{};               ///< cap share x charges, €
  T annual_sales{};            ///< atelier sales of the year before this job, €
  T supervision_needed{};      ///< ETPS h/year the job's ratio needs over the atelier's year (supervisors / crew x HQ)
  T supervision_available{};   ///< ETPS working h/year of the atelier (HS)
  std::vector<std::string> short_hours_groups;  ///< integration groups under 20 h/week without derogation
  std::vector<rates::RateEntry> rates_used;  ///< every dated figure the engine read

  /// A cost line by kind.
  const T& line(CostLine k) const { return lines[static_cast<std::size_t>(k)]; }
};

/// The VAT rate of a kind of work.
inline rates::Rate vat_rate_of(model::VatKind k) {
  switch (k) {
    case model::VatKind::standard: return rates::Rate::vat_standard;
    case model::VatKind::housing_renovation:
    case model::VatKind::home_services: return rates::Rate::vat_intermediate;
    case model::VatKind::food:
    case model::VatKind::energy_renovation: return rates::Rate::vat_reduced;
  }
  return rates::Rate::vat_standard;
}

/// Prices `job` for `aci` with the figures of `table` in force at the job's date.
/// `training_rate`, when given, replaces the atelier's average training obligation
/// (€ per integration work hour), e.g. by its true cost in the job's week (link/training_quote.hpp).
template <class T>
QuoteFigures<T> compute_figures(const model::Aci& aci, const model::Job& job, const rates::RateTable& table,
                                const PricingOptions& pricing, const std::optional<Decimal>& training_rate = std::nullopt) {
  aci.validate();
  job.validate();
  pricing.validate();
  const std::string p = "job[" + job.name + "]";
  const model::Atelier& at = aci.atelier(job.atelier, p + ".atelier");
  rates::RateLookup rates(table, job.date);
  const AtelierRates<T> ar = atelier_rates<T>(at, aci.large_employer, rates, "atelier[" + at.name + "]");
  ACI_COST_REQUIRE(ar.integration_production_hours > 0, p + ".atelier", at.name, "has no integration production hours");
  if (job.supervisors > 0) {
    ACI_COST_REQUIRE(ar.supervisor_production_hours > 0, p + ".supervisors", to_string(job.supervisors),
            "the atelier has no supervisor (ETPS) staff group to charge");
  }

  QuoteFigures<T> f;
  const auto c = [](const Decimal& x) { return scalar_cast<T>(x); };
  const auto m = [](const Money& x) { return scalar_cast<T>(x.amount()); };
  f.standard_hours = c(job.total_standard_hours());
  f.productivity = c(job.productivity.value_or(at.default_productivity));
  // Work content in standard hours becomes integration hours through relative productivity.
  f.integration_hours = f.standard_hours / f.productivity;
  const T crew = c(job.crew_size), sup = c(job.supervisors);
  f.elapsed_hours = f.integration_hours / crew;
  f.supervision_hours = f.elapsed_hours * sup;
  // Travel is paid work time of the crew: it counts in the job's work hours, its share of the
  // atelier's year and the base of the training, accompaniment and overhead lines.
  const T trips = c(job.travel.trips), hours_per_trip = c(job.travel.hours_per_trip);
  f.crew_travel_hours = trips * hours_per_trip * crew;
  f.supervisor_travel_hours = trips * hours_per_trip * sup;
  f.travel_hours = f.crew_travel_hours + f.supervisor_travel_hours;
  f.work_hours = f.integration_hours + f.crew_travel_hours;
  const T W = f.work_hours;
  f.paid_integration_hours = W * ar.integration_paid_hours / ar.integration_production_hours;
  f.training_hours = W * ar.integration_training_hours / ar.integration_production_hours;

  if (training_rate) {
    ACI_COST_REQUIRE(*training_rate >= 0, p + ".training_rate", to_string(*training_rate), "must be >= 0");
  }
  const T labour = ar.labour_rate();
  const T training = training_rate ? c(*training_rate) : ar.training_rate();
  const T supervision_rate = job.supervisors > 0 ? ar.supervision_rate() : T(0);
  auto& L = f.lines;
  const auto line = [&L](CostLine k) -> T& { return L[static_cast<std::size_t>(k)]; };
  line(CostLine::integration_labour) = f.integration_hours * labour;
  line(CostLine::training) = W * training;
  line(CostLine::supervision) = f.supervision_hours * supervision_rate;
  line(CostLine::accompaniment) = W * ar.accompaniment_rate();
  T materials{0};
  for (const auto& x : job.materials) materials += m(x.amount);
  line(CostLine::materials) = materials;
  T equipment{0};
  for (std::size_t i = 0; i < job.equipment.size(); ++i) {
    const auto& use = job.equipment[i];
    const model::EquipmentRate* rate = nullptr;
    for (const auto& e : at.equipment)
      if (e.name == use.name) rate = &e;
    ACI_COST_REQUIRE(rate != nullptr, p + ".equipment[" + std::to_string(i) + "].name", "\"" + use.name + "\"",
            "not in the atelier's equipment rates");
    equipment += c(use.hours) * m(rate->hourly_rate);
  }
  line(CostLine::equipment) = equipment;
  // Travel: the vehicle, and the road time of crew (labour) and supervisors (supervision rate);
  // the crew's training, accompaniment and overheads on those hours are in their own lines.
  const T vehicle = trips * c(job.travel.km_per_trip) * m(at.vehicle_cost_per_km);
  const T travel_labour = f.crew_travel_hours * labour + f.supervisor_travel_hours * supervision_rate;
  line(CostLine::travel) = vehicle + travel_labour;
  line(CostLine::overheads) = W * ar.overhead_rate();
  f.full_cost = T(0);
  for (const auto& x : L) f.full_cost += x;

  f.production_cost = f.standard_hours * m(at.ordinary_hourly_cost) + materials + equipment + vehicle;
  f.insertion_extra_cost = f.full_cost - f.production_cost;
  // Bottom-up: what integration adds over an ordinary firm on the same standard hours.
  auto& X = f.extra_lines;
  const auto extra = [&X](ExtraLine k) -> T& { return X[static_cast<std::size_t>(k)]; };
  extra(ExtraLine::productivity_gap) = (f.integration_hours - f.standard_hours) * labour;
  const T extra_sup_hours = f.supervision_hours - f.standard_hours * c(at.ordinary_supervision_ratio);
  extra(ExtraLine::extra_supervision) = extra_sup_hours > 0 ? T(extra_sup_hours * supervision_rate) : T(0);
  extra(ExtraLine::training) = line(CostLine::training);
  extra(ExtraLine::accompaniment) = line(CostLine::accompaniment);
  f.extra_bottom_up = T(0);
  for (const auto& x : X) f.extra_bottom_up += x;
  // Marginal: accompaniment and overheads are fixed for the year; labour only if hours are added.
  f.marginal_cost = materials + equipment + vehicle;
  if (job.adds_paid_hours) {
    f.marginal_cost += line(CostLine::integration_labour) + line(CostLine::training) + line(CostLine::supervision) +
                       travel_labour;
  }

  const T share = W / ar.integration_production_hours;
  f.subsidies_total = T(0);
  for (std::size_t i = 0; i < subsidy_count; ++i) {
    f.subsidies[i] = ar.funding[i] * share;
    f.subsidies_total += f.subsidies[i];
  }
  f.net_cost = f.full_cost - f.subsidies_total;

  f.debourse_sec = line(CostLine::integration_labour) + line(CostLine::training) + line(CostLine::supervision) +
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
  if (aci.tax_status == model::TaxStatus::non_profit_exempt) {
    ACI_COST_REQUIRE(!job.vat_rate, p + ".vat_rate", job.vat_rate ? to_string(*job.vat_rate) : std::string("null"),
            "the ACI is a non-profit exempt of VAT (aci.tax_status): a job cannot carry a VAT rate");
    f.vat_exempt = true;
    f.vat_rate = T(0);
    f.franchise_threshold = c(rates.value(rates::Rate::association_franchise_threshold));
  } else {
    f.vat_rate = job.vat_rate ? c(*job.vat_rate) : c(rates.value(vat_rate_of(job.vat_kind)));
  }

  f.annual_charges = ar.annual_charges();
  f.sales_cap = f.annual_charges * c(at.sales_cap_share);
  f.annual_sales = m(at.annual_sales);
  f.supervision_needed = sup / crew * ar.integration_production_hours;
  f.supervision_available = ar.supervisor_production_hours;
  for (const auto& g : at.staff) {
    if (g.role == people::Role::integration && g.headcount > 0 && !g.hours_derogation &&
        g.weekly_hours < people::cddi_minimum_weekly_hours) {
      f.short_hours_groups.push_back(g.name);
    }
  }
  f.rates_used = rates.used();
  return f;
}

}  // namespace aci::quote

ACI_COST_STRICT_FP_END
