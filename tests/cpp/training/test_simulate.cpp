// One run of the weekly training model (training/simulate.hpp, week_step.hpp): hand-derived
// weeks, policies, invariants on random models, randomness, Decimal, validation.
#include "helpers.hpp"

namespace {

// ---------------------------------------------------------------------------------------
// Counter RNG

TEST(CounterRng, IsAPureFunctionOfItsCounter) {
  using aci::detail::counter_uniform;
  EXPECT_EQ(counter_uniform(1, 2, 3, 4), counter_uniform(1, 2, 3, 4));
  EXPECT_NE(counter_uniform(1, 2, 3, 4), counter_uniform(2, 2, 3, 4));
  EXPECT_NE(counter_uniform(1, 2, 3, 4), counter_uniform(1, 3, 3, 4));
  EXPECT_NE(counter_uniform(1, 2, 3, 4), counter_uniform(1, 2, 4, 4));
  EXPECT_NE(counter_uniform(1, 2, 3, 4), counter_uniform(1, 2, 3, 5));
  EXPECT_NE(counter_uniform(0, 1, 0, 0), counter_uniform(0, 0, 1, 0));  // coordinates do not commute
  const aci::detail::CounterRng rng(1, 2);
  EXPECT_EQ(rng.uniform(3, 4), counter_uniform(1, 2, 3, 4));
  // [0, 1) with mean 1/2 and variance 1/12: 10^5 draws put the sample mean within
  // 5 sigma = 5 x sqrt(1/12 / 1e5) = 0.0046 of 1/2.
  double sum = 0, sum2 = 0;
  for (std::uint64_t i = 0; i < 100000; ++i) {
    const double u = counter_uniform(42, i, i % 52, 0);
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
  }
  EXPECT_NEAR(sum / 1e5, 0.5, 0.0046);
  EXPECT_NEAR(sum2 / 1e5 - (sum / 1e5) * (sum / 1e5), 1.0 / 12.0, 0.002);
}

// ---------------------------------------------------------------------------------------
// Calendar and seasonality

TEST(Calendar, WeeksWrapAtTheEndOfTheStartYear) {
  aci::training::Horizon h;
  h.start_week = 52;
  h.weeks_in_start_year = 53;
  // 52, 53 of the start year, then 1, 2, ... ; the next year has 52 weeks [est].
  EXPECT_EQ(aci::training::calendar_week(h, 0), 52);
  EXPECT_EQ(aci::training::calendar_week(h, 1), 53);
  EXPECT_EQ(aci::training::calendar_week(h, 2), 1);
  EXPECT_EQ(aci::training::calendar_week(h, 2 + 52), 1);
  h.weeks_in_start_year = 52;
  EXPECT_EQ(aci::training::calendar_week(h, 1), 1);
}

TEST(Training, SubnormalPlanKeepsTheDeliveredShareAtOne) {
  // Found by hypothesis (tests/python/test_training.py): 1.5 heads, a plan of 2^-1074 h/week and
  // no demand. Each week plans 1.5 x 2^-1074, which rounds to 2 units (ties to even), and
  // delivers all of it: 52 x 2 = 104 units; the total from the week table is 1.5 x 52 = 78
  // units, exact. Delivered/obligation would be 104/78 = 1.33; the share is taken against the
  // larger of the two, so it is 1.
  TrainingModel m;
  m.workforce.headcount = 1.5;
  m.workforce.contract_months = 1.0;
  m.workforce.weekly_hours = 10.0;
  m.workforce.absence = m.workforce.absence_spread = m.workforce.accompaniment = 0.0;
  m.demand.base_hours = 0.0;
  m.demand.variation = 0.0;
  m.plan.hours_per_week = std::numeric_limits<double>::denorm_min();
  m.deferral.initial_backlog = 0.0;
  const auto s = aci::training::simulate(m).summary;
  const double unit = std::numeric_limits<double>::denorm_min();
  EXPECT_EQ(s.planned_hours, 78 * unit);
  EXPECT_EQ(s.on_plan_hours, 104 * unit);
  EXPECT_EQ(s.delivered_share, 1.0);
}

TEST(Seasonal, DefaultShapeAndDemandByHand) {
  using aci::training::default_seasonal_shape;
  EXPECT_EQ(default_seasonal_shape(1), -1.0);
  EXPECT_EQ(default_seasonal_shape(14), 1.0);  // April
  EXPECT_EQ(default_seasonal_shape(43), 1.0);  // end of October
  EXPECT_EQ(default_seasonal_shape(53), -1.0);
  // Horizon starting in ISO week 8, base 100 h, amplitude 0.5:
  //   shape  -1, -1, -0.6, -0.2, 0.2, 0.6, 1, 1   (weeks 8..15)
  //   demand = 100 x (1 + 0.5 x shape) = 50, 50, 70, 90, 110, 130, 150, 150 h,
  // and productivity 0.5 doubles the employee hours needed.
  TrainingModel m = hand_model(8, 10, 20, {});
  m.demand.mode = DemandMode::seasonal;
  m.demand.base_hours = 100;
  m.demand.amplitude = 0.5;
  m.horizon.start_week = 8;
  const std::vector<double> expected = {50, 50, 70, 90, 110, 130, 150, 150};
  auto r = aci::training::simulate(m);
  for (std::size_t i = 0; i < 8; ++i) EXPECT_DOUBLE_EQ(r.weeks.demand[i], expected[i]) << i;
  EXPECT_EQ(r.weeks.calendar_week.front(), 8);
  EXPECT_EQ(r.weeks.calendar_week.back(), 15);
  m.demand.productivity = 0.5;
  r = aci::training::simulate(m);
  for (std::size_t i = 0; i < 8; ++i) EXPECT_DOUBLE_EQ(r.weeks.demand[i], 2 * expected[i]) << i;
  // A custom shape replaces the default: shape[ISO week - 1].
  m.demand.productivity = 1.0;
  m.demand.seasonal_shape.assign(53, 0.0);
  m.demand.seasonal_shape[7] = 1.0;  // ISO week 8
  r = aci::training::simulate(m);
  EXPECT_DOUBLE_EQ(r.weeks.demand[0], 150.0);
  EXPECT_DOUBLE_EQ(r.weeks.demand[1], 100.0);
}

// ---------------------------------------------------------------------------------------
// Hand-derived cases

TEST(Capacity, AbsenceAccompanimentLeaveAndClosedWeeksByHand) {
  // 10 employees x 20 h x (1 - 0.125 - 0.0625) = 200 x 0.8125 = 162.5 h (all exact in binary).
  // Week 1: 4 h of leave per employee: 162.5 - 10 x 4 = 122.5 h.
  // Week 2: closed: capacity, demand and plan are 0, but the 200 contract hours are paid.
  // Week 3: 20 h of leave per employee (more than available): capacity clamps at 0.
  TrainingModel m = hand_model(4, 10, 20, {100, 100, 100, 100});
  m.workforce.absence = 0.125;
  m.workforce.accompaniment = 0.0625;
  m.workforce.leave_hours = {0, 4, 0, 20};
  m.workforce.closed_weeks = {2};
  const auto r = aci::training::simulate(m);
  EXPECT_EQ(r.weeks.capacity, (std::vector<double>{162.5, 122.5, 0.0, 0.0}));
  EXPECT_EQ(r.weeks.demand, (std::vector<double>{100, 100, 0, 100}));
  EXPECT_EQ(r.weeks.training_planned, (std::vector<double>{20, 20, 0, 20}));
  EXPECT_EQ(r.weeks.paid_hours, (std::vector<double>{200, 200, 200, 200}));
  expect_invariants(m, r, "capacity");
}

TEST(Training, DemandUnderCapacityDeliversEverythingByHand) {
  // Capacity 162.5 h (as above), demand 100 h, plan 10 x 2 = 20 h, for 4 weeks.
  //   production 100, training on plan 20, idle 162.5 - 120 = 42.5, nothing deferred or lost.
  // Costs: paid 10 x 20 x 4 = 800 h x 15 €/h = 12000 €; in-house supervision of
  //   80 h / 5 trainees = 16 h x 40 €/h = 640 €; production 400 h.
  //   cost per productive hour = 12640 / 400 = 31.6 €/h, honoured = actual; debt 0 €.
  TrainingModel m = hand_model(4, 10, 20, {100, 100, 100, 100});
  m.workforce.absence = 0.125;
  m.workforce.accompaniment = 0.0625;
  const auto r = aci::training::simulate(m);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(r.weeks.production[i], 100.0);
    EXPECT_EQ(r.weeks.training_on_plan[i], 20.0);
    EXPECT_EQ(r.weeks.training_deferred[i], 0.0);
    EXPECT_EQ(r.weeks.training_lost[i], 0.0);
    EXPECT_EQ(r.weeks.idle[i], 42.5);
    EXPECT_EQ(r.weeks.supervisor_hours[i], 4.0);
  }
  const auto& s = r.summary;
  EXPECT_EQ(s.planned_hours, 80.0);
  EXPECT_EQ(s.on_plan_hours, 80.0);
  EXPECT_EQ(s.lost_hours, 0.0);
  EXPECT_EQ(s.final_backlog_hours, 0.0);
  EXPECT_EQ(s.delivered_share, 1.0);
  EXPECT_EQ(s.unmet_demand_hours, 0.0);
  EXPECT_EQ(s.supervisor_hours, 16.0);
  EXPECT_EQ(s.wage_cost, 12000.0);
  EXPECT_EQ(s.training_cost_actual, 640.0);
  EXPECT_DOUBLE_EQ(s.cost_per_productive_hour_actual, 31.6);
  EXPECT_DOUBLE_EQ(s.cost_per_productive_hour_honoured, 31.6);
  EXPECT_EQ(s.training_debt, 0.0);
  expect_invariants(m, r, "under capacity");
}

