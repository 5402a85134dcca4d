"""Who may run a workshop: its facilitator, or any editor.

A workshop records who created it (:attr:`Workshop.created_by`, ``created_via``).
The facilitator who created it runs it; an editor runs any. Nothing in a URL
grants this: the workshop's id only says which workshop a signed-in person
means. Participants need no role, only the join code; the projector needs
only its own key, which shows and controls nothing more than the room sees.
"""

from __future__ import annotations

from radar.auth import Role, User
from radar.workshop.model import Workshop

__all__ = ["may_publish", "may_run", "owner"]


def owner(user: User) -> tuple[str, str]:
    """What a workshop records of the person who created it: who they are and how they signed in.

    The account (:attr:`User.identity`), not the shown name: two facilitators
    with one name must not run each other's workshops.
    """
    return user.identity, str(user.via.value)


def may_run(ws: Workshop, user: User | None) -> bool:
    """Whether ``user`` may see and run ``ws`` (its controls, results and local radars)."""
    if user is None:
        return False
    if user.role.includes(Role.EDITOR):
        return True
    return user.role.includes(Role.FACILITATOR) and (ws.created_by, ws.created_via) == owner(user)


def may_publish(user: User | None) -> bool:
    """Whether ``user`` may show a local radar to every viewer (or withdraw it): editors only."""
    return user is not None and user.role.includes(Role.EDITOR)
