// Cost centres: direct, step-down and reciprocal settling, to the cent. The textbook case is
// Horngren, Datar & Rajan, "Cost Accounting: A Managerial Emphasis", 14th ed. (Pearson, 2012),
// ch. 15, Robinson Company: support departments Plant Maintenance (PM, $6,300,000) and
// Information Systems (IS, $1,452,500); operating departments Machining ($4,000,000) and
// Assembly ($2,000,000); PM's work goes 20 % to IS, 30 % to Machining, 50 % to Assembly; IS's
// 10 % to PM, 80 % to Machining, 10 % to Assembly. The book's totals (whole dollars): direct
// 7,653,611 / 6,098,889; step-down (PM first) 8,301,111 / 5,451,389; reciprocal 8,187,321 /
// 5,565,179, with complete reciprocated costs PM 6,576,786 and IS 2,767,857. The cents below
// are derived by hand in the comments.
#include <gtest/gtest.h>

#include "../close.hpp"

#include <random>

#include "aci_cost/allocation/allocate.hpp"
#include "../money_literal.hpp"

using aci::Decimal;
using aci::Money;
using namespace aci::allocation;

using aci::testing::close;

namespace {
using aci::test::M;

Network robinson() {
  Network n;
  n.centres = {{"PM", CentreKind::support, "labour-h", Decimal(0)},
               {"IS", CentreKind::support, "computer-h", Decimal(0)},
               {"Machining", CentreKind::main, "machine-h", Decimal(0)},
               {"Assembly", CentreKind::main, "labour-h", Decimal(0)}};
  n.charges = {{"PM budget", M("6300000"), {{"PM", Decimal(1)}}, ""},
               {"IS budget", M("1452500"), {{"IS", Decimal(1)}}, ""},
               {"Machining budget", M("4000000"), {{"Machining", Decimal(1)}}, ""},
               {"Assembly budget", M("2000000"), {{"Assembly", Decimal(1)}}, ""}};
  n.services = {{"PM", {{"IS", Decimal(20)}, {"Machining", Decimal(30)}, {"Assembly", Decimal(50)}}},
                {"IS", {{"PM", Decimal(10)}, {"Machining", Decimal(80)}, {"Assembly", Decimal(10)}}}};
  return n;
}

/// Every identity of a trace: charges spread whole, support centres balance, no cent lost.
void expect_balanced(const Network& n, const Allocation& a) {
  for (std::size_t k = 0; k < n.charges.size(); ++k) {
    Money row;
    for (const auto& x : a.primary[k]) row += x;
    EXPECT_EQ(row, n.charges[k].amount) << n.charges[k].name;
  }
  Money mains;
  for (std::size_t c = 0; c < a.centres.size(); ++c) {
    Money in, out;
    for (std::size_t t = 0; t < a.centres.size(); ++t) in += a.flows[t][c];
    for (std::size_t t = 0; t < a.centres.size(); ++t) out += a.flows[c][t];
    EXPECT_EQ(out, a.handed_on[c]);
    EXPECT_TRUE(a.totals[c].is_whole_cents());
    if (a.kinds[c] == CentreKind::support) {
      EXPECT_EQ(a.primary_totals[c] + in, out) << a.centres[c];
      EXPECT_EQ(a.totals[c], Money());
    } else {
      EXPECT_EQ(out, Money());
      EXPECT_EQ(a.primary_totals[c] + in, a.totals[c]) << a.centres[c];
      mains += a.totals[c];
    }
  }
  EXPECT_EQ(mains, a.total_charges);
}
}  // namespace

TEST(Allocation, HorngrenDirect) {
  const Network n = robinson();
  const Allocation a = allocate(n, Method::direct);
  // PM: 6,300,000 x 30/80 = 2,362,500 and x 50/80 = 3,937,500. IS: 1,452,500 x 80/90 =
  // 1,291,111.111.. -> 1,291,111.11, x 10/90 = 161,388.888.. -> 161,388.89 (largest remainder).
  EXPECT_EQ(a.flows[0][2], M("2362500.00"));
  EXPECT_EQ(a.flows[0][3], M("3937500.00"));
  EXPECT_EQ(a.flows[1][2], M("1291111.11"));
  EXPECT_EQ(a.flows[1][3], M("161388.89"));
  EXPECT_EQ(a.flows[0][1], Money());  // services between support centres are ignored
  EXPECT_EQ(a.totals[a.index("Machining")], M("7653611.11"));
  EXPECT_EQ(a.totals[a.index("Assembly")], M("6098888.89"));
  expect_balanced(n, a);
}

