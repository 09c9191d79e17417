"""A real ACI's own data: its accounts (the FEC), its hours, the realised year against the
forecast, quotes against what the jobs took (docs/actuals.md).

>>> fec = aci_cost.actuals.read_fec("123456789FEC20261231.txt")      # checked: every entry to the cent
>>> fec.trial_balance()                                                # balance générale (DataFrame)
>>> r = aci_cost.actuals.realised_year(fec, scenario, hours="hours.csv")
>>> v = aci_cost.actuals.variances(r)
>>> v.lines; v.hour_costs; v.jobs; v.training                         # DataFrames, Decimal amounts

The files are read here (pandas); the money — amounts to the cent, each entry's balance, the
mapping of the plan comptable, the realised year, the variances and their split — is the C++
library's (aci_cost._core.actuals), in exact decimals. Every refusal names the file's line, the
column and the value.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Mapping as _MappingType, Optional, Sequence, Union

import numpy as np
import pandas as pd

from . import budget as _budget
from ._core import InvalidInput
from ._core import actuals as _ca
from ._core.actuals import (
    DEFAULT_MAPPING_NAME, MAPPING_FORMAT, OTHER_PRODUCTS_KEY, PER_USE_KEYS, AccountBalance, AtelierHours,
    CodeAtelier, HourCost, JobHours, JobVariance, Ledger, LineVariance, Mapping, MappingRule, Placement,
    RealisedYear, SharedLine, TrialBalance, Unplaced, default_mapping, hour_cost, job_variance, parse_cents,
    planned_hours, quoted_hours, read_mapping, trial_balance, year_variances,
)
from ._core.budget import YearBudget
from ._core.scenario import Scenario, default_scenario

if TYPE_CHECKING:
    from .calibration import Calibration

__all__ = [
    "FEC_COLUMNS", "ANALYTIC_COLUMNS", "HOURS_COLUMNS", "HOUR_KINDS", "ROLES", "Fec", "Hours", "Realised", "Variances",
    "read_fec", "read_hours", "default_mapping", "load_mapping", "mapping_frame", "realised_year", "variances",
    "calibration_frame", "fit_time_equation", "realised_productivity",
    "AccountBalance", "AtelierHours", "CodeAtelier", "HourCost", "JobHours", "JobVariance", "Ledger", "LineVariance",
    "Mapping", "MappingRule", "Placement", "RealisedYear", "SharedLine", "TrialBalance", "Unplaced",
    "MAPPING_FORMAT", "DEFAULT_MAPPING_NAME", "OTHER_PRODUCTS_KEY", "PER_USE_KEYS",
    "hour_cost", "job_variance", "parse_cents", "planned_hours", "quoted_hours", "read_mapping", "trial_balance",
    "year_variances",
]

#: The 18 columns of an FEC, in order (LPF art. A47 A-1; BOI-CF-IOR-60-40-20 § 10: the first line names them).
FEC_COLUMNS = ("JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
               "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet",
               "ValidDate", "Montantdevise", "Idevise")
#: Extra columns read as the analytic code (the first present, when analytic="auto").
ANALYTIC_COLUMNS = ("CodeAnalytique", "Analytique", "SectionAnalytique", "Atelier")
#: Date columns: (name, required).
_FEC_DATES = (("EcritureDate", True), ("PieceDate", True), ("ValidDate", True), ("DateLet", False))
_SIREN_NAME = re.compile(r"^(\d{9})FEC(\d{8})", re.IGNORECASE)


def _source(path: Union[str, Path]) -> str:
    return Path(path).name


def _decode(data: bytes, name: str, encoding: Optional[str]) -> tuple[str, str]:
    """The text of a file and its encoding: UTF-8 (with or without BOM), else ISO-8859-15 (A47 A-1)."""
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as e:
            line = data[:getattr(e, "start", 0)].count(b"\n") + 1
            raise InvalidInput(f"{name} line {line} = bytes undecodable as {encoding}: {e}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("iso-8859-15"), "iso-8859-15"


def _lines(text: str, name: str) -> list[str]:
    """The file's lines (\\n or \\r\\n); trailing empty lines dropped, an empty line inside refused."""
    lines = text.split("\n")
    if any(line.endswith("\r") for line in lines[:2]):
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    while lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise InvalidInput(f"{name} line 1 = empty file: expected the header of the FEC's 18 columns")
    for k, line in enumerate(lines):
        if line == "":
            raise InvalidInput(f"{name} line {k + 1}, column 1 = \"\": an empty line inside the file (one record per "
                               f"line)")
    return lines


