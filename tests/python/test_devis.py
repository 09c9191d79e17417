"""The client's devis: its figures against the quote's exact results, the scenario's French
wording, the legal mentions by kind of client, the HTML and the PDF it never leaks internal
figures into (read back with pdftotext), the checked identity numbers, and the printing's
safety (atomic writes, names confined, Chromium without script or network)."""
import http.server
import re
from html import unescape
import subprocess
import threading
from decimal import Decimal as D
from pathlib import Path

import numpy as np
import pytest

import aci_cost
from aci_cost import devis
from aci_cost.cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"


SUPPORTS = ["market_gardening", "building", "laundry", "recycling_reuse"]
NAMES = ["default", "multi_atelier", *SUPPORTS]


def scenarios():
    return ([aci_cost.default_scenario(), aci_cost.load_scenario(ROOT / "examples" / "multi_atelier.json")]
            + [aci_cost.default_scenario(name) for name in SUPPORTS])


def flat(text: str) -> str:
    """Text with every kind of space (narrow no-break, no-break) as one plain space."""
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def money(x) -> str:
    return flat(aci_cost.format_fr(x))


#: The late-payment wording each kind of client must get, and what it must not (the texts:
#: Code de commerce L441-10 and D441-5; Code de la commande publique L2192-13, R2192-31;
#: Code civil 1231-6).
LATE = {
    "business": (["majoré de 10 points", "L441-10", "40 €", "D441-5"], ["huit points", "1231-6"]),
    "public_buyer": (["majoré de huit points", "R2192-31", "40 €"], ["10 points", "L441-10", "1231-6"]),
    "consumer": (["taux légal", "mise en demeure", "1231-6"], ["40 €", "L441-10", "R2192-31"]),
}


def internal_amounts(q) -> set[str]:
    """Every internal euro figure of a quote, as a devis would print it — but the price itself
    (with no integration part, the price's production part is the whole price HT)."""
    return {money(a) for a in [q.full_cost, q.net_cost, q.subsidies_total, q.marginal_cost, q.insertion_extra_cost,
                               q.production_cost, q.insertion.price_integration_part,
                               q.insertion.price_production_part, *[line.amount for line in q.subsidies],
                               *[line.amount for line in q.cost_lines], *[line.amount for line in q.extra_lines]]
            if a > 0 and a not in (q.price.ht, q.price.ttc)}


# ---- the figures ---------------------------------------------------------------------------

@pytest.mark.parametrize("s", scenarios(), ids=NAMES)
def test_lines_add_up_to_the_totals_to_the_cent(s):
    for job in s.jobs:
        q = aci_cost.quote(s, job.name)
        d = devis.build(s, job.name)
        assert [line.number for line in d.lines] == list(range(1, len(d.lines) + 1))
        for line in d.lines:
            assert line.total > 0
            if not d.prices_ttc:
                assert line.total == (line.quantity * line.unit_price).quantize(D("0.01")), line
        assert sum(line.total for line in d.lines) == d.total_ht
        assert d.total_ht + d.vat == d.total_ttc
        if q.per_unit.kind == "goods":
            # whole units at the quote's price per unit sold
            (line,) = d.lines
            assert line.quantity == int(q.per_unit.sold) and line.unit_price == q.per_unit.price_ht
        elif not d.prices_ttc:
            assert d.total_ht == q.price.ht and d.vat == q.price.vat and d.total_ttc == q.price.ttc
        i = q.insertion
        assert (d.insertion_hours, d.people, d.supervision_hours, d.training_hours) == (
            i.insertion_hours, i.people, i.supervision_hours, i.training_hours)
        assert d.clause_hours == i.insertion_hours


