"""Figures (matplotlib) of quotes, training years, sweeps and sensitivity studies; each function
draws on ``ax`` (a new figure when None) and returns the Axes.

Money reaches the figures through an explicit ``float()``: a figure is a picture, the amounts
stay Decimal everywhere else.

>>> ax = aci_cost.figures.quote_waterfall(aci_cost.quote(s, "park_maintenance"))
>>> ax.figure.savefig("quote.png")
"""
from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["quote_waterfall", "training_year", "sweep_histogram", "sweep_heatmap", "tornado", "sobol_indices",
           "allocation_flows", "sharing_splits"]


def _axes(ax: Any, size: tuple[float, float] = (8, 4.5)) -> Any:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    # A constrained layout keeps the titles, labels and legends inside the saved figure.
    _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _label(key: str) -> str:
    return key.replace("_", " ")


def quote_waterfall(q: Any, ax: Any = None) -> Any:
    """The quote as a waterfall: each cost line stacked up to the full cost, each subsidy taken
    off down to the net cost, with the market floor and the price HT as horizontal lines.

    Bars are in order: the cost lines, "full cost", the subsidies (drawn downwards), "net cost";
    a step bar spans [before, after] of its running total, a total bar [0, total]."""
    ax = _axes(ax, (max(8.0, 0.7 * (len(q.cost_lines) + len(q.subsidies) + 2)), 5))
    labels: list[str] = []
    bottoms: list[float] = []
    heights: list[float] = []
    colours: list[str] = []

    def bar(label: str, bottom: float, height: float, colour: str) -> None:
        labels.append(label)
        bottoms.append(bottom)
        heights.append(height)
        colours.append(colour)

    total = 0.0
    for line in q.cost_lines:
        v = float(line.amount)
        bar(_label(line.key), total, v, "tab:red")
        total += v
    bar("full cost", 0.0, float(q.full_cost), "tab:gray")
    total = float(q.full_cost)
    for line in q.subsidies:
        v = float(line.amount)
        bar(_label(line.key), total - v, v, "tab:green")
        total -= v
    bar("net cost", 0.0, float(q.net_cost), "tab:blue")
    x = np.arange(len(labels))
    ax.bar(x, heights, bottom=bottoms, color=colours, edgecolor="black", linewidth=0.5)
    ax.axhline(float(q.bounds.market_floor), color="tab:orange", linestyle="--", label="market floor")
    ax.axhline(float(q.price.ht), color="black", linestyle="-", label="price HT")
    ax.set_xticks(x, labels, rotation=45, ha="right")
    ax.set_ylabel("€")
    ax.set_title(f"Quote of {q.job}: full cost, subsidies, net cost and price")
    ax.legend(loc="upper right")
    return ax


def training_year(run: Any, ax: Any = None) -> Any:
    """The training year (``aci_cost.training.plot_year``): demand, capacity and production on
    ``ax``, training planned and delivered, backlog and lost hours on a second Axes. Returns the
    first Axes."""
    from .training import plot_year

    return plot_year(run, ax=ax)


def sweep_histogram(run: Any, output: str, ax: Any = None, bins: int = 50) -> Any:
    """The distribution of one output of a sweep (full mode), with its mean and its 5 % and 95 %
    quantiles (from the run's exact summary) as vertical lines."""
    if output not in run.outputs:
        raise ValueError(f"output = {output!r}: not an output of this run (outputs: {', '.join(run.outputs)})")
    ax = _axes(ax)
    values = run.outputs[output].to_numpy()
    ax.hist(values[np.isfinite(values)], bins=bins, color="tab:blue", alpha=0.8)
    row = run.summary.loc[output]
    ax.axvline(row["mean"], color="black", label="mean")
    for q, style in (("q0.05", ":"), ("q0.95", ":")):
        if q in row:
            ax.axvline(row[q], color="tab:red", linestyle=style, label=q.replace("q", "quantile "))
    ax.set_xlabel(_label(output))
    ax.set_ylabel("scenarios")
    ax.set_title(f"{_label(output)} over {len(values)} scenarios")
    ax.legend()
    return ax


