"""How a workshop writes: one transaction, tried again when a concurrent write collides.

Participants answer at the same moment; two writes of one answer, or two new
workshops drawing the same code, collide and are simply run again. Only when
every attempt collides does the caller see :class:`WorkshopError` with the key
``workshop.error.busy``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from radar.store.transactions import Busy, Connection, retrying
from radar.workshop.model import WorkshopError

__all__ = ["WRITE_ATTEMPTS", "write"]

T = TypeVar("T")

#: How many times a write is tried when a concurrent transaction conflicts.
WRITE_ATTEMPTS = 10


def write(con: Connection, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in one transaction on a fresh cursor; retry on write conflicts.

    A :class:`WorkshopError` raised by ``work`` rolls back and is raised as is.

    Raises
    ------
    WorkshopError
        With key ``workshop.error.busy`` when every one of :data:`WRITE_ATTEMPTS` collided.
    """
    try:
        return retrying(con, work, attempts=WRITE_ATTEMPTS)
    except Busy as exc:
        raise WorkshopError("workshop.error.busy") from exc
