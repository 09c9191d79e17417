"""Issue 27 from Python, on the small ACI of tests/cpp/quote/test_pricing.cpp whose figures are
derived by hand there: full cost 704, subsidies 20, net cost 684, market 400, ceiling
704 x 1.05 - 20 = 719.20; the year -62,244; 910 break-even hours."""
import datetime
import json
from decimal import Decimal as D

import pytest

import aci_cost
from aci_cost.cli import main


def small() -> aci_cost.Scenario:
    def group(name, role, pay):
        return aci_cost.StaffGroup(name=name, role=role, headcount=1, weekly_hours=35, pay_basis="hourly", pay=pay,
                                   employer_rate="0.10")
    a = aci_cost.Atelier(name="A", support="green_spaces",
                         staff=[group("crew", "integration", "12"), group("ETPS", "supervisor", "20")],
                         default_productivity="0.5", market_hourly_price="40", market_floor_hourly_price="38")
    a.subsidies.aide_au_poste = False
    a.subsidies.other_grants_annual = "1820"
    s = aci_cost.Scenario()
    s.aci = aci_cost.Aci(name="Small", ateliers=[a])
    s.jobs = [aci_cost.Job(name="j", atelier="A", date=datetime.date(2026, 3, 2), standard_hours=10)]
    return s


def test_fair_zone_by_default_and_overcompensation_of_cost_plus():
    s = small()
    q = aci_cost.quote(s)
    assert (q.full_cost, q.subsidies_total, q.net_cost) == (D("704.00"), D("20.00"), D("684.00"))
    assert q.bounds.overcompensation_ceiling == D("719.20")
    assert q.price.policy == "fair_zone" and q.price.ht == D("684.00")  # floored at the net cost
    s.pricing.policy = "cost_plus"
    q = aci_cost.quote(s)
    assert q.price.ht == D("739.20")
    over = [w.message for w in q.warnings if w.code == "overcompensation"]
    assert len(over) == 1 and "by 20,00" in over[0]
    # The atelier, then the job, may carry their own options.
    s.aci.ateliers[0].pricing = aci_cost.PricingOptions(policy="market")
    assert aci_cost.quote(s).price.ht == D("400.00")
    s.jobs[0].pricing = aci_cost.PricingOptions(policy="fair_zone")
    assert aci_cost.quote(s).price.ht == D("684.00")
    assert aci_cost.read_scenario(s.to_json()) == s


def test_price_analysis_and_its_cli(tmp_path, capsys):
    s = small()
    a = aci_cost.budget.price_analysis(s, "j")
    assert (a.floor, a.contribution_margin, a.contribution_per_unit) == (D("684.00"), D("684.00"), D("68.40"))
    assert a.year_result == D("-62244.00") and a.break_even_units == 910
    assert (a.cap_price, a.cap_price_derogation, a.target_margin_price) == (D("19219.19"), D("32031.99"), D("718.20"))
    path = tmp_path / "small.json"
    path.write_text(s.to_json(), encoding="utf-8")
    assert main(["price", str(path), "--job", "j", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)["prices"][0]
    assert (doc["floor"], doc["break_even_units"], doc["fair_zone_price"], doc["cap_limited_price"]) == (
        "684.00", "910", "684.00", "684.00")
    with pytest.raises(ValueError, match=r"price\.target_margin = -2"):
        aci_cost.budget.price_analysis(s, "j", target_margin=-2)


def test_vat_kinds_and_tax_status():
    s = small()
    s.jobs[0].vat_kind = "household_waste_sorting"
    q = aci_cost.quote(s)
    assert (q.price.vat_rate, q.price.vat_article) == (D("0.055"), "CGI art. 278-0 bis M")
    s.jobs[0].vat_kind = "housing_renovation"
    assert "vat_certification_missing" in [w.code for w in aci_cost.quote(s).warnings]
    s.jobs[0].vat_certification = True
    assert "vat_certification_missing" not in [w.code for w in aci_cost.quote(s).warnings]
    s.aci.ateliers[0].annual_sales = "90000"
    s.aci.tax_status = "non_lucrative"
    q = aci_cost.quote(s)
    assert q.price.vat_exempt and "tax_franchise_threshold" not in [w.code for w in q.warnings]
    s.aci.tax_status = "non_profit_exempt"
    assert "tax_franchise_threshold" in [w.code for w in aci_cost.quote(s).warnings]


def test_year_month_by_month(capsys):
    s = small()
    s.aci.ateliers[0].staff[0].pay_basis = "smic"
    s.rates_use_unconfirmed = True
    y = aci_cost.budget.year(s, "2026-05-05")
    salaries = [m.charges[0].amount for m in y.ateliers[0].months]
    # January: 36,400 / 12 + 12.02 x 1,820 / 12 = 4,856.37; June: 3,033.33 + 12.31 x 1,820 / 12 = 4,900.35.
    assert salaries[0] == D("4856.37") and salaries[5] == D("4900.35")
    assert sum(salaries) == y.ateliers[0].charges[0].amount == D("58584.28")
    f = aci_cost.budget.months_frame(y)
    assert len(f[(f.atelier == "total") & (f.side == "result")]) == 12
    assert main(["year", "--monthly"]) == 0
    assert "by month" in capsys.readouterr().out


def test_training_quote_names_the_difference(scenario):
    tq = aci_cost.training_quote(scenario, "park_maintenance")
    assert tq.ordinary == aci_cost.quote(scenario, "park_maintenance")
    assert "ordinary quote charges the atelier's yearly average" in tq.explanation
    assert "honoured quote charges all of it" in tq.explanation
    for q in (tq.ordinary, tq.honoured, tq.naive):
        assert aci_cost.format_fr(q.price.ht) in tq.explanation
