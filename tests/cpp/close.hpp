// Test helper: two Decimals equal to 1e-30 relative (Decimal is 50-digit decimal floating point:
// a quotient is rounded in its last digits).
#pragma once

#include <gtest/gtest.h>

#include "aci_cost/decimal.hpp"

namespace aci::testing {

inline ::testing::AssertionResult close(const Decimal& a, const Decimal& b) {
  if (boost::multiprecision::abs(a - b) <= Decimal("1e-30") * (1 + boost::multiprecision::abs(b)))
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << aci::to_string(a) << " != " << aci::to_string(b);
}

}  // namespace aci::testing
