import json

import pytest

import aci_cost


def test_round_trip(scenario):
    text = scenario.to_json()
    back = aci_cost.read_scenario(text)
    assert back == scenario
    assert back.to_json() == text
    assert json.loads(text)["format"] == aci_cost.SCENARIO_FORMAT


def test_default_is_labelled(scenario):
    assert scenario.aci.ateliers[0].support == "green_spaces"
    assert [j.name for j in scenario.jobs] == ["park_maintenance", "brush_clearing"]


@pytest.mark.parametrize("pointer,value,path", [
    (("jobs", 0, "productivity"), 1.5, r"\$\.jobs\[0\]\.productivity = 1\.5"),
    (("jobs", 0, "materials", 0, "amount"), 180.5, r"\$\.jobs\[0\]\.materials\[0\]\.amount = 180\.5"),
    (("aci", "ateliers", 0, "support"), "boats", r'\$\.aci\.ateliers\[0\]\.support = "boats"'),
    (("jobs", 0, "date"), "2026-13-01", r'\$\.jobs\[0\]\.date = "2026-13-01"'),
])
def test_errors_carry_the_json_path(scenario, pointer, value, path):
    doc = json.loads(scenario.to_json())
    node = doc
    for key in pointer[:-1]:
        node = node[key]
    node[pointer[-1]] = value
    with pytest.raises(aci_cost.ScenarioError, match=path):
        aci_cost.read_scenario(json.dumps(doc))


def test_malformed_json():
    with pytest.raises(ValueError, match="malformed JSON"):
        aci_cost.read_scenario("{")


def test_load_scenario(tmp_path, scenario):
    p = tmp_path / "s.json"
    p.write_text(scenario.to_json(), encoding="utf-8")
    assert aci_cost.load_scenario(p) == scenario


def test_every_json_reader_turns_bad_text_into_a_value_error():
    # One place maps JSON errors (io::parse_json): malformed text and out-of-range numbers alike.
    from aci_cost import _core

    for text, what in (('{"x": 1e400}', "number overflow"), ("[1,", "malformed JSON")):
        for read in (aci_cost.read_scenario, _core.sweep.check_sweep_spec, aci_cost.Quote.from_json):
            with pytest.raises(aci_cost.ScenarioError, match=what):
                read(text)
