"""Radar geometry: the rings and sectors as bands and wedges, and the slots a cell offers.

Geometry
--------
The radar is the unit disc centred on (0, 0). Rings are concentric bands given
inside out (ring 0 is the innermost, a full disc); sectors are equal wedges,
sector 0 starting at 12 o'clock and the sectors following clockwise (a single
sector is the whole disc, from 3 o'clock round; see :func:`sector_edges`). Angles are
ordinary mathematical angles in radians, counter-clockwise from the positive x
axis, so a point at polar ``(rho, theta)`` is drawn at ``x = rho * cos(theta)``,
``y = rho * sin(theta)``; because the sectors run clockwise, the sector edges
*decrease* from ``pi / 2`` (12 o'clock) to ``pi / 2 - 2 * pi``. A ring × sector
pair is a *cell*; a blip's position depends only on the blips of its own cell.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import numpy as np

from radar.theme import (
    BLIP_GAP,
    BORDER_CLEARANCE,
    DEFAULT_BLIP_RADIUS,
    LABEL_BAND_HALF_WIDTH,
    MIN_BLIP_RADIUS,
)

__all__ = [
    "MAX_RINGS",
    "MAX_SECTORS",
    "MIN_RINGS",
    "MIN_SECTORS",
    "Cell",
    "cell_capacity",
    "cell_geometry",
    "cell_slots",
    "label_border",
    "radius_ladder",
    "ring_edges",
    "sector_edges",
]

#: Supported numbers of sectors and rings. One sector is the whole disc, a
#: wedge of 360 degrees whose two borders are the same ray (see
#: :func:`sector_edges`); the border clearance holds for it because the blips
#: on either side of that ray stay clear of it. Wider wedges than a half-disc
#: occur only then. The radar is designed (and tested) for 1..12 sectors and
#: 1..8 rings.
MIN_SECTORS: Final[int] = 1
MAX_SECTORS: Final[int] = 12
MIN_RINGS: Final[int] = 1
MAX_RINGS: Final[int] = 8

# Where the border of a one-sector radar lies: 3 o'clock. See sector_edges.
_ONE_SECTOR_SEAM: Final[float] = 0.0
# Where sector 0 starts on a radar of two or more: 12 o'clock.
_FIRST_BORDER: Final[float] = math.pi / 2.0

# Width of the innermost ring in units of the width of each other ring. The
# inner ring is a disc whose wedges narrow to a point and it holds the many
# mature blips, so it gets a double share; see ring_edges.
_INNER_RING_SHARE: Final[float] = 2.0

# Number of radii on the shrink ladder, both ends included; about 8 % per step
# keeps the jump in size small when one more blip arrives in a cell.
_RADIUS_STEPS: Final[int] = 13

# Relative slack in floor() so that a lattice that fits exactly is not lost to
# float rounding; far below the blip gap, so it cannot cause an overlap.
_EPS: Final[float] = 1e-9


@dataclass(frozen=True, slots=True)
class Cell:
    """One ring × sector cell of the radar.

    Attributes
    ----------
    r_inner, r_outer
        Radii of the ring band's borders (``r_inner`` is 0 for the inner ring).
    theta_start, theta_end
        Angles (radians, counter-clockwise from the positive x axis) of the
        wedge borders; the sector runs clockwise from ``theta_start`` down to
        ``theta_end = theta_start - width``.
    clear_start, clear_end
        Extra clearance (radar units) that blips keep from the border at
        ``theta_start`` and at ``theta_end``: the half-width of the ring-label
        band when that border carries it (see :func:`label_border`), else 0.
    clear_centre
        The band's half-width for every cell: the band starts at the centre,
        so a blip of a cell not beside it keeps that much more room from the
        centre too (it matters in the inner ring, where wedges meet).
    """

    r_inner: float
    r_outer: float
    theta_start: float
    theta_end: float
    clear_start: float = 0.0
    clear_end: float = 0.0
    clear_centre: float = 0.0

    @property
    def width(self) -> float:
        """Angular width of the wedge in radians."""
        return self.theta_start - self.theta_end


def _check_count(what: str, n: int, low: int, high: int) -> None:
    if not low <= n <= high:
        raise ValueError(f"the radar needs {low} to {high} {what}, got {n}")


def ring_edges(n_rings: int) -> np.ndarray:
    """Radii of the ring borders, from the centre (0) to the outer edge (1).

    The innermost ring is ``w = 2`` times as wide as each of the other rings,
    which share the rest equally::

        edges[0] = 0,  edges[k] = (k - 1 + w) / (n - 1 + w)  for k = 1..n

    so with ``w = 2`` simply ``edges[k] = (k + 1) / (n + 1)``: 3 rings give
    ``[0, .5, .75, 1]``, 4 rings ``[0, .4, .6, .8, 1]``, 5 rings
    ``[0, .33, .5, .67, .83, 1]`` and 6 rings ``[0, .29, .43, .57, .71, .86, 1]``.
    The inner ring's wedges narrow to a point at the centre and it holds the
    many mature blips, hence its double width.

    Parameters
    ----------
    n_rings
        Number of rings, ``MIN_RINGS..MAX_RINGS``.

    Returns
    -------
    ``n_rings + 1`` increasing radii; ring ``k`` is the band ``edges[k]..edges[k + 1]``.
    """
    _check_count("rings", n_rings, MIN_RINGS, MAX_RINGS)
    k = np.arange(1, n_rings + 1, dtype=float)
    outer = (k - 1.0 + _INNER_RING_SHARE) / (n_rings - 1.0 + _INNER_RING_SHARE)
    return np.concatenate(([0.0], outer))


def sector_edges(n_sectors: int) -> np.ndarray:
    """Angles of the sector borders: equal wedges, clockwise from 12 o'clock.

    Angles are mathematical: radians, counter-clockwise from the positive x
    axis, so the border at angle ``theta`` is the ray through
    ``(cos(theta), sin(theta))``. Sector ``k`` runs clockwise from ``edges[k]``
    to ``edges[k + 1]``; sector 0 starts at 12 o'clock (``pi / 2``), so the
    edges decrease: ``edges[k] = pi / 2 - 2 * pi * k / n_sectors``.

    A single sector is the whole disc, from 3 o'clock (angle 0) clockwise
    round to 3 o'clock again: ``[0, -2 * pi]``. Its seam is no border between
    categories (none is drawn), only where the wedge's slots start and end,
    and it carries the ring names (:func:`label_border`). At 3 o'clock they
    read left to right, outwards from the centre, along the horizontal
    radius, which is where a reader of the common four-quadrant radars finds
    them; a seam at 12 o'clock would turn them on their side.

    Parameters
    ----------
    n_sectors
        Number of sectors, ``MIN_SECTORS..MAX_SECTORS``.

    Returns
    -------
    ``n_sectors + 1`` decreasing angles in radians, from ``pi / 2`` to
    ``pi / 2 - 2 * pi`` (one sector: from 0 to ``-2 * pi``).
    """
    _check_count("sectors", n_sectors, MIN_SECTORS, MAX_SECTORS)
    first = _ONE_SECTOR_SEAM if n_sectors == 1 else _FIRST_BORDER
    return first - np.linspace(0.0, 2.0 * math.pi, n_sectors + 1)


@lru_cache(maxsize=64)
def label_border(n_sectors: int) -> int:
    """Index (into :func:`sector_edges`) of the sector border that carries the ring labels.

    The border closest to horizontal, so the ring names read left to right
    along it; of two equally level borders the one pointing right (the
    labels then run outwards as they are read), then the first.
    """
    angles = sector_edges(n_sectors)[:-1]
    # Rounded so that borders equally level in exact arithmetic tie.
    keys = [(round(abs(math.sin(a)), 9), -round(math.cos(a), 9), k) for k, a in enumerate(angles)]
    return min(keys)[2]


@lru_cache(maxsize=4096)
def cell_geometry(
    ring: int,
    sector: int,
    n_rings: int,
    n_sectors: int,
    band: float = LABEL_BAND_HALF_WIDTH,
) -> Cell:
    """The cell of ring index ``ring`` and sector index ``sector``.

    Parameters
    ----------
    ring, sector
        Zero-based indices (ring 0 is the innermost, sector 0 starts at 12 o'clock).
    n_rings, n_sectors
        Numbers of rings and sectors of the radar.
    band
        Half-width (radar units) of the ring-label band along the
        :func:`label_border`: the cells on both sides of it keep that much
        more room from it, so no blip can cover a ring label.

    Returns
    -------
    The cell, with the same borders as :func:`ring_edges` and :func:`sector_edges`.
    """
    radii = ring_edges(n_rings)
    angles = sector_edges(n_sectors)
    if not (0 <= ring < n_rings and 0 <= sector < n_sectors):
        raise ValueError(f"no cell ({ring}, {sector}) on a {n_rings} × {n_sectors} radar")
    if band < 0:
        raise ValueError(f"the label band cannot be negative, got {band}")
    border = label_border(n_sectors)
    return Cell(
        float(radii[ring]),
        float(radii[ring + 1]),
        float(angles[sector]),
        float(angles[sector + 1]),
        float(band) if sector == border else 0.0,
        float(band) if (sector + 1) % n_sectors == border else 0.0,
        float(band),
    )


def radius_ladder() -> np.ndarray:
    """Blip radii a crowded cell steps down through, largest first.

    Returns
    -------
    Geometric steps from ``DEFAULT_BLIP_RADIUS`` down to ``MIN_BLIP_RADIUS``
    (which must be at least 0.01 so that a blip stays clickable).
    """
    return _radius_ladder().copy()


@lru_cache(maxsize=64)
def _radius_ladder(floor: float = MIN_BLIP_RADIUS) -> np.ndarray:
    """The ladder, cut at ``floor``: its rungs above ``floor``, then ``floor`` itself.

    A figure too small for readable numbers at the theme's minimum asks for a
    higher floor; a floor above ``DEFAULT_BLIP_RADIUS`` is the only rung.
    """
    if not 0.01 <= MIN_BLIP_RADIUS <= DEFAULT_BLIP_RADIUS:
        raise ValueError("theme needs 0.01 <= MIN_BLIP_RADIUS <= DEFAULT_BLIP_RADIUS")
    if floor < MIN_BLIP_RADIUS:
        raise ValueError(f"the radius floor cannot be below {MIN_BLIP_RADIUS}, got {floor}")
    steps = np.arange(_RADIUS_STEPS) / (_RADIUS_STEPS - 1)
    ladder = DEFAULT_BLIP_RADIUS * (MIN_BLIP_RADIUS / DEFAULT_BLIP_RADIUS) ** steps
    # Pin the last step exactly, so the floor is reached without rounding.
    ladder[-1] = MIN_BLIP_RADIUS
    if floor > MIN_BLIP_RADIUS:
        ladder = np.append(ladder[ladder > floor * (1.0 + _EPS)], floor)
    ladder.setflags(write=False)
    return ladder


# --- Slot generation -------------------------------------------------------


def _spread(
    low: float | np.ndarray,
    high: float | np.ndarray,
    count: int,
    min_step: float | np.ndarray,
) -> np.ndarray:
    """``count`` points spread evenly over ``[low, high]``, at least ``min_step`` apart.

    With room to spare each point sits in the middle of an equal share of the
    range (a few blips look evenly spread, not pushed to the ends); when the
    shares would be narrower than ``min_step`` the points run end to end.
    The caller guarantees ``(count - 1) * min_step <= high - low``.
    """
    span = high - low
    if count == 1:
        return np.atleast_1d((low + high) / 2.0)
    step = span / count
    if step < min_step:
        step = span / (count - 1)
    start = low + (span - (count - 1) * step) / 2.0
    return start + step * np.arange(count)


def _edge_turn(margin: float, rho: float | np.ndarray) -> np.ndarray:
    """Smallest angle from a border ray at which a point at ``rho`` is ``margin`` clear of it."""
    # A blip at angle t from a border ray keeps distance rho * sin(t) from it
    # (or rho, from the apex, past 90 degrees), so it needs t >= asin(margin / rho).
    return np.arcsin(np.minimum(margin / np.asarray(rho, dtype=float), 1.0))


def _row_capacity(
    rho: np.ndarray, width: float, margins: tuple[float, float], pitch: float
) -> np.ndarray:
    """How many slots fit on arcs of radius ``rho`` of a wedge of angle ``width``.

    ``margins`` are the clearances from the first and the second border.
    """
    usable = width - _edge_turn(margins[0], rho) - _edge_turn(margins[1], rho)
    chord = np.arcsin(np.minimum(pitch / (2.0 * rho), 1.0)) * 2.0
    cap = np.floor(usable / chord + _EPS).astype(int) + 1
    # An arc shorter than one pitch across can hold only one blip.
    cap[pitch >= 2.0 * rho] = 1
    cap[usable < -_EPS] = 0
    return cap


@dataclass(frozen=True, slots=True)
class _RowPlans:
    """Every way of laying rows in a cell at one radius (``rows[k - 1]`` has k rows)."""

    rows: tuple[np.ndarray, ...]
    caps: tuple[np.ndarray, ...]
    margins: tuple[float, float]  # clearance from the first and the second border
    pitch: float
    aspect: float  # usable radial depth / usable arc length at mid depth
    capacity: int  # slots of the densest plan


@lru_cache(maxsize=4096)
def _row_plans(
    r_inner: float,
    r_outer: float,
    width: float,
    radius: float,
    clear_start: float = 0.0,
    clear_end: float = 0.0,
    clear_centre: float = 0.0,
) -> _RowPlans:
    margin = radius * (1.0 + BORDER_CLEARANCE)
    margins = (margin + clear_start, margin + clear_end)
    pitch = 2.0 * radius * (1.0 + BLIP_GAP)
    # The wedge is too narrow for a blip until its half-width reaches the
    # larger margin (then both fit, the smaller one with room to spare).
    low = max(r_inner + margin, max(margins) / math.sin(min(width / 2.0, math.pi / 2.0)))
    # Any ray at least a wedge's width away, the label border of a cell not
    # beside it included, is then far enough from every point of the cell.
    low = max(low, (margin + clear_centre) / math.sin(min(width, math.pi / 2.0)))
    high = r_outer - margin
    if high < low:
        return _RowPlans((), (), margins, pitch, 1.0, 0)
    n_max = math.floor((high - low) / pitch + _EPS) + 1
    rows = tuple(_spread(low, high, k, pitch) for k in range(1, n_max + 1))
    caps = tuple(_row_capacity(r, width, margins, pitch) for r in rows)
    mid = (low + high) / 2.0
    arc = mid * (width - float(_edge_turn(margins[0], mid) + _edge_turn(margins[1], mid)))
    aspect = (high - low) / arc if arc > 0 else float(n_max)
    capacity = max(int(c.sum()) for c in caps)
    return _RowPlans(rows, caps, margins, pitch, aspect, capacity)


def _choose_rows(plans: _RowPlans, count: int) -> int:
    """Number of rows for ``count`` slots: about as many rows as columns per unit length."""
    n_max = len(plans.rows)
    # count blips in k rows of count / k: even spacing needs k ~ sqrt(count * depth / length).
    ideal = min(max(round(math.sqrt(count * plans.aspect)), 1), n_max)
    for k in (*range(ideal, n_max + 1), *range(ideal - 1, 0, -1)):
        if k <= count and plans.caps[k - 1].sum() >= count:
            return k
    raise ValueError(f"{count} slots do not fit")  # the callers check capacity first


def _distribute(count: int, caps: np.ndarray) -> np.ndarray:
    """Split ``count`` over rows: one each, the rest in proportion to the room left."""
    room = caps - 1
    extra = count - len(caps)
    total = int(room.sum())
    if extra <= 0 or total == 0:
        return np.ones(len(caps), dtype=int)
    share = extra * room / total
    counts = np.floor(share).astype(int)
    # Largest remainder; the stable sort gives ties to the inner rows.
    left = extra - int(counts.sum())
    counts[np.argsort(-(share - counts), kind="stable")[:left]] += 1
    return counts + 1


@lru_cache(maxsize=8192)
def _local_slots(
    r_inner: float,
    r_outer: float,
    width: float,
    radius: float,
    count: int,
    clear_start: float = 0.0,
    clear_end: float = 0.0,
    clear_centre: float = 0.0,
) -> np.ndarray:
    """Slots as ``(rho, clockwise angle from the first border)``, inner row first; read-only."""
    plans = _row_plans(r_inner, r_outer, width, radius, clear_start, clear_end, clear_centre)
    if count > plans.capacity:
        raise ValueError(f"{count} slots do not fit a cell of capacity {plans.capacity}")
    if count == 0:
        slots = np.empty((0, 2))
    else:
        k = _choose_rows(plans, count)
        rhos, caps = plans.rows[k - 1], plans.caps[k - 1]
        parts = []
        for rho, n in zip(rhos, _distribute(count, caps), strict=True):
            first = float(_edge_turn(plans.margins[0], rho))
            last = width - float(_edge_turn(plans.margins[1], rho))
            chord = 2.0 * math.asin(min(plans.pitch / (2.0 * rho), 1.0))
            turns = _spread(first, last, int(n), chord)
            parts.append(np.column_stack((np.full(len(turns), rho), turns)))
        slots = np.concatenate(parts)
    slots.setflags(write=False)
    return slots


def cell_capacity(cell: Cell, radius: float) -> int:
    """How many blips of ``radius`` fit in ``cell`` without overlap, clear of its borders.

    Parameters
    ----------
    cell
        The cell.
    radius
        The blips' radius.

    Returns
    -------
    The number of slots of the cell's dense lattice.
    """
    return _plans(cell, float(radius)).capacity


def _plans(cell: Cell, radius: float) -> _RowPlans:
    return _row_plans(
        cell.r_inner,
        cell.r_outer,
        cell.width,
        radius,
        cell.clear_start,
        cell.clear_end,
        cell.clear_centre,
    )


def cell_slots(cell: Cell, radius: float, count: int | None = None) -> np.ndarray:
    """Positions available for blips of ``radius`` in ``cell``.

    The slots lie on arcs (rows) at least one blip pitch apart, spread evenly
    through the cell: ``count`` slots for a cell of ``count`` blips, or the
    dense lattice of :func:`cell_capacity` slots when ``count`` is None.

    Parameters
    ----------
    cell
        The cell.
    radius
        The blips' radius.
    count
        How many slots, at most the capacity; None for all of them.

    Returns
    -------
    Array of shape ``(count, 2)`` with the ``x, y`` of each slot, inner rows
    first and clockwise along each row: the order in which blips of falling
    priority take them.
    """
    if count is None:
        count = cell_capacity(cell, radius)
    local = _local_slots(
        cell.r_inner,
        cell.r_outer,
        cell.width,
        float(radius),
        int(count),
        cell.clear_start,
        cell.clear_end,
        cell.clear_centre,
    )
    # Local angles are measured clockwise from the wedge's first border.
    rho, theta = local[:, 0], cell.theta_start - local[:, 1]
    return np.column_stack((rho * np.cos(theta), rho * np.sin(theta)))


@lru_cache(maxsize=8192)
def _fit_radius(cell: Cell, count: int, floor: float = MIN_BLIP_RADIUS) -> tuple[float, int]:
    """The largest ladder radius holding ``count`` blips and its capacity (else the floor)."""
    ladder = _radius_ladder(floor)
    for radius in ladder:
        capacity = _plans(cell, float(radius)).capacity
        if capacity >= count:
            return float(radius), capacity
    return float(ladder[-1]), capacity
