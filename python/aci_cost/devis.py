"""The client's quote (*devis*) in French: what an ACI hands to a client, never its cost sheet.

A devis carries the ACI's identity (``Aci.identity``: SIRET, SIREN, VAT number, address, bank
details when the client pays by transfer, the insurance of building works), the client
(``Aci.clients``, named by ``Job.client``; its kind chooses the late-payment wording, and a
consumer sees prices TTC), its number, date and validity, when the works start after acceptance
and how long they last (``Job.terms``), numbered lines in the scenario's French wording (the job's
``title``, each driver's ``label`` and ``unit``, each material's ``label``, the output's
``label`` and ``unit_label``; a warning names each one missing), the VAT by rate and the totals
(or the exemption wording), the client's certification for the reduced housing rate, the payment
terms, and *« La valeur d'insertion de cette prestation »* in hours and people only: the
integration hours, the people employed, the supervision and training hours, and the hours the
job counts for under a social clause. It shows no internal cost, subsidy or margin, and no euro
of the insertion work.

    d = aci_cost.devis.build(scenario, "park_maintenance")   # the figures (Decimal, to the cent)
    html = aci_cost.devis.render(d)                           # the document (Jinja2 template)
    aci_cost.devis.write_pdf(d, "devis.pdf")                  # headless Chromium, locked down

The identity numbers are checked with python-stdnum (SIRET, SIREN, VAT number) and schwifty
(IBAN, BIC) when the document is built: a malformed one is refused naming its field.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import NamedTuple, Optional, Union

from . import _documents as doc
from ._core import InvalidInput
from ._core.model import ClauseTerms, Job
from ._core.money import round_money, split
from ._core.quote import Quote, SocialClause, check_social_clause, make_quote
from ._core.scenario import Scenario
from ._documents import find_chromium, french_vat_number as vat_number

__all__ = ["DevisOptions", "ClauseTerms", "Devis", "DevisLine", "DocumentWarning", "VatLine", "Party", "build", "render",
           "html", "write_pdf", "screenshot", "find_chromium", "vat_number", "OUTPUT_UNITS"]

#: French names of the units of output (model Output.unit) when the scenario gives no unit_label.
OUTPUT_UNITS = {"m2": "m²", "m3": "m³", "m": "m", "ml": "ml", "kg": "kg", "tonne": "tonne", "t": "t",
                "basket": "panier", "piece": "pièce", "h": "h"}

#: Units read from a driver's name suffix (lawn_mowing_m2 -> m²) when the driver gives none.
_UNITS = (("_m2", "m²"), ("_m3", "m³"), ("_ml", "ml"), ("_m", "m"), ("_kg", "kg"), ("_t", "t"), ("_h", "h"),
          ("_unit", "u"), ("_piece", "pièce"))

CENT = doc.CENT


@dataclass(frozen=True)
class DevisOptions:
    """What belongs to one document, not to the scenario: ``number`` (default ``DEV-<date>-<n>``,
    n the job's place in the scenario), ``issue_date`` (default: the job's date), ``title``
    (replaces the job's), ``validity_days`` (replaces the job's terms), ``payment_terms`` (replaces the wording
    built from the terms), ``client_address`` (when the scenario describes no client),
    ``clause`` (a social clause replacing the job's)."""

    number: Optional[str] = None
    issue_date: Optional[_dt.date] = None
    title: Optional[str] = None
    validity_days: Optional[int] = None
    payment_terms: Optional[str] = None
    client_address: str = ""
    clause: Optional[ClauseTerms] = None

    def validate(self) -> None:
        """InvalidInput naming the field and the value on bad options."""
        v = self.validity_days
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or not 0 < v <= 366):
            raise InvalidInput(f"devis.validity_days = {v!r}: must be a whole number of days in [1, 366]")
        if self.issue_date is not None and not isinstance(self.issue_date, _dt.date):
            raise InvalidInput(f"devis.issue_date = {self.issue_date!r}: expected a datetime.date")
        if self.number is not None and not str(self.number).strip():
            raise InvalidInput(f"devis.number = {self.number!r}: must not be empty")
        doc.check_text("devis.number", self.number)
        doc.check_text("devis.title", self.title)
        doc.check_text("devis.payment_terms", self.payment_terms)
        doc.check_text("devis.client_address", self.client_address, lines=True)


@dataclass(frozen=True)
class DocumentWarning:
    """Something a document lacks: ``code`` (stable) and ``message`` (naming the scenario field)."""

    code: str
    message: str


