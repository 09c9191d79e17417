"""Sweeps beyond one machine: split a sweep into chunks over a ``dask.distributed`` cluster.

Each task runs ``aci_cost.sweep.run`` on a sub-range [begin, end) with one native thread (the
worker's own threads already use the cores: no oversubscription); the engine releases the GIL,
so a long kernel never blocks the worker's event loop. Scenario i depends only on (seed, i):
the merged result is bit-identical to the local run, whatever the chunking.
"""
from __future__ import annotations

from typing import Optional

import numpy as np
import pandas as pd

from . import _core
from . import sweep as _sweep
from ._core import Scenario, default_scenario

__all__ = ["run_sweep"]


def _task(scenario_json: str, spec: dict, begin: int, end: int, threads: int, quantiles) -> dict:
    r = _sweep.run(spec, _core.read_scenario(scenario_json), threads=threads, begin=begin, end=end,
                   quantiles=quantiles)
    return {"inputs": r.inputs, "outputs": r.outputs}


def run_sweep(spec, scenario: Optional[Scenario] = None, *, client=None, chunks: int = 8, threads: int = 1,
              quantiles=(0.05, 0.25, 0.5, 0.75, 0.95)) -> _sweep.SweepRun:
    """Runs ``spec`` over a Dask cluster (``client``, default: the current one) in ``chunks`` tasks.

    A seed of None is drawn here, once, and reported in the result's ``spec`` and ``seed``.
    Summaries are recomputed from the merged arrays by the same exact engine, so they equal the
    local run's too.
    """
    from dask.distributed import default_client

    client = client or default_client()
    spec = _sweep.with_seed(spec)
    scenario = scenario or default_scenario()
    n = int(spec["design"].get("n", 1000))
    if chunks < 1:
        raise ValueError(f"dask.run_sweep: chunks = {chunks}: must be >= 1")
    bounds = np.linspace(0, n, min(chunks, n) + 1).astype(np.int64)
    text = scenario.to_json()  # a few kB: sent with each task, read back exactly by the worker
    futures = [client.submit(_task, text, spec, int(b), int(e), threads, tuple(quantiles), pure=False)
               for b, e in zip(bounds[:-1], bounds[1:]) if e > b]
    parts = client.gather(futures)
    ins = pd.concat([p["inputs"] for p in parts])
    outs = pd.concat([p["outputs"] for p in parts])
    # The engine's summaries are exact and order-independent: those of the merged arrays equal
    # the local run's, without re-running anything.
    raw = {"begin": 0, "end": n, "inputs": {}, "outputs": {},
           "summaries": {c: _core.summarize(outs[c].to_numpy(), list(quantiles)) for c in outs.columns}}
    summary = _sweep._frames(raw, quantiles)[2]
    return _sweep.SweepRun(spec, 0, n, ins, outs, summary)
