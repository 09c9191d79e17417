// parallel_for: every task once, the same results for any thread count, a throwing task
// becomes the caller's exception (the lowest task's, whatever the threads) instead of a
// terminate, a watcher that stops or throws, progress; and its three users: the sweep engine,
// the Sobol' bootstrap and the sampled Shapley value with a cost function that throws.
#include <gtest/gtest.h>

#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "aci_cost/parallel/parallel_for.hpp"
#include "aci_cost/sharing/shapley.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "aci_cost/sweep/sobol_indices.hpp"

namespace par = aci::parallel;

TEST(ParallelFor, RunsEveryTaskOnceOnAtMostOneWorkerPerTask) {
  for (const unsigned threads : {1U, 2U, 3U, 8U}) {
    for (const bool watched : {false, true}) {
      std::vector<std::atomic<int>> runs(37);
      std::vector<unsigned> worker_of(37);
      par::Options o;
      o.threads = threads;
      o.total = 37;
      std::uint64_t last_done = 0;
      if (watched) o.watch = [&](std::uint64_t done, std::uint64_t) { return (last_done = done), true; };
      par::parallel_for(37, o, [&](std::uint64_t t, const par::Worker& w) {
        ++runs[t];
        worker_of[t] = w.index();
        w.advance(1);
      });
      for (std::size_t t = 0; t < runs.size(); ++t) EXPECT_EQ(runs[t].load(), 1) << t;
      for (const unsigned w : worker_of) EXPECT_LT(w, par::worker_count(threads, 37));
      if (watched) {
        EXPECT_EQ(last_done, 37u);  // the final report counts every unit
      }
    }
  }
  EXPECT_EQ(par::worker_count(8, 3), 3u);
  EXPECT_EQ(par::worker_count(0, 3), 1u);
  EXPECT_EQ(par::worker_count(4, 0), 1u);
  par::parallel_for(0, {}, [](std::uint64_t, const par::Worker&) { FAIL() << "no task to run"; });
}

TEST(ParallelFor, AThrowingTaskIsTheCallersExceptionTheLowestOneForAnyThreadCount) {
  // Tasks 5 and 11 throw; every task below 5 runs, so task 5's exception is the one reported
  // whatever the thread count (a terminate, before: an exception leaving a worker thread).
  for (const unsigned threads : {1U, 2U, 3U, 4U}) {
    for (const bool watched : {false, true}) {
      par::Options o;
      o.threads = threads;
      if (watched) o.watch = [](std::uint64_t, std::uint64_t) { return true; };
      std::vector<std::atomic<int>> ran(40);
      try {
        par::parallel_for(40, o, [&](std::uint64_t t, const par::Worker&) {
          ++ran[t];
          std::this_thread::sleep_for(std::chrono::microseconds(t == 11 ? 0 : 200));
          if (t == 5 || t == 11) throw std::runtime_error("task " + std::to_string(t));
        });
        ADD_FAILURE() << "expected the task's exception";
      } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "task 5") << threads << " threads";
      }
      for (std::size_t t = 0; t < 5; ++t) EXPECT_EQ(ran[t].load(), 1) << t;
    }
  }
}

