// The mapping of the plan comptable, the realised year, budget against actual, the cost of an
// hour and the job variances, against figures derived by hand in the comments; and the round
// trip of an ACI that ran to plan: its accounts give back the forecast year to the cent.
#include <gtest/gtest.h>

#include "refusal.hpp"

#include "aci_cost/actuals/default_mapping.hpp"
#include "aci_cost/actuals/hour_cost.hpp"
#include "aci_cost/actuals/job_variance.hpp"
#include "aci_cost/actuals/mapping_json.hpp"
#include "aci_cost/actuals/realised_year.hpp"
#include "aci_cost/actuals/variance.hpp"
#include "aci_cost/io/scenario.hpp"

#include <fstream>
#include <sstream>
#include "../money_literal.hpp"

using aci::Date;
using aci::Decimal;
using aci::InvalidInput;
using aci::Money;
using namespace aci::actuals;

using aci::actuals::test::refusal;

namespace {
using aci::test::M;
AccountBalance line(const char* account, const char* code, const char* balance, std::int64_t first_line) {
  const Money b = M(balance);
  return {account, code, b > Money() ? b : Money(), b < Money() ? -b : Money(), b, 1, first_line};
}
const aci::quote::Line* find(const std::vector<aci::quote::Line>& lines, const std::string& key) {
  for (const auto& l : lines)
    if (l.key == key) return &l;
  return nullptr;
}

/// The default ACI with a second atelier "Bâtiment" (building): the same staff, overheads of
/// 10,000 € instead of 32,000 €; analytic code "BAT" names it.
struct TwoAteliers {
  aci::Scenario s = aci::io::default_scenario();
  aci::budget::YearBudget forecast;
  Mapping mapping = default_mapping();
  TwoAteliers() {
    auto b = s.aci.ateliers[0];
    b.name = "Bâtiment";
    b.support = "building";
    b.annual_overheads = M("10000");
    s.aci.ateliers.push_back(b);
    forecast = aci::budget::year_budget(s.aci, {}, s.rate_table(), s.pricing, Date{2026, 1, 1});
    mapping.ateliers.push_back({"BAT", "Bâtiment"});
  }
  /// A trial balance by hand (balance-sheet lines are left out of the year: 512000 shows it).
  TrialBalance accounts() const {
    TrialBalance tb;
    tb.source = "T.txt";
    tb.analytic_column = "CodeAnalytique";
    tb.accounts = {line("512000", "", "-100.00", 2),
                   line("641100", "BAT", "500.00", 3),
                   line("641100", "Espaces verts", "1000.00", 4),
                   line("613200", "", "300.00", 5),
                   line("681120", "STRUCTURE", "90.00", 6),
                   line("658000", "", "0.01", 7),
                   line("706000", "BAT", "-200.00", 8),
                   line("741100", "", "-1000.00", 9),
                   line("760000", "BAT", "-12.34", 10),
                   line("791000", "Espaces verts", "-50.00", 11)};
    return tb;
  }
};
}  // namespace

