"""One edition across all welfare areas: each technology's ring in every area.

Answers "which technologies are ready in one area but still waiting in
another?": :func:`ring_matrix` lays the rings side by side, :func:`ring_gaps`
ranks the technologies by how far apart their rings are, and
:func:`ring_counts` counts the blips per area and ring.

All three take the rows of :func:`radar.pipeline.history.all_entries`. Pure pandas, no
Streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog, Lang

__all__ = [
    "filter_matrix",
    "gap_table",
    "matrix_table",
    "ring_cell_labels",
    "ring_counts",
    "ring_gaps",
    "ring_matrix",
]

_GAP_COLUMNS = (
    "id",
    "sector",
    "areas",
    "ready_ring",
    "ready_areas",
    "waiting_ring",
    "waiting_areas",
    "gap",
)


def ring_matrix(entries: pd.DataFrame, edition: int, catalog: Catalog) -> pd.DataFrame:
    """Each technology's ring in every area in one edition.

    Parameters
    ----------
    entries
        Rows of :func:`radar.pipeline.history.all_entries` (any editions).
    edition
        The edition year.
    catalog
        Areas and sectors, in order.

    Returns
    -------
    One row per technology on any radar in ``edition``, sorted by sector (in
    catalogue order), then id. Columns: ``id``, ``sector``, one column per area
    id in catalogue order and ``"samlet"`` (the combined radar), each holding
    the ring id there or ``None`` where the technology is not on that radar.
    Empty (with those columns) when the edition has no assessments.
    """
    columns = [*catalog.area_ids, COMBINED_AREA]
    rows = entries[entries["edition"] == edition]
    if rows.empty:
        return pd.DataFrame(columns=["id", "sector", *columns])
    rings = rows.pivot(index="id", columns="area", values="ring").reindex(columns=columns)
    # Object columns with None, not NaN: a missing ring is "not on this radar",
    # and callers test cells with ``is None``.
    rings = rings.astype(object).where(rings.notna(), None)
    sectors = rows.groupby("id")["sector"].first()
    matrix = rings.assign(sector=sectors).reset_index()
    sector_rank = {s: i for i, s in enumerate(catalog.sector_ids)}
    matrix["_rank"] = matrix["sector"].map(sector_rank).fillna(len(sector_rank))
    matrix = matrix.sort_values(["_rank", "id"], ignore_index=True)
    matrix.columns.name = None
    return matrix[["id", "sector", *columns]].astype({"id": object, "sector": object})


def filter_matrix(
    matrix: pd.DataFrame,
    catalog: Catalog,
    sector: str | None = None,
    ring: str | None = None,
) -> pd.DataFrame:
    """The rows of a :func:`ring_matrix` in one sector and/or ring.

    Parameters
    ----------
    matrix
        A :func:`ring_matrix`.
    catalog
        The areas whose columns the ring filter looks at.
    sector
        Keep only this sector (``None``: every sector).
    ring
        Keep only technologies that are in this ring in at least one welfare
        area (``None``: every ring). The combined radar does not count: it is
        an average, not a place where a technology is in use.
    """
    keep = pd.Series(True, index=matrix.index)
    if sector is not None:
        keep &= matrix["sector"] == sector
    if ring is not None:
        keep &= (matrix[list(catalog.area_ids)] == ring).any(axis=1)
    return matrix[keep]


def ring_gaps(
    matrix: pd.DataFrame,
    catalog: Catalog,
    names: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """How far apart each technology's rings are across the welfare areas.

    Parameters
    ----------
    matrix
        A :func:`ring_matrix` (or some of its rows).
    catalog
        Areas and rings (inside out).
    names
        Technology names by id, for the tie-break; ids sort by themselves
        without it.

    Returns
    -------
    One row per technology on the radar of at least two areas (the combined
    radar does not count), sorted by ``gap`` (largest first), then name.
    Columns: ``id``, ``sector``, ``areas`` (how many areas assess it),
    ``ready_ring`` and ``ready_areas`` (its innermost ring and the areas, in
    catalogue order, where it has that ring), ``waiting_ring`` and
    ``waiting_areas`` (the same for its outermost ring), and ``gap``: the
    number of rings between the two (0 when every area agrees).
    """
    rank = {r: i for i, r in enumerate(catalog.ring_ids)}
    records = []
    for row in matrix.to_dict("records"):
        placed = [(area, row[area]) for area in catalog.area_ids if row.get(area) is not None]
        if len(placed) < 2:
            continue
        best = min(rank[ring] for _, ring in placed)
        worst = max(rank[ring] for _, ring in placed)
        records.append(
            {
                "id": row["id"],
                "sector": row["sector"],
                "areas": len(placed),
                "ready_ring": catalog.ring_ids[best],
                "ready_areas": tuple(a for a, r in placed if rank[r] == best),
                "waiting_ring": catalog.ring_ids[worst],
                "waiting_areas": tuple(a for a, r in placed if rank[r] == worst),
                "gap": worst - best,
            }
        )
    gaps = pd.DataFrame.from_records(records, columns=list(_GAP_COLUMNS))
    if gaps.empty:
        return gaps
    label = names or {}
    gaps["_name"] = [label.get(i, i).casefold() for i in gaps["id"]]
    gaps = gaps.sort_values(["gap", "_name"], ascending=[False, True], ignore_index=True)
    return gaps.drop(columns="_name").astype({"gap": int, "areas": int})


def ring_counts(
    entries: pd.DataFrame,
    edition: int,
    catalog: Catalog,
    sector: str | None = None,
) -> pd.DataFrame:
    """How many technologies each welfare area has in each ring in one edition.

    Parameters
    ----------
    entries
        Rows of :func:`radar.pipeline.history.all_entries` (any editions).
    edition
        The edition year.
    catalog
        Areas and rings, in order.
    sector
        Count only this sector (``None``: every sector).

    Returns
    -------
    Integer counts with one row per area (index ``area``, catalogue order) and
    one column per ring (columns ``ring``, inside out); zero where an area has
    no blip in a ring. The combined radar is left out: it holds every
    technology once and would dwarf the areas.
    """
    rows = entries[(entries["edition"] == edition) & entries["area"].isin(catalog.area_ids)]
    if sector is not None:
        rows = rows[rows["sector"] == sector]
    counts = (
        rows.groupby(["area", "ring"])
        .size()
        .unstack("ring")
        .reindex(index=list(catalog.area_ids), columns=list(catalog.ring_ids))
        .fillna(0)
        .astype(int)
    )
    counts.index.name = "area"
    counts.columns.name = "ring"
    return counts


def _name_of(names: Mapping[str, str], technology_id: str) -> str:
    return names.get(technology_id, technology_id)


def matrix_table(
    matrix: pd.DataFrame,
    catalog: Catalog,
    names: Mapping[str, str],
    lang: Lang,
) -> pd.DataFrame:
    """A :func:`ring_matrix` as a table to show: localised headers, rings as positions.

    Parameters
    ----------
    matrix
        A :func:`ring_matrix` (or some of its rows, in the order to show).
    catalog
        Areas, rings and sectors.
    names
        Technology names by id in ``lang`` (the id where one is missing).
    lang
        Language of the headers and the sector names.

    Returns
    -------
    Columns: technology name, sector name, then one per area and the combined
    radar, headed by their names. A ring cell holds the ring's position (1 =
    the centre) and ``len(catalog.rings) + 1`` where the technology is not on
    that radar, so sorting a column runs from the centre out and puts "not on
    the radar" last; :func:`ring_cell_labels` gives the text to show.
    """
    rank = {r: i + 1 for i, r in enumerate(catalog.ring_ids)}
    absent = len(rank) + 1
    headers = {a.id: a.label(lang) for a in catalog.areas}
    headers[COMBINED_AREA] = t("overview.column.combined", lang)
    return pd.DataFrame(
        {
            t("column.name", lang): [_name_of(names, i) for i in matrix["id"]],
            t("column.sector", lang): [catalog.sector(s).label(lang) for s in matrix["sector"]],
            **{
                header: matrix[area].map(rank).fillna(absent).astype(int).to_numpy()
                for area, header in headers.items()
            },
        }
    )


def ring_cell_labels(catalog: Catalog, lang: Lang) -> dict[int, str]:
    """The text of each ring position in a :func:`matrix_table`, "not on the radar" included."""
    labels = {i + 1: ring.label(lang) for i, ring in enumerate(catalog.rings)}
    labels[len(catalog.rings) + 1] = t("overview.not_on_radar", lang)
    return labels


def gap_table(
    gaps: pd.DataFrame,
    catalog: Catalog,
    names: Mapping[str, str],
    lang: Lang,
) -> pd.DataFrame:
    """Rows of :func:`ring_gaps` as a table to show, e.g. "KLAR i Administration".

    Returns
    -------
    Columns, headed in ``lang``: technology name, gap in rings, the innermost
    ring with its areas, the outermost ring with its areas; rows in the order
    of ``gaps``.
    """

    def place(ring: str, areas: tuple[str, ...]) -> str:
        return t(
            "overview.gaps.place",
            lang,
            ring=catalog.ring(ring).label(lang),
            areas=", ".join(catalog.area(a).label(lang) for a in areas),
        )

    return pd.DataFrame(
        {
            t("column.name", lang): [_name_of(names, i) for i in gaps["id"]],
            t("overview.column.gap", lang): gaps["gap"].to_numpy(dtype=int),
            t("overview.column.ready", lang): [
                place(r, a) for r, a in zip(gaps["ready_ring"], gaps["ready_areas"], strict=True)
            ],
            t("overview.column.waiting", lang): [
                place(r, a)
                for r, a in zip(gaps["waiting_ring"], gaps["waiting_areas"], strict=True)
            ],
        }
    )
