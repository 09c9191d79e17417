"""A summary-only sweep of 100,000,000 scenarios of the training model: memory must not grow
with the number of scenarios. Prints the process's peak resident set size.

Run from a release build: PYTHONPATH=build/release/python python benchmarks/peak_rss.py [N] [THREADS]
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference_sweep as ref  # noqa: E402

import aci_cost  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    spec = ref.spec(n)
    spec["summary_only"] = True
    t = time.perf_counter()
    r = aci_cost.sweep.run(spec, ref.scenario(), threads=threads, chunk=16384)
    seconds = time.perf_counter() - t
    print(r.summary.to_string())
    print(f"scenarios: {n}")
    print(f"seconds: {seconds:.1f}")
    print(f"peak_rss_mb: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


if __name__ == "__main__":
    main()