TEST(Mapping, TheDefaultPlacesTheAccountsOfAnAci) {
  const Mapping m = default_mapping();
  EXPECT_NO_THROW(m.validate());
  const std::pair<const char*, const char*> cases[] = {{"641100", "salaries"},
                                                       {"6411", "salaries"},
                                                       {"645100", "social_contributions"},
                                                       {"631100", "social_contributions"},
                                                       {"647500", "other_staff_costs"},
                                                       {"621000", "other_staff_costs"},
                                                       {"606100", "overheads"},
                                                       {"606300", "equipment"},
                                                       {"601000", "other_charges"},
                                                       {"613200", "overheads"},
                                                       {"613500", "equipment"},
                                                       {"615200", "overheads"},
                                                       {"615500", "equipment"},
                                                       {"622600", "overheads"},
                                                       {"625100", "vehicles"},
                                                       {"681120", "equipment"},
                                                       {"681500", "other_charges"},
                                                       {"689000", "other_charges"},
                                                       {"649000", "salaries"},
                                                       {"706000", "sales"},
                                                       {"741100", "aid_state"},
                                                       {"741000", "other_grants"},
                                                       {"743100", "aid_departement"},
                                                       {"743000", "departement_grants"},
                                                       {"742000", "region"},
                                                       {"746000", "fse_plus"},
                                                       {"748100", "opco"},
                                                       {"748000", "other_grants"},
                                                       {"747000", "other_grants"},
                                                       {"754100", "other_products"},
                                                       {"768000", "other_products"},
                                                       {"781500", "other_products"}};
  for (const auto& [account, key] : cases) {
    const Rule* r = m.place(account, "");
    ASSERT_NE(r, nullptr) << account;
    EXPECT_EQ(r->key, key) << account;
  }
  // Account 79 was abolished by ANC 2022-06; classes 1-5 are not in the year.
  EXPECT_EQ(m.place("791000", ""), nullptr);
  EXPECT_EQ(m.place("512000", ""), nullptr);
  // Any charge under the structure's analytic code is the structure's, whatever its nature.
  EXPECT_EQ(m.place("641100", "STRUCTURE")->key, "structure");
  EXPECT_EQ(m.place("706000", "STRUCTURE")->key, "sales");  // a product under that code stays a product
}

TEST(Mapping, EveryLineOfTheForecastYearHasARule) {
  // A line of the year with no rule could never be realised: the default must cover them all
  // (budget/year.hpp's keys; a new key without a rule fails here).
  const Mapping m = default_mapping();
  for (auto k : aci::budget::charge_keys) {
    bool ruled = false;
    for (const auto& r : m.rules) ruled = ruled || r.key == k;
    EXPECT_TRUE(ruled) << k;
  }
  for (auto k : aci::budget::product_keys) {
    bool ruled = false;
    for (const auto& r : m.rules) ruled = ruled || r.key == k;
    EXPECT_TRUE(ruled) << k;
  }
}

TEST(Mapping, ValidateNamesTheBadField) {
  Mapping m = default_mapping();
  m.rules.push_back({"512", "sales", "", "", ""});
  EXPECT_NE(
      refusal([&] { m.validate(); }).find("mapping.rules[" + std::to_string(m.rules.size() - 1) + "].prefix = \"512\""),
      std::string::npos);
  m = default_mapping();
  m.rules.push_back({"6226", "sales", "", "", ""});
  EXPECT_NE(refusal([&] { m.validate(); }).find("a class-6 account feeds a charge line"), std::string::npos);
  m = default_mapping();
  m.rules.push_back({"641", "salaries", "", "", ""});
  EXPECT_NE(refusal([&] { m.validate(); }).find("a second general rule for this prefix"), std::string::npos);
  m = default_mapping();
  m.product_keys.push_back("salaries");
  EXPECT_NE(refusal([&] { m.validate(); }).find("mapping.product_keys[9] = \"salaries\""), std::string::npos);
}

TEST(MappingFile, ReadsBackWhatItWritesAndExtendsTheDefault) {
  const Mapping d = default_mapping();
  EXPECT_EQ(read_mapping(mapping_to_json(d)), d);
  // A file extending the default: one new sub-account, one default rule replaced, a code.
  const Mapping m = read_mapping(R"({"format": "aci_cost/fec_mapping@1", "extends": "aci_default",
      "rules": [{"prefix": "61551", "key": "vehicles", "label": "Entretien des véhicules"},
                {"prefix": "6251", "key": "overheads", "source": "our chart"}],
      "ateliers": {"EV": "Espaces verts"}, "shared_codes": ["COMMUN"]})");
  EXPECT_EQ(m.rules.size(), d.rules.size() + 1);
  EXPECT_EQ(m.place("615510", "")->key, "vehicles");
  EXPECT_EQ(m.place("625100", "")->key, "overheads");
  EXPECT_EQ(m.place("625100", "")->source, "our chart");
  ASSERT_EQ(m.ateliers.size(), 1u);
  EXPECT_EQ(m.ateliers[0].atelier, "Espaces verts");
  EXPECT_TRUE(m.knows_shared_code("COMMUN"));
  EXPECT_TRUE(m.knows_shared_code("STRUCTURE"));
}

