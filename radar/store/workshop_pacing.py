"""The workshop database's queries for pacing, the phone remote and co-facilitators.

Whether a technology takes answers (and until when), which technology the
room is led to, the keys of the facilitator's phone remote and of the
co-facilitator invitation, and who runs a workshop besides its creator. The
workshop's row itself is read by :mod:`radar.store.workshops`; every function
here runs on the caller's cursor, inside its transaction.
"""

from __future__ import annotations

from datetime import datetime

from radar.store.transactions import Connection
from radar.store.workshop_schema import to_db

__all__ = [
    "add_facilitator",
    "drop_keys",
    "open_every_technology",
    "remove_facilitator",
    "set_current_position",
    "set_gate",
    "set_invite_key",
    "set_remote_key",
    "workshop_id_by_invite_key",
    "workshop_id_by_remote_key",
]


def set_gate(
    cur: Connection,
    workshop_id: str,
    technology: str,
    answers_open: bool,
    close_at: datetime | None,
) -> None:
    """Whether one technology takes answers, and until when (None: no countdown)."""
    cur.execute(
        "UPDATE workshop_technologies SET answers_open = ?, answers_close_at = ? "
        "WHERE workshop_id = ? AND technology = ?",
        [bool(answers_open), to_db(close_at), workshop_id, technology],
    )


def open_every_technology(
    cur: Connection, workshop_id: str, *, except_position: int | None
) -> None:
    """Every technology takes answers again, without a countdown; or, with
    ``except_position``, only that one, and every other is closed."""
    if except_position is None:
        cur.execute(
            "UPDATE workshop_technologies SET answers_open = true, answers_close_at = NULL "
            "WHERE workshop_id = ?",
            [workshop_id],
        )
        return
    cur.execute(
        "UPDATE workshop_technologies SET answers_open = (position = ?), answers_close_at = NULL "
        "WHERE workshop_id = ?",
        [except_position, workshop_id],
    )


def set_current_position(cur: Connection, workshop_id: str, position: int | None) -> None:
    """The technology the room is led to (1 = the first); None: participants' own pace."""
    cur.execute("UPDATE workshops SET current_position = ? WHERE id = ?", [position, workshop_id])


def set_remote_key(cur: Connection, workshop_id: str, key: str | None) -> None:
    """The phone remote's key; None: no remote link works."""
    cur.execute("UPDATE workshops SET remote_key = ? WHERE id = ?", [key, workshop_id])


def set_invite_key(cur: Connection, workshop_id: str, key: str | None) -> None:
    """The co-facilitator invitation's key; None: no invitation link works."""
    cur.execute("UPDATE workshops SET invite_key = ? WHERE id = ?", [key, workshop_id])


def drop_keys(cur: Connection, workshop_id: str) -> None:
    """Forget the remote's and the invitation's keys (the workshop is closed)."""
    cur.execute(
        "UPDATE workshops SET remote_key = NULL, invite_key = NULL "
        "WHERE id = ? AND (remote_key IS NOT NULL OR invite_key IS NOT NULL)",
        [workshop_id],
    )


def _id_by(cur: Connection, column: str, key: str) -> str | None:
    found = cur.execute(f"SELECT id FROM workshops WHERE {column} = ?", [key]).fetchall()
    return str(found[0][0]) if found else None


def workshop_id_by_remote_key(cur: Connection, key: str) -> str | None:
    """The id of the workshop whose phone remote holds this key, or None."""
    return _id_by(cur, "remote_key", key)


def workshop_id_by_invite_key(cur: Connection, key: str) -> str | None:
    """The id of the workshop whose invitation link holds this key, or None."""
    return _id_by(cur, "invite_key", key)


def add_facilitator(
    cur: Connection, workshop_id: str, identity: str, via: str, added_at: datetime
) -> None:
    """Add a co-facilitator; one added already stays as they were."""
    cur.execute(
        "INSERT INTO workshop_facilitators (workshop_id, identity, via, added_at) "
        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [workshop_id, identity, via, to_db(added_at)],
    )


def remove_facilitator(cur: Connection, workshop_id: str, identity: str, via: str) -> int:
    """Remove a co-facilitator; how many rows went (0 or 1)."""
    found = cur.execute(
        "SELECT count(*) FROM workshop_facilitators "
        "WHERE workshop_id = ? AND identity = ? AND via = ?",
        [workshop_id, identity, via],
    ).fetchall()[0][0]
    if found:
        cur.execute(
            "DELETE FROM workshop_facilitators WHERE workshop_id = ? AND identity = ? AND via = ?",
            [workshop_id, identity, via],
        )
    return int(found)
