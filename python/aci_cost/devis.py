"""The client's quote (*devis*) in French: what an ACI hands to a client, never its cost sheet.

A devis carries the ACI's identity (``Aci.identity``: SIRET, address, contact), the client,
its number, date and validity, numbered lines (unit, quantity, unit price HT, total HT), the
totals HT / TVA / TTC (or the VAT-exemption wording), the payment terms, and the section
*« La valeur d'insertion de cette prestation »*: the integration hours, the people employed,
the supervision and training hours, the share of the price that pays the integration mission,
and the hours the job counts for under a social clause. It never shows the internal costs, the
subsidies or the margin.

    d = aci_cost.devis.build(scenario, "park_maintenance")   # the figures (Decimal, to the cent)
    html = aci_cost.devis.html(scenario, "park_maintenance")  # the document (Jinja2 template)
    aci_cost.devis.write_pdf(scenario, "devis.pdf", "park_maintenance")   # headless Chromium

What belongs to the document only (number, validity, payment terms, the client's address, the
wording of the lines, a social clause to check against) is in :class:`DevisOptions`.
"""
from __future__ import annotations

import datetime as _dt
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Mapping, Optional, Sequence, Union

from ._core import InvalidInput
from ._core.money import format_fr, round_money, split
from ._core.quote import Quote, SocialClause, check_social_clause, make_quote
from ._core.scenario import Scenario

__all__ = ["DevisOptions", "ClauseTerms", "Devis", "DevisLine", "build", "html", "render", "write_pdf",
           "screenshot", "find_chromium", "vat_number", "LABELS"]

#: French wording of the work items of the example scenarios; DevisOptions.labels adds or replaces.
LABELS: dict[str, str] = {
    "lawn_mowing_m2": "Tonte de pelouse",
    "hedge_trimming_m": "Taille de haies",
    "green_waste_disposal": "Évacuation des déchets verts",
    "skip_hire": "Location de benne",
    "park_maintenance": "Entretien d'espaces verts",
    "brush_clearing": "Débroussaillage",
    "house_clearance": "Débarras de logement",
}

#: Units read from a driver's name suffix (lawn_mowing_m2 -> m²).
_UNITS = (("_m2", "m²"), ("_m3", "m³"), ("_ml", "ml"), ("_m", "m"), ("_kg", "kg"), ("_t", "t"), ("_h", "h"),
          ("_unit", "u"), ("_piece", "pièce"))

_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre")

CENT = Decimal("0.01")


@dataclass(frozen=True)
class ClauseTerms:
    """A public buyer's clause sociale to show the job against: hours required = contract amount x
    labour share x insertion rate / loaded hourly cost (``aci_cost.check_social_clause``)."""

    contract_amount: Decimal
    labour_share: Decimal
    insertion_rate: Decimal
    hourly_cost: Decimal


@dataclass(frozen=True)
class DevisOptions:
    """What belongs to the document, not to the costing model.

    ``number``: the devis number (default ``DEV-<date>-<job>``); ``issue_date`` (default: the
    quote's date); ``validity_days`` (> 0, default 30); ``payment_terms`` and ``late_payment``
    (printed as given); ``client_address`` (lines separated by newlines); ``title``: the object
    of the work (default: the job's French label); ``labels``: French wording of drivers,
    materials and jobs by name; ``start_date``: planned start of the work (default: the job's
    date); ``clause``: a social clause to check the job against."""

    number: Optional[str] = None
    issue_date: Optional[_dt.date] = None
    validity_days: int = 30
    payment_terms: str = "Paiement à 30 jours à réception de facture, par virement bancaire."
    late_payment: str = ("En cas de retard de paiement, pénalités au taux d'intérêt légal majoré de 10 points et, "
                         "pour un client professionnel, indemnité forfaitaire de 40 € pour frais de recouvrement "
                         "(art. L441-10 du Code de commerce).")
    client_address: str = ""
    title: Optional[str] = None
    labels: Mapping[str, str] = field(default_factory=dict)
    start_date: Optional[_dt.date] = None
    clause: Optional[ClauseTerms] = None

    def validate(self) -> None:
        """InvalidInput naming the field and the value on bad options."""
        if isinstance(self.validity_days, bool) or not isinstance(self.validity_days, int) or self.validity_days <= 0:
            raise InvalidInput(f"devis.validity_days = {self.validity_days!r}: must be a whole number of days > 0")
        for name in ("issue_date", "start_date"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, _dt.date):
                raise InvalidInput(f"devis.{name} = {value!r}: expected a datetime.date")
        if self.number is not None and not str(self.number).strip():
            raise InvalidInput(f"devis.number = {self.number!r}: must not be empty")


