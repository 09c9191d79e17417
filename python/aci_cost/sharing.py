"""Posts shared between ACIs (*mutualisation*), within the law: the legal frame of each post decides
which splits are lawful (non-profit staff lending is invoiced at cost only, C. trav. L8241-1; the fair
divisions of the saving — Shapley, nucleolus, equal saving… — belong to an employers' group, L1253-1,
or a cooperation agreement); each ACI's stand-alone cost rests on a stated assumption (may it hire
below 24 h a week alone, and on what basis, L3123-7), and the output says which one drives the
saving; every split is to the cent, with the coalitions that would walk away and what happens if one
member leaves; the core check, the least core in words, and the best grouping. Format of the problem:
``aci_cost/sharing@1`` (docs/sharing.md).

    run = aci_cost.sharing.share(aci_cost.sharing.example())
    run.driver_text                    # which assumption drives the saving
    run.stand_alone()                  # member x post: basis, contract alone, costs
    run.frame("at_cost")               # member, hours, stand_alone, share, saving, blocking
    run.post_frame("administrative_assistant", "shapley")
    run.invoices("psychologist")       # the at-cost invoices of a lent post
    run.departures("at_cost")          # what if one leaves
    run.grouping()                     # the best grouping
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping, Optional, Sequence, TypedDict, Union

import pandas as pd

from . import _core
from ._checks import count, threads as threads_
from ._core.sharing import Grouping, PostResult, SharingProblem, SharingResult, Split
from ._types import GridMinima

__all__ = ["METHODS", "SharingProblem", "SharingRun", "BestGrouping", "example", "load", "read", "share",
           "coalition_cost", "shapley", "airport_shapley", "nucleolus", "least_core", "best_grouping",
           "grouping_least_core"]

METHODS = ("at_cost", "proportional", "equal_saving", "shapley", "nucleolus", "per_capita_nucleolus")


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


def _names(who: Sequence[int], names: Sequence[str]) -> list[str]:
    return [names[i] for i in who]


class BestGrouping(TypedDict):
    """The best grouping of a sharing problem (``SharingRun.grouping()``), amounts in €/year."""

    groups: list[list[str]]  # the members of each group (each shares on its own)
    cost: Decimal  # the sum of the groups' own costs
    saving_vs_alone: Decimal  # every member alone - cost
    saving_vs_grand: Decimal  # all together - cost (>= 0)
    stable: Optional[bool]  # some split with each group paying its own cost leaves no members better off alone
    split: Optional[dict[str, Decimal]]  # such a split, per member (None when not stable)
    optimal: list[list[list[str]]]  # every grouping as cheap (up to 16): the stable ones when `stable`


class _ShareOptions(TypedDict):
    """share()'s options, kept with a SharingRun to recompute it on unpickling."""

    show_unlawful: bool
    decimal_max_members: int
    exact_max_members: int
    permutations: int
    seed: int
    departures_max_members: int
    grid: Optional[GridMinima]


