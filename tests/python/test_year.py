"""The ACI's year from Python: the statement against docs/worked_example.py, the balance to the
cent, the frames, and the CLI."""
import json
from decimal import Decimal as D

import aci_cost
from aci_cost.cli import main


def test_default_year_statement(scenario):
    y = aci_cost.budget.year(scenario)
    assert y.date.isoformat() == "2026-01-01"
    a = y.ateliers[0]
    assert [(l.key, l.amount) for l in a.charges] == [
        ("salaries", D("244360.91")), ("social_contributions", D("30489.91")), ("other_staff_costs", D("4464.00")),
        ("overheads", D("30000.00")), ("structure", D("0.00")), ("other_charges", D("15000.00")), ("equipment", D("6370.00")),
        ("vehicles", D("9000.00"))]
    assert a.charges_total == D("339684.82") and a.products_total == D("275689.09")
    assert a.result == D("-63995.73")
    assert [w.code for w in a.warnings] == ["deficit"]


def test_frames_add_up(scenario):
    y = aci_cost.budget.year(scenario)
    f = aci_cost.budget.frame(y)
    total = f[f.atelier == "total"]
    charges = total[total.side == "charges"].amount.sum()
    products = total[total.side == "products"].amount.sum()
    result = total[total.side == "result"].amount.iloc[0]
    assert charges == y.charges_total and products == y.products_total and result == y.result
    jobs = aci_cost.budget.jobs_frame(y)
    assert list(jobs.job) == ["park_maintenance", "brush_clearing"]
    assert jobs.subsidies.sum() <= sum(l.amount for l in y.ateliers[0].products[1:])


def test_year_cli(capsys):
    assert main(["year"]) == 0
    out = capsys.readouterr().out
    assert "TOTAL CHARGES" in out and "339 684,82" in out and "deficit" in out
    assert main(["year", "--json", "--date", "2026-01-01"]) == 0
    doc = json.loads(capsys.readouterr().out)
    lines = {(r["atelier"], r["side"], r["key"]): D(r["amount"]) for r in doc["lines"]}
    assert lines[("Espaces verts", "result", "result")] == D("-63995.73")
    assert doc["jobs"][0]["price_ht"] == "4641.73"


def test_year_bad_date(capsys):
    assert main(["year", "--date", "2021-01-01"]) == 2
    assert "rates.smic_hourly = 2021-01-01" in capsys.readouterr().err
