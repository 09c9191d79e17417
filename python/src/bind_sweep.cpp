// What-if sweeps: the engine runs with the GIL released, reports progress to a Python callable
// from the calling thread (which also checks for Ctrl-C), hands numpy arrays over without a
// copy, or writes into arrays the caller owns (out=). The sensitivity studies: bind_sensitivity.cpp.
#include <Python.h>

#include <cstring>
#include <pybind11/functional.h>
#include <pybind11/numpy.h>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/evaluators/function.hpp"
#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "numpy.hpp"
#include "record.hpp"
#include "sweep_bridge.hpp"

namespace aci::python {

sweep::Progress watcher(std::optional<py::function> progress) {
  return [progress = std::move(progress)](std::uint64_t done, std::uint64_t total) {
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    if (progress) (*progress)(done, total);
    return true;
  };
}

std::unique_ptr<sweep::Evaluator> evaluator_for(const io::Scenario& scenario, const io::SweepDocument& doc,
                                                const py::object& model) {
  auto registry = evaluators::Registry::builtin();
  if (!model.is_none()) {
    const auto name = model.attr("name").cast<std::string>();
    std::vector<sweep::InputInfo> inputs;
    std::vector<std::string> input_names;
    for (const auto row : model.attr("input_table")()) {  // InputRow, read by field name
      inputs.push_back({row.attr("name").cast<std::string>(), row.attr("low").cast<double>(),
                        row.attr("high").cast<double>(), row.attr("low_open").cast<bool>(),
                        row.attr("unit").cast<std::string>(), row.attr("high_open").cast<bool>(), ""});
      input_names.push_back(inputs.back().name);
    }
    const auto outputs = model.attr("outputs").cast<std::vector<std::string>>();
    const bool stochastic = model.attr("stochastic").cast<bool>();
    const py::object fn = model.attr("function");
    auto call = [fn, input_names, outputs, stochastic, name](const evaluators::Batch& b) {
      py::gil_scoped_acquire gil;
      py::dict columns;
      for (std::size_t k = 0; k < input_names.size(); ++k)
        if (b.inputs[k] != nullptr)
          columns[py::str(input_names[k])] = py::array_t<double>(static_cast<py::ssize_t>(b.size), b.inputs[k]);
      if (stochastic) columns["draw_key"] = py::array_t<std::uint64_t>(static_cast<py::ssize_t>(b.size), b.keys.data());
      const py::object result = fn(columns);
      // (Messages are built only when a check fails: this runs once per chunk.)
      const auto field = [&](std::size_t m) { return "model[" + name + "].outputs[" + outputs[m] + "]"; };
      for (std::size_t m = 0; m < outputs.size(); ++m) {
        const py::str key(outputs[m]);
        if (!py::isinstance<py::dict>(result) || !result.contains(key))
          throw InvalidInput(field(m), "missing", "the model function must return a dict with every declared output");
        // Real numbers only: a string column ("1.5") or a complex one was coerced (or its
        // imaginary part dropped) by forcecast (issue 34 item 14).
        const py::object raw = py::module_::import("numpy").attr("asarray")(result[key]);
        const char kind = raw.attr("dtype").attr("kind").cast<std::string>()[0];
        if (kind != 'f' && kind != 'i' && kind != 'u' && kind != 'b')
          throw InvalidInput(field(m), py::str(raw.attr("dtype")).cast<std::string>() + " values",
                             "must be real numbers (float, int or bool): strings, complex numbers and objects are "
                             "refused, not converted");
        const auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(raw);
        if (!a || a.ndim() != 1 || static_cast<std::size_t>(a.size()) != b.size)
          throw InvalidInput(field(m), a ? std::to_string(a.size()) + " values" : std::string("not numbers"),
                             "must hold one number per scenario (" + std::to_string(b.size) + ")");
        std::copy(a.data(), a.data() + b.size, b.outputs[m]);
      }
    };
    registry.add(name, [inputs, outputs, call](const io::Scenario&, const io::SweepDocument&) {
      return std::make_unique<evaluators::FunctionEvaluator>(inputs, outputs, call);
    });
  }
  return registry.make(doc, scenario);
}

namespace {
/// A summary as a dict; its quantiles exact when `column` (the values it summarises) is given,
/// else the histogram's, with the bounds that hold the exact ones.
py::dict summary_dict(const sweep::Summary& s, const std::vector<double>& quantiles,
                      std::span<const double> column = {}) {
  py::dict d;
  d["count"] = s.count();
  d["nan_count"] = s.nan_count();
  d["mean"] = s.mean();
  d["std"] = s.std();
  d["min"] = s.min();
  d["max"] = s.max();
  std::vector<sweep::QuantileEstimate> estimates;
  if (column.data() != nullptr) {
    py::gil_scoped_release release;
    estimates = s.exact_quantiles(column, quantiles);
  } else {
    for (const double p : quantiles) estimates.push_back(s.quantile_estimate(p));
  }
  py::dict q, bounds;
  bool exact = true;
  for (const auto& e : estimates) {
    q[py::float_(e.q)] = e.value;
    bounds[py::float_(e.q)] = py::make_tuple(e.low, e.high);
    exact = exact && e.exact;
  }
  d["quantiles"] = q;
  d["quantile_bounds"] = bounds;
  d["quantiles_exact"] = exact;
  return d;
}

/// A summary's state as the bytes of a sweep's summary_states.
py::bytes state_bytes(const sweep::Summary& s) {
  const auto w = s.to_words();
  return py::bytes(reinterpret_cast<const char*>(w.data()), w.size() * sizeof(std::uint64_t));
}

/// The summary of the union of summary states (bytes); errors name states[i].
sweep::Summary merged_states(const std::vector<py::bytes>& states) {
  sweep::Summary s;
  for (std::size_t i = 0; i < states.size(); ++i) {
    const std::string b = states[i];
    std::vector<std::uint64_t> w(b.size() / sizeof(std::uint64_t));
    require(b.size() % sizeof(std::uint64_t) == 0, "summaries[" + std::to_string(i) + "]",
            std::to_string(b.size()) + " bytes", "not a summary state");
    std::memcpy(w.data(), b.data(), b.size());
    s.merge(sweep::Summary::from_words(w, "summaries[" + std::to_string(i) + "]"));
  }
  return s;
}

/// The columns a caller passed as out= (name -> float64 C-contiguous writable array), in the
/// order of `names`; ValueError naming out[name] for anything else (never a silent copy).
std::vector<std::span<double>> target_columns(const py::object& given, const std::vector<std::string>& names,
                                              const std::string& field) {
  std::vector<std::span<double>> spans;
  if (given.is_none()) return spans;
  const auto d = given.cast<py::dict>();
  for (const auto& name : names) {
    const auto where = [&] { return field + "[" + name + "]"; };
    require(d.contains(name), where(), "missing", "out= needs an array for every column the sweep keeps");
    const py::object o = d[py::str(name)];
    require(py::isinstance<py::array>(o), where(), py::str(py::type::of(o).attr("__name__")).cast<std::string>(),
            "expected a numpy array");
    auto a = o.cast<py::array>();
    const bool ok = a.dtype().kind() == 'f' && a.itemsize() == 8 && a.ndim() == 1 &&
                    (a.flags() & py::array::c_style) != 0 && a.writeable();
    require(ok, where(), std::string(py::str(a.dtype())) + " array",
            "must be a writable, contiguous, one-dimensional float64 array (it is written in place)");
    spans.emplace_back(static_cast<double*>(a.mutable_data()), static_cast<std::size_t>(a.size()));
  }
  return spans;
}

}  // namespace

/// A sweep's result as the dict the Python layer reads (numpy columns handed over, no copy; or
/// the caller's `out` arrays, written in place).
py::dict result_dict(sweep::SweepResult&& r, const std::vector<double>& quantiles, const std::string& spec_json,
                     const py::object& out_inputs, const py::object& out_outputs) {
  py::dict inputs, outputs, summaries, states;
  for (std::size_t k = 0; k < r.inputs.size(); ++k)
    inputs[py::str(r.input_names[k])] = numpy_of(std::move(r.inputs[k]));
  for (std::size_t k = 0; k < r.outputs.size(); ++k)
    outputs[py::str(r.output_names[k])] = numpy_of(std::move(r.outputs[k]));
  if (!out_inputs.is_none())
    for (const auto& name : r.input_names) inputs[py::str(name)] = out_inputs[py::str(name)];
  if (!out_outputs.is_none())
    for (const auto& name : r.output_names) outputs[py::str(name)] = out_outputs[py::str(name)];
  for (std::size_t k = 0; k < r.summaries.size(); ++k) {
    const py::str name(r.output_names[k]);
    std::span<const double> column;
    if (outputs.contains(name)) {  // full mode: the exact quantiles of the column
      const auto a = outputs[name].cast<py::array_t<double>>();
      column = std::span<const double>(a.data(), static_cast<std::size_t>(a.size()));
    }
    summaries[name] = summary_dict(r.summaries[k], quantiles, column);
    states[name] = state_bytes(r.summaries[k]);
  }
  py::dict out;
  out["begin"] = r.begin;
  out["end"] = r.end;
  out["input_names"] = r.input_names;
  out["output_names"] = r.output_names;
  out["inputs"] = inputs;
  out["outputs"] = outputs;
  out["summaries"] = summaries;
  out["summary_states"] = states;
  out["spec"] = spec_json;
  return out;
}

void bind_sweep(py::module_& m) {
  m.attr("SWEEP_FORMAT") = std::string(io::sweep_format);

  m.def(
      "sweep_inputs",
      [](const io::Scenario& scenario, const std::string& model) {
        io::SweepDocument d;
        d.model = model;
        const auto ev = evaluators::make_evaluator(d, scenario);
        py::list out;
        for (const auto& i : ev->inputs())
          out.append(py::dict(py::arg("name") = i.name, py::arg("low") = i.low, py::arg("high") = i.high,
                              py::arg("low_open") = i.low_open,
                              py::arg("high_open") = i.high_open || std::isinf(i.high), py::arg("domain") = i.domain(),
                              py::arg("rule") = i.rule, py::arg("unit") = i.unit));
        return out;
      },
      py::arg("scenario"), py::arg("model") = "training",
      "The inputs a model can vary: a dict per input (name, low, high, low_open, high_open, domain, rule, unit).");
  m.def(
      "sweep_outputs",
      [](const io::Scenario& scenario, const std::string& model) {
        io::SweepDocument d;
        d.model = model;
        return evaluators::make_evaluator(d, scenario)->outputs();
      },
      py::arg("scenario"), py::arg("model") = "training", "The outputs a model computes.");
  m.def(
      "summarize",
      [](py::array_t<double, py::array::c_style | py::array::forcecast> values, std::vector<double> quantiles) {
        sweep::Summary s;
        const std::span<const double> column(values.data(), static_cast<std::size_t>(values.size()));
        {
          py::gil_scoped_release release;
          s.add(column);
        }
        return summary_dict(s, quantiles, column);
      },
      py::arg("values"), py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95},
      "The engine's exact, order-independent summary of an array (a sweep's), with its exact quantiles.");
  m.def(
      "merge_summaries",
      [](const std::vector<py::bytes>& states, const std::vector<double>& quantiles) {
        return summary_dict(merged_states(states), quantiles);
      },
      py::arg("states"), py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95},
      "Merges summary states (a sweep's summary_states, e.g. from a cluster's workers) into one summary, "
      "exactly as one run over every scenario.");
  m.def(
      "merge_summary_states", [](const std::vector<py::bytes>& states) { return state_bytes(merged_states(states)); },
      py::arg("states"),
      "Merges summary states into the state of their union (bytes): the summary_states of one run over "
      "every scenario, bit for bit.");
  m.def(
      "check_sweep_spec", [](const std::string& spec) { return io::to_json(io::read_sweep(spec)).dump(); },
      py::arg("spec"), "Reads a sweep spec (ValueError with its JSON path) and returns it normalised.");

  m.def(
      "run_sweep",
      [](const io::Scenario& scenario, const std::string& spec_text, unsigned threads, std::uint64_t chunk,
         std::uint64_t begin, std::optional<std::uint64_t> end, std::vector<double> quantiles,
         std::optional<py::function> progress, py::object model, py::object out_inputs, py::object out_outputs) {
        const io::SweepDocument doc = io::read_sweep(spec_text);
        const auto ev = evaluator_for(scenario, doc, model);
        const sweep::RunOptions opt{threads, chunk, begin, end};
        const sweep::Progress watch = watcher(progress);
        sweep::SweepTargets targets;
        const bool into = !out_inputs.is_none() || !out_outputs.is_none();
        if (into) {
          std::vector<std::string> inputs, outputs = doc.spec.outputs.empty() ? ev->outputs() : doc.spec.outputs;
          if (doc.spec.keep_inputs)
            for (const auto& in : doc.spec.inputs) inputs.push_back(in.name);
          targets.inputs = target_columns(out_inputs, inputs, "out.inputs");
          targets.outputs = target_columns(out_outputs, outputs, "out.outputs");
        }
        sweep::SweepResult r;
        {
          py::gil_scoped_release release;
          r = sweep::run_sweep(*ev, doc.spec, opt, watch, into ? &targets : nullptr);
        }
        return result_dict(std::move(r), quantiles, io::to_json(doc).dump(), out_inputs, out_outputs);
      },
      py::arg("scenario"), py::arg("spec"), py::arg("threads") = 1, py::arg("chunk") = 4096, py::arg("begin") = 0,
      py::arg("end") = py::none(), py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95},
      py::arg("progress") = py::none(), py::arg("model") = py::none(), py::arg("out_inputs") = py::none(),
      py::arg("out_outputs") = py::none(),
      "Runs a sweep spec (JSON) on a scenario (or on `model`, an aci_cost.sweep.Model); inputs/outputs as "
      "numpy arrays (or written into out_inputs/out_outputs: name -> float64 array), summaries as dicts.");
}

}  // namespace aci::python