@dataclass(frozen=True)
class DevisLine:
    """One numbered line: ``total`` = ``quantity`` x ``unit_price`` rounded to the cent (HT; a
    forfait has quantity 1). ``key`` names it for the invoice's actual quantities (the driver's
    name, the output's unit, or ``forfait``). To a consumer, ``unit_price_ttc`` and
    ``total_ttc`` are what the client is shown."""

    number: int
    key: str
    label: str
    detail: str
    unit: str
    quantity: Decimal
    unit_price: Decimal
    total: Decimal
    vat_rate: Decimal = Decimal(0)
    unit_price_ttc: Optional[Decimal] = None
    total_ttc: Optional[Decimal] = None

    @property
    def price_places(self) -> int:
        """Decimals the unit price is shown with: 2, or 4 for a small unit (0,0312 € per m²)."""
        price = self.unit_price_ttc if self.unit_price_ttc is not None else self.unit_price
        return 2 if price == price.quantize(CENT) else 4


@dataclass(frozen=True)
class VatLine:
    """The VAT of one rate: ``amount`` = ``base`` x ``rate`` rounded to the cent (or, prices
    TTC, the TTC total less its base)."""

    rate: Decimal
    base: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Party:
    """A party as printed: the ACI or its client (empty fields are not printed)."""

    name: str
    address: str = ""
    siret: str = ""
    siren: str = ""
    vat_number: str = ""
    email: str = ""
    phone: str = ""
    legal_form: str = ""
    kind: str = "business"
    service_code: str = ""
    engagement_number: str = ""


@dataclass(frozen=True)
class Devis:
    """The figures of a client's devis: nothing internal (no cost, subsidy, margin or euro of the
    insertion work)."""

    number: str
    job: str
    issue_date: _dt.date
    valid_until: _dt.date
    start_after_days: int
    duration_days: int
    seller: Party
    client: Party
    title: str
    lines: list[DevisLine]
    vat_lines: list[VatLine]
    total_ht: Decimal
    vat: Decimal
    total_ttc: Decimal
    prices_ttc: bool
    vat_exempt: bool
    vat_mention: str
    vat_article: str
    certification: str
    insurance: str
    payment_method: str
    payment_days: int
    iban: str
    bic: str
    payment_terms: str
    late_payment: str
    insertion_hours: Decimal
    travel_hours: Decimal
    people: Decimal
    supervision_hours: Decimal
    training_hours: Decimal
    clause_hours: Decimal
    clause: Optional[SocialClause]
    clause_terms: Optional[ClauseTerms]
    warnings: list[DocumentWarning] = field(default_factory=list)

    @property
    def vat_rate(self) -> Decimal:
        """The VAT rate (every line of a job has its job's rate)."""
        return self.vat_lines[0].rate if self.vat_lines else Decimal(0)

    @property
    def vat_number(self) -> Optional[str]:
        """The ACI's VAT number, None when it invoices no VAT."""
        return self.seller.vat_number or None


def _unit_of_driver(name: str) -> str:
    for suffix, unit in _UNITS:
        if name.endswith(suffix):
            return unit
    return "u"


def _humanised(name: str) -> str:
    text = name.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


class _Labels:
    """The scenario's French wording, with a warning for each one missing."""

    def __init__(self) -> None:
        self.warnings: list[DocumentWarning] = []

    def get(self, value: str, fallback: str, path: str) -> str:
        if value:
            return value
        self.warnings.append(DocumentWarning("label_missing", f"{path} is empty: the devis prints {fallback!r}; "
                                                              "give the French wording in the scenario"))
        return fallback


def _with_ttc(lines: list[DevisLine], rate: Decimal) -> tuple[list[DevisLine], list[Decimal]]:
    """A consumer's lines and their totals TTC: the unit price TTC (HT x (1 + rate), to the places
    of the HT price) is the price agreed, and each line TTC = quantity x it, to the cent."""
    out, totals_ttc = [], []
    for line in lines:
        places = Decimal("0.0001") if line.price_places == 4 else CENT
        unit_ttc = (line.unit_price * (1 + rate)).quantize(places, ROUND_HALF_UP)
        total_ttc = round_money(line.quantity * unit_ttc)
        out.append(DevisLine(line.number, line.key, line.label, line.detail, line.unit, line.quantity, line.unit_price,
                             line.total, rate, unit_ttc, total_ttc))
        totals_ttc.append(total_ttc)
    return out, totals_ttc


class Totals(NamedTuple):
    """The lines of a document at one VAT rate and their totals, to the cent."""

    lines: list[DevisLine]
    vat_lines: list[VatLine]
    ht: Decimal
    vat: Decimal
    ttc: Decimal


