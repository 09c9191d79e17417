// The training model's batch kernel (declared in training/batch.hpp): compiled once into the
// aci_cost library, or included by batch.hpp with ACI_COST_HEADER_ONLY.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "aci_cost/config.hpp"
#include "aci_cost/detail/counter_rng.hpp"
#include "aci_cost/detail/lanes.hpp"
#include "aci_cost/detail/scenario_stream.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/training/batch.hpp"

// FP contraction off, as in simulate.hpp: the kernels must round every a*b+c twice, as the
// single path does, whatever the instruction set (AVX2 and AVX-512 have FMA).
ACI_COST_STRICT_FP_BEGIN

namespace aci::training::detail {

#if defined(ACI_COST_HAVE_LANES)

/// Scenarios [begin, end) of `in` into `out`, G = W x Parts at a time with the state in
/// registers: the same Scalars / week_step / summarise as simulate(), instantiated with
/// T = Lanes<W, Parts>. `base` must be valid (structure); the scenarios' parameters are checked
/// here, a group at a time.
template <std::size_t W, std::size_t Parts, DeferralPolicy Policy, bool Seasonal, bool Contracts>
void batch_kernel(const TrainingModel& base, const WeekTable<double>& table, const BatchColumns& in, std::size_t begin,
                  std::size_t end, const BatchOutputs& out) {
  ACI_COST_TRAINING_NO_FP_CONTRACT
  using L = aci::detail::Lanes<W, Parts>;
  constexpr std::size_t G = L::size;  // scenarios per group
  const ParamValues base_values = params_of(base);
  const bool in_house = base.plan.delivery == TrainingDelivery::in_house;
  const auto weeks = static_cast<std::size_t>(base.horizon.weeks);
  // A spread of 0 makes a draw's term exactly +-0, so drawing or not changes no bit.
  const bool draw = in.param[p_absence_spread] != nullptr || in.param[p_demand_variation] != nullptr ||
                    base_values[p_absence_spread] != 0.0 || base_values[p_demand_variation] != 0.0;
  const std::uint64_t seed_key = aci::detail::mix64(base.seed);
  // The totals of delivered training and unmet demand feed these outputs only.
  const bool delivery = out[out_delivered_share] != nullptr || out[out_unmet_demand_hours] != nullptr ||
                        out[out_supervisor_hours] != nullptr || out[out_cost_per_productive_hour_actual] != nullptr;
  // The parameters: the base model's in every lane, the swept ones reloaded per group.
  std::array<L, p_count> p;
  std::array<Param, p_count> swept{};
  std::size_t n_swept = 0;
  for (std::size_t k = 0; k < p_count; ++k) {
    p[k] = L(base_values[k]);
    if (in.param[k] != nullptr) swept[n_swept++] = static_cast<Param>(k);
  }
  using U = typename aci::detail::VectorTypes<W>::U;
  U lane;  // 0, 1, ..., W - 1
  for (std::size_t j = 0; j < W; ++j) lane[j] = j;

  for (std::size_t i0 = begin; i0 < end; i0 += G) {
    const std::size_t n = end - i0 < G ? end - i0 : G;
    // Lanes past n repeat scenario i0, so that a partial group runs the same code.
    for (std::size_t q = 0; q < n_swept; ++q) {
      const double* col = in.param[swept[q]];
      if (n == G) {
        p[swept[q]] = L::load(col + i0);
      } else {
        alignas(64) double pad[G];
        for (std::size_t j = 0; j < G; ++j) pad[j] = col[i0 + (j < n ? j : 0)];
        p[swept[q]] = L::load(pad);
      }
    }
    // Every rule's lanes and-ed together, then one test.
    auto valid = aci::detail::Mask<W, Parts>::all_true();
    check_params(p, 0, [&valid](const auto& ok, Param, std::string_view, int) { valid = valid & ok; });
    if (!valid.all()) validate_scenarios(base_values, in, i0, i0 + n);  // throws, naming the scenario

    const Scalars<L> s =
        make_scalars<L>([&](Param k) { return p[k]; }, headcount_loss_share(p[p_headcount], p[p_contract_months]));
    aci::detail::ScenarioStream<U> stream[Parts];
    for (std::size_t k = 0; k < Parts; ++k) {
      U key;
      if (in.draw_keys != nullptr) {  // common random numbers: the caller's key per scenario
        for (std::size_t j = 0; j < W; ++j) key[j] = in.draw_keys[i0 + (k * W + j < n ? k * W + j : 0)];
      } else {
        key = lane + (in.first_scenario + i0 + k * W);  // scenario per lane
        for (std::size_t j = 0; j < W; ++j)
          if (k * W + j >= n) key[j] = in.first_scenario + i0;
      }
      stream[k] = aci::detail::scenario_stream_of(aci::detail::mix64_of(key ^ seed_key));
    }

    // Headcount mode: the present workforce is constant, so is its plan without sessions.
    const L plan_const = s.headcount * (s.plan_hours + L(0.0));
    L backlog = s.initial_backlog;
    CoreTotals<L> tot;
    // The week's draws x = 2u + 2 from the next output of each lane's scenario stream: high half
    // absence, low half demand. They are taken a week ahead, so that the generator's latency
    // overlaps the previous week.
    const auto draws = [&](L& x_a, L& x_d) {
      using D = typename aci::detail::VectorTypes<W>::D;
      for (std::size_t k = 0; k < Parts; ++k) {
        const auto bits = stream[k].next();
        x_a.v[k] = aci::detail::high_draw_of<D>(bits);
        x_d.v[k] = aci::detail::low_draw_of<D>(bits);
      }
    };
    // A uniform table (every week open, the same leave) runs the plain step with the leave folded
    // into hours_mean: the same operation as the open step's hours_mean - leave, done once.
    Scalars<L> plain = s;
    plain.hours_mean = s.hours_mean - L(table.leave.empty() ? 0.0 : table.leave[0]);
    // `delivery` and `uniform` as compile-time constants: otherwise GCC computes the unused flows
    // anyway, and keeps the general step's terms.
    const auto run_weeks = [&](auto with_delivery, auto uniform) {
      L x_absence(no_draw), x_demand(no_draw), next_absence(no_draw), next_demand(no_draw);
      if (draw) draws(next_absence, next_demand);
      for (std::size_t w = 0; w < weeks; ++w) {
        x_absence = next_absence;
        x_demand = next_demand;
        if (draw) draws(next_absence, next_demand);  // one spare output past the last week
        WeekInputs<L> wi;
        if constexpr (Contracts) {
          wi = week_inputs(s, L(table.present[w]), L(table.session[w]), L(table.loss_share[w]), L(table.keep_share[w]),
                           L(table.open[w]), L(table.leave[w]), L(table.profile[w]), L(table.fixed[w]), x_absence,
                           x_demand);
        } else {
          const bool sessions = table.session[w] != 0.0;
          wi = WeekInputs<L>{
              s.headcount,         sessions ? s.headcount * (s.plan_hours + L(table.session[w])) : plan_const,
              s.loss_share,        s.keep_share,
              L(table.open[w]),    L(table.leave[w]),
              L(table.profile[w]), L(table.fixed[w]),
              x_absence,           x_demand};
        }
        // A table that is not uniform runs the general step for every week: it equals the plain
        // and open steps bit for bit (x x 1 = x, x - 0 = x), and a branch per week on the kind
        // made GCC keep flows on the stack where the branches meet (measured: no faster).
        WeekFlows<L> f;
        if constexpr (decltype(uniform)::value) {
          f = week_step<Policy, Seasonal, WeekKind::plain>(plain, wi, backlog);
        } else {
          f = week_step<Policy, Seasonal, WeekKind::general>(s, wi, backlog);
        }
        backlog = f.backlog;
        tot.add(f, decltype(with_delivery)::value);
      }
    };
    using yes = std::true_type;
    using no = std::false_type;
    if (delivery) {
      table.uniform ? run_weeks(yes{}, yes{}) : run_weeks(yes{}, no{});
    } else {
      table.uniform ? run_weeks(no{}, yes{}) : run_weeks(no{}, no{});
    }
    plan_totals(s, Contracts ? L(1.0) : s.headcount, table.presence_weeks, table.open_presence, table.open_sessions,
                tot);

    const CoreSummary<L> c = summarise(s, tot, backlog, in_house);
    L values[batch_output_count];
    values[out_delivered_share] = c.delivered_share;
    values[out_lost_hours] = tot.lost;
    values[out_final_backlog_hours] = backlog;
    values[out_planned_hours] = tot.planned;
    values[out_production_hours] = tot.production;
    values[out_unmet_demand_hours] = tot.unmet;
    values[out_supervisor_hours] = c.supervisor_hours;
    values[out_cost_per_productive_hour_actual] = c.cost_per_productive_hour_actual;
    values[out_cost_per_productive_hour_honoured] = c.cost_per_productive_hour_honoured;
    values[out_training_debt] = c.training_debt;
    for (std::size_t m = 0; m < batch_output_count; ++m) {
      if (out[m] == nullptr) continue;
      if (n == G) {
        values[m].store(out[m] + i0);
      } else {
        for (std::size_t j = 0; j < n; ++j) out[m][i0 + j] = values[m][j];
      }
    }
  }
}

#else
#  error "aci_cost's batch kernel needs GCC's vector extension (GCC or Clang)"
#endif

/// Lanes of the build's own target: its widest double vector (8 with AVX-512, 4 with AVX), and
/// how many such vectors of scenarios a group interleaves: two with AVX-512 (three and four run
/// out of registers), one on narrower targets (docs/performance.md has the measurements).
#if defined(__AVX512F__)
inline constexpr std::size_t baseline_lanes = 8;
inline constexpr std::size_t baseline_parts = 2;
#elif defined(__AVX__)
inline constexpr std::size_t baseline_lanes = 4;
inline constexpr std::size_t baseline_parts = 1;
#else
inline constexpr std::size_t baseline_lanes = 2;
inline constexpr std::size_t baseline_parts = 1;
#endif

/// Calls kernel<policy, seasonal, contracts>() for the model's modes.
#define ACI_COST_RUN_KERNEL(kernel)                                                                                \
  dispatch(base, [&](auto policy, auto seasonal, auto contracts) {                                                 \
    kernel<decltype(policy)::value, decltype(seasonal)::value, decltype(contracts)::value>(base, table, in, begin, \
                                                                                           end, out);              \
  })

// One kernel instantiation per instruction set. `flatten` inlines the whole step (week_step,
// the Lanes operators, the hash) into it. In a portable build the inlined code was lowered
// for the build's target first, so the AVX2 entry point does not reach a native build's speed
// (measured on Zen 4: 8.8 M scenario-years/s vs 4.5 baseline SSE2 and 13.6 for -march=native);
// an AVX-512 entry point built the same way was no faster than AVX2 (8.4), so there is none:
// a -march=native build (the release preset) gets AVX-512 as its baseline.
template <DeferralPolicy Policy, bool Seasonal, bool Contracts>
__attribute__((flatten)) void kernel_baseline(const TrainingModel& base, const WeekTable<double>& table,
                                              const BatchColumns& in, std::size_t begin, std::size_t end,
                                              const BatchOutputs& out) {
  batch_kernel<baseline_lanes, baseline_parts, Policy, Seasonal, Contracts>(base, table, in, begin, end, out);
}
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
#  define ACI_COST_KERNEL_DISPATCH 1
template <DeferralPolicy Policy, bool Seasonal, bool Contracts>
__attribute__((target("avx2,fma"), flatten)) void kernel_avx2(const TrainingModel& base, const WeekTable<double>& table,
                                                              const BatchColumns& in, std::size_t begin,
                                                              std::size_t end, const BatchOutputs& out) {
  batch_kernel<4, 1, Policy, Seasonal, Contracts>(base, table, in, begin, end, out);
}
#endif

ACI_COST_INLINE bool kernel_isa_supported(KernelIsa isa) {
  switch (isa) {
    case KernelIsa::baseline:
      return true;
    case KernelIsa::avx2:
#if defined(ACI_COST_KERNEL_DISPATCH)
      return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
      return false;
#endif
  }
  return false;
}

ACI_COST_INLINE KernelIsa kernel_isa() {
  // A build whose own target is AVX2 or wider (e.g. -march=native) keeps its baseline.
  if (baseline_lanes < 4 && kernel_isa_supported(KernelIsa::avx2)) return KernelIsa::avx2;
  return KernelIsa::baseline;
}

ACI_COST_INLINE const char* kernel_isa_name(KernelIsa isa) {
  switch (isa) {
    case KernelIsa::baseline:
      return "baseline";
    case KernelIsa::avx2:
      return "avx2";
  }
  return "?";
}

ACI_COST_INLINE void run_batch(const TrainingModel& base, const WeekTable<double>& table, const BatchColumns& in,
                               std::size_t begin, std::size_t end, const BatchOutputs& out, KernelIsa isa) {
  ACI_COST_REQUIRE(kernel_isa_supported(isa), "training_batch.kernel", kernel_isa_name(isa),
                   "is not built or not supported by this CPU");
  switch (isa) {
#if defined(ACI_COST_KERNEL_DISPATCH)
    case KernelIsa::avx2:
      ACI_COST_RUN_KERNEL(kernel_avx2);
      return;
#endif
    default:
      ACI_COST_RUN_KERNEL(kernel_baseline);
      return;
  }
}

#undef ACI_COST_RUN_KERNEL

}  // namespace aci::training::detail

ACI_COST_STRICT_FP_END
