// What-if sweeps: the engine runs with the GIL released, reports progress to a Python callable
// from the calling thread (which also checks for Ctrl-C), and hands numpy arrays over without
// a copy.
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
  m.def("merge_summaries", [](std::vector<py::bytes> states, std::vector<double> quantiles) {
        sweep::Summary s;
        for (std::size_t i = 0; i < states.size(); ++i) {
          const std::string b = states[i];
          std::vector<std::uint64_t> w(b.size() / sizeof(std::uint64_t));
          require(b.size() % sizeof(std::uint64_t) == 0, "summaries[" + std::to_string(i) + "]",
                  std::to_string(b.size()) + " bytes", "not a summary state");
          std::memcpy(w.data(), b.data(), b.size());
          s.merge(sweep::Summary::from_words(w, "summaries[" + std::to_string(i) + "]"));
        }
        return summary_dict(s, quantiles);
      }, py::arg("states"), py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95},
      "Merges summary states (a sweep's summary_states, e.g. from a cluster's workers) into one summary, "
      "exactly as one run over every scenario.");
  m.def("check_sweep_spec", [](const std::string& spec) {
        return io::to_json(io::read_sweep(spec)).dump();
      }, py::arg("spec"), "Reads a sweep spec (ValueError with its JSON path) and returns it normalised.");

  m.def("run_sweep",
        [](const io::Scenario& scenario, const std::string& spec_text, unsigned threads, std::uint64_t chunk,
           std::uint64_t begin, std::optional<std::uint64_t> end, std::vector<double> quantiles,
           std::optional<py::function> progress, py::object model) {
          const io::SweepDocument doc = io::read_sweep(spec_text);
          const auto ev = evaluator_for(scenario, doc, model);
          sweep::RunOptions opt;
          opt.threads = threads;
          opt.chunk = chunk;
          opt.begin = begin;
          opt.end = end;
          const sweep::Progress watch = watcher(progress);
          sweep::SweepResult r;
          {
            py::gil_scoped_release release;
            r = sweep::run_sweep(*ev, doc.spec, opt, watch);
          }
          py::dict inputs, outputs, summaries, states;
          for (std::size_t k = 0; k < r.inputs.size(); ++k) inputs[py::str(r.input_names[k])] = numpy_of(std::move(r.inputs[k]));
          for (std::size_t k = 0; k < r.outputs.size(); ++k) outputs[py::str(r.output_names[k])] = numpy_of(std::move(r.outputs[k]));
          for (std::size_t k = 0; k < r.summaries.size(); ++k) {
            summaries[py::str(r.output_names[k])] = summary_dict(r.summaries[k], quantiles);
            const auto w = r.summaries[k].to_words();
            states[py::str(r.output_names[k])] =
                py::bytes(reinterpret_cast<const char*>(w.data()), w.size() * sizeof(std::uint64_t));
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
          out["spec"] = io::to_json(doc).dump();
          return out;
        },
        py::arg("scenario"), py::arg("spec"), py::arg("threads") = 1, py::arg("chunk") = 4096, py::arg("begin") = 0,
        py::arg("end") = py::none(), py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95},
        py::arg("progress") = py::none(), py::arg("model") = py::none(),
        "Runs a sweep spec (JSON) on a scenario (or on `model`, an aci_cost.sweep.Model); inputs/outputs as "
        "numpy arrays, summaries as dicts.");
}

}  // namespace aci::python

#include "aci_cost/sweep/common_draws.hpp"

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

/// S1, ST and their interval bounds, as lists per group.
py::dict indices_dict(const sweep::SobolIndices<double>& s) {
  py::dict d;
  d["S1"] = s.first_order;
  d["ST"] = s.total_order;
  std::vector<double> s1l, s1h, stl, sth;
  for (const auto& c : s.first_order_ci) { s1l.push_back(c.low); s1h.push_back(c.high); }
  for (const auto& c : s.total_order_ci) { stl.push_back(c.low); sth.push_back(c.high); }
  d["S1_low"] = s1l; d["S1_high"] = s1h; d["ST_low"] = stl; d["ST_high"] = sth;
  return d;
}

