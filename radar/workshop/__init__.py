"""Live workshops: a facilitator asks a group to place the radar's technologies.

A facilitator creates a workshop for one welfare area and edition; it gets an
unguessable join code, a join link and a QR code. Participants join with the
code (a name is optional), and for each technology place it in a ring (their
own view), say which of the four implementation phases their workplace is in,
and may answer the four questions of "Sammen om ny teknologi" in a short text.
One answer per participant per technology: answering again replaces the
earlier answer. The facilitator follows the group's answers live, closes the
workshop, exports the results and can save the group's consensus as a local
radar edition.

Storage
-------
Workshops live in a DuckDB file of their own (:func:`resolve_workshop_db_path`),
because the dashboard opens the radar database read-only. A workshop keeps a
snapshot of what it needs from the radar database (the area's name, the rings,
the technologies with their names and official ring), so it never needs the
radar database again. One process holds one read-write connection
(:func:`connect_workshops`); every function here runs on its own
``con.cursor()``, so threads can share that connection.

Errors
------
Every rejection is a :class:`WorkshopError` with an i18n key and details:
``exc.message(lang)`` is the text for a user, ``str(exc)`` the English one.
A rejected call stores nothing.

Pure data, no Streamlit.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import re
import secrets
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Literal, TypeVar

import duckdb
import pandas as pd
import segno

from radar import store
from radar.i18n import t
from radar.model import COMBINED_AREA, DEFAULT_LANG, Catalog, Lang
from radar.pipeline import history
from radar.pipeline.view import number_entries

__all__ = [
    "AGREEMENT_THRESHOLD",
    "BASE_URL_ENV_VAR",
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "COMMENT_LIMIT",
    "DEFAULT_BASE_URL",
    "JOIN_PAGE",
    "MIN_ANSWERS_FOR_VERDICT",
    "NAME_LIMIT",
    "PHASES",
    "PHASE_IDS",
    "QUESTIONS",
    "QUESTION_IDS",
    "TITLE_LIMIT",
    "WORKSHOP_DB_ENV_VAR",
    "WORKSHOP_DB_NAME",
    "WORKSHOP_SCHEMA_VERSION",
    "Agreement",
    "Answer",
    "AnswerRejectedError",
    "Comment",
    "LocalEdition",
    "LocalEditionNotFoundError",
    "Participant",
    "Phase",
    "Question",
    "TechnologyResult",
    "Workshop",
    "WorkshopClosedError",
    "WorkshopError",
    "WorkshopInputError",
    "WorkshopNotFoundError",
    "WorkshopResults",
    "WorkshopRing",
    "WorkshopStoreBusyError",
    "WorkshopStoreError",
    "WorkshopTechnology",
    "area_technologies",
    "close_workshop",
    "comments_frame",
    "connect_workshops",
    "create_workshop",
    "distribution_frame",
    "export_csv",
    "export_frame",
    "export_xlsx",
    "find_participant",
    "find_workshop",
    "format_code",
    "get_workshop",
    "group_ring",
    "join",
    "join_link",
    "list_local_editions",
    "list_workshops",
    "local_placements",
    "normalize_code",
    "official_rings",
    "participant_answers",
    "qr_png",
    "qr_svg",
    "resolve_base_url",
    "resolve_workshop_db_path",
    "results",
    "save_consensus",
    "submit_answer",
    "table_counts",
    "validate_workshop",
]

Connection = duckdb.DuckDBPyConnection
T = TypeVar("T")

#: Environment variable naming the workshop database file.
WORKSHOP_DB_ENV_VAR = "RADAR_WORKSHOP_DB"
WORKSHOP_DB_NAME = "workshops.duckdb"
#: Bump when the tables change; a file with another version is refused, not guessed at.
WORKSHOP_SCHEMA_VERSION = "1"

#: Join codes: no 0/O, 1/I/L, so a code read aloud or off a projector is typed right.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#: 31**10 is about 8e14 codes: not guessable by trying, short enough to type.
CODE_LENGTH = 10
#: Longest text answer to one question, in characters (after cleaning).
COMMENT_LIMIT = 500
#: Longest participant name.
NAME_LIMIT = 60
#: Longest workshop or local-edition title.
TITLE_LIMIT = 120
#: A group "agrees" on a technology when at least this share of its answers
#: are in the modal ring; below it the group is "split".
AGREEMENT_THRESHOLD = 0.6
#: Fewer answers than this give no verdict: one person cannot agree or disagree.
MIN_ANSWERS_FOR_VERDICT = 2
#: How many times a write is tried when a concurrent transaction conflicts.
WRITE_ATTEMPTS = 10
#: The participant page's url_path; :func:`join_link` points there.
JOIN_PAGE = "deltag"
#: Environment variable: where participants reach the dashboard, for join links.
BASE_URL_ENV_VAR = "RADAR_BASE_URL"
DEFAULT_BASE_URL = "http://localhost:8501"


# --- the discussion frame: four phases and four questions -----------------


@dataclass(frozen=True)
class Phase:
    """A phase of a technology process ("Sammen om ny teknologi", Fremfærd 2022)."""

    id: str

    @property
    def label_key(self) -> str:
        """The i18n key of the phase's name."""
        return f"workshop.phase.{self.id}"

    @property
    def help_key(self) -> str:
        """The i18n key of the phase's one-line explanation."""
        return f"workshop.phase.{self.id}.help"

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The phase's name in ``lang``, e.g. "Idéudvikling"."""
        return t(self.label_key, lang)

    def help(self, lang: Lang = DEFAULT_LANG) -> str:
        """What the phase is about, in ``lang``."""
        return t(self.help_key, lang)


