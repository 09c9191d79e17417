// aci::Date: a calendar date, the key of every dated rate ("in force at date D").
#pragma once

#include <compare>
#include <cstdio>
#include <string>
#include <string_view>

#include "aci_cost/error.hpp"

namespace aci {

/// A proleptic Gregorian calendar date.
struct Date {
  int year = 1970;  ///< e.g. 2026
  int month = 1;    ///< 1-12
  int day = 1;      ///< 1-31

  /// Parses "YYYY-MM-DD" strictly; `field` names it in errors.
  static Date parse(std::string_view text, std::string_view field = "date") {
    const auto bad = [&](std::string_view rule) {
      return InvalidInput(std::string(field), "\"" + std::string(text) + "\"", rule);
    };
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw bad("expected YYYY-MM-DD");
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
    for (int k = 0; k < 3; ++k) {
      for (std::size_t i = starts[k]; i < starts[k] + lens[k]; ++i) {
        if (text[i] < '0' || text[i] > '9') throw bad("expected YYYY-MM-DD");
        parts[k] = parts[k] * 10 + (text[i] - '0');
      }
    }
    Date d{parts[0], parts[1], parts[2]};
    if (!d.valid()) throw bad("not a calendar date");
    return d;
  }

  /// True for a real calendar date.
  bool valid() const {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
    return day <= days_in_month(year, month);
  }

  /// Days in month m of year y.
  static int days_in_month(int y, int m) {
    static constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
  }

  /// Days since 1970-01-01 (negative before), by the civil-from-days algorithm (H. Hinnant).
  long days_since_epoch() const {
    const int y = year - (month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  /// The date `days` days after 1970-01-01 (negative: before), by H. Hinnant's
  /// days-from-civil inverse; days_since_epoch() undoes it.
  static Date from_days_since_epoch(long days) {
    const long z = days + 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return Date{static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0)), m, d};
  }

  /// The Monday of ISO week `week` of ISO year `iso_year` (week 1 holds 4 January).
  static Date monday_of_iso_week(int iso_year, int week) {
    const Date jan4{iso_year, 1, 4};
    return from_days_since_epoch(jan4.days_since_epoch() - (jan4.iso_weekday() - 1) + 7L * (week - 1));
  }

  /// ISO weekday, 1 = Monday .. 7 = Sunday.
  int iso_weekday() const {
    const long d = days_since_epoch();  // 1970-01-01 was a Thursday (4)
    return static_cast<int>(((d % 7 + 7) % 7 + 3) % 7) + 1;
  }

  /// ISO 8601 week number (1..53); the week of the year's first Thursday is week 1.
  int iso_week() const {
    const long thursday = days_since_epoch() - iso_weekday() + 4;  // Thursday of this week
    const Date jan1{iso_year(), 1, 1};
    return static_cast<int>((thursday - jan1.days_since_epoch()) / 7) + 1;
  }

  /// The ISO week-numbering year (the year of this week's Thursday).
  int iso_year() const {
    const long thursday = days_since_epoch() - iso_weekday() + 4;
    const Date next{year + 1, 1, 1};
    if (thursday >= next.days_since_epoch()) return year + 1;
    if (thursday < Date{year, 1, 1}.days_since_epoch()) return year - 1;
    return year;
  }

  /// "YYYY-MM-DD".
  std::string to_string() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace aci
