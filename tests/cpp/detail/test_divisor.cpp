// Divisor<T> and quotient (detail/divisor.hpp): on double the operator; on Decimal the exact
// long division by a short denominator, else the operator's digits with one reciprocal.
#include <gtest/gtest.h>

#include <random>

#include "aci_cost/detail/divisor.hpp"

using aci::Decimal;
using aci::detail::Divisor;

namespace {
/// Every digit, the exponent and the sign.
std::string digits(const Decimal& x) { return x.str(60, std::ios_base::scientific); }
}  // namespace

// A long denominator (more than 8 significant digits) keeps Boost's steps: the operator's digits.
TEST(Divisor, LongDenominatorsGiveTheOperatorsDigits) {
  std::mt19937_64 rng(2026);
  std::uniform_int_distribution<long long> big(1LL << 40, 1LL << 62);
  std::uniform_int_distribution<int> small(1, 1000);
  int checked = 0;
  for (int round = 0; round < 3000; ++round) {
    const Decimal ys[] = {Decimal(big(rng)) / Decimal(big(rng) | 1), -Decimal(big(rng)) * Decimal("1e-30"),
                          Decimal(big(rng)) / 7u};
    for (const Decimal& y : ys) {
      const Divisor<Decimal> d(y);
      const Decimal xs[] = {
          Decimal(big(rng)) / Decimal(small(rng) * 3 + 1), y, -y, Decimal(0), Decimal(small(rng)), y * 3u};
      for (const Decimal& x : xs) {
        ASSERT_EQ(digits(d.divide(x)), digits(x / y)) << digits(x) << " / " << digits(y);
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 3000 * 3 * 6);
}

// A short denominator ±m x 10^-k (m < 10^8): the exact quotient when it terminates within the
// precision (q x y / y gives q back, where x x (1/y) may miss it in the last digit), and within
// one unit of the 50th significant digit of the operator's otherwise.
TEST(Divisor, ShortDenominatorsGiveTheExactQuotient) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<long long> m(1, 99999999), q(-(1LL << 50), 1LL << 50);
  std::uniform_int_distribution<int> k(0, 12);
  const Decimal tolerance("1e-49");
  int exact = 0;
  for (int round = 0; round < 20000; ++round) {
    Decimal y = Decimal(m(rng));
    for (int i = k(rng); i > 0; --i) y /= 10u;
    if (round % 3 == 0) y = -y;
    const Divisor<Decimal> d(y);
    // q x 10^-6 x y is exact (few digits), so the quotient terminates: q x 10^-6 exactly.
    const Decimal want = Decimal(q(rng)) * Decimal("1e-6");
    const Decimal x = want * y;
    ASSERT_EQ(d.divide(x), want) << digits(x) << " / " << digits(y);
    exact += (x / y == want);
    // A quotient that does not terminate: the operator's to 1e-49 relative.
    const Decimal z = Decimal(q(rng)) + Decimal(1) / 3u;
    const Decimal got = d.divide(z), op = z / y;
    ASSERT_LE(boost::multiprecision::abs(got - op), tolerance * boost::multiprecision::abs(op))
        << digits(z) << " / " << digits(y);
  }
  // The operator itself misses some of these exact quotients in the last digit (why the long
  // division is the better answer, not only the faster one); if it never did, the first
  // assertion would still stand but this remark would be wrong.
  EXPECT_LT(exact, 20000);
}

TEST(Divisor, SpecialCasesAreTheOperators) {
  const Divisor<Decimal> by_zero(Decimal(0));
  EXPECT_TRUE(boost::multiprecision::isinf(by_zero.divide(Decimal(3))));           // as 3 / 0
  EXPECT_TRUE(boost::multiprecision::isnan(by_zero.divide(Decimal(0))));           // as 0 / 0
  EXPECT_EQ(Divisor<Decimal>(Decimal("0.6")).divide(Decimal("0.6")), Decimal(1));  // short: exactly one
  EXPECT_EQ(Divisor<Decimal>(Decimal("0.6")).divide(Decimal("-0.6")), Decimal(-1));
  EXPECT_EQ(Divisor<Decimal>(Decimal("-4")).divide(Decimal("10")), Decimal("-2.5"));
  const Decimal third = Decimal(1) / 3u;  // long: the operator's exact one
  EXPECT_EQ(Divisor<Decimal>(third).divide(third), Decimal(1));
  EXPECT_EQ(aci::detail::quotient(Decimal(7), Decimal("0.25")), Decimal(28));
  EXPECT_EQ(aci::detail::quotient(1.0, 3.0), 1.0 / 3.0);
  EXPECT_EQ(Divisor<double>(3.0).divide(1.0), 1.0 / 3.0);
}

// Which path a denominator takes shows in the digits: a short one gives the exact quotient where
// the operator's reciprocal misses it; the ends of the short range are [10^-11, 10^8).
TEST(Divisor, ShortRangeEnds) {
  const auto three = [](const Decimal& y) {  // (3 y) / y through the Divisor
    return Divisor<Decimal>(y).divide(y * 3u);
  };
  for (const char* y : {"99999999", "0.00000000001", "12345678", "0.6", "4", "1820", "13465.92"})
    EXPECT_EQ(three(Decimal(y)), Decimal(3)) << y;
  // 8 significant digits at either end of the range, and 9 digits: long (the operator's digits).
  for (const char* y : {"100000000", "0.000000000001", "123456789", "0.123456789"}) {
    const Decimal d(y), x = Decimal(7) / 3u;
    EXPECT_EQ(Divisor<Decimal>(d).divide(x).str(60, std::ios_base::scientific),
              (x / d).str(60, std::ios_base::scientific))
        << y;
  }
}
