// Record<T>: binds a plain C++ struct as a Python class with keyword construction, typed
// properties that name the field in errors, ==, repr and pickling (state = the fields' values),
// so each new type costs one line per field.
#pragma once

#include <concepts>
#include <string>
#include <vector>

#include "aci_cost/schema/field.hpp"
#include "aci_cost/schema/validate.hpp"
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

/// True for an optional bound struct (e.g. Scenario.training).
template <class M>
inline constexpr bool is_optional_record_v = false;
template <class X>
inline constexpr bool is_optional_record_v<std::optional<X>> = is_record_v<X>;

/// repr of a bound value: a record as Name(field=value, ...) and a list as [...], on one line
/// when it fits in `width` columns from `indent`, else one field or item a line, nested.
inline std::string pretty_repr(py::handle value, std::size_t indent, std::size_t width = 100) {
  const bool record = py::hasattr(py::type::handle_of(value), "_fields") && !py::isinstance<py::type>(value);
  const bool list = py::isinstance<py::list>(value);
  if (!record && !list) return py::repr(value).cast<std::string>();
  std::vector<std::string> parts;
  std::string open = "[", close = "]";
  if (record) {
    open = py::type::handle_of(value).attr("__name__").cast<std::string>() + "(";
    close = ")";
    for (auto f : py::type::handle_of(value).attr("_fields")) {
      const std::string name = f.cast<std::string>();
      parts.push_back(name + "=" + pretty_repr(value.attr(name.c_str()), indent + 2, width));
    }
  } else {
    for (auto item : value) parts.push_back(pretty_repr(item, indent + 2, width));
  }
  std::size_t length = indent + open.size() + close.size();
  bool multiline = false;
  for (const auto& p : parts) {
    length += p.size() + 2;
    multiline = multiline || p.find('\n') != std::string::npos;
  }
  std::string out = open;
  if (!multiline && length <= width) {
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out + close;
  }
  // One part a line, indented two more than the opening line; nested parts were laid out for it.
  const std::string pad(indent + 2, ' ');
  for (std::size_t i = 0; i < parts.size(); ++i) out += "\n" + pad + parts[i] + (i + 1 < parts.size() ? "," : "");
  return out + "\n" + std::string(indent, ' ') + close;
}

/// Member types whose domain a setter checks (numbers: decimals, money, integers).
template <class M>
inline constexpr bool is_checked_v = std::is_same_v<M, Decimal> || std::is_same_v<M, Money> || std::is_same_v<M, int> ||
                                     std::is_same_v<M, std::optional<Decimal>> || std::is_same_v<M, std::optional<Money>>;

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
    } else if constexpr (is_optional_record_v<M>) {
      // Present: a reference like any nested record (s.training.model.seed = 7 changes s).
      using X = typename M::value_type;
      auto getter = [member](py::object self) -> py::object {
        auto& value = self.cast<T&>().*member;
        if (!value) return py::none();
        return py::cast(&*value, py::return_value_policy::reference_internal, self);
      };
      // Assigning a value copies it into place (a live reference sees the new value); None would
      // destroy what a live reference points to, so it is refused while one exists.
      auto reset = [member, path](T& self, py::handle value) {
        auto& current = self.*member;
        if (value.is_none() && current &&
            py::detail::get_object_handle(&*current, py::detail::get_type_info(typeid(X)))) {
          throw py::value_error(path + " = None: a reference to the current value is still in use; "
                                "drop it or keep a copy (copy.copy) first");
        }
        current = Conv<M>::from(value, path);
      };
      cls_.def_property(name, py::cpp_function(getter), reset, doc);
    } else {
      cls_.def_property(name, [member](const T& self) { return Conv<M>::to(self.*member); }, setter, doc);
    }
    fields_.push_back(name);
    return *this;
  }

  /// Every field of T's table (schema/field.hpp), in table order; a numeric field refuses a value
  /// outside its domain on assignment (ValueError naming Class.field and the value).
  Record& described() {
    static_assert(schema::Described<T>);
    schema::for_each_field<T>([&](const auto& f) {
      using M = typename std::decay_t<decltype(f)>::Member;
      field(f.key, f.member, f.doc);
      if constexpr (is_checked_v<M>) {
        if (!f.domain.bounded()) return;
        // Replace the plain setter with one that checks the domain (exact decimal ends).
        const schema::detail::DecimalBounds ends{f.domain.low ? std::optional<Decimal>(Decimal(f.domain.low)) : std::nullopt,
                                                 f.domain.high ? std::optional<Decimal>(Decimal(f.domain.high)) : std::nullopt};
        const std::string path = name_ + "." + f.key;
        const auto member = f.member;
        const schema::Bounds bounds = f.domain;
        cls_.def_property(
            f.key, [member](const T& self) { return Conv<M>::to(self.*member); },
            [member, path, ends, bounds](T& self, py::handle value) {
              M v = Conv<M>::from(value, path);
              schema::detail::check_value(v, bounds, ends, path);
              self.*member = std::move(v);
            },
            f.doc);
      }
    });
    return *this;
  }

  /// A read-write property that reads None unless `used(self)` (e.g. Price.coefficient_k outside
  /// the ds_coefficient policy); None is written as the field's default.
  template <class M, class Used>
  Record& field_if(const char* name, M T::*member, Used used, const char* doc) {
    const std::string path = name_ + "." + name;
    cls_.def_property(
        name, [member, used](const T& self) { return used(self) ? Conv<M>::to(self.*member) : py::none(); },
        [member, path](T& self, py::handle value) { self.*member = value.is_none() ? M{} : Conv<M>::from(value, path); },
        doc);
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
    cls_.def("__repr__", [](py::object self) { return pretty_repr(self, 0); });
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