@dataclass(frozen=True)
class Question:
    """One of the four basic questions, one per theme."""

    id: str

    @property
    def label_key(self) -> str:
        """The i18n key of the theme's name."""
        return f"workshop.question.{self.id}"

    @property
    def text_key(self) -> str:
        """The i18n key of the question itself."""
        return f"workshop.question.{self.id}.text"

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The theme in ``lang``, e.g. "Kerneopgave"."""
        return t(self.label_key, lang)

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        """The question in ``lang``."""
        return t(self.text_key, lang)


#: The four phases, in the order a technology goes through them.
PHASES: tuple[Phase, ...] = (
    Phase("ideas"),
    Phase("impact"),
    Phase("procurement"),
    Phase("operation"),
)
PHASE_IDS: tuple[str, ...] = tuple(p.id for p in PHASES)
#: The four questions, in the order the publication asks them.
QUESTIONS: tuple[Question, ...] = (
    Question("core"),
    Question("work"),
    Question("skills"),
    Question("involvement"),
)
QUESTION_IDS: tuple[str, ...] = tuple(q.id for q in QUESTIONS)


# --- errors ---------------------------------------------------------------


class WorkshopError(Exception):
    """A rejected workshop action; nothing was stored.

    Attributes
    ----------
    key
        The i18n key of the message (see :mod:`radar.i18n`).
    details
        The values the message is filled with (ids, lengths, limits).
    """

    def __init__(self, key: str, **details: object) -> None:
        self.key = key
        self.details: dict[str, object] = details
        super().__init__(self.message("en"))

    def message(self, lang: Lang = DEFAULT_LANG) -> str:
        """The message for a user, in ``lang``."""
        return t(self.key, lang, **_localised(self.details, lang))


class WorkshopNotFoundError(WorkshopError):
    """No workshop has this code (or id)."""


class WorkshopClosedError(WorkshopError):
    """The workshop is closed, or its closing time has passed."""


class WorkshopInputError(WorkshopError):
    """Input to create a workshop, join one or save a consensus is invalid."""


class AnswerRejectedError(WorkshopInputError):
    """An answer is invalid: unknown participant, technology, ring, phase or question, or a
    text over :data:`COMMENT_LIMIT`."""


class LocalEditionNotFoundError(WorkshopError):
    """No local radar edition has this id."""


class WorkshopStoreError(store.DatabaseUnavailableError):
    """The workshop database cannot be opened."""


class WorkshopStoreBusyError(WorkshopStoreError):
    """Another process (normally the running dashboard) holds the workshop database."""


def _localised(details: Mapping[str, object], lang: Lang) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, value in details.items():
        if name == "question" and value in QUESTION_IDS:
            value = Question(str(value)).label(lang)
        elif isinstance(value, tuple | list):
            value = ", ".join(str(v) for v in value)
        out[name] = value
    return out


# --- domain values --------------------------------------------------------


def _pick(da: str, en: str, lang: Lang) -> str:
    # As in radar.model: English falls back to Danish.
    return en if lang == "en" and en else da


@dataclass(frozen=True)
class WorkshopRing:
    """A ring of the radar as the workshop saw it when it was created."""

    id: str
    position: int
    name_da: str
    name_en: str

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The ring's name in ``lang``, e.g. "KLAR"."""
        return _pick(self.name_da, self.name_en, lang)


@dataclass(frozen=True)
class WorkshopTechnology:
    """A technology on a workshop's list, with its official ring in the area.

    ``official_ring`` is None for a technology that is not on the area's radar
    in the workshop's edition (a facilitator may still put it on the list).
    """

    id: str
    sector: str
    name_da: str
    name_en: str
    official_ring: str | None

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The technology's name in ``lang``."""
        return _pick(self.name_da, self.name_en, lang)


@dataclass(frozen=True)
class Workshop:
    """A workshop, with the snapshot of the radar it discusses.

    Attributes
    ----------
    id
        The facilitator's handle: random, never shown to participants.
    code
        What participants type or scan (:data:`CODE_LENGTH` characters of
        :data:`CODE_ALPHABET`); :func:`format_code` groups it for reading.
    created_at, closes_at, closed_at
        Aware UTC datetimes; ``closes_at`` is the planned closing time (or
        None), ``closed_at`` when the facilitator closed it (or None).
    technologies
        The technologies to discuss, in the order they are asked.
    rings
        The radar's rings, inside out.
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
    technologies: tuple[WorkshopTechnology, ...]
    rings: tuple[WorkshopRing, ...]

    def is_open(self, now: datetime | None = None) -> bool:
        """Whether answers are taken: not closed, and before ``closes_at``.

        Parameters
        ----------
        now
            The moment to ask about (aware; default: now).
        """
        moment = now or _now()
        if self.closed_at is not None:
            return False
        return self.closes_at is None or moment < self.closes_at

    def area_label(self, lang: Lang = DEFAULT_LANG) -> str:
        """The welfare area's name in ``lang``."""
        return _pick(self.area_name_da, self.area_name_en, lang)

    @property
    def display_code(self) -> str:
        """The code grouped for reading aloud, e.g. ``ABCDE-FGHJK``."""
        return format_code(self.code)

    @property
    def ring_ids(self) -> tuple[str, ...]:
        """Ring ids, inside out."""
        return tuple(r.id for r in self.rings)

    @property
    def technology_ids(self) -> tuple[str, ...]:
        """Technology ids in the order they are asked."""
        return tuple(x.id for x in self.technologies)

    def technology(self, technology_id: str) -> WorkshopTechnology:
        """One technology of the workshop; KeyError if it is not on the list."""
        for item in self.technologies:
            if item.id == technology_id:
                return item
        raise KeyError(f"not in the workshop: {technology_id}")

    def ring(self, ring_id: str) -> WorkshopRing:
        """One ring; KeyError for an unknown id."""
        for item in self.rings:
            if item.id == ring_id:
                return item
        raise KeyError(f"unknown ring: {ring_id}")


@dataclass(frozen=True)
class Participant:
    """Someone who joined a workshop.

    ``token`` identifies the participant's browser session: keep it secret
    (it is what :func:`submit_answer` checks). ``name`` is None for an
    anonymous participant; only the participant's own calls return it.
    """

    id: str
    workshop_id: str
    token: str
    name: str | None
    joined_at: datetime


@dataclass(frozen=True)
class Answer:
    """One participant's answer about one technology (the latest one given).

    ``core``, ``work``, ``skills`` and ``involvement`` are the texts answering
    the four questions (None when not answered).
    """

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

    def texts(self) -> dict[str, str]:
        """The answered questions: question id to text, in question order."""
        values = {q: getattr(self, q) for q in QUESTION_IDS}
        return {q: text for q, text in values.items() if text}


class Agreement(StrEnum):
    """How united a group is about one technology's ring; see :data:`AGREEMENT_THRESHOLD`."""

    AGREES = "agrees"
    SPLIT = "split"
    TOO_FEW = "too_few"

    @property
    def label_key(self) -> str:
        """The i18n key of its label."""
        return f"workshop.agreement.{self.value}"


@dataclass(frozen=True)
class Comment:
    """One text answer, without who wrote it."""

    technology: str
    question: str
    text: str