TEST(MappingFile, ErrorsNameTheJsonPath) {
  EXPECT_NE(refusal([] { (void)read_mapping(R"({"format": "x"})"); }).find("mapping.format"), std::string::npos);
  EXPECT_NE(refusal([] {
              (void)read_mapping(R"({"format": "aci_cost/fec_mapping@1", "rule": []})");
            }).find("mapping.rule = []: unknown field"),
            std::string::npos);
  EXPECT_NE(refusal([] {
              (void)read_mapping(R"({"format": "aci_cost/fec_mapping@1", "extends": "aci_default",
                                     "rules": [{"prefix": 641, "key": "salaries"}]})");
            }).find("mapping.rules[0].prefix = 641: expected a string"),
            std::string::npos);
  // A rule of a file extending the default is named by its place in the file.
  EXPECT_NE(refusal([] {
              (void)read_mapping(R"({"format": "aci_cost/fec_mapping@1", "extends": "aci_default",
                                     "rules": [{"prefix": "6226", "key": "overheads"}, {"prefix": "61", "key": "nope"}]})");
            }).find("mapping.rules[1].key = \"nope\": a class-6 account feeds a charge line"),
            std::string::npos);
  EXPECT_NE(refusal([] {
              (void)read_mapping(R"({"format": "aci_cost/fec_mapping@1", "extends": "mine"})");
            }).find("mapping.extends"),
            std::string::npos);
  EXPECT_NE(refusal([] { (void)read_mapping("{\"format\": "); }).find("malformed JSON"), std::string::npos);
  EXPECT_NE(refusal([] { (void)read_mapping(std::string(100, '[') + std::string(100, ']')); }).find("deeper"),
            std::string::npos);
}