TEST(Training, TravelTakesCapacityButStaysPaidByHand) {
  // The case above with travel_share 0.125 of contract hours: capacity 10 x 20 x (1 - 0.125 -
  // 0.0625 - 0.125) = 137.5 h; production 100, training 20, idle 17.5. Paid hours stay
  // 10 x 20 x 4 = 800 h (travel is paid working time), so the cost per productive hour is
  // unchanged here (the demand is served): 31.6 €/h. At demand 130 h, production is
  // min(130, 137.5) = 130 and only 7.5 h of the 20 h plan fit: 12.5 h deferred a week.
  TrainingModel m = hand_model(4, 10, 20, {100, 100, 100, 100});
  m.workforce.absence = 0.125;
  m.workforce.accompaniment = 0.0625;
  m.workforce.travel_share = 0.125;
  const auto r = aci::training::simulate(m);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(r.weeks.capacity[i], 137.5);
    EXPECT_EQ(r.weeks.paid_hours[i], 200.0);
    EXPECT_EQ(r.weeks.idle[i], 17.5);
  }
  EXPECT_DOUBLE_EQ(r.summary.cost_per_productive_hour_actual, 31.6);
  m.demand.hours = {130, 130, 130, 130};
  const auto busy = aci::training::simulate(m);
  EXPECT_EQ(busy.weeks.production[0], 130.0);
  EXPECT_EQ(busy.weeks.training_on_plan[0], 7.5);
  EXPECT_EQ(busy.weeks.training_deferred[0], 12.5);
  expect_invariants(m, busy, "travel");
  // absence + accompaniment + travel above 1 names the travel share.
  m.workforce.travel_share = 0.85;
  try {
    m.validate();
    ADD_FAILURE() << "expected InvalidInput";
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "training.workforce.travel_share");
    EXPECT_NE(std::string(e.what()).find("accompaniment + travel_share <= 1"), std::string::npos) << e.what();
  }
}

