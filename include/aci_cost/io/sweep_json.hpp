// The sweep spec format "aci_cost/sweep@1" (docs/sweep_format.md): which model, which inputs
// with which laws, which design, which outputs. Errors carry the JSON path.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/io/sharing_json.hpp"
#include "aci_cost/sweep/engine.hpp"

namespace aci::io {

/// The format tag of a sweep spec.
inline constexpr std::string_view sweep_format = "aci_cost/sweep@1";

/// A sweep spec document: the model to run and the sweep itself.
struct SweepDocument {
  std::string model = "training";  ///< "training" or "quote"
  std::string job;                 ///< quote model: the job (default: the scenario's first)
  /// sharing model: the problem (default: io::example_sharing_problem()); JSON as sharing@1.
  std::optional<sharing::SharingProblem> sharing;
  sweep::SweepSpec spec;  ///< the sweep
};

namespace detail {
inline constexpr std::string_view design_names[] = {"monte_carlo", "latin_hypercube", "sobol", "grid", "points"};
inline constexpr std::string_view law_names[] = {"uniform", "triangular", "truncated_normal", "lognormal", "discrete"};
}  // namespace detail

/// A distribution from {"kind": ..., parameters}.
inline sweep::Distribution<double> distribution_from_json(const json& j, const std::string& path) {
  const Fields kind_only(j, path, {"kind", "low", "high", "mode", "mean", "sd", "mu", "sigma", "values", "weights"});
  const std::size_t kind = kind_only.choice("kind", detail::law_names, 99);
  if (kind == 99) throw ScenarioError(path + ".kind", "missing", "required field");
  const auto allowed = [&](std::initializer_list<std::string_view> keys) { return Fields(j, path, keys); };
  switch (kind) {
    case 0: {
      const Fields f = allowed({"kind", "low", "high"});
      return sweep::Uniform<double>{Fields::to_number(f.raw("low"), f.at("low")),
                                    Fields::to_number(f.raw("high"), f.at("high"))};
    }
    case 1: {
      const Fields f = allowed({"kind", "low", "mode", "high"});
      return sweep::Triangular<double>{Fields::to_number(f.raw("low"), f.at("low")),
                                       Fields::to_number(f.raw("mode"), f.at("mode")),
                                       Fields::to_number(f.raw("high"), f.at("high"))};
    }
    case 2: {
      const Fields f = allowed({"kind", "mean", "sd", "low", "high"});
      return sweep::TruncatedNormal<double>{
          Fields::to_number(f.raw("mean"), f.at("mean")), Fields::to_number(f.raw("sd"), f.at("sd")),
          Fields::to_number(f.raw("low"), f.at("low")), Fields::to_number(f.raw("high"), f.at("high"))};
    }
    case 3: {
      const Fields f = allowed({"kind", "mu", "sigma"});
      return sweep::Lognormal<double>{Fields::to_number(f.raw("mu"), f.at("mu")),
                                      Fields::to_number(f.raw("sigma"), f.at("sigma"))};
    }
    default: {
      const Fields f = allowed({"kind", "values", "weights"});
      return sweep::Discrete<double>{f.numbers("values"), f.numbers("weights")};
    }
  }
}

/// A distribution as JSON.
inline json to_json(const sweep::Distribution<double>& d) {
  return std::visit(
      [](const auto& x) -> json {
        using X = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<X, sweep::Uniform<double>>)
          return {{"kind", "uniform"}, {"low", x.low}, {"high", x.high}};
        else if constexpr (std::is_same_v<X, sweep::Triangular<double>>)
          return {{"kind", "triangular"}, {"low", x.low}, {"mode", x.mode}, {"high", x.high}};
        else if constexpr (std::is_same_v<X, sweep::TruncatedNormal<double>>)
          return {{"kind", "truncated_normal"}, {"mean", x.mean}, {"sd", x.sd}, {"low", x.low}, {"high", x.high}};
        else if constexpr (std::is_same_v<X, sweep::Lognormal<double>>)
          return {{"kind", "lognormal"}, {"mu", x.mu}, {"sigma", x.sigma}};
        else
          return {{"kind", "discrete"}, {"values", x.values}, {"weights", x.weights}};
      },
      d);
}

