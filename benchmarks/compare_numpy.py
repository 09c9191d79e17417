"""The reference sweep (benchmarks/reference_sweep.py) run by aci_cost and by a fully
vectorised NumPy implementation of the same model (arrays over scenarios, a loop over weeks
only), checked equal, then timed side by side in this one run.

Run from a release build: PYTHONPATH=build/release/python python benchmarks/compare_numpy.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_sweep as ref  # noqa: E402

import aci_cost  # noqa: E402


def best_of(repeat: int, f) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else ref.N
    s = ref.scenario()
    model = s.training_model()
    spec = ref.spec(n)

    # 1. Equality: NumPy on the inputs the library drew gives the library's outputs.
    lib = aci_cost.sweep.run(spec, s, threads=2)
    values = {batch: lib.inputs[name].to_numpy() for name, batch, _, _ in ref.INPUTS}
    expected = ref.numpy_model(model, values, n)
    got = lib.outputs[ref.OUTPUT].to_numpy()
    rel = float(np.max(np.abs(got - expected) / np.abs(expected)))
    if not rel <= 1e-12:
        raise SystemExit(f"aci_cost and NumPy disagree: max relative difference {rel}")
    print(f"max_relative_difference: {rel:.3g}")

    # 2. Timing of the whole sweep (sampling + model), each as its user would run it.
    rng = np.random.default_rng(2026)

    def numpy_sweep():
        draws = {batch: rng.uniform(lo, hi, n) for _, batch, lo, hi in ref.INPUTS}
        ref.numpy_model(model, draws, n)

    t_numpy = best_of(2, numpy_sweep)
    t_1 = best_of(3, lambda: aci_cost.sweep.run(spec, s, threads=1))
    t_2 = best_of(3, lambda: aci_cost.sweep.run(spec, s, threads=2))
    x, y, z = n / t_numpy, n / t_1, n / t_2
    print(f"numpy_scenarios_per_s: {x:.0f}")
    print(f"aci_cost_1thread_scenarios_per_s: {y:.0f}")
    print(f"aci_cost_2threads_scenarios_per_s: {z:.0f}")
    print(f"speedup_1thread: {y / x:.1f}")
    print(f"speedup_2threads: {z / x:.1f}")


if __name__ == "__main__":
    main()
