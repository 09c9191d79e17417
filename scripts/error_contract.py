#!/usr/bin/env python3
"""The error contract of the scenario document: every field of the embedded default scenario,
probed with each kind of bad value its JSON type admits, run through everything a user runs on
it (``aci_cost.check_scenario``: read, every job's quote, the year, the training simulation),
and what it gives — refused with the error's type and message, or accepted.

Writes ``tests/data/error_contract.json`` (the rows, read by the C++ and Python tests, which
re-run each probe and require the same outcome) and ``docs/error_contract.md`` (the table).

    PYTHONPATH=build/release/python .venv/bin/python scripts/error_contract.py [--check]

``--check`` writes nothing and exits 1 if either file is out of date.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROWS = ROOT / "tests" / "data" / "error_contract.json"
TABLE = ROOT / "docs" / "error_contract.md"

MONEY = re.compile(r"^-?\d+\.\d{2}$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INVALID_UTF8 = "\x00INVALID_UTF8\x00"  # replaced by a lone 0xFF byte in the document's text

# Bad values per kind of field: (probe, value). A value of INVALID_UTF8 becomes raw bytes.
PROBES = {
    "number": [("negative", -1), ("huge", 1e300), ("not_a_number", "twelve"), ("wrong_type", True), ("null", None)],
    "integer": [("negative", -1), ("huge", 10**30), ("fraction", 1.5), ("not_a_number", "twelve"),
                ("wrong_type", True), ("null", None)],
    "money": [("negative", "-1.00"), ("huge", "1e30"), ("nan", "NaN"), ("infinite", "Infinity"),
              ("sub_cent", "0.001"), ("wrong_type", True), ("empty", "")],
    "date": [("not_a_date", "2026-02-30"), ("wrong_format", "01/04/2026"), ("far_future", "2099-06-01"),
             ("wrong_type", 20260415), ("empty", "")],
    "string": [("empty", ""), ("unknown", "no_such_value"), ("invalid_utf8", INVALID_UTF8), ("wrong_type", 12)],
    "boolean": [("wrong_type", "yes"), ("number", 1)],
    "object": [("unknown_key", "{+no_such_key}"), ("wrong_type", [])],
    "array": [("empty", []), ("wrong_type", {})],
}
# Probes that must never be accepted, whatever the field (the tests hold the table to it).
ALWAYS_REFUSED = {"huge", "nan", "infinite", "not_a_number", "wrong_type", "invalid_utf8", "unknown_key",
                  "wrong_format", "not_a_date"}
# Whole-document probes: (probe, text builder).
DOCUMENT = [
    ("empty_text", lambda doc: b""),
    ("not_json", lambda doc: b"{"),
    ("not_an_object", lambda doc: b"[]"),
    ("deep_nesting", lambda doc: b"[" * 300 + b"]" * 300),
    ("invalid_utf8_in_a_key", lambda doc: json.dumps(doc).encode().replace(b'"aci"', b'"ac\xffi"', 1)),
    ("wrong_format_tag", lambda doc: json.dumps(dict(doc, format="aci_cost/scenario@9")).encode()),
    # Issue 34: a key given twice (the reader kept the last), names given twice, rate overrides
    # outside their domain (aci_fte_paid_hours = 0 crashed the quote with SIGSEGV).
    ("duplicate_key", lambda doc: json.dumps(doc).encode().replace(b'"format":', b'"format": "x", "format":', 1)),
    ("duplicate_atelier_name", lambda doc: json.dumps(
        dict(doc, aci=dict(doc["aci"], ateliers=doc["aci"]["ateliers"] + doc["aci"]["ateliers"][:1]))).encode()),
    ("duplicate_equipment_name", lambda doc: json.dumps(_with_atelier(
        doc, equipment=doc["aci"]["ateliers"][0]["equipment"] + doc["aci"]["ateliers"][0]["equipment"][:1])).encode()),
    ("duplicate_staff_group_name", lambda doc: json.dumps(_with_atelier(
        doc, staff=doc["aci"]["ateliers"][0]["staff"] + doc["aci"]["ateliers"][0]["staff"][:1])).encode()),
    ("duplicate_job_name", lambda doc: json.dumps(dict(doc, jobs=doc["jobs"] + doc["jobs"][:1])).encode()),
    ("rate_override_zero_fte_hours", lambda doc: json.dumps(_with_rate(doc, "aci_fte_paid_hours", "0", "h/year")).encode()),
    ("rate_override_negative_vat", lambda doc: json.dumps(_with_rate(doc, "vat_standard", "-1", "share")).encode()),
    ("rate_override_huge_vat", lambda doc: json.dumps(_with_rate(doc, "vat_standard", "1e300", "share")).encode()),
]


def _with_atelier(doc, **fields):
    """The document with the first atelier's `fields` replaced."""
    ateliers = [dict(doc["aci"]["ateliers"][0], **fields)] + doc["aci"]["ateliers"][1:]
    return dict(doc, aci=dict(doc["aci"], ateliers=ateliers))


