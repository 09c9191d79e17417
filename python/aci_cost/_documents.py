"""What the client's documents (``devis``, ``invoice``) share: the identity numbers checked with
python-stdnum and schwifty, the legal wording chosen by the client's kind, French formatting, the
Jinja2 environment, and printing with a locked-down headless Chromium into a file written
atomically (a temporary file in the destination folder, then a rename).

Legal texts, each checked on its text as published (the date is the version read):

- Code de commerce L441-10 II (version in force since 2019-04-26, ordonnance n° 2019-359):
  penalties at the ECB's most recent refinancing rate + 10 points, or a contractual rate of at
  least three times the legal interest rate, due without reminder; a 40 € recovery fee
  (D441-5, décret n° 2012-1115 of 2012-10-02, in force 2013-01-01) [law]. L441-9 I: the invoice
  states the due date, the discount conditions, the penalty rate and the fee [law].
- Code de la commande publique L2192-13 and R2192-31 (in force since 2019-04-01, décret
  n° 2018-1075): moratory interest at the ECB's main refinancing rate in force on the first day
  of the half-year + 8 points, due as of right; the 40 € fee: D2192-35 [check: read on a secondary
  source only]; payment within 30 days for the State and local authorities (R2192-10) [check].
- Code civil art. 1231-6 (in force since 2016-10-01): a consumer owes interest at the legal
  rate from the formal notice [law]; the 40 € fee is for professionals only (D441-5).
- Code des assurances L243-2 (loi n° 2014-626 of 2014-06-18, art. 22 [check]): devis and
  invoices of building works name the insurance, the insurer's details and the geographic
  coverage.
- Loi n° 2025-127 of 2025-02-14 de finances pour 2025, art. 41 (CGI art. 279-0 bis and 278-0 bis
  A, from 2025-02-16): the client certifies on the devis or invoice that the reduced housing
  rate applies; the wording is the administration's model mention, BOI-LETTRE-000280-20251022
  (published 2025-10-22) [pub].
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
import subprocess
import tempfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, Sequence, Union

from ._core import InvalidInput
from ._core.model import Insurance
from ._core.money import format_fr

if TYPE_CHECKING:
    import jinja2  # imported when a document is rendered

CENT = Decimal("0.01")

# ---- identity numbers ----------------------------------------------------------------------


def check_siret(field: str, value: str) -> str:
    """The SIRET `value` (spaces allowed) as 14 digits; InvalidInput naming `field` otherwise
    (python-stdnum's stdnum.fr.siret: Luhn, La Poste's rule)."""
    from stdnum import exceptions
    from stdnum.fr import siret

    try:
        return siret.validate(value)
    except exceptions.ValidationError as e:
        raise InvalidInput(f"{field} = {value!r}: not a valid SIRET ({e})") from None


def check_vat_number(field: str, value: str) -> str:
    """An intra-EU VAT number, compact; InvalidInput naming `field` otherwise (stdnum.eu.vat)."""
    from stdnum import exceptions
    from stdnum.eu import vat

    try:
        return vat.validate(value)
    except exceptions.ValidationError as e:
        raise InvalidInput(f"{field} = {value!r}: not a valid intra-EU VAT number ({e})") from None


def french_vat_number(siret_or_siren: str) -> str:
    """The French VAT number of a SIREN (or of a SIRET's SIREN): FR + key + SIREN, key =
    (12 + 3 x (SIREN mod 97)) mod 97 (stdnum.fr.siren.to_tva)."""
    from stdnum import exceptions
    from stdnum.fr import siren

    try:
        number = siren.validate(str(siret_or_siren)[:9])
    except exceptions.ValidationError as e:
        raise InvalidInput(f"siret = {siret_or_siren!r}: no valid SIREN in it ({e})") from None
    if len(str(siret_or_siren)) not in (9, 14) or not str(siret_or_siren).isdigit():
        raise InvalidInput(f"siret = {siret_or_siren!r}: expected 9 or 14 digits")
    return "FR" + siren.to_tva(number)


def check_iban(field: str, value: str) -> str:
    """The IBAN `value` (compact); InvalidInput naming `field` otherwise (schwifty: country
    length, mod-97 key, national check digits)."""
    import schwifty
    from schwifty.exceptions import SchwiftyException

    try:
        return schwifty.IBAN(value).compact
    except SchwiftyException as e:
        raise InvalidInput(f"{field} = {value!r}: not a valid IBAN ({e})") from None


def check_bic(field: str, value: str) -> str:
    """The BIC `value`; InvalidInput naming `field` otherwise (schwifty: structure, country)."""
    import schwifty
    from schwifty.exceptions import SchwiftyException

    try:
        return str(schwifty.BIC(value))
    except SchwiftyException as e:
        raise InvalidInput(f"{field} = {value!r}: not a valid BIC ({e})") from None


_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def check_text(field: str, value: Optional[str], lines: bool = False) -> Optional[str]:
    """`value` unless it holds a control character (a newline only where `lines`) or a
    bidirectional override (the C++ schema::text_problem, for the texts given to the documents
    outside a scenario: a number, a title)."""
    if value is None:
        return None
    if _CONTROL.search(value) or (not lines and "\n" in value):
        raise InvalidInput(f"{field} = {value!r}: must not contain control or bidirectional formatting characters")
    return value


# ---- legal wording by kind of client ------------------------------------------------------

def payment_terms(kind: str, days: int, method: str) -> str:
    """When and how the client pays."""
    how = {"transfer": "par virement bancaire", "cheque": "par chèque", "other": "selon les modalités convenues"}[method]
    if days == 0:
        return f"Paiement comptant à réception de la facture, {how}."
    if kind == "public_buyer":
        return (f"Paiement {how} dans un délai de {days} jours à compter de la réception de la facture "
                "(art. R2192-10 du Code de la commande publique).")
    return f"Paiement {how} à {days} jours à compter de la date de la facture."


def late_payment(kind: str) -> str:
    """The late-payment terms a client of this kind owes (module docstring: the texts)."""
    if kind == "business":
        return ("En cas de retard de paiement, pénalités exigibles dès le lendemain de la date d'échéance, sans "
                "qu'un rappel soit nécessaire, au taux d'intérêt appliqué par la Banque centrale européenne à son "
                "opération de refinancement la plus récente majoré de 10 points de pourcentage (art. L441-10 du Code "
                "de commerce), et indemnité forfaitaire pour frais de recouvrement de 40 € (art. D441-5 du Code de "
                "commerce). Pas d'escompte pour paiement anticipé.")
    if kind == "public_buyer":
        return ("Le retard de paiement fait courir de plein droit des intérêts moratoires au taux d'intérêt appliqué "
                "par la Banque centrale européenne à ses opérations principales de refinancement les plus récentes, "
                "en vigueur au premier jour du semestre au cours duquel ils ont commencé à courir, majoré de huit "
                "points de pourcentage (art. L2192-13 et R2192-31 du Code de la commande publique), ainsi qu'une "
                "indemnité forfaitaire pour frais de recouvrement de 40 € (art. D2192-35 du même code).")
    if kind == "consumer":
        return ("En cas de retard de paiement, les sommes dues portent intérêt au taux légal à compter de la mise en "
                "demeure (art. 1231-6 du Code civil). Pas d'escompte pour paiement anticipé.")
    raise InvalidInput(f"client.kind = {kind!r}: expected business, public_buyer or consumer")


def certification_text(rate: Decimal, article: str, client: str = "") -> str:
    """The client's certification for a reduced housing rate, which since 2025-02-16 replaces the
    attestations 1300-SD/1301-SD (loi n° 2025-127 du 14 février 2025, art. 41): the model mention
    published by the administration for CGI art. 279-0 bis (10 %) and art. 278-0 bis A (5.5 %,
    energy renovation), BOI-LETTRE-000280-20251022 I and II [pub], with the client's name in place
    of the blank. The rate printed is the scenario's."""
    who = client or "............................"
    energy = article.startswith("CGI art. 278-0 bis A") and not article.endswith("1°")
    nature = " et qu'ils ont la nature de travaux de rénovation énergétique" if energy else ""
    return (f"Je soussigné(e) {who} certifie, en qualité de preneur de la prestation, que les travaux réalisés "
            "concernent des locaux à usage d'habitation achevés depuis plus de deux ans"
            f"{',' if energy else ' et'} qu'ils n'ont pas eu pour effet, sur une période de deux ans au plus, de "
            "concourir à la production d'un immeuble neuf au sens du 2° du 2 du I de l'article 257 du CGI, ni "
            "d'entraîner une augmentation de la surface de plancher des locaux existants supérieure à 10 %"
            f"{nature} "
            f"(taux de TVA de {percent(rate)}, {article.replace('CGI art.', 'article')} du CGI ; "
            "loi n° 2025-127 du 14 février 2025, art. 41 ; BOI-LETTRE-000280).")


def insurance_text(insurance: Insurance) -> str:
    """The insurance mention of building works (Code des assurances L243-2)."""
    parts = [f"Assurance {insurance.kind} souscrite auprès de {insurance.insurer}"]
    if insurance.address:
        parts[0] += ", " + ", ".join(insurance.address.splitlines())
    if insurance.policy:
        parts.append(f"contrat n° {insurance.policy}")
    parts.append(f"couverture géographique : {insurance.coverage or 'non précisée'}")
    return " — ".join(parts) + " (art. L243-2 du Code des assurances)."


EXEMPTION_NON_LUCRATIVE = ("TVA non applicable : activité non lucrative d'un organisme sans but lucratif à gestion "
                           "désintéressée (CGI art. 261-7-1°, BOI-IS-CHAMP-10-50-10-20)")


def vat_exemption(tax_status: str, quote_mention: str) -> str:
    """The wording of an ACI outside VAT: the franchise of a non-profit's lucrative sales (the
    quote's mention, CGI art. 261-7-1° b) or a non-lucrative activity [check: no official
    wording; the doctrine names the regime]."""
    return EXEMPTION_NON_LUCRATIVE if tax_status == "non_lucrative" else quote_mention


# ---- French formatting ---------------------------------------------------------------------

_NNBSP = "\u202f"  # narrow no-break space: the French thousands separator
_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre")


def number(value: Decimal, places: Optional[int] = None) -> str:
    """12345.5 -> '12 345,5' (places: fixed decimals; None: as many as the value has, at most 4)."""
    d = Decimal(value)
    if places is None:
        d = d.normalize()
        exponent = d.as_tuple().exponent
        places = max(0, min(4, -exponent)) if isinstance(exponent, int) else 0
    d = d.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    whole, _, frac = f"{abs(d):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + _NNBSP.join(groups) + ("," + frac if frac else "")


def money(value: Decimal, places: int = 2) -> str:
    return format_fr(value) if places == 2 else number(value, places) + "\u00a0€"


def date(d: _dt.date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {_MONTHS[d.month - 1]} {d.year}"


def siret(value: str) -> str:
    return f"{value[:3]} {value[3:6]} {value[6:9]} {value[9:]}" if len(value) == 14 else value


def iban(value: str) -> str:
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4))


