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
    # docs/worked_example.py, section 6 (exact fractions, largest remainder per side).
    assert [(line.key, line.amount) for line in a.charges] == [
        ("salaries", D("239589.85")), ("social_contributions", D("29835.94")), ("other_staff_costs", D("7398.20")),
        ("overheads", D("32000.00")), ("structure", D("0.00")), ("statutory_auditor", D("5000.00")),
        ("other_charges", D("16000.00")), ("equipment", D("6370.00")), ("vehicles", D("16500.00"))]
    assert [(line.key, line.amount) for line in a.products] == [
        ("sales", D("72000.00")), ("aid_state", D("162343.83")), ("aid_departement", D("34136.26")),
        ("departement_grants", D("30000.00")), ("region", D("12000.00")), ("fse_plus", D("20000.00")),
        ("opco", D("4000.00")), ("other_grants", D("25000.00"))]
    assert a.charges_total == D("352693.99") and a.products_total == D("359480.09")
    assert a.result == D("6786.10")  # +1.9 % of the charges: balanced within the published band
    # No deficit; the June 2026 SMIC is reported, not used (docs/default_aci.md).
    assert [w.code for w in a.warnings] == ["rate_unconfirmed"]


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
    assert jobs.subsidies.sum() <= sum(line.amount for line in y.ateliers[0].products[1:])


def test_year_cli(capsys):
    assert main(["year"]) == 0
    out = capsys.readouterr().out
    assert "TOTAL CHARGES" in out and "352 693,99" in out and "6 786,10" in out
    assert main(["year", "--json", "--date", "2026-01-01"]) == 0
    doc = json.loads(capsys.readouterr().out)
    lines = {(r["atelier"], r["side"], r["key"]): D(r["amount"]) for r in doc["lines"]}
    assert lines[("Espaces verts", "result", "result")] == D("6786.10")
    assert doc["jobs"][0]["price_ht"] == "956.54"  # docs/worked_example.py: the fair-zone price


def test_year_bad_date(capsys):
    assert main(["year", "--date", "2021-01-01"]) == 2
    assert "rates.smic_hourly = 2021-01-01" in capsys.readouterr().err
