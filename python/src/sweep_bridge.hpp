// What the sweep bindings (bind_sweep.cpp: running sweeps; bind_sensitivity.cpp: the studies)
// share: the bridge from Python's progress callback and Ctrl-C to the engine's watcher, and the
// evaluator of a spec's model, built-in or an analyst's aci_cost.sweep.Model.
#pragma once

#include <memory>
#include <optional>

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

}  // namespace aci::python
