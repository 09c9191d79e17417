// Shared by the training tests: hand-built and random models, and the weekly invariants every
// run must satisfy.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/training/batch.hpp"
#include "aci_cost/training/model.hpp"
#include "aci_cost/training/simulate.hpp"

namespace training_test {

using aci::InvalidInput;
using aci::training::Contract;
using aci::training::DeferralPolicy;
using aci::training::DemandMode;
using aci::training::Session;
using aci::training::TrainingBatch;
using aci::training::TrainingDelivery;
using aci::training::TrainingModel;
using aci::training::TrainingResult;
using aci::training::WorkforceMode;

inline constexpr double kTol = 1e-9;

inline std::size_t at(int w) { return static_cast<std::size_t>(w); }

/// A small model whose numbers are easy to derive by hand: `weeks` weeks, headcount mode,
/// no absence, no accompaniment, given demand, 2 h/week of training per employee.
inline TrainingModel hand_model(int weeks, double headcount, double weekly_hours, std::vector<double> demand) {
  TrainingModel m;
  m.horizon.weeks = weeks;
  m.workforce.mode = WorkforceMode::headcount;
  m.workforce.headcount = headcount;
  m.workforce.contract_months = 6.0;  // 6 x 52 / 12 = 26 weeks
  m.workforce.weekly_hours = weekly_hours;
  m.workforce.absence = 0.0;
  m.workforce.accompaniment = 0.0;
  m.demand.mode = DemandMode::given;
  m.demand.hours = std::move(demand);
  m.plan.hours_per_week = 2.0;
  m.plan.delivery = TrainingDelivery::in_house;
  m.plan.trainees_per_supervisor = 5.0;
  m.deferral.policy = DeferralPolicy::production_first;
  m.deferral.catch_up_share = 0.5;
  m.costs.cost_per_paid_hour = 15.0;
  m.costs.supervisor_cost_per_hour = 40.0;
  m.costs.external_cost_per_hour = 20.0;
  return m;
}

/// Switches a model to `n` contracts that all outlast the horizon (so nothing is lost).
inline void lasting_contracts(TrainingModel& m, int n) {
  m.workforce.mode = WorkforceMode::contracts;
  m.workforce.contracts.assign(static_cast<std::size_t>(n), Contract{0, 1000});
}

/// Deterministic test draws (counter RNG, so identical on every platform).
struct Draws {
  std::uint64_t seed;
  std::uint64_t n = 0;
  double u() { return aci::detail::counter_uniform(seed, 0, n++, 0xD1CE); }
  double in(double lo, double hi) { return lo + (hi - lo) * u(); }
  int pick(int lo, int hi) { return lo + static_cast<int>(u() * (hi - lo + 1)); }  // [lo, hi]
  bool coin(double p = 0.5) { return u() < p; }
};

/// A random valid model exercising every mode, policy and list.
inline TrainingModel random_model(std::uint64_t seed) {
  Draws d{seed};
  TrainingModel m;
  m.seed = seed * 7919 + 1;
  m.horizon.weeks = d.pick(1, 80);
  m.horizon.weeks_in_start_year = d.coin() ? 52 : 53;
  m.horizon.start_week = d.pick(1, m.horizon.weeks_in_start_year);
  const int weeks = m.horizon.weeks;

  auto& wf = m.workforce;
  wf.mode = d.coin() ? WorkforceMode::headcount : WorkforceMode::contracts;
  wf.headcount = d.coin(0.1) ? 0.0 : d.in(0.0, 20.0);
  wf.contract_months = d.in(1.0, 24.0);
  for (int i = d.pick(0, 15); i > 0; --i) {
    const int start = d.pick(-10, weeks);
    wf.contracts.push_back({start, start + d.pick(1, 60)});
  }
  wf.weekly_hours = d.in(0.0, 35.0);
  wf.absence = d.in(0.0, 0.3);
  wf.absence_spread = d.coin() ? 0.0 : d.in(0.0, std::min(wf.absence, 0.2));
  wf.accompaniment = d.in(0.0, 0.2);
  if (d.coin()) {
    for (int w = 0; w < weeks; ++w) wf.leave_hours.push_back(d.coin(0.2) ? d.in(0.0, 40.0) : 0.0);
  }
  for (int i = d.pick(0, 3); i > 0; --i) wf.closed_weeks.push_back(d.pick(0, weeks - 1));

  auto& dm = m.demand;
  dm.mode = d.coin() ? DemandMode::seasonal : DemandMode::given;
  if (dm.mode == DemandMode::given) {
    for (int w = 0; w < weeks; ++w) dm.hours.push_back(d.in(0.0, 500.0));
  }
  dm.base_hours = d.in(0.0, 400.0);
  dm.amplitude = d.in(0.0, 1.0);
  if (d.coin(0.3)) {
    for (int k = 0; k < 53; ++k) dm.seasonal_shape.push_back(d.in(-1.0, 1.0));
  }
  dm.variation = d.coin() ? 0.0 : d.in(0.0, 0.5);
  dm.productivity = d.in(0.5, 1.0);

  auto& pl = m.plan;
  pl.hours_per_week = d.in(0.0, 4.0);
  for (int i = d.pick(0, 4); i > 0; --i) pl.sessions.push_back({d.pick(0, weeks - 1), d.in(0.0, 14.0)});
  pl.delivery = d.coin() ? TrainingDelivery::in_house : TrainingDelivery::external;
  pl.trainees_per_supervisor = d.in(1.0, 10.0);

  auto& df = m.deferral;
  df.policy = static_cast<DeferralPolicy>(d.pick(0, 3));
  df.protected_share = d.in(0.0, 1.0);
  df.load_threshold = d.in(0.5, 1.5);
  for (int i = d.pick(0, 6); i > 0; --i) df.fixed_weeks.push_back(d.pick(0, weeks - 1));
  df.catch_up_share = d.coin(0.1) ? 1.0 : d.in(0.0, 1.0);
  df.initial_backlog = d.coin(0.3) ? d.in(0.0, 100.0) : 0.0;

  m.costs.cost_per_paid_hour = d.in(10.0, 20.0);
  m.costs.supervisor_cost_per_hour = d.in(20.0, 40.0);
  m.costs.external_cost_per_hour = d.in(0.0, 30.0);
  return m;
}

/// Every weekly and run identity of the model, with a tolerance scaled to the week's size.
inline void expect_invariants(const TrainingModel& m, const TrainingResult<double>& r, const std::string& label) {
  SCOPED_TRACE(label);
  const auto& w = r.weeks;
  const auto n = static_cast<std::size_t>(m.horizon.weeks);
  ASSERT_EQ(w.capacity.size(), n);
  std::vector<bool> fixed(n, false);
  for (int k : m.deferral.fixed_weeks) fixed[at(k)] = true;
  double prev = m.deferral.initial_backlog;
  double sum_planned = 0, sum_on_plan = 0, sum_deferred = 0, sum_caught = 0, sum_lost = 0, sum_prod = 0;
  for (std::size_t i = 0; i < n; ++i) {
    SCOPED_TRACE("week " + std::to_string(i));
    const double scale = std::max({1.0, w.capacity[i], w.demand[i], w.training_planned[i], prev});
    const double tol = kTol * scale;
    // production + training delivered (on plan + caught up) + idle = capacity
    EXPECT_NEAR(w.production[i] + w.training_on_plan[i] + w.training_caught_up[i] + w.idle[i], w.capacity[i], tol);
    // planned = delivered on plan + deferred
    EXPECT_NEAR(w.training_on_plan[i] + w.training_deferred[i], w.training_planned[i], tol);
    EXPECT_NEAR(w.production[i] + w.unmet_demand[i], w.demand[i], tol);
    // Non-negativity holds exactly, not only up to rounding.
    for (double x :
         {w.capacity[i], w.demand[i], w.production[i], w.unmet_demand[i], w.idle[i], w.training_planned[i],
          w.training_on_plan[i], w.training_deferred[i], w.training_caught_up[i], w.training_lost[i], w.backlog[i]}) {
      EXPECT_GE(x, 0.0);
    }
    EXPECT_LE(w.production[i], w.demand[i]);
    EXPECT_LE(w.training_caught_up[i], prev);
    EXPECT_LE(w.training_caught_up[i], m.deferral.catch_up_share * (w.idle[i] + w.training_caught_up[i]) + tol);
    // Backlog recursion and the pro-rata loss of the leavers' share.
    const double carried = prev + w.training_deferred[i] - w.training_caught_up[i];
    const double share = w.employees[i] > 0 ? w.leavers[i] / w.employees[i] : 0.0;
    EXPECT_NEAR(w.training_lost[i], carried * share, tol);
    EXPECT_NEAR(w.backlog[i], carried - w.training_lost[i], tol);
    // Unmet demand means no slack at all: nothing idle, nothing caught up (exactly).
    if (w.unmet_demand[i] > 0) {
      EXPECT_EQ(w.idle[i], 0.0);
      EXPECT_EQ(w.training_caught_up[i], 0.0);
    }
    // Policy guarantees.
    const double cap = w.capacity[i], plan = w.training_planned[i];
    switch (m.deferral.policy) {
      case DeferralPolicy::production_first:
        if (w.unmet_demand[i] > 0) {
          EXPECT_EQ(w.training_on_plan[i], 0.0);
        }
        break;
      case DeferralPolicy::protected_minimum:
        EXPECT_GE(w.training_on_plan[i], std::min(m.deferral.protected_share * plan, cap) - tol);
        break;
      case DeferralPolicy::load_threshold:
        if (w.demand[i] <= m.deferral.load_threshold * cap) {
          EXPECT_GE(w.training_on_plan[i], std::min(plan, cap) - tol);
        }
        break;
      case DeferralPolicy::fixed_weeks:
        if (fixed[i]) {
          EXPECT_GE(w.training_on_plan[i], std::min(plan, cap) - tol);
        }
        if (!fixed[i] && w.unmet_demand[i] > 0) {
          EXPECT_EQ(w.training_on_plan[i], 0.0);
        }
        break;
    }
    prev = w.backlog[i];
    sum_planned += w.training_planned[i];
    sum_on_plan += w.training_on_plan[i];
    sum_deferred += w.training_deferred[i];
    sum_caught += w.training_caught_up[i];
    sum_lost += w.training_lost[i];
    sum_prod += w.production[i];
  }
  const auto& s = r.summary;
  const double big = std::max({1.0, s.planned_hours + s.initial_backlog_hours, s.capacity_hours});
  // Over the run: planned = on plan + deferred, and
  // initial backlog + deferred = caught up + lost + final backlog.
  EXPECT_NEAR(s.planned_hours, s.on_plan_hours + s.deferred_hours, kTol * big);
  EXPECT_NEAR(s.initial_backlog_hours + s.deferred_hours, s.caught_up_hours + s.lost_hours + s.final_backlog_hours,
              kTol * big);
  EXPECT_NEAR(s.planned_hours, sum_planned, kTol * big);
  EXPECT_NEAR(s.on_plan_hours, sum_on_plan, kTol * big);
  EXPECT_NEAR(s.deferred_hours, sum_deferred, kTol * big);
  EXPECT_NEAR(s.caught_up_hours, sum_caught, kTol * big);
  EXPECT_NEAR(s.lost_hours, sum_lost, kTol * big);
  EXPECT_NEAR(s.production_hours, sum_prod, kTol * big);
  EXPECT_EQ(s.final_backlog_hours, prev);
  EXPECT_GE(s.delivered_share, 0.0);
  EXPECT_LE(s.delivered_share, 1.0);
  EXPECT_NEAR(s.training_debt, (s.lost_hours + s.final_backlog_hours) * m.costs.cost_per_paid_hour,
              kTol * std::max(1.0, s.training_debt));
  // Honouring the plan costs at least as much training and leaves at most as much production.
  EXPECT_GE(s.cost_per_productive_hour_honoured, s.cost_per_productive_hour_actual * (1 - kTol));
}

}  // namespace training_test

using namespace training_test;  // NOLINT: test helpers, one namespace for the training tests
