"""Sharing posts between ACIs from Python: published games (Straffin & Heaney 1981 TVA,
Aumann & Maschler 1985 Talmud), the Littlechild-Owen closed form against exact Shapley, the
splits' properties on the four-ACI example, the DataFrames, the figure, the CLI and the sweep."""
from __future__ import annotations

import json
import pickle
import random
from decimal import Decimal
from pathlib import Path

import pytest

import aci_cost
from aci_cost import sharing
from aci_cost.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "sharing_four_acis.json"


def three(c1, c2, c3, c12, c13, c23, c123):
    """The 2^3 values c[S] of a 3-player game, S a bit mask (player i is bit i)."""
    return [0, c1, c2, c12, c3, c13, c23, c123]


# Straffin & Heaney (1981), Int. J. Game Theory 10(1) 35-43: the TVA cost game (thousands of $).
# Published Shapley (117,829; 100,756.5; 193,998.5) and nucleolus (116,234; 93,540; 202,810).
TVA = three(163520, 140826, 250096, 301607, 378821, 367370, 412584)


def test_tva_shapley_and_nucleolus():
    assert sharing.shapley(TVA) == pytest.approx([117829, 100756.5, 193998.5], abs=1e-6)
    assert sharing.nucleolus(TVA) == pytest.approx([116234, 93540, 202810], abs=1e-6)
    epsilon, _ = sharing.least_core(TVA)
    assert epsilon < 0


@pytest.mark.parametrize("estate, expected", [(100, [100 / 3] * 3), (200, [50, 75, 75]), (300, [50, 100, 150])])
def test_talmud_bankruptcy_nucleoli(estate, expected):
    # Aumann & Maschler (1985), J. Econ. Theory 36, 195-213: claims 100, 200, 300; the Talmud's
    # division is the nucleolus of v(S) = max(0, E - claims outside S) (cost game: -v).
    claims = [100, 200, 300]
    values = [0.0] * 8
    for s in range(1, 8):
        outside = sum(c for i, c in enumerate(claims) if not (s >> i) & 1)
        values[s] = -max(0.0, estate - outside)
    assert [-x for x in sharing.nucleolus(values)] == pytest.approx(expected, abs=1e-7)


def test_airport_closed_form_equals_exact_shapley_on_random_games():
    # Littlechild & Owen (1973), Management Science 20(3) 370-372.
    rng = random.Random(7)
    for _ in range(30):
        n = rng.randint(1, 9)
        costs = [rng.choice([0, 10, 25, 40, 70.5]) for _ in range(n)]
        values = [max((costs[i] for i in range(n) if (s >> i) & 1), default=0.0) for s in range(2 ** n)]
        assert sharing.airport_shapley(costs) == pytest.approx(sharing.shapley(values), abs=1e-9)


def test_shapley_properties_on_random_games():
    rng = random.Random(3)
    n = 5
    a = [0.0] + [rng.uniform(0, 100) for _ in range(2 ** n - 1)]
    b = [0.0] + [rng.uniform(0, 100) for _ in range(2 ** n - 1)]
    pa, pb, ps = sharing.shapley(a), sharing.shapley(b), sharing.shapley([x + y for x, y in zip(a, b)])
    assert ps == pytest.approx([x + y for x, y in zip(pa, pb)], abs=1e-9)  # additivity
    assert sum(pa) == pytest.approx(a[-1], abs=1e-9)  # efficiency
    null = [a[s & 0b1111] for s in range(2 ** n)]  # player 4 adds nothing
    assert sharing.shapley(null)[4] == 0.0
    value, se = _core_sampled(a)
    assert all(abs(v - e) < 5 * s for v, e, s in zip(value, pa, se))


def _core_sampled(values):
    one = aci_cost._core.sharing.shapley_sampled(values, 20000, 11, 1)
    assert one == aci_cost._core.sharing.shapley_sampled(values, 20000, 11, 3)  # any thread count
    return one


def test_example_file_is_the_embedded_example():
    assert json.loads(EXAMPLE.read_text(encoding="utf-8")) == json.loads(aci_cost._core.sharing.example_sharing_json())
    p = sharing.load(EXAMPLE)
    assert p.member_names == ["ACI Vallée", "ACI Plateau", "ACI Bourg", "ACI Rivière"]
    assert p.post_names == ["psychologist", "administrative_assistant"]
    assert pickle.loads(pickle.dumps(p)).to_json() == p.to_json()


