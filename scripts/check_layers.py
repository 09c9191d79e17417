#!/usr/bin/env python3
"""Checks that the areas of include/aci_cost only point down.

Each area (a folder of include/aci_cost, with the top-level scenario.hpp as one more) has a place
in LAYERS; a header may include headers of its own area (its <area>/detail/ and x-inl.hpp files
included), of detail/, of the plain top-level files (money, decimal, date, error, config, version
and their -inl.hpp) and of areas in a lower layer, never of its own layer's other areas or of a
higher one. detail/ is the lowest layer: generic utilities that include only each other and the
plain top-level files. Every folder and file of include/aci_cost is checked.
Run: python3 scripts/check_layers.py [include/aci_cost]
"""
from __future__ import annotations

import pathlib
import re
import sys

# Lowest first. Areas on one line are peers: neither includes the other.
LAYERS = [
    ["detail"],            # generic utilities: counter RNG, scenario streams, lanes, exact division
    ["parallel", "schema"],  # parallel_for (threads, exceptions, cancellation); field tables and enum names
    ["rates", "allocation"],
    ["people"],
    ["model"],
    ["quote", "training", "sharing", "calibration"],   # sharing: posts shared between ACIs (people, rates)
    ["budget", "link"],
    ["actuals"],           # an ACI's own data (FEC, hours) against the forecast year: above budget
    ["scenario"],          # the top-level scenario.hpp: every model, none of the engines
    ["sweep"],             # model-agnostic engine, designs, sensitivity
    ["io"],                # JSON formats of the scenario and the sweep spec
    # the models in a sweep and their registry; a sweep run into a directory (resumable, .npy);
    # a scenario run through everything a user runs on it (the error contract)
    ["evaluators", "store", "check"],
]
BASE = {"money.hpp", "decimal.hpp", "date.hpp", "error.hpp", "config.hpp", "version.hpp"}
LEVEL = {area: i for i, layer in enumerate(LAYERS) for area in layer}
INCLUDE = re.compile(r'#\s*include\s*"aci_cost/([^"]+)"')


def area_of(rel: str) -> str | None:
    """The area of a path below include/aci_cost ("quote/quote.hpp" -> "quote", "money-inl.hpp" ->
    None: a plain top-level file; "scenario-inl.hpp" -> "scenario")."""
    parts = rel.split("/")
    if len(parts) == 1:
        name = parts[0].removesuffix(".hpp").removesuffix("-inl")
        if name + ".hpp" in BASE or name == "aci_cost":
            return None
        return name
    return parts[0]


def main(root: pathlib.Path) -> int:
    problems = []
    for f in sorted(root.rglob("*.hpp")):
        rel = f.relative_to(root).as_posix()
        me = area_of(rel)
        if me is None:
            if rel != "aci_cost.hpp":  # a plain top-level file: only the others, detail/ and the
                # enum names (schema/enum_names.hpp, which needs only error.hpp: money.hpp names Rounding)
                for target in INCLUDE.findall(f.read_text(encoding="utf-8", errors="replace")):
                    if target == "schema/enum_names.hpp":
                        continue
                    if area_of(target) not in (None, "detail") or target == "aci_cost.hpp":
                        problems.append(f"{rel} (a plain top-level file) includes {target}")
            continue
        if me not in LEVEL:
            problems.append(f"{rel}: area '{me}' has no place in scripts/check_layers.py LAYERS")
            continue
        for target in INCLUDE.findall(f.read_text(encoding="utf-8", errors="replace")):
            other = area_of(target)
            if other == me or (other is None and me != "detail"):
                continue
            if other is None:  # detail/ includes a plain top-level file: only the base ones
                if target.removesuffix(".hpp").removesuffix("-inl") + ".hpp" not in BASE:
                    problems.append(f"{rel}: includes {target}")
                continue
            if other not in LEVEL:
                problems.append(f"{rel}: includes {target}, of an area not in LAYERS")
            elif LEVEL[other] >= LEVEL[me]:
                how = "a peer" if LEVEL[other] == LEVEL[me] else "a higher layer"
                problems.append(f"{rel} ({me}) includes {target} ({other}, {how})")
    for p in problems:
        print("layers:", p)
    print(f"layers: {len(problems)} problem(s) in {root}")
    return 1 if problems else 0


if __name__ == "__main__":
    here = pathlib.Path(__file__).resolve().parents[1] / "include" / "aci_cost"
    sys.exit(main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else here))
