// Implementation of decimal.hpp (inlined in header-only mode, else compiled in src/).
#pragma once

#include <limits>

#include <charconv>
#include <ios>

#include "aci_cost/decimal.hpp"

namespace aci {

ACI_COST_INLINE Decimal parse_decimal(std::string_view text, std::string_view field) {
  const auto bad = [&] {
    return InvalidInput(std::string(field), "\"" + std::string(text) + "\"",
                        "not a decimal number (expected e.g. \"1234.56\")");
  };
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < n && text[i] >= '0' && text[i] <= '9') {
    ++i;
    ++digits;
  }
  if (i < n && text[i] == '.') {
    ++i;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
      ++i;
      ++digits;
    }
  }
  if (digits == 0) throw bad();
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < n && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < n && text[i] >= '0' && text[i] <= '9') {
      ++i;
      ++exp_digits;
    }
    if (exp_digits == 0 || exp_digits > 4) throw bad();
  }
  if (i != n) throw bad();
  // A Decimal keeps 50 significant digits: more would be rounded silently, and the value would
  // not write back to its own text (found by fuzz_money: ".9000...0007962989641139280611").
  std::size_t first = n, last = 0;  // the first and last non-zero digits of the mantissa
  for (std::size_t k = 0; k < n && text[k] != 'e' && text[k] != 'E'; ++k) {
    if (text[k] >= '1' && text[k] <= '9') {
      if (first == n) first = k;
      last = k;
    }
  }
  if (first != n) {
    std::size_t significant = 0;
    for (std::size_t k = first; k <= last; ++k) significant += text[k] >= '0' && text[k] <= '9';
    if (significant > static_cast<std::size_t>(std::numeric_limits<Decimal>::digits10)) {
      throw InvalidInput(std::string(field), "\"" + std::string(text) + "\"",
                         "more than 50 significant digits (a decimal keeps 50 exactly)");
    }
  }
  return Decimal(std::string(text));
}

ACI_COST_INLINE std::string to_string(const Decimal& x) {
  if (x.is_zero()) return "0";
  // Most shown figures have few decimals: with at most 6 and |x| < 9e12, x x 10^6 is an exact
  // integer that fits 64 bits, printed directly (the general path goes through a string stream).
  const Decimal micro = x * 1000000u;
  static const Decimal limit("9e18");  // immutable after its thread-safe initialisation
  if (boost::multiprecision::floor(micro) == micro && boost::multiprecision::abs(micro) < limit) {
    const long long v = micro.convert_to<long long>();
    const unsigned long long a = v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    std::string units = std::to_string(a / 1000000), frac = std::to_string(a % 1000000);
    frac.insert(0, 6 - frac.size(), '0');
    frac.erase(frac.find_last_not_of('0') + 1);
    return (v < 0 ? "-" : "") + units + (frac.empty() ? "" : "." + frac);
  }
  // From the scientific text "-d.ddde±N", placing the point by hand: str(0, fixed) printed
  // amounts below about 1e-300 as "0" (found by fuzz_money: -12003e-0361 wrote back as 0).
  // At most the 50 significant digits a Decimal keeps: Boost's guard digits (a quotient shows
  // about 78) are not part of the value's text, which must read back (issue 31: an Allocation's
  // rates failed to unpickle) and not show noise. (The precision counts digits after the point.)
  const std::string sci = x.str(std::numeric_limits<Decimal>::digits10 - 1, std::ios_base::scientific);
  const auto e = sci.find('e');
  const bool negative = sci[0] == '-';
  std::string digits;
  for (std::size_t i = negative ? 1 : 0; i < e; ++i)
    if (sci[i] != '.') digits += sci[i];
  digits.erase(digits.find_last_not_of('0') + 1);       // not empty: x is not zero
  const long point = std::stol(sci.substr(e + 1)) + 1;  // digits before the decimal point
  std::string s;
  if (point <= 0) {
    s = "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    s = digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    s = digits.substr(0, static_cast<std::size_t>(point)) + "." + digits.substr(static_cast<std::size_t>(point));
  }
  return negative ? "-" + s : s;
}

ACI_COST_INLINE Decimal decimal_from_double(double x, std::string_view field) {
  ACI_COST_REQUIRE(std::isfinite(x), field, x, "must be a finite number");
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, x);
  return Decimal(std::string(buf, res.ptr));
}

}  // namespace aci
