"""The workshop database: its file, its tables and every query the workshops run.

Workshops live in a DuckDB file of their own (:func:`resolve_workshop_db_path`),
because the dashboard opens the radar database read-only. One process holds
one read-write connection (:func:`connect_workshops`); every function here
either takes a cursor that the caller's transaction runs on, or opens a cursor
of its own, so threads can share that connection.

Times are stored as naive UTC (a ``TIMESTAMP`` round-trips without the
session's time zone) and returned as aware UTC datetimes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from radar.store import DatabaseUnavailableError, resolve_db_path
from radar.store.transactions import Connection, read, rows, transaction

__all__ = [
    "COMMENT_LIMIT",
    "NAME_LIMIT",
    "PHASE_IDS",
    "TITLE_LIMIT",
    "WORKSHOP_DB_ENV_VAR",
    "WORKSHOP_DB_NAME",
    "WORKSHOP_SCHEMA_VERSION",
    "StoredAnswer",
    "StoredLocalEdition",
    "StoredParticipant",
    "StoredWorkshop",
    "WorkshopStoreBusyError",
    "WorkshopStoreError",
    "all_workshops",
    "answers_frame",
    "close_workshop",
    "connect_workshops",
    "count_participants",
    "insert_answer",
    "insert_local_edition",
    "insert_participant",
    "insert_workshop",
    "local_editions",
    "local_placements",
    "local_title_taken",
    "participant_answers",
    "participant_by_token",
    "resolve_workshop_db_path",
    "table_counts",
    "workshops_by_code",
    "workshops_by_id",
]

#: Environment variable naming the workshop database file.
WORKSHOP_DB_ENV_VAR = "RADAR_WORKSHOP_DB"
WORKSHOP_DB_NAME = "workshops.duckdb"
#: Bump when the tables change; a file with another version is refused, not guessed at.
WORKSHOP_SCHEMA_VERSION = "1"

# The limits the tables enforce; the workshop rules check them first, with a
# message for people, and the schema stops whatever slips past.
#: Longest text answer to one question, in characters (after cleaning).
COMMENT_LIMIT = 500
#: Longest participant name.
NAME_LIMIT = 60
#: Longest workshop or local-edition title.
TITLE_LIMIT = 120
#: The four phases of a technology process, in the order a technology goes through them.
PHASE_IDS: tuple[str, ...] = ("ideas", "impact", "procurement", "operation")


class WorkshopStoreError(DatabaseUnavailableError):
    """The workshop database cannot be opened."""


class WorkshopStoreBusyError(WorkshopStoreError):
    """Another process (normally the running dashboard) holds the workshop database."""


_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS workshops (
    id           VARCHAR PRIMARY KEY,
    code         VARCHAR NOT NULL UNIQUE,
    title        VARCHAR NOT NULL CHECK (length(title) BETWEEN 1 AND {TITLE_LIMIT}),
    area         VARCHAR NOT NULL,
    area_name_da VARCHAR NOT NULL,
    area_name_en VARCHAR NOT NULL,
    edition      INTEGER NOT NULL,
    created_at   TIMESTAMP NOT NULL,  -- UTC, as all times here
    closes_at    TIMESTAMP,
    closed_at    TIMESTAMP
);

-- The radar's rings when the workshop was created: answers are checked against these.
CREATE TABLE IF NOT EXISTS workshop_rings (
    workshop_id VARCHAR NOT NULL REFERENCES workshops (id),
    ring        VARCHAR NOT NULL,
    position    INTEGER NOT NULL,  -- 1 = innermost
    name_da     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    PRIMARY KEY (workshop_id, ring)
);

CREATE TABLE IF NOT EXISTS workshop_technologies (
    workshop_id   VARCHAR NOT NULL REFERENCES workshops (id),
    technology    VARCHAR NOT NULL,
    position      INTEGER NOT NULL,
    name_da       VARCHAR NOT NULL,
    name_en       VARCHAR NOT NULL,
    sector        VARCHAR NOT NULL,
    official_ring VARCHAR,  -- NULL: not on the area's radar in the edition
    PRIMARY KEY (workshop_id, technology)
);

CREATE TABLE IF NOT EXISTS participants (
    id          VARCHAR PRIMARY KEY,
    workshop_id VARCHAR NOT NULL REFERENCES workshops (id),
    token       VARCHAR NOT NULL UNIQUE,
    name        VARCHAR CHECK (name IS NULL OR length(name) BETWEEN 1 AND {NAME_LIMIT}),
    joined_at   TIMESTAMP NOT NULL
);

-- One answer per participant per technology; answering again replaces it.
CREATE TABLE IF NOT EXISTS answers (
    workshop_id        VARCHAR NOT NULL,
    participant_id     VARCHAR NOT NULL REFERENCES participants (id),
    technology         VARCHAR NOT NULL,
    ring               VARCHAR NOT NULL,
    phase              VARCHAR CHECK (phase IS NULL OR phase IN {PHASE_IDS!r}),
    answer_core        VARCHAR CHECK (length(answer_core) <= {COMMENT_LIMIT}),
    answer_work        VARCHAR CHECK (length(answer_work) <= {COMMENT_LIMIT}),
    answer_skills      VARCHAR CHECK (length(answer_skills) <= {COMMENT_LIMIT}),
    answer_involvement VARCHAR CHECK (length(answer_involvement) <= {COMMENT_LIMIT}),
    updated_at         TIMESTAMP NOT NULL,
    PRIMARY KEY (workshop_id, participant_id, technology),
    FOREIGN KEY (workshop_id, technology)
        REFERENCES workshop_technologies (workshop_id, technology),
    FOREIGN KEY (workshop_id, ring) REFERENCES workshop_rings (workshop_id, ring)
);

CREATE TABLE IF NOT EXISTS local_editions (
    id          VARCHAR PRIMARY KEY,
    title       VARCHAR NOT NULL CHECK (length(title) BETWEEN 1 AND {TITLE_LIMIT}),
    area        VARCHAR NOT NULL,
    edition     INTEGER NOT NULL,
    workshop_id VARCHAR NOT NULL REFERENCES workshops (id),
    created_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS local_placements (
    local_edition_id VARCHAR NOT NULL REFERENCES local_editions (id),
    technology       VARCHAR NOT NULL,
    position         INTEGER NOT NULL,
    name_da          VARCHAR NOT NULL,
    name_en          VARCHAR NOT NULL,
    sector           VARCHAR NOT NULL,
    ring             VARCHAR NOT NULL,
    official_ring    VARCHAR,
    agreement        DOUBLE NOT NULL CHECK (agreement > 0 AND agreement <= 1),
    answers          INTEGER NOT NULL CHECK (answers > 0),
    PRIMARY KEY (local_edition_id, technology)
);
"""

