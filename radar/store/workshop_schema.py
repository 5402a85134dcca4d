"""The workshop database's file, its schema as named steps, and opening it.

Workshops live in a DuckDB file of their own (:func:`resolve_workshop_db_path`),
because the dashboard opens the radar database read-only. Its versions are
steps of the named-migrations runner (:mod:`radar.store.migrations`), as the
radar database's are: opening a file written by an older version copies its
rows into a file of the current schema, step by step, and replaces it only
when complete.

Times are stored as naive UTC (a ``TIMESTAMP`` round-trips without the
session's time zone) and returned as aware UTC datetimes (:func:`to_db`,
:func:`from_db`, :func:`aware`).
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from radar.store.connection import DatabaseUnavailableError
from radar.store.migrations import Schema, Step, Tables, migrate_file, stored_version
from radar.store.paths import resolve_db_path
from radar.store.transactions import Connection, rows, transaction

__all__ = [
    "COMMENT_LIMIT",
    "PHASE_IDS",
    "QUESTION_IDS",
    "RATING_DIMENSIONS",
    "RATING_SCORES",
    "REVIEW_STATUSES",
    "TITLE_LIMIT",
    "VOTE_POINTS",
    "WORKSHOP_DB_ENV_VAR",
    "WORKSHOP_DB_NAME",
    "WORKSHOP_SCHEMA",
    "WORKSHOP_SCHEMA_VERSION",
    "WORKSHOP_STEPS",
    "WorkshopStoreBusyError",
    "WorkshopStoreError",
    "aware",
    "connect_workshops",
    "from_db",
    "new_key",
    "resolve_workshop_db_path",
    "table_counts",
    "to_db",
]

#: Environment variable naming the workshop database file.
WORKSHOP_DB_ENV_VAR = "RADAR_WORKSHOP_DB"
WORKSHOP_DB_NAME = "workshops.duckdb"

# The limits the tables enforce; the workshop rules check them first, with a
# message for people, and the schema stops whatever slips past.
#: Longest text answer to one question, in characters (after cleaning).
COMMENT_LIMIT = 500
#: Longest workshop or local-edition title.
TITLE_LIMIT = 120
#: The four phases of a technology process, in the order a technology goes through them.
PHASE_IDS: tuple[str, ...] = ("ideas", "impact", "procurement", "operation")
#: The four questions, in the order asked: ``answers.answer_<id>`` holds each one's text.
QUESTION_IDS: tuple[str, ...] = ("core", "work", "skills", "involvement")
#: What a facilitator decides about a comment; a comment without a decision is pending.
REVIEW_STATUSES: tuple[str, ...] = ("approved", "hidden")
#: The points one participant distributes when prioritising; one technology may get all of them.
VOTE_POINTS = 5
#: What a consequence rating rates: the benefit for the core task, the cost (økonomi),
#: the employees' working environment and the citizens.
RATING_DIMENSIONS: tuple[str, ...] = ("benefit", "cost", "work_environment", "citizens")
#: A rating's scores: 1 = very negative ... 5 = very positive, on every dimension.
RATING_SCORES: tuple[int, ...] = (1, 2, 3, 4, 5)


class WorkshopStoreError(DatabaseUnavailableError):
    """The workshop database cannot be opened."""


class WorkshopStoreBusyError(WorkshopStoreError):
    """Another process (normally the running dashboard) holds the workshop database."""


# No foreign keys: DuckDB cannot delete a row and the rows that refer to it in
# one transaction, and deleting a workshop with everything in it must be one
# transaction. The store's functions keep the references (they check a
# workshop, technology and ring inside the transaction that writes an answer).
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS workshops (
    id            VARCHAR PRIMARY KEY,
    code          VARCHAR NOT NULL UNIQUE,
    title         VARCHAR NOT NULL CHECK (length(title) BETWEEN 1 AND {TITLE_LIMIT}),
    area          VARCHAR NOT NULL,
    area_name_da  VARCHAR NOT NULL,
    area_name_en  VARCHAR NOT NULL,
    edition       INTEGER NOT NULL,
    created_at    TIMESTAMP NOT NULL,  -- UTC, as all times here
    closes_at     TIMESTAMP,
    closed_at     TIMESTAMP,
    -- What the projector's link holds: it shows the workshop, it controls nothing.
    projector_key VARCHAR NOT NULL UNIQUE,
    -- Who created it (their sign-in name and how they signed in); NULL: made
    -- before workshops had owners, or on the command line. Only editors run those.
    created_by    VARCHAR,
    created_via   VARCHAR,
    -- Whether the projector shows the group's answers or only how many there
    -- are; the facilitator's own view shows them either way.
    results_visible BOOLEAN NOT NULL DEFAULT true,
    -- Whether a comment waits for the facilitator's approval before the
    -- projector shows it. False for files made before moderation, so they keep
    -- what they did; a workshop created now states it (the app asks for true).
    moderated       BOOLEAN NOT NULL DEFAULT false,
    -- Whether participants may distribute their points (the prioritising round).
    voting_open BOOLEAN NOT NULL DEFAULT false,
    -- The technology (its position) the facilitator leads the room to; NULL:
    -- participants go at their own pace.
    current_position INTEGER,
    -- What the facilitator's phone remote holds: it steps through the
    -- technologies and nothing else. NULL: none made, or the workshop closed.
    remote_key    VARCHAR UNIQUE,
    -- What a co-facilitator's invitation link holds. NULL: none made, or closed.
    invite_key    VARCHAR UNIQUE
);

-- The radar's rings when the workshop was created: answers are checked against these.
CREATE TABLE IF NOT EXISTS workshop_rings (
    workshop_id VARCHAR NOT NULL,
    ring        VARCHAR NOT NULL,
    position    INTEGER NOT NULL,  -- 1 = innermost
    name_da     VARCHAR NOT NULL,
    name_en     VARCHAR NOT NULL,
    PRIMARY KEY (workshop_id, ring)
);

CREATE TABLE IF NOT EXISTS workshop_technologies (
    workshop_id   VARCHAR NOT NULL,
    technology    VARCHAR NOT NULL,
    position      INTEGER NOT NULL,
    name_da       VARCHAR NOT NULL,
    name_en       VARCHAR NOT NULL,
    sector        VARCHAR NOT NULL,
    official_ring VARCHAR,  -- NULL: not on the area's radar in the edition
    -- Whether answers about it are taken, and until when (a countdown; NULL: none).
    answers_open     BOOLEAN NOT NULL DEFAULT true,
    answers_close_at TIMESTAMP,
    PRIMARY KEY (workshop_id, technology)
);

-- Who else runs a workshop besides its creator: their sign-in identity and
-- how they signed in, as workshops.created_by and created_via keep the creator's.
CREATE TABLE IF NOT EXISTS workshop_facilitators (
    workshop_id VARCHAR NOT NULL,
    identity    VARCHAR NOT NULL,
    via         VARCHAR NOT NULL,
    added_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (workshop_id, identity, via)
);

-- Anonymous: no name, no address, no browser. The token is the participant's
-- browser session's secret while the workshop is open; closing drops it.
CREATE TABLE IF NOT EXISTS participants (
    id          VARCHAR PRIMARY KEY,
    workshop_id VARCHAR NOT NULL,
    token       VARCHAR UNIQUE,
    joined_at   TIMESTAMP NOT NULL
);

-- One answer per participant per technology; answering again replaces it.
CREATE TABLE IF NOT EXISTS answers (
    workshop_id        VARCHAR NOT NULL,
    participant_id     VARCHAR NOT NULL,
    technology         VARCHAR NOT NULL,
    ring               VARCHAR NOT NULL,
    phase              VARCHAR CHECK (phase IS NULL OR phase IN {PHASE_IDS!r}),
    answer_core        VARCHAR CHECK (length(answer_core) <= {COMMENT_LIMIT}),
    answer_work        VARCHAR CHECK (length(answer_work) <= {COMMENT_LIMIT}),
    answer_skills      VARCHAR CHECK (length(answer_skills) <= {COMMENT_LIMIT}),
    answer_involvement VARCHAR CHECK (length(answer_involvement) <= {COMMENT_LIMIT}),
    updated_at         TIMESTAMP NOT NULL,
    PRIMARY KEY (workshop_id, participant_id, technology)
);

-- Dot voting: a participant's points per technology; saving replaces them all,
-- and a technology given no points has no row.
CREATE TABLE IF NOT EXISTS votes (
    workshop_id    VARCHAR NOT NULL,
    participant_id VARCHAR NOT NULL,
    technology     VARCHAR NOT NULL,
    points         INTEGER NOT NULL CHECK (points BETWEEN 1 AND {VOTE_POINTS}),
    updated_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (workshop_id, participant_id, technology)
);

-- A participant's consequence rating of a technology, one row per dimension
-- rated (none: not rated); saved, and replaced, with their answer.
CREATE TABLE IF NOT EXISTS ratings (
    workshop_id    VARCHAR NOT NULL,
    participant_id VARCHAR NOT NULL,
    technology     VARCHAR NOT NULL,
    dimension      VARCHAR NOT NULL CHECK (dimension IN {RATING_DIMENSIONS!r}),
    score          INTEGER NOT NULL
                   CHECK (score BETWEEN {RATING_SCORES[0]} AND {RATING_SCORES[-1]}),
    updated_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (workshop_id, participant_id, technology, dimension)
);

-- A group's consensus. Seen in its workshop's facilitator view; on the radar
-- page for every viewer only once an editor has published it.
CREATE TABLE IF NOT EXISTS local_editions (
    id           VARCHAR PRIMARY KEY,
    title        VARCHAR NOT NULL CHECK (length(title) BETWEEN 1 AND {TITLE_LIMIT}),
    area         VARCHAR NOT NULL,
    edition      INTEGER NOT NULL,
    workshop_id  VARCHAR NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    published    BOOLEAN NOT NULL DEFAULT false,
    published_at TIMESTAMP
);

CREATE TABLE IF NOT EXISTS local_placements (
    local_edition_id VARCHAR NOT NULL,
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

-- The facilitator's verdict on one text answer (a question of an answer). No
-- row: pending. Changing the text deletes the row (in the answer's transaction),
-- and a verdict counts only for the text it was given to (text_sha256), so an
-- approval never outlives its words, even when the two writes cross.
CREATE TABLE IF NOT EXISTS comment_reviews (
    workshop_id    VARCHAR NOT NULL,
    participant_id VARCHAR NOT NULL,
    technology     VARCHAR NOT NULL,
    question       VARCHAR NOT NULL CHECK (question IN {QUESTION_IDS!r}),
    status         VARCHAR NOT NULL CHECK (status IN {REVIEW_STATUSES!r}),
    text_sha256    VARCHAR NOT NULL,
    reviewed_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (workshop_id, participant_id, technology, question)
);

-- Editors' and facilitators' sign-ins and the lockout after wrong passwords,
-- when several dashboard processes share this database (radar/shared_signins.py).
-- Here, beside the participants' sessions, because every dashboard writes this
-- database; never carried over by a migration: a migrated file starts signed out.
-- Times are seconds since 1970 (UTC), comparable across processes.
CREATE TABLE IF NOT EXISTS sign_ins (
    browser_key VARCHAR PRIMARY KEY,          -- a hash of the browser's id, never the id
    user_json   VARCHAR NOT NULL,
    created     DOUBLE PRECISION NOT NULL,
    last_seen   DOUBLE PRECISION NOT NULL
);

CREATE TABLE IF NOT EXISTS sign_in_addresses (
    address      VARCHAR PRIMARY KEY,
    failures     INTEGER NOT NULL,
    strikes      INTEGER NOT NULL,
    locked_until DOUBLE PRECISION NOT NULL,
    last_failed  DOUBLE PRECISION NOT NULL
);

CREATE TABLE IF NOT EXISTS sign_in_failures (
    account   VARCHAR NOT NULL,
    address   VARCHAR NOT NULL,
    failed_at DOUBLE PRECISION NOT NULL
);
"""

#: The tables, in the order a migration copies them.
_TABLES = (
    "workshops",
    "workshop_rings",
    "workshop_technologies",
    "workshop_facilitators",
    "participants",
    "answers",
    "votes",
    "ratings",
    "local_editions",
    "local_placements",
    "comment_reviews",
)


def new_key() -> str:
    """A fresh random key (32 hex digits): a workshop id, a projector, remote or invitation key."""
    return secrets.token_hex(16)


def _owners_projector_no_names(tables: Tables) -> Tables:
    """Step 2: a projector key per workshop; no names; closed workshops' tokens dropped.

    The ``name`` column is simply not copied (the new schema has none), so a
    migrated file keeps no participant's name. Existing local editions stay
    unpublished until an editor publishes them: anyone could save one before.
    """
    out = dict(tables)
    workshops = tables.get("workshops", pd.DataFrame()).copy()
    if "id" in workshops:
        workshops["projector_key"] = [new_key() for _ in range(len(workshops))]
        now = pd.Timestamp(datetime.now(UTC).replace(tzinfo=None))
        ended = workshops["closed_at"].notna() | (workshops["closes_at"] < now)
        closed = set(workshops.loc[ended, "id"])
        out["workshops"] = workshops
        participants = tables.get("participants", pd.DataFrame()).copy()
        if "token" in participants:
            participants["token"] = participants["token"].astype(object)
            participants.loc[participants["workshop_id"].isin(closed), "token"] = None
            out["participants"] = participants.drop(columns=["name"], errors="ignore")
    return out


