// The training model derived from the quote model's atelier, and the quote of a job with its
// week's training obligation.
#include <gtest/gtest.h>

#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/training_link.hpp"

TEST(TrainingFromAtelier, DerivesWorkforcePlanAndCosts) {
  const auto s = aci::io::default_scenario();
  const auto m = s.training_model();
  // The default crew: 12 people, 26 h/week, absence 6 %, accompaniment 3.5 % + meetings 1.5 %,
  // training 5 % of 26 h = 1.3 h/week, leave 9.6 % + bank holidays 2.4 % = 3.12 h/week.
  EXPECT_DOUBLE_EQ(m.workforce.headcount, 12.0);
  EXPECT_DOUBLE_EQ(m.workforce.weekly_hours, 26.0);
  EXPECT_NEAR(m.workforce.absence, 0.06, 1e-15);
  EXPECT_NEAR(m.workforce.accompaniment, 0.05, 1e-15);
  EXPECT_NEAR(m.plan.hours_per_week, 1.3, 1e-14);
  ASSERT_EQ(m.workforce.leave_hours.size(), 53u);
  EXPECT_NEAR(m.workforce.leave_hours[0], 3.12, 1e-13);
  // Costs (docs/worked_example.py): integration cost 213,389.887296 € over 16,224 paid hours =
  // 13.152729739645 €/h; ETPS 54,546 € over 2,211.3 h = 24.666938000271 €/h.
  EXPECT_NEAR(m.costs.cost_per_paid_hour, 213389.887296 / 16224.0, 1e-11);
  EXPECT_NEAR(m.costs.supervisor_cost_per_hour, 54546.0 / 2211.3, 1e-11);
  EXPECT_DOUBLE_EQ(m.demand.productivity, 0.6);
}

TEST(TrainingQuote, PeakWeekNaiveQuoteLeavesTheObligationOut) {
  const auto s = aci::io::default_scenario();
  const auto m = s.training_model();
  const auto& job = s.job("park_maintenance");
  const auto tq = aci::quote::make_training_quote(s.aci, job, s.rate_table(), s.pricing, m);
  EXPECT_EQ(tq.week.iso_week, 16);
  EXPECT_EQ(tq.week.horizon_week, 15);  // the horizon starts at ISO week 1
  // April: demand (140 x 1.3 / 0.6 = 303 employee h) exceeds capacity; production first
  // delivers no training. Planned: 12 x 1.3 = 15.6 h.
  EXPECT_DOUBLE_EQ(tq.week.delivered_hours, 0.0);
  EXPECT_NEAR(tq.week.planned_hours, 15.6, 1e-12);
  // Cost of a training hour in house: 13.152730 + 24.666938 / 6 = 17.263886 €/h.
  EXPECT_NEAR(tq.week.cost_per_training_hour, 213389.887296 / 16224.0 + 54546.0 / 2211.3 / 6.0, 1e-11);
  EXPECT_EQ(tq.naive.line(aci::quote::CostLine::training), aci::Money());
  // Every other line is the same in both quotes; only training (and travel, which carries the
  // training rate in the crew's paid hour on the road) differ.
  EXPECT_EQ(tq.naive.line(aci::quote::CostLine::integration_labour), tq.honoured.line(aci::quote::CostLine::integration_labour));
  EXPECT_EQ(tq.naive.line(aci::quote::CostLine::overheads), tq.honoured.line(aci::quote::CostLine::overheads));
  const double expected = 120.0 * tq.week.planned_hours * tq.week.cost_per_training_hour / tq.week.production_hours;
  EXPECT_EQ(tq.honoured.line(aci::quote::CostLine::training), aci::Money::round_from_double(expected));
  EXPECT_EQ(tq.difference, tq.honoured.price.ht - tq.naive.price.ht);
  EXPECT_GT(tq.difference, aci::Money());
}

TEST(TrainingQuote, JobOutsideTheHorizonIsAnError) {
  const auto s = aci::io::default_scenario();
  auto m = s.training_model();
  m.horizon.weeks = 10;  // ISO weeks 1-10 only
  m.workforce.leave_hours.resize(10);
  EXPECT_THROW((void)aci::quote::make_training_quote(s.aci, s.job("park_maintenance"), s.rate_table(), s.pricing, m),
               aci::InvalidInput);
}
