// aci::quote::QuoteBatch: the quote model over many scenarios that vary some of its inputs
// (quote/inputs.hpp), in doubles. The model is reduced once (QuoteBase: its atelier and job as
// plain scalars, validated as a quote would be); each scenario then sets its inputs and runs
// the same arithmetic as the single path (the crew groups' costs when a crew input moves, atelier_totals,
// quote_core), instantiated with T = Lanes<W>: a group of scenarios at a time, one IEEE
// operation per lane, no text, no Decimal, no allocation, no virtual call in the loop. Scenario
// i of a batch is bit for bit quote_scenario(base, its values) (the single double path), on
// every instruction set, FP contraction being off for this code.
#pragma once

#include <array>
#include <cmath>
#include <stdexcept>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "aci_cost/detail/lanes.hpp"
#include "aci_cost/detail/strict_fp.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/quote/inputs.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::quote {

/// What every scenario of a batch shares: the reduced model, its staff totals, and what the
/// error messages name.
struct QuoteBase {
  QuoteInputs<double> inputs;            ///< the atelier and the job as scalars
  AtelierRates<double> staff;            ///< staff_totals(inputs.atelier)
  AtelierRates<double> fixed_staff;      ///< the same over the groups a crew input leaves alone
  std::vector<std::string> group_names;  ///< the staff groups' names (errors)

  /// The base of `job` in `aci`, validated as compute_figures validates a quote.
  static QuoteBase of(const model::Aci& aci, const model::Job& job, const rates::RateTable& table,
                      const PricingOptions& pricing) {
    (void)compute_figures<double>(aci, job, table, pricing);  // every check of a quote, once
    const model::Atelier& at = aci.atelier(job.atelier, "job.atelier");
    const PricingOptions& applied = effective_pricing(at, job, pricing);
    rates::RateLookup rates(table, job.date);
    QuoteBase b;
    b.inputs.atelier =
        atelier_inputs<double>(at, aci.large_employer, rates, shared_share(aci, at, table, job.date, applied.rounding));
    b.inputs.job = job_inputs<double>(aci, at, job, applied, rates, std::nullopt);
    b.staff = staff_totals(b.inputs.atelier);
    for (const auto& g : b.inputs.atelier.groups)
      if (g.role != people::Role::integration)
        add_staff(b.fixed_staff, g.role, paid_persons(g, b.inputs.atelier.occupancy), people::staff_cost(g.staff));
    for (const auto& g : at.staff) b.group_names.push_back(g.name);
    return b;
  }
};

/// Non-owning columns of a batch: input[k] is null (every scenario takes the base value) or
/// points to the values of scenarios [0, scenarios); first_scenario numbers them in errors.
struct QuoteColumns {
  std::size_t scenarios = 0;
  std::uint64_t first_scenario = 0;
  std::array<const double*, quote_input_count> input{};
};

/// Non-owning output columns, indexed by QuoteOutput; null = not wanted.
using QuoteOutputColumns = std::array<double*, quote_output_count>;

