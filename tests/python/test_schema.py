"""One description per field: the field tables of the scenario's structs (C++ schema()) drive the
JSON reader and writer, the Python properties, the stubs and docs/scenario_format.md. These
tests fail when a copy disagrees with the table."""
import json
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest

import aci_cost
from aci_cost._core import model, rates, schema

ROOT = Path(__file__).resolve().parents[2]
CLASSES = {**{n: getattr(model, n) for n in dir(model)}, "RateEntry": rates.RateEntry}


def test_stubs_and_docs_are_generated_from_the_tables():
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "schema_tables.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_table_row_is_a_python_property_in_table_order():
    for name, rows in schema.tables().items():
        cls = CLASSES[name]
        assert list(cls._fields) == [r["key"] for r in rows], name


def test_every_field_of_the_default_scenario_round_trips_through_json():
    s = aci_cost.default_scenario()
    doc = json.loads(s.to_json())
    # The keys written are the tables' keys (first segments of their JSON paths).
    for name, obj in [("Aci", doc["aci"]), ("Atelier", doc["aci"]["ateliers"][0]), ("Job", doc["jobs"][0]),
                      ("PricingOptions", doc["pricing"]),
                      ("StaffGroup", doc["aci"]["ateliers"][0]["staff"][0])]:
        allowed = {r["json"].split(".")[0] for r in schema.tables()[name]}
        assert set(obj) <= allowed, (name, set(obj) - allowed)
    assert aci_cost.read_scenario(s.to_json()) == s


@pytest.mark.parametrize("cls,field,bad", [
    ("Job", "productivity", "0.005"), ("Job", "crew_size", "0"), ("Job", "supervisors", "-1"),
    ("Travel", "trips", "100001"), ("Atelier", "occupancy", "1.01"), ("Atelier", "sales_cap_share", "0.51"),
    ("StaffGroup", "weekly_hours", "49"), ("HoursSplit", "leave", "1.5"), ("Subsidies", "aid_modulation_share", "0.11"),
    ("PricingOptions", "margin", "-1"), ("Output", "loss_share", "1"), ("EquipmentRate", "annual_hours", "8785"),
])
def test_a_value_outside_its_domain_is_refused_on_assignment_and_on_reading(cls, field, bad):
    row = next(r for r in schema.tables()[cls] if r["key"] == field)
    obj = CLASSES[cls]()
    # The error names Class.field and the value; its rule is the table's, the docs' text.
    with pytest.raises(ValueError) as e:
        setattr(obj, field, bad)
    assert str(e.value).startswith(f"{cls}.{field} = {bad}: ") and row["domain_rule"] in str(e.value)


def test_productivity_domain_is_one_text_everywhere():
    # job.productivity was "(0, 1]" in three places while the model required [0.01, 1].
    row = next(r for r in schema.tables()["Job"] if r["key"] == "productivity")
    assert row["domain_rule"] == "must be in [0.01, 1]"
    doc = (ROOT / "docs" / "scenario_format.md").read_text(encoding="utf-8")
    assert "must be in [0.01, 1]" in doc
    # The quote sweep's descriptor references the table (same ends, same rule).
    spec = next(i for i in aci_cost._core.quote.quote_input_table() if i["name"] == "job.productivity")
    assert (spec["low"], spec["high"], spec["low_open"], spec["high_open"]) == (0.01, 1.0, False, False)
    s = aci_cost.default_scenario()
    job = s.job("park_maintenance")
    job.productivity = D("0.01")  # the closed end itself is valid
    with pytest.raises(ValueError, match=r"must be in \[0\.01, 1\]"):
        job.productivity = D("0.0099999999999999999999")  # exact: no double rounding at the end
