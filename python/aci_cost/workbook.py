"""Excel workbooks for accountants (openpyxl, ``pip install .[actuals]``): the forecast year, the
realised year, the variances, the quotes and the allocation, one sheet each, amounts as numbers
with a euro number format (written from the exact decimals: what Excel sums is what the library
shows), and a cover sheet with the sources and assumptions.

>>> aci_cost.workbook.write("year.xlsx", scenario, realised=r, variances=v)
>>> aci_cost.workbook.read("year.xlsx")["Variances"]        # DataFrames back, amounts as Decimal
"""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

import pandas as pd

from . import __version__, allocation as _allocation, budget as _budget
from ._core import InvalidInput
from ._core.budget import YearBudget
from ._core.scenario import Scenario

if TYPE_CHECKING:  # openpyxl is imported when a workbook is written or read
    from openpyxl.cell import Cell
    from openpyxl.worksheet.worksheet import Worksheet

    from .actuals import Realised, Variances

__all__ = ["EURO_FORMAT", "SHEETS", "write", "read", "quotes_frame"]

#: The number format of money cells: two decimals, thousands grouped, the euro sign.
EURO_FORMAT = '#,##0.00 "€"'
_HOURS_FORMAT = "#,##0.00"
#: The sheets, in order (those without data for a workbook hold a line saying why).
SHEETS = ("Cover", "Forecast", "Realised", "Variances", "Hour costs", "Jobs", "Quotes", "Allocation",
          "Trial balance", "Unplaced")


def quotes_frame(scenario: Scenario) -> pd.DataFrame:
    """One row per job of the scenario: its hours, cost lines, full, production and net cost,
    subsidies, marginal cost and price (Decimal €)."""
    from . import quote_all

    rows = []
    for q in quote_all(scenario) if scenario.jobs else []:
        row = {"job": q.job, "atelier": q.atelier, "date": q.date, "standard_hours": q.standard_hours,
               "productivity": q.productivity, "insertion_hours": q.insertion.insertion_hours,
               "supervision_hours": q.insertion.supervision_hours}
        row.update({f"cost_{line.key}": line.amount for line in q.cost_lines})
        row.update({"full_cost": q.full_cost, "production_cost": q.production_cost,
                    "insertion_extra_cost": q.insertion_extra_cost, "subsidies": q.subsidies_total,
                    "net_cost": q.net_cost, "marginal_cost": q.marginal_cost, "price_ht": q.price.ht,
                    "vat": q.price.vat, "price_ttc": q.price.ttc})
        rows.append(row)
    return pd.DataFrame(rows)


_MONEY = {"amount", "forecast", "actual", "variance", "debit", "credit", "balance", "quoted_rate", "actual_rate",
          "quoted_cost", "actual_cost", "rate_variance", "productivity_variance", "hours_variance", "total", "primary",
          "from_support", "cost_per_unit"}
_MONEY_PREFIXES = ("cost_", "price_")
_MONEY_SUFFIXES = ("_cost", "subsidies", "_ht", "_ttc", "vat")


def _is_money(column: str, measure: Optional[str] = None) -> bool:
    if column in ("variance", "forecast", "actual") and measure is not None:
        return True  # the hour costs: €/h
    return column in _MONEY or column.startswith(_MONEY_PREFIXES) or column.endswith(_MONEY_SUFFIXES)


