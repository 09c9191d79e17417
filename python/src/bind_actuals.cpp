// An ACI's own data against the forecast: the FEC's trial balance (every entry balanced to the
// cent), the mapping of the plan comptable, the realised year, the variances (lines, cost of an
// hour, jobs). Thin: the Python package (aci_cost.actuals) reads the files.
#include "aci_cost/actuals/default_mapping.hpp"
#include "aci_cost/actuals/hour_cost.hpp"
#include "aci_cost/actuals/hours.hpp"
#include "aci_cost/actuals/job_variance.hpp"
#include "aci_cost/actuals/ledger.hpp"
#include "aci_cost/actuals/mapping.hpp"
#include "aci_cost/actuals/mapping_json.hpp"
#include "aci_cost/actuals/realised_year.hpp"
#include "aci_cost/actuals/trial_balance.hpp"
#include "aci_cost/actuals/variance.hpp"
#include "enums.hpp"
#include "record.hpp"

// The names of the actuals' enums for the bindings (schema::EnumNames, index = value).
ACI_COST_ENUM_NAMES(aci::actuals::Spread, work_hours, "forecast", "work_hours");
template <>
struct aci::schema::EnumNames<aci::actuals::Side> {
  static constexpr const auto& names = aci::actuals::side_names;
};

namespace aci::python {

void bind_actuals(py::module_& m) {
  using namespace aci::actuals;
  const auto rounding = [](const std::string& r) { return Conv<Rounding>::from(py::str(r), "rounding"); };

  Record<Ledger>(m, "Ledger", "The lines of an FEC as its file writes them: one list of texts per column.")
      .field("source", &Ledger::source, "the file's name, in every error")
      .field("line", &Ledger::line, "each line's number in the file (the header is line 1)")
      .field("journal", &Ledger::journal, "JournalCode")
      .field("entry", &Ledger::entry, "EcritureNum")
      .field("account", &Ledger::account, "CompteNum")
      .field("debit", &Ledger::debit, "Debit as written ('1234,56')")
      .field("credit", &Ledger::credit, "Credit as written")
      .field("analytic", &Ledger::analytic, "one analytic code per line ('' none); [] without an analytic column")
      .field("analytic_column", &Ledger::analytic_column, "the analytic column's name ('' none)")
      .done();
  Record<AccountBalance>(m, "AccountBalance", "The movements of one account under one analytic code.")
      .field("account", &AccountBalance::account, "CompteNum")
      .field("code", &AccountBalance::code, "analytic code ('' none)")
      .field("debit", &AccountBalance::debit, "€")
      .field("credit", &AccountBalance::credit, "€")
      .field("balance", &AccountBalance::balance, "debit - credit, €")
      .field("lines", &AccountBalance::lines, "FEC lines summed")
      .field("first_line", &AccountBalance::first_line, "the first of them")
      .done();
  Record<TrialBalance>(m, "TrialBalance", "A checked FEC summed by account (balance générale).")
      .field("source", &TrialBalance::source, "the file's name")
      .field("analytic_column", &TrialBalance::analytic_column, "the analytic column read ('' none)")
      .field("accounts", &TrialBalance::accounts, "list of AccountBalance, by account then code")
      .field("debit", &TrialBalance::debit, "total debit, €")
      .field("credit", &TrialBalance::credit, "total credit, € (equal to the debit)")
      .field("lines", &TrialBalance::lines, "FEC lines")
      .field("entries", &TrialBalance::entries, "entries (journal, EcritureNum)")
      .done();
  // The columns of a large file as lists of str, straight into a Ledger (the record's keyword
  // construction names each item's path, which costs more than the check on 200,000 lines).
  m.def(
      "make_ledger",
      [](std::string source, std::vector<std::int64_t> line, std::vector<std::string> journal,
         std::vector<std::string> entry, std::vector<std::string> account, std::vector<std::string> debit,
         std::vector<std::string> credit, std::vector<std::string> analytic, std::string analytic_column) {
        return Ledger{std::move(source), std::move(line),     std::move(journal),
                      std::move(entry),  std::move(account),  std::move(debit),
                      std::move(credit), std::move(analytic), std::move(analytic_column)};
      },
      py::arg("source"), py::arg("line"), py::arg("journal"), py::arg("entry"), py::arg("account"), py::arg("debit"),
      py::arg("credit"), py::arg("analytic") = std::vector<std::string>{}, py::arg("analytic_column") = "",
      "A Ledger from its columns (lists of str), as Ledger(...) but without a path per item: for large files.");
  m.def("trial_balance", &trial_balance, py::arg("ledger"),
        "Checks an FEC (amounts, accounts, every entry balanced to the cent, no closing of classes 6/7) and sums "
        "it by account; ValueError naming the file's line, the column and the value.");
  m.def(
      "parse_cents",
      [](const std::string& text, const std::string& field) { return parse_cents(text, [&field] { return field; }); },
      py::arg("text"), py::arg("field") = "amount",
      "An FEC amount ('1234,56') in whole cents; ValueError naming `field` otherwise.");

  Record<Rule>(m, "MappingRule", "Accounts starting with a prefix (under an analytic code or any) feed a line.")
      .field("prefix", &Rule::prefix, "account prefix, digits of class 6 or 7")
      .field("key", &Rule::key, "the year's line it feeds")
      .field("code", &Rule::code, "only the lines under this analytic code ('' every line)")
      .field("label", &Rule::label, "what the accounts are")
      .field("source", &Rule::source, "where the placement comes from")
      .done();
  Record<CodeAtelier>(m, "CodeAtelier", "An analytic code naming an atelier.")
      .field("code", &CodeAtelier::code, "as booked in the FEC")
      .field("atelier", &CodeAtelier::atelier, "the atelier's name in the scenario")
      .done();
  Record<Mapping>(m, "Mapping", "Where the accounts of classes 6 and 7 go in the year.")
      .field("name", &Mapping::name, "e.g. 'aci_default'")
      .field("charge_keys", &Mapping::charge_keys, "the charge lines, in display order")
      .field("product_keys", &Mapping::product_keys, "the product lines, in display order")
      .field("rules", &Mapping::rules, "list of MappingRule (longest prefix wins, a rule of the line's code first)")
      .field("ateliers", &Mapping::ateliers, "list of CodeAtelier")
      .field("shared_codes", &Mapping::shared_codes, "analytic codes of lines that belong to no atelier")
      .done()
      .def(
          "place",
          [](const Mapping& mp, const std::string& account, const std::string& code) -> py::object {
            const Rule* r = mp.place(account, code);
            return r ? py::cast(*r) : py::none();
          },
          py::arg("account"), py::arg("code") = "", "The rule placing an account (None when none does).")
      .def("validate", &Mapping::validate, "ValueError naming the field of a bad rule, key or code.")
      .def(
          "to_json", [](const Mapping& mp) { return mapping_to_json(mp); }, "The mapping file (JSON text).");
  m.def("default_mapping", &default_mapping, "The default mapping for ACIs (PCG 2025 and ANC 2018-06).");
  m.def(
      "read_mapping", [](const std::string& text) { return read_mapping(text); }, py::arg("text"),
      "A mapping file (format aci_cost/fec_mapping@1); ValueError naming the JSON path.");
  m.attr("MAPPING_FORMAT") = std::string(mapping_format);
  m.attr("DEFAULT_MAPPING_NAME") = std::string(default_mapping_name);
  m.attr("OTHER_PRODUCTS_KEY") = std::string(other_products_key);
  m.attr("PER_USE_KEYS") = py::make_tuple(std::string(per_use_keys[0]), std::string(per_use_keys[1]));
  m.attr("TOTAL_KEY") = std::string(total_key);

  Record<AtelierHours>(m, "AtelierHours", "One atelier's hours of a year, h.")
      .field("atelier", &AtelierHours::atelier, "atelier name")
      .field("insertion_hours", &AtelierHours::insertion_hours, "paid hours of the integration employees, h")
      .field("production_hours", &AtelierHours::production_hours,
             "their hours on production, on site and travelling, h")
      .field("training_hours", &AtelierHours::training_hours, "their hours in training, h")
      .field("supervision_hours", &AtelierHours::supervision_hours, "supervisors' hours on production, h")
      .done();
  m.def(
      "planned_hours",
      [rounding](const model::Aci& aci, const rates::RateTable& table, py::handle date, const std::string& r) {
        return planned_hours(aci, table, Conv<Date>::from(date, "planned_hours.date"), rounding(r));
      },
      py::arg("aci"), py::arg("rates"), py::arg("date"), py::arg("rounding") = "half_away_from_zero",
      "The hours the model plans for each atelier (2 decimals).");

  Record<Placement>(m, "Placement", "Where one balance of class 6 or 7 went.")
      .field("account", &Placement::account, "CompteNum")
      .field("code", &Placement::code, "analytic code")
      .field("key", &Placement::key, "the year's line it feeds")
      .field("atelier", &Placement::atelier, "its atelier ('' shared: spread)")
      .field("amount", &Placement::amount, "as a charge or a product, €")
      .field("first_line", &Placement::first_line, "its first FEC line")
      .field("rule", &Placement::rule, "the rule's prefix (':code' when limited to a code)")
      .done();
  Record<SharedLine>(m, "SharedLine", "A line booked to no atelier, spread over the ateliers to the cent.")
      .field("key", &SharedLine::key, "the year's line")
      .field("charge", &SharedLine::charge, "a charge (True) or a product")
      .field("amount", &SharedLine::amount, "€")
      .field("parts", &SharedLine::parts, "per atelier, adding up exactly to amount")
      .field("basis", &SharedLine::basis, "the weights used")
      .done();
  Record<Unplaced>(m, "Unplaced", "A balance of class 6 or 7 no rule places: reported, out of the year's lines.")
      .field("account", &Unplaced::account, "CompteNum")
      .field("code", &Unplaced::code, "analytic code")
      .field("charge", &Unplaced::charge, "class 6 (True) or 7")
      .field("amount", &Unplaced::amount, "as a charge or a product, €")
      .field("first_line", &Unplaced::first_line, "its first FEC line")
      .field("reason", &Unplaced::reason, "why no rule places it")
      .done();
  Record<RealisedYear>(m, "RealisedYear", "The realised year from the accounts, in the forecast's structure.")
      .field("year", &RealisedYear::year, "YearBudget: per atelier and in total")
      .field("placements", &RealisedYear::placements, "list of Placement")
      .field("shared", &RealisedYear::shared, "list of SharedLine")
      .field("unplaced", &RealisedYear::unplaced, "list of Unplaced")
      .field("unplaced_charges", &RealisedYear::unplaced_charges, "€")
      .field("unplaced_products", &RealisedYear::unplaced_products, "€")
      .field("accounts_result", &RealisedYear::accounts_result,
             "classes 7 - 6 = year.result + unplaced_products - unplaced_charges, €")
      .done();
  m.def(
      "realised_year",
      [rounding](const model::Aci& aci, const TrialBalance& tb, const Mapping& mapping,
                 const budget::YearBudget& forecast, py::handle start, const std::string& spread,
                 const std::vector<AtelierHours>& hours, const std::string& r) {
        return realised_year(aci, tb, mapping, forecast, Conv<Date>::from(start, "realised_year.start"),
                             Conv<Spread>::from(py::str(spread), "realised_year.spread"), hours, rounding(r));
      },
      py::arg("aci"), py::arg("trial_balance"), py::arg("mapping"), py::arg("forecast"), py::arg("start"),
      py::arg("spread") = "forecast", py::arg("hours") = std::vector<AtelierHours>{},
      py::arg("rounding") = "half_away_from_zero",
      "The realised year: the trial balance's classes 6 and 7 placed by the mapping, per atelier.");

  Record<LineVariance>(m, "LineVariance", "One line of the year, forecast against actual.")
      .field("atelier", &LineVariance::atelier, "atelier name, or 'total'")
      .field("side", &LineVariance::side, "'charges', 'products' or 'result'")
      .field("key", &LineVariance::key, "the line's key ('total', 'result')")
      .field("forecast", &LineVariance::forecast, "€")
      .field("actual", &LineVariance::actual, "€")
      .field("variance", &LineVariance::variance, "actual - forecast, €")
      .field("percent", &LineVariance::percent, "variance / |forecast| x 100, 2 decimals (None: forecast 0)")
      .field("favourable", &LineVariance::favourable, "a lower charge, a higher product or result")
      .done();
  m.def(
      "year_variances",
      [rounding](const budget::YearBudget& f, const budget::YearBudget& a, const std::string& r) {
        return year_variances(f, a, rounding(r));
      },
      py::arg("forecast"), py::arg("actual"), py::arg("rounding") = "half_away_from_zero",
      "Budget against actual, line by line, per atelier and in total.");

  Record<HourCost>(m, "HourCost", "What an hour cost an atelier, €/h.")
      .field("atelier", &HourCost::atelier, "atelier name")
      .field("insertion_hours", &HourCost::insertion_hours, "h")
      .field("production_hours", &HourCost::production_hours, "h")
      .field("charges", &HourCost::charges, "€")
      .field("net_charges", &HourCost::net_charges, "charges - products other than sales, €")
      .field("per_insertion_hour", &HourCost::per_insertion_hour, "€/h")
      .field("per_production_hour", &HourCost::per_production_hour, "€/h")
      .field("net_per_production_hour", &HourCost::net_per_production_hour, "€/h")
      .field("hourly_rate", &HourCost::hourly_rate, "(charges - equipment - vehicles) / production hours, €/h")
      .done();
  m.def(
      "hour_cost",
      [rounding](const budget::AtelierYear& y, const AtelierHours& h, const std::string& r) {
        return hour_cost(y, h, rounding(r));
      },
      py::arg("year"), py::arg("hours"), py::arg("rounding") = "half_away_from_zero",
      "The cost of an hour of one atelier's year.");

  Record<JobHours>(m, "JobHours", "One side of a job: its work, hours and its atelier's hourly rate.")
      .field("standard_hours", &JobHours::standard_hours, "standard work, h")
      .field("on_site_hours", &JobHours::on_site_hours, "integration crew on site, h")
      .field("travel_hours", &JobHours::travel_hours, "integration crew travelling, h")
      .field("hourly_rate", &JobHours::hourly_rate, "€ per work hour")
      .done();
  Record<JobVariance>(m, "JobVariance",
                      "A quoted job against its actual hours: rate, productivity and hours variances.")
      .field("job", &JobVariance::job, "job name")
      .field("atelier", &JobVariance::atelier, "atelier name")
      .field("quoted", &JobVariance::quoted, "JobHours")
      .field("actual", &JobVariance::actual, "JobHours")
      .field("quoted_productivity", &JobVariance::quoted_productivity, "standard / on-site hours, 4 decimals")
      .field("actual_productivity", &JobVariance::actual_productivity, "standard / on-site hours, 4 decimals")
      .field("allowed_on_site_hours", &JobVariance::allowed_on_site_hours, "H_s = H_q S_a / S_q, h")
      .field("quoted_cost", &JobVariance::quoted_cost, "€")
      .field("actual_cost", &JobVariance::actual_cost, "€")
      .field("variance", &JobVariance::variance, "actual - quoted cost, €")
      .field("rate_variance", &JobVariance::rate_variance, "(R_a - R_q) W_a, €")
      .field("productivity_variance", &JobVariance::productivity_variance, "(H_a - H_s) R_q, €")
      .field("hours_variance", &JobVariance::hours_variance, "(H_s + T_a - W_q) R_q, €")
      .done();
  m.def(
      "job_variance",
      [rounding](const std::string& job, const std::string& atelier, const JobHours& q, const JobHours& a,
                 const std::string& r) { return job_variance(job, atelier, q, a, rounding(r)); },
      py::arg("job"), py::arg("atelier"), py::arg("quoted"), py::arg("actual"),
      py::arg("rounding") = "half_away_from_zero",
      "The variance of a job split into rate, productivity and hours, adding up to the cent.");
  m.def(
      "quoted_hours",
      [](const quote::Quote& q, py::handle rate) {
        return quoted_hours(q, Conv<Money>::from(rate, "quoted_hours.hourly_rate"));
      },
      py::arg("quote"), py::arg("hourly_rate"),
      "The quoted side of a job from its shown quote and its atelier's forecast hourly rate.");
}

}  // namespace aci::python