def sweep_heatmap(run: Any, x: str, y: str, output: str, ax: Any = None, bins: int = 20) -> Any:
    """A 2-D heat map: the mean of ``output`` over a ``bins`` x ``bins`` grid of inputs ``x`` and
    ``y`` (empty cells blank), with a colour bar. The image's array is the grid of means."""
    for name, frame in ((x, run.inputs), (y, run.inputs), (output, run.outputs)):
        if name not in frame:
            raise ValueError(f"{name!r}: not a column of this run ({', '.join(list(run.inputs) + list(run.outputs))})")
    ax = _axes(ax, (7, 5.5))
    xs, ys, zs = (run.inputs[x].to_numpy(), run.inputs[y].to_numpy(), run.outputs[output].to_numpy())
    xe = np.linspace(xs.min(), xs.max(), bins + 1)
    ye = np.linspace(ys.min(), ys.max(), bins + 1)
    sums, _, _ = np.histogram2d(xs, ys, bins=(xe, ye), weights=zs)
    counts, _, _ = np.histogram2d(xs, ys, bins=(xe, ye))
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / counts, np.nan)
    image = ax.imshow(means.T, origin="lower", aspect="auto", extent=(xe[0], xe[-1], ye[0], ye[-1]), cmap="viridis")
    ax.figure.colorbar(image, ax=ax, label=f"mean {_label(output)}")
    ax.set_xlabel(_label(x))
    ax.set_ylabel(_label(y))
    ax.set_title(f"{_label(output)} by {_label(x)} and {_label(y)}")
    return ax


def tornado(result: Any, output: str, ax: Any = None) -> Any:
    """A tornado chart of one output of ``aci_cost.sweep.tornado``: per input (largest swing on
    top), a bar from the base to the output with the input low, another to the output with it
    high (changes from the base value)."""
    frame = result[output]
    ax = _axes(ax, (8, 0.5 * len(frame) + 1.5))
    order = frame.iloc[::-1]  # largest swing last: drawn on top
    y = np.arange(len(order))
    ax.barh(y, order["low"], color="tab:blue", label="input low")
    ax.barh(y, order["high"], color="tab:red", label="input high")
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, list(order.index))
    ax.set_xlabel(f"change of {_label(output)} from the base")
    ax.set_title(f"Tornado: {_label(output)}")
    ax.legend()
    return ax


def sobol_indices(result: Any, output: str, ax: Any = None) -> Any:
    """First-order (S1) and total (ST) Sobol' indices of one output with their bootstrap
    intervals as error bars (``aci_cost.sweep.sobol``'s result)."""
    frame = result.indices[output]
    ax = _axes(ax, (max(6.0, 1.2 * len(frame)), 4.5))
    x = np.arange(len(frame))
    w = 0.38
    for k, (key, colour) in enumerate((("S1", "tab:blue"), ("ST", "tab:orange"))):
        values = frame[key].to_numpy()
        errors = np.vstack([values - frame[f"{key}_low"].to_numpy(), frame[f"{key}_high"].to_numpy() - values])
        ax.bar(x + (k - 0.5) * w, values, w, yerr=np.abs(errors), capsize=3, color=colour, label=key)
    ax.set_xticks(x, list(frame.index), rotation=20, ha="right")
    ax.set_ylabel("share of the variance")
    ax.set_title(f"Sobol' indices of {_label(output)}")
    ax.legend()
    return ax


def allocation_flows(a: Any, ax: Any = None) -> Any:
    """The structure allocated to the main centres (``aci_cost.allocation.plot_flows``)."""
    from .allocation import plot_flows

    return plot_flows(a, ax=ax)


def sharing_splits(run: Any, ax: Any = None) -> Any:
    """The split of shared posts: each member's stand-alone cost and share under every split
    (``aci_cost.sharing.SharingRun.plot``). Returns the Axes."""
    return run.plot(ax=ax)
