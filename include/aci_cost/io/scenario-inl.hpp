// Implementation of io/scenario.hpp: the scenario JSON format, field by field.
#pragma once

#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/io/names.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/io/allocation_json.hpp"
#include "aci_cost/io/training_json.hpp"
#include "aci_cost/schema/unique_names.hpp"

namespace aci::io {

namespace detail {
template <class F>
auto each(const json& arr, const std::string& path, F&& f) {
  using R = decltype(f(arr, path));
  std::vector<R> out;
  for (std::size_t i = 0; i < arr.size(); ++i) out.push_back(f(arr[i], path + "[" + std::to_string(i) + "]"));
  return out;
}
/// Reads and validates, turning a model error into a ScenarioError at the object's path.
template <class F>
auto checked(const std::string& path, F&& f) {
  try {
    return f();
  } catch (const ScenarioError&) {
    throw;
  } catch (const InvalidInput& e) {
    // Model paths ("job[mowing].productivity") become JSON paths ("$.jobs[0].productivity").
    std::string field = e.field();
    if (field.empty() || field[0] != '$') {
      const auto dot = field.find('.');
      field = path + (dot == std::string::npos ? "" : field.substr(dot));
    }
    throw ScenarioError(field, e.value(), e.rule());
  }
}
/// A described struct read by its field table, then validated (errors at JSON paths).
template <class S, class Validate>
S read_checked(const json& j, const std::string& path, Validate&& validate) {
  S s{};
  read_object(j, path, s);
  checked(path, [&] {
    validate(s);
    return 0;
  });
  return s;
}
}  // namespace detail

// Every struct below is read and written by its field table (schema/field.hpp, io/schema_json.hpp).
ACI_COST_INLINE json to_json(const people::StaffGroup& g) { return write_object(g); }

ACI_COST_INLINE people::StaffGroup staff_from_json(const json& j, const std::string& path) {
  return detail::read_checked<people::StaffGroup>(j, path, [&](const people::StaffGroup& g) { g.validate(path); });
}

ACI_COST_INLINE json to_json(const model::Atelier& a) { return write_object(a); }

ACI_COST_INLINE model::Atelier atelier_from_json(const json& j, const std::string& path) {
  model::Atelier a;
  read_object(j, path, a);
  return a;
}

ACI_COST_INLINE json to_json(const model::Aci& a) { return write_object(a); }

ACI_COST_INLINE model::Aci aci_from_json(const json& j, const std::string& path) {
  return detail::read_checked<model::Aci>(j, path, [](const model::Aci& a) { a.validate(); });
}

ACI_COST_INLINE json to_json(const model::Job& job) { return write_object(job); }

ACI_COST_INLINE model::Job job_from_json(const json& j, const std::string& path) {
  return detail::read_checked<model::Job>(j, path, [](const model::Job& job) { job.validate(); });
}

ACI_COST_INLINE json to_json(const quote::PricingOptions& p) { return write_object(p); }

ACI_COST_INLINE quote::PricingOptions pricing_from_json(const json& j, const std::string& path) {
  return detail::read_checked<quote::PricingOptions>(j, path,
                                                     [&](const quote::PricingOptions& p) { p.validate(path); });
}

ACI_COST_INLINE json to_json(const rates::RateEntry& e) { return write_object(e); }

ACI_COST_INLINE rates::RateEntry rate_entry_from_json(const json& j, const std::string& path) {
  return detail::read_checked<rates::RateEntry>(j, path, [&](const rates::RateEntry& e) { e.validate(path); });
}

ACI_COST_INLINE Scenario scenario_from_json(const json& j) {
  const Fields f(
      j, "$", {"format", "aci", "jobs", "pricing", "rates", "rates_known_until", "rates_use_unconfirmed", "training"});
  const std::string format = f.str("format");
  if (format != scenario_format) {
    throw ScenarioError("$.format", "\"" + format + "\"", "expected \"" + std::string(scenario_format) + "\"");
  }
  Scenario s;
  s.aci = aci_from_json(f.raw("aci"), "$.aci");
  s.jobs = detail::each(f.array("jobs"), "$.jobs", job_from_json);
  if (f.has("pricing")) s.pricing = pricing_from_json(f.raw("pricing"), "$.pricing");
  s.rates = detail::each(f.array("rates"), "$.rates", rate_entry_from_json);
  if (f.has("rates_known_until")) s.rates_known_until = f.date("rates_known_until");
  s.rates_use_unconfirmed = f.boolean("rates_use_unconfirmed", false);
  if (f.has("training")) {
    s.training = training_setup_from_json(f.raw("training"), "$.training");
    detail::checked("$.training", [&] {
      s.aci.atelier(s.training->atelier, "training.atelier");
      return 0;
    });
  }
  // The auditor's fee is charged in whole cents split over the grants (quote/structure.hpp): a
  // fraction of a cent is refused here, naming the field, not later by the split.
  ACI_COST_REQUIRE(s.aci.statutory_auditor_fee.is_whole_cents(), "$.aci.statutory_auditor_fee",
                   to_string(s.aci.statutory_auditor_fee.amount()), "must be a whole number of cents");
  for (std::size_t i = 0; i < s.jobs.size(); ++i)
    detail::checked("$.jobs[" + std::to_string(i) + "]", [&] {
      s.aci.atelier(s.jobs[i].atelier, "job.atelier");
      return 0;
    });
  // Linear (a hash of the names): the pairwise check took 73 s for 10^5 jobs (issue 34 item 7).
  try {
    schema::require_unique_names(
        s.jobs, [](const model::Job& job) -> std::string_view { return job.name; }, "$.jobs", "job");
  } catch (const InvalidInput& e) {
    throw ScenarioError(e.field(), e.value(), e.rule());
  }
  return s;
}

ACI_COST_INLINE Scenario read_scenario(std::string_view text) { return scenario_from_json(parse_json(text)); }

ACI_COST_INLINE json scenario_to_json(const Scenario& s) {
  json jobs = json::array(), rates = json::array();
  for (const auto& j : s.jobs) jobs.push_back(to_json(j));
  for (const auto& e : s.rates) rates.push_back(to_json(e));
  json out = {{"format", std::string(scenario_format)},
              {"aci", to_json(s.aci)},
              {"pricing", to_json(s.pricing)},
              {"jobs", jobs},
              {"rates", rates}};
  if (s.training) out["training"] = to_json(*s.training);
  if (s.rates_known_until) out["rates_known_until"] = s.rates_known_until->to_string();
  if (s.rates_use_unconfirmed) out["rates_use_unconfirmed"] = true;
  return out;
}

// ---- quotes -------------------------------------------------------------------------

namespace detail {
inline json lines_json(const std::vector<quote::Line>& lines) {
  json out = json::array();
  for (const auto& l : lines) out.push_back({{"key", l.key}, {"amount", money_json(l.amount)}});
  return out;
}
inline std::vector<quote::Line> lines_from(const json& j) {
  std::vector<quote::Line> out;
  for (const auto& l : j)
    out.push_back({l.at("key").get<std::string>(), Money::parse(l.at("amount").get<std::string>())});
  return out;
}
inline Money m(const json& j, const char* key) { return Money::parse(j.at(key).get<std::string>(), key); }
inline Decimal d(const json& j, const char* key) { return parse_decimal(j.at(key).get<std::string>(), key); }
}  // namespace detail

ACI_COST_INLINE json to_json(const quote::Quote& q) {
  json warnings = json::array(), rates = json::array();
  for (const auto& w : q.warnings) warnings.push_back({{"code", w.code}, {"message", w.message}});
  for (const auto& e : q.rates_used) rates.push_back(to_json(e));
  const auto ds = [](const Decimal& x) { return to_string(x); };
  return {{"job", q.job},
          {"atelier", q.atelier},
          {"date", q.date.to_string()},
          {"scalar", q.scalar},
          {"standard_hours", ds(q.standard_hours)},
          {"productivity", ds(q.productivity)},
          {"cost_lines", detail::lines_json(q.cost_lines)},
          {"full_cost", money_json(q.full_cost)},
          {"production_cost", money_json(q.production_cost)},
          {"insertion_extra_cost", money_json(q.insertion_extra_cost)},
          {"extra_lines", detail::lines_json(q.extra_lines)},
          {"extra_bottom_up", money_json(q.extra_bottom_up)},
          {"marginal_cost", money_json(q.marginal_cost)},
          {"subsidies", detail::lines_json(q.subsidies)},
          {"subsidies_total", money_json(q.subsidies_total)},
          {"output_revenue", money_json(q.output_revenue)},
          {"net_cost", money_json(q.net_cost)},
          {"per_unit",
           {{"kind", q.per_unit.kind},
            {"unit", q.per_unit.unit},
            {"quantity", ds(q.per_unit.quantity)},
            {"sold", ds(q.per_unit.sold)},
            {"full_cost", money_json(q.per_unit.full_cost)},
            {"net_cost", money_json(q.per_unit.net_cost)},
            {"price_ht", money_json(q.per_unit.price_ht)},
            {"market_price", q.per_unit.market_price ? json(money_json(*q.per_unit.market_price)) : json(nullptr)}}},
          {"price",
           {{"policy", JsonOf<quote::PricePolicy>::write(q.price.policy)},
            {"coefficient_k", ds(q.price.coefficient_k)},
            {"ht", money_json(q.price.ht)},
            {"vat_rate", ds(q.price.vat_rate)},
            {"vat", money_json(q.price.vat)},
            {"ttc", money_json(q.price.ttc)},
            {"vat_exempt", q.price.vat_exempt},
            {"vat_article", q.price.vat_article},
            {"vat_mention", q.price.vat_mention}}},
          {"bounds",
           {{"market_floor", money_json(q.bounds.market_floor)},
            {"market_price", money_json(q.bounds.market_price)},
            {"full_cost", money_json(q.bounds.full_cost)},
            {"net_cost", money_json(q.bounds.net_cost)},
            {"overcompensation_ceiling", money_json(q.bounds.overcompensation_ceiling)}}},
          {"sales_cap",
           {{"cap_share", ds(q.sales_cap.cap_share)},
            {"annual_charges", money_json(q.sales_cap.annual_charges)},
            {"cap", money_json(q.sales_cap.cap)},
            {"annual_sales", money_json(q.sales_cap.annual_sales)},
            {"headroom", money_json(q.sales_cap.headroom)}}},
          {"insertion",
           {{"insertion_hours", ds(q.insertion.insertion_hours)},
            {"on_site_hours", ds(q.insertion.on_site_hours)},
            {"travel_hours", ds(q.insertion.travel_hours)},
            {"paid_insertion_hours", ds(q.insertion.paid_insertion_hours)},
            {"people", ds(q.insertion.people)},
            {"supervision_hours", ds(q.insertion.supervision_hours)},
            {"training_hours", ds(q.insertion.training_hours)},
            {"price_production_part", money_json(q.insertion.price_production_part)},
            {"price_integration_part", money_json(q.insertion.price_integration_part)}}},
          {"warnings", warnings},
          {"rates_used", rates}};
}

ACI_COST_INLINE quote::Quote quote_from_json(const json& j) {
  using detail::d;
  using detail::m;
  quote::Quote q;
  try {
    q.job = j.at("job").get<std::string>();
    q.atelier = j.at("atelier").get<std::string>();
    q.date = Date::parse(j.at("date").get<std::string>(), "quote.date");
    q.scalar = j.at("scalar").get<std::string>();
    q.standard_hours = d(j, "standard_hours");
    q.productivity = d(j, "productivity");
    q.cost_lines = detail::lines_from(j.at("cost_lines"));
    q.full_cost = m(j, "full_cost");
    q.production_cost = m(j, "production_cost");
    q.insertion_extra_cost = m(j, "insertion_extra_cost");
    q.extra_lines = detail::lines_from(j.at("extra_lines"));
    q.extra_bottom_up = m(j, "extra_bottom_up");
    q.marginal_cost = m(j, "marginal_cost");
    q.subsidies = detail::lines_from(j.at("subsidies"));
    q.subsidies_total = m(j, "subsidies_total");
    q.output_revenue = m(j, "output_revenue");
    q.net_cost = m(j, "net_cost");
    const json& u = j.at("per_unit");
    q.per_unit = {u.at("kind").get<std::string>(),
                  u.at("unit").get<std::string>(),
                  d(u, "quantity"),
                  d(u, "sold"),
                  m(u, "full_cost"),
                  m(u, "net_cost"),
                  m(u, "price_ht"),
                  u.at("market_price").is_null() ? std::optional<Money>() : std::optional<Money>(m(u, "market_price"))};
    const json& p = j.at("price");
    q.price = {JsonOf<quote::PricePolicy>::read(p.at("policy"), "$.price.policy"),
               d(p, "coefficient_k"),
               m(p, "ht"),
               d(p, "vat_rate"),
               m(p, "vat"),
               m(p, "ttc"),
               p.at("vat_exempt").get<bool>(),
               p.at("vat_article").get<std::string>(),
               p.at("vat_mention").get<std::string>()};
    const json& b = j.at("bounds");
    q.bounds = {m(b, "market_floor"), m(b, "market_price"), m(b, "full_cost"), m(b, "net_cost"),
                m(b, "overcompensation_ceiling")};
    const json& s = j.at("sales_cap");
    q.sales_cap = {d(s, "cap_share"), m(s, "annual_charges"), m(s, "cap"), m(s, "annual_sales"), m(s, "headroom")};
    const json& i = j.at("insertion");
    q.insertion = {d(i, "insertion_hours"),
                   d(i, "on_site_hours"),
                   d(i, "travel_hours"),
                   d(i, "paid_insertion_hours"),
                   d(i, "people"),
                   d(i, "supervision_hours"),
                   d(i, "training_hours"),
                   m(i, "price_production_part"),
                   m(i, "price_integration_part")};
    for (const auto& w : j.at("warnings"))
      q.warnings.push_back({w.at("code").get<std::string>(), w.at("message").get<std::string>()});
    for (std::size_t k = 0; k < j.at("rates_used").size(); ++k)
      q.rates_used.push_back(rate_entry_from_json(j.at("rates_used")[k], "$.rates_used[" + std::to_string(k) + "]"));
  } catch (const json::exception& e) {
    throw ScenarioError("$", "quote", std::string("not a quote document: ") + e.what());
  }
  return q;
}

}  // namespace aci::io
