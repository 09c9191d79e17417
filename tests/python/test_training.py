"""The weekly training model from Python. Hand-derived cases are in tests/cpp/training; here:
the DataFrame layout, the invariants over random parameters (hypothesis), batch == single,
determinism, the quote link and the CLI."""
import json
import math
import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aci_cost
from aci_cost import training
from aci_cost.cli import main

COLUMNS = ["calendar_week", "employees", "leavers", "paid_hours", "capacity", "demand", "production",
           "unmet_demand", "idle", "training_planned", "training_on_plan", "training_deferred",
           "training_caught_up", "training_lost", "backlog", "supervisor_hours"]


def small_model(**kw):
    m = aci_cost.TrainingModel()
    m.horizon = aci_cost._core.training.Horizon(weeks=10, start_week=20, weeks_in_start_year=52)
    m.workforce = aci_cost._core.training.Workforce(headcount=4, contract_months=12, weekly_hours=25, absence=0,
                                           accompaniment=0)
    m.plan = aci_cost._core.training.TrainingPlan(hours_per_week=2, delivery="external")
    m.costs = aci_cost._core.training.TrainingCosts(cost_per_paid_hour=15, supervisor_cost_per_hour=30)
    for k, v in kw.items():
        setattr(m, k, v)
    return m


def test_demand_under_capacity_delivers_everything():
    # 4 employees x 25 h = 100 h capacity; demand 50 h/week; plan 4 x 2 = 8 h/week: all of it
    # is delivered in its week (production 50 + training 8 + idle 42 = 100), nothing deferred.
    m = small_model(demand=aci_cost._core.training.Demand(mode="given", hours=[50.0] * 10))
    run = training.simulate(m)
    w = run.weeks
    assert list(w.columns) == COLUMNS and w.index.name == "week" and len(w) == 10
    assert list(w["calendar_week"]) == list(range(20, 30))
    np.testing.assert_array_equal(w["capacity"], 100.0)
    np.testing.assert_array_equal(w["training_on_plan"], 8.0)
    np.testing.assert_array_equal(w["idle"], 42.0)
    assert run.summary.delivered_share == 1.0 and run.summary.lost_hours == 0.0
    assert run.summary.planned_hours == 80.0


def test_production_first_under_pressure_defers_and_loses():
    # Demand 150 h > capacity 100 h: no training at all, the backlog grows by 8 h a week and
    # loses 1/52 of itself a week (12-month contracts: 12 x 52/12 = 52 weeks).
    m = small_model(demand=aci_cost._core.training.Demand(mode="given", hours=[150.0] * 10))
    s = training.simulate(m).summary
    assert s.on_plan_hours == 0 and s.caught_up_hours == 0
    backlog = lost = 0.0
    for _ in range(10):
        backlog += 8.0
        lost += backlog / 52
        backlog -= backlog / 52
    assert math.isclose(s.lost_hours, lost, rel_tol=1e-12)
    assert math.isclose(s.final_backlog_hours, backlog, rel_tol=1e-12)


@settings(max_examples=150, deadline=None)
@given(st.floats(1, 30), st.floats(1, 24), st.floats(10, 35), st.floats(0, 0.3), st.floats(0, 0.1),
       st.floats(0, 0.2), st.floats(0, 600), st.floats(0, 1), st.floats(0, 0.3), st.floats(0.3, 1),
       st.floats(0, 4), st.sampled_from(["production_first", "protected_minimum", "load_threshold", "fixed_weeks"]),
       st.floats(0, 1), st.floats(0.5, 1.5), st.floats(0, 1), st.floats(0, 50), st.integers(0, 2**63),
       st.sampled_from(["in_house", "external"]))
