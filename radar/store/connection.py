"""Opening the database: built from the seed when missing, migrated when old."""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Callable, Iterator
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
    "DatabaseReadOnlyError",
    "DatabaseUnavailableError",
    "build_database",
    "connect",
    "exclusive_use",
    "shared_connection",
    "write_refused",
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


class DatabaseReadOnlyError(DatabaseUnavailableError):
    """The database file may be read but not written: its permissions, or a read-only mount."""


# What the operating system says when a file may not be written (DuckDB passes
# strerror() on in its message): permissions, or a read-only file system.
_READ_ONLY_REASONS = tuple(
    os.strerror(code).lower() for code in (errno.EACCES, errno.EPERM, errno.EROFS)
)


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
        raise _unavailable(target, exc, read_only=read_only) from exc


def _unavailable(target: Path, exc: duckdb.IOException, *, read_only: bool) -> Exception:
    """The error for a file DuckDB would not open, naming the cause and the remedy that fits it.

    Rebuilding (``init --force``) replaces the radar's data, so it is suggested
    only for a file that is not a database, never for permissions or a lock.
    """
    reason = str(exc).lower()
    if any(r in reason for r in _READ_ONLY_REASONS):
        if not read_only:
            return DatabaseReadOnlyError(
                f"cannot open the radar database {target} for writing: {exc}. "
                "The file or its folder is read-only for this service (its permissions, or a "
                "read-only mount); it can still be opened for reading. To edit, let the "
                "service user write the file and its folder, then restart the dashboard."
            )
        return DatabaseUnavailableError(
            f"cannot open the radar database {target}: {exc}. "
            "The service user may not read the file: check its permissions and its folder's."
        )
    if "could not set lock" in reason or "conflicting lock" in reason:
        return DatabaseUnavailableError(
            f"cannot open the radar database {target}: {exc}. "
            "Another program has it open for writing: with editing on, run only one "
            "dashboard per database file, and stop it for command-line changes."
        )
    return DatabaseUnavailableError(
        f"cannot open the radar database {target}: {exc}. "
        "If the file is not a DuckDB database (damaged, or another kind of file), move it "
        f"away and rebuild it with 'python -m radar init --force --db {target}'."
    )


class _SharedConnections:
    """The process's one connection per database file and mode, whatever caches come and go.

    DuckDB refuses a second connection to a file this process has open with
    another configuration, and another process's while one is open for writing;
    so a cache that is cleared (any client may ask Streamlit to) must get the
    same connection back, not open the file again.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[tuple[Path, bool], Connection] = {}
        self._refused: set[Path] = set()

    def get(self, path: Path, read_only: bool, open_file: Callable[[], Connection]) -> Connection:
        key = (path.resolve(), read_only)
        with self._lock:
            con = self._open.get(key)
            if con is not None and _alive(con):
                return con
            if not read_only and key[0] in self._refused:
                # Asked before and refused: DuckDB would now refuse for another
                # reason (the file is open read-only in this process).
                raise DatabaseReadOnlyError(f"the database {key[0]} is read-only for this service")
            try:
                con = open_file()
            except DatabaseReadOnlyError:
                self._refused.add(key[0])
                raise
            self._open[key] = con
            return con

    def refused(self, path: Path) -> bool:
        with self._lock:
            return path.resolve() in self._refused


def _alive(con: Connection) -> bool:
    try:
        con.cursor().close()
    except duckdb.ConnectionException:  # closed (by a script or a test)
        return False
    return True


_SHARED = _SharedConnections()


def shared_connection(
    db_path: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = True,
    open_file: Callable[[], Connection] | None = None,
) -> Connection:
    """The process's one connection to the database file, opened (with :func:`connect`) once.

    Asked again, for the same file and mode, it returns the same open
    connection, also after the caller's caches were cleared. ``open_file``
    opens another kind of database file the same way (the workshops').

    Raises
    ------
    DatabaseReadOnlyError
        Writing was asked for and the file may only be read; asked again, it is
        refused at once (the process keeps the file open read-only meanwhile).
    DatabaseUnavailableError
        The file is locked by another process or is not a DuckDB database.
    """
    target = resolve_db_path(db_path)
    opener = open_file or (lambda: connect(target, read_only=read_only))
    return _SHARED.get(target, read_only, opener)


def write_refused(db_path: str | os.PathLike[str] | None = None) -> bool:
    """Whether this process asked to write the database file and was refused (it is read-only)."""
    return _SHARED.refused(resolve_db_path(db_path))
