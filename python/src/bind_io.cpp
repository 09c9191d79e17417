// Scenarios and their JSON format.
#include "aci_cost/io/scenario.hpp"
#include "enums.hpp"
#include "record.hpp"

namespace aci::python {

void bind_io(py::module_& m) {
  using io::Scenario;
  Record<Scenario>(m, "Scenario", "An ACI, its jobs, pricing options and rate overrides.")
      .field("aci", &Scenario::aci, "Aci")
      .field("jobs", &Scenario::jobs, "list of Job")
      .field("pricing", &Scenario::pricing, "PricingOptions")
      .field("rates", &Scenario::rates, "list of RateEntry added to the French table")
      .field("training", &Scenario::training, "TrainingSetup or None")
      .field("rates_known_until", &Scenario::rates_known_until, "date or None: replaces the rate table's horizon")
      .field("rates_use_unconfirmed", &Scenario::rates_use_unconfirmed,
             "use figures tagged 'check' as soon as in force (default: the last confirmed one)")
      .done()
      .def("rate_table", &Scenario::rate_table, "France's figures with this scenario's overrides.")
      .def(
          "job",
          [](py::object self, const std::string& name) {
            // A copy that writes itself back into the scenario's jobs when a field is set
            // (s.job(name).productivity = x changes s), like an item of s.jobs.
            const Scenario& s = self.cast<const Scenario&>();
            const model::Job& job = s.job(name);
            const auto index = static_cast<std::size_t>(&job - s.jobs.data());
            return detail::owned(py::cast(job), self, "jobs", index);
          },
          py::arg("name"), "The job named `name` (a copy whose edits reach the scenario).")
      .def("validate", &Scenario::validate)
      .def("training_model", &Scenario::training_model, "The training model to simulate (atelier fields derived).")
      .def(
          "to_json", [](const Scenario& s, int indent) { return io::scenario_to_json(s).dump(indent); },
          py::arg("indent") = 2, "The scenario document (format aci_cost/scenario@1).");
  m.def(
      "read_scenario", [](const std::string& text) { return io::read_scenario(text); }, py::arg("text"),
      "Parses a scenario document; ValueError with the JSON path on any problem.");
  m.def(
      "default_scenario", [](const std::string& support) { return io::default_scenario(support); },
      py::arg("support") = "green_spaces",
      "The embedded default of a support (green_spaces, market_gardening, building, laundry, recycling_reuse) "
      "or the multi-atelier default (multi_atelier); figures in docs/supports.md.");
  py::list names;
  for (auto n : io::default_scenario_names) names.append(py::str(std::string(n)));
  m.attr("DEFAULT_SCENARIOS") = py::tuple(names);
  m.attr("SCENARIO_FORMAT") = std::string(io::scenario_format);
}

}  // namespace aci::python
