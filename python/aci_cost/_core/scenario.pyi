# Hand-kept stubs of aci_cost._core.scenario (checked by mypy.stubtest in CTest).
import datetime
from typing import Optional

from . import _Record
from .rates import RateEntry, RateTable
from .model import Aci, Job, PricingOptions
from .training import TrainingModel
from .link import TrainingSetup

SCENARIO_FORMAT: str

class Scenario(_Record):
    aci: Aci
    jobs: list[Job]
    pricing: PricingOptions
    rates: list[RateEntry]
    training: Optional["TrainingSetup"]
    rates_known_until: Optional[datetime.date]
    rates_use_unconfirmed: bool
    def rate_table(self) -> RateTable: ...
    def training_model(self) -> "TrainingModel": ...
    def job(self, name: str) -> Job: ...
    def validate(self) -> None: ...
    def to_json(self, indent: int = ...) -> str: ...

def read_scenario(text: str) -> Scenario: ...

def default_scenario(support: str = ...) -> Scenario: ...
DEFAULT_SCENARIOS: tuple[str, ...]
