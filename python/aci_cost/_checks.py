"""Checks of the Python layer's plain arguments before they reach the native engines.

The engines take unsigned counts: a negative or non-integer count is refused here with a
ValueError naming the argument, rather than by pybind11's "incompatible function arguments"
(a TypeError that names nothing)."""
from __future__ import annotations

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