TEST(RealisedYear, PlacesSpreadsAndReportsToTheCent) {
  const TwoAteliers t;
  const auto r = realised_year(t.s.aci, t.accounts(), t.mapping, t.forecast, Date{2026, 1, 1});
  ASSERT_EQ(r.year.ateliers.size(), 2u);
  const auto& a = r.year.ateliers[0];  // Espaces verts
  const auto& b = r.year.ateliers[1];  // Bâtiment
  // Own lines: salaries 1,000.00 (EV) and 500.00 (BAT); sales 200.00 and other products 12.34 (BAT).
  // Shared, spread as the forecast spreads the same line:
  //   overheads 300.00 by 32,000 : 10,000 -> 228.571... / 71.428...: floors 228.57 + 71.42, the
  //   last cent to the larger remainder (Bâtiment): 228.57 / 71.43;
  //   aid_state 1,000.00 by equal forecast aid (same crews) -> 500.00 / 500.00;
  //   other_charges 0.01 by 15,000 : 15,000 -> the tie to the earlier atelier: 0.01 / 0.00;
  //   structure 90.00 (code STRUCTURE): no forecast structure, so by the forecast charges
  //   (docs/worked_example.py's 352,693.99 with the auditor's 5,000 split by equal public grants:
  //   350,193.99; Bâtiment 22,000 less: 328,193.99) -> 9,000 cents x each / 678,387.98 =
  //   4,645.93 / 4,354.07 cents: floors 4,645 + 4,354, the last cent to Espaces verts: 46.46 / 43.54.
  const std::pair<const char*, const char*> charges_a[] = {
      {"salaries", "1000.00"}, {"overheads", "228.57"}, {"structure", "46.46"}, {"other_charges", "0.01"}};
  const std::pair<const char*, const char*> charges_b[] = {
      {"salaries", "500.00"}, {"overheads", "71.43"}, {"structure", "43.54"}, {"other_charges", "0.00"}};
  for (const auto& [k, v] : charges_a) EXPECT_EQ(find(a.charges, k)->amount, M(v)) << k;
  for (const auto& [k, v] : charges_b) EXPECT_EQ(find(b.charges, k)->amount, M(v)) << k;
  EXPECT_EQ(find(a.charges, "equipment")->amount, Money());
  EXPECT_EQ(a.charges_total, M("1275.04"));
  EXPECT_EQ(b.charges_total, M("614.97"));
  EXPECT_EQ(find(a.products, "aid_state")->amount, M("500.00"));
  EXPECT_EQ(find(b.products, "aid_state")->amount, M("500.00"));
  EXPECT_EQ(find(b.products, "sales")->amount, M("200.00"));
  // The lines follow the forecast's keys, then other_products (fed by 76 only in the realised year).
  ASSERT_EQ(a.products.size(), 9u);
  EXPECT_EQ(a.products.back().key, "other_products");
  EXPECT_EQ(a.products.back().amount, Money());
  EXPECT_EQ(b.products.back().amount, M("12.34"));
  EXPECT_EQ(a.products_total, M("500.00"));
  EXPECT_EQ(b.products_total, M("712.34"));
  EXPECT_EQ(a.result, M("-775.04"));
  EXPECT_EQ(b.result, M("97.37"));
  EXPECT_EQ(r.year.charges_total, M("1890.01"));
  EXPECT_EQ(r.year.products_total, M("1212.34"));
  EXPECT_EQ(r.year.result, M("-677.67"));
  // 791000 is not placed: reported with its amount and ANC 2022-06, never dropped.
  ASSERT_EQ(r.unplaced.size(), 1u);
  EXPECT_EQ(r.unplaced[0].account, "791000");
  EXPECT_EQ(r.unplaced[0].amount, M("50.00"));
  EXPECT_FALSE(r.unplaced[0].charge);
  EXPECT_EQ(r.unplaced[0].first_line, 11);
  EXPECT_NE(r.unplaced[0].reason.find("ANC 2022-06"), std::string::npos);
  EXPECT_EQ(r.unplaced_products, M("50.00"));
  // Classes 7 - 6 of the accounts: 1,262.34 - 1,890.01 = -627.67 = the year's result + 50.00.
  EXPECT_EQ(r.accounts_result, M("-627.67"));
  // The spread lines and what they were spread by.
  ASSERT_EQ(r.shared.size(), 4u);
  EXPECT_EQ(r.shared[0].key, "overheads");
  EXPECT_EQ(r.shared[0].basis, "forecast overheads");
  EXPECT_EQ(r.shared[1].key, "structure");
  EXPECT_EQ(r.shared[1].basis, "forecast charges");
  EXPECT_EQ(r.shared[3].key, "aid_state");
  // The sales cap on the realised charges: Bâtiment 30 % x 614.97 = 184.49 < 200.00 of sales.
  EXPECT_EQ(b.sales_cap.cap, M("184.49"));
  ASSERT_FALSE(b.warnings.empty());
  EXPECT_EQ(b.warnings[0].code, "sales_cap");
  EXPECT_EQ(a.warnings.back().code, "deficit");
  // Every placement is listed, the shared ones without an atelier.
  EXPECT_EQ(r.placements.size(), 8u);
  EXPECT_EQ(r.placements[0].atelier, "Bâtiment");
  EXPECT_EQ(r.placements[2].atelier, "");
}

