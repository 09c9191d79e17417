// aci_cost._core: the compiled layer under the Python package aci_cost.
#include <filesystem>
#include <pybind11/pybind11.h>

#include "aci_cost/error.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "aci_cost/version.hpp"

namespace py = pybind11;

namespace aci::python {
void bind_money(py::module_& m);
void bind_rates(py::module_& m);
void bind_allocation(py::module_& m);
void bind_calibration(py::module_& m);
void bind_model(py::module_& m);
void bind_quote(py::module_& m);
void bind_budget(py::module_& m);
void bind_actuals(py::module_& m);
void bind_io(py::module_& m);
void bind_training(py::module_& m);
void bind_link(py::module_& m);
void bind_sweep(py::module_& m);
void bind_store(py::module_& m);
void bind_check(py::module_& m);
void bind_sensitivity(py::module_& m);
void bind_sharing(py::module_& m);
void bind_schema(py::module_& m);
}  // namespace aci::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "aci_cost compiled core (use the aci_cost package)";
  m.attr("__version__") = aci::version_string;
  // Bad input is a ValueError subclass that carries the field and the value.
  auto invalid = py::register_exception<aci::InvalidInput>(m, "InvalidInput", PyExc_ValueError);
  py::register_exception<aci::NoRateInForce>(m, "NoRateInForce", invalid.ptr());
  py::register_exception<aci::ScenarioError>(m, "ScenarioError", invalid.ptr());
  py::register_exception<aci::DomainError>(m, "DomainError", PyExc_ValueError);
  py::register_exception<aci::sweep::Cancelled>(m, "Cancelled", PyExc_RuntimeError);
  // A file system error (a sweep written to a directory) is Python's OSError, with its errno.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const std::filesystem::filesystem_error& e) {
      py::object error =
          py::reinterpret_steal<py::object>(PyObject_CallFunction(PyExc_OSError, "is", e.code().value(), e.what()));
      PyErr_SetObject(PyExc_OSError, error.ptr());
    }
  });
  // One submodule per area of the C++ library (aci_cost._core.<area>), each also importable
  // by name (registered in sys.modules, so that `from aci_cost._core.quote import Quote`,
  // pickling and the stub checker find it).
  py::object modules = py::module_::import("sys").attr("modules");
  const std::string root = m.attr("__name__").cast<std::string>();
  const auto area = [&](const char* name, const char* doc, void (*bind)(py::module_&)) {
    py::module_ sub = m.def_submodule(name, doc);
    modules[py::str(root + "." + name)] = sub;
    bind(sub);
  };
  using namespace aci::python;
  area("money", "Exact money: rounding, splits that keep every cent, French formatting.", bind_money);
  area("rates", "The dated table of legal and published figures.", bind_rates);
  area("allocation", "Cost centres (direct, step-down, reciprocal) and time-driven rates, to the cent.",
       bind_allocation);
  area("calibration", "Time equations learned from past jobs (least squares, prediction intervals).", bind_calibration);
  area("schema", "The field tables of the scenario's structs and the rate table's descriptor.", bind_schema);
  area("model", "The ACI, its ateliers, staff groups and jobs.", bind_model);
  area("scenario", "Scenarios: an ACI, its jobs, pricing options and rate overrides, and their JSON format.", bind_io);
  area("quote", "The quote of a job: costs, subsidies, price and its legal bounds, warnings.", bind_quote);
  area("budget", "The year of an ACI: its jobs summed per atelier against its structure.", bind_budget);
  area("actuals", "An ACI's own data: the FEC's trial balance, the realised year, budget and quotes against actual.",
       bind_actuals);
  area("training", "The weekly model of training deferred by production pressure.", bind_training);
  area("link", "The quote and the training model together.", bind_link);
  area("sharing", "Posts shared between ACIs: coalition costs, fair splits, who would walk away.", bind_sharing);
  area("sweep", "What-if sweeps, summaries and sensitivity studies over any model.", [](py::module_& s) {
    bind_sweep(s);
    bind_sensitivity(s);
  });
  area("store", "Sweeps run chunk by chunk into a directory that survives an interruption and resumes.", bind_store);
  area("check", "A scenario run through everything a user runs on it: the error contract.", bind_check);
}
