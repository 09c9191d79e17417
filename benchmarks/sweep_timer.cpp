// Times one sweep spec from C++ (the twin of aci_cost.sweep.run), for
// benchmarks/compare_python_cpp.py: sweep_timer SPEC.json SCENARIO.json THREADS REPEATS
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/evaluators/registry.hpp"

namespace {
std::string slurp(const char* path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(std::string("cannot open ") + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

int main(int argc, char** argv) try {
  if (argc != 5 && argc != 6) {
    std::cerr << "usage: sweep_timer SPEC.json SCENARIO.json THREADS REPEATS [CHUNK]\n";
    return 2;
  }
  const auto doc = aci::io::sweep_from_json(nlohmann::json::parse(slurp(argv[1])));
  const auto scenario = aci::io::read_scenario(slurp(argv[2]));
  aci::sweep::RunOptions opt;
  opt.threads = static_cast<unsigned>(std::stoul(argv[3]));
  const int repeats = std::stoi(argv[4]);
  if (argc == 6) opt.chunk = std::stoull(argv[5]);  // scenarios per task (default RunOptions::chunk)
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    const auto ev = aci::evaluators::make_evaluator(doc, scenario);
    const auto res = aci::sweep::run_sweep(*ev, doc.spec, opt);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = s < best ? s : best;
    if (res.output_names.empty()) return 1;  // (keeps the result alive)
  }
  std::cout << best << "\n";
  return 0;
} catch (const std::exception& e) {
  std::cerr << "sweep_timer: " << e.what() << "\n";
  return 2;
}