TEST(Training, ProductionFirstOverloadLosesBacklogAtContractEndRateByHand) {
  // 10 employees x 20 h = 200 h capacity, demand 300 h: production 200, unmet 100, no training.
  // Plan 20 h/week is all deferred. Contracts of 6 months = 26 weeks: 1/26 of the workforce
  // leaves each week and takes 1/26 of the pooled backlog: with q = 1/26,
  //   carried_w = B_{w-1} + 20,  lost_w = carried_w / 26,  B_w = carried_w x 25/26.
  //   w0: carried 20,            lost 10/13          = 0.76923,  B 250/13        = 19.23077
  //   w1: carried 510/13,        lost 255/169        = 1.50888,  B 6375/169      = 37.72189
  //   w2: carried 9755/169,      lost 9755/4394      = 2.22007,  B 243875/4394   = 55.50182
  //   w3: carried 331755/4394,   lost 331755/114244  = 2.90392,  B 8293875/114244 = 72.59790
  //   closed form B_4 = 500 x (1 - (25/26)^4); lost = 80 - B_4 = 845645/114244 = 7.40210 h.
  TrainingModel m = hand_model(4, 10, 20, {300, 300, 300, 300});
  const auto r = aci::training::simulate(m);
  const std::vector<double> lost = {10.0 / 13, 255.0 / 169, 9755.0 / 4394, 331755.0 / 114244};
  const std::vector<double> backlog = {250.0 / 13, 6375.0 / 169, 243875.0 / 4394, 8293875.0 / 114244};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(r.weeks.production[i], 200.0);
    EXPECT_EQ(r.weeks.unmet_demand[i], 100.0);
    EXPECT_EQ(r.weeks.training_on_plan[i], 0.0);
    EXPECT_EQ(r.weeks.training_deferred[i], 20.0);
    EXPECT_EQ(r.weeks.idle[i], 0.0);
    EXPECT_NEAR(r.weeks.training_lost[i], lost[i], 1e-12);
    EXPECT_NEAR(r.weeks.backlog[i], backlog[i], 1e-12);
    EXPECT_NEAR(r.weeks.leavers[i], 10.0 / 26.0, 1e-15);
  }
  const auto& s = r.summary;
  EXPECT_NEAR(s.lost_hours, 845645.0 / 114244.0, 1e-12);
  EXPECT_NEAR(s.final_backlog_hours, 500.0 * (1.0 - std::pow(25.0 / 26.0, 4)), 1e-12);
  EXPECT_EQ(s.delivered_share, 0.0);
  // Costs: wage 800 h x 15 = 12000 €; nothing delivered: actual = 12000 / 800 = 15 €/h.
  // Honoured: the 80 h owed (lost + final backlog) would have displaced production:
  //   720 productive h, plus 80 / 5 = 16 supervisor h x 40 € = 640 €:
  //   (12000 + 640) / 720 = 17.5556 €/h. Debt = 80 h x 15 €/h = 1200 €.
  EXPECT_DOUBLE_EQ(s.cost_per_productive_hour_actual, 15.0);
  EXPECT_DOUBLE_EQ(s.productive_hours_honoured, 720.0);
  EXPECT_DOUBLE_EQ(s.cost_per_productive_hour_honoured, 12640.0 / 720.0);
  EXPECT_DOUBLE_EQ(s.training_debt, 1200.0);
  // External delivery at 20 €/h per trainee: honoured = (12000 + 80 x 20) / 720 = 18.8889 €/h.
  m.plan.delivery = TrainingDelivery::external;
  const auto e = aci::training::simulate(m);
  EXPECT_DOUBLE_EQ(e.summary.cost_per_productive_hour_actual, 15.0);
  EXPECT_DOUBLE_EQ(e.summary.cost_per_productive_hour_honoured, 13600.0 / 720.0);
  EXPECT_EQ(e.summary.supervisor_hours, 0.0);
  expect_invariants(m, r, "overload");
}

