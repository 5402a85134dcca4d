"""The workshop database's queries: workshops, participants, answers, and deleting them.

The file, its schema and opening it are :mod:`radar.store.workshop_schema`; a
group's saved consensus is :mod:`radar.store.workshop_local`; the facilitator's
verdicts on comments are :mod:`radar.store.workshop_reviews`. All are
re-exported here, so the workshops need this one module. Every function
either takes a cursor that the caller's transaction runs on, or opens a
cursor of its own, so threads can share the one connection.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from radar.store.transactions import Connection
from radar.store.workshop_answers import (
    ANSWER_COLUMNS,
    StoredAnswer,
    answers_of,
    insert_answer,
    insert_answers,
    participant_answers,
    ratings_of,
)
from radar.store.workshop_local import (
    StoredLocalEdition,
    delete_local_edition,
    insert_local_edition,
    local_editions,
    local_placements,
    local_title_taken,
    publish_local_edition,
)
from radar.store.workshop_reviews import (
    StoredReview,
    comment_reviews,
    forget_changed_reviews,
    set_moderated,
    set_review,
)
from radar.store.workshop_schema import (
    COMMENT_LIMIT,
    PHASE_IDS,
    QUESTION_IDS,
    RATING_DIMENSIONS,
    RATING_SCORES,
    REVIEW_STATUSES,
    TITLE_LIMIT,
    VOTE_POINTS,
    WORKSHOP_DB_ENV_VAR,
    WORKSHOP_DB_NAME,
    WORKSHOP_SCHEMA,
    WORKSHOP_SCHEMA_VERSION,
    WORKSHOP_STEPS,
    WorkshopStoreBusyError,
    WorkshopStoreError,
    aware,
    connect_workshops,
    from_db,
    new_key,
    resolve_workshop_db_path,
    table_counts,
    to_db,
)
from radar.store.workshop_votes import (
    participant_ratings,
    participant_votes,
    ratings_frame,
    replace_ratings,
    replace_votes,
    set_voting_open,
    votes_frame,
)

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
    "DeletedCounts",
    "StoredAnswer",
    "StoredLocalEdition",
    "StoredParticipant",
    "StoredReview",
    "StoredWorkshop",
    "WorkshopStoreBusyError",
    "WorkshopStoreError",
    "all_workshops",
    "answers_frame",
    "answers_of",
    "close_workshop",
    "comment_reviews",
    "connect_workshops",
    "count_participants",
    "delete_local_edition",
    "delete_workshop",
    "drop_tokens",
    "forget_changed_reviews",
    "insert_answer",
    "insert_answers",
    "insert_local_edition",
    "insert_participant",
    "insert_workshop",
    "local_editions",
    "local_placements",
    "local_title_taken",
    "new_key",
    "participant_answers",
    "participant_by_token",
    "participant_ratings",
    "participant_votes",
    "participants_by_tokens",
    "publish_local_edition",
    "ratings_frame",
    "ratings_of",
    "replace_ratings",
    "replace_votes",
    "resolve_workshop_db_path",
    "set_moderated",
    "set_results_visible",
    "set_review",
    "set_voting_open",
    "table_counts",
    "votes_frame",
    "workshops_by_code",
    "workshops_by_id",
    "workshops_by_owner",
    "workshops_by_projector_key",
]


# --- workshops -----------------------------------------------------------------------


@dataclass(frozen=True)
class StoredWorkshop:
    """A workshop's row with its technologies and rings, as stored.

    ``technologies`` are ``(id, sector, name_da, name_en, official_ring)`` in
    the order they are asked; ``rings`` are ``(id, position, name_da, name_en)``
    inside out. ``results_visible``: whether the projector shows the answers;
    ``moderated``: whether it shows only the comments the facilitator approved;
    ``voting_open``: whether participants may distribute their points.
    ``gates`` are ``(answers_open, answers_close_at)`` per technology, in the
    same order; ``current_position`` the technology the room is led to (1 =
    the first; None: own pace); ``co_facilitators`` ``(identity, via)`` of
    those who run it besides its creator.
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
    projector_key: str
    created_by: str | None
    created_via: str | None
    technologies: tuple[tuple[str, str, str, str, str | None], ...]
    rings: tuple[tuple[str, int, str, str], ...]
    results_visible: bool = True
    moderated: bool = False
    voting_open: bool = False
    gates: tuple[tuple[bool, datetime | None], ...] = ()
    current_position: int | None = None
    remote_key: str | None = None
    invite_key: str | None = None
    co_facilitators: tuple[tuple[str, str], ...] = ()


