"""Analysts' own models in the sweep engine (issue 13, item 3): a vectorised Python function as
a model, with the same designs, Sobol'/Morris/tornado and Dask; the analyser on its own on a given
design and outputs. Validated on the Ishigami function, whose indices are known analytically
(Ishigami & Homma 1990; Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, sec. 4.8)."""
import math

import numpy as np
import pytest

from aci_cost import sweep

A, B = 7.0, 0.1


def ishigami(columns):
    x1, x2, x3 = columns["x1"], columns["x2"], columns["x3"]
    return {"y": np.sin(x1) + A * np.sin(x2) ** 2 + B * x3 ** 4 * np.sin(x1)}


ISHIGAMI = sweep.Model("ishigami", {k: (-math.pi, math.pi) for k in ("x1", "x2", "x3")}, ["y"], ishigami)
SPEC = {"inputs": [{"name": k, "distribution": {"kind": "uniform", "low": -math.pi, "high": math.pi}}
                   for k in ("x1", "x2", "x3")], "outputs": ["y"]}


def analytic():
    p4, p8 = math.pi ** 4, math.pi ** 8
    v = A * A / 8 + B * p4 / 5 + B * B * p8 / 18 + 0.5
    v1, v2, v13 = 0.5 * (1 + B * p4 / 5) ** 2, A * A / 8, 8 * B * B * p8 / 225
    return [v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v]


