// Implementation of io/scenario.hpp: the scenario JSON format, field by field.
#pragma once

#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/io/names.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/io/allocation_json.hpp"
#include "aci_cost/io/training_json.hpp"

namespace aci::io {

namespace detail {
namespace n = aci::io::names;
inline constexpr const auto& role_names = n::role;
inline constexpr const auto& contribution_names = n::contribution_mode;
inline constexpr const auto& pay_names = n::pay_basis;
inline constexpr const auto& policy_names = n::price_policy;
inline constexpr const auto& rounding_names = n::rounding;
inline constexpr const auto& tag_names = n::tag;
inline constexpr const auto& tax_status_names = n::tax_status;
inline constexpr const auto& vat_kind_names = n::vat_kind;

template <class E, std::size_t N>
json name_of(E e, const std::string_view (&names)[N]) {
  return std::string(names[static_cast<std::size_t>(e)]);
}
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
}  // namespace detail

ACI_COST_INLINE json to_json(const people::StaffGroup& g) {
  json pay = {{"basis", detail::name_of(g.pay_basis, detail::pay_names)}};
  if (g.pay_basis != people::PayBasis::smic) pay["amount"] = money_json(g.pay);
  return {{"name", g.name},
          {"role", detail::name_of(g.role, detail::role_names)},
          {"headcount", decimal_json(g.headcount)},
          {"weekly_hours", decimal_json(g.weekly_hours)},
          {"pay", pay},
          {"contributions",
           {{"mode", detail::name_of(g.contribution_mode, detail::contribution_names)},
            {"employer_rate", decimal_json(g.employer_rate)}}},
          {"per_head_annual_cost", money_json(g.per_head_annual_cost)},
          {"unpaid_absence", decimal_json(g.unpaid_absence)},
          {"hours_derogation", g.hours_derogation},
          {"hours",
           {{"training", decimal_json(g.hours.training)},
            {"accompaniment", decimal_json(g.hours.accompaniment)},
            {"meetings", decimal_json(g.hours.meetings)},
            {"leave", decimal_json(g.hours.leave)},
            {"bank_holidays", decimal_json(g.hours.bank_holidays)},
            {"absence", decimal_json(g.hours.absence)}}}};
}

ACI_COST_INLINE people::StaffGroup staff_from_json(const json& j, const std::string& path) {
  const Fields f(j, path,
                 {"name", "role", "headcount", "weekly_hours", "pay", "contributions", "per_head_annual_cost",
                  "unpaid_absence", "hours_derogation", "hours"});
  people::StaffGroup g;
  g.name = f.str("name");
  g.role = static_cast<people::Role>(f.choice("role", detail::role_names, 0));
  g.headcount = f.decimal("headcount");
  g.weekly_hours = f.decimal("weekly_hours");
  if (f.has("pay")) {
    const Fields p(f.raw("pay"), f.at("pay"), {"basis", "amount"});
    g.pay_basis = static_cast<people::PayBasis>(p.choice("basis", detail::pay_names, 0));
    if (g.pay_basis != people::PayBasis::smic) g.pay = p.money("amount");
  }
  if (f.has("contributions")) {
    const Fields c(f.raw("contributions"), f.at("contributions"), {"mode", "employer_rate"});
    g.contribution_mode = static_cast<people::ContributionMode>(c.choice("mode", detail::contribution_names, 0));
    g.employer_rate = c.decimal("employer_rate");
  }
  g.per_head_annual_cost = f.money("per_head_annual_cost", Money());
  g.unpaid_absence = f.decimal("unpaid_absence", Decimal(0));
  g.hours_derogation = f.boolean("hours_derogation", false);
  if (f.has("hours")) {
    const Fields h(f.raw("hours"), f.at("hours"),
                   {"training", "accompaniment", "meetings", "leave", "bank_holidays", "absence"});
    g.hours = {h.decimal("training", Decimal(0)), h.decimal("accompaniment", Decimal(0)),
               h.decimal("meetings", Decimal(0)), h.decimal("leave", Decimal(0)),
               h.decimal("bank_holidays", Decimal(0)), h.decimal("absence", Decimal(0))};
  }
  detail::checked(path, [&] { g.validate(path); return 0; });
  return g;
}

ACI_COST_INLINE json to_json(const model::Atelier& a) {
  json eq = json::array();
  for (const auto& e : a.equipment)
    eq.push_back({{"name", e.name}, {"hourly_rate", money_json(e.hourly_rate)}, {"annual_hours", decimal_json(e.annual_hours)}});
  json staff = json::array();
  for (const auto& g : a.staff) staff.push_back(to_json(g));
  json out = {{"name", a.name},
          {"support", a.support},
          {"staff", staff},
          {"annual_overheads", money_json(a.annual_overheads)},
          {"annual_other_charges", money_json(a.annual_other_charges)},
          {"equipment", eq},
          {"vehicle_cost_per_km", money_json(a.vehicle_cost_per_km)},
          {"annual_vehicle_km", decimal_json(a.annual_vehicle_km)},
          {"occupancy", decimal_json(a.occupancy)},
          {"subsidies",
           {{"aide_au_poste", a.subsidies.aide_au_poste},
            {"aid_modulation_share", decimal_json(a.subsidies.aid_modulation_share)},
            {"rsa_fte", decimal_json(a.subsidies.rsa_fte)},
            {"departement_grants_annual", money_json(a.subsidies.departement_grants_annual)},
            {"region_annual", money_json(a.subsidies.region_annual)},
            {"fse_plus_annual", money_json(a.subsidies.fse_plus_annual)},
            {"opco_annual", money_json(a.subsidies.opco_annual)},
            {"other_grants_annual", money_json(a.subsidies.other_grants_annual)}}},
          {"annual_sales", money_json(a.annual_sales)},
          {"sales_cap_share", decimal_json(a.sales_cap_share)},
          {"default_productivity", decimal_json(a.default_productivity)},
          {"market_hourly_price", money_json(a.market_hourly_price)},
          {"market_floor_hourly_price", money_json(a.market_floor_hourly_price)},
          {"ordinary_hourly_cost", money_json(a.ordinary_hourly_cost)},
          {"ordinary_supervision_ratio", decimal_json(a.ordinary_supervision_ratio)}};
  if (!a.time_equations.empty()) {
    out["time_equations"] = json::array();
    for (const auto& e : a.time_equations) {
      json terms = json::object();
      for (const auto& t : e.terms) terms[t.driver] = decimal_json(t.coefficient);
      out["time_equations"].push_back(
          {{"name", e.name}, {"constant", decimal_json(e.constant)}, {"terms", terms}, {"source", e.source}});
    }
  }
  return out;
}

ACI_COST_INLINE model::Atelier atelier_from_json(const json& j, const std::string& path) {
  const Fields f(j, path,
                 {"name", "support", "staff", "annual_overheads", "annual_other_charges", "equipment",
                  "vehicle_cost_per_km", "annual_vehicle_km", "occupancy", "subsidies", "annual_sales",
                  "sales_cap_share", "default_productivity", "market_hourly_price", "market_floor_hourly_price",
                  "ordinary_hourly_cost", "ordinary_supervision_ratio", "time_equations"});
  model::Atelier a;
  a.name = f.str("name");
  a.support = f.str("support", a.support);
  a.staff = detail::each(f.array("staff"), f.at("staff"), staff_from_json);
  a.annual_overheads = f.money("annual_overheads", Money());
  a.annual_other_charges = f.money("annual_other_charges", Money());
  a.equipment = detail::each(f.array("equipment"), f.at("equipment"), [](const json& e, const std::string& p) {
    const Fields ef(e, p, {"name", "hourly_rate", "annual_hours"});
    return model::EquipmentRate{ef.str("name"), ef.money("hourly_rate"), ef.decimal("annual_hours", Decimal(0))};
  });
  a.vehicle_cost_per_km = f.money("vehicle_cost_per_km", Money());
  a.annual_vehicle_km = f.decimal("annual_vehicle_km", Decimal(0));
  a.occupancy = f.decimal("occupancy", a.occupancy);
  if (f.has("subsidies")) {
    const Fields s(f.raw("subsidies"), f.at("subsidies"),
                   {"aide_au_poste", "aid_modulation_share", "rsa_fte", "departement_grants_annual", "region_annual",
                    "fse_plus_annual", "opco_annual", "other_grants_annual"});
    a.subsidies.aide_au_poste = s.boolean("aide_au_poste", true);
    a.subsidies.aid_modulation_share = s.decimal("aid_modulation_share", a.subsidies.aid_modulation_share);
    a.subsidies.rsa_fte = s.decimal("rsa_fte", Decimal(0));
    a.subsidies.departement_grants_annual = s.money("departement_grants_annual", Money());
    a.subsidies.region_annual = s.money("region_annual", Money());
    a.subsidies.fse_plus_annual = s.money("fse_plus_annual", Money());
    a.subsidies.opco_annual = s.money("opco_annual", Money());
    a.subsidies.other_grants_annual = s.money("other_grants_annual", Money());
  }
  a.annual_sales = f.money("annual_sales", Money());
  a.sales_cap_share = f.decimal("sales_cap_share", a.sales_cap_share);
  a.default_productivity = f.decimal("default_productivity", a.default_productivity);
  a.market_hourly_price = f.money("market_hourly_price", a.market_hourly_price);
  a.market_floor_hourly_price = f.money("market_floor_hourly_price", a.market_floor_hourly_price);
  a.ordinary_hourly_cost = f.money("ordinary_hourly_cost", a.ordinary_hourly_cost);
  a.ordinary_supervision_ratio = f.decimal("ordinary_supervision_ratio", a.ordinary_supervision_ratio);
  a.time_equations = detail::each(f.array("time_equations"), f.at("time_equations"), [](const json& e, const std::string& p) {
    const Fields ef(e, p, {"name", "constant", "terms", "source"});
    model::TimeEquation eq;
    eq.name = ef.str("name");
    eq.constant = ef.decimal("constant", Decimal(0));
    if (ef.has("terms"))
      for (const auto& w : key_from_json(ef.raw("terms"), ef.at("terms"))) eq.terms.push_back({w.centre, w.weight});
    eq.source = ef.str("source", eq.source);
    return eq;
  });
  return a;
}

ACI_COST_INLINE json to_json(const model::Aci& a) {
  json ateliers = json::array();
  for (const auto& at : a.ateliers) ateliers.push_back(to_json(at));
  json out = {{"name", a.name}, {"large_employer", a.large_employer},
              {"tax_status", detail::name_of(a.tax_status, detail::tax_status_names)},
              {"custom_supports", a.custom_supports}, {"ateliers", ateliers}};
  if (!a.structure.empty()) out["structure"] = to_json(a.structure);
  if (!a.identity.empty()) {
    json id = json::object();
    const std::pair<const char*, const std::string*> fields[] = {
        {"siret", &a.identity.siret}, {"legal_form", &a.identity.legal_form}, {"address", &a.identity.address},
        {"email", &a.identity.email}, {"phone", &a.identity.phone}};
    for (const auto& [key, value] : fields)
      if (!value->empty()) id[key] = *value;
    out["identity"] = id;
  }
  return out;
}

ACI_COST_INLINE model::Aci aci_from_json(const json& j, const std::string& path) {
  const Fields f(j, path, {"name", "large_employer", "tax_status", "custom_supports", "ateliers", "structure", "identity"});
  model::Aci a;
  a.name = f.str("name");
  a.large_employer = f.boolean("large_employer", false);
  a.tax_status = static_cast<model::TaxStatus>(f.choice("tax_status", detail::tax_status_names, 0));
  a.custom_supports = detail::each(f.array("custom_supports"), f.at("custom_supports"),
                                   [](const json& s, const std::string& p) {
                                     if (!s.is_string()) throw ScenarioError(p, Fields::shown(s), "expected a string");
                                     return s.get<std::string>();
                                   });
  a.ateliers = detail::each(f.array("ateliers"), f.at("ateliers"), atelier_from_json);
  if (f.has("structure")) a.structure = structure_from_json(f.raw("structure"), f.at("structure"));
  if (f.has("identity")) {
    const Fields id(f.raw("identity"), f.at("identity"), {"siret", "legal_form", "address", "email", "phone"});
    a.identity = {id.str("siret", ""), id.str("legal_form", ""), id.str("address", ""), id.str("email", ""),
                  id.str("phone", "")};
  }
  detail::checked(path, [&] { a.validate(); return 0; });
  return a;
}

ACI_COST_INLINE json to_json(const model::Job& job) {
  json drivers = json::array(), materials = json::array(), equipment = json::array();
  for (const auto& d : job.drivers)
    drivers.push_back({{"name", d.name}, {"quantity", decimal_json(d.quantity)},
                       {"hours_per_unit", decimal_json(d.hours_per_unit)}});
  for (const auto& m : job.materials) materials.push_back({{"name", m.name}, {"amount", money_json(m.amount)}});
  for (const auto& e : job.equipment) equipment.push_back({{"name", e.name}, {"hours", decimal_json(e.hours)}});
  json out = {{"name", job.name},
              {"client", job.client},
              {"atelier", job.atelier},
              {"date", job.date.to_string()},
              {"standard_hours", decimal_json(job.standard_hours)},
              {"drivers", drivers},
              {"crew_size", decimal_json(job.crew_size)},
              {"supervisors", decimal_json(job.supervisors)},
              {"travel",
               {{"trips", decimal_json(job.travel.trips)},
                {"km_per_trip", decimal_json(job.travel.km_per_trip)},
                {"hours_per_trip", decimal_json(job.travel.hours_per_trip)}}},
              {"materials", materials},
              {"equipment", equipment},
              {"vat_kind", detail::name_of(job.vat_kind, detail::vat_kind_names)},
              {"adds_paid_hours", job.adds_paid_hours}};
  if (job.productivity) out["productivity"] = decimal_json(*job.productivity);
  if (job.vat_rate) out["vat_rate"] = decimal_json(*job.vat_rate);
  if (!job.work.empty()) {
    out["work"] = json::array();
    for (const auto& u : job.work) {
      json d = json::object();
      for (const auto& v : u.drivers) d[v.driver] = decimal_json(v.value);
      out["work"].push_back({{"equation", u.equation}, {"count", decimal_json(u.count)}, {"drivers", d}});
    }
  }
  if (!(job.output == model::Output{})) {
    const auto& o = job.output;
    json output = {{"kind", detail::name_of(o.kind, detail::n::output_kind)}, {"unit", o.unit},
                   {"quantity", decimal_json(o.quantity)}, {"loss_share", decimal_json(o.loss_share)},
                   {"support_per_unit", money_json(o.support_per_unit)}};
    if (o.market_unit_price) output["market_unit_price"] = money_json(*o.market_unit_price);
    if (o.market_floor_unit_price) output["market_floor_unit_price"] = money_json(*o.market_floor_unit_price);
    out["output"] = output;
  }
  return out;
}

ACI_COST_INLINE model::Job job_from_json(const json& j, const std::string& path) {
  const Fields f(j, path,
                 {"name", "client", "atelier", "date", "standard_hours", "drivers", "productivity", "crew_size",
                  "supervisors", "travel", "materials", "equipment", "vat_kind", "vat_rate", "adds_paid_hours",
                  "output", "work"});
  model::Job job;
  job.name = f.str("name");
  job.client = f.str("client", "");
  job.atelier = f.str("atelier", job.atelier);
  job.date = f.date("date");
  job.standard_hours = f.decimal("standard_hours", Decimal(0));
  job.drivers = detail::each(f.array("drivers"), f.at("drivers"), [](const json& d, const std::string& p) {
    const Fields df(d, p, {"name", "quantity", "hours_per_unit"});
    return model::Driver{df.str("name"), df.decimal("quantity"), df.decimal("hours_per_unit")};
  });
  job.productivity = f.opt_decimal("productivity");
  job.crew_size = f.decimal("crew_size");
  job.supervisors = f.decimal("supervisors", Decimal(1));
  if (f.has("travel")) {
    const Fields t(f.raw("travel"), f.at("travel"), {"trips", "km_per_trip", "hours_per_trip"});
    job.travel = {t.decimal("trips", Decimal(0)), t.decimal("km_per_trip", Decimal(0)),
                  t.decimal("hours_per_trip", Decimal(0))};
  }
  job.materials = detail::each(f.array("materials"), f.at("materials"), [](const json& m, const std::string& p) {
    const Fields mf(m, p, {"name", "amount"});
    return model::Material{mf.str("name"), mf.money("amount")};
  });
  job.equipment = detail::each(f.array("equipment"), f.at("equipment"), [](const json& e, const std::string& p) {
    const Fields ef(e, p, {"name", "hours"});
    return model::EquipmentUse{ef.str("name"), ef.decimal("hours")};
  });
  job.vat_kind = static_cast<model::VatKind>(f.choice("vat_kind", detail::vat_kind_names, 0));
  job.vat_rate = f.opt_decimal("vat_rate");
  job.adds_paid_hours = f.boolean("adds_paid_hours", false);
  job.work = detail::each(f.array("work"), f.at("work"), [](const json& w, const std::string& p) {
    const Fields wf(w, p, {"equation", "count", "drivers"});
    model::EquationUse u;
    u.equation = wf.str("equation");
    u.count = wf.decimal("count", Decimal(1));
    if (wf.has("drivers"))
      for (const auto& x : key_from_json(wf.raw("drivers"), wf.at("drivers"))) u.drivers.push_back({x.centre, x.weight});
    return u;
  });
  if (f.has("output")) {
    const Fields o(f.raw("output"), f.at("output"),
                   {"kind", "unit", "quantity", "loss_share", "market_unit_price", "market_floor_unit_price",
                    "support_per_unit"});
    auto& out = job.output;
    out.kind = static_cast<model::OutputKind>(o.choice("kind", detail::n::output_kind, 0));
    out.unit = o.str("unit", out.unit);
    out.quantity = o.decimal("quantity", Decimal(0));
    out.loss_share = o.decimal("loss_share", Decimal(0));
    if (o.has("market_unit_price")) out.market_unit_price = o.money("market_unit_price");
    if (o.has("market_floor_unit_price")) out.market_floor_unit_price = o.money("market_floor_unit_price");
    out.support_per_unit = o.money("support_per_unit", Money());
  }
  detail::checked(path, [&] { job.validate(); return 0; });
  return job;
}

ACI_COST_INLINE json to_json(const quote::PricingOptions& p) {
  return {{"policy", detail::name_of(p.policy, detail::policy_names)},
          {"margin", decimal_json(p.margin)},
          {"site_costs", decimal_json(p.site_costs)},
          {"overheads", decimal_json(p.overheads)},
          {"profit", decimal_json(p.profit)},
          {"k_decimals", p.k_decimals},
          {"rounding", detail::name_of(p.rounding, detail::rounding_names)}};
}

ACI_COST_INLINE quote::PricingOptions pricing_from_json(const json& j, const std::string& path) {
  const Fields f(j, path, {"policy", "margin", "site_costs", "overheads", "profit", "k_decimals", "rounding"});
  quote::PricingOptions p;
  p.policy = static_cast<quote::PricePolicy>(f.choice("policy", detail::policy_names, 0));
  p.margin = f.decimal("margin", p.margin);
  p.site_costs = f.decimal("site_costs", p.site_costs);
  p.overheads = f.decimal("overheads", p.overheads);
  p.profit = f.decimal("profit", p.profit);
  p.k_decimals = f.integer("k_decimals", p.k_decimals);
  p.rounding = static_cast<Rounding>(f.choice("rounding", detail::rounding_names, 0));
  detail::checked(path, [&] { p.validate(path); return 0; });
  return p;
}

ACI_COST_INLINE json to_json(const rates::RateEntry& e) {
  json out = {{"rate", std::string(rates::rate_name(e.rate))},
              {"effective", e.effective.to_string()},
              {"value", to_string(e.value)},
              {"unit", e.unit},
              {"source", e.source},
              {"tag", detail::name_of(e.tag, detail::tag_names)},
              {"note", e.note}};
  if (e.next_review) out["next_review"] = e.next_review->to_string();
  return out;
}

ACI_COST_INLINE rates::RateEntry rate_entry_from_json(const json& j, const std::string& path) {
  const Fields f(j, path, {"rate", "effective", "value", "unit", "source", "tag", "note", "next_review"});
  rates::RateEntry e;
  try {
    e.rate = rates::rate_from_name(f.str("rate"), f.at("rate"));
  } catch (const InvalidInput& x) {
    throw ScenarioError(x.field(), x.value(), "unknown rate name");
  }
  e.effective = f.date("effective");
  e.value = f.decimal("value");
  e.unit = f.str("unit", "");
  e.source = f.str("source");
  if (e.source.empty()) throw ScenarioError(f.at("source"), "\"\"", "every figure needs its source");
  e.tag = static_cast<rates::Tag>(f.choice("tag", detail::tag_names, 2));
  e.note = f.str("note", "");
  if (f.has("next_review")) e.next_review = f.date("next_review");
  return e;
}

ACI_COST_INLINE Scenario scenario_from_json(const json& j) {
  const Fields f(j, "$", {"format", "aci", "jobs", "pricing", "rates", "rates_known_until", "training"});
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
  if (f.has("training")) {
    s.training = training_setup_from_json(f.raw("training"), "$.training");
    detail::checked("$.training", [&] { s.aci.atelier(s.training->atelier, "training.atelier"); return 0; });
  }
  for (std::size_t i = 0; i < s.jobs.size(); ++i) {
    const std::string p = "$.jobs[" + std::to_string(i) + "]";
    detail::checked(p, [&] { s.aci.atelier(s.jobs[i].atelier, "job.atelier"); return 0; });
    for (std::size_t k = 0; k < i; ++k)
      if (s.jobs[k].name == s.jobs[i].name) throw ScenarioError(p + ".name", "\"" + s.jobs[i].name + "\"", "duplicate job name");
  }
  return s;
}

ACI_COST_INLINE Scenario read_scenario(std::string_view text) { return scenario_from_json(parse_json(text)); }

ACI_COST_INLINE json scenario_to_json(const Scenario& s) {
  json jobs = json::array(), rates = json::array();
  for (const auto& j : s.jobs) jobs.push_back(to_json(j));
  for (const auto& e : s.rates) rates.push_back(to_json(e));
  json out = {{"format", std::string(scenario_format)}, {"aci", to_json(s.aci)}, {"pricing", to_json(s.pricing)},
              {"jobs", jobs}, {"rates", rates}};
  if (s.training) out["training"] = to_json(*s.training);
  if (s.rates_known_until) out["rates_known_until"] = s.rates_known_until->to_string();
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
  for (const auto& l : j) out.push_back({l.at("key").get<std::string>(), Money::parse(l.at("amount").get<std::string>())});
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
           {{"policy", detail::name_of(q.price.policy, detail::policy_names)},
            {"coefficient_k", ds(q.price.coefficient_k)},
            {"ht", money_json(q.price.ht)},
            {"vat_rate", ds(q.price.vat_rate)},
            {"vat", money_json(q.price.vat)},
            {"ttc", money_json(q.price.ttc)},
            {"vat_exempt", q.price.vat_exempt},
            {"vat_mention", q.price.vat_mention}}},
          {"bounds",
           {{"market_floor", money_json(q.bounds.market_floor)},
            {"market_price", money_json(q.bounds.market_price)},
            {"full_cost", money_json(q.bounds.full_cost)},
            {"net_cost", money_json(q.bounds.net_cost)}}},
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
    q.per_unit = {u.at("kind").get<std::string>(), u.at("unit").get<std::string>(), d(u, "quantity"), d(u, "sold"),
                  m(u, "full_cost"), m(u, "net_cost"), m(u, "price_ht"),
                  u.at("market_price").is_null() ? std::optional<Money>() : std::optional<Money>(m(u, "market_price"))};
    const json& p = j.at("price");
    q.price = {static_cast<quote::PricePolicy>(
                   Fields(p, "$.price", {"policy", "coefficient_k", "ht", "vat_rate", "vat", "ttc", "vat_exempt", "vat_mention"})
                       .choice("policy", detail::policy_names, 0)),
               d(p, "coefficient_k"), m(p, "ht"), d(p, "vat_rate"), m(p, "vat"), m(p, "ttc"),
               p.at("vat_exempt").get<bool>(), p.at("vat_mention").get<std::string>()};
    const json& b = j.at("bounds");
    q.bounds = {m(b, "market_floor"), m(b, "market_price"), m(b, "full_cost"), m(b, "net_cost")};
    const json& s = j.at("sales_cap");
    q.sales_cap = {d(s, "cap_share"), m(s, "annual_charges"), m(s, "cap"), m(s, "annual_sales"), m(s, "headroom")};
    const json& i = j.at("insertion");
    q.insertion = {d(i, "insertion_hours"), d(i, "on_site_hours"), d(i, "travel_hours"), d(i, "paid_insertion_hours"),
                   d(i, "people"), d(i, "supervision_hours"), d(i, "training_hours"), m(i, "price_production_part"),
                   m(i, "price_integration_part")};
    for (const auto& w : j.at("warnings")) q.warnings.push_back({w.at("code").get<std::string>(), w.at("message").get<std::string>()});
    for (std::size_t k = 0; k < j.at("rates_used").size(); ++k)
      q.rates_used.push_back(rate_entry_from_json(j.at("rates_used")[k], "$.rates_used[" + std::to_string(k) + "]"));
  } catch (const json::exception& e) {
    throw ScenarioError("$", "quote", std::string("not a quote document: ") + e.what());
  }
  return q;
}

}  // namespace aci::io