def test_park_maintenance_lines_by_hand(scenario):
    # The default park job: 12 000 m² x 0.0015 h = 18 h of lawn, 300 m x 0.08 h = 24 h of hedge,
    # 30 h of its own: the price HT is split 18 : 24 : 30 over 72 h, to the cent.
    q = aci_cost.quote(scenario, "park_maintenance")
    d = devis.build(scenario, "park_maintenance")
    lawn, hedge, rest = d.lines
    ht = q.price.ht
    lawn_share = aci_cost.split(ht, [18, 24, 30])[0]
    assert (lawn.label, lawn.unit, lawn.quantity, lawn.key) == ("Tonte de pelouse", "m²", 12000, "lawn_mowing_m2")
    assert lawn.unit_price == (lawn_share / 12000).quantize(D("0.0001"))
    assert (hedge.label, hedge.unit, hedge.quantity) == ("Taille de haies", "m", 300)
    assert rest.unit == "forfait" and rest.quantity == 1 and rest.key == "forfait"
    assert rest.total == ht - lawn.total - hedge.total
    assert "évacuation des déchets verts en déchetterie" in rest.detail  # listed, not priced apart
    assert d.title.startswith("Entretien du parc municipal")
    assert d.warnings == []


def test_goods_are_sold_in_whole_units_and_ttc_to_consumers():
    # 600 baskets less 5 % = 570 sold at the fair-zone price 7,224.01 € HT (docs/supports.py: the
    # over-compensation ceiling): 7,224.01 / 570 = 12.6737 -> 12.67 € HT a basket. The client is a
    # consumer: 12.67 x 1.055 = 13.36685 -> 13.37 € TTC (half up), 570 x 13.37 = 7,620.90 € TTC;
    # its base 7,620.90 / 1.055 = 7,223.6019 -> 7,223.60 € HT, VAT 7,620.90 - 7,223.60 = 397.30 €.
    d = devis.build(aci_cost.default_scenario("market_gardening"))
    (line,) = d.lines
    assert (line.label, line.unit, line.quantity, line.unit_price) == (
        "Panier de légumes biologiques", "panier", D(570), D("12.67"))
    assert d.prices_ttc and d.client.kind == "consumer"
    assert (line.unit_price_ttc, line.total_ttc) == (D("13.37"), D("7620.90"))
    assert (d.total_ttc, d.total_ht, d.vat) == (D("7620.90"), D("7223.60"), D("397.30"))


def test_vat_number_from_the_siren():
    # The published example SIREN 404 833 048 -> FR83404833048; key = (12 + 3 (SIREN mod 97)) mod 97.
    assert devis.vat_number("40483304800010") == "FR83404833048"
    assert devis.vat_number("99999999800019") == "FR11999999998"
    with pytest.raises(ValueError, match="siret = '1234'"):
        devis.vat_number("1234")


def test_a_devis_needs_a_siret_and_a_valid_one(scenario):
    scenario.aci.identity.siret = ""
    with pytest.raises(aci_cost.InvalidInput, match=r"aci\.identity\.siret"):
        devis.build(scenario)
    doc = aci_cost.default_scenario().to_json().replace("99999999800019", "99999999800018")
    with pytest.raises(aci_cost.ScenarioError, match=r"identity\.siret.*99999999800018.*Luhn"):
        aci_cost.read_scenario(doc)
    with pytest.raises(aci_cost.ScenarioError, match=r"identity\.siret.*must be 14 digits"):
        aci_cost.read_scenario(doc.replace("99999999800018", "999 999 998"))


@pytest.mark.parametrize("field, bad, message", [
    ("iban", "FR7630006000011234567890188", r"aci\.identity\.iban = 'FR7630006000011234567890188': not a valid IBAN"),
    ("iban", "FR76300060", r"aci\.identity\.iban = 'FR76300060': not a valid IBAN"),
    ("bic", "AGRI-FRPP", r"aci\.identity\.bic = 'AGRI-FRPP': not a valid BIC"),
    ("vat_number", "FR00999999998", r"aci\.identity\.vat_number = 'FR00999999998': not a valid intra-EU VAT"),
])
def test_malformed_bank_details_and_vat_numbers_are_refused_naming_the_field(scenario, field, bad, message):
    setattr(scenario.aci.identity, field, bad)
    with pytest.raises(aci_cost.InvalidInput, match=message):
        devis.build(scenario, "park_maintenance")


