# Hand-kept stubs of aci_cost._core.budget (checked by mypy.stubtest in CTest).
import datetime
from decimal import Decimal
from typing import Any, ClassVar, Optional, Sequence, Union

import numpy as np
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

class YearBudget(_Record):
    date: datetime.date
    ateliers: list[AtelierYear]
    charges: list[Line]
    charges_total: Decimal
    products: list[Line]
    products_total: Decimal
    result: Decimal

def year_budget(aci: Aci, jobs: Sequence[Job], rates: RateTable, pricing: PricingOptions,
                date: _DateIn) -> YearBudget: ...