TEST(Training, ContractEndsLoseTheLeaversProRataShareByHand) {
  // Contracts [start, end): A [0,2), B [0,10), C [0,10), D [-5,3), E [2,10); 10 h/week each.
  //   present  4, 4, 4, 3     (w2: B C D E; w3: B C E)
  //   leavers  0, 1, 1, 0     (A ends after w1, D after w2)
  //   capacity 40, 40, 40, 30; demand 50: production first leaves no training.
  //   planned  8, 8, 8, 6 (2 h per employee present)
  //   w0: carried 8,            lost 0,             B 8
  //   w1: carried 8 + 8 = 16,   lost 16 x 1/4 = 4,  B 12
  //   w2: carried 12 + 8 = 20,  lost 20 x 1/4 = 5,  B 15
  //   w3: carried 15 + 6 = 21,  lost 0,             B 21
  //   run: planned 30 = deferred 30 = lost 9 + final 21.
  TrainingModel m = hand_model(4, 0, 10, {50, 50, 50, 50});
  m.workforce.mode = WorkforceMode::contracts;
  m.workforce.contracts = {{0, 2}, {0, 10}, {0, 10}, {-5, 3}, {2, 10}};
  const auto r = aci::training::simulate(m);
  EXPECT_EQ(r.weeks.employees, (std::vector<double>{4, 4, 4, 3}));
  EXPECT_EQ(r.weeks.leavers, (std::vector<double>{0, 1, 1, 0}));
  EXPECT_EQ(r.weeks.capacity, (std::vector<double>{40, 40, 40, 30}));
  EXPECT_EQ(r.weeks.training_planned, (std::vector<double>{8, 8, 8, 6}));
  EXPECT_EQ(r.weeks.training_lost, (std::vector<double>{0, 4, 5, 0}));
  EXPECT_EQ(r.weeks.backlog, (std::vector<double>{8, 12, 15, 21}));
  EXPECT_EQ(r.summary.planned_hours, 30.0);
  EXPECT_EQ(r.summary.deferred_hours, 30.0);
  EXPECT_EQ(r.summary.lost_hours, 9.0);
  EXPECT_EQ(r.summary.final_backlog_hours, 21.0);
  expect_invariants(m, r, "contracts");
}