_TABLES = (
    "workshops",
    "workshop_rings",
    "workshop_technologies",
    "participants",
    "answers",
    "local_editions",
    "local_placements",
)


# --- the file ----------------------------------------------------------------------


def resolve_workshop_db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """Where the workshop database is.

    Parameters
    ----------
    path
        Used when given; else ``$RADAR_WORKSHOP_DB``; else ``workshops.duckdb``
        in the folder of the radar database (:func:`radar.store.resolve_db_path`).
    """
    if path:
        return Path(path)
    from_env = os.environ.get(WORKSHOP_DB_ENV_VAR)
    if from_env:
        return Path(from_env)
    return resolve_db_path().parent / WORKSHOP_DB_NAME


def connect_workshops(
    path: str | os.PathLike[str] | None = None, *, read_only: bool = False
) -> Connection:
    """Open the workshop database, creating the file and its tables when missing.

    One process should hold one connection and run each operation on a cursor
    of it (every function of the workshops does); DuckDB lets only one process
    open the file for writing.

    Parameters
    ----------
    path
        The file; resolved with :func:`resolve_workshop_db_path`.
    read_only
        Open without writing (the file must exist then).

    Raises
    ------
    WorkshopStoreBusyError
        Another process, normally the running dashboard, has the file open.
    WorkshopStoreError
        The file is not a DuckDB database, is missing (read-only), or was
        written by another version of the workshop schema.
    """
    target = resolve_workshop_db_path(path)
    if read_only and not target.exists():
        raise WorkshopStoreError(f"there is no workshop database at {target} yet")
    if not read_only:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(target), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise WorkshopStoreBusyError(
                f"the workshop database {target} is in use by another process, normally the "
                "running dashboard: create or manage the workshop in the app, or stop the "
                f"dashboard and try again. ({exc})"
            ) from exc
        raise WorkshopStoreError(
            f"cannot open the workshop database {target}: {exc}. If it is not a DuckDB file, "
            f"move it away; {WORKSHOP_DB_ENV_VAR} chooses another file."
        ) from exc
    try:
        if not read_only:
            with transaction(con, lock=False) as cur:
                _create_schema(cur)
        _check_schema_version(con, target)
    except BaseException:
        con.close()
        raise
    return con


