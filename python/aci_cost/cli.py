"""Command line: ``python -m aci_cost quote [SCENARIO.json] [--job NAME] [--json]``, ``... devis``, ``... share FILE.json``..."""
from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Optional, Sequence

from . import InvalidInput, check_scenario, default_scenario, format_fr, load_scenario, quote, quote_all
from ._core.scenario import DEFAULT_SCENARIOS
from .sheet import render_quote


def _scenario(path: Optional[str], support: Optional[str] = None):
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


def render_year(y) -> str:
    """The ACI's year: each atelier's income statement, the total, and the jobs placed in it."""
    width = 46
    out = [f"The year (rates in force at {y.date.isoformat()} applied to the whole year)"]

    def row(label: str, amount) -> None:
        out.append(f"  {label:<{width}}{format_fr(amount):>16}")

    def statement(charges, charges_total, products, products_total, result) -> None:
        out.append("  Charges")
        for line in charges:
            row("  " + line.key.replace("_", " "), line.amount)
        row("TOTAL CHARGES", charges_total)
        out.append("  Products")
        for line in products:
            row("  " + line.key.replace("_", " "), line.amount)
        row("TOTAL PRODUCTS", products_total)
        row("RESULT (products - charges)", result)

    for a in y.ateliers:
        out.append(f"\nAtelier {a.atelier}")
        statement(a.charges, a.charges_total, a.products, a.products_total, a.result)
        c = a.sales_cap
        out.append(f"  Sales cap (D5132-34, {(c.cap_share * 100).normalize():f} % of the total charges)")
        row("cap", c.cap)
        row("sales booked", c.annual_sales)
        row("headroom", c.headroom)
        out.append(f"  Jobs placed in the year ({a.jobs_work_hours} of {a.work_hours_capacity} work hours)")
        for j in a.jobs:
            row(f"  {j.job} ({j.work_hours} h): price HT", j.price_ht)
            row("    full cost", j.full_cost)
            row("    net cost", j.net_cost)
            row("    marginal cost", j.marginal_cost)
            row("    subsidy share", j.subsidies)
        row("sales with every job won", a.sales_with_jobs)
        row("headroom with every job won", a.headroom_with_jobs)
        for w in a.warnings:
            out.append(f"  WARNING [{w.code}] {w.message}")
    if len(y.ateliers) > 1:
        out.append("\nThe ACI (all ateliers)")
        statement(y.charges, y.charges_total, y.products, y.products_total, y.result)
    return "\n".join(out)


def _cmd_year(args: argparse.Namespace) -> int:
    from . import budget

    scenario = _scenario(args.scenario)
    y = budget.year(scenario, args.date)
    if args.json:
        frame = budget.frame(y)
        frame["amount"] = frame["amount"].map(str)
        jobs = budget.jobs_frame(y)
        for col in ["work_hours", "price_ht", "full_cost", "net_cost", "marginal_cost", "subsidies"]:
            jobs[col] = jobs[col].map(str)
        jobs["date"] = jobs["date"].map(lambda d: d.isoformat())
        doc = {"date": y.date.isoformat(), "lines": frame.to_dict(orient="records"),
               "jobs": jobs.to_dict(orient="records"),
               "warnings": [{"atelier": a.atelier, "code": w.code, "message": w.message}
                            for a in y.ateliers for w in a.warnings]}
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    print(f"{scenario.aci.name}")
    print(render_year(y))
    return 0


def render_training(run, model) -> str:
    """The year's figures of a training run."""
    s = run.summary
    lines = [
        f"Training model: {model.horizon.weeks} weeks from ISO week {model.horizon.start_week}, "
        f"policy {model.deferral.policy}, seed {model.seed}",
        f"  training planned          {s.planned_hours:12.1f} h",
        f"  delivered on plan         {s.on_plan_hours:12.1f} h",
        f"  caught up later           {s.caught_up_hours:12.1f} h",
        f"  lost at contract ends     {s.lost_hours:12.1f} h",
        f"  still owed at the end     {s.final_backlog_hours:12.1f} h",
        f"  delivered share           {100 * s.delivered_share:12.1f} %",
        f"  unmet demand              {s.unmet_demand_hours:12.1f} h",
        f"  cost / productive hour    {s.cost_per_productive_hour_actual:12.2f} €/h as delivered",
        f"                            {s.cost_per_productive_hour_honoured:12.2f} €/h with the plan honoured",
        f"  training debt             {s.training_debt:12.2f} €",
    ]
    return "\n".join(lines)


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
        run.plot().savefig(args.plot, dpi=110)
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