@dataclass(frozen=True)
class TechnologyResult:
    """The group's view of one technology.

    Attributes
    ----------
    answers
        How many participants answered it.
    ring_counts
        Answers per ring, every ring inside out (zeros included).
    phase_counts
        Answers per phase, in :data:`PHASE_IDS` order (zeros included); answers
        without a phase are not counted here (see ``phase_missing``).
    modal_ring
        The group's ring: the ring with most answers, ties broken as in
        :func:`group_ring` (None without answers).
    agreement
        The share of answers in ``modal_ring`` (None without answers).
    verdict
        :class:`Agreement`: ``agrees`` when ``agreement`` is at least
        :data:`AGREEMENT_THRESHOLD` with at least two answers, ``split``
        below it, ``too_few`` with fewer than two answers.
    """

    technology: WorkshopTechnology
    answers: int
    ring_counts: dict[str, int]
    phase_counts: dict[str, int]
    phase_missing: int
    modal_ring: str | None
    agreement: float | None
    verdict: Agreement

    @property
    def official_ring(self) -> str | None:
        """The technology's ring on the official radar (None if it is not on it)."""
        return self.technology.official_ring


@dataclass(frozen=True)
class WorkshopResults:
    """Everything the facilitator's live view and the exports show.

    Attributes
    ----------
    participants
        How many joined.
    respondents
        How many of them answered at least one technology.
    technologies
        One result per technology, in the workshop's order.
    comments
        Every text answer, in technology then question order, with no names.
    """

    workshop: Workshop
    participants: int
    respondents: int
    technologies: tuple[TechnologyResult, ...]
    comments: tuple[Comment, ...]

    def technology(self, technology_id: str) -> TechnologyResult:
        """The result of one technology; KeyError if it is not in the workshop."""
        for item in self.technologies:
            if item.technology.id == technology_id:
                return item
        raise KeyError(f"not in the workshop: {technology_id}")


@dataclass(frozen=True)
class LocalEdition:
    """A group's consensus saved as a local radar edition, e.g. "Vores radar 2026"."""

    id: str
    title: str
    area: str
    edition: int
    workshop_id: str
    created_at: datetime


# --- storage --------------------------------------------------------------

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
    return store.resolve_db_path().parent / WORKSHOP_DB_NAME


def connect_workshops(
    path: str | os.PathLike[str] | None = None, *, read_only: bool = False
) -> Connection:
    """Open the workshop database, creating the file and its tables when missing.

    One process should hold one connection and run each operation on a cursor
    of it (every function of this module does); DuckDB lets only one process
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
            _transaction(con, _create_schema)
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
        rows = _rows(con, "SELECT value FROM meta WHERE key = 'schema_version'")
    except duckdb.CatalogException:
        rows = []
    version = rows[0][0] if rows else None
    if version != WORKSHOP_SCHEMA_VERSION:
        raise WorkshopStoreError(
            f"the workshop database {target} has schema version {version}, this program "
            f"expects {WORKSHOP_SCHEMA_VERSION}"
        )


def _now() -> datetime:
    """The current time, aware UTC (the tests replace it to move the clock)."""
    return datetime.now(UTC)


def _to_db(moment: datetime | None) -> datetime | None:
    # Stored as naive UTC: TIMESTAMP round-trips without the session's time zone.
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(tzinfo=None)


def _from_db(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=UTC)


def _rows(con: Connection, sql: str, params: Sequence[object] = ()) -> list[tuple]:
    cursor = con.cursor()
    try:
        return cursor.execute(sql, list(params)).fetchall()
    finally:
        cursor.close()


def _retryable(exc: duckdb.Error) -> bool:
    # Two transactions writing the same row conflict ("Conflict on update"),
    # and two inserting the same new key see a duplicate key, at the insert or
    # at commit; each is safe to run again from the start.
    if isinstance(exc, duckdb.TransactionException):
        return True
    text = str(exc).lower()
    return isinstance(exc, duckdb.ConstraintException) and "duplicate key" in text


def _transaction(con: Connection, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in one transaction on a fresh cursor; retry on write conflicts.

    A :class:`WorkshopError` raised by ``work`` rolls back and is raised as is.
    """
    for attempt in range(WRITE_ATTEMPTS):
        cursor = con.cursor()
        try:
            cursor.execute("BEGIN TRANSACTION")
            result = work(cursor)
            cursor.execute("COMMIT")
            return result
        except duckdb.Error as exc:
            with contextlib.suppress(duckdb.Error):
                cursor.execute("ROLLBACK")
            if not _retryable(exc):
                raise
            if attempt == WRITE_ATTEMPTS - 1:
                raise WorkshopError("workshop.error.busy") from exc
        except BaseException:
            with contextlib.suppress(duckdb.Error):
                cursor.execute("ROLLBACK")
            raise
        finally:
            cursor.close()
        # Jittered back-off, so that the transactions that collided do not collide again.
        time.sleep(random.uniform(0.002, 0.01) * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover


# --- codes, links and QR codes ---------------------------------------------


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(code: object) -> str:
    """A typed code as stored: upper case, without spaces and dashes ("abcde-fghjk" ->
    "ABCDEFGHJK"). Anything that is not text gives ""."""
    if not isinstance(code, str):
        return ""
    return re.sub(r"[\s\-‐‑‒–—]+", "", code).upper()


def format_code(code: str) -> str:
    """A code in two groups for reading aloud: ``ABCDE-FGHJK``."""
    # Two groups of five are read and typed without losing one's place.
    middle = (len(code) + 1) // 2
    return f"{code[:middle]}-{code[middle:]}" if len(code) >= 8 else code


def resolve_base_url(base_url: str | None = None) -> str:
    """Where participants reach the dashboard: ``base_url`` if given, else
    ``$RADAR_BASE_URL``, else ``http://localhost:8501``."""
    return base_url or os.environ.get(BASE_URL_ENV_VAR) or DEFAULT_BASE_URL


def join_link(base_url: str, code: str) -> str:
    """The participant's link: ``{base_url}/deltag?code={code}``.

    Parameters
    ----------
    base_url
        Where the dashboard is reached, e.g. ``https://radar.kommune.dk``.
    code
        The workshop's code.
    """
    return f"{base_url.rstrip('/')}/{JOIN_PAGE}?code={normalize_code(code)}"


def _qr(link: str) -> segno.QRCode:
    # Error level M: a projected or printed code survives a little glare.
    return segno.make_qr(link, error="m")


def qr_svg(link: str, *, scale: int = 4) -> str:
    """The QR code of ``link`` as SVG markup (no XML declaration, for embedding).

    Drawn locally with segno; no web service sees the link.
    """
    buffer = io.BytesIO()
    _qr(link).save(buffer, kind="svg", scale=scale, border=4, xmldecl=False)
    return buffer.getvalue().decode("utf-8")


def qr_png(link: str, scale: int = 8) -> bytes:
    """The QR code of ``link`` as a PNG image, ``scale`` pixels per module."""
    buffer = io.BytesIO()
    _qr(link).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


# --- text cleaning --------------------------------------------------------

# Bidirectional overrides could make a comment display as something else.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _clean_text(value: str, *, single_line: bool) -> str:
    text = unicodedata.normalize("NFC", value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if single_line:
        text = text.replace("\n", " ")
    text = _BIDI.sub("", text)
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) != "Cc")
    if single_line:
        text = re.sub(r" {2,}", " ", text)
    return text.strip()


