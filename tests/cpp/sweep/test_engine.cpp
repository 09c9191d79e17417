// The sweep engine: determinism across threads, chunkings and sub-ranges, and for runs started
// from several threads at once; cancellation joins every worker; the spec's errors; the quote
// evaluator against the quote engine itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <latch>
#include <string>
#include <thread>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "aci_cost/training/simulate.hpp"

namespace {
aci::io::SweepDocument doc(const char* text) { return aci::io::sweep_from_json(nlohmann::json::parse(text)); }

const char* training_spec = R"({"format": "aci_cost/sweep@1", "model": "training",
  "inputs": [
    {"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 100, "high": 200}},
    {"name": "training.workforce.absence", "distribution": {"kind": "triangular", "low": 0.02, "mode": 0.06, "high": 0.15}},
    {"name": "training.workforce.contract_months", "distribution": {"kind": "truncated_normal", "mean": 10, "sd": 4, "low": 4, "high": 24}}],
  "design": {"kind": "monte_carlo", "n": 20000, "seed": 11},
  "rank_correlation": [[1, 0.5, 0], [0.5, 1, 0], [0, 0, 1]],
  "outputs": ["cost_per_productive_hour_honoured", "training_debt"]})";
}  // namespace

TEST(SweepEngine, SampledInputsAreTheDesignsPoints) {
  // Each input column is the design's coordinate through the law, bit for bit, for every row of
  // every chunk (chunks of 333 rows); for the Latin hypercube every one of the n strata of each
  // input holds exactly one scenario.
  const auto s = aci::io::default_scenario();
  const aci::sweep::Uniform<double> a{0, 0.5}, b{100, 300};
  const aci::sweep::LatinHypercubeDesign lhs(2, 1000, 5);
  const aci::sweep::MonteCarloDesign mc(2, 5);
  for (const std::string kind : {"latin_hypercube", "monte_carlo"}) {
    const auto d = doc((R"({"format": "aci_cost/sweep@1", "model": "training",
      "inputs": [{"name": "training.workforce.absence", "distribution": {"kind": "uniform", "low": 0, "high": 0.5}},
                 {"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 100, "high": 300}}],
      "design": {"kind": ")" +
                        kind + R"(", "n": 1000, "seed": 5}, "outputs": ["training_debt"]})")
                           .c_str());
    const auto ev = aci::evaluators::make_evaluator(d, s);
    aci::sweep::RunOptions o;
    o.chunk = 333;
    const auto r = aci::sweep::run_sweep(*ev, d.spec, o);
    const auto coordinate = [&](std::size_t i, std::size_t k) {
      return kind == "monte_carlo" ? mc.coordinate(i, k) : lhs.coordinate(i, k);
    };
    std::vector<int> hits_a(1000, 0), hits_b(1000, 0);
    for (std::size_t i = 0; i < 1000; ++i) {
      EXPECT_EQ(r.inputs[0][i], a.quantile(coordinate(i, 0))) << kind << " " << i;
      EXPECT_EQ(r.inputs[1][i], b.quantile(coordinate(i, 1))) << kind << " " << i;
      ++hits_a[static_cast<std::size_t>(r.inputs[0][i] / 0.5 * 1000)];
      ++hits_b[static_cast<std::size_t>((r.inputs[1][i] - 100) / 200 * 1000)];
    }
    if (kind == "latin_hypercube") {
      EXPECT_EQ(std::count(hits_a.begin(), hits_a.end(), 1), 1000);
      EXPECT_EQ(std::count(hits_b.begin(), hits_b.end(), 1), 1000);
    }
  }
}

TEST(SweepEngine, BitIdenticalForAnyThreadsAndChunking) {
  const auto s = aci::io::default_scenario();
  const auto d = doc(training_spec);
  const auto ev = aci::evaluators::make_evaluator(d, s);
  aci::sweep::RunOptions base;
  const auto ref = aci::sweep::run_sweep(*ev, d.spec, base);
  for (unsigned threads : {1u, 2u, 3u}) {
    for (std::uint64_t chunk : {1u, 777u, 4096u, 100000u}) {
      if (chunk == 1 && threads != 2) continue;  // slow; once is enough
      aci::sweep::RunOptions o;
      o.threads = threads;
      o.chunk = chunk;
      const auto r = aci::sweep::run_sweep(*ev, d.spec, o);
      EXPECT_EQ(r.outputs, ref.outputs) << threads << " threads, chunk " << chunk;
      EXPECT_EQ(r.inputs, ref.inputs);
      ASSERT_EQ(r.summaries.size(), 2u);
      EXPECT_TRUE(r.summaries[0] == ref.summaries[0]);
      EXPECT_TRUE(r.summaries[1] == ref.summaries[1]);
    }
  }
  // Sub-ranges (as a distributed run splits them) concatenate to the whole run.
  std::vector<double> joined;
  aci::sweep::Summary merged;
  for (std::uint64_t b : {0u, 5000u, 12345u}) {
    aci::sweep::RunOptions o;
    o.begin = b;
    o.end = b == 0 ? 5000u : (b == 5000 ? 12345u : 20000u);
    const auto r = aci::sweep::run_sweep(*ev, d.spec, o);
    joined.insert(joined.end(), r.outputs[0].begin(), r.outputs[0].end());
    merged.merge(r.summaries[0]);
  }
  EXPECT_EQ(joined, std::vector<double>(ref.outputs[0].begin(), ref.outputs[0].end()));
  EXPECT_TRUE(merged == ref.summaries[0]);
  // Each scenario equals the single-scenario model with its inputs.
  auto m = s.training_model();
  for (std::size_t i : {0u, 9999u}) {
    m.demand.base_hours = ref.inputs[0][i];
    m.workforce.absence = ref.inputs[1][i];
    m.workforce.contract_months = ref.inputs[2][i];
    EXPECT_EQ(aci::training::simulate<double>(m, i).summary.cost_per_productive_hour_honoured, ref.outputs[0][i]);
  }
}

TEST(SweepEngine, RunsStartedFromSeveralThreadsAtOnceEqualTheSameRunsInTurn) {
  // No global state: four runs (other seeds, designs and thread counts) started together from
  // four threads give the bits each gives alone.
  const auto s = aci::io::default_scenario();
  std::vector<aci::io::SweepDocument> docs;
  for (const char* kind : {"monte_carlo", "latin_hypercube", "sobol", "monte_carlo"}) {
    auto d = doc(training_spec);
    d.spec.design =
        kind[0] == 'm' ? aci::sweep::SampleDesign::monte_carlo
                       : (kind[0] == 'l' ? aci::sweep::SampleDesign::latin_hypercube : aci::sweep::SampleDesign::sobol);
    d.spec.seed = docs.size() + 1;
    d.spec.n = 4000;
    docs.push_back(d);
  }
  const auto ev = aci::evaluators::make_evaluator(docs[0], s);
  const auto options = [](std::size_t k) {
    aci::sweep::RunOptions o;
    o.threads = 1 + static_cast<unsigned>(k % 2);
    o.chunk = 500;
    return o;
  };
  std::vector<aci::sweep::SweepResult> in_turn, together(docs.size());
  for (std::size_t k = 0; k < docs.size(); ++k) in_turn.push_back(aci::sweep::run_sweep(*ev, docs[k].spec, options(k)));
  std::latch start(static_cast<std::ptrdiff_t>(docs.size()));
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < docs.size(); ++k)
    threads.emplace_back([&, k] {
      start.arrive_and_wait();
      together[k] = aci::sweep::run_sweep(*ev, docs[k].spec, options(k));
    });
  for (auto& t : threads) t.join();
  for (std::size_t k = 0; k < docs.size(); ++k) {
    EXPECT_EQ(together[k].outputs, in_turn[k].outputs) << k;
    EXPECT_EQ(together[k].inputs, in_turn[k].inputs) << k;
    for (std::size_t m = 0; m < in_turn[k].summaries.size(); ++m)
      EXPECT_EQ(together[k].summaries[m].to_words(), in_turn[k].summaries[m].to_words()) << k;
  }
  EXPECT_NE(in_turn[0].outputs, in_turn[3].outputs);  // the runs differ: equality is not vacuous
}

