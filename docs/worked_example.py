"""Independent derivation of the worked example (docs/worked_example.md), in exact fractions.

It does not import aci_cost: it follows the formulas of docs/cost_model.md step by step on the
embedded default scenario (2026-04-15), so that the library's result can be checked against
numbers obtained another way: the job "park_maintenance" in full, the job "brush_clearing" in
short, and the atelier's forecast year. Run: python3 docs/worked_example.py (standard library
only; mpmath, if installed, is used only to cross-check one power).

Every amount is an exact Fraction. The one non-rational step, x**1.75 in the reduction
coefficient, is computed with the standard `decimal` module at 50 significant digits; the
coefficient rounded to 4 decimals is then *proved* with exact rational arithmetic (a rounding
interval [c - 0.00005, c + 0.00005) for Tmin + Tdelta x^(7/4) is the same as an interval for
x^7, a rational number), so no floating point decides any figure.
"""
import decimal
from fractions import Fraction as F

from exact import cents, fair_zone, largest_remainder, reduction_coefficient as exact_reduction_coefficient, round_half_away

D = decimal.Decimal


def show(label, x):
    print(f"{label:<62} {float(x):>16.6f}   exact {x}")
    return x


def money(x: F) -> str:
    assert x == cents(x)
    return f"{float(x):.2f}"


def print_shown(title, lines, total, shown):
    print(f"  {title}: rounded exact total {money(total)}, largest remainder:")
    for k in lines:
        mark = "" if shown[k] == cents(lines[k]) else f"   (plain rounding would give {money(cents(lines[k]))})"
        print(f"    shown {k:<24} {money(shown[k]):>12}{mark}")
    print(f"    shown TOTAL                    {money(total):>12}  (= sum of shown lines)")


# ---------------------------------------------------------------------------------------------
# Rates in force on 2026-04-15 (rate table). brush_clearing (2026-09-10) is derived at the same
# rates: the library also carries a reported SMIC of 12.31 from 2026-06-01 (tagged check).
smic = F("12.02")                          # hourly SMIC, €/h
tmin, tdelta = F("0.02"), F("0.3781")      # reduction, small employer (FNAL 0.10 %)
smic_multiple = 3                          # reduction below 3 SMIC
socle, fte_hours = F(23921), F(1820)       # aide au poste socle, €/FTE/year; paid h per FTE
rsa, rsa_share = F("646.52"), F("0.88")    # RSA single person €/month; département share
vat_standard = F("0.20")                   # tax status vat_liable, job kind "standard"


def reduction_coefficient(name, smic_year, gross):
    """C = Tmin + Tdelta (1/2 (3 SMIC_year / gross - 1))^1.75, to 4 decimals half away from zero
    (docs/exact.py proves the rounding with exact rationals)."""
    c, x, y = exact_reduction_coefficient(tmin, tdelta, smic_multiple, smic_year, gross)
    if x is None:
        print(f"  {name}: pay at or above 3 SMIC, no reduction")
        return F(0)
    show("  x = 1/2 (3 x SMIC_year / gross - 1)", x)
    if y is None:
        y_text = "1 (x = 1: exact)"
    else:
        y_text = f"{y:.30f} (decimal, 50 digits)"
        try:
            import mpmath
            mpmath.mp.dps = 50
            ym = mpmath.mpf(x.numerator) / x.denominator
            ym = ym ** mpmath.mpf("1.75")
            assert abs(D(mpmath.nstr(ym, 45)) - y) < D("1e-40")
            y_text += "; mpmath agrees"
        except ImportError:
            pass
    print(f"  {'  x^1.75':<60} {y_text}")
    return show("  C = 0.02 + 0.3781 x^1.75, 4 decimals (proved exactly)", c)


