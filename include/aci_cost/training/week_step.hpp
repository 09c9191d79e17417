// aci::training::detail::week_step: one week of the training-deferral model, and the run summary
// (detail::summarise), written once for every path: simulate() (T = double or Decimal) and the
// batch kernel (T = Lanes<W>, batch.hpp).
//
// Each week w, with capacity C, demand D, this week's plan P and the backlog B owed at the
// start of the week:
//   C         = max(0, present x (weekly hours x (1 - absence_w - accompaniment - travel) - leave hours_w))
//                                                                (0 in a closed week)
//   D         = booked_w x (1 + variation x e'_w) / productivity,  booked_w = base hours x
//               (1 + amplitude x shape_w) (seasonal) or the given hours_w  (0 in a closed week)
//   absence_w = absence + absence_spread x e_w, with e_w, e'_w the week's centred draws 2u - 1
//               (u, u' the two 32-bit halves of the week's output of the scenario's random
//               stream, detail/scenario_stream.hpp, on the 2^-32 grid)
//   reserved  = min(R, C), where the policy sets the part R of the plan that goes first:
//                 production_first 0;  protected_minimum protected_share x P;
//                 load_threshold P if D <= load_threshold x C, else 0;  fixed_weeks P on a fixed week, else 0
//   production = min(D, C - reserved)
//   extra     = min(P - reserved, C - reserved - production)
//   on_plan   = reserved + extra,  deferred = (P - reserved) - extra
//   slack     = C - reserved - production - extra
//   caught_up = min(B, catch_up_share x slack),  idle = slack - caught_up
//   carried   = B + deferred - caught_up
//   lost      = carried x leavers / present  (the leavers' pro-rata share of the pooled backlog)
//   B'        = carried x (1 - leavers / present)
// so that every week, up to rounding,
//   production + on_plan + caught_up + idle = C,   P = on_plan + deferred   and   B' + lost = carried,
// and exactly B' >= 0; over the run, up to rounding,
//   initial_backlog + sum deferred = sum caught_up + sum lost + final backlog.
// The backlog is pooled: it is assumed spread evenly over the employees present [est].
//
// Evaluation order (it fixes the rounding; the batch kernel follows it; the NumPy reference in tests/ does not):
// per scenario, the constants
//   hours_mean  = weekly hours x ((((1 - absence) - accompaniment) - travel) + 3 absence_spread)
//   hours_slope = 0 - weekly hours x absence_spread
//   demand_base = base hours / productivity,  demand_shape = demand_base x amplitude,
//   demand_rate = 1 / productivity,  noise_mean = 1 - 3 variation,  keep = 1 - leavers / present;
// per week, with the draws as x = 2u + 2 = e + 3 in [2, 4) (exact from the random bits), and
// fma(a, b, c) = a x b + c rounded once (std::fma),
//   C = max(0, present x fma(hours_slope, x_w, hours_mean - leave_w))
//   D = fma(demand_shape, shape_w, demand_base) x fma(variation, x'_w, noise_mean)   (seasonal)
//       (given_w x demand_rate) x fma(variation, x'_w, noise_mean)                   (given)
// (a fused multiply-add is one instruction where a product and a sum are two, and the batch
// kernel is bound by its count of additions; every path rounds it once, so all agree bit for
// bit. hours_mean - leave_w is skipped where leave_w = 0 (exact), and computed once per
// scenario when every week is open with the same leave: WeekTable::uniform);
// and over the run, the totals that need no weekly sum:
//   paid hours    = (heads x present-weeks) x weekly hours
//   planned hours = heads x (plan h/week x open present-weeks + open session hours)
// (heads = headcount in headcount mode, with present-weeks counted per head; 1 in contracts mode).
//
// The week step and the run summary are written once (detail::week_step, detail::summarise)
// with value selects only, and are shared with the batch kernel (batch.hpp), which therefore
// produces bit-identical doubles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

