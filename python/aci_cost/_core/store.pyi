# Hand-kept stubs of aci_cost._core.store (checked by mypy.stubtest in CTest).
from typing import Any, Sequence

from .._types import RawStoredSweep
from .scenario import Scenario

def run_to_directory(scenario: Scenario, spec: str, directory: str, chunk_rows: int = ..., threads: int = ...,
                     chunk: int = ..., quantiles: Sequence[float] = ..., progress: Any = ..., on_chunk: Any = ...,
                     model: Any = ...) -> RawStoredSweep: ...
def read_directory(directory: str, quantiles: Sequence[float] = ...) -> RawStoredSweep: ...
