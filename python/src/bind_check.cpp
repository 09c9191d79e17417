// A scenario run through everything a user runs on it: the error contract (docs/error_contract.md).
#include "aci_cost/check/scenario.hpp"
#include "record.hpp"

namespace aci::python {

void bind_check(py::module_& m) {
  Record<check::CheckReport>(m, "CheckReport", "What a checked scenario gave (docs/error_contract.md).")
      .field("quotes", &check::CheckReport::quotes, "jobs quoted to the cent")
      .field("warnings", &check::CheckReport::warnings, "price warnings over those quotes")
      .field("year_ateliers", &check::CheckReport::year_ateliers, "ateliers in the year (0: no job)")
      .field("training_weeks", &check::CheckReport::training_weeks, "weeks simulated (0: no training section)")
      .done();
  // bytes are taken as they are (a document that is not UTF-8 is refused by the reader).
  m.def(
      "check_scenario", [](const std::string& text) { return check::check_scenario_text(text); }, py::arg("text"),
      "Reads a scenario document (str or bytes) and runs every job's quote, the year and the training "
      "simulation: ValueError naming the field and the value on bad input.");
}

}  // namespace aci::python