def _separator(header: str, name: str, expected: Sequence[str], allowed: Sequence[str], what: str) -> str:
    """The field separator of a header line: the allowed one that splits it into the expected names."""
    for sep in allowed:
        if sep in header and header.split(sep)[0].strip().lower() == expected[0].lower():
            return sep
    found = next((c for c in (";", ",", "\t", "|") if c in header and c not in allowed), None)
    shown = {"\t": "tab", "|": "'|'", ";": "';'", ",": "','"}
    allowed_text = " or ".join(shown[s] for s in allowed)
    if found is not None:
        raise InvalidInput(f"{name} line 1, column 1 = {header[:60]!r}: separated by {shown[found]}; {what} is "
                           f"separated by {allowed_text}")
    raise InvalidInput(f"{name} line 1, column 1 = {header[:60]!r}: no {allowed_text} separator; {what}")


def _width_error(name: str, number: int, line: str, sep: str, width: int) -> InvalidInput:
    """The refusal of a line with another number of fields than the header's: the first missing
    column, or the first field beyond the header."""
    fields = line.split(sep)
    if not line:
        return InvalidInput(f"{name} line {number}, column 1 = \"\": an empty line inside the file (one record per "
                            f"line)")
    if len(fields) > width:
        return InvalidInput(f"{name} line {number}, column {width + 1} = {fields[width][:40]!r}: {len(fields)} fields "
                            f"where the header has {width} (a separator inside a field?)")
    return InvalidInput(f"{name} line {number}, column {len(fields) + 1} = missing: {len(fields)} fields where the "
                        f"header has {width}")


def _check_widths(lines: list[str], sep: str, width: int, name: str) -> None:
    """A line (after the header) with another number of fields than the header is refused."""
    counts = np.fromiter((line.count(sep) for line in lines), dtype=np.int64, count=len(lines))
    bad = np.flatnonzero(counts != width - 1)
    if bad.size:
        k = int(bad[0])
        raise _width_error(name, k + 2, lines[k], sep, width)


def _check_fields(body: bytes, sep: str, width: int, name: str, encoding: str) -> None:
    """Every line of `body` (the lines after the header) has the header's number of fields, and none
    is empty (counted on the bytes: a separator or a newline is one byte in UTF-8 and ISO-8859-15)."""
    b = np.frombuffer(body, dtype=np.uint8)
    ends = np.flatnonzero(b == 10)
    ends = np.append(ends, len(b))
    starts = np.concatenate(([0], ends[:-1] + 1))
    seps = np.flatnonzero(b == ord(sep))
    counts = np.searchsorted(seps, ends) - np.searchsorted(seps, starts)
    bad = np.flatnonzero(counts != width - 1)
    if bad.size:
        k = int(bad[0])
        raise _width_error(name, k + 2, body[starts[k]:ends[k]].decode(encoding).rstrip("\r"), sep, width)


def _split(lines: list[str], sep: str, width: int, name: str) -> list[list[str]]:
    """Each line's fields (after the header)."""
    _check_widths(lines, sep, width, name)
    return [line.split(sep) for line in lines]


def _check_dates(frame: pd.DataFrame, column: str, required: bool, name: str) -> dict[str, _dt.date]:
    """{text: date} of the column's dates (AAAAMMJJ); the first bad one is refused, naming its line.
    (A year has few distinct dates: each is parsed once.)"""
    text = frame[column]
    values = pd.unique(text.to_numpy(dtype=object))
    parsed = pd.to_datetime(pd.Series(values, dtype=object), format="%Y%m%d", errors="coerce")
    good = {v: d.date() for v, d in zip(values, parsed)
            if isinstance(v, str) and len(v) == 8 and v.isdigit() and not pd.isna(d)}
    bad = [v for v in values if v not in good and (v != "" or required)]
    if bad:
        k = _first(text, bad)
        raise InvalidInput(f"{name} line {int(frame['line'].iat[k])}, column {column} = {text.iat[k]!r}: "
                           f"{'not a date AAAAMMJJ' if text.iat[k] else 'missing: a date AAAAMMJJ is required'}")
    return good


def _first(column: pd.Series, values: Sequence[object]) -> int:
    """The position of the first item of `column` among `values`."""
    return int(np.flatnonzero(column.isin(values).to_numpy())[0])


def _fiscal_year(name: str, first: Optional[_dt.date], start_given: Union[str, _dt.date, None],
                 end_given: Union[str, _dt.date, None]) -> tuple[_dt.date, _dt.date]:
    """The fiscal year: given; else closing at the date of the file's name (SIRENFECAAAAMMJJ, A47 A-1);
    else the twelve months from the first day of the month of the first entry."""
    def as_date(d: Union[str, _dt.date, None], what: str) -> Optional[_dt.date]:
        if d is None or isinstance(d, _dt.date):
            return d
        try:
            return _dt.date.fromisoformat(str(d))
        except ValueError:
            raise InvalidInput(f"read_fec.{what} = {d!r}: expected a date YYYY-MM-DD") from None

    start, end = as_date(start_given, "year_start"), as_date(end_given, "year_end")
    m = _SIREN_NAME.match(name)
    if end is None and m:
        try:
            end = _dt.datetime.strptime(m.group(2), "%Y%m%d").date()
        except ValueError:
            raise InvalidInput(f"{name} = closing date {m.group(2)!r} of the file's name: not a date AAAAMMJJ") from None
    if start is None and end is not None:
        after = end + _dt.timedelta(days=1)
        try:
            start = after.replace(year=after.year - 1)
        except ValueError:  # the day after a 28 February closing, a leap year earlier
            start = after.replace(year=after.year - 1, day=28) + _dt.timedelta(days=1)
    if start is None:
        if first is None:
            raise InvalidInput(f"{name} = no entry: the fiscal year cannot be taken from the dates; give year_start")
        start = _dt.date(first.year, first.month, 1)
    if end is None:
        end = _dt.date(start.year + 1, start.month, 1) - _dt.timedelta(days=1)
    if end < start:
        raise InvalidInput(f"read_fec.year_end = {end}: before year_start {start}")
    return start, end


