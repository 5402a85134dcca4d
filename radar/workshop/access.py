"""Who may run a workshop: its facilitator, its co-facilitators, or any editor.

A workshop records who created it (:attr:`Workshop.created_by`, ``created_via``)
and who was added to run it with them (:attr:`Workshop.co_facilitators`, by
the invitation link the creator made). The facilitator who created it and its
co-facilitators run it; an editor runs any. Only the creator (and editors)
manage it: invite or remove co-facilitators, delete it or its local radars;
co-facilitators run the session, the owner deletes. Nothing in a URL grants
this: the workshop's id only says which workshop a signed-in person means.
Participants need no role, only the join code; the projector needs only its
own key, which shows and controls nothing more than the room sees; the phone
remote's key steps through the technologies and nothing else.
"""

from __future__ import annotations

from radar.auth import Role, User
from radar.workshop.model import CoFacilitator, Workshop

__all__ = ["is_owner", "may_manage", "may_publish", "may_run", "owner"]


def owner(user: User) -> tuple[str, str]:
    """What a workshop records of the person who created it: who they are and how they signed in.

    The account (:attr:`User.identity`), not the shown name: two facilitators
    with one name must not run each other's workshops.
    """
    return user.identity, str(user.via.value)


def is_owner(ws: Workshop, user: User | None) -> bool:
    """Whether ``user`` is the facilitator who created ``ws`` (and still has the role)."""
    return (
        user is not None
        and user.role.includes(Role.FACILITATOR)
        and (ws.created_by, ws.created_via) == owner(user)
    )


def may_run(ws: Workshop, user: User | None) -> bool:
    """Whether ``user`` may see and run ``ws`` (its controls, results and local radars)."""
    if user is None:
        return False
    if user.role.includes(Role.EDITOR) or is_owner(ws, user):
        return True
    return (
        user.role.includes(Role.FACILITATOR) and CoFacilitator(*owner(user)) in ws.co_facilitators
    )


def may_manage(ws: Workshop, user: User | None) -> bool:
    """Whether ``user`` may invite and remove co-facilitators and delete ``ws`` or its local
    radars: its creator or an editor, never a co-facilitator."""
    return user is not None and (user.role.includes(Role.EDITOR) or is_owner(ws, user))


def may_publish(user: User | None) -> bool:
    """Whether ``user`` may show a local radar to every viewer (or withdraw it): editors only."""
    return user is not None and user.role.includes(Role.EDITOR)
