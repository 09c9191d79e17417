// Sharing posts between ACIs (sharing/): the problem and its JSON format, the shown result (the
// frames, the stand-alone assumptions, the splits, the core check, the best grouping), and the
// game-level solvers (Shapley, airport, nucleolus, least core, grouping) on plain lists of values.
#include <pybind11/stl.h>

#include <array>
#include <map>
#include <optional>
#include <string_view>

#include "aci_cost/io/sharing_json.hpp"
#include "aci_cost/sharing/airport.hpp"
#include "aci_cost/sharing/coalition_cost.hpp"
#include "aci_cost/sharing/grouping.hpp"
#include "aci_cost/sharing/inputs.hpp"
#include "aci_cost/sharing/nucleolus.hpp"
#include "aci_cost/sharing/shapley.hpp"
#include "aci_cost/sharing/share.hpp"
#include "convert.hpp"
#include "descriptor_rows.hpp"
#include "record.hpp"
#include "sweep_bridge.hpp"

// The names of the sharing enums for the bindings (schema::EnumNames, index = value).
template <>
struct aci::schema::EnumNames<aci::sharing::SplitMethod> {
  static constexpr auto names = std::to_array(aci::sharing::split_names);
};
template <>
struct aci::schema::EnumNames<aci::sharing::FrameKind> {
  static constexpr auto names = std::to_array(aci::sharing::frame_names);
};
template <>
struct aci::schema::EnumNames<aci::sharing::PartTimeBasis> {
  static constexpr auto names = std::to_array(aci::sharing::part_time_basis_names);
};
template <>
struct aci::schema::EnumNames<aci::sharing::FindingKind> {
  static constexpr auto names = std::to_array(aci::sharing::finding_names);
};