@dataclass
class Fec:
    """A checked FEC: its lines (``frame``: the file's text columns and each line's ``line`` number)
    and its trial balance (``balance``, C++: every entry balanced to the cent)."""

    path: Path
    frame: pd.DataFrame = field(repr=False)
    balance: TrialBalance = field(repr=False)
    year_start: _dt.date
    year_end: _dt.date
    separator: str
    encoding: str
    analytic_column: Optional[str]

    @property
    def source(self) -> str:
        return self.path.name

    def trial_balance(self) -> pd.DataFrame:
        """The balance générale: one row per account (and analytic code) with its label, debit,
        credit and balance (Decimal, €), lines and first line."""
        labels = self.frame.drop_duplicates("CompteNum").set_index("CompteNum")["CompteLib"]
        rows = [(b.account, labels.get(b.account, ""), b.code, b.debit, b.credit, b.balance, b.lines, b.first_line)
                for b in self.balance.accounts]
        return pd.DataFrame(rows, columns=["account", "label", "code", "debit", "credit", "balance", "lines",
                                           "first_line"])


def read_fec(path: Union[str, Path], *, year_start: Optional[Union[str, _dt.date]] = None,
             year_end: Optional[Union[str, _dt.date]] = None, encoding: Optional[str] = None,
             analytic: Union[str, None] = "auto") -> Fec:
    """Reads and checks an FEC (LPF art. A47 A-1): the 18 named columns in order on the first line
    (extra columns kept), tab or '|' separated, UTF-8 or ISO-8859-15, dates AAAAMMJJ within the
    fiscal year, amounts with a decimal comma; then every entry balanced to the cent and every
    account's first three characters digits of the plan comptable (C++). The fiscal year is
    ``year_start``–``year_end``, else the one closing at the date in the file's name
    (``<SIREN>FEC<AAAAMMJJ>.txt``), else twelve months from the first entry's month. ``analytic``:
    an extra column holding each line's analytic code (atelier), "auto" (the first of
    ANALYTIC_COLUMNS present) or None. InvalidInput (ValueError) names the line, column and value."""
    path = Path(path)
    name = path.name
    data = path.read_bytes()
    text, used = _decode(data, name, encoding)  # (checks the whole file decodes)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    first = text.lstrip("\ufeff").partition("\n")[0].rstrip("\r")
    if not first.strip():
        raise InvalidInput(f"{name} line 1 = empty: expected the header of the FEC's 18 columns")
    sep = _separator(first, name, FEC_COLUMNS, ("\t", "|"), "an FEC (LPF art. A47 A-1)")
    header = [h.strip() for h in first.split(sep)]
    for k, expected in enumerate(FEC_COLUMNS):
        got = header[k] if k < len(header) else None
        if got is None or got.lower() != expected.lower():
            shown = "missing" if got is None else repr(got)
            raise InvalidInput(f"{name} line 1, column {k + 1} = {shown}: expected {expected!r} (the 18 columns of "
                               f"LPF art. A47 A-1, in order: {', '.join(FEC_COLUMNS)})")
    extra = header[len(FEC_COLUMNS):]
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise InvalidInput(f"{name} line 1 = column {dup!r} twice: each column once")
    columns = list(FEC_COLUMNS) + extra
    body = data.partition(b"\n")[2].rstrip(b"\r\n")
    if body:
        _check_fields(body, sep, len(columns), name, used)
        # The C parser splits the fields (no quoting in an FEC: a '"' is text).
        frame = pd.read_csv(io.BytesIO(body), sep=sep, header=None, names=columns, dtype=object, encoding=used,
                            keep_default_na=False, na_values=[], quoting=csv.QUOTE_NONE, skip_blank_lines=False,
                            engine="c", index_col=False)
    else:
        frame = pd.DataFrame(columns=columns, dtype=object)
    # Lines are numbered as in the file (the header is line 1).
    frame.insert(0, "line", np.arange(2, len(frame) + 2, dtype=np.int64))
    for column, required in _FEC_DATES:
        dates = _check_dates(frame, column, required, name)
        if column == "EcritureDate":
            entry_dates = dates
    start, end = _fiscal_year(name, min(entry_dates.values(), default=None), year_start, year_end)
    outside = [v for v, d in entry_dates.items() if not start <= d <= end]
    if outside:
        k = _first(frame["EcritureDate"], outside)
        raise InvalidInput(f"{name} line {int(frame['line'].iat[k])}, column EcritureDate = "
                           f"{frame['EcritureDate'].iat[k]!r}: outside the fiscal year {start} to {end}")
    if analytic == "auto":
        analytic_column = next((c for c in ANALYTIC_COLUMNS if c in extra), None)
    elif analytic is None:
        analytic_column = None
    else:
        if analytic not in extra:
            raise InvalidInput(f"read_fec.analytic = {analytic!r}: no such extra column (the file has "
                               f"{extra or 'none'})")
        analytic_column = analytic
    ledger = _ca.make_ledger(name, frame["line"].tolist(), frame["JournalCode"].tolist(),
                             frame["EcritureNum"].tolist(), frame["CompteNum"].tolist(), frame["Debit"].tolist(),
                             frame["Credit"].tolist(), frame[analytic_column].tolist() if analytic_column else [],
                             analytic_column or "")
    return Fec(path, frame, trial_balance(ledger), start, end, sep, used, analytic_column)


