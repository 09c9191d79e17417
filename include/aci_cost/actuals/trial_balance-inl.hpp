// Implementation of actuals/trial_balance.hpp.
#pragma once

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "aci_cost/actuals/trial_balance.hpp"

namespace aci::actuals {

namespace detail {
/// a + b into out, false on overflow of 64-bit cents.
inline bool add_cents(std::int64_t a, std::int64_t b, std::int64_t& out) {
  if ((b > 0 && a > std::numeric_limits<std::int64_t>::max() - b) ||
      (b < 0 && a < std::numeric_limits<std::int64_t>::min() - b))
    return false;
  out = a + b;
  return true;
}

/// "1 234,56" for whole cents (messages).
inline std::string cents_fr(std::int64_t c) { return Money::from_cents(c).format_fr(); }
}  // namespace detail

ACI_COST_INLINE TrialBalance trial_balance(const Ledger& fec) {
  const std::size_t n = fec.line.size();
  const auto same_size = [&](std::size_t size, const char* column) {
    ACI_COST_REQUIRE(size == n, fec.source + "." + column, std::to_string(size) + " values",
                     "needs one value per line (" + std::to_string(n) + " lines)");
  };
  same_size(fec.journal.size(), "JournalCode");
  same_size(fec.entry.size(), "EcritureNum");
  same_size(fec.account.size(), "CompteNum");
  same_size(fec.debit.size(), "Debit");
  same_size(fec.credit.size(), "Credit");
  const bool coded = !fec.analytic.empty();
  if (coded) same_size(fec.analytic.size(), fec.analytic_column.empty() ? "analytic" : fec.analytic_column.c_str());

  struct EntryTotal {
    std::int64_t debit = 0, credit = 0;
    std::int64_t first_line = 0, result_line = 0, income_line = 0;  // 0: none
    std::size_t first_index = 0, income_index = 0;
  };
  struct AccountTotal {
    std::int64_t debit = 0, credit = 0, lines = 0, first_line = 0;
  };
  std::unordered_map<std::string, EntryTotal> entries;
  entries.reserve(n / 2 + 1);
  std::unordered_map<std::string, std::size_t> account_index;
  std::vector<std::pair<std::string, std::string>> account_keys;
  std::vector<AccountTotal> account_totals;
  std::string key;
  std::int64_t total_debit = 0, total_credit = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int64_t line = fec.line[i];
    const auto at = [&](const char* column) { return [&fec, line, column] { return cell(fec.source, line, column); }; };
    const std::string& account = fec.account[i];
    const bool digits = account.size() >= 3 && account[0] >= '1' && account[0] <= '8' && account[1] >= '0' &&
                        account[1] <= '9' && account[2] >= '0' && account[2] <= '9';
    if (!digits) {
      throw InvalidInput(at("CompteNum")(), "\"" + account + "\"",
                         "not an account of the plan comptable: its first three characters must be digits "
                         "(LPF art. A47 A-1), of a class 1 to 8 (class 9 is analytic, class 0 does not exist)");
    }
    ACI_COST_REQUIRE(!fec.journal[i].empty(), at("JournalCode")(), "\"\"", "every line belongs to a journal");
    ACI_COST_REQUIRE(!fec.entry[i].empty(), at("EcritureNum")(), "\"\"", "every line belongs to a numbered entry");
    const std::int64_t d = parse_cents(fec.debit[i], at("Debit"));
    const std::int64_t c = parse_cents(fec.credit[i], at("Credit"));

    key.assign(fec.journal[i]);
    key.push_back('\x1f');
    key.append(fec.entry[i]);
    EntryTotal& e = entries[key];
    if (e.first_line == 0) {
      e.first_line = line;
      e.first_index = i;
    }
    bool sums = detail::add_cents(e.debit, d, e.debit) && detail::add_cents(e.credit, c, e.credit) &&
                detail::add_cents(total_debit, d, total_debit) && detail::add_cents(total_credit, c, total_credit);
    if (account[0] == '1' && account[1] == '2' && e.result_line == 0) e.result_line = line;
    if ((account[0] == '6' || account[0] == '7') && e.income_line == 0) {
      e.income_line = line;
      e.income_index = i;
    }

    key.assign(account);
    key.push_back('\x1f');
    if (coded) key.append(fec.analytic[i]);
    auto [it, inserted] = account_index.try_emplace(key, account_totals.size());
    if (inserted) {
      account_keys.emplace_back(account, coded ? fec.analytic[i] : std::string());
      account_totals.push_back({0, 0, 0, line});
    }
    AccountTotal& a = account_totals[it->second];
    sums = sums && detail::add_cents(a.debit, d, a.debit) && detail::add_cents(a.credit, c, a.credit);
    ACI_COST_REQUIRE(sums, at("Debit")(), fec.debit[i] + " / " + fec.credit[i],
                     "the file's totals leave the exact range of 64-bit cents (9.2 x 10^16 \u20ac)");
    ++a.lines;
  }

  // The first entry (in the file's order) that does not balance, or that closes classes 6/7.
  const EntryTotal* unbalanced = nullptr;
  const EntryTotal* closing = nullptr;
  for (const auto& [k, e] : entries) {
    if (e.debit != e.credit && (!unbalanced || e.first_line < unbalanced->first_line)) unbalanced = &e;
    if (e.result_line != 0 && e.income_line != 0 && (!closing || e.first_line < closing->first_line)) closing = &e;
  }
  if (unbalanced) {
    const std::size_t i = unbalanced->first_index;
    throw InvalidInput(
        cell(fec.source, unbalanced->first_line, "Debit/Credit"),
        "debit " + detail::cents_fr(unbalanced->debit) + ", credit " + detail::cents_fr(unbalanced->credit),
        "entry " + fec.entry[i] + " of journal " + fec.journal[i] +
            " does not balance: debit and credit "
            "differ by " +
            (Money::from_cents(unbalanced->debit) - Money::from_cents(unbalanced->credit)).format_fr() +
            " (every entry "
            "balances to the cent)");
  }
  if (closing) {
    const std::size_t i = closing->income_index;
    throw InvalidInput(cell(fec.source, closing->income_line, "CompteNum"), "\"" + fec.account[i] + "\"",
                       "entry " + fec.entry[i] + " of journal " + fec.journal[i] +
                           " closes classes 6/7 into the result "
                           "(account 12, line " +
                           std::to_string(closing->result_line) +
                           "): the realised year is the "
                           "balance of classes 6 and 7; export the FEC without its closing entries");
  }

  TrialBalance tb;
  tb.source = fec.source;
  tb.analytic_column = coded ? fec.analytic_column : std::string();
  tb.lines = static_cast<std::int64_t>(n);
  tb.entries = static_cast<std::int64_t>(entries.size());
  tb.debit = Money::from_cents(total_debit);
  tb.credit = Money::from_cents(total_credit);
  std::vector<std::size_t> order(account_totals.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return account_keys[a] < account_keys[b]; });
  tb.accounts.reserve(order.size());
  for (std::size_t k : order) {
    const AccountTotal& a = account_totals[k];
    tb.accounts.push_back({account_keys[k].first, account_keys[k].second, Money::from_cents(a.debit),
                           Money::from_cents(a.credit), Money::from_cents(a.debit) - Money::from_cents(a.credit),
                           a.lines, a.first_line});
  }
  return tb;
}

}  // namespace aci::actuals
