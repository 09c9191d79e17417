"""A real ACI's own data from Python: the FEC read and checked (each malformed file refused naming
its line and column), the realised year of an ACI that ran to plan equal to its forecast to the
cent (every scenario the library ships), unplaced accounts reported, the hours, the variances
against figures derived by hand, calibration from realised jobs, and the CLI."""
import datetime as dt
import json
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal as D
from pathlib import Path

import pandas as pd
import pytest

import aci_cost
from aci_cost import actuals
from aci_cost._core.scenario import DEFAULT_SCENARIOS

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import make_actuals_data as gen  # noqa: E402

START = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def to_plan(tmp_path_factory):
    """The default ACI's to-plan FEC and hours, and the malformed files."""
    d = tmp_path_factory.mktemp("to_plan")
    out = gen.to_plan(d, aci_cost.default_scenario(), START)
    out["malformed"] = gen.malformed(d / "malformed", out["fec"].read_text(encoding="utf-8"))
    return out


def write(path: Path, rows, sep="\t", encoding="utf-8", newline="\n") -> Path:
    path.write_bytes(newline.join(sep.join(r) for r in rows).encode(encoding) + newline.encode())
    return path


def fec_rows(extra_columns=(), lines=()):
    """A small FEC: a sale of 1,000.00 + VAT to atelier "Espaces verts" and its payment."""
    header = list(actuals.FEC_COLUMNS) + list(extra_columns)

    def line(j, n, day, account, label, debit, credit, *extra):
        return [j, j, n, day, account, label, "", "", "P1", day, "lib", debit, credit, "", "", day, "", "", *extra]

    rows = [header] + [line(*x) for x in lines]
    return rows or [header]


SALE = [("VE", "1", "20260315", "411000", "Clients", "1200,00", "0,00", ""),
        ("VE", "1", "20260315", "706000", "Prestations", "0,00", "1000,00", "Espaces verts"),
        ("VE", "1", "20260315", "445710", "TVA", "0,00", "200,00", "")]


# ---- the to-plan round trip ----------------------------------------------------------------------

def statement(y):
    """What a year states (the realised year places no job: the forecast's jobs are left aside)."""
    return [(a.atelier, a.charges, a.charges_total, a.products, a.products_total, a.result, a.sales_cap,
             a.work_hours_capacity) for a in y.ateliers] + [(y.charges, y.products, y.result)]


@pytest.mark.parametrize("name", DEFAULT_SCENARIOS)
def test_an_aci_that_ran_to_plan_realises_its_forecast_to_the_cent(tmp_path, name):
    s = aci_cost.default_scenario(name)
    out = gen.to_plan(tmp_path, s, START)
    r = actuals.realised_year(out["fec"], s, hours=out["hours"])
    assert r.fec.source.endswith("FEC20261231.txt")
    pd.testing.assert_frame_equal(r.frame(), aci_cost.budget.frame(r.forecast))
    assert statement(r.year) == statement(r.forecast)
    assert r.result.unplaced == [] and r.result.accounts_result == r.forecast.result
    v = actuals.variances(r)
    assert (v.lines["variance"] == 0).all()
    assert (v.hour_costs["variance"] == 0).all()
    assert (v.training["difference"] == 0).all() and (v.supervision["difference"] == 0).all()
    assert len(v.jobs) == len(s.jobs)
    for col in ("variance", "rate_variance", "productivity_variance", "hours_variance"):
        assert (v.jobs[col] == 0).all(), col
    # The planned hours are the hours file's, atelier by atelier.
    assert r.actual_hours == r.planned


def test_every_line_of_the_forecast_has_an_account_the_mapping_places():
    """The generator posts each line of the forecast year on POSTINGS' accounts; a line key with
    no account (a line the lead adds to the year) must fail here, as must an account the default
    mapping places on another line."""
    gen.check_postings()
    for name in DEFAULT_SCENARIOS:
        y = aci_cost.budget.year(aci_cost.default_scenario(name), START)
        for line in [*y.charges, *y.products]:
            assert line.key in gen.POSTINGS, f"forecast line {line.key!r} has no account in POSTINGS"
    saved = gen.POSTINGS.pop("vehicles")
    try:
        with pytest.raises(ValueError, match="forecast line 'vehicles' has no account"):
            gen.make_fec(aci_cost.default_scenario(), START)
    finally:
        gen.POSTINGS["vehicles"] = saved
    gen.POSTINGS["vehicles"] = [("615500", "Entretien", "1")]  # placed on equipment by the mapping
    try:
        with pytest.raises(ValueError, match=r"POSTINGS\['vehicles'\] account 615500: the mapping places it on "
                                             r"'equipment'"):
            gen.check_postings()
    finally:
        gen.POSTINGS["vehicles"] = saved