#: The workshop database's versions. A new step goes at the end, and the
#: schema above becomes the schema it describes.
WORKSHOP_STEPS: tuple[Step, ...] = (
    # Workshops, their rings and technologies, participants (with an optional
    # name), answers, local editions and their placements.
    Step(1, "001_initial"),
    # Owners (created_by, created_via), projector keys, published local
    # editions; participants without names; no foreign keys.
    Step(2, "002_owners_projector_no_names", _owners_projector_no_names),
    # Results hidden from the projector until the facilitator reveals them
    # (workshops.results_visible): the schema's default, shown, fills it, so a
    # workshop shows on its projector what it showed before.
    Step(3, "003_results_visible"),
    # Comments held for the facilitator's approval: workshops.moderated (false,
    # the schema's default, so an existing workshop's wall shows what it did)
    # and the comment_reviews table, empty: every comment starts pending.
    Step(4, "004_comment_moderation"),
    # Dot voting and consequence ratings: the tables votes and ratings, and
    # workshops.voting_open (the schema's default, closed, fills it).
    Step(5, "005_votes_ratings"),
    # Pacing and co-facilitators: per technology whether answers are taken and
    # a countdown (workshop_technologies.answers_open, answers_close_at), the
    # technology the room is led to (workshops.current_position), the phone
    # remote's and the co-facilitator invitation's keys, and the
    # co-facilitators (workshop_facilitators). The schema's defaults fill them:
    # every technology open, no led mode, no keys, nobody else, as before.
    Step(6, "006_pacing_cofacilitators"),
    # Sign-ins and the lockout shared by several dashboard processes: the tables
    # sign_ins, sign_in_addresses and sign_in_failures, which start empty.
    Step(7, "007_shared_sign_ins"),
)

