"""Blip layout: where each blip of the radar is drawn, and how big.

The geometry (rings, sectors, cells and their slots) is in
:mod:`radar.pipeline.geometry`; its public names are re-exported here.

Algorithm
---------
1. Blips are sorted per cell by priority: score descending (missing or NaN
   scores after all scored blips), then id, which makes the result independent
   of row order.
2. Each cell picks the largest blip radius on a geometric ladder from
   ``DEFAULT_BLIP_RADIUS`` down to ``MIN_BLIP_RADIUS`` at which all its blips
   fit (one radius per cell).
3. *Slot generation* (:func:`cell_slots`): slots lie on arcs ("rows") of the
   cell. Rows are at least one blip pitch apart radially and slots on a row at
   least one pitch apart as chords, so blips can never overlap, and every row
   and slot range is shrunk by the border clearance, so blips stay clear of the
   ring and sector borders. For a few blips the rows and the slots along them
   are spread evenly through the cell instead of being packed at one edge; the
   dense lattice is the same construction asked for ``capacity`` slots.
   Slots come inner row first, so the most mature blips get the inner rows.
4. *Assignment* (:func:`_assign`): blips in priority order take the slots in
   order. If even the minimum radius cannot hold a cell, the last slot of its
   dense lattice becomes the cell's "+N" marker and the lowest-priority blips
   are hidden (``shown = False``) and carry the marker's position.
5. *Pinning* (:func:`_layout_pinned_cell`), only when a ``previous`` layout
   is given: a blip is *kept* when it was shown in ``previous`` in the same
   cell, and keeps its ``x, y`` bit for bit, so a reader comparing editions
   sees only the technologies that moved (or joined) move. The other blips
   of the cell are *newcomers*. A cell without kept blips is laid out as in
   steps 2-4. A cell with kept blips takes the largest ladder radius at which
   (a) the kept blips are still at least one pitch apart and clear of the
   cell's borders (checked on their actual positions, so the radius can grow
   again when a cell empties) and (b) the newcomers fit in *free slots*:
   slots at least one pitch from every kept blip, taken from the evenly
   spread lattice for the cell's total count if that leaves enough of them,
   else from the dense lattice. Newcomers take the free slots in priority
   order, inner rows first. If even the minimum radius leaves too few free
   slots, the kept blips stay, the newcomers of highest priority take all
   free slots but the last, and the last becomes the "+N" marker of the
   other newcomers. Only when no slot at all is free, or when ``previous``
   does not fit this radar (kept blips too close to each other or to a
   border even at the minimum radius, or outside their cell), is the cell
   laid out afresh as in steps 2-4, and its kept blips move.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import numpy as np
import pandas as pd

# The underscored names are the geometry's package-internal helpers, shared
# with the layout but no public API.
from radar.pipeline.geometry import (
    _EPS,
    MAX_RINGS,
    MAX_SECTORS,
    MIN_RINGS,
    MIN_SECTORS,
    Cell,
    _check_count,
    _fit_radius,
    _radius_ladder,
    cell_capacity,
    cell_geometry,
    cell_slots,
    label_border,
    radius_ladder,
    ring_edges,
    sector_edges,
)
from radar.theme import BLIP_GAP, BORDER_CLEARANCE, LABEL_BAND_HALF_WIDTH, MIN_BLIP_RADIUS

__all__ = [
    "MAX_RINGS",
    "MAX_SECTORS",
    "MIN_RINGS",
    "MIN_SECTORS",
    "OUTPUT_COLUMNS",
    "Cell",
    "cell_capacity",
    "cell_geometry",
    "cell_slots",
    "compute_layout",
    "label_border",
    "layout_editions",
    "radius_ladder",
    "ring_edges",
    "sector_edges",
]

#: Columns added by :func:`compute_layout`.
OUTPUT_COLUMNS: Final[tuple[str, ...]] = ("x", "y", "radius", "shown")

_REQUIRED_COLUMNS: Final[tuple[str, ...]] = ("id", "sector", "ring")
_PREVIOUS_COLUMNS: Final[tuple[str, ...]] = ("id", "sector", "ring", "x", "y", "shown")

# Points per distance matrix when pinning, unless one cell has more: small
# cells share a matrix (fewer numpy calls), but the matrix also holds the pairs
# of different cells, wasted work that grows with its square.
_NEAREST_BLOCK: Final[int] = 64


# --- Assignment ------------------------------------------------------------


def _assign(slots: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Give ``count`` blips, in priority order, their positions.

    Returns the ``(count, 2)`` positions and the ``shown`` flags. With more
    blips than slots, the last slot is the "+N" marker: the blips that do not
    fit before it are hidden and carry its position.
    """
    if count <= len(slots):
        return slots[:count], np.ones(count, dtype=bool)
    n_shown = len(slots) - 1
    positions = np.empty((count, 2))
    positions[:n_shown] = slots[:n_shown]
    positions[n_shown:] = slots[-1]
    return positions, np.arange(count) < n_shown