def test_the_generated_fec_is_traceable_and_realistic(to_plan):
    fec = actuals.read_fec(to_plan["fec"])
    f = fec.frame
    assert fec.separator == "\t" and fec.analytic_column == "CodeAnalytique"
    # Every class 6/7 line names the forecast line and month it comes from.
    income = f[f["CompteNum"].str[0].isin(["6", "7"])]
    assert income["EcritureLib"].str.fullmatch(r"\w+ Espaces verts \d\d/12 \(forecast [\d,]+\)").all()
    # Twelve monthly salary documents add up to the forecast line 239,589.85 (docs/worked_example.py).
    salaries = income[income["CompteNum"] == "641100"]
    assert len(salaries) == 12
    assert sum(D(x.replace(",", ".")) for x in salaries["Debit"]) == D("239589.85")
    # The entries are in date order (A47 A-1: the chronological order of validation).
    assert f["EcritureDate"].is_monotonic_increasing
    assert fec.balance.debit == fec.balance.credit


def test_the_200k_line_fec_realises_the_forecast(tmp_path):
    """The benchmark's file (benchmarks/actuals_fec.py times it): at least 200,000 lines, the same totals."""
    s = aci_cost.default_scenario()
    out = gen.to_plan(tmp_path, s, START, lines=200_000)
    fec = actuals.read_fec(out["fec_big"], year_end="2026-12-31")
    assert fec.balance.lines >= 200_000
    r = actuals.realised_year(fec, s)
    assert [a.charges + a.products for a in r.year.ateliers] == [a.charges + a.products for a in r.forecast.ateliers]


# ---- the malformed files ---------------------------------------------------------------------

@pytest.mark.parametrize("name", ["fec_unbalanced.txt", "fec_bad_date.txt", "fec_wrong_separator.txt",
                                  "fec_missing_column.txt", "fec_unknown_account.txt"])
def test_each_malformed_file_gives_one_error_naming_its_line_and_column(to_plan, name):
    path, line, column = to_plan["malformed"][name]
    with pytest.raises(ValueError, match=rf"^{name} line {line}, column {column} = ") as e:
        actuals.read_fec(path, year_end="2026-12-31")
    assert isinstance(e.value, aci_cost.InvalidInput)


def test_more_refusals_name_the_line_column_and_value(tmp_path):
    rows = fec_rows(["CodeAnalytique"], SALE)
    bad = [r[:] for r in rows]
    bad[2][3] = "20270315"  # outside the fiscal year
    with pytest.raises(ValueError, match=r"x.txt line 3, column EcritureDate = '20270315': outside the fiscal year "
                                         r"2026-01-01 to 2026-12-31"):
        actuals.read_fec(write(tmp_path / "x.txt", bad), year_start="2026-01-01")
    bad = [r[:] for r in rows]
    bad[1][15] = ""  # ValidDate is required
    with pytest.raises(ValueError, match=r"x.txt line 2, column ValidDate = '': missing"):
        actuals.read_fec(write(tmp_path / "x.txt", bad))
    bad = [r[:] for r in rows]
    bad[3] = bad[3] + ["extra"]
    with pytest.raises(ValueError, match=r"x.txt line 4, column 20 = 'extra': 20 fields where the header has 19"):
        actuals.read_fec(write(tmp_path / "x.txt", bad))
    path = write(tmp_path / "x.txt", rows)
    path.write_text(path.read_text().replace("\n", "\n\n", 1))
    with pytest.raises(ValueError, match=r"x.txt line 2, column 1 = \"\": an empty line"):
        actuals.read_fec(path)
    bad = [r[:] for r in rows]
    bad[2] = bad[2][:16]
    with pytest.raises(ValueError, match=r"x.txt line 3, column 17 = missing: 16 fields where the header has 19"):
        actuals.read_fec(write(tmp_path / "x.txt", bad))
    bad = [r[:] for r in rows]
    bad[1][11] = "1.200,00"
    with pytest.raises(ValueError, match=r'x.txt line 2, column Debit = "1.200,00": '):
        actuals.read_fec(write(tmp_path / "x.txt", bad))
    bad = [r[:] for r in rows]
    bad[2][-1] = "Jardin"
    with pytest.raises(ValueError, match=r"x.txt line 3, column CodeAnalytique = \"Jardin\": not an atelier"):
        actuals.realised_year(write(tmp_path / "x.txt", bad))