def test_malformed_client_numbers_are_refused_naming_the_field(scenario):
    # A valid SIRET with a digit changed fails python-stdnum's Luhn check (in C++ too).
    scenario.aci.clients[0].siret = "99999901400016"
    with pytest.raises(aci_cost.InvalidInput, match=r"clients\[0\]\.siret.*99999901400016"):
        devis.build(scenario, "park_maintenance")
    s = aci_cost.default_scenario()
    s.aci.clients[1].vat_number = "FR91999999022"
    with pytest.raises(aci_cost.InvalidInput, match=r"aci\.clients\[1\]\.vat_number = 'FR91999999022'"):
        devis.build(s, "brush_clearing")


def test_la_poste_sirets_follow_their_own_rule():
    # INSEE: La Poste's establishments (SIREN 356 000 000) have a sum of digits multiple of 5
    # instead of a Luhn key; 356 000 000 00048 is the head office (Luhn). stdnum agrees.
    from stdnum.fr import siret

    s = aci_cost.default_scenario()
    for number in ("35600000049837", "35600000000048"):
        assert siret.is_valid(number)
        s.aci.identity.siret = number
        s.aci.identity.vat_number = ""
        s.aci.validate()
    s.aci.identity.siret = "35600000049838"
    with pytest.raises(aci_cost.InvalidInput, match="La Poste"):
        s.aci.validate()


def test_identity_and_clients_round_trip_through_json(scenario):
    again = aci_cost.read_scenario(scenario.to_json())
    assert again.aci.identity == scenario.aci.identity
    assert again.aci.clients == scenario.aci.clients
    assert again.jobs[0].terms == scenario.jobs[0].terms and again.jobs[0].social_clause == scenario.jobs[0].social_clause
    assert again.aci.identity.address.splitlines() == ["12 rue des Jardins", "00000 Saint-Exemple"]
    scenario.aci.identity = aci_cost.Identity()
    assert '"identity"' not in scenario.to_json()  # written only when set


def test_a_duplicate_client_is_refused(scenario):
    doc = scenario.to_json().replace('"Habitat Exemple"', '"Ville de Saint-Exemple"')
    with pytest.raises(aci_cost.ScenarioError, match=r"clients\[1\]\.name.*duplicate client name"):
        aci_cost.read_scenario(doc)


def test_options_are_checked(scenario):
    with pytest.raises(aci_cost.InvalidInput, match=r"devis\.validity_days = 0"):
        devis.build(scenario, options=devis.DevisOptions(validity_days=0))
    d = devis.build(scenario, options=devis.DevisOptions(validity_days=45, number="2026-017", title="Tonte"))
    assert (d.number, d.title) == ("2026-017", "Tonte")
    assert (d.valid_until - d.issue_date).days == 45
    assert (devis.build(scenario).valid_until - d.issue_date).days == 30  # the job's terms


def test_missing_labels_are_warned_naming_the_field(scenario):
    j = scenario.jobs[0]
    j.title = ""
    j.drivers[0].label = ""
    d = devis.build(scenario, "park_maintenance")
    messages = [w.message for w in d.warnings if w.code == "label_missing"]
    assert any(m.startswith("job[park_maintenance].title is empty") for m in messages)
    assert any(m.startswith("job[park_maintenance].drivers[0].label is empty") for m in messages)
    assert d.lines[0].label == "Lawn mowing m2" and d.title == "Park maintenance"


def test_missing_client_duration_bank_details_and_insurance_are_warned():
    s = aci_cost.default_scenario("building")
    s.aci.clients = []
    s.jobs[0].terms.duration_days = 0
    s.aci.identity.iban = ""
    s.aci.identity.insurance = aci_cost.Insurance()
    s.jobs[0].vat_certification = False  # the default's client has certified (10 %, housing renovation)
    codes = {w.code for w in devis.build(s).warnings}
    assert {"client_missing", "duration_missing", "bank_details_missing", "insurance_missing",
            "vat_certification_missing"} <= codes