TEST(RealisedYear, SpreadsByWorkHoursWhenAsked) {
  const TwoAteliers t;
  std::vector<AtelierHours> hours = {{"Espaces verts", Decimal(4000), Decimal(3000), Decimal(200), Decimal(600)},
                                     {"Bâtiment", Decimal(1500), Decimal(1000), Decimal(80), Decimal(200)}};
  const auto r =
      realised_year(t.s.aci, t.accounts(), t.mapping, t.forecast, Date{2026, 1, 1}, Spread::work_hours, hours);
  // 3,000 : 1,000 work hours: overheads 300.00 -> 225.00 / 75.00, structure 90.00 -> 67.50 / 22.50,
  // aid 1,000.00 -> 750.00 / 250.00, 0.01 -> 0.01 / 0.00 (0.0075 and 0.0025: the larger remainder).
  const auto& a = r.year.ateliers[0];
  const auto& b = r.year.ateliers[1];
  EXPECT_EQ(find(a.charges, "structure")->amount, M("67.50"));
  EXPECT_EQ(find(b.charges, "structure")->amount, M("22.50"));
  EXPECT_EQ(find(a.products, "aid_state")->amount, M("750.00"));
  EXPECT_EQ(find(a.charges, "other_charges")->amount, M("0.01"));
  EXPECT_EQ(a.work_hours_capacity, Decimal(3000));
  EXPECT_EQ(r.shared[0].basis, "work hours");
  EXPECT_NE(refusal([&] {
              (void)realised_year(t.s.aci, t.accounts(), t.mapping, t.forecast, Date{2026, 1, 1}, Spread::work_hours);
            }).find("needs the ateliers' realised hours"),
            std::string::npos);
}

TEST(RealisedYear, AnUnknownAnalyticCodeIsRefusedAtItsLine) {
  const TwoAteliers t;
  auto tb = t.accounts();
  tb.accounts[3].code = "XYZ";
  EXPECT_NE(refusal([&] {
              (void)realised_year(t.s.aci, tb, t.mapping, t.forecast, Date{2026, 1, 1});
            }).find("T.txt line 5, column CodeAnalytique = \"XYZ\""),
            std::string::npos);
  // An atelier's support is a code too; before 2025, account 79 is only unplaced.
  tb.accounts[3].code = "building";
  const auto r = realised_year(t.s.aci, tb, t.mapping, t.forecast, Date{2024, 1, 1});
  EXPECT_EQ(find(r.year.ateliers[1].charges, "overheads")->amount, M("300.00"));
  EXPECT_EQ(r.unplaced[0].reason.find("ANC 2022-06"), std::string::npos);
}

TEST(RealisedYear, AnAciThatRanToPlanGivesBackItsForecastToTheCent) {
  // One FEC line per line of the forecast year (and atelier), on the first account the default
  // mapping gives its key, against the bank: the realised year must be the forecast, line by line.
  std::ifstream in(std::string(ACI_COST_SOURCE_DIR) + "/examples/multi_atelier.json");
  std::stringstream text;
  text << in.rdbuf();
  for (const aci::Scenario& s : {aci::io::default_scenario(), aci::io::read_scenario(text.str())}) {
    const auto forecast = aci::budget::year_budget(s.aci, s.jobs, s.rate_table(), s.pricing, Date{2026, 1, 1});
    const Mapping m = default_mapping();
    Ledger l;
    l.analytic_column = "CodeAnalytique";
    std::int64_t n = 2, entry = 0;
    const auto post = [&](const std::string& key, const std::string& atelier, const Money& amount, bool charge) {
      const Rule* rule = nullptr;
      for (const auto& r : m.rules)
        if (!rule && r.key == key) rule = &r;
      ASSERT_NE(rule, nullptr) << "no account for the forecast line " << key;
      std::string account = rule->prefix;
      account.resize(6, '0');
      const std::string code = rule->code.empty() ? atelier : rule->code;
      ASSERT_EQ(m.place(account, code), rule) << account;
      const std::string cents = amount.to_string();
      ++entry;
      for (int side = 0; side < 2; ++side) {
        const bool debit = (side == 0) == charge;
        l.line.push_back(n++);
        l.journal.push_back("OD");
        l.entry.push_back(std::to_string(entry));
        l.account.push_back(side == 0 ? account : "512000");
        l.debit.push_back(debit ? cents : "0");
        l.credit.push_back(debit ? "0" : cents);
        l.analytic.push_back(side == 0 ? code : "");
      }
    };
    for (const auto& a : forecast.ateliers) {
      for (const auto& c : a.charges) post(c.key, a.atelier, c.amount, true);
      for (const auto& p : a.products) post(p.key, a.atelier, p.amount, false);
    }
    const auto r = realised_year(s.aci, trial_balance(l), m, forecast, Date{2026, 1, 1});
    ASSERT_EQ(r.year.ateliers.size(), forecast.ateliers.size());
    for (std::size_t i = 0; i < forecast.ateliers.size(); ++i) {
      EXPECT_EQ(r.year.ateliers[i].charges, forecast.ateliers[i].charges) << forecast.ateliers[i].atelier;
      EXPECT_EQ(r.year.ateliers[i].products, forecast.ateliers[i].products) << forecast.ateliers[i].atelier;
      EXPECT_EQ(r.year.ateliers[i].result, forecast.ateliers[i].result);
    }
    EXPECT_EQ(r.year.charges, forecast.charges);
    EXPECT_EQ(r.year.result, forecast.result);
    EXPECT_TRUE(r.unplaced.empty());
    for (const auto& v : year_variances(forecast, r.year)) EXPECT_EQ(v.variance, Money()) << v.atelier << " " << v.key;
  }
}

