"""The one way the store reads and writes: a cursor of its own, one transaction.

A DuckDB connection refuses concurrent use from several threads, and every
Streamlit session runs in a thread of its own, so every read and every write
runs on a fresh ``cursor()`` of the process's one connection.

The engine's own exceptions stay in here: a write that collides with another
writer's raises :class:`WriteConflict`, a duplicate key :class:`DuplicateKey`,
one the disk would not take :class:`WriteFailed` (:class:`StorageFull` when
it is full), so the layers above never name the engine.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import duckdb
import pandas as pd

#: The handle the layers above pass around without looking inside: only the
#: store knows that it is a DuckDB connection.
Connection = duckdb.DuckDBPyConnection

T = TypeVar("T")

logger = logging.getLogger(__name__)

#: Serialises the writes of this process that run in several steps (editors'
#: saves, imports): all sessions are threads of the one process that may
#: write the file, and such a write must not interleave with another.
WRITE_LOCK = threading.RLock()


class StoreError(RuntimeError):
    """A write the store could not carry out."""


class WriteConflict(StoreError):
    """Another writer changed the same rows after this transaction began."""


class ConstraintViolation(StoreError):
    """A write broke a key or check of the schema."""


class DuplicateKey(ConstraintViolation):
    """A write added a key that is there already (perhaps added meanwhile by another writer)."""


class WriteFailed(StoreError):
    """The disk did not take the write (an I/O error); nothing of the transaction was kept."""


class StorageFull(WriteFailed):
    """The disk (or the user's quota) is full; nothing of the transaction was kept."""


# How DuckDB words a failed write, also when a failed commit reports it as a
# transaction error ("Failed to commit: IO Error: Could not write file ...").
_IO_FAILURE = ("io error", "could not write", "could not fsync", "could not truncate")
_FULL = tuple(
    text.lower() for text in (os.strerror(errno.ENOSPC), os.strerror(errno.EDQUOT), "disk full")
)


class Busy(StoreError):
    """A write kept colliding with others and was given up after several attempts."""


def _translated(exc: duckdb.Error) -> StoreError | None:
    # First: a commit the disk refused is no conflict with another editor.
    text = str(exc).lower()
    if any(marker in text for marker in _FULL):
        return StorageFull(str(exc))
    if isinstance(exc, duckdb.IOException) or any(marker in text for marker in _IO_FAILURE):
        return WriteFailed(str(exc))
    # Two transactions writing one row conflict ("Conflict on update"); two
    # inserting one new key see a duplicate key, at the insert or at commit.
    if isinstance(exc, duckdb.TransactionException):
        return WriteConflict(str(exc))
    if isinstance(exc, duckdb.ConstraintException):
        if "duplicate key" in str(exc).lower():
            return DuplicateKey(str(exc))
        return ConstraintViolation(str(exc))
    return None


@contextlib.contextmanager
def cursor(con: Connection) -> Iterator[Connection]:
    """A cursor of its own for one read, closed afterwards."""
    cur = con.cursor()
    try:
        yield cur
    finally:
        cur.close()


def read(con: Connection, work: Callable[[Connection], T]) -> T:
    """Run ``work`` on a cursor of its own (sessions share the connection)."""
    with cursor(con) as cur:
        return work(cur)


def records(con: Connection, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
    """The rows of ``sql`` as dicts, read on a cursor of its own."""
    with cursor(con) as cur:
        result = cur.execute(sql, list(params or []))
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def rows(con: Connection, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` as tuples, read on a cursor of its own."""
    with cursor(con) as cur:
        return cur.execute(sql, list(params or [])).fetchall()


def frame(con: Connection, sql: str, params: Sequence[Any] | None = None) -> pd.DataFrame:
    """The rows of ``sql`` as a DataFrame, read on a cursor of its own."""
    with cursor(con) as cur:
        return cur.execute(sql, list(params or [])).df()


@contextlib.contextmanager
def transaction(con: Connection, *, lock: bool = True) -> Iterator[Connection]:
    """One transaction on a cursor of its own: committed when the block ends, else rolled back.

    Parameters
    ----------
    lock
        Hold :data:`WRITE_LOCK` for the whole transaction (the default): for
        writes that read first and decide what to write. Answers that only
        insert and retry on conflict (:func:`retrying`) go without it.

    Raises
    ------
    WriteConflict, DuplicateKey, ConstraintViolation
        The engine refused the write; nothing of the block was kept.
    WriteFailed, StorageFull
        The disk did not take it (logged); nothing of the block was kept.
    """
    guard = WRITE_LOCK if lock else contextlib.nullcontext()
    with guard, cursor(con) as cur:
        cur.begin()
        try:
            yield cur
            cur.commit()
        except duckdb.Error as exc:
            # After a failed commit DuckDB has already ended the transaction.
            with contextlib.suppress(duckdb.Error):
                cur.rollback()
            translated = _translated(exc)
            if translated is None:
                raise
            if isinstance(translated, WriteFailed):
                # The operator must hear of it: editors only see that saving failed.
                logger.error("a write to the database failed, nothing was kept: %s", exc)
            raise translated from exc
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                cur.rollback()
            raise


def retrying(
    con: Connection, work: Callable[[Connection], T], *, attempts: int = 10, lock: bool = False
) -> T:
    """Run ``work`` in one transaction, again from the start after a collision.

    For writes that are safe to repeat (a participant's answer): a write
    conflict or a duplicate key that another writer added meanwhile is tried
    again, after a short jittered pause so the two do not collide again.

    Raises
    ------
    Busy
        Every attempt collided.
    """
    for attempt in range(attempts):
        try:
            with transaction(con, lock=lock) as cur:
                return work(cur)
        except (WriteConflict, DuplicateKey) as exc:
            if attempt == attempts - 1:
                raise Busy(str(exc)) from exc
        time.sleep(random.uniform(0.002, 0.01) * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover
