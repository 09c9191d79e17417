"""The five supports from Python: their defaults, units of output, goods, revenue tied to output,
time equations, calibration from past jobs (pandas), the CLI --support and a sweep over a
non-green-spaces support. Figures derived by hand in the comments (as in tests/cpp/quote/test_supports.cpp)."""
from __future__ import annotations

import subprocess
import sys
from decimal import Decimal as D

import numpy as np
import pandas as pd
import pytest

import aci_cost
from aci_cost import calibration

SUPPORTS = ["green_spaces", "market_gardening", "building", "laundry", "recycling_reuse"]


def test_every_support_has_a_default_that_quotes():
    assert list(aci_cost._core.scenario.DEFAULT_SCENARIOS) == SUPPORTS + ["multi_atelier"]
    for name in SUPPORTS:
        s = aci_cost.default_scenario(name)
        assert s.aci.ateliers[0].support == name
        q = aci_cost.quote(s, s.jobs[-1].name)
        assert sum((line.amount for line in q.cost_lines), D(0)) == q.full_cost
    with pytest.raises(ValueError, match="support"):
        aci_cost.default_scenario("knitting")


def test_units_goods_and_revenue():
    q = aci_cost.quote(aci_cost.default_scenario("market_gardening"))
    # 600 baskets, 5 % lost: 570 sold; the market at 15.17 € HT (16.00 € TTC): 8,646.90 €; 5.5 % VAT.
    assert (q.per_unit.unit, q.per_unit.kind, q.per_unit.sold) == ("basket", "goods", D("570"))
    assert q.bounds.market_price == D("8646.90") and q.bounds.market_floor == D("7022.40")
    assert q.price.vat == (q.price.ht * D("0.055")).quantize(D("0.01"))
    q = aci_cost.quote(aci_cost.default_scenario("recycling_reuse"))
    assert q.output_revenue == D("468.00")  # 12 tonnes x 60 % recovered x 65 €
    assert q.net_cost == q.full_cost - q.subsidies_total - q.output_revenue
    s = aci_cost.default_scenario("laundry")
    assert aci_cost.quote(s).standard_hours == D("124.00")  # 30 x 3.25 + 10 x 2.65
    jobs = s.jobs  # (a list is a copy: change its items, then assign it back)
    jobs[0].output.loss_share = D("0.1")
    s.jobs = jobs
    with pytest.raises(ValueError, match=r"output.loss_share"):
        aci_cost.quote(s)


def test_calibration_recovers_coefficients_and_covers_held_out_jobs():
    rng = np.random.default_rng(7)

    def jobs(n):
        kg = rng.uniform(20, 100, n)
        ironed = rng.integers(0, 2, n)
        return pd.DataFrame({"kg": kg, "ironed": ironed,
                             "hours": 0.25 + 0.04 * kg + 0.6 * ironed + rng.normal(0, 0.3, n)})

    cal = calibration.fit(jobs(80), drivers=["kg", "ironed"])
    table = cal.frame()
    truth = {"constant": 0.25, "kg": 0.04, "ironed": 0.6}
    for term, value in truth.items():
        assert abs(table.loc[term, "coefficient"] - value) < 3 * table.loc[term, "standard_error"]
    # The interval's coverage is 95 % over fits (marginal): 25 fits on 40 jobs, 400 new jobs each.
    covered = []
    for _ in range(25):
        c = calibration.fit(jobs(40), drivers=["kg", "ironed"])
        held = jobs(400)
        p = c.predict(held)
        covered.append(((held["hours"] >= p["lower"]) & (held["hours"] <= p["upper"])).mean())
    assert 0.935 < np.mean(covered) < 0.965
    # The fit plugs into the laundry atelier and the quote.
    s = aci_cost.default_scenario("laundry")
    eq = cal.equation("batch")
    assert eq.source.startswith("fitted on 80 past jobs")
    at = s.aci.ateliers[0]
    at.time_equations = [eq]
    s.aci.ateliers = [at]
    expected = 30 * (float(eq.constant) + 60 * float(eq.terms[0].coefficient) + float(eq.terms[1].coefficient)) \
        + 10 * (float(eq.constant) + 60 * float(eq.terms[0].coefficient))
    assert float(aci_cost.quote(s).standard_hours) == pytest.approx(expected, abs=0.005)
    with pytest.raises(ValueError, match="collinear"):
        calibration.fit(pd.DataFrame({"kg": [1, 2, 3, 4], "pieces": [2, 4, 6, 8], "hours": [1, 2, 3, 4.5]}),
                        drivers=["kg", "pieces"])
    with pytest.raises(ValueError, match="calibration.jobs"):
        calibration.fit(pd.DataFrame({"kg": [1, 2], "hours": [1, 2]}), drivers=["kg"])


