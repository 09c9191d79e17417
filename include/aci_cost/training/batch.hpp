// aci::training::simulate_batch: the weekly training-deferral model over many scenarios that
// share one structure (horizon, modes, lists) and differ in their numeric parameters.
//
// Layout: the parameters are a structure of arrays (TrainingBatch), the results too
// (BatchSummary). The kernel walks tiles of scenarios; inside a tile the loop over weeks is
// outside and the loop over scenarios inside, a fixed-length loop of value selects that GCC
// vectorises. It calls the same detail::week_step and detail::summarise as simulate(), in the
// same order, so scenario i gives bit-identical doubles to simulate(scenario_model(base,
// batch, i), i) — provided FP contraction is off (-ffp-contract=off, the default under
// -std=c++20) so that no a*b+c is fused in one path and not the other.
//
// Chunks: simulate_batch(base, batch, begin, end, out) runs scenarios [begin, end) of a
// preallocated output. Scenario indices are global (they select the random draws), so a
// sweep engine may split [0, N) in any chunks, on any threads, and get the same numbers.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/training/model.hpp"
#include "aci_cost/training/simulate.hpp"

// FP contraction off for the kernel, as in simulate.hpp (bit-identical paths).
#if defined(__GNUC__) && !defined(__clang__)
#  pragma GCC push_options
#  pragma GCC optimize("fp-contract=off")
#endif

namespace aci::training {

/// Numeric parameters of N scenarios, one vector per parameter: empty (every scenario takes
/// the base model's value) or one value per scenario. Units and rules as in TrainingModel.
struct TrainingBatch {
  std::size_t scenarios = 0;                    ///< N, the number of scenarios
  std::uint64_t first_scenario = 0;             ///< global index of scenario 0 (selects the draws of a chunk)
  std::vector<double> headcount;                ///< employees present (headcount mode)
  std::vector<double> contract_months;          ///< mean contract length, months
  std::vector<double> weekly_hours;             ///< contract h/week per employee
  std::vector<double> absence;                  ///< mean absence share 0-1
  std::vector<double> absence_spread;           ///< half-width of the weekly absence draw, share 0-1
  std::vector<double> accompaniment;            ///< socio-professional support share 0-1
  std::vector<double> demand_base_hours;        ///< seasonal mid-level demand, h/week
  std::vector<double> demand_amplitude;         ///< seasonal swing, share 0-1
  std::vector<double> demand_variation;         ///< half-width of the weekly demand draw, share 0-1
  std::vector<double> demand_productivity;      ///< relative productivity (0, 1]
  std::vector<double> plan_hours_per_week;      ///< planned training, h/week per employee
  std::vector<double> trainees_per_supervisor;  ///< in-house group size, trainees
  std::vector<double> protected_share;          ///< share 0-1 of the plan protected
  std::vector<double> load_threshold;           ///< demand / capacity above which training yields
  std::vector<double> catch_up_share;           ///< share 0-1 of idle hours used to catch up
  std::vector<double> initial_backlog;          ///< training owed at the start, h
  std::vector<double> cost_per_paid_hour;       ///< €/h of an integration employee
  std::vector<double> supervisor_cost_per_hour; ///< €/h of a supervisor
  std::vector<double> external_cost_per_hour;   ///< €/h per trainee of external training

  /// Throws InvalidInput unless every vector is empty or of size N and the scenarios
  /// [begin, end) are valid with `base` ("training_batch.<name>[i]" names a varying value).
  inline void validate(const TrainingModel& base, std::size_t begin, std::size_t end) const;
  /// Validates every scenario.
  void validate(const TrainingModel& base) const { validate(base, 0, scenarios); }
};

/// Per-scenario results of a batch, one value per scenario (RunSummary's fields of that name).
struct BatchSummary {
  std::vector<double> delivered_share;                    ///< share 0-1 of the training owed that was delivered
  std::vector<double> lost_hours;                         ///< h of backlog lost with contract ends
  std::vector<double> final_backlog_hours;                ///< h still owed at the end
  std::vector<double> planned_hours;                      ///< h of training planned
  std::vector<double> production_hours;                   ///< h of demand served
  std::vector<double> unmet_demand_hours;                 ///< h of demand not served
  std::vector<double> supervisor_hours;                   ///< h of supervisor time (in-house)
  std::vector<double> cost_per_productive_hour_actual;    ///< €/h, training as delivered
  std::vector<double> cost_per_productive_hour_honoured;  ///< €/h, all training owed delivered
  std::vector<double> training_debt;                      ///< € = (lost + final backlog) x cost per paid hour

