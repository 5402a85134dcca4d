"""The DuckDB store: where the database lives, how it is built, and the queries.

One connection per process; every query runs on its own ``con.cursor()``,
because a DuckDB connection refuses concurrent use from several threads and
every Streamlit session runs in a thread of its own.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

from radar.model import PUBLISHED, Area, Case, Catalog, Edition, Ring, Sector, Technology
from radar.store.seed import TABLES, load_seed

#: Serialises every write of this process (editors' saves, imports): all
#: sessions are threads of the one process that may write the file, and a
#: write that runs in two steps must not interleave with another.
WRITE_LOCK = threading.RLock()

#: Environment variable naming the database file.
DB_ENV_VAR = "RADAR_DB"
REPO_ROOT = Path(__file__).resolve().parents[2]
#: The seed CSV files the database is built from.
SEED_DIR = REPO_ROOT / "data"
DEFAULT_DB_PATH = SEED_DIR / "radar.duckdb"
#: Version 2 added drafts, retired technologies, imported rings without scores
#: and the audit log; older files are migrated on open (:func:`migrate`).
SCHEMA_VERSION = "2"


#: ``meta`` key: whether the data is illustrative example data (the seed's is),
#: so every radar, export and handout says so. A radar imported into a new
#: database is not; editors switch the notice on the Editions page.
ILLUSTRATIVE_KEY = "illustrative"


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
    radar.store.seed.SeedError
        The seed data is invalid (every problem is listed).
    """
    target = resolve_db_path(db_path)
    if target.exists() and not force:
        raise DatabaseExistsError(f"{target} exists already; use --force to replace it")
    tables = load_seed(data_dir)
    with new_database_file(target, "building") as con:
        con.execute(resources.files("radar.store").joinpath("schema.sql").read_text("utf-8"))
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
            "INSERT INTO meta VALUES ('schema_version', ?), ('built_at', ?), ('seed_dir', ?), "
            f"('{ILLUSTRATIVE_KEY}', 'true')",
            [SCHEMA_VERSION, datetime.now(UTC).isoformat(timespec="seconds"), str(data_dir)],
        )
    return target


def schema_version(con: duckdb.DuckDBPyConnection) -> str | None:
    """The schema version a database was built with (``None`` if it has no meta table)."""
    try:
        rows = _records(con, "SELECT value FROM meta WHERE key = 'schema_version'")
    except duckdb.CatalogException:
        return None
    return rows[0]["value"] if rows else None


def migrate(db_path: str | os.PathLike[str] | None = None) -> bool:
    """Bring a database built by an older version up to :data:`SCHEMA_VERSION`.

    The rows are copied into a new file with the current schema, which replaces
    the old one only when complete, so a failed migration changes nothing.

    Returns
    -------
    Whether the file was migrated (false when it was current already).
    """
    target = resolve_db_path(db_path)
    old = duckdb.connect(str(target), read_only=True)
    try:
        if schema_version(old) == SCHEMA_VERSION:
            return False
        tables = {
            name: query_frame(old, f"SELECT * FROM {name}")
            for (name,) in old.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            ).fetchall()
        }
    finally:
        old.close()
    with new_database_file(target, "migrating") as con:
        con.execute(resources.files("radar.store").joinpath("schema.sql").read_text("utf-8"))
        for table in (*(t.name for t in TABLES), "audit_log", "meta"):
            frame = tables.get(table)
            if frame is None or frame.empty:
                continue
            new_columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            columns = ", ".join(c for c in frame.columns if c in new_columns)
            con.register("old_rows", frame)
            con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM old_rows")
            con.unregister("old_rows")
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    return True


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
        if target.exists():
            migrate(target)
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


def _editions_where(include_drafts: bool) -> str:
    return "true" if include_drafts else f"status = '{PUBLISHED}'"


