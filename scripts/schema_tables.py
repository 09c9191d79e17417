#!/usr/bin/env python3
"""Writes what the field tables of the scenario's structs describe (aci_cost._core.schema): the
field blocks of the record classes in the stubs (python/aci_cost/_core/*.pyi) and the tables of
docs/scenario_format.md (between <!-- schema:Name --> and <!-- /schema --> markers, and the rate
names between <!-- schema:rates --> markers). `--check` compares instead of writing
(tests/python/test_schema.py runs it): stubs and docs cannot drift from the code.

Usage: PYTHONPATH=build/release/python python scripts/schema_tables.py [--check]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "scenario_format.md"
STUBS = [ROOT / "python" / "aci_cost" / "_core" / name for name in ("model.pyi", "rates.pyi")]


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _type(row: dict) -> str:
    """The JSON type a reader accepts, from the Python type of the member."""
    t = row["type"]
    if t.startswith("Optional[") and not row["choices"]:
        inner = dict(row, type=t[len("Optional["):-1])
        return _type(inner) + " or null"
    if row["choices"]:
        return " \\| ".join(f'`"{c}"`' for c in row["choices"].split(" | "))
    return {"Decimal": "number", "str": "string", "bool": "bool", "int": "integer",
            "datetime.date": "date"}.get(t, f"`{t}`")


def table(name: str, rows: list[dict]) -> list[str]:
    """The markdown table of one struct."""
    out = ["| key | type | unit | domain | what it is |", "|---|---|---|---|---|"]
    for r in rows:
        key = f"`{r['json']}`" + (" (required)" if r["required"] else "")
        if r["not_empty"]:
            key += " (not empty)"
        out.append(f"| {key} | {_type(r)} | {_cell(r['unit'])} | {_cell(r['domain_rule'])} | {_cell(r['doc'])} |")
    return out


def rate_table(rows: list[dict]) -> list[str]:
    out = ["| rate | unit | domain | keyed | what it is |", "|---|---|---|---|---|"]
    for r in rows:
        out.append(f"| `{r['name']}` | {_cell(r['unit'])} | {_cell(r['domain_rule'])} | {'yes' if r['keyed'] else ''} "
                   f"| {_cell(r['doc'])} |")
    return out


def render_doc(text: str, tables: dict, rates: list[dict]) -> str:
    """`text` with every marked section replaced by its generated table."""
    def replace(match: re.Match) -> str:
        name = match.group(1)
        body = rate_table(rates) if name == "rates" else table(name, tables[name])
        return f"<!-- schema:{name} -->\n" + "\n".join(body) + "\n<!-- /schema -->"
    return re.sub(r"<!-- schema:(\w+) -->.*?<!-- /schema -->", replace, text, flags=re.S)


def render_stub(text: str, tables: dict) -> str:
    """`text` with the attribute lines of every described class replaced by its fields."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        m = re.match(r"class (\w+)\(_Record\):", line)
        i += 1
        if m and m.group(1) in tables:
            while i < len(lines) and re.match(r"    \w+: ", lines[i]):
                i += 1
            out += [f"    {r['key']}: {r['type']}" for r in tables[m.group(1)]]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    from aci_cost._core import schema

    tables, rates = schema.tables(), schema.rates()
    stale = []
    targets = [(DOC, lambda t: render_doc(t, tables, rates))] + [(p, lambda t: render_stub(t, tables)) for p in STUBS]
    for path, render in targets:
        old = path.read_text(encoding="utf-8")
        new = render(old)
        if new != old:
            stale.append(path.relative_to(ROOT).as_posix())
            if "--check" not in argv:
                path.write_text(new, encoding="utf-8")
    if "--check" in argv and stale:
        print("out of date (run scripts/schema_tables.py): " + ", ".join(stale))
        return 1
    print(("stale: " if "--check" in argv else "written: ") + (", ".join(stale) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
