// Sensitivity studies of any model (Sobol' first, total and second order; Morris; tornado):
// the designs run on the engine with the GIL released, the progress callback and Ctrl-C
// reaching the evaluation and the bootstrap alike. The sweeps themselves: bind_sweep.cpp.
#include <Python.h>

#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/sweep/morris_study.hpp"
#include "aci_cost/sweep/sobol_study.hpp"
#include "aci_cost/sweep/tornado_study.hpp"
#include "numpy.hpp"
#include "record.hpp"
#include "sweep_bridge.hpp"

namespace aci::python {

namespace {
/// "percentile" or "normal" (ValueError naming `field` otherwise).
sweep::CiMethod ci_method(const std::string& name, const std::string& field) {
  require(name == "percentile" || name == "normal", field, name, "expected 'percentile' or 'normal'");
  return name == "normal" ? sweep::CiMethod::normal : sweep::CiMethod::percentile;
}

/// The analysis options from Python's arguments (the caller sets the progress watcher, through
/// which Ctrl-C stops the bootstrap).
sweep::SobolOptions sobol_options(double level, std::size_t resamples, std::uint64_t bootstrap_seed, bool salib,
                                  unsigned threads, const std::string& method) {
  sweep::SobolOptions o;
  o.confidence_level = level;
  o.bootstrap_resamples = resamples;
  o.bootstrap_seed = bootstrap_seed;
  o.salib_conventions = salib;
  o.threads = threads;
  o.ci_method = ci_method(method, "sobol.ci_method");
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

/// The bootstrap options of a Morris analysis.
sweep::MorrisOptions morris_options(std::size_t resamples, std::uint64_t bootstrap_seed, double level,
                                    const std::string& method) {
  sweep::MorrisOptions o;
  o.bootstrap_resamples = resamples;
  o.bootstrap_seed = bootstrap_seed;
  o.confidence_level = level;
  o.ci_method = ci_method(method, "morris.ci_method");
  return o;
}
}  // namespace

void bind_sensitivity(py::module_& m) {
  using sweep::SobolIndices;
  py::class_<SobolIndices<double>>(m, "SobolIndices", "Sobol' indices of one output, per input or group.")
      .def_property_readonly(
          "S1", [](const SobolIndices<double>& s) { return s.first_order; }, "first-order indices")
      .def_property_readonly(
          "ST", [](const SobolIndices<double>& s) { return s.total_order; }, "total indices")
      .def_property_readonly("S1_low", [](const SobolIndices<double>& s) { return bounds(s.first_order_ci, false); })
      .def_property_readonly("S1_high", [](const SobolIndices<double>& s) { return bounds(s.first_order_ci, true); })
      .def_property_readonly("ST_low", [](const SobolIndices<double>& s) { return bounds(s.total_order_ci, false); })
      .def_property_readonly("ST_high", [](const SobolIndices<double>& s) { return bounds(s.total_order_ci, true); })
      .def_property_readonly(
          "S2", [](const SobolIndices<double>& s) { return s.second_order; },
          "second-order indices per pair of groups (0, 1), (0, 2), .. (second-order designs)")
      .def_property_readonly("S2_low", [](const SobolIndices<double>& s) { return bounds(s.second_order_ci, false); })
      .def_property_readonly("S2_high", [](const SobolIndices<double>& s) { return bounds(s.second_order_ci, true); })
      .def_readonly("mean", &SobolIndices<double>::mean, "mean of the stacked f(A), f(B)")
      .def_readonly("variance", &SobolIndices<double>::variance, "sample variance of the stacked f(A), f(B)")
      .def_readonly("rows_used", &SobolIndices<double>::rows_used, "base rows analysed")
      .def_readonly("rows_dropped", &SobolIndices<double>::rows_dropped, "base rows dropped (non-finite output)");
  py::class_<sweep::SobolOutput>(m, "SobolOutput",
                                 "The Sobol' indices of one output and its values at the design rows.")
      .def_readonly("output", &sweep::SobolOutput::output)
      .def_readonly("indices", &sweep::SobolOutput::indices)
      .def_property_readonly("values", [](const sweep::SobolOutput& o) {
        return py::array_t<double>(static_cast<py::ssize_t>(o.values.size()), o.values.data());
      });
  py::class_<sweep::SobolStudy>(m, "SobolStudy", "A Sobol' study: labels, per-output indices and the design run.")
      .def_readonly("labels", &sweep::SobolStudy::labels, "per group: input name, 'group g', then 'noise'")
      .def_readonly("outputs", &sweep::SobolStudy::outputs, "SobolOutput per output")
      .def_property_readonly(
          "unit_points", [](const sweep::SobolStudy& s) { return matrix_copy(s.unit_points, s.inputs); },
          "rows x inputs unit coordinates (rows A, B, AB_g, then BA_g, per base row)")
      .def_readonly("rows", &sweep::SobolStudy::rows)
      .def_readonly("fingerprint", &sweep::SobolStudy::fingerprint)
      .def_readonly("block_size", &sweep::SobolStudy::block_size)
      .def_readonly("warnings", &sweep::SobolStudy::warnings,
                    "too few base rows; outputs constant over the design (their indices are NaN)");
  using sweep::MorrisIndices;
  py::class_<MorrisIndices<double>>(m, "MorrisIndices", "Morris statistics of one output, per input.")
      .def_readonly("mu", &MorrisIndices<double>::mu)
      .def_readonly("mu_star", &MorrisIndices<double>::mu_star)
      .def_readonly("sigma", &MorrisIndices<double>::sigma)
      .def_property_readonly("mu_low", [](const MorrisIndices<double>& s) { return bounds(s.mu_ci, false); })
      .def_property_readonly("mu_high", [](const MorrisIndices<double>& s) { return bounds(s.mu_ci, true); })
      .def_property_readonly("mu_star_low", [](const MorrisIndices<double>& s) { return bounds(s.mu_star_ci, false); })
      .def_property_readonly("mu_star_high", [](const MorrisIndices<double>& s) { return bounds(s.mu_star_ci, true); })
      .def_property_readonly("sigma_low", [](const MorrisIndices<double>& s) { return bounds(s.sigma_ci, false); })
      .def_property_readonly("sigma_high", [](const MorrisIndices<double>& s) { return bounds(s.sigma_ci, true); });
  py::class_<sweep::MorrisOutput>(m, "MorrisOutput", "The Morris statistics of one output.")
      .def_readonly("output", &sweep::MorrisOutput::output)
      .def_readonly("indices", &sweep::MorrisOutput::indices);
  py::class_<sweep::MorrisStudy>(m, "MorrisStudy", "A Morris study: input names, per-output statistics, the design.")
      .def_readonly("inputs", &sweep::MorrisStudy::inputs)
      .def_readonly("outputs", &sweep::MorrisStudy::outputs)
      .def_property_readonly(
          "unit_points", [](const sweep::MorrisStudy& s) { return matrix_copy(s.unit_points, s.inputs.size()); },
          "rows x inputs unit coordinates, trajectory after trajectory (k + 1 rows each)")
      .def_readonly("chosen", &sweep::MorrisStudy::chosen, "the candidates chosen (empty without candidates)")
      .def_readonly("delta", &sweep::MorrisStudy::delta, "the step p / (2 (p - 1)) on the quantile scale");
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
  py::class_<sweep::TornadoStudy>(m, "TornadoStudy", "A tornado study: inputs, the values swung, per-output tornadoes.")
      .def_readonly("inputs", &sweep::TornadoStudy::inputs)
      .def_readonly("low", &sweep::TornadoStudy::low, "per input: its low value")
      .def_readonly("base", &sweep::TornadoStudy::base, "per input: its base value")
      .def_readonly("high", &sweep::TornadoStudy::high, "per input: its high value")
      .def_readonly("outputs", &sweep::TornadoStudy::outputs);

  m.def(
      "sobol_sweep",
      [](const io::Scenario& scenario, const std::string& spec_text, std::uint64_t n, std::uint64_t seed,
         std::vector<std::size_t> groups, double level, std::size_t resamples, std::uint64_t bootstrap_seed,
         const std::string& nan_policy, bool salib, unsigned threads, std::uint64_t chunk, bool noise,
         std::uint64_t replications, py::object model, std::optional<py::function> progress, bool second_order,
         std::vector<std::string> intervals, const std::string& method) {
        const io::SweepDocument doc = io::read_sweep(spec_text);
        sweep::SobolStudyOptions o;
        o.n = n;
        o.seed = seed;
        o.groups = std::move(groups);
        o.noise = noise;
        o.replications = replications;
        o.second_order = second_order;
        o.intervals = std::move(intervals);
        o.analysis = sobol_options(level, resamples, bootstrap_seed, salib, threads, method);
        require(nan_policy == "raise" || nan_policy == "drop_blocks", "sobol.nan_policy", nan_policy,
                "expected 'raise' or 'drop_blocks'");
        if (nan_policy == "drop_blocks") o.analysis.nan_policy = sweep::NanPolicy::drop_blocks;
        o.run.threads = threads;
        o.run.chunk = chunk;
        const auto ev = evaluator_for(scenario, doc, model);
        // The evaluation, then the bootstrap (a second total), report to the same callback.
        const sweep::Progress watch = watcher(std::move(progress));
        py::gil_scoped_release release;
        return sweep::run_sobol(*ev, doc.spec, o, watch);
      },
      py::arg("scenario"), py::arg("spec"), py::arg("n"), py::arg("seed"),
      py::arg("groups") = std::vector<std::size_t>{}, py::arg("level") = 0.95,
      py::arg("resamples") = sweep::default_bootstrap_resamples, py::arg("bootstrap_seed") = 0,
      py::arg("nan_policy") = "raise", py::arg("salib_conventions") = false, py::arg("threads") = 1,
      py::arg("chunk") = 4096, py::arg("noise") = false, py::arg("replications") = 1, py::arg("model") = py::none(),
      py::arg("progress") = py::none(), py::arg("second_order") = false,
      py::arg("intervals") = std::vector<std::string>{}, py::arg("ci_method") = "percentile",
      "A Sobol' study (sweep/sobol_study.hpp) of every output of a spec: Saltelli design of N base rows (a power "
      "of two), Saltelli 2010 S1 and Jansen ST (second_order: Saltelli 2002 S2 too), bootstrap intervals for the "
      "outputs in `intervals` (all when empty); the rows of a base row share the model's random draws; noise=True "
      "adds the model's randomness as a last group; replications averages R runs per row; progress(done, total) "
      "is called as rows are evaluated, then as resamples are drawn.");

  m.def(
      "tornado_sweep",
      [](const io::Scenario& scenario, const std::string& spec_text, std::uint64_t replications, unsigned threads,
         py::object model, double low, double high) {
        const io::SweepDocument doc = io::read_sweep(spec_text);
        const auto ev = evaluator_for(scenario, doc, model);
        sweep::RunOptions opt;
        opt.threads = threads;
        sweep::TornadoOptions o;
        o.low = low;
        o.high = high;
        o.replications = replications;
        const sweep::Progress watch = watcher(std::nullopt);
        py::gil_scoped_release release;
        return sweep::run_tornado(*ev, doc.spec, o, opt, watch);
      },
      py::arg("scenario"), py::arg("spec"), py::arg("replications") = 1, py::arg("threads") = 1,
      py::arg("model") = py::none(), py::arg("low") = 0.1, py::arg("high") = 0.9,
      "One-at-a-time swings of every output, largest first: inputs given values [low, base, high] use them, inputs "
      "given a law swing from its `low` quantile to its `high` one (P10, P90) around its median; every point on "
      "the same draws, R replications averaged.");

  m.def(
      "saltelli_points",
      [](std::size_t k, std::uint64_t n, std::uint64_t seed, std::vector<std::size_t> groups, bool second_order) {
        const sweep::SaltelliDesign design(k, n, seed, groups, second_order);
        std::vector<double> u(static_cast<std::size_t>(design.size()) * k);
        for (std::uint64_t r = 0; r < design.size(); ++r) design.point(r, std::span<double>(u.data() + r * k, k));
        return numpy_matrix(std::move(u), k);
      },
      py::arg("k"), py::arg("n"), py::arg("seed"), py::arg("groups") = std::vector<std::size_t>{},
      py::arg("second_order") = false,
      "The unit points of a Saltelli design (rows A, B, AB_g, then BA_g with second_order, per base row), for any "
      "model.");
  m.def(
      "analyze_sobol_outputs",
      [](std::size_t k, std::uint64_t n, std::uint64_t seed, std::vector<std::size_t> groups, std::vector<double> y,
         double level, std::size_t resamples, std::uint64_t bootstrap_seed, bool salib, unsigned threads,
         bool second_order, const std::string& method) {
        const sweep::SaltelliDesign design(k, n, seed, groups, second_order);
        sweep::SobolOptions o = sobol_options(level, resamples, bootstrap_seed, salib, threads, method);
        o.progress = watcher(std::nullopt);  // Ctrl-C
        py::gil_scoped_release release;
        return sweep::analyze_sobol(design, sweep::DesignOutputs<double>{design.fingerprint(), std::move(y)}, o);
      },
      py::arg("k"), py::arg("n"), py::arg("seed"), py::arg("groups"), py::arg("y"), py::arg("level") = 0.95,
      py::arg("resamples") = sweep::default_bootstrap_resamples, py::arg("bootstrap_seed") = 0,
      py::arg("salib_conventions") = false, py::arg("threads") = 1, py::arg("second_order") = false,
      py::arg("ci_method") = "percentile",
      "Sobol' indices from the outputs Y of a Saltelli design's rows (as saltelli_points gives them).");

  m.def(
      "morris_sweep",
      [](const io::Scenario& scenario, const std::string& spec_text, std::size_t trajectories, std::size_t levels,
         std::uint64_t seed, unsigned threads, std::uint64_t replications, py::object model, std::size_t candidates,
         std::size_t resamples, std::uint64_t bootstrap_seed, double level, const std::string& method) {
        const io::SweepDocument doc = io::read_sweep(spec_text);
        sweep::MorrisStudyOptions o;
        o.trajectories = trajectories;
        o.levels = levels;
        o.candidates = candidates;
        o.seed = seed;
        o.replications = replications;
        o.analysis = morris_options(resamples, bootstrap_seed, level, method);
        o.run.threads = threads;
        const auto ev = evaluator_for(scenario, doc, model);
        const sweep::Progress watch = watcher(std::nullopt);
        py::gil_scoped_release release;
        return sweep::run_morris(*ev, doc.spec, o, watch);
      },
      py::arg("scenario"), py::arg("spec"), py::arg("trajectories") = 20, py::arg("levels") = 4, py::arg("seed") = 0,
      py::arg("threads") = 1, py::arg("replications") = 1, py::arg("model") = py::none(), py::arg("candidates") = 0,
      py::arg("resamples") = 1000, py::arg("bootstrap_seed") = 0, py::arg("level") = 0.95,
      py::arg("ci_method") = "percentile",
      "Morris elementary effects (Morris 1991: levels {0, 1/(p-1), .., 1}, step p / (2 (p - 1))): mu, mu*, sigma "
      "per input with bootstrap intervals, per unit of the input's quantile scale; candidates M > r picks the r "
      "most spread of M trajectories (Campolongo et al. 2007); the points of a trajectory share the model's draws.");
  m.def(
      "morris_points",
      [](std::size_t k, std::size_t trajectories, std::size_t levels, std::uint64_t seed, std::size_t candidates) {
        const sweep::MorrisDesign design(k, trajectories, levels, seed, candidates);
        std::vector<double> u(static_cast<std::size_t>(design.size()) * k);
        for (std::uint64_t r = 0; r < design.size(); ++r) design.point(r, std::span<double>(u.data() + r * k, k));
        return py::make_tuple(numpy_matrix(std::move(u), k), design.chosen());
      },
      py::arg("k"), py::arg("trajectories"), py::arg("levels") = 4, py::arg("seed") = 0, py::arg("candidates") = 0,
      "The unit points of a Morris design (trajectory after trajectory, k + 1 rows each) and the candidates chosen.");
  m.def(
      "analyze_morris_outputs",
      [](std::size_t k, std::size_t trajectories, std::size_t levels, std::uint64_t seed, std::size_t candidates,
         std::vector<double> y, std::size_t resamples, std::uint64_t bootstrap_seed, double level,
         const std::string& method) {
        const sweep::MorrisDesign design(k, trajectories, levels, seed, candidates);
        const sweep::MorrisOptions o = morris_options(resamples, bootstrap_seed, level, method);
        py::gil_scoped_release release;
        return sweep::analyze_morris(design, sweep::DesignOutputs<double>{design.fingerprint(), std::move(y)}, o);
      },
      py::arg("k"), py::arg("trajectories"), py::arg("levels"), py::arg("seed"), py::arg("candidates"), py::arg("y"),
      py::arg("resamples") = 1000, py::arg("bootstrap_seed") = 0, py::arg("level") = 0.95,
      py::arg("ci_method") = "percentile",
      "Morris statistics from the outputs Y of a Morris design's rows (as morris_points gives them).");
}

}  // namespace aci::python
