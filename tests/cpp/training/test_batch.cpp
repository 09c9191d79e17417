// The batch kernel (training/batch.hpp): bit for bit the single path, for any chunking and
// instruction set; batch vectors map to their fields; bad scenarios are named.
#include "helpers.hpp"

namespace {

// ---------------------------------------------------------------------------------------
// Batch

/// Fills every batch vector (some left empty) with valid random values for n scenarios.
TrainingBatch random_batch(std::uint64_t seed, std::size_t n) {
  Draws d{seed + 1000003};
  TrainingBatch b;
  b.scenarios = n;
  const auto fill = [&](std::vector<double>& v, double lo, double hi) {
    if (d.coin(0.15)) return;  // left empty: the base value for all
    v.resize(n);
    for (double& x : v) x = d.in(lo, hi);
  };
  fill(b.headcount, 0.0, 20.0);
  fill(b.contract_months, 1.0, 24.0);
  fill(b.weekly_hours, 0.0, 35.0);
  // absence, spread and accompaniment drawn together so that every scenario is valid.
  b.absence.resize(n);
  b.absence_spread.resize(n);
  b.accompaniment.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    b.absence[i] = d.in(0.0, 0.3);
    b.absence_spread[i] = d.coin() ? 0.0 : d.in(0.0, std::min(b.absence[i], 0.2));
    b.accompaniment[i] = d.in(0.0, 0.2);
  }
  fill(b.demand_base_hours, 0.0, 400.0);
  fill(b.demand_amplitude, 0.0, 1.0);
  fill(b.demand_variation, 0.0, 0.5);
  fill(b.demand_productivity, 0.5, 1.0);
  fill(b.plan_hours_per_week, 0.0, 4.0);
  fill(b.trainees_per_supervisor, 1.0, 10.0);
  fill(b.protected_share, 0.0, 1.0);
  fill(b.load_threshold, 0.5, 1.5);
  fill(b.catch_up_share, 0.0, 1.0);
  fill(b.initial_backlog, 0.0, 50.0);
  fill(b.cost_per_paid_hour, 10.0, 20.0);
  fill(b.supervisor_cost_per_hour, 20.0, 40.0);
  fill(b.external_cost_per_hour, 0.0, 30.0);
  return b;
}

void expect_batch_equals_single(const TrainingModel& base, const TrainingBatch& batch,
                                const aci::training::BatchSummary& out, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    const auto s = aci::training::simulate(aci::training::scenario_model(base, batch, i), i).summary;
    SCOPED_TRACE("scenario " + std::to_string(i));
    EXPECT_EQ(out.delivered_share[i], s.delivered_share);
    EXPECT_EQ(out.lost_hours[i], s.lost_hours);
    EXPECT_EQ(out.final_backlog_hours[i], s.final_backlog_hours);
    EXPECT_EQ(out.planned_hours[i], s.planned_hours);
    EXPECT_EQ(out.production_hours[i], s.production_hours);
    EXPECT_EQ(out.unmet_demand_hours[i], s.unmet_demand_hours);
    EXPECT_EQ(out.supervisor_hours[i], s.supervisor_hours);
    EXPECT_EQ(out.cost_per_productive_hour_actual[i], s.cost_per_productive_hour_actual);
    EXPECT_EQ(out.cost_per_productive_hour_honoured[i], s.cost_per_productive_hour_honoured);
    EXPECT_EQ(out.training_debt[i], s.training_debt);
  }
}

TEST(Batch, EqualsTheSinglePathBitForBit) {
  // 300 scenarios = two full tiles of 128 and a partial one, for 24 random structures
  // covering every policy, demand mode and workforce mode, with random absence and demand.
  for (std::uint64_t seed = 0; seed < 24; ++seed) {
    TrainingModel base = random_model(seed);
    base.deferral.policy = static_cast<DeferralPolicy>(seed % 4);
    base.demand.mode = (seed / 4) % 2 == 0 ? DemandMode::seasonal : DemandMode::given;
    if (base.demand.mode == DemandMode::given) {
      base.demand.hours.resize(static_cast<std::size_t>(base.horizon.weeks), 123.0);
    }
    base.workforce.mode = (seed / 8) % 2 == 0 ? WorkforceMode::headcount : WorkforceMode::contracts;
    const TrainingBatch batch = random_batch(seed, 300);
    const auto out = aci::training::simulate_batch(base, batch);
    SCOPED_TRACE("structure " + std::to_string(seed));
    expect_batch_equals_single(base, batch, out, 0, batch.scenarios);
  }
}