def _create_schema(cur: Connection) -> None:
    cur.execute(_SCHEMA)
    cur.execute(
        "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
        [WORKSHOP_SCHEMA_VERSION],
    )


def _check_schema_version(con: Connection, target: Path) -> None:
    try:
        found = rows(con, "SELECT value FROM meta WHERE key = 'schema_version'")
    except duckdb.CatalogException:
        found = []
    version = found[0][0] if found else None
    if version != WORKSHOP_SCHEMA_VERSION:
        raise WorkshopStoreError(
            f"the workshop database {target} has schema version {version}, this program "
            f"expects {WORKSHOP_SCHEMA_VERSION}"
        )


def table_counts(con: Connection) -> dict[str, int]:
    """Rows per workshop table (for tests and diagnostics)."""
    return {name: rows(con, f"SELECT count(*) FROM {name}")[0][0] for name in _TABLES}


def _to_db(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None)


def _from_db(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=UTC)


def _aware(moment: datetime) -> datetime:
    # For the NOT NULL columns: never None.
    return moment.replace(tzinfo=UTC)


# --- workshops -----------------------------------------------------------------------


@dataclass(frozen=True)
class StoredWorkshop:
    """A workshop's row with its technologies and rings, as stored.

    ``technologies`` are ``(id, sector, name_da, name_en, official_ring)`` in
    the order they are asked; ``rings`` are ``(id, position, name_da, name_en)``
    inside out.
    """

    id: str
    code: str
    title: str
    area: str
    area_name_da: str
    area_name_en: str
    edition: int
    created_at: datetime
    closes_at: datetime | None
    closed_at: datetime | None
    technologies: tuple[tuple[str, str, str, str, str | None], ...]
    rings: tuple[tuple[str, int, str, str], ...]


_WORKSHOP_COLUMNS = (
    "id, code, title, area, area_name_da, area_name_en, edition, created_at, closes_at, closed_at"
)


def _load_workshops(cur: Connection, where: str, params: Sequence[object]) -> list[StoredWorkshop]:
    heads = cur.execute(
        f"SELECT {_WORKSHOP_COLUMNS} FROM workshops WHERE {where} ORDER BY created_at DESC, id",
        list(params),
    ).fetchall()
    if not heads:
        return []
    ids = [row[0] for row in heads]
    technologies: dict[str, list[tuple[str, str, str, str, str | None]]] = {i: [] for i in ids}
    for row in cur.execute(
        "SELECT workshop_id, technology, sector, name_da, name_en, official_ring "
        "FROM workshop_technologies WHERE list_contains(?, workshop_id) "
        "ORDER BY workshop_id, position",
        [ids],
    ).fetchall():
        technologies[row[0]].append(tuple(row[1:]))
    rings: dict[str, list[tuple[str, int, str, str]]] = {i: [] for i in ids}
    for row in cur.execute(
        "SELECT workshop_id, ring, position, name_da, name_en FROM workshop_rings "
        "WHERE list_contains(?, workshop_id) ORDER BY workshop_id, position",
        [ids],
    ).fetchall():
        rings[row[0]].append(tuple(row[1:]))
    return [
        StoredWorkshop(
            id=row[0],
            code=row[1],
            title=row[2],
            area=row[3],
            area_name_da=row[4],
            area_name_en=row[5],
            edition=row[6],
            created_at=_aware(row[7]),
            closes_at=_from_db(row[8]),
            closed_at=_from_db(row[9]),
            technologies=tuple(technologies[row[0]]),
            rings=tuple(rings[row[0]]),
        )
        for row in heads
    ]


def workshops_by_code(cur: Connection, code: str) -> list[StoredWorkshop]:
    """The workshop with this (normalised) join code: one or none."""
    return _load_workshops(cur, "code = ?", [code])