def totals(lines: list[DevisLine], rate: Decimal, exempt: bool, prices_ttc: bool) -> Totals:
    """(lines, VAT lines, total HT, VAT, total TTC) of lines at one rate. HT prices: VAT =
    round(HT x rate). Prices TTC (consumers): the TTC total is the lines' TTC, its base
    round(TTC / (1 + rate)), the VAT the difference; each line's HT becomes its share of that base
    (money.split: the lines add up to it exactly)."""
    if exempt:
        ht = sum((line.total for line in lines), Decimal(0))
        return Totals(lines, [], ht, Decimal("0.00"), ht)
    if not prices_ttc:
        ht = sum((line.total for line in lines), Decimal(0))
        vat = round_money(ht * rate)
        return Totals([DevisLine(**{**line.__dict__, "vat_rate": rate}) for line in lines], [VatLine(rate, ht, vat)],
                      ht, vat, ht + vat)
    ttc_lines, line_ttc = _with_ttc(lines, rate)
    ttc = sum(line_ttc, Decimal(0))
    ht = round_money(ttc / (1 + rate))
    shares = split(ht, line_ttc) if ht > 0 else [Decimal("0.00")] * len(ttc_lines)
    ttc_lines = [DevisLine(**{**line.__dict__, "total": share}) for line, share in zip(ttc_lines, shares)]
    return Totals(ttc_lines, [VatLine(rate, ht, ttc - ht)], ht, ttc - ht, ttc)


def _lines(q: Quote, job: Job, labels: _Labels, title: str) -> list[DevisLine]:
    """The price HT spread over the job's work items, to the cent.

    Sold by its unit of output (baskets, kg, m², tonnes): one line of the units sold x the unit
    price; goods in whole units (the units sold rounded down: 441.6 baskets are 441), at the
    quote's price per unit sold; a service at the unit price with the fewest decimals (2 to 6)
    giving the quote's price HT to the cent. Otherwise each driver (m² of lawn, m of hedge...)
    gets its share of the price in proportion to its standard hours (``money.split``, no cent
    lost), shown as quantity x a unit price to 4 decimals, rounded to the cent; the job's own
    standard hours, travel, supervision, equipment and materials (listed, not priced apart: a
    material's price beside its known cost would show the margin) are a forfait taking what is
    left, so that the lines add up to the price HT."""
    ht = q.price.ht
    u = q.per_unit
    supplies = ", ".join(labels.get(m.label, _humanised(m.name), f"job[{job.name}].materials[{k}].label").lower()
                         for k, m in enumerate(job.materials) if m.amount > 0)
    extra = "encadrement, déplacements et matériel compris" + (f" ; fournitures : {supplies}" if supplies else "")
    if (u.unit != "h" or u.kind == "goods") and u.sold > 0:
        label = labels.get(job.output.label, title, f"job[{job.name}].output.label")
        unit = job.output.unit_label or OUTPUT_UNITS.get(u.unit) or labels.get("", u.unit, f"job[{job.name}].output.unit_label")
        if u.kind == "goods":
            whole = u.sold.to_integral_value(ROUND_DOWN)
            if whole > 0:
                return [DevisLine(1, u.unit, label, extra, unit, whole, u.price_ht, round_money(whole * u.price_ht))]
        else:
            for places in range(2, 7):
                price = (ht / u.sold).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
                if round_money(u.sold * price) == ht:
                    return [DevisLine(1, u.unit, label, extra, unit, u.sold, price, ht)]
    drivers = [(k, d, d.quantity * d.hours_per_unit) for k, d in enumerate(job.drivers)
               if d.quantity > 0 and d.hours_per_unit > 0]
    base_hours = job.standard_hours
    hours_total = base_hours + sum((h for _, _, h in drivers), Decimal(0))
    out: list[DevisLine] = []
    named = [(labels.get(d.label, _humanised(d.name), f"job[{job.name}].drivers[{k}].label"), d.unit or _unit_of_driver(d.name), d)
             for k, d, _ in drivers]
    if base_hours > 0 and drivers:
        shares = split(ht, [h for _, _, h in drivers] + [base_hours])
        for (label, unit, d), share in zip(named, shares):
            price = (share / d.quantity).quantize(Decimal("0.0001"), ROUND_HALF_UP)
            out.append(DevisLine(len(out) + 1, d.name, label, "", unit, d.quantity, price, round_money(d.quantity * price)))
        rest = ht - sum((line.total for line in out), Decimal(0))
        if rest > 0:
            out.append(DevisLine(len(out) + 1, "forfait", f"{title} : travaux complémentaires",
                                 f"{doc.number(base_hours)} h de travail ; {extra}", "forfait", Decimal(1), rest, rest))
            return out
        out = []  # driver lines rounding above the whole price (absurd data): one forfait
    work = "; ".join(f"{label.lower()} : {doc.number(d.quantity)} {unit}" for label, unit, d in named)
    detail = (work + " ; " if work else "") + f"{doc.number(hours_total)} h de travail ; {extra}"
    return [DevisLine(1, "forfait", title, detail, "forfait", Decimal(1), ht, ht)]