def test_social_clause_hours(scenario):
    # DOMAIN.md: 1 M€ x 50 % x 5 % / 30 €/h = 833.33 h required.
    terms = aci_cost.ClauseTerms(contract="Marché 2026-1", contract_amount=D("1000000"), labour_share=D("0.5"),
                                 insertion_rate=D("0.05"), hourly_cost=D("30"))
    d = devis.build(scenario, "park_maintenance", devis.DevisOptions(clause=terms))
    assert d.clause.required_hours.quantize(D("0.01")) == D("833.33")
    assert d.clause.delivered_hours == d.insertion_hours
    assert not d.clause.covered
    assert "833,3 h d'insertion exigées" in flat(devis.render(d))
    # The default park contract: 80 000 € x 50 % x 5 % / 30 €/h = 66.67 h, which the job covers.
    d = devis.build(scenario, "park_maintenance")
    assert d.clause.required_hours == D("66.67") and d.clause.covered


# ---- the HTML --------------------------------------------------------------------------------

@pytest.mark.parametrize("which", range(6), ids=NAMES)
def test_html_is_french_with_the_mentions_and_no_internal_figure(which):
    s = scenarios()[which]
    for job in s.jobs:
        q = aci_cost.quote(s, job.name)
        d = devis.build(s, job.name)
        text = flat(unescape(devis.render(d)))  # an apostrophe is &#39; in the HTML
        for needed in ["DEVIS", "SIRET 999 999 998 00019", "SIREN 999999998", d.client.name, "Valable jusqu'au",
                       "Début des travaux", "Total HT", "Total TTC", "La valeur d'insertion de cette prestation",
                       "clause sociale", money(d.total_ht), money(d.total_ttc)]:
            assert flat(needed) in text, needed
        # Bank details only when the client pays by transfer (the AMAP's subscribers pay by cheque).
        assert ("IBAN FR76 3000 6000 0112 3456 7890 189" in text) == (d.payment_method == "transfer"), job.name
        wanted, unwanted = LATE[d.client.kind]
        for w in wanted:
            assert w in text, (job.name, w)
        for w in unwanted:
            assert w not in text, (job.name, w)
        for secret in internal_amounts(q):
            assert secret not in text, (job.name, secret)
        for word in ["subvention", "aide au poste", "marge", "coût de revient", "coût complet", "aid_state",
                     "Part du prix", "vous financez"]:
            assert word.lower() not in text.lower(), word
        for english in ["Town of", "maintenance", "painting", "(subscribers)", "baskets", "_"]:
            assert english not in text.split("<body")[-1], (job.name, english)


def test_building_works_carry_the_insurance_and_the_certification():
    d = devis.build(aci_cost.default_scenario("building"))
    text = flat(unescape(devis.render(d)))  # the HTML writes an apostrophe &#39;
    assert "Assurance responsabilité civile décennale souscrite auprès de Mutuelle Exemple Assurances" in text
    assert "couverture géographique : France métropolitaine (art. L243-2 du Code des assurances)" in text
    # The administration's model mention for CGI art. 279-0 bis (BOI-LETTRE-000280-20251022, I).
    assert ("certifie, en qualité de preneur de la prestation, que les travaux réalisés concernent des locaux à "
            "usage d'habitation achevés depuis plus de deux ans et qu'ils n'ont pas eu pour effet") in text
    assert "supérieure à 10 % (taux de TVA de 10 %, article 279-0 bis du CGI" in text
    assert "loi n° 2025-127 du 14 février 2025, art. 41" in text and "Date et signature du client" in text
    assert "TVA 10 % sur" in text and "CGI art. 279-0 bis" in text
    green = flat(devis.html(aci_cost.default_scenario()))
    assert "L243-2" not in green and "certifie" not in green


@pytest.mark.parametrize("status, mention", [
    ("non_profit_exempt", "Exonération de TVA, article 261-7-1° b du CGI"),
    ("non_lucrative", "TVA non applicable : activité non lucrative"),
])
def test_an_aci_outside_vat_shows_its_wording(scenario, status, mention):
    scenario.aci.tax_status = status
    d = devis.build(scenario)
    assert d.vat == 0 and d.total_ttc == d.total_ht and d.vat_number is None and d.vat_lines == []
    text = flat(devis.render(d))
    assert mention in text and "TVA non applicable" in text
    assert "TVA 20 %" not in text and "Net à payer" in text and "Total TTC" not in text
    assert "N° TVA intracommunautaire FR11" not in text