#include "aci_cost/decimal.hpp"
#include "aci_cost/detail/lanes.hpp"
#include "aci_cost/detail/strict_fp.hpp"
#include "aci_cost/training/model.hpp"

// Bit-identical batch and single paths need every a*b+c rounded twice in both, except the
// fused_mul_add terms, rounded once in both (std::fma or its instruction): the strict
// floating-point contract (detail/strict_fp.hpp) holds for this model's code.
ACI_COST_STRICT_FP_BEGIN
// Clang also takes the rule per function body (at the start of each body that must round
// alike in both paths).
#if defined(__clang__)
#  define ACI_COST_TRAINING_NO_FP_CONTRACT _Pragma("clang fp contract(off)")
#else
#  define ACI_COST_TRAINING_NO_FP_CONTRACT
#endif

namespace aci::training {

namespace detail {

using aci::detail::fused_mul_add;
using aci::detail::max_of;
using aci::detail::select;

/// Which half of a week's 64 random bits (ScenarioStream) draws which input.
inline constexpr int absence_half = 0;  // high half
inline constexpr int demand_half = 1;   // low half
/// The draw x = 2u + 2 of a week without a random term: e = x - 3 = 0.
inline constexpr double no_draw = 3.0;

template <class T>
T to_scalar(double x) {
  if constexpr (std::is_same_v<T, double>) {
    return x;
  } else {
    return decimal_from_double(x, "training");
  }
}

/// Share of the backlog leaving each week in headcount mode: leavers / present =
/// 1 / contract weeks; 0 without a workforce, as in contracts mode.
template <class T>
T headcount_loss_share(const T& headcount, const T& contract_months) {
  const T share = T(1) / (contract_months * T(weeks_per_year) / T(12));
  return select(headcount > T(0), share, T(0));
}

/// The numeric parameters of one scenario, in the engine's scalar, and the constants the week
/// step folds them into (see the evaluation order at the top of this file).
template <class T>
struct Scalars {
  T headcount, loss_share, weekly_hours, absence, absence_spread, accompaniment, travel;
  T base_hours, amplitude, variation, productivity;
  T plan_hours, group;
  T protected_share, load_threshold, catch_up_share, initial_backlog;
  T cost_paid, cost_supervisor, cost_external;
  T hours_mean;    ///< h per employee present and week at the draw x = 0 (before leave)
  T hours_slope;   ///< h per employee present and week per unit of the absence draw x (<= 0)
  T demand_base;   ///< seasonal: h of demand per unit of the noise factor at shape 0
  T demand_shape;  ///< seasonal: h per unit of shape
  T demand_rate;   ///< given: h of demand per booked hour (1 / productivity)
  T noise_mean;    ///< the demand's noise factor at the draw x' = 0: 1 - 3 variation
  T keep_share;    ///< headcount mode: 1 - loss_share, the share of the backlog kept each week
};

/// Builds Scalars from get(Param) -> T; loss_share is passed in so that a batch computes it once.
template <class T, class Get>
Scalars<T> make_scalars(const Get& get, const T& loss_share) {
  ACI_COST_TRAINING_NO_FP_CONTRACT
  Scalars<T> s{get(p_headcount),
               loss_share,
               get(p_weekly_hours),
               get(p_absence),
               get(p_absence_spread),
               get(p_accompaniment),
               get(p_travel_share),
               get(p_demand_base_hours),
               get(p_demand_amplitude),
               get(p_demand_variation),
               get(p_demand_productivity),
               get(p_plan_hours_per_week),
               get(p_trainees_per_supervisor),
               get(p_protected_share),
               get(p_load_threshold),
               get(p_catch_up_share),
               get(p_initial_backlog),
               get(p_cost_per_paid_hour),
               get(p_supervisor_cost_per_hour),
               get(p_external_cost_per_hour),
               {},
               {},
               {},
               {},
               {},
               {},
               {}};
  const T one(1), three(3);
  s.hours_mean = s.weekly_hours * ((((one - s.absence) - s.accompaniment) - s.travel) + three * s.absence_spread);
  s.hours_slope = T(0) - s.weekly_hours * s.absence_spread;
  s.demand_base = s.base_hours / s.productivity;
  s.demand_shape = s.demand_base * s.amplitude;
  s.demand_rate = one / s.productivity;
  s.noise_mean = one - three * s.variation;
  s.keep_share = one - s.loss_share;
  return s;
}

/// Per-week inputs shared by every scenario of a model (structure, not parameters).
template <class T>
struct WeekTable {
  std::vector<int> calendar_week;
  std::vector<T> open;        // 1 open, 0 closed
  std::vector<T> leave;       // h per employee
  std::vector<T> profile;     // seasonal shape value (seasonal mode) or given hours
  std::vector<T> session;     // h per employee from sessions
  std::vector<T> fixed;       // 1 if the week's plan is fixed
  std::vector<T> present;     // contracts mode: heads
  std::vector<T> leavers;     // contracts mode: heads
  std::vector<T> loss_share;  // contracts mode: leavers / present (0 if nobody)
  std::vector<T> keep_share;  // contracts mode: 1 - loss_share
  std::vector<char> kind;     // the week's WeekKind
  bool uniform{false};        // every week open, with the same leave hours (leave[0])
  // Run totals that need no weekly sum, per head in headcount mode (plan_totals):
  T presence_weeks{0};  // sum of present (contracts) or the number of weeks (headcount)
  T open_presence{0};   // sum of present x open, or the number of open weeks
  T open_sessions{0};   // sum of present x session hours x open, or of session hours x open
};

/// Which terms of a week are exact identities that a step may skip: an open week multiplies
/// nothing by open (x x 1 = x), and a week without leave subtracts none (x - 0 = x); sessions
/// are already in plan_all. Skipping them changes no bit.
enum class WeekKind : char {
  plain,   ///< open, no leave
  open,    ///< open, with leave
  general  ///< closed (then every flow is x 0), with or without leave
};

template <class T>
WeekTable<T> week_table(const TrainingModel& m) {
  const auto n = static_cast<std::size_t>(m.horizon.weeks);
  const auto week = [](int w) { return static_cast<std::size_t>(w); };
  WeekTable<T> t;
  t.calendar_week.resize(n);
  t.open.assign(n, T(1));
  t.leave.assign(n, T(0));
  t.profile.assign(n, T(0));
  t.session.assign(n, T(0));
  t.fixed.assign(n, T(0));
  for (std::size_t w = 0; w < n; ++w) t.calendar_week[w] = calendar_week(m.horizon, static_cast<int>(w));
  for (int w : m.workforce.closed_weeks) t.open[week(w)] = T(0);
  for (std::size_t w = 0; w < m.workforce.leave_hours.size(); ++w) {
    t.leave[w] = to_scalar<T>(m.workforce.leave_hours[w]);
  }
  for (std::size_t w = 0; w < n; ++w) {
    if (m.demand.mode == DemandMode::given) {
      t.profile[w] = to_scalar<T>(m.demand.hours[w]);
    } else {
      const int iso = t.calendar_week[w];
      const double shape =
          m.demand.seasonal_shape.empty() ? default_seasonal_shape(iso) : m.demand.seasonal_shape[week(iso - 1)];
      t.profile[w] = to_scalar<T>(shape);
    }
  }
  for (const Session& s : m.plan.sessions) t.session[week(s.week)] += to_scalar<T>(s.hours);
  for (int w : m.deferral.fixed_weeks) t.fixed[week(w)] = T(1);
  t.kind.resize(n);
  for (std::size_t w = 0; w < n; ++w) {
    const WeekKind k = t.open[w] != T(1) ? WeekKind::general : (t.leave[w] == T(0) ? WeekKind::plain : WeekKind::open);
    t.kind[w] = static_cast<char>(k);
  }
  t.uniform = true;
  for (std::size_t w = 0; w < n; ++w) t.uniform = t.uniform && t.open[w] == T(1) && t.leave[w] == t.leave[0];
  if (m.workforce.mode == WorkforceMode::contracts) {
    std::vector<int> present(n, 0), leavers(n, 0);
    for (const Contract& c : m.workforce.contracts) {
      const int first = c.start_week > 0 ? c.start_week : 0;
      const int last = c.end_week < m.horizon.weeks ? c.end_week : m.horizon.weeks;
      for (int w = first; w < last; ++w) ++present[week(w)];
      if (c.end_week - 1 >= 0 && c.end_week - 1 < m.horizon.weeks) ++leavers[week(c.end_week - 1)];
    }
    t.present.resize(n);
    t.leavers.resize(n);
    t.loss_share.resize(n);
    t.keep_share.resize(n);
    for (std::size_t w = 0; w < n; ++w) {
      t.present[w] = T(present[w]);
      t.leavers[w] = T(leavers[w]);
      t.loss_share[w] = present[w] > 0 ? t.leavers[w] / t.present[w] : T(0);
      t.keep_share[w] = T(1) - t.loss_share[w];
    }
  }
  for (std::size_t w = 0; w < n; ++w) {
    const T heads = m.workforce.mode == WorkforceMode::contracts ? t.present[w] : T(1);
    t.presence_weeks += heads;
    t.open_presence += heads * t.open[w];
    t.open_sessions += heads * t.session[w] * t.open[w];
  }
  return t;
}

/// One scenario's inputs for one week. `plan_all` is a product the caller forms once per
/// scenario in headcount mode (present is then constant), per week in contracts mode.
template <class T>
struct WeekInputs {
  T present;     // heads
  T plan_all;    // present x (plan h/week + session h), h
  T loss_share;  // share 0-1 of the backlog leaving with this week's contract ends
  T keep_share;  // 1 - loss_share
  T open;        // 1 or 0
  T leave;       // h per employee
  T profile;     // shape value or given hours
  T fixed;       // 1 or 0
  T x_absence;   // draw x = 2u + 2 in [2, 4) (no_draw = 3 without one)
  T x_demand;    // draw x' = 2u' + 2 in [2, 4) (no_draw = 3 without one)
};

/// The week's inputs of a scenario from its parameters and the week table row.
template <class T>
WeekInputs<T> week_inputs(const Scalars<T>& s, const T& present, const T& session, const T& loss_share,
                          const T& keep_share, const T& open, const T& leave, const T& profile, const T& fixed,
                          const T& x_absence, const T& x_demand) {
  ACI_COST_TRAINING_NO_FP_CONTRACT
  return WeekInputs<T>{
      present, present * (s.plan_hours + session), loss_share, keep_share, open, leave, profile, fixed, x_absence,
      x_demand};
}

/// One week's flows; see the header comment for the equations.
template <class T>
struct WeekFlows {
  T capacity, demand, production, unmet, idle;
  T planned, on_plan, deferred, caught_up, lost, backlog;
};

// Written with value selects between already computed values only (no branches, no
// std::fmin/fmax, no FP op in a select arm), so that it runs unchanged on a lane type
// (T = Lanes<W>, batch.hpp); one source for every path keeps the results bit-identical.
template <DeferralPolicy Policy, bool Seasonal, WeekKind Kind = WeekKind::general, class T>
inline WeekFlows<T> week_step(const Scalars<T>& s, const WeekInputs<T>& in, const T& backlog) {
  ACI_COST_TRAINING_NO_FP_CONTRACT
  const T zero(0);
  T hours;  // per employee present
  if constexpr (Kind == WeekKind::plain) {
    hours = fused_mul_add(s.hours_slope, in.x_absence, s.hours_mean);
  } else {
    hours = fused_mul_add(s.hours_slope, in.x_absence, s.hours_mean - in.leave);
  }
  const T gross = in.present * hours;
  const T positive = max_of(gross, zero);
  // Closed weeks multiply by open = 0 rather than select: a value used in one arm of a
  // select only is sunk into a branch by GCC, and a branch of FP ops blocks vectorisation.
  T booked;  // h of demand at the noise factor 1
  if constexpr (Seasonal) {
    booked = fused_mul_add(s.demand_shape, in.profile, s.demand_base);
  } else {
    booked = in.profile * s.demand_rate;
  }
  const T varied = booked * fused_mul_add(s.variation, in.x_demand, s.noise_mean);
  T capacity, demand, planned;
  if constexpr (Kind != WeekKind::general) {
    capacity = positive;
    demand = varied;
    planned = in.plan_all;
  } else {
    capacity = positive * in.open;
    demand = varied * in.open;
    planned = in.plan_all * in.open;
  }

  T reserved;  // the part of this week's plan that goes before production, <= C
  if constexpr (Policy == DeferralPolicy::production_first) {
    reserved = zero;  // = min(0, C) as C >= +0; spelt out so that GCC does not branch on it
  } else {
    T wanted;
    if constexpr (Policy == DeferralPolicy::protected_minimum) {
      wanted = s.protected_share * planned;
    } else if constexpr (Policy == DeferralPolicy::load_threshold) {
      // Compared as D > t x C rather than D / C > t so that C = 0 needs no division.
      const T limit = s.load_threshold * capacity;
      wanted = select(demand > limit, zero, planned);
    } else {
      wanted = in.fixed * planned;  // fixed is 1 or 0
    }
    reserved = select(wanted < capacity, wanted, capacity);
  }
  const T room = capacity - reserved;
  const T production = select(demand < room, demand, room);
  const T left = room - production;
  const T rest = planned - reserved;
  const T extra = select(rest < left, rest, left);
  const T slack = left - extra;
  const T catch_limit = s.catch_up_share * slack;
  const T caught = select(backlog < catch_limit, backlog, catch_limit);
  const T deferred = rest - extra;
  // (B + deferred) - caught >= 0 exactly since caught <= B; carried x keep >= 0 for keep in [0, 1].
  const T carried = backlog + deferred - caught;
  const T lost = carried * in.loss_share;

  WeekFlows<T> f;
  f.capacity = capacity;
  f.demand = demand;
  f.production = production;
  f.unmet = demand - production;
  f.idle = slack - caught;
  f.planned = planned;
  f.on_plan = reserved + extra;
  f.deferred = deferred;
  f.caught_up = caught;
  f.lost = lost;
  f.backlog = carried * in.keep_share;
  return f;
}

/// week_step for the week's kind (a branch per week, the same for every lane of a batch).
template <DeferralPolicy Policy, bool Seasonal, class T>
inline WeekFlows<T> step_of_kind(WeekKind kind, const Scalars<T>& s, const WeekInputs<T>& in, const T& backlog) {
  switch (kind) {
    case WeekKind::plain:
      return week_step<Policy, Seasonal, WeekKind::plain>(s, in, backlog);
    case WeekKind::open:
      return week_step<Policy, Seasonal, WeekKind::open>(s, in, backlog);
    default:
      return week_step<Policy, Seasonal, WeekKind::general>(s, in, backlog);
  }
}

/// The totals the summary needs (the batch keeps exactly these per scenario): weekly sums, and
/// planned and paid hours from the week table (plan_totals).
template <class T>
struct CoreTotals {
  T production{0}, unmet{0}, planned{0}, on_plan{0}, caught_up{0}, lost{0}, paid{0};

