"""Sweeps beyond one machine: split a sweep into chunks over a ``dask.distributed`` cluster.

Each task runs ``aci_cost.sweep.run`` on a sub-range [begin, end) with one native thread (the
worker's own threads already use the cores: no oversubscription); the engine releases the GIL,
so a long kernel never blocks the worker's event loop. Scenario i depends only on (seed, i):
the merged result is bit-identical to the local run, whatever the chunking.
"""
from __future__ import annotations

import json
from typing import Any, Optional, Sequence, TypedDict

import numpy as np
import pandas as pd

from . import _core
from . import sweep as _sweep
from ._core.scenario import Scenario, default_scenario

__all__ = ["run_sweep"]


class _TaskResult(TypedDict):
    """What a task sends back: its frames, its outputs' summary states and their names."""

    inputs: pd.DataFrame
    outputs: pd.DataFrame
    states: dict[str, bytes]
    names: list[str]


def _task(scenario_json: str, spec: dict[str, Any], begin: int, end: int, threads: int, quantiles: Sequence[float],
          model: Optional[_sweep.Model]) -> _TaskResult:
    r = _sweep.run(spec, _core.scenario.read_scenario(scenario_json), threads=threads, begin=begin, end=end,
                   quantiles=quantiles, model=model)
    return {"inputs": r.inputs, "outputs": r.outputs, "states": r.summary_states, "names": list(r.summary.index)}


def run_sweep(spec: _sweep.SpecLike, scenario: Optional[Scenario] = None, *, client: Any = None, chunks: int = 8,
              threads: int = 1, quantiles: Sequence[float] = (0.05, 0.25, 0.5, 0.75, 0.95),
              model: Optional[_sweep.Model] = None,
              retries: int = 2) -> _sweep.SweepRun:
    """Runs ``spec`` over a Dask cluster (``client``, default: the current one) in ``chunks`` tasks.

    Robust to a lost worker by design: a task is a pure function of (spec, seed, range), so a task
    run twice gives the same bits. A worker that dies mid-task (killed, out of memory) has its
    task rerun elsewhere by the scheduler (up to its ``distributed.scheduler.allowed_failures``
    deaths, default 3); a task that raises (e.g. a worker's transient I/O error) is resubmitted up
    to ``retries`` times. Either way the result is complete and equal to the local run bit for bit
    (tests/python/test_faults.py kills a worker mid-sweep).

    A seed of None is drawn here, once, and reported in the result's ``spec`` and ``seed``. Each
    task returns its exact summaries' states; they are merged here into the summary of the whole
    run and its ``summary_states``, equal bit for bit to a local run's whatever the chunking, in
    full and in ``"summary_only"`` mode alike (where no per-scenario array crosses the network).
    As locally, a full run's quantiles are exact (from the gathered columns), a summary-only
    run's come from the merged histograms with their error bounds.
    """
    from dask.distributed import default_client

    if not isinstance(chunks, int) or chunks < 1:
        raise ValueError(f"dask.run_sweep: chunks = {chunks!r}: must be an integer >= 1")
    if not isinstance(threads, int) or threads < 1:
        raise ValueError(f"dask.run_sweep: threads = {threads!r}: must be an integer >= 1")
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        raise ValueError(f"dask.run_sweep: retries = {retries!r}: must be an integer >= 0")
    spec = _sweep._with_model(_sweep.with_seed(spec), model)
    # The engine reads the spec (ValueError with its JSON path) before any task is sent.
    spec = _sweep.load_spec(_core.sweep.check_sweep_spec(json.dumps(spec)))
    client = client or default_client()
    scenario = scenario or default_scenario()
    n = int(spec["design"].get("n", 1000))
    summary_only = bool(spec.get("summary_only", False))
    bounds = np.linspace(0, n, min(chunks, n) + 1).astype(np.int64)
    text = scenario.to_json()  # a few kB: sent with each task, read back exactly by the worker
    futures = [client.submit(_task, text, spec, int(b), int(e), threads, tuple(quantiles), model, pure=False,
                             retries=retries)
               for b, e in zip(bounds[:-1], bounds[1:]) if e > b]
    parts = client.gather(futures)
    names = parts[0]["names"]
    for p in parts:
        if p["names"] != names or set(p["states"]) != set(names):
            raise RuntimeError("dask.run_sweep: the tasks returned different outputs; the cluster's aci_cost "
                               "versions may differ")
    states = {c: _core.sweep.merge_summary_states([p["states"][c] for p in parts]) for c in names}
    index = pd.RangeIndex(0, n, name="scenario")
    if summary_only:
        ins, outs = pd.DataFrame(index=index), pd.DataFrame(index=index)
        # The merged histograms' quantiles, with their bounds, as a local summary-only run's.
        summaries = {c: _core.sweep.merge_summaries([states[c]], list(quantiles)) for c in names}
    else:
        ins = pd.concat([p["inputs"] for p in parts])
        outs = pd.concat([p["outputs"] for p in parts])
        # The columns are here: exact quantiles, as a local full run's.
        summaries = {c: _core.sweep.summarize(outs[c].to_numpy(), list(quantiles)) for c in names}
    summary = _sweep._summary_frame(summaries, quantiles)
    return _sweep.SweepRun(spec, 0, n, ins, outs, summary, summaries, states,
                           quantiles=_sweep._quantile_frame(summaries, quantiles))
