"""Answering in a workshop: a participant's answers, stored and read back, one or a room's at once.

A room answers at the same moment. :func:`submit_answers` stores many
participants' answers in one transaction: each workshop is read once, its
participants are found in one query, the answers are written in one statement
and read back in one more. Each answer is still judged on its own: one that is
refused (a stale token, a closed question) is refused alone and the others are
stored. :func:`submit_answer` is the same for one answer.
:func:`participant_views` reads many participants' pages at once the same way.

A web server gathers the requests that arrive while a batch is being written
into the next one (:mod:`radar.web.participant.batches`), so a crowd costs a
few transactions, not one per phone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import cast

from radar.store import workshops as stored
from radar.store.transactions import Connection, StoreError, read
from radar.workshop import clock
from radar.workshop.model import (
    Answer,
    AnswerRejectedError,
    Participant,
    QuestionClosedError,
    Workshop,
    WorkshopError,
)
from radar.workshop.ratings import clean_ratings
from radar.workshop.sessions import by_code, known_participant
from radar.workshop.validation import check_phase, clean_answers
from radar.workshop.writes import write

__all__ = [
    "AnswerRequest",
    "AnswerSaved",
    "ParticipantView",
    "participant_answers",
    "participant_views",
    "submit_answer",
    "submit_answers",
]


@dataclass(frozen=True)
class AnswerRequest:
    """One participant's answer about one technology, as sent.

    ``texts``: question id (:data:`QUESTION_IDS`) to text; ``ratings``:
    dimension (:data:`RATING_DIMENSIONS`) to score. Checked by
    :func:`submit_answers`, as :func:`submit_answer` describes.
    """

    code: str
    token: str
    technology: str
    ring: str
    phase: str | None = None
    texts: Mapping[str, str | None] = field(default_factory=dict)
    ratings: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ParticipantView:
    """What a participant's page shows: the workshop, and their answers by technology id
    (in the workshop's order)."""

    workshop: Workshop
    answers: dict[str, Answer]


@dataclass(frozen=True)
class AnswerSaved:
    """An answer stored: the answer, and the participant's page as it is after it."""

    answer: Answer
    view: ParticipantView


def _answer(row: stored.StoredAnswer, ratings: Mapping[str, int]) -> Answer:
    return Answer(
        workshop_id=row.workshop_id,
        participant_id=row.participant_id,
        technology=row.technology,
        ring=row.ring,
        phase=row.phase,
        core=row.core,
        work=row.work,
        skills=row.skills,
        involvement=row.involvement,
        updated_at=row.updated_at,
        ratings=dict(ratings),
    )


def _stored(answer: Answer) -> stored.StoredAnswer:
    return stored.StoredAnswer(
        workshop_id=answer.workshop_id,
        participant_id=answer.participant_id,
        technology=answer.technology,
        ring=answer.ring,
        phase=answer.phase,
        core=answer.core,
        work=answer.work,
        skills=answer.skills,
        involvement=answer.involvement,
        updated_at=answer.updated_at,
    )


class _Room:
    """The workshops and participants one batch is about, each read once on its cursor."""

    def __init__(self, cur: Connection, codes: Sequence[str], tokens: Sequence[str]) -> None:
        self.cur = cur
        self.workshops: dict[str, Workshop | WorkshopError] = {}
        self.participants: dict[tuple[str, str], stored.StoredParticipant] = {}
        wanted: dict[str, list[str]] = {}
        for code, token in zip(codes, tokens, strict=True):
            if code not in self.workshops:
                try:
                    self.workshops[code] = by_code(cur, code, must_be_open=True)
                except WorkshopError as exc:
                    self.workshops[code] = exc
            wanted.setdefault(code, []).append(token)
        for code, asked in wanted.items():
            found = self.workshops[code]
            if isinstance(found, Workshop):
                for token, row in stored.participants_by_tokens(cur, found.id, asked).items():
                    self.participants[(code, token)] = row

    def participant(self, code: str, token: str) -> tuple[Workshop, Participant]:
        found = self.workshops[code]
        if isinstance(found, WorkshopError):
            raise found
        return found, known_participant(self.participants.get((code, token)) if token else None)

    def views(self, who: Sequence[tuple[Workshop, Participant]]) -> dict[str, ParticipantView]:
        """Each participant's page by participant id, read in one query per workshop."""
        by_workshop: dict[str, tuple[Workshop, list[str]]] = {}
        for ws, participant in who:
            by_workshop.setdefault(ws.id, (ws, []))[1].append(participant.id)
        views: dict[str, ParticipantView] = {}
        for ws, ids in by_workshop.values():
            rows = stored.answers_of(self.cur, ws.id, ids)
            scores = stored.ratings_of(self.cur, ws.id, ids)
            for participant_id in ids:
                given = {
                    row.technology: _answer(
                        row, scores.get(participant_id, {}).get(row.technology, {})
                    )
                    for row in rows.get(participant_id, [])
                }
                ordered = {i: given[i] for i in ws.technology_ids if i in given}
                views[participant_id] = ParticipantView(ws, ordered)
        return views


def _checked(request: AnswerRequest) -> tuple[dict[str, str | None], dict[str, int]]:
    texts = clean_answers(request.texts)
    check_phase(request.phase)
    return texts, clean_ratings(request.ratings)


def _judged(
    room: _Room, request: AnswerRequest, texts: Mapping[str, str | None], scores: dict[str, int]
) -> tuple[Answer, Workshop, Participant]:
    # Checked inside the transaction, so that an answer is never stored for a
    # workshop closed, or a question closed, before the answer started.
    ws, participant = room.participant(request.code, request.token)
    technology, ring = request.technology, request.ring
    if technology not in ws.technology_ids:
        raise AnswerRejectedError(
            "workshop.error.technology_unknown", technology=str(technology)[:80]
        )
    if ring not in ws.ring_ids:
        raise AnswerRejectedError(
            "workshop.error.ring_unknown", ring=str(ring)[:40], rings=ws.ring_ids
        )
    now = clock.now()
    if not ws.answerable(technology, now):
        item = ws.technology(technology)
        raise QuestionClosedError(
            "workshop.error.question_closed", name_da=item.name_da, name_en=item.name_en
        )
    answer = Answer(
        workshop_id=ws.id,
        participant_id=participant.id,
        technology=technology,
        ring=ring,
        phase=request.phase,
        core=texts["core"],
        work=texts["work"],
        skills=texts["skills"],
        involvement=texts["involvement"],
        updated_at=now,
        ratings=scores,
    )
    return answer, ws, participant


def submit_answers(
    con: Connection, requests: Sequence[AnswerRequest]
) -> list[AnswerSaved | WorkshopError]:
    """Store many participants' answers in one transaction; each one's outcome, in order.

    Each answer is judged as :func:`submit_answer` judges it; a refused one
    is its :class:`WorkshopError` in the list and stores nothing, the others
    are stored. When the whole batch cannot be written (every retry
    conflicted, or the store refused it), each answer is tried on its own; one
    that still cannot be is :class:`WorkshopError` with key
    ``workshop.error.busy``. Two answers of one participant about one
    technology: the later one is stored.
    """
    checked: list[tuple[dict[str, str | None], dict[str, int]] | WorkshopError] = []
    for request in requests:
        try:
            checked.append(_checked(request))
        except WorkshopError as exc:
            checked.append(exc)
    asked = [i for i, c in enumerate(checked) if not isinstance(c, WorkshopError)]

    def batch(cur: Connection) -> list[AnswerSaved | WorkshopError]:
        outcomes: list[AnswerSaved | WorkshopError | None] = [
            c if isinstance(c, WorkshopError) else None for c in checked
        ]
        room = _Room(cur, [requests[i].code for i in asked], [requests[i].token for i in asked])
        judged: dict[int, tuple[Answer, Workshop, Participant]] = {}
        for i in asked:
            texts, scores = checked[i]  # type: ignore[misc]
            try:
                judged[i] = _judged(room, requests[i], texts, scores)
            except WorkshopError as exc:
                outcomes[i] = exc
        stored.insert_answers(cur, [(_stored(a), a.ratings) for a, _, _ in judged.values()])
        views = room.views([(ws, participant) for _, ws, participant in judged.values()])
        for i, (answer, _, participant) in judged.items():
            outcomes[i] = AnswerSaved(answer, views[participant.id])
        # Every request has its outcome by now: refused before, refused here, or stored.
        return cast(list[AnswerSaved | WorkshopError], outcomes)

    if not asked:
        return [c for c in checked if isinstance(c, WorkshopError)]
    try:
        return write(con, batch)
    except (WorkshopError, StoreError) as exc:
        if len(asked) == 1:
            failed = exc if isinstance(exc, WorkshopError) else WorkshopError("workshop.error.busy")
            return [c if isinstance(c, WorkshopError) else failed for c in checked]
    # The batch as a whole collided again and again (with a facilitator's write on one of its
    # rows), or the store refused it: each answer on its own, so one cannot sink the room's.
    alone = {i: submit_answers(con, [requests[i]])[0] for i in asked}
    return [c if isinstance(c, WorkshopError) else alone[i] for i, c in enumerate(checked)]


def submit_answer(
    con: Connection,
    code: str,
    participant_token: str,
    technology: str,
    ring: str,
    phase: str | None = None,
    answers: Mapping[str, str | None] | None = None,
    ratings: Mapping[str, object] | None = None,
) -> Answer:
    """Store a participant's answer about one technology, replacing an earlier one.

    The whole answer is replaced: a question left out now has no text any
    more, a dimension left out of ``ratings`` is no longer rated.
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
    ratings
        The participant's consequence rating of the technology: dimension
        (:data:`RATING_DIMENSIONS`) to a whole score 1 to 5; None (or a
        dimension left out or given None) is not rated.

    Returns
    -------
    The answer as stored.

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError
        A wrong code, or a closed workshop (closed by hand or past its closing time).
    QuestionClosedError
        The technology takes no answers now (closed, led past, or its
        countdown over); an :class:`AnswerRejectedError` too.
    AnswerRejectedError
        The token is not a participant of this workshop, or the technology,
        ring, phase or a question is unknown, or a text is too long or not
        text, or a rating's dimension is unknown or its score not 1 to 5
        (:class:`RatingRejectedError`). ``exc.key`` and ``exc.details`` say which.
    WorkshopError
        With key ``workshop.error.busy`` when every retry conflicted.
    """
    request = AnswerRequest(
        code, participant_token, technology, ring, phase, answers or {}, ratings or {}
    )
    outcome = submit_answers(con, [request])[0]
    if isinstance(outcome, WorkshopError):
        raise outcome
    return outcome.answer


def participant_views(
    con: Connection, asked: Sequence[tuple[str, str]]
) -> list[ParticipantView | WorkshopError]:
    """Many participants' pages, each ``(code, token)`` read in one go; each one's outcome.

    An outcome is :class:`WorkshopNotFoundError` or :class:`WorkshopClosedError`
    for a wrong code or a closed workshop, :class:`AnswerRejectedError` for a
    token that is not a participant of it.
    """

    def views(cur: Connection) -> list[ParticipantView | WorkshopError]:
        room = _Room(cur, [code for code, _ in asked], [token for _, token in asked])
        found: list[tuple[Workshop, Participant] | WorkshopError] = []
        for code, token in asked:
            try:
                found.append(room.participant(code, token))
            except WorkshopError as exc:
                found.append(exc)
        pages = room.views([f for f in found if not isinstance(f, WorkshopError)])
        return [f if isinstance(f, WorkshopError) else pages[f[1].id] for f in found]

    return read(con, views)


def participant_answers(con: Connection, code: str, participant_token: str) -> dict[str, Answer]:
    """A participant's own answers so far, by technology id (to fill in their form again).

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError
        A wrong code, or a closed workshop.
    AnswerRejectedError
        The token does not belong to this workshop.
    """
    outcome = participant_views(con, [(code, participant_token)])[0]
    if isinstance(outcome, WorkshopError):
        raise outcome
    return outcome.answers
