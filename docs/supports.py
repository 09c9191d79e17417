"""Independent derivation of each support's default quote (docs/supports.md), in exact fractions.

It does not import aci_cost: it reads a scenario document (JSON, the library's format; the
defaults are printed by `python -m aci_cost scenario --support NAME`) and follows the formulas
of docs/cost_model.md for the scenario's last job, with the rates in force on 2026-04-15 written
out below (the worked example's, docs/worked_example.md). Every amount is an exact Fraction; the
reduction coefficient's power x^1.75 is computed at 50 digits and its rounding to 4 decimals is
proved with exact rationals, as in docs/worked_example.py.

Run: python3 docs/supports.py SCENARIO.json   (prints the figures; --json prints them as JSON)
"""
import json
import sys
from fractions import Fraction as F

from exact import cents, fair_zone, largest_remainder, reduction_coefficient, round_half_away

# Rates in force on 2026-04-15 (the library's rate table, with sources in it).
SMIC = F("12.02")                              # hourly SMIC, €/h
TMIN, TDELTA, MULTIPLE = F("0.02"), F("0.3781"), 3   # 2026 reduction, employer under 50 (FNAL 0.10 %)
TDELTA_LARGE = F("0.3821")                     # FNAL 0.50 % (50 staff or more)
SOCLE, FTE_HOURS = F(23921), F(1820)           # aide au poste socle €/FTE/year; paid hours of one FTE
RSA, RSA_SHARE = F("646.52"), F("0.88")        # RSA single person €/month; département's share
VAT = {"standard": F("0.20"), "housing_renovation": F("0.10"), "home_services": F("0.10"),
       "food": F("0.055"), "energy_renovation": F("0.055"), "household_waste_sorting": F("0.055"),
       "household_waste_other": F("0.10")}
SICK_ACCRUAL = F(2) / F("2.5")                 # paid leave days accrued per month of sick leave / of work (L3141-5-1)
AUDIT_THRESHOLD, AUDITOR_FEE = F(153000), None  # L612-4 / D612-5; the fee is the scenario's (aci.statutory_auditor_fee)


def reduction(tdelta: F, smic_year: F, gross: F) -> F:
    """C = min(Tmin + Tdelta, round4(Tmin + Tdelta x^1.75)), x = (3 SMIC_year / gross - 1) / 2."""
    return reduction_coefficient(TMIN, tdelta, MULTIPLE, smic_year, gross)[0]


