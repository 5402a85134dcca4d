"""What one radar view shows: the placed, numbered blips for an area and edition,
the filters and search applied, and a technology's details.

Pure data, no Streamlit: the pages, the CLI and the tests all use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from radar.i18n import t
from radar.model import COMBINED_AREA, Case, Catalog, Lang, Technology
from radar.pipeline.history import (
    BLIP_COLUMNS,
    CHANGES,
    MOVEMENT_COLUMNS,
    Movement,
)
from radar.pipeline.layout import compute_layout
from radar.pipeline.scoring import rings_for_scores, score_assessments, stated_ring_mean

#: Columns of a radar view, in the order the table view shows them.
ENTRY_COLUMNS = ("number", *BLIP_COLUMNS, *MOVEMENT_COLUMNS)
#: Columns the layout adds, and the view's own flags.
PLACEMENT_COLUMNS = ("x", "y", "radius", "shown", "visible", "match")


@dataclass(frozen=True)
class ViewFilter:
    """The view a user asks for; every field is also a URL parameter."""

    area: str = COMBINED_AREA
    edition: int | None = None
    sector: str | None = None
    ring: str | None = None
    query: str = ""
    #: Show only what is new or moved since the previous edition.
    changed: bool = False


def area_entries(scored: pd.DataFrame, area: str) -> pd.DataFrame:
    """One row per technology on ``area``'s radar, or on the combined radar.

    The combined radar places each technology once, by its maturity and spread
    averaged over the areas where it is assessed; overrides are per area and so
    do not carry over to it.
    """
    if area != COMBINED_AREA:
        rows = scored[scored["area"] == area]
        return rows.rename(columns={"technology": "id"}).reset_index(drop=True)
    grouped = (
        scored.groupby("technology", sort=True)
        .agg(
            sector=("sector", "first"),
            maturity=("maturity", "mean"),
            spread=("spread", "mean"),
            areas=("area", "nunique"),
        )
        .reset_index()
        .rename(columns={"technology": "id"})
    )
    grouped["score"] = (grouped["maturity"] + grouped["spread"]) / 2.0
    grouped["override_reason"] = None
    return grouped


def number_entries(entries: pd.DataFrame, catalog: Catalog, names: dict[str, str]) -> pd.Series:
    """Blip numbers as in a printed radar: by sector, then ring (inside out), then name.

    Numbers are given before any sector, ring or search filter, so a blip keeps
    its number whatever else is hidden; they follow the Danish names so that
    switching language does not renumber the radar.
    """
    sector_order = {s: i for i, s in enumerate(catalog.sector_ids)}
    ring_order = {r: i for i, r in enumerate(catalog.ring_ids)}
    order = pd.DataFrame(
        {
            "sector": entries["sector"].map(sector_order),
            "ring": entries["ring"].map(ring_order),
            "name": entries["id"].map(lambda i: _fold(str(names.get(i, i)))),
            "id": entries["id"],
        },
        index=entries.index,
    ).sort_values(["sector", "ring", "name", "id"])
    numbers = pd.Series(range(1, len(order) + 1), index=order.index)
    return numbers.reindex(entries.index)


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for search and sorting ("Øje" ~ "oje" ~ "øje")."""
    folded = text.casefold().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: Query words up to this long match only at the start of a word: "ai" should
#: find AI, not "maintain"; longer words match anywhere, so "robot" finds the
#: Danish compound "softwarerobotter".
SHORT_WORD = 3


def _word_matcher(word: str) -> re.Pattern[str]:
    escaped = re.escape(word)
    return re.compile(rf"\b{escaped}" if len(word) <= SHORT_WORD else escaped)


def matches_query(technologies: dict[str, Technology], ids: pd.Series, query: str) -> pd.Series:
    """Which ids match a free-text query, in either language, name or description.

    Every word of the query must match; case, accents and æ/ø/å spelled ae/oe/aa
    do not matter.
    """
    words = [_word_matcher(word) for word in _fold(query).split()]
    if not words:
        return pd.Series(True, index=ids.index)

    def hit(tech_id: str) -> bool:
        tech = technologies.get(tech_id)
        if tech is None:
            return False
        haystack = _fold(
            " ".join(
                (
                    tech.id,
                    tech.name_da,
                    tech.name_en,
                    tech.summary_da,
                    tech.summary_en,
                    tech.description_da,
                    tech.description_en,
                )
            )
        )
        return all(word.search(haystack) for word in words)

    return ids.map(hit).astype(bool)


