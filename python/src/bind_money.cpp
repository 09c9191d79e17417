// Money: rounding, splitting, formatting. Amounts are decimal.Decimal on the Python side.
#include "aci_cost/money.hpp"
#include "enums.hpp"

namespace aci::python {

void bind_money(py::module_& m) {
  m.def(
      "round_money",
      [](py::handle amount, py::handle mode, int places) {
        return Conv<Money>::to(Conv<Money>::from(amount, "amount").rounded(Conv<Rounding>::from(mode, "mode"), places));
      },
      py::arg("amount"), py::arg("mode") = "half_away_from_zero", py::arg("places") = 2,
      "Rounds an amount to `places` decimals with a named mode.");
  m.def(
      "split",
      [](py::handle total, py::handle weights) {
        return Conv<std::vector<Money>>::to(
            split(Conv<Money>::from(total, "split.total"), Conv<std::vector<Decimal>>::from(weights, "split.weights")));
      },
      py::arg("total"), py::arg("weights"),
      "Splits a whole-cent total over non-negative weights; the parts add up exactly (largest remainder, "
      "ties to the earlier part).");
  m.def(
      "round_parts",
      [](py::handle parts, py::handle mode) {
        const auto r = round_parts(Conv<std::vector<Decimal>>::from(parts, "round_parts.parts"),
                                   Conv<Rounding>::from(mode, "mode"));
        return py::make_tuple(Conv<std::vector<Money>>::to(r.parts), Conv<Money>::to(r.total));
      },
      py::arg("parts"), py::arg("mode") = "half_away_from_zero",
      "Rounds amounts to the cent so that they add up exactly to their rounded sum: (parts, total).");
  m.def(
      "format_fr", [](py::handle amount) { return Conv<Money>::from(amount, "amount").format_fr(); }, py::arg("amount"),
      "French display of a whole-cent amount: '1 234,56 €'.");
  m.def(
      "format_plain", [](py::handle amount) { return Conv<Money>::from(amount, "amount").to_string(); },
      py::arg("amount"), "Plain display: '1234.56'.");
}

}  // namespace aci::python
