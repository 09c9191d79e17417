"""The error contract (docs/error_contract.md, tests/data/error_contract.json): every row re-run
through aci_cost.check_scenario gives the outcome, error type and message the table records; a
refusal names the field (or, for text that is not JSON, the byte); the probes that are never
valid are never accepted; the table is up to date with the generator. The C++ twin is
tests/cpp/io/test_error_contract.cpp."""
import json
import re
import sys
from pathlib import Path

import pytest

import aci_cost

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import error_contract  # noqa: E402

ROWS = json.loads((ROOT / "tests" / "data" / "error_contract.json").read_text(encoding="utf-8"))["rows"]
DOC = json.loads(aci_cost.default_scenario().to_json())
# Refusals that name another field than the probed one: a rule joining both (the RSA FTEs
# must fit the filled FTEs; the drivers add up to the job's standard hours; the market floor
# stays under the market price; overheads + profit < 1; a job's equipment is the atelier's).
JOINED = {("$.aci.ateliers[0].staff[0].headcount", "fraction"): "rsa_fte",
          ("$.aci.ateliers[0].staff[0].weekly_hours", "fraction"): "rsa_fte",
          ("$.jobs[0].drivers[0].hours_per_unit", "huge"): "standard_hours",
          ("$.jobs[0].drivers[0].quantity", "huge"): "standard_hours",
          ("$.aci.ateliers[0].equipment", "empty"): "equipment[0].name",
          ("$.aci.ateliers[0].equipment[0].name", "unknown"): "equipment[0].name",
          ("$.aci.ateliers[0].market_hourly_price", "sub_cent"): "market_floor_hourly_price"}


def _id(row):
    return f"{row['field']}:{row['probe']}"


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_every_row_gives_its_outcome(row):
    got = error_contract.outcome(aci_cost.check_scenario, error_contract.row_text(DOC, row))
    assert got["outcome"] == row["outcome"]
    assert got.get("error") == row.get("error")
    assert got.get("message") == row.get("message")
    if row["outcome"] == "refused":
        error = getattr(aci_cost, row["error"])
        assert issubclass(error, ValueError)  # every refusal is a ValueError in Python


@pytest.mark.parametrize("row", [r for r in ROWS if r["outcome"] == "refused"], ids=_id)
def test_a_refusal_names_the_field_or_the_byte(row):
    message = row["message"]
    if message.startswith("$ = byte "):  # text that is not JSON: no field to name, the byte
        assert row["probe"] in ("invalid_utf8", "invalid_utf8_in_a_key", "not_json", "empty_text", "deep_nesting")
        return
    if row["field"] == "$":
        # A document probe names the document, its tag, or (issue 34) the name or rate it doubled
        # or overrode: "$.aci.ateliers[1].name = ...", "$.rates[0].value = ...".
        deeper = {"duplicate_key": r"\$\.format = given twice", "duplicate_job_name": r"\$\.jobs\[\d+\]\.name = ",
                  "duplicate_atelier_name": r"\$\.aci\.ateliers\[\d+\]\.name = ",
                  "duplicate_equipment_name": r"\$\.aci\.ateliers\[0\]\.equipment\[\d+\]\.name = ",
                  "duplicate_staff_group_name": r"\$\.aci\.ateliers\[0\]\.staff\[\d+\]\.name = "}
        pattern = deeper.get(row["probe"], r"\$\.rates\[0\]\.value = " if row["probe"].startswith("rate_override")
                             else r"\$(\.format)? = ")
        assert re.match(pattern, message), message
        return
    leaf = [k for k in re.split(r"[.\[\]]", row["field"]) if k and not k.isdigit() and k != "$"][-1]
    want = "no_such_key" if row["probe"] == "unknown_key" else JOINED.get((row["field"], row["probe"]), leaf)
    field, _, _ = message.partition(" = ")
    assert want in field, message


def test_the_probes_that_are_never_valid_are_never_accepted():
    accepted = [_id(r) for r in ROWS if r["outcome"] == "accepted" and r["probe"] in error_contract.ALWAYS_REFUSED]
    assert accepted == []
    assert {r["probe"] for r in ROWS} >= error_contract.ALWAYS_REFUSED  # each kind is probed


def test_every_field_of_the_default_scenario_has_its_rows():
    probed = {r.get("pointer") for r in ROWS}
    fields = {"/" + "/".join(str(p) for p in path) for path, _ in error_contract.fields(DOC)} - {"/format"}
    assert fields <= probed and len(ROWS) > 500


def test_the_table_is_up_to_date():
    data, table = error_contract.generate()
    assert json.loads(data)["rows"] == ROWS, "tests/data/error_contract.json is out of date: run scripts/error_contract.py"
    assert (ROOT / "docs" / "error_contract.md").read_text(encoding="utf-8") == table, \
        "docs/error_contract.md is out of date: run scripts/error_contract.py"


SWEEP_ROWS = json.loads((ROOT / "tests" / "data" / "error_contract.json").read_text(encoding="utf-8"))["sweep_rows"]


@pytest.mark.parametrize("row", SWEEP_ROWS, ids=lambda r: f"{r['input']}:{r['probe']}")
def test_every_sweep_input_is_refused_outside_its_domain(row):
    got = error_contract.outcome(aci_cost.sweep.run, json.loads(row["spec"]))
    assert got == {k: row[k] for k in ("outcome", "error", "message")}
    assert row["outcome"] == "refused"
    assert f"outside the domain of {row['input']}: {row['domain']}" in row["message"]


def test_every_input_of_the_descriptor_tables_has_its_sweep_rows():
    for model in error_contract.SWEEP_MODELS:
        names = set(aci_cost.sweep.inputs(model=model).index)
        assert names == {r["input"] for r in SWEEP_ROWS if r["model"] == model}