TEST(Batch, UniformWeeksEqualTheSinglePathBitForBit) {
  // Every week open with the same leave: the kernel folds the leave into its per-scenario
  // constants and runs the plain step (the same operations as the single path's open step).
  for (std::uint64_t seed = 0; seed < 8; ++seed) {
    TrainingModel base = random_model(seed + 100);
    base.deferral.policy = static_cast<DeferralPolicy>(seed % 4);
    base.workforce.mode = (seed / 4) % 2 == 0 ? WorkforceMode::headcount : WorkforceMode::contracts;
    base.workforce.closed_weeks.clear();
    base.workforce.leave_hours.assign(static_cast<std::size_t>(base.horizon.weeks), seed % 2 == 0 ? 3.12 : 0.0);
    ASSERT_TRUE(aci::training::detail::week_table<double>(base).uniform);
    const TrainingBatch batch = random_batch(seed + 100, 37);
    const auto out = aci::training::simulate_batch(base, batch);
    SCOPED_TRACE("structure " + std::to_string(seed));
    expect_batch_equals_single(base, batch, out, 0, batch.scenarios);
  }
  TrainingModel uneven = random_model(3);
  uneven.workforce.closed_weeks.clear();
  uneven.workforce.leave_hours.assign(static_cast<std::size_t>(uneven.horizon.weeks), 2.0);
  uneven.workforce.leave_hours.back() = 4.0;
  EXPECT_EQ(aci::training::detail::week_table<double>(uneven).uniform, uneven.horizon.weeks == 1);
  uneven.workforce.leave_hours.back() = 2.0;
  uneven.workforce.closed_weeks = {0};
  EXPECT_FALSE(aci::training::detail::week_table<double>(uneven).uniform);
}

TEST(Batch, ChunksGiveTheSameNumbersAsOneCall) {
  TrainingModel base = random_model(5);
  base.workforce.absence = 0.1;
  base.workforce.absence_spread = 0.05;
  base.demand.variation = 0.3;
  TrainingBatch batch = random_batch(5, 500);
  batch.absence.clear();  // the base's random absence for all
  batch.absence_spread.clear();
  batch.accompaniment.clear();
  const auto whole = aci::training::simulate_batch(base, batch);
  aci::training::BatchSummary parts;
  parts.resize(batch.scenarios);
  for (std::size_t b = 0; b < batch.scenarios; b += 77) {
    aci::training::simulate_batch(base, batch, b, std::min(b + 77, batch.scenarios), parts);
  }
  EXPECT_EQ(whole.training_debt, parts.training_debt);
  EXPECT_EQ(whole.lost_hours, parts.lost_hours);
  EXPECT_EQ(whole.cost_per_productive_hour_honoured, parts.cost_per_productive_hour_honoured);
  expect_batch_equals_single(base, batch, parts, 0, batch.scenarios);
}

TEST(Batch, EachOutputAloneEqualsTheFullRun) {
  // Requesting a subset lets the kernel skip the delivery sums; what it writes must not change.
  TrainingModel base = random_model(3);
  base.deferral.policy = DeferralPolicy::load_threshold;
  const TrainingBatch batch = random_batch(3, 37);  // 4 full groups of 8 and a partial one
  auto all = aci::training::simulate_batch(base, batch);
  const auto table = aci::training::detail::week_table<double>(base);
  const auto columns = aci::training::detail::columns_of(batch);
  for (std::size_t m = 0; m < aci::training::detail::batch_output_count; ++m) {
    std::vector<double> alone(batch.scenarios, -1.0);
    aci::training::detail::BatchOutputs out{};
    out[m] = alone.data();
    aci::training::detail::run_batch(base, table, columns, 0, batch.scenarios, out);
    const double* want = all.columns()[m];
    for (std::size_t i = 0; i < batch.scenarios; ++i)
      EXPECT_EQ(alone[i], want[i]) << "output " << m << ", scenario " << i;
  }
}

