# Hand-kept stubs of aci_cost._core.quote (checked by mypy.stubtest in CTest).
import datetime
from decimal import Decimal
from typing import Optional

from . import _DateIn, _Number, _MoneyIn, _Record
from .._types import OutputRow, QuoteInputRow
from .allocation import Allocation
from .rates import RateEntry, RateTable
from .model import Aci, Job, PricingOptions

class Line(_Record):
    key: str
    amount: Decimal

class Price(_Record):
    policy: str
    coefficient_k: Optional[Decimal]
    ht: Decimal
    vat_rate: Decimal
    vat: Decimal
    ttc: Decimal
    vat_exempt: bool
    vat_article: str
    vat_mention: str

class PriceBounds(_Record):
    market_floor: Decimal
    market_price: Decimal
    full_cost: Decimal
    net_cost: Decimal
    overcompensation_ceiling: Decimal

class SalesCap(_Record):
    cap_share: Decimal
    annual_charges: Decimal
    cap: Decimal
    annual_sales: Decimal
    headroom: Decimal

class InsertionStatement(_Record):
    insertion_hours: Decimal
    on_site_hours: Decimal
    travel_hours: Decimal
    paid_insertion_hours: Decimal
    people: Decimal
    supervision_hours: Decimal
    training_hours: Decimal
    price_production_part: Decimal
    price_integration_part: Decimal

class Warning(_Record):
    code: str
    message: str

class UnitFigures(_Record):
    kind: str
    unit: str
    quantity: Decimal
    sold: Decimal
    full_cost: Decimal
    net_cost: Decimal
    price_ht: Decimal
    market_price: Optional[Decimal]

class Quote(_Record):
    job: str
    atelier: str
    date: datetime.date
    scalar: str
    standard_hours: Decimal
    productivity: Decimal
    cost_lines: list[Line]
    full_cost: Decimal
    production_cost: Decimal
    insertion_extra_cost: Decimal
    extra_lines: list[Line]
    extra_bottom_up: Decimal
    marginal_cost: Decimal
    subsidies: list[Line]
    subsidies_total: Decimal
    output_revenue: Decimal
    net_cost: Decimal
    per_unit: UnitFigures
    price: Price
    bounds: PriceBounds
    sales_cap: SalesCap
    insertion: InsertionStatement
    warnings: list[Warning]
    rates_used: list[RateEntry]
    def to_json(self, indent: int = ...) -> str: ...
    @staticmethod
    def from_json(text: str) -> Quote: ...

def make_quote(aci: Aci, job: Job, rates: RateTable, pricing: PricingOptions, scalar: str = ...) -> Quote: ...
def allocate_structure(aci: Aci, rates: RateTable, date: _DateIn, rounding: str = ...) -> Allocation: ...
def structure_charges(aci: Aci, rates: RateTable, date: _DateIn, rounding: str = ...) -> list[Decimal]: ...

class SocialClause(_Record):
    required_hours: Decimal
    delivered_hours: Decimal
    covered: bool

def check_social_clause(contract_amount: _MoneyIn, labour_share: _Number, insertion_rate: _Number,
                        hourly_cost: _MoneyIn, delivered_hours: _Number = ...) -> SocialClause: ...

def quote_input_table() -> list[QuoteInputRow]: ...
def quote_output_table() -> list[OutputRow]: ...
