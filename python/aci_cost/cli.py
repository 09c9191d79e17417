"""Command line: ``python -m aci_cost quote [SCENARIO.json] [--job NAME] [--json]``."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Optional, Sequence

from . import InvalidInput, Quote, default_scenario, format_fr, load_scenario, quote, quote_all


def _scenario(path: Optional[str]):
    return default_scenario() if path is None else load_scenario(path)


def render_quote(q: Quote) -> str:
    """A readable table of one quote."""
    width = 46
    out = [f"Quote: {q.job} ({q.atelier}), {q.date.isoformat()}",
           f"  work content {q.standard_hours} standard h, productivity {q.productivity}", ""]

    def row(label: str, amount) -> None:
        out.append(f"  {label:<{width}}{format_fr(amount):>16}")

    for line in q.cost_lines:
        row(line.key.replace("_", " "), line.amount)
    row("FULL COST", q.full_cost)
    row("  production cost (ordinary firm)", q.production_cost)
    row("  insertion extra cost", q.insertion_extra_cost)
    for line in q.subsidies:
        row("subsidy: " + line.key.replace("_", " "), line.amount)
    row("NET COST (after subsidies)", q.net_cost)
    out.append("")
    k = f", K = {q.price.coefficient_k}" if q.price.policy == "ds_coefficient" else ""
    out.append(f"  Price ({q.price.policy}{k})")
    row("price excl. VAT (HT)", q.price.ht)
    row(f"VAT {(q.price.vat_rate * 100).normalize():f} %", q.price.vat)
    row("price incl. VAT (TTC)", q.price.ttc)
    out.append("  Bounds")
    row("market floor", q.bounds.market_floor)
    row("market price", q.bounds.market_price)
    row("full cost", q.bounds.full_cost)
    row("net cost", q.bounds.net_cost)
    out.append(f"  Sales cap (D5132-34, {(q.sales_cap.cap_share * 100).normalize():f} % of charges)")
    row("annual charges", q.sales_cap.annual_charges)
    row("cap", q.sales_cap.cap)
    row("sales this year", q.sales_cap.annual_sales)
    row("headroom", q.sales_cap.headroom)
    i = q.insertion
    out.append("  Integration work in this job")
    out.append(f"  {'insertion hours':<{width}}{i.insertion_hours:>16}")
    out.append(f"  {'people employed':<{width}}{i.people:>16}")
    out.append(f"  {'supervision hours':<{width}}{i.supervision_hours:>16}")
    out.append(f"  {'training hours':<{width}}{i.training_hours:>16}")
    row("price paying production", i.price_production_part)
    row("price paying the integration mission", i.price_integration_part)
    for w in q.warnings:
        out.append(f"  WARNING [{w.code}] {w.message}")
    out.append("  Rates used: " + "; ".join(f"{r.rate} {r.value} ({r.effective.isoformat()})" for r in q.rates_used))
    return "\n".join(out)


def _cmd_quote(args: argparse.Namespace) -> int:
    scenario = _scenario(args.scenario)
    quotes = [quote(scenario, args.job)] if args.job else quote_all(scenario)
    if args.json:
        doc = {"scenario": args.scenario or "default", "quotes": [json.loads(q.to_json()) for q in quotes]}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        print(f"{scenario.aci.name}\n")
        print("\n\n".join(render_quote(q) for q in quotes))
    return 0


def _cmd_scenario(args: argparse.Namespace) -> int:
    print(_scenario(args.scenario).to_json())
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m aci_cost", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    q = sub.add_parser("quote", help="quote the jobs of a scenario (default: the embedded ACI)")
    q.add_argument("scenario", nargs="?", help="scenario JSON file (default: embedded default ACI)")
    q.add_argument("--job", help="quote only this job")
    q.add_argument("--json", action="store_true", help="JSON output, amounts as strings to the cent")
    q.set_defaults(func=_cmd_quote)
    sc = sub.add_parser("scenario", help="print a scenario document (default: the embedded ACI)")
    sc.add_argument("scenario", nargs="?", help="scenario JSON file to check and normalise")
    sc.set_defaults(func=_cmd_scenario)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (InvalidInput, ValueError, OSError) as e:
        print(f"aci_cost: error: {e}", file=sys.stderr)
        return 2
