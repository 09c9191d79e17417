// What the sweep bindings (bind_sweep.cpp: running sweeps; bind_sensitivity.cpp: the studies;
// bind_store.cpp: sweeps run into a directory) share: the bridge from Python's progress callback
// and Ctrl-C to the engine's watcher, the evaluator of a spec's model (built-in or an analyst's
// aci_cost.sweep.Model), and a sweep's result as the dict the Python layer reads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/functional.h>
#include <pybind11/pybind11.h>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/io/sweep_json.hpp"
#include "aci_cost/sweep/engine.hpp"

namespace aci::python {

namespace py = pybind11;

/// Called by the engine from the calling thread: takes the GIL, turns Ctrl-C into
/// KeyboardInterrupt (which stops the run) and reports progress to `progress`, if any.
sweep::Progress watcher(std::optional<py::function> progress);

/// The evaluator of `doc.model`: a built-in model, or `model` (an aci_cost.sweep.Model), which
/// joins the registry under its name; its function is called with the GIL held, one chunk at a
/// time, with a dict of numpy columns (and "draw_key" for a stochastic model).
std::unique_ptr<sweep::Evaluator> evaluator_for(const io::Scenario& scenario, const io::SweepDocument& doc,
                                                const py::object& model);

/// A sweep's result as the dict the Python layer reads (numpy columns handed over, no copy; or
/// the caller's `out` arrays, written in place); each output's summary with `quantiles`, and the
/// normalised spec `spec_json`.
py::dict result_dict(sweep::SweepResult&& r, const std::vector<double>& quantiles, const std::string& spec_json,
                     const py::object& out_inputs = py::none(), const py::object& out_outputs = py::none());

}  // namespace aci::python
