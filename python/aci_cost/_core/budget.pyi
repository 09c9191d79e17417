# Hand-kept stubs of aci_cost._core.budget (checked by mypy.stubtest in CTest).
import datetime
from decimal import Decimal
from typing import Any, Optional, Sequence

from . import _DateIn, _Record
from .rates import RateTable
from .model import Aci, Job, PricingOptions
from .quote import Line, SalesCap, Warning

class JobInYear(_Record):
    job: str
    date: datetime.date
    work_hours: Decimal
    price_ht: Decimal
    full_cost: Decimal
    net_cost: Decimal
    marginal_cost: Decimal
    subsidies: Decimal

class MonthInYear(_Record):
    month: int
    charges: list[Line]
    charges_total: Decimal
    products: list[Line]
    products_total: Decimal
    result: Decimal

class AtelierYear(_Record):
    atelier: str
    charges: list[Line]
    charges_total: Decimal
    products: list[Line]
    products_total: Decimal
    result: Decimal
    sales_cap: SalesCap
    work_hours_capacity: Decimal
    jobs: list[JobInYear]
    jobs_work_hours: Decimal
    jobs_sales: Decimal
    jobs_subsidies: Decimal
    sales_with_jobs: Decimal
    headroom_with_jobs: Decimal
    warnings: list[Warning]
    months: list[MonthInYear]

class YearBudget(_Record):
    date: datetime.date
    year: int
    ateliers: list[AtelierYear]
    charges: list[Line]
    charges_total: Decimal
    products: list[Line]
    products_total: Decimal
    result: Decimal
    months: list[MonthInYear]
    public_grants: Decimal
    audit_required: bool

class PriceAnalysis(_Record):
    job: str
    atelier: str
    unit: str
    sold_units: Decimal
    policy: str
    price_ht: Decimal
    marginal_cost: Decimal
    contribution_margin: Decimal
    contribution_per_unit: Decimal
    floor: Decimal
    full_cost: Decimal
    market_price: Decimal
    overcompensation_ceiling: Decimal
    fair_zone_price: Decimal
    target_margin: Decimal
    target_margin_price: Decimal
    cap_price: Decimal
    cap_price_derogation: Decimal
    cap_reached: bool
    cap_limited_price: Decimal
    year_result: Decimal
    break_even_units: Optional[Decimal]
    volume: Decimal
    break_even_unit_price: Decimal

def analyse_price(aci: Aci, job: Job, rates: RateTable, pricing: PricingOptions, target_margin: Any = ...,
                  volume: Any = ...) -> PriceAnalysis: ...

def year_budget(aci: Aci, jobs: Sequence[Job], rates: RateTable, pricing: PricingOptions,
                date: _DateIn) -> YearBudget: ...