TEST(Allocation, HorngrenStepDownPlantMaintenanceFirst) {
  Network n = robinson();
  n.step_order = {"PM", "IS"};
  const Allocation a = allocate(n, Method::step_down);
  // PM hands on 6,300,000: 1,260,000 to IS, 1,890,000 and 3,150,000. IS then holds 2,712,500:
  // x 80/90 = 2,411,111.11, x 10/90 = 301,388.89; nothing goes back to PM.
  EXPECT_EQ(a.flows[0][1], M("1260000.00"));
  EXPECT_EQ(a.handed_on[1], M("2712500.00"));
  EXPECT_EQ(a.flows[1][0], Money());
  EXPECT_EQ(a.totals[2], M("8301111.11"));
  EXPECT_EQ(a.totals[3], M("5451388.89"));
  expect_balanced(n, a);
  // The other order gives other totals (IS first: 1,452,500 x 10 % = 145,250 to PM, ...).
  n.step_order = {"IS", "PM"};
  const Allocation b = allocate(n, Method::step_down);
  // IS: 145,250 / 1,162,000 / 145,250. PM holds 6,445,250: x 30/80 = 2,416,968.75, x 50/80 = 4,028,281.25.
  EXPECT_EQ(b.totals[2], M("7578968.75"));
  EXPECT_EQ(b.totals[3], M("6173531.25"));
  expect_balanced(n, b);
}

TEST(Allocation, HorngrenReciprocal) {
  const Network n = robinson();
  const Allocation a = allocate(n, Method::reciprocal);
  // PM = 6,300,000 + 0.1 IS, IS = 1,452,500 + 0.2 PM: PM = 6,445,250 / 0.98, IS = 1,452,500 + 0.2 PM.
  const Decimal pm = Decimal(6445250) / Decimal("0.98");
  EXPECT_TRUE(close(a.reciprocal_costs[0], pm));
  EXPECT_TRUE(close(a.reciprocal_costs[1], Decimal(1452500) + Decimal("0.2") * pm));
  // Flows between the two: 0.2 PM = 1,315,357.142.. -> .14; 0.1 IS = 276,785.714.. -> .71.
  EXPECT_EQ(a.flows[0][1], M("1315357.14"));
  EXPECT_EQ(a.flows[1][0], M("276785.71"));
  // PM still holds 6,300,000 + 276,785.71 - 1,315,357.14 = 5,261,428.57: 3/8 -> 1,973,035.71,
  // 5/8 -> 3,288,392.86. IS holds 2,491,071.43: 8/9 -> 2,214,285.72, 1/9 -> 276,785.71.
  EXPECT_EQ(a.flows[0][2], M("1973035.71"));
  EXPECT_EQ(a.flows[0][3], M("3288392.86"));
  EXPECT_EQ(a.flows[1][2], M("2214285.72"));
  EXPECT_EQ(a.flows[1][3], M("276785.71"));
  // Exact: Machining 8,187,321.428.., Assembly 5,565,178.571..
  EXPECT_EQ(a.totals[2], M("8187321.43"));
  EXPECT_EQ(a.totals[3], M("5565178.57"));
  expect_balanced(n, a);
}

