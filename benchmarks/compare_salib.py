"""Sobol' first-order and total indices of the training model's cost per productive hour
(8 inputs, N = 2^14 base rows) as an analyst runs it today — SALib sampling, the vectorised
NumPy model evaluating, SALib analysing with bootstrap intervals — against aci_cost doing the
whole pipeline; then both analysers on the *same* sample matrix and model outputs.

Run from a release build: PYTHONPATH=build/release/python python benchmarks/compare_salib.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_sweep as ref  # noqa: E402

import aci_cost  # noqa: E402

N = 2 ** 14
RESAMPLES = 1000


def main() -> None:
    from SALib.analyze import sobol as salib_analyze
    from SALib.sample import sobol as salib_sample

    s = ref.scenario()
    model = s.training_model()
    d = len(ref.INPUTS)
    problem = {"num_vars": d, "names": [b for _, b, _, _ in ref.INPUTS],
               "bounds": [[lo, hi] for _, _, lo, hi in ref.INPUTS]}
    spec = ref.spec(seed=7)

    t = time.perf_counter()
    x = salib_sample.sample(problem, N, calc_second_order=False, seed=7)
    y = ref.numpy_model(model, {b: x[:, j] for j, (_, b, _, _) in enumerate(ref.INPUTS)}, len(x))
    salib = salib_analyze.analyze(problem, y, calc_second_order=False, num_resamples=RESAMPLES, seed=7)
    t_salib = time.perf_counter() - t

    t = time.perf_counter()
    ours = aci_cost.sweep.sobol(spec, s, n=N, seed=7, resamples=RESAMPLES, threads=1)
    t_ours = time.perf_counter() - t

    # The same sample matrix and outputs through both analysers: aci_cost's design rows are
    # A, B, AB_1..AB_d per base row; SALib expects A, AB_1..AB_d, B.
    same = aci_cost.sweep.sobol(spec, s, n=N, seed=7, resamples=10, salib_conventions=True)
    y_ours = same.outputs[ref.OUTPUT].reshape(N, d + 2)
    y_salib_layout = np.concatenate([y_ours[:, :1], y_ours[:, 2:], y_ours[:, 1:2]], axis=1).ravel()
    check = salib_analyze.analyze(problem, y_salib_layout, calc_second_order=False, num_resamples=10, seed=1)
    idx = same.indices[ref.OUTPUT]
    diff = max(np.max(np.abs(idx["S1"].to_numpy() - check["S1"])), np.max(np.abs(idx["ST"].to_numpy() - check["ST"])))

    print(f"inputs: {d}, N: {N}, model runs: {N * (d + 2)}, bootstrap resamples: {RESAMPLES}")
    print("S1 (aci_cost):", np.round(ours.indices[ref.OUTPUT]["S1"].to_numpy(), 3))
    print("S1 (SALib):   ", np.round(salib["S1"], 3))
    print("ST (aci_cost):", np.round(ours.indices[ref.OUTPUT]["ST"].to_numpy(), 3))
    print("ST (SALib):   ", np.round(salib["ST"], 3))
    print(f"salib_seconds: {t_salib:.3f}")
    print(f"aci_cost_seconds: {t_ours:.3f}")
    print(f"speedup_vs_salib: {t_salib / t_ours:.1f}")
    print(f"max_index_difference: {diff:.3g}")


if __name__ == "__main__":
    main()
