"""The importer's reads and writes: what a plan is made from, and writing a plan.

:mod:`radar.importing` validates a file and decides what to write without SQL;
it reads the database through :func:`read_state`, checks with
:func:`fingerprint` inside the writing transaction that nothing changed
meanwhile, and hands :func:`write` the rows to write as an
:class:`ImportWrites`. :func:`initialise_empty` makes the empty database a
radar of its own is imported into.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import duckdb

from radar.model import TECHNOLOGY_TEXT_FIELDS, Area, Ring, Sector
from radar.store import ILLUSTRATIVE_KEY, SCHEMA_VERSION, SEED_DIR
from radar.store.seed import TABLES, load_seed
from radar.store.transactions import Connection, transaction

__all__ = [
    "EDITION_COLUMNS",
    "TECHNOLOGY_COLUMNS",
    "ImportWrites",
    "StoredState",
    "fingerprint",
    "initialise_empty",
    "read_state",
    "scratch_database",
    "write",
]

#: The technology columns a plan compares with a file's.
TECHNOLOGY_COLUMNS = ("id", "sector", *TECHNOLOGY_TEXT_FIELDS, "retired")
#: The edition columns a plan reads and a new edition is written with.
EDITION_COLUMNS = ("year", "published", "title_da", "title_en", "status")

#: What a plan depends on: cases only by the technologies they refer to.
_FINGERPRINT_TABLES = (
    "areas",
    "rings",
    "sectors",
    "editions",
    "technologies",
    "assessments",
    "(SELECT DISTINCT technology FROM cases)",
)
# Many rows per statement: DuckDB's executemany runs one statement per row.
_ROWS_PER_INSERT = 500


@dataclass(frozen=True)
class StoredState:
    """What a plan needs from the database, all read in one transaction.

    Attributes
    ----------
    rings, areas, sectors
        The catalogue, each in its order.
    edition
        The edition imported into (:data:`EDITION_COLUMNS`), None if it does not exist.
    technologies
        Every technology by id (:data:`TECHNOLOGY_COLUMNS`).
    newest_edition
        Technology id -> the newest edition it is assessed in.
    assessments
        Every assessment of the edition, all columns.
    fingerprint
        :func:`fingerprint` of the same state.
    """

    rings: tuple[Ring, ...]
    areas: tuple[Area, ...]
    sectors: tuple[Sector, ...]
    edition: Mapping[str, Any] | None
    technologies: Mapping[str, Mapping[str, Any]]
    newest_edition: Mapping[str, int]
    assessments: tuple[Mapping[str, Any], ...]
    fingerprint: str


@dataclass(frozen=True)
class ImportWrites:
    """What :func:`write` writes, in order; rows as column -> value."""

    edition: Mapping[str, Any] | None
    sectors: tuple[Mapping[str, Any], ...]
    technology_inserts: tuple[Mapping[str, Any], ...]
    # (the stored row, the fields that change with their new values)
    technology_updates: tuple[tuple[Mapping[str, Any], Mapping[str, Any]], ...]
    assessment_deletes: tuple[Mapping[str, Any], ...]
    assessment_updates: tuple[tuple[Mapping[str, Any], Mapping[str, Any]], ...]
    assessment_inserts: tuple[Mapping[str, Any], ...]


def _records(cur: Connection, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    # On the transaction's own cursor: a new cursor would read outside it.
    result = cur.execute(sql, list(params))
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def fingerprint(cur: Connection) -> str:
    """A digest of everything a plan depends on, to notice a database changed meanwhile."""
    digest = hashlib.sha256()
    for table in _FINGERPRINT_TABLES:
        # Every row hashed inside DuckDB; sum and xor do not depend on order,
        # and together with the count any edit shows.
        row = cur.execute(
            f"SELECT count(*), sum(hash(t)), bit_xor(hash(t)) FROM {table} AS t"
        ).fetchone()
        digest.update(f"{table}:{row};".encode())
    return digest.hexdigest()


def read_state(con: Connection, edition: int) -> StoredState:
    """The catalogue, the technologies and the edition's assessments, as one consistent state."""
    # One transaction, so every query sees the same state; it writes nothing,
    # so it needs no write lock.
    with transaction(con, lock=False) as cur:
        technologies = {
            r["id"]: r
            for r in _records(cur, f"SELECT {', '.join(TECHNOLOGY_COLUMNS)} FROM technologies")
        }
        newest = {
            r["technology"]: r["edition"]
            for r in _records(
                cur,
                "SELECT technology, max(edition) AS edition FROM assessments GROUP BY technology",
            )
        }
        assessments = _records(cur, "SELECT * FROM assessments WHERE edition = ?", [edition])
        editions = _records(
            cur, f"SELECT {', '.join(EDITION_COLUMNS)} FROM editions WHERE year = ?", [edition]
        )
        return StoredState(
            rings=tuple(Ring(**r) for r in _records(cur, "SELECT * FROM rings ORDER BY position")),
            areas=tuple(Area(**r) for r in _records(cur, "SELECT * FROM areas ORDER BY position")),
            sectors=tuple(
                Sector(**r) for r in _records(cur, "SELECT * FROM sectors ORDER BY position")
            ),
            edition=editions[0] if editions else None,
            technologies=technologies,
            newest_edition=newest,
            assessments=tuple(assessments),
            fingerprint=fingerprint(cur),
        )


