// The ACI's year against docs/worked_example.py, which derives it in exact fractions without the
// library; and the identities a controller checks: each side adds up, charges = products - result
// to the cent, the jobs' subsidy shares stay within the year's subsidies.
#include <gtest/gtest.h>

#include "aci_cost/budget/year.hpp"
#include "aci_cost/io/scenario.hpp"

using aci::Money;

namespace {
Money M(const char* s) { return Money::parse(s); }
aci::budget::YearBudget default_year() {
  const auto s = aci::io::default_scenario();
  return aci::budget::year_budget(s.aci, s.jobs, s.rate_table(), s.pricing, aci::Date{2026, 1, 1});
}
}  // namespace

TEST(Year, DefaultAteliersStatementToTheCent) {
  const auto y = default_year();
  ASSERT_EQ(y.ateliers.size(), 1u);
  const auto& a = y.ateliers[0];
  // Salaries: CDDI 11.04 x 15,438.488 + ETPS 1.5 x 26,640 + ASP 0.5 x 27,600 + admin 0.6 x 33,600.
  const char* charges[][2] = {{"salaries", "244360.91"},   {"social_contributions", "30489.91"},
                              {"other_staff_costs", "4464.00"}, {"overheads", "30000.00"},
                              {"structure", "0.00"},  // the default ACI shares no structure
                              {"other_charges", "15000.00"}, {"equipment", "6370.00"},
                              {"vehicles", "9000.00"}};
  ASSERT_EQ(a.charges.size(), 8u);
  for (std::size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(a.charges[i].key, charges[i][0]);
    EXPECT_EQ(a.charges[i].amount, M(charges[i][1])) << charges[i][0];
  }
  EXPECT_EQ(a.charges_total, M("339684.82"));
  const char* products[][2] = {{"sales", "60000.00"},        {"aid_state", "175207.34"},
                               {"aid_departement", "20481.75"}, {"departement_grants", "5000.00"},
                               {"region", "6000.00"},       {"fse_plus", "0.00"},
                               {"opco", "4000.00"},         {"other_grants", "5000.00"}};
  ASSERT_EQ(a.products.size(), 8u);
  for (std::size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(a.products[i].key, products[i][0]);
    EXPECT_EQ(a.products[i].amount, M(products[i][1])) << products[i][0];
  }
  EXPECT_EQ(a.products_total, M("275689.09"));
  EXPECT_EQ(a.result, M("-63995.73"));  // exact -63,995.731331: a deficit, and a warning says so
  ASSERT_FALSE(a.warnings.empty());
  EXPECT_EQ(a.warnings.back().code, "deficit");
  // The sales cap is on the same total charges as the quote's (equipment and vehicles included).
  EXPECT_EQ(a.sales_cap.annual_charges, M("339684.82"));
  EXPECT_EQ(a.sales_cap.cap, M("101905.45"));
  EXPECT_EQ(a.sales_cap.headroom, M("41905.45"));
}

TEST(Year, BalancesToTheCentAndTheJobsFitTheYear) {
  const auto y = default_year();
  const auto& a = y.ateliers[0];
  Money c, p;
  for (const auto& l : a.charges) c += l.amount;
  for (const auto& l : a.products) p += l.amount;
  EXPECT_EQ(c, a.charges_total);
  EXPECT_EQ(p, a.products_total);
  // The jobs: park maintenance (docs/worked_example.md) and brush clearing, in the year.
  ASSERT_EQ(a.jobs.size(), 2u);
  EXPECT_EQ(a.jobs[0].job, "park_maintenance");
  EXPECT_EQ(a.jobs[0].price_ht, M("4641.73"));
  EXPECT_EQ(a.jobs[0].subsidies, M("2666.87"));
  EXPECT_EQ(a.jobs[0].marginal_cost, M("454.20"));
  Money subsidies;
  for (std::size_t k = 1; k < a.products.size(); ++k) subsidies += a.products[k].amount;
  EXPECT_LE(a.jobs_subsidies, subsidies);
  EXPECT_EQ(a.jobs_subsidies, a.jobs[0].subsidies + a.jobs[1].subsidies);
  EXPECT_EQ(a.sales_with_jobs, M("60000") + a.jobs_sales);
  EXPECT_EQ(a.headroom_with_jobs, a.sales_cap.cap - a.sales_with_jobs);
}

TEST(Year, JobsBeyondTheYearsHoursAreFlaggedAndTheTotalAddsTheAteliers) {
  auto s = aci::io::default_scenario();
  // 100 copies of the park job need 13,500 work hours > 10,918.43.
  auto job = s.jobs[0];
  for (int i = 0; i < 100; ++i) {
    job.name = "park_" + std::to_string(i);
    s.jobs.push_back(job);
  }
  // A second atelier, a copy of the first.
  auto second = s.aci.ateliers[0];
  second.name = "Espaces verts 2";
  s.aci.ateliers.push_back(second);
  const auto y = aci::budget::year_budget(s.aci, s.jobs, s.rate_table(), s.pricing, aci::Date{2026, 1, 1});
  const auto& a = y.ateliers[0];
  bool capacity = false;
  for (const auto& w : a.warnings) capacity = capacity || w.code == "jobs_exceed_capacity";
  EXPECT_TRUE(capacity);
  EXPECT_TRUE(y.ateliers[1].jobs.empty());  // jobs name the support: the first atelier on it
  EXPECT_EQ(y.charges_total, a.charges_total + y.ateliers[1].charges_total);
  for (std::size_t k = 0; k < y.charges.size(); ++k)
    EXPECT_EQ(y.charges[k].amount, a.charges[k].amount + y.ateliers[1].charges[k].amount);
}

TEST(Year, BadDateIsNamed) {
  const auto s = aci::io::default_scenario();
  try {
    (void)aci::budget::year_budget(s.aci, s.jobs, s.rate_table(), s.pricing, aci::Date{2021, 1, 1});
    FAIL();
  } catch (const aci::InvalidInput& e) {
    EXPECT_EQ(e.field(), "rates.smic_hourly");
    EXPECT_EQ(e.value(), "2021-01-01");
  }
}
