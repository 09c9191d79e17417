// The dated rate table and the general reduction of employer contributions.
#include "aci_cost/rates/general_reduction.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "enums.hpp"
#include "record.hpp"

namespace aci::python {

void bind_rates(py::module_& m) {
  using rates::RateEntry;
  Record<RateEntry>(m, "RateEntry", "One dated, sourced legal or published figure.").described().done();

  py::class_<rates::RateTable>(m, "RateTable", "Dated series of legal and published figures.")
      .def(py::init<>())
      .def_static("france", &rates::RateTable::france, "The French figures known to this version, with sources.")
      .def("set", &rates::RateTable::set, py::arg("entry"), "Adds an entry, replacing one of the same rate and date.")
      .def(
          "in_force",
          [](const rates::RateTable& t, py::handle rate, py::handle date, const std::string& key) {
            return t.in_force(Conv<rates::Rate>::from(rate, "rate"), Conv<Date>::from(date, "date"), key);
          },
          py::arg("rate"), py::arg("date"), py::arg("key") = "",
          "The entry in force at a date (series `key` of a keyed rate); ValueError if none. A 'check' entry\n"
          "yields to the last confirmed one unless use_unconfirmed.")
      .def_property("use_unconfirmed", &rates::RateTable::use_unconfirmed, &rates::RateTable::set_use_unconfirmed,
                    "Use 'check' entries as soon as in force (default False: the last confirmed figure).")
      .def_property_readonly("entries", &rates::RateTable::entries, "Every entry, by rate then date.")
      .def_property(
          "known_until", [](const rates::RateTable& t) { return Conv<std::optional<Date>>::to(t.known_until()); },
          [](rates::RateTable& t, py::handle d) {
            t.set_known_until(Conv<std::optional<Date>>::from(d, "known_until"));
          },
          "The last date the figures cover (None: no horizon); later quotes warn beyond_rate_table.")
      .def("__eq__",
           [](const rates::RateTable& a, py::object b) {
             return py::isinstance<rates::RateTable>(b) && a == b.cast<const rates::RateTable&>();
           })
      .def(py::pickle(
          [](const rates::RateTable& t) {
            return py::make_tuple(t.entries(), Conv<std::optional<Date>>::to(t.known_until()), t.use_unconfirmed());
          },
          [](py::tuple state) {
            rates::RateTable t;
            for (auto e : state[0].cast<py::list>()) t.set(e.cast<RateEntry>());
            t.set_known_until(Conv<std::optional<Date>>::from(state[1], "known_until"));
            if (state.size() > 2) t.set_use_unconfirmed(state[2].cast<bool>());
            return t;
          }));

  m.def(
      "general_reduction_coefficient",
      [](py::handle gross, py::handle smic, py::handle tmin, py::handle tdelta) {
        const rates::GeneralReductionParameters<Decimal> p{Conv<Decimal>::from(tmin, "tmin"),
                                                           Conv<Decimal>::from(tdelta, "tdelta"), Decimal(3)};
        return Conv<Decimal>::to(rates::general_reduction_coefficient(
            Conv<Money>::from(gross, "annual_gross").amount(), Conv<Money>::from(smic, "annual_smic").amount(), p));
      },
      py::arg("annual_gross"), py::arg("annual_smic"), py::arg("tmin") = "0.02", py::arg("tdelta") = "0.3781",
      "2026 general reduction coefficient (CSS D241-7), rounded to 4 decimals.");
}

}  // namespace aci::python
