"""Editions over time: every radar of every edition, what moved, and where blips sit.

Movement is derived, never typed: each technology on an area's radar is
compared with the last time it was on that area's radar.

- ``new``: it has never been on this area's radar before (so every blip of an
  area's first edition is new);
- ``in`` / ``out``: its ring is nearer to / further from the centre than last time;
- ``same``: its ring is the one it had last time.

A technology that leaves the radar and comes back is compared with its last
appearance, as the Thoughtworks radar does, and is flagged ``returned``.
Positions come from :func:`radar.pipeline.layout.layout_editions`, so a blip that
keeps its cell from one edition to the next keeps its exact position.

Pure data, no Streamlit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from radar.model import COMBINED_AREA, Catalog, Ring
from radar.pipeline.layout import layout_editions
from radar.pipeline.scoring import rings_for_scores, score_assessments, stated_ring_mean

__all__ = [
    "Comparison",
    "Movement",
    "all_entries",
    "area_history",
    "compare_editions",
    "derive_movement",
    "dropped",
    "previous_edition",
    "previous_editions",
]


class Movement(StrEnum):
    """How a technology's place changed since the last edition it was on the radar."""

    NEW = "new"
    IN = "in"
    OUT = "out"
    SAME = "same"
    #: Only in comparisons: on the earlier radar, not on the later one.
    DROPPED = "dropped"
    #: Only in comparisons: on the later radar, not on the earlier one, but on
    #: one before it. The radar calls the same blips "back after a pause"
    #: (``returned``), never new, so both pages count them alike.
    RETURNED = "returned"


#: Movements that count as a change ("show only what changed").
CHANGES: tuple[Movement, ...] = (Movement.NEW, Movement.IN, Movement.OUT)

#: What places one technology on one radar, as :func:`all_entries` gives it.
BLIP_COLUMNS: tuple[str, ...] = (
    "id",
    "sector",
    "ring",
    "computed_ring",
    "maturity",
    "spread",
    "score",
    "override_reason",
)
#: The columns :func:`derive_movement` adds.
MOVEMENT_COLUMNS: tuple[str, ...] = ("movement", "previous_ring", "previous_edition", "returned")
_ENTRY_COLUMNS = ("area", "edition", *BLIP_COLUMNS)


def all_entries(assessments: pd.DataFrame, rings: Sequence[Ring]) -> pd.DataFrame:
    """Every radar of every edition: one row per area (and the combined radar), edition, blip.

    Parameters
    ----------
    assessments
        Assessments of any editions and areas, as from
        :func:`radar.store.load_all_assessments`.
    rings
        The rings with their cut-offs.

    Returns
    -------
    Columns ``area, edition, id, sector, ring, computed_ring, maturity, spread,
    score, override_reason``. The combined radar (area ``"samlet"``) places a
    technology by its maturity and spread averaged over the areas where it is
    assessed in that edition; overrides are per area and do not carry over.
    """
    if assessments.empty:
        return pd.DataFrame(columns=list(_ENTRY_COLUMNS))
    scored = score_assessments(assessments, rings).rename(columns={"technology": "id"})
    per_area = scored[[c for c in _ENTRY_COLUMNS if c in scored.columns]]
    groups = scored.groupby(["edition", "id"], sort=True)
    combined = groups.agg(
        sector=("sector", "first"), maturity=("maturity", "mean"), spread=("spread", "mean")
    ).reset_index()
    combined["score"] = (combined["maturity"] + combined["spread"]) / 2.0
    combined["computed_ring"] = rings_for_scores(combined["score"], rings)
    # A ring stated without scores (an imported radar) in any of the areas: an
    # average of the other areas' scores would ignore it, so combine the rings
    # themselves, cautiously, and show no made-up combined scores.
    stated = groups["score"].agg(lambda score: bool(score.isna().any())).to_numpy()
    if stated.any():
        rings_of = groups["ring"].agg(lambda r: stated_ring_mean(list(r), rings)).to_numpy()
        combined.loc[stated, "computed_ring"] = rings_of[stated]
        combined.loc[stated, ["maturity", "spread", "score"]] = np.nan
    combined["ring"] = combined["computed_ring"]
    combined["override_reason"] = None
    combined["area"] = COMBINED_AREA
    out = pd.concat([per_area, combined[list(_ENTRY_COLUMNS)]], ignore_index=True)
    out["edition"] = out["edition"].astype(int)
    return out


