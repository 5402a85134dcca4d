"""What a workshop discusses, taken from the radar database: technologies and official rings.

The workshop keeps a snapshot of these when it is created, so it never needs
the radar database again.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from radar import store
from radar.pipeline import history
from radar.pipeline.view import number_entries
from radar.store import Connection
from radar.workshop.model import WorkshopInputError, WorkshopTechnology
from radar.workshop.validation import check_area_and_edition

__all__ = ["area_technologies", "official_rings"]


def official_rings(radar_con: Connection, area: str, edition: int) -> dict[str, str]:
    """The official ring of every technology on an area's radar in an edition.

    Parameters
    ----------
    radar_con
        The radar database (read-only is enough).
    area
        An area id, or ``"samlet"`` for the combined radar.
    edition
        The edition year.

    Returns
    -------
    Technology id to ring id, by technology id; empty when the area has no
    assessments in that edition.
    """
    catalog = store.load_catalog(radar_con)
    entries = history.all_entries(store.load_assessments(radar_con, edition), catalog.rings)
    rows = entries[(entries["area"] == area) & (entries["edition"] == edition)]
    rows = rows.sort_values("id")
    return dict(zip(rows["id"], rows["ring"], strict=True))


def area_technologies(
    radar_con: Connection,
    area: str,
    edition: int,
    technology_ids: Sequence[str] | None = None,
) -> tuple[WorkshopTechnology, ...]:
    """The technologies for a workshop, with names and official rings, from the radar database.

    Parameters
    ----------
    radar_con
        The radar database.
    area, edition
        The radar the workshop discusses; ``area`` may be ``"samlet"``.
    technology_ids
        The technologies to discuss, in this order (duplicates are dropped);
        a technology that is not on the area's radar gets no official ring.
        Default: every technology on the area's radar, in the order of the
        radar's numbered list (category, ring inside out, name).

    Raises
    ------
    WorkshopInputError
        An unknown area, edition or technology id, or an area without
        technologies in the edition.
    """
    catalog = store.load_catalog(radar_con)
    check_area_and_edition(catalog, area, edition)
    catalogue = store.load_technologies(radar_con)
    rings = official_rings(radar_con, area, edition)
    if technology_ids is None:
        if not rings:
            raise WorkshopInputError(
                "workshop.error.area_has_no_technologies", area=area, edition=edition
            )
        entries = pd.DataFrame(
            {
                "id": list(rings),
                "sector": [catalogue[i].sector for i in rings],
                "ring": list(rings.values()),
            }
        )
        names = {i: catalogue[i].name_da for i in rings}
        entries["number"] = number_entries(entries, catalog, names)
        ids = entries.sort_values("number")["id"].tolist()
    else:
        ids = list(dict.fromkeys(i.strip() for i in technology_ids if i.strip()))
        unknown = [i for i in ids if i not in catalogue]
        if unknown:
            raise WorkshopInputError(
                "workshop.error.technologies_unknown", technologies=tuple(unknown)
            )
        if not ids:
            raise WorkshopInputError("workshop.error.no_technologies")
    return tuple(
        WorkshopTechnology(
            id=i,
            sector=catalogue[i].sector,
            name_da=catalogue[i].name_da,
            name_en=catalogue[i].name_en,
            official_ring=rings.get(i),
        )
        for i in ids
    )