def _clean_title(title: object, key_prefix: str = "workshop.error.title") -> str:
    if not isinstance(title, str) or not _clean_text(title, single_line=True):
        raise WorkshopInputError(f"{key_prefix}_empty")
    cleaned = _clean_text(title, single_line=True)
    if len(cleaned) > TITLE_LIMIT:
        raise WorkshopInputError(f"{key_prefix}_too_long", length=len(cleaned), limit=TITLE_LIMIT)
    return cleaned


# --- reading workshops ----------------------------------------------------

_WORKSHOP_COLUMNS = (
    "id, code, title, area, area_name_da, area_name_en, edition, created_at, closes_at, closed_at"
)


def _load_workshops(cur: Connection, where: str, params: Sequence[object]) -> list[Workshop]:
    heads = cur.execute(
        f"SELECT {_WORKSHOP_COLUMNS} FROM workshops WHERE {where} ORDER BY created_at DESC, id",
        list(params),
    ).fetchall()
    if not heads:
        return []
    ids = [row[0] for row in heads]
    technologies: dict[str, list[WorkshopTechnology]] = {i: [] for i in ids}
    for row in cur.execute(
        "SELECT workshop_id, technology, sector, name_da, name_en, official_ring "
        "FROM workshop_technologies WHERE list_contains(?, workshop_id) "
        "ORDER BY workshop_id, position",
        [ids],
    ).fetchall():
        technologies[row[0]].append(WorkshopTechnology(*row[1:]))
    rings: dict[str, list[WorkshopRing]] = {i: [] for i in ids}
    for row in cur.execute(
        "SELECT workshop_id, ring, position, name_da, name_en FROM workshop_rings "
        "WHERE list_contains(?, workshop_id) ORDER BY workshop_id, position",
        [ids],
    ).fetchall():
        rings[row[0]].append(WorkshopRing(*row[1:]))
    return [
        Workshop(
            id=row[0],
            code=row[1],
            title=row[2],
            area=row[3],
            area_name_da=row[4],
            area_name_en=row[5],
            edition=row[6],
            created_at=_from_db(row[7]),  # type: ignore[arg-type]
            closes_at=_from_db(row[8]),
            closed_at=_from_db(row[9]),
            technologies=tuple(technologies[row[0]]),
            rings=tuple(rings[row[0]]),
        )
        for row in heads
    ]


def _by_code(cur: Connection, code: object, *, must_be_open: bool) -> Workshop:
    normalized = normalize_code(code)
    if not normalized:
        raise WorkshopNotFoundError("workshop.error.no_code")
    found = (
        _load_workshops(cur, "code = ?", [normalized])
        if len(normalized) == CODE_LENGTH and set(normalized) <= set(CODE_ALPHABET)
        else []
    )
    if not found:
        raise WorkshopNotFoundError("workshop.error.not_found", code=normalized[:20])
    workshop = found[0]
    if must_be_open and not workshop.is_open():
        raise WorkshopClosedError("workshop.error.closed", title=workshop.title)
    return workshop


def _by_id(cur: Connection, workshop_id: str) -> Workshop:
    found = _load_workshops(cur, "id = ?", [workshop_id])
    if not found:
        raise WorkshopNotFoundError("workshop.error.no_such_workshop")
    return found[0]


def find_workshop(con: Connection, code: str, *, must_be_open: bool = True) -> Workshop:
    """The workshop with this join code, as a participant reaches it.

    Parameters
    ----------
    con
        The workshop database.
    code
        As typed or scanned: case, spaces and dashes do not matter.
    must_be_open
        Refuse a closed workshop (the participant's case). The facilitator's
        tools pass False to reach a closed one.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this code.
    WorkshopClosedError
        It is closed, or its closing time has passed (only with ``must_be_open``).
    """
    cursor = con.cursor()
    try:
        return _by_code(cursor, code, must_be_open=must_be_open)
    finally:
        cursor.close()


def get_workshop(con: Connection, workshop_id: str) -> Workshop:
    """The workshop with this id, open or closed (the facilitator's view).

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """
    cursor = con.cursor()
    try:
        return _by_id(cursor, workshop_id)
    finally:
        cursor.close()


def list_workshops(con: Connection) -> tuple[Workshop, ...]:
    """Every workshop, newest first."""
    cursor = con.cursor()
    try:
        return tuple(_load_workshops(cursor, "true", []))
    finally:
        cursor.close()


# --- creating and closing -------------------------------------------------


def official_rings(radar_con: Connection, area: str, edition: int) -> dict[str, str]:
    """The official ring of every technology on an area's radar in an edition.

    Parameters
    ----------
    radar_con
        The radar database (read-only is enough).
    area
        An area id, or ``"samlet"`` for the combined radar.
    edition
        The edition year.

    Returns
    -------
    Technology id to ring id, by technology id; empty when the area has no
    assessments in that edition.
    """
    catalog = store.load_catalog(radar_con)
    entries = history.all_entries(store.load_assessments(radar_con, edition), catalog.rings)
    rows = entries[(entries["area"] == area) & (entries["edition"] == edition)]
    rows = rows.sort_values("id")
    return dict(zip(rows["id"], rows["ring"], strict=True))


def area_technologies(
    radar_con: Connection,
    area: str,
    edition: int,
    technology_ids: Sequence[str] | None = None,
) -> tuple[WorkshopTechnology, ...]:
    """The technologies for a workshop, with names and official rings, from the radar database.

    Parameters
    ----------
    radar_con
        The radar database.
    area, edition
        The radar the workshop discusses; ``area`` may be ``"samlet"``.
    technology_ids
        The technologies to discuss, in this order (duplicates are dropped);
        a technology that is not on the area's radar gets no official ring.
        Default: every technology on the area's radar, in the order of the
        radar's numbered list (category, ring inside out, name).

    Raises
    ------
    WorkshopInputError
        An unknown area, edition or technology id, or an area without
        technologies in the edition.
    """
    catalog = store.load_catalog(radar_con)
    _check_area_and_edition(catalog, area, edition)
    catalogue = store.load_technologies(radar_con)
    rings = official_rings(radar_con, area, edition)
    if technology_ids is None:
        if not rings:
            raise WorkshopInputError(
                "workshop.error.area_has_no_technologies", area=area, edition=edition
            )
        entries = pd.DataFrame(
            {
                "id": list(rings),
                "sector": [catalogue[i].sector for i in rings],
                "ring": list(rings.values()),
            }
        )
        names = {i: catalogue[i].name_da for i in rings}
        entries["number"] = number_entries(entries, catalog, names)
        ids = entries.sort_values("number")["id"].tolist()
    else:
        ids = list(dict.fromkeys(i.strip() for i in technology_ids if i.strip()))
        unknown = [i for i in ids if i not in catalogue]
        if unknown:
            raise WorkshopInputError(
                "workshop.error.technologies_unknown", technologies=tuple(unknown)
            )
        if not ids:
            raise WorkshopInputError("workshop.error.no_technologies")
    return tuple(
        WorkshopTechnology(
            id=i,
            sector=catalogue[i].sector,
            name_da=catalogue[i].name_da,
            name_en=catalogue[i].name_en,
            official_ring=rings.get(i),
        )
        for i in ids
    )


