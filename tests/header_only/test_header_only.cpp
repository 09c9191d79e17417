// The header-only target compiles the same code inline: quote the default job through it.
#include <gtest/gtest.h>

#include "aci_cost/aci_cost.hpp"

#ifndef ACI_COST_HEADER_ONLY
#  error "this test must be built against aci_cost::header_only"
#endif

TEST(HeaderOnly, QuotesTheDefaultJob) {
  const auto s = aci::io::default_scenario();
  const auto q = aci::quote::make_quote(s.aci, s.jobs.at(0), s.rate_table(), s.pricing);
  EXPECT_EQ(q.full_cost, aci::Money::parse("4484.33"));  // docs/worked_example.py
  EXPECT_STREQ(aci::version_string, "0.1.0");
  // The year (budget/year.hpp) through the same target: its lines add up to its totals.
  const auto y = aci::budget::year_budget(s.aci, s.jobs, s.rate_table(), s.pricing, aci::Date{2026, 1, 1});
  EXPECT_EQ(y.charges_total, aci::Money::parse("352693.99"));   // docs/worked_example.py
  EXPECT_EQ(y.products_total, aci::Money::parse("359480.09"));  // docs/worked_example.py
  aci::Money products;  // no lost cent: the rounded lines add up to the rounded total
  for (const auto& l : y.products) products += l.amount;
  EXPECT_EQ(products, aci::Money::parse("359480.09"));
}

TEST(HeaderOnly, ChecksAnFecAndMapsItsAccounts) {
  // The actuals area through the same target: a sale of 1,200.00 TTC balanced to the cent, and
  // its product account placed on the sales line by the default mapping.
  aci::actuals::Ledger l;
  l.line = {2, 3, 4};
  l.journal = {"VE", "VE", "VE"};
  l.entry = {"1", "1", "1"};
  l.account = {"411000", "706000", "445710"};
  l.debit = {"1200,00", "0,00", "0,00"};
  l.credit = {"0,00", "1000,00", "200,00"};
  const auto tb = aci::actuals::trial_balance(l);
  EXPECT_EQ(tb.debit, aci::Money::parse("1200.00"));
  EXPECT_EQ(aci::actuals::default_mapping().place("706000", "")->key, "sales");
}