def workshops_by_id(cur: Connection, workshop_id: str) -> list[StoredWorkshop]:
    """The workshop with this id: one or none."""
    return _load_workshops(cur, "id = ?", [workshop_id])


def all_workshops(cur: Connection) -> list[StoredWorkshop]:
    """Every workshop, newest first."""
    return _load_workshops(cur, "true", [])


def insert_workshop(
    cur: Connection,
    *,
    workshop_id: str,
    code: str,
    title: str,
    area: str,
    area_name_da: str,
    area_name_en: str,
    edition: int,
    created_at: datetime,
    closes_at: datetime | None,
    rings: Sequence[tuple[str, int, str, str]],
    technologies: Sequence[tuple[str, str, str, str, str | None]],
) -> None:
    """Add a new, open workshop with its rings and technologies.

    ``rings`` are ``(id, position, name_da, name_en)``; ``technologies`` are
    ``(id, name_da, name_en, sector, official_ring)`` in the order they are asked.

    Raises
    ------
    radar.store.transactions.DuplicateKey
        (At commit, through the transaction.) The code is taken already.
    """
    cur.execute(
        "INSERT INTO workshops VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        [
            workshop_id,
            code,
            title,
            area,
            area_name_da,
            area_name_en,
            edition,
            _to_db(created_at),
            _to_db(closes_at),
        ],
    )
    cur.executemany(
        "INSERT INTO workshop_rings VALUES (?, ?, ?, ?, ?)",
        [[workshop_id, *ring] for ring in rings],
    )
    cur.executemany(
        "INSERT INTO workshop_technologies VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(workshop_id, item[0], i, *item[1:]) for i, item in enumerate(technologies, start=1)],
    )


def close_workshop(cur: Connection, workshop_id: str, closed_at: datetime) -> None:
    """Mark a workshop closed at ``closed_at``, unless it was closed already."""
    cur.execute(
        "UPDATE workshops SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
        [_to_db(closed_at), workshop_id],
    )


# --- participants and answers -------------------------------------------------------------


@dataclass(frozen=True)
class StoredParticipant:
    """A participant's row."""

    id: str
    workshop_id: str
    token: str
    name: str | None
    joined_at: datetime


def insert_participant(
    cur: Connection,
    participant_id: str,
    workshop_id: str,
    token: str,
    name: str | None,
    joined_at: datetime,
) -> None:
    """Add a participant to a workshop."""
    cur.execute(
        "INSERT INTO participants VALUES (?, ?, ?, ?, ?)",
        [participant_id, workshop_id, token, name, _to_db(joined_at)],
    )


def participant_by_token(cur: Connection, workshop_id: str, token: str) -> StoredParticipant | None:
    """The participant of a workshop whose secret token this is, or None."""
    found = cur.execute(
        "SELECT id, workshop_id, token, name, joined_at FROM participants "
        "WHERE token = ? AND workshop_id = ?",
        [token, workshop_id],
    ).fetchall()
    if not found:
        return None
    row = found[0]
    return StoredParticipant(row[0], row[1], row[2], row[3], _aware(row[4]))


@dataclass(frozen=True)
class StoredAnswer:
    """An answer's row; ``core`` to ``involvement`` are the four texts."""

    workshop_id: str
    participant_id: str
    technology: str
    ring: str
    phase: str | None
    core: str | None
    work: str | None
    skills: str | None
    involvement: str | None
    updated_at: datetime


_ANSWER_COLUMNS = (
    "workshop_id, participant_id, technology, ring, phase, "
    "answer_core, answer_work, answer_skills, answer_involvement, updated_at"
)


def participant_answers(
    cur: Connection, workshop_id: str, participant_id: str
) -> list[StoredAnswer]:
    """A participant's answers in a workshop, in no particular order."""
    found = cur.execute(
        f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE workshop_id = ? AND participant_id = ?",
        [workshop_id, participant_id],
    ).fetchall()
    return [
        StoredAnswer(
            workshop_id=row[0],
            participant_id=row[1],
            technology=row[2],
            ring=row[3],
            phase=row[4],
            core=row[5],
            work=row[6],
            skills=row[7],
            involvement=row[8],
            updated_at=_aware(row[9]),
        )
        for row in found
    ]


