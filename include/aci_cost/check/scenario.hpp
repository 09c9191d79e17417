// aci::check::check_scenario: a scenario document run through everything a user runs on it —
// read, every job's exact quote, the year, the training model's simulation — so that a bad
// input surfaces as the error it gives (naming the field and the value), and an accepted one
// is seen to give finite figures. docs/error_contract.md lists, field by field, what each kind
// of bad value gives; the C++ and Python tests hold the library to that table row for row.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aci_cost/budget/year.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/quote/quote.hpp"
#include "aci_cost/training/simulate.hpp"

namespace aci::check {

/// What a checked scenario gave.
struct CheckReport {
  std::size_t quotes = 0;          ///< jobs quoted (Decimal engine, every line to the cent)
  std::size_t warnings = 0;        ///< price warnings over those quotes
  std::size_t year_ateliers = 0;   ///< ateliers in the year (0: no job to date the year)
  std::size_t training_weeks = 0;  ///< weeks simulated (0: no training section)
  friend bool operator==(const CheckReport&, const CheckReport&) = default;
};

/// Runs every computation on `s`: each job's quote, the year (dated 1 January of the first
/// job's year) and the training simulation. Bad input throws InvalidInput (or a subclass)
/// naming the field; a non-finite training figure throws DomainError naming it (a bug:
/// the inputs' domains are meant to exclude it).
inline CheckReport check_scenario(const io::Scenario& s) {
  CheckReport r;
  const rates::RateTable table = s.rate_table();
  for (const auto& job : s.jobs) {
    r.warnings += quote::make_quote<Decimal>(s.aci, job, table, s.pricing).warnings.size();
    ++r.quotes;
  }
  if (!s.jobs.empty()) {
    r.year_ateliers =
        budget::year_budget(s.aci, s.jobs, table, s.pricing, Date{s.jobs.front().date.year, 1, 1}).ateliers.size();
  }
  if (s.training) {
    const auto run = training::simulate<double>(s.training_model());
    const auto& w = run.weeks;
    const auto finite = [](const std::vector<double>& v, const char* name) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!std::isfinite(v[i])) {
          throw DomainError("training: week " + std::to_string(i) + " of " + name + " is not finite (" +
                            std::to_string(v[i]) + ")");
        }
      }
    };
    using Weeks = training::WeeklySeries<double>;
    const std::pair<std::vector<double> Weeks::*, const char*> columns[] = {
        {&Weeks::paid_hours, "paid_hours"},
        {&Weeks::capacity, "capacity"},
        {&Weeks::demand, "demand"},
        {&Weeks::production, "production"},
        {&Weeks::training_planned, "training_planned"},
        {&Weeks::training_on_plan, "training_on_plan"},
        {&Weeks::training_caught_up, "training_caught_up"},
        {&Weeks::backlog, "backlog"},
        {&Weeks::supervisor_hours, "supervisor_hours"}};
    for (const auto& [column, name] : columns) finite(w.*column, name);
    if (!std::isfinite(run.summary.training_debt)) {
      throw DomainError("training: training_debt is not finite (" + std::to_string(run.summary.training_debt) + ")");
    }
    r.training_weeks = w.production.size();
  }
  return r;
}

/// Reads `text` (ScenarioError at the JSON path) and checks the scenario.
inline CheckReport check_scenario_text(std::string_view text) { return check_scenario(io::read_scenario(text)); }

}  // namespace aci::check
