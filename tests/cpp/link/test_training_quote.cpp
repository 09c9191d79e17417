// The training model derived from the quote model's atelier, and the quote of a job with its
// week's training obligation.
#include <gtest/gtest.h>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/link/training_quote.hpp"

TEST(TrainingFromAtelier, DerivesWorkforcePlanAndCosts) {
  const auto s = aci::io::default_scenario();
  const auto m = s.training_model();
  // The default crew: 12 posts filled at 92 % = 11.04 people, 26 h/week; absence 5 % unpaid +
  // 0.95 x 1 % paid = 5.95 % of contract hours; accompaniment (3.5 % + 1.5 %) x 0.95 = 4.75 %;
  // training 5 % x 0.95 x 26 h = 1.235 h/week; leave (9.6 % + 2.4 %) x 0.95 x 26 h = 2.964 h/week.
  EXPECT_NEAR(m.workforce.headcount, 11.04, 1e-14);
  EXPECT_DOUBLE_EQ(m.workforce.weekly_hours, 26.0);
  EXPECT_NEAR(m.workforce.absence, 0.0595, 1e-15);
  EXPECT_NEAR(m.workforce.accompaniment, 0.0475, 1e-15);
  EXPECT_NEAR(m.plan.hours_per_week, 1.235, 1e-14);
  ASSERT_EQ(m.workforce.leave_hours.size(), 53u);
  EXPECT_NEAR(m.workforce.leave_hours[0], 2.964, 1e-13);
  // Costs (docs/worked_example.py): a CDDI costs 17,145.406128 € (13394848537453/781250000) for
  // 1,289.59168 paid hours (with the leave sick leave accrues); the ETPS 50,320.34 € over
  // 2,063.88 working hours.
  EXPECT_NEAR(m.costs.cost_per_paid_hour, (13394848537453.0 / 781250000.0) / 1289.59168, 1e-11);
  EXPECT_NEAR(m.costs.supervisor_cost_per_hour, 50320.34 / 2063.88, 1e-11);
  EXPECT_DOUBLE_EQ(m.demand.productivity, 0.6);
}

TEST(TrainingQuote, PeakWeekNaiveQuoteLeavesTheObligationOut) {
  const auto s = aci::io::default_scenario();
  const auto m = s.training_model();
  const auto& job = s.job("park_maintenance");
  const auto tq = aci::link::make_training_quote(s.aci, job, s.rate_table(), s.pricing, m, s.training->horizon_start());
  EXPECT_EQ(tq.week.iso_week, 16);
  EXPECT_EQ(tq.week.horizon_week, 15);  // the horizon starts at ISO week 1
  // April: demand (140 x 1.3 / 0.6 = 303 employee h) exceeds capacity; production first
  // delivers no training. Planned: 11.04 x 1.235 = 13.6344 h.
  EXPECT_DOUBLE_EQ(tq.week.delivered_hours, 0.0);
  EXPECT_NEAR(tq.week.planned_hours, 13.6344, 1e-12);
  // A training hour in house costs the trainee's paid hour only: the ETPS who trains is already
  // recovered by the supervision rate (not charged twice).
  EXPECT_NEAR(tq.week.cost_per_training_hour, (13394848537453.0 / 781250000.0) / 1289.59168, 1e-11);
  EXPECT_EQ(tq.naive.line(aci::quote::CostLine::training), aci::Money());
  // Every other line is the same in both quotes; only training differs.
  for (auto k : {aci::quote::CostLine::integration_labour, aci::quote::CostLine::supervision,
                 aci::quote::CostLine::travel, aci::quote::CostLine::overheads}) {
    EXPECT_EQ(tq.naive.line(k), tq.honoured.line(k));
  }
  // The training line is on the job's work hours: 120 h on site + 22.5 h of crew travel (crew of 6).
  const double expected = 142.5 * tq.week.planned_hours * tq.week.cost_per_training_hour / tq.week.production_hours;
  EXPECT_EQ(tq.honoured.line(aci::quote::CostLine::training), aci::Money::round_from_double(expected));
  EXPECT_EQ(tq.difference, tq.honoured.price.ht - tq.naive.price.ht);
  EXPECT_GT(tq.difference, aci::Money());
  for (const auto& w : tq.honoured.warnings) EXPECT_NE(w.code, "contract_length");  // 12 months
}

TEST(TrainingQuote, ContractLengthOutsideTheLawIsWarned) {
  const auto s = aci::io::default_scenario();
  for (double months : {3.0, 30.0}) {
    auto m = s.training_model();
    m.workforce.contract_months = months;
    const auto tq = aci::link::make_training_quote(s.aci, s.job("park_maintenance"), s.rate_table(), s.pricing, m,
                                                   s.training->horizon_start());
    int found = 0;
    for (const auto& w : tq.naive.warnings) found += w.code == "contract_length";
    for (const auto& w : tq.honoured.warnings) found += w.code == "contract_length";
    EXPECT_EQ(found, 2) << months;
  }
}

TEST(TrainingQuote, JobOutsideTheHorizonIsAnError) {
  const auto s = aci::io::default_scenario();
  auto m = s.training_model();
  m.horizon.weeks = 10;  // ISO weeks 1-10 only
  m.workforce.leave_hours.resize(10);
  EXPECT_THROW((void)aci::link::make_training_quote(s.aci, s.job("park_maintenance"), s.rate_table(), s.pricing, m,
                                                    s.training->horizon_start()),
               aci::InvalidInput);
}

TEST(TrainingQuote, TheJobsWeekIsFoundByDateNotFoldedOntoTheSimulatedYear) {
  // The default horizon: the 53 ISO weeks of 2026, Monday 2025-12-29 to Sunday 2027-01-03
  // (2026-01-01 is a Thursday). A job of March 2027 was quoted with the week of March 2026
  // (ISO week 9 in both years); now it is an error naming the job's date.
  const auto s = aci::io::default_scenario();
  const auto m = s.training_model();
  const aci::Date start = s.training->horizon_start();
  EXPECT_EQ(start, (aci::Date{2025, 12, 29}));
  auto job = s.job("park_maintenance");
  const auto at = [&](aci::Date d) {
    job.date = d;
    return aci::link::make_training_quote(s.aci, job, s.rate_table(), s.pricing, m, start);
  };
  EXPECT_EQ(m.horizon.weeks, 53);
  EXPECT_EQ(at({2026, 1, 4}).week.horizon_week, 0);   // the first week (no 2026 rates before 1 January)
  EXPECT_EQ(at({2027, 1, 3}).week.horizon_week, 52);  // the last
  for (const aci::Date d : {aci::Date{2027, 3, 1}, aci::Date{2027, 1, 4}, aci::Date{2025, 12, 28}}) {
    try {
      (void)at(d);
      ADD_FAILURE() << d.to_string() << " was quoted";
    } catch (const aci::InvalidInput& e) {
      EXPECT_EQ(e.field(), "job[park_maintenance].date");
      EXPECT_EQ(e.value(), d.to_string());
      EXPECT_EQ(e.rule(), "is outside the training model's horizon, 2025-12-29 to 2027-01-03");
    }
  }
  // A horizon that is not anchored on a Monday is refused.
  EXPECT_THROW((void)aci::link::make_training_quote(s.aci, job, s.rate_table(), s.pricing, m, aci::Date{2026, 1, 1}),
               aci::InvalidInput);
}
