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
#include "aci_cost/quote/structure.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "aci_cost/detail/divisor.hpp"
#include "aci_cost/detail/lanes.hpp"
#include "aci_cost/detail/strict_fp.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::quote {

/// The cost lines of a quote, in display order; they add up to the full cost.
enum class CostLine {
  integration_labour,
  training,
  supervision,
  accompaniment,
  materials,
  equipment,
  travel,
  overheads
};
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

/// The numeric figures of one quote, unrounded (T: double, Decimal, or lanes of doubles).
template <class T>
struct QuoteCore {
  T standard_hours{};           ///< work content, standard hours
  T productivity{};             ///< relative productivity used (per production hour), share
  T integration_hours{};        ///< on-site hours of integration employees on the job, h (H)
  T crew_travel_hours{};        ///< paid travel time of the crew, h (Tc)
  T work_hours{};               ///< integration work hours: on site + travel, h (W = H + Tc): the insertion hours
  T paid_integration_hours{};   ///< their paid hours attributable to the job (incl. leave, training…)
  T training_hours{};           ///< training obligation attributable to the job, h
  T supervision_hours{};        ///< ETPS hours on site, h
  T supervisor_travel_hours{};  ///< ETPS travel time, h (Ts)
  T elapsed_hours{};            ///< duration on site, h (integration hours / crew)
  T travel_hours{};             ///< paid travel time of crew and supervisors, h (Tc + Ts)
  std::array<T, cost_line_count> lines{};         ///< cost lines, € (see CostLine)
  T full_cost{};                                  ///< sum of lines, €
  T production_cost{};                            ///< what an ordinary firm spends on the same standard hours, €
  T insertion_extra_cost{};                       ///< full cost - production cost, € (top-down)
  std::array<T, extra_line_count> extra_lines{};  ///< bottom-up insertion extra cost, € (see ExtraLine)
  T extra_bottom_up{};                            ///< sum of extra_lines, €
  T marginal_cost{};                              ///< what the job adds to the year, €
  std::array<T, subsidy_count> subsidies{};       ///< subsidy lines by financer, €
  T subsidies_total{};                            ///< €
  T net_cost{};                                   ///< full cost - subsidies, €
  T debourse_sec{};                               ///< labour, training, supervision, materials, equipment, €
  T coefficient_k{};                              ///< K used (ds_coefficient), else 0
  T price_ht{};                                   ///< price excl. VAT under the policy, €
  T vat_rate{};                                   ///< share (0 when exempt)
  T franchise_threshold{};                        ///< €/year, when exempt: commercial receipts exempt below it
  T market_price{};                               ///< standard hours x market price + materials, €
  T market_floor{};                               ///< standard hours x low market price + materials, €
  T overcompensation_ceiling{};  ///< full cost x (1 + reasonable profit) - subsidies - output revenue, €:
                                 ///< a price above it over-compensates (Decision 2012/21/EU, art. 5)
  T annual_charges{};            ///< atelier charges of the year, € (sales-cap base)
  T sales_cap_share{};           ///< the D5132-34 share the cap is of the charges
  T sales_cap{};                 ///< cap share x charges, €
  T annual_sales{};              ///< atelier sales of the year before this job, €
  T supervision_needed{};     ///< ETPS h/year the job's ratio needs over the atelier's year (supervisors / crew x HQ)
  T supervision_available{};  ///< ETPS working h/year of the atelier (HS)
  T output_units{};           ///< units produced (model::Output; the standard hours by default)
  T sold_units{};             ///< units sold: produced x (1 - loss share)
  T output_revenue{};         ///< revenue tied to output besides the sale (support per unit x units recovered), €
  T full_cost_per_unit{};     ///< full cost / units sold, €
  T net_cost_per_unit{};      ///< net cost / units sold, €
  T price_per_unit{};         ///< price excl. VAT / units sold, €
  T price_ttc{};              ///< price excl. VAT x (1 + VAT rate), € (unrounded)
  T price_minus_net_cost{};   ///< price excl. VAT - net cost, €
  // Indicators, 1 or 0 (a sweep's mean of one is a probability); on unrounded figures, so that a
  // price within a cent of a bound may read otherwise than the shown quote's warning.
  T below_market_floor{};  ///< price < market floor
  T below_net_cost{};      ///< price < net cost
  T overcompensated{};     ///< price > over-compensation ceiling
  T above_sales_cap{};     ///< booked sales + price >= the D5132-34 cap

