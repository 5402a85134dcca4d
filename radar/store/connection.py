"""Opening the database: built from the seed when missing, migrated when old."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from radar.store.files import new_database_file
from radar.store.migrations import SCHEMA_VERSION, migrate, schema_sql
from radar.store.paths import SEED_DIR, resolve_db_path
from radar.store.queries import ILLUSTRATIVE_KEY
from radar.store.seed import TABLES, load_seed
from radar.store.transactions import Connection

__all__ = [
    "DatabaseExistsError",
    "DatabaseInUseError",
    "DatabaseUnavailableError",
    "build_database",
    "connect",
    "exclusive_use",
]


class DatabaseExistsError(FileExistsError):
    """The database file exists and overwriting it was not asked for."""


class DatabaseUnavailableError(RuntimeError):
    """The database file cannot be opened: locked by another process, or not a database."""


class DatabaseInUseError(DatabaseUnavailableError):
    """Another process has the database file open, so it must not be replaced."""


#: How DuckDB says another process holds a file (read-write or read-only).
_LOCK_CONFLICT = ("Could not set lock", "Conflicting lock")


@contextlib.contextmanager
def exclusive_use(target: Path) -> Iterator[None]:
    """While inside, no other process has the database file ``target`` open.

    A process that has the file open keeps writing to the old file after it
    is replaced, so its changes would be saved and then lost. DuckDB locks
    the file for any process that opens it, read-only ones included, so
    opening it read-write here fails exactly when another process has it;
    holding it open for the block keeps a dashboard from opening it meanwhile.
    A missing file, or one that is not a database, is nobody's.

    Raises
    ------
    DatabaseInUseError
        Another process has ``target`` open.
    """
    held = None
    try:
        if target.exists():
            held = duckdb.connect(str(target))
    except duckdb.IOException as exc:
        if any(sign in str(exc) for sign in _LOCK_CONFLICT):
            raise DatabaseInUseError(
                f"{target} is in use by another program, such as the running dashboard; "
                "replacing it now would lose the changes saved there. Stop the dashboard "
                "first, or take a backup from the app's Redaktør page instead."
            ) from exc
    try:
        yield
    finally:
        if held is not None:
            held.close()


def build_database(
    db_path: str | os.PathLike[str] | None = None,
    *,
    data_dir: Path = SEED_DIR,
    force: bool = False,
) -> Path:
    """Build the database from the seed CSV files.

    The seed is validated completely first; the database is written to a
    temporary file beside the target and renamed into place, so an interrupted
    or failed build never leaves half a database, and a refused one leaves the
    existing file untouched.

    Parameters
    ----------
    db_path
        Target file; resolved with :func:`radar.store.resolve_db_path`.
    data_dir
        Folder with the seed CSV files.
    force
        Replace an existing database file.

    Raises
    ------
    DatabaseExistsError
        The file exists and ``force`` is false.
    DatabaseInUseError
        Another process (a dashboard) has the file open.
    radar.store.seed.SeedError
        The seed data is invalid (every problem is listed).
    """
    target = resolve_db_path(db_path)
    if target.exists() and not force:
        raise DatabaseExistsError(f"{target} exists already; use --force to replace it")
    tables = load_seed(data_dir)
    with exclusive_use(target), new_database_file(target, "building") as con:
        con.execute(schema_sql())
        for table in TABLES:
            columns = [c.name for c in table.columns]
            rows = pd.DataFrame(tables[table.name], columns=columns)
            con.register("seed_rows", rows)
            column_list = ", ".join(columns)
            con.execute(
                f"INSERT INTO {table.name} ({column_list}) SELECT {column_list} FROM seed_rows"
            )
            con.unregister("seed_rows")
        con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?), ('built_at', ?), ('seed_dir', ?), "
            f"('{ILLUSTRATIVE_KEY}', 'true')",
            [SCHEMA_VERSION, datetime.now(UTC).isoformat(timespec="seconds"), str(data_dir)],
        )
    return target


def connect(
    db_path: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = True,
    build_if_missing: bool = True,
) -> Connection:
    """Open the database, building it from the seed first when the file is missing.

    Read-only by default, so several processes (dashboard, CLI) can read at once.

    Raises
    ------
    DatabaseUnavailableError
        The file is locked by another process or is not a DuckDB database.
    """
    target = resolve_db_path(db_path)
    if not target.exists() and build_if_missing:
        # Another process may have built it meanwhile: then use theirs.
        with contextlib.suppress(DatabaseExistsError):
            build_database(target)
    try:
        if target.exists():
            migrate(target)
        return duckdb.connect(str(target), read_only=read_only)
    except duckdb.IOException as exc:
        raise DatabaseUnavailableError(
            f"cannot open the radar database {target}: {exc}. "
            "Another program may have it open for writing, or it is not a DuckDB file; "
            f"rebuild it with 'python -m radar init --force --db {target}'."
        ) from exc