TEST(Training, BacklogIsCaughtUpFromAShareOfTheSlackByHand) {
  // 10 lasting contracts x 20 h = 200 h, plan 20 h, demand 250, 250, 100, 100; catch-up 1/4.
  //   w0, w1: production 200, 20 h deferred each: B = 20, then 40.
  //   w2: production 100, on plan 20, slack 80, catch-up min(40, 80/4 = 20) = 20, idle 60, B 20.
  //   w3: same, catch-up min(20, 20) = 20, idle 60, B 0.
  //   run: planned 80 = on plan 40 + deferred 40; deferred 40 = caught up 40 + lost 0 + final 0.
  TrainingModel m = hand_model(4, 0, 20, {250, 250, 100, 100});
  lasting_contracts(m, 10);
  m.deferral.catch_up_share = 0.25;
  const auto r = aci::training::simulate(m);
  EXPECT_EQ(r.weeks.training_deferred, (std::vector<double>{20, 20, 0, 0}));
  EXPECT_EQ(r.weeks.training_caught_up, (std::vector<double>{0, 0, 20, 20}));
  EXPECT_EQ(r.weeks.idle, (std::vector<double>{0, 0, 60, 60}));
  EXPECT_EQ(r.weeks.backlog, (std::vector<double>{20, 40, 20, 0}));
  EXPECT_EQ(r.summary.caught_up_hours, 40.0);
  EXPECT_EQ(r.summary.delivered_share, 1.0);
  EXPECT_EQ(r.summary.training_debt, 0.0);
  // With catch_up_share 1, w2 catches up all 40 h: idle 40, then 80.
  m.deferral.catch_up_share = 1.0;
  const auto full = aci::training::simulate(m);
  EXPECT_EQ(full.weeks.training_caught_up, (std::vector<double>{0, 0, 40, 0}));
  EXPECT_EQ(full.weeks.idle, (std::vector<double>{0, 0, 40, 80}));
  // An initial backlog of 30 h joins the debt: w0..w1 add 40, w2 catches 20 (share 1/4 of 80),
  // w3 20 more; 30 h remain. Delivered share = (40 on plan + 40 caught up) / (80 + 30) = 8/11.
  m.deferral.catch_up_share = 0.25;
  m.deferral.initial_backlog = 30;
  const auto init = aci::training::simulate(m);
  EXPECT_EQ(init.summary.final_backlog_hours, 30.0);
  EXPECT_DOUBLE_EQ(init.summary.delivered_share, 80.0 / 110.0);
  expect_invariants(m, init, "initial backlog");
}

TEST(Policy, ProtectedMinimumIsAlwaysDeliveredByHand) {
  // Capacity 200, demand 300, plan 20, protected share 1/2:
  //   reserved 10 before production; production min(300, 190) = 190; extra min(10, 0) = 0;
  //   on plan 10, deferred 10, unmet 110, each week.
  TrainingModel m = hand_model(3, 0, 20, {300, 300, 300});
  lasting_contracts(m, 10);
  m.deferral.policy = DeferralPolicy::protected_minimum;
  m.deferral.protected_share = 0.5;
  auto r = aci::training::simulate(m);
  EXPECT_EQ(r.weeks.training_on_plan, (std::vector<double>{10, 10, 10}));
  EXPECT_EQ(r.weeks.production, (std::vector<double>{190, 190, 190}));
  EXPECT_EQ(r.weeks.unmet_demand, (std::vector<double>{110, 110, 110}));
  EXPECT_EQ(r.weeks.backlog, (std::vector<double>{10, 20, 30}));
  // Capacity below the protected part (10 x 0.5 h = 5 h < 10 h): all capacity goes to training.
  m.workforce.weekly_hours = 0.5;
  r = aci::training::simulate(m);
  EXPECT_EQ(r.weeks.training_on_plan, (std::vector<double>{5, 5, 5}));
  EXPECT_EQ(r.weeks.production, (std::vector<double>{0, 0, 0}));
  // On random models the guarantee on_plan >= min(share x plan, capacity) holds every week.
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    TrainingModel rm = random_model(seed);
    rm.deferral.policy = DeferralPolicy::protected_minimum;
    const auto rr = aci::training::simulate(rm, seed);
    for (std::size_t i = 0; i < rr.weeks.capacity.size(); ++i) {
      const double floor = std::min(rm.deferral.protected_share * rr.weeks.training_planned[i], rr.weeks.capacity[i]);
      EXPECT_GE(rr.weeks.training_on_plan[i], floor * (1 - kTol)) << "seed " << seed << " week " << i;
    }
  }
}

