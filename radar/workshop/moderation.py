"""Comments held for approval: the facilitator approves or hides each one before the room sees it.

A workshop is *moderated* or not (:attr:`Workshop.moderated`). Moderated, the
projector's comment wall and the session report show only the comments the
facilitator approved; not moderated, they show every comment but those the
facilitator hid (an offensive one can always be taken down). A comment with no
verdict is pending. A participant who changes a comment's text makes it pending
again, in the transaction that stores the new text
(:func:`radar.store.workshops.insert_answer`): an approval is given to words,
not to a box on a form.

Only someone who may run the workshop (:func:`radar.workshop.may_run`) reads
the queue or decides: the functions take the signed-in user and treat anyone
else as if the workshop did not exist, as the facilitator's page does. The
verdicts are stored with the answers and deleted with the workshop.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from radar.auth import User
from radar.store import workshops as stored
from radar.store.transactions import Connection, transaction
from radar.workshop import clock
from radar.workshop.access import may_run
from radar.workshop.model import (
    QUESTION_IDS,
    Comment,
    CommentStatus,
    Workshop,
    WorkshopInputError,
    WorkshopNotFoundError,
    WorkshopResults,
)
from radar.workshop.sessions import by_id, get_workshop
from radar.workshop.writes import write

__all__ = [
    "CommentForReview",
    "CommentReviewError",
    "approve_comment",
    "comments_for_review",
    "hide_comment",
    "pending_count",
    "set_moderated",
    "shown_comments",
]


class CommentReviewError(WorkshopInputError):
    """A verdict on a comment that is gone, or whose text changed since it was read."""


@dataclass(frozen=True)
class CommentForReview:
    """One comment as the facilitator's queue lists it.

    Attributes
    ----------
    participant_id
        Which answer it belongs to: a random id, never shown (participants give no name).
    technology, question
        What it answers: a technology id of the workshop and a question id.
    text
        The text, as typed: untrusted, shown as plain text only.
    status
        Pending, approved or hidden.
    written_at
        When the participant last saved the answer (aware UTC).
    reviewed_at
        When the facilitator decided (None while pending).
    """

    workshop_id: str
    participant_id: str
    technology: str
    question: str
    text: str
    status: CommentStatus
    written_at: datetime
    reviewed_at: datetime | None = None

    @property
    def key(self) -> str:
        """A short stable name for the comment, for a page's widgets; it tells nothing."""
        named = "\x1f".join((self.participant_id, self.technology, self.question))
        return hashlib.sha256(named.encode("utf-8")).hexdigest()[:16]


def shown_comments(results: WorkshopResults) -> tuple[Comment, ...]:
    """The comments the room may see (the projector's wall, the report, the exports).

    Moderated: the approved ones. Not moderated: all but the hidden ones.
    """
    if results.workshop.moderated:
        return tuple(c for c in results.comments if c.status is CommentStatus.APPROVED)
    return tuple(c for c in results.comments if c.status is not CommentStatus.HIDDEN)


def pending_count(results: WorkshopResults) -> int:
    """How many comments wait for the facilitator's verdict."""
    return sum(1 for c in results.comments if c.status is CommentStatus.PENDING)


def _runnable(cur: Connection, workshop_id: str, user: User | None) -> Workshop:
    """The workshop, if ``user`` may run it; else as if it did not exist."""
    workshop = by_id(cur, workshop_id)
    if not may_run(workshop, user):
        raise WorkshopNotFoundError("workshop.error.no_such_workshop")
    return workshop


