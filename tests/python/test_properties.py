"""Properties (issue 19): no lost cent in any split, monotonicity where the economics implies it,
and JSON round trips of valid scenarios, over generated inputs."""
import json
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

import aci_cost
from aci_cost import training

MAX_CENTS = 2**63 - 1
cents = st.integers(-MAX_CENTS, MAX_CENTS)
weights = st.lists(st.decimals(0, 10**6, places=4, allow_nan=False), min_size=1, max_size=12).filter(
    lambda w: sum(w) > 0)


@settings(max_examples=300, deadline=None)
@given(cents, weights)
def test_split_loses_no_cent(total_cents, ws):
    total = Decimal(total_cents) / 100
    parts = aci_cost.split(total, ws)
    assert sum(parts) == total
    assert all(p == 0 for p, w in zip(parts, ws) if w == 0)
    assert all(p == p.quantize(Decimal("0.01")) for p in parts)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.decimals(-10**9, 10**9, places=5, allow_nan=False), min_size=1, max_size=12))
def test_round_parts_add_up_to_their_rounded_total(xs):
    parts, total = aci_cost.round_parts(xs)
    assert sum(parts) == total
    assert abs(total - sum(xs)) <= Decimal("0.005")


def _with_job(scenario, **fields):
    doc = json.loads(scenario.to_json())
    doc["jobs"][0].update(fields)
    return aci_cost.read_scenario(json.dumps(doc))


@settings(max_examples=40, deadline=None)
@given(st.decimals("0.01", "1", places=2), st.decimals("0.01", "1", places=2))
def test_higher_productivity_never_raises_the_cost(p, q):
    lo, hi = sorted((p, q))
    s = aci_cost.default_scenario()
    cost_lo = aci_cost.quote(_with_job(s, productivity=str(lo))).full_cost
    cost_hi = aci_cost.quote(_with_job(s, productivity=str(hi))).full_cost
    assert cost_hi <= cost_lo


@settings(max_examples=40, deadline=None)
@given(st.floats(0, 400), st.floats(0, 400), st.integers(0, 2**32),
       st.sampled_from(["production_first", "protected_minimum", "load_threshold", "fixed_weeks"]))
def test_more_demand_never_delivers_more_training(a, b, seed, policy):
    lo, hi = sorted((a, b))
    delivered = []
    for base in (lo, hi):
        m = aci_cost.TrainingModel()
        d = m.demand
        d.base_hours = base
        m.demand = d
        df = m.deferral
        df.policy = policy
        m.deferral = df
        s = training.simulate(m, seed).summary
        delivered.append(s.on_plan_hours + s.caught_up_hours)
    assert delivered[1] <= delivered[0] + 1e-9 * max(1.0, delivered[0])


@settings(max_examples=60, deadline=None)
@given(st.decimals("0.01", "1", places=3), st.decimals("0.5", "1000000", places=2),
       st.integers(1, 20), st.decimals(0, "10000000000", places=2))  # annual_sales: at most 10^10 € [assumption]
def test_valid_scenarios_round_trip_through_json(productivity, hours, crew, sales):
    doc = json.loads(aci_cost.default_scenario().to_json())
    doc["jobs"][0].update(productivity=str(productivity), standard_hours=str(hours), crew_size=crew)
    doc["aci"]["ateliers"][0]["annual_sales"] = str(sales)
    s = aci_cost.read_scenario(json.dumps(doc))
    assert aci_cost.read_scenario(s.to_json()) == s
    assert json.loads(s.to_json())["aci"]["ateliers"][0]["annual_sales"] == aci_cost.format_plain(sales)
