"""The quote model over 1,000,000 price scenarios, run by aci_cost (its batch kernel through the
sweep engine) and by an independent vectorised NumPy implementation
(tests/python/reference/quote_reference.py), each as its user would run it: draw the inputs,
compute the same outputs (every output of the quote model). Both are timed in the same run, and
checked equal to 1e-12 relative on the library's own draws first.

    PYTHONPATH=build/release/python .venv/bin/python benchmarks/compare_numpy_quote.py [N] [--summary]

Prints numpy_quotes_per_s, aci_cost_1thread_quotes_per_s, aci_cost_2threads_quotes_per_s,
speedup_1thread, speedup_2threads (one per line); then the same with one output kept; then the
same sweep written into the columns of an earlier run (out=); then, when the C++ benchmarks are
built (build/release/benchmarks/bench_quote), the floor of any sweep that returns these 28
columns in new memory, measured in the same run: fresh columns written once, no model
(BM_result_columns_1M), the speedup over NumPy that floor would give, and the share of that
floor the sweep reaches (floor time / sweep time).

With --summary, the question large sweeps exist to answer instead: the distribution of every
output (count, mean, std, min, max, the 5 %, 25 %, 50 %, 75 % and 95 % quantiles). The NumPy
user computes the columns, then those statistics (np.quantile); aci_cost runs the sweep in
summary-only mode (memory independent of n). Prints numpy_summary_seconds,
aci_cost_summary_{1,2}thread_seconds and summary_speedup_{1,2}thread.

With --sobol, a Sobol' study of the 8 inputs (2^15 base rows, 1,000 resamples of every output's
indices) on 1 and 2 threads: sobol_study_2^15x8_1000_resamples_{1,2}thread_seconds.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "python" / "reference"))
import quote_reference  # noqa: E402

import aci_cost  # noqa: E402

# The sweep, shared with bench_quote's BM_quote_sweep_1M: uniform laws [est] around the default
# ACI's job (the work, the crew, the price, the atelier's overheads and market price, the crew's
# hours: a staff input, the atelier's totals per scenario) and every output of the quote model.
SPEC = json.loads((Path(__file__).resolve().parent / "quote_sweep_1M.json").read_text(encoding="utf-8"))
JOB = SPEC["job"]
INPUTS = [(i["name"], i["distribution"]["low"], i["distribution"]["high"]) for i in SPEC["inputs"]]
assert SPEC["outputs"] == quote_reference.OUTPUTS, "quote_sweep_1M.json: the outputs must be the reference's"


def spec(n: int) -> dict:
    """The shared spec with n scenarios (the same work as the NumPy side: columns, no summaries)."""
    return {**SPEC, "design": {**SPEC["design"], "n": n}}


def best_of(repeat: int, f) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t)
    return best


QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


def summary_main(n: int) -> None:
    """The distribution of every output: NumPy (columns, then statistics) against summary-only."""
    s = aci_cost.default_scenario()
    d = {**spec(n), "summary_only": True, "summaries": True}
    rng = np.random.default_rng(2026)

    def numpy_summary():
        cols = quote_reference.quote(s, JOB, {k: rng.uniform(lo, hi, n) for k, lo, hi in INPUTS}, n)
        out = {}
        for k in quote_reference.OUTPUTS:
            c = cols[k]
            out[k] = (c.size, c.mean(), c.std(ddof=1), c.min(), c.max(), np.quantile(c, QUANTILES))
        return out

    # Same answers (the library's quantiles within their stated bound).
    lib = aci_cost.sweep.run(d, s, threads=2)
    full = aci_cost.sweep.run({**spec(n), "summaries": True}, s, threads=2)
    for k in quote_reference.OUTPUTS:
        exact = full.quantiles.loc[k]
        approx = lib.quantiles.loc[k]
        if not ((approx["low"] <= exact["value"]) & (exact["value"] <= approx["high"])).all():
            raise SystemExit(f"{k}: an exact quantile outside the summary's bounds")
        if lib.summary.loc[k, "mean"] != full.summary.loc[k, "mean"]:
            raise SystemExit(f"{k}: summary-only and full means differ")
    t_numpy = best_of(2, numpy_summary)
    t_1 = best_of(3, lambda: aci_cost.sweep.run(d, s, threads=1))
    t_2 = best_of(3, lambda: aci_cost.sweep.run(d, s, threads=2))
    print(f"numpy_summary_seconds: {t_numpy:.4f}")
    print(f"aci_cost_summary_1thread_seconds: {t_1:.4f}")
    print(f"aci_cost_summary_2thread_seconds: {t_2:.4f}")
    print(f"summary_speedup_1thread: {t_numpy / t_1:.1f}")
    print(f"summary_speedup_2threads: {t_numpy / t_2:.1f}")


def sobol_main() -> None:
    """A Sobol' study of the sweep's 8 inputs: 2^15 base rows, a 1,000-resample bootstrap of
    every output's indices (issue 32: the bootstrap dominated, 11 s; goal <= 2 s on two threads)."""
    s = aci_cost.default_scenario()
    # Every output but the three these inputs leave constant (no variance: no indices).
    constant = ("output_revenue", "line.materials", "line.equipment")
    d = {**spec(1), "outputs": [o for o in SPEC["outputs"] if o not in constant]}
    for threads in (1, 2):
        t = time.perf_counter()
        r = aci_cost.sweep.sobol(d, s, n=2 ** 15, seed=3, bootstrap_seed=4, resamples=1000, threads=threads)
        seconds = time.perf_counter() - t
        assert not any(f["S1_low"].isna().any() for f in r.indices.values())
        print(f"sobol_study_2^15x8_1000_resamples_{threads}thread_seconds: {seconds:.3f}")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 1_000_000
    if "--summary" in sys.argv[1:]:
        summary_main(n)
        return
    if "--sobol" in sys.argv[1:]:
        sobol_main()
        return
    s = aci_cost.default_scenario()
    d = spec(n)

    # 1. Equality on the library's draws.
    lib = aci_cost.sweep.run(d, s, threads=2)
    ref = quote_reference.quote(s, JOB, {k: lib.inputs[k].to_numpy() for k, _, _ in INPUTS}, n)
    rel = 0.0
    for k in quote_reference.OUTPUTS:
        got, want = lib.outputs[k].to_numpy(), ref[k]
        scale = float(np.max(np.abs(want))) or 1.0
        rel = max(rel, float(np.max(np.abs(got - want))) / scale)
    if not rel <= 1e-12:
        raise SystemExit(f"aci_cost and NumPy disagree: max relative difference {rel}")
    print(f"max_relative_difference: {rel:.3g}")

    # 2. The whole sweep, each side as its user would run it (draws + model + every output).
    rng = np.random.default_rng(2026)

    def numpy_sweep():
        quote_reference.quote(s, JOB, {k: rng.uniform(lo, hi, n) for k, lo, hi in INPUTS}, n)

    t_numpy = best_of(2, numpy_sweep)
    t_1 = best_of(3, lambda: aci_cost.sweep.run(d, s, threads=1))
    t_2 = best_of(3, lambda: aci_cost.sweep.run(d, s, threads=2))
    x, y, z = n / t_numpy, n / t_1, n / t_2
    print(f"numpy_quotes_per_s: {x:.0f}")
    print(f"aci_cost_1thread_quotes_per_s: {y:.0f}")
    print(f"aci_cost_2threads_quotes_per_s: {z:.0f}")
    print(f"speedup_1thread: {y / x:.1f}")
    print(f"speedup_2threads: {z / x:.1f}")

    # 3. The same with one output kept (price_ht): NumPy still computes every line to get it;
    # the library writes 9 columns instead of 24 (the inputs and one output).
    one = dict(d, outputs=["price_ht"])
    t_1 = best_of(3, lambda: aci_cost.sweep.run(one, s, threads=1))
    t_2 = best_of(3, lambda: aci_cost.sweep.run(one, s, threads=2))
    print(f"one_output_speedup_1thread: {n / t_1 / x:.1f}")
    print(f"one_output_speedup_2threads: {n / t_2 / x:.1f}")

    # 3b. The whole sweep written into the columns of an earlier run (out=): no fresh memory.
    earlier = aci_cost.sweep.run(d, s, threads=2)
    t_out_1 = best_of(3, lambda: aci_cost.sweep.run(d, s, threads=1, out=earlier))
    t_out_2 = best_of(3, lambda: aci_cost.sweep.run(d, s, threads=2, out=earlier))
    print(f"out_speedup_1thread: {n / t_out_1 / x:.1f}")
    print(f"out_speedup_2threads: {n / t_out_2 / x:.1f}")

    # 4. The floor: 8 + 20 fresh columns of 1 M doubles (the engine's allocator) written once,
    # 1 and 2 threads, in C++; scaled to n. No sweep that returns them can be faster.
    bench = Path(__file__).resolve().parents[1] / "build" / "release" / "benchmarks" / "bench_quote"
    if bench.exists() and n == 1_000_000:
        out = subprocess.run([str(bench), "--benchmark_filter=BM_result_columns_1M", "--benchmark_repetitions=3",
                              "--benchmark_report_aggregates_only=true", "--benchmark_format=json"],
                             check=True, capture_output=True, text=True).stdout
        for b in json.loads(out)["benchmarks"]:
            if b["aggregate_name"] == "median":
                threads = b["name"].split("threads:")[1].split("/")[0]
                floor = b["items_per_second"]
                print(f"fresh_columns_floor_{threads}thread_quotes_per_s: {floor:.0f}")
                print(f"ceiling_speedup_{threads}thread: {floor / x:.1f}")
                print(f"share_of_floor_{threads}thread: {(y if threads == '1' else z) / floor:.2f}")


if __name__ == "__main__":
    main()