def _with_rate(doc, rate: str, value: str, unit: str):
    """The document with one rate override (in force from 2026-01-01)."""
    entry = {"rate": rate, "effective": "2026-01-01", "value": value, "unit": unit, "source": "error contract probe",
             "tag": "law"}
    return dict(doc, rates=list(doc.get("rates", [])) + [entry])


def kind_of(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "money" if MONEY.match(value) else "date" if DATE.match(value) else "string"
    if isinstance(value, dict):
        return "object"
    return "array"


def fields(doc) -> list[tuple[tuple, str]]:
    """(path, kind) of every field of the document, the first element of each array only, in
    document order (a field repeated in later elements has the same rules)."""
    out = []

    def walk(node, path):
        if isinstance(node, dict):
            if path:
                out.append((path, "object"))
            for k, v in node.items():
                walk(v, path + (k,))
        elif isinstance(node, list):
            out.append((path, "array"))
            if node:
                walk(node[0], path + (0,))
        else:
            out.append((path, kind_of(node)))

    walk(doc, ())
    return out


def json_path(path: tuple) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def probe_text(doc, path: tuple, value) -> bytes:
    """The document's text with `value` at `path` ("{+no_such_key}": an unknown key added)."""
    d = json.loads(json.dumps(doc))
    node = d
    for p in path[:-1]:
        node = node[p]
    if value == "{+no_such_key}":
        node[path[-1]]["no_such_key"] = 1
    else:
        node[path[-1]] = value
    text = json.dumps(d, ensure_ascii=False).encode()
    return text.replace(json.dumps(INVALID_UTF8).encode(), b'"\xff"')


def path_of(pointer: str) -> tuple:
    """The path of a row's JSON pointer ("/jobs/0/crew_size" -> ("jobs", 0, "crew_size"))."""
    return tuple(int(p) if p.isdigit() else p for p in pointer.split("/")[1:])


def row_text(doc, row: dict) -> bytes:
    """The probe document of a row, rebuilt from its fields (the tests re-run it)."""
    if row["field"] == "$":
        return dict(DOCUMENT)[row["probe"]](doc)
    value = INVALID_UTF8 if row["probe"] == "invalid_utf8" else "{+no_such_key}" if row["probe"] == "unknown_key" \
        else row["json"]
    return probe_text(doc, path_of(row["pointer"]), value)


def outcome(check, text: bytes) -> dict:
    """What check_scenario gives on `text`: {"outcome": "accepted"} or the error's type and message."""
    try:
        check(text)
    except Exception as e:  # noqa: BLE001 (every exception is recorded, then judged by the tests)
        return {"outcome": "refused", "error": type(e).__name__, "message": str(e)}
    return {"outcome": "accepted"}


def rows(check, doc) -> list[dict]:
    out = [{"field": "$", "probe": probe, "value": None, **outcome(check, build(doc))} for probe, build in DOCUMENT]
    for path, kind in fields(doc):
        if path == ("format",):
            continue  # the tag: a document-level probe above
        for probe, value in PROBES[kind]:
            shown = "<0xFF byte>" if value == INVALID_UTF8 else "{..., \"no_such_key\": 1}" if value == "{+no_such_key}" \
                else json.dumps(value)
            out.append({"field": json_path(path), "pointer": "/" + "/".join(str(p) for p in path), "kind": kind,
                        "probe": probe, "value": shown, "json": None if value in (INVALID_UTF8, "{+no_such_key}") else value,
                        **outcome(check, probe_text(doc, path, value))})
    return out


SWEEP_MODELS = {"quote": {"job": "park_maintenance"}, "training": {}}


def sweep_spec(model: str, name: str, value: float) -> dict:
    """A two-scenario sweep of `model` whose only input `name` takes `value` (a one-point law)."""
    return {"format": "aci_cost/sweep@1", "model": model, **SWEEP_MODELS[model],
            "inputs": [{"name": name, "distribution": {"kind": "discrete", "values": [value], "weights": [1]}}],
            "design": {"kind": "monte_carlo", "n": 2, "seed": 1}}


def sweep_rows(run, inputs) -> list[dict]:
    """From the model descriptor tables (``inputs(model)``: each input's domain): every input of
    the quote and training models, swept just below and just above its domain (the end itself
    when open, the nearest double outside when closed; infinite ends skipped)."""
    import math

    out = []
    for model in SWEEP_MODELS:
        for name, d in inputs(model).iterrows():
            below = d["low"] if d["low_open"] else math.nextafter(d["low"], -math.inf)
            above = d["high"] if d["high_open"] else math.nextafter(d["high"], math.inf)
            for probe, value in (("below_domain", below), ("above_domain", above)):
                if not math.isfinite(value):
                    continue
                spec = sweep_spec(model, name, float(value))
                out.append({"model": model, "input": name, "domain": d["domain"], "probe": probe,
                            "value": json.dumps(float(value)), "spec": json.dumps(spec), **outcome(run, spec)})
    return out


def render(rs: list[dict], ss: list[dict]) -> str:
    refused = sum(r["outcome"] == "refused" for r in rs)
    lines = [
        "# Error contract of the scenario document",
        "",
        "<!-- Generated by scripts/error_contract.py from tests/data/error_contract.json: do not edit. -->",
        "",
        "Every field of the embedded default scenario (`aci_cost.default_scenario()`; the first element",
        "of each list), probed with each kind of bad value its JSON type admits, and run through",
        "everything a user runs on a scenario: `aci_cost.check_scenario` / `aci::check::check_scenario_text`",
        "(read, every job's exact quote, the year, the training simulation). *Refused* gives the error's",
        "type (every one is a `ValueError` in Python: `ScenarioError` while reading, at the JSON path;",
        "`InvalidInput` or `NoRateInForce` while computing, at the model's path) and its message, in the",
        "form `field = value: rule`. *Accepted* runs to finite figures (a non-finite training figure",
        "would be a `DomainError` here). The C++ test `ErrorContract.EveryRowGivesItsOutcome` and the",
        "Python test `tests/python/test_error_contract.py` re-run every row and require the same outcome",
        "and message; the Python test also checks that a refusal names the field, that the probes of",
        f"kind {', '.join(sorted(ALWAYS_REFUSED))} are never accepted, and that this file is up to date.",
        "",
        "`null` stands for an absent field (its default). A `far_future` date is accepted and warned",
        "`beyond_rate_table` in the quote. Sweep inputs are checked against their domains in the model",
        "descriptor tables (docs/model_inputs.md) before any scenario runs.",
        "",
        f"{len(rs)} probes: {refused} refused, {len(rs) - refused} accepted.",
        "",
        "| field | probe | value | outcome | error | message |",
        "|---|---|---|---|---|---|",
    ]
    for r in rs:
        msg = r.get("message", "").replace("|", "\\|").replace("\n", " ")
        val = "" if r["value"] is None else f"`{r['value']}`".replace("|", "\\|")
        lines.append(f"| `{r['field']}` | {r['probe']} | {val} | {r['outcome']} | {r.get('error', '')} | {msg} |")
    lines += [
        "",
        "## Sweep inputs, from the model descriptor tables",
        "",
        "Each input of the quote and training models (docs/model_inputs.md, generated from the same",
        "tables), swept with a one-point law just outside its domain: the end itself when it is open,",
        "the nearest double beyond it when it is closed. Every one is refused before a scenario runs,",
        "naming the input and its domain; the same tests re-run every row.",
        "",
        f"{len(ss)} probes: {sum(r['outcome'] == 'refused' for r in ss)} refused.",
        "",
        "| model | input | domain | probe | value | outcome | message |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in ss:
        msg = r.get("message", "").replace("|", "\\|")
        lines.append(f"| {r['model']} | `{r['input']}` | {r['domain']} | {r['probe']} | `{r['value']}` | {r['outcome']} | {msg} |")
    return "\n".join(lines) + "\n"


def generate() -> tuple[str, str]:
    import aci_cost

    doc = json.loads(aci_cost.default_scenario().to_json())
    rs = rows(aci_cost.check_scenario, doc)
    ss = sweep_rows(aci_cost.sweep.run, lambda model: aci_cost.sweep.inputs(model=model))
    data = {"scenario": "default_scenario()", "rows": rs, "sweep_rows": ss}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n", render(rs, ss)


def main(argv: list[str]) -> int:
    data, table = generate()
    if "--check" in argv:
        stale = [p for p, t in ((ROWS, data), (TABLE, table)) if not p.exists() or p.read_text(encoding="utf-8") != t]
        for p in stale:
            print(f"{p.relative_to(ROOT)} is out of date: run scripts/error_contract.py", file=sys.stderr)
        return 1 if stale else 0
    ROWS.parent.mkdir(parents=True, exist_ok=True)
    ROWS.write_text(data, encoding="utf-8")
    TABLE.write_text(table, encoding="utf-8")
    print(f"wrote {ROWS.relative_to(ROOT)} and {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
