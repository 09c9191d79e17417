// Record<T>: binds a plain C++ struct as a Python class with keyword construction, typed
// properties that name the field in errors, ==, repr and pickling (state = the fields' values),
// so each new type costs one line per field.
#pragma once

#include <concepts>
#include <string>
#include <vector>

#include "convert.hpp"

namespace aci::python {

/// True for the bound structs (classes other than the value types Conv knows).
template <class M>
inline constexpr bool is_record_v = std::is_class_v<M> && !std::is_same_v<M, Decimal> && !std::is_same_v<M, Money> &&
                                    !std::is_same_v<M, Date> && !std::is_same_v<M, std::string>;
template <class X>
inline constexpr bool is_record_v<std::vector<X>> = false;
template <class X>
inline constexpr bool is_record_v<std::optional<X>> = false;

template <class T>
class Record {
 public:
  Record(py::module_& m, const char* name, const char* doc) : cls_(m, name, doc), name_(name) {}

  /// A read-write property `name` bound to member `member`.
  /// A nested record is returned by reference (scenario.aci.name = ... changes the scenario);
  /// a list is returned as a copy of its items: change the items, then assign the list back.
  template <class M>
  Record& field(const char* name, M T::*member, const char* doc) {
    const std::string path = name_ + "." + name;
    auto setter = [member, path](T& self, py::handle value) { self.*member = Conv<M>::from(value, path); };
    if constexpr (is_record_v<M>) {
      cls_.def_property(name, py::cpp_function([member](T& self) -> M& { return self.*member; },
                                               py::return_value_policy::reference_internal),
                        setter, doc);
    } else {
      cls_.def_property(name, [member](const T& self) { return Conv<M>::to(self.*member); }, setter, doc);
    }
    fields_.push_back(name);
    return *this;
  }

  /// A read-only computed property.
  template <class F>
  Record& computed(const char* name, F&& getter, const char* doc) {
    cls_.def_property_readonly(name, std::forward<F>(getter), doc);
    return *this;
  }

  /// Adds the constructor, ==, repr and pickling; returns the class for extra methods.
  py::class_<T>& done() {
    const std::vector<std::string> fields = fields_;
    const std::string name = name_;
    py::tuple names(fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i) names[i] = py::str(fields[i]);
    cls_.attr("_fields") = names;
    cls_.def(py::init([name, fields](py::kwargs kwargs) {
               T value{};
               assign(value, kwargs, name, fields);
               return value;
             }),
             ("Keyword arguments set fields: " + join(fields)).c_str());
    if constexpr (std::equality_comparable<T>) {
      cls_.def("__eq__", [](const T& a, py::object b) { return py::isinstance<T>(b) && a == b.cast<const T&>(); });
    } else {  // no C++ ==: equal when every field is
      cls_.def("__eq__", [fields](py::object a, py::object b) {
        if (!py::isinstance<T>(b)) return false;
        for (const auto& f : fields)
          if (!a.attr(f.c_str()).equal(b.attr(f.c_str()))) return false;
        return true;
      });
    }
    cls_.attr("__hash__") = py::none();
    cls_.def("__repr__", [name, fields](py::object self) {
      std::string out = name + "(";
      for (std::size_t i = 0; i < fields.size(); ++i) {
        out += (i ? ", " : "") + fields[i] + "=" + py::repr(self.attr(fields[i].c_str())).cast<std::string>();
      }
      return out + ")";
    });
    cls_.def("__copy__", [](const T& self) { return T(self); });
    cls_.def("__deepcopy__", [](const T& self, py::dict) { return T(self); });
    cls_.def(py::pickle(
        [fields](py::object self) {
          py::dict state;
          for (const auto& f : fields) state[py::str(f)] = self.attr(f.c_str());
          return state;
        },
        [name, fields](py::dict state) {
          T value{};
          assign(value, state, name, fields);
          return value;
        }));
    return cls_;
  }

 private:
  static std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  }
  static void assign(T& value, py::dict values, const std::string& name, const std::vector<std::string>& fields) {
    py::object view = py::cast(&value, py::return_value_policy::reference);
    for (auto item : values) {
      const std::string key = py::str(item.first).cast<std::string>();
      bool known = false;
      for (const auto& f : fields) known = known || f == key;
      if (!known) throw py::type_error(name + "() got an unknown field '" + key + "' (fields: " + join(fields) + ")");
      view.attr(key.c_str()) = item.second;
    }
  }

  py::class_<T> cls_;
  std::string name_;
  std::vector<std::string> fields_;
};

}  // namespace aci::python
