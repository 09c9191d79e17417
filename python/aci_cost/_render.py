"""The command line's text renderers: the year, its months, a price analysis, a training run,
a sharing run, an allocation (and its time-driven rates) and the actuals, as a director reads
them (``python -m aci_cost ...`` without ``--json``). The parser and the commands are in cli.py."""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, ContextManager, Sequence

from ._core.money import format_fr

if TYPE_CHECKING:
    from ._core.allocation import Allocation, TimeDrivenResult
    from ._core.budget import PriceAnalysis, YearBudget
    from ._core.quote import Line
    from ._core.training import TrainingModel
    from .actuals import Realised, Variances
    from .sharing import SharingRun
    from .training import TrainingRun

__all__ = ["render_year", "render_months", "render_price", "render_training", "render_share", "render_allocation",
           "render_time_driven", "render_actuals", "pd_options"]


def render_year(y: YearBudget) -> str:
    """The ACI's year: each atelier's income statement, the total, and the jobs placed in it."""
    width = 46
    out = [f"The year {y.year} (each month with the rates in force on its first day)"]

    def row(label: str, amount: Decimal) -> None:
        out.append(f"  {label:<{width}}{format_fr(amount):>16}")

    def statement(charges: Sequence[Line], charges_total: Decimal, products: Sequence[Line], products_total: Decimal,
                  result: Decimal) -> None:
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


def render_months(y: YearBudget) -> str:
    """The ACI's year month by month: charges, products and result of each month."""
    out = [f"The year {y.year} by month (each month with the rates in force on its first day)",
           f"  {'month':<8}{'charges':>16}{'products':>16}{'result':>16}"]
    for m in y.months:
        out.append(f"  {m.month:<8}{format_fr(m.charges_total):>16}{format_fr(m.products_total):>16}"
                   f"{format_fr(m.result):>16}")
    out.append(f"  {'year':<8}{format_fr(y.charges_total):>16}{format_fr(y.products_total):>16}{format_fr(y.result):>16}")
    return "\n".join(out)


def render_price(a: PriceAnalysis) -> str:
    """A job's price analysis, as a director reads it."""
    width = 58
    unit = a.unit

    def row(label: str, amount: Decimal) -> str:
        return f"  {label:<{width}}{format_fr(amount):>16}"

    lines = [f"Price of {a.job} ({a.atelier}): {a.sold_units} {unit} sold",
             row(f"price excl. VAT ({a.policy})", a.price_ht),
             row("floor: the net cost (never ask less)", a.floor),
             row("full cost", a.full_cost),
             row("market price", a.market_price),
             row("fair-zone price (market, floored at net cost, capped)", a.fair_zone_price),
             row("over-compensation ceiling", a.overcompensation_ceiling),
             row(f"price for a margin of {(a.target_margin * 100).normalize():f} % on the net cost", a.target_margin_price),
             row("highest price within the D5132-34 cap", a.cap_price),
             row("  with the préfet's derogation", a.cap_price_derogation),
             row("highest fair price within the cap", a.cap_limited_price),
             row("marginal cost", a.marginal_cost),
             row("contribution margin (price - marginal cost)", a.contribution_margin),
             row(f"  per {unit}", a.contribution_per_unit),
             row("the atelier's year before the job", a.year_result)]
    if a.break_even_units is None:
        lines.append("  break-even: never at this price (the contribution is not positive)")
    else:
        lines.append(f"  break-even: {a.break_even_units} {unit} of such sales bring the year to 0")
    lines.append(row(f"break-even price per {unit} over {a.volume} {unit}", a.break_even_unit_price))
    if a.cap_reached:
        lines.append("  WARNING booked sales already reach the D5132-34 cap")
    return "\n".join(lines)


def render_training(run: TrainingRun, model: TrainingModel) -> str:
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


