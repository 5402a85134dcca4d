"""Backup and restore of the radar database: every table as Parquet, in a folder.

A backup is DuckDB's ``EXPORT DATABASE`` (one Parquet file per table, plus the
schema and load script DuckDB writes beside them), written to a temporary
folder beside the target and renamed into place, so an interrupted backup
never looks like a finished one.

A restore reads data only: one Parquet file per table this radar knows, named
after the table, and nothing else. The SQL files in a backup folder are never
run, because anyone who can change a folder could make them write and read
files on the server; the schema comes from this radar's own ``schema.sql``
and the rows of an older version pass through the migration steps it has not
had. The new database file replaces the old one only when it is complete, so
a failed restore leaves the existing database exactly as it was.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import duckdb
import pandas as pd

from radar import store
from radar.store.connection import exclusive_use
from radar.store.migrations import RADAR_SCHEMA, STEPS, Tables, pending_steps
from radar.store.transactions import Connection

#: Schema versions a backup may hold: older ones are migrated during the restore.
_READABLE_VERSIONS = tuple(step.version for step in STEPS)
#: The tables a backup holds, in insert order (a table only refers to tables before it).
_TABLES = (*RADAR_SCHEMA.tables, RADAR_SCHEMA.meta_table)
#: Tables that came with a later schema version: a backup of an older one lacks them.
_ADDED_IN = {"audit_log": 2}


class BackupError(RuntimeError):
    """A backup or restore cannot be done; the message says why and nothing was changed."""


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def backup(out_dir: str | os.PathLike[str], db_path: str | os.PathLike[str] | None = None) -> Path:
    """Write every table of the database to ``out_dir`` as Parquet.

    Parameters
    ----------
    out_dir
        A folder that does not exist yet, or is empty.
    db_path
        The database (resolved with :func:`radar.store.resolve_db_path`).

    Returns
    -------
    The backup folder.

    Raises
    ------
    BackupError
        The database is missing or ``out_dir`` holds files already.
    radar.store.DatabaseUnavailableError
        The database cannot be opened (for example another process writes it).
    """
    source = store.resolve_db_path(db_path)
    if not source.exists():
        raise BackupError(f"there is no database at {source} to back up")
    target = Path(out_dir)
    if target.exists() and any(target.iterdir()):
        raise BackupError(f"{target} is not empty; choose a new folder for the backup")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    shutil.rmtree(temporary, ignore_errors=True)
    con = store.connect(source, read_only=True, build_if_missing=False)
    try:
        con.execute(f"EXPORT DATABASE {_quoted(temporary)} (FORMAT parquet)")
    finally:
        con.close()
    if target.exists():
        target.rmdir()
    os.replace(temporary, target)
    return target


def _file(table: str) -> str:
    return f"{table}.parquet"


def _backup_files(source: Path) -> dict[str, Path]:
    """The Parquet files of the known tables in ``source``, by table.

    Raises :class:`BackupError` naming every table file that is missing and
    every Parquet file of a table this radar does not know (restoring without
    it would silently lose its rows).
    """
    if not source.is_dir():
        raise BackupError(f"{source} is not a radar backup: it is not a folder")
    found = {table: source / _file(table) for table in _TABLES if (source / _file(table)).exists()}
    unknown = sorted(p.name for p in source.glob("*.parquet") if p.stem not in _TABLES)
    # A link could point the restore at any file on the server.
    linked = sorted(p.name for p in found.values() if p.is_symlink())
    # An old backup lacks the tables of later versions; which ones depends on its version.
    missing = [_file(t) for t in _TABLES if t not in found and t not in _ADDED_IN]
    if RADAR_SCHEMA.meta_table not in found:
        raise BackupError(f"{source} is not a radar backup: it lacks {', '.join(missing)}")
    problems = [f"it lacks {', '.join(missing)}"] if missing else []
    if unknown:
        problems.append(
            f"{', '.join(unknown)}: not a table of this radar (its tables are {', '.join(_TABLES)})"
        )
    if linked:
        problems.append(f"{', '.join(linked)}: a link, not a file of the backup")
    if problems:
        raise BackupError(f"cannot restore from {source}: {'; '.join(problems)}")
    return found


def _read_tables(source: Path, files: dict[str, Path]) -> Tables:
    """The rows of every table file, read as data only."""
    tables: Tables = {}
    for table, path in files.items():
        try:
            # From an open file: a path would be a glob pattern or a URL to a reader.
            with path.open("rb") as handle:
                tables[table] = pd.read_parquet(handle)
        except (OSError, ValueError) as exc:
            raise BackupError(
                f"cannot restore from {source}: {path.name} is not a readable Parquet file ({exc})"
            ) from exc
    return tables


def _version(source: Path, meta: pd.DataFrame) -> str:
    if list(meta.columns[:2]) != ["key", "value"]:
        raise BackupError(
            f"cannot restore from {source}: meta.parquet has no key and value columns"
        )
    found = meta.loc[meta["key"] == RADAR_SCHEMA.version_key, "value"].tolist()
    version = str(found[0]) if len(found) == 1 else None
    # Backups of older schema versions are restored and migrated.
    if version not in _READABLE_VERSIONS:
        raise BackupError(
            f"{source} holds schema version {version or 'none'}, "
            f"this radar needs {store.SCHEMA_VERSION}"
        )
    return version


def _column_problems(con: Connection, tables: Tables) -> list[str]:
    """What does not fit the schema: unknown columns, and missing ones without a default."""
    problems = []
    for table, rows in tables.items():
        schema = {
            name: (nullable, default)
            for name, nullable, default in con.execute(
                "SELECT column_name, is_nullable, column_default FROM duckdb_columns() "
                "WHERE table_name = ?",
                [table],
            ).fetchall()
        }
        for column in rows.columns:
            if column not in schema:
                problems.append(f"{_file(table)}: column '{column}' is not a column of {table}")
        for column, (_, default) in schema.items():
            if column not in rows.columns and default is None:
                problems.append(f"{_file(table)}: column '{column}' of {table} is missing")
    return problems


def restore(
    backup_dir: str | os.PathLike[str],
    db_path: str | os.PathLike[str] | None = None,
    *,
    force: bool = False,
) -> Path:
    """Build the database from a backup folder made by :func:`backup` (or the dashboard's zip).

    Only the Parquet files of the tables this radar knows are read; the
    schema is this radar's own, and the SQL files in the folder are ignored.

    Parameters
    ----------
    backup_dir
        The backup folder.
    db_path
        Where the database goes (resolved with :func:`radar.store.resolve_db_path`).
    force
        Replace an existing database file.

    Returns
    -------
    The database file.

    Raises
    ------
    BackupError
        The folder is not a backup, the backup cannot be read or does not fit
        the schema (the message names every file, table and column at fault),
        or the database exists and ``force`` is false. The existing database is
        untouched.
    radar.store.DatabaseInUseError
        Another process (a dashboard) has the database open.
    """
    source = Path(backup_dir)
    files = _backup_files(source)
    target = store.resolve_db_path(db_path)
    if target.exists() and not force:
        raise BackupError(f"{target} exists already; use --force to replace it")
    tables = _read_tables(source, files)
    version = _version(source, tables[RADAR_SCHEMA.meta_table])
    lacking = [_file(t) for t, v in _ADDED_IN.items() if t not in tables and int(version) >= v]
    if lacking:
        raise BackupError(f"cannot restore from {source}: it lacks {', '.join(lacking)}")
    for step in pending_steps(RADAR_SCHEMA, version):
        tables = step.adapt(tables)
    with exclusive_use(target), store.new_database_file(target, "restoring") as con:
        con.execute(RADAR_SCHEMA.sql())
        problems = _column_problems(con, tables)
        if problems:
            raise BackupError(f"cannot restore from {source}: {'; '.join(problems)}")
        for table in _TABLES:
            if table in tables:
                _insert(con, source, table, tables[table])
        con.execute(
            f"INSERT OR REPLACE INTO {RADAR_SCHEMA.meta_table} VALUES (?, ?)",
            [RADAR_SCHEMA.version_key, RADAR_SCHEMA.version],
        )
    return target


def _insert(con: Connection, source: Path, table: str, rows: pd.DataFrame) -> None:
    # The column names were checked against the schema, so they are safe to name.
    columns = ", ".join(f'"{c}"' for c in rows.columns)
    con.register("backup_rows", rows)
    try:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM backup_rows")
    except duckdb.Error as exc:
        raise BackupError(f"cannot restore from {source}: {_file(table)}: {exc}") from exc
    finally:
        con.unregister("backup_rows")


def backup_zip(con: Connection) -> bytes:
    """A backup of the open database as one zip file (the folder :func:`backup` writes).

    For the dashboard, which holds the database for writing while editing is
    on, so no other process can open it for a backup.
    """
    with tempfile.TemporaryDirectory(prefix="radar-backup-") as work:
        folder = Path(work) / "backup"
        cursor = con.cursor()
        try:
            cursor.execute(f"EXPORT DATABASE {_quoted(folder)} (FORMAT parquet)")
        finally:
            cursor.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(folder.iterdir()):
                archive.write(file, file.name)
        return buffer.getvalue()