def test_separators_encodings_and_extra_columns(tmp_path):
    rows = fec_rows(["CodeEtablissement", "CodeAnalytique"], [(*x[:7], "E1", x[7]) for x in SALE])
    rows[2][5] = "Prestations de service été"  # an accented label
    for sep, encoding, newline in [("|", "utf-8", "\n"), ("\t", "iso-8859-15", "\r\n"), ("|", "utf-8-sig", "\r\n")]:
        fec = actuals.read_fec(write(tmp_path / "y.txt", rows, sep, encoding, newline), year_end="2026-12-31")
        assert fec.separator == sep and fec.analytic_column == "CodeAnalytique"
        assert list(fec.frame.columns[-2:]) == ["CodeEtablissement", "CodeAnalytique"]  # extra columns kept
        tb = fec.trial_balance()
        assert tb.loc[tb.account == "706000", "label"].iat[0] == "Prestations de service été"
        assert tb.loc[tb.account == "706000", "balance"].iat[0] == D("-1000.00")
        assert fec.encoding == ("utf-8" if encoding != "iso-8859-15" else "iso-8859-15")
    # The analytic column can be named, or refused.
    fec = actuals.read_fec(tmp_path / "y.txt", analytic="CodeEtablissement", year_end="2026-12-31")
    assert fec.analytic_column == "CodeEtablissement"
    with pytest.raises(ValueError, match="read_fec.analytic = 'Section'"):
        actuals.read_fec(tmp_path / "y.txt", analytic="Section")


def test_the_fiscal_year_from_the_file_name_or_the_dates(tmp_path):
    rows = fec_rows([], [x[:7] for x in SALE])
    # <SIREN>FEC<closing date>: a year closing on 30 June 2026 starts on 1 July 2025.
    fec = actuals.read_fec(write(tmp_path / "123456789FEC20260630.txt", rows))
    assert (fec.year_start, fec.year_end) == (dt.date(2025, 7, 1), dt.date(2026, 6, 30))
    fec = actuals.read_fec(write(tmp_path / "export.txt", rows))  # twelve months from the first entry's month
    assert (fec.year_start, fec.year_end) == (dt.date(2026, 3, 1), dt.date(2027, 2, 28))


# ---- unplaced accounts, the mapping ----------------------------------------------------------------

def test_an_account_no_rule_places_is_reported_never_dropped(tmp_path, to_plan):
    text = to_plan["fec"].read_text(encoding="utf-8").rstrip("\n").split("\n")
    day = "20260630"
    extra = [["OD", "OD", "OD999", day, "467000", "Débiteurs", "", "", "X", day, "IJSS", "1200,00", "0,00", "", "",
              day, "", "", ""],
             ["OD", "OD", "OD999", day, "791000", "Transferts", "", "", "X", day, "IJSS", "0,00", "1200,00", "", "",
              day, "", "", "Espaces verts"],
             ["OD", "OD", "OD998", day, "694000", "Autre", "", "", "X", day, "?", "10,00", "0,00", "", "", day, "",
              "", ""],
             ["OD", "OD", "OD998", day, "512000", "Banque", "", "", "X", day, "?", "0,00", "10,00", "", "", day, "",
              "", ""]]
    path = tmp_path / "999999998FEC20261231.txt"
    path.write_text("\n".join(text + ["\t".join(e) for e in extra]) + "\n", encoding="utf-8")
    r = actuals.realised_year(path)
    u = r.unplaced_frame()
    assert list(u["account"]) == ["791000"]  # 694000 is placed: 69 -> other_charges
    assert u["amount"].iat[0] == D("1200.00") and "ANC 2022-06" in u["reason"].iat[0]
    assert r.result.accounts_result == r.year.result + D("1200.00")
    assert r.year.result == r.forecast.result - D("10.00")