TEST(SweepEngine, ACancelledRunStopsPromptlyAndLeavesNoThread) {
  // Cancelling (Python's Ctrl-C goes this way) stops a 2^32-scenario run at once, and every
  // worker is joined before Cancelled reaches the caller.
  const auto threads_now = [] {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator("/proc/self/task")) ++n;
    return n;
  };
  if (!std::filesystem::is_directory("/proc/self/task")) GTEST_SKIP() << "counts threads in /proc";
  const auto s = aci::io::default_scenario();
  auto d = doc(training_spec);
  d.spec.n = aci::sweep::max_run_scenarios;
  d.spec.summary_only = true;
  const auto ev = aci::evaluators::make_evaluator(d, s);
  // A sanitizer's runtime (ThreadSanitizer) starts its own background thread with the first
  // thread a program creates: start and join one first, so that the baseline counts it.
  std::thread([] {}).join();
  const std::size_t before = threads_now();
  aci::sweep::RunOptions o;
  o.threads = 3;
  std::size_t during = 0;
  std::uint64_t last_done = 0, total = 0;
  const aci::sweep::Progress stop = [&](std::uint64_t done, std::uint64_t all) {
    during = std::max(during, threads_now());
    last_done = done;
    total = all;
    return done == 0;  // stop at the first report of progress
  };
  EXPECT_THROW((void)aci::sweep::run_sweep(*ev, d.spec, o, stop), aci::sweep::Cancelled);
  EXPECT_EQ(during, before + 3);  // the workers ran...
  // ...and are gone. A joined thread leaves /proc/self/task a moment after its join returns (the
  // kernel wakes the joiner before it reaps the task): wait up to 2 s for the count to settle.
  for (int i = 0; i < 200 && threads_now() != before; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(threads_now(), before);
  EXPECT_GT(last_done, 0u);     // stopped at the first report after the start,
  EXPECT_LT(last_done, total);  // long before the end (no clock: speed belongs to the benchmarks)
}

