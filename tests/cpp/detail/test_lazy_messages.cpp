// Validation formats no message unless it fails: validating valid input allocates nothing (an
// error message is a heap string, so a message built for a valid value shows up as an
// allocation here). The count is per thread, so other threads cannot disturb it.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/io/sweep_json.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "aci_cost/sweep/sensitivity.hpp"
#include "aci_cost/rates/general_reduction.hpp"
#include "aci_cost/schema/unique_names.hpp"
#include "aci_cost/training/batch.hpp"

namespace {
thread_local std::size_t allocations = 0;
}  // namespace

// Counting replacements of the global allocation functions (this test binary only: its own
// executable, not built under a sanitizer; the aligned forms are not used by the code under
// test). GCC sees free() after an inlined operator new in library code and warns of a mismatch
// that the replacement below makes consistent (malloc / free on both sides).
#if defined(__GNUC__) && !defined(__clang__)
#  pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  ++allocations;
  return std::malloc(n == 0 ? 1 : n);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

/// Allocations made by f.
template <class F>
std::size_t allocations_of(F&& f) {
  const std::size_t before = allocations;
  f();
  return allocations - before;
}

TEST(LazyMessages, ValidInputAllocatesNothing) {
  const auto s = aci::io::default_scenario();
  // No message is built for valid input, and the name checks of its short lists (at most
  // schema::unique_names_on_stack items) keep the names on the stack.
  ASSERT_LE(s.aci.ateliers.size(), aci::schema::unique_names_on_stack);
  EXPECT_EQ(allocations_of([&] { s.aci.validate(); }), 0u);
  // A long list is hashed (linear for 10^5 items, issue 34): one bucket array and a node per name.
  std::vector<std::string> many;
  for (int i = 0; i < 100; ++i) many.push_back("n" + std::to_string(i));
  const auto same = [](const std::string& x) -> std::string_view { return x; };
  EXPECT_GE(allocations_of([&] { aci::schema::require_unique_names(many, same, "names", "test"); }), 1u);
  for (const auto& job : s.jobs) EXPECT_EQ(allocations_of([&] { job.validate(); }), 0u) << job.name;
  EXPECT_EQ(allocations_of([&] { s.pricing.validate(); }), 0u);
  const auto m = s.training_model();
  EXPECT_EQ(allocations_of([&] { m.validate(); }), 0u);
  aci::training::TrainingBatch batch;
  batch.scenarios = 3;
  batch.absence = {0.05, 0.1, 0.2};
  EXPECT_EQ(allocations_of([&] { batch.validate(m); }), 0u);
}

TEST(LazyMessages, InvalidInputStillNamesTheFieldAndValue) {
  auto s = aci::io::default_scenario();
  s.jobs[0].crew_size = aci::Decimal(-2);
  try {
    s.jobs[0].validate();
    FAIL() << "expected InvalidInput";
  } catch (const aci::InvalidInput& e) {
    EXPECT_NE(e.field().find("crew_size"), std::string::npos) << e.what();
    EXPECT_EQ(e.value(), "-2");
  }
}

}  // namespace

// The sweep side: how many allocations a step makes must not grow with the number of values it
// validates (a message built per valid value would add one or more per value). Each step is run
// on a small and a 100x larger input; the difference allows the containers' own growth only.
namespace {

std::string points_spec(std::size_t n) {
  std::string a, b;
  for (std::size_t i = 0; i < n; ++i) {
    a += (i ? "," : "") + std::to_string(100 + static_cast<double>(i % 50));
    b += (i ? "," : "") + std::to_string(0.01 * static_cast<double>(i % 10));
  }
  return R"({"format": "aci_cost/sweep@1", "model": "training", "design": {"kind": "points", "n": )" +
         std::to_string(n) + R"(}, "inputs": [{"name": "training.demand.base_hours", "values": [)" + a +
         R"(]}, {"name": "training.workforce.absence", "values": [)" + b + R"(]}], "outputs": ["delivered_share"]})";
}

TEST(LazyMessages, ReadingAndRunningAPointsSweepDoNotFormatPerValue) {
  const auto scenario = aci::io::default_scenario();
  std::size_t read[2], run[2];
  for (int k = 0; k < 2; ++k) {
    const std::string text = points_spec(k == 0 ? 20 : 2000);
    aci::io::SweepDocument doc;
    read[k] = allocations_of([&] { doc = aci::io::read_sweep(text); });
    const auto ev = aci::evaluators::make_evaluator(doc, scenario);
    run[k] = allocations_of([&] { (void)aci::sweep::run_sweep(*ev, doc.spec, {}); });
  }
  EXPECT_LT(read[1] - read[0], 200u) << read[0] << " -> " << read[1];
  EXPECT_LT(run[1] - run[0], 200u) << run[0] << " -> " << run[1];
}

TEST(LazyMessages, AnalysersDoNotFormatPerValue) {
  std::size_t sobol[2], morris[2];
  for (int k = 0; k < 2; ++k) {
    const aci::sweep::SaltelliDesign design(3, k == 0 ? 64 : 8192, 1, {});
    const auto y = aci::sweep::evaluate(design, [](std::span<const double> u) { return u[0] + 2 * u[1] * u[2]; });
    aci::sweep::SobolOptions o;
    o.bootstrap_resamples = 0;
    sobol[k] = allocations_of([&] { (void)aci::sweep::analyze_sobol(design, y, o); });
    const aci::sweep::MorrisDesign m(3, k == 0 ? 10 : 1000, 4, 1);
    const auto ym = aci::sweep::evaluate(m, [](std::span<const double> u) { return u[0] + 2 * u[1] * u[2]; });
    morris[k] = allocations_of([&] { (void)aci::sweep::analyze_morris(m, ym); });
  }
  EXPECT_LT(sobol[1] - sobol[0], 200u) << sobol[0] << " -> " << sobol[1];
  EXPECT_LT(morris[1] - morris[0], 200u) << morris[0] << " -> " << morris[1];
}

}  // namespace