# ---- hours ---------------------------------------------------------------------------------

#: The columns of an hours file; ``role`` may be left out when ``staff`` names the scenario's staff groups.
HOURS_COLUMNS = ("date", "atelier", "job", "staff", "role", "hours", "kind")
#: The kinds of hours: the six of the seeds' hours declarations and meetings (docs/actuals.md).
HOUR_KINDS = ("production", "travel", "training", "accompaniment", "meeting", "paid_absence", "unpaid_absence")
#: Staff roles, as in the scenario's staff groups.
ROLES = ("integration", "supervisor", "socio_professional", "support")
_HOURS_TEXT = re.compile(r"^\d+([.,]\d{1,2})?$")


@dataclass
class Hours:
    """An hours file: one row per line with its ``line`` number, ``date``, ``atelier``, ``job``,
    ``staff``, ``role``, ``kind`` and ``centihours`` (hours x 100, exact integers)."""

    path: Path
    frame: pd.DataFrame = field(repr=False)

    @property
    def source(self) -> str:
        return self.path.name

    def resolved(self, scenario: Scenario) -> pd.DataFrame:
        """The lines with their atelier's name and role settled against ``scenario``: an atelier by
        its name or support, a role from the line or from the staff group it names."""
        f = self.frame.copy()
        names: dict[str, str] = {}
        for a in scenario.aci.ateliers:
            names.setdefault(a.support, a.name)
        for a in scenario.aci.ateliers:
            names[a.name] = a.name
        f["atelier"] = f["atelier"].map(names)
        bad = f["atelier"].isna()
        if bad.any():
            k = int(np.flatnonzero(bad.to_numpy())[0])
            raise InvalidInput(f"{self.source} line {int(f['line'].iat[k])}, column atelier = "
                               f"{self.frame['atelier'].iat[k]!r}: not an atelier of the scenario (its name or "
                               f"support: {', '.join(a.name for a in scenario.aci.ateliers)})")
        groups = {(a.name, g.name): g.role for a in scenario.aci.ateliers for g in a.staff}
        missing = f["role"] == ""
        if missing.any():
            f.loc[missing, "role"] = [groups.get((a, s), "") for a, s in zip(f.loc[missing, "atelier"],
                                                                              f.loc[missing, "staff"])]
            bad = f["role"] == ""
            if bad.any():
                k = int(np.flatnonzero(bad.to_numpy())[0])
                raise InvalidInput(f"{self.source} line {int(f['line'].iat[k])}, column staff = "
                                   f"{f['staff'].iat[k]!r}: no role given and no staff group of this name in atelier "
                                   f"{f['atelier'].iat[k]!r}: give the role column ({', '.join(ROLES)})")
        return f

    def by_atelier(self, scenario: Scenario) -> list[AtelierHours]:
        """Each atelier's recorded hours (every atelier of the scenario, zero when none)."""
        f = self.resolved(scenario)
        out = []
        for a in scenario.aci.ateliers:
            g = f[f["atelier"] == a.name]
            integ = g[g["role"] == "integration"]

            def h(frame: pd.DataFrame, kinds: Optional[Sequence[str]] = None) -> Decimal:
                sel = frame if kinds is None else frame[frame["kind"].isin(kinds)]
                return Decimal(int(sel["centihours"].sum())) / 100

            out.append(AtelierHours(
                atelier=a.name,
                insertion_hours=h(integ[integ["kind"] != "unpaid_absence"]),
                production_hours=h(integ, ("production", "travel")),
                training_hours=h(integ, ("training",)),
                supervision_hours=h(g[g["role"] == "supervisor"], ("production", "travel"))))
        return out

    def by_job(self, scenario: Scenario) -> pd.DataFrame:
        """Hours per (atelier, job) of the lines naming a job: the integration crew on site
        (production) and travelling, the supervisors on production, and training (h, Decimal)."""
        f = self.resolved(scenario)
        f = f[f["job"] != ""]
        cols = {"on_site_hours": ("integration", ("production",)), "travel_hours": ("integration", ("travel",)),
                "supervision_hours": ("supervisor", ("production", "travel")),
                "training_hours": ("integration", ("training",))}
        parts = []
        for col, (role, kinds) in cols.items():
            sel = f[(f["role"] == role) & f["kind"].isin(kinds)]
            parts.append(sel.groupby(["atelier", "job"])["centihours"].sum().rename(col))
        table = pd.concat(parts, axis=1).fillna(0).astype(np.int64) if parts else pd.DataFrame()
        table = table.reset_index()
        for col in cols:
            table[col] = [Decimal(int(v)) / 100 for v in table[col]]
        return table

    def by_month(self, scenario: Scenario) -> pd.DataFrame:
        """Hours per atelier, month and kind of the integration employees (h, Decimal)."""
        f = self.resolved(scenario)
        f = f[f["role"] == "integration"]
        t = f.groupby(["atelier", f["date"].dt.to_period("M").astype(str).rename("month"), "kind"])["centihours"] \
            .sum().unstack("kind", fill_value=0)
        return t.apply(lambda c: c.map(lambda v: Decimal(int(v)) / 100))