TEST(Variances, LineByLineInEurosAndPercent) {
  aci::budget::YearBudget f, a;
  aci::budget::AtelierYear fa, aa;
  fa.atelier = aa.atelier = "EV";
  fa.charges = {{"salaries", M("100.00")}, {"overheads", M("0.00")}};
  aa.charges = {{"salaries", M("110.00")}, {"overheads", M("5.00")}, {"audit", M("3.00")}};
  fa.charges_total = M("100.00");
  aa.charges_total = M("118.00");
  fa.products = {{"sales", M("50.00")}};
  aa.products = {{"sales", M("78.00")}};
  fa.products_total = M("50.00");
  aa.products_total = M("78.00");
  fa.result = M("-50.00");
  aa.result = M("-40.00");
  f.ateliers = {fa};
  a.ateliers = {aa};
  f.charges = fa.charges, f.charges_total = fa.charges_total, f.products = fa.products;
  f.products_total = fa.products_total, f.result = fa.result;
  a.charges = aa.charges, a.charges_total = aa.charges_total, a.products = aa.products;
  a.products_total = aa.products_total, a.result = aa.result;
  const auto v = year_variances(f, a);
  // EV: salaries, overheads, audit (actual only), charges total, sales, products total, result; then "total".
  ASSERT_EQ(v.size(), 14u);
  EXPECT_EQ(v[0].key, "salaries");
  EXPECT_EQ(v[0].variance, M("10.00"));
  EXPECT_EQ(*v[0].percent, Decimal(10));   // 10 / 100
  EXPECT_FALSE(v[0].favourable);           // a charge above the forecast
  EXPECT_FALSE(v[1].percent.has_value());  // forecast 0: no percentage
  EXPECT_EQ(v[2].key, "audit");
  EXPECT_EQ(v[2].forecast, Money());
  EXPECT_EQ(v[3].key, "total");
  EXPECT_EQ(v[3].variance, M("18.00"));
  EXPECT_EQ(*v[4].percent, Decimal(56));  // sales 28 / 50
  EXPECT_TRUE(v[4].favourable);
  EXPECT_EQ(v[6].side, Side::result);
  EXPECT_EQ(*v[6].percent, Decimal(20));  // result -40 against -50: +10 / |-50|, a gain
  EXPECT_TRUE(v[6].favourable);
  EXPECT_EQ(v[7].atelier, "total");
  a.ateliers[0].atelier = "Other";
  EXPECT_NE(refusal([&] { (void)year_variances(f, a); }).find("variances.actual.ateliers = \"EV\""), std::string::npos);
}