namespace detail {

/// What the swept inputs move of the staff costs: 0 none, 1 the crew, 2 every group.
inline int moves_staff(const QuoteColumns& in) {
  int level = 0;
  for (std::size_t k = 0; k < quote_input_count; ++k)
    if (in.input[k] != nullptr && quote_input_specs[k].staff > level) level = quote_input_specs[k].staff;
  return level;
}

/// is_finite for a scalar (lanes have their own, found by argument lookup).
inline bool is_finite(double x) { return std::isfinite(x); }

/// The checks a scenario must pass, and-ed into one (bool, or a lane mask): the swept inputs
/// in their domains, the market price above its floor, the RSA FTEs within the filled FTEs and
/// the aid, production hours to share, supervisor hours when a job has supervisors. (The crew
/// groups' own checks are and-ed in by crew_totals.)
template <class T>
auto scenario_ok(const QuoteInputs<T>& q, const AtelierRates<T>& r, const std::array<T, quote_input_count>& v,
                 const QuoteColumns& in) {
  auto ok = T(0) == T(0);
  for (std::size_t k = 0; k < quote_input_count; ++k)
    if (in.input[k] != nullptr) ok = ok & is_finite(v[k]) & quote_input_specs[k].contains(v[k]);
  ok = ok & (q.job.market_hourly_price >= q.job.market_floor_hourly_price);
  ok = ok & (r.integration_production_hours > T(0));
  ok = ok & ((q.job.supervisors <= T(0)) | (r.supervisor_production_hours > T(0)));
  if (q.atelier.aide_au_poste) {
    ok = ok & (q.atelier.rsa_fte * q.atelier.fte_paid_hours <= r.integration_paid_hours);
    ok = ok & (r.funding[static_cast<std::size_t>(Financer::aid_departement)] <= r.aid_total);
  }
  return ok;
}

/// The largest |amount| a figure of a batch may reach, €: Money's exact range (±92,233,720,
/// 368,547,758.07 €) rounded down, so that the exact path could hold every figure.
inline constexpr double money_limit = 9.2e16;

/// Whether output m is an amount (€, €/unit), bounded by money_limit.
inline bool is_amount(std::size_t m) { return quote_output_specs[m].unit.starts_with("\u20ac"); }

/// The check on the figures, and-ed into one (bool, or a lane mask): every output finite, every
/// amount within ±money_limit. Domains keep one input at any value of its domain within them
/// (tests/cpp/quote/test_domains.cpp); inputs extreme together may still pass them: the
/// scenario is then refused, naming the output, never a NaN, an inf or an amount Money cannot hold.
template <class T>
auto figures_ok(const QuoteCore<T>& f) {
  auto ok = T(0) == T(0);
  for (std::size_t m = 0; m < quote_output_count; ++m) {
    const T& y = output_of(f, static_cast<QuoteOutput>(m));
    ok = ok & is_finite(y);
    if (is_amount(m)) ok = ok & (y <= T(money_limit)) & (y >= T(-money_limit));
  }
  return ok;
}

/// Throws InvalidInput naming scenario i's first failed check (the cold path of a batch).
inline void throw_scenario(const QuoteBase& base, const QuoteColumns& in, std::size_t i) {
  const auto at = [&](std::size_t k) {
    return std::string(quote_input_specs[k].name) + "[" + std::to_string(in.first_scenario + i) + "]";
  };
  QuoteInputs<double> q = base.inputs;
  for (std::size_t k = 0; k < quote_input_count; ++k) {
    if (in.input[k] == nullptr) continue;
    const double v = in.input[k][i];
    const QuoteInputSpec& s = quote_input_specs[k];
    ACI_COST_REQUIRE(std::isfinite(v) && s.contains(v), at(k), v, s.domain_rule());
    set_input(q, base.inputs, static_cast<QuoteInput>(k), v);
  }
  const std::string scenario = "quote scenario " + std::to_string(in.first_scenario + i);
  for (std::size_t g = 0; g < q.atelier.groups.size(); ++g) {
    const auto& s = q.atelier.groups[g].staff;
    const std::string group = "staff[" + base.group_names[g] + "]";
    if (q.atelier.groups[g].role == people::Role::integration)
      ACI_COST_REQUIRE(s.production_share() > 0, scenario + ": " + group + ".hours", s.production_share(),
                       "training + absence + the other shares must leave some production (< 1)");
    if (s.contribution_mode == people::ContributionMode::legal_reduction)
      ACI_COST_REQUIRE(s.employer_rate >= people::staff_cost(s).reduction_coefficient,
                       scenario + ": " + group + ".employer_rate", s.employer_rate,
                       "is below the general reduction coefficient at this pay");
  }
  ACI_COST_REQUIRE(q.job.market_hourly_price >= q.job.market_floor_hourly_price,
                   scenario + ": atelier.market_hourly_price", q.job.market_hourly_price,
                   "must not be below the atelier's market_floor_hourly_price");
  const AtelierRates<double> r = atelier_totals(staff_totals(q.atelier), q.atelier);
  ACI_COST_REQUIRE(r.integration_production_hours > 0, scenario + ": atelier", r.integration_production_hours,
                   "has no integration production hours");
  ACI_COST_REQUIRE(q.job.supervisors <= 0 || r.supervisor_production_hours > 0, scenario + ": job.supervisors",
                   q.job.supervisors, "the atelier has no supervisor (ETPS) staff group to charge");
  if (q.atelier.aide_au_poste) {
    ACI_COST_REQUIRE(q.atelier.rsa_fte * q.atelier.fte_paid_hours <= r.integration_paid_hours,
                     scenario + ": atelier.subsidies.rsa_fte", q.atelier.rsa_fte,
                     "exceeds the filled integration FTEs");
    ACI_COST_REQUIRE(r.funding[static_cast<std::size_t>(Financer::aid_departement)] <= r.aid_total,
                     scenario + ": atelier.subsidies.rsa_fte", q.atelier.rsa_fte,
                     "the département's share exceeds the aid it is part of");
  }
  QuoteCore<double> f;
  quote_core(q.job, r, f);
  for (std::size_t m = 0; m < quote_output_count; ++m) {
    const double y = output_of(f, static_cast<QuoteOutput>(m));
    if (std::isfinite(y) && (!is_amount(m) || (y <= money_limit && y >= -money_limit))) continue;
    std::string swept;
    for (std::size_t k = 0; k < quote_input_count; ++k)
      if (in.input[k] != nullptr)
        swept += (swept.empty() ? "" : ", ") + std::string(quote_input_specs[k].name) + " = " +
                 ::aci::detail::to_text(in.input[k][i]);
    throw InvalidInput(scenario + ": " + std::string(quote_output_specs[m].name), ::aci::detail::to_text(y),
                       is_amount(m)
                           ? "beyond the amounts a quote holds exactly (|x| <= 9.2e16 \u20ac): the swept inputs "
                             "are too extreme together (" +
                                 swept + ")"
                           : "not a finite number: the swept inputs are too extreme together (" + swept + ")");
  }
  throw std::logic_error("aci::quote::throw_scenario: scenario " + std::to_string(i) + " passed every check");
}

/// The staff totals when crew inputs move, into `r`: `fixed` (the other groups) plus the
/// integration groups recomputed; `ok` and-s in their checks (some production, employer rate
/// above the reduction), made with the same costs.
template <class T, class Mask>
void crew_totals(const AtelierInputs<T>& in, const AtelierRates<T>& fixed, Mask& ok, AtelierRates<T>& r,
                 bool every_group = false) {
  if (every_group) {
    r = AtelierRates<T>{};
  } else {
    r = fixed;
  }
  for (const auto& g : in.groups) {
    if (!every_group && g.role != people::Role::integration) continue;
    const people::StaffCost<T> c = people::staff_cost(g.staff);
    ok = ok & (g.staff.production_share() > T(0));
    if (g.staff.contribution_mode == people::ContributionMode::legal_reduction)
      ok = ok & (g.staff.employer_rate >= c.reduction_coefficient);
    add_staff(r, g.role, paid_persons(g, in.occupancy), c);
  }
}

/// The scenario's figures into `f`: `work` (equal to `base` on every input not in `v`) with v's
/// inputs set, then the arithmetic. `staff` are base's staff totals; when `moved`, the crew
/// groups are recomputed over `fixed` (crew_totals) and their checks and-ed into `ok`. (In
/// place: a batch reuses one QuoteCore, some kilobytes of lanes, rather than zero a new one.)
template <class T, class Mask>
void scenario_figures(QuoteInputs<T>& work, const QuoteInputs<T>& base, const AtelierRates<T>& staff,
                      const AtelierRates<T>& fixed, const std::array<T, quote_input_count>& v, const QuoteColumns& in,
                      int moved, AtelierRates<T>& totals, Mask& ok, QuoteCore<T>& f) {
  for (std::size_t k = 0; k < quote_input_count; ++k)
    if (in.input[k] != nullptr) set_input(work, base, static_cast<QuoteInput>(k), v[k]);
  if (moved > 0) {
    crew_totals(work.atelier, fixed, ok, totals, moved > 1);
  } else {
    totals = staff;
  }
  complete_totals(totals, work.atelier);
  quote_core(work.job, totals, f);
}

/// The same inputs in every lane.
template <class L>
QuoteInputs<L> broadcast(const QuoteInputs<double>& q) {
  QuoteInputs<L> r;
  const auto staff = [](const people::StaffInputs<double>& s) {
    people::StaffInputs<L> t;
    t.pay_basis = s.pay_basis;
    t.contribution_mode = s.contribution_mode;
    t.weekly_hours = s.weekly_hours;
    t.unpaid_absence = s.unpaid_absence;
    t.training_share = s.training_share;
    t.other_share = s.other_share;
    t.absence_share = s.absence_share;
    t.pay = s.pay;
    t.smic_hourly = s.smic_hourly;
    t.employer_rate = s.employer_rate;
    t.per_head = s.per_head;
    t.leave_share = s.leave_share;
    t.sick_leave_accrual = s.sick_leave_accrual;
    t.reduction = {s.reduction.tmin, s.reduction.tdelta, s.reduction.smic_multiple};
    return t;
  };
  const auto& a = q.atelier;
  for (const auto& g : a.groups) r.atelier.groups.push_back({g.role, L(g.headcount), staff(g.staff)});
  r.atelier.occupancy = a.occupancy;
  r.atelier.overheads = a.overheads;
  r.atelier.structure = a.structure;
  r.atelier.other_charges = a.other_charges;
  r.atelier.equipment_charges = a.equipment_charges;
  r.atelier.vehicle_charges = a.vehicle_charges;
  r.atelier.aide_au_poste = a.aide_au_poste;
  r.atelier.aid_socle = a.aid_socle;
  r.atelier.fte_paid_hours = a.fte_paid_hours;
  r.atelier.aid_modulation_share = a.aid_modulation_share;
  r.atelier.rsa_fte = a.rsa_fte;
  r.atelier.rsa_per_fte = a.rsa_per_fte;
  for (std::size_t i = 0; i < financer_count; ++i) r.atelier.grants[i] = a.grants[i];
  const auto& j = q.job;
  auto& t = r.job;
  t.standard_hours = j.standard_hours;
  t.productivity = j.productivity;
  t.crew = j.crew;
  t.supervisors = j.supervisors;
  t.trips = j.trips;
  t.hours_per_trip = j.hours_per_trip;
  t.km_per_trip = j.km_per_trip;
  t.materials = j.materials;
  t.equipment = j.equipment;
  t.adds_paid_hours = j.adds_paid_hours;
  t.has_training_rate = j.has_training_rate;
  t.training_rate = j.training_rate;
  t.vehicle_cost_per_km = j.vehicle_cost_per_km;
  t.ordinary_hourly_cost = j.ordinary_hourly_cost;
  t.market_hourly_price = j.market_hourly_price;
  t.market_floor_hourly_price = j.market_floor_hourly_price;
  t.ordinary_supervision_ratio = j.ordinary_supervision_ratio;
  t.sales_cap_share = j.sales_cap_share;
  t.annual_sales = j.annual_sales;
  t.policy = j.policy;
  t.margin = j.margin;
  t.reasonable_profit = j.reasonable_profit;
  t.coefficient_k = j.coefficient_k;
  t.vat_exempt = j.vat_exempt;
  t.vat_rate = j.vat_rate;
  t.franchise_threshold = j.franchise_threshold;
  t.units_are_hours = j.units_are_hours;
  t.output_units = j.output_units;
  t.loss_share = j.loss_share;
  t.unit_market = j.unit_market;
  t.market_unit_price = j.market_unit_price;
  t.market_floor_unit_price = j.market_floor_unit_price;
  t.support_per_unit = j.support_per_unit;
  t.recovered_share = j.recovered_share;
  return r;
}

/// The same totals in every lane.
template <class L>
AtelierRates<L> broadcast(const AtelierRates<double>& r) {
  AtelierRates<L> t;
  t.integration_paid_hours = r.integration_paid_hours;
  t.integration_production_hours = r.integration_production_hours;
  t.integration_training_hours = r.integration_training_hours;
  t.integration_cost = r.integration_cost;
  t.integration_training_cost = r.integration_training_cost;
  t.supervisor_cost = r.supervisor_cost;
  t.supervisor_production_hours = r.supervisor_production_hours;
  t.socio_professional_cost = r.socio_professional_cost;
  t.support_cost = r.support_cost;
  t.overheads = r.overheads;
  t.structure_charges = r.structure_charges;
  t.other_charges = r.other_charges;
  t.equipment_charges = r.equipment_charges;
  t.vehicle_charges = r.vehicle_charges;
  t.salaries = r.salaries;
  t.contributions = r.contributions;
  t.per_head_costs = r.per_head_costs;
  t.aid_total = r.aid_total;
  for (std::size_t i = 0; i < financer_count; ++i) t.funding[i] = r.funding[i];
  return t;
}

}  // namespace detail

