"""What the workshop pages show alike: times, status, a workshop's line, warnings, links."""

from __future__ import annotations

from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import streamlit as st

from radar import workshop
from radar.model import Lang
from radar.ui.components.presenter import PRESENT
from radar.ui.components.text import plain
from radar.ui.components.workshop_keys import FACILITATOR_PATH, PROJECTOR_KEY
from radar.workshop import Workshop, WorkshopError
from radar.workshop.texts import about_text, status_text, when_text


def zone() -> tzinfo | None:
    """The browser's time zone; None (the server's) when the browser does not say."""
    name = st.context.timezone
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def when(moment: datetime | None, lang: Lang) -> str:
    """A stored time (UTC) in the viewer's time zone, written out ("2. december 2026 14.05")."""
    return when_text(moment, lang, zone())


def status(ws: Workshop, lang: Lang) -> str:
    """Whether the workshop is open (and until when), in the viewer's time zone."""
    return status_text(ws, lang, zone())


def about(ws: Workshop, lang: Lang) -> str:
    """ "Teknik og miljø · udgave 2025 · Åben", as plain text (escape it for markdown)."""
    return about_text(ws, lang, zone())


def warn(exc: WorkshopError, lang: Lang) -> None:
    # A message may hold what someone typed (a code, a title): never markup.
    st.warning(plain(exc.message(lang)), icon=":material/info:")


def projector_link(ws: Workshop) -> str:
    """The projector's link: the code and the live view, large; it controls nothing.

    It holds the workshop's projector key, never its id: the room sees it.
    """
    base = workshop.resolve_base_url().rstrip("/")
    return f"{base}/{FACILITATOR_PATH}?{PROJECTOR_KEY}={ws.projector_key}&{PRESENT}=1"
