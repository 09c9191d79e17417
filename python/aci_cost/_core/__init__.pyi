# Hand-kept stubs of the compiled module aci_cost._core: one submodule per area of the C++
# library (checked by mypy.stubtest in CTest), and the stubs' own types (_Record...).
import datetime
from decimal import Decimal
from typing import Any, ClassVar, Union, type_check_only

# The submodules, re-exported (the `as` form: a stub's plain import is private).
from . import actuals as actuals, allocation as allocation, budget as budget, calibration as calibration
from . import check as check, link as link, model as model, money as money, quote as quote, rates as rates
from . import scenario as scenario, schema as schema, sharing as sharing, store as store, sweep as sweep
from . import training as training

_Number = Union[int, float, Decimal, str]
_MoneyIn = Union[int, Decimal, str]  # never float
_DateIn = Union[datetime.date, str]

@type_check_only
class _RecordType(type): ...  # pybind11's metaclass

@type_check_only
class _Record(metaclass=_RecordType):
    _fields: ClassVar[tuple[str, ...]]
    def __init__(self, **fields: Any) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    def __copy__(self) -> Any: ...
    def __deepcopy__(self, memo: dict[Any, Any]) -> Any: ...

@type_check_only
class _Result(metaclass=_RecordType):  # results: read-only, made by the library only
    def __init__(self, *args: Any, **kwargs: Any) -> None: ...


__version__: str

class InvalidInput(ValueError): ...
class NoRateInForce(InvalidInput): ...
class ScenarioError(InvalidInput): ...
class DomainError(ValueError): ...
class Cancelled(RuntimeError): ...