TEST(Allocation, SelfServiceChangesTheSupportCentresCostNotTheMains) {
  // Hand-derived (exact fractions): a maintenance workshop E (10,000) that uses 10 % of its own
  // work, 20 % for the administration Ad (20,000), 40 % for atelier A (50,000), 30 % for B
  // (30,000); Ad works 25 % for E, 50 % for A, 25 % for B.
  // E = 10,000 + 0.1 E + 0.25 Ad, Ad = 20,000 + 0.2 E  =>  0.85 E = 15,000, E = 300,000/17.
  // A = 50,000 + 0.4 E + 0.5 Ad = 60,000 + 150,000/17 = 68,823.529..; B = 41,176.470..
  // Without its self-service E would hand on 270,000/17 = 15,882.35: the cost of E's work unit
  // is understated by 10 %, although A and B receive the same.
  Network n;
  n.centres = {{"E", CentreKind::support, "h", Decimal(1000)},
               {"Ad", CentreKind::support, "h", Decimal(0)},
               {"A", CentreKind::main, "h", Decimal(4000)},
               {"B", CentreKind::main, "h", Decimal(2500)}};
  n.charges = {{"primary",
                M("110000"),
                {{"E", Decimal(10000)}, {"Ad", Decimal(20000)}, {"A", Decimal(50000)}, {"B", Decimal(30000)}},
                ""}};
  n.services = {{"E", {{"E", Decimal(10)}, {"Ad", Decimal(20)}, {"A", Decimal(40)}, {"B", Decimal(30)}}},
                {"Ad", {{"E", Decimal(25)}, {"A", Decimal(50)}, {"B", Decimal(25)}}}};
  const Allocation a = allocate(n, Method::reciprocal);
  EXPECT_TRUE(close(a.reciprocal_costs[0], Decimal(300000) / Decimal(17)));
  EXPECT_EQ(a.flows[0][0], M("1764.71"));  // 0.1 x 17,647.0588..
  EXPECT_EQ(a.handed_on[0], M("17647.06"));
  EXPECT_EQ(a.totals[2], M("68823.53"));
  EXPECT_EQ(a.totals[3], M("41176.47"));
  EXPECT_TRUE(close(a.cost_per_unit[2], a.totals[2].amount() / Decimal(4000)));
  expect_balanced(n, a);
  Network no_self = n;
  no_self.services[0].to.erase(no_self.services[0].to.begin());
  const Allocation b = allocate(no_self, Method::reciprocal);
  EXPECT_TRUE(close(b.reciprocal_costs[0], Decimal(270000) / Decimal(17)));
  EXPECT_EQ(b.totals[2], a.totals[2]);
}

TEST(Allocation, PublishedSelfServiceCase) {
  // A published case where every service department uses its own services: "Direct and
  // indirect cost example with matrices", A Star Maths and Physics, University maths notes,
  // matrices and linear algebra (astarmathsandphysics.com). Direct costs S1 600, S2 1,100,
  // S3 600, P1 2,100, P2 1,500; x = d + A x with, by column (what each service department's
  // output goes to), S1: S1 .25, S2 .35, S3 .10, P1 .15, P2 .15; S2: .15, .20, .10, .25, .30;
  // S3: .15, .25, .35, .15, .10. Solved in exact fractions: S1 = 458,000/281 = 1,629.89,
  // S2 = 2,174,000/843 = 2,578.88, S3 = 1,324,000/843 = 1,570.58; P1 = 2,718,500/843 =
  // 3,224.79, P2 = 2,255,200/843 = 2,675.21 (they add up to the 5,900 of direct costs).
  // The page prints S = (1,638, 2,569, 1,562), which do not satisfy its own equations (S1:
  // 600 + .25 x 1,638 + .15 x 2,569 + .15 x 1,562 = 1,629.15, not 1,638): the test holds the
  // page's data and equations, not its printed rounding.
  Network n;
  n.centres = {{"S1", CentreKind::support, "u", Decimal(0)},
               {"S2", CentreKind::support, "u", Decimal(0)},
               {"S3", CentreKind::support, "u", Decimal(0)},
               {"P1", CentreKind::main, "u", Decimal(0)},
               {"P2", CentreKind::main, "u", Decimal(0)}};
  n.charges = {{"S1", M("600"), {{"S1", Decimal(1)}}, ""},
               {"S2", M("1100"), {{"S2", Decimal(1)}}, ""},
               {"S3", M("600"), {{"S3", Decimal(1)}}, ""},
               {"P1", M("2100"), {{"P1", Decimal(1)}}, ""},
               {"P2", M("1500"), {{"P2", Decimal(1)}}, ""}};
  n.services = {
      {"S1", {{"S1", Decimal(25)}, {"S2", Decimal(35)}, {"S3", Decimal(10)}, {"P1", Decimal(15)}, {"P2", Decimal(15)}}},
      {"S2", {{"S1", Decimal(15)}, {"S2", Decimal(20)}, {"S3", Decimal(10)}, {"P1", Decimal(25)}, {"P2", Decimal(30)}}},
      {"S3",
       {{"S1", Decimal(15)}, {"S2", Decimal(25)}, {"S3", Decimal(35)}, {"P1", Decimal(15)}, {"P2", Decimal(10)}}}};
  const Allocation a = allocate(n, Method::reciprocal);
  EXPECT_TRUE(close(a.reciprocal_costs[0], Decimal(458000) / Decimal(281)));
  EXPECT_TRUE(close(a.reciprocal_costs[1], Decimal(2174000) / Decimal(843)));
  EXPECT_TRUE(close(a.reciprocal_costs[2], Decimal(1324000) / Decimal(843)));
  EXPECT_EQ(a.totals[3], M("3224.79"));
  EXPECT_EQ(a.totals[4], M("2675.21"));
  EXPECT_EQ(a.flows[0][0], M("407.47"));  // S1's self-service: .25 x 1,629.893..
  expect_balanced(n, a);
  // Self-service matters to the service departments' costs (and so to their work units'
  // rates), not to what the production departments receive: with the diagonal removed and each
  // department's other shares renormalised, P1 and P2 are the same to the cent.
  Network no_self = n;
  for (auto& sv : no_self.services) {
    std::erase_if(sv.to, [&](const aci::allocation::Weight& w) { return w.centre == sv.from; });
  }
  const Allocation b = allocate(no_self, Method::reciprocal);
  EXPECT_FALSE(close(b.reciprocal_costs[0], a.reciprocal_costs[0]));
  EXPECT_EQ(b.totals[3], a.totals[3]);
  EXPECT_EQ(b.totals[4], a.totals[4]);
}

