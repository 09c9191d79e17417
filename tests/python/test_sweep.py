"""Sweeps from Python: determinism, an independent NumPy implementation of the training model,
spec errors, sensitivity, Ctrl-C, Dask and the CLI."""
import json
import sys
from pathlib import Path

import numpy as np
import pytest

import aci_cost
from aci_cost import sweep
from aci_cost.cli import DEFAULT_SWEEP, main

sys.path.insert(0, str(Path(__file__).resolve().parent / "reference"))
import training_reference  # noqa: E402  (the independent NumPy implementation)

SPEC = {
    "model": "training",
    "inputs": [
        {"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 100, "high": 200}},
        {"name": "training.workforce.absence", "distribution": {"kind": "triangular", "low": 0.02, "mode": 0.06, "high": 0.15}},
        {"name": "training.workforce.absence_spread", "distribution": {"kind": "uniform", "low": 0, "high": 0.02}},
        {"name": "training.demand.variation", "distribution": {"kind": "uniform", "low": 0, "high": 0.2}},
        {"name": "training.workforce.contract_months", "distribution": {"kind": "truncated_normal", "mean": 10, "sd": 3, "low": 4, "high": 24}},
        {"name": "training.workforce.travel_share", "distribution": {"kind": "uniform", "low": 0, "high": 0.1}},
    ],
    "design": {"kind": "monte_carlo", "n": 20000, "seed": 5},
    "outputs": ["cost_per_productive_hour_honoured", "cost_per_productive_hour_actual", "delivered_share",
                "lost_hours", "final_backlog_hours", "training_debt"],
}


def test_identical_for_any_threads_and_chunks():
    ref = sweep.run(SPEC)
    for threads, chunk in [(2, 4096), (2, 999), (1, 20000)]:
        r = sweep.run(SPEC, threads=threads, chunk=chunk)
        assert r.outputs.equals(ref.outputs) and r.inputs.equals(ref.inputs)
        assert r.summary.equals(ref.summary)
    a = sweep.run(SPEC, begin=0, end=7000)
    b = sweep.run(SPEC, begin=7000, end=20000)
    import pandas as pd
    assert pd.concat([a.outputs, b.outputs]).equals(ref.outputs)


@pytest.mark.parametrize("policy", ["production_first", "protected_minimum", "load_threshold", "fixed_weeks"])
@pytest.mark.parametrize("delivery", ["in_house", "external"])
def test_equals_an_independent_numpy_implementation(policy, delivery):
    # tests/python/reference/training_reference.py re-implements the weekly model in NumPy from
    # its equations, with the same counter-based draws but its own grouping of the operations,
    # so the two agree to ~1e-15 of each output's scale, checked at 1e-12 of it (a small backlog
    # left after cancellations is off by ~1e-15 h in absolute terms, hence a tolerance scaled by
    # the output's largest value rather than by each value).
    s = aci_cost.default_scenario()
    m = s.training_model()
    m.deferral.policy, m.plan.delivery, m.deferral.fixed_weeks = policy, delivery, [3, 10, 11, 30]
    m.costs.external_cost_per_hour = 21.5
    t = s.training
    t.model, t.derive_from_atelier = m, False
    s.training = t
    r = sweep.run(SPEC, s)
    batch_name = {"training." + row["path"]: row["batch_name"] for row in aci_cost._core.training.training_input_table()}
    values = {batch_name[name]: r.inputs[name].to_numpy() for name in r.inputs.columns}
    ref = training_reference.simulate(m, values, len(r.outputs))
    assert set(SPEC["outputs"]) <= set(ref)
    for k in SPEC["outputs"]:
        scale = float(np.max(np.abs(ref[k])))
        assert scale > 0, k
        np.testing.assert_allclose(r.outputs[k].to_numpy(), ref[k], rtol=1e-12, atol=1e-12 * scale, err_msg=k)


def test_seed_none_is_drawn_and_reported():
    spec = json.loads(json.dumps(SPEC))
    spec["design"]["seed"] = None
    spec["design"]["n"] = 500
    r = sweep.run(spec)
    again = json.loads(json.dumps(spec))
    again["design"]["seed"] = r.seed
    assert sweep.run(again).outputs.equals(r.outputs)


@pytest.mark.parametrize("mutate,message", [
    (lambda s: s["inputs"][0].update(name="training.demand.bass"), r"sweep\.inputs\[0\]\.name = \"training\.demand\.bass\""),
    (lambda s: s["inputs"][1].update(distribution={"kind": "uniform", "low": 0.5, "high": 1.5}),
     r"sweep\.inputs\[1\]\.distribution \(highest value\) = 1\.5"),
    (lambda s: s["inputs"][0].update(distribution={"kind": "uniform", "low": 5, "high": 1}),
     r"distribution\[training\.demand\.base_hours\]\.high = 1"),
    (lambda s: s.update(outputs=["profit"]), r"sweep\.outputs\[0\] = \"profit\""),
    (lambda s: s["design"].update(kind="quasi"), r"\$\.design\.kind = \"quasi\""),
])
def test_spec_errors_name_the_field(mutate, message):
    spec = json.loads(json.dumps(SPEC))
    mutate(spec)
    with pytest.raises(ValueError, match=message):
        sweep.run(spec)


def test_sobol_needs_a_power_of_two_and_reuses_runs():
    spec = {"model": "training", "inputs": SPEC["inputs"][:3], "outputs": ["cost_per_productive_hour_honoured"],
            "design": {"seed": 9}}
    with pytest.raises(ValueError, match="1000"):
        sweep.sobol(spec, n=1000)
    small = sweep.sobol(spec, n=256, resamples=100)
    big = sweep.sobol(spec, n=512, resamples=100)
    rows = 256 * (3 + 2)
    y = "cost_per_productive_hour_honoured"
    np.testing.assert_array_equal(big.outputs[y][:rows], small.outputs[y])
    np.testing.assert_array_equal(big.unit_points[:rows], small.unit_points)
    idx = big.indices[y]
    assert list(idx.index) == [i["name"] for i in spec["inputs"]]
    # Demand drives the cost far more than the absence spread; ST >= S1 up to sampling error.
    assert idx.loc["training.demand.base_hours", "ST"] > 5 * idx.loc["training.workforce.absence_spread", "ST"]
    assert (idx["ST"] >= idx["S1"] - 0.05).all()
    assert (idx["S1_low"] <= idx["S1"]).all() and (idx["S1"] <= idx["S1_high"]).all()


def test_tornado_on_the_quote_by_hand():
    # Full cost of the park job at productivity p: the lines on the on-site hours H scale with
    # 0.6 / p — labour 1976.758510, supervision 487.628544 and the on-site 120/142.5 of training,
    # accompaniment and overheads (103.599123 + 136.723919 + 678.979949), 3383.690046 € in all at
    # 0.6 (docs/worked_example.py); materials, equipment, travel and the 22.5 h of crew travel in
    # the hour-based lines do not. p = 0.5 -> x 1.2: +676.738009 €; p = 0.75 -> x 0.8: -676.738009 €.
    spec = {"model": "quote", "job": "park_maintenance", "outputs": ["full_cost"],
            "inputs": [{"name": "job.productivity", "values": [0.5, 0.6, 0.75]},
                       {"name": "pricing.margin", "values": [0.0, 0.05, 0.1]}]}
    t = sweep.tornado(spec)["full_cost"]
    assert t.index[0] == "job.productivity"
    assert t.loc["job.productivity", "low"] == pytest.approx(676.738009, abs=1e-5)
    assert t.loc["job.productivity", "high"] == pytest.approx(-676.738009, abs=1e-5)
    assert t.loc["pricing.margin", "swing"] == 0  # the margin does not change the cost


def test_morris_ranks_demand_first():
    spec = {"model": "training", "inputs": SPEC["inputs"][:3], "outputs": ["training_debt"], "design": {"seed": 1}}
    mi = sweep.morris(spec, trajectories=30)["training_debt"]
    assert mi["mu_star"].idxmax() == "training.demand.base_hours"


def test_progress_callback_can_stop_the_run():
    calls = []

    def stop(done, total):
        calls.append(done)
        raise KeyboardInterrupt

    big = json.loads(json.dumps(SPEC))
    big["design"]["n"] = 50_000_000
    with pytest.raises(KeyboardInterrupt):
        aci_cost._core.sweep.run_sweep(aci_cost.default_scenario(), json.dumps({**big, "format": sweep.SWEEP_FORMAT,
                                                                            "summary_only": True}),
                                 1, 4096, 0, None, [0.5], stop)
    assert calls == [0]  # asked once, at the start, and stopped there


def test_ctrl_c_stops_a_long_run(interrupted):
    spec = json.loads(json.dumps(SPEC))
    spec["design"]["n"] = 2**32  # many minutes: stopping within the timeout means Ctrl-C was heard
    spec["summary_only"] = True
    interrupted(f"aci_cost.sweep.run({spec!r}, threads=2)", wait=1.0, timeout=30)


def test_cli_sweep_json(capsys):
    assert main(["sweep", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["seed"] == 2026
    assert doc["summary"]["cost_per_productive_hour_honoured"]["count"] == 10000


def test_dask_local_cluster_is_bit_identical(extra):
    distributed = extra("dask.distributed")
    spec = json.loads(json.dumps(SPEC))
    spec["design"]["n"] = 6000
    local = sweep.run(spec)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        from aci_cost import dask as aci_dask
        for chunks in (3, 7):
            r = aci_dask.run_sweep(spec, client=client, chunks=chunks)
            assert r.outputs.equals(local.outputs) and r.inputs.equals(local.inputs)
            assert r.summary.equals(local.summary)


def test_summaries_can_be_left_out():
    # "summaries": false returns the same columns and no summary; with summary_only it is an error.
    d = dict(SPEC, design={"kind": "monte_carlo", "n": 500, "seed": 4})
    full = sweep.run(d)
    bare = sweep.run(dict(d, summaries=False))
    assert bare.outputs.equals(full.outputs) and bare.summary.empty and not full.summary.empty
    with pytest.raises(ValueError, match="sweep.summaries"):
        sweep.run(dict(d, summaries=False, summary_only=True))


def test_full_mode_quantiles_are_exact_and_summary_only_ones_carry_their_bound():
    # Full mode keeps the columns: the quantiles are the ceil(q n)-th smallest values (as
    # np.quantile(method="inverted_cdf")); summary-only quantiles come from the histogram, and
    # the interval they give holds the exact value.
    d = dict(SPEC, design={"kind": "monte_carlo", "n": 20000, "seed": 8})
    qs = (0.01, 0.05, 0.5, 0.95)
    full = sweep.run(d, quantiles=qs)
    only = sweep.run(dict(d, summary_only=True), quantiles=qs, threads=2)
    for name in SPEC["outputs"]:
        col = full.outputs[name].to_numpy()
        want = np.quantile(col, qs, method="inverted_cdf")
        assert [full.summary.loc[name, f"q{q:g}"] for q in qs] == want.tolist()
        assert full.quantiles.loc[name, "exact"].all() and full.summary.loc[name, "quantile_error"] == 0.0
        b = only.quantiles.loc[name]
        assert ((b["low"] <= want) & (want <= b["high"])).all()
        assert only.summary.loc[name, "quantile_error"] <= 2 ** -7 * np.max(np.abs(col))
    # A summary of an array has its exact quantiles too; merged states, the histogram's bounds.
    col = full.outputs["training_debt"].to_numpy()
    s = aci_cost._core.sweep.summarize(col, [0.5])
    assert s["quantiles"][0.5] == np.quantile(col, 0.5, method="inverted_cdf") and s["quantiles_exact"]
    m = aci_cost._core.sweep.merge_summaries([full.summary_states["training_debt"]], [0.5])
    low, high = m["quantile_bounds"][0.5]
    assert not m["quantiles_exact"] and low <= s["quantiles"][0.5] <= high


@pytest.mark.parametrize("threads,chunk", [(1, 4096), (2, 777), (3, 50)])
def test_out_writes_into_the_callers_arrays_bit_for_bit(threads, chunk):
    d = dict(SPEC, design={"kind": "latin_hypercube", "n": 3000, "seed": 12})
    fresh = sweep.run(d, threads=2)
    earlier = sweep.run(dict(d, design={"kind": "monte_carlo", "n": 3000, "seed": 99}))  # other values
    arrays = {k: v for k, v in earlier._arrays["outputs"].items()}
    r = sweep.run(d, threads=threads, chunk=chunk, out=earlier)
    assert r == fresh
    for k, a in arrays.items():  # the earlier run's own arrays hold the new values
        assert np.shares_memory(r.outputs[k].to_numpy(), a)
        assert (a.view(np.uint64) == fresh.outputs[k].to_numpy().view(np.uint64)).all()
    assert r.summary_states == fresh.summary_states
    # A dict of arrays, name -> float64; anything else is a ValueError naming it.
    mine = {k: np.empty(3000) for k in list(SPEC["outputs"]) + [i["name"] for i in SPEC["inputs"]]}
    assert sweep.run(d, out=mine) == fresh
    with pytest.raises(ValueError, match=r"out.outputs\[training_debt\]"):
        sweep.run(d, out={**mine, "training_debt": np.empty(3000, dtype=np.float32)})
    with pytest.raises(ValueError, match=r"out.outputs\[delivered_share\]"):
        sweep.run(d, out={**mine, "delivered_share": np.empty(2999)})
    with pytest.raises(ValueError, match=r"out.inputs\[training.demand.base_hours\]"):
        sweep.run(d, out={k: v for k, v in mine.items() if k != "training.demand.base_hours"})
    with pytest.raises(ValueError, match="summary-only"):
        sweep.run(dict(d, summary_only=True), out=mine)


def test_cli_sobol_second_order_and_intervals(capsys):
    # The default training sweep (4 inputs): S2 per pair, intervals only for the output asked.
    assert main(["sobol", "--n", "64", "--resamples", "20", "--second-order", "--intervals", "training_debt",
                 "--json", "--no-progress"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["resamples"] == 20 and len(doc["second_order"]["training_debt"]) == 6  # C(4, 2) pairs
    pair = doc["second_order"]["training_debt"][0]
    assert set(pair) == {"first", "second", "S2", "S2_low", "S2_high"}
    assert doc["indices"]["delivered_share"]["training.demand.base_hours"]["S1_low"] is None  # NaN: not asked
    assert doc["indices"]["training_debt"]["training.demand.base_hours"]["S1_low"] is not None


def test_cli_and_python_draw_their_default_seeds_alike(capsys):
    # Issue 31: the CLI's bootstrap seed defaulted to 1 while Python drew one: both now draw it and
    # report it, and the reported seed repeats the run exactly.
    def cli_run(*extra):
        assert main(["sobol", "--n", "32", "--resamples", "10", "--json", "--no-progress", *extra]) == 0
        return json.loads(capsys.readouterr().out)

    a, b = cli_run(), cli_run()
    assert a["seeds"]["bootstrap"] != b["seeds"]["bootstrap"]  # drawn (63 bits: equal by chance ~1e-19)
    again = cli_run("--bootstrap-seed", str(a["seeds"]["bootstrap"]))
    assert again["indices"] == a["indices"]
    py = sweep.sobol(DEFAULT_SWEEP, n=32, resamples=10)
    assert py.seeds["bootstrap"] not in (a["seeds"]["bootstrap"], b["seeds"]["bootstrap"])