@dataclass(frozen=True)
class DevisLine:
    """One numbered line: ``total`` = ``quantity`` x ``unit_price`` rounded to the cent (a
    forfait has quantity 1)."""

    number: int
    label: str
    detail: str
    unit: str
    quantity: Decimal
    unit_price: Decimal
    total: Decimal

    @property
    def price_places(self) -> int:
        """Decimals the unit price is shown with: 2, or 4 for a small unit (0,0312 € per m²)."""
        return 2 if self.unit_price == self.unit_price.quantize(CENT) else 4


@dataclass(frozen=True)
class Devis:
    """The figures of a client's devis: nothing internal (no cost, subsidy or margin)."""

    number: str
    issue_date: _dt.date
    valid_until: _dt.date
    start_date: _dt.date
    aci_name: str
    legal_form: str
    siret: str
    vat_number: Optional[str]
    address: str
    email: str
    phone: str
    client: str
    client_address: str
    title: str
    lines: list[DevisLine]
    total_ht: Decimal
    vat_exempt: bool
    vat_mention: str
    vat_rate: Decimal
    vat: Decimal
    total_ttc: Decimal
    payment_terms: str
    late_payment: str
    insertion_hours: Decimal
    travel_hours: Decimal
    people: Decimal
    supervision_hours: Decimal
    training_hours: Decimal
    price_integration_part: Decimal
    price_production_part: Decimal
    clause_hours: Decimal
    clause: Optional[SocialClause]
    clause_terms: Optional[ClauseTerms]

    @property
    def integration_share(self) -> Decimal:
        """The share of the price HT paying the integration mission, in %, to one decimal."""
        if self.total_ht == 0:
            return Decimal(0)
        return (self.price_integration_part * 100 / self.total_ht).quantize(Decimal("0.1"), ROUND_HALF_UP)


def vat_number(siret: str) -> str:
    """The French intra-community VAT number of a SIRET's SIREN: FR + key + SIREN, key =
    (12 + 3 x (SIREN mod 97)) mod 97."""
    if len(siret) not in (9, 14) or not siret.isdigit():
        raise InvalidInput(f"siret = {siret!r}: expected 9 or 14 digits")
    siren = int(siret[:9])
    return f"FR{(12 + 3 * (siren % 97)) % 97:02d}{siret[:9]}"


def _label(name: str, labels: Mapping[str, str]) -> str:
    if name in labels:
        return labels[name]
    if name in LABELS:
        return LABELS[name]
    text = name.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _unit(name: str) -> tuple[str, str]:
    """(unit, name without its unit suffix) of a driver."""
    for suffix, unit in _UNITS:
        if name.endswith(suffix):
            return unit, name[: -len(suffix)]
    return "u", name


#: French names of the units of output (model Output.unit) on a devis.
OUTPUT_UNITS = {"m2": "m²", "m": "m", "kg": "kg", "tonne": "t", "basket": "panier", "piece": "pièce", "h": "h"}


