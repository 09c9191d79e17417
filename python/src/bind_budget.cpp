// The ACI's year: a forecast income statement per atelier and in total.
#include "aci_cost/budget/year.hpp"
#include "record.hpp"

namespace aci::python {

void bind_budget(py::module_& m) {
  using namespace aci::budget;
  Record<JobInYear>(m, "JobInYear", "A quoted job placed in its atelier's year.")
      .field("job", &JobInYear::job, "job name")
      .field("date", &JobInYear::date, "quote date")
      .field("work_hours", &JobInYear::work_hours, "integration work hours (site + travel), h")
      .field("price_ht", &JobInYear::price_ht, "€ excl. VAT")
      .field("full_cost", &JobInYear::full_cost, "€")
      .field("net_cost", &JobInYear::net_cost, "€")
      .field("marginal_cost", &JobInYear::marginal_cost, "€")
      .field("subsidies", &JobInYear::subsidies, "the job's share of the year's subsidies, €")
      .done();
  Record<AtelierYear>(m, "AtelierYear", "One atelier's year: charges by nature, products, result.")
      .field("atelier", &AtelierYear::atelier, "atelier name")
      .field("charges", &AtelierYear::charges, "list of Line by nature, adding up to charges_total")
      .field("charges_total", &AtelierYear::charges_total, "€")
      .field("products", &AtelierYear::products, "list of Line: sales, aid by financer, grants")
      .field("products_total", &AtelierYear::products_total, "€")
      .field("result", &AtelierYear::result, "products - charges, €")
      .field("sales_cap", &AtelierYear::sales_cap, "SalesCap on the total charges")
      .field("work_hours_capacity", &AtelierYear::work_hours_capacity, "integration work hours of the year, h")
      .field("jobs", &AtelierYear::jobs, "list of JobInYear")
      .field("jobs_work_hours", &AtelierYear::jobs_work_hours, "h")
      .field("jobs_sales", &AtelierYear::jobs_sales, "€")
      .field("jobs_subsidies", &AtelierYear::jobs_subsidies, "€")
      .field("sales_with_jobs", &AtelierYear::sales_with_jobs, "booked sales + every job won, €")
      .field("headroom_with_jobs", &AtelierYear::headroom_with_jobs, "cap - sales_with_jobs, €")
      .field("warnings", &AtelierYear::warnings, "list of Warning")
      .done();
  Record<YearBudget>(m, "YearBudget", "The ACI's year (compte de résultat prévisionnel).")
      .field("date", &YearBudget::date, "the rates in force at this date apply to the whole year")
      .field("ateliers", &YearBudget::ateliers, "list of AtelierYear")
      .field("charges", &YearBudget::charges, "list of Line: the ACI's total by nature")
      .field("charges_total", &YearBudget::charges_total, "€")
      .field("products", &YearBudget::products, "list of Line")
      .field("products_total", &YearBudget::products_total, "€")
      .field("result", &YearBudget::result, "products - charges, €")
      .done();
  m.def("year_budget", [](const model::Aci& aci, const std::vector<model::Job>& jobs, const rates::RateTable& table,
                          const quote::PricingOptions& pricing, py::handle date) {
        return year_budget(aci, jobs, table, pricing, Conv<Date>::from(date, "year.date"));
      }, py::arg("aci"), py::arg("jobs"), py::arg("rates"), py::arg("pricing"), py::arg("date"),
      "The ACI's year with the rates in force at `date`, and the jobs placed in their ateliers.");
}

}  // namespace aci::python