def read_hours(path: Union[str, Path]) -> Hours:
    """Reads an hours file (CSV, ',' ';' or tab separated, UTF-8): columns ``date`` (YYYY-MM-DD),
    ``atelier`` (name or support), ``job`` (a job's name, or empty for work on no quoted job),
    ``staff`` (a staff group or a person's id), ``role`` (optional when ``staff`` names staff
    groups), ``hours`` (>= 0, at most 2 decimals, point or comma) and ``kind`` (HOUR_KINDS).
    InvalidInput (ValueError) names the line, column and value; nothing is dropped."""
    path = Path(path)
    name = path.name
    text, _ = _decode(path.read_bytes(), name, None)
    lines = _lines(text, name)
    sep = next((s for s in ("\t", ";", ",") if s in lines[0]), None)
    if sep is None:
        raise InvalidInput(f"{name} line 1 = {lines[0][:60]!r}: no ',' ';' or tab separator between the columns "
                           f"{', '.join(HOURS_COLUMNS)}")
    header = [h.strip().lower() for h in lines[0].split(sep)]
    required = [c for c in HOURS_COLUMNS if c != "role"]
    for c in required:
        if c not in header:
            raise InvalidInput(f"{name} line 1 = {lines[0][:80]!r}: column {c!r} missing (columns: "
                               f"{', '.join(HOURS_COLUMNS)}; role may be left out)")
    unknown = [h for h in header if h not in HOURS_COLUMNS]
    if unknown or len(set(header)) != len(header):
        what = f"unknown column {unknown[0]!r}" if unknown else "a column twice"
        raise InvalidInput(f"{name} line 1 = {lines[0][:80]!r}: {what} (columns: {', '.join(HOURS_COLUMNS)})")
    rows = _split(lines[1:], sep, len(header), name) if len(lines) > 1 else []
    frame = pd.DataFrame(rows, columns=header, dtype=object) if rows else pd.DataFrame(columns=header, dtype=object)
    frame = frame.apply(lambda c: c.str.strip()) if rows else frame
    if "role" not in frame:
        frame["role"] = ""
    frame.insert(0, "line", np.arange(2, len(rows) + 2, dtype=np.int64))

    def refuse(mask: pd.Series, column: str, rule: str) -> None:
        if mask.any():
            k = int(np.flatnonzero(np.asarray(mask))[0])
            raise InvalidInput(f"{name} line {int(frame['line'].iat[k])}, column {column} = "
                               f"{frame[column].iat[k]!r}: {rule}")

    dates = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    refuse(dates.isna() | ~frame["date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}"), "date", "not a date YYYY-MM-DD")
    refuse(frame["atelier"] == "", "atelier", "every line names its atelier")
    refuse(frame["staff"] == "", "staff", "every line names a staff group or a person")
    refuse(~frame["kind"].isin(HOUR_KINDS), "kind", f"expected one of {', '.join(HOUR_KINDS)}")
    refuse(~frame["role"].isin(("",) + ROLES), "role", f"expected one of {', '.join(ROLES)} (or empty)")
    refuse(~frame["hours"].str.match(_HOURS_TEXT), "hours",
           "not hours: digits, a decimal point or comma, at most 2 decimals, >= 0")
    parts = frame["hours"].str.replace(",", ".", regex=False).str.partition(".")
    refuse(parts[0].str.len() > 7, "hours", "more than 1,000,000 h on one line")
    frame["centihours"] = parts[0].astype(np.int64) * 100 + parts[2].str.ljust(2, "0").astype(np.int64)
    frame["date"] = dates
    return Hours(path, frame[["line", "date", "atelier", "job", "staff", "role", "kind", "centihours"]])