def percent(share: Decimal) -> str:
    return number((Decimal(share) * 100).normalize()) + "\u00a0%"


def environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("aci_cost", "templates"),
                             autoescape=jinja2.select_autoescape(["html", "j2"]), undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(money=money, number=number, date=date, siret=siret, percent=percent, iban=iban)
    return env


class PrintError(OSError, RuntimeError):
    """Chromium is missing, failed, hung or wrote nothing: an OSError (the CLI reports it in one
    line, exit status 2) and a RuntimeError (as before)."""


# ---- writing files ---------------------------------------------------------------------------

def confined(folder: Path, name: str) -> Path:
    """`folder / name` for a file name built from scenario data: every character outside
    letters, digits, '.', '_' and '-' becomes '_', leading dots are dropped, so that a job named
    '../../x' or '/etc/x' stays a file inside `folder`."""
    safe = re.sub(r"[^\w.\-]", "_", name, flags=re.ASCII).lstrip(".") or "_"
    path = folder / safe
    if path.parent != folder:  # pragma: no cover - the substitution leaves no separator
        raise InvalidInput(f"name = {name!r}: would leave the folder {folder}")
    return path


def write_atomically(path: Union[str, Path], produce: Callable[[Path], object],
                     check: Optional[Callable[[Path], None]] = None) -> Path:
    """Writes `path` through a temporary file of its folder that `produce` fills, then renames
    it over `path`: a failure leaves an existing file as it was, and a symbolic link at `path`
    is replaced, never followed (its target is not touched)."""
    out = Path(path)
    folder = out.parent.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / out.name
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=f".part{out.suffix}", dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        produce(tmp)
        if check is not None:
            check(tmp)
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return final