def _check_area_and_edition(catalog: Catalog, area: str, edition: int) -> None:
    if area != COMBINED_AREA and area not in catalog.area_ids:
        raise WorkshopInputError(
            "workshop.error.area_unknown", area=area, areas=(COMBINED_AREA, *catalog.area_ids)
        )
    if edition not in catalog.years:
        raise WorkshopInputError(
            "workshop.error.edition_unknown",
            edition=edition,
            editions=tuple(sorted(catalog.years)),
        )


def _check_technologies(catalog: Catalog, technologies: Sequence[WorkshopTechnology]) -> None:
    if not technologies:
        raise WorkshopInputError("workshop.error.no_technologies")
    seen: set[str] = set()
    for item in technologies:
        if not isinstance(item, WorkshopTechnology) or not item.id or not item.name_da:
            raise WorkshopInputError("workshop.error.technology_invalid", technology=str(item))
        if item.id in seen:
            raise WorkshopInputError("workshop.error.technology_duplicate", technology=item.id)
        seen.add(item.id)
        if item.sector not in catalog.sector_ids:
            raise WorkshopInputError(
                "workshop.error.sector_unknown", technology=item.id, sector=item.sector
            )
        if item.official_ring is not None and item.official_ring not in catalog.ring_ids:
            raise WorkshopInputError(
                "workshop.error.official_ring_unknown", technology=item.id, ring=item.official_ring
            )


def _checked(
    title: str,
    catalog: Catalog,
    area: str,
    edition: int,
    technologies: Sequence[WorkshopTechnology],
    closes_at: datetime | None,
    now: datetime,
) -> tuple[str, datetime | None]:
    clean_title = _clean_title(title)
    _check_area_and_edition(catalog, area, edition)
    _check_technologies(catalog, technologies)
    closes = closes_at.astimezone(UTC) if closes_at is not None else None
    if closes is not None and closes <= now:
        raise WorkshopInputError(
            "workshop.error.closes_in_past", closes_at=closes.isoformat(timespec="minutes")
        )
    return clean_title, closes


def validate_workshop(
    *,
    title: str,
    catalog: Catalog,
    area: str,
    edition: int,
    technologies: Sequence[WorkshopTechnology],
    closes_at: datetime | None = None,
) -> None:
    """Check a new workshop's details exactly as :func:`create_workshop` does, writing nothing.

    For a form or the command line, to report a mistake before the workshop
    database is even opened. The parameters are those of :func:`create_workshop`.

    Raises
    ------
    WorkshopInputError
        What :func:`create_workshop` would raise for the same details.
    """
    _checked(title, catalog, area, edition, technologies, closes_at, _now())


def create_workshop(
    con: Connection,
    *,
    title: str,
    catalog: Catalog,
    area: str,
    edition: int,
    technologies: Sequence[WorkshopTechnology],
    closes_at: datetime | None = None,
) -> Workshop:
    """Create a workshop with a fresh join code.

    Parameters
    ----------
    con
        The workshop database.
    title
        Shown to participants; trimmed, 1 to :data:`TITLE_LIMIT` characters.
    catalog
        The radar's catalogue (:func:`radar.store.load_catalog`): the area and
        edition are checked against it and its rings are stored with the workshop.
    area
        An area id, or ``"samlet"``.
    edition
        The edition the official rings come from.
    technologies
        What to discuss, in order, with their official rings; usually from
        :func:`area_technologies`.
    closes_at
        When the workshop stops taking answers (None: when the facilitator
        closes it). A naive datetime is read as this machine's local time.

    Returns
    -------
    The new workshop, open.

    Raises
    ------
    WorkshopInputError
        An empty or too long title, an unknown area or edition, no or
        duplicate technologies, a sector or official ring the catalogue does
        not have, or a closing time that has passed.
    """
    now = _now()
    clean_title, closes = _checked(title, catalog, area, edition, technologies, closes_at, now)
    if area == COMBINED_AREA:
        area_da, area_en = t("area.samlet", "da"), t("area.samlet", "en")
    else:
        chosen = catalog.area(area)
        area_da, area_en = chosen.name_da, chosen.name_en
    workshop_id = secrets.token_hex(16)

    def insert(cur: Connection) -> str:
        # A fresh code on every attempt: a collision with an existing code
        # fails the UNIQUE constraint and the transaction is simply run again.
        code = _new_code()
        cur.execute(
            "INSERT INTO workshops VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            [
                workshop_id,
                code,
                clean_title,
                area,
                area_da,
                area_en,
                edition,
                _to_db(now),
                _to_db(closes),
            ],
        )
        cur.executemany(
            "INSERT INTO workshop_rings VALUES (?, ?, ?, ?, ?)",
            [[workshop_id, r.id, r.position, r.name_da, r.name_en] for r in catalog.rings],
        )
        cur.executemany(
            "INSERT INTO workshop_technologies VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (workshop_id, x.id, i, x.name_da, x.name_en or x.name_da, x.sector, x.official_ring)
                for i, x in enumerate(technologies, start=1)
            ],
        )
        return code

    _transaction(con, insert)
    return get_workshop(con, workshop_id)


def close_workshop(con: Connection, workshop_id: str) -> Workshop:
    """Close a workshop: it takes no more answers and participants can no longer reach it.

    Closing a closed workshop changes nothing (it keeps its first closing time).

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """

    def close(cur: Connection) -> None:
        _by_id(cur, workshop_id)
        cur.execute(
            "UPDATE workshops SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
            [_to_db(_now()), workshop_id],
        )

    _transaction(con, close)
    return get_workshop(con, workshop_id)


# --- participants and answers ---------------------------------------------


