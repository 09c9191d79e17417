// The sharing format "aci_cost/sharing@1" (docs/sharing.md): the posts several ACIs want to
// share, each ACI's needs, and the distances between their sites; and the example of four ACIs
// sharing a psychologist and an administrative assistant (examples/sharing_four_acis.json).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/sharing/problem.hpp"

namespace aci::io {

/// The format tag of a sharing document.
inline constexpr std::string_view sharing_format = "aci_cost/sharing@1";

namespace detail {
/// A part-time rule from its JSON object {"basis", "minimum_hours"} at `path`.
inline sharing::PartTimeRule part_time_from_json(const json& j, const std::string& path) {
  const Fields f(j, path, {"basis", "minimum_hours"});
  sharing::PartTimeRule r;
  r.basis = static_cast<sharing::PartTimeBasis>(f.choice("basis", sharing::part_time_basis_names, 0));
  r.minimum_hours = f.decimal("minimum_hours", Decimal(0));
  return r;
}

/// The JSON object of a part-time rule.
inline json part_time_json(const sharing::PartTimeRule& r) {
  json out = {{"basis", sharing::part_time_basis_name(r.basis)}};
  if (r.minimum_hours != 0) out["minimum_hours"] = decimal_json(r.minimum_hours);
  return out;
}

inline std::vector<std::vector<Decimal>> matrix_from_json(const Fields& f, std::string_view key) {
  std::vector<std::vector<Decimal>> out;
  const json& rows = f.array(key);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string row = f.at(key) + "[" + std::to_string(i) + "]";
    if (!rows[i].is_array()) throw ScenarioError(row, Fields::shown(rows[i]), "expected an array");
    out.emplace_back();
    for (std::size_t j = 0; j < rows[i].size(); ++j)
      out.back().push_back(Fields::to_decimal(rows[i][j], row + "[" + std::to_string(j) + "]"));
  }
  return out;
}

inline json matrix_json(const std::vector<std::vector<Decimal>>& a) {
  json out = json::array();
  for (const auto& row : a) {
    json r = json::array();
    for (const Decimal& x : row) r.push_back(decimal_json(x));
    out.push_back(r);
  }
  return out;
}
}  // namespace detail

