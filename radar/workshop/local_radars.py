"""A group's consensus saved as a local radar edition, and read back for the radar page."""

from __future__ import annotations

import secrets

import pandas as pd

from radar.store import Connection
from radar.store import workshops as stored
from radar.workshop import clock
from radar.workshop.model import LocalEdition, LocalEditionNotFoundError, WorkshopInputError
from radar.workshop.results import results
from radar.workshop.validation import LOCAL_TITLE_KEYS, clean_title
from radar.workshop.writes import write

__all__ = ["list_local_editions", "local_placements", "save_consensus"]


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


def list_local_editions(con: Connection, area: str | None = None) -> tuple[LocalEdition, ...]:
    """The saved local editions, newest first; only ``area``'s when given."""
    return tuple(
        LocalEdition(e.id, e.title, e.area, e.edition, e.workshop_id, e.created_at)
        for e in stored.local_editions(con, area)
    )


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
