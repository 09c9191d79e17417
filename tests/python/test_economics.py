"""The controller's economics from Python: funding by financer, hours, absence, occupancy, VAT, the
new warnings, and errors naming the field. Expected figures are derived by hand in the comments
or by docs/worked_example.py (exact fractions, without the library)."""
import json
from decimal import Decimal as D

import pytest

import aci_cost


def _codes(q):
    return [w.code for w in q.warnings]


def _atelier(scenario, **fields):
    """Sets fields of the first atelier (lists are copies: change the item, assign the list back)."""
    ateliers = scenario.aci.ateliers
    for k, v in fields.items():
        setattr(ateliers[0], k, v)
    scenario.aci.ateliers = ateliers
    return scenario


def _crew(scenario, **fields):
    ateliers = scenario.aci.ateliers
    staff = ateliers[0].staff
    for k, v in fields.items():
        setattr(staff[0], k, v)
    ateliers[0].staff = staff
    scenario.aci.ateliers = ateliers


def _job(scenario, **fields):
    jobs = scenario.jobs
    for k, v in fields.items():
        setattr(jobs[0], k, v)
    scenario.jobs = jobs


def test_departement_share_replaces_the_state_not_adds(scenario):
    with_rsa = aci_cost.quote(scenario, "park_maintenance")
    ateliers = scenario.aci.ateliers
    ateliers[0].subsidies.rsa_fte = 0
    scenario.aci.ateliers = ateliers
    without = aci_cost.quote(scenario, "park_maintenance")
    # The same total aid either way; only who pays it changes (docs/worked_example.py: the job's
    # aid 196,480.085338 x 142.5 / HQ = 2,564.326421 €). Shown: 2,118.80 + 445.52 = 2,564.32 with
    # the département's share; 2,564.33 alone (the largest remainder then gives it the cent).
    assert with_rsa.subsidies_total == without.subsidies_total == D("3752.00")
    assert without.subsidies[1].amount == 0
    assert with_rsa.subsidies[0].amount + with_rsa.subsidies[1].amount == D("2564.32")
    assert without.subsidies[0].amount == D("2564.33")


def test_rsa_posts_beyond_filled_posts_are_refused(scenario):
    ateliers = scenario.aci.ateliers
    ateliers[0].subsidies.rsa_fte = 8  # filled FTEs 14,179.776 / 1,820 = 7.79
    scenario.aci.ateliers = ateliers
    with pytest.raises(ValueError, match=r"subsidies\.rsa_fte = 8: exceeds the filled integration FTEs"):
        aci_cost.quote(scenario, "park_maintenance")


def test_unpaid_absence_earns_no_aid_and_occupancy_scales_it(scenario):
    base = aci_cost.quote(scenario, "park_maintenance").subsidies
    _crew(scenario, unpaid_absence=0)
    _atelier(scenario, occupancy=1)
    full = aci_cost.quote(scenario, "park_maintenance").subsidies
    # Aid per work hour: 23,921 x 1.05 x HP / 1,820 / HQ. Without unpaid absence HP / HQ = 1 / 0.77:
    # 23,921 x 1.05 x 142.5 / (1,820 x 0.77) = 2,554.0029 -> 2,554.00; with 5 % of sick leave the
    # accrued paid leave (loi 2024-364) earns aid too: HP / HQ = 1,289.59168 / (1,284.4 x 0.77),
    # 2,564.326421 -> 2,564.32 (docs/worked_example.py). Occupancy scales HP and HQ alike.
    assert full[0].amount + full[1].amount == D("2554.00")
    assert base[0].amount + base[1].amount == D("2564.32")
    assert full[3].amount < base[3].amount  # région 12,000 over 12 x 1,352 x 0.77 h instead of 10,918.43
    with pytest.raises(ValueError, match=r"Atelier\.occupancy = 1\.5: must be in \(0, 1\]"):
        _atelier(scenario, occupancy=D("1.5"))  # refused on assignment (issue 31)


def test_vat_by_status_and_kind(scenario):
    _job(scenario, vat_kind="food")
    q = aci_cost.quote(scenario, "park_maintenance")
    assert q.price.vat_rate == D("0.055") and q.price.vat == D("52.61")  # 956.54 x 0.055 = 52.6097
    scenario.aci.tax_status = "non_profit_exempt"
    q = aci_cost.quote(scenario, "park_maintenance")
    assert q.price.vat_exempt and q.price.vat == 0 and q.price.ttc == q.price.ht
    assert q.price.vat_mention == "Exonération de TVA, article 261-7-1° b du CGI"
    with pytest.raises(ValueError, match="Aci.tax_status = 'charity'"):
        scenario.aci.tax_status = "charity"


