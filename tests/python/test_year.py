"""The ACI's year from Python: the statement against docs/worked_example.py, the balance to the
cent, the frames, and the CLI."""
import json
import re
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import aci_cost
from aci_cost.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _worked_example_year() -> tuple[list[tuple[str, D]], D, list[tuple[str, D]], D, D]:
    """Section 6 of docs/worked_example.py, which derives the year without the library (exact
    fractions; each side's lines shown by largest remainder, adding up to its rounded exact total):
    the shown charges and their total, the shown products and their total, and the result."""
    out = subprocess.run([sys.executable, str(ROOT / "docs" / "worked_example.py")], capture_output=True, text=True,
                         check=True).stdout
    section = out.split("6. The atelier's forecast year", 1)[1]
    sides: list[tuple[list[tuple[str, D]], D]] = []
    lines: list[tuple[str, D]] = []
    for m in re.finditer(r"^    shown (\w+) +(-?[\d.]+)", section, flags=re.M):
        if m.group(1) == "TOTAL":
            sides.append((lines, D(m.group(2))))
            lines = []
        else:
            lines.append((m.group(1), D(m.group(2))))
    (charges, charges_total), (products, products_total) = sides
    result = re.search(r"^  result = products - charges = ([\d.]+) - ([\d.]+) = (-?[\d.]+)", section, flags=re.M)
    assert result is not None and (D(result.group(1)), D(result.group(2))) == (products_total, charges_total)
    return charges, charges_total, products, products_total, D(result.group(3))


def test_default_year_statement_is_the_worked_examples(scenario):
    y = aci_cost.budget.year(scenario)
    assert y.date.isoformat() == "2026-01-01"
    a = y.ateliers[0]
    # The library's statement line for line, each total and the result against the derivation.
    charges, charges_total, products, products_total, result = _worked_example_year()
    assert [(line.key, line.amount) for line in a.charges] == charges
    assert [(line.key, line.amount) for line in a.products] == products
    assert (a.charges_total, a.products_total, a.result) == (charges_total, products_total, result)
    # The figures the derivation prints today: a change of rates moves both, and shows here.
    assert (charges_total, products_total) == (D("352693.99"), D("359480.09"))
    assert result == D("6786.10")  # +1.9 % of the charges: balanced within the published band
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
