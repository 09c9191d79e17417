"""The weekly training model from Python: runs as pandas DataFrames, batches as numpy arrays,
and the figure of the year."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Optional, Union

import numpy as np
import pandas as pd

from . import _core
from ._core.scenario import Scenario
from ._core.training import TrainingModel, TrainingSummary

__all__ = ["TrainingRun", "simulate", "simulate_batch", "training_model", "plot_year", "BATCH_PARAMETERS"]

BATCH_PARAMETERS: tuple[str, ...] = _core.training.TRAINING_BATCH_PARAMETERS


@dataclass(frozen=True)
class TrainingRun:
    """One run: ``weeks`` (a DataFrame indexed by horizon week) and ``summary``."""

    weeks: pd.DataFrame
    summary: TrainingSummary

    def plot(self, ax: Any = None) -> Any:
        """The year in one figure; see :func:`plot_year`. Returns the first Axes (``.figure`` saves it)."""
        return plot_year(self, ax=ax)


def training_model(source: Union[Scenario, TrainingModel]) -> TrainingModel:
    """The model of a scenario (atelier fields derived), or the model itself."""
    return source.training_model() if isinstance(source, Scenario) else source


def simulate(source: Union[Scenario, TrainingModel], scenario: int = 0) -> TrainingRun:
    """Simulates the training model of a scenario (or a model); ``scenario`` selects the draws."""
    weeks, summary = _core.training.simulate_training(training_model(source), scenario)
    frame = pd.DataFrame(weeks)
    frame.index.name = "week"
    return TrainingRun(frame, summary)


def simulate_batch(source: Union[Scenario, TrainingModel], params: Mapping[str, np.ndarray],
                   scenarios: Optional[int] = None) -> pd.DataFrame:
    """N scenarios of a model whose parameters vary (name -> array of N values); one row each.

    Scenario ``i`` equals ``simulate(model with row i's parameters, scenario=i)``.
    """
    arrays = {k: np.ascontiguousarray(v, dtype=np.float64) for k, v in params.items()}
    if scenarios is None:
        sizes = {len(v) for v in arrays.values()}
        if len(sizes) != 1:
            raise ValueError(f"simulate_batch: parameter arrays have different lengths {sorted(sizes)}; "
                             "give scenarios= explicitly")
        scenarios = sizes.pop()
    out = _core.training.simulate_training_batch(training_model(source), arrays, scenarios)
    return pd.DataFrame(out)


def plot_year(run: TrainingRun, ax: Any = None) -> Any:
    """Demand, production, training delivered vs planned and the backlog, week by week. Returns
    the first Axes, as every plot of the package does (``ax.figure.savefig(...)``)."""
    import matplotlib.pyplot as plt

    w = run.weeks
    if ax is None:
        _, (ax, ax2) = plt.subplots(2, 1, figsize=(10, 7), sharex=True, layout="constrained")
    else:
        ax2 = ax.twinx()
    ax.plot(w.index, w["demand"], label="demand (employee h)", color="tab:red")
    ax.plot(w.index, w["capacity"], label="capacity", color="tab:gray", linestyle="--")
    ax.plot(w.index, w["production"], label="production", color="tab:blue")
    ax.set_ylabel("hours / week")
    ax.legend(loc="upper left")
    ax.set_title("Production pressure and training")
    delivered = w["training_on_plan"] + w["training_caught_up"]
    ax2.bar(w.index, w["training_planned"], color="tab:green", alpha=0.3, label="training planned")
    ax2.bar(w.index, delivered, color="tab:green", label="training delivered")
    ax2.plot(w.index, w["backlog"], color="black", label="backlog (h owed)")
    ax2.plot(w.index, w["training_lost"].cumsum(), color="tab:purple", linestyle=":", label="lost (cumulative)")
    ax2.set_xlabel("week of the horizon")
    ax2.set_ylabel("training hours")
    ax2.legend(loc="upper left")
    return ax