def seller_party(scenario: Scenario, vat_exempt: bool) -> Party:
    """The ACI as printed, its numbers checked (stdnum): InvalidInput naming the field."""
    aci = scenario.aci
    identity = aci.identity
    if not identity.siret:
        raise InvalidInput('aci.identity.siret = "": a devis must carry the ACI\'s SIRET '
                           "(the scenario's aci.identity, docs/scenario_format.md)")
    siret = doc.check_siret("aci.identity.siret", identity.siret)
    if identity.vat_number:
        vat = doc.check_vat_number("aci.identity.vat_number", identity.vat_number)
        if vat.startswith("FR") and vat[4:] != siret[:9]:
            raise InvalidInput(f"aci.identity.vat_number = {identity.vat_number!r}: its SIREN {vat[4:]} is not the "
                               f"SIRET's ({siret[:9]})")
    else:
        vat = vat_number(siret)
    return Party(aci.name, identity.address, siret, siret[:9], "" if vat_exempt else vat, identity.email,
                 identity.phone, identity.legal_form)


def client_party(scenario: Scenario, job: Job, address: str, warnings: list[DocumentWarning]) -> Party:
    """The job's client as printed (``aci.clients``), its numbers checked; a warning when the
    scenario does not describe it (printed as a business with its name only)."""
    c = scenario.aci.client(job.client) if job.client else None
    if c is None:
        warnings.append(DocumentWarning("client_missing", f"job[{job.name}].client = {job.client!r} is not in "
                                                          "aci.clients: the devis prints its name only, as a business"))
        return Party(job.client or "", address)
    at = f"aci.clients[{list(scenario.aci.clients).index(c)}]"
    siret = doc.check_siret(f"{at}.siret", c.siret) if c.siret else ""
    vat = doc.check_vat_number(f"{at}.vat_number", c.vat_number) if c.vat_number else ""
    return Party(c.name, c.address or address, siret, siret[:9], vat, c.email, "", "", c.kind, c.service_code,
                 c.engagement_number)


def default_number(scenario: Scenario, job: str, date: _dt.date) -> str:
    """``DEV-<date>-<n>``: n the job's place among the scenario's jobs (01, 02...), never its
    identifier (``park_maintenance`` is not French for a client)."""
    n = [j.name for j in scenario.jobs].index(job) + 1
    return f"DEV-{date.strftime('%Y%m%d')}-{n:02d}"