def test_cli_quote_support():
    out = subprocess.run([sys.executable, "-m", "aci_cost", "quote", "--support", "market_gardening"],
                         capture_output=True, text=True, check=True).stdout
    assert "Per basket (goods: 600 basket, 570 sold)" in out


def test_sweep_over_a_laundry_quote():
    s = aci_cost.default_scenario("laundry")
    run = aci_cost.sweep.run({"format": "aci_cost/sweep@1", "model": "quote",
                              "design": {"kind": "points", "n": 2},
                              "inputs": [{"name": "job.output.quantity", "values": [2400, 4800]}],
                              "outputs": ["full_cost", "full_cost_per_unit"]}, scenario=s)
    q = aci_cost.quote(s)
    assert run.outputs["full_cost"][0] == pytest.approx(float(q.full_cost), abs=0.01)
    # (q.full_cost is rounded to the cent: the per-unit figure of the double run is within a cent / 2400)
    assert run.outputs["full_cost_per_unit"][0] == pytest.approx(float(q.full_cost) / 2400, abs=0.006 / 2400)
    assert run.outputs["full_cost_per_unit"][1] == pytest.approx(run.outputs["full_cost_per_unit"][0] / 2, rel=1e-12)


def test_the_multi_atelier_example_is_the_embedded_default():
    # examples/multi_atelier.json is written by `python -m aci_cost scenario --support multi_atelier`.
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "examples" / "multi_atelier.json"
    assert aci_cost.load_scenario(path) == aci_cost.default_scenario("multi_atelier")


@pytest.mark.parametrize("support", SUPPORTS[1:])
def test_each_default_quote_equals_the_independent_derivation(support, tmp_path):
    # docs/supports.py derives the quote in exact fractions from the scenario document alone.
    from pathlib import Path
    import json
    root = Path(__file__).resolve().parents[2]
    s = aci_cost.default_scenario(support)
    doc = tmp_path / f"{support}.json"
    doc.write_text(s.to_json(), encoding="utf-8")
    out = subprocess.run([sys.executable, str(root / "docs" / "supports.py"), str(doc), "--json"],
                         capture_output=True, text=True, check=True).stdout
    from fractions import Fraction
    ref = {k: (Fraction(v) if not isinstance(v, list) else [Fraction(x) for x in v]) for k, v in json.loads(out).items()}
    q = aci_cost.quote(s, s.jobs[-1].name)
    def cents(x: Fraction) -> D:
        return D(x.numerator) / D(x.denominator)  # exact: every reference amount is whole cents

    assert [line.amount for line in q.cost_lines] == [cents(x) for x in ref["lines"]]
    for mine, theirs in [(q.full_cost, "full_cost"), (q.subsidies_total, "subsidies"), (q.output_revenue, "output_revenue"),
                         (q.net_cost, "net_cost"), (q.price.ht, "price_ht"), (q.price.vat, "vat"),
                         (q.per_unit.full_cost, "full_cost_per_unit"), (q.per_unit.net_cost, "net_cost_per_unit"),
                         (q.per_unit.price_ht, "price_per_unit")]:
        assert mine == cents(ref[theirs]), theirs
    assert q.standard_hours == cents(ref["standard_hours"]).quantize(D("0.01"))