# ---------------------------------------------------------------------------------------------
print("1. Staff of the atelier \"Espaces verts\" (occupancy phi = 0.92 on integration groups)")
phi = F("0.92")
SHARES = ("training", "accompaniment", "meetings", "leave", "bank_holidays", "absence")
SICK_ACCRUAL = F(2) / F("2.5")  # paid leave days a month of sick leave accrues / a month of work (L3141-5-1)
PERM = dict(training=F(0), accompaniment=F(0), meetings=F(0), leave=F("0.096"), bank_holidays=F("0.024"), absence=F(0))
groups = [
    dict(name="CDDI crew", role="integration", n=F(12), w=F(26), u=F("0.05"), pay=("smic", None),
         rate=F("0.47"), per_head=F(350), health=F(15),
         shares=dict(training=F("0.05"), accompaniment=F("0.035"), meetings=F("0.015"),
                     leave=F("0.096"), bank_holidays=F("0.024"), absence=F("0.01"))),
    dict(name="ETPS", role="supervisor", n=F("1.4"), w=F(35), u=F(0), pay=("monthly", F(2350)),
         rate=F("0.45"), per_head=F(400), health=F(35),
         shares=dict(training=F("0.01"), accompaniment=F(0), meetings=F("0.03"),
                     leave=F("0.096"), bank_holidays=F("0.024"), absence=F("0.03"))),
    dict(name="CIP", role="socio_professional", n=F("0.35"), w=F(35), u=F(0),
         pay=("monthly", F(2350)), rate=F("0.45"), per_head=F(0), health=F(35), shares=dict(PERM)),
    dict(name="Director", role="support", n=F("0.25"), w=F(35), u=F(0),
         pay=("monthly", F(3500)), rate=F("0.45"), per_head=F(0), health=F(35), shares=dict(PERM)),
    dict(name="Administration", role="support", n=F("0.35"), w=F(35), u=F(0),
         pay=("monthly", F(2050)), rate=F("0.45"), per_head=F(0), health=F(35), shares=dict(PERM)),
]
# Pay at or above the collective agreement (IDCC 3016): minimum = coefficient x 7.05 € (point from
# 2025-07-01): encadrant B and accompagnateur B 315 -> 2,220.75; directeur B 455 -> 3,207.75;
# assistant administratif B 280 -> 1,974.00 (the library raises an error below it).
for g, coefficient in zip(groups[1:], (315, 315, 455, 280)):
    assert g["pay"][1] >= coefficient * F("7.05"), g["name"]
for g in groups:
    print(f" {g['name']} ({g['role']}): {g['n']} x {g['w']} h/week, unpaid absence {g['u']}, "
          f"legal reduction, rate before reduction {g['rate']}, per head {g['per_head']}")
    g["base"] = 52 * g["w"] * (1 - g["u"])
    g["paid_share"] = (1 - g["u"]) + g["u"] * g["shares"]["leave"] * SICK_ACCRUAL
    g["P"] = show(f"  paid hours P = 52 x {g['w']} x ((1 - {g['u']}) + {g['u']} x leave x 2/2.5)",
                  52 * g["w"] * g["paid_share"])
    basis, amount = g["pay"]
    if basis == "smic":
        g["gross"] = show("  gross = 12.02 x P", smic * g["P"])
    else:
        g["gross"] = show(f"  gross = {amount} x 12 x paid share", amount * 12 * g["paid_share"])
    smic_year = show("  SMIC_year = 12.02 x P", smic * g["P"])
    g["C"] = reduction_coefficient(g["name"], smic_year, g["gross"])
    g["contrib"] = show(f"  contributions = ({g['rate']} - C) x gross", (g["rate"] - g["C"]) * g["gross"])
    g["per_head_all"] = g["per_head"] + 12 * g["health"]
    g["cost"] = show(f"  annual cost per person C_g = gross + contributions + {g['per_head']} + 12 x {g['health']}",
                     g["gross"] + g["contrib"] + g["per_head_all"])
    g["p"] = show("  production share p = 1 - shares", 1 - sum(g["shares"].values()))
    g["n_eff"] = show("  headcount counted n' (phi x n for integration)",
                      phi * g["n"] if g["role"] == "integration" else g["n"])

integ = [g for g in groups if g["role"] == "integration"]
sups = [g for g in groups if g["role"] == "supervisor"]
asps = [g for g in groups if g["role"] == "socio_professional"]
supp = [g for g in groups if g["role"] == "support"]

print("2. The atelier's year")
HP = show("HP = sum n' P (integration paid hours)", sum(g["n_eff"] * g["P"] for g in integ))
HQ = show("HQ = sum n' 52 w (1 - u) p (integration production hours: worked hours only)",
          sum(g["n_eff"] * g["base"] * g["p"] for g in integ))
HT = show("HT = sum n' 52 w (1 - u) t (integration training hours)",
          sum(g["n_eff"] * g["base"] * g["shares"]["training"] for g in integ))
CI = show("CI = sum n' C_g (integration cost)", sum(g["n_eff"] * g["cost"] for g in integ))
CT = show("CT = sum n' C_g x training hours / paid hours (training part)",
          sum(g["n_eff"] * g["cost"] * g["base"] * g["shares"]["training"] / g["P"] for g in integ))
