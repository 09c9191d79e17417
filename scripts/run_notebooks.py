"""Executes the example notebooks top to bottom (nbclient), as CI does; fails on any error.

    run_notebooks.py [--out DIR] [NOTEBOOK ...]      (default: every examples/*.ipynb)

The committed notebooks carry no outputs: one with outputs or execution counts fails (clear
them with `jupyter nbconvert --clear-output --inplace`). Executed copies go to --out (the
documentation site renders them). Each runs in its own folder, with this interpreter's kernel.
CI (CTest python.notebooks) runs them as committed, the million-scenario sweep included (it
takes seconds); ACI_COST_NOTEBOOK_N, when set, makes that sweep smaller (a slow machine).
"""
import argparse
import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def stripped(nb) -> list[str]:
    """The cells of a committed notebook that carry outputs or execution counts."""
    return [c.get("id", str(k)) for k, c in enumerate(nb.cells)
            if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("notebooks", nargs="*", type=Path)
    p.add_argument("--out", type=Path, help="write the executed notebooks here")
    p.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    args = p.parse_args()
    notebooks = args.notebooks or sorted((ROOT / "examples").glob("*.ipynb"))
    if not notebooks:
        print("run_notebooks: no notebook found", file=sys.stderr)
        return 1
    # The kernel is this interpreter (its ipykernel), whatever `python` the PATH finds first.
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    # Kernels run in their notebook's folder: a relative PYTHONPATH would lose the package.
    os.environ["PYTHONPATH"] = os.pathsep.join(str(Path(x).resolve()) for x in
                                               os.environ.get("PYTHONPATH", "").split(os.pathsep) if x)
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    failed = 0
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        dirty = stripped(nb)
        if dirty:
            print(f"{path}: outputs committed in cells {', '.join(dirty)}: clear them", file=sys.stderr)
            failed += 1
            continue
        start = time.perf_counter()
        try:
            NotebookClient(nb, timeout=args.timeout, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
        except Exception as e:  # noqa: BLE001 — report every notebook, then fail
            print(f"{path}: FAILED\n{e}", file=sys.stderr)
            failed += 1
            continue
        print(f"{path.name}: executed in {time.perf_counter() - start:.1f} s", flush=True)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, args.out / path.name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
