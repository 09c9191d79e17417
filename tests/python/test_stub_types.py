"""The dicts the compiled module returns hold exactly what their stubs say: for each function whose
stub (python/aci_cost/_core/*.pyi) returns a TypedDict of aci_cost._types, the return type is read
from the stub itself, and every dict the function returns is checked against it — the same keys
(__required_keys__ <= keys <= __required_keys__ | __optional_keys__) and values of the declared
types, nested dicts and rows included. A key added to, dropped from or retyped in a binding
(python/src/bind_*.cpp) fails here until the TypedDict follows."""
import ast
import json
import typing
from pathlib import Path

import numpy as np
import pytest

import aci_cost
from aci_cost import _core, _types
from aci_cost.sweep import ChunkCounts, InputRow

STUBS = Path(__file__).resolve().parents[2] / "python" / "aci_cost" / "_core"


def stub_return(module: str, function: str) -> object:
    """The return type the stub of _core.<module>.<function> declares, evaluated against aci_cost._types."""
    tree = ast.parse((STUBS / f"{module}.pyi").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            assert node.returns is not None, f"{module}.{function}: no return type in the stub"
            return eval(ast.unparse(node.returns), {**vars(typing), **vars(_types)})  # our own stub
    raise AssertionError(f"{module}.{function}: not in {module}.pyi")


def is_typeddict(hint: object) -> bool:
    return isinstance(hint, type) and issubclass(hint, dict) and hasattr(hint, "__required_keys__")


def check(value: object, hint: object, path: str) -> None:
    """`value` is of type `hint`; a container must be non-empty, so that its items are checked too."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if is_typeddict(hint):
        assert isinstance(value, dict), f"{path}: {type(value).__name__}, expected {hint.__name__}"
        required, optional = hint.__required_keys__, hint.__optional_keys__
        assert required <= set(value) <= required | optional, (
            f"{path}: keys {sorted(value)}; {hint.__name__} has {sorted(required)} (+ optional {sorted(optional)})")
        hints = typing.get_type_hints(hint)
        for key, item in value.items():
            check(item, hints[key], f"{path}[{key!r}]")
    elif origin is list:
        assert isinstance(value, list) and value, f"{path}: {value!r:.80}, expected a non-empty list"
        for i, item in enumerate(value):
            check(item, args[0], f"{path}[{i}]")
    elif origin is dict:
        assert isinstance(value, dict) and value, f"{path}: {value!r:.80}, expected a non-empty dict"
        for key, item in value.items():
            check(key, args[0], f"{path} key {key!r}")
            check(item, args[1], f"{path}[{key!r}]")
    elif origin is tuple:
        assert isinstance(value, tuple) and len(value) == len(args), f"{path}: {value!r}, expected {hint}"
        for i, (item, arg) in enumerate(zip(value, args)):
            check(item, arg, f"{path}[{i}]")
    elif hint in (bool, float):
        assert type(value) is hint, f"{path}: {value!r} ({type(value).__name__}), expected {hint.__name__}"
    elif hint is int:
        assert isinstance(value, int) and not isinstance(value, bool), f"{path}: {value!r}, expected int"
    elif hint in (str, bytes, np.ndarray):
        assert isinstance(value, hint), f"{path}: {type(value).__name__}, expected {hint.__name__}"
    else:
        raise AssertionError(f"{path}: the test cannot check {hint}")


def check_result(module: str, function: str, value: object) -> None:
    hint = stub_return(module, function)
    assert typing.get_origin(hint) is not None or is_typeddict(hint), f"{module}.{function} -> {hint}: not precise"
    check(value, hint, f"{module}.{function}()")


TABLES = [("allocation", "allocation_input_table"), ("allocation", "allocation_output_table"),
          ("quote", "quote_input_table"), ("quote", "quote_output_table"),
          ("sharing", "sharing_input_table"), ("sharing", "sharing_output_table"),
          ("training", "training_input_table"), ("training", "training_output_table"),
          ("schema", "tables"), ("schema", "rates")]


@pytest.mark.parametrize(("module", "function"), TABLES)
def test_a_descriptor_table_holds_the_keys_and_types_its_stub_declares(module, function):
    check_result(module, function, getattr(getattr(_core, module), function)())


# Two inputs kept (keep_inputs defaults to true), two outputs: every column and summary is there.
SPEC = {"format": "aci_cost/sweep@1", "model": "training",
        "inputs": [{"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 100, "high": 200}},
                   {"name": "training.workforce.absence", "distribution": {"kind": "uniform", "low": 0.02, "high": 0.1}}],
        "design": {"kind": "monte_carlo", "n": 40, "seed": 3},
        "outputs": ["delivered_share", "training_debt"]}


def test_a_sweep_and_its_summaries_hold_the_keys_and_types_their_stubs_declare(tmp_path):
    scenario = aci_cost.default_scenario()
    raw = _core.sweep.run_sweep(scenario, json.dumps(SPEC))
    check_result("sweep", "run_sweep", raw)
    stored = _core.store.run_to_directory(scenario, json.dumps(SPEC), str(tmp_path / "d"), 16)
    check_result("store", "run_to_directory", stored)
    assert stored["chunks"] == ChunkCounts(chunks=3, computed=3, reused=0, discarded=0)  # 40 rows in chunks of 16
    check_result("store", "read_directory", _core.store.read_directory(str(tmp_path / "d")))
    column = raw["outputs"]["training_debt"]
    check_result("sweep", "summarize", _core.sweep.summarize(column))
    check_result("sweep", "merge_summaries", _core.sweep.merge_summaries([raw["summary_states"]["training_debt"]]))


@pytest.mark.parametrize("model", ["training", "quote", "sharing"])  # allocation needs aci.structure
def test_the_inputs_a_model_can_vary_hold_the_keys_and_types_their_stub_declares(model):
    check_result("sweep", "sweep_inputs", _core.sweep.sweep_inputs(aci_cost.default_scenario(), model))


def test_a_sweep_of_an_analysts_model_reads_input_rows_named_as_the_model_tables_name_them():
    # InputRow (read by field name by the engine) carries the names and types the built-in
    # models' tables give the same facts: one vocabulary for an input's domain.
    hints = typing.get_type_hints(_types.QuoteInputRow)
    assert typing.get_type_hints(InputRow) == {f: hints[f] for f in InputRow._fields}