@dataclass(frozen=True)
class SharingRun:
    """The result of a sharing problem: per post its frame and lawful splits, per member its stand-alone
    cost and assumption, the whole problem's splits, the core check and the best grouping."""

    result: SharingResult
    # The call that computed it (problem, methods, options): a SharingRun pickles as that call and
    # is recomputed on loading, bit for bit (the splits are deterministic for a seed, whatever the
    # threads). None for a run built by hand, which then refuses to pickle.
    call: Optional[tuple[SharingProblem, list[str], _ShareOptions]] = field(default=None, repr=False, compare=False)

    def __reduce__(self) -> tuple[Any, ...]:
        if self.call is None:
            raise TypeError("SharingRun built without its call cannot pickle: get it from aci_cost.sharing.share")
        return (_share_again, self.call)

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
        return self.result.core.empty

    @property
    def driver_text(self) -> str:
        """Which stand-alone assumption drives the saving, in words."""
        return self.result.driver.text

    @property
    def methods(self) -> list[str]:
        """The whole problem's splits."""
        return [s.method for s in self.result.splits]

    def post(self, name: str) -> PostResult:
        for p in self.result.posts:
            if p.name == name:
                return p
        raise ValueError(f"post = {name!r}: no such post (posts: {', '.join(self.result.post_names)})")

    def _split(self, method: str, post: Optional[str] = None) -> Split:
        splits = self.result.splits if post is None else self.post(post).splits
        for s in splits:
            if s.method == method:
                return s
        where = "" if post is None else f" for post {post!r}"
        raise ValueError(f"method = {method!r}: not computed{where} (computed: {', '.join(s.method for s in splits)})")

    def _frame(self, s: Split, stand_alone: Sequence[Decimal], hours: Sequence[Decimal], method: str,
               total: Decimal) -> pd.DataFrame:
        counts = [0] * len(self.members)
        for who, *_ in s.blocking:
            for i in who:
                counts[i] += 1
        rows: dict[str, Any] = {"hours": list(hours), "stand_alone": list(stand_alone), "share": list(s.shares),
                                "saving": [a - b for a, b in zip(stand_alone, s.shares)],
                                "blocking": counts if s.core_checked else [None] * len(counts)}
        if s.standard_error:
            rows["standard_error"] = list(s.standard_error)
        df = pd.DataFrame(rows, index=pd.Index(self.members, name="member"))
        df.attrs.update(method=method, grand_cost=total, core_checked=s.core_checked, lawful=s.lawful)
        return df

    def frame(self, method: str) -> pd.DataFrame:
        """The whole problem's split: one row per member — hours a year, stand-alone cost, share, saving
        (stand-alone - share) and how many blocking coalitions the member is in; Decimal to the cent."""
        return self._frame(self._split(method), self.result.stand_alone, self.result.hours, method, self.grand_cost)

    def frames(self) -> dict[str, pd.DataFrame]:
        """frame(method) for every whole-problem split."""
        return {m: self.frame(m) for m in self.methods}

    def post_frame(self, post: str, method: str) -> pd.DataFrame:
        """One post's split, as frame()."""
        p = self.post(post)
        k = list(self.result.post_names).index(post)
        hours = [a[k].need_hours for a in self.result.assumptions]
        return self._frame(self._split(method, post), p.stand_alone, hours, method, p.grand_cost)

    def blocking(self, method: str, post: Optional[str] = None) -> pd.DataFrame:
        """The coalitions that would walk away from a split: members, what they would pay on their own
        (cost), what the split charges them, and the excess (charged - cost), €/year to the cent."""
        s = self._split(method, post)
        return pd.DataFrame(
            [{"members": ", ".join(_names(who, self.members)), "size": len(who), "cost": cost, "charged": charged,
              "excess": excess} for who, cost, charged, excess in s.blocking],
            columns=["members", "size", "cost", "charged", "excess"])

    def findings(self, method: str, post: Optional[str] = None) -> pd.DataFrame:
        """A split shown outside its frame: per lent post and borrower, what it is charged against the
        at-cost invoice (lucrative_lending: more; below_cost_lending: less)."""
        s = self._split(method, post)
        return pd.DataFrame([{"kind": f.kind, "post": f.post, "member": f.member, "charged": f.charged,
                              "at_cost": f.at_cost, "difference": f.difference} for f in s.findings],
                            columns=["kind", "post", "member", "charged", "at_cost", "difference"])

    def stand_alone(self) -> pd.DataFrame:
        """Member x post: the basis for hiring below 24 h alone, the hours needed, the contract alone, and
        the cost under the declared rule, at the 24 h minimum and at exactly the hours needed."""
        rows = []
        for member, row in zip(self.members, self.result.assumptions):
            for post, a in zip(self.result.post_names, row):
                rows.append({"member": member, "post": post, "basis": a.rule.basis, "need_hours": a.need_hours,
                             "contract_hours": a.contract_hours, "persons": a.persons, "cost": a.cost,
                             "cost_at_legal_minimum": a.cost_at_legal_minimum, "cost_at_need": a.cost_at_need})
        return pd.DataFrame(rows).set_index(["member", "post"])

    def invoices(self, post: str) -> pd.DataFrame:
        """The at-cost invoices of a lent post (C. trav. L8241-1): one row per borrower."""
        p = self.post(post)
        return pd.DataFrame([{"member": self.members[v.member], "hours": v.hours, "km": v.km, "labour": v.labour,
                              "expenses": v.expenses, "total": v.total} for v in p.invoices],
                            columns=["member", "hours", "km", "labour", "expenses", "total"])

    def departures(self, method: str) -> pd.DataFrame:
        """What if one leaves: rows the member leaving, columns the others' change of share (without it
        less with it), plus the cost of the rest; €/year."""
        s = self._split(method)
        rows = {}
        for d in s.departures:
            leaver = self.members[d.member]
            rows[leaver] = {**{m: (c if i != d.member else None) for i, (m, c) in enumerate(zip(self.members, d.change))},
                            "cost_without": d.cost_without}
        df = pd.DataFrame.from_dict(rows, orient="index")
        df.index.name = "leaving"
        return df

    def grouping(self) -> Optional[BestGrouping]:
        """The best grouping: groups (names), cost, savings against all alone and all together, whether it
        is stable and a stable split; None when not searched."""
        g = self.result.grouping
        return None if g is None else self._grouping(g)

    def _grouping(self, g: Grouping) -> BestGrouping:
        return {"groups": [_names(b, self.members) for b in g.groups], "cost": g.cost,
                "saving_vs_alone": g.saving_vs_alone, "saving_vs_grand": g.saving_vs_grand, "stable": g.stable,
                "split": dict(zip(self.members, g.split)) if g.split else None,
                "optimal": [[_names(b, self.members) for b in o] for o in g.optimal]}

    def comparison(self) -> pd.DataFrame:
        """Members by methods: each member's share under every whole-problem split, and its stand-alone cost."""
        df = pd.DataFrame({m: self._split(m).shares for m in self.methods},
                          index=pd.Index(self.members, name="member"))
        df.insert(0, "stand_alone", self.result.stand_alone)
        return df

    def plot(self, ax: Any = None) -> Any:
        """Bars per member: the stand-alone cost and the share under each whole-problem split (€/year).
        Returns the Axes, as every plot of the package does (``ax.figure.savefig(...)``)."""
        import matplotlib.pyplot as plt
        import numpy as np

        df = self.comparison().astype(float)
        if ax is None:
            _, ax = plt.subplots(figsize=(10, 5), layout="constrained")
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
        return ax

    def _split_dict(self, s: Split) -> dict[str, Any]:
        names = self.members
        out: dict[str, Any] = {
            "lawful": s.lawful, "shares": dict(zip(names, map(str, s.shares))),
            "core_checked": s.core_checked,
            "blocking": [{"members": _names(who, names), "cost": str(c), "charged": str(ch), "excess": str(e)}
                         for who, c, ch, e in s.blocking]}
        if s.standard_error:
            out["standard_error"] = dict(zip(names, s.standard_error))
        if s.findings:
            out["findings"] = [{"kind": f.kind, "post": f.post, "member": f.member, "charged": str(f.charged),
                                "at_cost": str(f.at_cost), "difference": str(f.difference)} for f in s.findings]
        if s.departures:
            out["departures"] = {names[d.member]: {"cost_without": str(d.cost_without),
                                                   "shares": {m: str(x) for i, (m, x) in enumerate(zip(names, d.shares))
                                                              if i != d.member},
                                                   "change": {m: str(x) for i, (m, x) in enumerate(zip(names, d.change))
                                                              if i != d.member}}
                                 for d in s.departures}
        return out

    def _grouping_dict(self, g: Grouping) -> dict[str, Any]:
        d = self._grouping(g)
        return {"groups": d["groups"], "cost": str(d["cost"]), "saving_vs_alone": str(d["saving_vs_alone"]),
                "saving_vs_grand": str(d["saving_vs_grand"]), "stable": d["stable"],
                "split": None if d["split"] is None else {m: str(x) for m, x in d["split"].items()},
                "optimal": d["optimal"]}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the frame of each post and its allowed splits, the stand-alone assumption per ACI,
        the splits, the core check and the best grouping; amounts as strings to the cent."""
        r = self.result
        names = self.members
        posts = {}
        for p in r.posts:
            post: dict[str, Any] = {
                "frame": p.frame, "source": p.frame_source, "effective": p.frame_effective.isoformat(),
                "tag": p.frame_tag, "allowed_splits": list(p.allowed),
                "shared_contract": {"basis": p.shared_rule.basis, "floor_hours": str(p.shared_rule.floor),
                                    "persons": str(p.persons), "weekly_hours": str(p.weekly_hours)},
                "users": [m for m, u in zip(names, p.users) if u],
                "grand_cost": str(p.grand_cost), "saving": str(p.saving),
                "stand_alone": {m: str(a) for m, a, u in zip(names, p.stand_alone, p.users) if u},
                "splits": {s.method: self._split_dict(s) for s in p.splits}}
            if p.lender is not None:
                post["lender"] = names[p.lender]
                post["hourly_cost"] = str(p.hourly_cost)
                post["invoices"] = {names[v.member]: {"hours": str(v.hours), "km": str(v.km), "labour": str(v.labour),
                                                      "expenses": str(v.expenses), "total": str(v.total)}
                                    for v in p.invoices}
            if p.group is not None:
                g = p.group
                post["group_costs"] = {"staff": str(g.staff), "overhead": str(g.overhead),
                                       "management_and_insurance": str(g.management_and_insurance),
                                       "fees": str(g.fees), "travel_and_coordination": str(g.travel_and_coordination),
                                       "joint_liability": str(g.joint_liability)}
            if p.grouping is not None:
                post["best_grouping"] = self._grouping_dict(p.grouping)
            posts[p.name] = post
        stand_alone = {}
        for m, total, row in zip(names, r.stand_alone, r.assumptions):
            stand_alone[m] = {"cost": str(total), "posts": {
                post: {"basis": a.rule.basis, "reason": a.rule.reason, "need_hours": str(a.need_hours),
                       "contract_hours": str(a.contract_hours), "persons": str(a.persons), "cost": str(a.cost),
                       "cost_at_legal_minimum": str(a.cost_at_legal_minimum), "cost_at_need": str(a.cost_at_need)}
                for post, a in zip(r.post_names, row) if a.need_hours > 0}}
        d = r.driver
        core = r.core
        return {"members": names, "grand_cost": str(r.grand_cost), "saving": str(r.saving),
                "stand_alone": stand_alone,
                "saving_driver": {"saving": str(d.saving), "saving_at_legal_minimum": str(d.saving_at_legal_minimum),
                                  "saving_at_need": str(d.saving_at_need),
                                  "from_part_time_minimum": str(d.from_part_time_minimum),
                                  "minimum_drives": d.minimum_drives, "text": d.text},
                "posts": posts,
                "splits": {s.method: self._split_dict(s) for s in r.splits},
                "core_check": {"empty": core.empty,
                               "least_core": None if core.least_core is None else str(core.least_core),
                               "tight": [{"members": _names(who, names), "cost": str(c), "charged": str(ch),
                                          "excess": str(e)} for who, c, ch, e in core.tight],
                               "text": core.text},
                "best_grouping": None if r.grouping is None else self._grouping_dict(r.grouping),
                "exact_game": r.exact_game, "notes": list(r.notes)}


def share(problem: Union[SharingProblem, str, Path, dict], methods: Optional[Sequence[str]] = None, *,
          show_unlawful: bool = False, decimal_max_members: int = 12, exact_max_members: int = 20,
          permutations: int = 20000, seed: int = 1, threads: int = 1, departures_max_members: int = 12,
          grid: Optional[Mapping[str, Union[Decimal, str, int]]] = None) -> SharingRun:
    """The splits of `problem` (a SharingProblem, a JSON file path or a dict). `methods` None: every split
    each post's frame allows (and, for the whole problem, those every frame allows); a split a frame
    does not allow raises InvalidInput naming the post's frame, unless `show_unlawful`, which shows it
    with its findings. Exact Shapley and the core check up to `exact_max_members`, seeded sampling
    beyond (the same numbers for any `threads`); the nucleolus and the grouping's stability up to 16.
    `grid` ({level: monthly minimum for 35 h a week}) checks the pay of the posts that name a
    grid_level: below the minimum is refused (InvalidInput naming the post) unless pay_override."""
    permutations, seed, threads = count(permutations, "permutations", 1), count(seed, "seed"), threads_(threads)
    decimal_max_members = count(decimal_max_members, "decimal_max_members")
    exact_max_members = count(exact_max_members, "exact_max_members")
    departures_max_members = count(departures_max_members, "departures_max_members")
    if isinstance(problem, (str, Path)):
        problem = load(problem)
    elif isinstance(problem, dict):
        problem = read(problem)
    grid_minima: Optional[GridMinima] = None if grid is None else dict(grid)
    options: _ShareOptions = {"show_unlawful": bool(show_unlawful), "decimal_max_members": decimal_max_members,
                              "exact_max_members": exact_max_members, "permutations": permutations, "seed": seed,
                              "departures_max_members": departures_max_members, "grid": grid_minima}
    methods = list(methods or ())
    return SharingRun(_core.sharing.share(problem, methods, options["show_unlawful"], decimal_max_members,
                                          exact_max_members, permutations, seed, threads, departures_max_members,
                                          grid_minima), call=(problem, methods, options))


def _share_again(problem: SharingProblem, methods: list[str], options: _ShareOptions) -> SharingRun:
    """Loads a pickled SharingRun: its call again (deterministic, see SharingRun.call)."""
    return share(problem, methods or None, **options)


def shapley(values: Sequence[float]) -> list[float]:
    """The exact Shapley value of a cost game given as its 2^n values c[S] (S a bit mask)."""
    return _core.sharing.shapley_exact(list(values))


def airport_shapley(costs: Sequence[float]) -> list[float]:
    """The Littlechild-Owen closed form of the airport game max over S of costs[i]."""
    return _core.sharing.airport_shapley(list(costs))


def nucleolus(values: Sequence[float], per_capita: bool = False) -> list[float]:
    """The nucleolus (or, with `per_capita`, the per-capita nucleolus) of a cost game given as its 2^n values."""
    return _core.sharing.nucleolus(list(values), per_capita)


def least_core(values: Sequence[float]) -> tuple[float, list[float]]:
    """(epsilon, x): the least core; the core is empty when epsilon > 0."""
    return _core.sharing.least_core(list(values))


def best_grouping(values: Sequence[float]) -> tuple[list[list[int]], float]:
    """(groups, cost): the partition of the players minimising the sum of c(B), by dynamic programming."""
    return _core.sharing.best_grouping(list(values))


def grouping_least_core(values: Sequence[float], groups: Sequence[Sequence[int]]) -> tuple[float, list[float]]:
    """(epsilon, x): the least core when each group pays its own cost; the grouping is stable when epsilon <= 0."""
    return _core.sharing.grouping_least_core(list(values), [list(g) for g in groups])