TEST(SweepEngine, QuoteSweepEqualsTheQuoteEngine) {
  auto s = aci::io::default_scenario();
  s.pricing.policy = aci::quote::PricePolicy::cost_plus;  // the margin moves the price (the default: fair zone)
  const auto d = doc(R"({"format": "aci_cost/sweep@1", "model": "quote", "job": "park_maintenance",
    "inputs": [{"name": "job.productivity", "values": [0.5, 0.6, 0.75]},
               {"name": "pricing.margin", "values": [0, 0.1]}],
    "design": {"kind": "grid", "n": 6}, "outputs": ["full_cost", "price_ht"]})");
  const auto ev = aci::evaluators::make_evaluator(d, s);
  const auto r = aci::sweep::run_sweep(*ev, d.spec);
  ASSERT_EQ(r.outputs[0].size(), 6u);
  // Grid point 2 = (productivity 0.6, margin 0): the default job at productivity 0.6, whose
  // full cost is 4484.3319294584 € (docs/worked_example.py); point 3 = (0.6, 0.1).
  EXPECT_NEAR(r.outputs[0][2], 4484.3319294584, 1e-6);
  EXPECT_NEAR(r.outputs[1][3], 4484.3319294584 * 1.1, 1e-6);
  auto job = s.job("park_maintenance");
  job.productivity = aci::Decimal("0.75");
  auto pricing = s.pricing;
  pricing.margin = aci::Decimal("0.1");
  const auto f = aci::quote::compute_figures<double>(s.aci, job, s.rate_table(), pricing);
  EXPECT_EQ(r.outputs[1][5], f.price_ht);
}

TEST(SweepEngine, SpecErrorsNameTheField) {
  const auto s = aci::io::default_scenario();
  const auto expect_error = [&](const std::string& text, const std::string& field) {
    try {
      const auto d = doc(text.c_str());
      const auto ev = aci::evaluators::make_evaluator(d, s);
      (void)aci::sweep::run_sweep(*ev, d.spec);
      ADD_FAILURE() << "no error for " << field;
    } catch (const aci::InvalidInput& e) {
      EXPECT_EQ(e.field(), field) << e.what();
    }
  };
  const std::string head =
      R"({"format": "aci_cost/sweep@1", "model": "training", "design": {"kind": "monte_carlo", "n": 10}, )";
  expect_error(
      head +
          R"("inputs": [{"name": "training.demand.bass", "distribution": {"kind": "uniform", "low": 1, "high": 2}}]})",
      "sweep.inputs[0].name");
  // A law reaching outside the input's domain is an error, not a silent clamp.
  expect_error(
      head +
          R"("inputs": [{"name": "training.workforce.absence", "distribution": {"kind": "uniform", "low": 0.5, "high": 1.5}}]})",
      "sweep.inputs[0].distribution (highest value)");
  expect_error(
      head +
          R"("inputs": [{"name": "training.workforce.absence", "distribution": {"kind": "uniform", "low": 0.5, "high": 0.4}}]})",
      "distribution[training.workforce.absence].high");
  expect_error(
      head +
          R"("inputs": [{"name": "training.workforce.absence", "distribution": {"kind": "uniform", "low": 0, "high": 0.1}}], "outputs": ["cost"]})",
      "sweep.outputs[0]");
  expect_error(
      R"({"format": "aci_cost/sweep@1", "design": {"kind": "grid", "n": 5}, "inputs": [{"name": "training.workforce.absence", "values": [0.1, 0.2]}]})",
      "sweep.n");
  expect_error(R"({"format": "aci_cost/sweep@1", "design": {"kind": "gird"}, "inputs": []})", "$.design.kind");
  // Values inside each input's domain may still break a rule between parameters (absence -
  // spread < 0 here): the kernel names the first such scenario by its global index.
  expect_error(R"({"format": "aci_cost/sweep@1", "model": "training", "design": {"kind": "grid", "n": 3},
                   "inputs": [{"name": "training.workforce.absence_spread", "values": [0.01, 0.02, 0.6]}]})",
               "training_batch.absence_spread[2]");
}