# ---- the mapping -----------------------------------------------------------------------------

def load_mapping(path: Union[str, Path]) -> Mapping:
    """A mapping file (format aci_cost/fec_mapping@1; "extends": "aci_default" starts from the default)."""
    return read_mapping(Path(path).read_text(encoding="utf-8"))


def mapping_frame(mapping: Optional[Mapping] = None) -> pd.DataFrame:
    """The mapping's rules as a table: prefix, code, side, key, label, source."""
    m = mapping or default_mapping()
    return pd.DataFrame([(r.prefix, r.code, "charges" if r.prefix.startswith("6") else "products", r.key, r.label,
                          r.source) for r in m.rules],
                        columns=["prefix", "code", "side", "key", "label", "source"])


def _mapping(mapping: Union[Mapping, str, Path, None]) -> Mapping:
    if mapping is None:
        return default_mapping()
    if isinstance(mapping, Mapping):
        return mapping
    if isinstance(mapping, (str, Path)):
        return load_mapping(mapping)
    raise TypeError(f"mapping = {mapping!r}: expected a Mapping, a mapping file's path or None (the default)")


# ---- the realised year -------------------------------------------------------------------------

@dataclass
class Realised:
    """The realised year of a scenario's ACI from its FEC (and hours), beside the forecast."""

    scenario: Scenario = field(repr=False)
    fec: Fec
    mapping: Mapping = field(repr=False)
    date: _dt.date
    forecast: YearBudget = field(repr=False)
    result: RealisedYear = field(repr=False)
    planned: list[AtelierHours] = field(repr=False)
    hours: Optional[Hours] = None
    actual_hours: Optional[list[AtelierHours]] = field(repr=False, default=None)

    @property
    def year(self) -> YearBudget:
        """The realised year (budget.YearBudget, per atelier and in total)."""
        return self.result.year

    def frame(self) -> pd.DataFrame:
        """One row per line of the realised year (as budget.frame)."""
        return _budget.frame(self.year)

    def unplaced_frame(self) -> pd.DataFrame:
        """The balances of classes 6 and 7 no rule placed, with their amounts and why."""
        return pd.DataFrame([(u.account, u.code, "charges" if u.charge else "products", u.amount, u.first_line,
                              u.reason) for u in self.result.unplaced],
                            columns=["account", "code", "side", "amount", "first_line", "reason"])

    def placements_frame(self) -> pd.DataFrame:
        """Every balance of classes 6 and 7, the rule and the line it fed, and its atelier ('' shared)."""
        return pd.DataFrame([(p.account, p.code, p.rule, p.key, p.atelier, p.amount, p.first_line)
                             for p in self.result.placements],
                            columns=["account", "code", "rule", "key", "atelier", "amount", "first_line"])

    def shared_frame(self) -> pd.DataFrame:
        """The lines booked to no atelier and their spread over the ateliers (one column each)."""
        names = [a.name for a in self.scenario.aci.ateliers]
        rows = [(s.key, "charges" if s.charge else "products", s.basis, s.amount, *s.parts) for s in self.result.shared]
        return pd.DataFrame(rows, columns=["key", "side", "basis", "amount", *names])


def realised_year(fec: Union[Fec, str, Path], scenario: Optional[Scenario] = None, *,
                  hours: Union[Hours, str, Path, None] = None, mapping: Union[Mapping, str, Path, None] = None,
                  date: Optional[Union[str, _dt.date]] = None, spread: str = "forecast") -> Realised:
    """The realised year of ``scenario``'s ACI (default: the embedded default ACI) from its ``fec``
    (a Fec or a path), placed by ``mapping`` (default: the ACIs' default mapping, docs/actuals.md),
    beside its forecast year with the rates in force at ``date`` (default: the fiscal year's
    start). Lines booked to no atelier are spread by ``spread``: "forecast" (as the forecast spreads
    the same line) or "work_hours" (the ateliers' realised work hours; needs ``hours``)."""
    if not isinstance(fec, Fec):
        fec = read_fec(fec)
    scenario = scenario if scenario is not None else default_scenario()
    if hours is not None and not isinstance(hours, Hours):
        hours = read_hours(hours)
    m = _mapping(mapping)
    day = fec.year_start if date is None else (date if isinstance(date, _dt.date) else _dt.date.fromisoformat(date))
    forecast = _budget.year(scenario, day)
    table = scenario.rate_table()
    planned = planned_hours(scenario.aci, table, day)
    actual = hours.by_atelier(scenario) if hours is not None else None
    result = _ca.realised_year(scenario.aci, fec.balance, m, forecast, fec.year_start, spread, actual or [])
    return Realised(scenario, fec, m, day, forecast, result, planned, hours, actual)


# ---- variances -------------------------------------------------------------------------------

