// Implementation of money.hpp (inlined in header-only mode, else compiled in src/).
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <cmath>
#include <numeric>

#include "aci_cost/money.hpp"

namespace aci {

ACI_COST_INLINE Decimal round_decimal(const Decimal& x, int places, Rounding mode) {
  ACI_COST_REQUIRE(places >= 0 && places <= 18, "round_decimal.places", places, "must be in [0, 18]");
  // Scaling by 10^places and back, both by an integer (the backend's single-limb multiply and
  // divide): every digit kept, no reciprocal, no full multiplication; in place, no temporaries.
  unsigned long long scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  static const Decimal half("0.5");  // immutable after its thread-safe initialisation
  Decimal a = x;
  const bool negative = a.sign() < 0;
  if (negative) a = -a;
  a *= scale;
  Decimal whole = boost::multiprecision::floor(a);
  a -= whole;  // the fraction, exact
  bool up = false;
  switch (mode) {
    case Rounding::half_away_from_zero:
      up = a >= half;
      break;
    case Rounding::half_even:
      up = a > half || (a == half && boost::multiprecision::fmod(whole, Decimal(2)) != 0);
      break;
  }
  if (up) whole += 1u;
  if (places > 0) whole /= scale;  // exact: a whole number by a power of ten
  if (negative && !whole.is_zero()) whole = -whole;
  return whole;
}

ACI_COST_INLINE Money Money::round_from_double(double x, Rounding mode, std::string_view field) {
  ACI_COST_REQUIRE(std::isfinite(x), field, x, "must be a finite amount");
  const Money m = Money(Decimal(x)).rounded(mode);  // Decimal(double) is the exact binary value
  ACI_COST_REQUIRE(m.is_representable(), field, x,
                   "beyond \u00b192233720368547758.07 \u20ac, the largest amount kept exactly in cents");
  return m;
}

ACI_COST_INLINE std::int64_t Money::cents() const {
  const Decimal c = amount_ * 100u;  // exact (a decimal shift)
  if (boost::multiprecision::floor(c) != c) {
    throw DomainError("Money::cents: " + aci::to_string(amount_) + " is not a whole number of cents; round it first");
  }
  // convert_to saturates at INT64_MAX: an amount beyond it must fail, not be shown capped.
  if (!is_representable()) {
    throw DomainError("Money::cents: " + aci::to_string(amount_) +
                      " is beyond \u00b192233720368547758.07, the largest amount kept exactly in cents");
  }
  return c.convert_to<std::int64_t>();
}

ACI_COST_INLINE std::string Money::to_string() const {
  // (Messages show amounts beyond the cents' range too: all their digits, never an error.)
  if (!is_whole_cents() || !is_representable()) return aci::to_string(amount_);
  const std::int64_t c = cents();
  const std::int64_t a = c < 0 ? -c : c;
  std::string frac = std::to_string(a % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return (c < 0 ? "-" : "") + std::to_string(a / 100) + "." + frac;
}

ACI_COST_INLINE std::string Money::format_fr(std::string_view group_separator) const {
  if (!is_whole_cents()) {
    throw DomainError("Money::format_fr: " + aci::to_string(amount_) +
                      " is not a whole number of cents; round it first");
  }
  const std::int64_t c = cents();
  const std::int64_t a = c < 0 ? -c : c;
  const std::string units = std::to_string(a / 100);
  std::string grouped;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i > 0 && (units.size() - i) % 3 == 0) grouped += group_separator;
    grouped += units[i];
  }
  std::string frac = std::to_string(a % 100);
  if (frac.size() < 2) frac.insert(0, "0");
  return (c < 0 ? "-" : "") + grouped + "," + frac + " \u20ac";
}

