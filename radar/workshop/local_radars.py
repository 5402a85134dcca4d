"""A group's consensus saved as a local radar edition, published, deleted and read back.

A saved local edition is seen in its workshop's facilitator view only; an
editor publishes it to show it to every viewer on the radar page ("Vis ved
siden af"), and may withdraw it. Its facilitator or an editor may delete it.
Who may do what is checked by the caller (:mod:`radar.workshop.access`);
every change is logged without personal data.
"""

from __future__ import annotations

import logging
import secrets

import pandas as pd

from radar.store import Connection
from radar.store import workshops as stored
from radar.workshop import clock
from radar.workshop.model import LocalEdition, LocalEditionNotFoundError, WorkshopInputError
from radar.workshop.results import results
from radar.workshop.validation import LOCAL_TITLE_KEYS, clean_title
from radar.workshop.writes import write

__all__ = [
    "delete_local_edition",
    "list_local_editions",
    "local_placements",
    "publish_local_edition",
    "save_consensus",
]

logger = logging.getLogger(__name__)


def save_consensus(con: Connection, workshop_id: str, title: str) -> LocalEdition:
    """Save the group's consensus as a local radar edition.

    Every technology with at least one answer is placed in the group's ring
    (:func:`group_ring`: most answers; ties towards the official ring, then
    the outer ring), with the agreement (share of answers in that ring). It is
    a snapshot: answers given later do not change it.

    Parameters
    ----------
    con
        The workshop database.
    workshop_id
        The workshop.
    title
        E.g. "Vores radar 2026, Teknik og miljø"; 1 to :data:`TITLE_LIMIT`
        characters, not already used by another local edition of the area.

    Raises
    ------
    WorkshopNotFoundError
        No workshop has this id.
    WorkshopInputError
        An empty, too long or already used title, or no answers to save.
    """
    title_cleaned = clean_title(title, LOCAL_TITLE_KEYS)
    summary = results(con, workshop_id)
    workshop = summary.workshop
    placed = [r for r in summary.technologies if r.modal_ring is not None]
    if not placed:
        raise WorkshopInputError("workshop.error.nothing_to_save")
    edition_id = secrets.token_hex(8)
    placements = [
        (
            r.technology.id,
            r.technology.name_da,
            r.technology.name_en,
            r.technology.sector,
            r.modal_ring,
            r.official_ring,
            r.agreement,
            r.answers,
        )
        for r in placed
        if r.modal_ring is not None and r.agreement is not None
    ]

    def insert(cur: Connection) -> None:
        if stored.local_title_taken(cur, workshop.area, title_cleaned):
            raise WorkshopInputError("workshop.error.local_title_taken", title=title_cleaned)
        edition = stored.StoredLocalEdition(
            id=edition_id,
            title=title_cleaned,
            area=workshop.area,
            edition=workshop.edition,
            workshop_id=workshop.id,
            created_at=clock.now(),
        )
        stored.insert_local_edition(cur, edition, placements)

    write(con, insert)
    return next(e for e in list_local_editions(con) if e.id == edition_id)


def list_local_editions(
    con: Connection,
    area: str | None = None,
    *,
    workshop_id: str | None = None,
    published_only: bool = False,
) -> tuple[LocalEdition, ...]:
    """The saved local editions, newest first.

    Parameters
    ----------
    area, workshop_id
        Only the area's, or only the workshop's, when given.
    published_only
        Only those an editor has published: what the radar page may show viewers.
    """
    return tuple(
        LocalEdition(
            e.id,
            e.title,
            e.area,
            e.edition,
            e.workshop_id,
            e.created_at,
            e.published,
            e.published_at,
        )
        for e in stored.local_editions(
            con, area, workshop_id=workshop_id, published_only=published_only
        )
    )


def publish_local_edition(con: Connection, local_edition_id: str, published: bool) -> None:
    """Show a local edition to every viewer (``published``), or withdraw it.

    Raises
    ------
    LocalEditionNotFoundError
        No local edition has this id.
    """

    def change(cur: Connection) -> bool:
        return stored.publish_local_edition(cur, local_edition_id, published, clock.now())

    if not write(con, change):
        raise LocalEditionNotFoundError("workshop.error.local_edition_unknown")
    logger.info("local radar %r %s", local_edition_id, "published" if published else "withdrawn")


def delete_local_edition(con: Connection, local_edition_id: str, *, actor: str) -> None:
    """Delete a local edition and its placements.

    Parameters
    ----------
    actor
        Who deleted it, as a role ("facilitator", "editor", "cli"), for the log:
        never a person's name, which is personal data.

    Raises
    ------
    LocalEditionNotFoundError
        No local edition has this id.
    """
    if not write(con, lambda cur: stored.delete_local_edition(cur, local_edition_id)):
        raise LocalEditionNotFoundError("workshop.error.local_edition_unknown")
    logger.info("local radar %r deleted by %r", local_edition_id, actor)


def local_placements(con: Connection, local_edition_id: str) -> pd.DataFrame:
    """A local edition's blips, ready for a radar view.

    Returns
    -------
    Columns ``id, sector, ring`` (as a radar view has them), ``agreement``
    (0..1), ``answers``, ``official_ring`` (None if not on the official radar)
    and ``name_da, name_en``; in the workshop's order.

    Raises
    ------
    LocalEditionNotFoundError
        No local edition has this id.
    """
    placements = stored.local_placements(con, local_edition_id)
    if placements is None:
        raise LocalEditionNotFoundError("workshop.error.local_edition_unknown")
    return placements