def render_share(run: SharingRun) -> str:
    """Per post its frame and lawful splits, per ACI its stand-alone assumption, which assumption drives
    the saving, the whole problem's splits with who would walk away, the core check, the best grouping."""
    r = run.result
    names = run.members
    width = max(len(m) for m in names) + 2
    cents = Decimal("0.01")
    out = [f"Sharing between {len(names)} ACIs: {format_fr(r.grand_cost)} a year together, "
           f"{format_fr(sum(r.stand_alone, Decimal(0)))} alone, saving {format_fr(r.saving)}", "  " + r.driver.text, "",
           "Alone (the contract each ACI would sign for each post):"]
    for member, row in zip(names, r.assumptions):
        for post, a in zip(r.post_names, row):
            if a.need_hours > 0:
                out.append(f"  {member:<{width}}{post:<26}{a.rule.basis:<22}{a.contract_hours:>7} h/week"
                           f"{format_fr(a.cost):>16}   (24 h: {format_fr(a.cost_at_legal_minimum)})")
    for p in r.posts:
        out += ["", f"{p.name}: {p.frame} ({p.frame_tag}: {p.frame_source[:90]}...)",
                f"  together {format_fr(p.grand_cost)}, {p.persons} person(s) at {p.weekly_hours} h/week; "
                f"allowed splits: {', '.join(p.allowed)}"]
        if p.lender is not None:
            assert p.hourly_cost is not None  # a lent post has the hourly cost it is invoiced at
            out.append(f"  employed by {names[p.lender]}, {format_fr(p.hourly_cost)} per hour worked (wages and "
                       f"contributions); at-cost invoices:")
            for v in p.invoices:
                out.append(f"    {names[v.member]:<{width}}{v.hours:>9} h {format_fr(v.labour):>14} + expenses "
                           f"{format_fr(v.expenses):>12} = {format_fr(v.total):>14}")
        if p.group is not None:
            out.append(f"  the group's own costs: overhead {format_fr(p.group.overhead)}, management and insurance "
                       f"{format_fr(p.group.management_and_insurance)}, fees {format_fr(p.group.fees)}; members "
                       f"jointly liable for {format_fr(p.group.joint_liability)} a year of wages and contributions")
        for s in p.splits:
            flag = "" if s.lawful else "  [NOT LAWFUL under this frame]"
            out.append(f"  {s.method:<22}" + "".join(f"{format_fr(x):>16}" for x, u in zip(s.shares, p.users) if u)
                       + f"   {len(s.blocking)} blocking{flag}")
            for f in s.findings:
                out.append(f"    {f.kind}: {f.member} charged {format_fr(f.charged)} against {format_fr(f.at_cost)} "
                           f"at cost ({format_fr(f.difference)})")
    out += ["", "Whole problem:", f"  {'':<{width}}{'alone':>14}" + "".join(f"{m:>22}" for m in run.methods)]
    table = run.comparison()
    for member, row in table.iterrows():
        out.append(f"  {member:<{width}}" + "".join(f"{format_fr(v):>22}" if k else f"{format_fr(v):>14}"
                                                    for k, v in enumerate(row)))
    for method in run.methods:
        b = run.blocking(method)
        if len(b):
            worst = b.iloc[0]
            out.append(f"  {method}: {len(b)} blocking coalition(s); worst {worst['members']} "
                       f"(alone {format_fr(worst['cost'].quantize(cents))}, "
                       f"charged {format_fr(worst['charged'].quantize(cents))})")
        elif run.frame(method).attrs["core_checked"]:
            out.append(f"  {method}: no group would walk away")
    if r.core.text:
        out += ["", r.core.text]
    g = run.grouping()
    if g is not None:
        groups = " + ".join("{" + ", ".join(b) + "}" for b in g["groups"])
        stable = {True: "stable", False: "not stable: no grouping is", None: "stability not checked"}[g["stable"]]
        out += ["", f"Best grouping: {groups}, {format_fr(g['cost'])} a year ({stable}); saves "
                    f"{format_fr(g['saving_vs_alone'])} against all alone, {format_fr(g['saving_vs_grand'])} "
                    f"against all together"]
        if r.core.empty and g["stable"]:
            out.append("  the core is empty, but these groupings are stable (each group paying its own cost):")
            out += ["    " + " + ".join("{" + ", ".join(b) + "}" for b in o) for o in g["optimal"]]
    out += [f"  note: {n}" for n in r.notes]
    return "\n".join(out)


