"""The facilitator's verdicts on comments: which text answers are approved or hidden.

A comment is one question's text of one answer, so it is named by the
answer's key and the question: ``(workshop_id, participant_id, technology,
question)``. A comment without a row is pending. Every function runs on the
caller's cursor, inside the caller's transaction: an answer whose text
changes loses its verdict in the transaction that stores the new text.

A verdict also keeps the SHA-256 of the text it was given to, and counts only
for that text (:meth:`StoredReview.covers`): a facilitator's approval and a
participant's new text written at the same moment (each in a snapshot of its
own, neither seeing the other) still leave the new text pending.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from radar.store.transactions import Connection
from radar.store.workshop_schema import QUESTION_IDS, aware, to_db

__all__ = [
    "ReviewKey",
    "StoredReview",
    "comment_reviews",
    "forget_changed_reviews",
    "set_moderated",
    "set_review",
    "text_sha256",
]

#: A comment's name: participant, technology, question (within one workshop).
ReviewKey = tuple[str, str, str]


def text_sha256(text: str) -> str:
    """The SHA-256 of a comment's text, in hex: what a verdict was given to."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredReview:
    """A facilitator's verdict on one comment: ``approved`` or ``hidden``, for which text, when."""

    participant_id: str
    technology: str
    question: str
    status: str
    text_sha256: str
    reviewed_at: datetime

    def covers(self, text: str) -> bool:
        """Whether the verdict was given to this text (else the comment is pending)."""
        return self.text_sha256 == text_sha256(text)


def set_moderated(cur: Connection, workshop_id: str, moderated: bool) -> None:
    """Hold the workshop's comments for approval before the projector shows them, or not."""
    cur.execute("UPDATE workshops SET moderated = ? WHERE id = ?", [bool(moderated), workshop_id])


def comment_reviews(cur: Connection, workshop_id: str) -> dict[ReviewKey, StoredReview]:
    """Every verdict in a workshop, by ``(participant_id, technology, question)``."""
    found = cur.execute(
        "SELECT participant_id, technology, question, status, text_sha256, reviewed_at "
        "FROM comment_reviews WHERE workshop_id = ?",
        [workshop_id],
    ).fetchall()
    return {
        (row[0], row[1], row[2]): StoredReview(
            participant_id=row[0],
            technology=row[1],
            question=row[2],
            status=row[3],
            text_sha256=row[4],
            reviewed_at=aware(row[5]),
        )
        for row in found
    }


def set_review(
    cur: Connection,
    workshop_id: str,
    key: ReviewKey,
    status: str,
    text: str,
    reviewed_at: datetime,
) -> None:
    """Record a verdict on one comment's ``text``, replacing an earlier one."""
    participant_id, technology, question = key
    cur.execute(
        """
        INSERT INTO comment_reviews
            (workshop_id, participant_id, technology, question, status, text_sha256, reviewed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (workshop_id, participant_id, technology, question) DO UPDATE SET
            status = excluded.status,
            text_sha256 = excluded.text_sha256,
            reviewed_at = excluded.reviewed_at
        """,
        [
            workshop_id,
            participant_id,
            technology,
            question,
            status,
            text_sha256(text),
            to_db(reviewed_at),
        ],
    )


def forget_changed_reviews(
    cur: Connection,
    workshop_id: str,
    participant_id: str,
    technology: str,
    texts: Mapping[str, str | None],
) -> None:
    """Drop the verdicts on the comments of an answer whose text is about to change.

    Call it before the answer is replaced, on the same cursor: it compares the
    stored texts with ``texts`` (question id to the new text, None for none).
    A question whose text stays the same keeps its verdict; one whose text
    changes, or goes, is pending again, so an approval is never carried over
    to words the facilitator has not read.
    """
    found = cur.execute(
        f"SELECT {', '.join(f'answer_{q}' for q in QUESTION_IDS)} FROM answers "
        "WHERE workshop_id = ? AND participant_id = ? AND technology = ?",
        [workshop_id, participant_id, technology],
    ).fetchall()
    if not found:
        return
    before = dict(zip(QUESTION_IDS, found[0], strict=True))
    forget_reviews(
        cur,
        workshop_id,
        participant_id,
        technology,
        [q for q in QUESTION_IDS if before[q] != texts.get(q)],
    )


def forget_reviews(
    cur: Connection,
    workshop_id: str,
    participant_id: str,
    technology: str,
    questions: Sequence[str],
) -> None:
    """Drop the verdicts on these questions' comments of one answer (they are pending again)."""
    if questions:
        cur.execute(
            "DELETE FROM comment_reviews WHERE workshop_id = ? AND participant_id = ? "
            "AND technology = ? AND list_contains(?, question)",
            [workshop_id, participant_id, technology, list(questions)],
        )