@dataclass
class Variances:
    """Budget against actual (``lines``), the cost of an hour (``hour_costs``), training and
    supervision against plan, and quoted jobs against their hours (``jobs``): DataFrames with
    Decimal amounts; ``line_variances``, ``hour_cost_pairs`` and ``job_variances`` are the C++ records."""

    lines: pd.DataFrame
    hour_costs: pd.DataFrame
    training: pd.DataFrame
    supervision: pd.DataFrame
    jobs: pd.DataFrame
    line_variances: list[LineVariance] = field(repr=False)
    hour_cost_pairs: list[tuple[HourCost, Optional[HourCost]]] = field(repr=False)
    job_variances: list[JobVariance] = field(repr=False)


def _pct(actual: Decimal, planned: Decimal) -> Optional[Decimal]:
    return None if planned == 0 else ((actual - planned) * 100 / abs(planned)).quantize(Decimal("0.01"))


def variances(realised: Realised, *, work: Optional[_MappingType[str, Union[Decimal, int, str]]] = None) -> Variances:
    """The realised year against its forecast. ``work``: the standard hours actually done per job
    (default: the quote's, i.e. the job was the work quoted) — the base of the realised productivity
    and of the jobs' hours variance. Needs the hours file for the costs per hour, training,
    supervision and jobs (without it those frames are empty)."""
    r = realised
    lv = year_variances(r.forecast, r.year)
    lines = pd.DataFrame([(v.atelier, v.side, v.key, v.forecast, v.actual, v.variance, v.percent, v.favourable)
                          for v in lv],
                         columns=["atelier", "side", "key", "forecast", "actual", "variance", "percent", "favourable"])
    pairs, cost_rows, training, supervision = [], [], [], []
    rates: dict[str, tuple[Decimal, Optional[Decimal]]] = {}
    for i, a in enumerate(r.scenario.aci.ateliers):
        f_year = next(x for x in r.forecast.ateliers if x.atelier == a.name)
        a_year = next(x for x in r.year.ateliers if x.atelier == a.name)
        fc = hour_cost(f_year, r.planned[i])
        # An atelier the hours file does not mention has no actual cost of an hour (shown as None).
        hours = r.actual_hours[i] if r.actual_hours is not None else None
        ac = hour_cost(a_year, hours) if hours is not None and hours.insertion_hours > 0 else None
        pairs.append((fc, ac))
        rates[a.name] = (fc.hourly_rate, ac.hourly_rate if ac else None)
        for measure in ("per_insertion_hour", "per_production_hour", "net_per_production_hour", "hourly_rate"):
            fv = getattr(fc, measure)
            av = getattr(ac, measure) if ac else None
            cost_rows.append((a.name, measure, fv, av, None if av is None else av - fv,
                              None if av is None else _pct(av, fv)))
        if r.actual_hours is not None:
            p, h = r.planned[i], r.actual_hours[i]
            training.append((a.name, p.training_hours, h.training_hours, h.training_hours - p.training_hours,
                             None if p.training_hours == 0 else (h.training_hours / p.training_hours)
                             .quantize(Decimal("0.0001"))))
            supervision.append((a.name, p.supervision_hours, h.supervision_hours,
                                h.supervision_hours - p.supervision_hours, p.production_hours, h.production_hours))
    hour_costs = pd.DataFrame(cost_rows, columns=["atelier", "measure", "forecast", "actual", "variance", "percent"])
    training_frame = pd.DataFrame(training, columns=["atelier", "planned_hours", "delivered_hours", "difference",
                                                     "delivered_share"])
    supervision_frame = pd.DataFrame(supervision, columns=["atelier", "planned_hours", "given_hours", "difference",
                                                           "planned_production_hours", "production_hours"])
    jobs, records = _job_variances(r, rates, work or {})
    return Variances(lines, hour_costs, training_frame, supervision_frame, jobs, lv, pairs, records)


def _job_variances(r: Realised, rates: dict[str, tuple[Decimal, Optional[Decimal]]],
                   work: _MappingType[str, Union[Decimal, int, str]]) -> tuple[pd.DataFrame, list[JobVariance]]:
    columns = ["job", "atelier", "quoted_standard_hours", "actual_standard_hours", "quoted_on_site_hours",
               "actual_on_site_hours", "allowed_on_site_hours", "quoted_travel_hours", "actual_travel_hours",
               "quoted_productivity", "actual_productivity", "quoted_rate", "actual_rate", "quoted_cost",
               "actual_cost", "variance", "rate_variance", "productivity_variance", "hours_variance",
               "quoted_supervision_hours", "actual_supervision_hours"]
    unknown = [j for j in work if all(j != x.name for x in r.scenario.jobs)]
    if unknown:
        raise InvalidInput(f"variances.work = {unknown[0]!r}: not a job of the scenario")
    if r.hours is None:
        return pd.DataFrame(columns=columns), []
    by_job = r.hours.by_job(r.scenario)
    from . import quote as _quote

    rows, records = [], []
    for job in r.scenario.jobs:
        q = _quote(r.scenario, job.name)
        done = by_job[(by_job["job"] == job.name) & (by_job["atelier"] == q.atelier)]
        if done.empty or done["on_site_hours"].iat[0] == 0:
            continue
        quoted_rate, actual_rate = rates[q.atelier]
        quoted = quoted_hours(q, quoted_rate)
        standard = Decimal(str(work[job.name])) if job.name in work else q.standard_hours
        actual = JobHours(standard_hours=standard, on_site_hours=done["on_site_hours"].iat[0],
                          travel_hours=done["travel_hours"].iat[0], hourly_rate=actual_rate)
        v = job_variance(job.name, q.atelier, quoted, actual)
        records.append(v)
        rows.append((v.job, v.atelier, quoted.standard_hours, actual.standard_hours, quoted.on_site_hours,
                     actual.on_site_hours, v.allowed_on_site_hours, quoted.travel_hours, actual.travel_hours,
                     v.quoted_productivity, v.actual_productivity, quoted.hourly_rate, actual.hourly_rate,
                     v.quoted_cost, v.actual_cost, v.variance, v.rate_variance, v.productivity_variance,
                     v.hours_variance, q.insertion.supervision_hours, done["supervision_hours"].iat[0]))
    return pd.DataFrame(rows, columns=columns), records