def pd_options() -> ContextManager[None]:
    import pandas as pd

    return pd.option_context("display.width", 200, "display.max_columns", 20)


def render_allocation(a: Allocation) -> str:
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


def render_time_driven(r: TimeDrivenResult) -> str:
    from . import allocation

    pools, jobs = allocation.time_driven_frames(r)
    with pd_options():
        return "\n".join([f"Time-driven rates (times in {r.time_unit})", pools.to_string(index=False), "",
                          "Jobs (€):", jobs.to_string(index=False), "",
                          f"Unused capacity: {format_fr(r.unused_cost)}"])


def render_actuals(r: Realised, v: Variances) -> str:
    """The checks of the FEC, the realised year against the forecast, what was not placed, the
    cost of an hour, training and supervision against plan, and the quoted jobs against their hours."""
    fec, tb = r.fec, r.fec.balance
    out = [f"{fec.source}: {tb.lines} lines, {tb.entries} entries, fiscal year {fec.year_start} to {fec.year_end}; "
           f"every entry balanced (debit = credit = {format_fr(tb.debit)})",
           f"Mapping: {r.mapping.name or 'a mapping file'} ({len(r.mapping.rules)} rules); analytic column: "
           f"{fec.analytic_column or 'none (lines spread over the ateliers)'}"]
    lines = v.lines
    for atelier in dict.fromkeys(lines["atelier"]):
        if atelier == "total" and lines["atelier"].nunique() == 2:
            continue  # one atelier: its table is the ACI's
        out.append(f"\n{'The ACI (all ateliers)' if atelier == 'total' else 'Atelier ' + atelier}: budget against actual")
        out.append(f"  {'':<30}{'forecast':>16}{'actual':>16}{'variance':>16}{'%':>9}")
        for row in lines[lines["atelier"] == atelier].itertuples():
            label = ("TOTAL " + row.side.upper()) if row.key == "total" else row.key.replace("_", " ")
            pct = "" if row.percent is None else f"{row.percent:+.2f}"
            out.append(f"  {label:<30}{format_fr(row.forecast):>16}{format_fr(row.actual):>16}"
                       f"{format_fr(row.variance):>16}{pct:>9}")
    for u in r.result.unplaced:
        out.append(f"  NOT PLACED {u.account}{' [' + u.code + ']' if u.code else ''} "
                   f"({'charge' if u.charge else 'product'} {format_fr(u.amount)}, line {u.first_line}): {u.reason}")
    if len(v.hour_costs):
        out.append("\nThe cost of an hour (€/h)")
        for row in v.hour_costs.itertuples():
            actual = "" if row.actual is None else format_fr(row.actual)
            out.append(f"  {row.atelier}: {row.measure.replace('_', ' '):<26}{format_fr(row.forecast):>14}{actual:>14}")
    for row in v.training.itertuples():
        out.append(f"\nTraining of {row.atelier}: {row.delivered_hours} h delivered of {row.planned_hours} h planned "
                   f"({row.delivered_share} of the plan)")
    for row in v.supervision.itertuples():
        out.append(f"Supervision of {row.atelier}: {row.given_hours} h given of {row.planned_hours} h planned")
    if len(v.jobs):
        out.append("\nQuoted jobs against their hours (work hours at the atelier's hourly rate)")
        for j in v.jobs.itertuples():
            out.append(f"  {j.job}: quoted {format_fr(j.quoted_cost)}, actual {format_fr(j.actual_cost)}, variance "
                       f"{format_fr(j.variance)} = rate {format_fr(j.rate_variance)} + productivity "
                       f"{format_fr(j.productivity_variance)} + hours {format_fr(j.hours_variance)} "
                       f"(productivity {j.actual_productivity} against {j.quoted_productivity})")
    return "\n".join(out)
