// The header-only target compiles the same code inline: quote the default job through it.
#include <gtest/gtest.h>

#include "aci_cost/aci_cost.hpp"

#ifndef ACI_COST_HEADER_ONLY
#  error "this test must be built against aci_cost::header_only"
#endif

TEST(HeaderOnly, QuotesTheDefaultJob) {
  const auto s = aci::io::default_scenario();
  const auto q = aci::quote::make_quote(s.aci, s.jobs.at(0), s.rate_table(), s.pricing);
  EXPECT_EQ(q.full_cost, aci::Money::parse("4420.69"));  // docs/worked_example.py
  EXPECT_STREQ(aci::version_string, "0.1.0");
  // The year (budget/year.hpp) through the same target: its lines add up to its totals.
  const auto y = aci::budget::year_budget(s.aci, s.jobs, s.rate_table(), s.pricing, aci::Date{2026, 1, 1});
  EXPECT_EQ(y.charges_total, aci::Money::parse("339684.82"));
  aci::Money products;
  for (const auto& l : y.products) products += l.amount;
  EXPECT_EQ(products, y.products_total);
}
