"""The ACI's year: a forecast income statement (compte de résultat prévisionnel) per atelier
and in total, with the scenario's jobs placed in it.

>>> y = aci_cost.budget.year(aci_cost.default_scenario())
>>> aci_cost.budget.frame(y)        # one row per line: atelier, side, key, amount
"""
from __future__ import annotations

import datetime as _dt
from typing import Optional, Union

import pandas as pd

from ._core import InvalidInput
from ._core.budget import YearBudget, year_budget
from ._core.scenario import Scenario

__all__ = ["year", "frame", "jobs_frame"]


def year(scenario: Scenario, date: Optional[Union[str, _dt.date]] = None) -> YearBudget:
    """The scenario's year with the rates in force at ``date`` (default: 1 January of the year of
    the scenario's first job) applied to the whole year."""
    if date is None:
        if not scenario.jobs:
            raise InvalidInput("year.date = None: the scenario has no job to take the year from; give a date")
        date = _dt.date(scenario.jobs[0].date.year, 1, 1)
    return year_budget(scenario.aci, scenario.jobs, scenario.rate_table(), scenario.pricing, date)


def frame(budget: YearBudget) -> pd.DataFrame:
    """One row per shown line: ``atelier`` (or "total"), ``side`` (charges, products, result),
    ``key`` and ``amount`` (Decimal, to the cent)."""
    rows = []

    def add(name, charges, products, result):
        rows.extend((name, "charges", line.key, line.amount) for line in charges)
        rows.extend((name, "products", line.key, line.amount) for line in products)
        rows.append((name, "result", "result", result))

    for a in budget.ateliers:
        add(a.atelier, a.charges, a.products, a.result)
    add("total", budget.charges, budget.products, budget.result)
    return pd.DataFrame(rows, columns=["atelier", "side", "key", "amount"])


def jobs_frame(budget: YearBudget) -> pd.DataFrame:
    """The jobs placed in the year: one row per job with its atelier, hours, price, costs and
    subsidy share (Decimal amounts)."""
    rows = [(a.atelier, j.job, j.date, j.work_hours, j.price_ht, j.full_cost, j.net_cost, j.marginal_cost,
             j.subsidies) for a in budget.ateliers for j in a.jobs]
    return pd.DataFrame(rows, columns=["atelier", "job", "date", "work_hours", "price_ht", "full_cost", "net_cost",
                                       "marginal_cost", "subsidies"])