  /// Adds a week. Without `delivery`, unmet, on_plan and caught_up are left alone: a batch
  /// whose requested outputs do not need them skips three sums a week (the others are the same).
  void add(const WeekFlows<T>& f, bool delivery = true) {
    ACI_COST_TRAINING_NO_FP_CONTRACT
    production += f.production;
    lost += f.lost;
    if (delivery) {
      unmet += f.unmet;
      on_plan += f.on_plan;
      caught_up += f.caught_up;
    }
  }
};

/// Sets the planned and paid hours of the run (see the header comment): `heads` is the headcount
/// in headcount mode, 1 in contracts mode; the U values are the WeekTable's run totals.
template <class T, class U>
void plan_totals(const Scalars<T>& s, const T& heads, const U& presence_weeks, const U& open_presence,
                 const U& open_sessions, CoreTotals<T>& t) {
  ACI_COST_TRAINING_NO_FP_CONTRACT
  t.paid = (heads * T(presence_weeks)) * s.weekly_hours;
  t.planned = heads * (s.plan_hours * T(open_presence) + T(open_sessions));
}

template <class T>
struct CoreSummary {
  T delivered, obligation, shortfall, delivered_share, supervisor_hours;
  T wage_cost, training_cost_actual, training_cost_honoured, productive_hours_honoured;
  T cost_per_productive_hour_actual, cost_per_productive_hour_honoured, training_debt;
};

/// The per-run figures from the totals and the final backlog; selects only, as week_step
/// (T = double, Decimal or Lanes<W>; `in_house` is the same for every lane).
template <class T>
inline CoreSummary<T> summarise(const Scalars<T>& s, const CoreTotals<T>& t, const T& backlog, bool in_house) {
  ACI_COST_TRAINING_NO_FP_CONTRACT
  const T zero(0), one(1);
  T inf;
  if constexpr (std::numeric_limits<T>::is_specialized) {
    inf = std::numeric_limits<T>::infinity();
  } else {
    inf = T(std::numeric_limits<double>::infinity());  // a lane type: every lane
  }
  CoreSummary<T> c;
  c.delivered = t.on_plan + t.caught_up;
  c.obligation = t.planned + s.initial_backlog;
  const auto owed = c.obligation > zero;
  // delivered <= obligation in exact arithmetic; rounding can put it a few units in the last
  // place above (planned hours come from the week table, delivered from weekly flows: with a
  // subnormal plan, 52 weeks of 1.5 x 2^-1074 round to 2 units each but the total to 78), so
  // the share is taken against the larger of the two and stays in [0, 1].
  const T base = select(c.delivered > c.obligation, c.delivered, c.obligation);
  const T share = c.delivered / select(owed, base, one);
  c.delivered_share = select(owed, share, one);
  c.shortfall = t.lost + backlog;

  c.wage_cost = s.cost_paid * t.paid;
  if (in_house) {
    const T supervisor_delivered = c.delivered / s.group;
    c.supervisor_hours = supervisor_delivered;
    c.training_cost_actual = s.cost_supervisor * supervisor_delivered;
    c.training_cost_honoured = s.cost_supervisor * (c.obligation / s.group);
  } else {
    c.supervisor_hours = zero;
    c.training_cost_actual = s.cost_external * c.delivered;
    c.training_cost_honoured = s.cost_external * c.obligation;
  }

  // Honouring the plan means every undelivered hour owed would have displaced production.
  const T honoured = t.production - c.shortfall;
  c.productive_hours_honoured = select(honoured > zero, honoured, zero);
  const auto produced = t.production > zero;
  const auto produced_honoured = c.productive_hours_honoured > zero;
  const T actual_rate = (c.wage_cost + c.training_cost_actual) / select(produced, t.production, one);
  const T honoured_rate =
      (c.wage_cost + c.training_cost_honoured) / select(produced_honoured, c.productive_hours_honoured, one);
  c.cost_per_productive_hour_actual = select(produced, actual_rate, inf);
  c.cost_per_productive_hour_honoured = select(produced_honoured, honoured_rate, inf);
  c.training_debt = c.shortfall * s.cost_paid;
  return c;
}

}  // namespace detail
}  // namespace aci::training

ACI_COST_STRICT_FP_END
