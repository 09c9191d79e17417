"""Money in Python is decimal.Decimal; the rules are those of the C++ tests (test_money.cpp)."""
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aci_cost


def test_rounding_modes():
    assert aci_cost.round_money(D("0.005")) == D("0.01")
    assert aci_cost.round_money(D("-0.005")) == D("-0.01")
    assert aci_cost.round_money(D("0.005"), "half_even") == D("0.00")
    assert aci_cost.round_money(D("0.015"), "half_even") == D("0.02")
    assert aci_cost.round_money("2.675") == D("2.68")


def test_format():
    assert aci_cost.format_fr(D("1234.56")) == "1 234,56 €"
    assert aci_cost.format_plain(D("1234.5")) == "1234.50"


def test_split_one_cent_95_5():
    assert aci_cost.split(D("0.01"), [95, 5]) == [D("0.01"), D("0.00")]


def test_split_ties_go_to_the_earlier_part():
    assert aci_cost.split(D("100.00"), [1, 1, 1]) == [D("33.34"), D("33.33"), D("33.33")]


def test_round_parts_add_up():
    parts, total = aci_cost.round_parts([D("0.333")] * 3)
    assert total == D("1.00") and sum(parts) == total


def test_money_refuses_floats_with_type_error():
    with pytest.raises(TypeError, match="split.total = 1.5"):
        aci_cost.split(1.5, [1])
    with pytest.raises(TypeError, match="Material.amount"):
        aci_cost.Material(name="x", amount=0.1)
    # And Python itself refuses to mix the Decimals we return with floats.
    q = aci_cost.quote(aci_cost.default_scenario())
    with pytest.raises(TypeError):
        q.full_cost + 0.1


def test_bad_text_names_the_value():
    with pytest.raises(ValueError, match=r'amount = "1,5"'):
        aci_cost.round_money("1,5")
    with pytest.raises(ValueError, match="all zero"):
        aci_cost.split(D("1.00"), [0, 0])


cents = st.integers(min_value=-10**11, max_value=10**11)
weights = st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=15).filter(any)


@settings(max_examples=10_000, deadline=None)
@given(cents, weights)
def test_random_splits_lose_no_cent(total_cents, ws):
    total = D(total_cents).scaleb(-2)
    parts = aci_cost.split(total, ws)
    assert sum(parts) == total
    assert all(p == 0 for p, w in zip(parts, ws) if w == 0)
    # Each part is within one cent of its exact quota.
    for p, w in zip(parts, ws):
        assert abs(p - total * w / sum(ws)) < D("0.01")


@settings(max_examples=2_000, deadline=None)
@given(st.lists(st.decimals(min_value=-10**6, max_value=10**6, places=6), min_size=1, max_size=12))
def test_random_round_parts_add_up(xs):
    parts, total = aci_cost.round_parts(xs)
    assert sum(parts) == total == aci_cost.round_money(sum(xs))
