// aci::actuals::TrialBalance: an FEC checked as an auditor's tool checks it — every amount read
// to the cent, every account's first three characters digits of the plan comptable (LPF art.
// A47 A-1), every entry (EcritureNum within its journal) balanced debit = credit to the cent,
// no closing entry of classes 6/7 against the result — then its movements summed by account
// and analytic code (balance générale). Every refusal is InvalidInput naming the file's line,
// the column and the value.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "aci_cost/actuals/ledger.hpp"
#include "aci_cost/config.hpp"
#include "aci_cost/money.hpp"

namespace aci::actuals {

/// The movements of one account under one analytic code.
struct AccountBalance {
  std::string account;          ///< CompteNum
  std::string code;             ///< analytic code ("" when none)
  Money debit;                  ///< total debit, €
  Money credit;                 ///< total credit, €
  Money balance;                ///< debit - credit, € (a charge's cost, a product's negative)
  std::int64_t lines = 0;       ///< FEC lines summed
  std::int64_t first_line = 0;  ///< the first of them, line number in the file
  friend bool operator==(const AccountBalance&, const AccountBalance&) = default;
};

/// A checked FEC summed by account (and analytic code).
struct TrialBalance {
  std::string source;                    ///< the file's name
  std::string analytic_column;           ///< the analytic column read ("" when none)
  std::vector<AccountBalance> accounts;  ///< sorted by account, then code
  Money debit;                           ///< total debit, € (equal to the credit: every entry balances)
  Money credit;                          ///< total credit, €
  std::int64_t lines = 0;                ///< FEC lines
  std::int64_t entries = 0;              ///< entries (journal, EcritureNum)
  friend bool operator==(const TrialBalance&, const TrialBalance&) = default;
};

/// Checks `fec` and sums it by account and analytic code. InvalidInput names "<source> line <n>,
/// column <name>" and the value: an amount that is not euros and cents, an account whose first
/// three characters are not digits of a class 1-8 of the plan comptable (class 9 is analytic), an
/// entry whose debit and credit differ (its first line, the two totals), an entry that closes
/// classes 6/7 into the result (account 12): the realised year is the balance of classes 6 and 7.
ACI_COST_INLINE TrialBalance trial_balance(const Ledger& fec);

}  // namespace aci::actuals

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/actuals/trial_balance-inl.hpp"
#endif
