"""Deleting workshops: one on request, and every one past the retention period.

A workshop's data (its answers and comments, which may hold personal data
participants typed, its votes and consequence ratings, and its local editions) is kept for
:func:`radar.workshop.limits.retention_days` days after the workshop ended:
after it was closed, or after its closing time passed. A workshop that was
never closed and has no closing time counts from when it was created, so a
forgotten one does not stay for ever. :func:`purge` deletes those, for a daily
``python -m radar workshop purge`` from cron, and drops the tokens (and the phone
remote's and invitation's keys) of ended workshops that were never closed by
hand (closing drops them at once).

Every deletion is logged with the workshop's id and how many rows went, never
a title, a name or a comment.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from radar.store import workshop_pacing as paced
from radar.store import workshops as stored
from radar.store.transactions import Connection, read
from radar.workshop import clock
from radar.workshop.model import Workshop
from radar.workshop.sessions import by_id, list_workshops
from radar.workshop.writes import write

__all__ = [
    "PURGE_EVERY_SECONDS",
    "Deleted",
    "delete_workshop",
    "ended_at",
    "expired",
    "preview",
    "purge",
    "purge_when_due",
]

#: How often a running dashboard purges by itself. It holds the workshop file,
#: so a purge from cron cannot open it while the dashboard runs.
PURGE_EVERY_SECONDS = 3600.0

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Deleted:
    """A workshop that was deleted (or would be, in a dry run), and what went with it."""

    workshop_id: str
    code: str
    title: str
    ended_at: datetime
    participants: int
    answers: int
    local_editions: int
    votes: int = 0
    ratings: int = 0


def ended_at(ws: Workshop, now: datetime | None = None) -> datetime:
    """When the retention period of ``ws`` starts: closed, closing time passed, or created."""
    if ws.closed_at is not None:
        return ws.closed_at
    if ws.closes_at is not None and ws.closes_at <= (now or clock.now()):
        return ws.closes_at
    return ws.created_at


def expired(ws: Workshop, retention_days: int, now: datetime | None = None) -> bool:
    """Whether ``ws`` is past its retention period at ``now``."""
    moment = now or clock.now()
    return ended_at(ws, moment) + timedelta(days=retention_days) <= moment


def _counts(cur: Connection, ws: Workshop) -> tuple[int, int, int, int, int]:
    counts = stored.workshop_counts(cur, ws.id)
    return (
        counts.participants,
        counts.answers,
        counts.local_editions,
        counts.votes,
        counts.ratings,
    )


def _drop_tokens(cur: Connection, workshop_id: str) -> int:
    # The phone remote's and the invitation's keys go too, as closing by hand drops them.
    paced.drop_keys(cur, workshop_id)
    return stored.drop_tokens(cur, workshop_id)


def _counted(con: Connection, ws: Workshop) -> tuple[int, int, int, int, int]:
    return read(con, lambda cur: _counts(cur, ws))


def preview(con: Connection, workshop_id: str) -> Deleted:
    """What deleting a workshop would remove, without deleting anything.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """
    ws = read(con, lambda cur: by_id(cur, workshop_id))
    return Deleted(ws.id, ws.code, ws.title, ended_at(ws), *_counted(con, ws))


def delete_workshop(con: Connection, workshop_id: str, *, actor: str) -> Deleted:
    """Delete a workshop and everything in it, in one transaction.

    Its participants, answers and comments, votes and consequence ratings,
    its rings and technologies, and the local editions saved from it
    (published or not) all go.

    Parameters
    ----------
    actor
        Who deleted it, as a role ("facilitator", "editor", "cli", "purge"),
        for the log: never a person's name.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    """

    def delete(cur: Connection) -> Deleted:
        ws = by_id(cur, workshop_id)
        counts = stored.delete_workshop(cur, workshop_id)
        return Deleted(
            ws.id,
            ws.code,
            ws.title,
            ended_at(ws),
            counts.participants,
            counts.answers,
            counts.local_editions,
            counts.votes,
            counts.ratings,
        )

    deleted = write(con, delete)
    logger.info(
        "workshop %r deleted by %r: %d participants, %d answers, %d local radars, "
        "%d votes, %d ratings",
        deleted.workshop_id,
        actor,
        deleted.participants,
        deleted.answers,
        deleted.local_editions,
        deleted.votes,
        deleted.ratings,
    )
    return deleted


def purge(
    con: Connection, retention_days: int, *, dry_run: bool = False, now: datetime | None = None
) -> tuple[Deleted, ...]:
    """Delete every workshop past the retention period; drop the tokens of ended ones.

    Parameters
    ----------
    retention_days
        Days a workshop is kept after it ended (at least 1).
    dry_run
        Say what would be deleted, and change nothing.

    Returns
    -------
    The workshops deleted (or that would be), oldest end first.
    """
    if retention_days < 1:
        raise ValueError(f"retention_days must be at least 1, not {retention_days}")
    moment = now or clock.now()
    workshops = list_workshops(con)
    due = sorted(
        (ws for ws in workshops if expired(ws, retention_days, moment)),
        key=lambda ws: ended_at(ws, moment),
    )
    if dry_run:
        return tuple(
            Deleted(ws.id, ws.code, ws.title, ended_at(ws, moment), *_counted(con, ws))
            for ws in due
        )
    deleted = tuple(delete_workshop(con, ws.id, actor="purge") for ws in due)
    for ws in workshops:
        if ws not in due and not ws.is_open(moment):
            dropped = write(con, partial(_drop_tokens, workshop_id=ws.id))
            if dropped:
                logger.info("workshop %r ended: %d participant tokens dropped", ws.id, dropped)
    logger.info("workshop purge: %d deleted, retention %d days", len(deleted), retention_days)
    return deleted


class _PurgeSchedule:
    """When this process last purged; one purge at a time."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.last: float | None = None


_SCHEDULE = _PurgeSchedule()


def purge_when_due(
    con: Connection, retention_days: int, *, every: float = PURGE_EVERY_SECONDS
) -> tuple[Deleted, ...] | None:
    """Purge if this process has not purged in the last ``every`` seconds.

    Pages that open the workshop database call it on every run, so a running
    dashboard keeps the retention period without cron. Returns what was
    deleted, or ``None`` when no purge was due (or another session is purging).
    """
    if not _SCHEDULE.lock.acquire(blocking=False):
        return None
    try:
        moment = time.monotonic()
        if _SCHEDULE.last is not None and moment - _SCHEDULE.last < every:
            return None
        _SCHEDULE.last = moment
        return purge(con, retention_days)
    finally:
        _SCHEDULE.lock.release()


def forget_last_purge() -> None:
    """Make the next :func:`purge_when_due` purge (tests; a new process starts so)."""
    with _SCHEDULE.lock:
        _SCHEDULE.last = None
