"""What a workshop, a title and an answer may hold: cleaning and checking input.

Every check raises :class:`~radar.workshop.model.WorkshopInputError` (or
:class:`~radar.workshop.model.AnswerRejectedError`) with the message's key,
before anything is written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from radar.model import COMBINED_AREA, Catalog
from radar.store.workshops import COMMENT_LIMIT, PHASE_IDS, TITLE_LIMIT
from radar.workshop import clock
from radar.workshop.model import (
    QUESTION_IDS,
    AnswerRejectedError,
    WorkshopInputError,
    WorkshopTechnology,
)

__all__ = [
    "COMMENT_LIMIT",
    "LOCAL_TITLE_KEYS",
    "TITLE_LIMIT",
    "WORKSHOP_TITLE_KEYS",
    "check_area_and_edition",
    "check_phase",
    "checked_workshop",
    "clean_answers",
    "clean_text",
    "clean_title",
    "validate_workshop",
]

#: The message keys of a workshop title that is empty, or too long.
WORKSHOP_TITLE_KEYS = ("workshop.error.title_empty", "workshop.error.title_too_long")
#: The message keys of a local edition's title that is empty, or too long.
LOCAL_TITLE_KEYS = ("workshop.error.local_title_empty", "workshop.error.local_title_too_long")

# Bidirectional overrides could make a comment display as something else.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str, *, single_line: bool) -> str:
    """``value`` without control characters and bidirectional overrides, trimmed.

    Line breaks stay unless ``single_line``; then runs of spaces become one.
    """
    text = unicodedata.normalize("NFC", value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if single_line:
        text = text.replace("\n", " ")
    text = _BIDI.sub("", text)
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) != "Cc")
    if single_line:
        text = re.sub(r" {2,}", " ", text)
    return text.strip()


def clean_title(title: object, keys: tuple[str, str] = WORKSHOP_TITLE_KEYS) -> str:
    """A title cleaned to one line, 1 to :data:`TITLE_LIMIT` characters.

    Parameters
    ----------
    keys
        The message keys for an empty and for a too long title.
    """
    empty, too_long = keys
    if not isinstance(title, str) or not clean_text(title, single_line=True):
        raise WorkshopInputError(empty)
    cleaned = clean_text(title, single_line=True)
    if len(cleaned) > TITLE_LIMIT:
        raise WorkshopInputError(too_long, length=len(cleaned), limit=TITLE_LIMIT)
    return cleaned


def check_area_and_edition(catalog: Catalog, area: str, edition: int) -> None:
    """Refuse an area or edition the radar does not have (``"samlet"`` is an area)."""
    if area != COMBINED_AREA and area not in catalog.area_ids:
        raise WorkshopInputError(
            "workshop.error.area_unknown", area=area, areas=(COMBINED_AREA, *catalog.area_ids)
        )
    if edition not in catalog.years:
        raise WorkshopInputError(
            "workshop.error.edition_unknown",
            edition=edition,
            editions=tuple(sorted(catalog.years)),
        )


def _check_technologies(catalog: Catalog, technologies: Sequence[WorkshopTechnology]) -> None:
    if not technologies:
        raise WorkshopInputError("workshop.error.no_technologies")
    seen: set[str] = set()
    for item in technologies:
        if not isinstance(item, WorkshopTechnology) or not item.id or not item.name_da:
            raise WorkshopInputError("workshop.error.technology_invalid", technology=str(item))
        if item.id in seen:
            raise WorkshopInputError("workshop.error.technology_duplicate", technology=item.id)
        seen.add(item.id)
        if item.sector not in catalog.sector_ids:
            raise WorkshopInputError(
                "workshop.error.sector_unknown", technology=item.id, sector=item.sector
            )
        if item.official_ring is not None and item.official_ring not in catalog.ring_ids:
            raise WorkshopInputError(
                "workshop.error.official_ring_unknown", technology=item.id, ring=item.official_ring
            )


def checked_workshop(
    title: str,
    catalog: Catalog,
    area: str,
    edition: int,
    technologies: Sequence[WorkshopTechnology],
    closes_at: datetime | None,
    now: datetime,
) -> tuple[str, datetime | None]:
    """A new workshop's title cleaned and its closing time in UTC, once everything is checked."""
    title_cleaned = clean_title(title)
    check_area_and_edition(catalog, area, edition)
    _check_technologies(catalog, technologies)
    closes = closes_at.astimezone(UTC) if closes_at is not None else None
    if closes is not None and closes <= now:
        raise WorkshopInputError("workshop.error.closes_in_past", closes_at=closes)
    return title_cleaned, closes


def validate_workshop(
    *,
    title: str,
    catalog: Catalog,
    area: str,
    edition: int,
    technologies: Sequence[WorkshopTechnology],
    closes_at: datetime | None = None,
) -> None:
    """Check a new workshop's details exactly as :func:`create_workshop` does, writing nothing.

    For a form or the command line, to report a mistake before the workshop
    database is even opened. The parameters are those of
    :func:`radar.workshop.sessions.create_workshop`.

    Raises
    ------
    WorkshopInputError
        What :func:`create_workshop` would raise for the same details.
    """
    checked_workshop(title, catalog, area, edition, technologies, closes_at, clock.now())


def clean_answers(answers: Mapping[str, object] | None) -> dict[str, str | None]:
    """The texts answering the four questions, cleaned; every question id is a key.

    Raises
    ------
    AnswerRejectedError
        An unknown question, a text that is not text or is over :data:`COMMENT_LIMIT`.
    """
    texts: dict[str, str | None] = dict.fromkeys(QUESTION_IDS)
    for question, value in (answers or {}).items():
        if question not in QUESTION_IDS:
            raise AnswerRejectedError(
                "workshop.error.question_unknown",
                question=str(question)[:40],
                questions=QUESTION_IDS,
            )
        if value is None:
            continue
        if not isinstance(value, str):
            raise AnswerRejectedError("workshop.error.answer_not_text", question=question)
        text = clean_text(value, single_line=False)
        if len(text) > COMMENT_LIMIT:
            raise AnswerRejectedError(
                "workshop.error.comment_too_long",
                question=question,
                length=len(text),
                limit=COMMENT_LIMIT,
            )
        texts[question] = text or None
    return texts


def check_phase(phase: str | None) -> None:
    """Refuse a phase that is not one of :data:`PHASE_IDS` (None is "not said")."""
    if phase is not None and phase not in PHASE_IDS:
        raise AnswerRejectedError(
            "workshop.error.phase_unknown", phase=str(phase)[:40], phases=PHASE_IDS
        )
