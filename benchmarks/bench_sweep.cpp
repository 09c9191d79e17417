// The sweep building blocks: design points, the exact streaming summary, Saltelli analysis and
// its bootstrap (against the gathering loop it replaced).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <numeric>
#include <span>
#include <utility>
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

// The bootstrap as it was before counts and threads (aci_cost 20bad53), kept here only to time
// both in one run: per resample, gather the drawn rows and run sobol_estimates on them (random
// reads of f, one pass per sum), one thread.
template <class T>
std::pair<std::vector<sw::Interval<T>>, std::vector<sw::Interval<T>>> old_bootstrap(
    const std::vector<T>& f, std::size_t block, std::size_t groups, const std::vector<std::uint64_t>& rows,
    const std::vector<T>& first_order, const std::vector<T>& total_order, const sw::SobolOptions& options) {
  namespace d = sw::detail;
  std::vector<std::vector<T>> s1_replicates(groups), st_replicates(groups);
  std::vector<std::uint64_t> drawn(rows.size());
  std::vector<T> s1(groups), st(groups);
  for (std::uint64_t b = 0; b < options.bootstrap_resamples; ++b) {
    for (std::uint64_t k = 0; k < drawn.size(); ++k)
      drawn[k] = rows[d::uniform_index(aci::detail::counter_bits(options.bootstrap_seed, b, k, d::stream_bootstrap),
                                       rows.size())];
    T mean{}, variance{};
    if (!d::sobol_estimates(f, block, groups, drawn, s1, st, mean, variance, options.salib_conventions)) continue;
    for (std::size_t g = 0; g < groups; ++g) {
      s1_replicates[g].push_back(s1[g]);
      st_replicates[g].push_back(st[g]);
    }
  }
  std::pair<std::vector<sw::Interval<T>>, std::vector<sw::Interval<T>>> ci;
  for (std::size_t g = 0; g < groups; ++g) {
    ci.first.push_back(d::bootstrap_interval(std::move(s1_replicates[g]), first_order[g], options.confidence_level,
                                             options.ci_method));
    ci.second.push_back(d::bootstrap_interval(std::move(st_replicates[g]), total_order[g], options.confidence_level,
                                              options.ci_method));
  }
  return ci;
}

// k = 4 inputs (4 groups), N = 2^16 base rows: 393,216 outputs of a smooth model with interactions.
struct BootstrapCase {
  sw::SaltelliDesign design{4, std::uint64_t{1} << 16, 11};
  sw::DesignOutputs<double> outputs = sw::evaluate(design, [](std::span<const double> u) {
    return std::sin(6.0 * u[0]) + 7.0 * u[1] * u[1] + 0.5 * u[2] * std::exp(u[0]) + 0.1 * u[3];
  });
};
const BootstrapCase& bootstrap_case() {
  static const BootstrapCase c;
  return c;
}

// analyze_sobol with 1,000 resamples on range(0) threads (wall time).
void BM_SobolBootstrap(benchmark::State& state) {
  const auto& c = bootstrap_case();
  sw::SobolOptions options;
  options.bootstrap_resamples = 1000;
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(sw::analyze_sobol(c.design, c.outputs, options));
  state.SetLabel("N=2^16 G=4 B=1000");
}
BENCHMARK(BM_SobolBootstrap)->ArgName("threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same analysis with old_bootstrap (one iteration: about half a minute).
void BM_SobolBootstrapOld(benchmark::State& state) {
  const auto& c = bootstrap_case();
  sw::SobolOptions options;
  options.bootstrap_resamples = 1000;
  options.bootstrap_seed = 0;
  const std::size_t block = c.design.block_size(), groups = c.design.group_count();
  for (auto _ : state) {
    // analyze_sobol's own steps before the bootstrap (no non-finite outputs here).
    std::vector<std::uint64_t> rows(c.design.base_rows());
    std::iota(rows.begin(), rows.end(), std::uint64_t{0});
    std::vector<double> s1(groups), st(groups);
    double mean = 0, variance = 0;
    sw::detail::sobol_estimates(c.outputs.values, block, groups, rows, s1, st, mean, variance);
    benchmark::DoNotOptimize(old_bootstrap(c.outputs.values, block, groups, rows, s1, st, options));
  }
  state.SetLabel("N=2^16 G=4 B=1000, gathered, 1 thread");
}
BENCHMARK(BM_SobolBootstrapOld)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
