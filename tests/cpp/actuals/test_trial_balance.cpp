// The FEC's money checks: amounts read to the cent, accounts of the plan comptable, every entry
// balanced to the cent, no closing entry of classes 6/7, and the trial balance — against sums
// done by hand on small ledgers. Every refusal names the line, the column and the value.
#include <gtest/gtest.h>

#include "refusal.hpp"

#include "aci_cost/actuals/trial_balance.hpp"
#include "../money_literal.hpp"

using aci::InvalidInput;
using aci::Money;
using aci::actuals::Ledger;
using aci::actuals::parse_cents;
using aci::actuals::trial_balance;

using aci::actuals::test::refusal;

namespace {
using aci::test::M;
std::int64_t cents(const char* text) {
  return parse_cents(text, [] { return std::string("FEC line 9, column Debit"); });
}

/// A sale (VE1: 411 1,200.00 = 706 1,000.00 + 44571 200.00) and a purchase (AC1: 606100 100.50 +
/// 44566 20.10 = 401 120.60), written with the French decimal comma, the lines of AC1 between
/// those of VE1 (an entry need not be contiguous).
Ledger two_entries() {
  Ledger l;
  l.source = "X.txt";
  l.line = {2, 3, 4, 5, 6, 7};
  l.journal = {"VE", "VE", "AC", "AC", "AC", "VE"};
  l.entry = {"1", "1", "1", "1", "1", "1"};
  l.account = {"411000", "706000", "606100", "445660", "401000", "445710"};
  l.debit = {"1200,00", "0,00", "100,50", "20,10", "0,00", "0"};
  l.credit = {"0,00", "1000,00", "", "0,00", "120,60", "200,00"};
  return l;
}
/// Adds a line to `l`.
void add(Ledger& l, std::int64_t line, const char* journal, const char* entry, const char* account, const char* debit,
         const char* credit) {
  l.line.push_back(line);
  l.journal.push_back(journal);
  l.entry.push_back(entry);
  l.account.push_back(account);
  l.debit.push_back(debit);
  l.credit.push_back(credit);
}
}  // namespace

TEST(FecAmount, ReadsEurosAndCentsWithACommaOrAPoint) {
  EXPECT_EQ(cents("1234,56"), 123456);
  EXPECT_EQ(cents("1234.56"), 123456);
  EXPECT_EQ(cents("0,5"), 50);
  EXPECT_EQ(cents("00100,00"), 10000);  // right-aligned, zero-padded (A47 A-1)
  EXPECT_EQ(cents("-12,30"), -1230);
  EXPECT_EQ(cents("+7"), 700);
  EXPECT_EQ(cents(""), 0);
  EXPECT_EQ(cents("10000000000000,00"), aci::actuals::max_line_cents);
}

TEST(FecAmount, RefusesAnythingElseNamingTheCell) {
  for (const char* bad :
       {"1 234,56", "12,345", "1,2,3", "12,", ",50", "-", "12 €", "1e3", "10000000000000,01", "99999999999999999999"}) {
    const std::string m = refusal([bad] { (void)cents(bad); });
    EXPECT_NE(m.find("FEC line 9, column Debit = \"" + std::string(bad) + "\""), std::string::npos) << bad << ": " << m;
  }
}

TEST(TrialBalance, SumsEachAccountToTheCent) {
  const auto tb = trial_balance(two_entries());
  EXPECT_EQ(tb.lines, 6);
  EXPECT_EQ(tb.entries, 2);
  EXPECT_EQ(tb.debit, M("1320.60"));   // 1,200.00 + 100.50 + 20.10
  EXPECT_EQ(tb.credit, M("1320.60"));  // 1,000.00 + 120.60 + 200.00
  ASSERT_EQ(tb.accounts.size(), 6u);
  // Sorted by account: 401000, 411000, 445660, 445710, 606100, 706000.
  const char* expected[][3] = {{"401000", "0.00", "120.60"}, {"411000", "1200.00", "0.00"},
                               {"445660", "20.10", "0.00"},  {"445710", "0.00", "200.00"},
                               {"606100", "100.50", "0.00"}, {"706000", "0.00", "1000.00"}};
  for (std::size_t i = 0; i < 6; ++i) {
    const auto& a = tb.accounts[i];
    EXPECT_EQ(a.account, expected[i][0]);
    EXPECT_EQ(a.debit, M(expected[i][1])) << a.account;
    EXPECT_EQ(a.credit, M(expected[i][2])) << a.account;
    EXPECT_EQ(a.balance, a.debit - a.credit);
    EXPECT_EQ(a.lines, 1);
  }
  EXPECT_EQ(tb.accounts[0].first_line, 6);  // 401000 is on the file's line 6
}

