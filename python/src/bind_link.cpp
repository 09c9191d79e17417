// The quote <-> training glue (link/): a scenario's training setup, and a job quoted with the
// training obligation of its week.
#include "aci_cost/link/training_quote.hpp"
#include "aci_cost/link/training_setup.hpp"
#include "enums.hpp"
#include "record.hpp"

namespace aci::python {

void bind_link(py::module_& m) {
  using link::TrainingSetup;
  Record<TrainingSetup>(m, "TrainingSetup", "The training model of a scenario's atelier.")
      .field("atelier", &TrainingSetup::atelier, "atelier name or support")
      .field("date", &TrainingSetup::date, "the costs are read at this date")
      .field("derive_from_atelier", &TrainingSetup::derive_from_atelier,
             "take workforce, plan and costs from the atelier")
      .field("model", &TrainingSetup::model, "TrainingModel")
      .done()
      .def(
          "horizon_start", [](const TrainingSetup& s) { return Conv<Date>::to(s.horizon_start()); },
          "The Monday of the first simulated week (ISO week model.horizon.start_week of date's year).");

  using link::TrainingQuote;
  using link::TrainingWeek;
  Record<TrainingWeek>(m, "TrainingWeek", "The job's week in the training model.")
      .field("horizon_week", &TrainingWeek::horizon_week, "week index in the horizon")
      .field("iso_week", &TrainingWeek::iso_week, "ISO week of the job")
      .field("planned_hours", &TrainingWeek::planned_hours, "training owed that week, h")
      .field("delivered_hours", &TrainingWeek::delivered_hours, "training delivered that week, h")
      .field("production_hours", &TrainingWeek::production_hours, "production that week, h")
      .field("cost_per_training_hour", &TrainingWeek::cost_per_training_hour, "€/h")
      .field("honoured_rate", &TrainingWeek::honoured_rate, "€ per integration hour, all owed")
      .field("naive_rate", &TrainingWeek::naive_rate, "€ per integration hour, as delivered")
      .done();
  Record<TrainingQuote>(m, "TrainingQuote", "A job quoted with its week's training: naive vs honoured.")
      .field("naive", &TrainingQuote::naive, "Quote with the training delivered that week")
      .field("honoured", &TrainingQuote::honoured, "Quote with the week's whole obligation")
      .field("ordinary", &TrainingQuote::ordinary, "Quote with the atelier's yearly average training (the job's quote)")
      .field("week", &TrainingQuote::week, "TrainingWeek")
      .field("difference", &TrainingQuote::difference, "honoured - naive price excl. VAT, €")
      .field("explanation", &TrainingQuote::explanation, "why the three quotes differ, with their training rates")
      .done();
  m.def(
      "make_training_quote",
      [](const model::Aci& aci, const model::Job& job, const rates::RateTable& table,
         const quote::PricingOptions& pricing, const training::TrainingModel& model, py::handle horizon_start) {
        return link::make_training_quote(aci, job, table, pricing, model,
                                         Conv<Date>::from(horizon_start, "horizon_start"));
      },
      py::arg("aci"), py::arg("job"), py::arg("rates"), py::arg("pricing"), py::arg("model"), py::arg("horizon_start"),
      "Quotes a job with the training obligation of its week (the job's date must fall in the horizon that "
      "starts on the Monday horizon_start: TrainingSetup.horizon_start()).");
}

}  // namespace aci::python