  /// Sizes every vector to n scenarios.
  void resize(std::size_t n) {
    for (auto* v : fields(*this)) v->resize(n);
  }
  /// True when every vector holds n scenarios.
  bool has_size(std::size_t n) const {
    for (const auto* v : fields(*this)) {
      if (v->size() != n) return false;
    }
    return true;
  }

 private:
  template <class Self>
  static auto fields(Self& s) -> std::array<decltype(&s.delivered_share), 10> {
    return {&s.delivered_share,  &s.lost_hours,       &s.final_backlog_hours,
            &s.planned_hours,    &s.production_hours, &s.unmet_demand_hours,
            &s.supervisor_hours, &s.cost_per_productive_hour_actual,
            &s.cost_per_productive_hour_honoured,     &s.training_debt};
  }
};

namespace detail {

/// The batch vector of each parameter, in Param order.
inline constexpr std::array<std::vector<double> TrainingBatch::*, p_count> batch_member = {
    &TrainingBatch::headcount,           &TrainingBatch::contract_months,
    &TrainingBatch::weekly_hours,        &TrainingBatch::absence,
    &TrainingBatch::absence_spread,      &TrainingBatch::accompaniment,
    &TrainingBatch::demand_base_hours,   &TrainingBatch::demand_amplitude,
    &TrainingBatch::demand_variation,    &TrainingBatch::demand_productivity,
    &TrainingBatch::plan_hours_per_week, &TrainingBatch::trainees_per_supervisor,
    &TrainingBatch::protected_share,     &TrainingBatch::load_threshold,
    &TrainingBatch::catch_up_share,      &TrainingBatch::initial_backlog,
    &TrainingBatch::cost_per_paid_hour,  &TrainingBatch::supervisor_cost_per_hour,
    &TrainingBatch::external_cost_per_hour};

/// The batch vector names, in Param order (for error paths).
inline constexpr std::array<std::string_view, p_count> batch_name = {
    "headcount",           "contract_months",         "weekly_hours",       "absence",
    "absence_spread",      "accompaniment",           "demand_base_hours",  "demand_amplitude",
    "demand_variation",    "demand_productivity",     "plan_hours_per_week", "trainees_per_supervisor",
    "protected_share",     "load_threshold",          "catch_up_share",     "initial_backlog",
    "cost_per_paid_hour",  "supervisor_cost_per_hour", "external_cost_per_hour"};

/// Scenarios per tile: a multiple of every vector width, so the lane loops need no epilogue,
/// and small enough that a tile's ~30 lanes stay in L1/L2.
inline constexpr std::size_t batch_tile = 128;

struct BatchTile {
  using Lane = std::array<double, batch_tile>;
  std::array<Lane, p_count> param;
  Lane loss_share, backlog, u_absence, u_demand;
  std::array<std::uint64_t, batch_tile> key, step_key;  // counter RNG keys
  Lane production, unmet, planned, on_plan, caught_up, lost, paid;
};

template <DeferralPolicy Policy, bool Seasonal, bool Contracts>
void batch_kernel(const TrainingModel& base, const TrainingBatch& batch, const WeekTable<double>& table,
                  std::size_t begin, std::size_t end, BatchSummary& out) {
  ACI_COST_TRAINING_NO_FP_CONTRACT
  constexpr std::size_t L = batch_tile;
  const auto tile = std::make_unique<BatchTile>();
  BatchTile& b = *tile;
  const ParamValues base_values = params_of(base);
  std::array<const double*, p_count> source{};
  for (std::size_t k = 0; k < p_count; ++k) {
    const std::vector<double>& v = batch.*batch_member[k];
    source[k] = v.empty() ? nullptr : v.data();
  }
  const bool in_house = base.plan.delivery == TrainingDelivery::in_house;
  const std::uint64_t seed = base.seed;
  const auto weeks = static_cast<std::size_t>(base.horizon.weeks);

  for (std::size_t t0 = begin; t0 < end; t0 += L) {
    const std::size_t n = end - t0 < L ? end - t0 : L;
    // Lanes past n repeat scenario t0 so that every lane loop runs the full, fixed tile.
    for (std::size_t k = 0; k < p_count; ++k) {
      if (source[k] == nullptr) {
        b.param[k].fill(base_values[k]);
      } else {
        for (std::size_t j = 0; j < L; ++j) b.param[k][j] = source[k][t0 + (j < n ? j : 0)];
      }
    }
    bool draw_absence = false, draw_demand = false;
    for (std::size_t j = 0; j < n; ++j) {
      draw_absence = draw_absence || b.param[p_absence_spread][j] != 0.0;
      draw_demand = draw_demand || b.param[p_demand_variation][j] != 0.0;
    }
    for (std::size_t j = 0; j < L; ++j) {
      b.loss_share[j] = headcount_loss_share(b.param[p_headcount][j], b.param[p_contract_months][j]);
      b.backlog[j] = b.param[p_initial_backlog][j];
      b.key[j] = aci::detail::counter_key(seed, batch.first_scenario + t0 + j);
      b.u_absence[j] = 0.5;
      b.u_demand[j] = 0.5;
      b.production[j] = b.unmet[j] = b.planned[j] = b.on_plan[j] = 0.0;
      b.caught_up[j] = b.lost[j] = b.paid[j] = 0.0;
    }

    for (std::size_t w = 0; w < weeks; ++w) {
      // A scenario whose spread is 0 may receive a draw here: its term is still exactly +-0.
      if (draw_absence || draw_demand) {
        for (std::size_t j = 0; j < L; ++j) b.step_key[j] = aci::detail::counter_step_key(b.key[j], w);
      }
      // One hash per lane and week: its high half draws the absence, its low half the demand.
      if (draw_absence) {
        for (std::size_t j = 0; j < L; ++j) b.u_absence[j] = aci::detail::half_to_uniform(b.step_key[j], absence_stream);
      }
      if (draw_demand) {
        for (std::size_t j = 0; j < L; ++j) b.u_demand[j] = aci::detail::half_to_uniform(b.step_key[j], demand_stream);
      }
      const double open = table.open[w], leave = table.leave[w], profile = table.profile[w];
      const double session = table.session[w], fixed = table.fixed[w];
      const double present = Contracts ? table.present[w] : 0.0;
      const double loss = Contracts ? table.loss_share[w] : 0.0;
      for (std::size_t j = 0; j < L; ++j) {
        const Scalars<double> s = make_scalars<double>([&](Param k) { return b.param[k][j]; }, b.loss_share[j]);
        const WeekInputs<double> in{Contracts ? present : s.headcount,
                                    Contracts ? loss : s.loss_share,
                                    open,
                                    leave,
                                    profile,
                                    session,
                                    fixed,
                                    b.u_absence[j],
                                    b.u_demand[j]};
        const WeekFlows<double> f = week_step<Policy, Seasonal>(s, in, b.backlog[j]);
        b.backlog[j] = f.backlog;
        b.production[j] += f.production;
        b.unmet[j] += f.unmet;
        b.planned[j] += f.planned;
        b.on_plan[j] += f.on_plan;
        b.caught_up[j] += f.caught_up;
        b.lost[j] += f.lost;
        b.paid[j] += f.paid;
      }
    }

    for (std::size_t j = 0; j < n; ++j) {
      const Scalars<double> s = make_scalars<double>([&](Param k) { return b.param[k][j]; }, b.loss_share[j]);
      CoreTotals<double> t;
      t.production = b.production[j];
      t.unmet = b.unmet[j];
      t.planned = b.planned[j];
      t.on_plan = b.on_plan[j];
      t.caught_up = b.caught_up[j];
      t.lost = b.lost[j];
      t.paid = b.paid[j];
      const CoreSummary<double> c = summarise(s, t, b.backlog[j], in_house);
      const std::size_t i = t0 + j;
      out.delivered_share[i] = c.delivered_share;
      out.lost_hours[i] = t.lost;
      out.final_backlog_hours[i] = b.backlog[j];
      out.planned_hours[i] = t.planned;
      out.production_hours[i] = t.production;
      out.unmet_demand_hours[i] = t.unmet;
      out.supervisor_hours[i] = c.supervisor_hours;
      out.cost_per_productive_hour_actual[i] = c.cost_per_productive_hour_actual;
      out.cost_per_productive_hour_honoured[i] = c.cost_per_productive_hour_honoured;
      out.training_debt[i] = c.training_debt;
    }
  }
}

}  // namespace detail

inline void TrainingBatch::validate(const TrainingModel& base, std::size_t begin, std::size_t end) const {
  using namespace detail;
  for (std::size_t k = 0; k < p_count; ++k) {
    const std::vector<double>& v = this->*batch_member[k];
    check(v.empty() || v.size() == scenarios,
          [&] { return "training_batch." + std::string(batch_name[k]) + ".size()"; }, v.size(),
          "must be 0 or scenarios (" + std::to_string(scenarios) + ")");
  }
  check(begin <= end && end <= scenarios, [] { return std::string("training_batch.end"); }, end,
        "the range [begin, end) must lie in [0, scenarios = " + std::to_string(scenarios) + ")");
  base.validate("training");
  const ParamValues base_values = params_of(base);
  // A quick pass first; the pass that names the scenario and field runs only on failure.
  bool all = true;
  for (std::size_t i = begin; i < end && all; ++i) {
    ParamValues p = base_values;
    for (std::size_t k = 0; k < p_count; ++k) {
      const std::vector<double>& v = this->*batch_member[k];
      if (!v.empty()) p[k] = v[i];
    }
    all = params_valid(p);
  }
  if (all) return;
  for (std::size_t i = begin; i < end; ++i) {
    ParamValues p = base_values;
    for (std::size_t k = 0; k < p_count; ++k) {
      const std::vector<double>& v = this->*batch_member[k];
      if (!v.empty()) p[k] = v[i];
    }
    validate_params(p, [&](Param k) {
      const std::vector<double>& v = this->*batch_member[k];
      if (v.empty()) return "training." + std::string(param_path[k]);
      return "training_batch." + std::string(batch_name[k]) + "[" + std::to_string(i) + "]";
    });
  }
}

/// The model of scenario i: `base` with the batch's i-th value of every varying parameter.
inline TrainingModel scenario_model(const TrainingModel& base, const TrainingBatch& batch, std::size_t i) {
  detail::ParamValues p = detail::params_of(base);
  for (std::size_t k = 0; k < detail::p_count; ++k) {
    const std::vector<double>& v = batch.*detail::batch_member[k];
    if (!v.empty()) p[k] = v.at(i);
  }
  TrainingModel m = base;
  detail::set_params(m, p);
  return m;
}

/// Simulates scenarios [begin, end) (global indices: they select the draws) into out[begin,
/// end); out must already hold batch.scenarios entries. Throws InvalidInput on bad input.
inline void simulate_batch(const TrainingModel& base, const TrainingBatch& batch, std::size_t begin, std::size_t end,
                           BatchSummary& out) {
  batch.validate(base, begin, end);
  detail::check(out.has_size(batch.scenarios), [] { return std::string("simulate_batch.out.size()"); },
                out.delivered_share.size(), "every output vector must hold batch.scenarios entries");
  const detail::WeekTable<double> table = detail::week_table<double>(base);
  detail::dispatch(base, [&](auto policy, auto seasonal, auto contracts) {
    detail::batch_kernel<decltype(policy)::value, decltype(seasonal)::value, decltype(contracts)::value>(
        base, batch, table, begin, end, out);
  });
}

/// Simulates every scenario of the batch.
inline BatchSummary simulate_batch(const TrainingModel& base, const TrainingBatch& batch) {
  BatchSummary out;
  out.resize(batch.scenarios);
  simulate_batch(base, batch, 0, batch.scenarios, out);
  return out;
}

}  // namespace aci::training

#if defined(__GNUC__) && !defined(__clang__)
#  pragma GCC pop_options
#endif