def _wrote(what: str, path) -> None:
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
    if "{job}" in pattern:
        return Path(pattern.replace("{job}", job))
    path = Path(pattern)
    return path.with_name(f"{path.stem}-{job}{path.suffix}") if several else path


def _cmd_devis(args: argparse.Namespace) -> int:
    from . import devis

    scenario = _scenario(args.scenario)
    jobs = [args.job] if args.job else [j.name for j in scenario.jobs]
    if not jobs:
        raise InvalidInput("jobs = []: the scenario has no job to put in a devis")
    several = len(jobs) > 1
    for job in jobs:
        number = f"{args.number}-{job}" if args.number and several else args.number
        options = devis.DevisOptions(number=number, validity_days=args.validity_days,
                                     client_address=args.client_address.replace("\\n", "\n"),
                                     **({"payment_terms": args.payment_terms} if args.payment_terms else {}))
        d = devis.build(scenario, job, options)
        out = _devis_path(args.out, job, several)
        if out.suffix.lower() in (".html", ".htm"):
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(devis.render(d), encoding="utf-8")
        else:
            devis.write_pdf(d, out)
        _wrote(f"Devis {d.number} ({job}, {format_fr(d.total_ht)} HT)", out)
    return 0


def render_share(run) -> str:
    """Stand-alone costs, the cost together and every split, with who would walk away."""
    r = run.result
    width = max(len(m) for m in run.members) + 2
    out = [f"Sharing between {len(run.members)} ACIs: {format_fr(r.grand_cost)} a year together, "
           f"saving {format_fr(r.saving)} on going alone"]
    if r.core_empty is not None:
        out.append("  the core is empty: every split leaves some group better off alone" if r.core_empty
                   else "  the core is not empty: some splits leave no group better off alone")
    header = f"  {'':<{width}}{'alone':>14}" + "".join(f"{m:>16}" for m in run.methods)
    out += ["", header]
    table = run.comparison()
    for member, row in table.iterrows():
        out.append(f"  {member:<{width}}" + "".join(f"{format_fr(v):>16}" if k else f"{format_fr(v):>14}"
                                                    for k, v in enumerate(row)))
    for method in run.methods:
        b = run.blocking(method)
        if len(b):
            worst = b.iloc[0]
            cents = Decimal("0.01")
            out.append(f"  {method}: {len(b)} blocking coalition(s); worst {worst['members']} "
                       f"(alone {format_fr(worst['cost'].quantize(cents))}, "
                       f"charged {format_fr(worst['charged'].quantize(cents))})")
        elif run.frame(method).attrs["core_checked"]:
            out.append(f"  {method}: no group would walk away")
    out += [f"  note: {n}" for n in r.notes]
    return "\n".join(out)


