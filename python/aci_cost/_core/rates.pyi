# Hand-kept stubs of aci_cost._core.rates (checked by mypy.stubtest in CTest).
import datetime
from decimal import Decimal
from typing import Optional

from . import _Number, _MoneyIn, _DateIn, _Record, _RecordType

def general_reduction_coefficient(annual_gross: _MoneyIn, annual_smic: _MoneyIn, tmin: _Number = ...,
                                  tdelta: _Number = ...) -> Decimal: ...

class RateEntry(_Record):
    rate: str
    key: str
    effective: datetime.date
    value: Decimal
    unit: str
    source: str
    tag: str
    note: str
    next_review: Optional[datetime.date]

class RateTable(metaclass=_RecordType):
    def __init__(self) -> None: ...
    @staticmethod
    def france() -> RateTable: ...
    def set(self, entry: RateEntry) -> None: ...
    def in_force(self, rate: str, date: _DateIn, key: str = ...) -> RateEntry: ...
    @property
    def entries(self) -> list[RateEntry]: ...
    known_until: Optional[datetime.date]
    use_unconfirmed: bool
