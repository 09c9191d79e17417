// A sweep run chunk by chunk into a directory that survives an interruption and resumes
// (store/directory.hpp, docs/faults.md): the engine runs with the GIL released; on_chunk and the
// progress watcher are called from the calling thread.
#include <pybind11/functional.h>
#include <pybind11/stl.h>

#include "aci_cost/store/directory.hpp"
#include "sweep_bridge.hpp"

namespace aci::python {

namespace {
/// The chunk counts of a sweep directory's run.
py::dict report_dict(const store::StoreReport& r) {
  py::dict d;
  d["chunks"] = r.chunks;
  d["computed"] = r.computed;
  d["reused"] = r.reused;
  d["discarded"] = r.discarded;
  return d;
}
}  // namespace

void bind_store(py::module_& m) {
  m.def(
      "run_to_directory",
      [](const io::Scenario& scenario, const std::string& spec_text, const std::string& directory,
         std::uint64_t chunk_rows, unsigned threads, std::uint64_t chunk, std::vector<double> quantiles,
         std::optional<py::function> progress, std::optional<py::function> on_chunk, py::object model) {
        const io::SweepDocument doc = io::read_sweep(spec_text);
        const auto ev = evaluator_for(scenario, doc, model);
        store::StoreOptions opt{chunk_rows, threads, chunk, {}};
        if (on_chunk)
          opt.after_chunk = [on_chunk](const store::ChunkDone& c) {
            py::gil_scoped_acquire gil;
            (*on_chunk)(c.index, c.begin, c.end, c.computed);
            return true;
          };
        const sweep::Progress watch = watcher(progress);
        store::StoredSweep r;
        {
          py::gil_scoped_release release;
          r = store::run_to_directory(*ev, doc, scenario, directory, opt, watch);
        }
        py::dict out = result_dict(std::move(r.result), quantiles, io::to_json(r.document).dump());
        out["chunks"] = report_dict(r.report);
        return out;
      },
      py::arg("scenario"), py::arg("spec"), py::arg("directory"), py::arg("chunk_rows") = 65536, py::arg("threads") = 1,
      py::arg("chunk") = 4096, py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95},
      py::arg("progress") = py::none(), py::arg("on_chunk") = py::none(), py::arg("model") = py::none(),
      "Runs a sweep spec chunk by chunk into a directory (store/directory.hpp), reusing the chunks an earlier, "
      "interrupted run left; on_chunk(index, begin, end, computed) after each chunk; the run_sweep dict plus "
      "'chunks' (computed, reused counts).");
  m.def(
      "read_directory",
      [](const std::string& directory, std::vector<double> quantiles) {
        store::StoredSweep r;
        {
          py::gil_scoped_release release;
          r = store::read_directory(directory);
        }
        py::dict out = result_dict(std::move(r.result), quantiles, io::to_json(r.document).dump());
        out["chunks"] = report_dict(r.report);
        return out;
      },
      py::arg("directory"), py::arg("quantiles") = std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95},
      "Reads a finished sweep directory back (ValueError naming the manifest when it is unfinished).");
}

}  // namespace aci::python
