"""Backup and restore of the radar database: every table as Parquet, in a folder.

A backup is DuckDB's ``EXPORT DATABASE`` (the schema, a load script and one
Parquet file per table), written to a temporary folder beside the target and
renamed into place, so an interrupted backup never looks like a finished one.
A restore builds a new database file from the folder with ``IMPORT DATABASE``
and renames it into place only when it is complete, so a failed restore
leaves the existing database exactly as it was.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import duckdb

from radar import store
from radar.store.migrations import STEPS
from radar.store.transactions import Connection

#: Schema versions a backup may hold: older ones are migrated after the restore.
_READABLE_VERSIONS = tuple(step.version for step in STEPS)
#: Files every backup folder has (besides one Parquet file per table).
BACKUP_FILES = ("schema.sql", "load.sql")


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


def restore(
    backup_dir: str | os.PathLike[str],
    db_path: str | os.PathLike[str] | None = None,
    *,
    force: bool = False,
) -> Path:
    """Build the database from a backup folder made by :func:`backup`.

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
        The folder is not a backup, the backup cannot be read, or the database
        exists and ``force`` is false. The existing database is untouched.
    """
    source = Path(backup_dir)
    missing = [name for name in BACKUP_FILES if not (source / name).is_file()]
    if not source.is_dir() or missing:
        raise BackupError(
            f"{source} is not a radar backup: it lacks {', '.join(missing) or 'its files'}"
        )
    target = store.resolve_db_path(db_path)
    if target.exists() and not force:
        raise BackupError(f"{target} exists already; use --force to replace it")
    try:
        with store.new_database_file(target, "restoring") as con:
            con.execute(f"IMPORT DATABASE {_quoted(source)}")
            version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
            # Backups of older schema versions are restored and then migrated.
            if version not in ([(v,)] for v in _READABLE_VERSIONS):
                raise BackupError(
                    f"{source} holds schema version {version[0][0] if version else 'none'}, "
                    f"this radar needs {store.SCHEMA_VERSION}"
                )
    except duckdb.Error as exc:
        raise BackupError(f"cannot restore from {source}: {exc}") from exc
    store.migrate(target)
    return target


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