ACI_COST_INLINE std::vector<std::int64_t> largest_remainder(const std::vector<Decimal>& exact, std::int64_t target) {
  const std::size_t n = exact.size();
  std::vector<std::int64_t> out(n);
  std::vector<Decimal> frac(n);
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Decimal f = boost::multiprecision::floor(exact[i]);
    out[i] = f.convert_to<std::int64_t>();
    frac[i] = exact[i] - f;
    assigned += out[i];
  }
  const std::int64_t left = target - assigned;
  if (left < 0 || static_cast<std::size_t>(left) > n) {
    throw DomainError("largest_remainder: " + std::to_string(left) + " units left to assign over " + std::to_string(n) +
                      " parts");
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Deterministic tie rule: equal remainders are served in the parts' order.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return frac[a] > frac[b]; });
  for (std::int64_t k = 0; k < left; ++k) out[order[static_cast<std::size_t>(k)]] += 1;
  return out;
}

ACI_COST_INLINE std::vector<Money> split(const Money& total, const std::vector<Decimal>& weights) {
  ACI_COST_REQUIRE(!weights.empty(), "split.weights", "[]", "needs at least one weight");
  Decimal sum = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    ACI_COST_REQUIRE(weights[i] >= 0, "split.weights[" + std::to_string(i) + "]", aci::to_string(weights[i]),
                     "must be >= 0");
    sum += weights[i];
  }
  ACI_COST_REQUIRE(sum > 0, "split.weights", "all zero", "at least one weight must be > 0");
  ACI_COST_REQUIRE(total.is_whole_cents(), "split.total", total.to_string(),
                   "must be a whole number of cents (round it first)");
  const std::int64_t cents = total.cents();
  std::vector<Decimal> quota(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i) {
    // Exact floor and remainder of cents * w / sum, kept as integers over `sum` so that
    // equal remainders compare equal (the tie rule must not depend on division noise).
    const Decimal num = Decimal(cents) * weights[i];
    Decimal q = boost::multiprecision::floor(num / sum);
    Decimal r = num - q * sum;
    while (r < 0) {
      q -= 1;
      r += sum;
    }
    while (r >= sum) {
      q += 1;
      r -= sum;
    }
    quota[i] = q + r / sum;
  }
  const auto parts = largest_remainder(quota, cents);
  std::vector<Money> out;
  out.reserve(parts.size());
  for (auto c : parts) out.push_back(Money::from_cents(c));
  return out;
}

ACI_COST_INLINE RoundedParts round_parts(const std::vector<Decimal>& parts, Rounding mode) {
  Decimal sum = 0;
  std::vector<Decimal> cents(parts.size());
  for (std::size_t i = 0; i < parts.size(); ++i) {
    sum += parts[i];
    cents[i] = parts[i] * 100u;  // exact (a decimal shift)
  }
  const Money total = Money(sum).rounded(mode);
  const auto c = largest_remainder(cents, total.cents());
  RoundedParts out{{}, total};
  out.parts.reserve(c.size());
  for (auto v : c) out.parts.push_back(Money::from_cents(v));
  return out;
}

ACI_COST_INLINE std::vector<Money> fill_cents(const std::vector<Decimal>& exact, const Money& total) {
  const std::int64_t target = total.cents();
  std::vector<std::int64_t> cents(exact.size());
  std::vector<Decimal> remainder(exact.size());
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < exact.size(); ++i) {
    const Decimal c = exact[i] * 100u;
    const Decimal f = boost::multiprecision::floor(c);
    cents[i] = f.convert_to<std::int64_t>();
    remainder[i] = c - f;
    sum += cents[i];
  }
  if (exact.empty()) {
    if (target != 0) throw DomainError("fill_cents: a total of " + total.to_string() + " over no part");
    return {};
  }
  // Order the parts by remainder, largest first (ties: the earlier part first).
  std::vector<std::size_t> order(exact.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  std::int64_t left = target - sum;
  for (std::size_t k = 0; left > 0; ++k, --left) ++cents[order[k % order.size()]];
  for (std::size_t k = 0; left < 0; ++k, ++left) --cents[order[order.size() - 1 - k % order.size()]];
  std::vector<Money> out;
  out.reserve(cents.size());
  for (auto c : cents) out.push_back(Money::from_cents(c));
  return out;
}

}  // namespace aci