def _cell(value: Any) -> Any:
    """A value Excel stores: Decimal as a number (its exact digits), dates, text, None empty."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, (Decimal, int, float, str, bool, _dt.date)):
        return value
    if hasattr(value, "item"):
        return value.item()
    return str(value)


def _table(ws: Worksheet, frame: pd.DataFrame, money_columns: Optional[set[str]] = None, start_row: int = 1) -> int:
    """Writes `frame` (header row, then rows) from `start_row`; money columns get the euro format.
    Returns the next free row."""
    from openpyxl.styles import Font

    columns = list(frame.columns)
    money = money_columns if money_columns is not None else {c for c in columns if _is_money(str(c))}
    for j, c in enumerate(columns, start=1):
        ws.cell(row=start_row, column=j, value=str(c)).font = Font(bold=True)
    for i, row in enumerate(frame.itertuples(index=False), start=start_row + 1):
        for j, (c, v) in enumerate(zip(columns, row), start=1):
            cell = ws.cell(row=i, column=j, value=_cell(v))
            if c in money and isinstance(v, (Decimal, int)) and not isinstance(v, bool):
                cell.number_format = EURO_FORMAT
            elif isinstance(v, Decimal):
                cell.number_format = "0.####" if str(c) in ("productivity", "percent") else _HOURS_FORMAT
    for j, c in enumerate(columns, start=1):
        width = max([len(str(c))] + [len(str(v)) for v in frame[c].head(200)]) + 2
        ws.column_dimensions[ws.cell(row=start_row, column=j).column_letter].width = min(max(width, 10), 60)
    ws.freeze_panes = ws.cell(row=start_row + 1, column=1)
    return start_row + len(frame) + 2


def _note(ws: Worksheet, text: str) -> None:
    ws.cell(row=1, column=1, value=text)


def write(path: Union[str, Path], scenario: Optional[Scenario] = None, *, realised: Optional[Realised] = None,
          variances: Optional[Variances] = None, date: Optional[Union[str, _dt.date]] = None) -> Path:
    """Writes the workbook: the ``scenario``'s forecast year (at ``date``; default: the realised
    year's date, else 1 January of the first job's year), its quotes and the allocation of its
    structure; with ``realised`` (actuals.realised_year) the realised year, its trial balance and
    unplaced accounts; with ``variances`` (actuals.variances) the variances, hour costs and jobs."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as e:  # pragma: no cover - the actuals extra
        raise ImportError("aci_cost.workbook needs openpyxl: pip install 'aci_cost[actuals]'") from e
    if scenario is None:
        if realised is None:
            raise InvalidInput("workbook.scenario = None: give a scenario or a realised year")
        scenario = realised.scenario
    if date is None:
        date = realised.date if realised is not None else None
    forecast = realised.forecast if realised is not None and date == realised.date else _budget.year(scenario, date)
    wb = Workbook()
    cover = wb.active
    cover.title = "Cover"
    sheets = {name: wb.create_sheet(name) for name in SHEETS[1:]}

    _table(sheets["Forecast"], _budget.frame(forecast))
    if realised is not None:
        _table(sheets["Realised"], realised.frame())
        _table(sheets["Trial balance"], realised.fec.trial_balance())
        unplaced = realised.unplaced_frame()
        if len(unplaced):
            _table(sheets["Unplaced"], unplaced)
        else:
            _note(sheets["Unplaced"], "Every balance of classes 6 and 7 is placed by the mapping.")
    else:
        for name in ("Realised", "Trial balance", "Unplaced"):
            _note(sheets[name], "No realised year: give realised=aci_cost.actuals.realised_year(...).")
    if variances is not None:
        _table(sheets["Variances"], variances.lines)
        costs = variances.hour_costs
        _table(sheets["Hour costs"], costs, money_columns={"forecast", "actual", "variance"})
        if len(variances.jobs):
            _table(sheets["Jobs"], variances.jobs)
        else:
            _note(sheets["Jobs"], "No quoted job with recorded hours (an hours file naming the jobs).")
    else:
        for name in ("Variances", "Hour costs", "Jobs"):
            _note(sheets[name], "No variances: give variances=aci_cost.actuals.variances(...).")
    quotes = quotes_frame(scenario)
    if len(quotes):
        _table(sheets["Quotes"], quotes)
    else:
        _note(sheets["Quotes"], "The scenario has no job to quote.")
    ws = sheets["Allocation"]
    row = 1
    if realised is not None and realised.result.shared:
        ws.cell(row=row, column=1, value="Realised lines booked to no atelier, spread to the cent").font = Font(bold=True)
        row = _table(ws, realised.shared_frame(),
                     money_columns={"amount", *[a.name for a in scenario.aci.ateliers]}, start_row=row + 1)
    if not scenario.aci.structure.empty():
        a = _allocation.of_scenario(scenario, date=forecast.date)
        ws.cell(row=row, column=1, value=f"The structure allocated by the {a.method} method").font = Font(bold=True)
        row = _table(ws, _allocation.primary_frame(a).reset_index(), money_columns=set(a.centres), start_row=row + 1)
        row = _table(ws, _allocation.rates_frame(a), start_row=row)
    if row == 1:
        _note(ws, "Nothing allocated: the ACI shares no structure and no realised line was booked to no atelier.")

    _cover(cover, scenario, forecast, realised, variances)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _cover(ws: Worksheet, scenario: Scenario, forecast: YearBudget, realised: Optional[Realised],
           variances: Optional[Variances]) -> None:
    from openpyxl.styles import Font

    lines: list[tuple[str, Any]] = [
        (f"{scenario.aci.name}: the year, budget against actual", None),
        ("written", _dt.date.today().isoformat()),
        ("by", f"aci_cost {__version__}"),
        ("forecast", f"the scenario's year with the rates in force at {forecast.date.isoformat()} (budget.year)"),
        ("money", "amounts to the cent, as numbers with a euro format; each table's lines add up to its totals"),
    ]
    if realised is not None:
        fec, tb = realised.fec, realised.fec.balance
        lines += [
            ("", None), ("Sources", None),
            ("accounts (FEC)", f"{fec.source}: {tb.lines} lines, {tb.entries} entries, fiscal year "
                               f"{fec.year_start} to {fec.year_end}, {fec.encoding}, "
                               f"{'tab' if fec.separator == chr(9) else repr(fec.separator)} separated"),
            ("checks", "every entry balanced to the cent; accounts of the plan comptable (LPF art. A47 A-1)"),
            ("total debit = total credit", tb.debit),
            ("analytic column", fec.analytic_column or "none: every line spread over the ateliers"),
            ("hours", realised.hours.source if realised.hours is not None else "none"),
            ("mapping", f"{realised.mapping.name or 'a mapping file'} ({len(realised.mapping.rules)} rules; "
                        f"docs/actuals.md)"),
            ("unplaced balances", f"{len(realised.result.unplaced)} (sheet Unplaced): charges "
                                  f"{realised.result.unplaced_charges} €, products {realised.result.unplaced_products} €"),
            ("accounts' result (classes 7 - 6)", realised.result.accounts_result),
        ]
    lines += [("", None), ("Assumptions", None)]
    for a in scenario.aci.ateliers:
        lines.append((f"{a.name}: relative productivity", f"{a.default_productivity} [est] (per production hour)"))
    if realised is not None:
        for r in realised.mapping.rules:
            if "[assumption]" in r.source:
                lines.append((f"mapping {r.prefix}{':' + r.code if r.code else ''} -> {r.key}", r.source))
    lines.append(("hourly rate of the job variances", "the atelier's charges less equipment and vehicles (charged "
                                                       "to jobs by use) per production hour"))
    lines += [("", None), ("Dated figures used (rate table)", None)]
    from . import quote_all

    seen = set()
    for q in quote_all(scenario) if scenario.jobs else []:
        for e in q.rates_used:
            key = (e.rate, e.effective)
            if key not in seen:
                seen.add(key)
                lines.append((f"{e.rate} from {e.effective.isoformat()}", f"{e.value} {e.unit} [{e.tag}] {e.source}"))
    for i, (label, value) in enumerate(lines, start=1):
        c = ws.cell(row=i, column=1, value=label)
        if value is None and label:
            c.font = Font(bold=True, size=14 if i == 1 else 11)
        v = ws.cell(row=i, column=2, value=_cell(value))
        if isinstance(value, Decimal):
            v.number_format = EURO_FORMAT
    ws.column_dimensions["A"].width = 44
    ws.column_dimensions["B"].width = 110


