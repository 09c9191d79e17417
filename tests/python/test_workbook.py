"""The Excel workbook (aci_cost.workbook, openpyxl): one sheet each for the forecast and realised
years, the variances, the quotes and the allocation, amounts as numbers with the euro format, a
cover with the sources and assumptions — checked by reading the file back: the same figures."""
import datetime as dt
import sys
from decimal import Decimal as D
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import aci_cost
from aci_cost import actuals, workbook

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import make_actuals_data as gen  # noqa: E402


@pytest.fixture(scope="module")
def season(tmp_path_factory):
    d = tmp_path_factory.mktemp("season")
    s = aci_cost.default_scenario()
    out = gen.season(d, s, dt.date(2026, 1, 1))
    r = actuals.realised_year(out["fec"], s, hours=out["hours"])
    v = actuals.variances(r)
    path = workbook.write(d / "year.xlsx", s, realised=r, variances=v)
    return s, r, v, path


def test_the_workbook_reads_back_with_the_same_figures(season):
    s, r, v, path = season
    w = workbook.read(path)
    assert list(w) == list(workbook.SHEETS)
    pd.testing.assert_frame_equal(w["Forecast"], aci_cost.budget.frame(r.forecast), check_dtype=False)
    pd.testing.assert_frame_equal(w["Realised"], r.frame(), check_dtype=False)
    back = w["Variances"]
    for col in ("forecast", "actual", "variance"):
        assert back[col].tolist() == v.lines[col].tolist(), col
    assert back["key"].tolist() == v.lines["key"].tolist()
    jobs = w["Jobs"].set_index("job")
    assert jobs.loc["park_maintenance", "variance"] == v.jobs.set_index("job").loc["park_maintenance", "variance"]
    q = aci_cost.quote(s, "park_maintenance")
    quotes = w["Quotes"].set_index("job")
    assert quotes.loc["park_maintenance", "price_ht"] == q.price.ht == D("956.54")  # docs/worked_example.py
    assert quotes.loc["park_maintenance", "full_cost"] == q.full_cost
    tb = w["Trial balance"]
    assert tb["debit"].sum() == tb["credit"].sum() == r.fec.balance.debit
    assert w["Unplaced"]["account"].tolist() == ["791000"]
    assert w["Hour costs"]["actual"].tolist() == v.hour_costs["actual"].tolist()


def test_money_is_numbers_with_the_euro_format(season):
    *_, path = season
    wb = load_workbook(path)
    ws = wb["Realised"]
    header = [c.value for c in ws[1]]
    amount = header.index("amount") + 1
    cells = [ws.cell(row=i, column=amount) for i in range(2, ws.max_row + 1)]
    assert all(isinstance(c.value, (int, float)) for c in cells)  # numbers, not text: Excel sums them
    assert {c.number_format for c in cells} == {workbook.EURO_FORMAT}
    assert ws.cell(row=2, column=amount).value == pytest.approx(243902.47)  # salaries 239,589.85 (docs/worked_example.py) x 1.018, to the cent


def test_the_cover_names_the_sources_and_assumptions(season):
    s, r, _, path = season
    cover = workbook.read(path)["Cover"].set_index("item")["value"]
    assert r.fec.source in cover["accounts (FEC)"] and "1 entries" not in cover["accounts (FEC)"]
    assert cover["hours"] == "hours.csv"
    assert cover["total debit = total credit"] == r.fec.balance.debit
    assert cover["Espaces verts: relative productivity"].startswith("0.6")
    assert any(str(i).startswith("mapping 7411") for i in cover.index)  # an [assumption] of the mapping
    assert any(str(i).startswith("smic_hourly from 2026-01-01") for i in cover.index)


def test_a_forecast_only_workbook_and_the_structure_allocation(tmp_path):
    s = aci_cost.load_scenario(ROOT / "examples" / "multi_atelier.json")
    w = workbook.read(workbook.write(tmp_path / "f.xlsx", s, date="2026-01-01"))
    assert w["Realised"].empty and w["Variances"].empty
    alloc = w["Allocation"]
    a = aci_cost.allocation.of_scenario(s, date="2026-01-01")
    assert alloc["charge"].tolist() == a.charges
    for k, centre in enumerate(a.centres):
        assert alloc[centre].tolist() == [row[k] for row in a.primary]
