# Hand-kept stubs of aci_cost._core.check (checked by mypy.stubtest in CTest).
from typing import Union

from . import _Record

class CheckReport(_Record):
    quotes: int
    warnings: int
    year_ateliers: int
    training_weeks: int

def check_scenario(text: Union[str, bytes]) -> CheckReport: ...
