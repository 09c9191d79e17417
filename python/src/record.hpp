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

/// The key of the version in a record's pickled state, and the version this build writes and
/// reads: bump it when a record gains, loses or changes the meaning of a field.
inline constexpr const char* pickle_version_key = "__aci_cost_state__";
inline constexpr long long pickle_state_version = 1;

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

namespace detail {
/// Where a Python record object came from, kept in its __dict__ (records have dynamic
/// attributes): a copy of item `index` of its owner's list `name` (owner, name, index, the item
/// as it was copied), or a reference to a record nested in `parent` (its memory is the parent's).
inline constexpr const char* owner_key = "_aci_owner";
inline constexpr const char* parent_key = "_aci_parent";

/// After a field of `self` changed: the list it was copied from, or the record it is nested in,
/// learns it — so that s.jobs[1].productivity = x changes s, as it reads. A copy taken before its
/// list changed is refused (a ValueError naming the list), never written over the new list.
inline void propagate(py::handle self) {
  const py::object dict = py::getattr(self, "__dict__", py::none());
  if (dict.is_none()) return;
  py::dict d = dict;
  if (d.contains(owner_key)) {
    const py::tuple o = d[owner_key];
    const py::object owner = o[0];
    const std::string name = o[1].cast<std::string>();
    const std::size_t index = o[2].cast<std::size_t>();
    const std::string where = py::type::handle_of(owner).attr("__name__").cast<std::string>() + "." + name + "[" +
                              std::to_string(index) + "]";
    py::list current = owner.attr(name.c_str());
    if (index >= current.size() || !py::object(current[index]).equal(py::object(o[3]))) {
      throw py::value_error(py::type::handle_of(self).attr("__name__").cast<std::string>() + " is a copy of " + where +
                            " taken before that list changed: take the item again from the list");
    }
    current[index] = self;
    owner.attr(name.c_str()) = current;  // the owner's setter: it propagates further up
    d[owner_key] = py::make_tuple(owner, name, index, self.attr("__copy__")());
  } else if (d.contains(parent_key)) {
    propagate(d[parent_key]);  // the nested record's memory is its parent's: the parent changed
  }
}

/// `item`, a copy of item `index` of `owner`'s list `name`, remembers where it came from.
inline py::object owned(py::object item, py::handle owner, const std::string& name, std::size_t index) {
  const py::object dict = py::getattr(item, "__dict__", py::none());
  if (!dict.is_none() && py::hasattr(item, "__copy__")) {
    py::dict d = dict;
    d[owner_key] = py::make_tuple(py::reinterpret_borrow<py::object>(owner), name, index, item.attr("__copy__")());
  }
  return item;
}

/// `ref`, a reference to a record nested in `parent`, remembers its parent.
inline py::object nested(py::object ref, py::handle parent) {
  const py::object dict = py::getattr(ref, "__dict__", py::none());
  if (!dict.is_none()) {
    py::dict d = dict;
    d[parent_key] = py::reinterpret_borrow<py::object>(parent);
  }
  return ref;
}

template <class M>
inline constexpr bool is_record_list_v = false;
template <class X>
inline constexpr bool is_record_list_v<std::vector<X>> = is_record_v<X>;
}  // namespace detail

/// Member types whose domain a setter checks (numbers: decimals, money, integers).
template <class M>
inline constexpr bool is_checked_v =
    std::is_same_v<M, Decimal> || std::is_same_v<M, Money> || std::is_same_v<M, int> ||
    std::is_same_v<M, std::optional<Decimal>> || std::is_same_v<M, std::optional<Money>>;

template <class T>
class Record {
 public:
  Record(py::module_& m, const char* name, const char* doc) : cls_(m, name, doc, py::dynamic_attr()), name_(name) {}

