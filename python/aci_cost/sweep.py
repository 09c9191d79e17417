"""What-if sweeps: a spec (dict or JSON, format ``aci_cost/sweep@1``) run on a scenario.

Scenario ``i``'s inputs depend only on (design, seed, i) and its random draws only on
(model seed, i): results are bit-identical whatever ``threads`` and ``chunk``.
"""
from __future__ import annotations

import contextlib
import json
import secrets
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping, NamedTuple, Optional, Sequence, TypedDict, Union

import numpy as np
import pandas as pd

from . import _core
from ._checks import count as _count, groups as _groups, names as _names, threads as _threads
from ._types import ChunkCounts, RawSweep, Summary, SweepInputRow
from ._core.scenario import Scenario
from ._core.sweep import MorrisIndices, SobolIndices

__all__ = ["SweepRun", "ChunkCounts", "InputRow", "run", "run_to_directory", "read_directory", "load_spec", "inputs",
           "outputs", "SWEEP_FORMAT"]

SWEEP_FORMAT: str = _core.sweep.SWEEP_FORMAT
SpecLike = Union[Mapping[str, Any], str, Path]


def _plain(value: Any, path: str = "spec") -> Any:
    """A copy of a spec's value made of JSON types: Decimals and numpy scalars become ints (when
    whole) or floats (a sweep runs in doubles: the conversion is the spec's meaning), numpy arrays
    and tuples lists. Anything else JSON cannot hold is a ValueError naming its path."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_plain(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if value is None or isinstance(value, (bool, str, int, float)) and not isinstance(value, np.generic):
        return value
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{path} = {value!r}: not a finite number")
        exponent = value.as_tuple().exponent  # an int: the value is finite
        whole = isinstance(exponent, int) and exponent >= 0 and value == value.to_integral_value()
        return int(value) if whole else float(value)
    raise ValueError(f"{path} = {value!r}: not a JSON value (numbers, strings, lists and dicts)")


def load_spec(spec: SpecLike) -> dict[str, Any]:
    """A spec as a dict, from a dict, a JSON text or a file path. A dict may hold Decimals and
    numpy scalars or arrays: they become JSON numbers and lists. A spec that is not a JSON object,
    is malformed or nests too deeply is a ValueError naming it."""
    try:
        if isinstance(spec, Mapping):
            d = _plain(spec)
        elif isinstance(spec, Path) or (isinstance(spec, str) and not spec.lstrip().startswith(("{", "["))):
            d = json.loads(Path(spec).read_text(encoding="utf-8"))
        else:
            d = json.loads(spec)
    except RecursionError:
        raise ValueError("spec: nested too deeply to be a sweep spec") from None
    except json.JSONDecodeError as e:
        raise ValueError(f"spec: malformed JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    if not isinstance(d, dict):
        raise ValueError(f"spec = {type(d).__name__} {_short(d)}: expected a JSON object (aci_cost/sweep@1)")
    return d


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _real_values(values: Any, name: str) -> np.ndarray:
    """``values`` as a float array; strings, complex numbers and objects are refused (ValueError
    naming ``name``), not converted: "1.5" or 1+2j are not a model's output."""
    a = np.asarray(values)
    if a.dtype.kind not in "fiub":
        raise ValueError(f"{name} = {_short(values)}: {a.dtype} values; expected real numbers (float, int or bool)")
    return a.astype(float)


def with_seed(spec: SpecLike) -> dict[str, Any]:
    """The spec with its design seed set: a seed of None (or none given) is drawn and recorded."""
    d = load_spec(spec)
    d.setdefault("format", SWEEP_FORMAT)
    design = d.setdefault("design", {})
    if not isinstance(design, dict):
        raise ValueError(f"spec.design = {_short(design)}: expected an object")
    if design.get("seed") is None:
        design["seed"] = secrets.randbits(63)
    return d


class InputRow(NamedTuple):
    """One input of an analyst's Model, as the sweep engine reads it."""

    name: str
    low: float
    high: float
    low_open: bool  # the low end is excluded
    high_open: bool  # the high end is excluded
    unit: str