def test_a_mapping_file_moves_accounts(tmp_path, to_plan):
    m = tmp_path / "map.json"
    m.write_text(json.dumps({"format": actuals.MAPPING_FORMAT, "extends": "aci_default", "name": "ours",
                             "rules": [{"prefix": "6251", "key": "overheads", "source": "our chart"}]}))
    r = actuals.realised_year(to_plan["fec"], mapping=m)
    lines = {line.key: line.amount for line in r.year.charges}
    assert lines["vehicles"] == 0 and lines["overheads"] == D("48500.00")  # 32,000 + 16,500 (the default's vans)
    assert r.year.charges_total == r.forecast.charges_total
    frame = actuals.mapping_frame(actuals.load_mapping(m))
    assert frame.loc[frame.prefix == "6251", "source"].iat[0] == "our chart"
    with pytest.raises(ValueError, match=r"mapping.rules\[0\].key = \"salaries\": a class-7 account"):
        m.write_text(json.dumps({"format": actuals.MAPPING_FORMAT, "rules": [{"prefix": "70", "key": "salaries"}],
                                 "charge_keys": ["salaries"], "product_keys": ["sales"]}))
        actuals.load_mapping(m)


def test_the_default_mapping_is_documented_rule_by_rule():
    doc = (ROOT / "docs" / "actuals.md").read_text(encoding="utf-8")
    for r in actuals.default_mapping().rules:
        row = f"| {r.prefix}{' (' + r.code + ')' if r.code else ''} | {r.key} |"
        assert row in doc, f"docs/actuals.md lacks the rule {row}"


def test_without_an_analytic_column_lines_are_spread_as_the_forecast_spreads_them(tmp_path):
    s = aci_cost.load_scenario(ROOT / "examples" / "multi_atelier.json")
    out = gen.to_plan(tmp_path, s, START)
    r = actuals.realised_year(actuals.read_fec(out["fec"], analytic=None), s)
    # Every line is shared; each is spread by the forecast's weights of its line. The structure's
    # charges are where their accounts place them (salaries, overheads): the totals still agree.
    assert r.year.charges_total == r.forecast.charges_total and r.year.result == r.forecast.result
    shared = r.shared_frame()
    assert set(shared["basis"]) >= {"forecast salaries", "forecast sales"}
    for a, f in zip(r.year.ateliers, r.forecast.ateliers):
        assert {line.key: line.amount for line in a.products} == {line.key: line.amount for line in f.products}


# ---- hours ----------------------------------------------------------------------------------------

