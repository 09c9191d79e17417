// Cost centres and time-driven rates: the networks, the allocation to the cent and its trace,
// the time-driven accounts, and their JSON formats. Keys are dicts {centre: weight}.
#include "aci_cost/allocation/allocate.hpp"
#include "aci_cost/allocation/inputs.hpp"
#include "aci_cost/allocation/time_driven.hpp"
#include "aci_cost/io/allocation_json.hpp"
#include "descriptor_rows.hpp"
#include "enums.hpp"
#include "keys.hpp"
#include "record.hpp"

namespace aci::python {

void bind_allocation(py::module_& m) {
  using namespace aci::allocation;
  Record<Centre>(m, "Centre", "A cost centre: main (carries costs to what is sold) or support (serves others).")
      .field("name", &Centre::name, "unique among the centres")
      .field("kind", &Centre::kind, "'main' or 'support'")
      .field("work_unit", &Centre::work_unit, "its unit of work (h, m², km…)")
      .field("work_units", &Centre::work_units,
             "units of work in the period (a main centre's rate divides by it; 0: none)")
      .done();
  Record<Driver>(m, "CostDriver", "A driver shared by several charges (m², headcount, km…).")
      .field("name", &Driver::name, "e.g. 'm2'")
      .field("unit", &Driver::unit, "unit of its quantities")
      .field("quantities", &Driver::quantities, "dict {centre: quantity}")
      .done();
  Record<Charge>(m, "Charge", "A charge of the period and how it is spread: its own key or a driver.")
      .field("name", &Charge::name, "unique among the charges")
      .field("amount", &Charge::amount, "€/period")
      .field("key", &Charge::key, "dict {centre: weight} (empty when driver is given)")
      .field("driver", &Charge::driver, "a driver's name ('' when key is given)")
      .done();
  Record<Service>(m, "Service", "The work a support centre delivers to each centre, itself included.")
      .field("source", &Service::from, "the support centre (JSON: from)")
      .field("to", &Service::to, "dict {centre: units delivered}")
      .done();
  Record<Network>(m, "Network", "Centres, charges, drivers and services of one structure.")
      .field("centres", &Network::centres, "list of Centre")
      .field("charges", &Network::charges, "list of Charge")
      .field("drivers", &Network::drivers, "list of CostDriver")
      .field("services", &Network::services, "list of Service, one per support centre")
      .field("step_order", &Network::step_order, "support centres in step-down order (empty: as listed)")
      .done()
      .def(
          "to_json",
          [](const Network& n, const std::string& method, int indent) {
            return io::to_json(io::NetworkDocument{n, Conv<Method>::from(py::str(method), "method")}).dump(indent);
          },
          py::arg("method") = "reciprocal", py::arg("indent") = 2, "The network document (docs/allocation.md).");
  Record<Allocation>(m, "Allocation", "An allocation to the cent: primary spread, support centres handed on, totals.")
      .field("method", &Allocation::method, "'direct', 'step_down' or 'reciprocal'")
      .field("centres", &Allocation::centres, "centre names")
      .field("kinds", &Allocation::kinds, "'main' or 'support', per centre")
      .field("work_units", &Allocation::work_units, "each centre's unit of work")
      .field("charges", &Allocation::charges, "charge names")
      .field("primary", &Allocation::primary, "[charge][centre] €: each row adds up to its charge")
      .field("primary_totals", &Allocation::primary_totals, "[centre] € after the primary spread")
      .field("flows", &Allocation::flows, "[from][to] € handed on by support centres (self-service on the diagonal)")
      .field("handed_on", &Allocation::handed_on, "[centre] € a support centre hands on")
      .field("reciprocal_costs", &Allocation::reciprocal_costs, "[centre] exact cost a support centre hands on")
      .field("totals", &Allocation::totals, "[centre] € after settling (support centres 0)")
      .field("cost_per_unit", &Allocation::cost_per_unit,
             "[centre] main centre's € per work unit (exact; 0 without units)")
      .field("total_charges", &Allocation::total_charges, "€")
      .done();
  m.def(
      "allocate",
      [](const Network& n, const std::string& method, const std::string& rounding) {
        return allocate(n, Conv<Method>::from(py::str(method), "method"),
                        Conv<Rounding>::from(py::str(rounding), "rounding"));
      },
      py::arg("network"), py::arg("method") = "reciprocal", py::arg("rounding") = "half_away_from_zero",
      "Allocates the network's charges by 'direct', 'step_down' or 'reciprocal', to the cent.");
  m.def(
      "read_network",
      [](const std::string& text) {
        const auto d = io::read_network(text);
        return py::make_tuple(d.network, Conv<Method>::to(d.method));
      },
      py::arg("text"), "Parses a network document: (Network, method).");

  m.def(
      "allocation_input_table",
      [] {
        py::list rows;
        for (const auto& f : input_families) {
          py::dict r(py::arg("pattern") = f.pattern, py::arg("unit") = f.unit, py::arg("doc") = f.doc);
          put_domain(r, f);
          rows.append(r);
        }
        return rows;
      },
      "The allocation model's input families (its descriptor table): one dict per family.");
  m.def(
      "allocation_output_table",
      [] {
        py::list rows;
        for (const auto& f : output_families)
          rows.append(py::dict(py::arg("pattern") = f.name, py::arg("unit") = f.unit, py::arg("doc") = f.doc));
        return rows;
      },
      "The allocation model's output families: one dict per family.");

  Record<ResourcePool>(m, "ResourcePool", "A resource pool: its cost and the time it can supply.")
      .field("name", &ResourcePool::name, "unique among the pools")
      .field("cost", &ResourcePool::cost, "€/period")
      .field("hours", &ResourcePool::hours, "time paid in the period (the model's time unit)")
      .field("productive_share", &ResourcePool::productive_share, "share available for work (0, 1] [est 0.80]")
      .done();
  Record<Term>(m, "Term", "coefficient x driver in a time equation (an indicator driver is 0 or 1).")
      .field("driver", &Term::driver, "driver name")
      .field("coefficient", &Term::coefficient, "time per unit of the driver")
      .done();
  Record<Activity>(m, "Activity", "An activity and its time equation: constant + Σ coefficient x driver.")
      .field("name", &Activity::name, "unique among the activities")
      .field("pool", &Activity::pool, "the resource pool it draws on")
      .field("constant", &Activity::constant, "time of every occurrence")
      .field("terms", &Activity::terms, "list of Term")
      .done();
  Record<JobLine>(m, "JobLine", "count occurrences of an activity with driver values.")
      .field("activity", &JobLine::activity, "activity name")
      .field("count", &JobLine::count, "occurrences")
      .field("drivers", &JobLine::drivers, "dict {driver: value}")
      .done();
  Record<TimeDrivenJob>(m, "TimeDrivenJob", "A job and its activities.")
      .field("name", &TimeDrivenJob::name, "job name")
      .field("lines", &TimeDrivenJob::lines, "list of JobLine")
      .done();
  Record<TimeDrivenModel>(m, "TimeDrivenModel", "Pools, activities and the period's jobs.")
      .field("time_unit", &TimeDrivenModel::time_unit, "unit of every time ('h' or 'min')")
      .field("pools", &TimeDrivenModel::pools, "list of ResourcePool")
      .field("activities", &TimeDrivenModel::activities, "list of Activity")
      .field("jobs", &TimeDrivenModel::jobs, "list of TimeDrivenJob")
      .field("load_unused", &TimeDrivenModel::load_unused, "charge unused capacity to the jobs")
      .done()
      .def(
          "to_json", [](const TimeDrivenModel& t, int indent) { return io::to_json(t).dump(indent); },
          py::arg("indent") = 2, "The time-driven document (docs/allocation.md).");
  Record<PoolAccount>(m, "PoolAccount", "One pool's account: rate, used and unused capacity.")
      .field("name", &PoolAccount::name, "pool name")
      .field("cost", &PoolAccount::cost, "€")
      .field("capacity", &PoolAccount::capacity, "practical capacity")
      .field("rate", &PoolAccount::rate, "€ per time unit charged to jobs (exact)")
      .field("used", &PoolAccount::used, "time the jobs use")
      .field("unused", &PoolAccount::unused, "capacity - used (negative: a shortfall)")
      .field("used_cost", &PoolAccount::used_cost, "€ charged to the jobs")
      .field("unused_cost", &PoolAccount::unused_cost, "€ of unused capacity")
      .done();
  Record<JobAccount>(m, "JobAccount", "One job's times and costs per pool.")
      .field("name", &JobAccount::name, "job name")
      .field("time", &JobAccount::time, "[pool] time used")
      .field("cost", &JobAccount::cost, "[pool] €")
      .field("total", &JobAccount::total, "€")
      .done();
  Record<TimeDrivenResult>(m, "TimeDrivenResult", "The period's time-driven accounts.")
      .field("time_unit", &TimeDrivenResult::time_unit, "unit of the times")
      .field("pools", &TimeDrivenResult::pools, "list of PoolAccount")
      .field("jobs", &TimeDrivenResult::jobs, "list of JobAccount")
      .field("unused_cost", &TimeDrivenResult::unused_cost, "€ over the pools")
      .done();
  m.def(
      "time_driven",
      [](const TimeDrivenModel& t, const std::string& rounding) {
        return time_driven(t, Conv<Rounding>::from(py::str(rounding), "rounding"));
      },
      py::arg("model"), py::arg("rounding") = "half_away_from_zero",
      "Costs the jobs: time x capacity cost rate; unused capacity apart.");
  m.def(
      "read_time_driven", [](const std::string& text) { return io::read_time_driven(text); }, py::arg("text"),
      "Parses a time-driven document.");
}

}  // namespace aci::python
