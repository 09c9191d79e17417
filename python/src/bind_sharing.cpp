// Sharing posts between ACIs (sharing/): the problem and its JSON format, the shown splits, and
// the game-level solvers (Shapley, airport, nucleolus, least core) on plain lists of values.
#include <pybind11/stl.h>

#include "aci_cost/io/sharing_json.hpp"
#include "aci_cost/sharing/airport.hpp"
#include "aci_cost/sharing/coalition_cost.hpp"
#include "aci_cost/sharing/inputs.hpp"
#include "aci_cost/sharing/nucleolus.hpp"
#include "aci_cost/sharing/shapley.hpp"
#include "aci_cost/sharing/share.hpp"
#include "convert.hpp"

namespace aci::python {
namespace {

py::list decimals(const std::vector<Decimal>& v) {
  py::list out;
  for (const Decimal& x : v) out.append(Conv<Decimal>::to(x));
  return out;
}
py::list moneys(const std::vector<Money>& v) {
  py::list out;
  for (const Money& x : v) out.append(Conv<Money>::to(x));
  return out;
}
/// A game of n players from its 2^n values, c[S] for the coalition mask S.
sharing::CostGame<double> game_of(const std::vector<double>& values) {
  int n = 0;
  while ((std::size_t{1} << n) < values.size()) ++n;
  return sharing::CostGame<double>::from_values(n, values);
}

}  // namespace

void bind_sharing(py::module_& m) {
  using sharing::SharingProblem;
  py::class_<SharingProblem>(m, "SharingProblem", "ACIs sharing posts (format aci_cost/sharing@1).")
      .def_property_readonly("member_names", [](const SharingProblem& p) {
        std::vector<std::string> out;
        for (const auto& x : p.members) out.push_back(x.name);
        return out;
      }, "the ACIs, in the rounds' order")
      .def_property_readonly("post_names", [](const SharingProblem& p) {
        std::vector<std::string> out;
        for (const auto& x : p.posts) out.push_back(x.name);
        return out;
      }, "the posts")
      .def("to_json", [](const SharingProblem& p) { return io::to_json(p).dump(2); }, "The JSON document.")
      .def("validate", &SharingProblem::validate, "Raises InvalidInput naming the field on bad input.")
      .def(py::pickle([](const SharingProblem& p) { return io::to_json(p).dump(); },
                      [](const std::string& s) { return io::read_sharing(s); }));
  m.def("read_sharing", [](const std::string& text) { return io::read_sharing(text); }, py::arg("text"),
        "A sharing problem from its JSON text (ScenarioError at the JSON path).");
  m.def("example_sharing", &io::example_sharing_problem, "Four ACIs sharing a psychologist and an assistant.");
  m.def("example_sharing_json", [] { return std::string(io::example_sharing_json()); }, "The example's JSON text.");
  m.def("coalition_cost", [](const SharingProblem& p, const std::vector<std::string>& members) {
        const auto c = sharing::CoalitionCost<Decimal>::of(p);
        sharing::Coalition s = 0;
        for (const auto& name : members) s |= sharing::Coalition{1} << p.member_index(name);
        return Conv<Decimal>::to(c(s));
      }, py::arg("problem"), py::arg("members"), "c(S): what these members pay a year sharing the posts, €.");

  py::class_<sharing::Split>(m, "Split", "One split of c(N).")
      .def_property_readonly("method", [](const sharing::Split& s) { return std::string(sharing::split_name(s.method)); })
      .def_property_readonly("shares", [](const sharing::Split& s) { return moneys(s.shares); })
      .def_property_readonly("exact", [](const sharing::Split& s) { return decimals(s.exact); })
      .def_readonly("standard_error", &sharing::Split::standard_error)
      .def_readonly("core_checked", &sharing::Split::core_checked)
      .def_property_readonly("blocking", [](const sharing::Split& s) {
        py::list out;
        for (const auto& b : s.blocking) {
          std::vector<int> who = sharing::players_of(b.members);
          out.append(py::make_tuple(who, Conv<Decimal>::to(b.cost), Conv<Decimal>::to(b.charged),
                                    Conv<Decimal>::to(b.excess())));
        }
        return out;
      }, "list of (member indices, cost alone, charged, excess)");
  using sharing::SharingResult;
  py::class_<SharingResult>(m, "SharingResult", "Stand-alone costs, the grand coalition, and the splits.")
      .def_readonly("members", &SharingResult::members)
      .def_property_readonly("hours", [](const SharingResult& r) { return decimals(r.hours); })
      .def_property_readonly("stand_alone", [](const SharingResult& r) { return moneys(r.stand_alone); })
      .def_property_readonly("grand_cost", [](const SharingResult& r) { return Conv<Money>::to(r.grand_cost); })
      .def_property_readonly("saving", [](const SharingResult& r) { return Conv<Money>::to(r.saving); })
      .def_readonly("exact_game", &SharingResult::exact_game)
      .def_readonly("core_empty", &SharingResult::core_empty)
      .def_readonly("least_core", &SharingResult::least_core)
      .def_readonly("splits", &SharingResult::splits)
      .def_readonly("notes", &SharingResult::notes);
  m.def("share", [](const SharingProblem& p, const std::vector<std::string>& methods, int decimal_max_members,
                    int exact_max_members, std::uint64_t permutations, std::uint64_t seed, int threads) {
        sharing::ShareOptions o;
        o.methods.clear();
        for (std::size_t k = 0; k < methods.size(); ++k) {
          bool found = false;
          for (auto method : {sharing::SplitMethod::proportional, sharing::SplitMethod::equal_saving,
                              sharing::SplitMethod::shapley, sharing::SplitMethod::nucleolus})
            if (sharing::split_name(method) == methods[k]) o.methods.push_back(method), found = true;
          ACI_COST_REQUIRE(found, "share.methods[" + std::to_string(k) + "]", "\"" + methods[k] + "\"",
                           "expected proportional, equal_saving, shapley or nucleolus");
        }
        o.decimal_max_members = decimal_max_members;
        o.exact_max_members = exact_max_members;
        o.permutations = permutations;
        o.seed = seed;
        o.threads = threads;
        py::gil_scoped_release release;
        return sharing::share(p, o);
      }, py::arg("problem"), py::arg("methods"), py::arg("decimal_max_members") = 12, py::arg("exact_max_members") = 20,
      py::arg("permutations") = 20000, py::arg("seed") = 1, py::arg("threads") = 1,
      "The splits of a sharing problem to the cent, with the coalitions that would walk away.");

  m.def("shapley_exact", [](const std::vector<double>& values) {
        const auto g = game_of(values);
        py::gil_scoped_release release;
        return sharing::shapley_exact(g);
      }, py::arg("values"), "The exact Shapley value of the cost game c[S] (2^n values, S a bit mask).");
  m.def("shapley_sampled", [](const std::vector<double>& values, std::uint64_t permutations, std::uint64_t seed,
                              int threads) {
        const auto g = game_of(values);
        py::gil_scoped_release release;
        const auto r = sharing::shapley_sampled(g.players(), [&](sharing::Coalition s) { return g(s); }, permutations,
                                                seed, threads);
        return std::make_pair(r.value, r.standard_error);
      }, py::arg("values"), py::arg("permutations"), py::arg("seed"), py::arg("threads") = 1,
      "The Shapley value estimated from seeded random orders: (value, standard_error).");
  m.def("airport_shapley", [](const std::vector<double>& costs) { return sharing::airport_shapley(costs); },
        py::arg("costs"), "The Littlechild-Owen closed form of an airport game's Shapley value.");
  m.def("nucleolus", [](const std::vector<double>& values) { return sharing::nucleolus(game_of(values)).x; },
        py::arg("values"), "The nucleolus of the cost game c[S] (over imputations; Clp LPs).");
  m.def("least_core", [](const std::vector<double>& values) {
        const auto r = sharing::least_core(game_of(values));
        return std::make_pair(r.epsilon, r.x);
      }, py::arg("values"), "(epsilon, x) of the least core; the core is empty when epsilon > 0.");
  m.def("sharing_input_table", [] {
        py::list rows;
        for (const auto& s : sharing::sharing_input_specs) {
          py::dict r;
          r["name"] = s.name; r["unit"] = s.unit; r["low"] = s.low; r["high"] = s.high; r["low_open"] = s.low_open;
          r["high_open"] = s.high_open; r["per_member"] = s.per_member; r["rule"] = s.rule; r["doc"] = s.doc;
          r["domain_rule"] = s.domain_rule();
          rows.append(r);
        }
        return rows;
      }, "The sharing model's sweepable inputs (its descriptor table): one dict per input.");
  m.def("sharing_output_table", [] {
        py::list rows;
        for (const auto& s : sharing::sharing_output_specs)
          rows.append(py::dict(py::arg("name") = s.name, py::arg("unit") = s.unit, py::arg("per_member") = s.per_member,
                               py::arg("doc") = s.doc));
        return rows;
      }, "The sharing model's outputs: one dict per output.");
}

}  // namespace aci::python
