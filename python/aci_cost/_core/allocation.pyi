# Hand-kept stubs of aci_cost._core.allocation (checked by mypy.stubtest in CTest).
from decimal import Decimal
from typing import Union

from . import _Record
from .._types import AllocationInputRow, AllocationOutputRow

_Number = Union[Decimal, int, float, str]

class Centre(_Record):
    name: str
    kind: str
    work_unit: str
    work_units: Decimal

class CostDriver(_Record):
    name: str
    unit: str
    quantities: dict[str, Decimal]

class Charge(_Record):
    name: str
    amount: Decimal
    key: dict[str, Decimal]
    driver: str

class Service(_Record):
    source: str
    to: dict[str, Decimal]

class Network(_Record):
    centres: list[Centre]
    charges: list[Charge]
    drivers: list[CostDriver]
    services: list[Service]
    step_order: list[str]
    def to_json(self, method: str = ..., indent: int = ...) -> str: ...

class Allocation(_Record):
    method: str
    centres: list[str]
    kinds: list[str]
    work_units: list[str]
    charges: list[str]
    primary: list[list[Decimal]]
    primary_totals: list[Decimal]
    flows: list[list[Decimal]]
    handed_on: list[Decimal]
    reciprocal_costs: list[Decimal]
    totals: list[Decimal]
    cost_per_unit: list[Decimal]
    total_charges: Decimal

def allocation_input_table() -> list[AllocationInputRow]: ...
def allocation_output_table() -> list[AllocationOutputRow]: ...
def allocate(network: Network, method: str = ..., rounding: str = ...) -> Allocation: ...
def read_network(text: str) -> tuple[Network, str]: ...

class ResourcePool(_Record):
    name: str
    cost: Decimal
    hours: Decimal
    productive_share: Decimal

class Term(_Record):
    driver: str
    coefficient: Decimal

class Activity(_Record):
    name: str
    pool: str
    constant: Decimal
    terms: list[Term]

class JobLine(_Record):
    activity: str
    count: Decimal
    drivers: dict[str, Decimal]

class TimeDrivenJob(_Record):
    name: str
    lines: list[JobLine]

class TimeDrivenModel(_Record):
    time_unit: str
    pools: list[ResourcePool]
    activities: list[Activity]
    jobs: list[TimeDrivenJob]
    load_unused: bool
    def to_json(self, indent: int = ...) -> str: ...

class PoolAccount(_Record):
    name: str
    cost: Decimal
    capacity: Decimal
    rate: Decimal
    used: Decimal
    unused: Decimal
    used_cost: Decimal
    unused_cost: Decimal

class JobAccount(_Record):
    name: str
    time: list[Decimal]
    cost: list[Decimal]
    total: Decimal

class TimeDrivenResult(_Record):
    time_unit: str
    pools: list[PoolAccount]
    jobs: list[JobAccount]
    unused_cost: Decimal

def time_driven(model: TimeDrivenModel, rounding: str = ...) -> TimeDrivenResult: ...
def read_time_driven(text: str) -> TimeDrivenModel: ...
