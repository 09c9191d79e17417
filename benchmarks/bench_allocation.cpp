// Cost centres: the allocation of a 200-centre network to the cent (Decimal trace) by each
// method, and the double settling a sweep runs per scenario. The network: 40 support centres
// serving each other (dense, seeded random weights) and 160 main centres, 5 charges keyed over
// every centre.
#include <benchmark/benchmark.h>

#include <random>

#include "aci_cost/allocation/allocate.hpp"

namespace {

aci::allocation::Network network(int supports, int mains) {
  using namespace aci::allocation;
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int> w(1, 100);
  Network n;
  for (int s = 0; s < supports; ++s)
    n.centres.push_back({"S" + std::to_string(s), CentreKind::support, "h", aci::Decimal(0)});
  for (int m = 0; m < mains; ++m)
    n.centres.push_back({"M" + std::to_string(m), CentreKind::main, "h", aci::Decimal(1000)});
  for (int k = 0; k < 5; ++k) {
    Charge c{"c" + std::to_string(k), aci::Money::from_cents(100'000'00 + k), {}, ""};
    for (const auto& ce : n.centres) c.key.push_back({ce.name, aci::Decimal(w(rng))});
    n.charges.push_back(c);
  }
  for (int s = 0; s < supports; ++s) {
    Service sv{"S" + std::to_string(s), {}};
    for (const auto& ce : n.centres) sv.to.push_back({ce.name, aci::Decimal(w(rng))});
    n.services.push_back(sv);
  }
  return n;
}

void BM_allocate_200(benchmark::State& state) {
  const auto n = network(40, 160);
  const auto method = static_cast<aci::allocation::Method>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(aci::allocation::allocate(n, method));
}
BENCHMARK(BM_allocate_200)->Arg(0)->Arg(1)->Arg(2)->ArgName("method")->Unit(benchmark::kMillisecond);

void BM_settle_double_200(benchmark::State& state) {
  using namespace aci::allocation;
  const auto n = network(40, 160);
  const auto r = resolve<double>(n);
  std::vector<double> amounts;
  for (const auto& c : n.charges) amounts.push_back(aci::scalar_cast<double>(c.amount.amount()));
  for (auto _ : state) {
    const auto p = primary_totals(r, amounts, n.centres.size());
    benchmark::DoNotOptimize(settle(n, r, Method::reciprocal, p));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_settle_double_200)->Unit(benchmark::kMicrosecond);

}  // namespace