/// Reads a sweep spec document.
inline SweepDocument sweep_from_json(const json& j) {
  const Fields f(j, "$",
                 {"format", "model", "job", "sharing", "inputs", "design", "rank_correlation", "outputs",
                  "summary_only", "summaries"});
  if (f.str("format") != sweep_format) {
    throw ScenarioError("$.format", "\"" + f.str("format") + "\"", "expected \"" + std::string(sweep_format) + "\"");
  }
  SweepDocument doc;
  doc.model = f.str("model", "training");  // a registered model's name (evaluators/registry.hpp)
  doc.job = f.str("job", "");
  if (f.has("sharing")) {
    try {
      doc.sharing = sharing_from_json(f.raw("sharing"));
    } catch (const ScenarioError& e) {  // its paths are relative to the sharing document
      throw ScenarioError("$.sharing" + e.field().substr(1), e.value(), e.rule());
    }
  }
  const json& inputs = f.array("inputs");
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string p = "$.inputs[" + std::to_string(i) + "]";
    const Fields in(inputs[i], p, {"name", "distribution", "values"});
    sweep::SweepInput x;
    x.name = in.str("name");
    // One or the other: with both, the design would silently ignore one of them.
    if (in.has("distribution") && in.has("values"))
      throw ScenarioError(in.at("values"), "given with a distribution",
                          "an input takes values (grid and points designs) or a distribution (the other designs), "
                          "not both: one of them would be ignored");
    if (in.has("distribution")) x.law = distribution_from_json(in.raw("distribution"), in.at("distribution"));
    x.values = in.numbers("values");
    doc.spec.inputs.push_back(std::move(x));
  }
  if (f.has("design")) {
    const Fields d(f.raw("design"), "$.design", {"kind", "n", "seed", "draw_keys"});
    doc.spec.design = static_cast<sweep::SampleDesign>(d.choice("kind", detail::design_names, 0));
    doc.spec.n = d.unsigned64("n", doc.spec.n);
    doc.spec.seed = d.unsigned64("seed", 0);
    const json& keys = d.array("draw_keys");
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (!keys[i].is_number_unsigned())
        throw ScenarioError("$.design.draw_keys[" + std::to_string(i) + "]", Fields::shown(keys[i]),
                            "expected an unsigned integer key");
      doc.spec.draw_keys.push_back(keys[i].get<std::uint64_t>());
    }
  }
  const json& rc = f.array("rank_correlation");
  for (std::size_t i = 0; i < rc.size(); ++i) {
    if (!rc[i].is_array())
      throw ScenarioError("$.rank_correlation[" + std::to_string(i) + "]", Fields::shown(rc[i]), "expected a row");
    std::vector<double> row;
    for (std::size_t k = 0; k < rc[i].size(); ++k)
      row.push_back(Fields::to_number(
          rc[i][k], [&] { return "$.rank_correlation[" + std::to_string(i) + "][" + std::to_string(k) + "]"; }));
    doc.spec.rank_correlation.push_back(row);
  }
  for (const auto& o : f.array("outputs")) {
    if (!o.is_string()) throw ScenarioError("$.outputs", Fields::shown(o), "expected output names");
    doc.spec.outputs.push_back(o.get<std::string>());
  }
  doc.spec.summary_only = f.boolean("summary_only", false);
  doc.spec.summaries = f.boolean("summaries", true);
  return doc;
}

/// Reads a sweep spec from its JSON text (ScenarioError with the JSON path on any problem).
inline SweepDocument read_sweep(std::string_view text) { return sweep_from_json(parse_json(text)); }

/// Writes a sweep spec document; sweep_from_json(to_json(d)) gives d back.
inline json to_json(const SweepDocument& d) {
  json inputs = json::array();
  for (const auto& in : d.spec.inputs) {
    json x = {{"name", in.name}};
    if (in.law) x["distribution"] = to_json(*in.law);
    if (!in.values.empty()) x["values"] = in.values;
    inputs.push_back(x);
  }
  json out = {{"format", std::string(sweep_format)},
              {"model", d.model},
              {"inputs", inputs},
              {"design",
               {{"kind", std::string(detail::design_names[static_cast<std::size_t>(d.spec.design)])},
                {"n", d.spec.n},
                {"seed", d.spec.seed}}},
              {"outputs", d.spec.outputs},
              {"summary_only", d.spec.summary_only},
              {"summaries", d.spec.summaries}};
  if (!d.job.empty()) out["job"] = d.job;
  if (d.sharing) out["sharing"] = to_json(*d.sharing);
  if (!d.spec.rank_correlation.empty()) out["rank_correlation"] = d.spec.rank_correlation;
  if (!d.spec.draw_keys.empty()) out["design"]["draw_keys"] = d.spec.draw_keys;
  return out;
}

}  // namespace aci::io
