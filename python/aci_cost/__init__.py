"""aci_cost: what a service sold by a French work-integration workshop (ACI) really costs,
and what it may be sold for.

Money is :class:`decimal.Decimal` everywhere; quantities accept ints, floats and Decimals.
Bad input raises :class:`InvalidInput` (a :class:`ValueError`) naming the field and the value.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from . import _core
from ._core import DomainError, InvalidInput, NoRateInForce, ScenarioError
from ._core.budget import AtelierYear, JobInYear, YearBudget, year_budget
from ._core.link import TrainingQuote, TrainingSetup, TrainingWeek, make_training_quote
from ._core.model import (
    Aci, Atelier, ClauseTerms, Client, Driver, EquationUse, EquipmentRate, EquipmentUse, HoursSplit, Identity,
    Insurance, Job, Material, Output, PricingOptions, StaffGroup, Structure, Subsidies, Terms, TimeEquation, Travel,
)
from ._core.money import format_fr, format_plain, round_money, round_parts, split
from ._core.quote import (
    InsertionStatement, Line, Price, PriceBounds, Quote, SalesCap, SocialClause, UnitFigures, Warning,
    check_social_clause, make_quote,
)
from ._core.rates import RateEntry, RateTable, general_reduction_coefficient
from ._core.check import CheckReport, check_scenario
from ._core.scenario import SCENARIO_FORMAT, Scenario, default_scenario, read_scenario
from ._core.training import TrainingModel, TrainingSummary

from . import actuals, allocation, budget, calibration, sharing, sweep, training  # noqa: E402  (needs the names above)
from .frames import as_float, diff, quotes_frame  # noqa: E402
from . import dask, devis, figures, invoice  # noqa: E402  (dask and matplotlib are imported when used)
from .sheet import render_quote  # noqa: E402

__version__: str = _core.__version__

from . import export, workbook  # noqa: E402  (need __version__; pyarrow and openpyxl are imported when used)

__all__ = [
    "SCENARIO_FORMAT", "Aci", "Atelier", "DomainError", "Driver", "EquipmentRate", "EquipmentUse",
    "HoursSplit", "InsertionStatement", "InvalidInput", "Job", "Line", "Material", "NoRateInForce",
    "Price", "PriceBounds", "PricingOptions", "Quote", "RateEntry", "RateTable", "SalesCap",
    "Scenario", "ScenarioError", "SocialClause", "StaffGroup", "Subsidies", "Travel", "Warning",
    "check_social_clause", "default_scenario", "format_fr", "format_plain",
    "general_reduction_coefficient", "load_scenario", "make_quote", "quote", "quote_all",
    "read_scenario", "check_scenario", "CheckReport", "round_money", "round_parts", "split", "__version__",
    "TrainingModel", "TrainingQuote", "TrainingSetup", "TrainingSummary", "TrainingWeek",
    "make_training_quote", "training_quote", "training", "sweep",
    "AtelierYear", "JobInYear", "YearBudget", "year_budget", "budget", "Structure", "allocation", "Output",
    "UnitFigures", "TimeEquation", "EquationUse", "calibration",
    "Identity", "Insurance", "Client", "Terms", "ClauseTerms", "invoice", "render_quote", "dask", "devis", "figures",
    "sharing", "actuals", "quotes_frame", "diff", "as_float", "export", "workbook",
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
    if job is None:
        if not scenario.jobs:
            raise InvalidInput("jobs = []: the scenario has no job to quote")
        job = scenario.jobs[0].name
    model = scenario.training_model()  # InvalidInput naming "training" when the scenario has none
    setup = scenario.training
    assert setup is not None  # training_model() has refused a scenario without one
    return make_training_quote(scenario.aci, scenario.job(job), scenario.rate_table(), scenario.pricing, model,
                               setup.horizon_start())


def quote_all(scenario: Scenario, *, scalar: str = "decimal") -> list[Quote]:
    """Quotes every job of a scenario (InvalidInput when it has none: an empty quote is no answer)."""
    if not scenario.jobs:
        raise InvalidInput("jobs = []: the scenario has no job to quote")
    table = scenario.rate_table()
    return [make_quote(scenario.aci, j, table, scenario.pricing, scalar) for j in scenario.jobs]