@dataclass(frozen=True)
class Model:
    """An analyst's own model, swept like the built-in ones (designs, copula, deterministic
    chunking, exact summaries, Sobol'/Morris/tornado, Dask): pass it as ``model=``.

    ``inputs``: name -> (low, high) or (low, high, unit) or a dict with ``low``, ``high`` and
    optionally ``low_open``, ``high_open`` (ends excluded), ``unit``. ``function`` takes a dict of
    numpy arrays, one per input the sweep varies (the others are absent: use your defaults), plus
    ``draw_key`` (uint64 per scenario) when ``stochastic``: key the model's randomness on it, so
    that sensitivity designs run on common random numbers. It returns a dict with one array of
    as many numbers per declared output. It must be picklable for Dask (cloudpickle)."""

    name: str
    inputs: Mapping[str, Any]
    outputs: Sequence[str]
    function: Callable[[dict[str, np.ndarray]], Mapping[str, Any]]
    stochastic: bool = False

    def __post_init__(self) -> None:
        # Checked here, by name, rather than by pybind11's signature dump when the sweep starts
        # (Model(outputs="yz") was read as the outputs "y" and "z", or dumped a TypeError).
        if not isinstance(self.name, str) or not self.name:
            raise ValueError(f"Model.name = {self.name!r}: expected a non-empty string")
        if not isinstance(self.inputs, Mapping) or not self.inputs:
            raise ValueError(f"Model[{self.name}].inputs = {_short(self.inputs)}: expected a dict name -> (low, high)")
        object.__setattr__(self, "outputs", tuple(_names(self.outputs, f"Model[{self.name}].outputs")))
        if not self.outputs:
            raise ValueError(f"Model[{self.name}].outputs = []: expected at least one output name")
        if not callable(self.function):
            raise ValueError(f"Model[{self.name}].function = {_short(self.function)}: expected a callable")
        if not isinstance(self.stochastic, (bool, np.bool_)):
            raise ValueError(f"Model[{self.name}].stochastic = {self.stochastic!r}: expected True or False")

    def input_table(self) -> list[InputRow]:
        """One row per input (name, low, high, low_open, high_open, unit)."""
        rows = []
        for name, d in self.inputs.items():
            if isinstance(d, Mapping):
                low, high = d["low"], d["high"]
                lo_open, hi_open, unit = bool(d.get("low_open", False)), bool(d.get("high_open", False)), d.get("unit", "")
            else:
                if len(d) not in (2, 3):
                    raise ValueError(f"Model[{self.name}].inputs[{name}] = {d!r}: expected (low, high) or (low, high, unit)")
                low, high, unit = d[0], d[1], (d[2] if len(d) == 3 else "")
                lo_open = hi_open = False
            rows.append(InputRow(str(name), float(low), float(high), lo_open, hi_open, str(unit)))
        return rows


def _with_model(d: dict[str, Any], model: Optional[Model]) -> dict[str, Any]:
    """The spec, naming `model` when one is given."""
    if model is not None:
        if not isinstance(model, Model):
            raise TypeError(f"model = {model!r}: expected an aci_cost.sweep.Model")
        d["model"] = model.name
    return d


def inputs(scenario: Optional[Scenario] = None, model: Union[str, Model] = "training") -> pd.DataFrame:
    """The inputs a model can vary: bounds and whether each end is excluded (``domain`` reads
    "[0, 1)"), the rule joining an input to others, and the unit. An unknown model is a ValueError."""
    rows: list[SweepInputRow] = []
    if isinstance(model, Model):
        for r in model.input_table():
            high_open = r.high_open or bool(np.isinf(r.high))  # an infinite end is never reached
            domain = f"{'(' if r.low_open else '['}{r.low:g}, {r.high:g}{')' if high_open else ']'}"
            rows.append(SweepInputRow(name=r.name, low=r.low, high=r.high, low_open=r.low_open, high_open=high_open,
                                      domain=domain, rule="", unit=r.unit))
    else:
        rows = _core.sweep.sweep_inputs(scenario or _core.scenario.default_scenario(), model)
    return pd.DataFrame(rows, columns=["name", "low", "high", "low_open", "high_open", "domain", "rule",
                                       "unit"]).set_index("name")


def outputs(scenario: Optional[Scenario] = None, model: str = "training") -> list[str]:
    """The outputs a model computes."""
    return list(_core.sweep.sweep_outputs(scenario or _core.scenario.default_scenario(), model))