def _insert(cur: Connection, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    one = f"({', '.join('?' * len(columns))})"
    for start in range(0, len(rows), _ROWS_PER_INSERT):
        chunk = rows[start : start + _ROWS_PER_INSERT]
        cur.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * len(chunk))}",
            [row[c] for row in chunk for c in columns],
        )


def write(cur: Connection, writes: ImportWrites) -> None:
    """Write a plan's rows on ``cur``, inside the caller's transaction."""
    if writes.edition is not None:
        _insert(cur, "editions", [writes.edition])
    _insert(cur, "sectors", writes.sectors)
    _insert(cur, "technologies", writes.technology_inserts)
    # Technologies are updated before any assessment is added: DuckDB
    # rewrites a row it updates, which must not yet be referred to from
    # inside this transaction.
    for old, new in writes.technology_updates:
        cur.execute(
            f"UPDATE technologies SET {', '.join(f'{c} = ?' for c in new)} WHERE id = ?",
            [*new.values(), old["id"]],
        )
    if writes.assessment_deletes:
        cur.executemany(
            "DELETE FROM assessments WHERE edition = ? AND area = ? AND technology = ?",
            [[r["edition"], r["area"], r["technology"]] for r in writes.assessment_deletes],
        )
    for old, new in writes.assessment_updates:
        cur.execute(
            f"UPDATE assessments SET {', '.join(f'{c} = ?' for c in new)} "
            "WHERE edition = ? AND area = ? AND technology = ?",
            [*new.values(), old["edition"], old["area"], old["technology"]],
        )
    _insert(cur, "assessments", writes.assessment_inserts)


def initialise_empty(con: Connection) -> None:
    """The schema with the seed's rings and areas only, on an empty database."""
    seed = load_seed(SEED_DIR)
    con.execute(resources.files("radar.store").joinpath("schema.sql").read_text("utf-8"))
    for table in TABLES:
        if table.name not in ("rings", "areas"):
            continue
        columns = [c.name for c in table.columns]
        con.executemany(
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            [[row[c] for c in columns] for row in seed[table.name]],
        )
    con.execute(
        "INSERT INTO meta VALUES ('schema_version', ?), ('built_at', ?), (?, 'false')",
        [
            SCHEMA_VERSION,
            datetime.now(UTC).isoformat(timespec="seconds"),
            # Imported data is the organisation's own, not our illustrative seed.
            ILLUSTRATIVE_KEY,
        ],
    )


@contextlib.contextmanager
def scratch_database() -> Iterator[Connection]:
    """A new, empty radar database in memory (:func:`initialise_empty`), gone after the block.

    For checking an import into a database that does not exist yet.
    """
    con = duckdb.connect(":memory:")
    try:
        initialise_empty(con)
        yield con
    finally:
        con.close()