def test_control_characters_are_refused_and_user_text_isolated(scenario):
    # A right-to-left override would reverse the line it sits in; a NUL would reach the HTML.
    scenario.aci.clients[0].name = "Ville\u202e de Saint-Exemple"
    with pytest.raises(aci_cost.InvalidInput, match=r"clients\[0\]\.name.*bidirectional"):
        devis.build(scenario, "park_maintenance")
    s = aci_cost.default_scenario()
    s.jobs[0].title = "Entretien\x00"
    with pytest.raises(aci_cost.InvalidInput, match=r"job\[park_maintenance\]\.title.*\\x00.*control"):
        devis.build(s, "park_maintenance")
    doc = aci_cost.default_scenario().to_json().replace('"Habitat Exemple"', '"Habitat\\u2066 Exemple"')
    with pytest.raises(aci_cost.ScenarioError, match="bidirectional"):
        aci_cost.read_scenario(doc)
    with pytest.raises(aci_cost.InvalidInput, match=r"devis\.number"):
        devis.build(aci_cost.default_scenario(), options=devis.DevisOptions(number="2026\u202e-1"))
    # Hebrew in a client's name is lawful text: printed, isolated in <bdi> with dir="auto" around.
    s = aci_cost.default_scenario()
    s.aci.clients[0].name = s.jobs[0].client = "עיריית Saint-Exemple"
    html = devis.html(s, "park_maintenance")
    assert "<bdi>עיריית Saint-Exemple</bdi>" in html and 'class="client" dir="auto"' in html


# ---- the PDF, read back with pdftotext ------------------------------------------------------

def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("which", range(6), ids=NAMES)
def test_every_job_prints_to_a_french_pdf_without_internal_figures(which, tmp_path):
    s = scenarios()[which]
    for job in s.jobs:
        q = aci_cost.quote(s, job.name)
        d = devis.build(s, job.name)
        out = devis.write_pdf(d, tmp_path / f"{job.name}.pdf")
        assert out.read_bytes()[:5] == b"%PDF-"
        assert pdf_pages(out) in (1, 2)
        text = flat(pdf_text(out))
        assert "La valeur d'insertion de cette prestation" in text
        assert f"Total HT {money(d.total_ht)}" in text
        assert f"Total TTC {money(d.total_ttc)}" in text
        for w in LATE[d.client.kind][0]:
            assert w in text, (job.name, w)
        for secret in internal_amounts(q):
            assert secret not in text, (job.name, secret)
        for english in ["Town of", "Stairwell", "Hedge planting", "subscribers", "Total excl", "price"]:
            assert english not in text, (job.name, english)
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), (job.name, re.findall(r"\b[a-z]+_[a-z_]+\b", text))


def image_difference(a: Path, b: Path) -> tuple[float, float]:
    """(mean absolute difference in 0-255, share of pixels differing by more than 64)."""
    from PIL import Image

    x = np.asarray(Image.open(a).convert("L"), dtype=float)
    y = np.asarray(Image.open(b).convert("L"), dtype=float)
    assert x.shape == y.shape, (x.shape, y.shape)
    diff = np.abs(x - y)
    return float(diff.mean()), float((diff > 64).mean())


def test_screenshot_matches_the_reference(scenario, tmp_path):
    # The reference (tests/python/data/devis_park_maintenance.png) was taken by Debian 12's
    # chromium with fonts-dejavu-core; anti-aliasing may move, the layout may not.
    shot = devis.screenshot(scenario, tmp_path / "devis.png", "park_maintenance")
    mean, share = image_difference(shot, DATA / "devis_park_maintenance.png")
    assert mean < 1.5 and share < 0.005, (mean, share)
    # The comparison sees a real change: the other job's devis is far from the reference.
    other = devis.screenshot(scenario, tmp_path / "other.png", "brush_clearing")
    mean, share = image_difference(other, DATA / "devis_park_maintenance.png")
    assert share > 0.005, (mean, share)


