"""The shapes of the dicts the compiled module returns (aci_cost._core), as TypedDicts.

One description per shape: the stubs (python/aci_cost/_core/*.pyi) and the Python layer both use
these, and tests/python/test_stub_types.py checks that the module's dicts hold exactly these keys,
with values of these types. Each is written from the binding that builds the dict
(python/src/bind_<area>.cpp); no key is optional: a function whose dict holds more has a type of
its own (RawStoredSweep adds ``chunks`` to RawSweep).
"""
from __future__ import annotations

from decimal import Decimal
from typing import TypedDict, Union

import numpy as np

__all__ = ["Summary", "ChunkCounts", "RawSweep", "RawStoredSweep", "AllocationInputRow", "AllocationOutputRow",
           "QuoteInputRow", "SharingInputRow", "TrainingInputRow", "OutputRow", "SharingOutputRow", "FieldRow",
           "RateRow", "GridMinima"]


# ---- sweeps (bind_sweep.cpp) ---------------------------------------------------------------

class Summary(TypedDict):
    """The engine's exact summary of one output (``_core.sweep.summarize``, ``merge_summaries``,
    a sweep's ``summaries``): exact quantiles when it was given the column, else the histogram's."""

    count: int  # the values summarised (NaN apart)
    nan_count: int  # the NaN met
    mean: float
    std: float
    min: float
    max: float
    quantiles: dict[float, float]  # q -> value
    quantile_bounds: dict[float, tuple[float, float]]  # q -> (low, high): they hold the exact order statistic
    quantiles_exact: bool  # every value in `quantiles` is the exact order statistic


class ChunkCounts(TypedDict):
    """The chunks of a sweep run into a directory (``SweepRun.chunks``)."""

    chunks: int  # the run's chunks
    computed: int  # computed by this run
    reused: int  # written by an earlier, interrupted run
    discarded: int  # leftovers of an interruption, deleted


class RawSweep(TypedDict):
    """A sweep as ``_core.sweep.run_sweep`` returns it (``aci_cost.sweep.run`` makes it a SweepRun)."""

    begin: int  # the first scenario
    end: int  # one past the last
    input_names: list[str]  # the inputs the spec varies
    output_names: list[str]
    inputs: dict[str, np.ndarray]  # the kept input columns (empty when the spec keeps none)
    outputs: dict[str, np.ndarray]  # the output columns (empty in summary-only mode)
    summaries: dict[str, Summary]  # per output
    summary_states: dict[str, bytes]  # per output, the summary's state (merge_summaries reads it)
    spec: str  # the spec run, normalised JSON (its seed recorded)


class RawStoredSweep(RawSweep):
    """A sweep run into, or read back from, a directory (``_core.store.run_to_directory``,
    ``read_directory``): a RawSweep and its chunk counts."""

    chunks: ChunkCounts


# ---- the models' descriptor tables (bind_<model>.cpp) -------------------------------------

class _Domain(TypedDict):
    """An input's domain: its ends and whether each is excluded (an infinite high is excluded)."""

    low: float
    high: float  # inf: none
    low_open: bool
    high_open: bool


class SweepInputRow(_Domain):
    """An input a built-in model can vary in a sweep (``_core.sweep.sweep_inputs``)."""

    name: str  # e.g. "training.workforce.absence"
    domain: str  # the ends as text: "[0, 1)"
    rule: str  # a rule joining it to other inputs ("" if none)
    unit: str


class AllocationInputRow(_Domain):
    """A family of the allocation model's inputs (``_core.allocation.allocation_input_table``)."""

    pattern: str  # e.g. "charges.{charge}"
    unit: str
    doc: str


class AllocationOutputRow(TypedDict):
    """A family of the allocation model's outputs (``_core.allocation.allocation_output_table``)."""

    pattern: str
    unit: str
    doc: str


class _ModelInputRow(_Domain):
    """What the quote, sharing and training models say of each input, besides its name."""

    unit: str
    rule: str  # a rule joining it to other inputs ("" if none)
    doc: str
    domain_rule: str  # the domain as the error names it ("must be in [0, 1]")


class QuoteInputRow(_ModelInputRow):
    """An input of the quote model (``_core.quote.quote_input_table``)."""

    name: str  # e.g. "job.productivity"
    staff: int  # what it moves of the staff costs: 0 none, 1 the crew, 2 every group


class SharingInputRow(_ModelInputRow):
    """An input of the sharing model (``_core.sharing.sharing_input_table``)."""

    name: str  # e.g. "travel.distance_scale" (per member: the suffix of "member[<name>].<name>")
    per_member: bool


class TrainingInputRow(_ModelInputRow):
    """An input of the training model (``_core.training.training_input_table``)."""

    path: str  # below the model's root, e.g. "workforce.headcount"
    batch_name: str  # its column in a batch, e.g. "headcount"


class OutputRow(TypedDict):
    """An output of the quote or training model (``quote_output_table``, ``training_output_table``)."""

    name: str
    unit: str
    doc: str


class SharingOutputRow(OutputRow):
    """An output of the sharing model (``_core.sharing.sharing_output_table``)."""

    per_member: bool  # one output per member, "<name>[<member>]"


# ---- the scenario's field tables (bind_schema.cpp) ----------------------------------------

class FieldRow(TypedDict):
    """A field of a scenario struct (``_core.schema.tables()[struct]``)."""

    key: str  # the Python attribute
    json: str  # its JSON path
    type: str  # its Python type, as the stubs write it
    choices: str  # an enum's values, "a | b | c" ("" for others)
    unit: str
    domain_rule: str  # the rule a value must meet, as the error names it ("" if none)
    doc: str
    required: bool  # the JSON must give it
    not_empty: bool  # a list or text that must not be empty


class RateRow(TypedDict):
    """A figure of the rate table (``_core.schema.rates()``)."""

    name: str  # e.g. "smic_hourly"
    unit: str
    domain_rule: str  # the rule a value must meet, as the error names it
    keyed: bool  # one series per key (e.g. a class of the collective agreement)
    doc: str


# ---- arguments -------------------------------------------------------------------------------

GridMinima = dict[str, Union[Decimal, str, int]]
"""{grid level: monthly minimum for 35 h a week} (``_core.sharing.share(grid=)``): money, never a float."""