def test_invariants_hold_every_week(heads, months, hours, absence, spread, accomp, base, amp, var, prod,
                                    plan, policy, protected, threshold, catch_up, backlog0, seed, delivery):
    m = aci_cost.TrainingModel()
    m.workforce = aci_cost._core.training.Workforce(headcount=heads, contract_months=months, weekly_hours=hours,
                                           absence=absence, absence_spread=min(spread, absence),
                                           accompaniment=accomp)
    m.demand = aci_cost._core.training.Demand(base_hours=base, amplitude=amp, variation=var, productivity=prod)
    m.plan = aci_cost._core.training.TrainingPlan(hours_per_week=plan, delivery=delivery)
    m.deferral = aci_cost._core.training.Deferral(policy=policy, protected_share=protected, load_threshold=threshold,
                                         catch_up_share=catch_up, initial_backlog=backlog0,
                                         fixed_weeks=[3, 10, 30])
    m.seed = seed
    run = training.simulate(m)
    w, s = run.weeks, run.summary
    used = w["production"] + w["training_on_plan"] + w["training_caught_up"] + w["idle"]
    np.testing.assert_allclose(used, w["capacity"], rtol=1e-12, atol=1e-9)
    assert (w["backlog"] >= 0).all() and (w["idle"] >= -1e-12).all()
    np.testing.assert_allclose(w["training_planned"], w["training_on_plan"] + w["training_deferred"], atol=1e-9)
    owed = s.initial_backlog_hours + s.deferred_hours
    assert math.isclose(owed, s.caught_up_hours + s.lost_hours + s.final_backlog_hours, rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(s.planned_hours, s.on_plan_hours + s.deferred_hours, rel_tol=1e-9, abs_tol=1e-9)
    assert 0 <= s.delivered_share <= 1  # taken against max(obligation, delivered) (simulate.hpp)


def test_same_seed_same_result_and_batch_equals_single():
    m = aci_cost.default_scenario().training_model()
    a, b = training.simulate(m, 7), training.simulate(m, 7)
    assert a.weeks.equals(b.weeks) and a.summary == b.summary
    assert not training.simulate(m, 8).weeks["demand"].equals(a.weeks["demand"])
    rng = np.random.default_rng(1)
    n = 64
    params = {"demand_base_hours": rng.uniform(80, 220, n), "absence": rng.uniform(0, 0.15, n),
              "plan_hours_per_week": rng.uniform(0, 3, n)}
    batch = training.simulate_batch(m, params)
    for i in range(n):
        mi = aci_cost.default_scenario().training_model()
        mi.demand = aci_cost._core.training.Demand(**{**{k: getattr(m.demand, k) for k in m.demand._fields},
                                             "base_hours": params["demand_base_hours"][i]})
        wf = mi.workforce
        wf.absence = params["absence"][i]
        mi.workforce = wf
        pl = mi.plan
        pl.hours_per_week = params["plan_hours_per_week"][i]
        mi.plan = pl
        s = training.simulate(mi, i).summary
        assert batch["cost_per_productive_hour_honoured"][i] == s.cost_per_productive_hour_honoured
        assert batch["training_debt"][i] == s.training_debt
        assert batch["delivered_share"][i] == s.delivered_share


@settings(max_examples=40, deadline=None)
@given(n=st.integers(1, 40), seed=st.integers(0, 2**32 - 1),
       policy=st.sampled_from(["production_first", "protected_minimum", "load_threshold", "fixed_weeks"]))
def test_batch_equals_single_for_any_size_and_policy(n, seed, policy):
    # Sizes 1..40 cover full and partial lane groups (the kernel takes 2, 4 or 8 scenarios at a
    # time, by CPU); every output must equal the single path's to the last bit.
    m = aci_cost.default_scenario().training_model()
    d = m.deferral
    d.policy = policy
    d.fixed_weeks = [3, 9, 27]
    m.deferral = d
    wf = m.workforce
    wf.absence_spread = 0.02
    m.workforce = wf
    rng = np.random.default_rng(seed)
    params = {"headcount": rng.uniform(0, 20, n), "absence": rng.uniform(0.02, 0.2, n),
              "demand_variation": rng.uniform(0, 0.3, n), "catch_up_share": rng.uniform(0, 1, n),
              "initial_backlog": rng.uniform(0, 40, n)}
    batch = training.simulate_batch(m, params)
    for i in range(n):
        mi = aci_cost.default_scenario().training_model()
        mi.deferral = d
        wf = mi.workforce
        wf.absence_spread, wf.headcount, wf.absence = 0.02, params["headcount"][i], params["absence"][i]
        mi.workforce = wf
        dm = mi.demand
        dm.variation = params["demand_variation"][i]
        mi.demand = dm
        di = mi.deferral
        di.catch_up_share, di.initial_backlog = params["catch_up_share"][i], params["initial_backlog"][i]
        mi.deferral = di
        s = training.simulate(mi, i).summary
        for name in ("delivered_share", "lost_hours", "final_backlog_hours", "cost_per_productive_hour_actual",
                     "cost_per_productive_hour_honoured", "training_debt"):
            assert batch[name][i] == getattr(s, name), (name, i)


def test_kernel_reports_its_instruction_set():
    assert aci_cost._core.training.training_kernel() in ("baseline", "avx2")


def test_bad_inputs_name_field_and_value():
    m = small_model()
    wf = m.workforce
    wf.absence = 1.5
    m.workforce = wf
    with pytest.raises(ValueError, match=r"training\.workforce\.absence = 1\.5"):
        training.simulate(m)
    with pytest.raises(ValueError, match="unknown parameter"):
        training.simulate_batch(small_model(), {"absense": np.zeros(3)})
    with pytest.raises(ValueError, match=r"workforce\.weekly_hours = nan"):
        m2 = small_model()
        wf = m2.workforce
        wf.weekly_hours = float("nan")
        m2.workforce = wf
        training.simulate(m2)


def test_quote_link_shows_the_underpricing():
    s = aci_cost.default_scenario()
    tq = aci_cost.training_quote(s, "park_maintenance")
    assert tq.week.iso_week == 16  # 2026-04-15
    # In peak season production comes first: nothing delivered, the naive quote leaves it out.
    assert tq.week.delivered_hours == 0 and tq.week.planned_hours > 0
    assert tq.difference == tq.honoured.price.ht - tq.naive.price.ht > 0
    naive_training = tq.naive.cost_lines[1].amount
    assert naive_training == 0
    # Honoured training line = 135 integration work h (120 on site + 15 travelling) x planned x
    # cost / production of the week.
    expected = 135 * tq.week.planned_hours * tq.week.cost_per_training_hour / tq.week.production_hours
    assert abs(float(tq.honoured.cost_lines[1].amount) - expected) <= 0.005 + 1e-9
    assert pickle.loads(pickle.dumps(tq)) == tq


def test_pickles_and_dataframe():
    m = aci_cost.default_scenario().training_model()
    assert pickle.loads(pickle.dumps(m)) == m
    run = training.simulate(m)
    assert pickle.loads(pickle.dumps(run.summary)) == run.summary


def test_plot_returns_its_axes_and_saves_with_its_labels(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    fig = training.simulate(aci_cost.default_scenario()).plot().figure
    fig.savefig(tmp_path / "year.png")
    assert (tmp_path / "year.png").stat().st_size > 10_000
    assert len(fig.axes) == 2


def test_cli_training_json(capsys):
    assert main(["training", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(doc["weeks"]) == 53
    s = doc["summary"]
    assert math.isclose(s["planned_hours"], s["on_plan_hours"] + s["deferred_hours"], rel_tol=1e-12)
    assert doc["quotes"][0]["job"] == "park_maintenance"


def test_scenario_training_section_round_trips():
    s = aci_cost.default_scenario()
    back = aci_cost.read_scenario(s.to_json())
    assert back == s and back.training.model.seed == 2026
    bad = json.loads(s.to_json())
    bad["training"]["model"]["deferral"]["policy"] = "never"
    with pytest.raises(aci_cost.ScenarioError, match=r"\$\.training\.model\.deferral\.policy"):
        aci_cost.read_scenario(json.dumps(bad))
