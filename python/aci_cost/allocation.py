"""Cost centres and time-driven rates: an ACI's structure (direction, administration,
premises, accompaniment, a maintenance workshop) allocated to its ateliers to the cent by the
direct, step-down or reciprocal method, and time-driven ABC (Kaplan & Anderson 2004) with its
unused capacity. Tables as DataFrames, the flows as a figure.

>>> s = aci_cost.load_scenario("examples/multi_atelier.json")
>>> a = aci_cost.allocation.of_scenario(s)            # the scenario's method
>>> aci_cost.allocation.rates_frame(a)                # € per integration work hour, per atelier
>>> aci_cost.allocation.compare_methods(s)            # each method side by side
"""
from __future__ import annotations

import copy
import datetime as _dt
from decimal import Decimal
from typing import Any, Optional, Union

import pandas as pd

from ._core import InvalidInput
from ._core.allocation import (
    Activity, Allocation, Centre, Charge, CostDriver, JobAccount, JobLine, Network, PoolAccount, ResourcePool,
    Service, Term, TimeDrivenJob, TimeDrivenModel, TimeDrivenResult, allocate, read_network, read_time_driven,
    time_driven,
)
from ._core.model import Structure
from ._core.quote import allocate_structure, structure_charges
from ._core.scenario import Scenario

__all__ = [
    "Activity", "Allocation", "Centre", "Charge", "CostDriver", "JobAccount", "JobLine", "Network", "PoolAccount",
    "ResourcePool", "Service", "Structure", "Term", "TimeDrivenJob", "TimeDrivenModel", "TimeDrivenResult",
    "allocate", "allocate_structure", "compare_methods", "flows_frame", "of_scenario", "plot_flows",
    "primary_frame", "rates_frame", "read_network", "read_time_driven", "structure_charges", "time_driven",
    "time_driven_frames", "METHODS",
]

#: The settling methods of a scenario's structure, in the order a director compares them.
METHODS = ("single_key", "direct", "step_down", "reciprocal")


def _date(scenario: Scenario, date: Optional[Union[str, _dt.date]]) -> Union[str, _dt.date]:
    if date is not None:
        return date
    if not scenario.jobs:
        raise InvalidInput("allocation.date = None: the scenario has no job to take the date from; give a date")
    return scenario.jobs[0].date


def of_scenario(scenario: Scenario, method: Optional[str] = None,
                date: Optional[Union[str, _dt.date]] = None) -> Allocation:
    """The allocation of the scenario's structure to its ateliers (the ateliers' integration work
    hours at ``date``, default the first job's date), by ``method`` (default: the scenario's)."""
    aci = scenario.aci
    if method is not None:
        aci = copy.deepcopy(aci)  # the scenario stays as it is
        aci.structure.method = method
    return allocate_structure(aci, scenario.rate_table(), _date(scenario, date), scenario.pricing.rounding)


def primary_frame(a: Allocation) -> pd.DataFrame:
    """The primary spread: one row per charge, one column per centre (Decimal €); each row adds
    up to its charge."""
    return pd.DataFrame([list(r) for r in a.primary], index=pd.Index(a.charges, name="charge"),
                        columns=pd.Index(a.centres, name="centre"))


def flows_frame(a: Allocation) -> pd.DataFrame:
    """Who hands on what to whom: rows ``from``, columns ``to`` (Decimal €, self-service on the
    diagonal); a support centre's row adds up to what it hands on."""
    return pd.DataFrame([list(r) for r in a.flows], index=pd.Index(a.centres, name="from"),
                        columns=pd.Index(a.centres, name="to"))


def rates_frame(a: Allocation) -> pd.DataFrame:
    """One row per main centre: its primary charges, what it receives from the support centres,
    its total, its work unit and units, and its cost per work unit (Decimal to 4 decimals; None
    without units)."""
    # Each attribute read converts the whole C++ table: read each once (reading a.flows inside the
    # loop made 50 + 50 centres take 78 s, O(n^4)).
    flows, kinds, totals = a.flows, a.kinds, a.totals
    primary_totals, work_units, cost_per_unit = a.primary_totals, a.work_units, a.cost_per_unit
    rows = []
    for c, name in enumerate(a.centres):
        if kinds[c] != "main":
            continue
        received = sum((row[c] for row in flows), Decimal(0))
        # A rate is shown to 4 decimals (the exact quotient carries 50 digits).
        rate = round(cost_per_unit[c], 4) if cost_per_unit[c] != 0 else None
        rows.append((name, primary_totals[c], received, totals[c], work_units[c], rate))
    return pd.DataFrame(rows, columns=["centre", "primary", "from_support", "total", "work_unit", "cost_per_unit"])


def compare_methods(scenario: Scenario, date: Optional[Union[str, _dt.date]] = None) -> pd.DataFrame:
    """Each atelier's share of the structure under every method, side by side (Decimal €)."""
    columns: dict[str, list[Decimal]] = {m: [] for m in METHODS}
    names = [at.name for at in scenario.aci.ateliers]
    for m in METHODS:
        a = of_scenario(scenario, m, date)
        columns[m] = [a.totals[a.centres.index(n)] for n in names]
    return pd.DataFrame(columns, index=pd.Index(names, name="atelier"))


def plot_flows(a: Allocation, ax: Any = None) -> Any:
    """A stacked bar per main centre: its own primary charges, then what each support centre
    hands on to it. Returns the Axes."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    mains = [c for c in range(len(a.centres)) if a.kinds[c] == "main"]
    supports = [c for c in range(len(a.centres)) if a.kinds[c] == "support"]
    labels = [a.centres[c] for c in mains]
    bottom = [0.0] * len(mains)
    layers = [("primary charges", [float(a.primary_totals[c]) for c in mains])]
    layers += [(f"from {a.centres[s]}", [float(a.flows[s][c]) for c in mains]) for s in supports]
    for label, values in layers:
        ax.bar(labels, values, bottom=bottom, label=label)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_ylabel("€ / year")
    ax.set_title(f"Structure allocated to the main centres ({a.method})")
    ax.legend(fontsize="small")
    return ax


def time_driven_frames(r: TimeDrivenResult) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(pools, jobs): the pools' rate, capacity, used and unused time and cost; the jobs' cost
    per pool and total (Decimal)."""
    pools = pd.DataFrame([(p.name, p.cost, p.capacity, p.rate, p.used, p.unused, p.used_cost, p.unused_cost)
                          for p in r.pools],
                         columns=["pool", "cost", "capacity", "rate", "used", "unused", "used_cost", "unused_cost"])
    names = [p.name for p in r.pools]
    jobs = pd.DataFrame([[j.name, *j.cost, j.total] for j in r.jobs], columns=["job", *names, "total"])
    return pools, jobs
