// aci::training::simulate_batch: the weekly training-deferral model over many scenarios that
// share one structure (horizon, modes, lists) and differ in their numeric parameters.
//
// Layout: the parameters are a structure of arrays (TrainingBatch, or non-owning
// detail::BatchColumns), the results too (BatchSummary, or detail::BatchOutputs). The kernel
// (batch-inl.hpp) takes a group of scenarios at a time — two interleaved vectors of 8
// with AVX-512, one of 4 with AVX2 + FMA (chosen at run time in a portable x86-64 build,
// detail::KernelIsa) — and runs all weeks with their state in vector registers. It
// instantiates the very detail::week_step and detail::summarise that simulate() runs, with
// T = Lanes<W, Parts> instead of double: the same IEEE operations in the same order, lane by
// lane, so scenario i gives bit-identical doubles to simulate(scenario_model(base, batch, i), i),
// on every instruction set — provided FP contraction is off (it is, for this code) so that no
// a*b+c is fused in one path only; the model's own fused multiply-adds (fused_mul_add) are
// fused in every path.
//
// Chunks: simulate_batch(base, batch, begin, end, out) runs scenarios [begin, end) of a
// preallocated output. Scenario indices are global (they select the random draws), so a
// sweep engine may split [0, N) in any chunks, on any threads, and get the same numbers.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "aci_cost/config.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/training/model.hpp"
#include "aci_cost/training/simulate.hpp"

// FP contraction off for the kernel, as in simulate.hpp (bit-identical paths).
ACI_COST_STRICT_FP_BEGIN

namespace aci::training {

/// Numeric parameters of N scenarios, one vector per parameter: empty (every scenario takes
/// the base model's value) or one value per scenario. Units and rules as in TrainingModel.
struct TrainingBatch {
  std::size_t scenarios = 0;         ///< N, the number of scenarios
  std::uint64_t first_scenario = 0;  ///< global index of scenario 0 (selects the draws of a chunk)
  // One vector per input of training/inputs.hpp, named by its batch name (demand_base_hours,
  // plan_hours_per_week, ...).
#define ACI_COST_X(T, group, field, batch, ...) std::vector<double> batch;
  ACI_COST_TRAINING_INPUTS(ACI_COST_X)
#undef ACI_COST_X

  /// Throws InvalidInput unless every vector is empty or of size N and the scenarios
  /// [begin, end) are valid with `base` ("training_batch.<name>[i]" names a varying value).
  inline void validate(const TrainingModel& base, std::size_t begin, std::size_t end) const;
  /// Validates every scenario.
  void validate(const TrainingModel& base) const { validate(base, 0, scenarios); }
  /// validate() without the per-scenario values: sizes, range and `base` only.
  inline void validate_shape(const TrainingModel& base, std::size_t begin, std::size_t end) const;
};

/// Per-scenario results of a batch, one value per scenario (RunSummary's fields of that name).
struct BatchSummary {
  // One vector per output of training/inputs.hpp.
#define ACI_COST_X(name, ...) std::vector<double> name;
  ACI_COST_TRAINING_OUTPUTS(ACI_COST_X)
#undef ACI_COST_X

  /// Sizes every vector to n scenarios.
  void resize(std::size_t n) {
    for (auto* v : fields(*this)) v->resize(n);
  }
  /// True when every vector holds n scenarios.
  bool has_size(std::size_t n) const {
    for (const auto* v : fields(*this)) {
      if (v->size() != n) return false;
    }
    return true;
  }
  /// The vectors' data, in declaration order (the kernel's output columns).
  std::array<double*, detail::batch_output_count> columns() {
    std::array<double*, detail::batch_output_count> c{};
    const auto f = fields(*this);
    for (std::size_t m = 0; m < f.size(); ++m) c[m] = f[m]->data();
    return c;
  }