def build_view(
    placed: pd.DataFrame,
    catalog: Catalog,
    technologies: dict[str, Technology],
    view: ViewFilter,
) -> pd.DataFrame:
    """The blips of one view, numbered, with ``visible`` and ``match`` flags.

    Parameters
    ----------
    placed
        The area's blips in the view's edition, placed and with their movement:
        the rows of :func:`radar.pipeline.history.area_history` for that edition.
    catalog
        Areas, rings and sectors.
    technologies
        The catalogue, for names and search.
    view
        The filters and query (its area and edition are those of ``placed``).

    Returns
    -------
    One row per technology on the area's radar with the columns of
    :data:`ENTRY_COLUMNS` plus ``x``, ``y``, ``radius``, ``shown`` (from the
    layout), ``visible`` (passes the sector, ring and "only changes" filters)
    and ``match`` (matches the search; non-matching blips are dimmed, not removed).
    """
    entries = placed.reset_index(drop=True)
    names = {t.id: t.name_da for t in technologies.values()}
    entries["number"] = number_entries(entries, catalog, names)
    visible = pd.Series(True, index=entries.index)
    if view.sector:
        visible &= entries["sector"] == view.sector
    if view.ring:
        visible &= entries["ring"] == view.ring
    if view.changed:
        visible &= entries["movement"].isin([m.value for m in CHANGES])
    entries["visible"] = visible
    entries["match"] = matches_query(technologies, entries["id"], view.query)
    columns = [c for c in (*ENTRY_COLUMNS, *PLACEMENT_COLUMNS) if c in entries.columns]
    return entries[columns].sort_values("number").reset_index(drop=True)


def edition_rows(area_history: pd.DataFrame, edition: int) -> pd.DataFrame:
    """The rows of one edition from an area's :func:`radar.pipeline.history.area_history`."""
    return area_history[area_history["edition"] == edition]


@dataclass(frozen=True)
class AreaPlacement:
    """Where a technology sits in one area in one edition."""

    area: str
    ring: str
    computed_ring: str
    maturity_trl: int | None
    maturity: float
    spread: float
    score: float
    share_operation: float
    share_pilot: float
    share_considering: float
    share_not_considering: float
    override_reason: str | None

    @property
    def has_scores(self) -> bool:
        """False for a ring stated by an imported radar, which has no scores."""
        return not np.isnan(self.score)


@dataclass(frozen=True)
class TechnologyDetails:
    """Everything the details panel shows for one technology in one edition."""

    technology: Technology
    edition: int
    placements: tuple[AreaPlacement, ...]
    combined: AreaPlacement | None
    cases: tuple[Case, ...]

    def placement(self, area: str) -> AreaPlacement | None:
        """The placement in ``area`` (or the combined one), if the technology is there."""
        if area == COMBINED_AREA:
            return self.combined
        return next((p for p in self.placements if p.area == area), None)


def _number(value: Any) -> float:
    # Stated rings (imported radars) have no scores: NULL arrives as pd.NA.
    return float("nan") if pd.isna(value) else float(value)


def technology_details(
    assessments: pd.DataFrame,
    catalog: Catalog,
    technology: Technology,
    edition: int,
    cases: tuple[Case, ...] = (),
) -> TechnologyDetails:
    """A technology's placement in every area, the combined one, and its cases.

    Parameters
    ----------
    assessments
        Assessments with the technology's sector, as
        :func:`radar.store.load_all_assessments` gives them; only the
        technology's in ``edition`` are used.
    catalog
        Areas and rings, in order.
    technology
        The technology shown.
    edition
        The edition shown.
    cases
        The technology's example cases, newest first.
    """
    rows = assessments[
        (assessments["technology"] == technology.id) & (assessments["edition"] == edition)
    ]
    placements: list[AreaPlacement] = []
    combined = None
    if not rows.empty:
        scored = score_assessments(rows, catalog.rings)
        area_order = {a: i for i, a in enumerate(catalog.area_ids)}
        scored = scored.sort_values("area", key=lambda s: s.map(area_order))
        for r in scored.itertuples():
            placements.append(
                AreaPlacement(
                    area=r.area,
                    ring=r.ring,
                    computed_ring=r.computed_ring,
                    maturity_trl=None if pd.isna(r.maturity_trl) else int(r.maturity_trl),
                    maturity=float(r.maturity),
                    spread=float(r.spread),
                    score=float(r.score),
                    share_operation=_number(r.share_operation),
                    share_pilot=_number(r.share_pilot),
                    share_considering=_number(r.share_considering),
                    share_not_considering=_number(r.share_not_considering),
                    override_reason=r.override_reason
                    if isinstance(r.override_reason, str)
                    else None,
                )
            )
        maturity = float(scored["maturity"].mean())
        spread = float(scored["spread"].mean())
        score = (maturity + spread) / 2.0
        if scored["score"].isna().any():
            # As the combined radar does (radar.pipeline.history.all_entries): a stated
            # ring anywhere means the rings are combined, not the scores.
            ring = stated_ring_mean(list(scored["ring"]), catalog.rings)
            maturity = spread = score = float("nan")
        else:
            ring = str(rings_for_scores([score], catalog.rings)[0])
        combined = AreaPlacement(
            area=COMBINED_AREA,
            ring=ring,
            computed_ring=ring,
            maturity_trl=None,
            maturity=maturity,
            spread=spread,
            score=score,
            share_operation=_number(scored["share_operation"].astype(float).mean()),
            share_pilot=_number(scored["share_pilot"].astype(float).mean()),
            share_considering=_number(scored["share_considering"].astype(float).mean()),
            share_not_considering=_number(scored["share_not_considering"].astype(float).mean()),
            override_reason=None,
        )
    return TechnologyDetails(
        technology=technology,
        edition=edition,
        placements=tuple(placements),
        combined=combined,
        cases=cases,
    )


