"""An independent NumPy implementation of the weekly training model (headcount mode), written
from the equations at the top of include/aci_cost/training/week_step.hpp, not from the
library's evaluation order: arrays over scenarios, a loop over weeks.

    absence_w = absence + absence_spread x e_w,   e_w = 2u - 1 (the week's centred draw)
    C = max(0, present x (weekly hours x (1 - absence_w - accompaniment - travel_share) - leave_w))
    D = base hours x (1 + amplitude x shape_w) x (1 + variation x e'_w) / productivity
    reserved = min(R, C) (R by policy), production = min(D, C - reserved), ...

The draws are the library's (xoroshiro128++ seeded by the SplitMix64 hash of (seed, scenario),
detail/scenario_stream.hpp): the two must see the same weeks to be compared. Because the
operations are grouped as the equations read (the library folds them into per-scenario
constants and three fused multiply-adds a week), results agree to ~1e-15 relative, not to the
bit; the tests compare at 1e-12 of each output's scale.

The inputs are named and defaulted from the model's descriptor table
(aci_cost._core.training.training_input_table()): this file lists none of them by hand.
Used by tests/python/test_sweep.py and benchmarks/compare_numpy.py.
"""
from __future__ import annotations

import numpy as np

from aci_cost import _core

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
C1 = np.uint64(0xBF58476D1CE4E5B9)
C2 = np.uint64(0x94D049BB133111EB)
TWO_BITS = np.uint64(0x4000000000000000)


def _mix64(z):
    with np.errstate(over="ignore"):
        z = z + GOLDEN
        z = (z ^ (z >> np.uint64(30))) * C1
        z = (z ^ (z >> np.uint64(27))) * C2
        return z ^ (z >> np.uint64(31))


def _rotl(x, k):
    return (x << np.uint64(k)) | (x >> np.uint64(64 - k))


def _centred(word):
    """A 32-bit word as e = 2u - 1 in [-1, 1), u = word / 2^32."""
    return 2.0 * (word.astype(np.float64) / 4294967296.0) - 1.0


def _default_shape(iso_week: int) -> float:
    """The default seasonal shape (training/model.hpp): -1 in winter, +1 April-October, linear ramps."""
    if 14 <= iso_week <= 43:
        return 1.0
    if 10 <= iso_week <= 13:
        return -1.0 + 0.4 * (iso_week - 9)
    if 44 <= iso_week <= 47:
        return 1.0 - 0.4 * (iso_week - 43)
    return -1.0


def parameters(model) -> dict:
    """The model's numeric inputs by batch name (from the descriptor table)."""
    out = {}
    for row in _core.training.training_input_table():
        group, field = row["path"].split(".")
        out[row["batch_name"]] = getattr(getattr(model, group), field)
    return out