# ---- the command line ------------------------------------------------------------------------

def test_cli_writes_a_devis_per_job_and_says_where(tmp_path, capsys):
    assert main(["devis", "--out", str(tmp_path / "devis.html")]) == 0
    out = capsys.readouterr().out
    for job in ("park_maintenance", "brush_clearing"):
        path = tmp_path / f"devis-{job}.html"
        assert f"written to {path}" in out
        assert "La valeur d'insertion" in path.read_text(encoding="utf-8")
    assert main(["devis", "--job", "brush_clearing", "--number", "2026-9", "--title", "Débroussaillage du talus",
                 "--out", str(tmp_path / "b.pdf")]) == 0
    assert "Devis 2026-9 (brush_clearing" in capsys.readouterr().out
    assert pdf_pages(tmp_path / "b.pdf") == 1
    assert "Objet : Débroussaillage du talus" in flat(pdf_text(tmp_path / "b.pdf"))
    assert main(["devis", "--job", "nope", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "nope" in capsys.readouterr().err


def test_a_failed_print_leaves_the_existing_pdf(tmp_path, monkeypatch, scenario, capsys):
    out = tmp_path / "devis.pdf"
    out.write_bytes(b"%PDF-1.4 the signed one")
    monkeypatch.setenv("ACI_COST_CHROMIUM", "/bin/false")
    with pytest.raises(RuntimeError, match="chromium failed"):
        devis.write_pdf(scenario, out)
    assert out.read_bytes() == b"%PDF-1.4 the signed one"
    assert [p.name for p in tmp_path.iterdir()] == ["devis.pdf"]  # no temporary file left
    # The CLI says it in one line (exit status 2), the PDF still untouched.
    assert main(["devis", "--job", "park_maintenance", "--out", str(out)]) == 2
    assert "chromium failed" in capsys.readouterr().err and out.read_bytes() == b"%PDF-1.4 the signed one"


def test_a_symlinked_out_is_replaced_not_followed(tmp_path, scenario):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = tmp_path / "devis.pdf"
    link.symlink_to(target)
    devis.write_pdf(scenario, link)
    assert target.read_text() == "keep me"
    assert not link.is_symlink() and link.read_bytes()[:5] == b"%PDF-"


def test_chromium_makes_no_request_and_reads_no_other_file(tmp_path):
    # A local HTTP server counts the requests a hostile page would make: an image, a stylesheet,
    # a script's fetch, an iframe; a file:// image of a file beside the page's folder.
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"LEAKED-BY-HTTP")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        secret = tmp_path / "secret.txt"
        secret.write_text("SECRET-FILE-CONTENT")
        base = f"http://127.0.0.1:{server.server_port}"
        page = (f'<script>document.write("EARLY-SCRIPT")</script>'  # before the head: still under the policy
                f'<html><head><link rel="stylesheet" href="{base}/style.css"></head><body><p>visible</p>'
                f'<img src="{base}/image.png"><iframe src="{base}/frame"></iframe>'
                f'<iframe src="{secret.as_uri()}"></iframe><object data="{secret.as_uri()}"></object>'
                f'<script>fetch("{base}/fetch"); document.body.append("SCRIPT-RAN")</script></body></html>')
        out = devis.write_pdf(page, tmp_path / "hostile.pdf", timeout=60)
        text = pdf_text(out)
    finally:
        server.shutdown()
    assert "visible" in text
    assert seen == []
    assert "SCRIPT-RAN" not in text and "SECRET-FILE-CONTENT" not in text and "LEAKED" not in text
    assert "EARLY-SCRIPT" not in text
    # The server does answer: the same page opened without the lock-down would have reached it.
    import urllib.request

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{server.server_port}/probe", timeout=5).read()
    finally:
        server.shutdown()
    assert seen == ["/probe"]