TEST(Allocation, DriversSpreadCharges) {
  // Rent 12,000 by m²: A 300, B 100, Ad 100 -> 7,200 / 2,400 / 2,400; Ad then goes 3:1.
  Network n;
  n.centres = {{"Ad", CentreKind::support, "h", Decimal(0)},
               {"A", CentreKind::main, "h", Decimal(0)},
               {"B", CentreKind::main, "h", Decimal(0)}};
  n.drivers = {{"m2", "m²", {{"A", Decimal(300)}, {"B", Decimal(100)}, {"Ad", Decimal(100)}}}};
  n.charges = {{"rent", M("12000"), {}, "m2"}};
  n.services = {{"Ad", {{"A", Decimal(3)}, {"B", Decimal(1)}}}};
  for (Method m : {Method::direct, Method::step_down, Method::reciprocal}) {
    const Allocation a = allocate(n, m);
    EXPECT_EQ(a.primary[0][0], M("2400.00"));
    EXPECT_EQ(a.totals[1], M("9000.00"));
    EXPECT_EQ(a.totals[2], M("3000.00"));
    expect_balanced(n, a);
  }
}

TEST(Allocation, CentresThatNeverReachAMainCentreAreNamed) {
  Network n = robinson();
  n.services[1].to = {{"IS", Decimal(1)}};  // IS serves only itself
  try {
    (void)allocate(n, Method::reciprocal);
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "structure.services");
    EXPECT_NE(std::string(e.what()).find("\"IS\""), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("serves only itself"), std::string::npos) << e.what();
  }
  // PM and IS serve only each other: a cycle that absorbs everything.
  n.services[0].to = {{"IS", Decimal(1)}};
  n.services[1].to = {{"PM", Decimal(1)}};
  try {
    (void)allocate(n, Method::reciprocal);
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("\"PM\", \"IS\""), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("serve only each other"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)allocate(n, Method::direct), aci::InvalidInput);
  // Nearly all of the work goes back and forth: ill-conditioned.
  n = robinson();
  n.services[0].to = {{"IS", Decimal(1)}, {"Machining", Decimal("1e-14")}};
  n.services[1].to = {{"PM", Decimal(1)}, {"Assembly", Decimal("1e-14")}};
  try {
    (void)allocate(n, Method::reciprocal);
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_NE(std::string(e.what()).find("ill-conditioned"), std::string::npos) << e.what();
  }
}

