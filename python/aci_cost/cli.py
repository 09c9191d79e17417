"""Command line: ``python -m aci_cost quote [SCENARIO.json] [--job NAME] [--json]``, ``... devis``, ``... invoice``, ``... share FILE.json``,
``... actuals FEC.txt [--hours hours.csv]``..."""
from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence, Union

from . import InvalidInput, check_scenario, default_scenario, format_fr, load_scenario, quote, quote_all
from ._core.scenario import DEFAULT_SCENARIOS, Scenario
from ._render import (
    pd_options, render_actuals, render_allocation, render_months, render_price, render_share, render_time_driven,
    render_training, render_year,
)
from .sheet import render_quote

if TYPE_CHECKING:
    import datetime as dt

    import pandas as pd

    from ._core.allocation import Allocation
    from ._core.budget import PriceAnalysis
    from .devis import DocumentWarning


def _scenario(path: Optional[str], support: Optional[str] = None) -> Scenario:
    if path is not None and support is not None:
        raise InvalidInput(f"--support = {support!r}: give a scenario file or a support, not both")
    if path is None:
        return default_scenario(support or "green_spaces")
    return load_scenario(path)


def _cmd_quote(args: argparse.Namespace) -> int:
    scenario = _scenario(args.scenario, args.support)
    quotes = [quote(scenario, args.job)] if args.job else quote_all(scenario)
    if args.json:
        doc = {"scenario": args.scenario or "default", "quotes": [json.loads(q.to_json()) for q in quotes]}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        print(f"{scenario.aci.name}\n")
        print("\n\n".join(render_quote(q) for q in quotes))
    return 0


def _cmd_year(args: argparse.Namespace) -> int:
    from . import budget

    scenario = _scenario(args.scenario, args.support)
    y = budget.year(scenario, args.date)
    if args.json:
        frame = budget.frame(y)
        frame["amount"] = frame["amount"].map(str)
        jobs = budget.jobs_frame(y)
        for col in ["work_hours", "price_ht", "full_cost", "net_cost", "marginal_cost", "subsidies"]:
            jobs[col] = jobs[col].map(str)
        jobs["date"] = jobs["date"].map(lambda d: d.isoformat())
        doc = {"date": y.date.isoformat(), "year": y.year, "lines": frame.to_dict(orient="records"),
               "jobs": jobs.to_dict(orient="records"),
               "public_grants": str(y.public_grants), "audit_required": y.audit_required,
               "warnings": [{"atelier": a.atelier, "code": w.code, "message": w.message}
                            for a in y.ateliers for w in a.warnings]}
        if args.monthly:
            months = budget.months_frame(y)
            months["amount"] = months["amount"].map(str)
            doc["months"] = months.to_dict(orient="records")
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    print(f"{scenario.aci.name}")
    print(render_year(y))
    if args.monthly:
        print()
        print(render_months(y))
    return 0


def _cmd_price(args: argparse.Namespace) -> int:
    from . import budget

    scenario = _scenario(args.scenario, args.support)
    names = [args.job] if args.job else [j.name for j in scenario.jobs]
    analyses = [budget.price_analysis(scenario, n, args.target_margin, args.volume) for n in names]
    if args.json:
        def plain(a: PriceAnalysis) -> dict[str, object]:
            doc: dict[str, object] = {}
            for f in a._fields:
                v = getattr(a, f)
                doc[f] = v if isinstance(v, (bool, int, str)) or v is None else str(v)
            return doc
        print(json.dumps({"prices": [plain(a) for a in analyses]}, indent=2, ensure_ascii=False))
    else:
        print(f"{scenario.aci.name}\n")
        print("\n\n".join(render_price(a) for a in analyses))
    return 0


