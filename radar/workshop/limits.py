"""How much a workshop takes and how long it is kept: the limits, in one place.

Joining is open to anyone with the code, so it is bounded twice: a workshop
takes at most :data:`MAX_PARTICIPANTS` participants (checked in the store's
transaction, whatever the number of browsers), and one browser may join at
most :data:`SESSION_JOINS_PER_MINUTE` times a minute (checked by the phone
page, :mod:`radar.web.participant`, with :func:`join_allowed`, in memory by
the browser's id cookie). Neither stores an address or a browser's identity.

A workshop's data is kept :func:`retention_days` days after it ended (see
:mod:`radar.workshop.retention`).

In a prioritising round each participant distributes :data:`VOTE_POINTS`
points (:mod:`radar.workshop.voting`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

# The schema's bound on one technology's points is the budget itself, so the
# number is defined beside the table that enforces it, and read here.
from radar.store.workshop_schema import VOTE_POINTS

__all__ = [
    "COUNTDOWN_SECONDS",
    "DEFAULT_RETENTION_DAYS",
    "JOIN_WINDOW_SECONDS",
    "MAX_PARTICIPANTS",
    "REMOTE_COUNTDOWN_SECONDS",
    "RETENTION_ENV_VAR",
    "REVIEW_LIST_LIMIT",
    "SESSION_JOINS_PER_MINUTE",
    "VOTE_POINTS",
    "WAITING_REFRESH_SECONDS",
    "join_allowed",
    "recent_joins",
    "retention_days",
]

#: Most participants one workshop takes: a conference plenary (about 1,000), with room to spare.
MAX_PARTICIPANTS = 2000
#: Joins one browser session may make within :data:`JOIN_WINDOW_SECONDS`.
SESSION_JOINS_PER_MINUTE = 5
#: The window of :data:`SESSION_JOINS_PER_MINUTE`, in seconds.
JOIN_WINDOW_SECONDS = 60.0

#: The countdowns a facilitator may start for a technology, in seconds: 30 s to 5 min.
COUNTDOWN_SECONDS: tuple[int, ...] = (30, 60, 120, 300)
#: The one countdown the phone remote offers (a button per choice would crowd a phone).
REMOTE_COUNTDOWN_SECONDS = 60
#: How often a waiting participant's page asks whether the next question has opened, in seconds.
WAITING_REFRESH_SECONDS = 5

#: Environment variable: days a workshop's data is kept after it ended.
RETENTION_ENV_VAR = "RADAR_WORKSHOP_RETENTION_DAYS"
#: Days a workshop's data is kept after it ended, unless configured.
DEFAULT_RETENTION_DAYS = 90


def recent_joins(times: Sequence[float], now: float) -> tuple[float, ...]:
    """The join times (monotonic seconds) still inside the window at ``now``."""
    return tuple(moment for moment in times if now - moment < JOIN_WINDOW_SECONDS)


def join_allowed(times: Sequence[float], now: float) -> bool:
    """Whether a session that joined at ``times`` may join once more at ``now``."""
    return len(recent_joins(times, now)) < SESSION_JOINS_PER_MINUTE


def retention_days(environ: Mapping[str, str] | None = None) -> int:
    """The configured retention, in days (:data:`RETENTION_ENV_VAR`, default 90).

    Raises
    ------
    ValueError
        The setting is not a whole number of at least 1: a typo must not
        silently delete (0) or keep forever.
    """
    raw = (os.environ if environ is None else environ).get(RETENTION_ENV_VAR, "").strip()
    if not raw:
        return DEFAULT_RETENTION_DAYS
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{RETENTION_ENV_VAR} must be a whole number of days, at least 1: {raw!r}")
    return int(raw)


#: Most comments the facilitator's moderation queue lists at once, of the
#: pending (the oldest; the next come up as these are decided) and of the
#: decided (the latest decided) each: a page of buttons stays quick to redraw.
REVIEW_LIST_LIMIT = 40
