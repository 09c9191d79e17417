# Hand-kept stubs of the compiled module aci_cost._core.
import datetime
from decimal import Decimal
from typing import Any, ClassVar, Optional, Sequence, Union, type_check_only

_Number = Union[int, float, Decimal, str]
_MoneyIn = Union[int, Decimal, str]  # never float
_DateIn = Union[datetime.date, str]

__version__: str
SCENARIO_FORMAT: str

class InvalidInput(ValueError): ...
class NoRateInForce(InvalidInput): ...
class ScenarioError(InvalidInput): ...
class DomainError(ValueError): ...

def round_money(amount: _MoneyIn, mode: str = ..., places: int = ...) -> Decimal: ...
def split(total: _MoneyIn, weights: Sequence[_Number]) -> list[Decimal]: ...
def round_parts(parts: Sequence[_Number], mode: str = ...) -> tuple[list[Decimal], Decimal]: ...
def format_fr(amount: _MoneyIn) -> str: ...
def format_plain(amount: _MoneyIn) -> str: ...
def general_reduction_coefficient(annual_gross: _MoneyIn, annual_smic: _MoneyIn, tmin: _Number = ...,
                                  tdelta: _Number = ...) -> Decimal: ...

@type_check_only
class _RecordType(type): ...  # pybind11's metaclass

@type_check_only
class _Record(metaclass=_RecordType):
    _fields: ClassVar[tuple[str, ...]]
    def __init__(self, **fields: Any) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Any: ...
    def __deepcopy__(self, memo: dict[Any, Any]) -> Any: ...

class RateEntry(_Record):
    rate: str
    effective: datetime.date
    value: Decimal
    unit: str
    source: str
    tag: str
    note: str
    next_review: Optional[datetime.date]

class RateTable(metaclass=_RecordType):
    def __init__(self) -> None: ...
    @staticmethod
    def france() -> RateTable: ...
    def set(self, entry: RateEntry) -> None: ...
    def in_force(self, rate: str, date: _DateIn) -> RateEntry: ...
    @property
    def entries(self) -> list[RateEntry]: ...

class HoursSplit(_Record):
    training: Decimal
    accompaniment: Decimal
    meetings: Decimal
    leave: Decimal
    bank_holidays: Decimal
    absence: Decimal
    @property
    def production(self) -> Decimal: ...
    def validate(self) -> None: ...

class StaffGroup(_Record):
    name: str
    role: str
    headcount: Decimal
    weekly_hours: Decimal
    pay_basis: str
    pay: Decimal
    contribution_mode: str
    employer_rate: Decimal
    per_head_annual_cost: Decimal
    hours: HoursSplit
    unpaid_absence: Decimal
    hours_derogation: bool
    def validate(self) -> None: ...

class EquipmentRate(_Record):
    name: str
    hourly_rate: Decimal
    annual_hours: Decimal

class Subsidies(_Record):
    aide_au_poste: bool
    aid_modulation_share: Decimal
    rsa_fte: Decimal
    departement_grants_annual: Decimal
    region_annual: Decimal
    fse_plus_annual: Decimal
    opco_annual: Decimal
    other_grants_annual: Decimal

class Atelier(_Record):
    name: str
    support: str
    staff: list[StaffGroup]
    annual_overheads: Decimal
    annual_other_charges: Decimal
    equipment: list[EquipmentRate]
    vehicle_cost_per_km: Decimal
    annual_vehicle_km: Decimal
    occupancy: Decimal
    subsidies: Subsidies
    annual_sales: Decimal
    sales_cap_share: Decimal
    default_productivity: Decimal
    market_hourly_price: Decimal
    market_floor_hourly_price: Decimal
    ordinary_hourly_cost: Decimal
    ordinary_supervision_ratio: Decimal

class Aci(_Record):
    name: str
    large_employer: bool
    tax_status: str
    custom_supports: list[str]
    ateliers: list[Atelier]
    def validate(self) -> None: ...

class Driver(_Record):
    name: str
    quantity: Decimal
    hours_per_unit: Decimal

class Material(_Record):
    name: str
    amount: Decimal

class EquipmentUse(_Record):
    name: str
    hours: Decimal

class Travel(_Record):
    trips: Decimal
    km_per_trip: Decimal
    hours_per_trip: Decimal

class Job(_Record):
    name: str
    client: str
    atelier: str
    date: datetime.date
    standard_hours: Decimal
    drivers: list[Driver]
    productivity: Optional[Decimal]
    crew_size: Decimal
    supervisors: Decimal
    travel: Travel
    materials: list[Material]
    equipment: list[EquipmentUse]
    vat_kind: str
    vat_rate: Optional[Decimal]
    adds_paid_hours: bool
    @property
    def total_standard_hours(self) -> Decimal: ...
    def validate(self) -> None: ...

class PricingOptions(_Record):
    policy: str
    margin: Decimal
    site_costs: Decimal
    overheads: Decimal
    profit: Decimal
    k_decimals: int
    rounding: str
    @property
    def coefficient_k(self) -> Decimal: ...
    def validate(self) -> None: ...

class Scenario(_Record):
    aci: Aci
    jobs: list[Job]
    pricing: PricingOptions
    rates: list[RateEntry]
    training: Optional["TrainingSetup"]
    def rate_table(self) -> RateTable: ...
    def training_model(self) -> "TrainingModel": ...
    def job(self, name: str) -> Job: ...
    def validate(self) -> None: ...
    def to_json(self, indent: int = ...) -> str: ...

def read_scenario(text: str) -> Scenario: ...
def default_scenario() -> Scenario: ...

class Line(_Record):
    key: str
    amount: Decimal

