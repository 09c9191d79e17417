"""The quote from Python against the worked example (docs/worked_example.py derives every
figure in exact fractions without the library)."""
import copy
import datetime
import pickle
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aci_cost


def test_worked_example(scenario):
    q = aci_cost.quote(scenario, "park_maintenance")
    assert [line.key for line in q.cost_lines] == [
        "integration_labour", "training", "supervision", "accompaniment",
        "materials", "equipment", "travel", "overheads"]
    # docs/worked_example.py (exact fractions, without the library); docs/worked_example.md.
    assert [line.amount for line in q.cost_lines] == [
        D("1976.76"), D("123.02"), D("487.63"), D("162.36"),
        D("180.00"), D("220.20"), D("528.07"), D("806.29")]
    assert q.full_cost == D("4484.33") == sum(line.amount for line in q.cost_lines)
    assert q.production_cost == D("2770.20") and q.insertion_extra_cost == D("1714.13")
    # One line per financer; the département's 445.52 is part of the aid, not on top of it.
    assert [(line.key, line.amount) for line in q.subsidies] == [
        ("aid_state", D("2118.80")), ("aid_departement", D("445.52")), ("departement_grants", D("391.54")),
        ("region", D("156.62")), ("fse_plus", D("261.03")), ("opco", D("52.21")), ("other_grants", D("326.28"))]
    assert q.subsidies_total == D("3752.00") and q.net_cost == D("732.33")
    # The fair zone: the ceiling, the cent below 4,484.33 x 1.05 less 3,752.00 = 956.54, under the market.
    assert q.bounds.overcompensation_ceiling == D("956.54")
    assert (q.price.ht, q.price.vat, q.price.ttc) == (D("956.54"), D("191.31"), D("1147.85"))
    assert q.bounds.market_floor == D("2916.00") and q.bounds.market_price == D("3060.00")
    # Travel is work time: 120 h on site + 22.5 h on the road (crew of 6).
    assert (q.insertion.insertion_hours, q.insertion.on_site_hours, q.insertion.travel_hours) == (D("142.5"), 120, D("22.5"))
    assert q.insertion.training_hours == D("9.25")
    assert q.insertion.price_integration_part == D("0.00")  # the price is below the production cost
    assert [line.amount for line in q.extra_lines] == [D("790.71"), D("312.08"), D("123.02"), D("162.36")]
    assert q.extra_bottom_up == D("1388.17") and q.marginal_cost == D("466.20")
    # docs/default_aci.md: below_market_floor is the engine's ceiling below the market (reported);
    # latest known: the aid's socle, the RSA, the CCN point; to check: the département's RSA share,
    # the CCN point and the four classes' coefficients (ETPS, CIP, director, administration).
    assert sorted(w.code for w in q.warnings) == sorted(
        ["below_market_floor", "below_full_cost"] + ["rate_latest_known"] * 3 + ["rate_to_check"] * 6)
    assert q.date == datetime.date(2026, 4, 15)
    assert {r.rate for r in q.rates_used} >= {"smic_hourly", "aide_au_poste_socle", "reduction_tmin"}
    assert all(r.source for r in q.rates_used)


def test_ds_coefficient_policy(scenario):
    scenario.pricing = aci_cost.PricingOptions(policy="ds_coefficient", site_costs="0.10", overheads="0.12",
                                               profit="0.05")
    assert scenario.pricing.coefficient_k == D("1.325")
    q = aci_cost.quote(scenario, "park_maintenance")
    assert q.price.ht == D("3958.58")  # DS 2987.611013 x 1.325 (docs/worked_example.py's lines)


def test_social_clause_domain_example():
    c = aci_cost.check_social_clause(D("1000000"), 0.5, 0.05, D("30"), 900)
    assert c.required_hours == D("833.33") and c.covered


@pytest.mark.parametrize("field,value,message", [
    # Out of their domain: refused on assignment (issue 31), naming the field and the value.
    ("productivity", 1.5, r"Job\.productivity = 1\.5: must be in \[0\.01, 1\]"),
    ("productivity", 0, r"Job\.productivity = 0: must be in \[0\.01, 1\]"),
    ("crew_size", 0, r"Job\.crew_size = 0: must be in \(0, 10000\]"),
    ("standard_hours", -1, r"Job\.standard_hours = -1: must be >= 0"),
])
def test_bad_job_inputs_are_refused_on_assignment(scenario, field, value, message):
    job = scenario.job("park_maintenance")
    before = getattr(job, field)
    with pytest.raises(ValueError, match=message):
        setattr(job, field, value)
    assert getattr(job, field) == before  # the refused value changed nothing


@pytest.mark.parametrize("field,value,message", [
    # Valid alone, wrong against the rest of the scenario: refused at quote time, with the job's path.
    ("atelier", "boats", r'job\[park_maintenance\]\.atelier = "boats"'),
    ("date", "2021-01-01", r"rates\.smic_hourly = 2021-01-01"),
])
def test_bad_job_inputs_name_field_and_value(scenario, field, value, message):
    job = scenario.job("park_maintenance")
    setattr(job, field, value)
    with pytest.raises(ValueError, match=message):
        aci_cost.make_quote(scenario.aci, job, scenario.rate_table(), scenario.pricing)


def test_nan_and_bad_types_are_refused(scenario):
    job = scenario.job("park_maintenance")
    with pytest.raises(ValueError, match=r"Job\.standard_hours = nan"):
        job.standard_hours = float("nan")
    with pytest.raises(TypeError, match="Job.crew_size"):
        job.crew_size = [1]
    with pytest.raises(ValueError, match="StaffGroup.role = 'boss'"):
        aci_cost.StaffGroup(role="boss")
    with pytest.raises(TypeError, match="unknown field 'prodictivity'"):
        aci_cost.Job(prodictivity=0.5)