TEST(Policy, LoadThresholdDefersOnlyAboveTheThresholdByHand) {
  // Capacity 200, plan 20, threshold 0.9 (limit 180 h of demand), catch-up 1/2:
  //   w0 demand 170 <= 180: plan first: production 170, on plan 20, idle 10.
  //   w1 demand 190 >  180: production first: production 190, on plan min(20, 10) = 10, deferred 10.
  //   w2 demand 170: production 170, on plan 20, slack 10, catch-up min(10, 5) = 5, idle 5, B 5.
  //   w3 demand 300: production 200, deferred 20, B 25.
  TrainingModel m = hand_model(4, 0, 20, {170, 190, 170, 300});
  lasting_contracts(m, 10);
  m.deferral.policy = DeferralPolicy::load_threshold;
  m.deferral.load_threshold = 0.9;
  const auto r = aci::training::simulate(m);
  EXPECT_EQ(r.weeks.production, (std::vector<double>{170, 190, 170, 200}));
  EXPECT_EQ(r.weeks.training_on_plan, (std::vector<double>{20, 10, 20, 0}));
  EXPECT_EQ(r.weeks.training_caught_up, (std::vector<double>{0, 0, 5, 0}));
  EXPECT_EQ(r.weeks.idle, (std::vector<double>{10, 0, 5, 0}));
  EXPECT_EQ(r.weeks.backlog, (std::vector<double>{0, 10, 5, 25}));
  // Demand 185 h: above 0.9 x 200 = 180, training yields (on plan 15); below 0.95 x 200 = 190,
  // training goes first (on plan 20, production 180, unmet 5).
  m.demand.hours = {185, 185, 185, 185};
  EXPECT_EQ(aci::training::simulate(m).weeks.training_on_plan[0], 15.0);
  m.deferral.load_threshold = 0.95;
  const auto r2 = aci::training::simulate(m);
  EXPECT_EQ(r2.weeks.training_on_plan[0], 20.0);
  EXPECT_EQ(r2.weeks.unmet_demand[0], 5.0);
}

TEST(Policy, FixedWeeksAreNeverMovedByHand) {
  // Capacity 200, demand 300, plan 20, week 1 fixed:
  //   w0, w2: production first, on plan 0; w1: on plan 20, production 180, unmet 120.
  TrainingModel m = hand_model(3, 0, 20, {300, 300, 300});
  lasting_contracts(m, 10);
  m.deferral.policy = DeferralPolicy::fixed_weeks;
  m.deferral.fixed_weeks = {1};
  const auto r = aci::training::simulate(m);
  EXPECT_EQ(r.weeks.training_on_plan, (std::vector<double>{0, 20, 0}));
  EXPECT_EQ(r.weeks.production, (std::vector<double>{200, 180, 200}));
  EXPECT_EQ(r.weeks.backlog, (std::vector<double>{20, 20, 40}));
  // Sessions add to the weekly plan: an 8 h session in week 1 gives 10 x (2 + 8) = 100 h.
  m.plan.sessions = {Session{1, 8.0}};
  const auto s = aci::training::simulate(m);
  EXPECT_EQ(s.weeks.training_planned, (std::vector<double>{20, 100, 20}));
  EXPECT_EQ(s.weeks.training_on_plan, (std::vector<double>{0, 100, 0}));
}

TEST(Training, NothingOwedMeansFullDeliveryAndNoProductionMeansInfiniteCost) {
  TrainingModel m = hand_model(2, 10, 20, {0, 0});
  m.plan.hours_per_week = 0;
  const auto r = aci::training::simulate(m);
  EXPECT_EQ(r.summary.delivered_share, 1.0);
  EXPECT_EQ(r.summary.cost_per_productive_hour_actual, std::numeric_limits<double>::infinity());
  EXPECT_EQ(r.summary.cost_per_productive_hour_honoured, std::numeric_limits<double>::infinity());
}

// ---------------------------------------------------------------------------------------
// Random models

TEST(Invariants, HoldEveryWeekOn200RandomModels) {
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const TrainingModel m = random_model(seed);
    const auto r = aci::training::simulate(m, seed);
    expect_invariants(m, r, "seed " + std::to_string(seed));
  }
}