def _cmd_training(args: argparse.Namespace) -> int:
    from . import training, training_quote

    scenario = _scenario(args.scenario)
    model = scenario.training_model()
    run = training.simulate(model)
    quotes = [training_quote(scenario, j.name) for j in scenario.jobs]
    if args.json:
        s = run.summary
        doc = {
            "summary": {k: getattr(s, k) for k in type(s)._fields},
            "weeks": json.loads(run.weeks.to_json(orient="records")),
            "quotes": [{"job": q.naive.job, "iso_week": q.week.iso_week,
                        "planned_hours": q.week.planned_hours, "delivered_hours": q.week.delivered_hours,
                        "naive_price_ht": str(q.naive.price.ht), "honoured_price_ht": str(q.honoured.price.ht),
                        "difference": str(q.difference)} for q in quotes],
        }
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    print(render_training(run, model))
    for q in quotes:
        print(f"  {q.naive.job} (ISO week {q.week.iso_week}): training owed {q.week.planned_hours:.1f} h, "
              f"delivered {q.week.delivered_hours:.1f} h; price HT {format_fr(q.naive.price.ht)} naive vs "
              f"{format_fr(q.honoured.price.ht)} with the obligation honoured (+{format_fr(q.difference)})")
    if args.plot:
        run.plot().figure.savefig(args.plot, dpi=110, bbox_inches="tight")
        _wrote("  Figure", args.plot)
    return 0