# ---- calibration from actuals ---------------------------------------------------------------

def calibration_frame(hours: Union[Hours, str, Path], work: pd.DataFrame, scenario: Optional[Scenario] = None, *,
                      productivity: Optional[Union[Decimal, float, str]] = None) -> pd.DataFrame:
    """The realised jobs as rows for aci_cost.calibration.fit: ``work`` has one row per job (column
    ``job``) with its drivers' quantities (m², m, kg...) and, when measured, its ``standard_hours``;
    the hours file gives each job's hours on site (``on_site_hours``) and travelling. When the
    standard work is not measured it is the hours on site x ``productivity`` (default: the job's
    atelier's, an assumption of the scenario): a time equation and a productivity cannot both be
    learned from the same hours. The result's ``standard_hours`` column is the fit's target."""
    if not isinstance(hours, Hours):
        hours = read_hours(hours)
    scenario = scenario if scenario is not None else default_scenario()
    if "job" not in work.columns:
        raise InvalidInput(f"calibration_frame.work = columns {list(work.columns)}: a 'job' column is required")
    done = hours.by_job(scenario)
    table = work.merge(done, on="job", how="left", validate="one_to_one")
    missing = table["on_site_hours"].isna()
    if missing.any():
        raise InvalidInput(f"calibration_frame.work.job = {table['job'][missing].iat[0]!r}: no hours of this job "
                           f"in {hours.source}")
    if "standard_hours" not in work.columns:
        shares = {}
        for a in scenario.aci.ateliers:
            shares[a.name] = Decimal(str(productivity)) if productivity is not None else a.default_productivity
        table["standard_hours"] = [h * shares[a] for h, a in zip(table["on_site_hours"], table["atelier"])]
    table["standard_hours"] = table["standard_hours"].map(float)
    table["productivity"] = [float(s) / float(h) if float(h) else np.nan
                             for s, h in zip(table["standard_hours"], table["on_site_hours"])]
    return table


def fit_time_equation(hours: Union[Hours, str, Path], work: pd.DataFrame, drivers: Sequence[str],
                      scenario: Optional[Scenario] = None, *,
                      productivity: Optional[Union[Decimal, float, str]] = None) -> Calibration:
    """The least-squares time equation (aci_cost.calibration.fit) of the realised jobs' standard
    hours on their drivers; its ``equation(name)`` keeps the coefficients' full precision."""
    from . import calibration

    return calibration.fit(calibration_frame(hours, work, scenario, productivity=productivity), drivers,
                           hours="standard_hours")


def realised_productivity(hours: Union[Hours, str, Path], work: pd.DataFrame,
                          scenario: Optional[Scenario] = None) -> pd.DataFrame:
    """Each atelier's realised productivity: Σ measured standard hours / Σ hours on site of its
    jobs in ``work`` (which must have ``standard_hours``), 4 decimals, beside the scenario's assumption."""
    if "standard_hours" not in work.columns:
        raise InvalidInput("realised_productivity.work: a 'standard_hours' column (the measured standard work) is "
                           "required")
    scenario = scenario if scenario is not None else default_scenario()
    table = calibration_frame(hours, work, scenario)
    measured = dict(zip(work["job"], (Decimal(str(v)) for v in work["standard_hours"])))
    rows = []
    for a in scenario.aci.ateliers:
        sel = table[table["atelier"] == a.name]
        if sel.empty:
            continue
        std = sum((measured[j] for j in sel["job"]), Decimal(0))
        on_site = sum(sel["on_site_hours"], Decimal(0))
        rows.append((a.name, len(sel), std, on_site, (std / on_site).quantize(Decimal("0.0001")),
                     a.default_productivity))
    return pd.DataFrame(rows, columns=["atelier", "jobs", "standard_hours", "on_site_hours", "productivity",
                                       "assumed_productivity"])