CS = show("CS = sum n C_g (supervisors)", sum(g["n"] * g["cost"] for g in sups))
HS = show("HS = sum n 52 w (1 - u) p (ETPS working hours)", sum(g["n"] * g["base"] * g["p"] for g in sups))
CA = show("CA (accompaniment, ASP)", sum(g["n"] * g["cost"] for g in asps))
CU = show("CU (support staff)", sum(g["n"] * g["cost"] for g in supp))
OH = show("O (annual overheads)", F(32000))
X = show("X (other charges)", F(16000))
equipment_rates = {"mower": F("8.50"), "brush_cutter": F("3.20"), "hedge_trimmer": F("2.80")}
equipment_annual_hours = {"mower": 500, "brush_cutter": 400, "hedge_trimmer": 300}
per_km, annual_km = F("0.55"), 30000
V_equipment = show("  equipment of the year = 8.50 x 500 + 3.20 x 400 + 2.80 x 300",
                   sum(equipment_rates[k] * h for k, h in equipment_annual_hours.items()))
V_vehicles = show("  vehicles of the year = 30000 km x 0.55", annual_km * per_km)
V = show("V = equipment + vehicles", V_equipment + V_vehicles)

print("3. Funding of the year")
modulation, rsa_fte = F("0.05"), F(5)
AID = show("AID = 23921 x (1 + 0.05) x HP / 1820", socle * (1 + modulation) * HP / fte_hours)
assert rsa_fte <= HP / fte_hours
AID_D = show("AID_D = 5 x 0.88 x 646.52 x 12 (département, in place of the State)",
             rsa_fte * rsa_share * rsa * 12)
assert AID_D <= AID
AID_S = show("AID_S = AID - AID_D (State)", AID - AID_D)
grants = {"departement_grants": F(30000), "region": F(12000), "fse_plus": F(20000), "opco": F(4000),
          "other_grants": F(25000)}
public_grants = show("public grants (aid and grants, the OPCO's left out)",
                     AID + sum(v for k, v in grants.items() if k != "opco"))
AUDITOR = show("statutory auditor: public grants > 153,000 (L612-4, D612-5), fee 5,000",
               F(5000) if public_grants > 153000 else F(0))
sales, cap_share = F(72000), F("0.30")
annual_charges = show("annual charges = CI + CS + CA + CU + O + auditor + X + V", CI + CS + CA + CU + OH + AUDITOR + X + V)

print("4. Rates per hour of integration work (CS/HS per ETPS working hour)")
labour = show("labour = (CI - CT) / HQ", (CI - CT) / HQ)
training = show("training = CT / HQ", CT / HQ)
accompaniment = show("accompaniment = CA / HQ", CA / HQ)
overheads = show("overheads = (CU + O + auditor) / HQ", (CU + OH + AUDITOR) / HQ)
supervision = show("supervision = CS / HS", CS / HS)

