"""Posts shared between ACIs (*mutualisation*): what each ACI pays alone, what sharing costs,
and fair splits of it — proportional to hours, equal saving, Shapley value, nucleolus — each to
the cent, with the coalitions that would walk away (the core check). Format of the problem:
``aci_cost/sharing@1`` (docs/sharing.md).

    run = aci_cost.sharing.share(aci_cost.sharing.example())
    run.frame("shapley")          # member, hours, stand_alone, share, saving, blocking
    run.blocking("proportional")  # the coalitions that would pay less on their own
    run.plot()                    # bar figure comparing the splits
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Optional, Sequence, Union

import pandas as pd

from . import _core
from ._checks import count, threads as threads_
from ._core.sharing import SharingProblem, SharingResult

__all__ = ["METHODS", "SharingProblem", "SharingRun", "example", "load", "read", "share", "coalition_cost",
           "shapley", "airport_shapley", "nucleolus", "least_core"]

METHODS = ("proportional", "equal_saving", "shapley", "nucleolus")


def read(text: Union[str, dict]) -> SharingProblem:
    """A sharing problem from its JSON text (or an already parsed dict)."""
    return _core.sharing.read_sharing(text if isinstance(text, str) else json.dumps(text))


def load(path: Union[str, Path]) -> SharingProblem:
    """A sharing problem from a JSON file."""
    return read(Path(path).read_text(encoding="utf-8"))


def example() -> SharingProblem:
    """Four ACIs sharing a psychologist and an administrative assistant (examples/sharing_four_acis.json)."""
    return _core.sharing.example_sharing()


def coalition_cost(problem: SharingProblem, members: Sequence[str]) -> Decimal:
    """c(S): what these members would pay a year sharing the posts among themselves, €."""
    return _core.sharing.coalition_cost(problem, list(members))


@dataclass(frozen=True)
class SharingRun:
    """The splits of a sharing problem: stand-alone costs, c(N), the saving, and one split per method."""

    result: SharingResult

    @property
    def members(self) -> list[str]:
        return list(self.result.members)

    @property
    def grand_cost(self) -> Decimal:
        return self.result.grand_cost

    @property
    def saving(self) -> Decimal:
        return self.result.saving

    @property
    def core_empty(self) -> Optional[bool]:
        return self.result.core_empty

    @property
    def methods(self) -> list[str]:
        return [s.method for s in self.result.splits]

    def _split(self, method: str):
        for s in self.result.splits:
            if s.method == method:
                return s
        raise ValueError(f"method = {method!r}: not computed (computed: {', '.join(self.methods)})")

    def frame(self, method: str) -> pd.DataFrame:
        """One row per member: hours a year, stand-alone cost, share, saving (stand-alone - share),
        and how many blocking coalitions the member is in; Decimal amounts to the cent."""
        s = self._split(method)
        counts = [0] * len(self.members)
        for who, *_ in s.blocking:
            for i in who:
                counts[i] += 1
        rows = {"hours": self.result.hours, "stand_alone": self.result.stand_alone, "share": s.shares,
                "saving": [a - b for a, b in zip(self.result.stand_alone, s.shares)],
                "blocking": counts if s.core_checked else [None] * len(counts)}
        if s.standard_error:
            rows["standard_error"] = list(s.standard_error)
        df = pd.DataFrame(rows, index=pd.Index(self.members, name="member"))
        df.attrs.update(method=method, grand_cost=self.grand_cost, core_checked=s.core_checked)
        return df

    def frames(self) -> dict[str, pd.DataFrame]:
        """frame(method) for every method computed."""
        return {m: self.frame(m) for m in self.methods}

    def blocking(self, method: str) -> pd.DataFrame:
        """The coalitions that would walk away from a split: members, what they would pay on their own
        (cost), what the split charges them, and the excess (charged - cost), €/year, largest first."""
        s = self._split(method)
        names = self.members
        return pd.DataFrame(
            [{"members": ", ".join(names[i] for i in who), "size": len(who), "cost": cost, "charged": charged,
              "excess": excess} for who, cost, charged, excess in s.blocking],
            columns=["members", "size", "cost", "charged", "excess"])

    def comparison(self) -> pd.DataFrame:
        """Members by methods: each member's share under every split, and its stand-alone cost."""
        df = pd.DataFrame({m: self._split(m).shares for m in self.methods}, index=pd.Index(self.members, name="member"))
        df.insert(0, "stand_alone", self.result.stand_alone)
        return df

    def plot(self, ax=None):
        """Bars per member: the stand-alone cost and the share under each split (€/year)."""
        import matplotlib.pyplot as plt
        import numpy as np

        df = self.comparison().astype(float)
        if ax is None:
            fig, ax = plt.subplots(figsize=(10, 5))
        else:
            fig = ax.figure
        x = np.arange(len(df.index))
        width = 0.8 / len(df.columns)
        for k, column in enumerate(df.columns):
            ax.bar(x + (k - (len(df.columns) - 1) / 2) * width, df[column], width, label=column.replace("_", " "),
                   color="lightgray" if column == "stand_alone" else None)
        ax.set_xticks(x, df.index)
        ax.set_ylabel("€ / year")
        empty = {True: "; the core is empty", False: "", None: ""}[self.core_empty]
        ax.set_title(f"Sharing: {float(self.grand_cost):,.0f} €/year together, saving {float(self.saving):,.0f}{empty}")
        ax.legend()
        return fig

    def to_dict(self) -> dict:
        """JSON-ready: amounts as strings to the cent."""
        r = self.result
        return {"members": self.members, "grand_cost": str(r.grand_cost), "saving": str(r.saving),
                "stand_alone": [str(a) for a in r.stand_alone], "exact_game": r.exact_game,
                "core_empty": r.core_empty, "least_core": r.least_core, "notes": list(r.notes),
                "splits": {s.method: {"shares": [str(x) for x in s.shares],
                                      "standard_error": list(s.standard_error),
                                      "core_checked": s.core_checked,
                                      "blocking": [{"members": [self.members[i] for i in who], "cost": str(c),
                                                    "charged": str(ch), "excess": str(e)}
                                                   for who, c, ch, e in s.blocking]}
                           for s in r.splits}}


