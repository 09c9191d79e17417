// The ACI's year against docs/worked_example.py, which derives it in exact fractions without the
// library; and the identities a controller checks: each side adds up, charges = products - result
// to the cent, the jobs' subsidy shares stay within the year's subsidies.
#include <gtest/gtest.h>

#include "aci_cost/budget/year.hpp"
#include "aci_cost/io/scenario.hpp"
#include "../money_literal.hpp"

using aci::Money;

namespace {
using aci::test::M;
aci::budget::YearBudget default_year() {
  const auto s = aci::io::default_scenario();
  return aci::budget::year_budget(s.aci, s.jobs, s.rate_table(), s.pricing, aci::Date{2026, 1, 1});
}
}  // namespace

TEST(Year, DefaultAteliersStatementToTheCent) {
  const auto y = default_year();
  ASSERT_EQ(y.ateliers.size(), 1u);
  const auto& a = y.ateliers[0];
  // docs/worked_example.py, section 6: salaries CDDI 11.04 x 15,500.891994 (paid hours with the
  // leave sick leave accrues) + ETPS 1.4 x 28,200 + CIP 0.35 x 28,200 + director 0.25 x 42,000 +
  // administration 0.35 x 24,600; other staff costs: per-head costs and health cover.
  const char* charges[][2] = {{"salaries", "239589.85"},
                              {"social_contributions", "29835.94"},
                              {"other_staff_costs", "7398.20"},
                              {"overheads", "32000.00"},
                              {"structure", "0.00"},             // the default ACI shares no structure
                              {"statutory_auditor", "5000.00"},  // public grants 283,480.09 > 153,000
                              {"other_charges", "16000.00"},
                              {"equipment", "6370.00"},
                              {"vehicles", "16500.00"}};
  ASSERT_EQ(a.charges.size(), 9u);
  for (std::size_t i = 0; i < 9; ++i) {
    EXPECT_EQ(a.charges[i].key, charges[i][0]);
    EXPECT_EQ(a.charges[i].amount, M(charges[i][1])) << charges[i][0];
  }
  EXPECT_EQ(a.charges_total, M("352693.99"));
  const char* products[][2] = {{"sales", "72000.00"},
                               {"aid_state", "162343.83"},
                               {"aid_departement", "34136.26"},
                               {"departement_grants", "30000.00"},
                               {"region", "12000.00"},
                               {"fse_plus", "20000.00"},
                               {"opco", "4000.00"},
                               {"other_grants", "25000.00"}};
  ASSERT_EQ(a.products.size(), 8u);
  for (std::size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(a.products[i].key, products[i][0]);
    EXPECT_EQ(a.products[i].amount, M(products[i][1])) << products[i][0];
  }
  EXPECT_EQ(a.products_total, M("359480.09"));
  EXPECT_EQ(a.result, M("6786.10"));  // exact 6,786.098686: +1.9 % of the charges, no deficit
  for (const auto& w : a.warnings) EXPECT_NE(w.code, "deficit");
  // The sales cap is on the same total charges as the quote's (auditor, equipment and vehicles included).
  EXPECT_EQ(a.sales_cap.annual_charges, M("352693.99"));
  EXPECT_EQ(a.sales_cap.cap, M("105808.20"));
  EXPECT_EQ(a.sales_cap.headroom, M("33808.20"));
}

TEST(Year, BalancesToTheCentAndTheJobsFitTheYear) {
  const auto y = default_year();
  const auto& a = y.ateliers[0];
  // The totals as docs/worked_example.py derives them by hand (charges line by line, products by
  // financer): 352,693.99 and 359,480.09 €, a result of +6,786.10 €.
  EXPECT_EQ(a.charges_total, M("352693.99"));
  EXPECT_EQ(a.products_total, M("359480.09"));
  EXPECT_EQ(a.result, M("6786.10"));
  // No lost cent: the lines, each rounded, add up to the rounded totals (largest remainder).
  Money c, p;
  for (const auto& l : a.charges) c += l.amount;
  for (const auto& l : a.products) p += l.amount;
  EXPECT_EQ(c, M("352693.99"));
  EXPECT_EQ(p, M("359480.09"));
  // The jobs: park maintenance (docs/worked_example.md) and brush clearing, in the year.
  ASSERT_EQ(a.jobs.size(), 2u);
  EXPECT_EQ(a.jobs[0].job, "park_maintenance");
  EXPECT_EQ(a.jobs[0].price_ht, M("956.54"));
  EXPECT_EQ(a.jobs[0].subsidies, M("3752.00"));
  EXPECT_EQ(a.jobs[0].marginal_cost, M("466.20"));
  Money subsidies;
  for (std::size_t k = 1; k < a.products.size(); ++k) subsidies += a.products[k].amount;
  EXPECT_LE(a.jobs_subsidies, subsidies);
  EXPECT_EQ(a.jobs_subsidies, a.jobs[0].subsidies + a.jobs[1].subsidies);
  EXPECT_EQ(a.sales_with_jobs, M("72000") + a.jobs_sales);
  EXPECT_EQ(a.headroom_with_jobs, a.sales_cap.cap - a.sales_with_jobs);
}

TEST(Year, JobsBeyondTheYearsHoursAreFlaggedAndTheTotalAddsTheAteliers) {
  auto s = aci::io::default_scenario();
  // 100 copies of the park job need 14,250 work hours (142.5 each) > 10,918.43.
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
  // Two copies of the atelier: every charge doubles but the statutory auditor, one per ACI
  // (5,000 €, docs/worked_example.py), which the two now share: 2 x 352,693.99 - 5,000.00.
  EXPECT_EQ(y.charges_total, M("700387.98"));
  EXPECT_EQ(a.charges_total, M("350193.99"));
  EXPECT_EQ(y.ateliers[1].charges_total, M("350193.99"));
  for (std::size_t k = 0; k < y.charges.size(); ++k)
    EXPECT_EQ(y.charges[k].amount, a.charges[k].amount + y.ateliers[1].charges[k].amount) << y.charges[k].key;
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
