"""Dot voting ("fordel 5 point"): which technologies the group takes on to the next phase.

The facilitator opens a prioritising round (:func:`set_voting_open`); while it
is open, and the workshop is, each participant distributes up to
:data:`~radar.workshop.limits.VOTE_POINTS` points over the workshop's
technologies, as many on one as they like (:func:`submit_votes`). Saving
replaces the participant's earlier points. Like the answers, the points are
anonymous: they carry only the participant's random id, and closing the
workshop keeps them.
"""

from __future__ import annotations

from collections.abc import Mapping

from radar.store import workshops as stored
from radar.store.transactions import Connection, read
from radar.workshop import clock, limits
from radar.workshop.model import (
    Workshop,
    WorkshopClosedError,
    WorkshopInputError,
)
from radar.workshop.sessions import by_id, get_workshop, open_participant
from radar.workshop.writes import write

__all__ = [
    "VoteRejectedError",
    "clean_points",
    "participant_votes",
    "set_voting_open",
    "submit_votes",
]


class VoteRejectedError(WorkshopInputError):
    """Points that cannot be saved: an unknown technology, a number that is not
    0 to :data:`VOTE_POINTS`, or more points in all than the participant has."""


def set_voting_open(con: Connection, workshop_id: str, voting_open: bool) -> Workshop:
    """Open the prioritising round, or close it.

    Closing keeps the points given; opening again lets participants change
    them. Setting what is set already changes nothing.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    WorkshopClosedError
        Opening the round of a closed workshop: nobody could take part.
    """

    def store(cur: Connection) -> None:
        workshop = by_id(cur, workshop_id)
        if voting_open and not workshop.is_open():
            raise WorkshopClosedError("workshop.error.closed", title=workshop.title)
        stored.set_voting_open(cur, workshop_id, voting_open)

    write(con, store)
    return get_workshop(con, workshop_id)


def clean_points(workshop: Workshop, points: Mapping[str, object] | None) -> dict[str, int]:
    """A participant's points checked: technology to points, in the workshop's order.

    A technology left out, or given 0 or None, gets no points.

    Raises
    ------
    VoteRejectedError
        A technology not in the workshop, points that are not a whole number
        from 0 to :data:`VOTE_POINTS`, or more than :data:`VOTE_POINTS` in all.
    """
    budget = limits.VOTE_POINTS
    given = dict(points or {})
    for technology, value in given.items():
        if technology not in workshop.technology_ids:
            raise VoteRejectedError(
                "workshop.error.technology_unknown", technology=str(technology)[:80]
            )
        if value is None:
            continue
        # bool is an int to Python, but True is no number of points.
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= budget:
            raise VoteRejectedError(
                "workshop.error.points_invalid",
                name_da=workshop.technology(technology).name_da,
                name_en=workshop.technology(technology).name_en,
                points=str(value)[:20],
                budget=budget,
            )
    counted = {
        technology: int(value)
        for technology in workshop.technology_ids
        if isinstance(value := given.get(technology), int) and value > 0
    }
    total = sum(counted.values())
    if total > budget:
        raise VoteRejectedError("workshop.error.over_budget", given=total, budget=budget)
    return counted


def submit_votes(
    con: Connection, code: str, participant_token: str, points: Mapping[str, object] | None
) -> dict[str, int]:
    """Store a participant's points, replacing their earlier ones.

    Parameters
    ----------
    con
        The workshop database.
    code
        The workshop's join code.
    participant_token
        From :func:`radar.workshop.join`.
    points
        Technology id to a whole number of points, 0 to :data:`VOTE_POINTS`;
        at most :data:`VOTE_POINTS` in all. A technology left out gets none.

    Returns
    -------
    The points as stored, technologies given none left out.

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError
        A wrong code, a closed workshop, or a prioritising round that is not
        open (key ``workshop.error.voting_closed``).
    AnswerRejectedError
        The token is not a participant of this workshop.
    VoteRejectedError
        An unknown technology, points that are not 0 to :data:`VOTE_POINTS`,
        or more than :data:`VOTE_POINTS` in all; nothing is stored.
    WorkshopError
        With key ``workshop.error.busy`` when every retry conflicted.
    """

    def replace(cur: Connection) -> dict[str, int]:
        # Checked inside the transaction: a round closed meanwhile takes nothing.
        workshop, participant = open_participant(cur, code, participant_token)
        if not workshop.voting_open:
            raise WorkshopClosedError("workshop.error.voting_closed", title=workshop.title)
        counted = clean_points(workshop, points)
        stored.replace_votes(cur, workshop.id, participant.id, counted, clock.now())
        return counted

    return write(con, replace)


def participant_votes(
    con: Connection, code: str, participant_token: str
) -> tuple[Workshop, dict[str, int]]:
    """The open workshop and a participant's own points so far, by technology id.

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError
        A wrong code, or a closed workshop.
    AnswerRejectedError
        The token does not belong to this workshop.
    """

    def given(cur: Connection) -> tuple[Workshop, dict[str, int]]:
        workshop, participant = open_participant(cur, code, participant_token)
        return workshop, stored.participant_votes(cur, workshop.id, participant.id)

    return read(con, given)