def insert_answer(cur: Connection, answer: StoredAnswer) -> None:
    """Store an answer, replacing the participant's earlier one about the technology."""
    cur.execute(
        f"""
        INSERT INTO answers ({_ANSWER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (workshop_id, participant_id, technology) DO UPDATE SET
            ring = excluded.ring,
            phase = excluded.phase,
            answer_core = excluded.answer_core,
            answer_work = excluded.answer_work,
            answer_skills = excluded.answer_skills,
            answer_involvement = excluded.answer_involvement,
            updated_at = excluded.updated_at
        """,
        [
            answer.workshop_id,
            answer.participant_id,
            answer.technology,
            answer.ring,
            answer.phase,
            answer.core,
            answer.work,
            answer.skills,
            answer.involvement,
            _to_db(answer.updated_at),
        ],
    )


def count_participants(cur: Connection, workshop_id: str) -> int:
    """How many joined the workshop."""
    found = cur.execute(
        "SELECT count(*) FROM participants WHERE workshop_id = ?", [workshop_id]
    ).fetchall()
    return int(found[0][0])


def answers_frame(cur: Connection, workshop_id: str) -> pd.DataFrame:
    """Every answer of a workshop, oldest first.

    Columns as stored: ``workshop_id, participant_id, technology, ring, phase,
    answer_core, answer_work, answer_skills, answer_involvement, updated_at``.
    """
    return cur.execute(
        f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE workshop_id = ? "
        "ORDER BY updated_at, participant_id",
        [workshop_id],
    ).df()


# --- local editions ----------------------------------------------------------------------


@dataclass(frozen=True)
class StoredLocalEdition:
    """A local edition's row."""

    id: str
    title: str
    area: str
    edition: int
    workshop_id: str
    created_at: datetime


def local_title_taken(cur: Connection, area: str, title: str) -> bool:
    """Whether another local edition of the area has this title (case does not matter)."""
    found = cur.execute(
        "SELECT count(*) FROM local_editions WHERE area = ? AND lower(title) = lower(?)",
        [area, title],
    ).fetchall()
    return bool(found[0][0])


def insert_local_edition(
    cur: Connection,
    edition: StoredLocalEdition,
    placements: Sequence[tuple[str, str, str, str, str, str | None, float, int]],
) -> None:
    """Add a local edition and its placements.

    ``placements`` are ``(technology, name_da, name_en, sector, ring,
    official_ring, agreement, answers)`` in the workshop's order.
    """
    cur.execute(
        "INSERT INTO local_editions VALUES (?, ?, ?, ?, ?, ?)",
        [
            edition.id,
            edition.title,
            edition.area,
            edition.edition,
            edition.workshop_id,
            _to_db(edition.created_at),
        ],
    )
    cur.executemany(
        "INSERT INTO local_placements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(edition.id, item[0], i, *item[1:]) for i, item in enumerate(placements, start=1)],
    )


def local_editions(con: Connection, area: str | None = None) -> list[StoredLocalEdition]:
    """The saved local editions, newest first; only ``area``'s when given."""
    where, params = ("area = ?", [area]) if area is not None else ("true", [])
    found = rows(
        con,
        "SELECT id, title, area, edition, workshop_id, created_at FROM local_editions "
        f"WHERE {where} ORDER BY created_at DESC, id",
        params,
    )
    return [
        StoredLocalEdition(
            id=row[0],
            title=row[1],
            area=row[2],
            edition=row[3],
            workshop_id=row[4],
            created_at=_aware(row[5]),
        )
        for row in found
    ]


def local_placements(con: Connection, local_edition_id: str) -> pd.DataFrame | None:
    """A local edition's blips in the workshop's order; None when there is no such edition.

    Columns ``id, sector, ring, agreement, answers, official_ring, name_da, name_en``.
    """

    def placements(cur: Connection) -> pd.DataFrame | None:
        found = cur.execute(
            "SELECT count(*) FROM local_editions WHERE id = ?", [local_edition_id]
        ).fetchall()[0][0]
        if not found:
            return None
        return cur.execute(
            "SELECT technology AS id, sector, ring, agreement, answers, official_ring, "
            "name_da, name_en FROM local_placements WHERE local_edition_id = ? ORDER BY position",
            [local_edition_id],
        ).df()

    return read(con, placements)