class Price(_Record):
    policy: str
    coefficient_k: Decimal
    ht: Decimal
    vat_rate: Decimal
    vat: Decimal
    ttc: Decimal
    vat_exempt: bool
    vat_mention: str

class PriceBounds(_Record):
    market_floor: Decimal
    market_price: Decimal
    full_cost: Decimal
    net_cost: Decimal

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
    net_cost: Decimal
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

class SocialClause(_Record):
    required_hours: Decimal
    delivered_hours: Decimal
    covered: bool

def check_social_clause(contract_amount: _MoneyIn, labour_share: _Number, insertion_rate: _Number,
                        hourly_cost: _MoneyIn, delivered_hours: _Number = ...) -> SocialClause: ...

# ---- training model -------------------------------------------------------------------------
import numpy as np

class Cancelled(RuntimeError): ...

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

def training_input_table() -> list[dict[str, Any]]: ...
def training_output_table() -> list[dict[str, Any]]: ...

class TrainingSetup(_Record):
    atelier: str
    date: datetime.date
    derive_from_atelier: bool
    model: TrainingModel

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
    week: TrainingWeek
    difference: Decimal

def make_training_quote(aci: Aci, job: Job, rates: RateTable, pricing: PricingOptions,
                        model: TrainingModel) -> TrainingQuote: ...

# ---- sweeps -----------------------------------------------------------------------------------
SWEEP_FORMAT: str

def sweep_inputs(scenario: Scenario, model: str = ...) -> list[tuple[str, float, float, bool, bool, str, str, str]]: ...
def sweep_outputs(scenario: Scenario, model: str = ...) -> list[str]: ...
def check_sweep_spec(spec: str) -> str: ...
def summarize(values: np.ndarray, quantiles: Sequence[float] = ...) -> dict[str, Any]: ...
def merge_summaries(states: Sequence[bytes], quantiles: Sequence[float] = ...) -> dict[str, Any]: ...
def run_sweep(scenario: Scenario, spec: str, threads: int = ..., chunk: int = ..., begin: int = ...,
              end: Optional[int] = ..., quantiles: Sequence[float] = ..., progress: Any = ...,
              model: Any = ...) -> dict[str, Any]: ...
@type_check_only
class _Result(metaclass=_RecordType):  # results: read-only, made by the library only
    def __init__(self, *args: Any, **kwargs: Any) -> None: ...

class SobolIndices(_Result):
    @property
    def S1(self) -> list[float]: ...
    @property
    def ST(self) -> list[float]: ...
    @property
    def S1_low(self) -> list[float]: ...
    @property
    def S1_high(self) -> list[float]: ...
    @property
    def ST_low(self) -> list[float]: ...
    @property
    def ST_high(self) -> list[float]: ...
    @property
    def mean(self) -> float: ...
    @property
    def variance(self) -> float: ...
    @property
    def rows_used(self) -> int: ...
    @property
    def rows_dropped(self) -> int: ...

class SobolOutput(_Result):
    @property
    def output(self) -> str: ...
    @property
    def indices(self) -> SobolIndices: ...
    @property
    def values(self) -> np.ndarray: ...

class SobolStudy(_Result):
    @property
    def labels(self) -> list[str]: ...
    @property
    def outputs(self) -> list[SobolOutput]: ...
    @property
    def unit_points(self) -> np.ndarray: ...
    @property
    def rows(self) -> int: ...
    @property
    def fingerprint(self) -> int: ...
    @property
    def block_size(self) -> int: ...

class MorrisIndices(_Result):
    @property
    def mu(self) -> list[float]: ...
    @property
    def mu_star(self) -> list[float]: ...
    @property
    def sigma(self) -> list[float]: ...

class MorrisOutput(_Result):
    @property
    def output(self) -> str: ...
    @property
    def indices(self) -> MorrisIndices: ...

class MorrisStudy(_Result):
    @property
    def inputs(self) -> list[str]: ...
    @property
    def outputs(self) -> list[MorrisOutput]: ...

class TornadoBar(_Result):
    @property
    def input(self) -> int: ...
    @property
    def low_delta(self) -> float: ...
    @property
    def high_delta(self) -> float: ...
    @property
    def swing(self) -> float: ...

class TornadoOutput(_Result):
    @property
    def output(self) -> str: ...
    @property
    def base(self) -> float: ...
    @property
    def bars(self) -> list[TornadoBar]: ...

class TornadoStudy(_Result):
    @property
    def inputs(self) -> list[str]: ...
    @property
    def outputs(self) -> list[TornadoOutput]: ...

def sobol_sweep(scenario: Scenario, spec: str, n: int, seed: int, groups: Sequence[int] = ..., level: float = ...,
                resamples: int = ..., bootstrap_seed: int = ..., nan_policy: str = ..., salib_conventions: bool = ...,
                threads: int = ..., chunk: int = ..., noise: bool = ..., replications: int = ...,
                model: Any = ...) -> SobolStudy: ...
def saltelli_points(k: int, n: int, seed: int, groups: Sequence[int] = ...) -> np.ndarray: ...
def tornado_sweep(scenario: Scenario, spec: str, replications: int = ..., threads: int = ...,
                  model: Any = ...) -> TornadoStudy: ...
def analyze_sobol_outputs(k: int, n: int, seed: int, groups: Sequence[int], y: Sequence[float], level: float = ...,
                          resamples: int = ..., bootstrap_seed: int = ..., salib_conventions: bool = ...,
                          threads: int = ...) -> SobolIndices: ...
def morris_sweep(scenario: Scenario, spec: str, trajectories: int = ..., levels: int = ..., seed: int = ...,
                 threads: int = ..., replications: int = ..., model: Any = ...) -> MorrisStudy: ...
