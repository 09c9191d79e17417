"""The reference sweep (1,000,000 scenarios) driven from Python and from C++ (sweep_timer), in
the same run, same spec, same threads: what does the Python layer cost?

Run from a release build: PYTHONPATH=build/release/python python benchmarks/compare_python_cpp.py
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

here = Path(__file__).resolve().parent
sys.path.insert(0, str(here))
import reference_sweep as ref  # noqa: E402

import aci_cost  # noqa: E402


def main() -> None:
    timer = Path(sys.argv[1]) if len(sys.argv) > 1 else here.parent / "build/release/benchmarks/sweep_timer"
    s = ref.scenario()
    spec = ref.spec()
    with tempfile.TemporaryDirectory() as tmp:
        spec_path, scenario_path = Path(tmp) / "spec.json", Path(tmp) / "scenario.json"
        spec_path.write_text(json.dumps(spec))
        scenario_path.write_text(s.to_json())
        for threads in (1, 2):
            # Alternated, one C++ run then one Python run per round, best of each: both sides
            # see the same moments of a noisy machine.
            cpp = best = 1e300
            for _ in range(7):
                cpp = min(cpp, float(subprocess.run([str(timer), str(spec_path), str(scenario_path), str(threads), "1"],
                                                    check=True, capture_output=True, text=True).stdout))
                t = time.perf_counter()
                aci_cost.sweep.run(spec, s, threads=threads)
                best = min(best, time.perf_counter() - t)
            print(f"threads_{threads}_cpp_seconds: {cpp:.3f}")
            print(f"threads_{threads}_python_seconds: {best:.3f}")
            print(f"threads_{threads}_python_over_cpp: {best / cpp:.3f}")


if __name__ == "__main__":
    main()
