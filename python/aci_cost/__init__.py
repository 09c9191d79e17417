"""aci_cost: what a service sold by a French work-integration workshop (ACI) really costs,
and what it may be sold for.

Money is :class:`decimal.Decimal` everywhere; quantities accept ints, floats and Decimals.
Bad input raises :class:`InvalidInput` (a :class:`ValueError`) naming the field and the value.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from . import _core
from ._core import (
    SCENARIO_FORMAT,
    Aci,
    Atelier,
    AtelierYear,
    DomainError,
    Driver,
    EquipmentRate,
    EquipmentUse,
    HoursSplit,
    InsertionStatement,
    InvalidInput,
    Job,
    JobInYear,
    Line,
    Material,
    NoRateInForce,
    Price,
    PriceBounds,
    PricingOptions,
    Quote,
    RateEntry,
    RateTable,
    SalesCap,
    Scenario,
    ScenarioError,
    SocialClause,
    TrainingModel,
    TrainingQuote,
    TrainingSetup,
    TrainingSummary,
    TrainingWeek,
    StaffGroup,
    Subsidies,
    Travel,
    Warning,
    YearBudget,
    check_social_clause,
    default_scenario,
    format_fr,
    format_plain,
    general_reduction_coefficient,
    make_quote,
    make_training_quote,
    read_scenario,
    round_money,
    round_parts,
    split,
    year_budget,
)

from . import budget, sweep, training  # noqa: E402  (needs the names above)

__version__: str = _core.__version__

__all__ = [
    "SCENARIO_FORMAT", "Aci", "Atelier", "DomainError", "Driver", "EquipmentRate", "EquipmentUse",
    "HoursSplit", "InsertionStatement", "InvalidInput", "Job", "Line", "Material", "NoRateInForce",
    "Price", "PriceBounds", "PricingOptions", "Quote", "RateEntry", "RateTable", "SalesCap",
    "Scenario", "ScenarioError", "SocialClause", "StaffGroup", "Subsidies", "Travel", "Warning",
    "check_social_clause", "default_scenario", "format_fr", "format_plain",
    "general_reduction_coefficient", "load_scenario", "make_quote", "quote", "quote_all",
    "read_scenario", "round_money", "round_parts", "split", "__version__",
    "TrainingModel", "TrainingQuote", "TrainingSetup", "TrainingSummary", "TrainingWeek",
    "make_training_quote", "training_quote", "training", "sweep",
    "AtelierYear", "JobInYear", "YearBudget", "year_budget", "budget",
]


def load_scenario(path: Union[str, Path]) -> Scenario:
    """Reads a scenario file (format ``aci_cost/scenario@1``)."""
    return read_scenario(Path(path).read_text(encoding="utf-8"))


def quote(scenario: Scenario, job: Optional[str] = None, *, scalar: str = "decimal") -> Quote:
    """Quotes one job of a scenario (the first when ``job`` is None) with its rates and pricing."""
    if job is None:
        if not scenario.jobs:
            raise InvalidInput("jobs = []: the scenario has no job to quote")
        job = scenario.jobs[0].name
    return make_quote(scenario.aci, scenario.job(job), scenario.rate_table(), scenario.pricing, scalar)


def training_quote(scenario: Scenario, job: Optional[str] = None) -> TrainingQuote:
    """Quotes a job with the training obligation of its week from the scenario's training model:
    the naive quote (training as delivered that week) beside the honoured one."""
    job = job or scenario.jobs[0].name
    return make_training_quote(scenario.aci, scenario.job(job), scenario.rate_table(), scenario.pricing,
                               scenario.training_model())


def quote_all(scenario: Scenario, *, scalar: str = "decimal") -> list[Quote]:
    """Quotes every job of a scenario."""
    table = scenario.rate_table()
    return [make_quote(scenario.aci, j, table, scenario.pricing, scalar) for j in scenario.jobs]
