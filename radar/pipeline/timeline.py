"""One technology over time: its ring in every area and edition, and its neighbours.

Built on :func:`radar.pipeline.history.all_entries`; pure data, no Streamlit. The
technology page (``pages/technology.py``) and its charts
(:mod:`radar.drawing.charts`) read these frames.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from radar.model import COMBINED_AREA, Catalog, Technology
from radar.pipeline.history import derive_movement

__all__ = [
    "RELATED_COLUMNS",
    "area_order",
    "placements_in",
    "related_technologies",
    "technology_history",
    "timeline_editions",
]

#: Columns of :func:`related_technologies`.
RELATED_COLUMNS = ("id", "shared_areas", "score_distance", "ring", "score")


def area_order(catalog: Catalog) -> tuple[str, ...]:
    """The areas in display order, the combined radar last."""
    return (*catalog.area_ids, COMBINED_AREA)


def technology_history(
    entries: pd.DataFrame, technology_id: str, ring_ids: Sequence[str]
) -> pd.DataFrame:
    """Every placement of one technology: each area (and the combined radar) in each edition.

    Parameters
    ----------
    entries
        Every radar of every edition, as from :func:`radar.pipeline.history.all_entries`
        (all technologies, not only this one).
    technology_id
        The technology.
    ring_ids
        Ring ids inside out.

    Returns
    -------
    The technology's rows of ``entries`` (``area`` includes ``"samlet"``), sorted
    by edition and area, with the movement columns of
    :func:`radar.pipeline.history.derive_movement`. Movement is derived on all of
    ``entries`` before the technology's rows are picked: whether a blip has
    *returned* depends on which editions its area had at all, which this
    technology's rows alone cannot tell. Empty for an unknown or never
    assessed technology.
    """
    # Only the rows that can matter: the technology's own (its previous ring)
    # and one per area and edition (the area's editions, for "returned").
    mine = entries["id"] == technology_id
    area_editions = ~entries.duplicated(["area", "edition"])
    moved = derive_movement(entries[mine | area_editions], ring_ids)
    rows = moved[moved["id"] == technology_id]
    return rows.sort_values(["edition", "area"]).reset_index(drop=True)


def timeline_editions(history: pd.DataFrame, assessed: Sequence[int]) -> list[int]:
    """The editions a technology's charts span, oldest first.

    From the technology's first appearance to the newest of ``assessed`` (the
    editions that have any assessments), so that a year off the radar, and
    leaving it, show as gaps rather than being skipped. Empty for an empty
    ``history``.
    """
    if history.empty:
        return []
    first = int(history["edition"].min())
    return sorted({int(e) for e in assessed if e >= first} | set(history["edition"].astype(int)))


def placements_in(history: pd.DataFrame, catalog: Catalog, edition: int) -> pd.DataFrame:
    """One row per area (catalogue order, the combined radar last) for one edition.

    Parameters
    ----------
    history
        One technology's :func:`technology_history`.
    catalog
        For the areas and their order.
    edition
        The edition.

    Returns
    -------
    The columns of ``history`` for every area; an area where the technology
    was not on the radar in ``edition`` has a missing ``ring`` (and scores),
    so callers can say "not on the radar" instead of dropping the area.
    """
    rows = history[history["edition"] == edition].set_index("area")
    ordered = rows.reindex(list(area_order(catalog)))
    ordered.index.name = "area"
    return ordered.reset_index()


def related_technologies(
    entries: pd.DataFrame,
    technologies: Mapping[str, Technology],
    technology_id: str,
    edition: int,
    limit: int = 6,
) -> pd.DataFrame:
    """Technologies of the same sector, most alike first.

    The rule: the candidates are the other technologies of the same sector
    that are on at least one area's radar in ``edition``. They are ranked by

    1. how many welfare areas they share with the technology in ``edition``
       (both on that area's radar), most first: they are used by the same people;
    2. how close their combined score is to the technology's in ``edition``,
       closest first: they are about as mature and widespread;
    3. their id, so the order is stable.

    A technology that is not on any radar in ``edition`` is compared by its
    newest earlier appearance; one that was never assessed shares no areas
    and has no score, so its neighbours come in id order.

    Parameters
    ----------
    entries
        Every radar of every edition, as from :func:`radar.pipeline.history.all_entries`.
    technologies
        The catalogue, for the sector.
    technology_id
        The technology.
    edition
        The edition to compare in, normally the newest.
    limit
        At most this many rows.

    Returns
    -------
    Columns :data:`RELATED_COLUMNS`: ``shared_areas``, ``score_distance``
    (missing when the technology has no score) and the candidate's combined
    ``ring`` and ``score`` in ``edition``. Empty for an unknown technology.
    """
    technology = technologies.get(technology_id)
    if technology is None:
        return pd.DataFrame(columns=list(RELATED_COLUMNS))
    sector_ids = {i for i, tech in technologies.items() if tech.sector == technology.sector}
    now = entries[(entries["edition"] == edition) & entries["id"].isin(sector_ids)]

    own = entries[(entries["id"] == technology_id) & (entries["edition"] <= edition)]
    if not own.empty:
        own = own[own["edition"] == own["edition"].max()]
    own_areas = set(own.loc[own["area"] != COMBINED_AREA, "area"])
    own_combined = own.loc[own["area"] == COMBINED_AREA, "score"]
    own_score = float(own_combined.iloc[0]) if not own_combined.empty else float("nan")

    others = now[now["id"] != technology_id]
    per_area = others[others["area"] != COMBINED_AREA]
    shared = per_area[per_area["area"].isin(own_areas)].groupby("id")["area"].nunique()
    combined = others[others["area"] == COMBINED_AREA].set_index("id")
    related = pd.DataFrame(
        {
            "id": combined.index,
            "shared_areas": shared.reindex(combined.index, fill_value=0).astype(int).to_numpy(),
            "score_distance": (combined["score"] - own_score).abs().to_numpy(),
            "ring": combined["ring"].to_numpy(),
            "score": combined["score"].to_numpy(),
        }
    )
    related = related.sort_values(
        ["shared_areas", "score_distance", "id"],
        ascending=[False, True, True],
        na_position="last",
    )
    return related.head(limit).reset_index(drop=True)[list(RELATED_COLUMNS)]
