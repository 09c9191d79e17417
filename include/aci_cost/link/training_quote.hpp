// aci::link::make_training_quote: a job's quote with the training obligation at its true cost
// in the job's week (from the weekly training model), beside the naive quote that counts only
// the training actually delivered that week — in peak season, deferral makes production look
// cheaper and hides a debt; the difference is what the naive quote underprices.
#pragma once

#include <string>

#include "aci_cost/detail/divisor.hpp"
#include "aci_cost/quote/quote.hpp"
#include "aci_cost/training/simulate.hpp"

namespace aci::link {

/// The job's week in the training model.
struct TrainingWeek {
  int horizon_week = 0;               ///< week index in the model's horizon
  int iso_week = 1;                   ///< ISO week of the job's date
  double planned_hours = 0;           ///< team training hours owed that week, h
  double delivered_hours = 0;         ///< delivered that week (on plan + caught up), h
  double production_hours = 0;        ///< team production hours that week, h
  double cost_per_training_hour = 0;  ///< €/h charged: the trainee's paid hour (+ an external trainer's fee;
                                      ///< in-house ETPS time is already recovered by the supervision rate)
  double honoured_rate = 0;           ///< €/integration hour: planned x cost / production
  double naive_rate = 0;              ///< €/integration hour: delivered x cost / production
  friend bool operator==(const TrainingWeek&, const TrainingWeek&) = default;
};

/// The two quotes and what separates them.
struct TrainingQuote {
  quote::Quote naive;     ///< training line = what the week delivers
  quote::Quote honoured;  ///< training line = the week's whole obligation
  quote::Quote ordinary;  ///< training line = the atelier's yearly average (the job's ordinary quote)
  TrainingWeek week;      ///< the week's figures
  Money difference;       ///< honoured.price.ht - naive.price.ht: what the naive price leaves out
  /// Why the three quotes differ, in words with their training rates (shown wherever they are).
  std::string explanation;
  friend bool operator==(const TrainingQuote&, const TrainingQuote&) = default;
};

/// Quotes `job` twice with the training obligation of its week simulated by `tm`, whose first
/// week starts on the Monday `horizon_start` (TrainingSetup::horizon_start()); the job's date
/// must fall inside the simulated weeks (an error naming the job's date otherwise, never a
/// silent fold onto another year). Double engine; the shown quotes use the Decimal engine with
/// the week's rates as exact binary values.
inline TrainingQuote make_training_quote(const model::Aci& aci, const model::Job& job, const rates::RateTable& table,
                                         const quote::PricingOptions& pricing, const training::TrainingModel& tm,
                                         const Date& horizon_start) {
  ACI_COST_REQUIRE(horizon_start.iso_weekday() == 1, "training.horizon_start", horizon_start.to_string(),
                   "must be a Monday (the first day of the first simulated week)");
  tm.validate();
  const long first = horizon_start.days_since_epoch(), day = job.date.days_since_epoch();
  const long w = day >= first ? (day - first) / 7 : -1;
  ACI_COST_REQUIRE(w >= 0 && w < tm.horizon.weeks, "job[" + job.name + "].date", job.date.to_string(),
                   "is outside the training model's horizon, " + horizon_start.to_string() + " to " +
                       Date::from_days_since_epoch(first + 7L * tm.horizon.weeks - 1).to_string());
  const auto sim = training::simulate<double>(tm);
  TrainingWeek wk;
  wk.iso_week = job.date.iso_week();
  const std::string p = "job[" + job.name + "].date";
  const auto k = static_cast<std::size_t>(w);
  wk.horizon_week = static_cast<int>(w);
  wk.planned_hours = sim.weeks.training_planned[k];
  wk.delivered_hours = sim.weeks.training_on_plan[k] + sim.weeks.training_caught_up[k];
  wk.production_hours = sim.weeks.production[k];
  ACI_COST_REQUIRE(wk.production_hours > 0, p, job.date.to_string(),
                   "the training model has no production in this week");
  // The ETPS who trains in house is paid from the supervision line (CS / HS covers all their
  // hours): counting their time here again would charge it twice. An external trainer's fee
  // is a cost of its own.
  const bool in_house = tm.plan.delivery == training::TrainingDelivery::in_house;
  wk.cost_per_training_hour = tm.costs.cost_per_paid_hour + (in_house ? 0.0 : tm.costs.external_cost_per_hour);
  wk.honoured_rate = wk.planned_hours * wk.cost_per_training_hour / wk.production_hours;
  wk.naive_rate = wk.delivered_hours * wk.cost_per_training_hour / wk.production_hours;
  TrainingQuote out;
  out.week = wk;
  // The double engine's figures enter the Decimal engine explicitly, as their exact values.
  out.naive = quote::make_quote<Decimal>(aci, job, table, pricing, Decimal(wk.naive_rate));
  out.honoured = quote::make_quote<Decimal>(aci, job, table, pricing, Decimal(wk.honoured_rate));
  out.ordinary = quote::make_quote<Decimal>(aci, job, table, pricing);
  out.difference = out.honoured.price.ht - out.naive.price.ht;
  const auto rate = [](double x) { return Money::round_from_double(x).format_fr() + "/h"; };
  const auto hours = [](double x) { return to_string(round_decimal(Decimal(x), 1, Rounding::half_away_from_zero)); };
  const Money ordinary_rate = Money(::aci::detail::quotient(out.ordinary.line(quote::CostLine::training).amount(),
                                                            out.ordinary.insertion.insertion_hours))
                                  .rounded();
  out.explanation =
      "The three quotes differ only by their training line. The ordinary quote charges the atelier's yearly "
      "average training obligation, " +
      ordinary_rate.format_fr() + "/h of integration work (training " +
      out.ordinary.line(quote::CostLine::training).format_fr() + ", price " + out.ordinary.price.ht.format_fr() +
      "). In the job's week (ISO week " + std::to_string(wk.iso_week) + ") the crew owes " + hours(wk.planned_hours) +
      " h of training for " + hours(wk.production_hours) + " h of production: the honoured quote charges all of it (" +
      rate(wk.honoured_rate) + ", price " + out.honoured.price.ht.format_fr() + "), the naive quote only the " +
      hours(wk.delivered_hours) + " h the week delivers (" + rate(wk.naive_rate) + ", price " +
      out.naive.price.ht.format_fr() + ").";
  // CDDI of 4 to 24 months (Code du travail L5132-15-1; longer only by exception).
  const double months = tm.workforce.contract_months;
  if (months < 4 || months > 24) {
    const quote::Warning warning{"contract_length", "the training model's mean CDDI length of " +
                                                        ::aci::detail::to_text(months) +
                                                        " months is outside the 4-24 months of art. L5132-15-1"};
    out.naive.warnings.push_back(warning);
    out.honoured.warnings.push_back(warning);
  }
  return out;
}

}  // namespace aci::link
