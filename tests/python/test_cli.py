import decimal
import json
import subprocess
import sys
from decimal import Decimal as D

import pytest

import aci_cost
from aci_cost import cli
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


def _raising(error: BaseException):
    def command(args):
        raise error
    return command


@pytest.mark.parametrize("error,status,shown", [
    (aci_cost.InvalidInput("job.crew_size = 0: must be >= 1"), 2, "aci_cost: error: job.crew_size = 0: must be >= 1"),
    (aci_cost.ScenarioError("$.jobs = {}: expected an array"), 2, "aci_cost: error: $.jobs = {}: expected an array"),
    (FileNotFoundError(2, "No such file or directory", "s.json"), 2,
     "aci_cost: error: [Errno 2] No such file or directory: 's.json'"),
    (aci_cost._core.Cancelled("stopped"), 130, "aci_cost: interrupted"),
    (KeyboardInterrupt(), 130, "aci_cost: interrupted"),
])
def test_main_reports_the_documented_errors_in_one_line(monkeypatch, capsys, error, status, shown):
    monkeypatch.setattr(cli, "_cmd_quote", _raising(error))
    assert main(["quote"]) == status
    assert capsys.readouterr().err == shown + "\n"


@pytest.mark.parametrize("error", [RuntimeError("a broken invariant"), TypeError("unsupported operand"),
                                   KeyError("total"), AssertionError(), OverflowError("int too large"),
                                   decimal.InvalidOperation()])
def test_main_lets_a_bug_keep_its_traceback(monkeypatch, error):
    # Not one of the library's documented errors: a logic error, which an exit status 2 and one
    # line would hide (cli.main caught RuntimeError, TypeError, OverflowError and InvalidOperation).
    monkeypatch.setattr(cli, "_cmd_quote", _raising(error))
    with pytest.raises(type(error)):
        main(["quote"])
