# Hand-kept stubs of aci_cost._core.link (checked by mypy.stubtest in CTest).
import datetime
from decimal import Decimal

from . import _DateIn, _Record
from .rates import RateTable
from .model import Aci, Job, PricingOptions
from .quote import Quote
from .training import TrainingModel

class TrainingSetup(_Record):
    atelier: str
    date: datetime.date
    derive_from_atelier: bool
    model: TrainingModel
    def horizon_start(self) -> datetime.date: ...

class TrainingWeek(_Record):
    horizon_week: int
    iso_week: int
    planned_hours: float
    delivered_hours: float
    production_hours: float
    cost_per_training_hour: float
    honoured_rate: float
    naive_rate: float

class TrainingQuote(_Record):
    naive: Quote
    honoured: Quote
    ordinary: Quote
    week: TrainingWeek
    difference: Decimal
    explanation: str

def make_training_quote(aci: Aci, job: Job, rates: RateTable, pricing: PricingOptions,
                        model: TrainingModel, horizon_start: _DateIn) -> TrainingQuote: ...
