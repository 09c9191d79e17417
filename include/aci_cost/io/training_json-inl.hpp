// Implementation of io/training_json.hpp.
#pragma once

#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/io/names.hpp"
#include "aci_cost/io/training_json.hpp"

namespace aci::io {

namespace detail {
template <class E, class Names>
E pick(const Fields& f, std::string_view key, const Names& names, E fallback) {
  return static_cast<E>(f.choice(key, names, static_cast<std::size_t>(fallback)));
}
template <class E, class Names>
json named(E e, const Names&) {
  return std::string(schema::name_of(e));
}
/// The keys of the object `group` of a training model: `structural` and the group's numeric
/// inputs (training/inputs.hpp).
inline std::vector<std::string_view> group_keys(std::string_view group,
                                                std::initializer_list<std::string_view> structural) {
  std::vector<std::string_view> keys(structural);
  for (const auto& spec : training::input_specs)
    if (spec.path.substr(0, spec.path.find('.')) == group) keys.push_back(spec.path.substr(group.size() + 1));
  return keys;
}

/// Reads the numeric inputs of `group` from `f` (absent: m's value stays).
inline void read_inputs(const Fields& f, std::string_view group, training::TrainingModel& m) {
  for (std::size_t k = 0; k < training::detail::p_count; ++k) {
    const std::string_view path = training::input_specs[k].path;
    if (path.substr(0, path.find('.')) != group) continue;
    double& v = training::detail::param_ref(m, static_cast<training::detail::Param>(k));
    v = f.number(path.substr(group.size() + 1), v);
  }
}
}  // namespace detail

ACI_COST_INLINE json to_json(const training::TrainingModel& m) {
  json contracts = json::array(), sessions = json::array();
  for (const auto& c : m.workforce.contracts)
    contracts.push_back({{"start_week", c.start_week}, {"end_week", c.end_week}});
  for (const auto& s : m.plan.sessions) sessions.push_back({{"week", s.week}, {"hours", s.hours}});
  const auto& wf = m.workforce;
  const auto& d = m.demand;
  const auto& df = m.deferral;
  json j = {
      {"horizon",
       {{"weeks", m.horizon.weeks},
        {"start_week", m.horizon.start_week},
        {"weeks_in_start_year", m.horizon.weeks_in_start_year}}},
      {"workforce",
       {{"mode", detail::named(wf.mode, names::workforce_mode)},
        {"contracts", contracts},
        {"leave_hours", wf.leave_hours},
        {"closed_weeks", wf.closed_weeks}}},
      {"demand",
       {{"mode", detail::named(d.mode, names::demand_mode)}, {"hours", d.hours}, {"seasonal_shape", d.seasonal_shape}}},
      {"plan", {{"sessions", sessions}, {"delivery", detail::named(m.plan.delivery, names::training_delivery)}}},
      {"deferral", {{"policy", detail::named(df.policy, names::deferral_policy)}, {"fixed_weeks", df.fixed_weeks}}},
      {"costs", json::object()},
      {"seed", m.seed}};
  // The numeric inputs, from the descriptor table.
  for (std::size_t k = 0; k < training::detail::p_count; ++k) {
    const std::string_view path = training::input_specs[k].path;
    const std::size_t dot = path.find('.');
    j[std::string(path.substr(0, dot))][std::string(path.substr(dot + 1))] =
        training::detail::param_ref(m, static_cast<training::detail::Param>(k));
  }
  return j;
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
                   detail::group_keys("workforce", {"mode", "contracts", "leave_hours", "closed_weeks"}));
    auto& wf = m.workforce;
    wf.mode = detail::pick(w, "mode", names::workforce_mode, wf.mode);
    const json& cs = w.array("contracts");
    for (std::size_t i = 0; i < cs.size(); ++i) {
      const Fields c(cs[i], w.at("contracts") + "[" + std::to_string(i) + "]", {"start_week", "end_week"});
      wf.contracts.push_back({c.integer("start_week", 0), c.integer("end_week", 52)});
    }
    wf.leave_hours = w.numbers("leave_hours");
    wf.closed_weeks = w.integers("closed_weeks");
    detail::read_inputs(w, "workforce", m);
  }
  {
    const Fields d(sub("demand"), f.at("demand"), detail::group_keys("demand", {"mode", "hours", "seasonal_shape"}));
    auto& dm = m.demand;
    dm.mode = detail::pick(d, "mode", names::demand_mode, dm.mode);
    dm.hours = d.numbers("hours");
    dm.seasonal_shape = d.numbers("seasonal_shape");
    detail::read_inputs(d, "demand", m);
  }
  {
    const Fields p(sub("plan"), f.at("plan"), detail::group_keys("plan", {"sessions", "delivery"}));
    const json& ss = p.array("sessions");
    for (std::size_t i = 0; i < ss.size(); ++i) {
      const Fields s(ss[i], p.at("sessions") + "[" + std::to_string(i) + "]", {"week", "hours"});
      m.plan.sessions.push_back({s.integer("week", 0), s.number("hours", 0.0)});
    }
    m.plan.delivery = detail::pick(p, "delivery", names::training_delivery, m.plan.delivery);
    detail::read_inputs(p, "plan", m);
  }
  {
    const Fields d(sub("deferral"), f.at("deferral"), detail::group_keys("deferral", {"policy", "fixed_weeks"}));
    auto& df = m.deferral;
    df.policy = detail::pick(d, "policy", names::deferral_policy, df.policy);
    df.fixed_weeks = d.integers("fixed_weeks");
    detail::read_inputs(d, "deferral", m);
  }
  {
    const Fields c(sub("costs"), f.at("costs"), detail::group_keys("costs", {}));
    detail::read_inputs(c, "costs", m);
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
  json model = to_json(s.model);
  if (s.derive_from_atelier) {  // the atelier gives these: written, they would read as ignored input
    for (const std::string_view field : link::derived_fields) {
      const std::size_t dot = field.find('.');
      model[std::string(field.substr(0, dot))].erase(std::string(field.substr(dot + 1)));
    }
  }
  return {{"atelier", s.atelier},
          {"date", s.date.to_string()},
          {"derive_from_atelier", s.derive_from_atelier},
          {"model", std::move(model)}};
}

ACI_COST_INLINE link::TrainingSetup training_setup_from_json(const json& j, const std::string& path) {
  const Fields f(j, path, {"atelier", "date", "derive_from_atelier", "model"});
  link::TrainingSetup s;
  s.atelier = f.str("atelier", s.atelier);
  s.date = f.date("date", s.date);
  s.derive_from_atelier = f.boolean("derive_from_atelier", true);
  if (!f.has("model")) return s;
  const json& model = f.raw("model");
  if (s.derive_from_atelier && model.is_object()) {
    for (const std::string_view field : link::derived_fields) {
      const std::string group(field.substr(0, field.find('.'))), key(field.substr(group.size() + 1));
      const auto g = model.find(group);
      if (g == model.end() || !g->is_object() || !g->contains(key)) continue;
      throw ScenarioError(f.at("model") + "." + std::string(field), g->at(key).dump(),
                          "the atelier gives this field while derive_from_atelier is true (it would be ignored): "
                          "remove it, or set derive_from_atelier to false");
    }
  }
  s.model = training_model_from_json(model, f.at("model"));
  return s;
}

}  // namespace aci::io
