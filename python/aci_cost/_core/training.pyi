# Hand-kept stubs of aci_cost._core.training (checked by mypy.stubtest in CTest).
import numpy as np
from . import _Record
from .._types import OutputRow, TrainingInputRow

class Contract(_Record):
    start_week: int
    end_week: int

class Session(_Record):
    week: int
    hours: float

class Horizon(_Record):
    weeks: int
    start_week: int
    weeks_in_start_year: int

class Workforce(_Record):
    mode: str
    contracts: list[Contract]
    leave_hours: list[float]
    closed_weeks: list[int]
    headcount: float
    contract_months: float
    weekly_hours: float
    absence: float
    absence_spread: float
    accompaniment: float
    travel_share: float

class Demand(_Record):
    mode: str
    hours: list[float]
    seasonal_shape: list[float]
    base_hours: float
    amplitude: float
    variation: float
    productivity: float

class TrainingPlan(_Record):
    sessions: list[Session]
    delivery: str
    hours_per_week: float
    trainees_per_supervisor: float

class Deferral(_Record):
    policy: str
    fixed_weeks: list[int]
    protected_share: float
    load_threshold: float
    catch_up_share: float
    initial_backlog: float

class TrainingCosts(_Record):
    cost_per_paid_hour: float
    supervisor_cost_per_hour: float
    external_cost_per_hour: float

class TrainingModel(_Record):
    horizon: Horizon
    workforce: Workforce
    demand: Demand
    plan: TrainingPlan
    deferral: Deferral
    costs: TrainingCosts
    seed: int
    def validate(self) -> None: ...
    def to_json(self) -> str: ...

def training_input_table() -> list[TrainingInputRow]: ...
def training_output_table() -> list[OutputRow]: ...

class TrainingSummary(_Record):
    paid_hours: float
    capacity_hours: float
    demand_hours: float
    production_hours: float
    unmet_demand_hours: float
    idle_hours: float
    planned_hours: float
    initial_backlog_hours: float
    on_plan_hours: float
    deferred_hours: float
    caught_up_hours: float
    lost_hours: float
    final_backlog_hours: float
    delivered_share: float
    supervisor_hours: float
    wage_cost: float
    training_cost_actual: float
    training_cost_honoured: float
    productive_hours_honoured: float
    cost_per_productive_hour_actual: float
    cost_per_productive_hour_honoured: float
    training_debt: float

TRAINING_BATCH_PARAMETERS: tuple[str, ...]

def simulate_training(model: TrainingModel, scenario: int = ...) -> tuple[dict[str, np.ndarray], TrainingSummary]: ...
def training_kernel() -> str: ...
def simulate_training_batch(base: TrainingModel, params: dict[str, np.ndarray], scenarios: int) -> dict[str, np.ndarray]: ...
