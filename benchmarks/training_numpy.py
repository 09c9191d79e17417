"""The weekly training model written as a good analyst would in NumPy: arrays over scenarios,
a loop over weeks only. It follows the equations of include/aci_cost/training/simulate.hpp
(its evaluation order, week_step, plan_totals, summarise) operation for operation, and it draws
the weekly absence and demand from the same random stream per scenario (xoroshiro128++ started
from the SplitMix64 counter hash of (seed, scenario)), each draw as x = 2u + 2 in [2, 4). NumPy has no fused multiply-add: where the library rounds a x b + c once
(three terms a week), this code rounds twice, so results agree to about 1e-15 relative, not to
the last bit.

Used by benchmarks/compare_numpy.py and, as an independent implementation, by
tests/python/test_sweep.py. Headcount workforce mode; all four deferral policies.
"""
from __future__ import annotations

import numpy as np

M64 = np.uint64(0xFFFFFFFFFFFFFFFF)
GOLDEN = np.uint64(0x9E3779B97F4A7C15)
C1 = np.uint64(0xBF58476D1CE4E5B9)
C2 = np.uint64(0x94D049BB133111EB)
ONE_BITS = np.uint64(0x3FF0000000000000)


def mix64(z: np.ndarray) -> np.ndarray:
    """SplitMix64 finaliser on uint64 arrays (wrapping arithmetic)."""
    with np.errstate(over="ignore"):
        return _mix64(z)


def _mix64(z):
    z = z + GOLDEN
    z = (z ^ (z >> np.uint64(30))) * C1
    z = (z ^ (z >> np.uint64(27))) * C2
    return z ^ (z >> np.uint64(31))


def rotl(x: np.ndarray, k: int) -> np.ndarray:
    return (x << np.uint64(k)) | (x >> np.uint64(64 - k))


def bits_to_uniform(bits: np.ndarray) -> np.ndarray:
    return ((bits >> np.uint64(12)) | ONE_BITS).view(np.float64) - 1.0


TWO_BITS = np.uint64(0x4000000000000000)


def word_to_draw(word: np.ndarray) -> np.ndarray:
    """A 32-bit word as x = 2u + 2 in [2, 4), u on the 2^-32 grid (exactly as the C++ code)."""
    return ((word << np.uint64(20)) | TWO_BITS).view(np.float64)


def default_shape(iso_week: int) -> float:
    if 14 <= iso_week <= 43:
        return 1.0
    if 10 <= iso_week <= 13:
        return -1.0 + 0.4 * (iso_week - 9)
    if 44 <= iso_week <= 47:
        return 1.0 - 0.4 * (iso_week - 43)
    return -1.0


