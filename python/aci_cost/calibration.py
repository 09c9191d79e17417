"""Time equations learned from past jobs: least squares of the actual standard hours on the
jobs' drivers (a constant plus one coefficient per driver; indicator drivers are 0/1 columns),
with standard errors, R² and prediction intervals. pandas in, pandas out; the fit plugs into an
atelier as a :class:`aci_cost.TimeEquation`.

>>> fit = aci_cost.calibration.fit(past_jobs, drivers=["kg", "ironed"], hours="hours")
>>> fit.frame()                                   # coefficient, standard error per term
>>> fit.predict(new_jobs)                         # hours, lower, upper (95 %)
>>> atelier.time_equations = [fit.equation("batch")]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import numpy as np
import pandas as pd

from ._core import InvalidInput
from ._core.calibration import Fit, fit_time_equation
from ._core.model import TimeEquation

__all__ = ["Calibration", "Fit", "fit", "fit_time_equation"]


@dataclass(frozen=True)
class Calibration:
    """A fitted time equation with its table and predictions as DataFrames."""

    result: Fit
    # The data it was fitted on (drivers, the driver matrix, the hours): a Calibration pickles as
    # that data and is fitted again on loading, to the same bits (a deterministic least squares).
    # None for a Calibration built by hand, which then refuses to pickle.
    data: Optional[tuple[list[str], np.ndarray, list[float]]] = field(default=None, repr=False, compare=False)

    def __reduce__(self) -> tuple[Any, ...]:
        if self.data is None:
            raise TypeError("Calibration built without its data cannot pickle: get it from aci_cost.calibration.fit")
        return (_fit_again, self.data)

    def frame(self) -> pd.DataFrame:
        """One row per term ("constant", then the drivers): coefficient and standard error."""
        r = self.result
        return pd.DataFrame({"coefficient": r.coefficients, "standard_error": r.standard_errors},
                            index=pd.Index(["constant", *r.drivers], name="term"))

    @property
    def r2(self) -> float:
        return self.result.r2

    @property
    def sigma(self) -> float:
        return self.result.sigma

    def predict(self, jobs: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
        """Predicted hours of each job (a row of driver values) and its prediction interval."""
        missing = [d for d in self.result.drivers if d not in jobs.columns]
        if missing:
            raise InvalidInput(f"calibration.predict.drivers = {missing}: columns missing from the jobs")
        rows = [self.result.predict([float(v) for v in row], level)
                for row in jobs[self.result.drivers].to_numpy(dtype=float)]
        return pd.DataFrame(rows, columns=["hours", "lower", "upper"], index=jobs.index)

    def equation(self, name: str, decimals: Optional[int] = None) -> TimeEquation:
        """The fit as an atelier's time equation: each coefficient at full precision (the shortest
        decimal that reads back as the fitted value), or rounded to ``decimals`` when given."""
        return self.result.equation(name, decimals)


def fit(jobs: pd.DataFrame, drivers: Sequence[str], hours: str = "hours") -> Calibration:
    """Fits ``hours = constant + Σ coefficient x driver`` on the past ``jobs`` (one row per job).
    ValueError naming the field for missing columns, too few jobs or collinear drivers."""
    missing = [c for c in [*drivers, hours] if c not in jobs.columns]
    if missing:
        raise InvalidInput(f"calibration.jobs = columns {list(jobs.columns)}: missing {missing}")
    x = jobs[list(drivers)].to_numpy(dtype=float)
    y = jobs[hours].to_numpy(dtype=float)
    data = (list(drivers), np.ascontiguousarray(x), list(y))
    return Calibration(fit_time_equation(*data), data=data)


def _fit_again(drivers: list[str], x: np.ndarray, y: list[float]) -> Calibration:
    """Loads a pickled Calibration: the same fit of the same data."""
    return Calibration(fit_time_equation(drivers, x, y), data=(drivers, x, y))
