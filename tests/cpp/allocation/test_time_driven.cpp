// Time-driven ABC. The published case: Kaplan & Anderson, "Time-Driven Activity-Based Costing",
// Harvard Business Review 82(11), November 2004 — a customer-service department costing
// $560,000 a quarter with a practical capacity of 700,000 minutes ($0.80 a minute); processing
// an order takes 8 minutes ($6.40), handling an inquiry 44 minutes ($35.20), a credit check 50
// minutes ($40.00); in the quarter 49,000 orders, 1,400 inquiries and 2,500 credit checks use
// 578,600 minutes, 82.7 % of capacity: $462,880 assigned, 121,400 unused minutes costing $97,120.
// Its time equation with indicator terms (the same article): packaging time = 0.5 + 6.5
// [special handling] + 0.2 [air shipment] minutes.
#include <gtest/gtest.h>

#include "aci_cost/allocation/time_driven.hpp"
#include "../money_literal.hpp"

using aci::Decimal;
using aci::Money;
using namespace aci::allocation;

namespace {
using aci::test::M;
// Decimal is 50-digit decimal floating point: a quotient is rounded in its last digits.
bool within_1e40(const Decimal& a, const Decimal& b) { return boost::multiprecision::abs(a - b) <= Decimal("1e-40"); }

TimeDrivenModel kaplan_anderson() {
  TimeDrivenModel m;
  m.time_unit = "min";
  m.pools = {{"customer service", M("560000"), Decimal(700000), Decimal(1)}};
  m.activities = {{"process order", "customer service", Decimal(8), {}},
                  {"handle inquiry", "customer service", Decimal(44), {}},
                  {"credit check", "customer service", Decimal(50), {}}};
  m.jobs = {{"orders", {{"process order", Decimal(49000), {}}}},
            {"inquiries", {{"handle inquiry", Decimal(1400), {}}}},
            {"credit checks", {{"credit check", Decimal(2500), {}}}}};
  return m;
}
}  // namespace

TEST(TimeDriven, KaplanAnderson2004CustomerService) {
  const auto r = time_driven(kaplan_anderson());
  ASSERT_EQ(r.pools.size(), 1u);
  const auto& p = r.pools[0];
  EXPECT_TRUE(within_1e40(p.rate, Decimal("0.8")));
  EXPECT_EQ(p.used, Decimal(578600));
  EXPECT_EQ(p.unused, Decimal(121400));
  EXPECT_EQ(p.used_cost, M("462880.00"));
  EXPECT_EQ(p.unused_cost, M("97120.00"));
  EXPECT_EQ(r.jobs[0].total, M("313600.00"));  // 49,000 x $6.40
  EXPECT_EQ(r.jobs[1].total, M("49280.00"));   // 1,400 x $35.20
  EXPECT_EQ(r.jobs[2].total, M("100000.00"));  // 2,500 x $40.00
  EXPECT_EQ(r.unused_cost, M("97120.00"));
}

TEST(TimeDriven, UnusedCapacityLoadedOntoJobs) {
  auto m = kaplan_anderson();
  m.load_unused = true;
  const auto r = time_driven(m);
  // 560,000 / 578,600 = $0.96785.. a minute; orders 392,000 min -> 379,398.548.., inquiries
  // 61,600 -> 59,619.771.., checks 125,000 -> 120,981.679..: the floors leave 2 cents, which go
  // to the largest remainders (checks .99, orders .82), so that the jobs add up to 560,000.
  EXPECT_EQ(r.pools[0].unused_cost, Money());
  EXPECT_EQ(r.jobs[0].total + r.jobs[1].total + r.jobs[2].total, M("560000.00"));
  EXPECT_EQ(r.jobs[0].total, M("379398.55"));
  EXPECT_EQ(r.jobs[1].total, M("59619.77"));
  EXPECT_EQ(r.jobs[2].total, M("120981.68"));
}

TEST(TimeDriven, TimeEquationWithIndicators) {
  // Packaging: 0.5 + 6.5 [special handling] + 0.2 [air]: a standard parcel 0.5 min, a special
  // one by air 7.2 min; 100 of each at $0.80: 40 + 576 = $616.
  auto m = kaplan_anderson();
  m.activities.push_back(
      {"package", "customer service", Decimal("0.5"), {{"special_handling", Decimal("6.5")}, {"air", Decimal("0.2")}}});
  m.jobs = {{"parcels",
             {{"package", Decimal(100), {}},
              {"package", Decimal(100), {{"special_handling", Decimal(1)}, {"air", Decimal(1)}}}}}};
  const auto r = time_driven(m);
  EXPECT_EQ(r.jobs[0].time[0], Decimal(770));
  EXPECT_EQ(r.jobs[0].total, M("616.00"));
  EXPECT_EQ(r.pools[0].used_cost + r.pools[0].unused_cost, M("560000"));
}

TEST(TimeDriven, PracticalCapacityAndOverCapacity) {
  // 28 people x 31,250 paid minutes x 80 % productive = 700,000 minutes: the same rate.
  auto m = kaplan_anderson();
  m.pools[0].hours = Decimal(875000);
  m.pools[0].productive_share = Decimal("0.8");
  EXPECT_TRUE(within_1e40(time_driven(m).pools[0].rate, Decimal("0.8")));
  // Jobs needing more than the capacity: the unused cost is negative (a shortfall), still to the cent.
  m.jobs[0].lines[0].count = Decimal(80000);
  const auto r = time_driven(m);
  EXPECT_LT(r.pools[0].unused, Decimal(0));
  EXPECT_EQ(r.pools[0].used_cost + r.pools[0].unused_cost, M("560000"));
  EXPECT_LT(r.pools[0].unused_cost, Money());
}

TEST(TimeDriven, BadInputNamesTheField) {
  const auto field_of = [](const TimeDrivenModel& m) {
    try {
      (void)time_driven(m);
    } catch (const aci::InvalidInput& e) {
      return e.field();
    }
    return std::string("no error");
  };
  auto m = kaplan_anderson();
  m.pools[0].hours = Decimal(0);
  EXPECT_EQ(field_of(m), "time_driven.pools[0].hours");
  m = kaplan_anderson();
  m.activities[1].pool = "nowhere";
  EXPECT_EQ(field_of(m), "time_driven.activities[1].pool");
  m = kaplan_anderson();
  m.jobs[2].lines[0].activity = "dance";
  EXPECT_EQ(field_of(m), "time_driven.jobs[2].lines[0].activity");
  m = kaplan_anderson();
  m.jobs[0].lines[0].drivers = {{"weight", Decimal(3)}};
  EXPECT_EQ(field_of(m), "time_driven.jobs[0].lines[0].drivers[0].driver");
  m = kaplan_anderson();
  m.activities[0].constant = Decimal(-9);
  EXPECT_EQ(field_of(m), "time_driven.jobs[0].lines[0]");
  // A productive share of 5e-324 (issue 34): the pool's capacity is 700,000 min x 5e-324, used
  // some 10^318 times over; its cost would be 560,000 € x that, beyond Money's range. It ended in
  // "Money::cents ... beyond ..." naming no field.
  m = kaplan_anderson();
  m.pools[0].productive_share = Decimal("5e-324");
  EXPECT_EQ(field_of(m), "time_driven.pools[0].productive_share");
  // The load_unused variant spreads the cost over the time used: no overflow, the cost to the cent.
  m.load_unused = true;
  EXPECT_EQ(time_driven(m).pools[0].used_cost, M("560000"));
}
