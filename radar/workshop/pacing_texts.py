"""Whether a technology takes answers, in words: "Åben", "Lukket", "Lukker kl. 14.05",
"Lukker om 0:45".

The phone page and the phone remote have no browser time zone to go by, so
they write the time in Danish time (:data:`DANISH_TIME`), whatever the
server's zone; the facilitator's page passes the browser's.
"""

from __future__ import annotations

import math
from datetime import datetime, tzinfo
from typing import Final

from radar.i18n import LOCAL_ZONE, format_clock, t
from radar.model import Lang
from radar.workshop import clock
from radar.workshop.model import Workshop

__all__ = ["DANISH_TIME", "gate_text", "remaining_text", "seconds_text"]

#: The workshops' participants are in Denmark: their phones read Danish time.
DANISH_TIME: Final = LOCAL_ZONE


def seconds_text(seconds: float) -> str:
    """A duration as minutes and seconds, rounded up: ``0:45``, ``2:00``."""
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def gate_text(
    ws: Workshop,
    technology: str,
    lang: Lang,
    zone: tzinfo | None = DANISH_TIME,
    now: datetime | None = None,
) -> str:
    """ "Åben", "Lukket" or "Lukker kl. 14.05": whether a technology takes answers.

    ``zone`` None is the server's time zone.
    """
    moment = now or clock.now()
    gate = ws.gate(technology)
    if not ws.answerable(technology, moment):
        return t("pacing.state.closed", lang)
    if gate.closes_at is not None:
        # astimezone(None) is the server's zone, as radar.workshop.texts.when_text has it.
        shown = format_clock(gate.closes_at.astimezone(zone), lang)
        return t("pacing.state.closes_at", lang, time=shown)
    return t("pacing.state.open", lang)


def remaining_text(ws: Workshop, technology: str, lang: Lang, now: datetime | None = None) -> str:
    """ "Lukker om 0:45" during a countdown, "Lukket" after it, "Åben" without one."""
    moment = now or clock.now()
    gate = ws.gate(technology)
    if not ws.answerable(technology, moment):
        return t("pacing.state.closed", lang)
    if gate.closes_at is not None:
        left = (gate.closes_at - moment).total_seconds()
        return t("pacing.state.closes_in", lang, time=seconds_text(left))
    return t("pacing.state.open", lang)
