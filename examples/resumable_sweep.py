"""A sweep written to a directory chunk by chunk, interrupted, then resumed (docs/faults.md).

Run: python examples/resumable_sweep.py [directory]   (default: a temporary directory)
Stop it with Ctrl-C at any time and run it again with the same directory: the chunks already on
disk are reused, the others computed, and the result is the same as an uninterrupted run.
"""
import sys
import tempfile
from pathlib import Path

from aci_cost import sweep

SPEC = {
    "model": "training",
    "inputs": [
        {"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 100, "high": 200}},
        {"name": "training.workforce.absence", "distribution": {"kind": "triangular", "low": 0.02, "mode": 0.06, "high": 0.15}},
    ],
    "design": {"kind": "latin_hypercube", "n": 40_000, "seed": 2026},
    "outputs": ["cost_per_productive_hour_honoured", "training_debt"],
}


def main(directory: Path) -> None:
    # A first run, stopped after two chunks (as Ctrl-C or a killed process would stop it).
    def stop_after_two(index: int, begin: int, end: int, computed: bool) -> None:
        print(f"chunk {index}: scenarios [{begin}, {end}) {'computed' if computed else 'reused'}")
        if index == 1:
            raise KeyboardInterrupt

    try:
        sweep.run_to_directory(SPEC, directory, chunk_rows=10_000, on_chunk=stop_after_two)
    except KeyboardInterrupt:
        print("interrupted")

    # The same call again: chunks 0 and 1 are read back, 2 and 3 computed.
    run = sweep.run_to_directory(SPEC, directory, chunk_rows=10_000, threads=2)
    print(run.chunks)
    print(run.summary[["mean", "q0.05", "q0.95"]])
    assert run == sweep.run(SPEC), "the resumed sweep differs from an uninterrupted one"
    assert run == sweep.read_directory(directory)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            main(Path(tmp) / "sweep")
