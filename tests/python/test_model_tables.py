"""Every copy of the training model's inputs agrees with its descriptor table
(include/aci_cost/training/inputs.hpp, exported as _core.training.training_input_table()): the Python
records, the JSON reader and writer, the batch parameters and outputs, the sweep evaluator's
inputs, the validation of each domain end, and the generated docs table."""
from __future__ import annotations

import importlib.util
import json
import math
from pathlib import Path

import numpy as np
import pytest

import aci_cost
from aci_cost import _core

ROOT = Path(__file__).resolve().parents[2]
TABLE = _core.training.training_input_table()
OUTPUTS = _core.training.training_output_table()


def _get(model, path):
    obj = model
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def _set(model, path, value):
    group, field = path.split(".")
    setattr(getattr(model, group), field, value)


def test_the_table_has_every_input_once():
    paths = [r["path"] for r in TABLE]
    batch = [r["batch_name"] for r in TABLE]
    assert len(set(paths)) == len(paths) == len(set(batch)) >= 19
    assert tuple(batch) == _core.training.TRAINING_BATCH_PARAMETERS


@pytest.mark.parametrize("row", TABLE, ids=[r["path"] for r in TABLE])
def test_record_json_and_batch_follow_the_table(row):
    base = aci_cost.TrainingModel()
    default = _get(base, row["path"])
    assert isinstance(default, float)
    assert row["low"] <= default <= row["high"]
    # A value inside the domain, distinct from the default, read back through every copy.
    value = row["low"] + 0.5 if math.isinf(row["high"]) else (row["low"] + row["high"]) / 2
    if row["path"] == "workforce.absence_spread":
        base.workforce.absence = 0.5
        value = 0.25
    if row["path"] == "workforce.accompaniment":
        base.workforce.absence, base.workforce.absence_spread, value = 0.1, 0.0, 0.5
    _set(base, row["path"], value)
    base.validate()
    doc = json.loads(base.to_json())
    group, field = row["path"].split(".")
    assert doc[group][field] == value  # the writer puts it at its path
    again = aci_cost.read_scenario(json.dumps({**json.loads(aci_cost.default_scenario().to_json()),
                                               "training": {"atelier": "Espaces verts", "derive_from_atelier": False,
                                                            "model": doc}})).training.model
    assert _get(again, row["path"]) == value  # and the reader takes it from there
    # The batch vector of that name sets that input: one scenario equals the model run.
    out = _core.training.simulate_training_batch(aci_cost.TrainingModel(), {row["batch_name"]: np.array([value])}, 1) \
        if row["path"] not in ("workforce.absence_spread", "workforce.accompaniment") else None
    if out is not None:
        one = aci_cost.TrainingModel()
        _set(one, row["path"], value)
        _weeks, summary = _core.training.simulate_training(one, 0)
        assert out["delivered_share"][0] == summary.delivered_share
        assert out["training_debt"][0] == summary.training_debt


@pytest.mark.parametrize("row", TABLE, ids=[r["path"] for r in TABLE])
def test_validation_enforces_the_domain_ends(row):
    for end, is_open in ((row["low"], row["low_open"]), (row["high"], row["high_open"])):
        if math.isinf(end):
            continue
        m = aci_cost.TrainingModel()
        m.workforce.absence, m.workforce.absence_spread, m.workforce.accompaniment = 0.0, 0.0, 0.0
        _set(m, row["path"], end)  # (the joint rules hold with the partners at 0)
        if is_open:
            with pytest.raises(ValueError, match=row["path"].replace(".", r"\.")) as e:
                m.validate()
            assert row["domain_rule"] in str(e.value)
        else:
            m.validate()


def test_the_sweep_evaluator_lists_the_table():
    inputs = _core.sweep.sweep_inputs(_core.scenario.default_scenario(), "training")
    assert [i["name"] for i in inputs] == ["training." + r["path"] for r in TABLE]
    keys = ("low", "high", "low_open", "high_open", "rule", "unit")
    for i, r in zip(inputs, TABLE):
        assert tuple(i[k] for k in keys) == tuple(r[k] for k in keys), i["name"]
    assert _core.sweep.sweep_outputs(_core.scenario.default_scenario(), "training") == [o["name"] for o in OUTPUTS]


def test_the_batch_returns_the_table_outputs():
    out = _core.training.simulate_training_batch(aci_cost.TrainingModel(), {}, 2)
    assert list(out) == [o["name"] for o in OUTPUTS]


def test_the_docs_table_is_generated_from_the_table():
    spec = importlib.util.spec_from_file_location("model_tables", ROOT / "scripts" / "model_tables.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "model_inputs.md").read_text(encoding="utf-8") == module.render(), \
        "docs/model_inputs.md is out of date: run scripts/model_tables.py"