def quote(name, std_parts, productivity, crew, supervisors, trips, km_per_trip, hours_per_trip,
          materials, equipment_hours, adds_paid_hours, margin=F("0.05"), vat=vat_standard,  # margin: reasonable profit
          ordinary_hourly_cost=F(32), r_o=F("0.10"), market_price=F(40), market_floor=F(38)):
    print(f"5. Job {name}")
    S = show("S = standard hours (" + " + ".join(t for t, _ in std_parts) + ")",
             sum(v for _, v in std_parts))
    H = show(f"H = S / productivity {productivity} (on-site integration hours)", S / productivity)
    E = show(f"E = H / crew {crew} (elapsed)", H / crew)
    etps_site = show(f"ETPS on site = E x {supervisors}", E * supervisors)
    Tc = show(f"Tc = {trips} trips x {hours_per_trip} h x crew {crew}", trips * hours_per_trip * crew)
    Ts = show(f"Ts = {trips} trips x {hours_per_trip} h x {supervisors} ETPS",
              trips * hours_per_trip * supervisors)
    W = show("W = H + Tc (integration work hours)", H + Tc)
    vehicle = show(f"vehicle = {trips} x {km_per_trip} km x {per_km}", trips * km_per_trip * per_km)
    equipment = show("equipment = " + " + ".join(f"{h} h x {equipment_rates[k]}" for k, h in equipment_hours.items()),
                     sum(equipment_rates[k] * h for k, h in equipment_hours.items()))
    lines = {
        "integration_labour": H * labour,
        "training": W * training,
        "supervision": etps_site * supervision,
        "accompaniment": W * accompaniment,
        "materials": materials,
        "equipment": equipment,
        "travel": vehicle + Tc * labour + Ts * supervision,
        "overheads": W * overheads,
    }
    formulas = {"integration_labour": "H x labour", "training": "W x training",
                "supervision": "E x supervisors x CS/HS", "accompaniment": "W x accompaniment",
                "materials": "at cost", "equipment": "hours x rates",
                "travel": "km cost + Tc x labour + Ts x CS/HS", "overheads": "W x overheads"}
    for k, v in lines.items():
        show(f"  line {k} = {formulas[k]}", v)
    show("full cost (exact) = sum of lines", sum(lines.values()))
    full, shown = largest_remainder(lines)
    print_shown("cost lines", lines, full, shown)
    production_exact = show(f"production cost = S x {ordinary_hourly_cost} + materials + equipment + vehicle",
                            S * ordinary_hourly_cost + materials + equipment + vehicle)
    production = cents(production_exact)
    extra_top_down = full - production
    print(f"  shown production cost {money(production)}, insertion extra (top-down) "
          f"= {money(full)} - {money(production)} = {money(extra_top_down)}")
    bottom = {
        "productivity_gap": (H - S) * labour,
        "extra_supervision": max(F(0), etps_site - S * r_o) * supervision,
        "training": lines["training"],
        "accompaniment": lines["accompaniment"],
    }
    show("  bottom-up productivity_gap = (H - S) x labour", bottom["productivity_gap"])
    show(f"  bottom-up extra_supervision = max(0, E x sup - S x {r_o}) x CS/HS", bottom["extra_supervision"])
    show("  bottom-up training (the training line)", bottom["training"])
    show("  bottom-up accompaniment (the accompaniment line)", bottom["accompaniment"])
    show("  bottom-up total (exact)", sum(bottom.values()))
    # One item, one figure: the training and accompaniment lines are the cost lines' shown
    # amounts; the productivity gap and extra supervision take the rest of the rounded total,
    # by the largest remainder.
    extra_bottom_up = cents(sum(bottom.values()))
    rest = extra_bottom_up - shown["training"] - shown["accompaniment"]
    free = {k: bottom[k] for k in ("productivity_gap", "extra_supervision")}
    floors = {k: F(int(v * 100 // 1), 100) for k, v in free.items()}
    left = int((rest - sum(floors.values())) * 100)
    assert 0 <= left <= 2
    for k in sorted(free, key=lambda k: -(free[k] * 100 - int(free[k] * 100 // 1)))[:left]:
        floors[k] += F(1, 100)
    bottom_shown = dict(floors, training=shown["training"], accompaniment=shown["accompaniment"])
    print_shown("insertion extra, bottom-up", bottom, extra_bottom_up, bottom_shown)
    print(f"  gap top-down - bottom-up = {money(extra_top_down)} - {money(extra_bottom_up)} "
          f"= {money(extra_top_down - extra_bottom_up)}")
    marginal_exact = materials + equipment + vehicle
    if adds_paid_hours:
        marginal_exact += lines["integration_labour"] + lines["training"] + lines["supervision"] \
            + Tc * labour + Ts * supervision
    show(f"marginal cost (adds_paid_hours {adds_paid_hours}: materials + equipment + km)", marginal_exact)
    marginal = cents(marginal_exact)
    share = show("share of the atelier's year W / HQ", W / HQ)
    subsidies = {"aid_state": AID_S * share, "aid_departement": AID_D * share}
    subsidies.update({k: v * share for k, v in grants.items()})
    for k, v in subsidies.items():
        show(f"  subsidy {k} = annual x W / HQ", v)
    show("subsidies (exact)", sum(subsidies.values()))
    subs, subs_shown = largest_remainder(subsidies)
    print_shown("subsidy lines", subsidies, subs, subs_shown)
    net = full - subs
    print(f"  net cost = {money(full)} - {money(subs)} = {money(net)}")
    floor = S * market_floor + materials
    market = S * market_price + materials
    print(f"  market floor S x {market_floor} + materials = {money(floor)}; "
          f"market price S x {market_price} + materials = {money(market)}")
    # The fair zone (the default policy) on the shown bounds: the ceiling is the cent below
    # full x (1 + r) less the shown subsidies; the price is min(max(market, net), ceiling).
    ceiling, price = fair_zone(market, net, full, subs, F(0), margin)
    print(f"  over-compensation ceiling = floor_cent({money(full)} x {1 + margin}) - {money(subs)} = {money(ceiling)}")
    print(f"  fair-zone price = min(max(market {money(market)}, net {money(net)}), ceiling {money(ceiling)}) "
          f"= {money(price)}")
    vat_amount = cents(price * vat)
    ttc = price + vat_amount
    print(f"  shown price HT {money(price)}, VAT round({money(price)} x {vat}) = {money(vat_amount)}, "
          f"TTC {money(ttc)}")
    cap = cents(annual_charges * cap_share)
    headroom = cap - sales
    print(f"  sales cap: charges {money(cents(annual_charges))}, cap 30 % = {money(cap)}, "
          f"headroom {money(cap)} - {money(sales)} = {money(headroom)}")
    paid_h = show("insertion statement: paid insertion hours W x HP / HQ", W * HP / HQ)
    train_h = show("insertion statement: training hours W x HT / HQ", W * HT / HQ)
    def h2(x):
        return f"{float(round_half_away(x, 2)):.2f}"

    print(f"  insertion statement (hours shown to 2 decimals): W = {h2(W)} insertion hours "
          f"({h2(H)} on site + {h2(Tc)} travel), paid {h2(paid_h)}, training {h2(train_h)}, "
          f"crew {crew}, ETPS hours on site {h2(etps_site)}")
    need = show(f"supervision_capacity: supervisors / crew x HQ = {supervisors}/{crew} x HQ",
                F(supervisors) / crew * HQ)
    checks = {
        "supervision_capacity": need > HS,
        "below_market_floor": price < floor,
        "above_market_price": price > market,
        "below_net_cost": price < net,
        "below_full_cost": net <= price < full,
        "sales_cap": sales + price >= cap,
    }
    print(f"  supervision_capacity fires: {checks['supervision_capacity']} "
          f"({float(need):.6f} h needed > HS {float(HS):.6f} h)")
    print("  other checks as the table of cost_model.md reads: "
          + ", ".join(f"{k} {v}" for k, v in checks.items() if k != "supervision_capacity"))
    return dict(full=full, shown=shown, production=production, subsidies=subs, net=net,
                price=price, vat=vat_amount, ttc=ttc, marginal=marginal)


park = quote("park_maintenance (2026-04-15)",
             [("30", F(30)), ("12000 m2 x 0.0015", 12000 * F("0.0015")), ("300 m x 0.08", 300 * F("0.08"))],
             productivity=F("0.60"), crew=6, supervisors=1, trips=5, km_per_trip=24,
             hours_per_trip=F("0.75"), materials=F(180),
             equipment_hours={"mower": 18, "hedge_trimmer": 24}, adds_paid_hours=False)
print(f"  park_maintenance: full {money(park['full'])}, subsidies {money(park['subsidies'])}, "
      f"net {money(park['net'])}, price HT {money(park['price'])}")

clearing = quote("brush_clearing (2026-09-10, same rates in force)", [("40", F(40))],
                 productivity=F("0.60"), crew=6, supervisors=1, trips=4, km_per_trip=30,
                 hours_per_trip=F(1), materials=F(0),
                 equipment_hours={"brush_cutter": 40}, adds_paid_hours=False)
print(f"  brush_clearing: full {money(clearing['full'])}, subsidies {money(clearing['subsidies'])}, "
      f"net {money(clearing['net'])}, price HT {money(clearing['price'])}")

print("6. The atelier's forecast year (rates of 2026-01-01, the same as on 2026-04-15)")
charges = {
    "salaries": sum(g["n_eff"] * g["gross"] for g in groups),
    "social_contributions": sum(g["n_eff"] * g["contrib"] for g in groups),
    "other_staff_costs": sum(g["n_eff"] * g["per_head_all"] for g in groups),
    "overheads": OH,
    "structure": F(0),
    "statutory_auditor": AUDITOR,
    "other_charges": X,
    "equipment": V_equipment,
    "vehicles": V_vehicles,
}
for k, v in charges.items():
    show(f"  charge {k}", v)
assert sum(charges.values()) == annual_charges
charges_total, charges_shown = largest_remainder(charges)
print_shown("charges", charges, charges_total, charges_shown)
products = {"sales": sales, "aid_state": AID_S, "aid_departement": AID_D}
products.update(grants)
for k, v in products.items():
    show(f"  product {k}", v)
products_total, products_shown = largest_remainder(products)
print_shown("products", products, products_total, products_shown)
result = products_total - charges_total
print(f"  result = products - charges = {money(products_total)} - {money(charges_total)} = {money(result)}"
      f"   (exact {float(sum(products.values()) - sum(charges.values())):.6f})")
