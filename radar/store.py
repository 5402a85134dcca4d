"""The DuckDB store: where the database lives, how it is built, and the queries.

One connection per process; every query runs on its own ``con.cursor()``,
because a DuckDB connection refuses concurrent use from several threads and
every Streamlit session runs in a thread of its own.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

from radar.model import Area, Case, Catalog, Edition, Ring, Sector, Technology
from radar.seed import TABLES, load_seed

#: Environment variable naming the database file.
DB_ENV_VAR = "RADAR_DB"
REPO_ROOT = Path(__file__).resolve().parent.parent
#: The seed CSV files the database is built from.
SEED_DIR = REPO_ROOT / "data"
DEFAULT_DB_PATH = SEED_DIR / "radar.duckdb"
SCHEMA_VERSION = "1"


class DatabaseExistsError(FileExistsError):
    """The database file exists and overwriting it was not asked for."""


class DatabaseUnavailableError(RuntimeError):
    """The database file cannot be opened: locked by another process, or not a database."""


def resolve_db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Where the database is: ``path`` if given, else ``$RADAR_DB``, else ``data/radar.duckdb``."""
    if path:
        return Path(path)
    from_env = os.environ.get(DB_ENV_VAR)
    if from_env:
        return Path(from_env)
    return DEFAULT_DB_PATH


@contextlib.contextmanager
def new_database_file(target: Path, purpose: str) -> Iterator[duckdb.DuckDBPyConnection]:
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
        Target file; resolved with :func:`resolve_db_path`.
    data_dir
        Folder with the seed CSV files.
    force
        Replace an existing database file.

    Raises
    ------
    DatabaseExistsError
        The file exists and ``force`` is false.
    radar.seed.SeedError
        The seed data is invalid (every problem is listed).
    """
    target = resolve_db_path(db_path)
    if target.exists() and not force:
        raise DatabaseExistsError(f"{target} exists already; use --force to replace it")
    tables = load_seed(data_dir)
    with new_database_file(target, "building") as con:
        con.execute(resources.files("radar").joinpath("schema.sql").read_text("utf-8"))
        for table in TABLES:
            columns = [c.name for c in table.columns]
            frame = pd.DataFrame(tables[table.name], columns=columns)
            con.register("seed_rows", frame)
            column_list = ", ".join(columns)
            con.execute(
                f"INSERT INTO {table.name} ({column_list}) SELECT {column_list} FROM seed_rows"
            )
            con.unregister("seed_rows")
        con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?), ('built_at', ?), ('seed_dir', ?)",
            [SCHEMA_VERSION, datetime.now(UTC).isoformat(timespec="seconds"), str(data_dir)],
        )
    return target


def connect(
    db_path: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = True,
    build_if_missing: bool = True,
) -> duckdb.DuckDBPyConnection:
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
        return duckdb.connect(str(target), read_only=read_only)
    except duckdb.IOException as exc:
        raise DatabaseUnavailableError(
            f"cannot open the radar database {target}: {exc}. "
            "Another program may have it open for writing, or it is not a DuckDB file; "
            f"rebuild it with 'python -m radar init --force --db {target}'."
        ) from exc


def _records(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.cursor()
    try:
        result = cursor.execute(sql, params or [])
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
    finally:
        cursor.close()


def query_frame(
    con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None
) -> pd.DataFrame:
    """Run ``sql`` on a fresh cursor and return a DataFrame."""
    cursor = con.cursor()
    try:
        return cursor.execute(sql, params or []).df()
    finally:
        cursor.close()


def load_catalog(con: duckdb.DuckDBPyConnection) -> Catalog:
    """Areas, rings (inside out), sectors and editions, each in display order."""
    return Catalog(
        areas=tuple(Area(**r) for r in _records(con, "SELECT * FROM areas ORDER BY position")),
        rings=tuple(Ring(**r) for r in _records(con, "SELECT * FROM rings ORDER BY position")),
        sectors=tuple(
            Sector(**r) for r in _records(con, "SELECT * FROM sectors ORDER BY position")
        ),
        editions=tuple(Edition(**r) for r in _records(con, "SELECT * FROM editions ORDER BY year")),
    )


def latest_assessed_edition(con: duckdb.DuckDBPyConnection) -> int | None:
    """The newest edition that has assessments: an edition added ahead of time is not it."""
    return _records(con, "SELECT max(edition) AS year FROM assessments")[0]["year"]


def load_technologies(con: duckdb.DuckDBPyConnection) -> dict[str, Technology]:
    """Every technology in the catalogue, by id."""
    rows = _records(con, "SELECT * FROM technologies ORDER BY id")
    return {r["id"]: Technology(**r) for r in rows}


_ASSESSMENTS_SQL = """
    SELECT a.*, t.sector
    FROM assessments a JOIN technologies t ON t.id = a.technology
    WHERE {where}
    ORDER BY a.edition, a.area, a.technology
"""


def load_assessments(con: duckdb.DuckDBPyConnection, edition: int) -> pd.DataFrame:
    """All assessments of one edition, every area, with the technology's sector."""
    return query_frame(con, _ASSESSMENTS_SQL.format(where="a.edition = ?"), [edition])


def load_technology_assessments(con: duckdb.DuckDBPyConnection, technology: str) -> pd.DataFrame:
    """Every assessment of one technology, all editions and areas."""
    return query_frame(con, _ASSESSMENTS_SQL.format(where="a.technology = ?"), [technology])


def load_cases(con: duckdb.DuckDBPyConnection, technology: str) -> tuple[Case, ...]:
    """The example cases of one technology, newest first."""
    rows = _records(
        con,
        "SELECT * FROM cases WHERE technology = ? ORDER BY year DESC, municipality",
        [technology],
    )
    return tuple(Case(**{**r, "source_url": r["source_url"] or ""}) for r in rows)


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count per seed table, for the CLI's summary."""
    counts = {}
    for table in TABLES:
        counts[table.name] = _records(con, f"SELECT count(*) AS n FROM {table.name}")[0]["n"]
    return counts


def load_all_assessments(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every assessment of every edition and area, with the technology's sector."""
    return query_frame(con, _ASSESSMENTS_SQL.format(where="true"))