  /// A cost line by kind.
  const T& line(CostLine k) const { return lines[static_cast<std::size_t>(k)]; }
};

/// Unrounded figures of one quote (scalar T: double or Decimal): the numbers, and what a shown
/// quote needs besides them.
template <class T>
struct QuoteFigures : QuoteCore<T> {
  bool vat_exempt = false;                          ///< the ACI invoices no VAT (non-profit under the franchise)
  std::vector<std::string> short_hours_groups;      ///< integration groups under 20 h/week without derogation
  std::vector<std::string> below_minimum_groups;    ///< groups paid below their CCN class's minimum, accepted
  std::vector<rates::RateEntry> unconfirmed_rates;  ///< `check` figures in force but passed over for confirmed ones
  PricingOptions pricing;  ///< the options applied: the job's, else its atelier's, else the scenario's
  std::vector<rates::RateEntry> rates_used;  ///< every dated figure the engine read
  std::optional<Date> rates_known_until;     ///< the rate table's horizon (RateTable::known_until)
};

/// A job reduced to scalars: everything its quote is computed from besides the atelier's
/// totals, with no text, rate table or Decimal left.
template <class T>
struct JobInputs {
  T standard_hours{};                           ///< total standard hours (drivers included)
  T productivity{};                             ///< relative productivity (the job's, else the atelier's default)
  T crew{};                                     ///< integration employees on site
  T supervisors{};                              ///< ETPS on site
  T trips{};                                    ///< round trips to the site
  T hours_per_trip{};                           ///< paid travel time per trip and person, h
  T km_per_trip{};                              ///< km per trip
  T materials{};                                ///< €, resold at cost
  T equipment{};                                ///< €: Σ hours x the atelier's rate
  bool adds_paid_hours = false;                 ///< the job adds paid hours to the year (marginal cost)
  bool has_training_rate = false;               ///< training_rate replaces the atelier's average
  T training_rate{};                            ///< € per integration work hour, when given
  T vehicle_cost_per_km{};                      ///< €/km (the atelier's)
  T ordinary_hourly_cost{};                     ///< €/h of an ordinary firm (the atelier's)
  T market_hourly_price{};                      ///< €/h (the atelier's)
  T market_floor_hourly_price{};                ///< €/h (the atelier's)
  T ordinary_supervision_ratio{};               ///< supervisor h per standard hour in an ordinary firm
  T sales_cap_share{};                          ///< D5132-34 share
  T annual_sales{};                             ///< €, the atelier's sales of the year before the job
  PricePolicy policy = PricePolicy::cost_plus;  ///< the pricing policy
  T margin{};                                   ///< cost_plus margin
  T reasonable_profit{};        ///< share of the full cost above which price + subsidies over-compensate
  T coefficient_k{};            ///< ds_coefficient K (rounded as the policy says)
  bool vat_exempt = false;      ///< non-profit exempt
  T vat_rate{};                 ///< share (0 when exempt)
  T franchise_threshold{};      ///< €/year (exempt only)
  bool units_are_hours = true;  ///< the output is the standard hours (no quantity given)
  T output_units{};             ///< units produced (when not the standard hours)
  T loss_share{};               ///< goods: share not sold
  bool unit_market = false;     ///< the market price is per unit of output (model::Output)
  T market_unit_price{};        ///< €/unit sold
  T market_floor_unit_price{};  ///< €/unit sold
  T support_per_unit{};         ///< € per unit recovered
  T recovered_share{};          ///< share of the units produced that earns support_per_unit (re-used, recycled)
};