def localised_names(technologies: dict[str, Technology], lang: Lang) -> dict[str, str]:
    """Technology names in ``lang``, by id."""
    return {t.id: t.label(lang) for t in technologies.values()}


#: What a blip's movement says, with the ring and edition it came from.
_MOVEMENT_TEXTS: dict[str, str] = {
    Movement.IN: "movement.in",
    Movement.OUT: "movement.out",
    Movement.SAME: "movement.same",
}


def movement_text(row: Any, catalog: Catalog, lang: Lang) -> str:
    """What changed for one blip since its last edition, in words ("Rykket ind fra AFPRØV (2024)").

    ``row`` is a view row (a named tuple or mapping) with ``movement``,
    ``previous_ring``, ``previous_edition`` and ``returned``.
    """
    get = row.get if isinstance(row, Mapping) else lambda name: getattr(row, name, None)
    movement = get("movement")
    if not movement or movement == Movement.NEW:
        return t("movement.new", lang)
    edition = get("previous_edition")
    # A missing-capable integer column hands out floats in some paths; years are whole.
    edition = int(edition) if edition is not None and not pd.isna(edition) else ""
    ring = get("previous_ring")
    ring_label = catalog.ring(ring).label(lang) if ring in catalog.ring_ids else str(ring)
    text = t(_MOVEMENT_TEXTS[movement], lang, ring=ring_label, edition=edition)
    if get("returned"):
        text += " · " + t("movement.returned", lang, edition=edition)
    return text


def local_view(
    placements: pd.DataFrame,
    catalog: Catalog,
    technologies: dict[str, Technology],
    edition: int,
) -> pd.DataFrame:
    """A group's own radar (a workshop's consensus) as a radar view.

    Parameters
    ----------
    placements
        Rows with ``id, sector, ring, agreement, official_ring``, as from
        :func:`radar.workshop.local_placements`.
    catalog
        Rings and sectors.
    technologies
        The catalogue, for numbering.
    edition
        The official edition the workshop discussed.

    Returns
    -------
    The columns of :func:`build_view`. A blip's shape says how the group's
    ring differs from the official one of ``edition``: a triangle pointing in
    where the group sees it nearer the centre, out where further, a circle
    where they agree (and a star for a technology not on the official radar).
    """
    known = placements[placements["ring"].isin(catalog.ring_ids)].copy()
    rank = {r: i for i, r in enumerate(catalog.ring_ids)}
    official = known["official_ring"].map(rank)
    group = known["ring"].map(rank)
    known["movement"] = np.select(
        [official.isna(), group < official, group > official],
        [Movement.NEW.value, Movement.IN.value, Movement.OUT.value],
        default=Movement.SAME.value,
    )
    known["previous_ring"] = known["official_ring"]
    known["previous_edition"] = edition
    known["returned"] = False
    # Within a cell, the blips the group agreed on most sit innermost.
    known["score"] = known["agreement"].astype(float)
    for column in ("computed_ring", "maturity", "spread", "override_reason"):
        known[column] = None
    placed = compute_layout(known, catalog.sector_ids, catalog.ring_ids)
    return build_view(placed, catalog, technologies, ViewFilter(edition=edition))
