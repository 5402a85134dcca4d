"""Co-facilitators: colleagues the creator of a workshop invites to run it with them.

The creator (or an editor) makes an invitation link (:func:`new_invitation`);
a facilitator or editor who opens it signed in is added to the workshop
(:func:`accept_invitation`), and may then run it as its creator does
(:func:`radar.workshop.access.may_run`), but not delete it nor invite or
remove others (:func:`radar.workshop.access.may_manage`). What is stored of
a co-facilitator is what a workshop stores of its creator: their sign-in
identity and how they signed in, and when they were added; it is deleted
with the workshop. A new invitation stops the old link; closing the workshop
drops it.
"""

from __future__ import annotations

from radar.auth import Role, User
from radar.store import workshop_pacing as paced
from radar.store import workshops as stored
from radar.store.transactions import Connection
from radar.workshop import clock
from radar.workshop.access import is_owner, owner
from radar.workshop.model import (
    Workshop,
    WorkshopClosedError,
    WorkshopInputError,
    WorkshopNotFoundError,
)
from radar.workshop.sessions import by_id, get_workshop
from radar.workshop.writes import write

__all__ = ["accept_invitation", "new_invitation", "remove_co_facilitator"]


def new_invitation(con: Connection, workshop_id: str) -> Workshop:
    """A fresh invitation key for the workshop: the old invitation link, if any, stops working.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    WorkshopClosedError
        The workshop is closed or past its closing time: closing drops the
        invitation, and a new one must not outlive it.
    """

    def store(cur: Connection) -> None:
        ws = by_id(cur, workshop_id)
        if not ws.is_open(clock.now()):
            raise WorkshopClosedError("workshop.error.closed", title=ws.title)
        paced.set_invite_key(cur, workshop_id, stored.new_key())

    write(con, store)
    return get_workshop(con, workshop_id)


def accept_invitation(con: Connection, invite_key: str, user: User) -> Workshop:
    """Add ``user`` to the workshop whose invitation link holds ``invite_key``.

    The workshop's creator is not added (they run it already); someone added
    before stays as they were.

    Returns
    -------
    The workshop, which ``user`` may now run.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this invitation key (never made, replaced, the workshop
        closed, past its closing time, or deleted).
    WorkshopInputError
        ``user`` is neither a facilitator nor an editor.
    """
    if not user.role.includes(Role.FACILITATOR):
        raise WorkshopInputError("workshop.error.invitation_role")
    identity, via = owner(user)

    def store(cur: Connection) -> str:
        found = paced.workshop_id_by_invite_key(cur, invite_key) if invite_key else None
        ws = by_id(cur, found) if found is not None else None
        # Past its closing time the key may linger until the purge: it adds nobody.
        if ws is None or not ws.is_open(clock.now()):
            raise WorkshopNotFoundError("workshop.error.invitation_unknown")
        if not is_owner(ws, user):
            paced.add_facilitator(cur, ws.id, identity, via, clock.now())
        return ws.id

    return get_workshop(con, write(con, store))


def remove_co_facilitator(con: Connection, workshop_id: str, identity: str, via: str) -> Workshop:
    """Remove a co-facilitator: they no longer run the workshop. Removing nobody changes nothing.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """

    def store(cur: Connection) -> None:
        by_id(cur, workshop_id)
        paced.remove_facilitator(cur, workshop_id, identity, via)

    write(con, store)
    return get_workshop(con, workshop_id)
