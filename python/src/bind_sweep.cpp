// What-if sweeps: the engine runs with the GIL released, reports progress to a Python callable
// from the calling thread (which also checks for Ctrl-C), and hands numpy arrays over without
// a copy.
#include <Python.h>

#include <cstring>
#include <pybind11/functional.h>
#include <pybind11/numpy.h>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/io/sweep_store.hpp"
#include "aci_cost/evaluators/function.hpp"
#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "numpy.hpp"
#include "record.hpp"

namespace aci::python {

namespace {
/// Called by the engine from the calling thread: takes the GIL, turns Ctrl-C into
/// KeyboardInterrupt (which stops the run) and reports progress to `progress`, if any.
sweep::Progress watcher(std::optional<py::function> progress) {
  return [progress = std::move(progress)](std::uint64_t done, std::uint64_t total) {
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    if (progress) (*progress)(done, total);
    return true;
  };
}

/// The evaluator of `doc.model`: a built-in model, or `model` (an aci_cost.sweep.Model), which
/// joins the registry under its name; its function is called with the GIL held, one chunk at a
/// time, with a dict of numpy columns (and "draw_key" for a stochastic model).
std::unique_ptr<sweep::Evaluator> evaluator_for(const io::Scenario& scenario, const io::SweepDocument& doc,
                                                const py::object& model) {
  auto registry = evaluators::Registry::builtin();
  if (!model.is_none()) {
    const auto name = model.attr("name").cast<std::string>();
    std::vector<sweep::InputInfo> inputs;
    std::vector<std::string> input_names;
    for (const auto row : model.attr("input_table")()) {
      const auto t = row.cast<py::tuple>();
      inputs.push_back({t[0].cast<std::string>(), t[1].cast<double>(), t[2].cast<double>(), t[3].cast<bool>(),
                        t[5].cast<std::string>(), t[4].cast<bool>(), ""});
      input_names.push_back(inputs.back().name);
    }
    const auto outputs = model.attr("outputs").cast<std::vector<std::string>>();
    const bool stochastic = model.attr("stochastic").cast<bool>();
    const py::object fn = model.attr("function");
    auto call = [fn, input_names, outputs, stochastic, name](const evaluators::Batch& b) {
      py::gil_scoped_acquire gil;
      py::dict columns;
      for (std::size_t k = 0; k < input_names.size(); ++k)
        if (b.inputs[k] != nullptr) columns[py::str(input_names[k])] = py::array_t<double>(static_cast<py::ssize_t>(b.size), b.inputs[k]);
      if (stochastic) columns["draw_key"] = py::array_t<std::uint64_t>(static_cast<py::ssize_t>(b.size), b.keys.data());
      const py::object result = fn(columns);
      // (Messages are built only when a check fails: this runs once per chunk.)
      const auto field = [&](std::size_t m) { return "model[" + name + "].outputs[" + outputs[m] + "]"; };
      for (std::size_t m = 0; m < outputs.size(); ++m) {
        const py::str key(outputs[m]);
        if (!py::isinstance<py::dict>(result) || !result.contains(key))
          throw InvalidInput(field(m), "missing", "the model function must return a dict with every declared output");
        const auto a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(result[key]);
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

py::dict summary_dict(const sweep::Summary& s, const std::vector<double>& quantiles) {
  py::dict d;
  d["count"] = s.count();
  d["nan_count"] = s.nan_count();
  d["mean"] = s.mean();
  d["std"] = s.std();
  d["min"] = s.min();
  d["max"] = s.max();
  py::dict q;
  for (double p : quantiles) q[py::float_(p)] = s.quantile(p);
  d["quantiles"] = q;
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

/// A sweep's result as the dict the Python layer reads (numpy columns handed over, no copy).
py::dict result_dict(sweep::SweepResult&& r, const std::vector<double>& quantiles, const std::string& spec_json) {
  py::dict inputs, outputs, summaries, states;
  for (std::size_t k = 0; k < r.inputs.size(); ++k) inputs[py::str(r.input_names[k])] = numpy_of(std::move(r.inputs[k]));
  for (std::size_t k = 0; k < r.outputs.size(); ++k) outputs[py::str(r.output_names[k])] = numpy_of(std::move(r.outputs[k]));
  for (std::size_t k = 0; k < r.summaries.size(); ++k) {
    summaries[py::str(r.output_names[k])] = summary_dict(r.summaries[k], quantiles);
    states[py::str(r.output_names[k])] = state_bytes(r.summaries[k]);
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

/// The chunk counts of a sweep directory's run.
py::dict report_dict(const io::StoreReport& r) {
  py::dict d;
  d["chunks"] = r.chunks;
  d["computed"] = r.computed;
  d["reused"] = r.reused;
  d["discarded"] = r.discarded;
  return d;
}
}  // namespace

void bind_sweep(py::module_& m) {
  m.attr("SWEEP_FORMAT") = std::string(io::sweep_format);

  m.def("sweep_inputs", [](const io::Scenario& scenario, const std::string& model) {
        io::SweepDocument d;
        d.model = model;
        const auto ev = evaluators::make_evaluator(d, scenario);
        py::list out;
        for (const auto& i : ev->inputs())
          out.append(py::make_tuple(i.name, i.low, i.high, i.low_open, i.high_open || std::isinf(i.high), i.domain(),
                                    i.rule, i.unit));
        return out;
      }, py::arg("scenario"), py::arg("model") = "training",
      "The inputs a model can vary: (name, low, high, low_open, high_open, domain, rule, unit).");
  m.def("sweep_outputs", [](const io::Scenario& scenario, const std::string& model) {
        io::SweepDocument d;
        d.model = model;
        return evaluators::make_evaluator(d, scenario)->outputs();
      }, py::arg("scenario"), py::arg("model") = "training", "The outputs a model computes.");
  m.def("summarize", [](py::array_t<double, py::array::c_style | py::array::forcecast> values,
                        std::vector<double> quantiles) {
        sweep::Summary s;
        {
          py::gil_scoped_release release;
          s.add(std::span<const double>(values.data(), static_cast<std::size_t>(values.size())));
        }
        return summary_dict(s, quantiles);
      }, py::arg("values"), py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95},
      "The engine's exact, order-independent summary of an array (the same as a sweep's).");
  m.def("merge_summaries", [](const std::vector<py::bytes>& states, const std::vector<double>& quantiles) {
        return summary_dict(merged_states(states), quantiles);
      }, py::arg("states"), py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95},
      "Merges summary states (a sweep's summary_states, e.g. from a cluster's workers) into one summary, "
      "exactly as one run over every scenario.");
  m.def("merge_summary_states", [](const std::vector<py::bytes>& states) { return state_bytes(merged_states(states)); },
        py::arg("states"),
        "Merges summary states into the state of their union (bytes): the summary_states of one run over "
        "every scenario, bit for bit.");
  m.def("check_sweep_spec", [](const std::string& spec) {
        return io::to_json(io::read_sweep(spec)).dump();
      }, py::arg("spec"), "Reads a sweep spec (ValueError with its JSON path) and returns it normalised.");

  m.def("run_sweep",
        [](const io::Scenario& scenario, const std::string& spec_text, unsigned threads, std::uint64_t chunk,
           std::uint64_t begin, std::optional<std::uint64_t> end, std::vector<double> quantiles,
           std::optional<py::function> progress, py::object model) {
          const io::SweepDocument doc = io::read_sweep(spec_text);
          const auto ev = evaluator_for(scenario, doc, model);
          const sweep::RunOptions opt{threads, chunk, begin, end};
          const sweep::Progress watch = watcher(progress);
          sweep::SweepResult r;
          {
            py::gil_scoped_release release;
            r = sweep::run_sweep(*ev, doc.spec, opt, watch);
          }
          return result_dict(std::move(r), quantiles, io::to_json(doc).dump());
        },
        py::arg("scenario"), py::arg("spec"), py::arg("threads") = 1, py::arg("chunk") = 4096, py::arg("begin") = 0,
        py::arg("end") = py::none(), py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95},
        py::arg("progress") = py::none(), py::arg("model") = py::none(),
        "Runs a sweep spec (JSON) on a scenario (or on `model`, an aci_cost.sweep.Model); inputs/outputs as "
        "numpy arrays, summaries as dicts.");

  m.def("run_to_directory",
        [](const io::Scenario& scenario, const std::string& spec_text, const std::string& directory,
           std::uint64_t chunk_rows, unsigned threads, std::uint64_t chunk, std::vector<double> quantiles,
           std::optional<py::function> progress, std::optional<py::function> on_chunk, py::object model) {
          const io::SweepDocument doc = io::read_sweep(spec_text);
          const auto ev = evaluator_for(scenario, doc, model);
          io::StoreOptions opt{chunk_rows, threads, chunk, {}};
          if (on_chunk)
            opt.after_chunk = [on_chunk](const io::ChunkDone& c) {
              py::gil_scoped_acquire gil;
              (*on_chunk)(c.index, c.begin, c.end, c.computed);
              return true;
            };
          const sweep::Progress watch = watcher(progress);
          io::StoredSweep r;
          {
            py::gil_scoped_release release;
            r = io::run_to_directory(*ev, doc, scenario, directory, opt, watch);
          }
          py::dict out = result_dict(std::move(r.result), quantiles, io::to_json(r.document).dump());
          out["chunks"] = report_dict(r.report);
          return out;
        },
        py::arg("scenario"), py::arg("spec"), py::arg("directory"), py::arg("chunk_rows") = 65536,
        py::arg("threads") = 1, py::arg("chunk") = 4096,
        py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95}, py::arg("progress") = py::none(),
        py::arg("on_chunk") = py::none(), py::arg("model") = py::none(),
        "Runs a sweep spec chunk by chunk into a directory (io/sweep_store.hpp), reusing the chunks an earlier, "
        "interrupted run left; on_chunk(index, begin, end, computed) after each chunk; the run_sweep dict plus "
        "'chunks' (computed, reused counts).");
  m.def("read_directory",
        [](const std::string& directory, std::vector<double> quantiles) {
          io::StoredSweep r;
          {
            py::gil_scoped_release release;
            r = io::read_directory(directory);
          }
          py::dict out = result_dict(std::move(r.result), quantiles, io::to_json(r.document).dump());
          out["chunks"] = report_dict(r.report);
          return out;
        },
        py::arg("directory"), py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95},
        "Reads a finished sweep directory back (ValueError naming the manifest when it is unfinished).");
}

}  // namespace aci::python

#include "aci_cost/sweep/morris_study.hpp"
#include "aci_cost/sweep/sobol_study.hpp"
#include "aci_cost/sweep/tornado_study.hpp"

namespace aci::python {

namespace {
/// The analysis options from Python's arguments; the bootstrap polls Python's signals from
/// this thread about every 50 ms, so Ctrl-C stops it too.
sweep::SobolOptions sobol_options(double level, std::size_t resamples, std::uint64_t bootstrap_seed, bool salib,
                                  unsigned threads) {
  sweep::SobolOptions o;
  o.confidence_level = level;
  o.bootstrap_resamples = resamples;
  o.bootstrap_seed = bootstrap_seed;
  o.salib_conventions = salib;
  o.threads = threads;
  o.keep_going = [] {
    py::gil_scoped_acquire gil;
    if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    return true;
  };
  return o;
}

/// The bounds of each interval, as a list.
std::vector<double> bounds(const std::vector<sweep::Interval<double>>& ci, bool high) {
  std::vector<double> out;
  for (const auto& c : ci) out.push_back(high ? c.high : c.low);
  return out;
}

/// The columns of a design's points (rows x cols, row-major) as a numpy matrix (a copy).
py::array_t<double> matrix_copy(const std::vector<double>& v, std::size_t cols) {
  return numpy_matrix(std::vector<double>(v), cols);
}
}  // namespace

void bind_sensitivity(py::module_& m) {
  using sweep::SobolIndices;
  py::class_<SobolIndices<double>>(m, "SobolIndices", "Sobol' indices of one output, per input or group.")
      .def_property_readonly("S1", [](const SobolIndices<double>& s) { return s.first_order; }, "first-order indices")
      .def_property_readonly("ST", [](const SobolIndices<double>& s) { return s.total_order; }, "total indices")
      .def_property_readonly("S1_low", [](const SobolIndices<double>& s) { return bounds(s.first_order_ci, false); })
      .def_property_readonly("S1_high", [](const SobolIndices<double>& s) { return bounds(s.first_order_ci, true); })
      .def_property_readonly("ST_low", [](const SobolIndices<double>& s) { return bounds(s.total_order_ci, false); })
      .def_property_readonly("ST_high", [](const SobolIndices<double>& s) { return bounds(s.total_order_ci, true); })
      .def_readonly("mean", &SobolIndices<double>::mean, "mean of the stacked f(A), f(B)")
      .def_readonly("variance", &SobolIndices<double>::variance, "sample variance of the stacked f(A), f(B)")
      .def_readonly("rows_used", &SobolIndices<double>::rows_used, "base rows analysed")
      .def_readonly("rows_dropped", &SobolIndices<double>::rows_dropped, "base rows dropped (non-finite output)");
  py::class_<sweep::SobolOutput>(m, "SobolOutput", "The Sobol' indices of one output and its values at the design rows.")
      .def_readonly("output", &sweep::SobolOutput::output)
      .def_readonly("indices", &sweep::SobolOutput::indices)
      .def_property_readonly("values", [](const sweep::SobolOutput& o) { return py::array_t<double>(
                                           static_cast<py::ssize_t>(o.values.size()), o.values.data()); });
  py::class_<sweep::SobolStudy>(m, "SobolStudy", "A Sobol' study: labels, per-output indices and the design run.")
      .def_readonly("labels", &sweep::SobolStudy::labels, "per group: input name, 'group g', then 'noise'")
      .def_readonly("outputs", &sweep::SobolStudy::outputs, "SobolOutput per output")
      .def_property_readonly("unit_points", [](const sweep::SobolStudy& s) { return matrix_copy(s.unit_points, s.inputs); },
                             "rows x inputs unit coordinates (rows A, B, AB_g per base row)")
      .def_readonly("rows", &sweep::SobolStudy::rows)
      .def_readonly("fingerprint", &sweep::SobolStudy::fingerprint)
      .def_readonly("block_size", &sweep::SobolStudy::block_size);
  using sweep::MorrisIndices;
  py::class_<MorrisIndices<double>>(m, "MorrisIndices", "Morris statistics of one output, per input.")
      .def_readonly("mu", &MorrisIndices<double>::mu)
      .def_readonly("mu_star", &MorrisIndices<double>::mu_star)
      .def_readonly("sigma", &MorrisIndices<double>::sigma);
  py::class_<sweep::MorrisOutput>(m, "MorrisOutput", "The Morris statistics of one output.")
      .def_readonly("output", &sweep::MorrisOutput::output)
      .def_readonly("indices", &sweep::MorrisOutput::indices);
  py::class_<sweep::MorrisStudy>(m, "MorrisStudy", "A Morris study: input names and per-output statistics.")
      .def_readonly("inputs", &sweep::MorrisStudy::inputs)
      .def_readonly("outputs", &sweep::MorrisStudy::outputs);
  using Bar = sweep::TornadoBar<double>;
  py::class_<Bar>(m, "TornadoBar", "One input's swing of one output.")
      .def_readonly("input", &Bar::input, "index in TornadoStudy.inputs")
      .def_readonly("low_delta", &Bar::low_delta)
      .def_readonly("high_delta", &Bar::high_delta)
      .def_readonly("swing", &Bar::swing);
  py::class_<sweep::TornadoOutput>(m, "TornadoOutput", "The tornado of one output, largest swing first.")
      .def_readonly("output", &sweep::TornadoOutput::output)
      .def_readonly("base", &sweep::TornadoOutput::base)
      .def_readonly("bars", &sweep::TornadoOutput::bars);
  py::class_<sweep::TornadoStudy>(m, "TornadoStudy", "A tornado study: input names and per-output tornadoes.")
      .def_readonly("inputs", &sweep::TornadoStudy::inputs)
      .def_readonly("outputs", &sweep::TornadoStudy::outputs);

  m.def("sobol_sweep",
        [](const io::Scenario& scenario, const std::string& spec_text, std::uint64_t n, std::uint64_t seed,
           std::vector<std::size_t> groups, double level, std::size_t resamples, std::uint64_t bootstrap_seed,
           const std::string& nan_policy, bool salib, unsigned threads, std::uint64_t chunk, bool noise,
           std::uint64_t replications, py::object model, std::optional<py::function> progress) {
          const io::SweepDocument doc = io::read_sweep(spec_text);
          sweep::SobolStudyOptions o;
          o.n = n;
          o.seed = seed;
          o.groups = std::move(groups);
          o.noise = noise;
          o.replications = replications;
          o.analysis = sobol_options(level, resamples, bootstrap_seed, salib, threads);
          require(nan_policy == "raise" || nan_policy == "drop_blocks", "sobol.nan_policy", nan_policy,
                  "expected 'raise' or 'drop_blocks'");
          if (nan_policy == "drop_blocks") o.analysis.nan_policy = sweep::NanPolicy::drop_blocks;
          o.run.threads = threads;
          o.run.chunk = chunk;
          const auto ev = evaluator_for(scenario, doc, model);
          const sweep::Progress watch = watcher(std::move(progress));
          py::gil_scoped_release release;
          return sweep::run_sobol(*ev, doc.spec, o, watch);
        },
        py::arg("scenario"), py::arg("spec"), py::arg("n"), py::arg("seed"), py::arg("groups") = std::vector<std::size_t>{},
        py::arg("level") = 0.95, py::arg("resamples") = 1000, py::arg("bootstrap_seed") = 0,
        py::arg("nan_policy") = "raise", py::arg("salib_conventions") = false, py::arg("threads") = 1,
        py::arg("chunk") = 4096, py::arg("noise") = false, py::arg("replications") = 1, py::arg("model") = py::none(),
        py::arg("progress") = py::none(),
        "A Sobol' study (sweep/sobol_study.hpp) of every output of a spec: Saltelli design of N base rows (a power "
        "of two), Saltelli 2010 S1 and Jansen ST, bootstrap intervals; the rows of a base row share the model's "
        "random draws; noise=True adds the model's randomness as a last group; replications averages R runs per row; progress(done, total) is called as rows are evaluated.");

  m.def("tornado_sweep",
        [](const io::Scenario& scenario, const std::string& spec_text, std::uint64_t replications, unsigned threads,
           py::object model) {
          const io::SweepDocument doc = io::read_sweep(spec_text);
          const auto ev = evaluator_for(scenario, doc, model);
          sweep::RunOptions opt;
          opt.threads = threads;
          const sweep::Progress watch = watcher(std::nullopt);
          py::gil_scoped_release release;
          return sweep::run_tornado(*ev, doc.spec, replications, opt, watch);
        },
        py::arg("scenario"), py::arg("spec"), py::arg("replications") = 1, py::arg("threads") = 1,
        py::arg("model") = py::none(),
        "One-at-a-time swings (inputs give values [low, base, high]) of every output, largest first; every point "
        "on the same draws, R replications averaged.");

  m.def("saltelli_points", [](std::size_t k, std::uint64_t n, std::uint64_t seed, std::vector<std::size_t> groups) {
        const sweep::SaltelliDesign design(k, n, seed, groups);
        std::vector<double> u(static_cast<std::size_t>(design.size()) * k);
        for (std::uint64_t r = 0; r < design.size(); ++r) design.point(r, std::span<double>(u.data() + r * k, k));
        return numpy_matrix(std::move(u), k);
      }, py::arg("k"), py::arg("n"), py::arg("seed"), py::arg("groups") = std::vector<std::size_t>{},
      "The unit points of a Saltelli design (rows A, B, AB_g per base row), for any model.");
  m.def("analyze_sobol_outputs",
        [](std::size_t k, std::uint64_t n, std::uint64_t seed, std::vector<std::size_t> groups, std::vector<double> y,
           double level, std::size_t resamples, std::uint64_t bootstrap_seed, bool salib, unsigned threads) {
          const sweep::SaltelliDesign design(k, n, seed, groups);
          const sweep::SobolOptions o = sobol_options(level, resamples, bootstrap_seed, salib, threads);
          py::gil_scoped_release release;
          return sweep::analyze_sobol(design, sweep::DesignOutputs<double>{design.fingerprint(), std::move(y)}, o);
        },
        py::arg("k"), py::arg("n"), py::arg("seed"), py::arg("groups"), py::arg("y"), py::arg("level") = 0.95,
        py::arg("resamples") = 1000, py::arg("bootstrap_seed") = 0, py::arg("salib_conventions") = false,
        py::arg("threads") = 1,
        "Sobol' indices from the outputs Y of a Saltelli design's rows (as saltelli_points gives them).");

  m.def("morris_sweep",
        [](const io::Scenario& scenario, const std::string& spec_text, std::size_t trajectories, std::size_t levels,
           std::uint64_t seed, unsigned threads, std::uint64_t replications, py::object model) {
          const io::SweepDocument doc = io::read_sweep(spec_text);
          sweep::MorrisStudyOptions o;
          o.trajectories = trajectories;
          o.levels = levels;
          o.seed = seed;
          o.replications = replications;
          o.run.threads = threads;
          const auto ev = evaluator_for(scenario, doc, model);
          const sweep::Progress watch = watcher(std::nullopt);
          py::gil_scoped_release release;
          return sweep::run_morris(*ev, doc.spec, o, watch);
        },
        py::arg("scenario"), py::arg("spec"), py::arg("trajectories") = 20, py::arg("levels") = 4, py::arg("seed") = 0,
        py::arg("threads") = 1, py::arg("replications") = 1, py::arg("model") = py::none(),
        "Morris elementary effects (mu, mu*, sigma per input, per unit of the input's quantile scale); the points of "
        "a trajectory share the model's random draws.");
}

}  // namespace aci::python
