// The quote engine: the exact quote (Decimal), the double path of a sweep one scenario at a
// time and as a batch, the reduction, and the money primitives.
#include <benchmark/benchmark.h>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/batch.hpp"
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

}  // namespace
