"""A workshop's pace: each technology open or closed, a countdown, the room led step by step,
and the facilitator's phone remote.

By default participants go at their own pace and every technology takes
answers, as a workshop always did. The facilitator may close a technology
(and open it again) or start a countdown on it (:data:`limits.COUNTDOWN_SECONDS`):
when it ends, the technology takes no more answers. In *led* mode
(:func:`lead`) the facilitator steps the room from technology to technology
(:func:`step`): the current one is open, the one left is closed, and the
others stay closed unless the facilitator opens them. Turning led mode off
opens every technology again.

:func:`radar.workshop.submit_answer` checks all of this inside its
transaction, so an answer to a closed technology is refused and nothing is
stored (:class:`QuestionClosedError`).

The phone remote (``/styr``) holds a key of its own (:func:`new_remote_key`):
it steps, opens and closes, counts down and shows or hides the results, and
grants nothing else. Making a new key stops the old link; closing the
workshop drops it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Final

from radar.store import workshop_pacing as paced
from radar.store import workshops as stored
from radar.store.transactions import Connection, read
from radar.workshop import clock, limits
from radar.workshop.model import (
    Workshop,
    WorkshopClosedError,
    WorkshopInputError,
    WorkshopNotFoundError,
)
from radar.workshop.sessions import by_id, get_workshop
from radar.workshop.writes import write

__all__ = [
    "REMOTE_PAGE",
    "find_remote",
    "go_to",
    "lead",
    "new_remote_key",
    "remote_link",
    "set_answers_open",
    "start_countdown",
    "step",
]

#: The phone remote's page (:mod:`radar.web.remote`), beside the participants' ``deltag``.
REMOTE_PAGE: Final = "styr"


def remote_link(base_url: str, key: str) -> str:
    """The phone remote's link, ``{base_url}/styr?k={key}``; the page drops the key from the URL."""
    return f"{base_url.rstrip('/')}/{REMOTE_PAGE}?k={key}"


def _running(cur: Connection, workshop_id: str) -> Workshop:
    """The workshop, which must take answers: pacing a closed one means nothing."""
    ws = by_id(cur, workshop_id)
    if not ws.is_open(clock.now()):
        raise WorkshopClosedError("workshop.error.closed", title=ws.title)
    return ws


def _position(ws: Workshop, technology: str) -> int:
    if technology not in ws.technology_ids:
        raise WorkshopInputError(
            "workshop.error.technology_unknown", technology=str(technology)[:80]
        )
    return ws.technology_ids.index(technology) + 1


def lead(con: Connection, workshop_id: str, on: bool) -> Workshop:
    """Lead the room from technology to technology, or let participants go at their own pace.

    On: the room is sent to the first technology, which alone takes answers.
    Off: every technology takes answers again, without a countdown. Asking
    for what is set already changes nothing.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    WorkshopClosedError
        The workshop is closed.
    """

    def store(cur: Connection) -> None:
        ws = _running(cur, workshop_id)
        if ws.led == on:
            return
        position = 1 if on else None
        paced.set_current_position(cur, workshop_id, position)
        paced.open_every_technology(cur, workshop_id, except_position=position)

    write(con, store)
    return get_workshop(con, workshop_id)


def go_to(con: Connection, workshop_id: str, position: int) -> Workshop:
    """Lead the room to the technology at ``position`` (1 = the first), held within the list.

    The technology left is closed, the new current one opened (without a
    countdown); the others stay as they are. Going where the room is changes
    nothing.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    WorkshopClosedError
        The workshop is closed.
    WorkshopInputError
        With key ``workshop.error.not_led``: the participants go at their own pace.
    """

    def store(cur: Connection) -> None:
        ws = _running(cur, workshop_id)
        if ws.current_position is None:
            raise WorkshopInputError("workshop.error.not_led")
        target = min(max(int(position), 1), len(ws.technologies))
        if target == ws.current_position:
            return
        left = ws.current_technology
        if left is not None:
            paced.set_gate(cur, workshop_id, left.id, False, None)
        paced.set_gate(cur, workshop_id, ws.technologies[target - 1].id, True, None)
        paced.set_current_position(cur, workshop_id, target)

    write(con, store)
    return get_workshop(con, workshop_id)


def step(con: Connection, workshop_id: str, by: int) -> Workshop:
    """Lead the room ``by`` technologies on (1: *Næste*) or back (-1: *Forrige*).

    At the first or the last technology a step past it changes nothing.

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError, WorkshopInputError
        As :func:`go_to`.
    """
    ws = get_workshop(con, workshop_id)
    if ws.current_position is None:
        raise WorkshopInputError("workshop.error.not_led")
    return go_to(con, workshop_id, ws.current_position + by)


def set_answers_open(con: Connection, workshop_id: str, technology: str, open_: bool) -> Workshop:
    """Open a technology for answers (its countdown, if any, is stopped) or close it.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    WorkshopClosedError
        The workshop is closed.
    WorkshopInputError
        The technology is not in the workshop.
    """

    def store(cur: Connection) -> None:
        _position(_running(cur, workshop_id), technology)
        paced.set_gate(cur, workshop_id, technology, open_, None)

    write(con, store)
    return get_workshop(con, workshop_id)


def start_countdown(con: Connection, workshop_id: str, technology: str, seconds: int) -> Workshop:
    """Open a technology, to close by itself ``seconds`` from now.

    Parameters
    ----------
    seconds
        One of :data:`radar.workshop.limits.COUNTDOWN_SECONDS`.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    WorkshopClosedError
        The workshop is closed.
    WorkshopInputError
        The technology is not in the workshop, or ``seconds`` is not one of the choices.
    """
    if seconds not in limits.COUNTDOWN_SECONDS:
        raise WorkshopInputError(
            "workshop.error.countdown_unknown",
            seconds=str(seconds)[:10],
            choices=limits.COUNTDOWN_SECONDS,
        )

    def store(cur: Connection) -> None:
        _position(_running(cur, workshop_id), technology)
        ends = clock.now() + timedelta(seconds=seconds)
        paced.set_gate(cur, workshop_id, technology, True, ends)

    write(con, store)
    return get_workshop(con, workshop_id)


# --- the phone remote ------------------------------------------------------------


def new_remote_key(con: Connection, workshop_id: str) -> Workshop:
    """Give the workshop a fresh phone remote key: the old link, if any, stops working.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    WorkshopClosedError
        The workshop is closed (closing drops the key; a closed one needs no remote).
    """

    def store(cur: Connection) -> None:
        _running(cur, workshop_id)
        paced.set_remote_key(cur, workshop_id, stored.new_key())

    write(con, store)
    return get_workshop(con, workshop_id)


def find_remote(con: Connection, key: str) -> Workshop:
    """The workshop whose phone remote holds this key, open or past its closing time.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this key (never made, replaced by a new one, or the
        workshop was closed or deleted).
    """

    def find(cur: Connection) -> Workshop:
        found = paced.workshop_id_by_remote_key(cur, key) if key else None
        if found is None:
            raise WorkshopNotFoundError("workshop.error.no_such_workshop")
        return by_id(cur, found)

    return read(con, find)