def join(con: Connection, code: str, name: str | None = None) -> Participant:
    """Join an open workshop.

    Parameters
    ----------
    con
        The workshop database.
    code
        The join code (case, spaces and dashes do not matter).
    name
        Optional; trimmed, control characters removed, at most
        :data:`NAME_LIMIT` characters. Empty means anonymous.

    Returns
    -------
    The participant, with the secret ``token`` that identifies them from now on.

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError
        A wrong code, or a closed workshop.
    WorkshopInputError
        The name is too long or not text.
    """
    if name is not None and not isinstance(name, str):
        raise WorkshopInputError("workshop.error.name_not_text")
    clean_name = _clean_text(name, single_line=True) if name else ""
    if len(clean_name) > NAME_LIMIT:
        raise WorkshopInputError(
            "workshop.error.name_too_long", length=len(clean_name), limit=NAME_LIMIT
        )

    def insert(cur: Connection) -> Participant:
        workshop = _by_code(cur, code, must_be_open=True)
        participant = Participant(
            id=secrets.token_hex(8),
            workshop_id=workshop.id,
            token=secrets.token_urlsafe(16),
            name=clean_name or None,
            joined_at=_now(),
        )
        cur.execute(
            "INSERT INTO participants VALUES (?, ?, ?, ?, ?)",
            [
                participant.id,
                participant.workshop_id,
                participant.token,
                participant.name,
                _to_db(participant.joined_at),
            ],
        )
        return participant

    return _transaction(con, insert)


def _participant(cur: Connection, workshop: Workshop, token: object) -> Participant:
    rows = (
        cur.execute(
            "SELECT id, workshop_id, token, name, joined_at FROM participants "
            "WHERE token = ? AND workshop_id = ?",
            [token, workshop.id],
        ).fetchall()
        if isinstance(token, str) and token
        else []
    )
    if not rows:
        raise AnswerRejectedError("workshop.error.participant_unknown")
    row = rows[0]
    return Participant(row[0], row[1], row[2], row[3], _from_db(row[4]))  # type: ignore[arg-type]


def find_participant(con: Connection, code: str, participant_token: str) -> Participant:
    """The participant a browser session's token belongs to, in an open workshop.

    For a page that was reloaded: the session still has its token.

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError
        A wrong code, or a closed workshop.
    AnswerRejectedError
        The token does not belong to this workshop.
    """
    cursor = con.cursor()
    try:
        return _participant(cursor, _by_code(cursor, code, must_be_open=True), participant_token)
    finally:
        cursor.close()


_ANSWER_COLUMNS = (
    "workshop_id, participant_id, technology, ring, phase, "
    "answer_core, answer_work, answer_skills, answer_involvement, updated_at"
)


def _answer(row: Sequence[object]) -> Answer:
    *values, updated_at = row
    return Answer(*values, updated_at=_from_db(updated_at))  # type: ignore[arg-type]


def participant_answers(con: Connection, code: str, participant_token: str) -> dict[str, Answer]:
    """A participant's own answers so far, by technology id (to fill in their form again).

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError
        A wrong code, or a closed workshop.
    AnswerRejectedError
        The token does not belong to this workshop.
    """
    cursor = con.cursor()
    try:
        workshop = _by_code(cursor, code, must_be_open=True)
        participant = _participant(cursor, workshop, participant_token)
        rows = cursor.execute(
            f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE workshop_id = ? AND participant_id = ?",
            [workshop.id, participant.id],
        ).fetchall()
    finally:
        cursor.close()
    answers = {row[2]: _answer(row) for row in rows}
    return {i: answers[i] for i in workshop.technology_ids if i in answers}


def _clean_answers(answers: Mapping[str, object] | None) -> dict[str, str | None]:
    texts: dict[str, str | None] = dict.fromkeys(QUESTION_IDS)
    for question, value in (answers or {}).items():
        if question not in QUESTION_IDS:
            raise AnswerRejectedError(
                "workshop.error.question_unknown",
                question=str(question)[:40],
                questions=QUESTION_IDS,
            )
        if value is None:
            continue
        if not isinstance(value, str):
            raise AnswerRejectedError("workshop.error.answer_not_text", question=question)
        text = _clean_text(value, single_line=False)
        if len(text) > COMMENT_LIMIT:
            raise AnswerRejectedError(
                "workshop.error.comment_too_long",
                question=question,
                length=len(text),
                limit=COMMENT_LIMIT,
            )
        texts[question] = text or None
    return texts


def submit_answer(
    con: Connection,
    code: str,
    participant_token: str,
    technology: str,
    ring: str,
    phase: str | None = None,
    answers: Mapping[str, str | None] | None = None,
) -> Answer:
    """Store a participant's answer about one technology, replacing an earlier one.

    The whole answer is replaced: a question left out now has no text any more.
    It is written in one transaction, tried again a few times if a concurrent
    write of the same answer conflicts.

    Parameters
    ----------
    con
        The workshop database.
    code
        The workshop's join code.
    participant_token
        From :func:`join`.
    technology
        A technology of the workshop.
    ring
        A ring id of the workshop's radar: where the participant places it.
    phase
        One of :data:`PHASE_IDS`, or None: where their workplace is.
    answers
        Question id (:data:`QUESTION_IDS`) to text; each text is cleaned of
        control characters (line breaks stay), trimmed, and may be at most
        :data:`COMMENT_LIMIT` characters; empty texts count as unanswered.

    Returns
    -------
    The answer as stored.

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError
        A wrong code, or a closed workshop (closed by hand or past its closing time).
    AnswerRejectedError
        The token is not a participant of this workshop, or the technology,
        ring, phase or a question is unknown, or a text is too long or not
        text. ``exc.key`` and ``exc.details`` say which.
    WorkshopError
        With key ``workshop.error.busy`` when every retry conflicted.
    """
    texts = _clean_answers(answers)
    if phase is not None and phase not in PHASE_IDS:
        raise AnswerRejectedError(
            "workshop.error.phase_unknown", phase=str(phase)[:40], phases=PHASE_IDS
        )

    def upsert(cur: Connection) -> Answer:
        # Checked inside the transaction, so that an answer is never stored
        # for a workshop that was closed before the answer started.
        workshop = _by_code(cur, code, must_be_open=True)
        participant = _participant(cur, workshop, participant_token)
        if technology not in workshop.technology_ids:
            raise AnswerRejectedError(
                "workshop.error.technology_unknown", technology=str(technology)[:80]
            )
        if ring not in workshop.ring_ids:
            raise AnswerRejectedError(
                "workshop.error.ring_unknown", ring=str(ring)[:40], rings=workshop.ring_ids
            )
        answer = Answer(
            workshop_id=workshop.id,
            participant_id=participant.id,
            technology=technology,
            ring=ring,
            phase=phase,
            updated_at=_now(),
            **texts,  # type: ignore[arg-type]
        )
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
        return answer

    return _transaction(con, upsert)


# --- results --------------------------------------------------------------


