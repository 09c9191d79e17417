"""Exact arithmetic shared by the independent derivations (docs/worked_example.py, docs/supports.py).

Standard library only, and no import of aci_cost: these helpers are the derivations' own rules,
written from docs/cost_model.md, so that the library is checked against numbers obtained
another way. Every amount is a Fraction; the one non-rational step, x**1.75 in the reduction
coefficient, is computed at 50 significant digits and its rounding to 4 decimals is *proved*
with exact rationals (a rounding interval for Tmin + Tdelta x^(7/4) is an interval for x^7).
"""
import decimal
import math
from fractions import Fraction as F

CONTEXT = decimal.Context(prec=50)


def round_half_away(x: F, places: int) -> F:
    """Half away from zero, to `places` decimals."""
    sign = -1 if x < 0 else 1
    a = abs(x) * 10**places
    whole = a.numerator // a.denominator
    if a - whole >= F(1, 2):
        whole += 1
    return sign * F(whole, 10**places)


def cents(x: F) -> F:
    """Half away from zero, to the cent."""
    return round_half_away(x, 2)


def floor_cents(x: F) -> F:
    """Down (toward minus infinity) to the cent: the over-compensation ceiling is the cent below
    full cost x (1 + reasonable profit), so that a price at it never over-compensates by a rounding."""
    a = x * 100
    return F(a.numerator // a.denominator, 100)


def fair_zone(market: F, net: F, full: F, subsidies: F, revenue: F, profit: F) -> tuple:
    """(ceiling, price) on shown figures: the ceiling floor_cents(full x (1 + r)) - subsidies -
    revenue; the price min(max(market, net), ceiling), never below 0 (docs/cost_model.md)."""
    ceiling = floor_cents(full * (1 + profit)) - subsidies - revenue
    return ceiling, max(min(max(market, net), ceiling), F(0))


def largest_remainder(lines: dict) -> tuple:
    """(total, shown): the rounded exact total, and lines to the cent that add up to it exactly.

    Every line is first floored to the cent; the cents left over go one each to the lines with
    the largest remainders; equal remainders go to the earlier line (a stable sort).
    """
    total = cents(sum(lines.values()))
    floors = {k: F(math.floor(v * 100), 100) for k, v in lines.items()}
    left = int((total - sum(floors.values())) * 100)
    assert 0 <= left <= len(lines)
    order = sorted(lines, key=lambda k: -(lines[k] * 100 - math.floor(lines[k] * 100)))
    shown = dict(floors)
    for k in order[:left]:
        shown[k] += F(1, 100)
    assert sum(shown.values()) == total
    return total, shown


def power_7_4(x: F) -> decimal.Decimal:
    """x^1.75 at 50 significant digits, checked against the same power computed another way."""
    xd = CONTEXT.divide(decimal.Decimal(x.numerator), decimal.Decimal(x.denominator))
    y = CONTEXT.power(xd, decimal.Decimal("1.75"))
    y2 = CONTEXT.sqrt(CONTEXT.sqrt(CONTEXT.power(xd, 7)))
    assert abs(y - y2) < decimal.Decimal("1e-45"), (y, y2)
    return y


def reduction_coefficient(tmin: F, tdelta: F, multiple: int, smic_year: F, gross: F) -> tuple:
    """(C, x, y): C = min(Tmin + Tdelta, round4(Tmin + Tdelta x^1.75)), x = (multiple x SMIC_year /
    gross - 1) / 2 capped at 1, y = x^1.75 (None when x = 1 or when the pay is at or above the
    multiple: C = 0). The rounding to 4 decimals is proved with exact rationals."""
    if gross >= multiple * smic_year:
        return F(0), None, None
    x = min(F(1), (multiple * smic_year / gross - 1) / 2)
    if x == 1:
        return tmin + tdelta, x, None
    y = power_7_4(x)
    c = round_half_away(tmin + tdelta * F(y), 4)
    # c - 1/20000 <= Tmin + Tdelta x^(7/4) < c + 1/20000, i.e. lo^4 <= x^7 < hi^4.
    lo, hi = (c - F(1, 20000) - tmin) / tdelta, (c + F(1, 20000) - tmin) / tdelta
    assert (lo <= 0 or lo**4 <= x**7) and hi > 0 and x**7 < hi**4, "rounding not proved"
    return min(c, tmin + tdelta), x, y