TEST(HourCost, ChargesPerInsertionAndProductionHour) {
  aci::budget::AtelierYear y;
  y.atelier = "EV";
  y.charges = {{"salaries", M("850.00")}, {"equipment", M("100.00")}, {"vehicles", M("50.00")}};
  y.charges_total = M("1000.00");
  y.products = {{"sales", M("200.00")}, {"aid_state", M("300.00")}};
  y.products_total = M("500.00");
  const auto c = hour_cost(y, {"EV", Decimal(50), Decimal(40), Decimal(2), Decimal(8)});
  EXPECT_EQ(c.per_insertion_hour, M("20.00"));       // 1,000 / 50
  EXPECT_EQ(c.per_production_hour, M("25.00"));      // 1,000 / 40
  EXPECT_EQ(c.net_charges, M("700.00"));             // 1,000 - 300 (the aid; sales are not netted)
  EXPECT_EQ(c.net_per_production_hour, M("17.50"));  // 700 / 40
  EXPECT_EQ(c.hourly_rate, M("21.25"));              // (1,000 - 100 - 50) / 40
  const auto r = hour_cost(y, {"EV", Decimal(30), Decimal(7), Decimal(0), Decimal(0)});
  EXPECT_EQ(r.per_production_hour, M("142.86"));  // 1,000 / 7 = 142.857...
  EXPECT_NE(refusal([&] {
              (void)hour_cost(y, {"EV", Decimal(1), Decimal(0), Decimal(0), Decimal(0)});
            }).find("hour_cost[EV].production_hours = 0"),
            std::string::npos);
}

TEST(HourCost, PlannedHoursOfTheDefaultAci) {
  const auto s = aci::io::default_scenario();
  const auto h = planned_hours(s.aci, s.rate_table(), Date{2026, 1, 1});
  ASSERT_EQ(h.size(), 1u);
  // CDDI: 12 posts x 0.92 filled = 11.04 persons; 52 x 26 = 1,352 contract hours, 5 % unpaid
  // absence -> 1,284.4 worked, plus the paid leave it accrues (0.05 x 0.096 x 2/2.5 x 1,352 =
  // 5.19168) -> 1,289.59168 paid; x 11.04 = 14,237.092147 insertion hours; production 77 % of the
  // worked hours: 10,918.42752; training 5 %: 708.9888. ETPS: 1.4 x 1,820 x 0.81 (1 - 0.01 - 0.03 -
  // 0.096 - 0.024 - 0.03) = 2,063.88 (docs/worked_example.py).
  EXPECT_EQ(h[0].insertion_hours, Decimal("14237.09"));
  EXPECT_EQ(h[0].production_hours, Decimal("10918.43"));
  EXPECT_EQ(h[0].training_hours, Decimal("708.99"));
  EXPECT_EQ(h[0].supervision_hours, Decimal("2063.88"));
}

