#!/usr/bin/env python3
"""Generates an ACI's own data from the library's forecast year: an FEC (LPF art. A47 A-1) and an
hours file of an ACI that ran exactly to plan — so that its realised year equals the forecast to
the cent — plus the malformed files an import must refuse, and a 200,000-line FEC.

    make_actuals_data.py OUTDIR [--scenario S.json] [--date YYYY-MM-DD] [--lines N] [--malformed]
                                [--season]

Every line is traceable to a figure of the forecast: each line of the year (atelier, key) is
posted on the accounts of POSTINGS (a key with several accounts is split by their shares, an
[assumption] of this script), month by month (twelve equal parts to the cent), each entry's
EcritureLib naming the forecast line it comes from. The balance-sheet side (suppliers, clients,
staff, the State, the bank) is realistic bookkeeping whose amounts follow from those lines and
from the labelled assumptions below; it does not reach the realised year (classes 6 and 7 only).
The hours split each atelier's planned hours (actuals.planned_hours) by kind, staff group and
month; the scenario's jobs take their quoted hours in their month.

--season writes a year that did not run to plan (examples/from_accounts_to_hour_cost.ipynb):
drifted charges and sales, a job that took more hours than quoted, 18 % of the training deferred
into production, an account 79 the 2025 plan comptable abolished, and 24 mowing jobs measured
in m² and metres of hedge (work.csv) to calibrate a time equation from.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Optional

import aci_cost
from aci_cost import actuals, budget

CENT = Decimal("0.01")
ANALYTIC = "CodeAnalytique"
#: [assumption] employees' contributions withheld from gross pay (balance sheet only: 421/431).
EMPLOYEE_SHARE = Decimal("0.22")
#: [assumption] VAT on the ACI's purchases of goods and services (60, 61, 62; balance sheet only: 44566).
PURCHASE_VAT = Decimal("0.20")
#: [assumption] the bank balance brought forward (journal AN, balance sheet only).
OPENING_BANK = Decimal("50000.00")
STRUCTURE_CODE = "STRUCTURE"

# Where each line of the year is posted: (account, label, share). A key of the forecast year with
# no entry here is an error (make_fec says which): add its accounts and a rule of the mapping.
POSTINGS: dict[str, list[tuple[str, str, str]]] = {
    "salaries": [("641100", "Salaires et appointements", "1")],
    "social_contributions": [("645100", "Cotisations à l'URSSAF", "0.7"),
                             ("645300", "Cotisations aux caisses de retraite", "0.3")],
    "other_staff_costs": [("647500", "Médecine du travail, pharmacie", "0.3"),
                          ("648000", "Autres charges de personnel (tenues, EPI)", "0.7")],
    "overheads": [("613200", "Locations immobilières", "0.5"), ("616000", "Primes d'assurances", "0.15"),
                  ("606100", "Fournitures non stockables (eau, énergie)", "0.15"), ("622600", "Honoraires", "0.1"),
                  ("626000", "Frais postaux et de télécommunications", "0.1")],
    "structure": [("613200", "Locations immobilières (structure)", "0.4"),
                  ("622600", "Honoraires (structure)", "0.3"), ("641100", "Salaires (structure)", "0.3")],
    "statutory_auditor": [("622610", "Honoraires du commissaire aux comptes", "1")],
    "other_charges": [("601000", "Achats stockés, matières premières et fournitures", "0.6"),
                      ("611000", "Sous-traitance générale", "0.4")],
    "equipment": [("681120", "Dotations aux amortissements des immobilisations corporelles", "0.5"),
                  ("615500", "Entretien et réparations sur biens mobiliers", "0.3"),
                  ("613500", "Locations mobilières", "0.2")],
    "vehicles": [("625100", "Voyages et déplacements (véhicules des chantiers)", "1")],
    "sales": [("706000", "Prestations de services", "1")],
    "aid_state": [("741100", "Aide au poste, part de l'État (ASP)", "1")],
    "aid_departement": [("743100", "Aide au poste, part du département (RSA)", "1")],
    "departement_grants": [("743000", "Subventions du département", "1")],
    "region": [("742000", "Subventions de la région", "1")],
    "fse_plus": [("746000", "Fonds social européen (FSE+)", "1")],
    "opco": [("748100", "Prises en charge OPCO (formation)", "1")],
    "other_grants": [("748000", "Autres subventions d'exploitation", "1")],
}
#: Lines posted under the structure's analytic code (the default mapping's rule "6" code STRUCTURE).
CODED = {"structure": STRUCTURE_CODE}
#: Journals: payroll (PAIE), purchases (AC), sales (VE), grants (SUB), other (OD), bank (BQ), opening (AN).
PAYROLL_KEYS = ("salaries", "social_contributions")
GRANT_KEYS = ("aid_state", "aid_departement", "departement_grants", "region", "fse_plus", "opco", "other_grants")


def cents(x: Decimal) -> Decimal:
    return x.quantize(CENT)


def fr(x: Decimal) -> str:
    """An FEC amount: decimal comma, two decimals, no thousands separator."""
    return f"{x:.2f}".replace(".", ",")


def split(total: Decimal, weights) -> list[Decimal]:
    """`total` (cents) in parts proportional to `weights`, adding up exactly (largest remainder)."""
    weights = [Decimal(str(w)) for w in weights]
    if total == 0:
        return [Decimal("0.00")] * len(weights)
    return [Decimal(p) for p in aci_cost.split(total, weights)]


def month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))


@dataclass
class Fec:
    """An FEC being written: entries of balanced lines, written in date order (as exports list
    them), numbered per journal."""

    analytic: bool = True
    entries: list[tuple] = field(default_factory=list)

    def entry(self, journal: str, journal_label: str, day: dt.date, piece: str,
              lines: list[tuple[str, str, Decimal, Decimal, str, str]]) -> None:
        """One entry: lines (account, label, debit, credit, analytic code, EcritureLib); balanced."""
        debit = sum((d for _, _, d, _, _, _ in lines), Decimal(0))
        credit = sum((c for _, _, _, c, _, _ in lines), Decimal(0))
        assert debit == credit, (journal, piece, debit, credit)
        self.entries.append((day, len(self.entries), journal, journal_label, piece, lines))

    def text(self) -> str:
        header = list(actuals.FEC_COLUMNS) + ([ANALYTIC] if self.analytic else [])
        rows, numbers = ["\t".join(header)], {}
        for day, _, journal, journal_label, piece, lines in sorted(self.entries, key=lambda e: (e[0], e[1])):
            numbers[journal] = numbers.get(journal, 0) + 1
            number = f"{journal}{numbers[journal]:06d}"
            date = day.strftime("%Y%m%d")
            for account, label, d, c, code, text in lines:
                aux = ("401GEN", "Fournisseurs divers") if account.startswith("401") else \
                    ("411GEN", "Clients divers") if account.startswith("411") else ("", "")
                row = [journal, journal_label, number, date, account, label, aux[0], aux[1], piece, date, text,
                       fr(d), fr(c), "", "", date, "", ""]
                if self.analytic:
                    row.append(code)
                rows.append("\t".join(row))
        return "\n".join(rows) + "\n"


def postings(key: str) -> list[tuple[str, str, str]]:
    if key not in POSTINGS:
        raise ValueError(f"forecast line {key!r} has no account in POSTINGS (scripts/make_actuals_data.py): add its "
                         f"accounts there and a rule placing them in the default mapping "
                         f"(include/aci_cost/actuals/default_mapping.hpp)")
    return POSTINGS[key]


def check_postings(mapping: Optional[actuals.Mapping] = None) -> None:
    """Every account of POSTINGS is placed by the mapping on its own key (ValueError otherwise)."""
    m = mapping or actuals.default_mapping()
    for key, accounts in POSTINGS.items():
        for account, _, _ in accounts:
            rule = m.place(account, CODED.get(key, ""))
            if rule is None or rule.key != key:
                raise ValueError(f"POSTINGS[{key!r}] account {account}: the mapping places it on "
                                 f"{None if rule is None else rule.key!r}, not {key!r}")


def make_fec(scenario: aci_cost.Scenario, date: dt.date, *, pieces: int = 1, drift: Optional[dict] = None,
             analytic: bool = True, extra: Optional[list] = None) -> str:
    """The FEC of the forecast year of `scenario` at `date` (twelve months from `date`): each line
    of each atelier's year posted month by month, each month's amount in `pieces` documents.
    `drift`: {key: factor} multiplies a line (a year that did not run to plan). `extra`: further
    entries (journal, label, day, piece, lines)."""
    y = budget.year(scenario, date)
    drift = drift or {}
    fec = Fec(analytic=analytic)
    start = date
    months = [month_end(start.year + (start.month - 1 + k) // 12, (start.month - 1 + k) % 12 + 1) for k in range(12)]
    fec.entry("AN", "A nouveaux", start, "AN-OUV", [
        ("512000", "Banque", OPENING_BANK, Decimal(0), "", "Solde bancaire reporté [assumption]"),
        ("102000", "Fonds associatif sans droit de reprise", Decimal(0), OPENING_BANK, "", "Fonds associatif")])
    for a in y.ateliers:
        code = a.atelier
        for side, lines in (("charges", a.charges), ("products", a.products)):
            for line in lines:
                amount = cents(line.amount * Decimal(str(drift.get(line.key, 1))))
                if amount == 0:
                    continue
                accounts = postings(line.key)
                by_account = split(amount, [share for _, _, share in accounts])
                for (account, label, _), annual in zip(accounts, by_account):
                    for m, (day, monthly) in enumerate(zip(months, split(annual, [1] * 12)), start=1):
                        for p, part in enumerate(split(monthly, [1] * pieces), start=1):
                            if part == 0:
                                continue
                            text = f"{line.key} {a.atelier} {m:02d}/12 (forecast {fr(line.amount)})"
                            piece = f"{line.key[:3].upper()}-{day:%Y%m}-{p:04d}"
                            _post(fec, side, line.key, account, label, part, CODED.get(line.key, code), day, piece,
                                  text)
    for e in extra or []:
        fec.entry(*e)
    return fec.text()


def _post(fec: Fec, side: str, key: str, account: str, label: str, amount: Decimal, code: str, day: dt.date,
          piece: str, text: str) -> None:
    """One document of a line of the year, with its balance-sheet counterpart."""
    if side == "products":
        if key == "sales":
            vat = cents(amount * Decimal("0.20"))  # [assumption] sales at the standard rate (green-space works)
            fec.entry("VE", "Ventes", day, piece, [
                ("411000", "Clients", amount + vat, Decimal(0), "", text),
                (account, label, Decimal(0), amount, code, text),
                ("445710", "TVA collectée", Decimal(0), vat, "", text)])
            fec.entry("BQ", "Banque", day, piece, [
                ("512000", "Banque", amount + vat, Decimal(0), "", "Règlement client " + piece),
                ("411000", "Clients", Decimal(0), amount + vat, "", "Règlement client " + piece)])
        else:
            fec.entry("SUB", "Subventions", day, piece, [
                ("441000", "État et autres collectivités, subventions à recevoir", amount, Decimal(0), "", text),
                (account, label, Decimal(0), amount, code, text)])
            fec.entry("BQ", "Banque", day, piece, [
                ("512000", "Banque", amount, Decimal(0), "", "Versement " + piece),
                ("441000", "État et autres collectivités, subventions à recevoir", Decimal(0), amount, "",
                 "Versement " + piece)])
        return
    if account.startswith("641"):
        withheld = cents(amount * EMPLOYEE_SHARE)
        fec.entry("PAIE", "Paie", day, piece, [
            (account, label, amount, Decimal(0), code, text),
            ("421000", "Personnel, rémunérations dues", Decimal(0), amount - withheld, "", text),
            ("431000", "Sécurité sociale", Decimal(0), withheld, "", text + " (part salariale)")])
        fec.entry("BQ", "Banque", day, piece, [
            ("421000", "Personnel, rémunérations dues", amount - withheld, Decimal(0), "", "Virement des salaires"),
            ("512000", "Banque", Decimal(0), amount - withheld, "", "Virement des salaires")])
    elif account.startswith("645"):
        fec.entry("PAIE", "Paie", day, piece, [
            (account, label, amount, Decimal(0), code, text),
            ("431000", "Sécurité sociale", Decimal(0), amount, "", text)])
    elif account.startswith("681"):
        fec.entry("OD", "Opérations diverses", day, piece, [
            (account, label, amount, Decimal(0), code, text),
            ("281540", "Amortissements du matériel", Decimal(0), amount, "", text)])
    else:
        vat = cents(amount * PURCHASE_VAT) if account[:2] in ("60", "61", "62") else Decimal(0)
        lines = [(account, label, amount, Decimal(0), code, text)]
        if vat:
            lines.append(("445660", "TVA déductible sur autres biens et services", vat, Decimal(0), "", text))
        lines.append(("401000", "Fournisseurs", Decimal(0), amount + vat, "", text))
        fec.entry("AC", "Achats", day, piece, lines)
        fec.entry("BQ", "Banque", day, piece, [
            ("401000", "Fournisseurs", amount + vat, Decimal(0), "", "Règlement fournisseur " + piece),
            ("512000", "Banque", Decimal(0), amount + vat, "", "Règlement fournisseur " + piece)])


# ---- hours ---------------------------------------------------------------------------------------

KIND_SHARES = (("training", "training"), ("accompaniment", "accompaniment"), ("meeting", "meetings"),
               ("paid_absence", "leave"), ("paid_absence", "bank_holidays"), ("paid_absence", "absence"))


def _exact_hours(group, persons: Decimal) -> dict[str, Decimal]:
    """The exact hours of a staff group by kind (people/staff.hpp's split of paid hours)."""
    contract = Decimal(52) * group.weekly_hours
    paid = contract * (1 - group.unpaid_absence)
    h = group.hours
    out = {"production": persons * paid * (1 - h.training - h.accompaniment - h.meetings - h.leave - h.bank_holidays
                                          - h.absence),
           "unpaid_absence": persons * contract * group.unpaid_absence}
    for kind, share in KIND_SHARES:
        out[kind] = out.get(kind, Decimal(0)) + persons * paid * getattr(h, share)
    return out


def make_hours(scenario: aci_cost.Scenario, date: dt.date, *, job_hours: Optional[dict] = None,
               extra_jobs: Optional[list] = None, training_delivered: Decimal = Decimal(1)) -> str:
    """The hours file of a year run to plan: each atelier's planned hours (actuals.planned_hours) by
    kind, staff group and month; each quoted job's crew hours (on site, travelling) and supervision
    in its month, as quoted unless `job_hours` {job: (on_site, travel, supervision)} says otherwise;
    `extra_jobs` [(atelier, job, month, on_site, travel)] are more jobs carved from production;
    `training_delivered`: the share of the planned training delivered, the rest spent producing
    (training deferred by production pressure)."""
    planned = {p.atelier: p for p in actuals.planned_hours(scenario.aci, scenario.rate_table(), date)}
    months = [month_end(date.year + (date.month - 1 + k) // 12, (date.month - 1 + k) % 12 + 1) for k in range(12)]
    rows = []
    quotes = {j.name: aci_cost.quote(scenario, j.name) for j in scenario.jobs}
    for at in scenario.aci.ateliers:
        p = planned[at.name]
        for role in ("integration", "supervisor"):
            groups = [g for g in at.staff if g.role == role]
            if not groups:
                continue
            exact = [_exact_hours(g, g.headcount * (at.occupancy if role == "integration" else 1)) for g in groups]
            total = {k: sum((e[k] for e in exact), Decimal(0)) for k in exact[0]}
            if role == "integration":
                delivered = cents(p.training_hours * Decimal(training_delivered))
                targets = {"production": p.production_hours + p.training_hours - delivered, "training": delivered}
                rest = p.insertion_hours - p.production_hours - p.training_hours
                others = ("accompaniment", "meeting", "paid_absence")
                targets.update(zip(others, split(rest, [total[k] for k in others])))
            else:
                targets = {"production": p.supervision_hours}
                targets.update({k: cents(total[k]) for k in total if k not in targets})
            targets["unpaid_absence"] = cents(total["unpaid_absence"])
            # The jobs: their hours in their month, carved from the production hours.
            jobs = []
            for j in scenario.jobs:
                q = quotes[j.name]
                if q.atelier != at.name:
                    continue
                on_site, travel, sup = (job_hours or {}).get(j.name, (q.insertion.on_site_hours,
                                                                      q.insertion.travel_hours,
                                                                      q.insertion.supervision_hours))
                month = (j.date.year - date.year) * 12 + j.date.month - date.month
                if not 0 <= month < 12:
                    continue
                if role == "integration":
                    jobs += [(j.name, month, "production", Decimal(on_site)), (j.name, month, "travel", Decimal(travel))]
                else:
                    jobs.append((j.name, month, "production", Decimal(sup)))
            if role == "integration":
                jobs += [(name, month, "production", Decimal(h)) for a, name, month, h, _ in extra_jobs or [] if a == at.name]
                jobs += [(name, month, "travel", Decimal(t)) for a, name, month, _, t in extra_jobs or [] if a == at.name]
            carved = sum((h for *_, h in jobs), Decimal(0))
            if carved > targets["production"]:
                raise ValueError(f"{at.name}: the jobs' {carved} h exceed the {role} production hours "
                                 f"{targets['production']}")
            targets["production"] -= carved
            for kind, hours in targets.items():
                for g, e, part in zip(groups, exact, split(hours, [x[kind] for x in exact] if hours else [1] * len(groups))):
                    for day, monthly in zip(months, split(part, [1] * 12)):
                        if monthly:
                            rows.append((day.isoformat(), at.name, "", g.name, role, f"{monthly:.2f}", kind))
            for name, month, kind, h in jobs:
                if h:
                    rows.append((months[month].isoformat(), at.name, name, groups[0].name, role, f"{h:.2f}", kind))
    rows.sort(key=lambda r: (r[0], r[1], r[3], r[2], r[6]))
    return "\n".join(",".join(r) for r in [actuals.HOURS_COLUMNS, *rows]) + "\n"


# ---- the files --------------------------------------------------------------------------------

def fec_name(scenario: aci_cost.Scenario, date: dt.date) -> str:
    """<SIREN>FEC<closing date>.txt (A47 A-1): the SIREN is the first 9 digits of the SIRET."""
    siren = (scenario.aci.identity.siret or "000000000")[:9]
    return f"{siren}FEC{year_end(date):%Y%m%d}.txt"


def year_end(start: dt.date) -> dt.date:
    """The last day of the twelve months from `start`."""
    return month_end(start.year + (start.month + 10) // 12, (start.month + 10) % 12 + 1) if start.day == 1 \
        else start.replace(year=start.year + 1) - dt.timedelta(days=1)


def to_plan(outdir: Path, scenario: aci_cost.Scenario, date: dt.date, *, lines: Optional[int] = None) -> dict:
    """Writes the to-plan FEC and hours; with `lines`, an FEC of at least that many lines (more
    documents a month, the same totals). Returns {what: path}."""
    check_postings()
    outdir.mkdir(parents=True, exist_ok=True)
    out = {}
    base = make_fec(scenario, date)
    if lines:
        per_piece = base.count("\n") - 3  # lines of one document a month (header and opening aside)
        pieces = max(1, math.ceil(lines / per_piece))
        big = make_fec(scenario, date, pieces=pieces)
        while big.count("\n") - 1 < lines:  # a part split to zero is not written: a few more documents
            pieces += 1
            big = make_fec(scenario, date, pieces=pieces)
        path = outdir / f"fec_{lines // 1000}k.txt"
        path.write_text(big, encoding="utf-8")
        out["fec_big"] = path
    path = outdir / fec_name(scenario, date)
    path.write_text(base, encoding="utf-8")
    out["fec"] = path
    hours = outdir / "hours_to_plan.csv"
    hours.write_text(make_hours(scenario, date), encoding="utf-8")
    out["hours"] = hours
    return out


def malformed(outdir: Path, fec_text: str) -> dict:
    """The malformed files an import must refuse, each from the to-plan FEC with one fault:
    {name: (path, the line, the column)}."""
    outdir.mkdir(parents=True, exist_ok=True)
    lines = fec_text.rstrip("\n").split("\n")
    header = lines[0].split("\t")
    col = {name: k for k, name in enumerate(header)}
    # The first purchase (journal AC): its charge line, the third of the data lines at least.
    k = next(i for i, line in enumerate(lines) if line.split("\t")[0] == "AC")
    out = {}

    def write(name: str, rows: list[str], line: int, column: str) -> None:
        path = outdir / name
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        out[name] = (path, line, column)

    def changed(i: int, column: str, value: str) -> list[str]:
        rows = list(lines)
        fields = rows[i].split("\t")
        fields[col[column]] = value
        rows[i] = "\t".join(fields)
        return rows

    debit = lines[k].split("\t")[col["Debit"]]
    cents_ = int(debit.replace(",", "")) + 1
    write("fec_unbalanced.txt", changed(k, "Debit", f"{cents_ // 100},{cents_ % 100:02d}"), k + 1, "Debit/Credit")
    write("fec_bad_date.txt", changed(k, "EcritureDate", "20261305"), k + 1, "EcritureDate")
    write("fec_wrong_separator.txt", [line.replace("\t", ";") for line in lines], 1, "1")
    drop = col["CompteLib"]
    write("fec_missing_column.txt", ["\t".join(f for j, f in enumerate(line.split("\t")) if j != drop) for line in lines], 1,
          str(drop + 1))
    write("fec_unknown_account.txt", changed(k, "CompteNum", "9X1000"), k + 1, "CompteNum")
    return out


def season(outdir: Path, scenario: aci_cost.Scenario, date: dt.date, seed: int = 2026) -> dict:
    """A year that did not run to plan (the notebook's): drifted lines, a job that took longer,
    training deferred, an abolished account 79, and 24 mowing jobs measured in m² with their hours
    (work.csv)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    drift = {"salaries": "1.018", "social_contributions": "1.025", "overheads": "1.06", "vehicles": "1.12",
             "sales": "0.91", "opco": "0.5"}
    day = month_end(date.year, 6)
    # An account 79 booked out of habit: ANC 2022-06 abolished it for years opened from 2025-01-01.
    extra = [("OD", "Opérations diverses", day, "OD-791", [
        ("467000", "Autres comptes débiteurs", Decimal("1200.00"), Decimal(0), "", "Remboursement IJSS"),
        ("791000", "Transferts de charges d'exploitation", Decimal(0), Decimal("1200.00"),
         scenario.aci.ateliers[0].name, "Remboursement IJSS")])]
    # Mowing jobs: standard hours = 0.4 + 0.000151 lawn_m2 + 0.0125 hedge_m [the example's truth],
    # on site = standard / 0.6 (the atelier's productivity) x a few % of noise.
    at = scenario.aci.ateliers[0].name
    work, jobs = [], []
    for i in range(24):
        lawn = int(rng.integers(2000, 20000))
        hedge = int(rng.integers(0, 300))
        standard = Decimal("0.4") + Decimal("0.000151") * lawn + Decimal("0.0125") * hedge
        on_site = cents(standard / Decimal("0.6") * Decimal(str(round(float(rng.normal(1, 0.04)), 4))))
        travel = cents(Decimal(str(round(float(rng.uniform(0.5, 1.5)), 2))))
        name = f"mowing_{i + 1:02d}"
        jobs.append((at, name, 3 + i % 7, on_site, travel))
        work.append({"job": name, "lawn_m2": lawn, "hedge_m": hedge})
    q = {j.name: aci_cost.quote(scenario, j.name) for j in scenario.jobs}
    park = q["park_maintenance"].insertion
    job_hours = {"park_maintenance": (park.on_site_hours + 18, park.travel_hours + 3, park.supervision_hours + 5)}
    outdir.mkdir(parents=True, exist_ok=True)
    out = {"fec": outdir / fec_name(scenario, date), "hours": outdir / "hours.csv", "work": outdir / "work.csv"}
    out["fec"].write_text(make_fec(scenario, date, drift=drift, extra=extra), encoding="utf-8")
    out["hours"].write_text(make_hours(scenario, date, job_hours=job_hours, extra_jobs=jobs,
                                       training_delivered=Decimal("0.82")), encoding="utf-8")
    out["work"].write_text("job,lawn_m2,hedge_m\n" + "".join(f"{w['job']},{w['lawn_m2']},{w['hedge_m']}\n"
                                                              for w in work), encoding="utf-8")
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("outdir", type=Path)
    p.add_argument("--scenario", help="scenario JSON file (default: the embedded default ACI)")
    p.add_argument("--date", default="2026-01-01", help="first day of the fiscal year (default 2026-01-01)")
    p.add_argument("--lines", type=int, help="also an FEC of at least this many lines (e.g. 200000)")
    p.add_argument("--malformed", action="store_true", help="also the malformed files")
    p.add_argument("--season", action="store_true", help="a year off plan instead (the notebook's data)")
    args = p.parse_args(argv)
    scenario = aci_cost.load_scenario(args.scenario) if args.scenario else aci_cost.default_scenario()
    date = dt.date.fromisoformat(args.date)
    if args.season:
        out = season(args.outdir, scenario, date)
    else:
        out = to_plan(args.outdir, scenario, date, lines=args.lines)
        if args.malformed:
            out.update({k: v[0] for k, v in malformed(args.outdir, out["fec"].read_text(encoding="utf-8")).items()})
    print(json.dumps({k: str(v) for k, v in out.items()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
