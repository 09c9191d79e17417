// aci_cost._core: the compiled layer under the Python package aci_cost.
#include <pybind11/pybind11.h>

#include "aci_cost/error.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "aci_cost/version.hpp"

namespace py = pybind11;

namespace aci::python {
void bind_money(py::module_& m);
void bind_rates(py::module_& m);
void bind_model(py::module_& m);
void bind_quote(py::module_& m);
void bind_budget(py::module_& m);
void bind_io(py::module_& m);
void bind_training(py::module_& m);
void bind_sweep(py::module_& m);
void bind_sensitivity(py::module_& m);
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
  aci::python::bind_money(m);
  aci::python::bind_rates(m);
  aci::python::bind_model(m);
  aci::python::bind_io(m);
  aci::python::bind_quote(m);
  aci::python::bind_budget(m);
  aci::python::bind_training(m);
  aci::python::bind_sweep(m);
  aci::python::bind_sensitivity(m);
}
