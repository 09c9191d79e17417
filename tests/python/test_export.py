"""Sweep results to Parquet (aci_cost.export, pyarrow): read back as the same SweepRun, bit for bit
(NaN included), readable by pandas without aci_cost; beside the .npy store of run_to_directory."""
import math

import numpy as np
import pandas as pd
import pytest

from aci_cost import export, sweep

SPEC = {
    "model": "training",
    "inputs": [
        {"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 100, "high": 200}},
        {"name": "training.workforce.absence", "distribution": {"kind": "triangular", "low": 0.02, "mode": 0.06,
                                                                 "high": 0.15}},
    ],
    "design": {"kind": "latin_hypercube", "n": 3000, "seed": 11},
    "outputs": ["cost_per_productive_hour_honoured", "delivered_share", "training_debt"],
}


def test_a_sweep_reads_back_bit_for_bit(tmp_path):
    r = sweep.run(SPEC, threads=2)
    path = export.to_parquet(r, tmp_path / "run.parquet", row_group_size=1000)
    back = export.read_parquet(path)
    assert back == r
    for name in r.outputs.columns:  # the bits, not only the values
        assert np.array_equal(back.outputs[name].to_numpy().view(np.int64), r.outputs[name].to_numpy().view(np.int64))
    assert back.summary_states == r.summary_states and back.seed == 11
    # Any Parquet reader sees plain columns: the index, then input:/output: columns.
    plain = pd.read_parquet(path)
    assert list(plain.columns) == ["scenario", "input:training.demand.base_hours", "input:training.workforce.absence",
                                   "output:cost_per_productive_hour_honoured", "output:delivered_share",
                                   "output:training_debt"]
    assert plain["scenario"].tolist() == list(range(3000))
    assert plain["output:training_debt"].sum() == pytest.approx(r.outputs["training_debt"].sum(), rel=1e-15)


def test_beside_the_npy_store_and_with_nan(tmp_path):
    d = tmp_path / "runs"
    r = sweep.run_to_directory(SPEC, d, chunk_rows=1024, threads=2)
    path = export.to_parquet(r, d)
    assert path == d / "results.parquet" and (d / "manifest.json").is_file()
    assert export.read_parquet(d) == sweep.read_directory(d)
    # A model's NaN stays NaN (SweepRun compares NaN equal to NaN).
    m = sweep.Model("mine", {"x": (0, 1)}, ["y"], lambda c: {"y": np.where(c["x"] < 0.5, math.nan, c["x"])})
    r = sweep.run({"inputs": [{"name": "x", "distribution": {"kind": "uniform", "low": 0, "high": 1}}],
                   "design": {"kind": "monte_carlo", "n": 64, "seed": 3}}, model=m)
    back = export.read_parquet(export.to_parquet(r, tmp_path / "nan.parquet"))
    assert back == r and back.outputs["y"].isna().sum() == r.outputs["y"].isna().sum() > 0


def test_refusals(tmp_path):
    pd.DataFrame({"a": [1.0]}).to_parquet(tmp_path / "other.parquet")
    with pytest.raises(ValueError, match="without aci_cost's metadata"):
        export.read_parquet(tmp_path / "other.parquet")
    with pytest.raises(TypeError, match="expected an aci_cost.sweep.SweepRun"):
        export.to_parquet(pd.DataFrame(), tmp_path / "x.parquet")
    with pytest.raises(ValueError, match="row_group_size = 0"):
        export.to_parquet(sweep.run(SPEC), tmp_path / "x.parquet", row_group_size=0)
