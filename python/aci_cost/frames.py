"""Tables of quotes for pandas: every job under every pricing policy, line by line
(``quotes_frame``), what changed between two scenarios and what it does to each quote and the year
(``diff``), and money columns as floats rounded to the cent (``as_float``).

Money is ``decimal.Decimal`` in every frame by default (exact, to the cent); ``as_float=True``
(or :func:`as_float`) gives ``float64`` columns rounded to the cent, for plotting and pandas
arithmetic: never for figures that are shown or invoiced.
"""
from __future__ import annotations

import copy
import datetime as _dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Optional, Sequence

import pandas as pd

from ._core import InvalidInput
from ._core.scenario import Scenario

__all__ = ["POLICIES", "as_float", "quotes_frame", "diff", "Diff"]

#: The pricing policies, in the order the engine knows them.
POLICIES = ("fair_zone", "cost_plus", "ds_coefficient", "market")


def as_float(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose Decimal columns are float64, each value rounded to the cent."""
    out = frame.copy()
    for col in out.columns:
        values = out[col]
        if len(values) and values.map(lambda v: isinstance(v, Decimal)).all():
            out[col] = values.map(lambda v: float(round(v, 2))).astype("float64")
    return out


def _finish(frame: pd.DataFrame, float_money: bool) -> pd.DataFrame:
    return as_float(frame) if float_money else frame


def quotes_frame(scenario: Scenario, policies: Optional[Sequence[str]] = None, *, as_float: bool = False
                 ) -> pd.DataFrame:
    """Every job of ``scenario`` quoted under each of ``policies`` (default: all four), one row per
    shown figure: ``job``, ``policy``, ``part`` (cost, extra, subsidy, total, price, bound),
    ``key`` and ``amount``. The policy replaces the job's, its atelier's and the scenario's; the
    other pricing options are the job's own."""
    from . import quote  # the package's quote(), with the scenario's rate table

    chosen = list(policies) if policies is not None else list(POLICIES)
    for p in chosen:
        if p not in POLICIES:
            raise InvalidInput(f"policies = {p!r}: expected one of {', '.join(POLICIES)}")
    if not scenario.jobs:
        raise InvalidInput("jobs = []: the scenario has no job to quote")
    rows = []
    for job in scenario.jobs:
        atelier = next((a for a in scenario.aci.ateliers if a.name == job.atelier or a.support == job.atelier), None)
        base = job.pricing or (atelier.pricing if atelier is not None else None) or scenario.pricing
        for policy in chosen:
            s = copy.copy(scenario)
            jobs = s.jobs
            options = copy.copy(base)
            options.policy = policy
            for j in jobs:
                if j.name == job.name:
                    j.pricing = options
            s.jobs = jobs
            q = quote(s, job.name)
            add = lambda part, key, amount: rows.append((job.name, policy, part, key, amount))  # noqa: E731
            for line in q.cost_lines:
                add("cost", line.key, line.amount)
            add("total", "full_cost", q.full_cost)
            for line in q.extra_lines:
                add("extra", line.key, line.amount)
            for line in q.subsidies:
                add("subsidy", line.key, line.amount)
            add("total", "net_cost", q.net_cost)
            add("total", "marginal_cost", q.marginal_cost)
            add("price", "ht", q.price.ht)
            add("price", "vat", q.price.vat)
            add("price", "ttc", q.price.ttc)
            add("bound", "market_floor", q.bounds.market_floor)
            add("bound", "market_price", q.bounds.market_price)
            add("bound", "overcompensation_ceiling", q.bounds.overcompensation_ceiling)
    frame = pd.DataFrame(rows, columns=["job", "policy", "part", "key", "amount"])
    return _finish(frame, as_float)


def _walk(obj: object, path: str) -> Iterable[tuple[str, object]]:
    """(path, value) of every leaf field of a record, lists by index."""
    fields = getattr(type(obj), "_fields", None)
    if fields is not None and not isinstance(obj, type):
        for f in fields:
            yield from _walk(getattr(obj, f), f"{path}.{f}" if path else f)
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _walk(item, f"{path}[{i}]")
    elif isinstance(obj, dict):
        for k in sorted(obj):
            yield from _walk(obj[k], f"{path}[{k}]")
    else:
        yield path, obj


@dataclass(frozen=True)
class Diff:
    """What changed between two scenarios and what it does."""

    #: One row per changed field: ``path`` (``aci.ateliers[0].occupancy``), ``before``, ``after``
    #: (None where a list is shorter).
    changes: pd.DataFrame
    #: One row per job in either scenario and figure (full_cost, net_cost, price_ht, ttc):
    #: ``before``, ``after``, ``change`` (after - before; NaN-free: a missing job is None).
    quotes: pd.DataFrame
    #: The year's total charges, products and result before and after, and the change.
    year: pd.DataFrame


def diff(before: Scenario, after: Scenario, *, date: Optional[_dt.date] = None, as_float: bool = False) -> Diff:
    """What changed from ``before`` to ``after`` (field by field) and its effect on each job's quote
    and on the year (``budget.year`` at ``date``, default the first job's year)."""
    from . import budget, quote

    a = dict(_walk(before, ""))
    b = dict(_walk(after, ""))
    paths = [p for p in dict.fromkeys(list(a) + list(b)) if a.get(p) != b.get(p)]
    changes = pd.DataFrame([(p, a.get(p), b.get(p)) for p in paths], columns=["path", "before", "after"])

    figures = ("full_cost", "net_cost", "price_ht", "ttc")

    def values(s: Scenario) -> dict[str, dict[str, Decimal]]:
        out = {}
        for j in s.jobs:
            q = quote(s, j.name)
            out[j.name] = {"full_cost": q.full_cost, "net_cost": q.net_cost, "price_ht": q.price.ht,
                           "ttc": q.price.ttc}
        return out

    qa, qb = values(before), values(after)
    rows = []
    for job in dict.fromkeys(list(qa) + list(qb)):
        for f in figures:
            x = qa.get(job, {}).get(f)
            y = qb.get(job, {}).get(f)
            rows.append((job, f, x, y, (y - x) if x is not None and y is not None else None))
    quotes = pd.DataFrame(rows, columns=["job", "figure", "before", "after", "change"])

    if date is None:
        jobs = before.jobs or after.jobs
        if not jobs:
            raise InvalidInput("diff.date = None: neither scenario has a job to take the year from; give a date")
        date = _dt.date(jobs[0].date.year, 1, 1)
    ya, yb = budget.year(before, date), budget.year(after, date)
    year = pd.DataFrame([(k, getattr(ya, k), getattr(yb, k), getattr(yb, k) - getattr(ya, k))
                         for k in ("charges_total", "products_total", "result")],
                        columns=["figure", "before", "after", "change"])
    return Diff(changes, _finish(quotes, as_float), _finish(year, as_float))