namespace aci::python {

namespace {

/// A game of n players from its 2^n values, c[S] for the coalition mask S.
sharing::CostGame<double> game_of(const std::vector<double>& values) {
  int n = 0;
  while ((std::size_t{1} << n) < values.size()) ++n;
  return sharing::CostGame<double>::from_values(n, values);
}
/// A coalition as the list of its members' indices.
std::vector<int> who(sharing::Coalition s) { return sharing::players_of(s); }
std::vector<std::vector<int>> groups_of(const std::vector<sharing::Coalition>& groups) {
  std::vector<std::vector<int>> out;
  for (auto g : groups) out.push_back(who(g));
  return out;
}
py::list blocking_list(const std::vector<sharing::BlockingCoalition>& blocking) {
  py::list out;
  for (const auto& b : blocking)
    out.append(py::make_tuple(who(b.members), Conv<Money>::to(b.cost), Conv<Money>::to(b.charged),
                              Conv<Money>::to(b.excess())));
  return out;
}

/// A read-only property converting a field with Conv.
template <class T, class M>
void ro(py::class_<T>& c, const char* name, M T::*member, const char* doc) {
  c.def_property_readonly(
      name, [member](const T& self) { return Conv<M>::to(self.*member); }, doc);
}

/// The repr of a result class: its properties as Name(field=value, ...), spread over lines when long.
template <class T>
void shown(py::class_<T>& c) {
  py::list names;
  const py::object property = py::module_::import("builtins").attr("property");
  for (auto item : c.attr("__dict__").attr("items")()) {
    const py::tuple pair = py::reinterpret_borrow<py::tuple>(item);
    const std::string name = py::str(pair[0]);
    if (name[0] != '_' && py::isinstance(pair[1], property)) names.append(py::str(name));
  }
  c.attr("_fields") = py::tuple(names);
  c.def("__repr__", [](py::object self) { return pretty_repr(self, 0); });
}

}  // namespace

void bind_sharing(py::module_& m) {
  using namespace sharing;
  py::class_<SharingProblem>(m, "SharingProblem", "ACIs sharing posts (format aci_cost/sharing@1).")
      .def_property_readonly(
          "member_names",
          [](const SharingProblem& p) {
            std::vector<std::string> out;
            for (const auto& x : p.members) out.push_back(x.name);
            return out;
          },
          "the ACIs, in the rounds' order")
      .def_property_readonly(
          "post_names",
          [](const SharingProblem& p) {
            std::vector<std::string> out;
            for (const auto& x : p.posts) out.push_back(x.name);
            return out;
          },
          "the posts")
      .def(
          "to_json", [](const SharingProblem& p) { return io::to_json(p).dump(2); }, "The JSON document.")
      .def("validate", &SharingProblem::validate, "Raises InvalidInput naming the field on bad input.")
      .def(py::pickle([](const SharingProblem& p) { return io::to_json(p).dump(); },
                      [](const std::string& s) { return io::read_sharing(s); }));
  m.def(
      "read_sharing", [](const std::string& text) { return io::read_sharing(text); }, py::arg("text"),
      "A sharing problem from its JSON text (ScenarioError at the JSON path).");
  m.def("example_sharing", &io::example_sharing_problem, "Four ACIs sharing a psychologist and an assistant.");
  m.def(
      "example_sharing_json", [] { return std::string(io::example_sharing_json()); }, "The example's JSON text.");
  m.def(
      "coalition_cost",
      [](const SharingProblem& p, const std::vector<std::string>& members) {
        const auto c = CoalitionCost<Decimal>::of(p);
        Coalition s = 0;
        for (const auto& name : members) s |= Coalition{1} << p.member_index(name);
        return Conv<Decimal>::to(c(s));
      },
      py::arg("problem"), py::arg("members"), "c(S): what these members pay a year sharing the posts, €.");

  py::class_<PartTimeRule> rule(m, "PartTimeRule", "The shortest contract an employer signs, and its legal basis.");
  ro(rule, "basis", &PartTimeRule::basis,
     "legal_minimum, several_jobs, personal_constraints, student_under_26, branch_agreement");
  ro(rule, "minimum_hours", &PartTimeRule::minimum_hours, "h/week under a derogation (0: the hours needed)");
  rule.def_property_readonly(
      "floor", [](const PartTimeRule& r) { return Conv<Decimal>::to(r.floor()); }, "h/week");
  rule.def_property_readonly(
      "reason", [](const PartTimeRule& r) { return std::string(part_time_basis_reason(r.basis)); },
      "the legal text, in words");

  shown(rule);
  py::class_<Finding> finding(m, "Finding", "What a controller would object to in a split outside its frame.");
  ro(finding, "kind", &Finding::kind, "lucrative_lending or below_cost_lending");
  ro(finding, "post", &Finding::post, "the lent post");
  ro(finding, "member", &Finding::member, "the borrower");
  ro(finding, "charged", &Finding::charged, "what the split charges it, €/year");
  ro(finding, "at_cost", &Finding::at_cost, "the lawful invoice, €/year");
  finding.def_property_readonly(
      "difference", [](const Finding& f) { return Conv<Money>::to(f.difference()); }, "charged - at_cost, €/year");

  shown(finding);
  py::class_<Departure> departure(m, "Departure", "A split of the others when one member leaves.");
  ro(departure, "member", &Departure::member, "who leaves (index)");
  ro(departure, "cost_without", &Departure::cost_without, "c(N without it), €/year");
  ro(departure, "shares", &Departure::shares, "the others' shares without it, €/year");
  ro(departure, "change", &Departure::change, "each share without it less with it, €/year");

  shown(departure);
  py::class_<Split> split(m, "Split", "One split of a cost, to the cent.");
  ro(split, "method", &Split::method, "how");
  ro(split, "lawful", &Split::lawful, "allowed by every frame it splits");
  ro(split, "shares", &Split::shares, "€/year, adding up to the cost");
  ro(split, "exact", &Split::exact, "before rounding");
  ro(split, "standard_error", &Split::standard_error, "sampled Shapley only");
  ro(split, "core_checked", &Split::core_checked, "blocking coalitions searched");
  split.def_property_readonly(
      "blocking", [](const Split& s) { return blocking_list(s.blocking); },
      "list of (member indices, cost alone, charged, excess), to the cent");
  ro(split, "findings", &Split::findings, "outside its frame: the findings");
  ro(split, "departures", &Split::departures, "what if one leaves");

  shown(split);
  py::class_<StandAlone> alone(m, "StandAlone", "What a member would sign alone for one post.");
  alone.def_property_readonly(
      "rule", [](const StandAlone& a) { return a.rule; }, "its part-time rule");
  ro(alone, "need_hours", &StandAlone::need_hours, "h/year");
  ro(alone, "contract_hours", &StandAlone::contract_hours, "h/week per person alone");
  ro(alone, "persons", &StandAlone::persons, "persons hired alone");
  ro(alone, "cost", &StandAlone::cost, "€/year under its rule");
  ro(alone, "cost_at_legal_minimum", &StandAlone::cost_at_legal_minimum, "€/year at 24 h/week at least");
  ro(alone, "cost_at_need", &StandAlone::cost_at_need, "€/year at exactly the hours needed");

  shown(alone);
  py::class_<SavingDriver> driver(m, "SavingDriver", "Which stand-alone assumption drives the saving.");
  ro(driver, "saving", &SavingDriver::saving, "€/year, declared rules");
  ro(driver, "saving_at_legal_minimum", &SavingDriver::saving_at_legal_minimum, "€/year, everyone alone at 24 h");
  ro(driver, "saving_at_need", &SavingDriver::saving_at_need, "€/year, everyone alone at its hours");
  ro(driver, "from_part_time_minimum", &SavingDriver::from_part_time_minimum, "€/year");
  ro(driver, "minimum_drives", &SavingDriver::minimum_drives, "the 24 h minimum makes most of the saving");
  ro(driver, "text", &SavingDriver::text, "in words");

  shown(driver);
  py::class_<LendingInvoice> invoice(m, "LendingInvoice", "One borrower's at-cost invoice (C. trav. L8241-1).");
  ro(invoice, "member", &LendingInvoice::member, "the borrower (index)");
  ro(invoice, "hours", &LendingInvoice::hours, "h/year worked for it");
  ro(invoice, "km", &LendingInvoice::km, "km/year of its share of the round");
  ro(invoice, "labour", &LendingInvoice::labour, "wages and contributions, €/year");
  ro(invoice, "expenses", &LendingInvoice::expenses, "professional expenses, €/year");
  ro(invoice, "total", &LendingInvoice::total, "the invoice, €/year");

  shown(invoice);
  py::class_<GroupCosts> group(m, "GroupCosts", "What an employers' group costs its members.");
  ro(group, "staff", &GroupCosts::staff, "€/year");
  ro(group, "overhead", &GroupCosts::overhead, "€/year");
  ro(group, "management_and_insurance", &GroupCosts::management_and_insurance, "€/year");
  ro(group, "fees", &GroupCosts::fees, "€/year");
  ro(group, "travel_and_coordination", &GroupCosts::travel_and_coordination, "€/year");
  ro(group, "joint_liability", &GroupCosts::joint_liability,
     "wages and contributions every member answers for, €/year");

  shown(group);
  py::class_<GroupingResult> grouping(m, "Grouping", "A grouping of the members into groups that share on their own.");
  grouping.def_property_readonly(
      "groups", [](const GroupingResult& g) { return groups_of(g.groups); }, "member indices");
  ro(grouping, "cost", &GroupingResult::cost, "€/year");
  ro(grouping, "saving_vs_alone", &GroupingResult::saving_vs_alone, "€/year");
  ro(grouping, "saving_vs_grand", &GroupingResult::saving_vs_grand, "€/year");
  ro(grouping, "stable", &GroupingResult::stable,
     "no set of members would rather pay its own cost (None: not checked)");
  ro(grouping, "split", &GroupingResult::split, "a stable split, each group paying its own cost, €/year");
  grouping.def_property_readonly(
      "optimal",
      [](const GroupingResult& g) {
        std::vector<std::vector<std::vector<int>>> out;
        for (const auto& o : g.optimal) out.push_back(groups_of(o));
        return out;
      },
      "every grouping as cheap (up to 16)");

  shown(grouping);
  py::class_<PostResult> post(m, "PostResult", "The frame, the invoices and the splits of one post.");
  ro(post, "name", &PostResult::name, "the post");
  ro(post, "frame", &PostResult::frame, "staff_lending, employers_group or cooperation_agreement");
  post.def_property_readonly(
      "frame_source", [](const PostResult& p) { return std::string(p.source.source); }, "its text");
  post.def_property_readonly(
      "frame_effective", [](const PostResult& p) { return Conv<Date>::to(p.source.effective); }, "in force from");
  post.def_property_readonly(
      "frame_tag", [](const PostResult& p) { return std::string(p.source.tag); }, "law or check");
  ro(post, "allowed", &PostResult::allowed, "the splits the frame allows");
  post.def_property_readonly(
      "shared_rule", [](const PostResult& p) { return p.shared_rule; }, "the shared contract's rule");
  ro(post, "users", &PostResult::users, "per member: needs the post");
  ro(post, "grand_cost", &PostResult::grand_cost, "€/year");
  ro(post, "stand_alone", &PostResult::stand_alone, "€/year per member");
  ro(post, "saving", &PostResult::saving, "€/year");
  ro(post, "persons", &PostResult::persons, "persons hired when all share");
  ro(post, "weekly_hours", &PostResult::weekly_hours, "h/week each");
  post.def_property_readonly(
      "lender",
      [](const PostResult& p) -> py::object {
        if (p.lender < 0) return py::none();
        return py::int_(p.lender);
      },
      "who employs under lending or an agreement (index; None in a group)");
  post.def_property_readonly(
      "hourly_cost",
      [](const PostResult& p) -> py::object { return p.lender < 0 ? py::none() : Conv<Money>::to(p.hourly_cost); },
      "the loaded cost per hour worked, €/h (None in a group)");
  ro(post, "invoices", &PostResult::invoices, "one per borrower");
  ro(post, "group", &PostResult::group, "an employers' group's costs (else None)");
  ro(post, "splits", &PostResult::splits, "this post's splits");
  ro(post, "grouping", &PostResult::grouping, "the best grouping for this post alone");

  shown(post);
  py::class_<CoreCheck> core(m, "CoreCheck", "Is the core empty; the least core in words.");
  ro(core, "empty", &CoreCheck::empty, "None when not checked");
  ro(core, "least_core", &CoreCheck::least_core, "epsilon, €/year (<= 0: not empty)");
  core.def_property_readonly(
      "tight", [](const CoreCheck& c) { return blocking_list(c.tight); },
      "when empty: the coalitions charged epsilon above their own cost");
  ro(core, "text", &CoreCheck::text, "in words");

  shown(core);
  py::class_<SharingResult> result(m, "SharingResult", "The shown result of a sharing problem.");
  ro(result, "members", &SharingResult::members, "the ACIs");
  ro(result, "post_names", &SharingResult::post_names, "the posts");
  ro(result, "hours", &SharingResult::hours, "h/year per member");
  ro(result, "stand_alone", &SharingResult::stand_alone, "€/year per member");
  ro(result, "assumptions", &SharingResult::assumptions, "[member][post]: what each would sign alone");
  ro(result, "grand_cost", &SharingResult::grand_cost, "€/year");
  ro(result, "saving", &SharingResult::saving, "€/year");
  ro(result, "driver", &SharingResult::driver, "which assumption drives the saving");
  ro(result, "exact_game", &SharingResult::exact_game, "c(S) in exact decimals");
  ro(result, "core", &SharingResult::core, "the core check");
  result.def_property_readonly(
      "core_empty", [](const SharingResult& r) { return r.core.empty; }, "core.empty");
  ro(result, "splits", &SharingResult::splits, "the whole problem's splits");
  ro(result, "posts", &SharingResult::posts, "per post");
  ro(result, "grouping", &SharingResult::grouping, "the best grouping");
  ro(result, "notes", &SharingResult::notes, "what was skipped and why");

  shown(result);

  m.def(
      "share",
      [](const SharingProblem& p, const std::vector<std::string>& methods, bool show_unlawful, int decimal_max_members,
         int exact_max_members, std::uint64_t permutations, std::uint64_t seed, int threads, int departures_max_members,
         const std::optional<py::dict>& grid) {
        ShareOptions o;
        if (grid) {
          // Read now: the lookup runs without the GIL.
          std::map<std::string, Money, std::less<>> minima;
          for (auto [level, monthly] : *grid) {
            const std::string name = py::str(level);
            minima[name] = Conv<Money>::from(monthly, "share.grid[" + name + "]");
          }
          o.grid_minimum = [minima](std::string_view level, const Date&) -> std::optional<GridMinimum> {
            const auto it = minima.find(level);
            if (it == minima.end()) return std::nullopt;
            return GridMinimum{it->first, it->second, "the grid given to share()"};
          };
        }
        for (std::size_t k = 0; k < methods.size(); ++k) {
          const auto method = split_of_name(methods[k]);
          ACI_COST_REQUIRE(method.has_value(), "share.methods[" + std::to_string(k) + "]", "\"" + methods[k] + "\"",
                           "expected at_cost, proportional, equal_saving, shapley, nucleolus or per_capita_nucleolus");
          o.methods.push_back(*method);
        }
        o.show_unlawful = show_unlawful;
        o.decimal_max_members = decimal_max_members;
        o.exact_max_members = exact_max_members;
        o.permutations = permutations;
        o.seed = seed;
        o.threads = threads;
        o.departures_max_members = departures_max_members;
        o.watch = watcher(std::nullopt);  // Ctrl-C stops the sampled Shapley value (issue 34 item 9)
        py::gil_scoped_release release;
        return sharing::share(p, o);
      },
      py::arg("problem"), py::arg("methods"), py::arg("show_unlawful") = false, py::arg("decimal_max_members") = 12,
      py::arg("exact_max_members") = 20, py::arg("permutations") = 20000, py::arg("seed") = 1, py::arg("threads") = 1,
      py::arg("departures_max_members") = 12, py::arg("grid") = py::none(),
      "The lawful splits of a sharing problem to the cent, the core check and the best grouping; `grid`: "
      "{level: monthly minimum} to check the posts that name a grid_level.");

  m.def(
      "shapley_exact",
      [](const std::vector<double>& values) {
        const auto g = game_of(values);
        py::gil_scoped_release release;
        return shapley_exact(g);
      },
      py::arg("values"), "The exact Shapley value of the cost game c[S] (2^n values, S a bit mask).");
  m.def(
      "shapley_sampled",
      [](const std::vector<double>& values, std::uint64_t permutations, std::uint64_t seed, int threads) {
        const auto g = game_of(values);
        py::gil_scoped_release release;
        const auto r = shapley_sampled(
            g.players(), [&](Coalition s) { return g(s); }, permutations, seed, threads, watcher(std::nullopt));
        return std::make_pair(r.value, r.standard_error);
      },
      py::arg("values"), py::arg("permutations"), py::arg("seed"), py::arg("threads") = 1,
      "The Shapley value estimated from seeded random orders: (value, standard_error).");
  m.def(
      "airport_shapley", [](const std::vector<double>& costs) { return airport_shapley(costs); }, py::arg("costs"),
      "The Littlechild-Owen closed form of an airport game's Shapley value.");
  m.def(
      "nucleolus",
      [](const std::vector<double>& values, bool per_capita) {
        return nucleolus(game_of(values), per_capita ? Complaint::per_capita : Complaint::total).x;
      },
      py::arg("values"), py::arg("per_capita") = false,
      "The nucleolus (or per-capita nucleolus) of the cost game c[S] (over imputations; Clp LPs).");
  m.def(
      "least_core",
      [](const std::vector<double>& values) {
        const auto r = least_core(game_of(values));
        return std::make_pair(r.epsilon, r.x);
      },
      py::arg("values"), "(epsilon, x) of the least core; the core is empty when epsilon > 0.");
  m.def(
      "best_grouping",
      [](const std::vector<double>& values) {
        const auto g = game_of(values);
        const auto b = best_grouping(g.players(), g.values());
        return std::make_pair(groups_of(b.groups), b.cost);
      },
      py::arg("values"), "(groups, cost): the partition minimising the total cost (dynamic programming, O(3^n)).");
  m.def(
      "grouping_least_core",
      [](const std::vector<double>& values, const std::vector<std::vector<int>>& groups) {
        std::vector<Coalition> masks;
        for (std::size_t k = 0; k < groups.size(); ++k) {
          Coalition s = 0;
          for (int i : groups[k]) {
            ACI_COST_REQUIRE(i >= 0 && i < 63, "grouping.groups[" + std::to_string(k) + "]", i, "not a player index");
            s |= Coalition{1} << i;
          }
          masks.push_back(s);
        }
        const auto r = grouping_least_core(game_of(values), masks);
        return std::make_pair(r.epsilon, r.x);
      },
      py::arg("values"), py::arg("groups"),
      "(epsilon, x): the least core when each group pays its own cost; stable when epsilon <= 0.");
  m.def(
      "sharing_input_table",
      [] {
        return model_input_rows(sharing_input_specs, [](py::dict& r, const SharingInputSpec& s) {
          r["name"] = s.name;
          r["per_member"] = s.per_member;
        });
      },
      "The sharing model's sweepable inputs (its descriptor table): one dict per input.");
  m.def(
      "sharing_output_table",
      [] {
        py::list rows;
        for (const auto& s : sharing_output_specs)
          rows.append(py::dict(py::arg("name") = s.name, py::arg("unit") = s.unit, py::arg("per_member") = s.per_member,
                               py::arg("doc") = s.doc));
        return rows;
      },
      "The sharing model's outputs: one dict per output.");
}

}  // namespace aci::python
