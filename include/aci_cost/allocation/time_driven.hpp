// aci::allocation::time_driven: time-driven activity-based costing (Kaplan & Anderson, "Time-
// Driven Activity-Based Costing", Harvard Business Review 82(11), 2004). Each resource pool (a
// team, a vehicle fleet, a workshop) has a cost and a practical capacity (hours x productive
// share); its capacity cost rate is cost / practical capacity. Each activity draws on one pool
// for a time given by a time equation: constant + Σ coefficient x driver, where a driver may
// be an indicator (0 or 1: "special handling", "site out of town"). A job's cost is Σ time x
// rate; what the jobs leave of a pool's capacity is reported apart as unused capacity and its
// cost — or, as a cost-plus house would, loaded onto the jobs (rate = cost / used time).
// Every pool's cost is accounted for to the cent: Σ jobs + unused = cost.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "aci_cost/allocation/network.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/config.hpp"
#include "aci_cost/money.hpp"

namespace aci::allocation {

/// A resource pool: what it costs over the period and the time it can supply.
struct ResourcePool {
  std::string name;                  ///< unique among the pools
  Money cost;                        ///< €/period, >= 0
  Decimal hours{0};                  ///< time paid in the period (the model's time unit), > 0
  Decimal productive_share{"0.80"};  ///< [est] share of `hours` available for work (Kaplan & Anderson: 80–85 %)
  friend bool operator==(const ResourcePool&, const ResourcePool&) = default;
};

/// One term of a time equation: coefficient x the driver's value (an indicator is 0 or 1).
struct Term {
  std::string driver;      ///< the driver's name, given on each job line
  Decimal coefficient{0};  ///< time per unit of the driver
  friend bool operator==(const Term&, const Term&) = default;
};

/// An activity and its time equation: constant + Σ coefficient x driver, per occurrence.
struct Activity {
  std::string name;     ///< unique among the activities
  std::string pool;     ///< the resource pool it draws on
  Decimal constant{0};  ///< time of every occurrence
  std::vector<Term> terms;
  friend bool operator==(const Activity&, const Activity&) = default;
};

/// A driver's value on a job line.
struct DriverValue {
  std::string driver;
  Decimal value{0};
  friend bool operator==(const DriverValue&, const DriverValue&) = default;
};

/// `count` occurrences of an activity with the given driver values (a driver left out is 0).
struct JobLine {
  std::string activity;
  Decimal count{1};
  std::vector<DriverValue> drivers;
  friend bool operator==(const JobLine&, const JobLine&) = default;
};

/// A job (or a product line, a customer): its activities.
struct TimeDrivenJob {
  std::string name;
  std::vector<JobLine> lines;
  friend bool operator==(const TimeDrivenJob&, const TimeDrivenJob&) = default;
};

/// Pools, activities and the period's jobs.
struct TimeDrivenModel {
  std::string time_unit = "h";  ///< unit of every time (h or min): capacity and equations alike
  std::vector<ResourcePool> pools;
  std::vector<Activity> activities;
  std::vector<TimeDrivenJob> jobs;
  bool load_unused = false;  ///< charge the unused capacity to the jobs (rate = cost / used)
  friend bool operator==(const TimeDrivenModel&, const TimeDrivenModel&) = default;
};

/// One pool's account.
struct PoolAccount {
  std::string name;
  Money cost;           ///< the pool's cost
  Decimal capacity{0};  ///< practical capacity = hours x productive share
  Decimal rate{0};      ///< €/time unit charged to the jobs (exact)
  Decimal used{0};      ///< time the jobs use
  Decimal unused{0};    ///< capacity - used (negative: the jobs need more than the practical capacity)
  Money used_cost;      ///< Σ the jobs' costs on this pool, to the cent
  Money unused_cost;    ///< cost - used_cost: the cost of unused capacity (0 when loaded onto jobs)
};

/// One job's times and cost.
struct JobAccount {
  std::string name;
  std::vector<Decimal> time;  ///< [pool] time used
  std::vector<Money> cost;    ///< [pool] cost, to the cent
  Money total;                ///< Σ cost
};

/// The period's time-driven accounts.
struct TimeDrivenResult {
  std::string time_unit;
  std::vector<PoolAccount> pools;
  std::vector<JobAccount> jobs;
  Money unused_cost;  ///< Σ over the pools
};

/// The time of one occurrence of `a` on a line with driver values `v` (`field` names the line).
ACI_COST_INLINE Decimal activity_time(const Activity& a, const std::vector<DriverValue>& v, const std::string& field);

/// Costs the jobs of `m` (errors: InvalidInput naming the field under `path`, and the value).
ACI_COST_INLINE TimeDrivenResult time_driven(const TimeDrivenModel& m, Rounding mode = Rounding::half_away_from_zero,
                                             const std::string& path = "time_driven");

}  // namespace aci::allocation

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/allocation/time_driven-inl.hpp"
#endif
