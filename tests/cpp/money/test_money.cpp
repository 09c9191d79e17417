#include <gtest/gtest.h>

#include <random>

#include "aci_cost/money.hpp"
#include "../money_literal.hpp"

using aci::Decimal;
using aci::Money;
using aci::Rounding;

namespace {
using aci::test::M;
std::vector<Decimal> W(std::initializer_list<const char*> xs) {
  std::vector<Decimal> out;
  for (auto x : xs) out.emplace_back(x);
  return out;
}
}  // namespace

TEST(Money, ParsesAndPrintsExactly) {
  EXPECT_EQ(M("1234.56").to_string(), "1234.56");
  EXPECT_EQ(M("-0.5").to_string(), "-0.50");
  EXPECT_EQ(M("12.345").to_string(), "12.345");  // not whole cents: every digit shown
  EXPECT_EQ(Money::from_cents(-123456).to_string(), "-1234.56");
  // 0.1 + 0.2 is exactly 0.3 in decimal (it is not in binary floating point).
  EXPECT_EQ(M("0.1") + M("0.2"), M("0.3"));
}

TEST(Money, RoundsHalfAwayFromZeroAndHalfEven) {
  EXPECT_EQ(M("0.005").rounded(Rounding::half_away_from_zero), M("0.01"));
  EXPECT_EQ(M("-0.005").rounded(Rounding::half_away_from_zero), M("-0.01"));
  EXPECT_EQ(M("0.005").rounded(Rounding::half_even), M("0.00"));
  EXPECT_EQ(M("0.015").rounded(Rounding::half_even), M("0.02"));
  EXPECT_EQ(M("2.675").rounded(Rounding::half_away_from_zero), M("2.68"));  // 2.67 with binary doubles
  EXPECT_EQ(M("1.0049999").rounded(), M("1.00"));
  EXPECT_EQ(M("14.923").rounded(Rounding::half_away_from_zero, 2), M("14.92"));
  EXPECT_EQ(aci::round_decimal(Decimal("1.3225"), 3, Rounding::half_away_from_zero), Decimal("1.323"));
  EXPECT_EQ(aci::round_decimal(Decimal("1.3225"), 3, Rounding::half_even), Decimal("1.322"));
}

TEST(Money, FormatsFrench) {
  EXPECT_EQ(M("1234.56").format_fr(), "1 234,56 \u20ac");
  EXPECT_EQ(M("1234567.5").format_fr(), "1 234 567,50 \u20ac");
  EXPECT_EQ(M("-0.07").format_fr(), "-0,07 \u20ac");
  EXPECT_EQ(M("999").format_fr(), "999,00 \u20ac");
  EXPECT_THROW((void)M("1.005").format_fr(), aci::DomainError);  // round first: rounding is explicit
}

TEST(Money, CentsRequireWholeCents) {
  EXPECT_EQ(M("12.34").cents(), 1234);
  EXPECT_THROW((void)M("12.345").cents(), aci::DomainError);
}

TEST(Money, RefusesBadText) {
  for (const char* bad : {"", "1,5", "abc", "1.2.3", "--1", "1e", "nan", "inf", " 1"}) {
    try {
      (void)Money::parse(bad, "job.materials[0].amount");
      FAIL() << "accepted " << bad;
    } catch (const aci::InvalidInput& e) {
      EXPECT_EQ(e.field(), "job.materials[0].amount");
      EXPECT_NE(std::string(e.what()).find(std::string("\"") + bad + "\""), std::string::npos) << e.what();
    }
  }
}

TEST(Money, RoundFromDoubleIsExplicitAndExact) {
  // 2.675 as a double is 2.67499999999999982236431605997495353221893310546875.
  EXPECT_EQ(Money::round_from_double(2.675), M("2.67"));
  EXPECT_EQ(Money::round_from_double(0.125, Rounding::half_even), M("0.12"));
  EXPECT_THROW((void)Money::round_from_double(std::nan("")), aci::InvalidInput);
}

TEST(Split, PartsAddUpAndFollowWeights) {
  // 100.00 over 1/1/1: 33.34 + 33.33 + 33.33; the tie goes to the earliest part.
  const auto p = aci::split(M("100.00"), W({"1", "1", "1"}));
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0], M("33.34"));
  EXPECT_EQ(p[1], M("33.33"));
  EXPECT_EQ(p[2], M("33.33"));
}

TEST(Split, OneCentAt95To5GoesToTheLargerWeight) {
  // The known ERP failure: rounding each part gives 0.01 + 0.00... or 0.01 + 0.01. Quotas are
  // 0.95 and 0.05 cent: floors 0 and 0, one cent left, to the largest remainder (0.95).
  const auto p = aci::split(M("0.01"), W({"95", "5"}));
  EXPECT_EQ(p[0], M("0.01"));
  EXPECT_EQ(p[1], M("0.00"));
}

