// Throughput of the weekly training-deferral model: the single path (simulate(), full
// per-week results) against the batch kernel (simulate_batch(), summaries only), both over
// N = 2^14 scenarios of a 52-week horizon with random weekly absence and demand.
// Counter "scenario_years/s": simulated scenario-years per second.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>

#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/training/batch.hpp"
#include "aci_cost/training/simulate.hpp"

namespace {

using aci::training::DeferralPolicy;
using aci::training::TrainingBatch;
using aci::training::TrainingModel;

constexpr std::size_t kScenarios = std::size_t{1} << 14;

TrainingModel base_model(DeferralPolicy policy) {
  TrainingModel m;  // defaults: 52 weeks, seasonal green-space demand, headcount mode
  m.workforce.absence_spread = 0.04;
  m.demand.variation = 0.15;
  m.deferral.policy = policy;
  m.deferral.fixed_weeks = {10, 20, 30, 40};
  m.seed = 2026;
  return m;
}

/// Spreads a few parameters over the scenarios (values from the counter RNG).
TrainingBatch sweep(std::size_t n) {
  TrainingBatch b;
  b.scenarios = n;
  const auto u = [](std::size_t i, std::uint64_t k) { return aci::detail::counter_uniform(7, i, 0, k); };
  for (std::size_t i = 0; i < n; ++i) {
    b.headcount.push_back(6.0 + 10.0 * u(i, 0));
    b.contract_months.push_back(4.0 + 20.0 * u(i, 1));
    b.demand_base_hours.push_back(120.0 + 200.0 * u(i, 2));
    b.plan_hours_per_week.push_back(0.5 + 3.0 * u(i, 3));
    b.catch_up_share.push_back(u(i, 4));
  }
  return b;
}

double years(const TrainingModel& m) { return static_cast<double>(m.horizon.weeks) / 52.0; }

void set_counters(benchmark::State& state, const TrainingModel& m) {
  const double per_iteration = static_cast<double>(kScenarios) * years(m);
  state.SetItemsProcessed(static_cast<std::int64_t>(static_cast<double>(state.iterations()) * per_iteration));
  state.counters["scenario_years/s"] = benchmark::Counter(per_iteration, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_TrainingSingle(benchmark::State& state) {
  const TrainingModel m = base_model(static_cast<DeferralPolicy>(state.range(0)));
  for (auto _ : state) {
    double debt = 0;
    for (std::size_t i = 0; i < kScenarios; ++i) debt += aci::training::simulate(m, i).summary.training_debt;
    benchmark::DoNotOptimize(debt);
  }
  set_counters(state, m);
}

void BM_TrainingBatch(benchmark::State& state) {
  const TrainingModel m = base_model(static_cast<DeferralPolicy>(state.range(0)));
  const TrainingBatch batch = sweep(kScenarios);
  aci::training::BatchSummary out;
  out.resize(kScenarios);
  for (auto _ : state) {
    aci::training::simulate_batch(m, batch, 0, kScenarios, out);
    benchmark::DoNotOptimize(out.training_debt.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, m);
}

/// The batch in chunks of 1024, as a sweep engine would call it.
void BM_TrainingBatchChunked(benchmark::State& state) {
  const TrainingModel m = base_model(DeferralPolicy::production_first);
  const TrainingBatch batch = sweep(kScenarios);
  aci::training::BatchSummary out;
  out.resize(kScenarios);
  const auto chunk = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    for (std::size_t b = 0; b < kScenarios; b += chunk) {
      aci::training::simulate_batch(m, batch, b, b + chunk < kScenarios ? b + chunk : kScenarios, out);
    }
    benchmark::DoNotOptimize(out.training_debt.data());
    benchmark::ClobberMemory();
  }
  set_counters(state, m);
}

// Arg: the deferral policy (0 production_first, 1 protected_minimum, 2 load_threshold, 3 fixed_weeks).
BENCHMARK(BM_TrainingSingle)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TrainingBatch)->DenseRange(0, 3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TrainingBatchChunked)->Arg(128)->Arg(1024)->Unit(benchmark::kMillisecond);

}  // namespace