/// A sharing problem from its JSON document (validated; ScenarioError at the JSON path).
inline sharing::SharingProblem sharing_from_json(const json& j) {
  const Fields f(j, "$", {"format", "date", "posts", "members", "distance_km", "travel_hours"});
  const std::string format = f.str("format", std::string(sharing_format));
  if (format != sharing_format)
    throw ScenarioError("$.format", "\"" + format + "\"", "expected \"" + std::string(sharing_format) + "\"");
  sharing::SharingProblem p;
  p.date = f.date("date", p.date);
  const json& posts = f.array("posts");
  for (std::size_t k = 0; k < posts.size(); ++k) {
    const std::string path = "$.posts[" + std::to_string(k) + "]";
    const Fields pf(
        posts[k], path,
        {"name", "staff", "recruitment_annual", "management_annual", "equipment_annual", "coordination_per_member",
         "cost_per_km", "rounds_per_week", "service_weeks", "frame", "grid_level", "pay_override"});
    sharing::SharedPost post;
    post.name = pf.str("name");
    post.staff = staff_from_json(pf.raw("staff"), pf.at("staff"));
    post.recruitment_annual = pf.money("recruitment_annual", Money());
    post.management_annual = pf.money("management_annual", Money());
    post.equipment_annual = pf.money("equipment_annual", Money());
    post.coordination_per_member = pf.money("coordination_per_member", Money());
    post.cost_per_km = pf.money("cost_per_km", Money());
    post.rounds_per_week = pf.decimal("rounds_per_week", post.rounds_per_week);
    post.service_weeks = pf.decimal("service_weeks", post.service_weeks);
    post.grid_level = pf.str("grid_level", std::string());
    post.pay_override = pf.boolean("pay_override", false);
    if (pf.has("frame")) {
      const Fields ff(pf.raw("frame"), pf.at("frame"),
                      {"kind", "lending_markup", "lender", "group_overhead_rate", "group_fee_per_member",
                       "group_management_annual", "group_insurance_annual", "part_time"});
      post.frame.kind = static_cast<sharing::FrameKind>(ff.choice("kind", sharing::frame_names, 0));
      post.frame.lending_markup = ff.decimal("lending_markup", Decimal(0));
      post.frame.lender = ff.str("lender", std::string());
      post.frame.group_overhead_rate = ff.decimal("group_overhead_rate", Decimal(0));
      post.frame.group_fee_per_member = ff.money("group_fee_per_member", Money());
      post.frame.group_management_annual = ff.money("group_management_annual", Money());
      post.frame.group_insurance_annual = ff.money("group_insurance_annual", Money());
      if (ff.has("part_time"))
        post.frame.part_time = detail::part_time_from_json(ff.raw("part_time"), ff.at("part_time"));
    }
    p.posts.push_back(post);
  }
  const json& members = f.array("members");
  for (std::size_t i = 0; i < members.size(); ++i) {
    const std::string path = "$.members[" + std::to_string(i) + "]";
    const Fields mf(members[i], path, {"name", "needs"});
    sharing::Member m;
    m.name = mf.str("name");
    m.hours.assign(p.posts.size(), Decimal(0));
    m.weeks.assign(p.posts.size(), Decimal(0));
    m.alone.assign(p.posts.size(), sharing::PartTimeRule{});
    if (mf.has("needs")) {
      const json& needs = mf.raw("needs");
      if (!needs.is_object()) throw ScenarioError(mf.at("needs"), Fields::shown(needs), "expected an object by post");
      for (const auto& [post_name, need] : needs.items()) {
        const std::string np = mf.at("needs") + "." + post_name;
        std::size_t k = p.posts.size();
        for (std::size_t q = 0; q < p.posts.size(); ++q)
          if (p.posts[q].name == post_name) k = q;
        if (k == p.posts.size()) throw ScenarioError(np, "\"" + post_name + "\"", "no such post");
        const Fields nf(need, np, {"hours", "weeks", "alone"});
        m.hours[k] = nf.decimal("hours");
        m.weeks[k] = nf.decimal("weeks", p.posts[k].service_weeks);
        if (nf.has("alone")) m.alone[k] = detail::part_time_from_json(nf.raw("alone"), nf.at("alone"));
      }
    }
    p.members.push_back(m);
  }
  p.distance_km = detail::matrix_from_json(f, "distance_km");
  p.travel_hours = detail::matrix_from_json(f, "travel_hours");
  try {
    p.validate();
  } catch (const ScenarioError&) {
    throw;
  } catch (const InvalidInput& e) {
    throw ScenarioError("$." + e.field(), e.value(), e.rule());
  }
  return p;
}

/// A sharing problem from JSON text.
inline sharing::SharingProblem read_sharing(std::string_view text) { return sharing_from_json(parse_json(text)); }

/// The JSON document of a sharing problem (read back by sharing_from_json to an equal problem).
inline json to_json(const sharing::SharingProblem& p) {
  json posts = json::array();
  for (const auto& post : p.posts) {
    json frame = {{"kind", sharing::frame_name(post.frame.kind)}};
    if (post.frame.lending_markup != 0) frame["lending_markup"] = decimal_json(post.frame.lending_markup);
    if (!post.frame.lender.empty()) frame["lender"] = post.frame.lender;
    if (post.frame.kind == sharing::FrameKind::employers_group) {
      frame["group_overhead_rate"] = decimal_json(post.frame.group_overhead_rate);
      frame["group_fee_per_member"] = money_json(post.frame.group_fee_per_member);
      frame["group_management_annual"] = money_json(post.frame.group_management_annual);
      frame["group_insurance_annual"] = money_json(post.frame.group_insurance_annual);
    }
    if (post.frame.part_time != sharing::PartTimeRule{})
      frame["part_time"] = detail::part_time_json(post.frame.part_time);
    posts.push_back({{"name", post.name},
                     {"staff", to_json(post.staff)},
                     {"recruitment_annual", money_json(post.recruitment_annual)},
                     {"management_annual", money_json(post.management_annual)},
                     {"equipment_annual", money_json(post.equipment_annual)},
                     {"coordination_per_member", money_json(post.coordination_per_member)},
                     {"cost_per_km", money_json(post.cost_per_km)},
                     {"rounds_per_week", decimal_json(post.rounds_per_week)},
                     {"service_weeks", decimal_json(post.service_weeks)},
                     {"frame", frame}});
    if (!post.grid_level.empty()) posts.back()["grid_level"] = post.grid_level;
    if (post.pay_override) posts.back()["pay_override"] = true;
  }
  json members = json::array();
  for (const auto& m : p.members) {
    json needs = json::object();
    for (std::size_t k = 0; k < p.posts.size(); ++k) {
      const sharing::PartTimeRule alone = m.alone_rule(k);
      if (m.hours[k] == 0 && m.weeks[k] == 0 && alone == sharing::PartTimeRule{}) continue;
      json need = {{"hours", decimal_json(m.hours[k])}, {"weeks", decimal_json(m.weeks[k])}};
      if (alone != sharing::PartTimeRule{}) need["alone"] = detail::part_time_json(alone);
      needs[p.posts[k].name] = need;
    }
    members.push_back({{"name", m.name}, {"needs", needs}});
  }
  return {{"format", sharing_format},
          {"date", p.date.to_string()},
          {"posts", posts},
          {"members", members},
          {"distance_km", detail::matrix_json(p.distance_km)},
          {"travel_hours", detail::matrix_json(p.travel_hours)}};
}

