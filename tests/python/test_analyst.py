"""The Python layer as an analyst meets it from the README (issue 18): nested records are
references, optional ones included; readable reprs; a public render of the cost sheet; numpy
scalars and Decimals where numbers are expected; sweep runs that compare; aci_cost.dask."""
import copy
import pickle
from decimal import Decimal as D

import numpy as np
import pytest

import aci_cost
from aci_cost.cli import main

SMALL = {"model": "training", "design": {"kind": "latin_hypercube", "n": 64, "seed": 3},
         "inputs": [{"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 120, "high": 160}}],
         "outputs": ["training_debt"]}


def test_the_optional_training_section_is_a_reference(scenario):
    scenario.training.model.seed = 7
    assert scenario.training.model.seed == 7
    assert scenario.training_model().seed == 7
    t = scenario.training
    t.date = "2026-03-01"
    assert str(scenario.training.date) == "2026-03-01"
    # Assigning a value copies it in place: a live reference sees it.
    fresh = aci_cost.TrainingSetup()
    scenario.training = fresh
    assert t.model.seed == fresh.model.seed and t == fresh
    fresh.model.seed = 99  # the assigned object is not tied to the scenario
    assert scenario.training.model.seed != 99


def test_none_is_refused_while_a_reference_lives(scenario):
    t = scenario.training
    with pytest.raises(ValueError, match=r"Scenario\.training = None: a reference"):
        scenario.training = None
    assert t.model.seed == 2026  # still valid
    kept = copy.copy(t)
    del t
    scenario.training = None
    assert scenario.training is None and kept.model.seed == 2026
    with pytest.raises(aci_cost.InvalidInput, match="training"):
        scenario.training_model()
    scenario.training = kept
    assert scenario.training.model.seed == 2026


def test_reprs_are_readable_and_eval_like(scenario):
    q = aci_cost.quote(scenario)
    text = repr(q)
    lines = text.splitlines()
    assert lines[0] == "Quote(" and lines[-1] == ")"
    # Lines fit in 100 columns, but for one field holding a long text (a warning, a source).
    assert all(len(line) <= 100 or line.lstrip().split("=")[1][:1] in "'\"" for line in lines)
    assert "  job='park_maintenance'," in lines
    assert "    Line(key='materials', amount=Decimal('180.00'))," in lines
    # A short record stays on one line.
    assert repr(aci_cost.Line(key="x", amount=D("1.50"))) == "Line(key='x', amount=Decimal('1.50'))"
    # Every field is shown: the repr is the data.
    namespace = {"Decimal": D, "datetime": __import__("datetime"), "Line": aci_cost.Line}
    assert eval(repr(q.cost_lines[0]), namespace) == q.cost_lines[0]


def test_render_quote_is_public(scenario):
    q = aci_cost.quote(scenario, "park_maintenance")
    text = aci_cost.render_quote(q)
    assert text.startswith("Quote: park_maintenance")
    assert aci_cost.format_fr(q.full_cost) in text and "NET COST" in text


def test_coefficient_k_is_none_unless_used(scenario):
    q = aci_cost.quote(scenario)
    assert scenario.pricing.policy == "fair_zone" and q.price.coefficient_k is None  # the default policy (issue 27)
    scenario.pricing.policy = "ds_coefficient"
    q = aci_cost.quote(scenario)
    assert q.price.coefficient_k == scenario.pricing.coefficient_k == D("1.375")  # (1 + 0.10) / (1 - 0.15 - 0.05)
    assert pickle.loads(pickle.dumps(q)) == q
    p = copy.copy(q.price)
    p.coefficient_k = None
    p.policy = "cost_plus"
    assert p.coefficient_k is None


def test_numbers_may_be_numpy_scalars_and_decimals(scenario):
    job = scenario.jobs[0]
    job.standard_hours = np.int64(31)
    job.productivity = np.float32(0.6)  # its own shortest text, not the widened double
    job.crew_size = D("4")
    assert job.standard_hours == 31 and job.productivity == D("0.6")
    m = job.materials[0]
    m.amount = np.int32(200)
    assert m.amount == D("200")
    with pytest.raises(TypeError, match=r"Material\.amount = .*never made from a float"):
        m.amount = np.float64(1.5)
    with pytest.raises(TypeError, match=r"Material\.amount = .*never made from a float"):
        m.amount = np.float32(1.5)
    with pytest.raises(TypeError, match=r"Job\.crew_size = np\.True_: expected a number"):
        job.crew_size = np.bool_(True)


def test_specs_accept_decimals_and_numpy(scenario):
    spec = {"model": "training", "design": {"kind": "latin_hypercube", "n": np.int64(64), "seed": np.uint64(3)},
            "inputs": [{"name": "training.demand.base_hours",
                        "distribution": {"kind": "uniform", "low": D("120"), "high": np.float32(160)}}],
            "outputs": ["training_debt"]}
    a = aci_cost.sweep.run(spec, scenario)
    b = aci_cost.sweep.run(SMALL, scenario)
    assert a == b
    with pytest.raises(ValueError, match=r"spec\.design\.seed = "):
        aci_cost.sweep.run({**SMALL, "design": {"kind": "latin_hypercube", "n": 64, "seed": object()}}, scenario)


def test_sweep_runs_compare(scenario):
    a = aci_cost.sweep.run(SMALL, scenario)
    b = aci_cost.sweep.run(SMALL, scenario, threads=2, chunk=7)
    assert a == b and not (a != b)
    c = aci_cost.sweep.run({**SMALL, "design": {**SMALL["design"], "seed": 4}}, scenario)
    assert a != c
    assert a != "a run"


def test_dask_is_importable_as_the_readme_shows():
    assert aci_cost.dask.run_sweep is not None
    assert "dask" in aci_cost.__all__


def test_cli_sobol_with_progress_and_a_figure(tmp_path, capsys):
    out = tmp_path / "sobol.png"
    assert main(["sobol", "--n", "64", "--progress", "--plot", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Sobol' indices of the training model: n = 64" in captured.out
    assert f"written to {out}" in captured.out
    assert "384/384" in captured.err and "evaluation" in captured.err  # n (k + 2) = 64 x 6, on stderr
    assert out.stat().st_size > 0


def test_cli_sweep_progress(capsys):
    assert main(["sweep", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "10000/10000" in err
    assert main(["sweep", "--no-progress"]) == 0
    assert "10000/10000" not in capsys.readouterr().err
