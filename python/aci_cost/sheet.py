"""The internal cost sheet of a quote as text: every cost line, the subsidies, the price and
its bounds, the sales cap and the integration work. For the ACI's own use: a client gets the
devis (:mod:`aci_cost.devis`), which shows none of the costs, subsidies or margin.

>>> print(aci_cost.render_quote(aci_cost.quote(aci_cost.default_scenario())))
"""
from __future__ import annotations

from decimal import Decimal

from ._core.money import format_fr
from ._core.quote import Quote

__all__ = ["render_quote"]


def render_quote(q: Quote) -> str:
    """The internal cost sheet of one quote as a text table (costs, subsidies, price, bounds, sales
    cap, integration work, warnings, rates used): for the ACI, never for a client."""
    width = 46
    out = [f"Quote: {q.job} ({q.atelier}), {q.date.isoformat()}",
           f"  work content {q.standard_hours} standard h, productivity {q.productivity}", ""]

    def row(label: str, amount: Decimal) -> None:
        out.append(f"  {label:<{width}}{format_fr(amount):>16}")

    for line in q.cost_lines:
        row(line.key.replace("_", " "), line.amount)
    row("FULL COST", q.full_cost)
    row("  production cost (ordinary firm)", q.production_cost)
    row("  insertion extra cost (full - production)", q.insertion_extra_cost)
    out.append("  Insertion extra cost, bottom-up (cross-check)")
    for line in q.extra_lines:
        row("  " + line.key.replace("_", " "), line.amount)
    row("  total", q.extra_bottom_up)
    row("MARGINAL COST (what the job adds)", q.marginal_cost)
    for line in q.subsidies:
        row("subsidy: " + line.key.replace("_", " "), line.amount)
    if q.output_revenue:
        row("revenue tied to output", q.output_revenue)
    row("NET COST (after subsidies)", q.net_cost)
    u = q.per_unit
    if u.unit != "h" or u.kind == "goods":
        sold = f", {u.sold} sold" if u.sold != u.quantity else ""
        out.append(f"  Per {u.unit} ({u.kind}: {u.quantity} {u.unit}{sold})")
        row(f"  full cost per {u.unit}", u.full_cost)
        row(f"  net cost per {u.unit}", u.net_cost)
        row(f"  price excl. VAT per {u.unit}", u.price_ht)
        if u.market_price is not None:
            row(f"  market price per {u.unit}", u.market_price)
    out.append("")
    k = f", K = {q.price.coefficient_k}" if q.price.policy == "ds_coefficient" else ""
    out.append(f"  Price ({q.price.policy}{k})")
    row("price excl. VAT (HT)", q.price.ht)
    if q.price.vat_exempt:
        out.append(f"  {q.price.vat_mention}")
    else:
        article = f" ({q.price.vat_article})" if q.price.vat_article else ""
        row(f"VAT {(q.price.vat_rate * 100).normalize():f} %{article}", q.price.vat)
    row("price incl. VAT (TTC)", q.price.ttc)
    out.append("  Bounds")
    row("market floor", q.bounds.market_floor)
    row("market price", q.bounds.market_price)
    row("full cost", q.bounds.full_cost)
    row("net cost", q.bounds.net_cost)
    row("over-compensation ceiling", q.bounds.overcompensation_ceiling)
    out.append(f"  Sales cap (D5132-34, {(q.sales_cap.cap_share * 100).normalize():f} % of charges)")
    row("annual charges", q.sales_cap.annual_charges)
    row("cap", q.sales_cap.cap)
    row("sales this year", q.sales_cap.annual_sales)
    row("headroom", q.sales_cap.headroom)
    i = q.insertion
    out.append("  Integration work in this job")
    out.append(f"  {'insertion hours (on site + travel)':<{width}}{i.insertion_hours:>16}")
    out.append(f"  {'  of which travelling':<{width}}{i.travel_hours:>16}")
    out.append(f"  {'people employed':<{width}}{i.people:>16}")
    out.append(f"  {'supervision hours':<{width}}{i.supervision_hours:>16}")
    out.append(f"  {'training hours':<{width}}{i.training_hours:>16}")
    row("price paying production", i.price_production_part)
    row("price paying the integration mission", i.price_integration_part)
    for w in q.warnings:
        out.append(f"  WARNING [{w.code}] {w.message}")
    out.append("  Rates used: " + "; ".join(f"{r.rate}{'[' + r.key + ']' if r.key else ''} {r.value} "
                                           f"({r.effective.isoformat()})" for r in q.rates_used))
    return "\n".join(out)
