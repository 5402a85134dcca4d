"""A workshop's status line as a participant or facilitator reads it, in plain text."""

from __future__ import annotations

from datetime import datetime, tzinfo

from radar.i18n import format_datetime, t
from radar.model import Lang
from radar.workshop.model import Workshop

__all__ = ["about_text", "status_text", "when_text"]


def when_text(moment: datetime | None, lang: Lang, zone: tzinfo | None = None) -> str:
    """A stored time (UTC) written out in ``zone`` ("2. december 2026 14.05").

    ``zone`` ``None`` is the server's time zone.
    """
    return format_datetime(moment.astimezone(zone), lang) if moment else ""


def status_text(ws: Workshop, lang: Lang, zone: tzinfo | None = None) -> str:
    """ "Åben", "Åben til 2. december 2026 14.05" or "Lukket"."""
    if not ws.is_open():
        return t("workshop.page.status.closed", lang)
    if ws.closes_at is not None:
        return t("workshop.page.status.open_until", lang, time=when_text(ws.closes_at, lang, zone))
    return t("workshop.page.status.open", lang)


def about_text(ws: Workshop, lang: Lang, zone: tzinfo | None = None) -> str:
    """ "Teknik og miljø · udgave 2025 · Åben": what a workshop is about and whether it is open."""
    return t(
        "workshop.page.about",
        lang,
        area=ws.area_label(lang),
        edition=ws.edition,
        status=status_text(ws, lang, zone),
    )
