"""The workshop database's answers: a participant's own, and many participants' at once.

A room answers at the same moment, so answers are written as a batch: one
statement for all the answers and one for all their ratings, in the caller's
transaction (:func:`insert_answers`). DuckDB spends most of an upsert on the
statement itself, not on its rows: fifty answers in one statement cost about
as much as five written one by one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from radar.store.transactions import Connection
from radar.store.workshop_reviews import forget_reviews
from radar.store.workshop_schema import QUESTION_IDS, aware, to_db

__all__ = [
    "ANSWER_COLUMNS",
    "StoredAnswer",
    "answers_of",
    "insert_answer",
    "insert_answers",
    "participant_answers",
    "ratings_of",
]

#: An answer's columns, in the order :class:`StoredAnswer` holds them.
ANSWER_COLUMNS: Final = (
    "workshop_id, participant_id, technology, ring, phase, "
    "answer_core, answer_work, answer_skills, answer_involvement, updated_at"
)
# Rows per statement: large enough for a room answering at once, small enough
# that one statement's parameters stay modest.
_ROWS_PER_STATEMENT: Final = 250


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

    def texts(self) -> dict[str, str | None]:
        """Question id to its text (None when not answered)."""
        texts = (self.core, self.work, self.skills, self.involvement)
        return dict(zip(QUESTION_IDS, texts, strict=True))


def _answer(row: Sequence[object]) -> StoredAnswer:
    return StoredAnswer(
        workshop_id=str(row[0]),
        participant_id=str(row[1]),
        technology=str(row[2]),
        ring=str(row[3]),
        phase=row[4],  # type: ignore[arg-type]
        core=row[5],  # type: ignore[arg-type]
        work=row[6],  # type: ignore[arg-type]
        skills=row[7],  # type: ignore[arg-type]
        involvement=row[8],  # type: ignore[arg-type]
        updated_at=aware(row[9]),  # type: ignore[arg-type]
    )


def participant_answers(
    cur: Connection, workshop_id: str, participant_id: str
) -> list[StoredAnswer]:
    """A participant's answers in a workshop, in no particular order."""
    return answers_of(cur, workshop_id, [participant_id]).get(participant_id, [])


def answers_of(
    cur: Connection, workshop_id: str, participant_ids: Iterable[str]
) -> dict[str, list[StoredAnswer]]:
    """The answers of these participants of a workshop, by participant (only those who answered)."""
    ids = sorted(set(participant_ids))
    found: dict[str, list[StoredAnswer]] = {}
    if not ids:
        return found
    for row in cur.execute(
        f"SELECT {ANSWER_COLUMNS} FROM answers "
        "WHERE workshop_id = ? AND list_contains(?, participant_id)",
        [workshop_id, ids],
    ).fetchall():
        answer = _answer(row)
        found.setdefault(answer.participant_id, []).append(answer)
    return found


def ratings_of(
    cur: Connection, workshop_id: str, participant_ids: Iterable[str]
) -> dict[str, dict[str, dict[str, int]]]:
    """These participants' scores: participant to technology to dimension to score."""
    ids = sorted(set(participant_ids))
    scores: dict[str, dict[str, dict[str, int]]] = {}
    if not ids:
        return scores
    for participant, technology, dimension, score in cur.execute(
        "SELECT participant_id, technology, dimension, score FROM ratings "
        "WHERE workshop_id = ? AND list_contains(?, participant_id)",
        [workshop_id, ids],
    ).fetchall():
        by_technology = scores.setdefault(str(participant), {})
        by_technology.setdefault(str(technology), {})[str(dimension)] = int(score)
    return scores


def insert_answer(
    cur: Connection, answer: StoredAnswer, ratings: Mapping[str, int] | None = None
) -> None:
    """Store an answer, replacing the participant's earlier one about the technology.

    See :func:`insert_answers`.
    """
    insert_answers(cur, [(answer, ratings or {})])


def insert_answers(
    cur: Connection, answers: Sequence[tuple[StoredAnswer, Mapping[str, int]]]
) -> None:
    """Store answers with their ratings, each replacing its participant's earlier one.

    A text that changes loses the facilitator's verdict on it, in this
    transaction. Each answer's ratings (dimension to score) replace the
    participant's ratings of the technology: none given, none kept. When one
    participant's answer about a technology is in ``answers`` twice (a double
    tap), the later one is stored.
    """
    latest: dict[tuple[str, str, str], tuple[StoredAnswer, Mapping[str, int]]] = {}
    for answer, scores in answers:
        latest[(answer.workshop_id, answer.participant_id, answer.technology)] = (answer, scores)
    by_workshop: dict[str, list[tuple[StoredAnswer, Mapping[str, int]]]] = {}
    for answer, scores in latest.values():
        by_workshop.setdefault(answer.workshop_id, []).append((answer, scores))
    for workshop_id, items in by_workshop.items():
        _forget_changed(cur, workshop_id, [answer for answer, _ in items])
        for chunk in _chunks(items):
            _upsert(cur, [answer for answer, _ in chunk])
            _replace_ratings(cur, workshop_id, chunk)


def _chunks(
    items: Sequence[tuple[StoredAnswer, Mapping[str, int]]],
) -> Iterable[Sequence[tuple[StoredAnswer, Mapping[str, int]]]]:
    for start in range(0, len(items), _ROWS_PER_STATEMENT):
        yield items[start : start + _ROWS_PER_STATEMENT]


def _forget_changed(cur: Connection, workshop_id: str, answers: Sequence[StoredAnswer]) -> None:
    before = {
        (stored.participant_id, stored.technology): stored
        for rows in answers_of(cur, workshop_id, (a.participant_id for a in answers)).values()
        for stored in rows
    }
    for answer in answers:
        earlier = before.get((answer.participant_id, answer.technology))
        if earlier is None:
            continue
        old, new = earlier.texts(), answer.texts()
        changed = [q for q in QUESTION_IDS if old[q] != new[q]]
        forget_reviews(cur, workshop_id, answer.participant_id, answer.technology, changed)


def _upsert(cur: Connection, answers: Sequence[StoredAnswer]) -> None:
    values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"] * len(answers))
    cur.execute(
        f"""
        INSERT INTO answers ({ANSWER_COLUMNS}) VALUES {values}
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
            value
            for a in answers
            for value in (
                a.workshop_id,
                a.participant_id,
                a.technology,
                a.ring,
                a.phase,
                a.core,
                a.work,
                a.skills,
                a.involvement,
                to_db(a.updated_at),
            )
        ],
    )


def _replace_ratings(
    cur: Connection, workshop_id: str, items: Sequence[tuple[StoredAnswer, Mapping[str, int]]]
) -> None:
    # Each answer's own (participant, technology) pair, matched as a pair.
    cur.execute(
        "DELETE FROM ratings WHERE workshop_id = ? AND (participant_id, technology) IN "
        "(SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]))",
        [workshop_id, [a.participant_id for a, _ in items], [a.technology for a, _ in items]],
    )
    rows = [
        (workshop_id, a.participant_id, a.technology, dimension, score, to_db(a.updated_at))
        for a, scores in items
        for dimension, score in scores.items()
    ]
    if rows:
        values = ", ".join(["(?, ?, ?, ?, ?, ?)"] * len(rows))
        cur.execute(
            f"INSERT INTO ratings VALUES {values}", [value for row in rows for value in row]
        )
