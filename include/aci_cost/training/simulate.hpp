// aci::training::simulate: one scenario of the weekly training-deferral model, week by week
// (the equations and their evaluation order: training/week_step.hpp; the results:
// training/results.hpp). The weekly draws come from the scenario's counter-based stream
// (detail/scenario_stream.hpp), so scenario i of a batch equals simulate(model_i, i).
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/detail/scenario_stream.hpp"
#include "aci_cost/detail/strict_fp.hpp"
#include "aci_cost/training/model.hpp"
#include "aci_cost/training/results.hpp"
#include "aci_cost/training/week_step.hpp"

ACI_COST_STRICT_FP_BEGIN

namespace aci::training {

namespace detail {

/// Calls f(policy, seasonal, contracts) with the model's modes as compile-time constants.
template <class F>
void dispatch(const TrainingModel& m, F&& f) {
  const bool seasonal = m.demand.mode == DemandMode::seasonal;
  const bool contracts = m.workforce.mode == WorkforceMode::contracts;
  const auto with_modes = [&](auto policy) {
    if (seasonal) {
      if (contracts)
        f(policy, std::true_type{}, std::true_type{});
      else
        f(policy, std::true_type{}, std::false_type{});
    } else {
      if (contracts)
        f(policy, std::false_type{}, std::true_type{});
      else
        f(policy, std::false_type{}, std::false_type{});
    }
  };
  using P = DeferralPolicy;
  switch (m.deferral.policy) {
    case P::production_first:
      with_modes(std::integral_constant<P, P::production_first>{});
      break;
    case P::protected_minimum:
      with_modes(std::integral_constant<P, P::protected_minimum>{});
      break;
    case P::load_threshold:
      with_modes(std::integral_constant<P, P::load_threshold>{});
      break;
    case P::fixed_weeks:
      with_modes(std::integral_constant<P, P::fixed_weeks>{});
      break;
  }
}

template <class T, DeferralPolicy Policy, bool Seasonal, bool Contracts>
TrainingResult<T> simulate_one(const TrainingModel& m, std::uint64_t scenario) {
  ACI_COST_TRAINING_NO_FP_CONTRACT
  const WeekTable<T> table = week_table<T>(m);
  const ParamValues p = params_of(m);
  const Scalars<T> s =
      make_scalars<T>([&](Param k) { return to_scalar<T>(p[k]); },
                      headcount_loss_share(to_scalar<T>(p[p_headcount]), to_scalar<T>(p[p_contract_months])));
  // A zero spread makes the draw's term exactly +-0, so skipping it changes no bit.
  const bool draw_absence = m.workforce.absence_spread != 0.0;
  const bool draw_demand = m.demand.variation != 0.0;
  aci::detail::ScenarioStream<std::uint64_t> stream = aci::detail::scenario_stream(m.seed, scenario);
  const bool in_house = m.plan.delivery == TrainingDelivery::in_house;

  const auto n = static_cast<std::size_t>(m.horizon.weeks);
  TrainingResult<T> r;
  WeeklySeries<T>& out = r.weeks;
  out.calendar_week = table.calendar_week;
  for (auto* v : {&out.employees, &out.leavers, &out.paid_hours, &out.capacity, &out.demand, &out.production,
                  &out.unmet_demand, &out.idle, &out.training_planned, &out.training_on_plan, &out.training_deferred,
                  &out.training_caught_up, &out.training_lost, &out.backlog, &out.supervisor_hours}) {
    v->resize(n);
  }

  CoreTotals<T> tot;
  RunSummary<T>& sum = r.summary;
  T backlog = s.initial_backlog;
  for (std::size_t w = 0; w < n; ++w) {
    const T present = Contracts ? table.present[w] : s.headcount;
    const std::uint64_t bits = stream.next();  // every week, drawn from or not
    const T x_absence = to_scalar<T>(draw_absence ? aci::detail::half_to_draw(bits, absence_half) : no_draw);
    const T x_demand = to_scalar<T>(draw_demand ? aci::detail::half_to_draw(bits, demand_half) : no_draw);
    const WeekInputs<T> in = week_inputs(s, present, table.session[w], Contracts ? table.loss_share[w] : s.loss_share,
                                         Contracts ? table.keep_share[w] : s.keep_share, table.open[w], table.leave[w],
                                         table.profile[w], table.fixed[w], x_absence, x_demand);
    const WeekFlows<T> f = step_of_kind<Policy, Seasonal>(static_cast<WeekKind>(table.kind[w]), s, in, backlog);
    backlog = f.backlog;
    tot.add(f);

    out.employees[w] = in.present;
    out.leavers[w] = Contracts ? table.leavers[w] : s.headcount * s.loss_share;
    out.paid_hours[w] = present * s.weekly_hours;
    out.capacity[w] = f.capacity;
    out.demand[w] = f.demand;
    out.production[w] = f.production;
    out.unmet_demand[w] = f.unmet;
    out.idle[w] = f.idle;
    out.training_planned[w] = f.planned;
    out.training_on_plan[w] = f.on_plan;
    out.training_deferred[w] = f.deferred;
    out.training_caught_up[w] = f.caught_up;
    out.training_lost[w] = f.lost;
    out.backlog[w] = f.backlog;
    out.supervisor_hours[w] = in_house ? (f.on_plan + f.caught_up) / s.group : T(0);
    sum.capacity_hours += f.capacity;
    sum.demand_hours += f.demand;
    sum.idle_hours += f.idle;
    sum.deferred_hours += f.deferred;
  }

  plan_totals(s, Contracts ? T(1) : s.headcount, table.presence_weeks, table.open_presence, table.open_sessions, tot);
  const CoreSummary<T> c = summarise(s, tot, backlog, in_house);
  sum.paid_hours = tot.paid;
  sum.production_hours = tot.production;
  sum.unmet_demand_hours = tot.unmet;
  sum.planned_hours = tot.planned;
  sum.initial_backlog_hours = s.initial_backlog;
  sum.on_plan_hours = tot.on_plan;
  sum.caught_up_hours = tot.caught_up;
  sum.lost_hours = tot.lost;
  sum.final_backlog_hours = backlog;
  sum.delivered_share = c.delivered_share;
  sum.supervisor_hours = c.supervisor_hours;
  sum.wage_cost = c.wage_cost;
  sum.training_cost_actual = c.training_cost_actual;
  sum.training_cost_honoured = c.training_cost_honoured;
  sum.productive_hours_honoured = c.productive_hours_honoured;
  sum.cost_per_productive_hour_actual = c.cost_per_productive_hour_actual;
  sum.cost_per_productive_hour_honoured = c.cost_per_productive_hour_honoured;
  sum.training_debt = c.training_debt;
  return r;
}

}  // namespace detail

/// Simulates scenario `scenario` of the model (its index selects the random draws, so a
/// batch's scenario i equals simulate(model_i, i)). T is double or aci::Decimal.
/// Throws InvalidInput on any bad input.
template <class T = double>
TrainingResult<T> simulate(const TrainingModel& model, std::uint64_t scenario = 0) {
  static_assert(is_scalar_v<T>, "simulate<T>: T must be double or aci::Decimal");
  model.validate();
  TrainingResult<T> r;
  detail::dispatch(model, [&](auto policy, auto seasonal, auto contracts) {
    r = detail::simulate_one<T, decltype(policy)::value, decltype(seasonal)::value, decltype(contracts)::value>(
        model, scenario);
  });
  return r;
}

}  // namespace aci::training

ACI_COST_STRICT_FP_END
