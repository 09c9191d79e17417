// aci::budget break-even: cost-volume-profit arithmetic on exact money — the whole units of sales
// that cover a deficit at a unit contribution (price − variable cost), and the lowest unit price
// that covers it over a given volume. Rounding is always toward covering the deficit: volumes
// up to the next whole unit, prices up to the next cent.
#pragma once

#include <optional>

#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/money.hpp"

namespace aci::budget {

/// The least whole number of units V with V × unit_contribution >= deficit: 0 when there is no
/// deficit (deficit <= 0), none when it cannot be covered (unit_contribution <= 0).
/// The quotient is exact to 50 significant digits; V is then checked by multiplication, so
/// that the ceiling never falls one unit short on a quotient rounded down.
inline std::optional<Decimal> break_even_volume(const Decimal& deficit, const Decimal& unit_contribution) {
  if (deficit <= 0) return Decimal(0);
  if (unit_contribution <= 0) return std::nullopt;
  const Decimal q = deficit / unit_contribution;
  Decimal v = round_decimal(q, 0, Rounding::half_away_from_zero);
  while (v * unit_contribution < deficit) v += 1;
  while (v > 0 && (v - 1) * unit_contribution >= deficit) v -= 1;
  return v;
}

/// The lowest price per unit, to the cent, with volume × (price − unit_variable) >= deficit
/// (deficit <= 0: the variable cost itself, rounded up to the cent). InvalidInput naming
/// "break_even.volume" unless volume > 0.
inline Money break_even_unit_price(const Decimal& deficit, const Decimal& volume, const Decimal& unit_variable) {
  ACI_COST_REQUIRE(volume > 0, "break_even.volume", to_string(volume), "must be > 0");
  const Decimal need = deficit > 0 ? deficit : Decimal(0);
  const Decimal exact = unit_variable + need / volume;
  // Up to the next cent: round half away from zero, then one cent more while short.
  Money p = Money(exact).rounded(Rounding::half_away_from_zero);
  while (volume * (p.amount() - unit_variable) < need || p.amount() < unit_variable) p = p + Money::from_cents(1);
  while (true) {
    const Money lower = p - Money::from_cents(1);
    if (lower.amount() < unit_variable || volume * (lower.amount() - unit_variable) < need) break;
    p = lower;
  }
  return p;
}

}  // namespace aci::budget
