// Sharing posts between ACIs: the exact Shapley value by subset enumeration (target: 20 ACIs
// in under a second on one core), the tabulation of c(S) on the double path, the sampled
// Shapley value, the nucleolus and the least core, the best grouping (dynamic programming over
// subsets, O(3^n)), and the whole shown result. Figures: docs/performance.md.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "aci_cost/io/sharing_json.hpp"
#include "aci_cost/sharing/coalition_cost.hpp"
#include "aci_cost/sharing/grouping.hpp"
#include "aci_cost/sharing/nucleolus.hpp"
#include "aci_cost/sharing/shapley.hpp"
#include "aci_cost/sharing/share.hpp"

namespace {

using aci::sharing::Coalition;
using aci::sharing::CostGame;

/// A random cost game of n players (values from a fixed seed).
CostGame<double> random_game(int n) {
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> u(1, 1000);
  std::vector<double> w(static_cast<std::size_t>(n));
  for (double& x : w) x = u(rng);
  return CostGame<double>::tabulate(n, [&](Coalition s) {
    double sum = 0;
    for (Coalition r = s; r != 0; r &= r - 1) sum += w[static_cast<std::size_t>(std::countr_zero(r))];
    return 5000 + 100 * std::sqrt(sum);
  });
}

void BM_ShapleyExactDouble(benchmark::State& state) {
  const auto g = random_game(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(aci::sharing::shapley_exact(g));
  state.counters["coalitions"] = static_cast<double>(g.values().size());
}
BENCHMARK(BM_ShapleyExactDouble)->Arg(10)->Arg(16)->Arg(20)->Unit(benchmark::kMillisecond);

void BM_ShapleyExactDecimal(benchmark::State& state) {
  const auto g = random_game(static_cast<int>(state.range(0))).map<aci::Decimal>([](double v) {
    return aci::decimal_from_double(v, "bench");
  });
  for (auto _ : state) benchmark::DoNotOptimize(aci::sharing::shapley_exact(g));
}
BENCHMARK(BM_ShapleyExactDecimal)->Arg(8)->Arg(12)->Unit(benchmark::kMillisecond);

/// A sharing problem of n ACIs around a ring, one post.
aci::sharing::SharingProblem ring(int n) {
  aci::sharing::SharingProblem p;
  aci::sharing::SharedPost post;
  post.name = "psychologist";
  post.staff.name = "psychologist";
  post.staff.pay_basis = aci::people::PayBasis::hourly;
  post.staff.pay = aci::Money::parse("17.5");
  post.staff.contribution_mode = aci::people::ContributionMode::legal_reduction;
  post.coordination_per_member = aci::Money::parse("400");
  post.cost_per_km = aci::Money::parse("0.4");
  p.posts.push_back(post);
  const auto un = static_cast<std::size_t>(n);
  for (std::size_t i = 0; i < un; ++i)
    p.members.push_back(
        {"ACI " + std::to_string(i), {aci::Decimal(static_cast<int>(2 + i % 7))}, {aci::Decimal(47)}, {}});
  p.distance_km.assign(un, std::vector<aci::Decimal>(un, aci::Decimal(0)));
  p.travel_hours = p.distance_km;
  for (std::size_t i = 0; i < un; ++i)
    for (std::size_t j = 0; j < un; ++j) {
      const auto d = static_cast<int>(std::min((i + un - j) % un, (j + un - i) % un));
      p.distance_km[i][j] = aci::Decimal(10 * d);
      p.travel_hours[i][j] = aci::Decimal(d) / 5;
    }
  return p;
}

void BM_TabulateCoalitionsDouble(benchmark::State& state) {
  const auto c = aci::sharing::CoalitionCost<double>::of(ring(static_cast<int>(state.range(0))));
  for (auto _ : state) benchmark::DoNotOptimize(c.game());
}
BENCHMARK(BM_TabulateCoalitionsDouble)->Arg(12)->Arg(20)->Unit(benchmark::kMillisecond);

void BM_ShapleySampled(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const auto c = aci::sharing::CoalitionCost<double>::of(ring(n));
  for (auto _ : state) benchmark::DoNotOptimize(aci::sharing::shapley_sampled(n, c, 10000, 1, 1));
}
BENCHMARK(BM_ShapleySampled)->Arg(30)->Unit(benchmark::kMillisecond);

void BM_Nucleolus(benchmark::State& state) {
  const auto g = random_game(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(aci::sharing::nucleolus(g));
}
BENCHMARK(BM_Nucleolus)->Arg(6)->Arg(10)->Arg(14)->Unit(benchmark::kMillisecond);

void BM_LeastCore(benchmark::State& state) {
  const auto g = random_game(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(aci::sharing::least_core(g));
}
BENCHMARK(BM_LeastCore)->Arg(10)->Arg(14)->Arg(16)->Unit(benchmark::kMillisecond);

void BM_BestGrouping(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::vector<std::int64_t> cents;
  const auto g = random_game(n);
  for (double v : g.values()) cents.push_back(static_cast<std::int64_t>(v * 100));
  for (auto _ : state) benchmark::DoNotOptimize(aci::sharing::best_grouping(n, cents));
  state.counters["steps"] = std::pow(3.0, n);
}
BENCHMARK(BM_BestGrouping)->Arg(12)->Arg(16)->Unit(benchmark::kMillisecond);

void BM_ShareExample(benchmark::State& state) {
  const auto problem = aci::io::example_sharing_problem();
  for (auto _ : state) benchmark::DoNotOptimize(aci::sharing::share(problem));
}
BENCHMARK(BM_ShareExample)->Unit(benchmark::kMillisecond);

void BM_ShareRing(benchmark::State& state) {
  auto problem = ring(static_cast<int>(state.range(0)));
  problem.posts[0].frame.kind = aci::sharing::FrameKind::employers_group;  // every split
  for (auto _ : state) benchmark::DoNotOptimize(aci::sharing::share(problem));
}
BENCHMARK(BM_ShareRing)->Arg(12)->Arg(16)->Unit(benchmark::kMillisecond);

}  // namespace
