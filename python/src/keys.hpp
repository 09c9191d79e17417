// Keys and driver values as Python dicts ({centre: weight}, {driver: value}).
#pragma once

#include "aci_cost/allocation/network.hpp"
#include "aci_cost/allocation/time_driven.hpp"
#include "convert.hpp"

namespace aci::python {

/// A key as a dict {centre: weight} (insertion order kept).
template <>
struct Conv<allocation::Key> {
  static py::object to(const allocation::Key& k) {
    py::dict out;
    for (const auto& w : k) out[py::str(w.centre)] = Conv<Decimal>::to(w.weight);
    return out;
  }
  static allocation::Key from(py::handle h, const std::string& field) {
    if (!py::isinstance<py::dict>(h))
      throw py::type_error(field + " = " + py::repr(h).cast<std::string>() + ": expected a dict {centre: weight}");
    allocation::Key k;
    for (auto item : h.cast<py::dict>()) {
      const std::string name = py::str(item.first).cast<std::string>();
      k.push_back({name, Conv<Decimal>::from(item.second, field + "[" + name + "]")});
    }
    return k;
  }
};

/// Driver values as a dict {driver: value}.
template <>
struct Conv<std::vector<allocation::DriverValue>> {
  static py::object to(const std::vector<allocation::DriverValue>& v) {
    py::dict out;
    for (const auto& x : v) out[py::str(x.driver)] = Conv<Decimal>::to(x.value);
    return out;
  }
  static std::vector<allocation::DriverValue> from(py::handle h, const std::string& field) {
    std::vector<allocation::DriverValue> out;
    for (const auto& w : Conv<allocation::Key>::from(h, field)) out.push_back({w.centre, w.weight});
    return out;
  }
};

}  // namespace aci::python
