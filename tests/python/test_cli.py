import json
import subprocess
import sys
from decimal import Decimal as D

import aci_cost
from aci_cost.cli import main


def test_quote_json_on_the_default(capsys):
    assert main(["quote", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    park = doc["quotes"][0]
    assert park["job"] == "park_maintenance"
    assert park["full_cost"] == "4484.33" and park["price"]["ttc"] == "1147.85"  # docs/worked_example.py
    assert sum(D(line["amount"]) for line in park["cost_lines"]) == D(park["full_cost"])


def test_quote_table_for_one_job(capsys):
    assert main(["quote", "--job", "brush_clearing"]) == 0
    out = capsys.readouterr().out
    assert "Quote: brush_clearing" in out and "FULL COST" in out and "€" in out


def test_scenario_file_and_errors(tmp_path, capsys):
    p = tmp_path / "s.json"
    p.write_text(aci_cost.default_scenario().to_json().replace('"crew_size": 6', '"crew_size": 0'))
    assert main(["quote", str(p)]) == 2
    assert "$.jobs[0].crew_size = 0" in capsys.readouterr().err


def test_module_entry_point():
    r = subprocess.run([sys.executable, "-m", "aci_cost", "quote", "--json"], capture_output=True, text=True,
                       check=True)
    assert json.loads(r.stdout)["quotes"][1]["job"] == "brush_clearing"


def test_scenario_command_prints_the_default(capsys):
    assert main(["scenario"]) == 0
    assert aci_cost.read_scenario(capsys.readouterr().out) == aci_cost.default_scenario()


def test_scenario_check_runs_everything_and_names_a_bad_field(tmp_path, capsys):
    assert main(["scenario", "--check"]) == 0
    # park: below_market_floor, below_full_cost, 3 rate_latest_known (socle, RSA, CCN point), 6
    # rate_to_check (RSA share, CCN point, 4 classes) = 11; clearing (September) the same + rate_unconfirmed.
    assert capsys.readouterr().out == ("ok: 2 quote(s) with 23 warning(s), the year of 1 atelier(s), "
                                       "53 training week(s) simulated\n")
    doc = json.loads(aci_cost.default_scenario().to_json())
    doc["jobs"][1]["date"] = "2019-06-01"  # read fine; no 2019 figures to quote it with
    p = tmp_path / "s.json"
    p.write_text(json.dumps(doc))
    assert main(["scenario", str(p), "--check"]) == 2
    assert "= 2019-06-01: no figure in force at this date" in capsys.readouterr().err
