"""The workshops' clock: every "now" of a workshop is read here.

One place, so that a test can move the clock of every module at once
(``monkeypatch.setattr(radar.workshop.clock, "now", ...)``).
"""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["now"]


def now() -> datetime:
    """The current time, aware UTC."""
    return datetime.now(UTC)