/// The figures of a job from its scalars, the atelier's scalars and its annual totals:
/// arithmetic only — no text, no allocation, no branch that differs between the scenarios of a
/// batch (conditions on values are selects) — so T = lanes of doubles runs it too.
template <class T>
void quote_core(const JobInputs<T>& job, const AtelierRates<T>& ar, QuoteCore<T>& f) {
  using aci::detail::select;
  f.standard_hours = job.standard_hours;
  f.productivity = job.productivity;
  // Work content in standard hours becomes integration hours through relative productivity.
  f.integration_hours = aci::detail::quotient(f.standard_hours, f.productivity);
  const T& crew = job.crew;
  const T& sup = job.supervisors;
  // Every quotient through detail/divisor.hpp: x / y on doubles; on Decimal the exact long
  // division when y is a short decimal, else one reciprocal for the numerators of a denominator.
  const aci::detail::Divisor<T> per_crew(crew);
  const aci::detail::Divisor<T> per_atelier_hour(ar.integration_production_hours);
  f.elapsed_hours = per_crew.divide(f.integration_hours);
  f.supervision_hours = f.elapsed_hours * sup;
  // Travel is paid work time of the crew: it counts in the job's work hours, its share of the
  // atelier's year and the base of the training, accompaniment and overhead lines.
  f.crew_travel_hours = job.trips * job.hours_per_trip * crew;
  f.supervisor_travel_hours = job.trips * job.hours_per_trip * sup;
  f.travel_hours = f.crew_travel_hours + f.supervisor_travel_hours;
  f.work_hours = f.integration_hours + f.crew_travel_hours;
  const T W = f.work_hours;
  // The job's share of the atelier's integration work hours: it carries every per-hour figure
  // of the year (paid and training hours, training, accompaniment and overhead costs, subsidies).
  const T share = per_atelier_hour.divide(W);
  f.paid_integration_hours = share * ar.integration_paid_hours;
  f.training_hours = share * ar.integration_training_hours;

  const T labour = per_atelier_hour.divide(ar.labour_cost());  // ar.labour_rate()
  // No supervisor on the job: no supervision rate (an atelier without ETPS has none to divide).
  T supervision_rate;
  if constexpr (is_scalar_v<T>) {
    supervision_rate = sup > T(0) ? ar.supervision_rate() : T(0);
  } else {
    supervision_rate = select(sup > T(0), ar.supervision_rate(), T(0));
  }
  auto& L = f.lines;
  const auto line = [&L](CostLine k) -> T& { return L[static_cast<std::size_t>(k)]; };
  line(CostLine::integration_labour) = f.integration_hours * labour;
  line(CostLine::training) = job.has_training_rate ? T(W * job.training_rate) : T(share * ar.integration_training_cost);
  line(CostLine::supervision) = f.supervision_hours * supervision_rate;
  line(CostLine::accompaniment) = share * ar.socio_professional_cost;
  line(CostLine::materials) = job.materials;
  line(CostLine::equipment) = job.equipment;
  // Travel: the vehicle, and the road time of crew (labour) and supervisors (supervision rate);
  // the crew's training, accompaniment and overheads on those hours are in their own lines.
  const T vehicle = job.trips * job.km_per_trip * job.vehicle_cost_per_km;
  const T travel_labour = f.crew_travel_hours * labour + f.supervisor_travel_hours * supervision_rate;
  line(CostLine::travel) = vehicle + travel_labour;
  line(CostLine::overheads) = share * (ar.support_cost + ar.overheads + ar.structure_charges);
  f.full_cost = T(0);
  for (const auto& x : L) f.full_cost += x;

  f.production_cost = f.standard_hours * job.ordinary_hourly_cost + job.materials + job.equipment + vehicle;
  f.insertion_extra_cost = f.full_cost - f.production_cost;
  // Bottom-up: what integration adds over an ordinary firm on the same standard hours.
  auto& X = f.extra_lines;
  const auto extra = [&X](ExtraLine k) -> T& { return X[static_cast<std::size_t>(k)]; };
  extra(ExtraLine::productivity_gap) = (f.integration_hours - f.standard_hours) * labour;
  const T extra_sup_hours = f.supervision_hours - f.standard_hours * job.ordinary_supervision_ratio;
  extra(ExtraLine::extra_supervision) = select(extra_sup_hours > T(0), T(extra_sup_hours * supervision_rate), T(0));
  extra(ExtraLine::training) = line(CostLine::training);
  extra(ExtraLine::accompaniment) = line(CostLine::accompaniment);
  f.extra_bottom_up = T(0);
  for (const auto& x : X) f.extra_bottom_up += x;
  // Marginal: accompaniment and overheads are fixed for the year; labour only if hours are added.
  f.marginal_cost = job.materials + job.equipment + vehicle;
  if (job.adds_paid_hours) {
    f.marginal_cost +=
        line(CostLine::integration_labour) + line(CostLine::training) + line(CostLine::supervision) + travel_labour;
  }

  f.subsidies_total = T(0);
  for (std::size_t i = 0; i < subsidy_count; ++i) {
    f.subsidies[i] = ar.funding[i] * share;
    f.subsidies_total += f.subsidies[i];
  }
  // Output: units produced (the standard hours unless given), sold after the goods' losses;
  // revenue tied to output (an eco-organisation's support per tonne) lowers the net cost.
  f.output_units = job.units_are_hours ? f.standard_hours : job.output_units;
  f.sold_units = f.output_units * (T(1) - job.loss_share);
  // Eco-organisations pay on tonnes re-used or recycled, not on tonnes collected.
  f.output_revenue = f.output_units * job.recovered_share * job.support_per_unit;
  f.net_cost = f.full_cost - f.subsidies_total - f.output_revenue;
  // Above this price, price + subsidies + output revenue exceed the full cost plus a reasonable
  // profit: public money would be paid twice for the same work (over-compensation).
  f.overcompensation_ceiling = f.full_cost * (T(1) + job.reasonable_profit) - f.subsidies_total - f.output_revenue;

  f.debourse_sec = line(CostLine::integration_labour) + line(CostLine::training) + line(CostLine::supervision) +
                   job.materials + job.equipment;
  if (job.unit_market) {  // goods and unit-priced services: the market's price of what is sold
    f.market_price = f.sold_units * job.market_unit_price;
    f.market_floor = f.sold_units * job.market_floor_unit_price;
  } else {
    f.market_price = f.standard_hours * job.market_hourly_price + job.materials;
    f.market_floor = f.standard_hours * job.market_floor_hourly_price + job.materials;
  }
  switch (job.policy) {
    case PricePolicy::cost_plus:
      f.price_ht = f.full_cost * (T(1) + job.margin);
      break;
    case PricePolicy::ds_coefficient:
      f.coefficient_k = job.coefficient_k;
      f.price_ht = f.debourse_sec * f.coefficient_k;
      break;
    case PricePolicy::market:
      f.price_ht = f.market_price;
      break;
    case PricePolicy::fair_zone: {
      // The market price, floored at the net cost, capped at the over-compensation ceiling
      // (which is never below the net cost: it exceeds it by reasonable profit x full cost).
      const T floored = select(f.market_price > f.net_cost, f.market_price, f.net_cost);
      const T capped = select(floored > f.overcompensation_ceiling, f.overcompensation_ceiling, floored);
      f.price_ht = select(capped < T(0), T(0), capped);  // never negative (quote.hpp: fair_zone_price)
      break;
    }
  }
  f.vat_rate = job.vat_rate;
  f.franchise_threshold = job.franchise_threshold;
  f.annual_charges = ar.annual_charges();
  f.sales_cap_share = job.sales_cap_share;
  f.sales_cap = f.annual_charges * job.sales_cap_share;
  f.annual_sales = job.annual_sales;
  f.supervision_needed = per_crew.divide(sup) * ar.integration_production_hours;
  f.supervision_available = ar.supervisor_production_hours;
  const T per_unit = aci::detail::quotient(T(1), f.sold_units);  // one division for the three
  f.full_cost_per_unit = f.full_cost * per_unit;
  f.net_cost_per_unit = f.net_cost * per_unit;
  f.price_per_unit = f.price_ht * per_unit;
  f.price_ttc = f.price_ht * (T(1) + f.vat_rate);
  f.price_minus_net_cost = f.price_ht - f.net_cost;
  f.below_market_floor = select(f.price_ht < f.market_floor, T(1), T(0));
  f.below_net_cost = select(f.price_ht < f.net_cost, T(1), T(0));
  f.overcompensated = select(f.price_ht > f.overcompensation_ceiling, T(1), T(0));
  f.above_sales_cap = select(f.annual_sales + f.price_ht >= f.sales_cap, T(1), T(0));
}