def _cmd_share(args: argparse.Namespace) -> int:
    from . import sharing

    problem = sharing.load(args.file) if args.file else sharing.example()
    run = sharing.share(problem, seed=args.seed, permutations=args.permutations, threads=args.threads)
    if args.json:
        print(json.dumps(run.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(render_share(run))
    if args.plot:
        run.plot().savefig(args.plot, dpi=110)
        if not args.json:
            _wrote("  Figure", args.plot)
    return 0


def pd_options():
    import pandas as pd

    return pd.option_context("display.width", 200, "display.max_columns", 20)


def render_allocation(a) -> str:
    """The tableau de répartition as text: primary spread, flows, totals and rates."""
    from . import allocation

    with pd_options():
        out = [f"Allocation by the {a.method} method (total charges {format_fr(a.total_charges)})", "",
               "Primary distribution (€):", allocation.primary_frame(a).to_string(), ""]
        if any(k == "support" for k in a.kinds):
            out += ["Support centres handed on (from -> to, €):", allocation.flows_frame(a).to_string(), ""]
        rates = allocation.rates_frame(a)
        rates["cost_per_unit"] = rates["cost_per_unit"].map(lambda r: None if r is None else round(r, 4))
        out += ["Main centres (cost per work unit to 4 decimals):", rates.to_string(index=False)]
    return "\n".join(out)


def render_time_driven(r) -> str:
    from . import allocation

    pools, jobs = allocation.time_driven_frames(r)
    with pd_options():
        return "\n".join([f"Time-driven rates (times in {r.time_unit})", pools.to_string(index=False), "",
                          "Jobs (€):", jobs.to_string(index=False), "",
                          f"Unused capacity: {format_fr(r.unused_cost)}"])


def _cmd_allocate(args: argparse.Namespace) -> int:
    from . import allocation

    if args.time_driven:
        r = allocation.time_driven(allocation.read_time_driven(Path(args.time_driven).read_text(encoding="utf-8")))
        print(render_time_driven(r))
        return 0
    if args.network:
        network, method = allocation.read_network(Path(args.network).read_text(encoding="utf-8"))
        a = allocation.allocate(network, args.method or method)
        print(render_allocation(a))
        return 0
    scenario = _scenario(args.scenario)
    if scenario.aci.structure.empty():
        raise InvalidInput("aci.structure = {}: the scenario's ACI shares no structure to allocate "
                           "(see examples/multi_atelier.json)")
    if args.compare:
        with pd_options():
            print(f"{scenario.aci.name}: each atelier's share of the structure (€/year)\n")
            print(allocation.compare_methods(scenario, args.date).to_string())
        return 0
    a = allocation.of_scenario(scenario, args.method, args.date)
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
    so.add_argument("--bootstrap-seed", type=int, default=1, help="seed of the bootstrap intervals")
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
    dv.add_argument("--number", help="devis number (default: DEV-<date>-<job>)")
    dv.add_argument("--validity-days", type=int, default=30, help="days the offer stands (default 30)")
    dv.add_argument("--client-address", default="", help="the client's address ('\\n' between lines)")
    dv.add_argument("--payment-terms", help="payment terms printed on the devis")
    dv.set_defaults(func=_cmd_devis)
    y = sub.add_parser("year", help="the ACI's year: income statement per atelier, jobs placed in it")
    y.add_argument("scenario", nargs="?", help="scenario JSON file (default: embedded default ACI)")
    y.add_argument("--date", help="rates in force at this date (default: 1 January of the first job's year)")
    y.add_argument("--json", action="store_true", help="JSON output, amounts as strings to the cent")
    y.set_defaults(func=_cmd_year)
    al = sub.add_parser("allocate", help="allocate the ACI's structure (cost centres) or a network; time-driven rates")
    al.add_argument("scenario", nargs="?", help="scenario JSON file with aci.structure (e.g. examples/multi_atelier.json)")
    al.add_argument("--method", choices=["single_key", "direct", "step_down", "reciprocal"],
                    help="settling method (default: the scenario's or the network's)")
    al.add_argument("--compare", action="store_true", help="each atelier's share under every method")
    al.add_argument("--date", help="the ateliers' work hours with the rates at this date (default: the first job's)")
    al.add_argument("--network", metavar="FILE", help="a stand-alone network document (docs/allocation.md)")
    al.add_argument("--time-driven", metavar="FILE", help="a time-driven document (docs/allocation.md)")
    al.add_argument("--plot", metavar="PNG", help="also write the flows as a stacked bar figure")
    al.set_defaults(func=_cmd_allocate)
    sh = sub.add_parser("share", help="share posts between ACIs: stand-alone costs, fair splits, who walks away")
    sh.add_argument("file", nargs="?", help="sharing JSON file (format aci_cost/sharing@1; default: the example)")
    sh.add_argument("--json", action="store_true", help="JSON output, amounts as strings to the cent")
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
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (InvalidInput, ValueError, OSError, RuntimeError) as e:
        print(f"aci_cost: error: {e}", file=sys.stderr)
        return 2