def test_controller_warnings(scenario):
    q = aci_cost.quote(scenario, "park_maintenance")
    # The fair-zone price at the ceiling 956.54 lies below the market floor 2,916.00; a crew of 6
    # per ETPS needs HQ / 6 = 1,819.74 ETPS hours of the 2,063.88 (docs/worked_example.py) ...
    assert "below_market_floor" in _codes(q) and "supervision_capacity" not in _codes(q)
    _job(scenario, crew_size=4)  # ... a crew of 4 needs HQ / 4 = 2,729.61: more than the atelier has
    assert "supervision_capacity" in _codes(aci_cost.quote(scenario, "park_maintenance"))
    _crew(scenario, weekly_hours=18)
    ateliers = scenario.aci.ateliers
    ateliers[0].subsidies.rsa_fte = 2
    scenario.aci.ateliers = ateliers
    assert "cddi_weekly_hours" in _codes(aci_cost.quote(scenario, "park_maintenance"))
    _crew(scenario, hours_derogation=True)
    assert "cddi_weekly_hours" not in _codes(aci_cost.quote(scenario, "park_maintenance"))


def test_marginal_cost_counts_labour_only_when_hours_are_added(scenario):
    assert aci_cost.quote(scenario, "park_maintenance").marginal_cost == D("466.20")  # 180 + 220.20 + 66
    _job(scenario, adds_paid_hours=True)
    # + labour, training, supervision lines and the road hours' labour (22.5 x labour) and ETPS
    # (3.75 x CS/HS): 3,515.683586 (docs/worked_example.py's exact rates).
    assert aci_cost.quote(scenario, "park_maintenance").marginal_cost == D("3515.68")


def test_training_quote_warns_on_contract_length(scenario):
    setup = scenario.training
    setup.model.workforce.contract_months = 30
    scenario.training = setup
    assert scenario.training.model.workforce.contract_months == 30
    tq = aci_cost.training_quote(scenario, "park_maintenance")
    assert "contract_length" in _codes(tq.honoured) and "contract_length" in _codes(tq.naive)


def test_new_fields_round_trip_through_json(scenario):
    scenario.aci.tax_status = "non_profit_exempt"
    _job(scenario, vat_kind="home_services", adds_paid_hours=True)
    ateliers = scenario.aci.ateliers
    ateliers[0].subsidies.fse_plus_annual = D("1234.56")
    scenario.aci.ateliers = ateliers
    again = aci_cost.read_scenario(scenario.to_json())
    assert again == scenario
    assert again.aci.ateliers[0].occupancy == D("0.92")
    assert again.aci.ateliers[0].staff[0].unpaid_absence == D("0.05")


@pytest.mark.parametrize("mutate,message", [
    (lambda d: d["aci"]["ateliers"][0].update(occupancy="0"), r"\$\.aci\.ateliers\[0\]\.occupancy = 0"),
    (lambda d: d["aci"]["ateliers"][0]["staff"][0].update(unpaid_absence="1"),
     r"\$\.aci\.ateliers\[0\]\.staff\[0\]\.unpaid_absence = 1"),
    (lambda d: d["aci"].update(tax_status="exempt"), r"\$\.aci\.tax_status"),
    (lambda d: d["jobs"][0].update(vat_kind="gardening"), r"\$\.jobs\[0\]\.vat_kind"),
    (lambda d: d["aci"]["ateliers"][0].update(annual_vehicle_km="-1"),
     r"\$\.aci\.ateliers\[0\]\.annual_vehicle_km = -1"),
    (lambda d: d["aci"]["ateliers"][0]["subsidies"].update(opco_annual="-3"),
     r"\$\.aci\.ateliers\[0\]\.subsidies\.opco_annual = -3"),
])
def test_bad_new_fields_in_a_scenario_name_the_path(scenario, mutate, message):
    doc = json.loads(scenario.to_json())
    mutate(doc)
    with pytest.raises(ValueError, match=message):
        aci_cost.read_scenario(json.dumps(doc))
