// Break-even arithmetic against a published cost-volume-profit case and hand derivations.
#include <gtest/gtest.h>

#include "aci_cost/budget/break_even.hpp"

using aci::Decimal;
using aci::Money;
using aci::budget::break_even_unit_price;
using aci::budget::break_even_volume;

TEST(BreakEven, PublishedCaseHorngren) {
  // Horngren, Datar & Rajan, Cost Accounting: A Managerial Emphasis (14th ed.), ch. 3: Emma sells
  // GMAT software at $200 a package, bought at $120, with a $2,000 booth fee: contribution $80
  // a unit, break-even 2,000 / 80 = 25 packages.
  EXPECT_EQ(break_even_volume(Decimal(2000), Decimal(200) - Decimal(120)), Decimal(25));
  // Rounding up matters: a $2,010 fee needs 25.125 -> 26 packages (25 leave $10 uncovered).
  EXPECT_EQ(break_even_volume(Decimal(2010), Decimal(80)), Decimal(26));
  // The price that breaks even on 25 packages: 120 + 2,000 / 25 = $200 exactly.
  EXPECT_EQ(break_even_unit_price(Decimal(2000), Decimal(25), Decimal(120)), Money::parse("200"));
}

TEST(BreakEven, HandDerivations) {
  // A deficit of 63,995.73 € at a contribution of 24.17 €/h: 63,995.73 / 24.17 = 2,647.73... -> 2,648 h
  // (2,647 h cover 63,977.99 €, 17.74 € short; 2,648 h cover 64,002.16 €).
  EXPECT_EQ(break_even_volume(Decimal("63995.73"), Decimal("24.17")), Decimal(2648));
  // No deficit: nothing to sell; a contribution <= 0 never covers one.
  EXPECT_EQ(break_even_volume(Decimal("-10"), Decimal("5")), Decimal(0));
  EXPECT_FALSE(break_even_volume(Decimal("10"), Decimal(0)).has_value());
  EXPECT_FALSE(break_even_volume(Decimal("10"), Decimal("-1")).has_value());
  // An exact quotient is not rounded up: 100 / 0.25 = 400 units.
  EXPECT_EQ(break_even_volume(Decimal(100), Decimal("0.25")), Decimal(400));
  // A repeating quotient: 100 / 3 = 33.33... -> 34.
  EXPECT_EQ(break_even_volume(Decimal(100), Decimal(3)), Decimal(34));
  // Price over 3 units for a deficit of 100 € at a variable cost of 10 €: 10 + 33.333... = 43.34 € (43.33 € x 3
  // leaves 0.01 € uncovered).
  EXPECT_EQ(break_even_unit_price(Decimal(100), Decimal(3), Decimal(10)), Money::parse("43.34"));
  // No deficit: the variable cost, up to the cent (10.001 -> 10.01).
  EXPECT_EQ(break_even_unit_price(Decimal(-5), Decimal(3), Decimal("10.001")), Money::parse("10.01"));
  EXPECT_THROW((void)break_even_unit_price(Decimal(1), Decimal(0), Decimal(1)), aci::InvalidInput);
}