def check_pdf(path: Path) -> None:
    if path.stat().st_size == 0 or path.read_bytes()[:5] != b"%PDF-":
        raise PrintError(f"chromium wrote no PDF at {path}")


# ---- printing with headless Chromium -------------------------------------------------------

def find_chromium() -> str:
    """The Chromium binary: $ACI_COST_CHROMIUM, else chromium / chromium-browser / google-chrome on
    the PATH; RuntimeError naming the package to install when there is none."""
    explicit = os.environ.get("ACI_COST_CHROMIUM")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    raise PrintError("no Chromium found to print the document: install Debian's package 'chromium' "
                       "(scripts/bootstrap does) or set ACI_COST_CHROMIUM")


#: The policy every printed page carries: nothing is loaded but the page itself (no script, no
#: network, no other file), inline styles and data: images only.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; script-src 'none'"
_CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'


def locked(html_text: str) -> str:
    """The page with the content security policy before anything else it holds: right after a
    leading doctype (the page stays in standards mode), else first. Whatever follows — a script
    before the head, a head inside a comment — is parsed under the policy (a meta before <html>
    lands in the implied head; the page's own <html> and <head> tags merge into them)."""
    m = re.match(r"\ufeff?\s*<!doctype[^>]*>", html_text, flags=re.I)
    at = m.end() if m else 0
    return html_text[:at] + _CSP_META + html_text[at:]


