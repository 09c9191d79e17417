// Implementation of allocation/time_driven.hpp.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "aci_cost/allocation/time_driven.hpp"

namespace aci::allocation {

ACI_COST_INLINE Decimal activity_time(const Activity& a, const std::vector<DriverValue>& v, const std::string& field) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto t = std::find_if(a.terms.begin(), a.terms.end(), [&](const Term& x) { return x.driver == v[i].driver; });
    ACI_COST_REQUIRE(t != a.terms.end(), field + ".drivers[" + std::to_string(i) + "].driver",
                     "\"" + v[i].driver + "\"", "is not a driver of activity \"" + a.name + "\"");
  }
  Decimal time = a.constant;
  for (const Term& t : a.terms)
    for (const DriverValue& x : v)
      if (x.driver == t.driver) time += t.coefficient * x.value;
  ACI_COST_REQUIRE(time >= 0, field, to_string(time), "the time equation gives a negative time");
  return time;
}

ACI_COST_INLINE TimeDrivenResult time_driven(const TimeDrivenModel& m, Rounding mode, const std::string& path) {
  ACI_COST_REQUIRE(!m.pools.empty(), path + ".pools", "[]", "needs at least one resource pool");
  const std::size_t np = m.pools.size();
  TimeDrivenResult r;
  r.time_unit = m.time_unit;
  for (std::size_t p = 0; p < np; ++p) {
    const ResourcePool& pool = m.pools[p];
    const std::string f = path + ".pools[" + std::to_string(p) + "]";
    detail::require_new_name(m.pools, p, f);
    ACI_COST_REQUIRE(pool.cost >= Money() && pool.cost.is_whole_cents(), f + ".cost", pool.cost.to_string(),
                     "must be >= 0, whole cents");
    ACI_COST_REQUIRE(pool.hours > 0, f + ".hours", to_string(pool.hours), "must be > 0");
    ACI_COST_REQUIRE(pool.productive_share > 0 && pool.productive_share <= 1, f + ".productive_share",
                     to_string(pool.productive_share), "must be in (0, 1]");
    PoolAccount a;
    a.name = pool.name;
    a.cost = pool.cost;
    a.capacity = pool.hours * pool.productive_share;
    r.pools.push_back(a);
  }
  std::vector<std::size_t> pool_of(m.activities.size());
  for (std::size_t i = 0; i < m.activities.size(); ++i) {
    const Activity& a = m.activities[i];
    const std::string f = path + ".activities[" + std::to_string(i) + "]";
    detail::require_new_name(m.activities, i, f);
    const auto p =
        std::find_if(m.pools.begin(), m.pools.end(), [&](const ResourcePool& x) { return x.name == a.pool; });
    ACI_COST_REQUIRE(p != m.pools.end(), f + ".pool", "\"" + a.pool + "\"", "unknown resource pool");
    pool_of[i] = static_cast<std::size_t>(p - m.pools.begin());
    for (std::size_t t = 0; t < a.terms.size(); ++t) {
      ACI_COST_REQUIRE(!a.terms[t].driver.empty(), f + ".terms[" + std::to_string(t) + "].driver", "\"\"",
                       "must not be empty");
      for (std::size_t u = 0; u < t; ++u)
        ACI_COST_REQUIRE(a.terms[u].driver != a.terms[t].driver, f + ".terms[" + std::to_string(t) + "].driver",
                         "\"" + a.terms[t].driver + "\"", "is listed twice");
    }
  }
  for (std::size_t j = 0; j < m.jobs.size(); ++j) {
    const TimeDrivenJob& job = m.jobs[j];
    JobAccount acc;
    acc.name = job.name;
    acc.time.assign(np, Decimal(0));
    for (std::size_t l = 0; l < job.lines.size(); ++l) {
      const JobLine& line = job.lines[l];
      const std::string f = path + ".jobs[" + std::to_string(j) + "].lines[" + std::to_string(l) + "]";
      const auto a = std::find_if(m.activities.begin(), m.activities.end(),
                                  [&](const Activity& x) { return x.name == line.activity; });
      ACI_COST_REQUIRE(a != m.activities.end(), f + ".activity", "\"" + line.activity + "\"", "unknown activity");
      ACI_COST_REQUIRE(line.count >= 0, f + ".count", to_string(line.count), "must be >= 0");
      const std::size_t i = static_cast<std::size_t>(a - m.activities.begin());
      acc.time[pool_of[i]] += line.count * activity_time(*a, line.drivers, f);
    }
    for (std::size_t p = 0; p < np; ++p) r.pools[p].used += acc.time[p];
    r.jobs.push_back(std::move(acc));
  }
  for (auto& j : r.jobs) j.cost.assign(np, Money());
  for (std::size_t p = 0; p < np; ++p) {
    PoolAccount& a = r.pools[p];
    a.unused = a.capacity - a.used;
    const bool load = m.load_unused && a.used > 0;
    a.rate = load ? Decimal(a.cost.amount() / a.used) : Decimal(a.cost.amount() / a.capacity);
    a.used_cost = load ? a.cost : Money(a.used * a.rate);
    // A pool used far past a minute capacity (a productive share of 5e-324) would cost more than
    // Money can hold: refused naming the share, not as a bare amount beyond the limit.
    ACI_COST_REQUIRE(a.used_cost.is_representable(), path + ".pools[" + std::to_string(p) + "].productive_share",
                     to_string(m.pools[p].productive_share),
                     "leaves a capacity (hours x productive_share) so small that the time used would cost beyond "
                     "\u00b192233720368547758.07 \u20ac");
    a.used_cost = a.used_cost.rounded(mode);
    a.unused_cost = a.cost - a.used_cost;
    if (a.used > 0) {
      std::vector<Decimal> w;
      for (const auto& j : r.jobs) w.push_back(j.time[p]);
      const auto parts = split(a.used_cost, w);
      for (std::size_t j = 0; j < r.jobs.size(); ++j) r.jobs[j].cost[p] = parts[j];
    }
    r.unused_cost += a.unused_cost;
  }
  for (auto& j : r.jobs)
    for (const auto& c : j.cost) j.total += c;
  return r;
}

}  // namespace aci::allocation
