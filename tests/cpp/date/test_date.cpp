// aci::Date (date.hpp): the key of every dated rate. Checked against calendar facts: ISO 8601
// examples (ISO 8601-1:2019 as quoted by Wikipedia's "ISO week date": 2008-12-29 is 2009-W01-1,
// 2010-01-03 is 2009-W53-7), day counts derivable by hand, and the Gregorian leap rule.
#include <gtest/gtest.h>

#include <string>

#include "aci_cost/date.hpp"

using aci::Date;

TEST(Date, DaysSinceEpochAgreeWithHandCounts) {
  EXPECT_EQ((Date{1970, 1, 1}.days_since_epoch()), 0);
  EXPECT_EQ((Date{1969, 12, 31}.days_since_epoch()), -1);
  // 2000-01-01: 30 years of 365 days plus the 7 leap days 1972..1996 = 10,957; then 31 (January)
  // and 29 (February 2000, a leap year: divisible by 400) = 11,017 for 2000-03-01.
  EXPECT_EQ((Date{2000, 1, 1}.days_since_epoch()), 10957);
  EXPECT_EQ((Date{2000, 3, 1}.days_since_epoch()), 11017);
  // And back, over four centuries around the epoch (every day of 1600..2400 round-trips).
  for (long d = Date{1600, 1, 1}.days_since_epoch(); d <= Date{2400, 12, 31}.days_since_epoch(); ++d) {
    const Date x = Date::from_days_since_epoch(d);
    ASSERT_TRUE(x.valid()) << d;
    ASSERT_EQ(x.days_since_epoch(), d) << x.to_string();
  }
}

TEST(Date, LeapYearsFollowTheGregorianRule) {
  EXPECT_EQ(Date::days_in_month(1900, 2), 28);  // divisible by 100, not by 400
  EXPECT_EQ(Date::days_in_month(2000, 2), 29);  // divisible by 400
  EXPECT_EQ(Date::days_in_month(2024, 2), 29);
  EXPECT_EQ(Date::days_in_month(2026, 2), 28);
  EXPECT_TRUE((Date{2024, 2, 29}.valid()));
  EXPECT_FALSE((Date{2026, 2, 29}.valid()));
  EXPECT_FALSE((Date{2026, 4, 31}.valid()));
  EXPECT_FALSE((Date{2026, 13, 1}.valid()));
  EXPECT_FALSE((Date{0, 1, 1}.valid()));
}

TEST(Date, IsoWeeksOfTheStandardsExamples) {
  // 1970-01-01 was a Thursday; 2026-01-01 too, so 2026 has 53 ISO weeks and 2027-01-01 (a Friday)
  // lies in week 53 of 2026; 2026-12-07 is a Monday (this file's writing day).
  EXPECT_EQ((Date{1970, 1, 1}.iso_weekday()), 4);
  EXPECT_EQ((Date{2026, 1, 1}.iso_weekday()), 4);
  EXPECT_EQ((Date{2026, 1, 1}.iso_week()), 1);
  EXPECT_EQ((Date{2027, 1, 1}.iso_weekday()), 5);
  EXPECT_EQ((Date{2027, 1, 1}.iso_week()), 53);
  EXPECT_EQ((Date{2027, 1, 1}.iso_year()), 2026);
  EXPECT_EQ((Date{2026, 12, 7}.iso_weekday()), 1);
  // ISO 8601 examples: 2008-12-29 is 2009-W01-1, 2010-01-03 is 2009-W53-7.
  EXPECT_EQ((Date{2008, 12, 29}.iso_year()), 2009);
  EXPECT_EQ((Date{2008, 12, 29}.iso_week()), 1);
  EXPECT_EQ((Date{2008, 12, 29}.iso_weekday()), 1);
  EXPECT_EQ((Date{2010, 1, 3}.iso_year()), 2009);
  EXPECT_EQ((Date{2010, 1, 3}.iso_week()), 53);
  EXPECT_EQ((Date{2010, 1, 3}.iso_weekday()), 7);
  EXPECT_EQ(Date::monday_of_iso_week(2009, 1), (Date{2008, 12, 29}));
  EXPECT_EQ(Date::monday_of_iso_week(2009, 53), (Date{2009, 12, 28}));
  EXPECT_EQ(Date::monday_of_iso_week(2026, 1), (Date{2025, 12, 29}));
}

TEST(Date, ParsesStrictlyAndNamesTheFieldAndValue) {
  EXPECT_EQ(Date::parse("2024-02-29"), (Date{2024, 2, 29}));
  EXPECT_EQ((Date{7, 3, 9}.to_string()), "0007-03-09");
  EXPECT_EQ(Date::parse("2026-12-07").to_string(), "2026-12-07");
  EXPECT_LT((Date{2026, 1, 31}), (Date{2026, 2, 1}));
  const auto rule_of = [](const char* text) {
    try {
      (void)Date::parse(text, "terms.issued");
    } catch (const aci::InvalidInput& e) {
      EXPECT_EQ(e.field(), "terms.issued");
      EXPECT_EQ(e.value(), "\"" + std::string(text) + "\"");
      return e.rule();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(rule_of("2026-02-29"), "not a calendar date");
  EXPECT_EQ(rule_of("2026-1-01"), "expected YYYY-MM-DD");
  EXPECT_EQ(rule_of("2026/01/01"), "expected YYYY-MM-DD");
  EXPECT_EQ(rule_of("2026-01-0x"), "expected YYYY-MM-DD");
  EXPECT_EQ(rule_of("0000-01-01"), "not a calendar date");
}
