"""New database files that replace the old one only when they are complete."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import duckdb

from radar.store.transactions import Connection

__all__ = ["new_database_file"]


@contextlib.contextmanager
def new_database_file(target: Path, purpose: str) -> Iterator[Connection]:
    """A connection to a new database that replaces ``target`` only if the block succeeds.

    The database is written to a temporary file beside ``target`` (named after
    ``purpose``) and renamed into place after a checkpoint, so an interrupted
    or failed write never leaves half a database and leaves ``target`` as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{purpose}")
    temporary.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(temporary))
        try:
            yield con
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
        temporary.with_name(temporary.name + ".wal").unlink(missing_ok=True)