def simulate(model, values: dict, n: int, first_scenario: int = 0) -> dict:
    """Per-scenario outputs of n scenarios of ``model`` (headcount mode, seasonal demand, no
    sessions or closed weeks) whose inputs ``values`` (batch name -> array of n) vary."""
    assert model.workforce.mode == "headcount" and model.demand.mode == "seasonal"
    assert not model.plan.sessions and not model.workforce.closed_weeks and not model.demand.seasonal_shape
    p = parameters(model)
    p.update(values)
    g = {k: np.broadcast_to(np.asarray(v, dtype=np.float64), (n,)) for k, v in p.items()}
    heads = g["headcount"]
    weeks, h = model.horizon.weeks, model.horizon
    leave = model.workforce.leave_hours or [0.0] * weeks
    fixed = set(model.deferral.fixed_weeks)
    policy = model.deferral.policy

    leavers_share = np.where(heads > 0, 1.0 / (g["contract_months"] * 52.0 / 12.0), 0.0)
    plan = heads * g["plan_hours_per_week"]
    backlog = g["initial_backlog"].copy()
    key = _mix64(_mix64(np.uint64(model.seed)) ^ np.arange(first_scenario, first_scenario + n, dtype=np.uint64))
    s0, s1 = key, _mix64(key)
    draws = bool((g["absence_spread"] != 0).any() or (g["demand_variation"] != 0).any())
    e_a = e_d = np.zeros(n)
    tot = {k: np.zeros(n) for k in ("production", "unmet", "on_plan", "caught_up", "lost")}
    for w in range(weeks):
        k = h.start_week - 1 + w
        iso = k + 1 if k < h.weeks_in_start_year else (k - h.weeks_in_start_year) % 52 + 1
        if draws:  # one 64-bit output a week: high half for the absence, low half for the demand
            with np.errstate(over="ignore"):
                out = _rotl(s0 + s1, 17) + s0
                t = s1 ^ s0
                s0, s1 = _rotl(s0, 49) ^ t ^ (t << np.uint64(21)), _rotl(t, 28)
            e_a, e_d = _centred(out >> np.uint64(32)), _centred(out & np.uint64(0xFFFFFFFF))
        absence_w = g["absence"] + g["absence_spread"] * e_a
        available = 1.0 - absence_w - g["accompaniment"] - g["travel_share"]
        capacity = np.maximum(0.0, heads * (g["weekly_hours"] * available - leave[w]))
        booked = g["demand_base_hours"] * (1.0 + g["demand_amplitude"] * _default_shape(iso))
        demand = booked * (1.0 + g["demand_variation"] * e_d) / g["demand_productivity"]
        if policy == "production_first":
            wanted = np.zeros(n)
        elif policy == "protected_minimum":
            wanted = g["protected_share"] * plan
        elif policy == "load_threshold":
            wanted = np.where(demand <= g["load_threshold"] * capacity, plan, 0.0)
        else:
            wanted = plan if w in fixed else np.zeros(n)
        reserved = np.minimum(wanted, capacity)
        production = np.minimum(demand, capacity - reserved)
        extra = np.minimum(plan - reserved, capacity - reserved - production)
        slack = capacity - reserved - production - extra
        caught = np.minimum(backlog, g["catch_up_share"] * slack)
        carried = backlog + (plan - reserved - extra) - caught
        lost = carried * leavers_share
        backlog = carried * (1.0 - leavers_share)
        tot["production"] += production
        tot["unmet"] += demand - production
        tot["on_plan"] += reserved + extra
        tot["caught_up"] += caught
        tot["lost"] += lost

    planned = plan * weeks
    paid = heads * weeks * g["weekly_hours"]
    delivered = tot["on_plan"] + tot["caught_up"]
    owed = planned + g["initial_backlog"]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(owed > 0, np.minimum(1.0, delivered / owed), 1.0)
        if model.plan.delivery == "in_house":
            cost_actual = g["supervisor_cost_per_hour"] * delivered / g["trainees_per_supervisor"]
            cost_honoured = g["supervisor_cost_per_hour"] * owed / g["trainees_per_supervisor"]
        else:
            cost_actual = g["external_cost_per_hour"] * delivered
            cost_honoured = g["external_cost_per_hour"] * owed
        shortfall = tot["lost"] + backlog
        wage = g["cost_per_paid_hour"] * paid
        honoured_hours = np.maximum(0.0, tot["production"] - shortfall)
        cph_actual = np.where(tot["production"] > 0, (wage + cost_actual) / tot["production"], np.inf)
        cph_honoured = np.where(honoured_hours > 0, (wage + cost_honoured) / honoured_hours, np.inf)
    supervisor = delivered / g["trainees_per_supervisor"] if model.plan.delivery == "in_house" else np.zeros(n)
    return {"delivered_share": share, "supervisor_hours": supervisor, "lost_hours": tot["lost"], "final_backlog_hours": backlog,
            "planned_hours": planned, "production_hours": tot["production"], "unmet_demand_hours": tot["unmet"],
            "cost_per_productive_hour_actual": cph_actual, "cost_per_productive_hour_honoured": cph_honoured,
            "training_debt": shortfall * g["cost_per_paid_hour"]}