# The columns a new workshop is inserted with; the others take the schema's defaults.
_WORKSHOP_COLUMNS = (
    "id, code, title, area, area_name_da, area_name_en, edition, created_at, closes_at, "
    "closed_at, projector_key, created_by, created_via"
)


def _load_workshops(cur: Connection, where: str, params: Sequence[object]) -> list[StoredWorkshop]:
    heads = cur.execute(
        f"SELECT {_WORKSHOP_COLUMNS}, results_visible, moderated, voting_open, "
        f"current_position, remote_key, invite_key FROM workshops WHERE ({where}) "
        "ORDER BY created_at DESC, id",
        list(params),
    ).fetchall()
    if not heads:
        return []
    ids = [row[0] for row in heads]
    technologies: dict[str, list[tuple[str, str, str, str, str | None]]] = {i: [] for i in ids}
    gates: dict[str, list[tuple[bool, datetime | None]]] = {i: [] for i in ids}
    for row in cur.execute(
        "SELECT workshop_id, technology, sector, name_da, name_en, official_ring, "
        "answers_open, answers_close_at "
        "FROM workshop_technologies WHERE list_contains(?, workshop_id) "
        "ORDER BY workshop_id, position",
        [ids],
    ).fetchall():
        technologies[row[0]].append(tuple(row[1:6]))
        gates[row[0]].append((bool(row[6]), from_db(row[7])))
    facilitators: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
    for row in cur.execute(
        "SELECT workshop_id, identity, via FROM workshop_facilitators "
        "WHERE list_contains(?, workshop_id) ORDER BY workshop_id, added_at, identity",
        [ids],
    ).fetchall():
        facilitators[row[0]].append((row[1], row[2]))
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
            created_at=aware(row[7]),
            closes_at=from_db(row[8]),
            closed_at=from_db(row[9]),
            projector_key=row[10],
            created_by=row[11],
            created_via=row[12],
            technologies=tuple(technologies[row[0]]),
            rings=tuple(rings[row[0]]),
            results_visible=bool(row[13]),
            moderated=bool(row[14]),
            voting_open=bool(row[15]),
            gates=tuple(gates[row[0]]),
            current_position=row[16],
            remote_key=row[17],
            invite_key=row[18],
            co_facilitators=tuple(facilitators[row[0]]),
        )
        for row in heads
    ]


def workshops_by_code(cur: Connection, code: str) -> list[StoredWorkshop]:
    """The workshop with this (normalised) join code: one or none."""
    return _load_workshops(cur, "code = ?", [code])


def workshops_by_id(cur: Connection, workshop_id: str) -> list[StoredWorkshop]:
    """The workshop with this id: one or none."""
    return _load_workshops(cur, "id = ?", [workshop_id])


def workshops_by_projector_key(cur: Connection, key: str) -> list[StoredWorkshop]:
    """The workshop whose projector link holds this key: one or none."""
    return _load_workshops(cur, "projector_key = ?", [key])


def workshops_by_owner(cur: Connection, created_by: str, created_via: str) -> list[StoredWorkshop]:
    """The workshops this person created or was added to as a co-facilitator, newest first."""
    return _load_workshops(
        cur,
        "(created_by = $1 AND created_via = $2) OR id IN "
        "(SELECT workshop_id FROM workshop_facilitators WHERE identity = $1 AND via = $2)",
        [created_by, created_via],
    )


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
    projector_key: str,
    created_by: str | None,
    created_via: str | None,
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
        f"INSERT INTO workshops ({_WORKSHOP_COLUMNS}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
        [
            workshop_id,
            code,
            title,
            area,
            area_name_da,
            area_name_en,
            edition,
            to_db(created_at),
            to_db(closes_at),
            projector_key,
            created_by,
            created_via,
        ],
    )
    cur.executemany(
        "INSERT INTO workshop_rings VALUES (?, ?, ?, ?, ?)",
        [[workshop_id, *ring] for ring in rings],
    )
    cur.executemany(
        # Named columns: the later ones (whether answers are taken) take their defaults.
        "INSERT INTO workshop_technologies "
        "(workshop_id, technology, position, name_da, name_en, sector, official_ring) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(workshop_id, item[0], i, *item[1:]) for i, item in enumerate(technologies, start=1)],
    )


def close_workshop(cur: Connection, workshop_id: str, closed_at: datetime) -> None:
    """Mark a workshop closed at ``closed_at``, unless it was closed already."""
    cur.execute(
        "UPDATE workshops SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
        [to_db(closed_at), workshop_id],
    )