def _lines(q: Quote, job, labels: Mapping[str, str]) -> list[DevisLine]:
    """The price HT spread over the job's work items, to the cent, adding up to it exactly.

    Each driver (m² of lawn, m of hedge...) gets its share of the price in proportion to its
    standard hours (``money.split``, no cent lost), shown as quantity x a unit price to 4
    decimals, rounded to the cent. The job's own standard hours, with travel, supervision,
    equipment and the materials (listed, not priced apart: a material's price beside its
    known cost would show the margin), are a forfait that takes what is left, so the lines add
    up to the price HT. A job without standard hours of its own is one forfait."""
    ht = q.price.ht
    u = q.per_unit
    if (u.unit != "h" or u.kind == "goods") and u.sold > 0:
        # Sold by its unit of output (baskets, kg, m², tonnes): one line, units sold x a unit price
        # with the fewest decimals (2 to 6) that gives the price HT to the cent; else a forfait.
        for places in range(2, 7):
            price = (ht / u.sold).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
            if round_money(u.sold * price) == ht:
                label = _label(job.name, labels)
                supplies = ", ".join(_label(m.name, labels).lower() for m in job.materials if m.amount > 0)
                detail = "encadrement, déplacements et matériel compris" + (f" ; fournitures : {supplies}" if supplies else "")
                return [DevisLine(1, label, detail, OUTPUT_UNITS.get(u.unit, u.unit), u.sold, price, ht)]
    drivers = [(d, d.quantity * d.hours_per_unit) for d in job.drivers if d.quantity > 0 and d.hours_per_unit > 0]
    base_hours = job.standard_hours
    hours_total = base_hours + sum((h for _, h in drivers), Decimal(0))
    title = _label(job.name, labels)
    supplies = ", ".join(_label(m.name, labels).lower() for m in job.materials if m.amount > 0)
    extra = "encadrement, déplacements et matériel compris" + (f" ; fournitures : {supplies}" if supplies else "")
    out: list[DevisLine] = []
    if base_hours > 0 and drivers:
        shares = split(ht, [h for _, h in drivers] + [base_hours])
        for (d, _), share in zip(drivers, shares):
            unit, _ = _unit(d.name)
            price = (share / d.quantity).quantize(Decimal("0.0001"), ROUND_HALF_UP)
            out.append(DevisLine(len(out) + 1, _label(d.name, labels), "", unit, d.quantity, price,
                                 round_money(d.quantity * price)))
        rest = ht - sum((line.total for line in out), Decimal(0))
        if rest > 0:
            out.append(DevisLine(len(out) + 1, f"{title} : travaux complémentaires",
                                 f"{_fr_number(base_hours)} h de travail ; {extra}", "forfait", Decimal(1), rest, rest))
            return out
        out = []  # driver lines rounding above the whole price (absurd data): one forfait
    work = "; ".join(f"{_label(d.name, labels).lower()} : {_fr_number(d.quantity)} {_unit(d.name)[0]}" for d, _ in drivers)
    detail = (work + " ; " if work else "") + f"{_fr_number(hours_total)} h de travail ; {extra}"
    return [DevisLine(1, title, detail, "forfait", Decimal(1), ht, ht)]


def build(scenario: Scenario, job: Optional[str] = None, options: Optional[DevisOptions] = None,
          quote: Optional[Quote] = None) -> Devis:
    """The figures of the devis of one job (the first when ``job`` is None). The ACI must have a
    SIRET (``aci.identity.siret``): InvalidInput otherwise."""
    options = options or DevisOptions()
    options.validate()
    if job is None:
        if not scenario.jobs:
            raise InvalidInput("jobs = []: the scenario has no job to put in a devis")
        job = scenario.jobs[0].name
    j = scenario.job(job)
    q = quote or make_quote(scenario.aci, j, scenario.rate_table(), scenario.pricing, "decimal")
    if q.scalar != "decimal":
        raise InvalidInput(f"quote.scalar = {q.scalar!r}: a devis shows exact amounts; quote with scalar='decimal'")
    aci = scenario.aci
    identity = aci.identity
    if not identity.siret:
        raise InvalidInput('aci.identity.siret = "": a devis must carry the ACI\'s SIRET '
                           "(the scenario's aci.identity, docs/scenario_format.md)")
    lines = _lines(q, j, options.labels)
    total_ht = sum((line.total for line in lines), Decimal(0))
    price = q.price
    if total_ht != price.ht or price.ht + price.vat != price.ttc:
        raise AssertionError(f"devis of {job}: lines {total_ht} + VAT {price.vat} do not give the quote's "
                             f"{price.ht} / {price.ttc}")
    i = q.insertion
    clause = None
    if options.clause is not None:
        c = options.clause
        clause = check_social_clause(c.contract_amount, c.labour_share, c.insertion_rate, c.hourly_cost,
                                     i.insertion_hours)
    issue = options.issue_date or q.date
    return Devis(
        number=options.number or f"DEV-{q.date.strftime('%Y%m%d')}-{q.job}",
        issue_date=issue, valid_until=issue + _dt.timedelta(days=options.validity_days),
        start_date=options.start_date or q.date,
        aci_name=aci.name, legal_form=identity.legal_form, siret=identity.siret,
        vat_number=None if price.vat_exempt else vat_number(identity.siret),
        address=identity.address, email=identity.email, phone=identity.phone,
        client=j.client, client_address=options.client_address,
        title=options.title or _label(j.name, options.labels),
        lines=lines, total_ht=total_ht, vat_exempt=price.vat_exempt, vat_mention=price.vat_mention,
        vat_rate=price.vat_rate, vat=price.vat, total_ttc=price.ttc,
        payment_terms=options.payment_terms, late_payment=options.late_payment,
        insertion_hours=i.insertion_hours, travel_hours=i.travel_hours, people=i.people,
        supervision_hours=i.supervision_hours, training_hours=i.training_hours,
        price_integration_part=i.price_integration_part, price_production_part=i.price_production_part,
        clause_hours=i.insertion_hours, clause=clause, clause_terms=options.clause)


