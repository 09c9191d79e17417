// The dated rate table and the general reduction of employer contributions.
#include "aci_cost/rates/general_reduction.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "enums.hpp"
#include "record.hpp"

namespace aci::python {

void bind_rates(py::module_& m) {
  using rates::RateEntry;
  Record<RateEntry>(m, "RateEntry", "One dated, sourced legal or published figure.")
      .field("rate", &RateEntry::rate, "which figure (e.g. 'smic_hourly')")
      .field("effective", &RateEntry::effective, "in force from this date (inclusive)")
      .field("value", &RateEntry::value, "the figure, in `unit`")
      .field("unit", &RateEntry::unit, "unit of the value")
      .field("source", &RateEntry::source, "legal text or publication")
      .field("tag", &RateEntry::tag, "'law', 'published', 'estimate' or 'check'")
      .field("note", &RateEntry::note, "caveats")
      .field("next_review", &RateEntry::next_review, "a revision is expected by this date (None: no yearly revision)")
      .done();

  py::class_<rates::RateTable>(m, "RateTable", "Dated series of legal and published figures.")
      .def(py::init<>())
      .def_static("france", &rates::RateTable::france, "The French figures known to this version, with sources.")
      .def("set", &rates::RateTable::set, py::arg("entry"), "Adds an entry, replacing one of the same rate and date.")
      .def("in_force", [](const rates::RateTable& t, py::handle rate, py::handle date) {
             return t.in_force(Conv<rates::Rate>::from(rate, "rate"), Conv<Date>::from(date, "date"));
           }, py::arg("rate"), py::arg("date"), "The entry in force at a date (ValueError if none).")
      .def_property_readonly("entries", &rates::RateTable::entries, "Every entry, by rate then date.")
      .def_property(
          "known_until", [](const rates::RateTable& t) { return Conv<std::optional<Date>>::to(t.known_until()); },
          [](rates::RateTable& t, py::handle d) { t.set_known_until(Conv<std::optional<Date>>::from(d, "known_until")); },
                    "The last date the figures cover (None: no horizon); later quotes warn beyond_rate_table.")
      .def("__eq__", [](const rates::RateTable& a, py::object b) {
             return py::isinstance<rates::RateTable>(b) && a == b.cast<const rates::RateTable&>();
           })
      .def(py::pickle([](const rates::RateTable& t) {
                        return py::make_tuple(t.entries(), Conv<std::optional<Date>>::to(t.known_until()));
                      },
                      [](py::tuple state) {
                        rates::RateTable t;
                        for (auto e : state[0].cast<py::list>()) t.set(e.cast<RateEntry>());
                        t.set_known_until(Conv<std::optional<Date>>::from(state[1], "known_until"));
                        return t;
                      }));

  m.def("general_reduction_coefficient", [](py::handle gross, py::handle smic, py::handle tmin, py::handle tdelta) {
        const rates::GeneralReductionParameters<Decimal> p{Conv<Decimal>::from(tmin, "tmin"),
                                                           Conv<Decimal>::from(tdelta, "tdelta"), Decimal(3)};
        return Conv<Decimal>::to(rates::general_reduction_coefficient(
            Conv<Money>::from(gross, "annual_gross").amount(), Conv<Money>::from(smic, "annual_smic").amount(), p));
      }, py::arg("annual_gross"), py::arg("annual_smic"), py::arg("tmin") = "0.02", py::arg("tdelta") = "0.3781",
      "2026 general reduction coefficient (CSS D241-7), rounded to 4 decimals.");
}

}  // namespace aci::python