DEFAULT_SWEEP = {
    "format": "aci_cost/sweep@1",
    "model": "training",
    "inputs": [
        {"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 110, "high": 170}},
        {"name": "training.demand.productivity", "distribution": {"kind": "triangular", "low": 0.5, "mode": 0.6, "high": 0.7}},
        {"name": "training.workforce.absence", "distribution": {"kind": "triangular", "low": 0.03, "mode": 0.06, "high": 0.15}},
        {"name": "training.workforce.contract_months", "distribution": {"kind": "uniform", "low": 6, "high": 18}},
    ],
    "design": {"kind": "latin_hypercube", "n": 10000, "seed": 2026},
    "outputs": ["cost_per_productive_hour_honoured", "cost_per_productive_hour_actual", "delivered_share",
                "training_debt"],
}


def _cmd_sweep(args: argparse.Namespace) -> int:
    from . import sweep

    spec = sweep.load_spec(args.spec) if args.spec else DEFAULT_SWEEP
    scenario = _scenario(args.scenario)
    r = sweep.run(spec, scenario, threads=args.threads, progress=_progress(args))
    if args.json:
        doc = {"spec": r.spec, "seed": r.seed,
               "summary": json.loads(r.summary.to_json(orient="index"))}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    print(f"Sweep of the {r.spec['model']} model: {r.end - r.begin} scenarios, design "
          f"{r.spec['design']['kind']}, seed {r.seed}")
    with pd_options():
        print(r.summary.to_string(float_format=lambda v: f"{v:,.4g}"))
    return 0


def _progress(args: argparse.Namespace) -> bool:
    """A progress bar unless --no-progress; by default only when stderr is a terminal."""
    return sys.stderr.isatty() if args.progress is None else args.progress


def _wrote(what: str, path: Union[str, Path]) -> None:
    print(f"{what} written to {Path(path).resolve()}")


def _cmd_sobol(args: argparse.Namespace) -> int:
    from . import sweep

    spec = sweep.load_spec(args.spec) if args.spec else DEFAULT_SWEEP
    scenario = _scenario(args.scenario)
    r = sweep.sobol(spec, scenario, n=args.n, threads=args.threads, progress=_progress(args),
                    bootstrap_seed=args.bootstrap_seed, resamples=args.resamples, second_order=args.second_order,
                    intervals=args.intervals)
    if args.json:
        doc = {"n": r.n, "seeds": r.seeds, "resamples": r.resamples,
               "indices": {o: json.loads(f.to_json(orient="index")) for o, f in r.indices.items()}}
        if args.second_order:
            doc["second_order"] = {o: [{"first": a, "second": b, **row} for (a, b), row in f.to_dict("index").items()]
                                   for o, f in r.second_order.items()}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        print(f"Sobol' indices of the {spec.get('model', 'training')} model: n = {r.n} base rows, "
              f"seeds {r.seeds}")
        with pd_options():
            for output, frame in r.indices.items():
                print(f"\n{output}")
                print(frame.to_string(float_format=lambda v: f"{v:.3f}"))
                if args.second_order:
                    print(r.second_order[output].to_string(float_format=lambda v: f"{v:.3f}"))
    if args.plot:
        import matplotlib
        matplotlib.use("Agg")
        from . import figures

        output = next(iter(r.indices))
        figures.sobol_indices(r, output).figure.savefig(args.plot, dpi=110, bbox_inches="tight")
        if not args.json:
            _wrote(f"Figure of {output}", args.plot)
    return 0


def _devis_path(pattern: str, job: str, several: bool) -> Path:
    """The file of one job's document: the job's name (scenario data) is confined to the folder
    of `pattern` (a job named '../../x' writes '_.._x' there, never outside)."""
    from ._documents import confined

    path = Path(pattern)
    if "{job}" in path.name:
        stem = path.name.replace("{job}", "\x00")
        before, _, after = stem.partition("\x00")
        return confined(path.parent, f"{before}{job}{after}")
    return confined(path.parent, f"{path.stem}-{job}{path.suffix}") if several else path


def _warn_document(kind: str, number: str, warnings: Sequence[DocumentWarning]) -> None:
    for w in warnings:
        print(f"  {kind} {number}: warning {w.code}: {w.message}", file=sys.stderr)


def _cmd_devis(args: argparse.Namespace) -> int:
    from . import devis
    from ._documents import write_atomically

    scenario = _scenario(args.scenario)
    jobs = [args.job] if args.job else [j.name for j in scenario.jobs]
    if not jobs:
        raise InvalidInput("jobs = []: the scenario has no job to put in a devis")
    several = len(jobs) > 1
    for k, job in enumerate(jobs, 1):
        number = f"{args.number}-{k:02d}" if args.number and several else args.number
        options = devis.DevisOptions(number=number, validity_days=args.validity_days, title=args.title,
                                     client_address=args.client_address.replace("\\n", "\n"),
                                     payment_terms=args.payment_terms)
        d = devis.build(scenario, job, options)
        out = _devis_path(args.out, job, several)
        if out.suffix.lower() in (".html", ".htm"):
            text = devis.render(d)
            out = write_atomically(out, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        else:
            out = devis.write_pdf(d, out)
        _wrote(f"Devis {d.number} ({job}, {format_fr(d.total_ht)} HT)", out)
        _warn_document("devis", d.number, d.warnings)
    return 0


def _cmd_invoice(args: argparse.Namespace) -> int:
    import datetime as dt

    from . import invoice

    scenario = _scenario(args.scenario)
    quantities = invoice.read_quantities(args.quantities) if args.quantities else None

    def day(text: Optional[str], name: str) -> Optional[dt.date]:
        if text is None:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise InvalidInput(f"{name} = {text!r}: expected YYYY-MM-DD") from None

    inv = invoice.issue(scenario, args.job, args.out, register=args.register, number=args.number,
                        issue_date=day(args.date, "--date"), devis_number=args.devis_number,
                        devis_date=day(args.devis_date, "--devis-date"), quantities=quantities)
    _wrote(f"Facture {inv.number} ({inv.job}, {format_fr(inv.total_ht)} HT, {format_fr(inv.total_ttc)} TTC, "
           f"Factur-X EN 16931)", Path(args.out).resolve())
    _warn_document("facture", inv.number, inv.warnings)
    return 0


def _cmd_share(args: argparse.Namespace) -> int:
    from . import sharing

    problem = sharing.load(args.file) if args.file else sharing.example()
    run = sharing.share(problem, args.method, show_unlawful=args.show_unlawful, seed=args.seed,
                        permutations=args.permutations, threads=args.threads)
    if args.json:
        print(json.dumps(run.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render_share(run))
    if args.plot:
        run.plot().figure.savefig(args.plot, dpi=110, bbox_inches="tight")
        if not args.json:
            _wrote("  Figure", args.plot)
    return 0


def _allocation_json(a: Allocation) -> str:
    from . import allocation

    primary = allocation.primary_frame(a)
    flows = allocation.flows_frame(a)
    doc = {"method": a.method, "total_charges": str(a.total_charges),
           "primary": {charge: {c: str(v) for c, v in row.items()} for charge, row in primary.iterrows()},
           "flows": {src: {c: str(v) for c, v in row.items()} for src, row in flows.iterrows()},
           "centres": _records(allocation.rates_frame(a))}
    return json.dumps(doc, indent=2, ensure_ascii=False)


def _cmd_allocate(args: argparse.Namespace) -> int:
    from . import allocation

    if args.time_driven:
        r = allocation.time_driven(allocation.read_time_driven(Path(args.time_driven).read_text(encoding="utf-8")))
        if args.json:
            pools, jobs = allocation.time_driven_frames(r)
            print(json.dumps({"time_unit": r.time_unit, "pools": _records(pools), "jobs": _records(jobs),
                              "unused_cost": str(r.unused_cost)}, indent=2, ensure_ascii=False))
        else:
            print(render_time_driven(r))
        return 0
    if args.network:
        network, method = allocation.read_network(Path(args.network).read_text(encoding="utf-8"))
        a = allocation.allocate(network, args.method or method)
        print(_allocation_json(a) if args.json else render_allocation(a))
        return 0
    scenario = _scenario(args.scenario)
    if scenario.aci.structure.empty():
        raise InvalidInput("aci.structure = {}: the scenario's ACI shares no structure to allocate "
                           "(see examples/multi_atelier.json)")
    if args.compare:
        table = allocation.compare_methods(scenario, args.date)
        if args.json:
            print(json.dumps({"aci": scenario.aci.name, "shares": _records(table.reset_index())}, indent=2,
                             ensure_ascii=False))
            return 0
        with pd_options():
            print(f"{scenario.aci.name}: each atelier's share of the structure (€/year)\n")
            print(table.to_string())
        return 0
    a = allocation.of_scenario(scenario, args.method, args.date)
    if args.json:
        print(_allocation_json(a))
        return 0
    if args.plot:
        import matplotlib
        matplotlib.use("Agg")
        ax = allocation.plot_flows(a)
        ax.figure.savefig(args.plot, dpi=120, bbox_inches="tight")
    print(f"{scenario.aci.name}")
    print(render_allocation(a))
    if args.plot:
        print()
        _wrote("Figure", args.plot)
    return 0


def _cmd_scenario(args: argparse.Namespace) -> int:
    s = _scenario(args.scenario, args.support)
    if args.check:  # every job's quote, the year, the training model (docs/error_contract.md)
        r = check_scenario(s.to_json())
        print(f"ok: {r.quotes} quote(s) with {r.warnings} warning(s), the year of {r.year_ateliers} atelier(s), "
              f"{r.training_weeks} training week(s) simulated")
        return 0
    print(s.to_json())
    return 0


# ---- actuals: an ACI's own accounts (FEC) and hours against its forecast (docs/actuals.md) ----

def _json_value(v: object) -> object:
    """A JSON value: Decimal as text (to the cent as shown), dates ISO, the rest as is."""
    if isinstance(v, Decimal):
        return str(v)
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    """A frame's rows as JSON-ready dicts (_json_value), None kept."""
    return [{k: _json_value(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def _cmd_actuals(args: argparse.Namespace) -> int:
    from . import actuals

    scenario = _scenario(args.scenario)
    fec = actuals.read_fec(args.fec, year_start=args.year_start, year_end=args.year_end,
                           analytic=None if args.analytic == "none" else args.analytic)
    r = actuals.realised_year(fec, scenario, hours=args.hours, mapping=args.mapping, spread=args.spread)
    v = actuals.variances(r)
    if args.xlsx:
        from . import workbook

        workbook.write(args.xlsx, scenario, realised=r, variances=v)
    if args.json:
        tb = fec.balance
        doc = {"fec": {"file": fec.source, "lines": tb.lines, "entries": tb.entries, "debit": str(tb.debit),
                       "credit": str(tb.credit), "year_start": fec.year_start.isoformat(),
                       "year_end": fec.year_end.isoformat(), "analytic_column": fec.analytic_column},
               "mapping": r.mapping.name, "lines": _records(v.lines), "unplaced": _records(r.unplaced_frame()),
               "accounts_result": str(r.result.accounts_result), "hour_costs": _records(v.hour_costs),
               "training": _records(v.training), "supervision": _records(v.supervision), "jobs": _records(v.jobs)}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        print(scenario.aci.name)
        print(render_actuals(r, v))
        if args.xlsx:
            _wrote("\nWorkbook", args.xlsx)
    return 0


def _actuals_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ac = sub.add_parser("actuals", help="an ACI's FEC (and hours) against its forecast year: checks, realised year, "
                                        "variances, Excel")
    ac.add_argument("fec", help="the FEC file (LPF art. A47 A-1: tab or '|' separated)")
    ac.add_argument("--hours", help="hours CSV (date, atelier, job, staff, role, hours, kind)")
    ac.add_argument("--mapping", help="mapping file (format aci_cost/fec_mapping@1; default: the ACIs' default)")
    ac.add_argument("--scenario", help="scenario JSON file of the ACI (default: the embedded default ACI)")
    ac.add_argument("--xlsx", metavar="OUT.xlsx", help="also write the Excel workbook")
    ac.add_argument("--json", action="store_true", help="JSON output, amounts as strings to the cent")
    ac.add_argument("--analytic", default="auto",
                    help="the FEC's analytic column (default: auto, the first of CodeAnalytique, Analytique, "
                         "SectionAnalytique, Atelier; 'none': no column)")
    ac.add_argument("--spread", choices=["forecast", "work_hours"], default="forecast",
                    help="how lines booked to no atelier are spread (default: as the forecast spreads them)")
    ac.add_argument("--year-start", help="first day of the fiscal year (default: from the file's name or dates)")
    ac.add_argument("--year-end", help="last day of the fiscal year")
    ac.set_defaults(func=_cmd_actuals)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m aci_cost", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    q = sub.add_parser("quote", help="quote the jobs of a scenario (default: the embedded ACI)")
    q.add_argument("scenario", nargs="?", help="scenario JSON file (default: embedded default ACI)")
    q.add_argument("--job", help="quote only this job")
    q.add_argument("--support", choices=DEFAULT_SCENARIOS,
                   help="the embedded default ACI of a support (docs/supports.md) instead of a file")
    q.add_argument("--json", action="store_true", help="JSON output, amounts as strings to the cent")
    q.set_defaults(func=_cmd_quote)
    t = sub.add_parser("training", help="simulate the weekly training model of a scenario")
    t.add_argument("scenario", nargs="?", help="scenario JSON file (default: embedded default ACI)")
    t.add_argument("--json", action="store_true", help="JSON output")
    t.add_argument("--plot", metavar="PNG", help="also write the figure of the year")
    t.set_defaults(func=_cmd_training)
    def sweep_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("spec", nargs="?", help="sweep spec JSON file (format aci_cost/sweep@1)")
        parser.add_argument("--scenario", help="scenario JSON file (default: embedded default ACI)")
        parser.add_argument("--threads", type=int, default=1, help="native threads (results do not depend on it)")
        parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                            help="show a progress bar (default: when stderr is a terminal)")
        parser.add_argument("--json", action="store_true", help="JSON output")

    w = sub.add_parser("sweep", help="run a sweep spec (default: a small sweep of the training model)")
    sweep_arguments(w)
    w.set_defaults(func=_cmd_sweep)
    so = sub.add_parser("sobol", help="Sobol' indices of a sweep spec's outputs (default: the small training sweep)")
    sweep_arguments(so)
    so.add_argument("--n", type=int, default=1024, help="base rows, a power of two (the model runs n (k + 2) times)")
    so.add_argument("--bootstrap-seed", type=int, default=None,
                    help="seed of the bootstrap intervals (default: drawn and printed, as in Python)")
    so.add_argument("--resamples", type=int, default=1000,
                    help="bootstrap resamples (default 1000: each bound within ~4 %% of the interval's half-width; "
                         "0: no intervals)")
    so.add_argument("--second-order", action="store_true",
                    help="also the second-order indices of every pair (Saltelli 2002; the model runs n (2k + 2) times)")
    so.add_argument("--intervals", nargs="+", metavar="OUTPUT",
                    help="bootstrap intervals only for these outputs (default: every output)")
    so.add_argument("--plot", metavar="PNG", help="also write the figure of the first output's indices")
    so.set_defaults(func=_cmd_sobol)
    dv = sub.add_parser("devis", help="the client's quote (devis) in French, as PDF (headless Chromium) or HTML")
    dv.add_argument("scenario", nargs="?", help="scenario JSON file (default: embedded default ACI)")
    dv.add_argument("--job", help="only this job (default: one devis per job)")
    dv.add_argument("--out", default="devis.pdf",
                    help="output file, .pdf or .html; '{job}' is replaced by the job's name, and with several "
                         "jobs '-JOB' is added to the name otherwise (default: devis.pdf)")
    dv.add_argument("--number", help="devis number (default: DEV-<date>-<n>, n the job's place)")
    dv.add_argument("--title", help="the object of the works (default: the job's title)")
    dv.add_argument("--validity-days", type=int, help="days the offer stands (default: the job's terms, 30)")
    dv.add_argument("--client-address", default="", help="the client's address when the scenario has no client "
                                                         "record ('\\n' between lines)")
    dv.add_argument("--payment-terms", help="payment terms printed on the devis (default: from the job's terms)")
    dv.set_defaults(func=_cmd_devis)
    iv = sub.add_parser("invoice", help="the invoice (facture) after a job's devis: French PDF, Factur-X EN 16931")
    iv.add_argument("scenario", nargs="?", help="scenario JSON file (default: embedded default ACI)")
    iv.add_argument("--job", required=True, help="the job invoiced")
    iv.add_argument("--quantities", help="JSON file of the actual quantities {\"lines\": {KEY: qty}, "
                                         "\"insertion_hours\": h, \"people\": n, \"works_date\": \"YYYY-MM-DD\"}")
    iv.add_argument("--out", default="facture.pdf", help="the PDF written (default: facture.pdf)")
    iv.add_argument("--register", help="the invoice register keeping the sequence (default: factures.json beside --out)")
    iv.add_argument("--number", help="the invoice number: must be the register's next one (default: that one)")
    iv.add_argument("--date", help="invoice date YYYY-MM-DD (default: today)")
    iv.add_argument("--devis-number", help="the number of the accepted devis (default: DEV-<date>-<n>, as the devis)")
    iv.add_argument("--devis-date", help="the date of the accepted devis (default: the job's date)")
    iv.set_defaults(func=_cmd_invoice)
    y = sub.add_parser("year", help="the ACI's year: income statement per atelier, jobs placed in it")
    y.add_argument("scenario", nargs="?", help="scenario JSON file (default: embedded default ACI)")
    y.add_argument("--support", choices=DEFAULT_SCENARIOS, help="the embedded default ACI of a support")
    y.add_argument("--date", help="a date of the year to budget (default: the first job's year)")
    y.add_argument("--monthly", action="store_true", help="also the months (each with the rates of its first day)")
    y.add_argument("--json", action="store_true", help="JSON output, amounts as strings to the cent")
    y.set_defaults(func=_cmd_year)
    pr = sub.add_parser("price", help="a job's price: floor, contribution, break-even, market and sales-cap limits")
    pr.add_argument("scenario", nargs="?", help="scenario JSON file (default: embedded default ACI)")
    pr.add_argument("--support", choices=DEFAULT_SCENARIOS, help="the embedded default ACI of a support")
    pr.add_argument("--job", help="only this job (default: every job)")
    pr.add_argument("--target-margin", default="0.05", help="margin asked on the net cost (default 0.05)")
    pr.add_argument("--volume", help="units for the break-even unit price (default: the job's)")
    pr.add_argument("--json", action="store_true", help="JSON output, amounts as strings to the cent")
    pr.set_defaults(func=_cmd_price)
    al = sub.add_parser("allocate", help="allocate the ACI's structure (cost centres) or a network; time-driven rates")
    al.add_argument("scenario", nargs="?", help="scenario JSON file with aci.structure (e.g. examples/multi_atelier.json)")
    al.add_argument("--method", choices=["single_key", "direct", "step_down", "reciprocal"],
                    help="settling method (default: the scenario's or the network's)")
    al.add_argument("--compare", action="store_true", help="each atelier's share under every method")
    al.add_argument("--date", help="the ateliers' work hours with the rates at this date (default: the first job's)")
    al.add_argument("--network", metavar="FILE", help="a stand-alone network document (docs/allocation.md)")
    al.add_argument("--time-driven", metavar="FILE", help="a time-driven document (docs/allocation.md)")
    al.add_argument("--plot", metavar="PNG", help="also write the flows as a stacked bar figure")
    al.add_argument("--json", action="store_true", help="JSON output, amounts as strings to the cent")
    al.set_defaults(func=_cmd_allocate)
    sh = sub.add_parser("share", help="share posts between ACIs: frames, lawful splits, stand-alone assumptions, "
                                      "who walks away, the best grouping")
    sh.add_argument("file", nargs="?", help="sharing JSON file (format aci_cost/sharing@1; default: the example)")
    sh.add_argument("--json", action="store_true", help="JSON output, amounts as strings to the cent")
    sh.add_argument("--method", action="append", choices=["at_cost", "proportional", "equal_saving", "shapley",
                                                          "nucleolus", "per_capita_nucleolus"],
                    help="a split to compute (repeatable; default: every split the frames allow)")
    sh.add_argument("--show-unlawful", action="store_true",
                    help="show a split outside a post's frame with its findings instead of refusing it")
    sh.add_argument("--plot", metavar="PNG", help="also write the bar figure comparing the splits")
    sh.add_argument("--seed", type=int, default=1, help="seed of the sampled Shapley value (over 20 ACIs)")
    sh.add_argument("--permutations", type=int, default=20000, help="orders drawn by the sampled Shapley value")
    sh.add_argument("--threads", type=int, default=1, help="native threads (results do not depend on it)")
    sh.set_defaults(func=_cmd_share)
    sc = sub.add_parser("scenario", help="print a scenario document (default: the embedded ACI)")
    sc.add_argument("scenario", nargs="?", help="scenario JSON file to check and normalise")
    sc.add_argument("--support", choices=DEFAULT_SCENARIOS, help="print the embedded default of a support")
    sc.add_argument("--check", action="store_true",
                    help="run every job's quote, the year and the training model instead of printing")
    sc.set_defaults(func=_cmd_scenario)
    _actuals_parser(sub)
    return p


def _error(message: str) -> int:
    print(f"aci_cost: error: {message}", file=sys.stderr)
    return 2


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs a command; bad input, a file that cannot be read or written, a document that cannot be
    printed and an interrupted run end in one line `aci_cost: error: ...` and exit status 2 (130
    for Ctrl-C), never a traceback. Only the library's documented errors are caught: ValueError
    (InvalidInput, ScenarioError, NoRateInForce, DomainError), OSError (files; devis.PrintError
    when Chromium fails) and the interruption (KeyboardInterrupt, _core.Cancelled). Anything else
    is a bug and keeps its traceback."""
    from ._core import Cancelled

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, OSError) as e:
        return _error(str(e))
    except (KeyboardInterrupt, Cancelled):
        print("aci_cost: interrupted", file=sys.stderr)
        return 130