def test_splits_to_the_cent_and_stand_alone_costs():
    p = sharing.example()
    run = sharing.share(p)
    assert run.methods == list(sharing.METHODS)
    for method in run.methods:
        df = run.frame(method)
        assert sum(df["share"]) == run.grand_cost  # efficiency, to the cent
        assert all(isinstance(x, Decimal) and x == x.quantize(Decimal("0.01")) for x in df["share"])
        assert list(df["saving"]) == [a - s for a, s in zip(df["stand_alone"], df["share"])]
    for name, alone in zip(run.members, run.result.stand_alone):
        assert sharing.coalition_cost(p, [name]).quantize(Decimal("0.01")) == alone
    everyone = sharing.coalition_cost(p, run.members)
    assert run.grand_cost == everyone.quantize(Decimal("0.01"))
    assert run.saving == (sum(run.result.stand_alone) - run.grand_cost)
    # Equal saving gives every member the same saving (to the cent).
    savings = run.frame("equal_saving")["saving"]
    assert max(savings) - min(savings) <= Decimal("0.01")


def test_core_check_lists_blocking_coalitions_consistently():
    p = sharing.example()
    run = sharing.share(p)
    assert run.core_empty is False
    for method in run.methods:
        b = run.blocking(method)
        for _, row in b.iterrows():
            members = row["members"].split(", ")
            assert row["cost"] == sharing.coalition_cost(p, members)
            charged = sum(run.frame(method)["share"][m] for m in members)
            assert abs(charged - row["charged"]) < Decimal("0.01") * len(members)
            assert row["excess"] > 0
    # The nucleolus lies in the core when it is not empty.
    assert len(run.blocking("nucleolus")) == 0
    # Rivière needs 4 h of one post: by hours it pays a small share, below what it adds.
    assert len(run.blocking("proportional")) >= 1


def test_bad_input_names_the_field():
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["posts"][0]["frame"]["lending_markup"] = 0.1
    with pytest.raises(ValueError, match=r"posts\[psychologist\]\.frame\.lending_markup.*at cost only"):
        sharing.read(doc)
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    doc["posts"][1]["frame"]["part_time_derogation"] = True
    doc["posts"][1]["frame"]["derogation_hours"] = 30
    with pytest.raises(aci_cost.InvalidInput, match="derogation_hours"):
        sharing.read(doc)
    with pytest.raises(ValueError, match=r"share.methods\[0\]"):
        sharing.share(sharing.example(), ["banzhaf"])
    with pytest.raises(ValueError, match="game.values"):
        sharing.shapley([0, 1, 2])


def test_figure_compares_the_splits():
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    fig = sharing.share(sharing.example()).plot()
    ax = fig.axes[0]
    assert len(ax.patches) == 4 * 5  # four members x (alone + four splits)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["stand alone", "proportional", "equal saving",
                                                                   "shapley", "nucleolus"]


def test_cli_share(capsys, tmp_path):
    assert main(["share", str(EXAMPLE), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    run = sharing.share(EXAMPLE)
    assert doc["grand_cost"] == str(run.grand_cost)
    assert doc["splits"]["shapley"]["shares"] == [str(x) for x in run.frame("shapley")["share"]]
    assert main(["share", str(EXAMPLE)]) == 0
    assert "ACI Rivière" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "aci_cost/sharing@1", "posts": []}), encoding="utf-8")
    assert main(["share", str(bad)]) == 2
    assert "posts" in capsys.readouterr().err


def test_sweep_moves_shares_with_distance():
    spec = {"format": "aci_cost/sweep@1", "model": "sharing",
            "inputs": [{"name": "travel.distance_scale", "distribution": {"kind": "uniform", "low": 0.5, "high": 3}}],
            "design": {"kind": "monte_carlo", "n": 5, "seed": 1},
            "outputs": ["grand_cost", "shapley[ACI Rivière]", "shapley[ACI Vallée]"]}
    r = aci_cost.sweep.run(spec)
    x = r.inputs["travel.distance_scale"].to_numpy()
    order = x.argsort()
    grand = r.outputs["grand_cost"].to_numpy()[order]
    assert (grand[1:] > grand[:-1]).all()  # longer rounds cost more
    # At the base distance the sweep's Shapley equals the shown split's (double vs exact, < 1 cent).
    base = sharing.share(sharing.example()).frame("shapley")["share"]
    spec["inputs"] = [{"name": "travel.distance_scale", "distribution": {"kind": "uniform", "low": 0.9999999, "high": 1.0000001}}]
    spec["design"] = {"kind": "monte_carlo", "n": 1, "seed": 1}
    one = aci_cost.sweep.run(spec)
    assert abs(Decimal(one.outputs["shapley[ACI Vallée]"].iloc[0]) - base["ACI Vallée"]) < Decimal("0.01")
