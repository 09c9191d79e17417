"""Independent derivation of the worked example (docs/worked_example.md), in exact fractions.

It does not import aci_cost: it follows the formulas of docs/cost_model.md step by step on the
embedded default scenario's job "park_maintenance" (2026-04-15), so that the library's result can
be checked against numbers obtained another way. Run: python3 docs/worked_example.py
"""
from fractions import Fraction as F


def cents(x: F) -> F:
    """Half away from zero, to the cent."""
    sign = -1 if x < 0 else 1
    a = abs(x) * 100
    whole = a.numerator // a.denominator
    if a - whole >= F(1, 2):
        whole += 1
    return sign * F(whole, 100)


def show(label, x):
    print(f"{label:<58} {float(x):>16.6f}   exact {x}")
    return x


# Rates in force on 2026-04-15 (rate table): SMIC 12.02 €/h; reduction Tmin 0.02, Tdelta 0.3773
# (FNAL 0.10 %); aide au poste socle 23,921 €; FTE = 1,820 h; RSA 646.52 €/month; 88 %; VAT 20 %.
smic, tmin, tdelta = F("12.02"), F("0.02"), F("0.3773")
socle, fte, rsa, rsa_share, vat = F(23921), F(1820), F("646.52"), F("0.88"), F("0.20")

print("1. Integration crew: 12 people, 26 h/week at SMIC, legal reduction, base rate 0.47")
paid = show("paid hours per person = 26 x 52", F(26 * 52))
gross = show("annual gross = 12.02 x 1352", smic * paid)
# Pay = annual SMIC of the contract, so (3 x SMIC / pay - 1) / 2 = 1 and 1^1.75 = 1.
coef = show("reduction coefficient = 0.02 + 0.3773 x 1^1.75", tmin + tdelta)
contrib = show("contributions = (0.47 - 0.3973) x gross", (F("0.47") - coef) * gross)
cost = show("annual cost per person = gross + contrib + 350", gross + contrib + 350)
prod_share = 1 - F("0.05") - F("0.035") - F("0.015") - F("0.096") - F("0.024") - F("0.06")
show("production share", prod_share)
int_paid = show("atelier integration paid hours = 12 x 1352", 12 * paid)
int_prod = show("atelier integration production hours", int_paid * prod_share)
int_train_h = show("atelier integration training hours", int_paid * F("0.05"))
int_cost = show("atelier integration cost = 12 x cost", 12 * cost)
int_train_cost = show("training part of it = 12 x cost x 0.05", 12 * cost * F("0.05"))

print("2. Other staff")
etps = show("ETPS cost = 1.5 x (2220 x 12 x 1.35 + 400)", F(3, 2) * (F(2220) * 12 * F("1.35") + 400))
etps_prod = show("ETPS production h = 1.5 x 1820 x 0.81", F(3, 2) * 1820 * F("0.81"))
asp = show("ASP cost = 0.5 x 2300 x 12 x 1.35", F(1, 2) * 2300 * 12 * F("1.35"))
support = show("support cost = 0.6 x 2800 x 12 x 1.40", F(6, 10) * 2800 * 12 * F("1.40"))
overheads = F(30000)

print("3. Hourly rates per integration production hour")
labour_rate = show("labour rate = (int cost - training part) / prod h", (int_cost - int_train_cost) / int_prod)
train_rate = show("training rate = training part / prod h", int_train_cost / int_prod)
sup_rate = show("supervision rate = ETPS cost / ETPS prod h", etps / etps_prod)
acc_rate = show("accompaniment rate = ASP / prod h", asp / int_prod)
oh_rate = show("overhead rate = (support + overheads) / prod h", (support + overheads) / int_prod)

print("4. The job: 30 h + 12000 m2 x 0.0015 + 300 m x 0.08 standard hours, productivity 0.6")
std = show("standard hours", 30 + 12000 * F("0.0015") + 300 * F("0.08"))
H = show("integration hours = std / 0.6", std / F("0.6"))
sup_h = show("supervision hours = H / crew 4 x 1 ETPS", H / 4)
lines = {
    "integration_labour": H * labour_rate,
    "training": H * train_rate,
    "supervision": sup_h * sup_rate,
    "accompaniment": H * acc_rate,
    "materials": F(180),
    "equipment": 18 * F("8.50") + 24 * F("2.80"),
    # vehicle 5 x 24 km x 0.45 €/km + 5 x 0.75 h x (4 crew x integration rate + 1 x supervision rate)
    "travel": 5 * 24 * F("0.45") + 5 * F("0.75") * (4 * (labour_rate + train_rate) + sup_rate),
    "overheads": H * oh_rate,
}
for k, v in lines.items():
    show("  line " + k, v)
full = show("full cost (exact)", sum(lines.values()))
rounded = {k: cents(v) for k, v in lines.items()}
total = cents(full)
# Largest remainder: the cents left after rounding every line go to the largest remainders.
floors = {k: F(int(v * 100), 100) for k, v in lines.items()}
left = int((total - sum(floors.values())) * 100)
order = sorted(lines, key=lambda k: -(lines[k] * 100 - int(lines[k] * 100)))
shown = dict(floors)
for k in order[:left]:
    shown[k] += F(1, 100)
for k in lines:
    print(f"  shown {k:<22} {float(shown[k]):>12.2f}")
print(f"  shown FULL COST              {float(total):>12.2f}  (sum of shown lines {float(sum(shown.values())):.2f})")
production = show("production cost = 72 x 32 + 180 + equipment + vehicle 54",
                  std * 32 + 180 + lines["equipment"] + 5 * 24 * F("0.45"))
per_h = H / int_prod
aid = show("aide au poste = 23921 x 1.05 x int paid h / 1820 x H / prod h", socle * F("1.05") * int_paid / fte * per_h)
dep = show("département = 3 x 0.88 x 646.52 x 12 x H / prod h", 3 * rsa_share * rsa * 12 * per_h)
grants = show("other grants = 20000 x H / prod h", 20000 * per_h)
subs = cents(aid) + cents(dep) + cents(grants)
print(f"  shown subsidies {float(cents(aid)):.2f} + {float(cents(dep)):.2f} + {float(cents(grants)):.2f}"
      f" (total of exact {float(cents(aid + dep + grants)):.2f})")
print(f"  shown net cost = {float(total - cents(aid + dep + grants)):.2f}")
price = show("price HT = full x 1.05 (cost_plus 5 %)", full * F("1.05"))
print(f"  shown price HT {float(cents(price)):.2f}, VAT {float(cents(cents(price) * vat)):.2f}, "
      f"TTC {float(cents(price) + cents(cents(price) * vat)):.2f}")
charges = show("annual charges", int_cost + etps + asp + support + overheads + 15000)
print(f"  shown sales cap 30 % {float(cents(charges * F('0.3'))):.2f}, headroom "
      f"{float(cents(charges * F('0.3')) - 60000):.2f}")
print(f"  market floor 72 x 38 + 180 = {float(std * 38 + 180):.2f}; market price 72 x 40 + 180 = {float(std * 40 + 180):.2f}")
print(f"  production cost shown {float(cents(production)):.2f}, insertion extra {float(total - cents(production)):.2f}")
print(f"  paid insertion hours {float(H * int_paid / int_prod):.4f}, training hours {float(H * int_train_h / int_prod):.4f}")
