// aci::io::read_object / write_object: the JSON of a described struct (schema/field.hpp), field by
// field from its table — the keys it allows (any other is refused, naming its path), where each
// value lives ("pay.basis" is key "basis" of the sub-object "pay"), which are required, and what
// the writer leaves out. JsonOf<M> reads and writes one value of each member type.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "aci_cost/io/json_fields.hpp"
#include "aci_cost/schema/enum_names.hpp"
#include "aci_cost/schema/field.hpp"

namespace aci::io {

/// Reads and writes one JSON value of type M (specialised for the map-like lists of io/).
template <class M, class = void>
struct JsonOf;

template <schema::Described S>
void read_object(const json& j, const std::string& path, S& s, const std::vector<std::string_view>& extra_keys = {});
template <schema::Described S>
json write_object(const S& s);

template <>
struct JsonOf<std::string> {
  static std::string read(const json& v, const std::string& path) {
    if (!v.is_string()) throw ScenarioError(path, Fields::shown(v), "expected a string");
    return v.get<std::string>();
  }
  static json write(const std::string& s) { return s; }
  static bool empty(const std::string& s) { return s.empty(); }
};
template <>
struct JsonOf<bool> {
  static bool read(const json& v, const std::string& path) {
    if (!v.is_boolean()) throw ScenarioError(path, Fields::shown(v), "expected true or false");
    return v.get<bool>();
  }
  static json write(bool b) { return b; }
};
template <>
struct JsonOf<int> {
  static int read(const json& v, const std::string& path) { return Fields::to_int(v, path); }
  static json write(int i) { return i; }
};
template <>
struct JsonOf<Decimal> {
  static Decimal read(const json& v, const std::string& path) { return Fields::to_decimal(v, path); }
  static json write(const Decimal& d) { return decimal_json(d); }
};
template <>
struct JsonOf<Money> {
  static Money read(const json& v, const std::string& path) {
    try {
      if (v.is_string()) return Money::parse(v.get<std::string>(), path);
      if (v.is_number_integer()) return Money::parse(v.dump(), path);
    } catch (const InvalidInput& e) {
      throw ScenarioError(e.field(), e.value(), e.rule());
    }
    throw ScenarioError(path, Fields::shown(v),
                        "money must be a string such as \"1234.56\" (or an integer), not a float");
  }
  static json write(const Money& m) { return money_json(m); }
};
template <>
struct JsonOf<Date> {
  static Date read(const json& v, const std::string& path) {
    if (!v.is_string()) throw ScenarioError(path, Fields::shown(v), "expected a date string YYYY-MM-DD");
    try {
      return Date::parse(v.get<std::string>(), path);
    } catch (const InvalidInput& e) {
      throw ScenarioError(e.field(), e.value(), "expected a calendar date YYYY-MM-DD");
    }
  }
  static json write(const Date& d) { return d.to_string(); }
};
template <class E>
struct JsonOf<E, std::enable_if_t<schema::Named<E>>> {
  static E read(const json& v, const std::string& path) {
    const std::string s = JsonOf<std::string>::read(v, path);
    if (const auto e = schema::from_name<E>(s)) return *e;
    throw ScenarioError(path, "\"" + s + "\"", "expected one of: " + schema::choices<E>());
  }
  static json write(E e) { return std::string(schema::name_of(e)); }
};
template <class X>
struct JsonOf<std::optional<X>> {
  static std::optional<X> read(const json& v, const std::string& path) {
    if (v.is_null()) return std::nullopt;
    return JsonOf<X>::read(v, path);
  }
  static json write(const std::optional<X>& x) { return x ? JsonOf<X>::write(*x) : json(nullptr); }
  static bool empty(const std::optional<X>& x) { return !x.has_value(); }
};
template <class S>
struct JsonOf<S, std::enable_if_t<schema::Described<S>>> {
  static S read(const json& v, const std::string& path) {
    S s{};
    read_object(v, path, s);
    return s;
  }
  static json write(const S& s) { return write_object(s); }
};
template <class X>
struct JsonOf<std::vector<X>> {
  static std::vector<X> read(const json& v, const std::string& path) {
    if (!v.is_array()) throw ScenarioError(path, Fields::shown(v), "expected an array");
    std::vector<X> out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i)
      out.push_back(JsonOf<X>::read(v[i], path + "[" + std::to_string(i) + "]"));
    return out;
  }
  static json write(const std::vector<X>& xs) {
    json out = json::array();
    for (const auto& x : xs) out.push_back(JsonOf<X>::write(x));
    return out;
  }
  static bool empty(const std::vector<X>& xs) { return xs.empty(); }
};