TEST(Batch, EveryInstructionSetGivesTheSameBits) {
  // Each kernel the CPU runs (the build's baseline, AVX2) must reproduce the default choice's
  // numbers exactly, for every policy and mode; one not available must be refused, named.
  using aci::training::detail::KernelIsa;
  for (std::uint64_t seed = 0; seed < 8; ++seed) {
    TrainingModel base = random_model(seed + 40);
    base.deferral.policy = static_cast<DeferralPolicy>(seed % 4);
    base.workforce.mode = seed / 4 == 0 ? WorkforceMode::headcount : WorkforceMode::contracts;
    const TrainingBatch batch = random_batch(seed, 45);
    auto reference = aci::training::simulate_batch(base, batch);
    const auto table = aci::training::detail::week_table<double>(base);
    const auto columns = aci::training::detail::columns_of(batch);
    for (KernelIsa isa : {KernelIsa::baseline, KernelIsa::avx2}) {
      aci::training::BatchSummary out;
      out.resize(batch.scenarios);
      if (!aci::training::detail::kernel_isa_supported(isa)) {
        EXPECT_THROW(aci::training::detail::run_batch(base, table, columns, 0, batch.scenarios, out.columns(), isa),
                     InvalidInput);
        continue;
      }
      aci::training::detail::run_batch(base, table, columns, 0, batch.scenarios, out.columns(), isa);
      SCOPED_TRACE(aci::training::detail::kernel_isa_name(isa));
      EXPECT_EQ(out.cost_per_productive_hour_honoured, reference.cost_per_productive_hour_honoured);
      EXPECT_EQ(out.cost_per_productive_hour_actual, reference.cost_per_productive_hour_actual);
      EXPECT_EQ(out.delivered_share, reference.delivered_share);
      EXPECT_EQ(out.training_debt, reference.training_debt);
      EXPECT_EQ(out.unmet_demand_hours, reference.unmet_demand_hours);
    }
  }
  EXPECT_TRUE(aci::training::detail::kernel_isa_supported(aci::training::detail::kernel_isa()));
}

TEST(Batch, ScenarioModelMapsEveryVectorToItsField) {
  // Each batch vector, set alone, must change exactly the matching model field.
  const TrainingModel base;
  const auto values = aci::training::detail::params_of(base);
  for (std::size_t k = 0; k < aci::training::detail::p_count; ++k) {
    TrainingBatch b;
    b.scenarios = 2;
    (b.*aci::training::detail::batch_member[k]) = {values[k], values[k] * 0.5 + 0.25};
    const auto m = aci::training::scenario_model(base, b, 1);
    auto expected = values;
    expected[k] = values[k] * 0.5 + 0.25;
    EXPECT_EQ(aci::training::detail::params_of(m), expected) << aci::training::detail::batch_name[k];
  }
}

TEST(Batch, BadScenariosAreNamedWithTheirIndex) {
  const TrainingModel base;
  TrainingBatch b;
  b.scenarios = 4;
  b.absence = {0.1, 0.1, 1.5, 0.1};
  try {
    (void)aci::training::simulate_batch(base, b);
    ADD_FAILURE() << "no exception";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.field(), "training_batch.absence[2]");
    EXPECT_EQ(e.value(), "1.5");
  }
  b.absence = {0.1, 0.1};
  EXPECT_THROW((void)aci::training::simulate_batch(base, b), InvalidInput);
  b.absence.clear();
  aci::training::BatchSummary small;
  small.resize(2);
  EXPECT_THROW(aci::training::simulate_batch(base, b, 0, 4, small), InvalidInput);
  small.resize(4);
  EXPECT_THROW(aci::training::simulate_batch(base, b, 3, 5, small), InvalidInput);
  // The chunk validates only its own scenarios.
  b.weekly_hours = {20, -1, 20, 20};
  EXPECT_NO_THROW(aci::training::simulate_batch(base, b, 2, 4, small));
  EXPECT_THROW(aci::training::simulate_batch(base, b, 0, 2, small), InvalidInput);
}

}  // namespace