def set_results_visible(cur: Connection, workshop_id: str, visible: bool) -> None:
    """Show the group's answers on the workshop's projector, or only how many there are."""
    cur.execute(
        "UPDATE workshops SET results_visible = ? WHERE id = ?", [bool(visible), workshop_id]
    )


def drop_tokens(cur: Connection, workshop_id: str) -> int:
    """Forget the participants' tokens of a workshop (it is closed); how many there were.

    The answers stay, but no browser can be tied to them any more.
    """
    found = cur.execute(
        "SELECT count(*) FROM participants WHERE workshop_id = ? AND token IS NOT NULL",
        [workshop_id],
    ).fetchall()[0][0]
    if found:
        cur.execute("UPDATE participants SET token = NULL WHERE workshop_id = ?", [workshop_id])
    return int(found)


@dataclass(frozen=True)
class DeletedCounts:
    """How many rows deleting a workshop removed, by kind (for the log and the CLI)."""

    participants: int
    answers: int
    local_editions: int
    votes: int = 0
    ratings: int = 0


def workshop_counts(cur: Connection, workshop_id: str) -> DeletedCounts:
    """How many participants, answers, local editions, votes and ratings a workshop holds."""
    counted = cur.execute(
        "SELECT (SELECT count(*) FROM participants WHERE workshop_id = $1), "
        "(SELECT count(*) FROM answers WHERE workshop_id = $1), "
        "(SELECT count(*) FROM local_editions WHERE workshop_id = $1), "
        "(SELECT count(*) FROM votes WHERE workshop_id = $1), "
        "(SELECT count(*) FROM ratings WHERE workshop_id = $1)",
        [workshop_id],
    ).fetchall()[0]
    return DeletedCounts(*(int(value) for value in counted))


def delete_workshop(cur: Connection, workshop_id: str) -> DeletedCounts:
    """Delete a workshop and everything in it: participants, answers, reviews, votes, ratings,
    local radars, co-facilitators.

    Runs on the caller's cursor, so it is one transaction with the caller's.
    """
    counted = workshop_counts(cur, workshop_id)
    cur.execute(
        "DELETE FROM local_placements WHERE local_edition_id IN "
        "(SELECT id FROM local_editions WHERE workshop_id = ?)",
        [workshop_id],
    )
    for table in (
        "local_editions",
        "comment_reviews",
        "votes",
        "ratings",
        "answers",
        "participants",
    ):
        cur.execute(f"DELETE FROM {table} WHERE workshop_id = ?", [workshop_id])
    for table in ("workshop_facilitators", "workshop_technologies", "workshop_rings"):
        cur.execute(f"DELETE FROM {table} WHERE workshop_id = ?", [workshop_id])
    cur.execute("DELETE FROM workshops WHERE id = ?", [workshop_id])
    return counted


# --- participants and answers -------------------------------------------------------------


@dataclass(frozen=True)
class StoredParticipant:
    """A participant's row: no name, only a random id and the browser session's token."""

    id: str
    workshop_id: str
    token: str | None
    joined_at: datetime


def insert_participant(
    cur: Connection, participant_id: str, workshop_id: str, token: str, joined_at: datetime
) -> None:
    """Add a participant to a workshop."""
    cur.execute(
        "INSERT INTO participants (id, workshop_id, token, joined_at) VALUES (?, ?, ?, ?)",
        [participant_id, workshop_id, token, to_db(joined_at)],
    )


def participant_by_token(cur: Connection, workshop_id: str, token: str) -> StoredParticipant | None:
    """The participant of a workshop whose secret token this is, or None."""
    found = cur.execute(
        "SELECT id, workshop_id, token, joined_at FROM participants "
        "WHERE token = ? AND workshop_id = ?",
        [token, workshop_id],
    ).fetchall()
    if not found:
        return None
    row = found[0]
    return StoredParticipant(row[0], row[1], row[2], aware(row[3]))


def participants_by_tokens(
    cur: Connection, workshop_id: str, tokens: Sequence[str]
) -> dict[str, StoredParticipant]:
    """The participants of a workshop whose secret tokens these are, by token (only known ones)."""
    wanted = sorted({token for token in tokens if token})
    if not wanted:
        return {}
    return {
        str(row[2]): StoredParticipant(row[0], row[1], row[2], aware(row[3]))
        for row in cur.execute(
            "SELECT id, workshop_id, token, joined_at FROM participants "
            "WHERE workshop_id = ? AND list_contains(?, token)",
            [workshop_id, wanted],
        ).fetchall()
    }


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
        f"SELECT {ANSWER_COLUMNS} FROM answers WHERE workshop_id = ? "
        "ORDER BY updated_at, participant_id",
        [workshop_id],
    ).df()