namespace detail {
/// The first segment of a JSON path ("pay" of "pay.basis") and the rest ("basis"; "" if none).
inline std::pair<std::string_view, std::string_view> split_path(std::string_view p) {
  const auto dot = p.find('.');
  if (dot == std::string_view::npos) return {p, {}};
  return {p.substr(0, dot), p.substr(dot + 1)};
}
template <class V>
bool is_empty_value(const V& v) {
  if constexpr (requires { JsonOf<V>::empty(v); }) {
    return JsonOf<V>::empty(v);
  } else {
    return false;
  }
}
}  // namespace detail

/// Reads the object `j` at `path` into `s` by S's field table: unknown keys (besides
/// `extra_keys`, which the caller reads) are refused, an absent field keeps its default unless
/// it is required, and a present one is read by JsonOf of its member.
template <schema::Described S>
void read_object(const json& j, const std::string& path, S& s, const std::vector<std::string_view>& extra_keys) {
  // Allowed keys: the first segments of the fields' paths; the sub-objects' keys per segment.
  std::vector<std::string_view> top = extra_keys;
  std::map<std::string_view, std::vector<std::string_view>, std::less<>> nested;
  schema::for_each_field<S>([&](const auto& f) {
    const auto [head, rest] = detail::split_path(f.json_path());
    if (std::find(top.begin(), top.end(), head) == top.end()) top.push_back(head);
    if (!rest.empty()) nested[head].push_back(rest);
  });
  const Fields object(j, path, top);
  for (const auto& [head, keys] : nested)
    if (object.has(head)) Fields(object.raw(head), object.at(head), keys);  // unknown sub-keys refused
  schema::for_each_field<S>([&](const auto& f) {
    const auto [head, rest] = detail::split_path(f.json_path());
    const json* v = object.has(head) ? &object.raw(head) : nullptr;
    if (v && !rest.empty()) {
      const std::string r(rest);
      v = v->contains(r) && !v->at(r).is_null() ? &v->at(r) : nullptr;
    }
    const std::string at = path + "." + std::string(f.json_path());
    if (!v) {
      if (f.required) throw ScenarioError(at, "missing", "required field");
      return;
    }
    using M = typename std::decay_t<decltype(f)>::Member;
    s.*(f.member) = JsonOf<M>::read(*v, at);
  });
}

/// The JSON object of `s` by S's field table (fields the table says to leave out are left out).
template <schema::Described S>
json write_object(const S& s) {
  json out = json::object();
  schema::for_each_field<S>([&](const auto& f) {
    const auto& v = s.*(f.member);
    if (f.written && !f.written(s)) return;
    using M = typename std::decay_t<decltype(f)>::Member;
    if constexpr (requires { v.has_value(); }) {
      if (!v.has_value()) return;
    }
    if (f.omit_empty && detail::is_empty_value(v)) return;
    const auto [head, rest] = detail::split_path(f.json_path());
    json value = JsonOf<M>::write(v);
    if (rest.empty()) {
      out[std::string(head)] = std::move(value);
    } else {
      out[std::string(head)][std::string(rest)] = std::move(value);
    }
  });
  return out;
}

}  // namespace aci::io