@dataclass(eq=False)
class SweepRun:
    """A sweep's result: inputs and outputs per scenario (full mode) and summaries. Two runs are
    equal (``==``) when their spec, range, frames (values and labels, NaN equal to NaN) and
    summaries are."""

    spec: dict[str, Any]
    begin: int
    end: int
    inputs: pd.DataFrame
    outputs: pd.DataFrame
    summary: pd.DataFrame
    _raw_summaries: dict[str, Summary] = field(repr=False, default_factory=dict)
    summary_states: dict[str, bytes] = field(repr=False, default_factory=dict)
    """Per output, the exact summary's state (bytes): ``_core.sweep.merge_summaries`` merges states of
    sub-ranges (e.g. a cluster's tasks) into the summary of the whole run, bit for bit."""
    chunks: Optional[ChunkCounts] = field(repr=False, default=None)
    """A sweep run into a directory: counts of its chunks ``{"chunks", "computed", "reused",
    "discarded"}`` (reused: written by an earlier, interrupted run; discarded: leftovers of an
    interruption deleted); None for an in-memory run."""
    quantiles: pd.DataFrame = field(repr=False, default_factory=pd.DataFrame)
    """Per output and probability q: the quantile ``value``, the interval ``[low, high]`` that
    holds the exact order statistic and whether ``value`` is ``exact``. A run that keeps its
    columns (full mode) gives exact quantiles; a summary-only run (or merged summary states) the
    histogram's, within 2^-8 relative, and ``summary["quantile_error"]`` bounds their error."""
    # The numpy arrays under the frames (out=): {"inputs": {name: array}, "outputs": {name: array}}.
    _arrays: dict[str, dict[str, np.ndarray]] = field(repr=False, default_factory=dict)

    @property
    def seed(self) -> int:
        """The design seed (drawn when the spec gave none): rerun with it to repeat the sweep."""
        return int(self.spec["design"]["seed"])

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SweepRun):
            return NotImplemented
        return (self.spec == other.spec and self.begin == other.begin and self.end == other.end
                and self.inputs.equals(other.inputs) and self.outputs.equals(other.outputs)
                and self.summary.equals(other.summary))
    # No __hash__: a class that defines __eq__ alone is unhashable (its frames are mutable).


