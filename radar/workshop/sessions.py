"""A workshop's life: create it, find it, join it, answer in it, show its results, close it.

Every function takes the workshop database's connection and runs on cursors
of its own (:mod:`radar.store.workshops`), so the dashboard's sessions share
the one connection. A rejected call stores nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime

from radar.auth import User
from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog
from radar.store import workshop_pacing as paced
from radar.store import workshops as stored
from radar.store.transactions import Connection, read
from radar.workshop import clock, codes, limits
from radar.workshop.access import owner
from radar.workshop.model import (
    AnswerRejectedError,
    CoFacilitator,
    Gate,
    Participant,
    Workshop,
    WorkshopClosedError,
    WorkshopFullError,
    WorkshopNotFoundError,
    WorkshopRing,
    WorkshopTechnology,
)
from radar.workshop.validation import checked_workshop
from radar.workshop.writes import write

__all__ = [
    "by_code",
    "by_id",
    "close_workshop",
    "create_workshop",
    "find_participant",
    "find_projector",
    "find_workshop",
    "get_workshop",
    "join",
    "known_participant",
    "list_workshops",
    "open_participant",
    "set_results_visible",
    "workshops_of",
]


# --- reading workshops ----------------------------------------------------


def _workshop(row: stored.StoredWorkshop) -> Workshop:
    return Workshop(
        id=row.id,
        code=row.code,
        title=row.title,
        area=row.area,
        area_name_da=row.area_name_da,
        area_name_en=row.area_name_en,
        edition=row.edition,
        created_at=row.created_at,
        closes_at=row.closes_at,
        closed_at=row.closed_at,
        technologies=tuple(WorkshopTechnology(*item) for item in row.technologies),
        rings=tuple(WorkshopRing(*ring) for ring in row.rings),
        projector_key=row.projector_key,
        created_by=row.created_by,
        created_via=row.created_via,
        results_visible=row.results_visible,
        moderated=row.moderated,
        voting_open=row.voting_open,
        gates=tuple(
            Gate(item[0], answers_open, close_at)
            for item, (answers_open, close_at) in zip(row.technologies, row.gates, strict=False)
        ),
        current_position=row.current_position,
        remote_key=row.remote_key,
        invite_key=row.invite_key,
        co_facilitators=tuple(CoFacilitator(*pair) for pair in row.co_facilitators),
    )


def by_code(cur: Connection, code: object, *, must_be_open: bool) -> Workshop:
    """The workshop with this join code, read on the caller's cursor (inside its transaction).

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError
        A wrong code, or (``must_be_open``) a closed workshop.
    """
    normalized = codes.normalize_code(code)
    if not normalized:
        raise WorkshopNotFoundError("workshop.error.no_code")
    found = stored.workshops_by_code(cur, normalized) if codes.is_well_formed(normalized) else []
    if not found:
        raise WorkshopNotFoundError("workshop.error.not_found", code=normalized[:20])
    workshop = _workshop(found[0])
    if must_be_open and not workshop.is_open():
        raise WorkshopClosedError("workshop.error.closed", title=workshop.title)
    return workshop


def by_id(cur: Connection, workshop_id: str) -> Workshop:
    """The workshop with this id, read on the caller's cursor (inside its transaction).

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """
    found = stored.workshops_by_id(cur, workshop_id)
    if not found:
        raise WorkshopNotFoundError("workshop.error.no_such_workshop")
    return _workshop(found[0])


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
    return read(con, lambda cur: by_code(cur, code, must_be_open=must_be_open))


def get_workshop(con: Connection, workshop_id: str) -> Workshop:
    """The workshop with this id, open or closed (the facilitator's view).

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """
    return read(con, lambda cur: by_id(cur, workshop_id))


def find_projector(con: Connection, projector_key: str) -> Workshop:
    """The workshop whose projector link holds this key, open or closed.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this key.
    """

    def find(cur: Connection) -> Workshop:
        found = stored.workshops_by_projector_key(cur, projector_key) if projector_key else []
        if not found:
            raise WorkshopNotFoundError("workshop.error.no_such_workshop")
        return _workshop(found[0])

    return read(con, find)


def list_workshops(con: Connection) -> tuple[Workshop, ...]:
    """Every workshop, newest first."""
    return tuple(_workshop(row) for row in read(con, stored.all_workshops))


def workshops_of(con: Connection, user: User) -> tuple[Workshop, ...]:
    """The workshops ``user`` created or was added to as a co-facilitator, newest first."""
    name, via = owner(user)
    return tuple(
        _workshop(row) for row in read(con, lambda cur: stored.workshops_by_owner(cur, name, via))
    )


# --- creating and closing -------------------------------------------------


def create_workshop(
    con: Connection,
    *,
    title: str,
    catalog: Catalog,
    area: str,
    edition: int,
    technologies: Sequence[WorkshopTechnology],
    closes_at: datetime | None = None,
    created_by: User | None = None,
    moderated: bool = False,
) -> Workshop:
    """Create a workshop with a fresh join code and projector key.

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
    created_by
        The signed-in facilitator or editor who runs it; None on the command
        line (then only editors run it in the app).
    moderated
        Hold the comments for the facilitator's approval before the projector
        shows them. The app's form and the command line ask for it unless told
        otherwise; False here keeps a caller that does not say to the wall as it was.

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
    now = clock.now()
    title_cleaned, closes = checked_workshop(
        title, catalog, area, edition, technologies, closes_at, now
    )
    if area == COMBINED_AREA:
        area_da, area_en = t("area.samlet", "da"), t("area.samlet", "en")
    else:
        chosen = catalog.area(area)
        area_da, area_en = chosen.name_da, chosen.name_en
    workshop_id = stored.new_key()
    projector_key = stored.new_key()
    made_by, made_via = owner(created_by) if created_by is not None else (None, None)

    def insert(cur: Connection) -> None:
        # A fresh code on every attempt: a collision with an existing code
        # fails the UNIQUE constraint and the transaction is simply run again.
        stored.insert_workshop(
            cur,
            workshop_id=workshop_id,
            code=codes.new_code(),
            title=title_cleaned,
            area=area,
            area_name_da=area_da,
            area_name_en=area_en,
            edition=edition,
            created_at=now,
            closes_at=closes,
            projector_key=projector_key,
            created_by=made_by,
            created_via=made_via,
            rings=[(r.id, r.position, r.name_da, r.name_en) for r in catalog.rings],
            technologies=[
                (x.id, x.name_da, x.name_en or x.name_da, x.sector, x.official_ring)
                for x in technologies
            ],
        )
        stored.set_moderated(cur, workshop_id, moderated)

    write(con, insert)
    return get_workshop(con, workshop_id)


def close_workshop(con: Connection, workshop_id: str) -> Workshop:
    """Close a workshop: it takes no more answers and participants can no longer reach it.

    Closing anonymises: the participants' tokens are dropped, so no browser's
    link ties anyone to their answers any more (no names are stored at all);
    the answers and comments stay. The facilitator's phone remote and the
    co-facilitator invitation link stop working. Closing a closed workshop
    changes nothing (it keeps its first closing time).

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """

    def close(cur: Connection) -> None:
        by_id(cur, workshop_id)
        stored.close_workshop(cur, workshop_id, clock.now())
        stored.drop_tokens(cur, workshop_id)
        # The phone remote's and the invitation's links stop working with it.
        paced.drop_keys(cur, workshop_id)

    write(con, close)
    return get_workshop(con, workshop_id)


def set_results_visible(con: Connection, workshop_id: str, visible: bool) -> Workshop:
    """Show the group's results on the workshop's projector, or hide them until revealed.

    While hidden, the projector shows only how many joined and answered; the
    facilitator's own view shows everything either way. Works on a closed
    workshop too: a facilitator often reveals the results once answering has
    stopped. Setting what is set already changes nothing.

    Parameters
    ----------
    con
        The workshop database.
    workshop_id
        The workshop's id.
    visible
        True to show the results on the projector, False to hide them.

    Returns
    -------
    The workshop as it is now.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """

    def store(cur: Connection) -> None:
        by_id(cur, workshop_id)
        stored.set_results_visible(cur, workshop_id, visible)

    write(con, store)
    return get_workshop(con, workshop_id)


# --- participants and answers ---------------------------------------------


def join(con: Connection, code: str) -> Participant:
    """Join an open workshop, anonymously.

    Nothing about the participant is stored but a random id, the token and
    when they joined: no name, no address, no browser.

    Parameters
    ----------
    con
        The workshop database.
    code
        The join code (case, spaces and dashes do not matter).

    Returns
    -------
    The participant, with the secret ``token`` that identifies them from now on.

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError
        A wrong code, or a closed workshop.
    WorkshopFullError
        The workshop has :data:`radar.workshop.limits.MAX_PARTICIPANTS` already.
    """

    def insert(cur: Connection) -> Participant:
        workshop = by_code(cur, code, must_be_open=True)
        # In the transaction: many browsers joining at once cannot pass the cap together.
        if stored.count_participants(cur, workshop.id) >= limits.MAX_PARTICIPANTS:
            raise WorkshopFullError("workshop.error.full", limit=limits.MAX_PARTICIPANTS)
        participant = Participant(
            id=secrets.token_hex(8),
            workshop_id=workshop.id,
            token=secrets.token_urlsafe(16),
            joined_at=clock.now(),
        )
        stored.insert_participant(
            cur,
            participant.id,
            participant.workshop_id,
            participant.token,
            participant.joined_at,
        )
        return participant

    return write(con, insert)


def _participant(cur: Connection, workshop: Workshop, token: object) -> Participant:
    found = (
        stored.participant_by_token(cur, workshop.id, token)
        if isinstance(token, str) and token
        else None
    )
    return known_participant(found)


def known_participant(found: stored.StoredParticipant | None) -> Participant:
    """The participant of a row found by their token; a missing row or a dropped token is refused.

    Raises
    ------
    AnswerRejectedError
        No participant has the token (any more).
    """
    if found is None or found.token is None:
        raise AnswerRejectedError("workshop.error.participant_unknown")
    return Participant(found.id, found.workshop_id, found.token, found.joined_at)


def open_participant(cur: Connection, code: object, token: object) -> tuple[Workshop, Participant]:
    """The open workshop with this code and its participant with this token, on the caller's cursor.

    Raises
    ------
    WorkshopNotFoundError, WorkshopClosedError
        A wrong code, or a closed workshop.
    AnswerRejectedError
        The token does not belong to this workshop.
    """
    workshop = by_code(cur, code, must_be_open=True)
    return workshop, _participant(cur, workshop, token)


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

    def find(cur: Connection) -> Participant:
        return _participant(cur, by_code(cur, code, must_be_open=True), participant_token)

    return read(con, find)