def share(problem: Union[SharingProblem, str, Path, dict], methods: Sequence[str] = METHODS, *,
          decimal_max_members: int = 12, exact_max_members: int = 20, permutations: int = 20000, seed: int = 1,
          threads: int = 1) -> SharingRun:
    """The splits of `problem` (a SharingProblem, a JSON file path or a dict). Exact Shapley and the
    core check up to `exact_max_members`, seeded sampling beyond (same numbers for any `threads`);
    the nucleolus up to 16 members."""
    permutations, seed, threads = count(permutations, "permutations", 1), count(seed, "seed"), threads_(threads)
    decimal_max_members = count(decimal_max_members, "decimal_max_members")
    exact_max_members = count(exact_max_members, "exact_max_members")
    if isinstance(problem, (str, Path)):
        problem = load(problem)
    elif isinstance(problem, dict):
        problem = read(problem)
    return SharingRun(_core.sharing.share(problem, list(methods), decimal_max_members, exact_max_members,
                                          permutations, seed, threads))


def shapley(values: Sequence[float]) -> list[float]:
    """The exact Shapley value of a cost game given as its 2^n values c[S] (S a bit mask)."""
    return _core.sharing.shapley_exact(list(values))


def airport_shapley(costs: Sequence[float]) -> list[float]:
    """The Littlechild-Owen closed form of the airport game max over S of costs[i]."""
    return _core.sharing.airport_shapley(list(costs))


def nucleolus(values: Sequence[float]) -> list[float]:
    """The nucleolus of a cost game given as its 2^n values c[S]."""
    return _core.sharing.nucleolus(list(values))


def least_core(values: Sequence[float]) -> tuple[float, list[float]]:
    """(epsilon, x): the least core; the core is empty when epsilon > 0."""
    return _core.sharing.least_core(list(values))
