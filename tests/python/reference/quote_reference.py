"""An independent NumPy implementation of the quote model (docs/cost_model.md), arrays over
scenarios: the figures of one job of a scenario when some of the quote model's inputs vary.

It reads the scenario through the Python records (staff groups, atelier, job, pricing) and the
rate table (RateTable.in_force), and writes the formulas of docs/cost_model.md as they read,
with NumPy's float64: no code of the library's engine is used, and the library's evaluation order
is not followed (it folds per-hour rates; here each line is the formula's product), so results
agree to ~1e-15 relative, not to the bit; the tests compare at 1e-12. The one non-polynomial
step, x^1.75 in the 2026 reduction coefficient, uses numpy.power.

Used by tests/python/test_quote_batch.py and benchmarks/compare_numpy_quote.py.
"""
from __future__ import annotations

import numpy as np


OUTPUTS = ["full_cost", "production_cost", "insertion_extra_cost", "subsidies", "net_cost", "price_ht",
           "market_floor", "integration_hours", "output_revenue", "full_cost_per_unit", "net_cost_per_unit",
           "price_per_unit", "line.integration_labour", "line.training", "line.supervision",
           "line.accompaniment", "line.materials", "line.equipment", "line.travel", "line.overheads",
           "price_ttc", "marginal_cost", "price_minus_net_cost", "below_market_floor", "below_net_cost",
           "overcompensated", "above_sales_cap"]


def _f(x) -> float:
    return float(x)


