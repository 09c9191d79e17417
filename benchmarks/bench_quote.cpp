// The quote engine: the exact quote (Decimal), the double path of a sweep one scenario at a
// time and as a batch, the reduction, and the money primitives.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/io/sweep_json.hpp"
#include "aci_cost/quote/batch.hpp"
#include "aci_cost/sweep/column.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "aci_cost/sweep/sobol_study.hpp"
#include "aci_cost/quote/quote.hpp"

namespace {

void BM_quote_decimal(benchmark::State& state) {
  const auto s = aci::io::default_scenario();
  const auto t = s.rate_table();
  for (auto _ : state) benchmark::DoNotOptimize(aci::quote::make_quote<aci::Decimal>(s.aci, s.jobs[0], t, s.pricing));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_quote_decimal);

// The double path of a sweep: the model reduced once (QuoteBase), then per scenario its swept
// inputs set and the arithmetic (quote_scenario), one scenario at a time.
struct Sweep3 {
  static constexpr std::size_t n = 4096;
  aci::quote::QuoteBase base;
  std::vector<double> hours, productivity, margin, absence;
  aci::quote::QuoteColumns in;
  explicit Sweep3(bool crew) {
    const auto s = aci::io::default_scenario();
    base = aci::quote::QuoteBase::of(s.aci, s.jobs[0], s.rate_table(), s.pricing);
    for (std::size_t i = 0; i < n; ++i) {
      hours.push_back(50 + static_cast<double>(i % 300));
      productivity.push_back(0.4 + 0.0001 * static_cast<double>(i % 5000));
      margin.push_back(0.001 * static_cast<double>(i % 200));
      absence.push_back(0.00001 * static_cast<double>(i % 9000));
    }
    using aci::quote::QuoteInput;
    in.scenarios = n;
    in.input[static_cast<std::size_t>(QuoteInput::job_standard_hours)] = hours.data();
    in.input[static_cast<std::size_t>(QuoteInput::job_productivity)] = productivity.data();
    in.input[static_cast<std::size_t>(QuoteInput::pricing_margin)] = margin.data();
    if (crew) in.input[static_cast<std::size_t>(QuoteInput::crew_absence)] = absence.data();
  }
};

void BM_figures_double(benchmark::State& state) {
  const Sweep3 sw(false);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(aci::quote::quote_scenario(sw.base, sw.in, i));
    i = (i + 1) % Sweep3::n;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_figures_double);

// The batch kernel: lanes of scenarios (arg 1: a crew input moves the staff costs as well).
void BM_quote_batch(benchmark::State& state) {
  const Sweep3 sw(state.range(0) != 0);
  std::vector<std::vector<double>> out(aci::quote::quote_output_count, std::vector<double>(Sweep3::n));
  aci::quote::QuoteOutputColumns oc{};
  for (std::size_t m = 0; m < oc.size(); ++m) oc[m] = out[m].data();
  for (auto _ : state) {
    aci::quote::run_quote_batch(sw.base, sw.in, 0, Sweep3::n, oc);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(Sweep3::n));
}
BENCHMARK(BM_quote_batch)->Arg(0)->Arg(1);

// Reducing the model (validation, rate lookups, Decimal to double): once per sweep.
void BM_quote_reduce(benchmark::State& state) {
  const auto s = aci::io::default_scenario();
  const auto t = s.rate_table();
  for (auto _ : state) benchmark::DoNotOptimize(aci::quote::QuoteBase::of(s.aci, s.jobs[0], t, s.pricing));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_quote_reduce);

void BM_split(benchmark::State& state) {
  const std::vector<aci::Decimal> w(static_cast<std::size_t>(state.range(0)), aci::Decimal(7));
  const auto total = aci::Money::parse("12345.67");
  for (auto _ : state) benchmark::DoNotOptimize(aci::split(total, w));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_split)->Arg(3)->Arg(100);

// The sweep of benchmarks/compare_numpy_quote.py (benchmarks/quote_sweep_1M.json) from C++ (1 M scenarios, 8 inputs
// drawn, 20 outputs kept; 1 and 2 threads), and the floor of any sweep that returns those 28 columns: fresh columns
// (the engine's allocator) written once, no model. Side by side, their ratio is the share of the sweep's time that
// writing its result into new memory takes on this machine.
constexpr std::size_t sweep_n = 1'000'000;  // the spec's design.n (checked below)

/// The spec file shared with compare_numpy_quote.py (ACI_COST_QUOTE_SWEEP_SPEC, set by CMake).
aci::io::SweepDocument quote_sweep_spec() {
  std::ifstream in(ACI_COST_QUOTE_SWEEP_SPEC);
  if (!in) throw std::runtime_error(std::string("cannot open ") + ACI_COST_QUOTE_SWEEP_SPEC);
  std::stringstream text;
  text << in.rdbuf();
  return aci::io::read_sweep(text.str());
}

void BM_quote_sweep_1M(benchmark::State& state) {
  const auto doc = quote_sweep_spec();
  if (doc.spec.n != sweep_n) {
    state.SkipWithError("quote_sweep_1M.json: design.n is not 1,000,000");
    return;
  }
  const auto s = aci::io::default_scenario();
  aci::sweep::RunOptions opt;
  opt.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    const auto ev = aci::evaluators::make_evaluator(doc, s);
    const auto r = aci::sweep::run_sweep(*ev, doc.spec, opt);
    benchmark::DoNotOptimize(r.outputs.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(sweep_n));
}
BENCHMARK(BM_quote_sweep_1M)->ArgName("threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same sweep written into columns allocated once, before the loop (out=, SweepTargets).
void BM_quote_sweep_1M_out(benchmark::State& state) {
  const auto doc = quote_sweep_spec();
  const auto s = aci::io::default_scenario();
  aci::sweep::RunOptions opt;
  opt.threads = static_cast<unsigned>(state.range(0));
  const auto ev = aci::evaluators::make_evaluator(doc, s);
  std::vector<aci::sweep::Column> columns(doc.spec.inputs.size() + doc.spec.outputs.size(),
                                          aci::sweep::Column(doc.spec.n));
  aci::sweep::SweepTargets into;
  for (std::size_t k = 0; k < columns.size(); ++k)
    (k < doc.spec.inputs.size() ? into.inputs : into.outputs).emplace_back(columns[k].data(), columns[k].size());
  for (auto _ : state) {
    const auto r = aci::sweep::run_sweep(*ev, doc.spec, opt, {}, &into);
    benchmark::DoNotOptimize(r.output_names.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(doc.spec.n));
}
BENCHMARK(BM_quote_sweep_1M_out)->ArgName("threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same sweep in summary-only mode: count, mean, std, min, max and the histogram of every
// output, no column kept (compare_numpy_quote.py --summary).
void BM_quote_summary_1M(benchmark::State& state) {
  auto doc = quote_sweep_spec();
  doc.spec.summary_only = true;
  doc.spec.summaries = true;
  const auto s = aci::io::default_scenario();
  aci::sweep::RunOptions opt;
  opt.threads = static_cast<unsigned>(state.range(0));
  const auto ev = aci::evaluators::make_evaluator(doc, s);
  for (auto _ : state) {
    const auto r = aci::sweep::run_sweep(*ev, doc.spec, opt);
    benchmark::DoNotOptimize(r.summaries.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(doc.spec.n));
}
BENCHMARK(BM_quote_summary_1M)->ArgName("threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// A Sobol' study of the same 8 inputs (2^15 base rows: 327,680 quotes) with a 1,000-resample
// bootstrap of the 17 outputs that vary (issue 32's study; its goal: <= 2 s on two threads).
void BM_quote_sobol_study(benchmark::State& state) {
  auto doc = quote_sweep_spec();
  // Every output but the three these inputs leave constant (no variance: no indices).
  for (const char* constant : {"output_revenue", "line.materials", "line.equipment"})
    std::erase(doc.spec.outputs, std::string(constant));
  const auto s = aci::io::default_scenario();
  const auto ev = aci::evaluators::make_evaluator(doc, s);
  aci::sweep::SobolStudyOptions o;
  o.n = std::uint64_t{1} << 15;
  o.seed = 3;
  o.analysis.bootstrap_resamples = 1000;
  o.analysis.threads = static_cast<unsigned>(state.range(0));
  o.run.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(aci::sweep::run_sobol(*ev, doc.spec, o));
  state.SetLabel("N=2^15 k=8 B=1000, 17 outputs");
}
BENCHMARK(BM_quote_sobol_study)->ArgName("threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_result_columns_1M(benchmark::State& state) {
  const auto threads = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    std::vector<aci::sweep::Column> columns(8 + 20);
    for (auto& c : columns) c.resize(sweep_n);  // reserved, not touched (the engine's allocator)
    // Each thread writes its slice of every column, first touching its pages, as the workers do.
    const auto write = [&](std::size_t t) {
      const std::size_t lo = sweep_n * t / threads, hi = sweep_n * (t + 1) / threads;
      for (auto& c : columns)
        std::fill(c.begin() + static_cast<std::ptrdiff_t>(lo), c.begin() + static_cast<std::ptrdiff_t>(hi), 1.0);
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(write, t);
    write(0);
    for (auto& th : pool) th.join();
    benchmark::DoNotOptimize(columns.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(sweep_n));
}
BENCHMARK(BM_result_columns_1M)->ArgName("threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