def quote(doc: dict) -> dict:
    aci = doc["aci"]
    job = doc["jobs"][-1]
    at = next(a for a in aci["ateliers"] if job["atelier"] in (a["name"], a["support"]))
    assert not aci.get("structure"), "the supports' defaults share no structure"
    tdelta = TDELTA_LARGE if aci.get("large_employer") else TDELTA
    phi = F(str(at["occupancy"]))
    tot = dict(HP=F(0), HQ=F(0), HT=F(0), CI=F(0), CT=F(0), CS=F(0), HS=F(0), CA=F(0), CU=F(0))
    for g in at["staff"]:
        n, w, u = F(str(g["headcount"])), F(str(g["weekly_hours"])), F(str(g["unpaid_absence"]))
        shares = {k: F(str(v)) for k, v in g["hours"].items()}
        # Paid hours: the hours worked or on paid leave, plus the paid leave sick leave accrues
        # (loi 2024-364: 2 days a month of sick leave against 2.5 a month worked), paid, not worked.
        base = 52 * w * (1 - u)
        paid_share = (1 - u) + u * shares["leave"] * SICK_ACCRUAL
        P = 52 * w * paid_share
        pay = g["pay"]
        gross = {"smic": lambda: SMIC * P, "hourly": lambda: F(pay["amount"]) * P,
                 "monthly": lambda: F(pay["amount"]) * 12 * paid_share}[pay["basis"]]()
        c = g["contributions"]
        rate = F(str(c["employer_rate"]))
        if c["mode"] == "legal_reduction":
            rate -= reduction(tdelta, SMIC * P, gross)
        # Per-head costs and the employer's share of the health cover (12 months).
        cost = gross + rate * gross + F(g["per_head_annual_cost"]) + 12 * F(g.get("health_cover_monthly", "0"))
        p = 1 - sum(shares.values())
        role = g["role"]
        if role == "integration":
            ne = phi * n
            tot["HP"] += ne * P
            tot["HQ"] += ne * base * p           # production and training on the hours worked
            tot["HT"] += ne * base * shares["training"]
            tot["CI"] += ne * cost
            tot["CT"] += ne * cost * (base * shares["training"] / P)
        elif role == "supervisor":
            tot["CS"] += n * cost
            tot["HS"] += n * base * p
        elif role == "socio_professional":
            tot["CA"] += n * cost
        else:
            tot["CU"] += n * cost
    HQ = tot["HQ"]
    labour = (tot["CI"] - tot["CT"]) / HQ  # training is charged by its hours' share of CT (the lines below)
    sub = at["subsidies"]
    funding = [F(0), F(0)]
    if sub["aide_au_poste"]:
        aid = SOCLE * (1 + F(str(sub["aid_modulation_share"]))) * tot["HP"] / FTE_HOURS
        dep = F(str(sub["rsa_fte"])) * RSA_SHARE * RSA * 12
        funding = [aid - dep, dep]
    funding += [F(sub[k]) for k in ("departement_grants_annual", "region_annual", "fse_plus_annual", "opco_annual",
                                    "other_grants_annual")]
    # The statutory auditor (L612-4): public grants (all but the OPCO's) above 153,000 € a year; the
    # fee is loaded per work hour with the overheads (one atelier: all of it).
    public = sum(funding) - funding[5]
    auditor = F(aci.get("statutory_auditor_fee", "5000")) if public > AUDIT_THRESHOLD else F(0)
    # The job: standard hours from its own hours, drivers and the atelier's time equations.
    eqs = {e["name"]: e for e in at.get("time_equations", [])}
    S = F(str(job["standard_hours"])) + sum(F(str(d["quantity"])) * F(str(d["hours_per_unit"])) for d in job["drivers"])
    for use in job.get("work", []):
        e = eqs[use["equation"]]
        per = F(str(e["constant"])) + sum(F(str(c)) * F(str(use["drivers"].get(k, 0))) for k, c in e["terms"].items())
        S += F(str(use["count"])) * per
    prod = F(str(job.get("productivity", at["default_productivity"])))
    crew, sup = F(str(job["crew_size"])), F(str(job["supervisors"]))
    tr = job["travel"]
    trips, hpt, km = F(str(tr["trips"])), F(str(tr["hours_per_trip"])), F(str(tr["km_per_trip"]))
    H = S / prod
    Tc, Ts = trips * hpt * crew, trips * hpt * sup
    W = H + Tc
    share = W / HQ
    sup_rate = tot["CS"] / tot["HS"] if sup > 0 else F(0)
    rates = {e["name"]: F(e["hourly_rate"]) for e in at["equipment"]}
    equipment = sum(F(str(u["hours"])) * rates[u["name"]] for u in job["equipment"])
    materials = sum(F(m["amount"]) for m in job["materials"])
    lines = [H * labour, share * tot["CT"], H / crew * sup * sup_rate, share * tot["CA"], materials, equipment,
             trips * km * F(at["vehicle_cost_per_km"]) + Tc * labour + Ts * sup_rate, share * (tot["CU"] + F(at["annual_overheads"]) + auditor)]
    full_exact = sum(lines)
    subs_exact = [f * share for f in funding]
    out = job.get("output", {})
    units = F(str(out.get("quantity", 0))) or S
    sold = units * (1 - F(str(out.get("loss_share", 0))))
    revenue_exact = units * F(str(out.get("recovered_share", 1))) * F(out.get("support_per_unit", "0"))
    pricing = doc["pricing"]
    policy = pricing["policy"]
    materials_market = (sold * F(out["market_unit_price"]) if out.get("market_unit_price") is not None
                        else S * F(at["market_hourly_price"]) + materials)
    floor_market = (sold * F(out.get("market_floor_unit_price") or out["market_unit_price"])
                    if out.get("market_unit_price") is not None else S * F(at["market_floor_hourly_price"]) + materials)
    r = F(str(pricing.get("reasonable_profit", "0.05")))
    ceiling_exact = full_exact * (1 + r) - sum(subs_exact) - revenue_exact
    if policy == "cost_plus":
        price_exact = full_exact * (1 + F(str(pricing["margin"])))
    elif policy == "market":
        price_exact = materials_market
    elif policy == "fair_zone":
        # The market price, floored at the net cost, capped at the over-compensation ceiling:
        # the engine's exact figure (the per-unit price), then the shown price on shown bounds below.
        net_e = full_exact - sum(subs_exact) - revenue_exact
        price_exact = min(max(materials_market, net_e), ceiling_exact)
    else:
        k = round_half_away((1 + F(str(pricing["site_costs"]))) / (1 - F(str(pricing["overheads"])) - F(str(pricing["profit"]))),
                            int(pricing.get("k_decimals", 3)))
        price_exact = (lines[0] + lines[1] + lines[2] + materials + equipment) * k
    vat = F(0) if aci["tax_status"] == "non_profit_exempt" else F(str(job["vat_rate"])) if "vat_rate" in job \
        else VAT[job["vat_kind"]]
    full = cents(full_exact)
    shown_lines = list(largest_remainder(dict(enumerate(lines)))[1].values())
    subs = cents(sum(subs_exact))
    revenue = cents(revenue_exact)
    net = full - subs - revenue
    net_exact = full_exact - sum(subs_exact) - revenue_exact
    price = cents(price_exact)
    market, floor = cents(materials_market), cents(floor_market)
    # The shown ceiling: the cent below full x (1 + r), less the shown subsidies and revenue.
    ceiling, zone_price = fair_zone(market, net, full, subs, revenue, r)
    if policy == "fair_zone":
        price = zone_price
    return {"standard_hours": S, "full_cost": full, "lines": shown_lines, "subsidies": subs, "output_revenue": revenue,
            "net_cost": net, "price_ht": price, "vat": cents(price * vat),
            "market_price": market, "market_floor": floor, "overcompensation_ceiling": ceiling,
            "sold": sold, "full_cost_per_unit": cents(full_exact / sold), "net_cost_per_unit": cents(net_exact / sold),
            "price_per_unit": cents(price_exact / sold)}


def main(argv: list) -> int:
    doc = json.load(open(argv[0], encoding="utf-8"))
    r = quote(doc)
    if "--json" in argv:
        print(json.dumps({k: (str(v) if not isinstance(v, list) else [str(x) for x in v]) for k, v in r.items()}))
    else:
        for k, v in r.items():
            print(f"{k:<20} {v if isinstance(v, list) else (float(v) if v.denominator != 1 else v)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