/// quote_core into a new QuoteCore.
template <class T>
QuoteCore<T> quote_core(const JobInputs<T>& job, const AtelierRates<T>& ar) {
  QuoteCore<T> f;
  quote_core(job, ar, f);
  return f;
}

/// The VAT rate of a kind of work.
inline rates::Rate vat_rate_of(model::VatKind k) {
  switch (k) {
    case model::VatKind::standard:
      return rates::Rate::vat_standard;
    case model::VatKind::housing_renovation:
    case model::VatKind::home_services:
      return rates::Rate::vat_intermediate;
    case model::VatKind::food:
    case model::VatKind::energy_renovation:
    case model::VatKind::household_waste_sorting:
      return rates::Rate::vat_reduced;
    case model::VatKind::household_waste_other:
      return rates::Rate::vat_intermediate;
  }
  return rates::Rate::vat_standard;
}

/// The scalars of `job` in atelier `at` of `aci` with `pricing` (rates looked up in `rates`);
/// InvalidInput names the field of an equipment use the atelier has no rate for, or of a
/// training rate or VAT rate that cannot apply.
template <class T>
JobInputs<T> job_inputs(const model::Aci& aci, const model::Atelier& at, const model::Job& job,
                        const PricingOptions& pricing, rates::RateLookup& rates,
                        const std::optional<Decimal>& training_rate) {
  const auto p = [&job] { return "job[" + job.name + "]"; };
  const auto c = [](const Decimal& x) { return scalar_cast<T>(x); };
  const auto m = [](const Money& x) { return scalar_cast<T>(x.amount()); };
  JobInputs<T> in;
  const Decimal standard = job.total_standard_hours() + model::equation_hours(at.time_equations, job.work, p());
  ACI_COST_REQUIRE(standard > 0, p() + ".standard_hours", to_string(standard),
                   "the work content (standard hours + drivers + time equations) must be > 0");
  in.standard_hours = c(standard);
  in.productivity = c(job.productivity.value_or(at.default_productivity));
  in.crew = c(job.crew_size);
  in.supervisors = c(job.supervisors);
  in.trips = c(job.travel.trips);
  in.hours_per_trip = c(job.travel.hours_per_trip);
  in.km_per_trip = c(job.travel.km_per_trip);
  for (const auto& x : job.materials) in.materials += m(x.amount);
  for (std::size_t i = 0; i < job.equipment.size(); ++i) {
    const auto& use = job.equipment[i];
    const model::EquipmentRate* rate = nullptr;
    for (const auto& e : at.equipment)
      if (e.name == use.name) rate = &e;
    ACI_COST_REQUIRE(rate != nullptr, p() + ".equipment[" + std::to_string(i) + "].name", "\"" + use.name + "\"",
                     "not in the atelier's equipment rates");
    in.equipment += c(use.hours) * m(rate->hourly_rate);
  }
  in.adds_paid_hours = job.adds_paid_hours;
  const model::Output& out = job.output;
  in.units_are_hours = out.in_standard_hours();
  in.output_units = c(out.quantity);
  in.loss_share = c(out.loss_share);
  in.unit_market = out.market_unit_price.has_value();
  if (out.market_unit_price) {
    in.market_unit_price = m(*out.market_unit_price);
    in.market_floor_unit_price = m(out.market_floor_unit_price.value_or(*out.market_unit_price));
  }
  in.support_per_unit = m(out.support_per_unit);
  in.recovered_share = c(out.recovered_share);
  if (training_rate) {
    ACI_COST_REQUIRE(*training_rate >= 0, p() + ".training_rate", to_string(*training_rate), "must be >= 0");
    in.has_training_rate = true;
    in.training_rate = c(*training_rate);
  }
  in.vehicle_cost_per_km = m(at.vehicle_cost_per_km);
  in.ordinary_hourly_cost = m(at.ordinary_hourly_cost);
  in.market_hourly_price = m(at.market_hourly_price);
  in.market_floor_hourly_price = m(at.market_floor_hourly_price);
  in.ordinary_supervision_ratio = c(at.ordinary_supervision_ratio);
  in.sales_cap_share = c(at.sales_cap_share);
  in.annual_sales = m(at.annual_sales);
  in.policy = pricing.policy;
  in.margin = c(pricing.margin);
  in.reasonable_profit = c(pricing.reasonable_profit);
  if (pricing.policy == PricePolicy::ds_coefficient) in.coefficient_k = c(pricing.coefficient_k());
  if (aci.tax_status != model::TaxStatus::vat_liable) {
    ACI_COST_REQUIRE(!job.vat_rate, p() + ".vat_rate", job.vat_rate ? to_string(*job.vat_rate) : std::string("null"),
                     "the ACI is outside VAT (aci.tax_status): a job cannot carry a VAT rate");
    in.vat_exempt = true;
    // Only the franchise of accessory lucrative receipts has a ceiling (non_lucrative has none).
    if (aci.tax_status == model::TaxStatus::non_profit_exempt)
      in.franchise_threshold = c(rates.value(rates::Rate::association_franchise_threshold));
  } else {
    in.vat_rate = job.vat_rate ? c(*job.vat_rate) : c(rates.value(vat_rate_of(job.vat_kind)));
  }
  return in;
}