TEST(Allocation, BadNetworksNameTheField) {
  const auto field_of = [](const Network& n) {
    try {
      (void)allocate(n, Method::reciprocal);
    } catch (const aci::InvalidInput& e) {
      return e.field();
    }
    return std::string("no error");
  };
  Network n = robinson();
  n.charges[1].key[0].centre = "Nowhere";
  EXPECT_EQ(field_of(n), "structure.charges[1].key[0].centre");
  n = robinson();
  n.charges[0].amount = M("-1");
  EXPECT_EQ(field_of(n), "structure.charges[0].amount");
  n = robinson();
  n.services[0].to[0].weight = Decimal(-2);
  EXPECT_EQ(field_of(n), "structure.services[0].to[0].weight");
  n = robinson();
  n.services.pop_back();
  EXPECT_EQ(field_of(n), "structure.services");
  n = robinson();
  n.charges[0].driver = "m2";
  EXPECT_EQ(field_of(n), "structure.charges[0].key");
  n = robinson();
  n.step_order = {"PM", "Machining"};
  EXPECT_EQ(field_of(n), "structure.step_order[1]");
  n = robinson();
  n.centres[3].name = "PM";
  EXPECT_EQ(field_of(n), "structure.centres[3].name");
}

// Random networks: every trace balances to the cent; and when services flow one way only (each
// support centre serves later ones and the main centres), the reciprocal method gives exactly
// the step-down method's amounts (Decimal, 1e-30 relative).
TEST(Allocation, RandomNetworksBalanceAndOneWayReciprocalIsStepDown) {
  std::mt19937_64 rng(20261201);
  std::uniform_int_distribution<int> weight(0, 50), amount(0, 5'000'000), count(1, 6);
  for (int trial = 0; trial < 60; ++trial) {
    const int ns = count(rng), nm = count(rng);
    const bool one_way = trial % 2 == 0;
    Network n;
    for (int s = 0; s < ns; ++s) n.centres.push_back({"S" + std::to_string(s), CentreKind::support, "h", Decimal(0)});
    for (int m = 0; m < nm; ++m)
      n.centres.push_back({"M" + std::to_string(m), CentreKind::main, "h", Decimal(100 + m)});
    for (int k = 0; k < 3; ++k) {
      Charge c{"c" + std::to_string(k), Money::from_cents(amount(rng)), {}, ""};
      for (const auto& ce : n.centres) c.key.push_back({ce.name, Decimal(weight(rng))});
      c.key[static_cast<std::size_t>(ns)].weight += 1;  // a positive weight somewhere
      n.charges.push_back(c);
    }
    for (int s = 0; s < ns; ++s) {
      Service sv{"S" + std::to_string(s), {}};
      for (int u = 0; u < ns; ++u)
        if (!one_way || u > s) sv.to.push_back({"S" + std::to_string(u), Decimal(weight(rng))});
      for (int m = 0; m < nm; ++m) sv.to.push_back({"M" + std::to_string(m), Decimal(1 + weight(rng))});
      n.services.push_back(sv);
    }
    for (Method m : {Method::direct, Method::step_down, Method::reciprocal}) {
      const Allocation a = allocate(n, m);
      expect_balanced(n, a);
    }
    if (one_way) {
      const Resolved<Decimal> r = resolve<Decimal>(n);
      std::vector<Decimal> amounts;
      for (const auto& c : n.charges) amounts.push_back(c.amount.amount());
      const auto p = primary_totals(r, amounts, n.centres.size());
      const auto sd = settle(n, r, Method::step_down, p);
      const auto rc = settle(n, r, Method::reciprocal, p);
      for (std::size_t c = 0; c < n.centres.size(); ++c) EXPECT_TRUE(close(rc.totals[c], sd.totals[c])) << trial;
      Decimal total{0}, mains{0};
      for (const auto& x : amounts) total += x;
      for (std::size_t m : r.mains) mains += rc.totals[m];
      EXPECT_TRUE(close(mains, total));
    }
  }
}

TEST(Allocation, DoubleSettlingAgreesWithDecimal) {
  const Network n = robinson();
  const auto rd = resolve<Decimal>(n);
  const auto rx = resolve<double>(n);
  const std::vector<Decimal> a{Decimal(6300000), Decimal(1452500), Decimal(4000000), Decimal(2000000)};
  const std::vector<double> ax{6300000, 1452500, 4000000, 2000000};
  for (Method m : {Method::direct, Method::step_down, Method::reciprocal}) {
    const auto sd = settle(n, rd, m, primary_totals(rd, a, 4));
    const auto sx = settle(n, rx, m, primary_totals(rx, ax, 4));
    for (std::size_t c = 0; c < 4; ++c)
      EXPECT_NEAR(sx.totals[c], static_cast<double>(sd.totals[c]), 1e-8 * (1 + std::abs(sx.totals[c])));
  }
}
