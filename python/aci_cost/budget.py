"""The ACI's year: a forecast income statement (compte de résultat prévisionnel) per atelier
and in total, with the scenario's jobs placed in it.

>>> y = aci_cost.budget.year(aci_cost.default_scenario())
>>> aci_cost.budget.frame(y)        # one row per line: atelier, side, key, amount
>>> aci_cost.budget.months_frame(y) # the same by month (each rate from its effective date)
>>> aci_cost.budget.price_analysis(s, "park_maintenance")   # floor, break-even, market and cap limits
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Optional, Union

import pandas as pd

from ._core import InvalidInput
from ._core.budget import MonthInYear, PriceAnalysis, YearBudget, analyse_price, year_budget
from ._core.quote import Line
from ._core.scenario import Scenario

__all__ = ["year", "frame", "months_frame", "jobs_frame", "price_analysis"]

_Number = Union[Decimal, int, float, str]  # a number, or its decimal text


def _money(frame: pd.DataFrame, float_money: bool) -> pd.DataFrame:
    from .frames import as_float

    return as_float(frame) if float_money else frame


def year(scenario: Scenario, date: Optional[Union[str, _dt.date]] = None) -> YearBudget:
    """The calendar year of ``date`` (default: the year of the scenario's first job), month by month
    with the rates in force on the first of each month."""
    if date is None:
        if not scenario.jobs:
            raise InvalidInput("year.date = None: the scenario has no job to take the year from; give a date")
        date = _dt.date(scenario.jobs[0].date.year, 1, 1)
    return year_budget(scenario.aci, scenario.jobs, scenario.rate_table(), scenario.pricing, date)


def frame(budget: YearBudget, *, as_float: bool = False) -> pd.DataFrame:
    """One row per shown line: ``atelier`` (or "total"), ``side`` (charges, products, result),
    ``key`` and ``amount`` (Decimal, to the cent; ``as_float``: float64 rounded to the cent)."""
    rows: list[tuple[str, str, str, Decimal]] = []

    def add(name: str, charges: Sequence[Line], products: Sequence[Line], result: Decimal) -> None:
        rows.extend((name, "charges", line.key, line.amount) for line in charges)
        rows.extend((name, "products", line.key, line.amount) for line in products)
        rows.append((name, "result", "result", result))

    for a in budget.ateliers:
        add(a.atelier, a.charges, a.products, a.result)
    add("total", budget.charges, budget.products, budget.result)
    return _money(pd.DataFrame(rows, columns=["atelier", "side", "key", "amount"]), as_float)


def jobs_frame(budget: YearBudget, *, as_float: bool = False) -> pd.DataFrame:
    """The jobs placed in the year: one row per job with its atelier, hours, price, costs and
    subsidy share (Decimal amounts)."""
    rows = [(a.atelier, j.job, j.date, j.work_hours, j.price_ht, j.full_cost, j.net_cost, j.marginal_cost,
             j.subsidies) for a in budget.ateliers for j in a.jobs]
    return _money(pd.DataFrame(rows, columns=["atelier", "job", "date", "work_hours", "price_ht", "full_cost",
                                              "net_cost", "marginal_cost", "subsidies"]), as_float)


def months_frame(budget: YearBudget, *, as_float: bool = False) -> pd.DataFrame:
    """One row per shown monthly line: ``atelier`` (or "total"), ``month`` (1-12), ``side``
    (charges, products, result), ``key`` and ``amount`` (Decimal, to the cent). A line's twelve
    months add up to the year's line (``frame``) to the cent."""
    rows: list[tuple[str, int, str, str, Decimal]] = []

    def add(name: str, months: Sequence[MonthInYear]) -> None:
        for m in months:
            rows.extend((name, m.month, "charges", line.key, line.amount) for line in m.charges)
            rows.extend((name, m.month, "products", line.key, line.amount) for line in m.products)
            rows.append((name, m.month, "result", "result", m.result))

    for a in budget.ateliers:
        add(a.atelier, a.months)
    add("total", budget.months)
    return _money(pd.DataFrame(rows, columns=["atelier", "month", "side", "key", "amount"]), as_float)


def price_analysis(scenario: Scenario, job: str, target_margin: _Number = "0.05",
                   volume: Optional[_Number] = None) -> PriceAnalysis:
    """The price analysis of ``job``: its floor (net cost), contribution margin, the units of such
    sales that balance its atelier's year, the price for ``target_margin`` on the net cost, the
    fair-zone price and the highest prices within the market, the over-compensation ceiling and
    the D5132-34 cap (with and without the derogation); ``volume``: units for the break-even unit
    price (default: the job's)."""
    return analyse_price(scenario.aci, scenario.job(job), scenario.rate_table(), scenario.pricing, target_margin,
                         volume)
