// The quote engine on its two scalars, and the money primitives.
#include <benchmark/benchmark.h>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/quote.hpp"

namespace {

void BM_quote_decimal(benchmark::State& state) {
  const auto s = aci::io::default_scenario();
  const auto t = s.rate_table();
  for (auto _ : state) benchmark::DoNotOptimize(aci::quote::make_quote<aci::Decimal>(s.aci, s.jobs[0], t, s.pricing));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_quote_decimal);

void BM_figures_double(benchmark::State& state) {
  const auto s = aci::io::default_scenario();
  const auto t = s.rate_table();
  for (auto _ : state) benchmark::DoNotOptimize(aci::quote::compute_figures<double>(s.aci, s.jobs[0], t, s.pricing));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_figures_double);

void BM_split(benchmark::State& state) {
  const std::vector<aci::Decimal> w(static_cast<std::size_t>(state.range(0)), aci::Decimal(7));
  const auto total = aci::Money::parse("12345.67");
  for (auto _ : state) benchmark::DoNotOptimize(aci::split(total, w));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_split)->Arg(3)->Arg(100);

}  // namespace