# ---- French formatting -------------------------------------------------------------------

_NNBSP = "\u202f"  # narrow no-break space: the French thousands separator


def _fr_number(value: Decimal, places: Optional[int] = None) -> str:
    """12345.5 -> '12 345,5' (places: fixed decimals; None: as many as the value has, at most 4)."""
    d = Decimal(value)
    if places is None:
        d = d.normalize()
        places = max(0, min(4, -d.as_tuple().exponent)) if isinstance(d.as_tuple().exponent, int) else 0
    d = d.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + _NNBSP.join(groups) + ("," + frac if frac else "")


def _fr_money(value: Decimal, places: int = 2) -> str:
    if places == 2:
        return format_fr(value)
    return _fr_number(value, places) + "\u00a0€"


def _fr_date(d: _dt.date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {_MONTHS[d.month - 1]} {d.year}"


def _fr_siret(siret: str) -> str:
    return f"{siret[:3]} {siret[3:6]} {siret[6:9]} {siret[9:]}" if len(siret) == 14 else siret


def _fr_percent(share: Decimal) -> str:
    return _fr_number((Decimal(share) * 100).normalize()) + "\u00a0%"


# ---- the document ------------------------------------------------------------------------

def _environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("aci_cost", "templates"),
                             autoescape=jinja2.select_autoescape(["html", "j2"]), undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(money=_fr_money, number=_fr_number, date=_fr_date, siret=_fr_siret, percent=_fr_percent)
    return env


def render(devis: Devis) -> str:
    """The HTML of a devis (template ``aci_cost/templates/devis.html.j2``, A4, self-contained)."""
    return _environment().get_template("devis.html.j2").render(d=devis)


def html(scenario: Scenario, job: Optional[str] = None, options: Optional[DevisOptions] = None) -> str:
    """The HTML of the devis of one job (see :func:`build`)."""
    return render(build(scenario, job, options))


# ---- printing with headless Chromium -----------------------------------------------------

def find_chromium() -> str:
    """The Chromium binary: $ACI_COST_CHROMIUM, else chromium / chromium-browser / google-chrome on
    the PATH; RuntimeError naming the package to install when there is none."""
    explicit = os.environ.get("ACI_COST_CHROMIUM")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    raise RuntimeError("no Chromium found to print the devis: install Debian's package 'chromium' "
                       "(scripts/bootstrap does) or set ACI_COST_CHROMIUM")


def _chromium(html_text: str, args: Sequence[str], timeout: float) -> None:
    with tempfile.TemporaryDirectory(prefix="aci_cost_devis_") as tmp:
        page = Path(tmp) / "devis.html"
        page.write_text(html_text, encoding="utf-8")
        command = [find_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                   "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                   f"--user-data-dir={Path(tmp) / 'profile'}", *args, page.as_uri()]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


def _document(source: Union[Scenario, Devis, str], job: Optional[str], options: Optional[DevisOptions]) -> str:
    if isinstance(source, str):
        return source
    return render(source if isinstance(source, Devis) else build(source, job, options))


def write_pdf(source: Union[Scenario, Devis, str], path: Union[str, Path], job: Optional[str] = None,
              options: Optional[DevisOptions] = None, *, timeout: float = 120) -> Path:
    """Prints the devis (of a scenario's job, a built Devis, or its HTML) to a PDF with headless
    Chromium (A4, no header or footer). Returns the path written."""
    out = Path(path).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    _chromium(_document(source, job, options), ["--no-pdf-header-footer", f"--print-to-pdf={out}"], timeout)
    if not out.exists() or out.stat().st_size == 0:
        raise RuntimeError(f"chromium wrote no PDF at {out}")
    return out


def screenshot(source: Union[Scenario, Devis, str], path: Union[str, Path], job: Optional[str] = None,
               options: Optional[DevisOptions] = None, *, size: tuple[int, int] = (794, 1123),
               timeout: float = 120) -> Path:
    """A PNG of the devis's first screen (``size`` in CSS pixels; default A4 at 96 dpi)."""
    out = Path(path).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    _chromium(_document(source, job, options),
              [f"--screenshot={out}", f"--window-size={size[0]},{size[1]}", "--force-device-scale-factor=1"], timeout)
    if not out.exists():
        raise RuntimeError(f"chromium wrote no screenshot at {out}")
    return out
