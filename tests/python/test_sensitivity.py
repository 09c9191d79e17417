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


def test_dask_summary_only_equals_the_local_summary_bit_for_bit(extra):
    distributed = extra("dask.distributed")
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
    # A full run: the same statistics, its quantiles exact and inside the summary-only bounds.
    full = sweep.run({**spec, "summary_only": False})
    stats = ["count", "nan_count", "mean", "std", "min", "max"]
    assert full.summary[stats].equals(local.summary[stats])
    assert (full.summary["quantile_error"] == 0).all() and (local.summary["quantile_error"] > 0).all()
    exact, bounded = full.quantiles, local.quantiles
    assert exact["exact"].all() and ((bounded["low"] <= exact["value"]) & (exact["value"] <= bounded["high"])).all()


def test_merged_states_equal_one_run():
    spec = json.loads(json.dumps(STOCHASTIC))
    whole = sweep.run(spec)
    parts = [sweep.run(spec, begin=b, end=e) for b, e in ((0, 100), (100, 101), (101, 256))]
    for out in spec["outputs"]:
        merged = _core.sweep.merge_summaries([p.summary_states[out] for p in parts])
        # (The whole full run's quantiles are exact, from its columns; the states' the histogram's.)
        assert merged == _core.sweep.merge_summaries([whole.summary_states[out]])
        assert merged["mean"] == whole._raw_summaries[out]["mean"]
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


def test_ctrl_c_stops_a_long_bootstrap(interrupted):
    spec = json.loads(json.dumps(STOCHASTIC))
    spec["outputs"] = ["training_debt"]
    # 2 s: past the model runs (0.2 s), well inside a bootstrap of minutes (200,000 resamples of
    # 2^16 rows): stopping within the 30 s timeout means the Ctrl-C was heard.
    call = f"aci_cost.sweep.sobol({spec!r}, n=2**16, seed=1, bootstrap_seed=1, resamples=200000)"
    interrupted(call, wait=2.0, timeout=30)


# ---- the literature: Morris as published, second-order Sobol', SALib on the same samples ----

ISHIGAMI_INPUTS = ("x1", "x2", "x3")


def _ishigami(cols):
    x1, x2, x3 = cols["x1"], cols["x2"], cols["x3"]
    return {"y": np.sin(x1) + 7 * np.sin(x2) ** 2 + 0.1 * x3 ** 4 * np.sin(x1)}


ISHIGAMI = sweep.Model("ishigami", {k: (-np.pi, np.pi) for k in ISHIGAMI_INPUTS}, ["y"], _ishigami)
ISHIGAMI_SPEC = {"inputs": [{"name": k, "distribution": {"kind": "uniform", "low": -np.pi, "high": np.pi}}
                            for k in ISHIGAMI_INPUTS], "outputs": ["y"]}
PROBLEM = {"num_vars": 3, "names": list(ISHIGAMI_INPUTS), "bounds": [[-np.pi, np.pi]] * 3}


def _ishigami_rows(unit: np.ndarray) -> np.ndarray:
    x = -np.pi + 2 * np.pi * unit
    return _ishigami({k: x[:, j] for j, k in enumerate(ISHIGAMI_INPUTS)})["y"]