TEST(Randomness, SameSeedSameResultAndDrawsStayInTheirBounds) {
  TrainingModel m = hand_model(52, 10, 20, std::vector<double>(52, 150.0));
  m.workforce.absence = 0.1;
  m.workforce.absence_spread = 0.05;
  m.demand.variation = 0.2;
  m.seed = 12345;
  const auto a = aci::training::simulate(m, 7);
  const auto b = aci::training::simulate(m, 7);
  EXPECT_EQ(a.weeks.capacity, b.weeks.capacity);
  EXPECT_EQ(a.weeks.demand, b.weeks.demand);
  EXPECT_EQ(a.weeks.backlog, b.weeks.backlog);
  EXPECT_EQ(a.summary.training_debt, b.summary.training_debt);
  // Another seed or another scenario index draws other weeks.
  EXPECT_NE(a.weeks.capacity, aci::training::simulate(m, 8).weeks.capacity);
  m.seed = 12346;
  EXPECT_NE(a.weeks.demand, aci::training::simulate(m, 7).weeks.demand);
  // Absence in [0.05, 0.15]: capacity in [200 x 0.85, 200 x 0.95] = [170, 190];
  // demand 150 x [0.8, 1.2] = [120, 180].
  for (std::size_t i = 0; i < 52; ++i) {
    EXPECT_GE(a.weeks.capacity[i], 170.0 - kTol);
    EXPECT_LE(a.weeks.capacity[i], 190.0 + kTol);
    EXPECT_GE(a.weeks.demand[i], 120.0 - kTol);
    EXPECT_LE(a.weeks.demand[i], 180.0 + kTol);
  }
}

TEST(Scalar, DecimalAgreesWithDoubleAndKeepsTheIdentities) {
  using aci::Decimal;
  for (std::uint64_t seed = 0; seed < 12; ++seed) {
    const TrainingModel m = random_model(seed);
    const auto d = aci::training::simulate<double>(m, seed);
    const auto x = aci::training::simulate<Decimal>(m, seed);
    const auto& sd = d.summary;
    const auto& sx = x.summary;
    const auto close = [&](double a, const Decimal& b) {
      const double bd = b.convert_to<double>();
      if (std::isinf(a)) return std::isinf(bd);
      return std::abs(a - bd) <= 1e-8 * std::max(1.0, std::abs(a));
    };
    EXPECT_TRUE(close(sd.lost_hours, sx.lost_hours)) << seed;
    EXPECT_TRUE(close(sd.final_backlog_hours, sx.final_backlog_hours)) << seed;
    EXPECT_TRUE(close(sd.delivered_share, sx.delivered_share)) << seed;
    EXPECT_TRUE(close(sd.cost_per_productive_hour_actual, sx.cost_per_productive_hour_actual)) << seed;
    EXPECT_TRUE(close(sd.cost_per_productive_hour_honoured, sx.cost_per_productive_hour_honoured)) << seed;
    EXPECT_TRUE(close(sd.training_debt, sx.training_debt)) << seed;
    // 50 significant digits: the run identity holds to far below a second.
    const Decimal gap =
        sx.initial_backlog_hours + sx.deferred_hours - sx.caught_up_hours - sx.lost_hours - sx.final_backlog_hours;
    EXPECT_LT(abs(gap), Decimal("1e-30")) << seed;
  }
}

// ---------------------------------------------------------------------------------------
// Validation

struct BadInput {
  std::string expected;  // a substring of what(): the field path and the value
  std::function<void(TrainingModel&)> mutate;
};

