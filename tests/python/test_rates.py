"""The rate table from Python: domains of every figure, unconfirmed figures, the collective
agreement of ACIs (IDCC 3016). Expected figures are derived by hand or published (cited)."""
import datetime
from decimal import Decimal as D

import pytest

import aci_cost
from aci_cost._core.rates import RateEntry, RateTable


def test_an_override_outside_its_domain_is_refused_naming_the_field(scenario):
    # A VAT rate of -1 gave a devis with "TVA -100 %", 1e300 a VAT past the money limit.
    for value in ("-1", "1e300", "1"):
        scenario.rates = [RateEntry(rate="vat_standard", effective=datetime.date(2026, 1, 1), value=value,
                                    unit="share", source="test", tag="law")]
        with pytest.raises(ValueError, match=r"rates\.vat_standard\.value = .*must be in \[0, 1\)"):
            aci_cost.quote(scenario, "park_maintenance")
    import json
    doc = json.loads(scenario.to_json())
    doc["rates"][0]["value"] = "0.2"
    assert aci_cost.read_scenario(json.dumps(doc)).rates[0].value == D("0.2")
    doc["rates"][0]["value"] = "-0.5"
    with pytest.raises(ValueError, match=r"\$\.rates\[0\]\.value = -0\.5"):
        aci_cost.read_scenario(json.dumps(doc))
    # A zero FTE crashed quote, year and the CLI with SIGSEGV (an infinite Decimal).
    scenario.rates = [RateEntry(rate="aci_fte_paid_hours", effective=datetime.date(2026, 1, 1), value="0",
                                unit="h/year", source="test", tag="law")]
    with pytest.raises(ValueError, match=r"rates\.aci_fte_paid_hours\.value = 0"):
        aci_cost.quote(scenario, "park_maintenance")


def test_unconfirmed_figures_are_not_used_by_default(scenario):
    table = RateTable.france()
    september = datetime.date(2026, 9, 15)
    # The SMIC of June 2026 (12.31 €, tagged check) yields to décret n° 2025-1228's 12.02 €.
    assert table.in_force("smic_hourly", september).value == D("12.02")
    table.use_unconfirmed = True
    assert table.in_force("smic_hourly", september).value == D("12.31")
    # A September quote warns, naming the unconfirmed figure; on request it uses it.
    job = scenario.job("park_maintenance")
    job.date = september
    scenario.jobs = [job]
    q = aci_cost.quote(scenario, "park_maintenance")
    unconfirmed = [w.message for w in q.warnings if w.code == "rate_unconfirmed"]
    assert len(unconfirmed) == 1 and "smic_hourly: 12.31" in unconfirmed[0]
    assert {(r.rate, r.value) for r in q.rates_used} >= {("smic_hourly", D("12.02"))}
    scenario.rates_use_unconfirmed = True
    q2 = aci_cost.quote(scenario, "park_maintenance")
    assert ("smic_hourly", D("12.31")) in {(r.rate, r.value) for r in q2.rates_used}
    assert "rate_unconfirmed" not in [w.code for w in q2.warnings]
    assert aci_cost.read_scenario(scenario.to_json()).rates_use_unconfirmed is True


def test_collective_agreement_minima_and_the_groups_pay(scenario):
    table = RateTable.france()
    july = datetime.date(2025, 7, 1)
    # ASH on the accord du 12 décembre 2024: 1,868.25 / 2,220.75 / 3,560.25 € from July 2025.
    point = table.in_force("ccn_point_value", july).value
    assert [table.in_force("ccn_coefficient", july, c).value * point
            for c in ("assistant_technique_a", "encadrant_b", "directeur_c")] == [
        D("1868.25"), D("2220.75"), D("3560.25")]
    # An ETPS at 2,200 €/month in class encadrant_b is refused, naming the group; accepted on
    # request, it is a warning.
    atelier = scenario.aci.ateliers[0]
    staff = atelier.staff
    etps = next(g for g in staff if g.role == "supervisor")
    etps.ccn_class = "encadrant_b"
    etps.pay = D("2200")
    atelier.staff = staff
    with pytest.raises(ValueError, match=r"staff\[ETPS\]\.pay = 2200\.00: below the minimum .* encadrant_b"):
        aci_cost.quote(scenario, "park_maintenance")
    staff = atelier.staff
    staff[[g.name for g in staff].index(etps.name)].pay_below_minimum_accepted = True
    atelier.staff = staff
    q = aci_cost.quote(scenario, "park_maintenance")
    assert "below_ccn_minimum" in [w.code for w in q.warnings]
    assert aci_cost.read_scenario(scenario.to_json()).aci.ateliers[0].staff[1].ccn_class == "encadrant_b"