def load_catalog(con: duckdb.DuckDBPyConnection, *, include_drafts: bool = False) -> Catalog:
    """Areas, rings (inside out), sectors and editions, each in display order.

    Draft editions are left out unless ``include_drafts``: only editors see them.
    """
    editions_sql = f"SELECT * FROM editions WHERE {_editions_where(include_drafts)} ORDER BY year"
    sectors_sql = "SELECT * FROM sectors ORDER BY position"
    if not include_drafts:
        # A category that only a draft uses (a draft import's new quadrant) waits for it.
        sectors_sql = (
            "SELECT * FROM sectors WHERE id IN (SELECT sector FROM technologies WHERE id IN "
            f"({_published_technologies()})) ORDER BY position"
        )
    return Catalog(
        areas=tuple(Area(**r) for r in _records(con, "SELECT * FROM areas ORDER BY position")),
        rings=tuple(Ring(**r) for r in _records(con, "SELECT * FROM rings ORDER BY position")),
        sectors=tuple(Sector(**r) for r in _records(con, sectors_sql)),
        editions=tuple(Edition(**r) for r in _records(con, editions_sql)),
    )


def is_illustrative(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the radar holds illustrative example data, and must say so.

    A database without the setting was built from the seed before it existed:
    its data is the illustrative seed.
    """
    rows = _records(con, "SELECT value FROM meta WHERE key = ?", [ILLUSTRATIVE_KEY])
    return not rows or rows[0]["value"] != "false"


def latest_assessed_edition(
    con: duckdb.DuckDBPyConnection, *, include_drafts: bool = False
) -> int | None:
    """The newest edition that has assessments: an edition added ahead of time is not it."""
    sql = (
        "SELECT max(edition) AS year FROM assessments WHERE edition IN "
        f"(SELECT year FROM editions WHERE {_editions_where(include_drafts)})"
    )
    return _records(con, sql)[0]["year"]


def _published_technologies() -> str:
    return (
        "SELECT technology FROM assessments WHERE edition IN "
        f"(SELECT year FROM editions WHERE {_editions_where(False)})"
    )


def load_technologies(
    con: duckdb.DuckDBPyConnection, *, include_drafts: bool = False
) -> dict[str, Technology]:
    """The technology catalogue, by id.

    Viewers get the technologies on some published radar; one that so far is
    only in a draft (or only just added by an editor) needs ``include_drafts``.
    """
    where = "true" if include_drafts else f"id IN ({_published_technologies()})"
    rows = _records(con, f"SELECT * FROM technologies WHERE {where} ORDER BY id")
    return {r["id"]: Technology(**r) for r in rows}


_ASSESSMENTS_SQL = """
    SELECT a.*, t.sector
    FROM assessments a JOIN technologies t ON t.id = a.technology
    WHERE ({where}) AND a.edition IN (SELECT year FROM editions WHERE {editions})
    ORDER BY a.edition, a.area, a.technology
"""


def _assessments_sql(where: str, include_drafts: bool) -> str:
    return _ASSESSMENTS_SQL.format(where=where, editions=_editions_where(include_drafts))


def load_assessments(
    con: duckdb.DuckDBPyConnection, edition: int, *, include_drafts: bool = False
) -> pd.DataFrame:
    """All assessments of one edition, every area, with the technology's sector."""
    return query_frame(con, _assessments_sql("a.edition = ?", include_drafts), [edition])


def load_technology_assessments(
    con: duckdb.DuckDBPyConnection, technology: str, *, include_drafts: bool = False
) -> pd.DataFrame:
    """Every assessment of one technology, all editions and areas."""
    return query_frame(con, _assessments_sql("a.technology = ?", include_drafts), [technology])


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


def load_all_assessments(
    con: duckdb.DuckDBPyConnection, *, include_drafts: bool = False
) -> pd.DataFrame:
    """Every assessment of every edition and area, with the technology's sector."""
    return query_frame(con, _assessments_sql("true", include_drafts))
