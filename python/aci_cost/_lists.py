"""The list fields of the scenario's records (``s.jobs``, ``s.aci.ateliers``, ``atelier.staff``…).

Reading such a field gives a copy of the C++ vector. A plain list would make
``s.jobs.append(job)`` a silent no-op (the copy grew, the scenario did not): an analyst's trap.
The bindings return a :class:`WriteThroughList` instead: every change through a list method
writes the whole list back into its record (the record's setter validates it and tells the record's
own parent), so ``s.jobs.append(job)``, ``del s.jobs[0]`` and ``s.aci.ateliers[0] = at`` change ``s``
as they read. A change the record refuses (a ``ValueError`` naming the field) leaves the list as it
was. A list taken before its record's list changed (``a = s.jobs; s.jobs.pop(); a.append(j)``)
refuses a change (a ``ValueError``) rather than write over the newer list, as a stale item does.
Copies (``list(s.jobs)``, ``copy.copy``, pickling) are plain lists, detached from the record.
"""
from __future__ import annotations

from typing import Any, Callable, TypeVar

_T = TypeVar("_T")


def _writes_through(method: Callable[..., _T]) -> Callable[..., _T]:
    """`method` of list, followed by writing the list back into its record (undone if refused)."""
    def change(self: WriteThroughList, *args: Any, **kwargs: Any) -> _T:
        if list(getattr(self._owner, self._name)) != self._taken:
            raise ValueError(f"{type(self._owner).__name__}.{self._name} changed since this list was taken from it: "
                             "take the list again (a stale list would write over the change)")
        before = list(self)
        result = method(self, *args, **kwargs)
        try:
            setattr(self._owner, self._name, list(self))
        except BaseException:
            list.__setitem__(self, slice(None), before)
            raise
        self._taken = list(self)
        return result
    change.__name__ = method.__name__
    change.__doc__ = method.__doc__
    return change


class WriteThroughList(list[Any]):  # items: the bound records of one field
    """A record's list field whose changes write back into the record (see the module's doc)."""

    __slots__ = ("_owner", "_name", "_taken")

    def __init__(self, items: list[Any], owner: Any, name: str) -> None:
        super().__init__(items)
        self._owner = owner
        self._name = name
        self._taken = list(items)  # the record's list as taken: a change to a stale list is refused

    append = _writes_through(list.append)
    extend = _writes_through(list.extend)
    insert = _writes_through(list.insert)
    pop = _writes_through(list.pop)
    remove = _writes_through(list.remove)
    clear = _writes_through(list.clear)
    sort = _writes_through(list.sort)
    reverse = _writes_through(list.reverse)
    __setitem__ = _writes_through(list.__setitem__)
    __delitem__ = _writes_through(list.__delitem__)

    # list's own += and *= change the list in C, past the methods above: redefined to write through
    # (mypy: they return the write-through list where list.__add__/__mul__ return a plain list).
    def __iadd__(self, other: Any) -> WriteThroughList:  # type: ignore[misc]
        self.extend(other)
        return self

    def __imul__(self, n: Any) -> WriteThroughList:  # type: ignore[misc]
        if not isinstance(n, int):
            return NotImplemented
        self[:] = list(self) * n
        return self

    def __reduce__(self) -> tuple[type, tuple[list[Any]]]:
        return (list, (list(self),))  # a pickle or copy is a plain list, detached from the record

    def __copy__(self) -> list[Any]:
        return list(self)

    def __repr__(self) -> str:
        return list.__repr__(self)
