"""The figures: what they draw (bars, lines, labels, values), checked against the library's
exact results, not only that they draw."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import aci_cost  # noqa: E402
from aci_cost import figures  # noqa: E402

SPEC = {"model": "training", "design": {"kind": "latin_hypercube", "n": 400, "seed": 5},
        "inputs": [{"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 110, "high": 170}},
                   {"name": "training.workforce.absence", "distribution": {"kind": "uniform", "low": 0.03, "high": 0.15}}],
        "outputs": ["training_debt", "delivered_share"]}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_quote_waterfall(scenario):
    q = aci_cost.quote(scenario, "park_maintenance")
    ax = figures.quote_waterfall(q)
    bars = ax.patches
    n = len(q.cost_lines)
    assert len(bars) == n + 1 + len(q.subsidies) + 1
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[:n] == [line.key.replace("_", " ") for line in q.cost_lines]
    assert labels[n] == "full cost" and labels[-1] == "net cost"
    # Each cost bar starts where the previous one ended; the full-cost bar is their sum.
    running = 0.0
    for bar, line in zip(bars[:n], q.cost_lines):
        assert bar.get_y() == pytest.approx(running) and bar.get_height() == pytest.approx(float(line.amount))
        running += float(line.amount)
    assert bars[n].get_y() == 0 and bars[n].get_height() == pytest.approx(float(q.full_cost))
    assert running == pytest.approx(float(q.full_cost))
    # Subsidies step down from the full cost to the net cost.
    top = float(q.full_cost)
    for bar, line in zip(bars[n + 1:-1], q.subsidies):
        assert bar.get_y() + bar.get_height() == pytest.approx(top)
        top -= float(line.amount)
    assert bars[-1].get_height() == pytest.approx(float(q.net_cost)) == pytest.approx(top)
    lines = {line.get_label(): line.get_ydata()[0] for line in ax.get_lines()}
    assert lines["market floor"] == pytest.approx(float(q.bounds.market_floor))
    assert lines["price HT"] == pytest.approx(float(q.price.ht))


def test_training_year(scenario):
    run = aci_cost.training.simulate(scenario)
    ax = figures.training_year(run)
    data = {line.get_label(): line.get_ydata() for line in ax.get_lines()}
    np.testing.assert_array_equal(data["demand (employee h)"], run.weeks["demand"])
    np.testing.assert_array_equal(data["production"], run.weeks["production"])
    other = [a for a in ax.figure.axes if a is not ax][0]
    backlog = {line.get_label(): line.get_ydata() for line in other.get_lines()}["backlog (h owed)"]
    np.testing.assert_array_equal(backlog, run.weeks["backlog"])


def test_sweep_histogram_and_heatmap(scenario):
    run = aci_cost.sweep.run(SPEC, scenario)
    ax = figures.sweep_histogram(run, "training_debt", bins=20)
    assert sum(p.get_height() for p in ax.patches) == 400
    counts, _ = np.histogram(run.outputs["training_debt"], bins=20)
    assert [p.get_height() for p in ax.patches] == list(counts)
    vlines = {line.get_label(): line.get_xdata()[0] for line in ax.get_lines()}
    assert vlines["mean"] == pytest.approx(run.summary.loc["training_debt", "mean"])
    assert vlines["quantile 0.95"] == pytest.approx(run.summary.loc["training_debt", "q0.95"])
    assert ax.get_xlabel() == "training debt"
    with pytest.raises(ValueError, match="'nope'"):
        figures.sweep_histogram(run, "nope")

    ax = figures.sweep_heatmap(run, "training.demand.base_hours", "training.workforce.absence", "training_debt", bins=4)
    grid = ax.images[0].get_array()
    xs, ys = run.inputs["training.demand.base_hours"], run.inputs["training.workforce.absence"]
    z = run.outputs["training_debt"]
    # The lower-left cell is the mean over the scenarios in the lowest quarter of both inputs.
    cell = (xs <= xs.min() + (xs.max() - xs.min()) / 4) & (ys <= ys.min() + (ys.max() - ys.min()) / 4)
    assert grid[0, 0] == pytest.approx(z[cell].mean())
    assert ax.get_xlabel() == "training.demand.base hours" and len(ax.figure.axes) == 2  # with its colour bar


def test_tornado_and_sobol(scenario):
    spec = {"model": "training", "outputs": ["training_debt"],
            "inputs": [{"name": "training.demand.base_hours", "values": [110, 140, 170]},
                       {"name": "training.workforce.absence", "values": [0.03, 0.06, 0.15]}]}
    t = aci_cost.sweep.tornado(spec, scenario)
    ax = figures.tornado(t, "training_debt")
    frame = t["training_debt"]
    ticks = [x.get_text() for x in ax.get_yticklabels()]
    assert ticks == list(frame.index[::-1])  # largest swing on top
    widths = [p.get_width() for p in ax.patches]
    assert widths[:2] == pytest.approx(list(frame["low"][::-1]))
    assert widths[2:] == pytest.approx(list(frame["high"][::-1]))

    r = aci_cost.sweep.sobol(SPEC, scenario, n=64, bootstrap_seed=1, resamples=100)
    ax = figures.sobol_indices(r, "training_debt")
    idx = r.indices["training_debt"]
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx(list(idx["S1"]) + list(idx["ST"]))
    assert [x.get_text() for x in ax.get_xticklabels()] == list(idx.index)
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {"S1", "ST"}
    # the error bars span the bootstrap intervals
    segments = [c for c in ax.collections if hasattr(c, "get_segments")]
    spans = sorted((s[0][1], s[1][1]) for c in segments for s in c.get_segments())
    want = sorted(list(zip(idx["S1_low"], idx["S1_high"])) + list(zip(idx["ST_low"], idx["ST_high"])))
    assert np.allclose(spans, want)


def test_allocation_and_sharing_figures():
    s = aci_cost.load_scenario("examples/multi_atelier.json")
    a = aci_cost.allocation.of_scenario(s)
    ax = figures.allocation_flows(a)
    mains = [c for c in range(len(a.centres)) if a.kinds[c] == "main"]
    tops = {}
    for p in ax.patches:
        x = round(p.get_x() + p.get_width() / 2)
        tops[x] = max(tops.get(x, 0.0), p.get_y() + p.get_height())
    assert [tops[k] for k in sorted(tops)] == pytest.approx([float(a.totals[c]) for c in mains])

    run = aci_cost.sharing.share(aci_cost.sharing.example(), methods=("at_cost",))
    ax = figures.sharing_splits(run)
    table = run.comparison()
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx([float(v) for column in table.columns for v in table[column]])
