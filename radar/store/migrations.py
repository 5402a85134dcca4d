"""Schema versions as named steps, and the runner that brings an old file up to date.

A database records in its ``meta`` table the number of the last step applied
(``schema_version``). Opening a file whose number is not the newest copies its
rows into a new file built from the current schema, after every step not yet
applied has adapted them, in order; the new file replaces the old one only when
complete, so a failed migration changes nothing.

The runner takes a :class:`Schema` (the steps, the current schema text and the
tables in insert order), so another database, such as the workshops', can use
the same scheme with steps of its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd

from radar.store.files import new_database_file
from radar.store.paths import resolve_db_path
from radar.store.seed import TABLES
from radar.store.transactions import Connection, frame, records

__all__ = [
    "RADAR_SCHEMA",
    "SCHEMA_VERSION",
    "STEPS",
    "Schema",
    "Step",
    "Tables",
    "migrate",
    "migrate_file",
    "pending_steps",
    "schema_sql",
    "schema_version",
    "stored_version",
]

#: The rows of a database, by table name, as a migration step sees them.
Tables = dict[str, pd.DataFrame]


def _unchanged(tables: Tables) -> Tables:
    return tables


@dataclass(frozen=True)
class Step:
    """One schema version: its number, a name saying what it brought, and how rows adapt.

    Attributes
    ----------
    number
        1 for the first schema; each later step one more. Stored as text in ``meta``.
    name
        ``"001_initial"`` style: the number and what the step brought.
    adapt
        Turns the rows of the version before into rows for this one. Columns the
        step added and left out of the rows take the schema's defaults; the
        identity (the default) suits a step that only adds columns or tables.
    """

    number: int
    name: str
    adapt: Callable[[Tables], Tables] = field(default=_unchanged, compare=False)

    @property
    def version(self) -> str:
        """The number as ``meta`` stores it."""
        return str(self.number)


@dataclass(frozen=True)
class Schema:
    """A kind of database: its steps in order, its current schema and its tables.

    Attributes
    ----------
    steps
        Numbered 1, 2, ... in order; the last one is the current version.
    sql
        Reads the current schema's ``CREATE`` statements.
    tables
        The tables whose rows a migration copies, in insert order (a table only
        refers to tables before it); ``meta`` is copied last, then stamped.
    """

    steps: tuple[Step, ...]
    sql: Callable[[], str]
    tables: tuple[str, ...]
    meta_table: str = "meta"
    version_key: str = "schema_version"

    def __post_init__(self) -> None:
        numbers = [step.number for step in self.steps]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"steps must be numbered 1, 2, ... in order, not {numbers}")

    @property
    def version(self) -> str:
        """The current version: the number of the last step."""
        return self.steps[-1].version


def stored_version(con: Connection, schema: Schema) -> str | None:
    """The version a database records (``None`` if it has no meta table or no version)."""
    try:
        found = records(
            con,
            f"SELECT value FROM {schema.meta_table} WHERE key = ?",
            [schema.version_key],
        )
    except duckdb.CatalogException:
        return None
    return found[0]["value"] if found else None


def pending_steps(schema: Schema, version: str | None) -> tuple[Step, ...]:
    """The steps a database at ``version`` has not had, in order.

    No version (a file from before versions were recorded) or one that is not
    a number means every step.
    """
    applied = int(version) if version is not None and version.isdigit() else 0
    return tuple(step for step in schema.steps if step.number > applied)


def migrate_file(path: str | os.PathLike[str], schema: Schema) -> bool:
    """Bring the database file at ``path`` up to ``schema``'s current version.

    Returns
    -------
    Whether the file was migrated (false when it was current already, and then
    it is not touched).
    """
    target = Path(path)
    old = duckdb.connect(str(target), read_only=True)
    try:
        version = stored_version(old, schema)
        if version == schema.version:
            return False
        tables: Tables = {
            name: frame(old, f"SELECT * FROM {name}")
            for (name,) in old.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            ).fetchall()
        }
    finally:
        old.close()
    for step in pending_steps(schema, version):
        tables = step.adapt(tables)
    with new_database_file(target, "migrating") as con:
        con.execute(schema.sql())
        _copy_rows(con, tables, (*schema.tables, schema.meta_table))
        con.execute(
            f"INSERT OR REPLACE INTO {schema.meta_table} VALUES (?, ?)",
            [schema.version_key, schema.version],
        )
    return True


def _copy_rows(con: Connection, tables: Mapping[str, pd.DataFrame], order: Sequence[str]) -> None:
    # Only the columns the new schema has: a dropped column's values go.
    for table in order:
        rows = tables.get(table)
        if rows is None or rows.empty:
            continue
        new_columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        columns = ", ".join(c for c in rows.columns if c in new_columns)
        con.register("old_rows", rows)
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM old_rows")
        con.unregister("old_rows")


def schema_sql() -> str:
    """The radar database's current schema (``schema.sql``)."""
    return resources.files("radar.store").joinpath("schema.sql").read_text("utf-8")


#: The radar database's versions. A new step goes at the end, and
#: ``schema.sql`` becomes the schema it describes.
STEPS: tuple[Step, ...] = (
    # Areas, rings, sectors, editions, technologies, assessments with all their
    # scores, example cases and meta.
    Step(1, "001_initial"),
    # Draft editions (editions.status, published by default), retired
    # technologies (retired, false by default), rings stated without scores
    # (nullable scores) and the audit log: the schema's defaults fill them.
    Step(2, "002_drafts_audit"),
)

RADAR_SCHEMA = Schema(
    steps=STEPS,
    sql=schema_sql,
    tables=(*(t.name for t in TABLES), "audit_log"),
)

#: The radar database's current version: the number of its last step.
SCHEMA_VERSION = RADAR_SCHEMA.version


def schema_version(con: Connection) -> str | None:
    """The schema version a database was built with (``None`` if it has no meta table)."""
    return stored_version(con, RADAR_SCHEMA)


def migrate(db_path: str | os.PathLike[str] | None = None) -> bool:
    """Bring a radar database built by an older version up to :data:`SCHEMA_VERSION`.

    Returns
    -------
    Whether the file was migrated (false when it was current already).
    """
    return migrate_file(resolve_db_path(db_path), RADAR_SCHEMA)
