# Hand-kept stubs of aci_cost._core.model (checked by mypy.stubtest in CTest).
import datetime
from decimal import Decimal
from typing import Optional

from . import _Record
from .allocation import Centre, Charge, CostDriver, Service, Term

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
    ccn_class: str
    pay_below_minimum_accepted: bool
    health_cover_monthly: Decimal
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
    time_equations: list[TimeEquation]
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
    pricing: Optional[PricingOptions]

class Structure(_Record):
    method: str
    centres: list[Centre]
    charges: list[Charge]
    drivers: list[CostDriver]
    services: list[Service]
    step_order: list[str]
    def empty(self) -> bool: ...

class Insurance(_Record):
    kind: str
    insurer: str
    address: str
    policy: str
    coverage: str
    def empty(self) -> bool: ...

class Identity(_Record):
    siret: str
    legal_form: str
    address: str
    email: str
    phone: str
    vat_number: str
    iban: str
    bic: str
    insurance: Insurance
    def empty(self) -> bool: ...

class Client(_Record):
    name: str
    kind: str
    address: str
    siret: str
    vat_number: str
    service_code: str
    engagement_number: str
    email: str

class Aci(_Record):
    name: str
    large_employer: bool
    tax_status: str
    custom_supports: list[str]
    ateliers: list[Atelier]
    structure: Structure
    identity: Identity
    statutory_auditor_fee: Decimal
    clients: list[Client]
    def validate(self) -> None: ...
    def client(self, name: str) -> Optional[Client]: ...

class Driver(_Record):
    name: str
    quantity: Decimal
    hours_per_unit: Decimal
    label: str
    unit: str

class Material(_Record):
    name: str
    amount: Decimal
    label: str

class EquipmentUse(_Record):
    name: str
    hours: Decimal

class Travel(_Record):
    trips: Decimal
    km_per_trip: Decimal
    hours_per_trip: Decimal

class TimeEquation(_Record):
    name: str
    constant: Decimal
    terms: list[Term]
    source: str

class EquationUse(_Record):
    equation: str
    count: Decimal
    drivers: dict[str, Decimal]

class Terms(_Record):
    validity_days: int
    start_after_days: int
    duration_days: int
    payment_days: int
    payment_method: str

class ClauseTerms(_Record):
    contract: str
    contract_amount: Decimal
    labour_share: Decimal
    insertion_rate: Decimal
    hourly_cost: Decimal

class Output(_Record):
    kind: str
    unit: str
    quantity: Decimal
    loss_share: Decimal
    market_unit_price: Optional[Decimal]
    market_floor_unit_price: Optional[Decimal]
    support_per_unit: Decimal
    recovered_share: Decimal
    label: str
    unit_label: str

class Job(_Record):
    name: str
    client: str
    atelier: str
    date: datetime.date
    standard_hours: Decimal
    drivers: list[Driver]
    work: list[EquationUse]
    productivity: Optional[Decimal]
    crew_size: Decimal
    supervisors: Decimal
    travel: Travel
    materials: list[Material]
    equipment: list[EquipmentUse]
    vat_kind: str
    vat_rate: Optional[Decimal]
    adds_paid_hours: bool
    output: Output
    pricing: Optional[PricingOptions]
    vat_certification: bool
    title: str
    terms: Terms
    social_clause: Optional[ClauseTerms]
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
    reasonable_profit: Decimal
    @property
    def coefficient_k(self) -> Decimal: ...
    def validate(self) -> None: ...
