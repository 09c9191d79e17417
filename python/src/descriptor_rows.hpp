// The rows of the models' descriptor tables as the Python layer reads them (the TypedDicts of
// aci_cost/_types.py): what every model's input row holds, written once for the quote, sharing,
// training and allocation bindings (each adds its own keys: name, staff, per_member, path...).
#pragma once

#include <pybind11/pybind11.h>

namespace aci::python {

namespace py = pybind11;

/// An input's domain (_Domain): its ends, and whether each is excluded.
template <class Spec>
void put_domain(py::dict& row, const Spec& s) {
  row["low"] = s.low;
  row["high"] = s.high;
  row["low_open"] = s.low_open;
  row["high_open"] = s.high_open;
}

/// What the quote, sharing and training models say of an input besides its name
/// (_ModelInputRow): its unit, domain, joining rule, meaning and the domain as errors name it.
template <class Spec>
void put_model_input(py::dict& row, const Spec& s) {
  row["unit"] = s.unit;
  put_domain(row, s);
  row["rule"] = s.rule;
  row["doc"] = s.doc;
  row["domain_rule"] = s.domain_rule();
}

/// One row per spec of `specs`: `keys(row, spec)` puts the model's own keys, then the rest.
template <class Specs, class Keys>
py::list model_input_rows(const Specs& specs, Keys keys) {
  py::list rows;
  for (const auto& s : specs) {
    py::dict row;
    keys(row, s);
    put_model_input(row, s);
    rows.append(row);
  }
  return rows;
}

}  // namespace aci::python