def build(scenario: Scenario, job: Optional[str] = None, options: Optional[DevisOptions] = None,
          quote: Optional[Quote] = None) -> Devis:
    """The figures of the devis of one job (the first when ``job`` is None). The ACI must have a
    SIRET (``aci.identity.siret``); every identity number is checked: InvalidInput naming it."""
    options = options or DevisOptions()
    options.validate()
    if job is None:
        if not scenario.jobs:
            raise InvalidInput("jobs = []: the scenario has no job to put in a devis")
        job = scenario.jobs[0].name
    j = scenario.job(job)
    scenario.aci.validate()  # texts (no control character), SIRETs, client names
    j.validate()
    q = quote or make_quote(scenario.aci, j, scenario.rate_table(), scenario.pricing, "decimal")
    if q.scalar != "decimal":
        raise InvalidInput(f"quote.scalar = {q.scalar!r}: a devis shows exact amounts; quote with scalar='decimal'")
    aci = scenario.aci
    identity = aci.identity
    price = q.price
    labels = _Labels()
    warnings = labels.warnings
    seller = seller_party(scenario, price.vat_exempt)
    client = client_party(scenario, j, options.client_address, warnings)
    title = options.title or labels.get(j.title, _humanised(j.name), f"job[{job}].title")
    terms = j.terms
    prices_ttc = client.kind == "consumer" and not price.vat_exempt
    lines, vat_lines, total_ht, vat, total_ttc = totals(_lines(q, j, labels, title), price.vat_rate, price.vat_exempt,
                                                        prices_ttc)
    iban = bic = ""
    if terms.payment_method == "transfer":
        if identity.iban:
            iban = doc.check_iban("aci.identity.iban", identity.iban)
            bic = doc.check_bic("aci.identity.bic", identity.bic) if identity.bic else ""
        else:
            warnings.append(DocumentWarning("bank_details_missing", "aci.identity.iban is empty: a client paying by "
                                                                    "transfer needs the ACI's IBAN and BIC"))
    if terms.duration_days == 0:
        warnings.append(DocumentWarning("duration_missing", f"job[{job}].terms.duration_days = 0: the devis does not "
                                                            "state how long the works last"))
    # The job's atelier: the one of that name, else the first on that support (as Aci::atelier).
    atelier = next((a for a in aci.ateliers if a.name == j.atelier), None) or next(
        (a for a in aci.ateliers if a.support == j.atelier), None)
    building = atelier is not None and atelier.support == "building"
    insurance = ""
    if building:
        if identity.insurance.empty():
            warnings.append(DocumentWarning("insurance_missing", "aci.identity.insurance.insurer is empty: building "
                                                                 "works' devis name the insurance (Code des assurances L243-2)"))
        else:
            insurance = doc.insurance_text(identity.insurance)
    certification = ""
    if not price.vat_exempt and j.vat_kind in ("housing_renovation", "energy_renovation") and j.vat_rate is None:
        certification = doc.certification_text(price.vat_rate, price.vat_article,
                                               client.name if client.kind == "consumer" else "")
    for w in q.warnings:
        if w.code == "vat_certification_missing":
            warnings.append(DocumentWarning(w.code, w.message))
    i = q.insertion
    terms_clause = options.clause or j.social_clause
    clause = None
    if terms_clause is not None:
        clause = check_social_clause(terms_clause.contract_amount, terms_clause.labour_share,
                                     terms_clause.insertion_rate, terms_clause.hourly_cost, i.insertion_hours)
    issue = options.issue_date or q.date
    validity = options.validity_days or terms.validity_days
    return Devis(
        number=options.number or default_number(scenario, job, q.date), job=job,
        issue_date=issue, valid_until=issue + _dt.timedelta(days=validity),
        start_after_days=terms.start_after_days, duration_days=terms.duration_days,
        seller=seller, client=client, title=title, lines=lines, vat_lines=vat_lines,
        total_ht=total_ht, vat=vat, total_ttc=total_ttc, prices_ttc=prices_ttc,
        vat_exempt=price.vat_exempt, vat_mention=doc.vat_exemption(aci.tax_status, price.vat_mention),
        vat_article=price.vat_article, certification=certification, insurance=insurance,
        payment_method=terms.payment_method, payment_days=terms.payment_days, iban=iban, bic=bic,
        payment_terms=options.payment_terms or doc.payment_terms(client.kind, terms.payment_days, terms.payment_method),
        late_payment=doc.late_payment(client.kind),
        insertion_hours=i.insertion_hours, travel_hours=i.travel_hours, people=i.people,
        supervision_hours=i.supervision_hours, training_hours=i.training_hours,
        clause_hours=i.insertion_hours, clause=clause, clause_terms=terms_clause, warnings=warnings)


# ---- the document ------------------------------------------------------------------------

def render(devis: Devis) -> str:
    """The HTML of a devis (template ``aci_cost/templates/devis.html.j2``, A4, self-contained)."""
    return doc.environment().get_template("devis.html.j2").render(d=devis)


def html(scenario: Scenario, job: Optional[str] = None, options: Optional[DevisOptions] = None) -> str:
    """The HTML of the devis of one job (see :func:`build`)."""
    return render(build(scenario, job, options))


def _document(source: Union[Scenario, Devis, str], job: Optional[str], options: Optional[DevisOptions]) -> str:
    if isinstance(source, str):
        return source
    return render(source if isinstance(source, Devis) else build(source, job, options))


def write_pdf(source: Union[Scenario, Devis, str], path: Union[str, Path], job: Optional[str] = None,
              options: Optional[DevisOptions] = None, *, timeout: float = 120) -> Path:
    """Prints the devis (of a scenario's job, a built Devis, or its HTML) to a PDF with headless
    Chromium (A4, no header or footer; no script, no network): a temporary file of the destination
    folder renamed over `path` once printed. Returns the path written."""
    return doc.print_pdf(_document(source, job, options), path, timeout)


def screenshot(source: Union[Scenario, Devis, str], path: Union[str, Path], job: Optional[str] = None,
               options: Optional[DevisOptions] = None, *, size: tuple[int, int] = (794, 1123),
               timeout: float = 120) -> Path:
    """A PNG of the devis's first screen (``size`` in CSS pixels; default A4 at 96 dpi)."""
    return doc.print_png(_document(source, job, options), path, size, timeout)