def test_hours_by_atelier_and_job_by_hand(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("date;atelier;job;staff;hours;kind\n"
                    "2026-03-02;green_spaces;park;CDDI crew;7,5;production\n"
                    "2026-03-02;Espaces verts;park;CDDI crew;1,25;travel\n"
                    "2026-03-02;Espaces verts;;CDDI crew;3;training\n"
                    "2026-03-02;Espaces verts;park;ETPS;2;production\n"
                    "2026-03-03;Espaces verts;;CDDI crew;7;unpaid_absence\n"
                    "2026-03-03;Espaces verts;;CDDI crew;0.5;paid_absence\n", encoding="utf-8")
    h = actuals.read_hours(path)
    s = aci_cost.default_scenario()
    [a] = h.by_atelier(s)
    # Insertion (paid): 7.5 + 1.25 + 3 + 0.5 = 12.25 (the unpaid 7 h aside); production 7.5 + 1.25.
    assert (a.insertion_hours, a.production_hours, a.training_hours, a.supervision_hours) == \
        (D("12.25"), D("8.75"), D("3"), D("2"))
    j = h.by_job(s).set_index("job").loc["park"]
    assert (j.on_site_hours, j.travel_hours, j.supervision_hours) == (D("7.5"), D("1.25"), D("2"))


@pytest.mark.parametrize("line,column,value,rule", [
    ("2026-02-30,Espaces verts,,CDDI crew,integration,7,production", "date", "2026-02-30", "not a date"),
    ("2026-03-02,Espaces verts,,CDDI crew,integration,7.555,production", "hours", "7.555", "at most 2 decimals"),
    ("2026-03-02,Espaces verts,,CDDI crew,integration,-1,production", "hours", "-1", "not hours"),
    ("2026-03-02,Espaces verts,,CDDI crew,integration,7,holiday", "kind", "holiday", "expected one of"),
    ("2026-03-02,Espaces verts,,CDDI crew,boss,7,production", "role", "boss", "expected one of"),
])
def test_hours_refusals_name_the_line_and_column(tmp_path, line, column, value, rule):
    path = tmp_path / "h.csv"
    path.write_text("date,atelier,job,staff,role,hours,kind\n2026-03-01,Espaces verts,,CDDI crew,integration,7,"
                    f"production\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"h.csv line 3, column {column} = '{value}': .*{rule}"):
        actuals.read_hours(path)


def test_hours_resolution_refusals(tmp_path):
    s = aci_cost.default_scenario()
    path = tmp_path / "h.csv"
    path.write_text("date,atelier,job,staff,hours,kind\n2026-03-01,Laundry,,CDDI crew,7,production\n")
    with pytest.raises(ValueError, match=r"h.csv line 2, column atelier = 'Laundry': not an atelier"):
        actuals.read_hours(path).by_atelier(s)
    path.write_text("date,atelier,job,staff,hours,kind\n2026-03-01,Espaces verts,,P-0042,7,production\n")
    with pytest.raises(ValueError, match=r"h.csv line 2, column staff = 'P-0042': no role given"):
        actuals.read_hours(path).by_atelier(s)
    path.write_text("date,atelier,job,staff,hours\n")
    with pytest.raises(ValueError, match=r"h.csv line 1 = .*column 'kind' missing"):
        actuals.read_hours(path)


# ---- variances, jobs, calibration ------------------------------------------------------------------

def test_a_year_off_plan_by_hand(tmp_path):
    s = aci_cost.default_scenario()
    out = gen.season(tmp_path, s, START)
    r = actuals.realised_year(out["fec"], s, hours=out["hours"])
    v = actuals.variances(r)
    line = v.lines.set_index(["atelier", "key"]).loc[("Espaces verts", "vehicles")]
    # Vehicles drifted by x1.12: 16,500.00 (30,000 km x 0.55) -> 18,480.00, +1,980.00, +12 %.
    assert (line.forecast, line.actual, line.variance, line.percent) == (D("16500.00"), D("18480.00"),
                                                                         D("1980.00"), D("12"))
    assert not line.favourable
    # Training: 82 % of the 708.99 planned hours delivered (581.37), the rest produced.
    t = v.training.iloc[0]
    assert (t.planned_hours, t.delivered_hours) == (D("708.99"), D("581.37"))
    # The park job took 138 h on site and 25.5 h travelling (quoted 120 + 22.5: a crew of 6); its atelier's rate
    # went from R_q to R_a: the parts follow the documented formulas, to the cent.
    j = v.jobs.set_index("job").loc["park_maintenance"]
    Rq, Ra = j.quoted_rate, j.actual_rate
    assert j.actual_on_site_hours == D("138") and j.actual_travel_hours == D("25.5")
    cent = lambda x: x.quantize(D("0.01"), ROUND_HALF_UP)  # noqa: E731 (the library rounds half away from 0)
    assert j.quoted_cost == cent(D("142.5") * Rq) and j.actual_cost == cent(D("163.5") * Ra)
    assert j.productivity_variance == cent(18 * Rq)  # (138 - 120) x R_q
    assert j.hours_variance == cent(3 * Rq)          # (120 + 25.5 - 142.5) x R_q
    assert j.rate_variance + j.productivity_variance + j.hours_variance == j.variance
    # The job's measured standard work, when given, moves the split between productivity and hours.
    w = actuals.variances(r, work={"park_maintenance": "80"}).jobs.set_index("job").loc["park_maintenance"]
    assert w.allowed_on_site_hours == D("133.33") and w.variance == j.variance
    with pytest.raises(ValueError, match="variances.work = 'mowing'"):
        actuals.variances(r, work={"mowing": 1})


def test_the_job_variance_example_of_the_docs():
    """docs/actuals.md's worked example, through the bindings (the C++ test derives it too)."""
    v = actuals.job_variance("park", "EV", actuals.JobHours(standard_hours=72, on_site_hours=120, travel_hours=15,
                                                            hourly_rate=D("29.70")),
                             actuals.JobHours(standard_hours=72, on_site_hours=138, travel_hours=18,
                                              hourly_rate=D("31.20")))
    assert (v.variance, v.rate_variance, v.productivity_variance, v.hours_variance) == \
        (D("857.70"), D("234.00"), D("534.60"), D("89.10"))


def test_calibration_from_realised_jobs_keeps_full_precision(tmp_path):
    """Noise-free realised jobs: standard hours = 0.4 + 0.000151 lawn_m2 + 0.0125 hedge_m, worked at
    the atelier's productivity 0.6 (on site = standard / 0.6, to the hundredth of an hour): the fit
    recovers the coefficients to the rounding of the hours, and equation() keeps their digits
    (0.000151 is not rounded to 0.0002)."""
    s = aci_cost.default_scenario()
    lawns = [2000, 4500, 7000, 9800, 12000, 15500, 18000, 20000, 3300, 11000]
    hedges = [0, 40, 120, 60, 200, 10, 90, 250, 300, 150]
    rows, work = ["date,atelier,job,staff,hours,kind"], []
    for i, (lawn, hedge) in enumerate(zip(lawns, hedges)):
        standard = D("0.4") + D("0.000151") * lawn + D("0.0125") * hedge
        rows.append(f"2026-05-{i + 1:02d},Espaces verts,m{i},CDDI crew,{(standard / D('0.6')).quantize(D('0.01'))},"
                    "production")
        work.append({"job": f"m{i}", "lawn_m2": lawn, "hedge_m": hedge})
    (tmp_path / "h.csv").write_text("\n".join(rows) + "\n")
    fit = actuals.fit_time_equation(tmp_path / "h.csv", pd.DataFrame(work), ["lawn_m2", "hedge_m"], s)
    c = fit.frame()["coefficient"]
    # Hours to the hundredth over 0.6: an error of at most 0.005 x 0.6 = 0.003 h a job.
    assert abs(c["lawn_m2"] - 0.000151) < 2e-7 and abs(c["hedge_m"] - 0.0125) < 2e-5
    eq = fit.equation("mowing")
    assert eq.terms[0].coefficient == D(repr(float(c["lawn_m2"])))  # every digit of the fit
    assert eq.terms[0].coefficient != D("0.0002")
    assert fit.equation("mowing", decimals=4).terms[0].coefficient == D("0.0002")
    # The realised productivity, where the standard work is measured.
    p = actuals.realised_productivity(tmp_path / "h.csv", pd.DataFrame(work).assign(
        standard_hours=[D("0.4") + D("0.000151") * lawn + D("0.0125") * h for lawn, h in zip(lawns, hedges)]), s)
    assert p["productivity"].iat[0] == D("0.6000") and p["assumed_productivity"].iat[0] == D("0.6")


# ---- the CLI -------------------------------------------------------------------------------------

def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "aci_cost", "actuals", *map(str, args)], capture_output=True,
                          text=True, **kw)