def comments_for_review(
    con: Connection, workshop_id: str, user: User | None
) -> tuple[CommentForReview, ...]:
    """Every comment of a workshop with its verdict: pending first, then oldest first.

    Within one moment, in the workshop's technology order and the questions' order.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id, or ``user`` may not run it.
    """

    # One snapshot: the texts and their verdicts as they are together.
    with transaction(con, lock=False) as cur:
        workshop = _runnable(cur, workshop_id, user)
        answers = stored.answers_frame(cur, workshop_id)
        reviews = stored.comment_reviews(cur, workshop_id)
    position = {tech: i for i, tech in enumerate(workshop.technology_ids)}
    found = []
    for row in answers.to_dict("records"):
        for question in QUESTION_IDS:
            text = row[f"answer_{question}"]
            if not isinstance(text, str) or not text:
                continue
            review = reviews.get((row["participant_id"], row["technology"], question))
            if review is not None and not review.covers(text):
                review = None  # given to other words: pending
            found.append(
                CommentForReview(
                    workshop_id=workshop_id,
                    participant_id=row["participant_id"],
                    technology=row["technology"],
                    question=question,
                    text=text,
                    status=CommentStatus(review.status) if review else CommentStatus.PENDING,
                    written_at=stored.aware(pd.Timestamp(row["updated_at"]).to_pydatetime()),
                    reviewed_at=review.reviewed_at if review else None,
                )
            )
    found.sort(
        key=lambda c: (
            c.status is not CommentStatus.PENDING,
            c.written_at,
            position.get(c.technology, len(position)),
            QUESTION_IDS.index(c.question),
        )
    )
    return tuple(found)


def _review(
    con: Connection, comment: CommentForReview, status: CommentStatus, user: User | None
) -> CommentForReview:
    def store(cur: Connection) -> CommentForReview:
        _runnable(cur, comment.workshop_id, user)
        answers = stored.participant_answers(cur, comment.workshop_id, comment.participant_id)
        answer = next((a for a in answers if a.technology == comment.technology), None)
        current = getattr(answer, comment.question, None) if answer is not None else None
        if not current:
            raise CommentReviewError("workshop.error.comment_gone")
        # Approving is for the words the facilitator read; hiding, whatever stands now.
        if status is CommentStatus.APPROVED and current != comment.text:
            raise CommentReviewError("workshop.error.comment_changed")
        moment = clock.now()
        stored.set_review(
            cur,
            comment.workshop_id,
            (comment.participant_id, comment.technology, comment.question),
            status.value,
            current,
            moment,
        )
        return CommentForReview(
            workshop_id=comment.workshop_id,
            participant_id=comment.participant_id,
            technology=comment.technology,
            question=comment.question,
            text=current,
            status=status,
            written_at=answer.updated_at if answer is not None else comment.written_at,
            reviewed_at=moment,
        )

    return write(con, store)


def approve_comment(
    con: Connection, comment: CommentForReview, user: User | None
) -> CommentForReview:
    """Show a comment on the projector and in the report (also one hidden before).

    Parameters
    ----------
    con
        The workshop database.
    comment
        From :func:`comments_for_review`: its text is the one the facilitator read.
    user
        The signed-in person; must be allowed to run the workshop.

    Returns
    -------
    The comment as it is now: approved.

    Raises
    ------
    CommentReviewError
        The participant changed the text since it was listed
        (``workshop.error.comment_changed``: read it again), or removed it
        (``workshop.error.comment_gone``). Nothing is stored.
    WorkshopNotFoundError
        No such workshop, or ``user`` may not run it.
    """
    return _review(con, comment, CommentStatus.APPROVED, user)


def hide_comment(con: Connection, comment: CommentForReview, user: User | None) -> CommentForReview:
    """Keep a comment off the projector and out of the report (also one approved before).

    Whatever its text is now: hiding shows nothing the facilitator has not read.

    Raises
    ------
    CommentReviewError
        The participant removed the text (``workshop.error.comment_gone``).
    WorkshopNotFoundError
        No such workshop, or ``user`` may not run it.
    """
    return _review(con, comment, CommentStatus.HIDDEN, user)


def set_moderated(
    con: Connection, workshop_id: str, moderated: bool, user: User | None
) -> Workshop:
    """Hold the workshop's comments for approval, or show all but the hidden ones.

    The verdicts stay either way: switching moderation off and on again keeps
    what was approved and hidden. Works on a closed workshop too (the report
    is often made after closing).

    Raises
    ------
    WorkshopNotFoundError
        No such workshop, or ``user`` may not run it.
    """

    def store(cur: Connection) -> None:
        _runnable(cur, workshop_id, user)
        stored.set_moderated(cur, workshop_id, moderated)

    write(con, store)
    return get_workshop(con, workshop_id)
