import pytest

import aci_cost


@pytest.fixture
def scenario():
    """A fresh copy of the embedded default scenario."""
    return aci_cost.default_scenario()