TEST(SweepEngine, SummaryOnlyRunsAreIdenticalForAnyThreadsAndChunking) {
  // The per-worker accumulators merged once: the summaries of 1, 2 and 3 threads and of any
  // chunk size are the same state, and the same as a full run's.
  const auto s = aci::io::default_scenario();
  auto d = doc(training_spec);
  d.spec.summary_only = true;
  const auto ev = aci::evaluators::make_evaluator(d, s);
  const auto ref = aci::sweep::run_sweep(*ev, d.spec);
  ASSERT_EQ(ref.summaries.size(), 2u);
  EXPECT_TRUE(ref.outputs.empty());
  for (const unsigned threads : {1U, 2U, 3U}) {
    for (const std::uint64_t chunk : {1U, 333U, 4096U, 20000U}) {
      if (chunk == 1 && threads != 3) continue;  // slow; once is enough
      aci::sweep::RunOptions o;
      o.threads = threads;
      o.chunk = chunk;
      const auto r = aci::sweep::run_sweep(*ev, d.spec, o);
      for (std::size_t m = 0; m < 2; ++m)
        EXPECT_EQ(r.summaries[m].to_words(), ref.summaries[m].to_words()) << threads << " threads, chunk " << chunk;
    }
  }
  d.spec.summary_only = false;
  const auto full = aci::sweep::run_sweep(*ev, d.spec);
  EXPECT_EQ(full.summaries[1].to_words(), ref.summaries[1].to_words());
}

TEST(SweepEngine, ColumnsWrittenIntoTheCallersMemoryEqualFreshOnesBitForBit) {
  const auto s = aci::io::default_scenario();
  const auto d = doc(training_spec);
  const auto ev = aci::evaluators::make_evaluator(d, s);
  const auto fresh = aci::sweep::run_sweep(*ev, d.spec);
  // Columns the caller owns, filled with garbage first: every value must be written.
  std::vector<std::vector<double>> mine(5, std::vector<double>(20000, -7.25));
  aci::sweep::SweepTargets into;
  for (std::size_t k = 0; k < 3; ++k) into.inputs.emplace_back(mine[k]);
  for (std::size_t m = 0; m < 2; ++m) into.outputs.emplace_back(mine[3 + m]);
  for (const unsigned threads : {1U, 2U, 3U}) {
    aci::sweep::RunOptions o;
    o.threads = threads;
    o.chunk = 999;
    const auto r = aci::sweep::run_sweep(*ev, d.spec, o, {}, &into);
    EXPECT_TRUE(r.outputs.empty() && r.inputs.empty());
    for (std::size_t k = 0; k < 3; ++k)
      EXPECT_EQ(0, std::memcmp(mine[k].data(), fresh.inputs[k].data(), 20000 * sizeof(double))) << k;
    for (std::size_t m = 0; m < 2; ++m)
      EXPECT_EQ(0, std::memcmp(mine[3 + m].data(), fresh.outputs[m].data(), 20000 * sizeof(double))) << m;
    EXPECT_EQ(r.summaries[0].to_words(), fresh.summaries[0].to_words());
  }
  // Targets that cannot hold the result are refused, naming them.
  const auto refused = [&](aci::sweep::SweepTargets t, const std::string& field) {
    try {
      (void)aci::sweep::run_sweep(*ev, d.spec, {}, {}, &t);
      ADD_FAILURE() << "accepted " << field;
    } catch (const aci::InvalidInput& e) {
      EXPECT_EQ(e.field(), field) << e.what();
    }
  };
  auto short_one = into;
  short_one.outputs[1] = std::span<double>(mine[4].data(), 19999);
  refused(short_one, "out.outputs[training_debt]");
  auto missing = into;
  missing.inputs.pop_back();
  refused(missing, "out.inputs");
  auto overlapping = into;
  overlapping.outputs[1] = std::span<double>(mine[3].data(), 20000);
  refused(overlapping, "out.outputs[training_debt]");
  auto summary_only = d;
  summary_only.spec.summary_only = true;
  EXPECT_THROW((void)aci::sweep::run_sweep(*ev, summary_only.spec, {}, {}, &into), aci::InvalidInput);
}