def group_ring(
    ring_counts: Mapping[str, int], ring_ids: Sequence[str], official_ring: str | None
) -> str | None:
    """The group's ring: the one with most answers.

    A tie goes to the tied ring nearest the official ring (the official ring
    itself when it is among them), and between two equally near, to the outer
    one: a group that cannot decide does not move a technology, and when it
    must, it moves it the cautious way. Without an official ring the outermost
    tied ring wins.

    Parameters
    ----------
    ring_counts
        Answers per ring id.
    ring_ids
        Ring ids inside out.
    official_ring
        The official ring, or None.

    Returns
    -------
    A ring id, or None when there are no answers.
    """
    most = max((ring_counts.get(r, 0) for r in ring_ids), default=0)
    if most == 0:
        return None
    tied = [i for i, r in enumerate(ring_ids) if ring_counts.get(r, 0) == most]
    if official_ring in ring_ids:
        official = list(ring_ids).index(official_ring)
        return ring_ids[min(tied, key=lambda i: (abs(i - official), -i))]
    return ring_ids[max(tied)]


def _technology_result(
    item: WorkshopTechnology, rows: pd.DataFrame, ring_ids: Sequence[str]
) -> TechnologyResult:
    count = len(rows)
    ring_counts = {r: int((rows["ring"] == r).sum()) for r in ring_ids}
    phase_counts = {p: int((rows["phase"] == p).sum()) for p in PHASE_IDS}
    modal = group_ring(ring_counts, ring_ids, item.official_ring)
    agreement = ring_counts[modal] / count if modal is not None else None
    if count < MIN_ANSWERS_FOR_VERDICT or agreement is None:
        verdict = Agreement.TOO_FEW
    elif agreement >= AGREEMENT_THRESHOLD:
        verdict = Agreement.AGREES
    else:
        verdict = Agreement.SPLIT
    return TechnologyResult(
        technology=item,
        answers=count,
        ring_counts=ring_counts,
        phase_counts=phase_counts,
        phase_missing=count - sum(phase_counts.values()),
        modal_ring=modal,
        agreement=agreement,
        verdict=verdict,
    )


def results(con: Connection, workshop_id: str) -> WorkshopResults:
    """The group's answers summed up, for the facilitator's live view and the exports.

    No participant's name or identity is in the results: only counts, and the
    text answers on their own.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """
    cursor = con.cursor()
    try:
        # One snapshot for all the reads, so the counts add up while answers arrive.
        cursor.execute("BEGIN TRANSACTION")
        workshop = _by_id(cursor, workshop_id)
        participants = cursor.execute(
            "SELECT count(*) FROM participants WHERE workshop_id = ?", [workshop_id]
        ).fetchall()[0][0]
        answers = cursor.execute(
            f"SELECT {_ANSWER_COLUMNS} FROM answers WHERE workshop_id = ? "
            "ORDER BY updated_at, participant_id",
            [workshop_id],
        ).df()
        cursor.execute("COMMIT")
    finally:
        cursor.close()
    per_technology = []
    comments = []
    for item in workshop.technologies:
        rows = answers[answers["technology"] == item.id]
        per_technology.append(_technology_result(item, rows, workshop.ring_ids))
        for question in QUESTION_IDS:
            for text in rows[f"answer_{question}"].dropna():
                comments.append(Comment(item.id, question, str(text)))
    return WorkshopResults(
        workshop=workshop,
        participants=int(participants),
        respondents=int(answers["participant_id"].nunique()),
        technologies=tuple(per_technology),
        comments=tuple(comments),
    )


def distribution_frame(results: WorkshopResults) -> pd.DataFrame:
    """The ring distribution in long form, for a chart: one row per technology and ring.

    Columns ``technology, ring, count, share`` (of the technology's answers,
    0 without answers), ``official`` (the ring is the official one) and
    ``group`` (the ring is the group's).
    """
    rows = []
    for item in results.technologies:
        for ring, count in item.ring_counts.items():
            rows.append(
                {
                    "technology": item.technology.id,
                    "ring": ring,
                    "count": count,
                    "share": count / item.answers if item.answers else 0.0,
                    "official": ring == item.official_ring,
                    "group": ring == item.modal_ring,
                }
            )
    return pd.DataFrame(rows, columns=["technology", "ring", "count", "share", "official", "group"])


# --- exports --------------------------------------------------------------


def _ring_label(workshop: Workshop, ring: str | None, lang: Lang) -> str:
    if ring is None:
        return ""
    try:
        return workshop.ring(ring).label(lang)
    except KeyError:
        return ring


def export_frame(results: WorkshopResults, lang: Lang = DEFAULT_LANG) -> pd.DataFrame:
    """The summary per technology, with headers and labels in ``lang``.

    One row per technology in the workshop's order: id, name, category,
    official ring ("not on the radar" if none), the group's ring, the number
    of answers, the agreement in whole percent, the verdict, the answers per
    ring (inside out) and per phase.
    """
    workshop = results.workshop
    rows = []
    for item in results.technologies:
        tech = item.technology
        official = _ring_label(workshop, tech.official_ring, lang) or t(
            "workshop.not_on_radar", lang
        )
        row: dict[str, object] = {
            t("workshop.export.technology_id", lang): tech.id,
            t("workshop.export.technology", lang): tech.label(lang),
            t("workshop.export.sector", lang): tech.sector,
            t("workshop.export.official_ring", lang): official,
            t("workshop.export.group_ring", lang): _ring_label(workshop, item.modal_ring, lang),
            t("workshop.export.answers", lang): item.answers,
            t("workshop.export.agreement", lang): (
                round(item.agreement * 100) if item.agreement is not None else None
            ),
            t("workshop.export.verdict", lang): t(item.verdict.label_key, lang),
        }
        for ring in workshop.rings:
            row[t("workshop.export.ring_count", lang, ring=ring.label(lang))] = item.ring_counts[
                ring.id
            ]
        for phase in PHASES:
            row[t("workshop.export.phase_count", lang, phase=phase.label(lang))] = (
                item.phase_counts[phase.id]
            )
        rows.append(row)
    frame = pd.DataFrame(rows)
    agreement = t("workshop.export.agreement", lang)
    frame[agreement] = frame[agreement].astype("Int64")
    return frame


def comments_frame(results: WorkshopResults, lang: Lang = DEFAULT_LANG) -> pd.DataFrame:
    """The text answers: technology id, technology name, question, text; no names."""
    names = {x.id: x.label(lang) for x in results.workshop.technologies}
    columns = [
        t("workshop.export.technology_id", lang),
        t("workshop.export.technology", lang),
        t("workshop.export.question", lang),
        t("workshop.export.comment", lang),
    ]
    rows = [
        [c.technology, names[c.technology], Question(c.question).label(lang), c.text]
        for c in results.comments
    ]
    return pd.DataFrame(rows, columns=columns)