def test_a_python_model_recovers_ishigamis_indices_and_the_analyser_agrees():
    r = sweep.sobol(SPEC, model=ISHIGAMI, n=2 ** 13, seed=11, bootstrap_seed=12, resamples=300, level=0.99,
                    threads=2)
    idx = r.indices["y"]
    s1, st = analytic()
    for j, name in enumerate(["x1", "x2", "x3"]):
        assert idx.loc[name, "S1_low"] <= s1[j] <= idx.loc[name, "S1_high"], name
        assert idx.loc[name, "ST_low"] <= st[j] <= idx.loc[name, "ST_high"], name
    # The analyser alone on the same design and outputs: the same indices.
    u = sweep.saltelli_points(3, 2 ** 13, 11)
    np.testing.assert_array_equal(u, r.unit_points)
    y = ishigami({k: -math.pi + 2 * math.pi * u[:, j] for j, k in enumerate(["x1", "x2", "x3"])})["y"]
    again = sweep.analyze_sobol(y, k=3, n=2 ** 13, seed=11, names=["x1", "x2", "x3"], resamples=300,
                                bootstrap_seed=12, level=0.99)
    np.testing.assert_allclose(again["S1"], idx["S1"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(again["ST"], idx["ST"], rtol=0, atol=1e-12)


def test_morris_tornado_and_run_on_a_python_model():
    m = sweep.morris(SPEC, model=ISHIGAMI, trajectories=40, seed=3)["y"]
    assert m["mu_star"].idxmax() in ("x1", "x2") and m.loc["x3", "mu_star"] > 0
    t = sweep.tornado({"inputs": [{"name": "x1", "values": [-1, 0, 1]}, {"name": "x2", "values": [0, 0, 0]},
                                  {"name": "x3", "values": [0, 1, 2]}], "outputs": ["y"]}, model=ISHIGAMI)["y"]
    # At x2 = 0, x3 = 1: y = sin x1 (1 + 0.1): swings of x1 are -+1.1 sin 1; x2 fixed: 0.
    assert t.loc["x1", "low"] == pytest.approx(-1.1 * math.sin(1.0), abs=1e-12)
    assert t.loc["x2", "swing"] == 0.0
    r = sweep.run({**SPEC, "design": {"kind": "latin_hypercube", "n": 1000, "seed": 1}}, model=ISHIGAMI, threads=2)
    assert r.outputs.shape == (1000, 1) and r.spec["model"] == "ishigami"
    # Only the varied inputs reach the function: a model keeps its defaults for the others.
    seen = []

    def partial(cols):
        seen.append(sorted(cols))
        return {"y": cols["x1"] * 2.0}

    p = sweep.Model("partial", {"x1": (0, 1), "x2": (0, 1)}, ["y"], partial)
    out = sweep.run({"inputs": [{"name": "x1", "values": [0.25, 0.5]}], "design": {"kind": "points", "n": 2}},
                    model=p)
    assert list(out.outputs["y"]) == [0.5, 1.0] and seen == [["x1"]]


def test_a_stochastic_python_model_runs_on_common_random_numbers():
    def noisy(cols):
        u = (cols["draw_key"] * np.uint64(0x9E3779B97F4A7C15) >> np.uint64(11)).astype(float) * 2.0 ** -53
        return {"y": ishigami(cols)["y"] + 3.0 * (u - 0.5)}

    model = sweep.Model("noisy", ISHIGAMI.inputs, ["y"], noisy, stochastic=True)
    spec = {**SPEC, "inputs": SPEC["inputs"] + [{"name": "x4", "distribution": {"kind": "uniform", "low": 0,
                                                                                "high": 1}}]}
    model = sweep.Model("noisy", {**ISHIGAMI.inputs, "x4": (0, 1)}, ["y"], noisy, stochastic=True)
    r = sweep.sobol(spec, model=model, n=1024, seed=2, bootstrap_seed=3, resamples=50)
    # x4 is declared but unused: exactly 0 although the model is noisy.
    assert r.indices["y"].loc["x4", "ST"] == 0.0 and r.indices["y"].loc["x4", "S1"] == 0.0
    rn = sweep.sobol(spec, model=model, n=1024, seed=2, bootstrap_seed=3, resamples=50, noise=True)
    assert rn.indices["y"].loc["noise", "ST"] > 0.0


def test_a_models_input_table_has_named_fields_and_inputs_reads_them():
    m = sweep.Model("m", {"x1": (0, 1), "x2": (2, 5, "h"),
                          "x3": {"low": 0, "high": math.inf, "low_open": True, "unit": "€"}}, ["y"], ishigami)
    rows = m.input_table()
    assert rows[0] == sweep.InputRow("x1", 0.0, 1.0, False, False, "")
    assert rows[1] == sweep.InputRow(name="x2", low=2.0, high=5.0, low_open=False, high_open=False, unit="h")
    x3 = rows[2]
    assert (x3.name, x3.low, x3.high, x3.low_open, x3.high_open, x3.unit) == ("x3", 0.0, math.inf, True, False, "€")
    frame = sweep.inputs(model=m)
    # The domain as written from the fields: an infinite end is open whatever the model says.
    assert list(frame["domain"]) == ["[0, 1]", "[2, 5]", "(0, inf)"]
    assert list(frame["high_open"]) == [False, False, True] and list(frame["unit"]) == ["", "h", "€"]


def test_a_sobol_study_records_its_seeds_and_each_outputs_rows():
    r = sweep.sobol(SPEC, model=ISHIGAMI, n=64, seed=5, bootstrap_seed=6, resamples=0)
    assert r.seeds == {"design": 5, "bootstrap": 6, "model": None}  # a Python model draws nothing of its own
    d = r.details["y"]
    # 64 base rows, none dropped; the mean and the sample variance (n - 1) of the outputs of rows A and B.
    assert (d["rows_used"], d["rows_dropped"]) == (64, 0)
    y = r.outputs["y"].reshape(64, 5)[:, :2].ravel()  # per base row: A, B, AB_1, AB_2, AB_3
    assert d["mean"] == pytest.approx(y.mean(), rel=1e-12)
    assert d["variance"] == pytest.approx(y.var(ddof=1), rel=1e-12)


def test_bad_models_are_errors():
    bad = sweep.Model("bad", {"x1": (0, 1)}, ["y"], lambda cols: {"y": np.zeros(3)})
    with pytest.raises(ValueError, match=r"model\[bad\]\.outputs\[y\] = 3 values"):
        sweep.run({"inputs": [{"name": "x1", "values": [0.5, 0.6]}], "design": {"kind": "points", "n": 2}}, model=bad)
    with pytest.raises(ValueError, match=r"model.outputs\[1\]"):
        sweep.run({"inputs": [{"name": "x1", "values": [0.5]}], "design": {"kind": "points", "n": 1}},
                  model=sweep.Model("dup", {"x1": (0, 1)}, ["y", "y"], lambda c: {"y": c["x1"]}))
    with pytest.raises(ValueError, match="outside the domain of x1"):
        sweep.run({"inputs": [{"name": "x1", "values": [2.0]}], "design": {"kind": "points", "n": 1}},
                  model=sweep.Model("m", {"x1": (0, 1)}, ["y"], lambda c: {"y": c["x1"]}))
    with pytest.raises(ZeroDivisionError):
        sweep.run({"inputs": [{"name": "x1", "values": [0.5]}], "design": {"kind": "points", "n": 1}},
                  model=sweep.Model("z", {"x1": (0, 1)}, ["y"], lambda c: {"y": c["x1"] / 0.0 if False else 1 / 0}))


def test_dask_runs_a_python_model_bit_for_bit(extra):
    distributed = extra("dask.distributed")
    from aci_cost import dask as aci_dask

    spec = {**SPEC, "design": {"kind": "sobol", "n": 4096, "seed": 4}}
    local = sweep.run(spec, model=ISHIGAMI)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        r = aci_dask.run_sweep(spec, client=client, chunks=3, model=ISHIGAMI)
    assert r.outputs.equals(local.outputs) and r.summary.equals(local.summary)
