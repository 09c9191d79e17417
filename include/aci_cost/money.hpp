// aci::Money: an exact amount of euros. Made from strings, integer cents or a Decimal, never
// silently from a double. Rounding to the cent is explicit and names its mode; splitting and
// rounding of several parts lose no cent (largest-remainder method).
#pragma once

#include <compare>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/config.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/schema/enum_names.hpp"

namespace aci {

/// How an amount is rounded to a number of decimal places.
enum class Rounding {
  half_away_from_zero,  ///< French commercial rounding: 0.005 -> 0.01, -0.005 -> -0.01
  half_even,            ///< banker's rounding: 0.005 -> 0.00, 0.015 -> 0.02
};

}  // namespace aci
ACI_COST_ENUM_NAMES(aci::Rounding, half_even, "half_away_from_zero", "half_even");
namespace aci {

/// Rounds x to `places` decimal places with `mode` (exact on a Decimal).
ACI_COST_INLINE Decimal round_decimal(const Decimal& x, int places, Rounding mode);

/// 0.01 exactly (multiplying by it is a decimal shift, cheaper than dividing by 100).
inline const Decimal& hundredth() {
  static const Decimal value("0.01");  // immutable after its thread-safe initialisation
  return value;
}

/// An amount of euros (any number of decimals until rounded).
class Money {
 public:
  /// Zero euros.
  Money() = default;
  /// The amount `amount` euros (exact).
  explicit Money(const Decimal& amount) : amount_(amount) {}
  Money(double) = delete;  // money never comes silently from a double
  /// The largest amount, in cents, that cents() returns exactly: INT64_MAX, i.e.
  /// 92 233 720 368 547 758.07 €. A limit of representation, not of economics: beyond it an
  /// amount could not be split, shown or written to the cent, so it is refused, never capped.
  static constexpr std::int64_t max_cents = INT64_MAX;
  /// An amount from its text ("1234.56", "-0.5"); `field` names it in errors, also when the
  /// amount lies beyond ±max_cents cents (an extra zero in a figure is refused, never capped).
  static Money parse(std::string_view text, std::string_view field = "amount") {
    Money m(parse_decimal(text, field));
    ACI_COST_REQUIRE(m.is_representable(), field, text,
                     "beyond \u00b192233720368547758.07 \u20ac, the largest amount kept exactly in cents");
    return m;
  }
  /// An amount from integer cents.
  static Money from_cents(std::int64_t cents) { return Money(Decimal(cents) * hundredth()); }
  /// The explicit door from the double engines: the exact binary value of x, rounded.
  static Money round_from_double(double x, Rounding mode = Rounding::half_away_from_zero,
                                 std::string_view field = "amount");

  /// The exact amount in euros.
  const Decimal& amount() const noexcept { return amount_; }
  /// This amount rounded to the cent (or to `places` decimals).
  Money rounded(Rounding mode = Rounding::half_away_from_zero, int places = 2) const {
    return Money(round_decimal(amount_, places, mode));
  }
  /// This amount rounded down (toward minus infinity) to whole cents: a ceiling that a shown
  /// figure must never exceed.
  Money rounded_down() const { return Money(boost::multiprecision::floor(amount_ * 100u) * hundredth()); }
  /// True when |amount| <= max_cents cents: cents() and every shown figure are exact.
  bool is_representable() const {
    static const Decimal limit = Decimal(max_cents) / 100u;  // immutable after its thread-safe initialisation
    return boost::multiprecision::abs(amount_) <= limit;
  }
  /// True when the amount is a whole number of cents.
  bool is_whole_cents() const {
    const Decimal c = amount_ * 100u;  // exact (a decimal shift)
    return boost::multiprecision::floor(c) == c;
  }
  /// The amount in cents; DomainError unless it is whole cents within ±max_cents.
  std::int64_t cents() const;
  /// Plain text: "1234.56" for whole cents, all digits otherwise ("12.345").
  std::string to_string() const;
  /// French display, "1 234,56 €"; DomainError unless whole cents (round first).
  std::string format_fr(std::string_view group_separator = " ") const;

  Money operator-() const { return Money(-amount_); }
  Money& operator+=(const Money& o) {
    amount_ += o.amount_;
    return *this;
  }
  Money& operator-=(const Money& o) {
    amount_ -= o.amount_;
    return *this;
  }
  friend Money operator+(Money a, const Money& b) { return a += b; }
  friend Money operator-(Money a, const Money& b) { return a -= b; }
  friend Money operator*(const Money& a, const Decimal& k) { return Money(a.amount_ * k); }
  friend Money operator*(const Decimal& k, const Money& a) { return Money(a.amount_ * k); }
  friend Money operator/(const Money& a, const Decimal& k) { return Money(a.amount_ / k); }
  friend Decimal operator/(const Money& a, const Money& b) { return a.amount_ / b.amount_; }
  friend bool operator==(const Money& a, const Money& b) { return a.amount_ == b.amount_; }
  friend std::strong_ordering operator<=>(const Money& a, const Money& b) {
    return a.amount_ < b.amount_   ? std::strong_ordering::less
           : a.amount_ > b.amount_ ? std::strong_ordering::greater
                                   : std::strong_ordering::equal;
  }

 private:
  Decimal amount_{0};
};

/// Integer shares of `target` units whose sum is exactly `target`, as close as possible to
/// `exact` (largest-remainder method): each part gets floor(exact), then the remaining units
/// go one each to the largest fractional remainders; ties go to the earlier part.
/// Requires target - sum(floor(exact)) to lie in [0, number of parts].
ACI_COST_INLINE std::vector<std::int64_t> largest_remainder(const std::vector<Decimal>& exact, std::int64_t target);

/// Splits `total` (whole cents) over non-negative `weights` (not all zero) to the cent: the
/// parts add up exactly to `total`; a zero weight gets zero; ties go to the earlier part.
ACI_COST_INLINE std::vector<Money> split(const Money& total, const std::vector<Decimal>& weights);

/// Amounts to the cent that add up exactly to `total` (whole cents), each as close as possible to
/// its exact value: floors, then the cents left (or missing) one by one to the largest (smallest)
/// remainders, cycling when there are more cents than parts; ties go to the earlier part. For a
/// total fixed elsewhere (lines of which some are shown by another table).
ACI_COST_INLINE std::vector<Money> fill_cents(const std::vector<Decimal>& exact, const Money& total);

/// Amounts rounded to the cent so that they add up exactly to their rounded sum.
struct RoundedParts {
  std::vector<Money> parts;  ///< each part, whole cents
  Money total;               ///< sum(exact parts) rounded with the chosen mode
};

/// Rounds the sum of `parts` with `mode`, then gives each part its cents by largest remainder.
ACI_COST_INLINE RoundedParts round_parts(const std::vector<Decimal>& parts,
                                         Rounding mode = Rounding::half_away_from_zero);

/// Writes the amount as plain text ("1234.56"); test frameworks print Money with it.
inline std::ostream& operator<<(std::ostream& os, const Money& m) { return os << m.to_string(); }

}  // namespace aci

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/money-inl.hpp"
#endif