def _frames(raw: RawSweep, quantiles: Sequence[float]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    index = pd.RangeIndex(raw["begin"], raw["end"], name="scenario")
    # copy=False: the columns stay the numpy arrays the engine handed over (no copy).
    ins = pd.DataFrame(raw["inputs"], index=index, copy=False) if raw["inputs"] else pd.DataFrame(index=index)
    outs = pd.DataFrame(raw["outputs"], index=index, copy=False) if raw["outputs"] else pd.DataFrame(index=index)
    return ins, outs, _summary_frame(raw["summaries"], quantiles)


def _summary_frame(summaries: Mapping[str, Summary], quantiles: Sequence[float]) -> pd.DataFrame:
    """count .. max, the quantiles and their error bound (0 when exact) per output."""
    rows = {}
    for name, s in summaries.items():
        row = {k: s[k] for k in ("count", "nan_count", "mean", "std", "min", "max")}
        row.update({f"q{q:g}": s["quantiles"][q] for q in quantiles})
        error = 0.0
        for q in quantiles:
            low, high = s["quantile_bounds"][q]
            error = max(error, s["quantiles"][q] - low, high - s["quantiles"][q])
        row["quantile_error"] = error
        rows[name] = row
    return pd.DataFrame.from_dict(rows, orient="index")


def _quantile_frame(summaries: Mapping[str, Summary], quantiles: Sequence[float]) -> pd.DataFrame:
    """One row per (output, q): value, low, high, exact."""
    rows = [(name, q, s["quantiles"][q], *s["quantile_bounds"][q], bool(s["quantiles_exact"]))
            for name, s in summaries.items() for q in quantiles]
    return pd.DataFrame(rows, columns=["output", "q", "value", "low", "high", "exact"]).set_index(["output", "q"])


@contextlib.contextmanager
def _bar(progress: bool, unit: str, then: Optional[str] = None) -> Iterator[Optional[Callable[[int, int], None]]]:
    """A progress(done, total) callback drawing a tqdm bar (None without progress), opened at
    the engine's first report, which gives the total; a report with another total starts a new
    bar counted in `then` (a Sobol' study: the evaluations, then the bootstrap's resamples)."""
    if not progress:
        yield None
        return
    import warnings

    with warnings.catch_warnings():  # tqdm.auto warns in a notebook without ipywidgets, then draws text
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm
    bars: list[Any] = []

    def callback(done: int, total: int) -> None:
        if bars and then is not None and (total != bars[-1].total or done < bars[-1].n):
            bars[-1].close()
            bars.append(tqdm(total=total, unit=then))
        if not bars:
            bars.append(tqdm(total=total, unit=unit))
        bars[-1].update(done - bars[-1].n)

    try:
        yield callback
    finally:
        for bar in bars:
            bar.close()


def run(spec: SpecLike, scenario: Optional[Scenario] = None, *, threads: int = 1, chunk: int = 4096,
        begin: int = 0, end: Optional[int] = None, progress: bool = False,
        quantiles: Sequence[float] = (0.05, 0.25, 0.5, 0.75, 0.95), model: Optional[Model] = None,
        out: Union["SweepRun", Mapping[str, np.ndarray], None] = None) -> SweepRun:
    """Runs a sweep; long runs release the GIL, show a tqdm bar with ``progress=True`` and stop
    within about a second on Ctrl-C (KeyboardInterrupt). ``model``: an analyst's own Model.

    ``out`` (full mode), as NumPy's ``out=``: the columns are written into arrays the caller
    already owns instead of new ones (repeated studies reuse their memory, and skip the page
    faults of fresh memory) — an earlier ``SweepRun`` of the same shape (its arrays are
    overwritten: the earlier run then shows the new values), or a dict name -> float64 array of
    ``end - begin`` values for every kept input and output. The result equals a fresh run bit for
    bit and its frames hold those arrays. A missing or unsuitable array is a ValueError naming it."""
    threads, chunk, begin = _threads(threads), _count(chunk, "chunk", 1), _count(begin, "begin")
    end = None if end is None else _count(end, "end")
    d = _with_model(with_seed(spec), model)
    scenario = scenario or _core.scenario.default_scenario()
    out_inputs, out_outputs = _targets(out)
    with _bar(progress, "scenario") as callback:
        raw = _core.sweep.run_sweep(scenario, json.dumps(d), threads, chunk, begin, end, list(quantiles), callback, model,
                                    out_inputs, out_outputs)
    return _run_of(raw, quantiles, None)


def _targets(out: Any) -> tuple[Optional[dict[str, np.ndarray]], Optional[dict[str, np.ndarray]]]:
    """The (inputs, outputs) arrays of an out= argument: a SweepRun's, or a dict's by name."""
    if out is None:
        return None, None
    if isinstance(out, SweepRun):
        return out._arrays.get("inputs", {}), out._arrays.get("outputs", {})
    if isinstance(out, Mapping):
        arrays = dict(out)
        return arrays, arrays
    raise ValueError(f"out = {_short(out)}: expected a SweepRun or a dict of numpy arrays")


def _run_of(raw: RawSweep, quantiles: Sequence[float], chunks: Optional[ChunkCounts]) -> SweepRun:
    ins, outs, summary = _frames(raw, quantiles)
    return SweepRun(json.loads(raw["spec"]), raw["begin"], raw["end"], ins, outs, summary, raw["summaries"],
                    dict(raw["summary_states"]), chunks, _quantile_frame(raw["summaries"], quantiles),
                    {"inputs": dict(raw["inputs"]), "outputs": dict(raw["outputs"])})


def _directory(directory: Union[str, Path]) -> str:
    if not isinstance(directory, (str, Path)) or str(directory) == "":
        raise ValueError(f"directory = {directory!r}: expected a path (str or pathlib.Path)")
    return str(directory)


def run_to_directory(spec: SpecLike, directory: Union[str, Path], scenario: Optional[Scenario] = None, *,
                     chunk_rows: int = 65536, threads: int = 1, chunk: int = 4096, progress: bool = False,
                     on_chunk: Optional[Callable[[int, int, int, bool], Any]] = None,
                     quantiles: Sequence[float] = (0.05, 0.25, 0.5, 0.75, 0.95),
                     model: Optional[Model] = None) -> SweepRun:
    """Runs a sweep into ``directory`` chunk by chunk (``chunk_rows`` scenarios each) and returns
    it, equal to ``run`` bit for bit; run again after an interruption (Ctrl-C, a killed process),
    it computes only the chunks not yet on disk: ``result.chunks`` counts those computed and reused.

    Each chunk's columns are NumPy ``.npy`` files written under a temporary name, flushed and
    renamed, then listed in ``manifest.json`` (written the same way): a listed chunk is always
    whole, and leftovers of an interruption are deleted, never read (docs/faults.md). A spec whose
    seed is None takes the directory's seed when it holds a sweep, else a drawn one. A directory
    holding another sweep (spec, seed, scenario, ``chunk_rows``) is a ValueError naming the first
    field that differs. ``on_chunk(index, begin, end, computed)`` is called after each chunk.
    ``model``: an analyst's own Model (only its name is recorded: resume with the same function)."""
    threads, chunk, chunk_rows = _threads(threads), _count(chunk, "chunk", 1), _count(chunk_rows, "chunk_rows", 1)
    directory = _directory(directory)
    if on_chunk is not None and not callable(on_chunk):
        raise ValueError(f"on_chunk = {on_chunk!r}: expected a callable (index, begin, end, computed)")
    d = _with_model(load_spec(spec), model)
    design = d.get("design")
    manifest = Path(directory) / "manifest.json"
    if isinstance(design, dict) and design.get("seed") is None and manifest.is_file():
        with contextlib.suppress(ValueError, KeyError, TypeError):  # an unreadable manifest: the engine says why
            design["seed"] = json.loads(manifest.read_text(encoding="utf-8"))["spec"]["design"]["seed"]
    d = with_seed(d)
    scenario = scenario or _core.scenario.default_scenario()
    with _bar(progress, "scenario") as callback:
        raw = _core.store.run_to_directory(scenario, json.dumps(d), directory, chunk_rows, threads, chunk,
                                           list(quantiles), callback, on_chunk, model)
    return _run_of(raw, quantiles, raw["chunks"])


def read_directory(directory: Union[str, Path], *,
                   quantiles: Sequence[float] = (0.05, 0.25, 0.5, 0.75, 0.95)) -> SweepRun:
    """A finished sweep directory (written by ``run_to_directory``) read back as a SweepRun; an
    unfinished one is a ValueError saying how many chunks are missing."""
    raw = _core.store.read_directory(_directory(directory), list(quantiles))
    return _run_of(raw, quantiles, raw["chunks"])


# ---- sensitivity --------------------------------------------------------------------------

def saltelli_points(k: int, n: int, seed: int, groups: Optional[Sequence[int]] = None, *,
                    second_order: bool = False) -> np.ndarray:
    """The unit points (rows x k, in [0, 1)) of a Saltelli design: rows A, B, AB_1..AB_G per base
    row (then BA_1..BA_G with ``second_order``), the layout ``analyze_sobol`` reads; map them
    through your laws and run any model."""
    return _core.sweep.saltelli_points(_count(k, "k", 1), _count(n, "n", 1), _count(seed, "seed"), _groups(groups),
                                      bool(second_order))


def analyze_sobol(y: Sequence[float], *, k: int, n: int, seed: int, names: Optional[Sequence[str]] = None,
                  groups: Optional[Sequence[int]] = None, level: float = 0.95, resamples: int = 1000,
                  bootstrap_seed: int = 0, salib_conventions: bool = False, threads: int = 1,
                  second_order: bool = False, ci_method: str = "percentile") -> pd.DataFrame:
    """Sobol' indices (S1, ST, bootstrap intervals) from the outputs ``y`` of the rows of
    ``saltelli_points(k, n, seed, groups, second_order=...)``: the analyser on its own, to check
    or replace a step. With ``second_order``, the frame's ``attrs["S2"]`` holds the second-order
    indices per pair (``second_order_frame``)."""
    idx = _core.sweep.analyze_sobol_outputs(_count(k, "k", 1), _count(n, "n", 1), _count(seed, "seed"), _groups(groups),
                                            _real_values(y, "y").tolist(), level,
                                            _count(resamples, "resamples"), bootstrap_seed, salib_conventions,
                                            _threads(threads), second_order, ci_method)
    count = len(idx.S1)
    if groups:
        labels = [f"group {g}" for g in range(count)]
    else:
        labels = list(names) if names is not None else [f"x{j + 1}" for j in range(count)]
    frame = _indices_frame(idx, labels)
    if second_order:
        frame.attrs["S2"] = _second_order_frame(idx, labels)
    return frame


def _indices_frame(idx: SobolIndices, labels: Sequence[str]) -> pd.DataFrame:
    """S1, ST and their intervals (a _core.sweep.SobolIndices) as a DataFrame indexed by input."""
    return pd.DataFrame({key: getattr(idx, key) for key in ("S1", "S1_low", "S1_high", "ST", "ST_low", "ST_high")},
                        index=pd.Index(labels, name="input"))


def _second_order_frame(idx: SobolIndices, labels: Sequence[str]) -> pd.DataFrame:
    """S2 and its interval per pair of inputs (or groups), indexed by (first, second)."""
    pairs = [(labels[g], labels[h]) for g in range(len(labels)) for h in range(g + 1, len(labels))]
    return pd.DataFrame({key: getattr(idx, key) for key in ("S2", "S2_low", "S2_high")},
                        index=pd.MultiIndex.from_tuples(pairs, names=["first", "second"]))


def _model_seed(d: dict[str, Any], scenario: Optional[Scenario]) -> Optional[int]:
    """The seed of the model's own random draws (the training model's), None for the quote model."""
    if d.get("model", "training") != "training":
        return None
    s = scenario or _core.scenario.default_scenario()
    return int(s.training.model.seed) if s.training is not None else None


class Seeds(TypedDict):
    """The seeds a Sobol' or Morris study used: it repeats bit for bit with them."""

    design: int  # the design's points
    bootstrap: int  # the bootstrap's resamples
    model: Optional[int]  # the model's own random draws (the training model's); None for the others


class SobolDetails(TypedDict):
    """Per output of a Sobol' study: the output's mean and variance over the rows used."""

    mean: float
    variance: float
    rows_used: int  # base rows used
    rows_dropped: int  # base rows dropped for a NaN (nan_policy="drop_blocks")


class TornadoSeeds(TypedDict):
    """The draws a tornado used: the model's seed and the draw key of each replication."""

    model: Optional[int]
    draw_keys: list[int]


@dataclass
class SobolResult:
    """Sobol' indices per output: ``indices[output]`` is a DataFrame indexed by input (or group)
    with S1, ST and their bootstrap intervals (NaN for an output not in ``intervals``);
    ``second_order[output]`` (second-order designs) S2 per pair of inputs with its interval;
    ``outputs`` and ``unit_points`` are the design's raw evaluations (rows A, B, AB_1..AB_G, then
    BA_1..BA_G, per base row), e.g. for another analyser. ``seeds`` records every seed used
    (design, bootstrap, the model's draws), so the call repeats bit for bit; ``n``, ``noise``,
    ``replications`` and ``resamples`` the design and the bootstrap."""

    indices: dict[str, pd.DataFrame]
    unit_points: np.ndarray
    outputs: dict[str, np.ndarray]
    fingerprint: int
    details: dict[str, SobolDetails]
    seeds: Seeds
    n: int = 0
    noise: bool = False
    replications: int = 1
    second_order: dict[str, pd.DataFrame] = field(default_factory=dict)
    resamples: int = 1000


def sobol(spec: SpecLike, scenario: Optional[Scenario] = None, *, n: Optional[int] = None,
          seed: Optional[int] = None, groups: Optional[Sequence[int]] = None, level: float = 0.95,
          resamples: int = 1000, bootstrap_seed: Optional[int] = None, nan_policy: str = "raise",
          salib_conventions: bool = False, threads: int = 1, noise: bool = False,
          replications: int = 1, model: Optional[Model] = None, progress: bool = False,
          second_order: bool = False, intervals: Optional[Sequence[str]] = None,
          ci_method: str = "percentile") -> SobolResult:
    """First-order and total Sobol' indices of every output of ``spec`` over its inputs' laws.

    ``n`` base rows (a power of two, else ValueError; default: the spec's ``design.n``, else
    1024); the model runs n (G + 2) R times, n (2G + 2) R with ``second_order`` (Saltelli 2002:
    also S2 of every pair, in ``result.second_order``). Doubling ``n`` with the same seed reuses
    the first n base rows. ``nan_policy``: "raise" or "drop_blocks" (whole base rows are dropped
    and counted in ``details[output]["rows_dropped"]``). Seeds not given are drawn and recorded in
    ``seeds``.

    Intervals: a bootstrap of ``resamples`` resamples of the base rows (default 1000: each bound
    of a 95 % percentile interval within about 4 % of the interval's half-width of its limit,
    docs/sweep_format.md; 0: none), only for the outputs in ``intervals`` (default: every output;
    the others get NaN bounds), run on ``threads`` threads with its own progress bar;
    ``ci_method``: "percentile" or "normal" (estimate -+ z sd, SALib's ``_conf``).

    A stochastic model (the training model draws weekly absence and demand) runs the rows of one
    base row on common random numbers, so a constant input gets exactly 0 (docs/sweep_format.md).
    ``noise=True`` adds its randomness as a last group, labelled "noise": how much of the variance
    is the model's own. ``replications=R`` averages R runs per row: indices of the mean output.
    ``progress=True`` shows a tqdm bar over the model's evaluations.
    """
    d = _with_model(with_seed(spec), model)
    seed = _count(d["design"]["seed"] if seed is None else seed, "seed")
    d["design"]["seed"] = seed
    n = _count(d["design"].get("n", 1024) if n is None else n, "n", 1)
    d["design"]["n"] = n
    threads, resamples = _threads(threads), _count(resamples, "resamples")
    replications = _count(replications, "replications", 1)
    if bootstrap_seed is not None:
        bootstrap_seed = _count(bootstrap_seed, "bootstrap_seed")
    if bootstrap_seed is None:
        bootstrap_seed = secrets.randbits(63)
    if intervals is not None and (isinstance(intervals, str) or not all(isinstance(i, str) for i in intervals)):
        raise ValueError(f"intervals = {_short(intervals)}: expected a list of output names")
    with _bar(progress, "evaluation", then="resample") as callback:
        study = _core.sweep.sobol_sweep(scenario or _core.scenario.default_scenario(), json.dumps(d), n, seed,
                                        _groups(groups), level, resamples, bootstrap_seed, nan_policy,
                                        salib_conventions, threads, 4096, noise, replications, model, callback,
                                        second_order, list(intervals or []), ci_method)
    for message in study.warnings:  # few base rows; an output constant over the design (NaN indices)
        warnings.warn(message, RuntimeWarning, stacklevel=2)
    indices = {o.output: _indices_frame(o.indices, study.labels) for o in study.outputs}
    pairs = {o.output: _second_order_frame(o.indices, study.labels) for o in study.outputs} if second_order else {}
    details = {o.output: SobolDetails(mean=o.indices.mean, variance=o.indices.variance, rows_used=o.indices.rows_used,
                                      rows_dropped=o.indices.rows_dropped) for o in study.outputs}
    seeds = Seeds(design=int(seed), bootstrap=int(bootstrap_seed), model=_model_seed(d, scenario))
    return SobolResult(indices, study.unit_points, {o.output: o.values for o in study.outputs}, study.fingerprint,
                       details, seeds, n, noise, replications, pairs, resamples)


class MorrisResult(dict[str, pd.DataFrame]):
    """Morris indices per output (a dict of DataFrames), with the seeds and design used:
    ``unit_points`` (the trajectories, k + 1 rows each, on the quantile scale), ``delta`` (the
    step), ``chosen`` (the candidates kept, with ``candidates``)."""

    seeds: Seeds
    trajectories: int
    levels: int
    replications: int
    candidates: int
    resamples: int
    unit_points: np.ndarray
    chosen: list[int]
    delta: float


def _morris_frame(idx: MorrisIndices, names: pd.Index) -> pd.DataFrame:
    """mu, mu_star, sigma and their intervals (a _core.sweep.MorrisIndices) per input."""
    keys = ("mu", "mu_low", "mu_high", "mu_star", "mu_star_low", "mu_star_high", "sigma", "sigma_low", "sigma_high")
    return pd.DataFrame({k: getattr(idx, k) for k in keys}, index=names)


def morris(spec: SpecLike, scenario: Optional[Scenario] = None, *, trajectories: Optional[int] = None,
           levels: int = 4, seed: Optional[int] = None, threads: int = 1, replications: int = 1,
           model: Optional[Model] = None, candidates: int = 0, resamples: int = 1000,
           bootstrap_seed: Optional[int] = None, level: float = 0.95, ci_method: str = "percentile") -> MorrisResult:
    """Morris elementary effects per output, as published (Morris 1991; Campolongo, Cariboni &
    Saltelli 2007) and as SALib computes them: each input on the levels {0, 1/(p-1), .., 1} of
    its quantile scale (p = ``levels``, even), moved by Delta = p / (2 (p - 1)); every input's law
    must be bounded above (the top level is its highest value). A DataFrame per output of mu,
    mu_star, sigma (effects per unit of the quantile scale, i.e. over the input's whole range) with
    bootstrap intervals over the trajectories (``resamples``, 0: none; ``ci_method`` "normal" gives
    SALib's ``mu_star_conf`` as the half-width). ``trajectories`` default: the spec's ``design.n``,
    else 20. ``candidates`` M > r: the r most spread of M seeded trajectories (Campolongo's
    optimised design; exhaustive up to 2 10^6 combinations, else a greedy choice improved by
    exchanges). The k + 1 points of a trajectory share the model's random draws; ``replications``
    averages R runs per point. ``result.seeds`` records the seeds."""
    d = _with_model(with_seed(spec), model)
    seed = _count(d["design"]["seed"] if seed is None else seed, "seed")
    d["design"]["seed"] = seed
    trajectories = _count(d["design"].get("n", 20) if trajectories is None else trajectories, "trajectories", 1)
    levels, threads = _count(levels, "levels"), _threads(threads)
    replications = _count(replications, "replications", 1)
    candidates, resamples = _count(candidates, "candidates"), _count(resamples, "resamples")
    bootstrap_seed = seed if bootstrap_seed is None else _count(bootstrap_seed, "bootstrap_seed")
    study = _core.sweep.morris_sweep(scenario or _core.scenario.default_scenario(), json.dumps(d), trajectories, levels,
                                     seed, threads, replications, model, candidates, resamples, bootstrap_seed, level,
                                     ci_method)
    names = pd.Index(study.inputs, name="input")
    result = MorrisResult({o.output: _morris_frame(o.indices, names) for o in study.outputs})
    result.seeds = Seeds(design=int(seed), bootstrap=int(bootstrap_seed), model=_model_seed(d, scenario))
    result.trajectories, result.levels, result.replications = trajectories, levels, replications
    result.candidates, result.resamples = candidates, resamples
    result.unit_points, result.chosen, result.delta = study.unit_points, list(study.chosen), study.delta
    return result


def morris_points(k: int, trajectories: int, *, levels: int = 4, seed: int = 0, candidates: int = 0) -> np.ndarray:
    """The unit points of a Morris design (trajectory after trajectory, k + 1 rows each, on the
    levels {0, .., 1}), the layout ``analyze_morris`` reads; map them through your laws."""
    return _core.sweep.morris_points(k, trajectories, levels, seed, candidates)[0]


def analyze_morris(y: Sequence[float], *, k: int, trajectories: int, levels: int = 4, seed: int = 0,
                   candidates: int = 0, names: Optional[Sequence[str]] = None, resamples: int = 1000,
                   bootstrap_seed: int = 0, level: float = 0.95, ci_method: str = "percentile") -> pd.DataFrame:
    """Morris statistics from the outputs ``y`` of the rows of ``morris_points(k, trajectories,
    ...)``: the analyser on its own."""
    idx = _core.sweep.analyze_morris_outputs(k, trajectories, levels, seed, candidates,
                                             np.asarray(y, dtype=float).tolist(), _count(resamples, "resamples"),
                                             bootstrap_seed, level, ci_method)
    labels = list(names) if names is not None else [f"x{j + 1}" for j in range(k)]
    return _morris_frame(idx, pd.Index(labels, name="input"))


class TornadoResult(dict[str, pd.DataFrame]):
    """Tornado swings per output (a dict of DataFrames), with the seeds used and ``values``: per
    input the low, base and high values it was swung between."""

    seeds: TornadoSeeds
    replications: int
    values: pd.DataFrame
    probabilities: tuple[float, float]  # the quantiles an input given by its law swings between


def tornado(spec: SpecLike, scenario: Optional[Scenario] = None, *, replications: int = 1, threads: int = 1,
            model: Optional[Model] = None, low: float = 0.1, high: float = 0.9) -> TornadoResult:
    """One-at-a-time swings: each input of ``spec`` gives ``values: [low, base, high]``, or its
    ``distribution`` (the same spec as ``sobol`` and ``run``), which swings from its ``low``
    quantile to its ``high`` one (P10 and P90 by default; a stated pair otherwise) around its
    median; every output is evaluated at the base point and with one input at its low then high
    value. Returns per output a DataFrame (low, high, swing) sorted by decreasing swing, and in
    ``result.values`` the values used. Every point runs on the same random draws (common random
    numbers), so a swing is the input's alone; ``replications`` averages R runs (R streams shared
    by every point)."""
    replications, threads = _count(replications, "replications", 1), _threads(threads)
    d = _with_model(load_spec(spec), model)
    d.setdefault("format", SWEEP_FORMAT)
    # The tornado's own points design: a spec written for sampling (a distribution per input)
    # is run as it is, without its design.
    d["design"] = {"kind": "points", "n": 1}
    study = _core.sweep.tornado_sweep(scenario or _core.scenario.default_scenario(), json.dumps(d), replications,
                                      threads, model, low, high)
    result = TornadoResult()
    result.seeds = TornadoSeeds(model=_model_seed(d, scenario), draw_keys=list(range(replications)))
    result.replications = replications
    result.probabilities = (low, high)
    result.values = pd.DataFrame({"low": study.low, "base": study.base, "high": study.high},
                                 index=pd.Index(study.inputs, name="input"))
    for o in study.outputs:
        result[o.output] = pd.DataFrame({"low": [b.low_delta for b in o.bars], "high": [b.high_delta for b in o.bars],
                                         "swing": [b.swing for b in o.bars]},
                                        index=pd.Index([study.inputs[b.input] for b in o.bars], name="input"))
    return result


__all__ += ["SobolResult", "SobolDetails", "Seeds", "MorrisResult", "TornadoResult", "TornadoSeeds", "sobol", "morris", "tornado", "with_seed", "Model",
            "saltelli_points", "analyze_sobol", "morris_points", "analyze_morris"]