def read(path: Union[str, Path]) -> dict[str, pd.DataFrame]:
    """The workbook's sheets as DataFrames (each sheet's first table: its header, a title line
    above it skipped; a sheet holding a note reads as an empty frame): cells with the euro format
    come back as Decimal to the cent, so they compare equal to the library's figures."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    out = {}
    for ws in wb.worksheets:
        rows = list(ws.iter_rows())
        if ws.title == "Cover":
            out["Cover"] = pd.DataFrame([(r[0].value, _back(r[1]) if len(r) > 1 else None) for r in rows],
                                        columns=["item", "value"])
            continue
        # A title line (one cell) above a table is skipped: the table's header has several cells.
        start = next((k for k, r in enumerate(rows) if sum(c.value is not None for c in r) > 1), None)
        if start is None or start + 1 >= len(rows):
            out[ws.title] = pd.DataFrame()
            continue
        header = [c.value for c in rows[start]]
        body = []
        for r in rows[start + 1:]:
            if all(c.value is None for c in r):
                break  # the end of the first table
            body.append([_back(c) for c in r])
        out[ws.title] = pd.DataFrame(body, columns=header)
    return out


def _back(cell: Cell) -> Any:
    """A cell's value as written: money (the euro format) as Decimal to the cent, dates as dates."""
    v = cell.value
    if isinstance(v, (int, float)) and not isinstance(v, bool) and cell.number_format == EURO_FORMAT:
        return Decimal(repr(v)).quantize(Decimal("0.01"))
    if isinstance(v, _dt.datetime) and v.time() == _dt.time(0):
        return v.date()
    return v