def test_no_rate_in_force_is_its_own_value_error(scenario):
    job = scenario.job("park_maintenance")
    job.date = datetime.date(2025, 6, 1)  # the 2026 reduction formula is not in force yet
    with pytest.raises(aci_cost.NoRateInForce, match="reduction_tmin = 2025-06-01"):
        aci_cost.make_quote(scenario.aci, job, scenario.rate_table(), scenario.pricing)


def test_past_quote_reproduces(scenario):
    # Lists are copies: change the items, then assign the lists back.
    atelier = scenario.aci.ateliers[0]
    staff = atelier.staff
    for g in staff:  # the 2026 reduction is not in force in 2024: flat rates for every group
        g.contribution_mode, g.employer_rate = "rate", D("0.25")
        g.ccn_class = ""  # the table's CCN point starts on 2025-01-01
    staff[0].employer_rate = D("0.08")
    atelier.staff = staff
    scenario.aci.ateliers = [atelier]  # scenario.aci is a reference into the scenario
    job = scenario.job("park_maintenance")
    job.date = "2024-06-01"
    q = aci_cost.make_quote(scenario.aci, job, scenario.rate_table(), scenario.pricing)
    # Paid hours 52 x 26 x (0.95 + 0.05 x 0.096 x 2/2.5) = 1289.59168 (sick leave accrues leave);
    # 11.65 x 1289.59168 x 1.08 + 350 + 12 x 15 = 16,755.642518 €; less the training share
    # (1284.4 x 0.05 / 1289.59168), / (1284.4 x 0.77) production h, x 120 h = 1931.8212
    assert q.cost_lines[0].amount == D("1931.82")
    used = {r.rate: r.value for r in q.rates_used}
    assert used["smic_hourly"] == D("11.65") and used["aide_au_poste_socle"] == 23458  # arrêté du 30 avril 2024
    assert aci_cost.make_quote(scenario.aci, job, scenario.rate_table(), scenario.pricing) == q
    assert aci_cost.Quote.from_json(q.to_json()) == q


def test_every_class_pickles(scenario):
    q = aci_cost.quote(scenario)
    objects = [scenario, scenario.aci, scenario.aci.ateliers[0], scenario.aci.ateliers[0].staff[0],
               scenario.aci.ateliers[0].staff[0].hours, scenario.aci.ateliers[0].subsidies,
               scenario.aci.ateliers[0].equipment[0], scenario.jobs[0], scenario.jobs[0].drivers[0],
               scenario.jobs[0].materials[0], scenario.jobs[0].equipment[0], scenario.jobs[0].travel,
               scenario.pricing, q, q.price, q.bounds, q.sales_cap, q.insertion, q.cost_lines[0],
               q.rates_used[0], scenario.rate_table(),
               aci_cost.check_social_clause(1000, 0.5, 0.05, 30, 10)]
    for o in objects:
        back = pickle.loads(pickle.dumps(o))
        assert type(back) is type(o) and back == o, type(o).__name__
        assert copy.deepcopy(o) == o


settings_kw = dict(max_examples=60, deadline=None)


@settings(**settings_kw)
@given(st.integers(1, 25), st.decimals("0.3", "1", places=3), st.decimals("1", "500", places=2),
       st.integers(1, 8), st.decimals("0", "0.3", places=3), st.sampled_from(["cost_plus", "ds_coefficient", "market"]))
def test_double_and_decimal_agree_to_the_cent(headcount, productivity, hours, crew, margin, policy):
    s = aci_cost.default_scenario()
    at = s.aci.ateliers[0]
    staff = at.staff
    staff[0].headcount = headcount
    at.staff = staff
    subsidies = at.subsidies
    subsidies.rsa_fte = D(headcount) / 10  # within the filled FTEs (>= 0.49 per post)
    at.subsidies = subsidies
    s.aci.ateliers = [at]
    assert s.aci.ateliers[0].staff[0].headcount == headcount
    job = s.job("park_maintenance")
    job.productivity, job.standard_hours, job.crew_size = productivity, hours, crew
    s.jobs = [job]
    s.pricing = aci_cost.PricingOptions(policy=policy, margin=margin)
    qd = aci_cost.quote(s, scalar="decimal")
    qf = aci_cost.quote(s, scalar="double")
    assert qf.scalar == "double"
    # Exact agreement, but for a tie within binary noise (C++ test Scalars.* counts those).
    for a, b in zip([line.amount for line in qd.cost_lines] + [qd.full_cost, qd.net_cost, qd.price.ht],
                    [line.amount for line in qf.cost_lines] + [qf.full_cost, qf.net_cost, qf.price.ht]):
        assert abs(a - b) <= D("0.01")
    assert sum(line.amount for line in qf.cost_lines) == qf.full_cost


def test_the_worked_example_derivation_runs_and_agrees():
    # docs/worked_example.py derives both jobs without the library (exact fractions, its own
    # asserts prove each rounding); its summary lines must be the library's figures.
    import re
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "docs" / "worked_example.py"
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    s = aci_cost.default_scenario()
    jobs = s.jobs
    jobs[1].date = datetime.date(2026, 4, 15)  # the derivation quotes brush_clearing at the April rates
    s.jobs = jobs                               # (the library's June SMIC of 12.31 is tagged "check")
    for job in ("park_maintenance", "brush_clearing"):
        m = re.search(rf"  {job}: full ([\d.]+), subsidies ([\d.]+), net ([\d.]+), price HT ([\d.]+)", out)
        assert m, job
        q = aci_cost.quote(s, job)
        assert [D(v) for v in m.groups()] == [q.full_cost, q.subsidies_total, q.net_cost, q.price.ht]