WORKSHOP_SCHEMA = Schema(steps=WORKSHOP_STEPS, sql=lambda: _SCHEMA, tables=_TABLES)

#: The current version: the number of the last step.
WORKSHOP_SCHEMA_VERSION = WORKSHOP_SCHEMA.version


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


def _unavailable(target: Path, exc: duckdb.Error) -> WorkshopStoreError:
    if "lock" in str(exc).lower():
        return WorkshopStoreBusyError(
            f"the workshop database {target} is in use by another process, normally the "
            "running dashboard: create or manage the workshop in the app, or stop the "
            f"dashboard and try again. ({exc})"
        )
    return WorkshopStoreError(
        f"cannot open the workshop database {target}: {exc}. If it is not a DuckDB file, "
        f"move it away; {WORKSHOP_DB_ENV_VAR} chooses another file."
    )


def _open(target: Path, read_only: bool) -> Connection:
    try:
        return duckdb.connect(str(target), read_only=read_only)
    except duckdb.IOException as exc:
        raise _unavailable(target, exc) from exc


def _needs_migration(con: Connection, target: Path) -> bool:
    """Whether the file is of an older workshop schema; refuses one that is not a workshop file.

    A file with tables but no version, or a version newer than this program
    knows, is refused, never rewritten: it may be another program's data.
    """
    version = stored_version(con, WORKSHOP_SCHEMA)
    tables = rows(
        con, "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database()"
    )[0][0]
    if version == WORKSHOP_SCHEMA_VERSION or (version is None and not tables):
        return False
    if version is None or not version.isdigit() or int(version) > int(WORKSHOP_SCHEMA_VERSION):
        raise WorkshopStoreError(
            f"the workshop database {target} has schema version {version}, this program "
            f"expects {WORKSHOP_SCHEMA_VERSION}"
        )
    return True


