"""Which screen a phone shows when the facilitator paces the workshop.

Every technology open, at the participant's own pace, is what the phone page
always did: the first one not answered yet, then the thanks. A technology may
now be closed (by the facilitator, or when its countdown ended), and in led
mode the room is sent to the technology the facilitator has reached. A phone
then shows that one (or another the facilitator opened), the closed screen of
a technology it asked for, or the waiting page, which asks every
:data:`radar.workshop.limits.WAITING_REFRESH_SECONDS` seconds whether the
facilitator has opened the next one, and then moves on.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from radar.workshop import Workshop

__all__ = ["Screen", "Shown", "pick"]


class Screen(StrEnum):
    """What the phone shows."""

    QUESTION = "question"
    CLOSED = "closed"
    WAITING = "waiting"
    DONE = "done"


@dataclass(frozen=True)
class Shown:
    """The screen, and the technology's index on the list for a question or a closed one."""

    screen: Screen
    index: int | None = None


def pick(ws: Workshop, answered: Collection[str], index: int | None, now: datetime) -> Shown:
    """The screen for a phone that asks for technology ``index`` (None: whatever is next).

    Parameters
    ----------
    ws
        The workshop, with whether each technology takes answers.
    answered
        The ids of the technologies this participant has answered.
    index
        The technology asked for (the list's links, *Forrige*, *Spring over*),
        held within the list; None after joining, after an answer in led
        mode, or from the waiting page.
    now
        The moment to ask about.
    """
    items = ws.technologies
    if index is not None:
        index = min(max(index, 0), len(items) - 1)
        screen = Screen.QUESTION if ws.answerable(items[index].id, now) else Screen.CLOSED
        return Shown(screen, index)
    order = list(range(len(items)))
    current = ws.current_technology
    if current is not None:
        # The room's technology first, then any other the facilitator opened.
        first = ws.technology_ids.index(current.id)
        order.remove(first)
        order.insert(0, first)
    for i in order:
        if items[i].id not in answered and ws.answerable(items[i].id, now):
            return Shown(Screen.QUESTION, i)
    if all(item.id in answered for item in items):
        return Shown(Screen.DONE)
    return Shown(Screen.WAITING)