/// The pricing options that apply to `job` of atelier `at`: the job's, else its atelier's, else
/// `given` (the scenario's).
inline const PricingOptions& effective_pricing(const model::Atelier& at, const model::Job& job,
                                               const PricingOptions& given) {
  return job.pricing ? *job.pricing : at.pricing ? *at.pricing : given;
}

/// What atelier `at` of `aci` receives of its shared charges at the job's date (the structure and
/// the statutory auditor), €/year: they are loaded per work hour with its overheads.
inline Money shared_share(const model::Aci& aci, const model::Atelier& at, const rates::RateTable& table,
                          const Date& date, Rounding mode) {
  const auto shared = shared_charges(aci, table, date, mode);
  const std::size_t i = atelier_index(aci, at);
  return shared.structure[i] + shared.statutory_audit[i];
}

/// Prices `job` for `aci` with the figures of `table` in force at the job's date.
/// `training_rate`, when given, replaces the atelier's average training obligation
/// (€ per integration work hour), e.g. by its true cost in the job's week (link/training_quote.hpp).
template <class T>
QuoteFigures<T> compute_figures(const model::Aci& aci, const model::Job& job, const rates::RateTable& table,
                                const PricingOptions& pricing_given,
                                const std::optional<Decimal>& training_rate = std::nullopt) {
  aci.validate();
  job.validate();
  pricing_given.validate();
  const model::Atelier& at = aci.atelier(job.atelier, [&] { return "job[" + job.name + "].atelier"; });
  const PricingOptions& pricing = effective_pricing(at, job, pricing_given);
  const Money structure = shared_share(aci, at, table, job.date, pricing.rounding);
  rates::RateLookup rates(table, job.date);
  const AtelierRates<T> ar = atelier_rates<T>(
      at, aci.large_employer, rates, [&] { return "atelier[" + at.name + "]"; }, structure);
  ACI_COST_REQUIRE(ar.integration_production_hours > 0, "job[" + job.name + "].atelier", at.name,
                   "has no integration production hours");
  if (job.supervisors > 0) {
    ACI_COST_REQUIRE(ar.supervisor_production_hours > 0, "job[" + job.name + "].supervisors",
                     to_string(job.supervisors), "the atelier has no supervisor (ETPS) staff group to charge");
  }
  const JobInputs<T> in = job_inputs<T>(aci, at, job, pricing, rates, training_rate);
  QuoteFigures<T> f;
  quote_core(in, ar, f);  // (in place: a QuoteFigures is a QuoteCore)
  f.vat_exempt = in.vat_exempt;
  f.pricing = pricing;
  for (const auto& g : at.staff) {
    if (g.role == people::Role::integration && g.headcount > 0 && !g.hours_derogation &&
        g.weekly_hours < people::cddi_minimum_weekly_hours) {
      f.short_hours_groups.push_back(g.name);
    }
  }
  for (const auto& g : at.staff) {
    if (const auto floor = people::pay_floor(g, rates); floor && floor->below) f.below_minimum_groups.push_back(g.name);
  }
  f.rates_used = rates.used();
  f.unconfirmed_rates = rates.unconfirmed();
  f.rates_known_until = table.known_until();
  return f;
}

}  // namespace aci::quote

ACI_COST_STRICT_FP_END