def test_morris_equals_salib_on_the_same_trajectories(extra):
    salib_morris = extra("SALib.analyze.morris")
    r = sweep.morris(ISHIGAMI_SPEC, model=ISHIGAMI, trajectories=200, levels=4, seed=5, resamples=4000,
                     ci_method="normal")
    x = -np.pi + 2 * np.pi * r.unit_points  # the trajectories, in input units
    y = _ishigami_rows(r.unit_points)
    salib = salib_morris.analyze(PROBLEM, x, y, num_resamples=4000, num_levels=4, seed=1)
    ours = r["y"]
    np.testing.assert_allclose(ours["mu"], salib["mu"], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(ours["mu_star"], salib["mu_star"], rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(ours["sigma"], salib["sigma"], rtol=1e-12, atol=1e-12)
    assert r.delta == pytest.approx(4 / 6)
    # SALib's mu_star_conf is z x the bootstrap sd of mu*: our normal interval's half-width,
    # from other random resamples (4000 each: the sd's relative standard error is 1.1 %).
    half = (ours["mu_star_high"] - ours["mu_star_low"]).to_numpy() / 2
    np.testing.assert_allclose(half[[0, 2]], np.asarray(salib["mu_star_conf"])[[0, 2]], rtol=0.06)
    assert half[1] < 1e-12 and salib["mu_star_conf"][1] < 1e-12  # every |EE| of x2 is 63/8
    # Levels on {0, 1/3, 2/3, 1}: x2's mu* is 63/8 (not 0, as with the old cell centres), x3 last.
    assert ours.loc["x2", "mu_star"] == pytest.approx(63 / 8, abs=1e-12)
    assert ours.loc["x3", "mu_star"] < min(ours.loc["x1", "mu_star"], ours.loc["x2", "mu_star"])
    assert set(np.unique(np.round(r.unit_points * 3, 12))) == {0.0, 1.0, 2.0, 3.0}


def test_campolongo_selection_equals_salib_brute_force_on_the_same_candidates(extra):
    brute = extra("SALib.sample.morris.brute")
    k, m, r = 3, 10, 4
    pool = sweep.morris_points(k, m, levels=4, seed=21)  # the candidates (trajectories of seed 21)
    chosen = _core.sweep.morris_points(k, r, 4, 21, m)[1]
    salib = brute.BruteForce().brute_force_most_distant(pool, m, k, r)
    assert list(chosen) == list(salib)
    # The chosen design is those candidates' trajectories, and the study runs it.
    points = sweep.morris_points(k, r, levels=4, seed=21, candidates=m)
    for i, c in enumerate(chosen):
        np.testing.assert_array_equal(points[i * (k + 1):(i + 1) * (k + 1)], pool[c * (k + 1):(c + 1) * (k + 1)])
    study = sweep.morris(ISHIGAMI_SPEC, model=ISHIGAMI, trajectories=r, seed=21, candidates=m, resamples=0)
    assert study.chosen == list(chosen) and study.candidates == m
    assert np.isnan(study["y"]["mu_star_low"]).all()


def test_second_order_sobol_equals_salib_on_the_same_sample(extra):
    salib_sobol = extra("SALib.analyze.sobol")
    n = 2 ** 12
    r = sweep.sobol(ISHIGAMI_SPEC, model=ISHIGAMI, n=n, seed=3, bootstrap_seed=4, resamples=200,
                    salib_conventions=True, second_order=True)
    y = r.outputs["y"].reshape(n, 8)  # A, B, AB_1..3, BA_1..3; SALib: A, AB_1..3, BA_1..3, B
    salib = salib_sobol.analyze(PROBLEM, np.concatenate([y[:, :1], y[:, 2:], y[:, 1:2]], axis=1).ravel(),
                                calc_second_order=True, num_resamples=200, seed=1)
    s2 = r.second_order["y"]
    for (a, b), row in s2.iterrows():
        j, k = ISHIGAMI_INPUTS.index(a), ISHIGAMI_INPUTS.index(b)
        assert row["S2"] == pytest.approx(salib["S2"][j, k], abs=1e-9)
    np.testing.assert_allclose(r.indices["y"]["S1"], salib["S1"], atol=1e-9)
    np.testing.assert_allclose(r.indices["y"]["ST"], salib["ST"], atol=1e-9)
    # S13 = V13 / V = 0.244 analytically (Sobol' & Levitan 1999), S12 = S23 = 0.
    v = 49 / 8 + 0.1 * np.pi ** 4 / 5 + 0.01 * np.pi ** 8 / 18 + 0.5
    assert s2.loc[("x1", "x3"), "S2"] == pytest.approx(8 * 0.01 * np.pi ** 8 / 225 / v, abs=0.08)
    assert s2.loc[("x1", "x3"), "S2_low"] < s2.loc[("x1", "x3"), "S2"] < s2.loc[("x1", "x3"), "S2_high"]
    # The analyser alone on the design's rows gives the same.
    alone = sweep.analyze_sobol(r.outputs["y"], k=3, n=n, seed=3, resamples=200, bootstrap_seed=4,
                                salib_conventions=True, second_order=True, names=ISHIGAMI_INPUTS)
    assert alone.attrs["S2"]["S2"].tolist() == s2["S2"].tolist()


def test_intervals_only_for_the_outputs_asked_and_progress_in_two_phases():
    reports = []
    r = sweep.sobol(STOCHASTIC, n=128, seed=1, bootstrap_seed=2, resamples=40, intervals=["training_debt"])
    assert not r.indices["training_debt"]["S1_low"].isna().any()
    assert r.indices["cost_per_productive_hour_honoured"]["S1_low"].isna().all()
    full = sweep.sobol(STOCHASTIC, n=128, seed=1, bootstrap_seed=2, resamples=40)
    assert full.indices["training_debt"].equals(r.indices["training_debt"])
    assert full.indices["cost_per_productive_hour_honoured"]["S1"].equals(
        r.indices["cost_per_productive_hour_honoured"]["S1"])
    with pytest.raises(ValueError, match=r"sobol.intervals\[0\]"):
        sweep.sobol(STOCHASTIC, n=128, seed=1, resamples=40, intervals=["nope"])
    study = _core.sweep.sobol_sweep(_core.scenario.default_scenario(), json.dumps({**STOCHASTIC, "format": sweep.SWEEP_FORMAT}),
                                    128, 1, [], 0.95, 40, 2, "raise", False, 2, 4096, False, 1, None,
                                    lambda done, total: reports.append((done, total)))
    assert study.outputs[0].indices.S1_low
    totals = [t for _, t in reports]
    assert totals[0] == 128 * 5 and totals[-1] == 40  # the evaluations, then the resamples
    assert reports[-1] == (40, 40)


def test_tornado_from_the_inputs_distributions():
    # The sampling spec itself: each input swings from its P10 to its P90 around its median.
    t = sweep.tornado(STOCHASTIC)
    values = t.values
    assert values.loc["training.demand.base_hours"].tolist() == pytest.approx([110, 150, 190])
    assert values.loc["training.costs.external_cost_per_hour"].tolist() == pytest.approx([18, 50, 82])
    assert t["training_debt"].loc["training.costs.external_cost_per_hour", "swing"] == 0.0
    assert t["training_debt"].index[0] == "training.demand.base_hours"
    q = sweep.tornado(STOCHASTIC, low=0.25, high=0.75)
    assert q.values.loc["training.demand.base_hours", "low"] == pytest.approx(125)
    assert q.probabilities == (0.25, 0.75)
    with pytest.raises(ValueError, match="tornado.low"):
        sweep.tornado(STOCHASTIC, low=0.6)
