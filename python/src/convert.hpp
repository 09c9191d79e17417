// Conversions between C++ field types and Python objects, with the field's name in every error.
// Money is decimal.Decimal in Python and refuses floats (TypeError); quantities accept floats
// through their shortest repr (0.6 is exactly 0.6).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/money.hpp"
#include "aci_cost/schema/enum_names.hpp"

namespace aci::python {

namespace py = pybind11;

/// Python's decimal.Decimal from text.
inline py::object py_decimal(const std::string& text) { return py::module_::import("decimal").attr("Decimal")(text); }

template <class M, class = void>
struct Conv {
  // Registered classes (records) and plain types pybind11 already converts.
  static py::object to(const M& v) { return py::cast(v); }
  static M from(py::handle h, const std::string& field) {
    try {
      return h.cast<M>();
    } catch (const py::cast_error&) {
      throw py::type_error(field + " = " + py::repr(h).cast<std::string>() + ": wrong type (expected " +
                           py::type_id<M>() + ")");
    }
  }
};

/// True for numpy's (and any other) integer scalars that are not Python ints: numbers.Integral.
inline bool is_other_integral(py::handle h) {
  return !py::isinstance<py::int_>(h) && !py::isinstance<py::bool_>(h) &&
         py::isinstance(h, py::module_::import("numbers").attr("Integral")) &&
         !(py::hasattr(h, "dtype") && py::str(h.attr("dtype")).cast<std::string>() == "bool");
}
/// True for numpy's floating scalars that are not Python floats (float32, float16...).
inline bool is_other_real(py::handle h) {
  return !py::isinstance<py::float_>(h) && py::hasattr(h, "dtype") &&
         py::str(h.attr("dtype").attr("kind")).cast<std::string>() == "f";
}

template <>
struct Conv<Decimal> {
  static py::object to(const Decimal& v) { return py_decimal(to_string(v)); }
  static Decimal from(py::handle h, const std::string& field) {
    const auto shown = [&] { return py::repr(h).cast<std::string>(); };
    if (py::isinstance<py::bool_>(h)) throw py::type_error(field + " = " + shown() + ": expected a number, not a bool");
    if (py::isinstance<py::float_>(h)) return decimal_from_double(h.cast<double>(), field);
    // numpy scalars: an integer exactly, a float32 by its own shortest text (0.6, not 0.60000002384).
    if (is_other_real(h)) return parse_decimal(py::str(h).cast<std::string>(), field);
    if (is_other_integral(h))
      return parse_decimal(py::str(py::int_(py::reinterpret_borrow<py::object>(h))).cast<std::string>(), field);
    const bool is_decimal = py::isinstance(h, py::module_::import("decimal").attr("Decimal"));
    if (is_decimal || py::isinstance<py::int_>(h) || py::isinstance<py::str>(h)) {
      return parse_decimal(py::str(h).cast<std::string>(), field);
    }
    throw py::type_error(field + " = " + shown() + ": expected a number (int, float, Decimal, str or a numpy scalar)");
  }
};

template <>
struct Conv<Money> {
  static py::object to(const Money& v) { return py_decimal(v.to_string()); }
  static Money from(py::handle h, const std::string& field) {
    const auto shown = [&] { return py::repr(h).cast<std::string>(); };
    if (py::isinstance<py::float_>(h)) {
      throw py::type_error(field + " = " + shown() +
                           ": money is never made from a float; use Decimal(\"...\"), a string or an int");
    }
    if (py::isinstance<py::bool_>(h)) throw py::type_error(field + " = " + shown() + ": expected money, not a bool");
    if (is_other_real(h)) {
      throw py::type_error(field + " = " + shown() +
                           ": money is never made from a float; use Decimal(\"...\"), a string or an int");
    }
    if (is_other_integral(h))
      return Money::parse(py::str(py::int_(py::reinterpret_borrow<py::object>(h))).cast<std::string>(), field);
    const bool is_decimal = py::isinstance(h, py::module_::import("decimal").attr("Decimal"));
    if (is_decimal || py::isinstance<py::int_>(h) || py::isinstance<py::str>(h)) {
      return Money::parse(py::str(h).cast<std::string>(), field);
    }
    throw py::type_error(field + " = " + shown() + ": expected money (Decimal, str or int)");
  }
};

template <>
struct Conv<Date> {
  static py::object to(const Date& d) { return py::module_::import("datetime").attr("date")(d.year, d.month, d.day); }
  static Date from(py::handle h, const std::string& field) {
    if (py::isinstance<py::str>(h)) return Date::parse(h.cast<std::string>(), field);
    if (py::isinstance(h, py::module_::import("datetime").attr("date"))) {
      return Date::parse(h.attr("isoformat")().cast<std::string>().substr(0, 10), field);
    }
    throw py::type_error(field + " = " + py::repr(h).cast<std::string>() +
                         ": expected a datetime.date or \"YYYY-MM-DD\"");
  }
};

template <class E>
struct Conv<E, std::enable_if_t<std::is_enum_v<E>>> {
  // The names declared beside each enum (schema::EnumNames).
  static py::object to(const E& v) { return py::str(std::string(schema::name_of(v))); }
  static E from(py::handle h, const std::string& field) {
    const std::string s = py::isinstance<py::str>(h) ? h.cast<std::string>() : py::repr(h).cast<std::string>();
    if (const auto e = schema::from_name<E>(s)) return *e;
    throw InvalidInput(field, "'" + s + "'", "expected one of: " + schema::choices<E>());
  }
};

template <class X>
struct Conv<std::optional<X>> {
  static py::object to(const std::optional<X>& v) { return v ? Conv<X>::to(*v) : py::none(); }
  static std::optional<X> from(py::handle h, const std::string& field) {
    if (h.is_none()) return std::nullopt;
    return Conv<X>::from(h, field);
  }
};

template <class X>
struct Conv<std::vector<X>> {
  static py::object to(const std::vector<X>& v) {
    py::list out;
    for (const auto& x : v) out.append(Conv<X>::to(x));
    return out;
  }
  static std::vector<X> from(py::handle h, const std::string& field) {
    if (py::isinstance<py::str>(h) || !py::hasattr(h, "__iter__")) {
      throw py::type_error(field + " = " + py::repr(h).cast<std::string>() + ": expected a list");
    }
    std::vector<X> out;
    std::size_t i = 0;
    for (auto item : h) out.push_back(Conv<X>::from(item, field + "[" + std::to_string(i++) + "]"));
    return out;
  }
};

}  // namespace aci::python