TEST(JobVariance, RateProductivityAndHoursAddUpToTheVariance) {
  // The park job (docs/worked_example.md): 72 standard hours, 120 h on site, 15 h travelling, at
  // 29.70 €/h: 135 x 29.70 = 4,009.50. It took 138 h on site and 18 h travelling, the hour cost
  // 31.20: 156 x 31.20 = 4,867.20; variance 857.70 =
  //   rate (31.20 - 29.70) x 156 = 234.00 + productivity (138 - 120) x 29.70 = 534.60
  //   + hours (120 + 18 - 135) x 29.70 = 89.10.
  const JobHours quoted{Decimal(72), Decimal(120), Decimal(15), M("29.70")};
  JobHours actual{Decimal(72), Decimal(138), Decimal(18), M("31.20")};
  auto v = job_variance("park", "EV", quoted, actual);
  EXPECT_EQ(v.quoted_cost, M("4009.50"));
  EXPECT_EQ(v.actual_cost, M("4867.20"));
  EXPECT_EQ(v.variance, M("857.70"));
  EXPECT_EQ(v.rate_variance, M("234.00"));
  EXPECT_EQ(v.productivity_variance, M("534.60"));
  EXPECT_EQ(v.hours_variance, M("89.10"));
  EXPECT_EQ(v.quoted_productivity, Decimal("0.6"));
  EXPECT_EQ(v.actual_productivity, Decimal("0.5217"));  // 72 / 138 = 0.52173...
  // More work done than quoted, 80 standard hours: H_s = 120 x 80 / 72 = 133.33... h allowed;
  // productivity (138 - 133.33...) x 29.70 = 138.60, hours (133.33... + 18 - 135) x 29.70 = 485.10.
  actual.standard_hours = Decimal(80);
  v = job_variance("park", "EV", quoted, actual);
  EXPECT_EQ(v.allowed_on_site_hours, Decimal("133.33"));
  EXPECT_EQ(v.productivity_variance, M("138.60"));
  EXPECT_EQ(v.hours_variance, M("485.10"));
  EXPECT_EQ(v.rate_variance + v.productivity_variance + v.hours_variance, v.variance);
}

TEST(JobVariance, TheCentsOfTheRoundedPartsGoToTheLargestRemainders) {
  // Quoted 30 standard hours in 100 h at 10.01 €/h = 1,001.00; done 31 in 110 h: 1,101.10,
  // variance 100.10. H_s = 100 x 31 / 30 = 103.333...; productivity (110 - 103.333...) x 10.01 =
  // 66.7333... (6,673.33 cents), hours (103.333... - 100) x 10.01 = 33.3666... (3,336.67 cents),
  // rate 0: floors 6,673 + 3,336 = 10,009 cents, one left for the larger remainder (hours: .67).
  const auto v = job_variance("j", "EV", {Decimal(30), Decimal(100), Decimal(0), M("10.01")},
                              {Decimal(31), Decimal(110), Decimal(0), M("10.01")});
  EXPECT_EQ(v.variance, M("100.10"));
  EXPECT_EQ(v.rate_variance, Money());
  EXPECT_EQ(v.productivity_variance, M("66.73"));
  EXPECT_EQ(v.hours_variance, M("33.37"));
}

TEST(JobVariance, RefusesHoursThatCannotBeCompared) {
  const JobHours q{Decimal(72), Decimal(120), Decimal(15), M("29.70")};
  EXPECT_NE(refusal([&] {
              (void)job_variance("p", "EV", {Decimal(0), Decimal(120), Decimal(0), M("1")}, q);
            }).find("job[p].quoted.standard_hours = 0"),
            std::string::npos);
  EXPECT_NE(refusal([&] {
              (void)job_variance("p", "EV", q, {Decimal(72), Decimal(0), Decimal(0), M("1")});
            }).find("job[p].actual.on_site_hours = 0"),
            std::string::npos);
  EXPECT_NE(refusal([&] {
              (void)job_variance("p", "EV", q, {Decimal(72), Decimal(10), Decimal(-1), M("1")});
            }).find("job[p].actual.travel_hours = -1"),
            std::string::npos);
}

TEST(JobVariance, TheQuotedSideComesFromTheShownQuote) {
  const auto s = aci::io::default_scenario();
  const auto q = aci::quote::make_quote(s.aci, s.job("park_maintenance"), s.rate_table(), s.pricing);
  const auto h = quoted_hours(q, M("29.70"));
  EXPECT_EQ(h.standard_hours, Decimal(72));
  EXPECT_EQ(h.on_site_hours, Decimal(120));    // 72 / 0.6
  EXPECT_EQ(h.travel_hours, Decimal("22.5"));  // 5 trips x 0.75 h x a crew of 6 (docs/worked_example.py)
}