TEST(ParallelFor, AWatcherStopsTheRunOrPassesItsException) {
  for (const unsigned threads : {1U, 2U}) {
    par::Options o;
    o.threads = threads;
    o.total = 1'000'000;
    std::atomic<std::uint64_t> started{0};
    o.watch = [](std::uint64_t, std::uint64_t) { return false; };
    const auto slow = [&](std::uint64_t, const par::Worker& w) {
      ++started;
      while (!w.stopping()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    };
    EXPECT_THROW(par::parallel_for(1'000'000, o, slow), par::Cancelled);
    EXPECT_LE(started.load(), threads);  // each worker finished its task, none started another
    o.watch = [](std::uint64_t, std::uint64_t) -> bool { throw std::logic_error("from the watcher"); };
    try {
      par::parallel_for(1'000'000, o, slow);
      ADD_FAILURE() << "expected the watcher's exception";
    } catch (const std::logic_error& e) {
      EXPECT_STREQ(e.what(), "from the watcher");
    }
  }
}

namespace {
/// A model whose scenario 777 throws (as a model function raising in Python does).
class Throwing final : public aci::sweep::Evaluator {
 public:
  Throwing() {
    inputs_.push_back({"x", 0.0, 1.0, false, "", false, ""});
    outputs_.emplace_back("y");
  }
  void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>&,
                std::span<const double* const> x, const std::vector<std::size_t>&, std::span<double* const> y,
                std::span<const std::uint64_t>) const override {
    for (std::uint64_t i = begin; i < end; ++i) {
      if (i == 777 || i == 5000) throw aci::InvalidInput("model.y", std::to_string(i), "fails here");
      y[0][i - begin] = 2 * x[0][i - begin];
    }
  }
};
}  // namespace

TEST(ParallelFor, TheSweepEngineReportsTheFirstFailingChunkForAnyThreadCount) {
  const Throwing ev;
  aci::sweep::SweepSpec spec;
  spec.inputs.push_back({"x", aci::sweep::Uniform<double>{0, 1}, {}});
  spec.n = 10'000;
  for (const unsigned threads : {1U, 2U, 3U}) {
    for (const std::uint64_t chunk : {100U, 1000U}) {
      aci::sweep::RunOptions o;
      o.threads = threads;
      o.chunk = chunk;
      try {
        (void)aci::sweep::run_sweep(ev, spec, o);
        ADD_FAILURE() << "expected the model's error";
      } catch (const aci::InvalidInput& e) {
        EXPECT_EQ(e.value(), "777") << threads << " threads, chunk " << chunk;
      }
    }
  }
}

TEST(ParallelFor, ASampledShapleyValueWithAThrowingCostIsAnErrorNotATerminate) {
  // The sampled Shapley value ran its threads without exception capture: a cost function that
  // threw terminated the process. Now it is the caller's exception, for any thread count.
  const auto cost = [](aci::sharing::Coalition s) -> double {
    if (s == 0b1011) throw aci::DomainError("c(S) of coalition 0b1011 is not finite");
    return static_cast<double>(std::popcount(s));
  };
  for (const int threads : {1, 2, 3}) {
    EXPECT_THROW((void)aci::sharing::shapley_sampled(4, cost, 5000, 7, threads), aci::DomainError) << threads;
  }
  // Without the failing coalition, the same estimate for any thread count.
  const auto fine = [](aci::sharing::Coalition s) { return std::sqrt(static_cast<double>(s)); };
  const auto one = aci::sharing::shapley_sampled(5, fine, 3000, 7, 1);
  for (const int threads : {2, 3}) {
    const auto r = aci::sharing::shapley_sampled(5, fine, 3000, 7, threads);
    EXPECT_EQ(r.value, one.value);
    EXPECT_EQ(r.standard_error, one.standard_error);
  }
}

TEST(ParallelFor, TheSobolBootstrapReportsResamplesAndStops) {
  const aci::sweep::SaltelliDesign design(3, 256, 1);
  const auto y = aci::sweep::evaluate(design, [](std::span<const double> u) { return u[0] + 2 * u[1] * u[2]; });
  aci::sweep::SobolOptions o;
  o.bootstrap_resamples = 300;
  o.threads = 2;
  std::uint64_t last = 0, total = 0;
  o.progress = [&](std::uint64_t done, std::uint64_t t) {
    last = done;
    total = t;
    return true;
  };
  (void)aci::sweep::analyze_sobol(design, y, o);
  EXPECT_EQ(total, 300u);
  EXPECT_EQ(last, 300u);
  o.progress = [](std::uint64_t, std::uint64_t) { return false; };
  EXPECT_THROW((void)aci::sweep::analyze_sobol(design, y, o), aci::sweep::Cancelled);
}
