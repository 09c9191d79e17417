// aci::training results of one run of the weekly training model: the per-week series and the
// run's totals and costs (training/simulate.hpp produces them).
#pragma once

#include <vector>

namespace aci::training {

/// Per-week results, one entry per horizon week; hours are team hours.
template <class T = double>
struct WeeklySeries {
  std::vector<int> calendar_week;     ///< ISO week (1..53)
  std::vector<T> employees;           ///< employees present, heads
  std::vector<T> leavers;             ///< employees whose contract ends at the end of the week, heads
  std::vector<T> paid_hours;          ///< employees x contract h/week, h
  std::vector<T> capacity;            ///< h available for production and training
  std::vector<T> demand;              ///< h of employee work booked
  std::vector<T> production;          ///< h of demand served
  std::vector<T> unmet_demand;        ///< h of demand not served
  std::vector<T> idle;                ///< h of capacity unused
  std::vector<T> training_planned;    ///< h of training planned this week
  std::vector<T> training_on_plan;    ///< h of this week's plan delivered this week
  std::vector<T> training_deferred;   ///< h of this week's plan pushed to the backlog
  std::vector<T> training_caught_up;  ///< h of backlog delivered
  std::vector<T> training_lost;       ///< h of backlog lost with the contracts ending
  std::vector<T> backlog;             ///< h of training owed at the end of the week
  std::vector<T> supervisor_hours;    ///< h of supervisor time for in-house training
};

/// Totals and cost figures of one run.
template <class T = double>
struct RunSummary {
  T paid_hours{0};              ///< h paid to integration employees
  T capacity_hours{0};          ///< h
  T demand_hours{0};            ///< h
  T production_hours{0};        ///< h of demand served
  T unmet_demand_hours{0};      ///< h
  T idle_hours{0};              ///< h
  T planned_hours{0};           ///< h of training planned over the horizon
  T initial_backlog_hours{0};   ///< h owed at the start
  T on_plan_hours{0};           ///< h delivered in the week planned
  T deferred_hours{0};          ///< h pushed to the backlog
  T caught_up_hours{0};         ///< h of backlog delivered later
  T lost_hours{0};              ///< h of backlog lost with contract ends
  T final_backlog_hours{0};     ///< h still owed at the end
  T delivered_share{0};         ///< (on plan + caught up) / (planned + initial backlog), share 0-1; 1 if nothing owed
  T supervisor_hours{0};        ///< h of supervisor time for the delivered in-house training
  T wage_cost{0};               ///< € = paid hours x cost per paid hour
  T training_cost_actual{0};    ///< € of supervisor or external time for the training delivered
  T training_cost_honoured{0};  ///< € of supervisor or external time had all training owed been delivered
  T productive_hours_honoured{0};          ///< h of production had the undelivered training displaced production
  T cost_per_productive_hour_actual{0};    ///< €/h = (wage + actual training cost) / production; inf if none
  T cost_per_productive_hour_honoured{0};  ///< €/h = (wage + honoured training cost) / honoured production
  T training_debt{0};                      ///< € = (lost + final backlog) h x cost per paid hour
};

/// Everything one run produces.
template <class T = double>
struct TrainingResult {
  WeeklySeries<T> weeks;  ///< per-week series
  RunSummary<T> summary;  ///< per-run totals and costs
};

}  // namespace aci::training