 private:
  template <class Self>
  static auto fields(Self& s) -> std::array<decltype(&s.delivered_share), detail::batch_output_count> {
#define ACI_COST_X(name, ...) &s.name,
    return {ACI_COST_TRAINING_OUTPUTS(ACI_COST_X)};
#undef ACI_COST_X
  }
};

namespace detail {

/// The batch vector of each parameter, in Param order.
inline constexpr std::array<std::vector<double> TrainingBatch::*, p_count> batch_member = {
#define ACI_COST_X(T, group, field, batch, ...) &TrainingBatch::batch,
    ACI_COST_TRAINING_INPUTS(ACI_COST_X)
#undef ACI_COST_X
};

/// The batch vector names, in Param order (for error paths).
inline constexpr std::array<std::string_view, p_count> batch_name = [] {
  std::array<std::string_view, p_count> a{};
  for (std::size_t k = 0; k < p_count; ++k) a[k] = input_specs[k].batch_name;
  return a;
}();

/// Non-owning columns of a batch: param[k] is null (every scenario takes the base value) or
/// points to the values of scenarios [0, scenarios); scenario i draws with the global index
/// first_scenario + i, or with draw_keys[i] when given (common random numbers: scenarios with
/// the same key share every weekly draw).
struct BatchColumns {
  std::size_t scenarios = 0;
  std::uint64_t first_scenario = 0;
  std::array<const double*, p_count> param{};
  const std::uint64_t* draw_keys = nullptr;
};

/// Non-owning output columns indexed by BatchOutput, each indexed like BatchColumns'
/// scenarios; null = not wanted (the kernel then skips the sums only it needs).
using BatchOutputs = std::array<double*, batch_output_count>;
static_assert(std::tuple_size_v<decltype(std::declval<BatchSummary&>().columns())> == batch_output_count,
              "BatchSummary::columns() and BatchOutput list the same outputs");

/// The columns of `batch`.
inline BatchColumns columns_of(const TrainingBatch& batch) {
  BatchColumns c;
  c.scenarios = batch.scenarios;
  c.first_scenario = batch.first_scenario;
  for (std::size_t k = 0; k < p_count; ++k) {
    const std::vector<double>& v = batch.*batch_member[k];
    c.param[k] = v.empty() ? nullptr : v.data();
  }
  return c;
}

/// Throws InvalidInput naming the first invalid scenario of [begin, end), if any:
/// "training_batch.<name>[first_scenario + i]" for a varying value, "training.<path>" else.
/// (Kept out of line: the kernels call it on their cold path only.)
[[gnu::noinline]] inline void validate_scenarios(const ParamValues& base_values, const BatchColumns& in,
                                                 std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    ParamValues p = base_values;
    for (std::size_t k = 0; k < p_count; ++k)
      if (in.param[k] != nullptr) p[k] = in.param[k][i];
    validate_params(p, [&](Param k) {
      if (in.param[k] == nullptr) return "training." + std::string(param_path[k]);
      return "training_batch." + std::string(batch_name[k]) + "[" + std::to_string(in.first_scenario + i) + "]";
    });
  }
}

/// The instruction sets the kernel is compiled for. `baseline` is the build's own target: 8
/// lanes with AVX-512 (a -march=native build on such a CPU), 4 with AVX, else 2 (SSE2, NEON).
/// On x86-64 with GCC or Clang an AVX2 kernel is built too, and run_batch takes it when the
/// build's target is narrower and the CPU has AVX2, so a portable build (a wheel) is not held
/// to SSE2. Results are the same bits on each (lane-wise IEEE operations, no contraction).
enum class KernelIsa {
  baseline,  ///< the build's target
  avx2,      ///< 4 lanes of 256 bits
};

/// True when this build has `isa`'s kernel and the CPU runs it.
ACI_COST_INLINE bool kernel_isa_supported(KernelIsa isa);
/// The kernel run_batch uses on this CPU.
ACI_COST_INLINE KernelIsa kernel_isa();
/// "baseline" or "avx2".
ACI_COST_INLINE const char* kernel_isa_name(KernelIsa isa);

/// Runs scenarios [begin, end) of `in` on `base` (its structure already validated) with
/// `table` = week_table<double>(base), on `isa`'s kernel (InvalidInput unless supported);
/// throws InvalidInput naming the first invalid scenario.
ACI_COST_INLINE void run_batch(const TrainingModel& base, const WeekTable<double>& table, const BatchColumns& in,
                               std::size_t begin, std::size_t end, const BatchOutputs& out, KernelIsa isa);
/// run_batch on kernel_isa().
inline void run_batch(const TrainingModel& base, const WeekTable<double>& table, const BatchColumns& in,
                      std::size_t begin, std::size_t end, const BatchOutputs& out) {
  run_batch(base, table, in, begin, end, out, kernel_isa());
}

}  // namespace detail

inline void TrainingBatch::validate_shape(const TrainingModel& base, std::size_t begin, std::size_t end) const {
  using namespace detail;
  for (std::size_t k = 0; k < p_count; ++k) {
    const std::vector<double>& v = this->*batch_member[k];
    ACI_COST_REQUIRE(v.empty() || v.size() == scenarios, "training_batch." + std::string(batch_name[k]) + ".size()",
                     v.size(), "must be 0 or scenarios (" + std::to_string(scenarios) + ")");
  }
  ACI_COST_REQUIRE(begin <= end && end <= scenarios, "training_batch.end", end,
                   "the range [begin, end) must lie in [0, scenarios = " + std::to_string(scenarios) + ")");
  base.validate("training");
}

inline void TrainingBatch::validate(const TrainingModel& base, std::size_t begin, std::size_t end) const {
  validate_shape(base, begin, end);
  detail::validate_scenarios(detail::params_of(base), detail::columns_of(*this), begin, end);
}

/// The model of scenario i: `base` with the batch's i-th value of every varying parameter.
inline TrainingModel scenario_model(const TrainingModel& base, const TrainingBatch& batch, std::size_t i) {
  detail::ParamValues p = detail::params_of(base);
  for (std::size_t k = 0; k < detail::p_count; ++k) {
    const std::vector<double>& v = batch.*detail::batch_member[k];
    if (!v.empty()) p[k] = v.at(i);
  }
  TrainingModel m = base;
  detail::set_params(m, p);
  return m;
}

/// Simulates scenarios [begin, end) (global indices: they select the draws) into out[begin,
/// end); out must already hold batch.scenarios entries. Throws InvalidInput on bad input (out
/// is then unspecified).
inline void simulate_batch(const TrainingModel& base, const TrainingBatch& batch, std::size_t begin, std::size_t end,
                           BatchSummary& out) {
  batch.validate_shape(base, begin, end);
  detail::check(
      out.has_size(batch.scenarios), [] { return std::string("simulate_batch.out.size()"); },
      out.delivered_share.size(), "every output vector must hold batch.scenarios entries");
  detail::run_batch(base, detail::week_table<double>(base), detail::columns_of(batch), begin, end, out.columns());
}

/// Simulates every scenario of the batch.
inline BatchSummary simulate_batch(const TrainingModel& base, const TrainingBatch& batch) {
  BatchSummary out;
  out.resize(batch.scenarios);
  simulate_batch(base, batch, 0, batch.scenarios, out);
  return out;
}

}  // namespace aci::training

ACI_COST_STRICT_FP_END

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/training/batch-inl.hpp"
#endif
