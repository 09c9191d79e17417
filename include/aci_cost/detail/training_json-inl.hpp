// Implementation of io/training_json.hpp.
#pragma once

#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/io/names.hpp"
#include "aci_cost/io/training_json.hpp"

namespace aci::io {

namespace detail {
template <class E, std::size_t N>
E pick(const Fields& f, std::string_view key, const std::string_view (&names)[N], E fallback) {
  return static_cast<E>(f.choice(key, names, static_cast<std::size_t>(fallback)));
}
template <class E, std::size_t N>
json named(E e, const std::string_view (&names)[N]) {
  return std::string(names[static_cast<std::size_t>(e)]);
}
}  // namespace detail

ACI_COST_INLINE json to_json(const training::TrainingModel& m) {
  json contracts = json::array(), sessions = json::array();
  for (const auto& c : m.workforce.contracts) contracts.push_back({{"start_week", c.start_week}, {"end_week", c.end_week}});
  for (const auto& s : m.plan.sessions) sessions.push_back({{"week", s.week}, {"hours", s.hours}});
  const auto& wf = m.workforce;
  const auto& d = m.demand;
  const auto& df = m.deferral;
  return {
      {"horizon", {{"weeks", m.horizon.weeks}, {"start_week", m.horizon.start_week},
                   {"weeks_in_start_year", m.horizon.weeks_in_start_year}}},
      {"workforce", {{"mode", detail::named(wf.mode, names::workforce_mode)}, {"headcount", wf.headcount},
                     {"contract_months", wf.contract_months}, {"contracts", contracts}, {"weekly_hours", wf.weekly_hours},
                     {"absence", wf.absence}, {"absence_spread", wf.absence_spread}, {"accompaniment", wf.accompaniment},
                     {"leave_hours", wf.leave_hours}, {"closed_weeks", wf.closed_weeks}}},
      {"demand", {{"mode", detail::named(d.mode, names::demand_mode)}, {"hours", d.hours}, {"base_hours", d.base_hours},
                  {"amplitude", d.amplitude}, {"seasonal_shape", d.seasonal_shape}, {"variation", d.variation},
                  {"productivity", d.productivity}}},
      {"plan", {{"hours_per_week", m.plan.hours_per_week}, {"sessions", sessions},
                {"delivery", detail::named(m.plan.delivery, names::training_delivery)},
                {"trainees_per_supervisor", m.plan.trainees_per_supervisor}}},
      {"deferral", {{"policy", detail::named(df.policy, names::deferral_policy)}, {"protected_share", df.protected_share},
                    {"load_threshold", df.load_threshold}, {"fixed_weeks", df.fixed_weeks},
                    {"catch_up_share", df.catch_up_share}, {"initial_backlog", df.initial_backlog}}},
      {"costs", {{"cost_per_paid_hour", m.costs.cost_per_paid_hour},
                 {"supervisor_cost_per_hour", m.costs.supervisor_cost_per_hour},
                 {"external_cost_per_hour", m.costs.external_cost_per_hour}}},
      {"seed", m.seed}};
}

ACI_COST_INLINE training::TrainingModel training_model_from_json(const json& j, const std::string& path) {
  using namespace aci::training;
  const Fields f(j, path, {"horizon", "workforce", "demand", "plan", "deferral", "costs", "seed"});
  TrainingModel m;
  const json empty = json::object();
  const auto sub = [&](const char* key) -> const json& { return f.has(key) ? f.raw(key) : empty; };
  {
    const Fields h(sub("horizon"), f.at("horizon"), {"weeks", "start_week", "weeks_in_start_year"});
    m.horizon = {h.integer("weeks", m.horizon.weeks), h.integer("start_week", m.horizon.start_week),
                 h.integer("weeks_in_start_year", m.horizon.weeks_in_start_year)};
  }
  {
    const Fields w(sub("workforce"), f.at("workforce"),
                   {"mode", "headcount", "contract_months", "contracts", "weekly_hours", "absence", "absence_spread",
                    "accompaniment", "leave_hours", "closed_weeks"});
    auto& wf = m.workforce;
    wf.mode = detail::pick(w, "mode", names::workforce_mode, wf.mode);
    wf.headcount = w.number("headcount", wf.headcount);
    wf.contract_months = w.number("contract_months", wf.contract_months);
    const json& cs = w.array("contracts");
    for (std::size_t i = 0; i < cs.size(); ++i) {
      const Fields c(cs[i], w.at("contracts") + "[" + std::to_string(i) + "]", {"start_week", "end_week"});
      wf.contracts.push_back({c.integer("start_week", 0), c.integer("end_week", 52)});
    }
    wf.weekly_hours = w.number("weekly_hours", wf.weekly_hours);
    wf.absence = w.number("absence", wf.absence);
    wf.absence_spread = w.number("absence_spread", wf.absence_spread);
    wf.accompaniment = w.number("accompaniment", wf.accompaniment);
    wf.leave_hours = w.numbers("leave_hours");
    wf.closed_weeks = w.integers("closed_weeks");
  }
  {
    const Fields d(sub("demand"), f.at("demand"),
                   {"mode", "hours", "base_hours", "amplitude", "seasonal_shape", "variation", "productivity"});
    auto& dm = m.demand;
    dm.mode = detail::pick(d, "mode", names::demand_mode, dm.mode);
    dm.hours = d.numbers("hours");
    dm.base_hours = d.number("base_hours", dm.base_hours);
    dm.amplitude = d.number("amplitude", dm.amplitude);
    dm.seasonal_shape = d.numbers("seasonal_shape");
    dm.variation = d.number("variation", dm.variation);
    dm.productivity = d.number("productivity", dm.productivity);
  }
  {
    const Fields p(sub("plan"), f.at("plan"), {"hours_per_week", "sessions", "delivery", "trainees_per_supervisor"});
    m.plan.hours_per_week = p.number("hours_per_week", m.plan.hours_per_week);
    const json& ss = p.array("sessions");
    for (std::size_t i = 0; i < ss.size(); ++i) {
      const Fields s(ss[i], p.at("sessions") + "[" + std::to_string(i) + "]", {"week", "hours"});
      m.plan.sessions.push_back({s.integer("week", 0), s.number("hours", 0.0)});
    }
    m.plan.delivery = detail::pick(p, "delivery", names::training_delivery, m.plan.delivery);
    m.plan.trainees_per_supervisor = p.number("trainees_per_supervisor", m.plan.trainees_per_supervisor);
  }
  {
    const Fields d(sub("deferral"), f.at("deferral"),
                   {"policy", "protected_share", "load_threshold", "fixed_weeks", "catch_up_share", "initial_backlog"});
    auto& df = m.deferral;
    df.policy = detail::pick(d, "policy", names::deferral_policy, df.policy);
    df.protected_share = d.number("protected_share", df.protected_share);
    df.load_threshold = d.number("load_threshold", df.load_threshold);
    df.fixed_weeks = d.integers("fixed_weeks");
    df.catch_up_share = d.number("catch_up_share", df.catch_up_share);
    df.initial_backlog = d.number("initial_backlog", df.initial_backlog);
  }
  {
    const Fields c(sub("costs"), f.at("costs"), {"cost_per_paid_hour", "supervisor_cost_per_hour", "external_cost_per_hour"});
    m.costs = {c.number("cost_per_paid_hour", m.costs.cost_per_paid_hour),
               c.number("supervisor_cost_per_hour", m.costs.supervisor_cost_per_hour),
               c.number("external_cost_per_hour", m.costs.external_cost_per_hour)};
  }
  m.seed = f.unsigned64("seed", m.seed);
  try {
    m.validate(path);
  } catch (const ScenarioError&) {
    throw;
  } catch (const InvalidInput& e) {
    throw ScenarioError(e.field(), e.value(), e.rule());
  }
  return m;
}

ACI_COST_INLINE json to_json(const link::TrainingSetup& s) {
  return {{"atelier", s.atelier}, {"date", s.date.to_string()}, {"derive_from_atelier", s.derive_from_atelier},
          {"model", to_json(s.model)}};
}

ACI_COST_INLINE link::TrainingSetup training_setup_from_json(const json& j, const std::string& path) {
  const Fields f(j, path, {"atelier", "date", "derive_from_atelier", "model"});
  link::TrainingSetup s;
  s.atelier = f.str("atelier", s.atelier);
  s.date = f.date("date", s.date);
  s.derive_from_atelier = f.boolean("derive_from_atelier", true);
  if (f.has("model")) s.model = training_model_from_json(f.raw("model"), f.at("model"));
  return s;
}

}  // namespace aci::io