TEST(TrialBalance, KeepsTheAnalyticCodes) {
  auto l = two_entries();
  l.analytic = {"", "EV", "EV", "", "", ""};
  l.analytic_column = "CodeAnalytique";
  // A second sale to the other atelier: 706000 under "BAT".
  add(l, 8, "VE", "2", "411000", "50,00", "0,00");
  add(l, 9, "VE", "2", "706000", "0,00", "50,00");
  l.analytic.insert(l.analytic.end(), {"", "BAT"});
  const auto tb = trial_balance(l);
  EXPECT_EQ(tb.analytic_column, "CodeAnalytique");
  // 411000 "" (two lines: 1,250.00), then 706000 "BAT" (50.00) before 706000 "EV" (1,000.00).
  ASSERT_EQ(tb.accounts.size(), 7u);
  EXPECT_EQ(tb.accounts[1].account, "411000");
  EXPECT_EQ(tb.accounts[1].debit, M("1250.00"));
  EXPECT_EQ(tb.accounts[1].lines, 2);
  EXPECT_EQ(tb.accounts[5].code, "BAT");
  EXPECT_EQ(tb.accounts[5].credit, M("50.00"));
  EXPECT_EQ(tb.accounts[6].code, "EV");
  EXPECT_EQ(tb.accounts[6].credit, M("1000.00"));
}

TEST(TrialBalance, AnUnbalancedEntryIsRefusedAtItsFirstLine) {
  auto l = two_entries();
  l.credit[4] = "120,59";  // AC1: debit 120.60, credit 120.59
  const std::string m = refusal([&] { (void)trial_balance(l); });
  EXPECT_NE(m.find("X.txt line 4, column Debit/Credit = debit 120,60 \u20ac, credit 120,59 \u20ac"), std::string::npos)
      << m;
  EXPECT_NE(m.find("entry 1 of journal AC does not balance"), std::string::npos) << m;
  EXPECT_NE(m.find("differ by 0,01 \u20ac"), std::string::npos) << m;
}

TEST(TrialBalance, TheFirstUnbalancedEntryInTheFileIsTheOneNamed) {
  auto l = two_entries();
  l.credit[4] = "120,59";  // AC1 (first line 4)
  l.credit[5] = "199,00";  // VE1 (first line 2): named, it comes first
  const std::string m = refusal([&] { (void)trial_balance(l); });
  EXPECT_NE(m.find("X.txt line 2, column Debit/Credit"), std::string::npos) << m;
}

TEST(TrialBalance, AccountsMustBeDigitsOfTheClasses1To8) {
  for (const char* bad : {"ABC100", "9X1000", "901000", "012000", "64", ""}) {
    auto l = two_entries();
    l.account[2] = bad;
    const std::string m = refusal([&] { (void)trial_balance(l); });
    EXPECT_NE(m.find("X.txt line 4, column CompteNum = \"" + std::string(bad) + "\""), std::string::npos) << m;
  }
  auto l = two_entries();
  l.account[2] = "606";  // three digits are enough (A47 A-1 asks no more)
  EXPECT_NO_THROW((void)trial_balance(l));
}

TEST(TrialBalance, RefusesBadAmountsEmptyJournalsAndRaggedColumns) {
  auto l = two_entries();
  l.debit[3] = "20,1O";  // a letter O
  EXPECT_NE(refusal([&] { (void)trial_balance(l); }).find("X.txt line 5, column Debit = \"20,1O\""), std::string::npos);
  l = two_entries();
  l.entry[1] = "";
  EXPECT_NE(refusal([&] { (void)trial_balance(l); }).find("X.txt line 3, column EcritureNum"), std::string::npos);
  l = two_entries();
  l.credit.pop_back();
  EXPECT_NE(refusal([&] { (void)trial_balance(l); }).find("X.txt.Credit = 5 values"), std::string::npos);
}

TEST(TrialBalance, AClosingEntryOfClasses6And7IsRefused) {
  // The closing of the year: 706 debited 1,000.00 against 120 (result) credited.
  auto l = two_entries();
  add(l, 8, "CL", "1", "706000", "1000,00", "0,00");
  add(l, 9, "CL", "1", "120000", "0,00", "1000,00");
  const std::string m = refusal([&] { (void)trial_balance(l); });
  EXPECT_NE(m.find("X.txt line 8, column CompteNum = \"706000\""), std::string::npos) << m;
  EXPECT_NE(m.find("closes classes 6/7 into the result (account 12, line 9)"), std::string::npos) << m;
}

TEST(TrialBalance, TotalsBeyondSixtyFourBitCentsAreRefusedNotWrapped) {
  // 10,000 balanced entries of the largest line, 10^13 €: the debit total passes 2^63 - 1 cents
  // (92,233,720,368,547,758.07 €) at the 9,224th entry (9,224 x 10^15 > 9.2234 x 10^18).
  Ledger l;
  for (std::int64_t k = 0; k < 10000; ++k) {
    const std::string entry = std::to_string(k);
    add(l, 2 + 2 * k, "OD", entry.c_str(), "606000", "10000000000000,00", "0");
    add(l, 3 + 2 * k, "OD", entry.c_str(), "512000", "0", "10000000000000,00");
  }
  const std::string m = refusal([&] { (void)trial_balance(l); });
  EXPECT_NE(m.find("FEC line 18448, column Debit"), std::string::npos) << m;  // entry 9,223: lines 18,448-18,449
}
