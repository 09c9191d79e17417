// The sweep building blocks: design points, the exact streaming summary, Saltelli analysis.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/sweep/designs.hpp"
#include "aci_cost/sweep/sensitivity.hpp"
#include "aci_cost/sweep/summary.hpp"

namespace {

namespace sw = aci::sweep;

// Sobol' points of dimension 16, plain (XOR of direction numbers) and Owen-scrambled (33 hashes
// per coordinate); items are points.
void BM_sobol_point(benchmark::State& state) {
  const auto scrambling = state.range(0) == 0 ? sw::Scrambling::none : sw::Scrambling::owen;
  const sw::SobolDesign sobol(16, scrambling, 7);
  std::vector<double> p(16);
  std::uint64_t i = 0;
  for (auto _ : state) {
    sobol.point(i++ & 0xfffff, p);
    benchmark::DoNotOptimize(p.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(state.range(0) == 0 ? "plain" : "owen");
}
BENCHMARK(BM_sobol_point)->Arg(0)->Arg(1);

void BM_latin_hypercube_point(benchmark::State& state) {
  const sw::LatinHypercubeDesign lhs(16, 1000000, 7);
  std::vector<double> p(16);
  std::uint64_t i = 0;
  for (auto _ : state) {
    lhs.point(i++ % 1000000, p);
    benchmark::DoNotOptimize(p.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_latin_hypercube_point);

// Summary::add on costs around 1e5 (a few bins, exact sums); items are values.
void BM_summary_add(benchmark::State& state) {
  std::vector<double> x(static_cast<std::size_t>(state.range(0)));
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = 1e5 * std::exp(aci::detail::counter_uniform(1, i, 0, 0) - 0.5);
  for (auto _ : state) {
    sw::Summary s;
    s.add(std::span<const double>(x));
    benchmark::DoNotOptimize(s.count());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_summary_add)->Arg(1 << 16);

// The final roundings: mean, std and a quantile from the exact accumulators.
void BM_summary_results(benchmark::State& state) {
  sw::Summary s;
  for (std::uint64_t i = 0; i < 4096; ++i) s.add(1e5 * std::exp(aci::detail::counter_uniform(1, i, 0, 0) - 0.5));
  for (auto _ : state) {
    benchmark::DoNotOptimize(s.mean());
    benchmark::DoNotOptimize(s.std());
    benchmark::DoNotOptimize(s.quantile(0.95));
  }
}
BENCHMARK(BM_summary_results);

// analyze_sobol for k = 8 inputs, N = 2^12 base rows, 100 bootstrap resamples.
void BM_saltelli_analysis(benchmark::State& state) {
  const sw::SaltelliDesign design(8, 4096, 3);
  const auto outputs = sw::evaluate(design, [](std::span<const double> u) {
    double y = 0;
    for (std::size_t j = 0; j < u.size(); ++j) y += static_cast<double>(j + 1) * u[j] * u[j];
    return y;
  });
  sw::SobolOptions options;
  options.bootstrap_resamples = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(sw::analyze_sobol(design, outputs, options));
  state.SetLabel("k=8 N=4096");
}
BENCHMARK(BM_saltelli_analysis)->Arg(0)->Arg(100)->Unit(benchmark::kMillisecond);

}  // namespace