  /// A read-write property `name` bound to member `member`. Every change reaches what the value
  /// belongs to: a nested record is returned by reference (s.aci.name = ... changes s), and the
  /// items of a list of records are copies that write themselves back into their list when a
  /// field of theirs is set (s.jobs[1].productivity = x changes s; a copy taken before its list
  /// changed is refused). copy.copy(item) detaches an item.
  template <class M>
  Record& field(const char* name, M T::*member, const char* doc) {
    const std::string path = name_ + "." + name;
    auto setter = [member, path](py::object self, py::handle value) {
      self.cast<T&>().*member = Conv<M>::from(value, path);
      detail::propagate(self);
    };
    if constexpr (is_record_v<M>) {
      auto getter = [member](py::object self) -> py::object {
        return detail::nested(py::cast(&(self.cast<T&>().*member), py::return_value_policy::reference_internal, self),
                              self);
      };
      cls_.def_property(name, py::cpp_function(getter), setter, doc);
    } else if constexpr (is_optional_record_v<M>) {
      // Present: a reference like any nested record (s.training.model.seed = 7 changes s).
      using X = typename M::value_type;
      auto getter = [member](py::object self) -> py::object {
        auto& value = self.cast<T&>().*member;
        if (!value) return py::none();
        return detail::nested(py::cast(&*value, py::return_value_policy::reference_internal, self), self);
      };
      // Assigning a value copies it into place (a live reference sees the new value); None would
      // destroy what a live reference points to, so it is refused while one exists.
      auto reset = [member, path](py::object self, py::handle value) {
        auto& current = self.cast<T&>().*member;
        if (value.is_none() && current &&
            py::detail::get_object_handle(&*current, py::detail::get_type_info(typeid(X)))) {
          throw py::value_error(path +
                                " = None: a reference to the current value is still in use; "
                                "drop it or keep a copy (copy.copy) first");
        }
        current = Conv<M>::from(value, path);
        detail::propagate(self);
      };
      cls_.def_property(name, py::cpp_function(getter), reset, doc);
    } else if constexpr (detail::is_record_list_v<M>) {
      const std::string key = name;
      auto getter = [member, key](py::object self) -> py::object {
        const auto& items = self.cast<T&>().*member;
        // Lists with a conversion of their own (a key as a dict {centre: weight}) stay as they are.
        if (!py::detail::get_type_info(typeid(typename M::value_type))) return Conv<M>::to(items);
        py::list out;
        for (std::size_t i = 0; i < items.size(); ++i) out.append(detail::owned(py::cast(items[i]), self, key, i));
        // A list whose changes write back (s.jobs.append(job) changes s): aci_cost/_lists.py.
        return py::module_::import("aci_cost._lists").attr("WriteThroughList")(out, self, key);
      };
      cls_.def_property(name, py::cpp_function(getter), setter, doc);
    } else {
      cls_.def_property(
          name, [member](const T& self) { return Conv<M>::to(self.*member); }, setter, doc);
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
        const schema::detail::DecimalBounds ends{
            f.domain.low ? std::optional<Decimal>(Decimal(f.domain.low)) : std::nullopt,
            f.domain.high ? std::optional<Decimal>(Decimal(f.domain.high)) : std::nullopt};
        const std::string path = name_ + "." + f.key;
        const auto member = f.member;
        const schema::Bounds bounds = f.domain;
        cls_.def_property(
            f.key, [member](const T& self) { return Conv<M>::to(self.*member); },
            [member, path, ends, bounds](py::object self, py::handle value) {
              M v = Conv<M>::from(value, path);
              schema::detail::check_value(v, bounds, ends, path);
              self.cast<T&>().*member = std::move(v);
              detail::propagate(self);
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
        [member, path](py::object self, py::handle value) {
          self.cast<T&>().*member = value.is_none() ? M{} : Conv<M>::from(value, path);
          detail::propagate(self);
        },
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
    // Pickled state: every field and the state's version (pickle_state_version). A state of
    // another version, or missing a field (a pickle of an older build), is refused naming the
    // fields: a default filled in silently could change a price (issue 34 item 14).
    cls_.def(py::pickle(
        [fields](py::object self) {
          py::dict state;
          state[py::str(pickle_version_key)] = pickle_state_version;
          for (const auto& f : fields) state[py::str(f)] = self.attr(f.c_str());
          return state;
        },
        [name, fields](py::dict state) {
          const py::str version_key(pickle_version_key);
          if (!state.contains(version_key) || !py::isinstance<py::int_>(state[version_key]) ||
              state[version_key].cast<long long>() != pickle_state_version)
            throw py::value_error(name + " pickle: " + std::string(pickle_version_key) + " = " +
                                  (state.contains(version_key) ? py::repr(state[version_key]).cast<std::string>()
                                                               : std::string("absent")) +
                                  ": expected " + std::to_string(pickle_state_version) +
                                  " (a pickle of another aci_cost version is refused, never read with defaults: "
                                  "rebuild the object, e.g. from its JSON document)");
          state = py::dict(state);  // a copy: the caller's dict is left alone
          PyDict_DelItem(state.ptr(), version_key.ptr());
          std::string missing;
          for (const auto& f : fields)
            if (!state.contains(py::str(f))) missing += (missing.empty() ? "" : ", ") + f;
          if (!missing.empty())
            throw py::value_error(name + " pickle: missing " + missing +
                                  ": refused, never defaulted (a default could change a price)");
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