def previous_editions(entries: pd.DataFrame) -> pd.Series:
    """For each row, the area's edition before the row's edition (NaN for the area's first).

    An area's editions are those in which it has any blip, so an area that
    skips a year compares with the last year it was assessed.
    """
    pairs = entries[["area", "edition"]].drop_duplicates().sort_values(["area", "edition"])
    pairs["previous"] = pairs.groupby("area")["edition"].shift()
    merged = entries[["area", "edition"]].merge(pairs, on=["area", "edition"], how="left")
    return pd.Series(merged["previous"].to_numpy(), index=entries.index, name="previous_edition")


def derive_movement(entries: pd.DataFrame, ring_ids: Sequence[str]) -> pd.DataFrame:
    """Add each blip's movement since the last time it was on its area's radar.

    Parameters
    ----------
    entries
        Rows with ``area, edition, id, ring`` (as from :func:`all_entries`).
    ring_ids
        Ring ids inside out.

    Returns
    -------
    A copy with ``movement`` (a :class:`Movement` value), ``previous_ring`` and
    ``previous_edition`` (the ring and edition of the last appearance, missing
    for a new blip) and ``returned`` (the blip was not on the area's previous
    edition but had been on an earlier one).
    """
    out = entries.copy()
    if out.empty:
        for column in MOVEMENT_COLUMNS:
            out[column] = pd.Series(dtype=object if column != "returned" else bool)
        return out
    ring_rank = {r: i for i, r in enumerate(ring_ids)}
    ordered = out.sort_values(["area", "id", "edition"])
    last = ordered.groupby(["area", "id"], sort=False)
    previous_ring = last["ring"].shift().reindex(out.index)
    previous_edition = last["edition"].shift().reindex(out.index)
    before = previous_ring.map(ring_rank)
    now = out["ring"].map(ring_rank)
    movement = np.select(
        [previous_ring.isna(), now < before, now > before],
        [Movement.NEW.value, Movement.IN.value, Movement.OUT.value],
        default=Movement.SAME.value,
    )
    out["movement"] = movement
    out["previous_ring"] = previous_ring.astype(object).where(previous_ring.notna(), None)
    out["previous_edition"] = previous_edition.astype("Int64")
    area_previous = previous_editions(out)
    out["returned"] = (previous_edition.notna() & (previous_edition != area_previous)).astype(bool)
    return out


def area_history(entries: pd.DataFrame, area: str, catalog: Catalog) -> pd.DataFrame:
    """One area's radars in every edition: placed blips with their movement.

    Parameters
    ----------
    entries
        Rows of :func:`all_entries` (any areas; only ``area``'s are used).
    area
        An area id, or ``"samlet"`` for the combined radar.
    catalog
        Rings and sectors, in order.

    Returns
    -------
    The area's rows, sorted by edition, with the columns of
    :func:`derive_movement` and ``x, y, radius, shown`` from
    :func:`radar.pipeline.layout.layout_editions`: a blip that keeps its ring from one
    edition to the next keeps its exact position.
    """
    rows = entries[entries["area"] == area]
    rows = derive_movement(rows, catalog.ring_ids).sort_values(["edition", "id"])
    editions = [group for _, group in rows.groupby("edition", sort=True)]
    if not editions:
        return rows.assign(x=0.0, y=0.0, radius=0.0, shown=False).reset_index(drop=True)
    placed = layout_editions(editions, catalog.sector_ids, catalog.ring_ids)
    return pd.concat(placed, ignore_index=True)


def previous_edition(history: pd.DataFrame, edition: int) -> int | None:
    """The area's edition before ``edition`` (``history`` is one area's), or None."""
    earlier = history.loc[history["edition"] < edition, "edition"]
    return int(earlier.max()) if not earlier.empty else None


def dropped(history: pd.DataFrame, edition: int) -> pd.DataFrame:
    """Blips on the area's radar in the edition before ``edition`` that are gone in ``edition``.

    ``history`` is one area's :func:`area_history`; the rows returned are those
    of the earlier edition.
    """
    years = sorted(history["edition"].unique())
    earlier = [y for y in years if y < edition]
    if not earlier:
        return history.iloc[0:0]
    before = history[history["edition"] == earlier[-1]]
    now = set(history.loc[history["edition"] == edition, "id"])
    return before[~before["id"].isin(now)]


