// aci_cost._core.schema: the field tables of the scenario's structs and the rate table's
// descriptor, as data — what scripts/schema_tables.py turns into the stubs and
// docs/scenario_format.md (and what a test compares them with).
#include <string>
#include <tuple>

#include "aci_cost/model/aci.hpp"
#include "aci_cost/model/job.hpp"
#include "aci_cost/quote/pricing.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "enums.hpp"
#include "keys.hpp"
#include "record.hpp"

namespace aci::python {

namespace {
/// The Python type a member converts to (as the stubs write it; Conv<M> decides the conversion).
template <class M>
std::string py_type() {
  if constexpr (std::is_same_v<M, std::string>) {
    return "str";
  } else if constexpr (std::is_same_v<M, bool>) {
    return "bool";
  } else if constexpr (std::is_same_v<M, int>) {
    return "int";
  } else if constexpr (std::is_same_v<M, Decimal> || std::is_same_v<M, Money>) {
    return "Decimal";
  } else if constexpr (std::is_same_v<M, Date>) {
    return "datetime.date";
  } else if constexpr (std::is_enum_v<M>) {
    return "str";
  } else if constexpr (std::is_same_v<M, allocation::Key> || std::is_same_v<M, std::vector<allocation::DriverValue>>) {
    return "dict[str, Decimal]";
  } else if constexpr (std::is_same_v<M, std::vector<allocation::Term>>) {
    return "list[Term]";
  } else if constexpr (std::is_same_v<M, model::Structure>) {
    return "Structure";
  } else if constexpr (schema::Described<M>) {
    return std::string(M::schema_name);
  } else if constexpr (schema::detail::is_optional<M>::value) {
    return "Optional[" + py_type<typename M::value_type>() + "]";
  } else if constexpr (schema::detail::is_vector<M>::value) {
    return "list[" + py_type<typename M::value_type>() + "]";
  } else {
    static_assert(sizeof(M) == 0, "py_type: a member type without a Python name");
  }
}

/// The choices of an enum member ("a | b | c"), else "".
template <class M>
std::string choices_of() {
  if constexpr (schema::Named<M>) {
    std::string all;
    for (auto n : schema::EnumNames<M>::names) all += (all.empty() ? "" : " | ") + std::string(n);
    return all;
  } else if constexpr (schema::detail::is_optional<M>::value) {
    return choices_of<typename M::value_type>();
  } else {
    return "";
  }
}

template <class S>
py::list table() {
  py::list rows;
  schema::for_each_field<S>([&](const auto& f) {
    using M = typename std::decay_t<decltype(f)>::Member;
    py::dict row;
    row["key"] = f.key;
    row["json"] = std::string(f.json_path());
    row["type"] = py_type<M>();
    row["choices"] = choices_of<M>();
    row["unit"] = f.unit;
    row["domain_rule"] = f.domain.rule();
    row["doc"] = f.doc;
    row["required"] = f.required;
    row["not_empty"] = f.nonempty;
    rows.append(row);
  });
  return rows;
}

template <class... S>
py::dict tables() {
  py::dict out;
  ((out[py::str(std::string(S::schema_name))] = table<S>()), ...);
  return out;
}
}  // namespace

void bind_schema(py::module_& m) {
  m.def(
      "tables",
      [] {
        return tables<model::Aci, model::Identity, model::Insurance, model::Client, model::Atelier, people::StaffGroup,
                      people::HoursSplit, model::EquipmentRate, model::Subsidies, model::TimeEquation,
                      quote::PricingOptions, model::Job, model::Driver, model::Travel, model::Material,
                      model::EquipmentUse, model::EquationUse, model::Output, model::Terms, model::ClauseTerms,
                      rates::RateEntry>();
      },
      "The field table of every scenario struct: {class: [{key, json, type, choices, unit, domain_rule, doc, required, "
      "not_empty}]}.");
  m.def(
      "rates",
      [] {
        py::list rows;
        for (const auto& r : rates::rate_specs) {
          py::dict row;
          row["name"] = std::string(r.name);
          row["unit"] = std::string(r.unit);
          row["domain_rule"] = r.domain_rule();
          row["keyed"] = r.keyed;
          row["doc"] = std::string(r.doc);
          rows.append(row);
        }
        return rows;
      },
      "The rate table's descriptor: [{name, unit, domain_rule, keyed, doc}].");
}

}  // namespace aci::python
