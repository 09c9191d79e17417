"""Sweep results out to Parquet (pyarrow, ``pip install .[actuals]``), beside the ``.npy`` store of
``sweep.run_to_directory``: one table per sweep — the scenario index, every input and every
output as a column — with the spec, the seed, the range and the summary in the file's metadata,
for pandas, Dask (``dask.dataframe.read_parquet``) and DuckDB (``SELECT * FROM 'run.parquet'``).

>>> r = aci_cost.sweep.run(spec, threads=2)
>>> aci_cost.export.to_parquet(r, "runs/demand.parquet")        # or a directory: <dir>/results.parquet
>>> aci_cost.export.read_parquet("runs/demand.parquet") == r     # the same SweepRun, bit for bit
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Union

import pandas as pd

from ._core import InvalidInput
from .sweep import SweepRun

__all__ = ["PARQUET_FORMAT", "to_parquet", "read_parquet"]

#: The tag of the metadata this module writes (key b"aci_cost" of the Parquet schema).
PARQUET_FORMAT = "aci_cost/sweep_parquet@1"
_KEY = b"aci_cost"
_INPUT, _OUTPUT = "input:", "output:"


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:  # pragma: no cover - the actuals extra
        raise ImportError("aci_cost.export needs pyarrow: pip install 'aci_cost[actuals]'") from e
    return pa, pq


def _target(path: Union[str, Path]) -> Path:
    p = Path(path)
    return p / "results.parquet" if p.is_dir() else p


def to_parquet(run: SweepRun, path: Union[str, Path], *, row_group_size: int = 1 << 20,
               compression: str = "zstd") -> Path:
    """Writes ``run`` as one Parquet table (a directory, such as run_to_directory's, gets
    ``results.parquet``): column ``scenario`` (the index), then ``input:<name>`` and
    ``output:<name>`` (float64, bit for bit; the prefixes keep an input and an output of one name
    apart), the summary and the spec in the metadata. Returns the file's path."""
    if not isinstance(run, SweepRun):
        raise TypeError(f"run = {type(run).__name__}: expected an aci_cost.sweep.SweepRun")
    if row_group_size < 1:
        raise InvalidInput(f"export.row_group_size = {row_group_size}: must be >= 1")
    pa, pq = _pyarrow()
    columns = {"scenario": pa.array(run.inputs.index.to_numpy() if len(run.inputs.columns) else
                                    run.outputs.index.to_numpy(), type=pa.int64())}
    for name in run.inputs.columns:
        columns[_INPUT + str(name)] = pa.array(run.inputs[name].to_numpy())
    for name in run.outputs.columns:
        columns[_OUTPUT + str(name)] = pa.array(run.outputs[name].to_numpy())
    # The summary in Python's JSON: floats by their shortest repr (exact), NaN as NaN, dtypes kept.
    summary = {"index": [str(i) for i in run.summary.index], "columns": [str(c) for c in run.summary.columns],
               "dtypes": [str(t) for t in run.summary.dtypes],
               "data": [[v.item() if hasattr(v, "item") else v for v in row] for row in run.summary.to_numpy(object)]}
    meta = {"format": PARQUET_FORMAT, "spec": run.spec, "begin": run.begin, "end": run.end, "summary": summary,
            "summary_states": {k: v.hex() for k, v in run.summary_states.items()}}
    table = pa.table(columns).replace_schema_metadata({_KEY: json.dumps(meta).encode("utf-8")})
    target = _target(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, target, row_group_size=row_group_size, compression=compression)
    return target


def read_parquet(path: Union[str, Path]) -> SweepRun:
    """A SweepRun from a file written by ``to_parquet`` (equal to the run written); a Parquet file
    without this module's metadata is a ValueError naming it."""
    pa, pq = _pyarrow()
    target = _target(path)
    table = pq.read_table(target)
    raw = (table.schema.metadata or {}).get(_KEY)
    if raw is None:
        raise InvalidInput(f"{target} = a Parquet file without aci_cost's metadata: not written by "
                           f"aci_cost.export.to_parquet")
    meta = json.loads(raw)
    if meta.get("format") != PARQUET_FORMAT:
        raise InvalidInput(f"{target}.metadata.format = {meta.get('format')!r}: expected {PARQUET_FORMAT!r}")
    index = pd.Index(table.column("scenario").to_numpy(), name="scenario")
    if len(index) == meta["end"] - meta["begin"]:
        index = pd.RangeIndex(meta["begin"], meta["end"], name="scenario")

    def frame(prefix: str) -> pd.DataFrame:
        names = [n for n in table.column_names if n.startswith(prefix)]
        return pd.DataFrame({n[len(prefix):]: table.column(n).to_numpy() for n in names}, index=index)

    sm = meta["summary"]
    summary = pd.DataFrame(sm["data"], index=sm["index"], columns=sm["columns"], dtype=object)
    summary = summary.astype(dict(zip(sm["columns"], sm["dtypes"]))) if sm["columns"] else summary
    return SweepRun(spec=meta["spec"], begin=meta["begin"], end=meta["end"], inputs=frame(_INPUT),
                    outputs=frame(_OUTPUT), summary=summary,
                    summary_states={k: bytes.fromhex(v) for k, v in meta.get("summary_states", {}).items()})
