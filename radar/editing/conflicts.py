"""How a save notices another editor's save: the optimistic check and the engine's.

Every edit and removal takes ``expected``, the record as the editor loaded it.
Inside the transaction the current row is read; if it differs from
``expected``, :func:`check_expected` raises :class:`EditConflict` with both
versions. Two transactions writing one row at once are refused by the store
(:class:`~radar.store.transactions.WriteConflict`); :func:`write` turns that
into an :class:`EditConflict` too, with the other writer's version read afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from radar.editing.errors import EditConflict
from radar.editing.values import same_value
from radar.store import transactions
from radar.store.transactions import Connection, ConstraintViolation, WriteConflict

T = TypeVar("T")


def check_expected(
    entity: str,
    key: str,
    current: dict[str, Any] | None,
    expected: dict[str, Any] | None,
    yours: dict[str, Any] | None,
) -> None:
    """Raise :class:`EditConflict` unless the database still holds ``expected``.

    ``expected`` None means the record did not exist when the editor started
    (an addition); otherwise only the fields ``expected`` names are compared.
    """
    if expected is None:
        if current is not None:
            raise EditConflict(entity, key, current, yours)
        return
    if current is None or any(
        name in current and not same_value(current[name], value) for name, value in expected.items()
    ):
        raise EditConflict(entity, key, current, yours)


def write(
    con: Connection,
    body: Callable[[Connection], T],
    conflict: Callable[[Connection], EditConflict],
    *,
    adding: bool = False,
) -> T:
    """Run ``body`` in one transaction; another writer's conflicting write becomes ``conflict``.

    With ``adding``, a broken key (another writer added the same record after
    this transaction began) is a conflict too, when that record is there now;
    otherwise the store's error is raised as it is.
    """
    # The lock is held while the other writer's version is read, so what the
    # conflict shows is what made this save fail.
    with transactions.WRITE_LOCK:
        try:
            with transactions.transaction(con) as cursor:
                return body(cursor)
        except WriteConflict as exc:
            raise transactions.read(con, conflict) from exc
        except ConstraintViolation as exc:
            found = transactions.read(con, conflict) if adding else None
            if found is None or found.theirs is None:
                raise
            raise found from exc