def chromium(html_text: str, args: Sequence[str], timeout: float) -> None:
    """Runs headless Chromium on the page, locked down: JavaScript off by the page's content policy
    (`CSP`: script-src 'none', default-src 'none' — no request, no file but the page), every
    request sent anyway to a closed local proxy (loopback included), a fresh
    profile; the page sits alone in a temporary folder. Its sandbox stays on, except as root
    (--no-sandbox: Chromium refuses to start as root with it, as in CI containers)."""
    with tempfile.TemporaryDirectory(prefix="aci_cost_doc_") as tmp:
        page = Path(tmp) / "document.html"
        page.write_text(locked(html_text), encoding="utf-8")
        # No --blink-settings=scriptEnabled=false: with it Chromium 156's --print-to-pdf writes no
        # file (measured on Debian 12's build); the policy above keeps every script from running.
        # Chromium refuses to start as root with its sandbox (CI containers): only then without it.
        sandbox = ["--no-sandbox"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        command = [find_chromium(), "--headless", *sandbox, "--disable-gpu", "--disable-dev-shm-usage",
                   "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                   "--proxy-server=http://127.0.0.1:9",
                   "--proxy-bypass-list=<-loopback>", "--disable-background-networking", "--disable-sync",
                   "--disable-component-update", "--disable-default-apps", "--no-pings",
                   "--disable-features=MediaRouter,OptimizationHints,Translate",
                   f"--user-data-dir={Path(tmp) / 'profile'}", *args, page.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PrintError(f"chromium did not finish within {timeout} s") from None
        if done.returncode != 0:
            raise PrintError(f"chromium failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


def print_pdf(html_text: str, path: Union[str, Path], timeout: float = 120) -> Path:
    """The page printed to a PDF at `path` (A4, no header or footer), written atomically."""
    return write_atomically(path, lambda tmp: chromium(html_text, ["--no-pdf-header-footer", f"--print-to-pdf={tmp}"],
                                                       timeout), check_pdf)


def print_png(html_text: str, path: Union[str, Path], size: tuple[int, int], timeout: float = 120) -> Path:
    """A PNG of the page's first screen (`size` in CSS pixels), written atomically."""
    def check(tmp: Path) -> None:
        if tmp.stat().st_size == 0:
            raise PrintError(f"chromium wrote no screenshot at {tmp}")
    return write_atomically(path, lambda tmp: chromium(
        html_text, [f"--screenshot={tmp}", f"--window-size={size[0]},{size[1]}", "--force-device-scale-factor=1"],
        timeout), check)