@dataclass(frozen=True)
class Comparison:
    """Two editions of one area's radar side by side.

    Attributes
    ----------
    area, earlier, later
        The area and the two editions compared.
    changes
        One row per technology on either radar: ``id, sector, kind`` (a
        :class:`Movement`: ``new`` = only on the later radar and on no radar
        before it, ``returned`` = only on the later radar but on one before
        the earlier, ``dropped`` = only on the earlier one), ``ring_before``,
        ``ring_after``, and the positions ``x_before, y_before, x_after,
        y_after`` (missing where the blip is not on that radar).
    ring_counts
        One row per ring, inside out: ``ring``, ``earlier``, ``later`` (blips in
        that ring in each edition).
    """

    area: str
    earlier: int
    later: int
    changes: pd.DataFrame
    ring_counts: pd.DataFrame

    def of_kind(self, kind: Movement) -> pd.DataFrame:
        """The changes of one kind."""
        return self.changes[self.changes["kind"] == kind.value]

    def groups(self, ring_ids: Sequence[str]) -> list[tuple[Movement, str | None, list[str]]]:
        """The changes as a reader takes them in: "3 moved into KLAR", new, dropped.

        Returns ``(kind, ring, ids)`` triples: blips that moved in, by the ring
        they moved into (inside out); that moved out, by the ring they moved
        out to; new ones by their ring; returned ones by their ring; then the
        dropped ones (ring None, as they are on no radar now). Unchanged blips are left out.
        """
        out: list[tuple[Movement, str | None, list[str]]] = []
        for kind in (Movement.IN, Movement.OUT, Movement.NEW, Movement.RETURNED):
            rows = self.of_kind(kind)
            for ring in ring_ids:
                ids = rows.loc[rows["ring_after"] == ring, "id"].tolist()
                if ids:
                    out.append((kind, ring, ids))
        gone = self.of_kind(Movement.DROPPED)["id"].tolist()
        if gone:
            out.append((Movement.DROPPED, None, gone))
        return out


def compare_editions(
    history: pd.DataFrame, earlier: int, later: int, ring_ids: Sequence[str]
) -> Comparison:
    """Compare two editions of one area's radar directly (not step by step).

    Parameters
    ----------
    history
        One area's :func:`area_history`.
    earlier, later
        The editions; ``earlier`` should be before ``later`` (they are swapped
        if not, so a comparison always reads forwards in time).
    ring_ids
        Ring ids inside out.
    """
    if earlier > later:
        earlier, later = later, earlier
    area = str(history["area"].iloc[0]) if not history.empty else ""
    columns = ["id", "sector", "ring", "x", "y", "shown"]
    before = history.loc[history["edition"] == earlier, columns]
    after = history.loc[history["edition"] == later, columns]
    merged = before.merge(after, on="id", how="outer", suffixes=("_before", "_after"))
    merged["sector"] = merged["sector_after"].fillna(merged["sector_before"])
    rank = {r: i for i, r in enumerate(ring_ids)}
    was = merged["ring_before"].map(rank)
    now = merged["ring_after"].map(rank)
    merged["kind"] = np.select(
        [was.isna(), now.isna(), now < was, now > was],
        [Movement.NEW.value, Movement.DROPPED.value, Movement.IN.value, Movement.OUT.value],
        default=Movement.SAME.value,
    )
    # Absent from the earlier radar but on an even earlier one: back after a
    # pause, as the radar's own movement (derive_movement's ``returned``) says.
    seen_before = set(history.loc[history["edition"] < earlier, "id"])
    returned = (merged["kind"] == Movement.NEW.value) & merged["id"].isin(seen_before)
    merged.loc[returned, "kind"] = Movement.RETURNED.value
    changes = merged[
        [
            "id",
            "sector",
            "kind",
            "ring_before",
            "ring_after",
            "x_before",
            "y_before",
            "x_after",
            "y_after",
            "shown_before",
            "shown_after",
        ]
    ].sort_values(["kind", "id"], ignore_index=True)
    counts = pd.DataFrame(
        {
            "ring": list(ring_ids),
            "earlier": [int((before["ring"] == r).sum()) for r in ring_ids],
            "later": [int((after["ring"] == r).sum()) for r in ring_ids],
        }
    )
    return Comparison(area, earlier, later, changes, counts)