/// The example of docs/sharing.md and examples/sharing_four_acis.json: four ACIs of one
/// département sharing a psychologist (staff lending) and an administrative assistant (an
/// employers' group). Every figure is an assumption [est]; pay and contributions go through the
/// people model (2026 reduction) at SMIC-indexed or hourly pay.
inline const char* example_sharing_json() {
  return R"({
  "format": "aci_cost/sharing@1",
  "date": "2026-03-01",
  "posts": [
    {"name": "psychologist", "grid_level": "accompagnateur_c",
     "staff": {"name": "psychologist", "role": "socio_professional", "headcount": 1, "weekly_hours": 35,
               "pay": {"basis": "hourly", "amount": "17.50"},
               "contributions": {"mode": "legal_reduction", "employer_rate": 0.45},
               "per_head_annual_cost": "300",
               "hours": {"meetings": 0.03, "leave": 0.096, "bank_holidays": 0.024}},
     "recruitment_annual": "1500", "management_annual": "1200", "equipment_annual": "600",
     "coordination_per_member": "400", "cost_per_km": "0.40", "rounds_per_week": 1, "service_weeks": 47,
     "frame": {"kind": "staff_lending"}},
    {"name": "administrative_assistant", "grid_level": "assistant_administratif_a",
     "staff": {"name": "administrative assistant", "role": "support", "headcount": 1, "weekly_hours": 35,
               "pay": {"basis": "hourly", "amount": "13.00"},
               "contributions": {"mode": "legal_reduction", "employer_rate": 0.45},
               "per_head_annual_cost": "200",
               "hours": {"meetings": 0.02, "leave": 0.096, "bank_holidays": 0.024}},
     "recruitment_annual": "800", "management_annual": "1200", "equipment_annual": "500",
     "coordination_per_member": "300", "cost_per_km": "0.40", "rounds_per_week": 1, "service_weeks": 47,
     "frame": {"kind": "employers_group", "group_overhead_rate": 0.05, "group_fee_per_member": "150",
               "group_management_annual": "900", "group_insurance_annual": "300"}}
  ],
  "members": [
    {"name": "ACI Vallée", "needs": {
       "psychologist": {"hours": 8, "weeks": 47, "alone": {"basis": "several_jobs"}},
       "administrative_assistant": {"hours": 10, "weeks": 47, "alone": {"basis": "several_jobs"}}}},
    {"name": "ACI Plateau", "needs": {
       "psychologist": {"hours": 6, "weeks": 47, "alone": {"basis": "several_jobs"}},
       "administrative_assistant": {"hours": 12, "weeks": 47, "alone": {"basis": "several_jobs"}}}},
    {"name": "ACI Bourg", "needs": {
       "psychologist": {"hours": 10, "weeks": 47, "alone": {"basis": "several_jobs"}},
       "administrative_assistant": {"hours": 8, "weeks": 47}}},
    {"name": "ACI Rivière", "needs": {
       "psychologist": {"hours": 4, "weeks": 40, "alone": {"basis": "several_jobs"}}}}
  ],
  "distance_km": [[0, 25, 12, 30], [25, 0, 18, 40], [12, 18, 0, 22], [30, 40, 22, 0]],
  "travel_hours": [[0, 0.5, 0.25, 0.6], [0.5, 0, 0.35, 0.75], [0.25, 0.35, 0, 0.4], [0.6, 0.75, 0.4, 0]]
}
)";
}

/// The example problem (example_sharing_json()).
inline sharing::SharingProblem example_sharing_problem() { return read_sharing(example_sharing_json()); }

}  // namespace aci::io