TEST(Validation, BadInputsNameTheFieldAndTheValue) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<BadInput> cases = {
      {"training.horizon.weeks = 0", [](TrainingModel& m) { m.horizon.weeks = 0; }},
      {"training.horizon.start_week = 53", [](TrainingModel& m) { m.horizon.start_week = 53; }},
      {"training.horizon.weeks_in_start_year = 54", [](TrainingModel& m) { m.horizon.weeks_in_start_year = 54; }},
      {"training.workforce.headcount = -1", [](TrainingModel& m) { m.workforce.headcount = -1; }},
      {"training.workforce.contract_months = 0.5", [](TrainingModel& m) { m.workforce.contract_months = 0.5; }},
      {"training.workforce.weekly_hours = -1", [](TrainingModel& m) { m.workforce.weekly_hours = -1; }},
      {"training.workforce.weekly_hours = nan", [&](TrainingModel& m) { m.workforce.weekly_hours = nan; }},
      {"training.workforce.absence = 1.5", [](TrainingModel& m) { m.workforce.absence = 1.5; }},
      {"training.workforce.absence = 1:", [](TrainingModel& m) { m.workforce.absence = 1.0; }},
      {"training.workforce.absence = -0.25", [](TrainingModel& m) { m.workforce.absence = -0.25; }},
      {"training.workforce.absence = nan", [&](TrainingModel& m) { m.workforce.absence = nan; }},
      {"training.workforce.absence_spread = 0.25", [](TrainingModel& m) { m.workforce.absence_spread = 0.25; }},
      {"training.workforce.accompaniment = 0.9375",
       [](TrainingModel& m) {
         m.workforce.absence = 0.125;
         m.workforce.accompaniment = 0.9375;
       }},
      {"training.workforce.contracts[1].end_week = 3",
       [](TrainingModel& m) {
         m.workforce.contracts = {{0, 5}, {3, 3}};
       }},
      {"training.workforce.leave_hours.size() = 3",
       [](TrainingModel& m) {
         m.workforce.leave_hours = {1, 2, 3};
       }},
      {"training.workforce.leave_hours[2] = -4",
       [](TrainingModel& m) {
         m.workforce.leave_hours.assign(52, 0.0);
         m.workforce.leave_hours[2] = -4;
       }},
      {"training.workforce.closed_weeks[0] = 52", [](TrainingModel& m) { m.workforce.closed_weeks = {52}; }},
      {"training.demand.hours[3] = -1",
       [](TrainingModel& m) {
         m.demand.mode = DemandMode::given;
         m.demand.hours.assign(52, 10.0);
         m.demand.hours[3] = -1;
       }},
      {"training.demand.hours.size() = 0", [](TrainingModel& m) { m.demand.mode = DemandMode::given; }},
      {"training.demand.base_hours = inf", [&](TrainingModel& m) { m.demand.base_hours = inf; }},
      {"training.demand.amplitude = 1.5", [](TrainingModel& m) { m.demand.amplitude = 1.5; }},
      {"training.demand.seasonal_shape[4] = 2",
       [](TrainingModel& m) {
         m.demand.seasonal_shape.assign(53, 0.0);
         m.demand.seasonal_shape[4] = 2;
       }},
      {"training.demand.variation = -0.5", [](TrainingModel& m) { m.demand.variation = -0.5; }},
      {"training.demand.productivity = 0", [](TrainingModel& m) { m.demand.productivity = 0; }},
      {"training.demand.productivity = 1.25", [](TrainingModel& m) { m.demand.productivity = 1.25; }},
      {"training.plan.hours_per_week = -2.5", [](TrainingModel& m) { m.plan.hours_per_week = -2.5; }},
      {"training.plan.sessions[0].week = 60",
       [](TrainingModel& m) {
         m.plan.sessions = {{60, 7.0}};
       }},
      {"training.plan.sessions[0].hours = nan",
       [&](TrainingModel& m) {
         m.plan.sessions = {{3, nan}};
       }},
      {"training.plan.trainees_per_supervisor = 0", [](TrainingModel& m) { m.plan.trainees_per_supervisor = 0; }},
      {"training.deferral.policy = 9", [](TrainingModel& m) { m.deferral.policy = static_cast<DeferralPolicy>(9); }},
      {"training.deferral.protected_share = 1.5", [](TrainingModel& m) { m.deferral.protected_share = 1.5; }},
      {"training.deferral.load_threshold = 0", [](TrainingModel& m) { m.deferral.load_threshold = 0; }},
      {"training.deferral.fixed_weeks[1] = -1",
       [](TrainingModel& m) {
         m.deferral.fixed_weeks = {0, -1};
       }},
      {"training.deferral.catch_up_share = 1.5", [](TrainingModel& m) { m.deferral.catch_up_share = 1.5; }},
      {"training.deferral.initial_backlog = -3", [](TrainingModel& m) { m.deferral.initial_backlog = -3; }},
      {"training.costs.cost_per_paid_hour = -14", [](TrainingModel& m) { m.costs.cost_per_paid_hour = -14; }},
      {"training.costs.supervisor_cost_per_hour = nan",
       [&](TrainingModel& m) { m.costs.supervisor_cost_per_hour = nan; }},
  };
  EXPECT_NO_THROW(TrainingModel{}.validate());
  for (const auto& c : cases) {
    TrainingModel m;
    c.mutate(m);
    try {
      (void)aci::training::simulate(m);
      ADD_FAILURE() << "no exception for " << c.expected;
    } catch (const InvalidInput& e) {
      EXPECT_NE(std::string(e.what()).find(c.expected), std::string::npos)
          << "expected \"" << c.expected << "\" in \"" << e.what() << "\"";
    }
  }
}

}  // namespace
