// The weekly training model: inputs (from its descriptor table), one run (weekly series +
// summary), batches. Long runs release the GIL.
#include <pybind11/numpy.h>

#include "aci_cost/io/training_json.hpp"
#include "aci_cost/training/batch.hpp"
#include "aci_cost/training/simulate.hpp"
#include "descriptor_rows.hpp"
#include "enums.hpp"
#include "numpy.hpp"
#include "record.hpp"

namespace aci::python {

namespace {
/// Adds the numeric inputs of group G (training/inputs.hpp) to its record.
template <class G>
Record<G>& numeric_inputs(Record<G>& r) {
#define ACI_COST_X(T, g, f, b, unit, lo, hi, ends, rule, doc) \
  if constexpr (std::is_same_v<G, training::T>) r.field(#f, &training::T::f, doc ", " unit);
  ACI_COST_TRAINING_INPUTS(ACI_COST_X)
#undef ACI_COST_X
  return r;
}
}  // namespace

void bind_training(py::module_& m) {
  using namespace aci::training;
  Record<Contract>(m, "Contract", "An employment contract, in horizon weeks [start_week, end_week).")
      .field("start_week", &Contract::start_week, "first week present")
      .field("end_week", &Contract::end_week, "first week absent")
      .done();
  Record<Session>(m, "Session", "A training session for every employee present that week.")
      .field("week", &Session::week, "horizon week")
      .field("hours", &Session::hours, "h per employee")
      .done();
  Record<Horizon>(m, "Horizon", "The simulated weeks.")
      .field("weeks", &Horizon::weeks, "number of weeks")
      .field("start_week", &Horizon::start_week, "ISO week of the first simulated week")
      .field("weeks_in_start_year", &Horizon::weeks_in_start_year, "52 or 53")
      .done();
  // Numeric inputs come from the descriptor table (training/inputs.hpp), after the structure.
  Record<Workforce> workforce(m, "Workforce", "The integration employees and their weekly capacity.");
  workforce.field("mode", &Workforce::mode, "'headcount' (steady turnover) or 'contracts'")
      .field("contracts", &Workforce::contracts, "list of Contract (contracts mode)")
      .field("leave_hours", &Workforce::leave_hours, "h per employee removed each week (list, or empty)")
      .field("closed_weeks", &Workforce::closed_weeks, "weeks with no activity");
  numeric_inputs(workforce).done();
  Record<Demand> demand(m, "Demand", "The hours of work booked by clients.");
  demand.field("mode", &Demand::mode, "'seasonal' or 'given'")
      .field("hours", &Demand::hours, "h/week per horizon week (given mode)")
      .field("seasonal_shape", &Demand::seasonal_shape, "53 values in [-1, 1] by ISO week, or empty");
  numeric_inputs(demand).done();
  Record<TrainingPlan> plan(m, "TrainingPlan", "The training every employee is owed.");
  plan.field("sessions", &TrainingPlan::sessions, "list of Session")
      .field("delivery", &TrainingPlan::delivery, "'in_house' or 'external'");
  numeric_inputs(plan).done();
  Record<Deferral> deferral(m, "Deferral", "How training yields to production, and how it is caught up.");
  deferral
      .field("policy", &Deferral::policy, "'production_first', 'protected_minimum', 'load_threshold' or 'fixed_weeks'")
      .field("fixed_weeks", &Deferral::fixed_weeks, "weeks whose plan is never moved");
  numeric_inputs(deferral).done();
  Record<Costs> costs(m, "TrainingCosts", "What an hour costs.");
  numeric_inputs(costs).done();
  Record<TrainingModel>(m, "TrainingModel", "Every input of one training scenario.")
      .field("horizon", &TrainingModel::horizon, "Horizon")
      .field("workforce", &TrainingModel::workforce, "Workforce")
      .field("demand", &TrainingModel::demand, "Demand")
      .field("plan", &TrainingModel::plan, "TrainingPlan")
      .field("deferral", &TrainingModel::deferral, "Deferral")
      .field("costs", &TrainingModel::costs, "TrainingCosts")
      .field("seed", &TrainingModel::seed, "seed of the weekly draws")
      .done()
      .def("validate", [](const TrainingModel& t) { t.validate(); })
      .def("to_json", [](const TrainingModel& t) { return io::to_json(t).dump(2); });
  Record<RunSummary<double>>(m, "TrainingSummary", "Totals and costs of one run.")
      .field("paid_hours", &RunSummary<double>::paid_hours, "h")
      .field("capacity_hours", &RunSummary<double>::capacity_hours, "h")
      .field("demand_hours", &RunSummary<double>::demand_hours, "h")
      .field("production_hours", &RunSummary<double>::production_hours, "h")
      .field("unmet_demand_hours", &RunSummary<double>::unmet_demand_hours, "h")
      .field("idle_hours", &RunSummary<double>::idle_hours, "h")
      .field("planned_hours", &RunSummary<double>::planned_hours, "h")
      .field("initial_backlog_hours", &RunSummary<double>::initial_backlog_hours, "h")
      .field("on_plan_hours", &RunSummary<double>::on_plan_hours, "h")
      .field("deferred_hours", &RunSummary<double>::deferred_hours, "h")
      .field("caught_up_hours", &RunSummary<double>::caught_up_hours, "h")
      .field("lost_hours", &RunSummary<double>::lost_hours, "h")
      .field("final_backlog_hours", &RunSummary<double>::final_backlog_hours, "h")
      .field("delivered_share", &RunSummary<double>::delivered_share, "share of training owed delivered")
      .field("supervisor_hours", &RunSummary<double>::supervisor_hours, "h")
      .field("wage_cost", &RunSummary<double>::wage_cost, "€")
      .field("training_cost_actual", &RunSummary<double>::training_cost_actual, "€")
      .field("training_cost_honoured", &RunSummary<double>::training_cost_honoured, "€")
      .field("productive_hours_honoured", &RunSummary<double>::productive_hours_honoured, "h")
      .field("cost_per_productive_hour_actual", &RunSummary<double>::cost_per_productive_hour_actual, "€/h")
      .field("cost_per_productive_hour_honoured", &RunSummary<double>::cost_per_productive_hour_honoured, "€/h")
      .field("training_debt", &RunSummary<double>::training_debt, "€")
      .done();

  m.def(
      "simulate_training",
      [](const TrainingModel& model, std::uint64_t scenario) {
        TrainingResult<double> r;
        {
          py::gil_scoped_release release;
          r = simulate<double>(model, scenario);
        }
        auto& w = r.weeks;
        py::dict weeks;
        weeks["calendar_week"] = numpy_of(std::move(w.calendar_week));
        const std::pair<const char*, std::vector<double>*> series[] = {{"employees", &w.employees},
                                                                       {"leavers", &w.leavers},
                                                                       {"paid_hours", &w.paid_hours},
                                                                       {"capacity", &w.capacity},
                                                                       {"demand", &w.demand},
                                                                       {"production", &w.production},
                                                                       {"unmet_demand", &w.unmet_demand},
                                                                       {"idle", &w.idle},
                                                                       {"training_planned", &w.training_planned},
                                                                       {"training_on_plan", &w.training_on_plan},
                                                                       {"training_deferred", &w.training_deferred},
                                                                       {"training_caught_up", &w.training_caught_up},
                                                                       {"training_lost", &w.training_lost},
                                                                       {"backlog", &w.backlog},
                                                                       {"supervisor_hours", &w.supervisor_hours}};
        for (const auto& [name, v] : series) weeks[name] = numpy_of(std::move(*v));
        return py::make_tuple(weeks, r.summary);
      },
      py::arg("model"), py::arg("scenario") = 0,
      "One run: (dict of per-week numpy arrays, TrainingSummary). The scenario index selects the draws.");

  m.def(
      "training_kernel", [] { return std::string(training::detail::kernel_isa_name(training::detail::kernel_isa())); },
      "The batch kernel's instruction set on this CPU: \"baseline\" (the build's target) or \"avx2\".");
  m.def(
      "simulate_training_batch",
      [](const TrainingModel& base, py::dict params, std::size_t scenarios) {
        TrainingBatch batch;
        batch.scenarios = scenarios;
        for (auto item : params) {
          const std::string name = py::str(item.first).cast<std::string>();
          std::size_t k = training::detail::p_count;
          for (std::size_t i = 0; i < training::detail::p_count; ++i)
            if (training::detail::batch_name[i] == name) k = i;
          if (k == training::detail::p_count) {
            std::string all;
            for (auto n : training::detail::batch_name) all += (all.empty() ? "" : ", ") + std::string(n);
            throw InvalidInput("training_batch." + name, "...", "unknown parameter (known: " + all + ")");
          }
          auto arr = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(item.second);
          if (!arr || arr.ndim() != 1)
            throw InvalidInput("training_batch." + name, "...", "expected a 1-D array of numbers");
          batch.*training::detail::batch_member[k] = std::vector<double>(arr.data(), arr.data() + arr.size());
        }
        BatchSummary out;
        {
          py::gil_scoped_release release;
          out = simulate_batch(base, batch);
        }
        py::dict d;
#define ACI_COST_X(name, ...) d[#name] = numpy_of(std::move(out.name));
        ACI_COST_TRAINING_OUTPUTS(ACI_COST_X)
#undef ACI_COST_X
        return d;
      },
      py::arg("base"), py::arg("params"), py::arg("scenarios"),
      "N scenarios of `base` whose parameters vary (name -> array of N); per-scenario summaries as numpy arrays.");
  m.def(
      "training_input_table",
      [] {
        return model_input_rows(input_specs, [](py::dict& r, const InputSpec& s) {
          r["path"] = s.path;
          r["batch_name"] = s.batch_name;
        });
      },
      "The training model's numeric inputs (its descriptor table): one dict per input.");
  m.def(
      "training_output_table",
      [] {
        py::list rows;
        for (const OutputSpec& s : output_specs)
          rows.append(py::dict(py::arg("name") = s.name, py::arg("unit") = s.unit, py::arg("doc") = s.doc));
        return rows;
      },
      "The training model's per-scenario outputs: one dict per output.");
  m.attr("TRAINING_BATCH_PARAMETERS") = [] {
    py::list names;
    for (auto n : training::detail::batch_name) names.append(std::string(n));
    return py::tuple(names);
  }();
}

}  // namespace aci::python
