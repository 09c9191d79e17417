"""Sensitivity results an analyst can trust (issue 12): common random numbers on the stochastic
training model, the noise as a group, replications, recorded seeds, the inputs table, and Dask
summary-only runs equal to the local summary bit for bit."""
import json

import numpy as np
import pytest

from aci_cost import _core, sweep

STOCHASTIC = {
    "model": "training",
    "inputs": [
        {"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 100, "high": 200}},
        # In-house training (the default): an external trainer's fee changes nothing at all.
        {"name": "training.costs.external_cost_per_hour", "distribution": {"kind": "uniform", "low": 10, "high": 90}},
        {"name": "training.workforce.absence", "distribution": {"kind": "triangular", "low": 0.03, "mode": 0.06,
                                                                  "high": 0.15}},
    ],
    "design": {"kind": "monte_carlo", "n": 256, "seed": 3},
    "outputs": ["training_debt", "cost_per_productive_hour_honoured"],
}


def test_an_input_without_effect_gets_exactly_zero_sobol():
    r = sweep.sobol(STOCHASTIC, n=256, seed=1, bootstrap_seed=2, resamples=50)
    for out in STOCHASTIC["outputs"]:
        idx = r.indices[out]
        assert idx.loc["training.costs.external_cost_per_hour", "S1"] == 0.0
        assert idx.loc["training.costs.external_cost_per_hour", "ST"] == 0.0
        assert idx.loc["training.demand.base_hours", "ST"] > 0.1


def test_an_input_without_effect_gets_exactly_zero_morris():
    m = sweep.morris(STOCHASTIC, trajectories=12, seed=4)
    assert m["training_debt"].loc["training.costs.external_cost_per_hour", "mu_star"] == 0.0
    assert m["training_debt"].loc["training.demand.base_hours", "mu_star"] > 0.0
    assert m.seeds["design"] == 4 and m.trajectories == 12


def test_a_constant_tornado_input_has_no_swing():
    spec = {"model": "training", "outputs": ["training_debt"],
            "inputs": [{"name": "training.workforce.contract_months", "values": [12, 12, 12]},
                       {"name": "training.workforce.absence", "values": [0.06, 0.06, 0.06]},
                       {"name": "training.demand.base_hours", "values": [120, 140, 160]}]}
    for replications in (1, 3):
        t = sweep.tornado(spec, replications=replications)["training_debt"]
        assert t.loc["training.workforce.contract_months", "swing"] == 0.0
        assert t.loc["training.workforce.absence", "swing"] == 0.0
        assert t.loc["training.demand.base_hours", "swing"] > 0.0


def test_noise_group_accounts_for_the_variance_with_the_inputs():
    r = sweep.sobol(STOCHASTIC, n=512, seed=5, bootstrap_seed=6, resamples=100, noise=True)
    idx = r.indices["training_debt"]
    assert list(idx.index) == [i["name"] for i in STOCHASTIC["inputs"]] + ["noise"]
    assert idx.loc["noise", "ST"] > 0.0 and idx.loc["training.costs.external_cost_per_hour", "ST"] == 0.0
    # Inputs plus noise: first-order indices add up to at most about 1 and totals to at least
    # about 1 (interactions counted in several totals).
    assert idx["S1"].sum() == pytest.approx(1.0, abs=0.15)
    assert idx["ST"].sum() >= 0.9
    # Without any randomness in the model (no weekly variation, no absence spread) the noise
    # has nothing to explain: exactly 0.
    s = _core.scenario.default_scenario()
    setup = s.training
    setup.model.demand.variation = 0.0
    setup.model.workforce.absence_spread = 0.0
    s.training = setup
    calm = sweep.sobol(STOCHASTIC, s, n=256, seed=5, bootstrap_seed=6, resamples=20, noise=True)
    assert calm.indices["training_debt"].loc["noise", "ST"] == 0.0
    assert calm.indices["training_debt"].loc["noise", "S1"] == 0.0


def test_seeds_are_recorded_and_repeat_bit_for_bit_and_design_n_is_honoured():
    spec = json.loads(json.dumps(STOCHASTIC))
    spec["design"] = {"n": 128}  # no seed
    a = sweep.sobol(spec, resamples=30)
    assert a.n == 128 and a.unit_points.shape[0] == 128 * 5
    assert set(a.seeds) == {"design", "bootstrap", "model"} and a.seeds["model"] == 2026
    b = sweep.sobol(spec, seed=a.seeds["design"], bootstrap_seed=a.seeds["bootstrap"], resamples=30)
    for out in spec["outputs"]:
        assert a.indices[out].equals(b.indices[out])
    m = sweep.morris(spec)
    assert m.trajectories == 128  # the spec's design.n is the number of trajectories
    assert isinstance(m.seeds["design"], int)


def test_inputs_table_names_open_ends_rules_and_rejects_unknown_models():
    t = sweep.inputs()
    assert t.loc["training.workforce.absence", "domain"] == "[0, 1)"
    assert bool(t.loc["training.workforce.absence", "high_open"]) and not bool(t.loc["training.workforce.absence", "low_open"])
    assert t.loc["training.demand.productivity", "domain"] == "(0, 1]"
    assert "accompaniment" in t.loc["training.workforce.accompaniment", "rule"]
    assert t.loc["training.demand.base_hours", "unit"] == "h/week"
    for bad in ("bogus", "Training"):
        with pytest.raises(ValueError, match=f'sweep.model = "{bad}"'):
            sweep.inputs(model=bad)
    assert "job.productivity" in sweep.inputs(model="quote").index


def test_dask_summary_only_equals_the_local_summary_bit_for_bit():
    distributed = pytest.importorskip("dask.distributed")
    from aci_cost import dask as aci_dask

    spec = json.loads(json.dumps(STOCHASTIC))
    spec["design"] = {"kind": "latin_hypercube", "n": 5000, "seed": 9}
    spec["summary_only"] = True
    local = sweep.run(spec, threads=2)
    assert local.outputs.shape == (5000, 0)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        for chunks in (1, 3, 8):
            r = aci_dask.run_sweep(spec, client=client, chunks=chunks)
            assert not r.summary.empty
            assert r.summary.equals(local.summary), chunks
            for out in spec["outputs"]:  # the exact summaries, not only their printed figures
                assert r._raw_summaries[out] == local._raw_summaries[out]
                assert r.summary_states[out] == local.summary_states[out]  # mergeable further, as a local run's
        with pytest.raises(ValueError, match="chunks = 0"):
            aci_dask.run_sweep(spec, client=client, chunks=0)
    full = sweep.run({**spec, "summary_only": False})
    assert full.summary.equals(local.summary)


def test_merged_states_equal_one_run():
    spec = json.loads(json.dumps(STOCHASTIC))
    whole = sweep.run(spec)
    parts = [sweep.run(spec, begin=b, end=e) for b, e in ((0, 100), (100, 101), (101, 256))]
    for out in spec["outputs"]:
        merged = _core.sweep.merge_summaries([p.summary_states[out] for p in parts])
        assert merged == whole._raw_summaries[out]
        # The merged state itself is the whole run's, byte for byte, in any grouping.
        state = _core.sweep.merge_summary_states([p.summary_states[out] for p in parts])
        assert state == whole.summary_states[out]
        regrouped = _core.sweep.merge_summary_states(
            [_core.sweep.merge_summary_states([parts[2].summary_states[out], parts[0].summary_states[out]]),
             parts[1].summary_states[out]])
        assert regrouped == whole.summary_states[out]
    with pytest.raises(ValueError, match="not a summary"):
        _core.sweep.merge_summaries([b"12345678"])
    with pytest.raises(ValueError, match=r"summaries\[1\]"):
        _core.sweep.merge_summary_states([whole.summary_states[spec["outputs"][0]], b"1234567"])
    assert np.isfinite(whole.summary["mean"]).all()


def test_bootstrap_is_the_same_on_any_thread_count():
    one = sweep.sobol(STOCHASTIC, n=256, seed=3, bootstrap_seed=4, resamples=200, threads=1)
    two = sweep.sobol(STOCHASTIC, n=256, seed=3, bootstrap_seed=4, resamples=200, threads=2)
    for out in STOCHASTIC["outputs"]:
        assert one.indices[out].equals(two.indices[out])
    with pytest.raises(ValueError, match="threads = 0"):
        sweep.sobol(STOCHASTIC, n=256, seed=3, resamples=10, threads=0)


def test_ctrl_c_stops_a_long_bootstrap_within_about_a_second(seconds_to_stop):
    spec = json.loads(json.dumps(STOCHASTIC))
    spec["outputs"] = ["training_debt"]
    # 2 s: past the model runs (0.2 s), well inside a bootstrap of minutes.
    call = f"aci_cost.sweep.sobol({spec!r}, n=2**16, seed=1, bootstrap_seed=1, resamples=200000)"
    assert seconds_to_stop(call, wait=2.0) < 3.0