def connect_workshops(
    path: str | os.PathLike[str] | None = None, *, read_only: bool = False
) -> Connection:
    """Open the workshop database, creating the file and its tables when missing.

    A file of an older schema is migrated first (:data:`WORKSHOP_STEPS`). One
    process should hold one connection and run each operation on a cursor of
    it (every function of the workshops does); DuckDB lets only one process
    open the file for writing.

    Parameters
    ----------
    path
        The file; resolved with :func:`resolve_workshop_db_path`.
    read_only
        Open without writing (the file must exist then; an old one is still migrated).

    Raises
    ------
    WorkshopStoreBusyError
        Another process, normally the running dashboard, has the file open.
    WorkshopStoreError
        The file is not a DuckDB database, is missing (read-only), or was
        written by another program or a newer version of the workshop schema.
    """
    target = resolve_workshop_db_path(path)
    if read_only and not target.exists():
        raise WorkshopStoreError(f"there is no workshop database at {target} yet")
    if not read_only:
        target.parent.mkdir(parents=True, exist_ok=True)
    con = _open(target, read_only)
    try:
        if _needs_migration(con, target):
            con.close()
            try:
                migrate_file(target, WORKSHOP_SCHEMA)
            except duckdb.IOException as exc:
                raise _unavailable(target, exc) from exc
            con = _open(target, read_only)
        if not read_only:
            with transaction(con, lock=False) as cur:
                cur.execute(_SCHEMA)
                cur.execute(
                    "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                    [WORKSHOP_SCHEMA_VERSION],
                )
        version = stored_version(con, WORKSHOP_SCHEMA)
        if version != WORKSHOP_SCHEMA_VERSION:
            raise WorkshopStoreError(
                f"the workshop database {target} has schema version {version}, this program "
                f"expects {WORKSHOP_SCHEMA_VERSION}"
            )
    except BaseException:
        con.close()
        raise
    return con


def table_counts(con: Connection) -> dict[str, int]:
    """Rows per workshop table (for tests and diagnostics)."""
    return {name: rows(con, f"SELECT count(*) FROM {name}")[0][0] for name in _TABLES}


# --- times ---------------------------------------------------------------------------


def to_db(moment: datetime | None) -> datetime | None:
    """An aware time as the tables keep it: naive UTC."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None)


def from_db(moment: datetime | None) -> datetime | None:
    """A stored time (naive UTC) as an aware one."""
    return None if moment is None else moment.replace(tzinfo=UTC)


def aware(moment: datetime) -> datetime:
    """A stored time of a NOT NULL column (never None) as an aware one."""
    return moment.replace(tzinfo=UTC)
