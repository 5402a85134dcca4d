"""The workshop database's local editions: a group's consensus saved as its own radar.

A local edition is seen in its workshop's facilitator view; the radar page
shows it to every viewer only once an editor has published it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from radar.store.transactions import Connection, read, rows
from radar.store.workshop_schema import aware, from_db, to_db

__all__ = [
    "StoredLocalEdition",
    "delete_local_edition",
    "insert_local_edition",
    "local_editions",
    "local_placements",
    "local_title_taken",
    "publish_local_edition",
]


@dataclass(frozen=True)
class StoredLocalEdition:
    """A local edition's row."""

    id: str
    title: str
    area: str
    edition: int
    workshop_id: str
    created_at: datetime
    published: bool = False
    published_at: datetime | None = None


_COLUMNS = "id, title, area, edition, workshop_id, created_at, published, published_at"


def local_title_taken(cur: Connection, area: str, title: str) -> bool:
    """Whether another local edition of the area has this title (case does not matter)."""
    found = cur.execute(
        "SELECT count(*) FROM local_editions WHERE area = ? AND lower(title) = lower(?)",
        [area, title],
    ).fetchall()
    return bool(found[0][0])


def insert_local_edition(
    cur: Connection,
    edition: StoredLocalEdition,
    placements: Sequence[tuple[str, str, str, str, str, str | None, float, int]],
) -> None:
    """Add a local edition (unpublished) and its placements.

    ``placements`` are ``(technology, name_da, name_en, sector, ring,
    official_ring, agreement, answers)`` in the workshop's order.
    """
    cur.execute(
        f"INSERT INTO local_editions ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, false, NULL)",
        [
            edition.id,
            edition.title,
            edition.area,
            edition.edition,
            edition.workshop_id,
            to_db(edition.created_at),
        ],
    )
    cur.executemany(
        "INSERT INTO local_placements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(edition.id, item[0], i, *item[1:]) for i, item in enumerate(placements, start=1)],
    )


def local_editions(
    con: Connection,
    area: str | None = None,
    *,
    workshop_id: str | None = None,
    published_only: bool = False,
) -> list[StoredLocalEdition]:
    """The saved local editions, newest first.

    Parameters
    ----------
    area, workshop_id
        Only the area's, or only the workshop's, when given.
    published_only
        Only those an editor has published (what viewers may see).
    """
    conditions, params = ["true"], []
    if area is not None:
        conditions.append("area = ?")
        params.append(area)
    if workshop_id is not None:
        conditions.append("workshop_id = ?")
        params.append(workshop_id)
    if published_only:
        conditions.append("published")
    found = rows(
        con,
        f"SELECT {_COLUMNS} FROM local_editions WHERE {' AND '.join(conditions)} "
        "ORDER BY created_at DESC, id",
        params,
    )
    return [
        StoredLocalEdition(
            id=row[0],
            title=row[1],
            area=row[2],
            edition=row[3],
            workshop_id=row[4],
            created_at=aware(row[5]),
            published=bool(row[6]),
            published_at=from_db(row[7]),
        )
        for row in found
    ]


def publish_local_edition(
    cur: Connection, local_edition_id: str, published: bool, when: datetime
) -> bool:
    """Publish (or withdraw) a local edition; whether it exists."""
    found = cur.execute(
        "SELECT count(*) FROM local_editions WHERE id = ?", [local_edition_id]
    ).fetchall()[0][0]
    if found:
        cur.execute(
            "UPDATE local_editions SET published = ?, published_at = ? WHERE id = ?",
            [published, to_db(when) if published else None, local_edition_id],
        )
    return bool(found)


def delete_local_edition(cur: Connection, local_edition_id: str) -> bool:
    """Delete a local edition and its placements; whether it existed."""
    found = cur.execute(
        "SELECT count(*) FROM local_editions WHERE id = ?", [local_edition_id]
    ).fetchall()[0][0]
    cur.execute("DELETE FROM local_placements WHERE local_edition_id = ?", [local_edition_id])
    cur.execute("DELETE FROM local_editions WHERE id = ?", [local_edition_id])
    return bool(found)


def local_placements(con: Connection, local_edition_id: str) -> pd.DataFrame | None:
    """A local edition's blips in the workshop's order; None when there is no such edition.

    Columns ``id, sector, ring, agreement, answers, official_ring, name_da, name_en``.
    """

    def placements(cur: Connection) -> pd.DataFrame | None:
        found = cur.execute(
            "SELECT count(*) FROM local_editions WHERE id = ?", [local_edition_id]
        ).fetchall()[0][0]
        if not found:
            return None
        return cur.execute(
            "SELECT technology AS id, sector, ring, agreement, answers, official_ring, "
            "name_da, name_en FROM local_placements WHERE local_edition_id = ? ORDER BY position",
            [local_edition_id],
        ).df()

    return read(con, placements)