def simulate(p: dict, *, weeks: int, start_week: int = 1, weeks_in_start_year: int = 52, leave=None,
             policy: str = "production_first", in_house: bool = True, seed: int = 0, first_scenario: int = 0,
             fixed_weeks=(), n: int | None = None) -> dict:
    """Per-scenario summaries for parameter arrays ``p`` (names as TRAINING_BATCH_PARAMETERS)."""
    n = n if n is not None else len(next(iter(p.values())))
    g = {k: np.broadcast_to(np.asarray(v, dtype=np.float64), (n,)) for k, v in p.items()}
    headcount, months = g["headcount"], g["contract_months"]
    weekly, absence, spread = g["weekly_hours"], g["absence"], g["absence_spread"]
    accomp, base, amp = g["accompaniment"], g["demand_base_hours"], g["demand_amplitude"]
    variation, prod, plan_h = g["demand_variation"], g["demand_productivity"], g["plan_hours_per_week"]
    group, protected, threshold = g["trainees_per_supervisor"], g["protected_share"], g["load_threshold"]
    catch_share, backlog = g["catch_up_share"], g["initial_backlog"].copy()
    cost_paid, cost_sup, cost_ext = g["cost_per_paid_hour"], g["supervisor_cost_per_hour"], g["external_cost_per_hour"]

    loss_share = np.where(headcount > 0, 1.0 / (months * 52.0 / 12.0), 0.0)
    keep = 1.0 - loss_share
    hours_mean = weekly * (((1.0 - absence) - accomp) + 3.0 * spread)
    hours_slope = 0.0 - weekly * spread
    demand_base = base / prod
    demand_shape = demand_base * amp
    noise_mean = 1.0 - 3.0 * variation
    planned = headcount * (plan_h + 0.0)  # no sessions: the same every open week
    idx = np.arange(first_scenario, first_scenario + n, dtype=np.uint64)
    key = mix64(mix64(np.uint64(seed)) ^ idx)
    s0, s1 = key, mix64(key)  # the scenario's xoroshiro128++ state (detail/scenario_stream.hpp)
    draw_a, draw_d = bool((spread != 0).any()), bool((variation != 0).any())
    x_a = np.full(n, 3.0)  # no draw: e = x - 3 = 0
    x_d = np.full(n, 3.0)
    tot = {k: np.zeros(n) for k in ("production", "unmet", "on_plan", "caught_up", "lost")}
    fixed = set(fixed_weeks)
    for w in range(weeks):
        k = start_week - 1 + w
        iso = k + 1 if k < weeks_in_start_year else (k - weeks_in_start_year) % 52 + 1
        profile = default_shape(iso)
        leave_w = 0.0 if leave is None else leave[w]
        if draw_a or draw_d:
            # One output per week: its high half draws the absence, its low half the demand.
            with np.errstate(over="ignore"):
                step = rotl(s0 + s1, 17) + s0
                t = s1 ^ s0
                s0 = rotl(s0, 49) ^ t ^ (t << np.uint64(21))
                s1 = rotl(t, 28)
            if draw_a:
                x_a = word_to_draw(step >> np.uint64(32))
            if draw_d:
                x_d = word_to_draw(step & np.uint64(0xFFFFFFFF))
        hours = hours_slope * x_a + (hours_mean - leave_w)  # fma(hours_slope, x, hours_mean - leave)
        gross = headcount * hours
        capacity = np.where(gross > 0.0, gross, 0.0)
        booked = demand_shape * profile + demand_base  # fma(demand_shape, shape, demand_base)
        demand = booked * (variation * x_d + noise_mean)  # x fma(variation, x', noise_mean)
        if policy == "production_first":
            reserved = np.zeros(n)
        else:
            if policy == "protected_minimum":
                wanted = protected * planned
            elif policy == "load_threshold":
                wanted = np.where(demand > threshold * capacity, 0.0, planned)
            else:
                wanted = (1.0 if w in fixed else 0.0) * planned
            reserved = np.where(wanted < capacity, wanted, capacity)
        room = capacity - reserved
        production = np.where(demand < room, demand, room)
        left = room - production
        rest = planned - reserved
        extra = np.where(rest < left, rest, left)
        slack = left - extra
        limit = catch_share * slack
        caught = np.where(backlog < limit, backlog, limit)
        deferred = rest - extra
        carried = backlog + deferred - caught
        lost = carried * loss_share
        backlog = carried * keep
        tot["production"] += production
        tot["unmet"] += demand - production
        tot["on_plan"] += reserved + extra
        tot["caught_up"] += caught
        tot["lost"] += lost
    # Planned and paid hours need no weekly sum (simulate.hpp, plan_totals): every week is open here.
    tot["planned"] = headcount * (plan_h * float(weeks) + 0.0)
    tot["paid"] = (headcount * float(weeks)) * weekly

    delivered = tot["on_plan"] + tot["caught_up"]
    obligation = tot["planned"] + g["initial_backlog"]
    owed = obligation > 0.0
    base = np.where(delivered > obligation, delivered, obligation)  # rounding may put delivered above
    share = np.where(owed, delivered / np.where(owed, base, 1.0), 1.0)
    shortfall = tot["lost"] + backlog
    if in_house:
        actual = cost_sup * (delivered / group)
        honoured_cost = cost_sup * (obligation / group)
    else:
        actual = cost_ext * delivered
        honoured_cost = cost_ext * obligation
    wage = cost_paid * tot["paid"]
    honoured_h = tot["production"] - shortfall
    honoured_h = np.where(honoured_h > 0.0, honoured_h, 0.0)
    produced = tot["production"] > 0.0
    produced_h = honoured_h > 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        cph_actual = np.where(produced, (wage + actual) / np.where(produced, tot["production"], 1.0), np.inf)
        cph_honoured = np.where(produced_h, (wage + honoured_cost) / np.where(produced_h, honoured_h, 1.0), np.inf)
    return {"delivered_share": share, "lost_hours": tot["lost"], "final_backlog_hours": backlog,
            "cost_per_productive_hour_actual": cph_actual, "cost_per_productive_hour_honoured": cph_honoured,
            "training_debt": shortfall * cost_paid}