def _layout_cell(
    cell: Cell, count: int, floor: float = MIN_BLIP_RADIUS
) -> tuple[np.ndarray, float, np.ndarray]:
    """Positions, shared radius and shown flags of a cell's ``count`` blips."""
    radius, capacity = _fit_radius(cell, count, floor)
    if capacity == 0:
        raise ValueError(f"a blip of radius {radius} does not fit in {cell}")
    slots = cell_slots(cell, radius, min(count, capacity))
    positions, shown = _assign(slots, count)
    return positions, radius, shown


# --- Pinning ---------------------------------------------------------------


@lru_cache(maxsize=8192)
def _xy_slots(cell: Cell, radius: float, count: int | None) -> np.ndarray:
    """:func:`cell_slots`, cached and read-only: the radius search asks for the same ones often."""
    slots = cell_slots(cell, radius, count)
    slots.setflags(write=False)
    return slots


@lru_cache(maxsize=128)
def _edges(n_rings: int, n_sectors: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`ring_edges` and :func:`sector_edges`, cached and read-only."""
    edges = ring_edges(n_rings), sector_edges(n_sectors)
    for array in edges:
        array.setflags(write=False)
    return edges


def _border_clearance(
    xy: np.ndarray,
    ring: np.ndarray,
    sector: np.ndarray,
    n_rings: int,
    n_sectors: int,
    band: float = LABEL_BAND_HALF_WIDTH,
) -> np.ndarray:
    """Distance of each point to the nearest border of its cell; ``-inf`` outside the cell.

    The border carrying the ring labels counts as ``band`` nearer, as
    :class:`Cell`'s ``clear_start`` and ``clear_end`` do for the slots.
    """
    radii, angles = _edges(n_rings, n_sectors)
    r_inner, r_outer = radii[ring], radii[ring + 1]
    start = angles[sector]
    width = start - angles[sector + 1]  # as Cell.width
    x, y = xy[:, 0], xy[:, 1]
    rho = np.hypot(x, y)
    turn = (start - np.arctan2(y, x)) % (2.0 * math.pi)
    # The inner ring has no inner border; its wedges meet at the apex, which
    # the distance to the sector borders covers.
    clear = np.minimum(r_outer - rho, np.where(r_inner > 0, rho - r_inner, np.inf))
    for t in (turn, width - turn):
        # Past 90 degrees from a border ray the nearest point of it is the apex.
        clear = np.minimum(clear, np.where(t <= math.pi / 2.0, rho * np.sin(t), rho))
    # The label band: a strip along one border ray, from the centre outwards.
    border = angles[label_border(n_sectors)]
    along = np.clip(x * math.cos(border) + y * math.sin(border), 0.0, None)
    to_band = np.hypot(x - along * math.cos(border), y - along * math.sin(border)) - band
    clear = np.minimum(clear, to_band)
    return np.where(turn <= width, clear, -np.inf)


def _square_distances(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Squared distances between the points ``a[i]`` and ``b[j]``, symmetric in ``a`` and ``b``."""
    dx = a[:, 0, None] - b[None, :, 0]
    dy = a[:, 1, None] - b[None, :, 1]
    return dx * dx + dy * dy


def _nearest_in_cell(xy: np.ndarray, cell: np.ndarray) -> np.ndarray:
    """Distance from each point to the nearest other point of its cell (inf if it is alone)."""
    n = len(cell)
    order = np.argsort(cell, kind="stable")
    xy, cell = xy[order], cell[order]
    bounds = np.flatnonzero(np.r_[True, cell[1:] != cell[:-1], True]) if n else np.zeros(1, int)
    nearest = np.full(n, np.inf)
    low = 0
    while low < n:
        # Whole cells in blocks of about _NEAREST_BLOCK points: one small
        # matrix for many small cells, and no huge one for many points.
        high = bounds[np.searchsorted(bounds, low + _NEAREST_BLOCK, side="right") - 1]
        if high <= low:
            high = bounds[np.searchsorted(bounds, low, side="right")]
        block, block_cell = xy[low:high], cell[low:high]
        # Squared distances: np.hypot is several times slower, and the square
        # root of the minimum is the minimum distance.
        square = _square_distances(block, block)
        square[block_cell[:, None] != block_cell[None, :]] = np.inf
        np.fill_diagonal(square, np.inf)
        nearest[low:high] = np.sqrt(square.min(axis=1))
        low = high
    out = np.empty(n)
    out[order] = nearest
    return out


def _free(slots: np.ndarray, kept: np.ndarray, pitch: float) -> np.ndarray:
    """The slots at least one pitch from every kept blip, in slot order."""
    nearest = np.sqrt(_square_distances(slots, kept).min(axis=1))
    return slots[nearest >= pitch * (1.0 - _EPS)]


def _layout_pinned_cell(
    cell: Cell,
    kept: np.ndarray,
    spacing: float,
    clearance: float,
    n_new: int,
    floor: float = MIN_BLIP_RADIUS,
) -> tuple[np.ndarray, float, np.ndarray] | None:
    """Radius, and positions and shown flags of the newcomers, around the fixed ``kept`` blips.

    ``kept`` is the ``(k, 2)`` array of the kept blips' positions, ``spacing``
    the smallest distance between two of them and ``clearance`` their
    smallest distance to a border of the cell. Returns None when the cell
    must be laid out afresh: no free slot at all, or kept blips that are
    invalid even at the minimum radius.
    """
    total = len(kept) + n_new
    best = np.empty((0, 2))
    ladder = _radius_ladder(floor)
    smallest = float(ladder[-1])
    for radius in map(float, ladder):
        pitch = 2.0 * radius * (1.0 + BLIP_GAP)
        # The same relative slack as the lattice's floor(): kept blips placed
        # on a lattice of this radius sit exactly one pitch (or margin) away.
        if spacing < pitch * (1.0 - _EPS):
            continue
        if clearance < radius * (1.0 + BORDER_CLEARANCE) * (1.0 - _EPS):
            continue
        if n_new == 0:
            return np.empty((0, 2)), radius, np.empty(0, dtype=bool)
        capacity = cell_capacity(cell, radius)
        if capacity < n_new and radius != smallest:
            continue  # no lattice of this radius can leave enough free slots
        for count in (total, None) if total <= capacity else (None,):
            free = _free(_xy_slots(cell, radius, count), kept, pitch)
            if len(free) >= n_new:
                return free[:n_new], radius, np.ones(n_new, dtype=bool)
            if radius == smallest and len(free) > len(best):
                best = free
    # Kept blips valid at any rung are valid at the minimum radius too, so
    # either the minimum radius leaves too few free slots or the kept blips do
    # not fit this cell at all (best is then empty).
    if len(best) == 0:
        return None
    positions, shown = _assign(best, n_new)
    return positions, smallest, shown


@dataclass(frozen=True, slots=True)
class _Previous:
    """The parts of a previous layout that pinning reads, checked."""

    ids: np.ndarray  # text, sorted, unique
    cell: np.ndarray  # ring * n_sectors + sector, -1 if not a cell of this radar
    shown: np.ndarray
    xy: np.ndarray

    @classmethod
    def read(cls, previous: pd.DataFrame, sectors: list[str], rings: list[str]) -> _Previous:
        if not isinstance(previous, pd.DataFrame):
            raise TypeError(f"previous must be a DataFrame, got {type(previous).__name__}")
        missing = [c for c in _PREVIOUS_COLUMNS if c not in previous.columns]
        if missing:
            raise ValueError(f"previous lacks the column(s) {missing}")
        ids = previous["id"].to_numpy(dtype=str)
        # Sorting by id makes the rest independent of the row order.
        order = np.argsort(ids, kind="stable")
        ids = ids[order]
        same = ids[1:] == ids[:-1]
        if same.any():
            raise ValueError(f"duplicate blip ids in previous: {np.unique(ids[1:][same]).tolist()}")
        shown = previous["shown"].to_numpy()[order]
        if shown.dtype != bool:
            if not all(v is True or v is False or isinstance(v, np.bool_) for v in shown):
                raise ValueError("previous column 'shown' must hold only True and False")
            shown = shown.astype(bool)
        xy = np.column_stack([previous[c].to_numpy(dtype=float) for c in ("x", "y")])[order]
        bad = np.flatnonzero(shown & ~np.isfinite(xy).all(axis=1))
        if len(bad):
            raise ValueError(f"previous blip {ids[bad[0]]!r} is shown but lacks a finite x, y")
        # Sectors or rings this radar does not have match no cell, so pin nothing.
        sector = _lookup(previous["sector"], sectors)
        ring = _lookup(previous["ring"], rings)
        cell = np.where((sector >= 0) & (ring >= 0), ring * len(sectors) + sector, -1)[order]
        return cls(ids, cell, shown, xy)

    def kept(self, ids: np.ndarray, cell: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Which blips are kept (shown here in the same cell) and their old ``x, y``."""
        match = np.minimum(np.searchsorted(self.ids, ids), max(len(self.ids) - 1, 0))
        if len(self.ids):
            kept = (self.ids[match] == ids) & self.shown[match] & (self.cell[match] == cell)
        else:
            kept = np.zeros(len(ids), dtype=bool)
        xy = np.full((len(ids), 2), np.nan)
        xy[kept] = self.xy[match[kept]]
        return kept, xy


# --- Public entry point ----------------------------------------------------


def _lookup(values: pd.Series, choices: Sequence[str]) -> np.ndarray:
    """Position of each value in ``choices``, -1 where it is not one of them."""
    position = {c: i for i, c in enumerate(choices)}
    # A dict is several times faster than an Index of a few strings; for many
    # rows, looking up only the distinct values is faster still.
    try:
        if len(values) < 1000:
            looked_up = (position.get(v, -1) for v in values.tolist())
            return np.fromiter(looked_up, dtype=np.intp, count=len(values))
        codes, uniques = pd.factorize(values)
        # Code -1 (a missing value) takes the -1 appended at the end.
        found = [position.get(v, -1) for v in uniques.tolist()]
        return np.array([*found, -1], dtype=np.intp)[codes]
    except TypeError:  # an unhashable value
        return pd.Index(choices).get_indexer(values)


def _index_of(values: pd.Series, ids: pd.Series, choices: Sequence[str], what: str) -> np.ndarray:
    index = _lookup(values, choices)
    bad = np.flatnonzero(index < 0)
    if len(bad):
        first = bad[0]
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        raise ValueError(
            f"blip {ids.iloc[first]!r} has unknown {what} {values.iloc[first]!r}{more}; "
            f"expected one of {list(choices)}"
        )
    return index


def _check_ids(name: str, ids: Sequence[str]) -> None:
    if len(set(ids)) != len(ids):
        raise ValueError(f"duplicate {name} ids in {list(ids)}")


def compute_layout(
    blips: pd.DataFrame,
    sectors: Sequence[str],
    rings: Sequence[str],
    previous: pd.DataFrame | None = None,
    *,
    min_radius: float | Mapping[tuple[str, str], float] | Mapping[str, float] = MIN_BLIP_RADIUS,
    band: float = LABEL_BAND_HALF_WIDTH,
) -> pd.DataFrame:
    """Place every blip in its ring × sector cell.

    Parameters
    ----------
    blips
        One row per blip with columns ``id`` (unique), ``sector``, ``ring`` and
        optionally ``score`` (0..1, 1 = most mature). More mature blips sit
        nearer the centre; a missing, NaN or non-numeric score ranks after
        every scored blip of the cell. Other columns are passed through.
    sectors
        Sector ids in drawing order (sector 0 starts at 12 o'clock, clockwise;
        one sector is the whole disc).
    rings
        Ring ids inside out (``rings[0]`` is the innermost).
    previous
        The layout of the previous edition, as returned by this function
        (columns ``id``, ``sector``, ``ring``, ``x``, ``y`` and ``shown`` are
        used, others ignored), or None. A blip shown there in the same sector
        and ring keeps its exact ``x`` and ``y``; see *Pinning* in the module
        docstring. Its row order does not matter.
    min_radius
        The smallest blip radius a crowded cell may shrink to before it hides
        blips behind "+N" (at least ``MIN_BLIP_RADIUS``; above
        ``DEFAULT_BLIP_RADIUS`` every blip gets it), or one per cell
        ``(sector id, ring id)`` or per sector id (cells named neither way
        get ``MIN_BLIP_RADIUS``). A small figure asks for
        more, so its numbers stay readable.
    band
        Half-width of the ring-label band that no blip may enter (see
        :func:`radar.pipeline.geometry.cell_geometry`).

    Returns
    -------
    A new frame with the rows and index of ``blips``, in the same order, plus
    ``x``, ``y`` (radar units, outer edge at radius 1), ``radius`` (drawn
    radius, shared by the cell) and ``shown``. Rows of a cell too crowded to
    show all its blips have ``shown = False`` and carry the position and
    radius of the cell's single "+N" marker; any existing columns of those
    names are replaced.

    Raises
    ------
    ValueError
        For a missing column, duplicate blip ids, a blip with an unknown
        sector or ring (the message names the blip), duplicate sector or ring
        ids, or an unsupported number of sectors or rings; and for a
        ``previous`` with a missing column, duplicate ids, a ``shown`` column
        that is not boolean or a shown row without finite ``x, y``.
    TypeError
        If ``previous`` is neither None nor a DataFrame.
    """
    sectors, rings = list(sectors), list(rings)
    if isinstance(min_radius, Mapping):
        # Per cell, else per sector, else the theme's minimum.
        given: Mapping[Any, float] = min_radius
        floors = [
            float(given.get((s, r), given.get(s, MIN_BLIP_RADIUS))) for r in rings for s in sectors
        ]
    else:
        floors = [float(min_radius)] * (len(sectors) * len(rings))
    _check_count("sectors", len(sectors), MIN_SECTORS, MAX_SECTORS)
    _check_count("rings", len(rings), MIN_RINGS, MAX_RINGS)
    _check_ids("sector", sectors)
    _check_ids("ring", rings)
    missing = [c for c in _REQUIRED_COLUMNS if c not in blips.columns]
    if missing:
        raise ValueError(f"blips lack the column(s) {missing}")

    pinned_to = None if previous is None else _Previous.read(previous, sectors, rings)

    n = len(blips)
    x = np.zeros(n)
    y = np.zeros(n)
    radius = np.zeros(n)
    shown = np.zeros(n, dtype=bool)
    if n:
        ids = blips["id"]
        # Ids are compared as text, so 7 and "7" count as the same id; the
        # ranks of the ids in sorted order break score ties the same way
        # whatever the row order.
        text_ids = ids.to_numpy(dtype=str)
        unique_ids, id_rank, id_count = np.unique(text_ids, return_inverse=True, return_counts=True)
        if (id_count > 1).any():
            raise ValueError(f"duplicate blip ids: {unique_ids[id_count > 1].tolist()}")
        sector = _index_of(blips["sector"], ids, sectors, "sector")
        ring = _index_of(blips["ring"], ids, rings, "ring")
        if "score" in blips.columns:
            score = pd.to_numeric(blips["score"], errors="coerce").to_numpy(
                dtype=float, na_value=np.nan
            )
        else:
            score = np.full(n, np.nan)
        unscored = np.isnan(score)
        cell = ring * len(sectors) + sector
        if pinned_to is None:
            kept, kept_xy = np.zeros(n, dtype=bool), np.empty((n, 2))
        else:
            kept, kept_xy = pinned_to.kept(text_ids, cell)
        order = np.lexsort((id_rank, -np.where(unscored, 0.0, score), unscored, cell))
        cells = cell[order]
        starts = np.flatnonzero(np.r_[True, cells[1:] != cells[:-1]])
        ends = np.r_[starts[1:], n]
        # Per cell, the smallest distance between kept blips and from one to a
        # border: independent of the radius, so the radius search only
        # compares them with each rung's pitch and margin.
        spacing, clearance = np.full(n, np.inf), np.full(n, np.inf)
        if kept.any():
            spacing[kept] = _nearest_in_cell(kept_xy[kept], cell[kept])
            clearance[kept] = _border_clearance(
                kept_xy[kept], ring[kept], sector[kept], len(rings), len(sectors), band
            )
        n_kept = np.add.reduceat(kept[order], starts)
        cell_spacing = np.minimum.reduceat(spacing[order], starts)
        cell_clearance = np.minimum.reduceat(clearance[order], starts)
        for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
            ring_index, sector_index = divmod(int(cells[start]), len(sectors))
            geometry = cell_geometry(ring_index, sector_index, len(rings), len(sectors), band)
            rows = order[start:end]
            placed = None
            if n_kept[i]:
                stay, join = rows[kept[rows]], rows[~kept[rows]]
                placed = _layout_pinned_cell(
                    geometry,
                    kept_xy[stay],
                    float(cell_spacing[i]),
                    float(cell_clearance[i]),
                    len(join),
                    floors[int(cells[start])],
                )
            if placed is None:
                positions, cell_radius, cell_shown = _layout_cell(
                    geometry, len(rows), floors[int(cells[start])]
                )
            else:
                positions, cell_radius, cell_shown = placed
                x[stay], y[stay] = kept_xy[stay, 0], kept_xy[stay, 1]
                radius[stay] = cell_radius
                shown[stay] = True
                rows = join
            x[rows] = positions[:, 0]
            y[rows] = positions[:, 1]
            radius[rows] = cell_radius
            shown[rows] = cell_shown
    added = {"x": x, "y": y, "radius": radius, "shown": shown}
    if blips.columns.nlevels == 1 and not any(c in blips.columns for c in OUTPUT_COLUMNS):
        # One concat is several times faster than four column insertions.
        return pd.concat([blips, pd.DataFrame(added, index=blips.index)], axis=1)
    out = blips.copy()
    for column, values in added.items():
        out[column] = values
    return out


def layout_editions(
    editions: Sequence[pd.DataFrame], sectors: Sequence[str], rings: Sequence[str]
) -> list[pd.DataFrame]:
    """Lay out a run of editions, each pinned to the layout of the one before.

    A technology that stays in its sector and ring from one edition to the
    next keeps its exact position; see *Pinning* in the module docstring.

    Parameters
    ----------
    editions
        The blips of each edition, oldest first, as for :func:`compute_layout`.
        An empty edition pins nothing in the one after it.
    sectors, rings
        As for :func:`compute_layout`, the same for every edition.

    Returns
    -------
    One layout per edition, in the same order, as from :func:`compute_layout`.
    """
    layouts: list[pd.DataFrame] = []
    previous = None
    for blips in editions:
        previous = compute_layout(blips, sectors, rings, previous)
        layouts.append(previous)
    return layouts
