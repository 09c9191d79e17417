// aci::actuals::Ledger: the lines of a Fichier des Écritures Comptables (FEC, LPF art. A47 A-1)
// as its file gives them — one text per column and line, the columns a money check needs —
// and parse_cents, the reading of an FEC amount ("1234,56") into whole cents. The file itself
// (separator, encoding, header, dates) is read by the caller (Python: aci_cost.actuals.read_fec,
// pandas); the checks of money (amounts, accounts, each entry balanced to the cent) are
// actuals/trial_balance.hpp's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aci_cost/error.hpp"

namespace aci::actuals {

/// The lines of an FEC as written in its file (unchecked): one vector per column, one item per line.
struct Ledger {
  std::string source = "FEC";         ///< the file's name, in every error
  std::vector<std::int64_t> line;     ///< each line's number in the file (the header is line 1)
  std::vector<std::string> journal;   ///< JournalCode
  std::vector<std::string> entry;     ///< EcritureNum (an entry is unique within its journal)
  std::vector<std::string> account;   ///< CompteNum
  std::vector<std::string> debit;     ///< Debit, as written: "1234,56", "0,00", "-12.5", "" (zero)
  std::vector<std::string> credit;    ///< Credit, as written
  std::vector<std::string> analytic;  ///< one analytic code per line ("" none); empty vector: no column
  std::string analytic_column;        ///< the analytic column's name, for errors ("" when none)
  friend bool operator==(const Ledger&, const Ledger&) = default;
};

/// The largest amount of one FEC line: 10^13 € (ten thousand billion), far beyond any ACI; it
/// keeps the sums of a million lines exact in 64-bit cents. Beyond it a line is refused.
inline constexpr std::int64_t max_line_cents = 1'000'000'000'000'000;

/// The field of an FEC cell in errors: "<source> line <n>, column <name>".
inline std::string cell(std::string_view source, std::int64_t line, std::string_view column) {
  return std::string(source) + " line " + std::to_string(line) + ", column " + std::string(column);
}

/// An FEC amount in whole cents: an optional sign, digits, then optionally one decimal separator
/// (',' as the format asks, or '.') and one or two decimals; "" is zero. Anything else —
/// thousands separators, spaces, a third decimal, a currency sign — is InvalidInput naming the
/// field that `field()` builds (called only then) and the text.
template <class Field>
std::int64_t parse_cents(std::string_view text, const Field& field) {
  const auto refuse = [&](std::string_view rule) -> std::int64_t {
    throw InvalidInput(field(), "\"" + std::string(text) + "\"", rule);
  };
  if (text.empty()) return 0;
  std::size_t i = 0;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    i = 1;
  }
  std::int64_t units = 0;
  std::size_t digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
    if (units > max_line_cents / 1000) return refuse("beyond 10^13 \u20ac, the largest amount of one line");
    units = units * 10 + (text[i] - '0');
  }
  std::int64_t cents = 0;
  std::size_t decimals = 0;
  bool separator = false;
  if (i < text.size() && (text[i] == ',' || text[i] == '.')) {
    separator = true;
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++decimals) {
      if (decimals == 2) return refuse("more than two decimals: an FEC amount is in euros and cents");
      cents = cents * 10 + (text[i] - '0');
    }
    if (decimals == 1) cents *= 10;
  }
  if (i != text.size() || digits == 0 || (separator && decimals == 0)) {
    return refuse(
        "not an amount: digits, one decimal comma (or point), at most two decimals, no thousands "
        "separator");
  }
  const std::int64_t total = units * 100 + cents;
  if (total > max_line_cents) return refuse("beyond 10^13 \u20ac, the largest amount of one line");
  return negative ? -total : total;
}

}  // namespace aci::actuals
