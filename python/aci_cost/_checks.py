"""Checks of the Python layer's plain arguments before they reach the native engines.

The engines take unsigned counts: a negative or non-integer count is refused here with a
ValueError naming the argument, rather than by pybind11's "incompatible function arguments"
(a TypeError that names nothing)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

U64 = 2**64 - 1
MAX_THREADS = 256  # the engines' own bound (include/aci_cost/sweep/engine.hpp, run.threads)


def count(value: Any, name: str, low: int = 0, high: int = U64) -> int:
    """``value`` as a plain int in [low, high], else ValueError naming ``name`` and the value."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise ValueError(f"{name} = {value!r}: expected an integer")
    if not low <= int(value) <= high:
        shown = "2**64 - 1" if high == U64 else str(high)
        raise ValueError(f"{name} = {value!r}: must be an integer in [{low}, {shown}]")
    return int(value)


def threads(value: Any) -> int:
    """A thread count in [1, MAX_THREADS]."""
    return count(value, "threads", 1, MAX_THREADS)


def groups(value: Any, name: str = "groups") -> list:
    """A list of group indices (integers >= 0, one per input), or [] for None; else ValueError
    naming the entry (``groups[1] = -1``) instead of pybind11's signature dump."""
    if value is None:
        return []
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise ValueError(f"{name} = {value!r}: expected a list of group indices (integers >= 0), one per input")
    return [count(g, f"{name}[{i}]", 0, 2**32 - 1) for i, g in enumerate(value)]


def names(value: Any, name: str) -> list:
    """A list of names (strings): a lone string ("yz") is refused, not read as ["y", "z"]."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable) or isinstance(value, Mapping):
        raise ValueError(f"{name} = {value!r}: expected a list of names (strings)")
    out = list(value)
    for i, v in enumerate(out):
        if not isinstance(v, str) or not v:
            raise ValueError(f"{name}[{i}] = {v!r}: expected a non-empty name (a string)")
    return out
