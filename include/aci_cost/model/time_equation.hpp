// aci::model::TimeEquation: an atelier's standard time for a kind of work — constant + Σ
// coefficient x driver, where a driver is a quantity (kg of laundry, m² of wall, tonnes) or an
// indicator (0 or 1: "stained", "upper floor") — and a job's use of it. Defaults per support are
// estimates [est]; calibration/least_squares.hpp fits one on past jobs.
#pragma once

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "aci_cost/allocation/time_driven.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/schema/field.hpp"

namespace aci::model {

/// [assumption] The most hours one job holds: 10^7 h, about 6 000 full-time years. Far above any
/// job an ACI quotes, it keeps every figure of a quote within Money's exact range (1e308 hours
/// ended in "largest_remainder: -82067 units left to assign").
inline constexpr long max_job_hours = 10'000'000;
/// [assumption] A job's travel: at most 100,000 round trips of at most 10,000 km and 1,000 h
/// each; an atelier's vehicles at most 10^7 km a year. Far above any ACI; they keep the travel
/// and vehicle lines within Money's exact range (10^30 trips ended in an error naming no field).
inline constexpr long max_trips = 100'000, max_km_per_trip = 10'000, max_hours_per_trip = 1'000;
inline constexpr long max_annual_vehicle_km = 10'000'000;
/// The hours of a leap year: no machine is used for more in a year.
inline constexpr long max_equipment_annual_hours = 8'784;
/// [assumption] The lowest relative productivity (a job's or an atelier's default): 1 %. Costs
/// are divided by it; 1e-300 failed like 1e308 hours.
inline const Decimal& min_productivity() {
  static const Decimal value("0.01");  // immutable after its thread-safe initialisation
  return value;
}

/// Standard hours = constant + Σ coefficient x driver, per occurrence.
struct TimeEquation {
  std::string name;                     ///< the name jobs use, unique in the atelier
  Decimal constant{0};                  ///< standard hours of every occurrence, h
  std::vector<allocation::Term> terms;  ///< coefficient (h per unit of the driver) x driver
  std::string source = "[est]";         ///< where it comes from: [est], or the fit (jobs, R²)
  static constexpr std::string_view schema_name = "TimeEquation";
  /// The field table (schema/field.hpp); `terms` is a JSON object {driver: coefficient}.
  static constexpr auto schema() {
    using S = TimeEquation;
    using schema::field;
    return std::tuple{field("name", &S::name, "the name jobs use").needed().not_empty(),
                      field("constant", &S::constant, "standard hours of every occurrence").units("h"),
                      field("terms", &S::terms, "{driver: coefficient}: h per unit of the driver (indicators 0/1)"),
                      field("source", &S::source, "[est], or how it was fitted")};
  }
  friend bool operator==(const TimeEquation&, const TimeEquation&) = default;
};

/// `count` occurrences of an atelier's time equation with the given driver values.
struct EquationUse {
  std::string equation;                          ///< a TimeEquation name of the job's atelier
  Decimal count{1};                              ///< occurrences, >= 0
  std::vector<allocation::DriverValue> drivers;  ///< driver values (a driver left out is 0)
  static constexpr std::string_view schema_name = "EquationUse";
  /// The field table (schema/field.hpp); `drivers` is a JSON object {driver: value}.
  static constexpr auto schema() {
    using S = EquationUse;
    using schema::field;
    return std::tuple{field("equation", &S::equation, "a TimeEquation name of the job's atelier").needed(),
                      field("count", &S::count, "occurrences").units("occurrences").at_least("0"),
                      field("drivers", &S::drivers, "{driver: value}")};
  }
  friend bool operator==(const EquationUse&, const EquationUse&) = default;
};

/// Standard hours of `uses` with the equations `eqs`; InvalidInput naming `path`.work[i]… for
/// an unknown equation or driver, a negative count or a negative time.
inline Decimal equation_hours(const std::vector<TimeEquation>& eqs, const std::vector<EquationUse>& uses,
                              const std::string& path) {
  Decimal h{0};
  for (std::size_t i = 0; i < uses.size(); ++i) {
    const std::string f = path + ".work[" + std::to_string(i) + "]";
    const EquationUse& u = uses[i];
    const TimeEquation* eq = nullptr;
    for (const auto& e : eqs)
      if (e.name == u.equation) eq = &e;
    ACI_COST_REQUIRE(eq != nullptr, f + ".equation", "\"" + u.equation + "\"", "not a time equation of the atelier");
    ACI_COST_REQUIRE(u.count >= 0, f + ".count", to_string(u.count), "must be >= 0");
    const allocation::Activity as_activity{eq->name, "", eq->constant, eq->terms};
    h += u.count * allocation::activity_time(as_activity, u.drivers, f);
  }
  return h;
}

}  // namespace aci::model