/// Runs a design's unit points u (rows x stride) on the scenario's model (GIL released,
/// Ctrl-C checked): draws keyed by `keys`, `replications` averaged.
sweep::DesignOutputColumns run_design(const io::Scenario& scenario, const io::SweepDocument& doc,
                                      const std::vector<double>& u, std::size_t stride,
                                      const std::vector<std::uint64_t>& keys, std::uint64_t replications,
                                      unsigned threads, std::uint64_t chunk, const py::object& model) {
  const auto ev = evaluator_for(scenario, doc, model);
  sweep::RunOptions opt;
  opt.threads = threads;
  opt.chunk = chunk;
  const sweep::Progress watch = watcher(std::nullopt);
  py::gil_scoped_release release;
  return sweep::evaluate_design(*ev, doc.spec, u, stride, keys, replications, opt, watch);
}
}  // namespace

void bind_sensitivity(py::module_& m) {
  m.def("sobol_sweep",
        [](const io::Scenario& scenario, const std::string& spec_text, std::uint64_t n, std::uint64_t seed,
           std::vector<std::size_t> groups, double level, std::size_t resamples, std::uint64_t bootstrap_seed,
           const std::string& nan_policy, bool salib, unsigned threads, std::uint64_t chunk, bool noise,
           std::uint64_t replications, py::object model) {
          const io::SweepDocument doc = io::read_sweep(spec_text);
          const std::size_t k = doc.spec.inputs.size();
          require(k >= 1, "sweep.inputs", "[]", "needs at least one input");
          // The model's randomness as one more group: a placeholder input in a group of its own.
          if (noise) {
            if (groups.empty()) {
              groups.resize(k);
              for (std::size_t j = 0; j < k; ++j) groups[j] = j;
            }
            std::size_t top = 0;
            for (auto g : groups) top = std::max(top, g + 1);
            groups.push_back(top);
          }
          const std::size_t stride = noise ? k + 1 : k;
          const sweep::SaltelliDesign design(stride, n, seed, groups);
          std::vector<double> u(static_cast<std::size_t>(design.size()) * stride);
          for (std::uint64_t r = 0; r < design.size(); ++r)
            design.point(r, std::span<double>(u.data() + r * stride, stride));
          auto res = run_design(scenario, doc, u, stride, sweep::saltelli_draw_keys(design, noise), replications,
                                threads, chunk, model);
          sweep::SobolOptions o = sobol_options(level, resamples, bootstrap_seed, salib, threads);
          if (nan_policy == "drop_blocks") {
            o.nan_policy = sweep::NanPolicy::drop_blocks;
          } else {
            require(nan_policy == "raise", "sobol.nan_policy", nan_policy, "expected 'raise' or 'drop_blocks'");
          }
          py::dict indices;
          for (std::size_t j = 0; j < res.names.size(); ++j) {
            sweep::SobolIndices<double> s;
            {
              py::gil_scoped_release release;
              s = sweep::analyze_sobol(design, sweep::DesignOutputs<double>{design.fingerprint(), res.values[j]}, o);
            }
            py::dict d = indices_dict(s);
            d["mean"] = s.mean;
            d["variance"] = s.variance;
            d["rows_used"] = s.rows_used;
            d["rows_dropped"] = s.rows_dropped;
            indices[py::str(res.names[j])] = d;
          }
          py::dict out;
          out["indices"] = indices;
          if (noise) {  // the placeholder coordinate is not an input: drop it
            std::vector<double> inputs_only(static_cast<std::size_t>(design.size()) * k);
            for (std::uint64_t r = 0; r < design.size(); ++r)
              std::copy_n(u.begin() + static_cast<std::ptrdiff_t>(r * stride), k,
                          inputs_only.begin() + static_cast<std::ptrdiff_t>(r * k));
            u = std::move(inputs_only);
          }
          out["unit_points"] = numpy_matrix(std::move(u), k);
          py::dict ys;
          for (std::size_t j = 0; j < res.names.size(); ++j) ys[py::str(res.names[j])] = numpy_of(std::move(res.values[j]));
          out["outputs"] = ys;
          out["fingerprint"] = design.fingerprint();
          out["block_size"] = design.block_size();
          out["groups"] = design.group_count();
          return out;
        },
        py::arg("scenario"), py::arg("spec"), py::arg("n"), py::arg("seed"), py::arg("groups") = std::vector<std::size_t>{},
        py::arg("level") = 0.95, py::arg("resamples") = 1000, py::arg("bootstrap_seed") = 0,
        py::arg("nan_policy") = "raise", py::arg("salib_conventions") = false, py::arg("threads") = 1,
        py::arg("chunk") = 4096, py::arg("noise") = false, py::arg("replications") = 1, py::arg("model") = py::none(),
        "Sobol' indices of every output of a spec: Saltelli design of N base rows (a power of two), "
        "Saltelli 2010 S1 and Jansen ST, bootstrap intervals. Rows of unit_points are A, B, AB_g per base row; "
        "the rows of a base row share the model's random draws (common random numbers); noise=True adds the "
        "model's randomness as a last group; replications averages R runs per row.");

  m.def("tornado_sweep",
        [](const io::Scenario& scenario, const std::string& spec_text, std::uint64_t replications, unsigned threads,
           py::object model) {
          const io::SweepDocument doc = io::read_sweep(spec_text);
          const auto ev = evaluator_for(scenario, doc, model);
          sweep::RunOptions opt;
          opt.threads = threads;
          const sweep::Progress watch = watcher(std::nullopt);
          std::vector<sweep::TornadoOutput> res;
          {
            py::gil_scoped_release release;
            res = sweep::run_tornado(*ev, doc.spec, replications, opt, watch);
          }
          py::dict out;
          for (const auto& t : res) {
            std::vector<std::string> names;
            std::vector<double> low, high, swing;
            for (const auto& b : t.bars) {
              names.push_back(doc.spec.inputs[b.input].name);
              low.push_back(b.low_delta);
              high.push_back(b.high_delta);
              swing.push_back(b.swing);
            }
            py::dict d;
            d["input"] = names; d["low"] = low; d["high"] = high; d["swing"] = swing; d["base"] = t.base;
            out[py::str(t.output)] = d;
          }
          return out;
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
          sweep::SobolIndices<double> s;
          {
            py::gil_scoped_release release;
            s = sweep::analyze_sobol(design, sweep::DesignOutputs<double>{design.fingerprint(), std::move(y)}, o);
          }
          return indices_dict(s);
        },
        py::arg("k"), py::arg("n"), py::arg("seed"), py::arg("groups"), py::arg("y"), py::arg("level") = 0.95,
        py::arg("resamples") = 1000, py::arg("bootstrap_seed") = 0, py::arg("salib_conventions") = false,
        py::arg("threads") = 1,
        "Sobol' indices from the outputs Y of a Saltelli design's rows (as saltelli_points gives them).");

  m.def("morris_sweep",
        [](const io::Scenario& scenario, const std::string& spec_text, std::size_t trajectories, std::size_t levels,
           std::uint64_t seed, unsigned threads, std::uint64_t replications, py::object model) {
          const io::SweepDocument doc = io::read_sweep(spec_text);
          const std::size_t k = doc.spec.inputs.size();
          require(k >= 1, "sweep.inputs", "[]", "needs at least one input");
          const sweep::MorrisDesign design(k, trajectories, levels, seed);
          std::vector<double> u(static_cast<std::size_t>(design.size()) * k);
          for (std::uint64_t r = 0; r < design.size(); ++r) design.point(r, std::span<double>(u.data() + r * k, k));
          auto res = run_design(scenario, doc, u, k, sweep::morris_draw_keys(design), replications, threads, 4096, model);
          py::dict out;
          for (std::size_t j = 0; j < res.names.size(); ++j) {
            const auto mi = sweep::analyze_morris(design, sweep::DesignOutputs<double>{design.fingerprint(), std::move(res.values[j])});
            py::dict d;
            d["mu"] = mi.mu;
            d["mu_star"] = mi.mu_star;
            d["sigma"] = mi.sigma;
            out[py::str(res.names[j])] = d;
          }
          return out;
        },
        py::arg("scenario"), py::arg("spec"), py::arg("trajectories") = 20, py::arg("levels") = 4, py::arg("seed") = 0,
        py::arg("threads") = 1, py::arg("replications") = 1, py::arg("model") = py::none(),
        "Morris elementary effects (mu, mu*, sigma per input, per unit of the input's quantile scale); the points of "
        "a trajectory share the model's random draws.");
}

}  // namespace aci::python
