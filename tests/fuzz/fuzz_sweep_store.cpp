// libFuzzer target: the sweep store's reader (issue 34: "chunk_rows": 0 crashed read_directory
// with SIGFPE). The input is a manifest and a chunk file separated by a NUL byte: the manifest
// replaces that of a small finished directory (written once per process), the file replaces
// chunk 0's first output; read_directory returns a result or throws an InvalidInput. The .npy
// parser also reads the file's bytes on their own.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/store/npy.hpp"
#include "aci_cost/store/directory.hpp"

namespace {
const std::filesystem::path& directory() {
  static const std::filesystem::path dir = [] {
    const auto d = std::filesystem::temp_directory_path() / ("aci_cost_fuzz_store_" + std::to_string(::getpid()));
    std::filesystem::remove_all(d);
    const auto scenario = aci::io::default_scenario();
    const auto doc = aci::io::read_sweep(R"({"format": "aci_cost/sweep@1", "model": "training",
      "inputs": [{"name": "training.workforce.absence", "distribution": {"kind": "uniform", "low": 0, "high": 0.1}}],
      "design": {"kind": "monte_carlo", "n": 64, "seed": 3}, "outputs": ["lost_hours", "training_debt"]})");
    const auto ev = aci::evaluators::make_evaluator(doc, scenario);
    aci::store::StoreOptions o;
    o.chunk_rows = 32;
    (void)aci::store::run_to_directory(*ev, doc, scenario, d, o);
    return d;
  }();
  return dir;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const std::size_t cut = all.find('\0');
  const std::string_view manifest = all.substr(0, cut);
  const std::string_view chunk = cut == std::string_view::npos ? std::string_view() : all.substr(cut + 1);
  try {
    (void)aci::store::parse_npy<double>(chunk, "fuzz.npy");
  } catch (const aci::InvalidInput&) {
  }
  try {
    (void)aci::store::parse_npy<std::uint64_t>(chunk, "fuzz.npy");
  } catch (const aci::InvalidInput&) {
  }
  const auto& dir = directory();
  const std::string saved_manifest = aci::store::read_file_bytes(dir / "manifest.json");
  const std::string saved_chunk = aci::store::read_file_bytes(dir / "chunk-000000" / "output-0.npy");
  std::ofstream(dir / "manifest.json", std::ios::binary | std::ios::trunc) << manifest;
  if (cut != std::string_view::npos)
    std::ofstream(dir / "chunk-000000" / "output-0.npy", std::ios::binary | std::ios::trunc) << chunk;
  try {
    (void)aci::store::read_directory(dir);
  } catch (const aci::InvalidInput&) {
  }
  std::ofstream(dir / "manifest.json", std::ios::binary | std::ios::trunc) << saved_manifest;
  std::ofstream(dir / "chunk-000000" / "output-0.npy", std::ios::binary | std::ios::trunc) << saved_chunk;
  return 0;
}