def quote(scenario, job_name: str, values: dict, n: int) -> dict:
    """Per-scenario outputs of job `job_name` of `scenario` when the quote inputs in `values`
    (name as in the quote model's table -> array of n) vary; the others keep the scenario's."""
    v = {k: np.broadcast_to(np.asarray(a, dtype=np.float64), (n,)) for k, a in values.items()}
    job = scenario.job(job_name)
    aci = scenario.aci
    at = next(a for a in aci.ateliers if a.name == job.atelier or a.support == job.atelier)
    table = scenario.rate_table()

    def rate(name: str) -> float:
        return _f(table.in_force(name, job.date).value)

    def get(name: str, default: float):
        return v[name] if name in v else np.full(n, default)

    smic = rate("smic_hourly")
    tmin = rate("reduction_tmin")
    tdelta = rate("reduction_tdelta_fnal_050" if aci.large_employer else "reduction_tdelta_fnal_010")
    multiple = rate("reduction_smic_multiple")
    scale = get("crew.headcount_scale", 1.0)

    # Annual totals of the atelier (cost_model.md, "the atelier's year").
    tot = {k: np.zeros(n) for k in ("HP", "HQ", "HT", "CI", "CT", "CS", "HS", "CA", "CU")}
    for g in at.staff:
        crew = g.role == "integration"
        h = g.hours
        weekly = get("crew.weekly_hours", _f(g.weekly_hours)) if crew else np.full(n, _f(g.weekly_hours))
        pay_scale = get("crew.pay_scale", 1.0) if crew else get("permanent.pay_scale", 1.0)
        training = get("crew.training", _f(h.training)) if crew else np.full(n, _f(h.training))
        absence = get("crew.absence", _f(h.absence)) if crew else np.full(n, _f(h.absence))
        unpaid = _f(g.unpaid_absence)
        # Sick leave accrues paid leave (loi 2024-364): 2 days a month against 2.5 for work.
        accrual = rate("sick_leave_days_per_month") / rate("paid_leave_days_per_month") if unpaid > 0 else 0.0
        worked = weekly * 52.0 * (1.0 - unpaid)
        paid_share = 1.0 - unpaid + unpaid * _f(h.leave) * accrual
        paid = weekly * 52.0 * paid_share
        production = 1.0 - training - _f(h.accompaniment) - _f(h.meetings) - _f(h.leave) - _f(h.bank_holidays) - absence
        if g.pay_basis == "smic":
            gross = smic * pay_scale * paid
        elif g.pay_basis == "hourly":
            gross = _f(g.pay) * pay_scale * paid
        else:
            gross = _f(g.pay) * pay_scale * 12.0 * paid_share
        employer = get("crew.employer_rate", _f(g.employer_rate)) if crew else np.full(n, _f(g.employer_rate))
        if g.contribution_mode == "legal_reduction":
            annual_smic = smic * paid
            base = np.minimum(1.0, (multiple * annual_smic / gross - 1.0) / 2.0)
            with np.errstate(invalid="ignore"):
                coef = np.round((tmin + tdelta * np.power(np.maximum(base, 0.0), 1.75)) * 1e4) / 1e4
            employer = employer - np.where(gross >= multiple * annual_smic, 0.0, coef)
        cost = gross + gross * employer + _f(g.per_head_annual_cost) + 12.0 * _f(g.health_cover_monthly)
        heads = _f(g.headcount) * (scale * get("atelier.occupancy", _f(at.occupancy)) if crew else 1.0)
        if crew:
            tot["HP"] += heads * paid
            tot["HQ"] += heads * worked * production
            tot["HT"] += heads * worked * training
            tot["CI"] += heads * cost
            tot["CT"] += heads * cost * worked * training / paid  # cost of the paid hours in training
        elif g.role == "supervisor":
            tot["CS"] += heads * cost
            tot["HS"] += heads * worked * production
        elif g.role == "socio_professional":
            tot["CA"] += heads * cost
        else:
            tot["CU"] += heads * cost
    assert aci.structure.empty(), "the reference loads no shared structure (docs/allocation.md)"
    assert len(aci.ateliers) == 1, "the reference quotes a one-atelier ACI"
    overheads = get("atelier.annual_overheads", _f(at.annual_overheads))
    sub = at.subsidies
    funding = [np.zeros(n), np.zeros(n)]
    if sub.aide_au_poste:
        modulation = get("atelier.subsidies.aid_modulation_share", _f(sub.aid_modulation_share))
        socle = get("atelier.aid_socle", rate("aide_au_poste_socle"))
        aid = socle * (1.0 + modulation) * tot["HP"] / rate("aci_fte_paid_hours")
        rsa = _f(sub.rsa_fte) * scale
        departement = rsa * rate("departement_rsa_share") * rate("rsa_single_person") * 12.0 if _f(sub.rsa_fte) > 0 \
            else np.zeros(n)
        funding = [aid - departement, departement]
    funding += [np.full(n, _f(sub.departement_grants_annual)), np.full(n, _f(sub.region_annual)),
                np.full(n, _f(sub.fse_plus_annual)), np.full(n, _f(sub.opco_annual)),
                get("atelier.subsidies.other_grants_annual", _f(sub.other_grants_annual))]

    # The statutory auditor (L612-4): the fee once the public grants (OPCO left out) pass the
    # threshold, the scenario's value in a sweep (the library fixes it at the quote's date).
    public = sum(f for i, f in enumerate(funding) if i != 5)
    if _f(aci.statutory_auditor_fee) > 0:
        base_public = float(np.asarray(public)[0]) if n else 0.0
        if base_public > rate("statutory_audit_grants_threshold"):
            overheads = overheads + _f(aci.statutory_auditor_fee)

    # The job (cost_model.md, "a job").
    standard = get("job.standard_hours", _f(job.standard_hours) + sum(_f(d.quantity) * _f(d.hours_per_unit)
                                                                       for d in job.drivers))
    productivity = get("job.productivity", _f(job.productivity if job.productivity is not None
                                               else at.default_productivity))
    crew_size = get("job.crew_size", _f(job.crew_size))
    supervisors = get("job.supervisors", _f(job.supervisors))
    trips = get("job.travel.trips", _f(job.travel.trips))
    hpt = get("job.travel.hours_per_trip", _f(job.travel.hours_per_trip))
    km = get("job.travel.km_per_trip", _f(job.travel.km_per_trip))
    H = standard / productivity
    sup_hours = H / crew_size * supervisors
    Tc, Ts = trips * hpt * crew_size, trips * hpt * supervisors
    W = H + Tc
    labour = (tot["CI"] - tot["CT"]) / tot["HQ"]
    with np.errstate(divide="ignore", invalid="ignore"):
        sup_rate = np.where(supervisors > 0, tot["CS"] / tot["HS"], 0.0)
    materials = get("job.materials", sum(_f(m.amount) for m in job.materials))
    equipment = sum(_f(u.hours) * _f(next(e.hourly_rate for e in at.equipment if e.name == u.name))
                    for u in job.equipment)
    vehicle = trips * km * _f(at.vehicle_cost_per_km)
    lines = {
        "integration_labour": H * labour,
        "training": W * tot["CT"] / tot["HQ"],
        "supervision": sup_hours * sup_rate,
        "accompaniment": W * tot["CA"] / tot["HQ"],
        "materials": np.full(n, materials),
        "equipment": np.full(n, equipment),
        "travel": vehicle + Tc * labour + Ts * sup_rate,
        "overheads": W * (tot["CU"] + overheads) / tot["HQ"],
    }
    full = sum(lines.values())
    ordinary = get("atelier.ordinary_hourly_cost", _f(at.ordinary_hourly_cost))
    production_cost = standard * ordinary + materials + equipment + vehicle
    subsidies = sum(f * W / tot["HQ"] for f in funding)
    market = get("atelier.market_hourly_price", _f(at.market_hourly_price))
    pricing = job.pricing or at.pricing or scenario.pricing  # the most specific options apply
    o = job.output
    units = get("job.output.quantity", _f(o.quantity) if _f(o.quantity) > 0 else np.nan)
    units = np.where(np.isnan(units), standard, units)
    sold = units * (1.0 - _f(o.loss_share))
    revenue = units * _f(o.recovered_share) * get("job.output.support_per_unit", _f(o.support_per_unit))
    net = full - subsidies - revenue
    if o.market_unit_price is not None:
        market_price = sold * _f(o.market_unit_price)
    else:
        market_price = standard * market + materials
    if pricing.policy == "fair_zone":
        ceiling = full * (1.0 + _f(pricing.reasonable_profit)) - subsidies - revenue
        price = np.maximum(np.minimum(np.maximum(market_price, net), ceiling), 0.0)
    elif pricing.policy == "cost_plus":
        price = full * (1.0 + get("pricing.margin", _f(pricing.margin)))
    elif pricing.policy == "market":
        price = market_price
    else:
        k = (1 + _f(pricing.site_costs)) / (1 - _f(pricing.overheads) - _f(pricing.profit))
        k = np.round(k * 10**pricing.k_decimals) / 10**pricing.k_decimals
        price = (lines["integration_labour"] + lines["training"] + lines["supervision"] + materials + equipment) * k
    # Output (cost_model.md, "units of output"): the standard hours unless a quantity is given;
    # goods lose a share; revenue tied to output (on the recovered share) lowers the net cost.
    if o.market_unit_price is not None:
        floor = sold * _f(o.market_floor_unit_price if o.market_floor_unit_price is not None else o.market_unit_price)
    else:
        floor = standard * get("atelier.market_floor_hourly_price", _f(at.market_floor_hourly_price)) + materials
    # Marginal: materials, equipment and the vehicle; labour too when the job adds paid hours.
    marginal = materials + equipment + vehicle
    if job.adds_paid_hours:
        marginal = marginal + lines["integration_labour"] + lines["training"] + lines["supervision"] + \
            Tc * labour + Ts * sup_rate
    vat_rate = 0.0 if aci.tax_status != "vat_liable" else (
        _f(job.vat_rate) if job.vat_rate is not None else rate({"standard": "vat_standard", "housing_renovation":
                                                                "vat_intermediate", "home_services": "vat_intermediate",
                                                                "household_waste_other": "vat_intermediate"}.get(
                                                                    job.vat_kind, "vat_reduced")))
    charges = tot["CI"] + tot["CS"] + tot["CA"] + tot["CU"] + overheads + _f(at.annual_other_charges) + \
        sum(_f(e.hourly_rate) * _f(e.annual_hours) for e in at.equipment) + \
        _f(at.vehicle_cost_per_km) * _f(at.annual_vehicle_km)
    cap = charges * _f(at.sales_cap_share)
    ceiling = full * (1.0 + _f(pricing.reasonable_profit)) - subsidies - revenue
    out = {"full_cost": full, "production_cost": production_cost, "insertion_extra_cost": full - production_cost,
           "subsidies": subsidies, "net_cost": net, "price_ht": price, "market_floor": floor, "integration_hours": H,
           "output_revenue": revenue, "full_cost_per_unit": full / sold, "net_cost_per_unit": net / sold,
           "price_per_unit": price / sold}
    out.update({"line." + k: np.broadcast_to(x, (n,)) for k, x in lines.items()})
    out.update({"price_ttc": price * (1.0 + vat_rate), "marginal_cost": np.broadcast_to(marginal, (n,)),
                "price_minus_net_cost": price - net, "below_market_floor": (price < floor).astype(float),
                "below_net_cost": (price < net).astype(float), "overcompensated": (price > ceiling).astype(float),
                "above_sales_cap": (_f(at.annual_sales) + price >= cap).astype(float)})
    return out