def _about_frame(results: WorkshopResults, lang: Lang) -> pd.DataFrame:
    workshop = results.workshop

    def when(moment: datetime | None) -> str:
        return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else ""

    pairs: Iterable[tuple[str, object]] = (
        ("workshop.export.title", workshop.title),
        ("workshop.export.area", workshop.area_label(lang)),
        ("workshop.export.edition", workshop.edition),
        ("workshop.export.code", workshop.display_code),
        ("workshop.export.created", when(workshop.created_at)),
        ("workshop.export.closes", when(workshop.closes_at)),
        ("workshop.export.closed", when(workshop.closed_at)),
        ("workshop.export.participants", results.participants),
        ("workshop.export.respondents", results.respondents),
    )
    return pd.DataFrame(
        [(t(key, lang), str(value)) for key, value in pairs],
        columns=[t("workshop.export.field", lang), t("workshop.export.value", lang)],
    )


def export_csv(
    results: WorkshopResults,
    lang: Lang = DEFAULT_LANG,
    *,
    part: Literal["summary", "comments"] = "summary",
    sep: str = ";",
) -> bytes:
    """One table of the results as CSV: UTF-8 with a byte-order mark.

    The mark makes Excel read æøå right; the default separator ``;`` is the
    one Danish Excel expects. Every number is whole (agreement in percent), so
    no decimal separator can be misread.

    Parameters
    ----------
    results
        From :func:`results`.
    lang
        Language of headers and labels.
    part
        ``summary`` (:func:`export_frame`) or ``comments`` (:func:`comments_frame`).
    sep
        The field separator.
    """
    if part not in ("summary", "comments"):
        raise ValueError(f"part must be 'summary' or 'comments', not {part!r}")
    frame = export_frame(results, lang) if part == "summary" else comments_frame(results, lang)
    return frame.to_csv(index=False, sep=sep, lineterminator="\r\n").encode("utf-8-sig")


def export_xlsx(results: WorkshopResults, lang: Lang = DEFAULT_LANG) -> bytes:
    """The results as an Excel workbook.

    Sheets: the summary per technology, the comments, and the workshop
    itself (title, area, edition, times, participants), named in ``lang``.
    """
    buffer = io.BytesIO()
    sheets = (
        ("workshop.export.sheet.summary", export_frame(results, lang)),
        ("workshop.export.sheet.comments", comments_frame(results, lang)),
        ("workshop.export.sheet.workshop", _about_frame(results, lang)),
    )
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for key, frame in sheets:
            frame.to_excel(writer, sheet_name=t(key, lang), index=False)
    return buffer.getvalue()


# --- local editions -------------------------------------------------------


def save_consensus(con: Connection, workshop_id: str, title: str) -> LocalEdition:
    """Save the group's consensus as a local radar edition.

    Every technology with at least one answer is placed in the group's ring
    (:func:`group_ring`: most answers; ties towards the official ring, then
    the outer ring), with the agreement (share of answers in that ring). It is
    a snapshot: answers given later do not change it.

    Parameters
    ----------
    con
        The workshop database.
    workshop_id
        The workshop.
    title
        E.g. "Vores radar 2026, Teknik og miljø"; 1 to :data:`TITLE_LIMIT`
        characters, not already used by another local edition of the area.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    WorkshopInputError
        An empty, too long or already used title, or no answers to save.
    """
    clean_title = _clean_title(title, "workshop.error.local_title")
    summary = results(con, workshop_id)
    workshop = summary.workshop
    placed = [r for r in summary.technologies if r.modal_ring is not None]
    if not placed:
        raise WorkshopInputError("workshop.error.nothing_to_save")
    edition_id = secrets.token_hex(8)

    def insert(cur: Connection) -> None:
        taken = cur.execute(
            "SELECT count(*) FROM local_editions WHERE area = ? AND lower(title) = lower(?)",
            [workshop.area, clean_title],
        ).fetchall()[0][0]
        if taken:
            raise WorkshopInputError("workshop.error.local_title_taken", title=clean_title)
        cur.execute(
            "INSERT INTO local_editions VALUES (?, ?, ?, ?, ?, ?)",
            [
                edition_id,
                clean_title,
                workshop.area,
                workshop.edition,
                workshop.id,
                _to_db(_now()),
            ],
        )
        cur.executemany(
            "INSERT INTO local_placements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    edition_id,
                    r.technology.id,
                    i,
                    r.technology.name_da,
                    r.technology.name_en,
                    r.technology.sector,
                    r.modal_ring,
                    r.official_ring,
                    r.agreement,
                    r.answers,
                )
                for i, r in enumerate(placed, start=1)
            ],
        )

    _transaction(con, insert)
    return next(e for e in list_local_editions(con) if e.id == edition_id)


def list_local_editions(con: Connection, area: str | None = None) -> tuple[LocalEdition, ...]:
    """The saved local editions, newest first; only ``area``'s when given."""
    where, params = ("area = ?", [area]) if area is not None else ("true", [])
    rows = _rows(
        con,
        "SELECT id, title, area, edition, workshop_id, created_at FROM local_editions "
        f"WHERE {where} ORDER BY created_at DESC, id",
        params,
    )
    return tuple(LocalEdition(*row[:5], created_at=_from_db(row[5])) for row in rows)  # type: ignore[arg-type]


def local_placements(con: Connection, local_edition_id: str) -> pd.DataFrame:
    """A local edition's blips, ready for a radar view.

    Returns
    -------
    Columns ``id, sector, ring`` (as a radar view has them), ``agreement``
    (0..1), ``answers``, ``official_ring`` (None if not on the official radar)
    and ``name_da, name_en``; in the workshop's order.

    Raises
    ------
    LocalEditionNotFoundError
        No local edition has this id.
    """
    cursor = con.cursor()
    try:
        found = cursor.execute(
            "SELECT count(*) FROM local_editions WHERE id = ?", [local_edition_id]
        ).fetchall()[0][0]
        if not found:
            raise LocalEditionNotFoundError("workshop.error.local_edition_unknown")
        return cursor.execute(
            "SELECT technology AS id, sector, ring, agreement, answers, official_ring, "
            "name_da, name_en FROM local_placements WHERE local_edition_id = ? ORDER BY position",
            [local_edition_id],
        ).df()
    finally:
        cursor.close()


def table_counts(con: Connection) -> dict[str, int]:
    """Rows per workshop table (for tests and diagnostics)."""
    return {name: _rows(con, f"SELECT count(*) FROM {name}")[0][0] for name in _TABLES}