TEST(Split, ZeroWeightsGetNothingAndNegativeTotalsMirror) {
  const auto p = aci::split(M("10.00"), W({"0", "3", "0", "1"}));
  EXPECT_EQ(p[0], Money());
  EXPECT_EQ(p[1], M("7.50"));
  EXPECT_EQ(p[2], Money());
  EXPECT_EQ(p[3], M("2.50"));
  const auto n = aci::split(M("-0.01"), W({"95", "5"}));
  EXPECT_EQ(n[0], M("-0.01"));
  EXPECT_EQ(n[1], M("0.00"));
}

TEST(Split, RejectsBadWeightsAndSubCentTotals) {
  EXPECT_THROW((void)aci::split(M("1.00"), W({"0", "0"})), aci::InvalidInput);
  EXPECT_THROW((void)aci::split(M("1.00"), W({"1", "-1"})), aci::InvalidInput);
  EXPECT_THROW((void)aci::split(M("1.005"), W({"1"})), aci::InvalidInput);
  EXPECT_THROW((void)aci::split(M("1.00"), {}), aci::InvalidInput);
}

TEST(Split, RandomSplitsLoseNoCent) {
  std::mt19937_64 rng(20261123);
  std::uniform_int_distribution<std::int64_t> cents(-10'000'000, 10'000'000);
  std::uniform_int_distribution<int> n(1, 12), w(0, 1000);
  for (int trial = 0; trial < 2000; ++trial) {
    const Money total = Money::from_cents(cents(rng));
    std::vector<Decimal> weights(static_cast<std::size_t>(n(rng)));
    for (auto& x : weights) x = Decimal(w(rng));
    weights[0] += 1;  // at least one positive weight
    const auto parts = aci::split(total, weights);
    Money sum;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      sum += parts[i];
      if (weights[i] == 0) {
        EXPECT_EQ(parts[i], Money());
      }
      EXPECT_TRUE(parts[i].is_whole_cents());
    }
    ASSERT_EQ(sum, total) << "trial " << trial;
  }
}

TEST(RoundParts, LinesAddUpToTheRoundedTotal) {
  // 3 x 0.333: each rounds to 0.33 (0.99) but the total 0.999 rounds to 1.00; the extra cent
  // goes to the first of the equal remainders.
  const auto r = aci::round_parts({Decimal("0.333"), Decimal("0.333"), Decimal("0.333")});
  EXPECT_EQ(r.total, M("1.00"));
  EXPECT_EQ(r.parts[0], M("0.34"));
  EXPECT_EQ(r.parts[1], M("0.33"));
  EXPECT_EQ(r.parts[2], M("0.33"));
}

// round_decimal against its definition computed another way: floor(|x| 10^p + 1/2) (or the even
// neighbour at a tie) divided by 10^p with the division operator, digit for digit, on values
// with long fractions, exact ties and every magnitude of a quote.
TEST(Money, RoundDecimalMatchesItsDefinitionOnRandomValues) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<long long> big(-(1LL << 62), 1LL << 62);
  const auto reference = [](const Decimal& x, int places, Rounding mode) {
    Decimal scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    const Decimal a = boost::multiprecision::abs(x) * scale;
    Decimal whole = boost::multiprecision::floor(a);
    const Decimal frac = a - whole;
    const bool tie = frac == Decimal("0.5");
    const bool odd = boost::multiprecision::fmod(whole, Decimal(2)) != 0;
    if (frac > Decimal("0.5") || (tie && (mode == Rounding::half_away_from_zero || odd))) whole += 1;
    const Decimal r = whole / scale;
    return x < 0 && !r.is_zero() ? Decimal(-r) : r;
  };
  int checked = 0;
  for (int i = 0; i < 20000; ++i) {
    const Decimal xs[] = {Decimal(big(rng)) / Decimal(big(rng) | 1), Decimal(big(rng) % 1000000) / 1000u,
                          Decimal(big(rng) % 100000) / 200u, Decimal(big(rng)) * Decimal(big(rng)) / Decimal("1e20")};
    for (const Decimal& x : xs)
      for (int p : {0, 1, 2, 4, 9, 18})
        for (Rounding m : {Rounding::half_away_from_zero, Rounding::half_even}) {
          const Decimal got = aci::round_decimal(x, p, m), want = reference(x, p, m);
          ASSERT_EQ(got.str(60, std::ios_base::scientific), want.str(60, std::ios_base::scientific))
              << x.str(60) << " to " << p << " places";
          ++checked;
        }
  }
  EXPECT_EQ(checked, 20000 * 4 * 6 * 2);
}
