"""Presenter mode: the order a presenter steps through a radar, and where to zoom.

A presenter shows one radar on a projector and walks the room through it one
technology at a time: sector by sector (in catalogue order), inside out (ring
by ring), then by name. That is exactly the order of the blip numbers
(:func:`radar.pipeline.view.number_entries`), so the steps are the blips by number.
Blips hidden behind a "+N" marker are steps too: the figure spotlights their
marker and the page names them.

A step is 1-based; step 0 is the overview, with nothing spotlighted. A
*focus* is a sector id: the figure zooms to that sector's wedge.

Pure data, no Streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from radar import theme
from radar.model import Catalog, Lang, Technology
from radar.pipeline.layout import sector_edges
from radar.pipeline.view import movement_text

__all__ = [
    "Spotlight",
    "Step",
    "clamp_step",
    "focus_after_step",
    "next_step",
    "previous_step",
    "sector_box",
    "spotlight",
    "step_after_focus",
    "step_order",
]


@dataclass(frozen=True)
class Step:
    """One stop of the presentation: a blip of the radar."""

    #: The blip's number on the radar.
    number: int
    #: The technology id.
    technology: str
    sector: str
    ring: str
    #: False when the blip is hidden behind its cell's "+N" marker.
    shown: bool


def step_order(view: pd.DataFrame) -> tuple[Step, ...]:
    """The steps of a radar view: its visible blips by number, hidden "+N" blips included.

    Parameters
    ----------
    view
        Rows from :func:`radar.pipeline.view.build_view` (``number``, ``id``,
        ``sector``, ``ring``, ``shown`` and ``visible``).

    Returns
    -------
    One :class:`Step` per visible blip, sector by sector, inside out, as the
    blips are numbered.
    """
    rows = view[view["visible"]].sort_values("number", kind="stable")
    return tuple(
        Step(
            number=int(row.number),
            technology=str(row.id),
            sector=str(row.sector),
            ring=str(row.ring),
            shown=bool(row.shown),
        )
        for row in rows.itertuples()
    )


def clamp_step(step: int, count: int) -> int:
    """``step`` within ``0..count``: a stale or mistyped link still opens."""
    return max(0, min(int(step), count))


def _sector_steps(steps: Sequence[Step], sector: str) -> list[int]:
    """The (1-based) steps of the blips in ``sector``."""
    return [index for index, s in enumerate(steps, start=1) if s.sector == sector]


def next_step(steps: Sequence[Step], step: int, focus: str | None) -> int:
    """The step after ``step``; with a sector in focus, never one before that sector.

    From the overview of a focused sector (step 0, or any step before the
    sector) the next step is the sector's first blip, not the radar's.
    """
    after = clamp_step(step + 1, len(steps))
    if focus is not None:
        in_sector = _sector_steps(steps, focus)
        if in_sector and after < in_sector[0]:
            return in_sector[0]
    return after


def previous_step(steps: Sequence[Step], step: int, focus: str | None) -> int:
    """The step before ``step``; with a sector in focus, never one after that sector."""
    before = clamp_step(step - 1, len(steps))
    if focus is not None:
        in_sector = _sector_steps(steps, focus)
        if in_sector and before > in_sector[-1]:
            return in_sector[-1]
    return before


def focus_after_step(steps: Sequence[Step], step: int, focus: str | None) -> str | None:
    """The focus once at ``step``: a zoomed view follows the spotlight into the next sector.

    Without a focus, or on the overview (step 0), the focus stays as it is.
    """
    if focus is None or not 0 < step <= len(steps):
        return focus
    return steps[step - 1].sector


def step_after_focus(steps: Sequence[Step], step: int, focus: str | None) -> int:
    """The step once ``focus`` is chosen: kept if it is in that sector, else the overview.

    Zooming to another sector shows that sector without a spotlight first;
    the next step is then its first blip (:func:`next_step`).
    """
    step = clamp_step(step, len(steps))
    if focus is None or step == 0 or steps[step - 1].sector == focus:
        return step
    return 0


def sector_box(
    n_sectors: int,
    index: int,
    *,
    aspect: float,
    margin: float = theme.PRESENTER_FOCUS_MARGIN,
    reach: float = 0.0,
) -> tuple[float, float, float, float]:
    """Axis ranges that frame one sector's wedge, in radar units.

    Parameters
    ----------
    n_sectors
        Number of sectors of the radar.
    index
        The sector's position (0 starts at 12 o'clock; see :mod:`radar.pipeline.layout`).
    aspect
        Width over height of the box, that of the figure's full view, so the
        radar keeps its scale on both axes and the box fills the figure.
    margin
        Room around the wedge (for its label and the blips on its edge).
    reach
        How far (radar units) anything drawn for the sector reaches out of
        its wedge, such as a spotlighted blip drawn larger: the box grows by
        that too, so every blip is whole inside it.

    Returns
    -------
    ``(x0, x1, y0, y1)``: the wedge's bounding box (the centre, its two
    corners on the outer ring and any outermost point of its arc), grown by
    ``margin`` and widened or heightened, about its middle, to ``aspect``.
    """
    if not 0 <= index < n_sectors:
        raise ValueError(f"no sector {index} on a radar of {n_sectors} sectors")
    if aspect <= 0:
        raise ValueError(f"aspect must be positive, got {aspect}")
    edges = sector_edges(n_sectors)
    start, end = float(edges[index]), float(edges[index + 1])  # clockwise: start > end
    angles = [start, end]
    # The arc reaches furthest left, right, up or down where it crosses an axis.
    quarter = math.pi / 2.0
    crossings = range(math.ceil(end / quarter), math.floor(start / quarter) + 1)
    angles += [k * quarter for k in crossings]
    xs = [0.0, *(math.cos(a) for a in angles)]
    ys = [0.0, *(math.sin(a) for a in angles)]
    if reach < 0:
        raise ValueError(f"reach cannot be negative, got {reach}")
    x0, x1 = min(xs) - margin - reach, max(xs) + margin + reach
    y0, y1 = min(ys) - margin - reach, max(ys) + margin + reach
    width, height = x1 - x0, y1 - y0
    if width < height * aspect:
        grow = (height * aspect - width) / 2.0
        x0, x1 = x0 - grow, x1 + grow
    else:
        grow = (width / aspect - height) / 2.0
        y0, y1 = y0 - grow, y1 + grow
    return x0, x1, y0, y1


@dataclass(frozen=True)
class Spotlight:
    """What the big-type panel says about the spotlighted blip."""

    #: 1-based position in the presentation, and the number of steps.
    position: int
    count: int
    number: int
    technology: str
    name: str
    sector: str
    ring: str
    summary: str
    #: How it moved since the area's previous edition, in words.
    movement: str
    #: Hidden behind a "+N" marker: the size of that marker's group, else 0.
    hidden_with: int


def spotlight(
    steps: Sequence[Step],
    step: int,
    view: pd.DataFrame,
    catalog: Catalog,
    technologies: Mapping[str, Technology],
    lang: Lang,
) -> Spotlight | None:
    """The spotlighted blip at ``step`` in ``lang``; None on the overview (step 0).

    ``view`` is the radar view the steps come from (for the movement and the
    size of a "+N" group).
    """
    if not 0 < step <= len(steps):
        return None
    current = steps[step - 1]
    tech = technologies.get(current.technology)
    rows = view[view["id"] == current.technology]
    movement = movement_text(rows.iloc[0].to_dict(), catalog, lang) if not rows.empty else ""
    hidden_with = 0
    if not current.shown:
        hidden_with = sum(
            1
            for s in steps
            if not s.shown and s.sector == current.sector and s.ring == current.ring
        )
    return Spotlight(
        position=step,
        count=len(steps),
        number=current.number,
        technology=current.technology,
        name=tech.label(lang) if tech else current.technology,
        sector=catalog.sector(current.sector).label(lang),
        ring=catalog.ring(current.ring).label(lang),
        summary=tech.summary(lang) if tech else "",
        movement=movement,
        hidden_with=hidden_with,
    )