/// The single double path: scenario values v (for the inputs in.input marks as swept) on base.
/// Throws InvalidInput naming scenario i (its index in `in`) when it fails a check.
inline QuoteCore<double> quote_scenario(const QuoteBase& base, const QuoteColumns& in, std::size_t i) {
  std::array<double, quote_input_count> v{};
  for (std::size_t k = 0; k < quote_input_count; ++k) v[k] = in.input[k] != nullptr ? in.input[k][i] : 0.0;
  QuoteInputs<double> work = base.inputs;
  AtelierRates<double> totals;
  bool ok = true;
  const int moved = detail::moves_staff(in);
  QuoteCore<double> f;
  detail::scenario_figures(work, base.inputs, base.staff, base.fixed_staff, v, in, moved, totals, ok, f);
  if (!(ok && detail::scenario_ok(work, totals, v, in) && detail::figures_ok(f))) detail::throw_scenario(base, in, i);
  return f;
}

#if defined(ACI_COST_HAVE_LANES)
/// Scenarios [begin, end) of `in` into `out` (indexed like `in`), a group of lanes at a time.
/// Throws InvalidInput naming the first scenario that fails a check (out is then unspecified).
inline void run_quote_batch(const QuoteBase& base, const QuoteColumns& in, std::size_t begin, std::size_t end,
                            const QuoteOutputColumns& out) {
  using L = aci::detail::Lanes<aci::detail::native_lanes>;
  constexpr std::size_t G = L::size;
  ACI_COST_REQUIRE(begin <= end && end <= in.scenarios, "quote_batch.end", end,
                   "the range [begin, end) must lie in [0, scenarios = " + std::to_string(in.scenarios) + ")");
  const int moved = detail::moves_staff(in);
  const QuoteInputs<L> base_l = detail::broadcast<L>(base.inputs);
  const AtelierRates<L> staff_l = detail::broadcast<L>(base.staff);
  const AtelierRates<L> fixed_l = detail::broadcast<L>(base.fixed_staff);
  QuoteInputs<L> work = base_l;  // allocated once; each group resets the swept inputs from base
  std::array<L, quote_input_count> v{};
  AtelierRates<L> totals;
  QuoteCore<L> f;  // written in place by every group: each wanted output's lanes stay at one address
  std::array<std::pair<const L*, double*>, quote_output_count> wanted{};
  std::size_t outputs = 0;
  for (std::size_t m = 0; m < quote_output_count; ++m)
    if (out[m] != nullptr) wanted[outputs++] = {&output_of(f, static_cast<QuoteOutput>(m)), out[m]};
  for (std::size_t i0 = begin; i0 < end; i0 += G) {
    const std::size_t n = end - i0 < G ? end - i0 : G;
    for (std::size_t k = 0; k < quote_input_count; ++k) {
      const double* col = in.input[k];
      if (col == nullptr) continue;
      if (n == G) {
        v[k] = L::load(col + i0);
      } else {  // lanes past n repeat scenario i0, so that a partial group runs the same code
        alignas(64) double pad[G];
        for (std::size_t j = 0; j < G; ++j) pad[j] = col[i0 + (j < n ? j : 0)];
        v[k] = L::load(pad);
      }
    }
    auto ok = aci::detail::Mask<aci::detail::native_lanes>::all_true();
    detail::scenario_figures(work, base_l, staff_l, fixed_l, v, in, moved, totals, ok, f);
    ok = ok & detail::scenario_ok(work, totals, v, in) & detail::figures_ok(f);
    if (!ok.all()) {
      for (std::size_t j = 0; j < n; ++j) (void)quote_scenario(base, in, i0 + j);  // throws, naming it
    }
    for (std::size_t m = 0; m < outputs; ++m) {
      const auto& [y, column] = wanted[m];
      if (n == G) {
        y->store(column + i0);
      } else {
        for (std::size_t j = 0; j < n; ++j) column[i0 + j] = (*y)[j];
      }
    }
  }
}
#endif

}  // namespace aci::quote

ACI_COST_STRICT_FP_END
