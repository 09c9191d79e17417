# Hand-kept stubs of aci_cost._core.actuals (checked by mypy.stubtest in CTest).
from decimal import Decimal
from typing import Optional, Sequence

from . import _DateIn, _MoneyIn, _Record
from .budget import AtelierYear, YearBudget
from .model import Aci
from .quote import Quote
from .rates import RateTable

class Ledger(_Record):
    source: str
    line: list[int]
    journal: list[str]
    entry: list[str]
    account: list[str]
    debit: list[str]
    credit: list[str]
    analytic: list[str]
    analytic_column: str

class AccountBalance(_Record):
    account: str
    code: str
    debit: Decimal
    credit: Decimal
    balance: Decimal
    lines: int
    first_line: int

class TrialBalance(_Record):
    source: str
    analytic_column: str
    accounts: list[AccountBalance]
    debit: Decimal
    credit: Decimal
    lines: int
    entries: int

def make_ledger(source: str, line: Sequence[int], journal: Sequence[str], entry: Sequence[str], account: Sequence[str],
                debit: Sequence[str], credit: Sequence[str], analytic: Sequence[str] = ...,
                analytic_column: str = ...) -> Ledger: ...
def trial_balance(ledger: Ledger) -> TrialBalance: ...
def parse_cents(text: str, field: str = ...) -> int: ...

class MappingRule(_Record):
    prefix: str
    key: str
    code: str
    label: str
    source: str

class CodeAtelier(_Record):
    code: str
    atelier: str

class Mapping(_Record):
    name: str
    charge_keys: list[str]
    product_keys: list[str]
    rules: list[MappingRule]
    ateliers: list[CodeAtelier]
    shared_codes: list[str]
    def place(self, account: str, code: str = ...) -> Optional[MappingRule]: ...
    def validate(self) -> None: ...
    def to_json(self) -> str: ...

def default_mapping() -> Mapping: ...
def read_mapping(text: str) -> Mapping: ...

MAPPING_FORMAT: str
DEFAULT_MAPPING_NAME: str
OTHER_PRODUCTS_KEY: str
PER_USE_KEYS: tuple[str, str]
TOTAL_KEY: str

class AtelierHours(_Record):
    atelier: str
    insertion_hours: Decimal
    production_hours: Decimal
    training_hours: Decimal
    supervision_hours: Decimal

def planned_hours(aci: Aci, rates: RateTable, date: _DateIn, rounding: str = ...) -> list[AtelierHours]: ...

class Placement(_Record):
    account: str
    code: str
    key: str
    atelier: str
    amount: Decimal
    first_line: int
    rule: str

class SharedLine(_Record):
    key: str
    charge: bool
    amount: Decimal
    parts: list[Decimal]
    basis: str

class Unplaced(_Record):
    account: str
    code: str
    charge: bool
    amount: Decimal
    first_line: int
    reason: str

class RealisedYear(_Record):
    year: YearBudget
    placements: list[Placement]
    shared: list[SharedLine]
    unplaced: list[Unplaced]
    unplaced_charges: Decimal
    unplaced_products: Decimal
    accounts_result: Decimal

def realised_year(aci: Aci, trial_balance: TrialBalance, mapping: Mapping, forecast: YearBudget, start: _DateIn,
                  spread: str = ..., hours: Sequence[AtelierHours] = ..., rounding: str = ...) -> RealisedYear: ...

class LineVariance(_Record):
    atelier: str
    side: str
    key: str
    forecast: Decimal
    actual: Decimal
    variance: Decimal
    percent: Optional[Decimal]
    favourable: bool

def year_variances(forecast: YearBudget, actual: YearBudget, rounding: str = ...) -> list[LineVariance]: ...

class HourCost(_Record):
    atelier: str
    insertion_hours: Decimal
    production_hours: Decimal
    charges: Decimal
    net_charges: Decimal
    per_insertion_hour: Decimal
    per_production_hour: Decimal
    net_per_production_hour: Decimal
    hourly_rate: Decimal

def hour_cost(year: AtelierYear, hours: AtelierHours, rounding: str = ...) -> HourCost: ...

class JobHours(_Record):
    standard_hours: Decimal
    on_site_hours: Decimal
    travel_hours: Decimal
    hourly_rate: Decimal

class JobVariance(_Record):
    job: str
    atelier: str
    quoted: JobHours
    actual: JobHours
    quoted_productivity: Decimal
    actual_productivity: Decimal
    allowed_on_site_hours: Decimal
    quoted_cost: Decimal
    actual_cost: Decimal
    variance: Decimal
    rate_variance: Decimal
    productivity_variance: Decimal
    hours_variance: Decimal

def job_variance(job: str, atelier: str, quoted: JobHours, actual: JobHours, rounding: str = ...) -> JobVariance: ...
def quoted_hours(quote: Quote, hourly_rate: _MoneyIn) -> JobHours: ...
