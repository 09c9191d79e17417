"""The reference sweep of the benchmarks: 1,000,000 Monte Carlo scenarios of the 52-week
training model of the default ACI, 8 uncertain inputs, output: cost per productive hour with
the training plan honoured."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

import aci_cost

N = 1_000_000
OUTPUT = "cost_per_productive_hour_honoured"
# (input name, batch parameter name, low, high): uniform laws [est], around the default ACI.
INPUTS = [
    ("training.workforce.headcount", "headcount", 8.0, 16.0),
    ("training.workforce.contract_months", "contract_months", 6.0, 18.0),
    ("training.workforce.absence", "absence", 0.03, 0.15),
    ("training.workforce.absence_spread", "absence_spread", 0.0, 0.03),
    ("training.demand.base_hours", "demand_base_hours", 100.0, 180.0),
    ("training.demand.amplitude", "demand_amplitude", 0.1, 0.5),
    ("training.demand.productivity", "demand_productivity", 0.45, 0.75),
    ("training.plan.hours_per_week", "plan_hours_per_week", 0.5, 2.5),
]


def scenario() -> aci_cost.Scenario:
    """The default ACI with a 52-week training horizon."""
    s = aci_cost.default_scenario()
    t = s.training
    t.model.horizon = aci_cost._core.training.Horizon(weeks=52, start_week=1, weeks_in_start_year=52)
    s.training = t
    return s


def spec(n: int = N, seed: int = 2026) -> dict:
    return {"format": aci_cost.sweep.SWEEP_FORMAT, "model": "training",
            "inputs": [{"name": name, "distribution": {"kind": "uniform", "low": lo, "high": hi}}
                       for name, _, lo, hi in INPUTS],
            "design": {"kind": "monte_carlo", "n": n, "seed": seed}, "outputs": [OUTPUT]}


def numpy_model(model, values: dict, n: int) -> np.ndarray:
    """The independent NumPy implementation (tests/python/reference/training_reference.py) on
    given input values."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "python" / "reference"))
    import training_reference

    return training_reference.simulate(model, values, n)[OUTPUT]