def test_cli_text_json_and_workbook(to_plan, tmp_path):
    p = run(to_plan["fec"], "--hours", to_plan["hours"], "--xlsx", tmp_path / "out.xlsx")
    assert p.returncode == 0, p.stderr
    assert "every entry balanced (debit = credit = 1 446 491,30 €)" in p.stdout
    assert "park_maintenance: quoted 4 304,93 €, actual 4 304,93 €, variance 0,00 €" in p.stdout  # 142.5 h x R
    assert (tmp_path / "out.xlsx").is_file()
    p = run(to_plan["fec"], "--json")
    doc = json.loads(p.stdout)
    assert doc["fec"]["debit"] == doc["fec"]["credit"] == "1446491.30"
    total = [line for line in doc["lines"] if line["atelier"] == "total" and line["key"] == "result"][0]
    assert total["forecast"] == total["actual"] == "6786.10"  # the default's year (docs/default_aci.md)
    assert doc["jobs"] == [] and doc["unplaced"] == []


def test_cli_refuses_a_malformed_file_with_exit_2(to_plan):
    path, line, column = to_plan["malformed"]["fec_unbalanced.txt"]
    p = run(path, "--year-end", "2026-12-31")
    assert p.returncode == 2
    assert f"aci_cost: error: fec_unbalanced.txt line {line}, column {column} = debit" in p.stderr
