"""Plotly figures of the radar.

The radar is a Cartesian figure with x/y from :mod:`radar.pipeline.layout`, not a polar
one: Cartesian points select by click, box and lasso in Streamlit, and the
blips are drawn as circles in data units, so they keep the layout's
no-overlap guarantee at every screen size. A transparent marker per blip
carries hover and click; a text trace carries the numbers.

Sizes come from the figure's pixel size (:mod:`radar.drawing.sizing`): the
disc fills the figure's height, the sector names sit beside it (or in a key
under it on phones), the ring names in a band no blip enters
(:mod:`radar.drawing.labels`), and every blip is large enough for its number
at 11 px or more, crowded cells hiding the rest behind "+N"
(:func:`fitted_view`).
"""

from __future__ import annotations

import html
import math
import textwrap
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from radar import theme
from radar.drawing import labels as label_places
from radar.drawing import sizing
from radar.drawing.contrast import blip_outline, text_colour_on
from radar.drawing.trails import radial_trails
from radar.i18n import t
from radar.model import Catalog, Lang, Technology
from radar.pipeline.layout import (
    cell_capacity,
    cell_geometry,
    compute_layout,
    ring_edges,
    sector_edges,
)
from radar.pipeline.presenter import sector_box
from radar.pipeline.view import movement_text

__all__ = [
    "CIRCLE_POINTS",
    "DEFAULT_OPTIONS",
    "OVERFLOW_KEY",
    "RadarOptions",
    "blip_outlines",
    "circle_outlines",
    "escape_label",
    "fitted_view",
    "radar_figure",
    "ring_fill",
    "sector_colour",
    "text_colour_on",
]

#: Corners of the polygon that draws a blip: round at every size we draw.
CIRCLE_POINTS = 28
#: Prefix of the click key of a "+N" marker: "overflow:<sector>:<ring>".
OVERFLOW_KEY = "overflow"
# Top margin (pixels) of a figure with a title (the exports').
_TITLE_MARGIN = 60


@dataclass
class _Canvas:
    """Collects shapes, annotations and traces, to make the figure in one go.

    Plotly re-validates every shape on each ``Figure.add_shape``, so adding a
    hundred blips one by one takes seconds; one constructor call takes milliseconds.
    """

    shapes: list[dict[str, Any]] = field(default_factory=list)
    annotations: list[dict[str, Any]] = field(default_factory=list)
    traces: list[go.Scatter] = field(default_factory=list)

    def add_shape(self, **shape: Any) -> None:
        self.shapes.append(shape)

    def add_annotation(self, **annotation: Any) -> None:
        self.annotations.append(annotation)

    def add_trace(self, trace: go.Scatter) -> None:
        self.traces.append(trace)


def sector_colour(position: int) -> str:
    """The colour of the sector at ``position`` (0-based)."""
    return theme.SECTOR_COLOURS[position % len(theme.SECTOR_COLOURS)]


def ring_fill(index: int, n_rings: int) -> str:
    """The band colour of ring ``index`` (0 innermost) of ``n_rings``: darkest outside."""
    return theme.RING_FILLS[min(n_rings - 1 - index, len(theme.RING_FILLS) - 1)]


def escape_label(text: str) -> str:
    """Text safe for Plotly's label markup: only <, > and & need escaping there.

    Plotly renders a subset of HTML in hover labels, legends, titles and tick
    labels, so every text that reaches one is escaped, names from the data and
    texts from the string table alike. Plotly does not decode &quot;, so quotes
    are left as they are.
    """
    return html.escape(text, quote=False)


def _wrap(text: str, width: int) -> str:
    """Escaped text broken into lines of about ``width`` characters, words kept whole."""
    lines = textwrap.wrap(text, width, break_long_words=False)
    return "<br>".join(escape_label(line) for line in lines)


def _background(
    fig: _Canvas,
    catalog: Catalog,
    lang: Lang,
    frame: sizing.Frame,
    rings: label_places.RingLabels,
    *,
    compact: bool,
    high_contrast: bool,
    focus: int | None,
) -> None:
    """Ring bands, sector dividers, ring and sector labels."""
    n_rings = len(catalog.rings)
    edges = ring_edges(n_rings)
    if high_contrast:
        ring_line = {"color": theme.CONTRAST_RING_LINE, "width": theme.CONTRAST_RING_LINE_WIDTH}
        sector_width, ring_text = theme.CONTRAST_SECTOR_LINE_WIDTH, theme.TEXT
    else:
        ring_line = {"color": theme.RING_LINE, "width": 1}
        sector_width, ring_text = 3, theme.MUTED_TEXT
    for index in range(n_rings - 1, -1, -1):
        outer = float(edges[index + 1])
        fig.add_shape(
            type="circle",
            x0=-outer,
            y0=-outer,
            x1=outer,
            y1=outer,
            fillcolor=ring_fill(index, n_rings),
            line=ring_line,
            layer="below",
        )
    # One category has no border between categories: its seam only marks
    # where the ring names go, and a line there would cut the disc in two.
    n_sectors = len(catalog.sectors)
    dividers = sector_edges(n_sectors)[:-1] if n_sectors > 1 else np.empty(0)
    for angle in dividers:
        x, y = math.cos(float(angle)), math.sin(float(angle))
        fig.add_shape(
            type="line",
            x0=0,
            y0=0,
            x1=x,
            y1=y,
            line={"color": theme.SECTOR_LINE, "width": sector_width},
            layer="below",
        )
    # Ring names in the band along one sector border, which no blip enters.
    for ring in rings.labels:
        fig.add_annotation(
            x=ring.x,
            y=ring.y,
            text=f"<b>{escape_label(ring.text)}</b>",
            hovertext=escape_label(ring.full_text) if ring.text != ring.full_text else None,
            showarrow=False,
            textangle=ring.angle,
            xanchor="center",
            yanchor="middle",
            borderpad=1,
            name=f"ring-label:{ring.ring}",
            font={"size": ring.font, "color": ring_text},
        )
    names = [sector.label(lang) for sector in catalog.sectors]
    font = {"size": frame.sector_font, "color": theme.TEXT}
    if compact:
        # On phones the sector names go in a key under the radar: around it they do not fit.
        for label in label_places.sector_key(names, frame):
            fig.add_annotation(
                x=label.x,
                y=label.y,
                text=_sector_label(label.lines, label.position),
                showarrow=False,
                xanchor=label.xanchor,
                yanchor=label.yanchor,
                align="left",
                name=f"sector-label:{catalog.sectors[label.position].id}",
                font=font,
            )
        return
    for label in label_places.sector_labels(names, frame):
        fig.add_annotation(
            x=label.x,
            y=label.y,
            text=_sector_label(label.lines, label.position),
            showarrow=False,
            xanchor=label.xanchor,
            yanchor=label.yanchor,
            align=label.xanchor,
            name=f"sector-label:{catalog.sectors[label.position].id}",
            opacity=1.0 if focus in (None, label.position) else theme.SPOTLIGHT_DIM_OPACITY,
            font=font,
        )
    if focus is not None:
        # The zoomed wedge's name, in the view's top left corner whatever the zoom.
        fig.add_annotation(
            x=0.0,
            y=1.0,
            xref="paper",
            yref="paper",
            text=_sector_label(tuple(textwrap.wrap(names[focus], 40)), focus),
            showarrow=False,
            xanchor="left",
            yanchor="top",
            align="left",
            name="focus-label",
            bgcolor=theme.BACKGROUND,
            font=font,
        )


def _sector_label(lines: tuple[str, ...], position: int) -> str:
    colour = sector_colour(position)
    text = "<br>".join(escape_label(line) for line in lines)
    return f"<span style='color:{colour}'>■</span> <b>{text}</b>"


@dataclass(frozen=True)
class RadarOptions:
    """How a radar is drawn: everything about a figure but its data.

    The page's radar uses the defaults; :meth:`presenter` gives the projector's.

    Attributes
    ----------
    selected
        Id of the technology whose details are open; it gets a dark outline.
    height
        Figure height in pixels; the disc fills it (less the margins, the
        title and, on phones, the sector key).
    width
        Figure width in pixels, when the caller knows it (the page passes the
        browser window's); else :data:`radar.theme.FIGURE_ASPECT` × height
        (phones: as wide as the disc). The view's ranges and every font size
        come from this real size.
    scale
        Multiplies every label's font size (presenter mode, exports).
    title
        Optional title above the radar (exports); none on the page.
    compact
        For phones: the sector names in a key under the disc, which fills the width.
    spotlight
        Presenter mode: id of the one technology to show; every other blip is
        dimmed and it is drawn larger, outlined, with its name beside it. A
        blip hidden behind a "+N" marker lights up that marker instead.
    focus_sector
        Presenter mode: id of a sector to zoom to (its wedge and all its blips
        fill the figure; see :func:`radar.pipeline.presenter.sector_box`); the
        other sectors are dimmed. Not on phones (``compact``).
    x_extent
        Without a ``width``: the figure is as wide as a view this many radar
        units either side of the centre needs (the disc filling the height).
        Not on phones.
    high_contrast
        Darker, thicker ring lines, wider sector gaps and ring names in the
        text colour, for projectors.
    number_scale
        Multiplies the size of the blip numbers: at 1 (or None) a number fills
        its blip, larger ones spill over it.

    """

    selected: str | None = None
    height: int = theme.FIGURE_HEIGHT
    width: int | None = None
    scale: float = 1.0
    title: str | None = None
    compact: bool = False
    spotlight: str | None = None
    focus_sector: str | None = None
    x_extent: float | None = None
    high_contrast: bool = False
    number_scale: float | None = None

    @classmethod
    def presenter(
        cls,
        *,
        spotlight: str | None = None,
        focus_sector: str | None = None,
        width: int | None = None,
        height: int = theme.PRESENTER_FIGURE_HEIGHT,
    ) -> RadarOptions:
        """A projector's radar: full height, large high-contrast type, one blip spotlighted.

        ``width`` and ``height`` are the figure's pixels on the presenter page
        (1024 × 768 up to 3840 × 2160 screens).
        """
        low, high = theme.PRESENTER_GROWTH_RANGE
        growth = min(max(height / theme.PRESENTER_FIGURE_HEIGHT, low), high)
        return cls(
            spotlight=spotlight,
            focus_sector=focus_sector,
            width=width,
            height=height,
            scale=theme.PRESENTER_SCALE * growth,
            x_extent=theme.PRESENTER_X_EXTENT if width is None else None,
            high_contrast=True,
            number_scale=theme.PRESENTER_NUMBER_SCALE,
        )

    def _min_label(self) -> float:
        """The smallest sector name: a projector's grows with its screen, so a 4K
        screen is laid out as a 1920 × 1080 one at twice the size."""
        if not self.high_contrast:
            return theme.MIN_FONT
        return theme.PRESENTER_MIN_LABEL * max(1.0, self.scale / theme.PRESENTER_SCALE)

    def frame(self, n_sectors: int, column_em: float = theme.SECTOR_COLUMN_EM) -> sizing.Frame:
        """The disc's pixel size and the view's ranges for this figure.

        ``column_em`` is the room (em) the sector names beside the disc need
        at least: :func:`column_em` of the catalogue's names.
        """
        height = self.height
        if self.compact and self.width is None:
            height = min(height, theme.COMPACT_FIGURE_HEIGHT)
        top = _TITLE_MARGIN if self.title else theme.FIGURE_MARGIN
        width = self.width
        if width is None and self.x_extent is not None and not self.compact:
            # As wide as the half-width asks for with the disc filling the height.
            pixels = (height - theme.FIGURE_MARGIN - top) / 2.0 / (1.0 + theme.DISC_RIM)
            width = round(2 * self.x_extent * pixels) + 2 * theme.FIGURE_MARGIN
        frame = sizing.frame(
            height=height,
            width=width,
            scale=self.scale,
            compact=self.compact,
            n_sectors=n_sectors,
            top_margin=top,
            column_em=column_em,
            min_label=self._min_label(),
        )
        return frame


#: The page's radar.
DEFAULT_OPTIONS = RadarOptions()


def column_em(catalog: Catalog, lang: Lang) -> float:
    """Width (em) of the sector-name column: the longest word and the colour square before it."""
    words = [w for s in catalog.sectors for w in s.label(lang).split()]
    return max((sizing.text_width_em(w) for w in words), default=0.0) + 1.6


def _ring_labels(catalog: Catalog, lang: Lang, frame: sizing.Frame) -> label_places.RingLabels:
    names = [(ring.id, ring.label(lang)) for ring in catalog.rings]
    return label_places.ring_labels(
        names, len(catalog.sectors), frame, max_band=_widest_band(catalog)
    )


def _widest_band(catalog: Catalog) -> float:
    """The widest label band that leaves every cell room for one blip of the smallest size.

    Narrow wedges (many sectors) beside the band need it: their ring names
    then get smaller type rather than their cells no blip.
    """
    return _widest_band_for(len(catalog.rings), len(catalog.sectors))


@lru_cache(maxsize=128)
def _widest_band_for(n_rings: int, n_sectors: int) -> float:
    band = theme.MAX_LABEL_BAND
    while band > theme.LABEL_BAND_HALF_WIDTH:
        cells = (
            cell_geometry(r, s, n_rings, n_sectors, band)
            for r in range(n_rings)
            for s in range(n_sectors)
        )
        if all(cell_capacity(c, theme.MIN_BLIP_RADIUS) >= 1 for c in cells):
            return band
        band = max(band * 0.95, theme.LABEL_BAND_HALF_WIDTH)
    return band


Floors = dict[tuple[str, str], float]


def _radius_floors(view: pd.DataFrame, catalog: Catalog, pixels: float) -> Floors:
    """Per cell, the smallest blip radius (radar units) whose numbers fit at 11 px.

    Numbers run sector by sector, so a cell's widest number is about its
    sector's; the shapes' inner circles are the cell's own.
    """
    sectors = view["sector"].tolist()
    rings = view["ring"].tolist()
    numbers = view["number"].tolist() if "number" in view.columns else [0] * len(sectors)
    kinds = view["movement"].tolist() if "movement" in view.columns else ["same"] * len(sectors)
    digits: dict[tuple[str, str], int] = {}
    shrink: dict[tuple[str, str], float] = {}
    for key, number, kind in zip(zip(sectors, rings, strict=True), numbers, kinds, strict=True):
        # At least two digits' room: a cell of single digits would otherwise
        # get blips visibly smaller than its neighbours'.
        digits[key] = max(digits.get(key, 2), len(str(number)))
        scale = theme.SHAPE_NUMBER_SCALE.get(kind if isinstance(kind, str) else "same", 1.0)
        shrink[key] = min(shrink.get(key, 1.0), scale)
    return {
        key: max(
            sizing.number_radius_px(theme.MIN_FONT, shrink[key], digits[key]) / pixels,
            theme.MIN_BLIP_RADIUS,
        )
        for key in digits
    }


def fitted_view(
    view: pd.DataFrame, catalog: Catalog, lang: Lang, options: RadarOptions = DEFAULT_OPTIONS
) -> pd.DataFrame:
    """``view`` laid out again where the figure's pixel size asks for it, else ``view`` itself.

    A blip too small for its number at 11 px at this figure's size, or inside
    the band its ring names need, moves: its cell is laid out again with
    blips at least that large and clear of the band (pinned to ``view``, so
    blips that still fit keep their place), and a crowded cell shows fewer
    blips and more behind its "+N" marker. :func:`radar_figure` draws this
    view; a page that lists a "+N" marker's blips asks it which they are.
    """
    frame = options.frame(len(catalog.sectors), column_em(catalog, lang))
    band = _ring_labels(catalog, lang, frame).band
    if view.empty or not {"x", "y", "radius", "shown", "sector", "ring", "id"} <= set(view.columns):
        return view
    floors = _radius_floors(view, catalog, frame.pixels)
    floors = _marker_floors(view, floors, frame.pixels)
    cells = zip(view["sector"].tolist(), view["ring"].tolist(), strict=True)
    need = np.fromiter((floors[c] for c in cells), dtype=float, count=len(view))
    too_small = view["radius"].to_numpy(dtype=float) < need * (1 - 1e-9)
    if band <= theme.LABEL_BAND_HALF_WIDTH * (1 + 1e-9) and not too_small.any():
        return view
    previous = view[["id", "sector", "ring", "x", "y", "shown"]]
    blips = view.drop(columns=["x", "y", "radius", "shown"])
    placed = view
    # Twice at most: a cell that now overflows needs room for its "+N" too.
    for _ in range(2):
        floors = _feasible_floors(floors, catalog, band)
        placed = compute_layout(
            blips, catalog.sector_ids, catalog.ring_ids, previous, min_radius=floors, band=band
        )
        wider = _marker_floors(placed, floors, frame.pixels)
        if wider == floors:
            break
        floors = wider
    return placed[view.columns]


def _marker_floors(view: pd.DataFrame, floors: Floors, pixels: float) -> Floors:
    """``floors`` raised where a cell's "+N" marker needs a larger blip for N at 11 px."""
    hidden = ~view["shown"].to_numpy(dtype=bool)
    if not hidden.any():
        return floors
    raised = dict(floors)
    # A plain Counter: a pandas groupby costs more than the rest of this check.
    sectors = view["sector"].to_numpy()[hidden].tolist()
    cells = Counter(zip(sectors, view["ring"].to_numpy()[hidden].tolist(), strict=True))
    for cell, count in cells.items():
        # "+N" is one character wider than N, and the marker is a plain circle.
        need = sizing.number_radius_px(theme.MIN_FONT, 1.0, len(str(count)) + 1) / pixels
        raised[cell] = max(raised.get(cell, theme.MIN_BLIP_RADIUS), need)
    return raised


def _feasible_floors(floors: Floors, catalog: Catalog, band: float) -> Floors:
    """``floors`` lowered where a cell could not hold even one blip that large.

    Such a cell's numbers end up below 11 px: a smaller blip rather than none.
    """
    n_rings, n_sectors = len(catalog.rings), len(catalog.sectors)
    sector_index = {s: i for i, s in enumerate(catalog.sector_ids)}
    ring_index = {r: i for i, r in enumerate(catalog.ring_ids)}
    feasible = {}
    for (sector, ring), floor in floors.items():
        if sector not in sector_index or ring not in ring_index:
            continue  # compute_layout names the unknown cell
        cell = cell_geometry(ring_index[ring], sector_index[sector], n_rings, n_sectors, band)
        while floor > theme.MIN_BLIP_RADIUS and cell_capacity(cell, floor) < 1:
            floor = max(floor * 0.92, theme.MIN_BLIP_RADIUS)
        feasible[(sector, ring)] = floor
    return feasible


def radar_figure(
    view: pd.DataFrame,
    catalog: Catalog,
    technologies: Mapping[str, Technology],
    lang: Lang,
    options: RadarOptions = DEFAULT_OPTIONS,
    *,
    trails: pd.DataFrame | None = None,
) -> go.Figure:
    """Draw one radar view.

    Parameters
    ----------
    view
        Rows from :func:`radar.pipeline.view.build_view`: placed blips with ``number``,
        ``visible`` and ``match`` flags. Rows not ``visible`` are left out;
        rows not matching the search are dimmed. Blips too small for the
        figure's size are laid out again first (:func:`fitted_view`).
    catalog
        Rings and sectors, in order.
    technologies
        Names and one-line descriptions for the hover labels.
    lang
        Language of every label.
    options
        How to draw it (:class:`RadarOptions`): the page's defaults unless given.
    trails
        For comparing editions: rows with ``id, x_before, y_before`` (where the
        blip was in the earlier edition); each visible blip listed gets a faint
        outline at its earlier place and an arrow from there to where it is now.
        Rows with ``ring_before`` are placed by
        :func:`radar.drawing.trails.radial_trails` from the drawn layout, so
        every arrow points straight in or out.

    Returns
    -------
    A figure whose blip trace (named "blips") has ``customdata`` = technology
    id and x/y = the blip centres, and whose "+N" markers (trace "overflow")
    have ``customdata`` = ``"overflow:<sector>:<ring>"``.
    """
    selected, scale, title = options.selected, options.scale, options.title
    compact, spotlight = options.compact, options.spotlight
    focus_sector = None if compact else options.focus_sector
    high_contrast = options.high_contrast
    number_scale = options.number_scale or 1.0
    n_sectors = len(catalog.sectors)
    frame = options.frame(n_sectors, column_em(catalog, lang))
    rings = _ring_labels(catalog, lang, frame)
    view = fitted_view(view, catalog, lang, options)
    focus = catalog.sector_ids.index(focus_sector) if focus_sector is not None else None
    fig = _Canvas()
    _background(
        fig, catalog, lang, frame, rings, compact=compact, high_contrast=high_contrast, focus=focus
    )
    sector_position = {s: i for i, s in enumerate(catalog.sector_ids)}
    ring_by_id = {r.id: r for r in catalog.rings}
    sectors = {s.id: s for s in catalog.sectors}
    x_range, y_range = list(frame.x_range), list(frame.y_range)
    plot_w = frame.width - 2 * theme.FIGURE_MARGIN
    plot_h = (y_range[1] - y_range[0]) * frame.pixels

    drawn = view[view["visible"] & view["shown"]]
    if focus_sector is not None:
        reach = 0.0
        if spotlight is not None and (drawn["id"] == spotlight).any():
            lit_radius = float(drawn.loc[drawn["id"] == spotlight, "radius"].iloc[0])
            grown = theme.SPOTLIGHT_GROWTH * max(theme.SHAPE_SIZE.values())
            reach = max(grown - (1.0 + theme.BORDER_CLEARANCE), 0.0) * lit_radius
        x0, x1, y0, y1 = sector_box(
            n_sectors, focus or 0, aspect=plot_w / plot_h, reach=reach + theme.DISC_RIM
        )
        x_range, y_range = [x0, x1], [y0, y1]
        # The other sectors fade, as a search's misses do.
        drawn = drawn.assign(match=drawn["match"] & (drawn["sector"] == focus_sector))
    pixels = plot_h / (y_range[1] - y_range[0])
    if spotlight is not None:
        # Everything but the spotlighted blip fades, as a search's misses do.
        drawn = drawn.assign(match=drawn["match"] & (drawn["id"] == spotlight))
    if trails is not None and not trails.empty:
        if "ring_before" in trails.columns:
            # Radially from where the blips are drawn: the fitted layout may have moved them.
            trails = radial_trails(trails, view, catalog)
        _trails(fig, drawn, trails)
    dimmed = theme.DIMMED_OPACITY
    if spotlight is not None or focus_sector is not None:
        dimmed = theme.SPOTLIGHT_DIM_OPACITY
    _blip_circles(fig, drawn, sector_position, selected, dimmed=dimmed)
    hover = []
    moves = "movement" in drawn.columns
    ring_word = escape_label(t("hover.ring", lang))
    sector_word = escape_label(t("hover.sector", lang))
    for row in drawn.itertuples():
        tech = technologies.get(row.id)
        name = tech.label(lang) if tech else row.id
        summary = tech.summary(lang) if tech else ""
        hover.append(
            f"<b>{row.number}. {escape_label(name)}</b><br>"
            f"{ring_word}: {escape_label(ring_by_id[row.ring].label(lang))}<br>"
            f"{sector_word}: {escape_label(sectors[row.sector].label(lang))}<br>"
            + (f"<i>{escape_label(movement_text(row, catalog, lang))}</i><br>" if moves else "")
            + f"{_wrap(summary, 60)}"
        )
    lit = drawn[drawn["id"] == spotlight] if spotlight is not None else drawn.iloc[:0]
    others = drawn[drawn["id"] != spotlight] if spotlight is not None else drawn
    faded = theme.MUTED_TEXT
    if spotlight is not None or focus_sector is not None:
        faded = theme.SPOTLIGHT_DIM_NUMBER
    _numbers(fig, others, sector_position, pixels, number_scale, faded)
    if not lit.empty:
        _spotlight(fig, lit, sector_position, pixels, number_scale)
        _spotlight_label(fig, lit, technologies, lang, pixels, scale, x_range, y_range)
    fig.add_trace(
        go.Scatter(
            x=drawn["x"],
            y=drawn["y"],
            mode="markers",
            marker={
                # Never smaller than a fingertip can hit.
                "size": np.maximum(2 * drawn["radius"] * pixels, theme.MIN_TOUCH_TARGET).tolist(),
                "color": "rgba(0,0,0,0)",
                "opacity": 0.01,
            },
            customdata=drawn["id"],
            hovertext=hover,
            hoverinfo="text",
            name="blips",
            showlegend=False,
        )
    )
    _overflow_markers(fig, view, catalog, technologies, lang, pixels, spotlight)
    layout: dict[str, Any] = dict(
        shapes=fig.shapes,
        annotations=fig.annotations,
        height=frame.height,
        margin={m: theme.FIGURE_MARGIN for m in "lrtb"},
        paper_bgcolor=theme.BACKGROUND,
        plot_bgcolor=theme.BACKGROUND,
        font={"color": theme.TEXT, "family": "Source Sans Pro, Arial, sans-serif"},
        xaxis={"range": x_range, "visible": False, "fixedrange": True},
        yaxis={
            "range": y_range,
            "visible": False,
            "fixedrange": True,
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        hovermode="closest",
        hoverlabel={"bgcolor": theme.BACKGROUND, "font": {"size": max(14 * scale, theme.MIN_FONT)}},
        clickmode="event+select",
        dragmode="zoom",
        showlegend=False,
    )
    if options.width is not None:
        layout["width"] = options.width
    if title:
        layout["title"] = {"text": escape_label(title), "x": 0.5, "font": {"size": 20 * scale}}
        layout["margin"] = {**layout["margin"], "t": _TITLE_MARGIN}
    return go.Figure(data=fig.traces, layout=layout)


def circle_outlines(
    x: np.ndarray, y: np.ndarray, radius: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Closed polygons approximating circles, separated by NaN gaps, for one trace."""
    return blip_outlines(x, y, radius, np.full(len(x), "same", dtype=object))


def _unit_corners(kind: str, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Corner angles (radians) and radii of each blip's shape, in units of the blip radius.

    Returns an array of shape ``(len(x), corners, 2)``. Triangles point at the
    radar's centre (moved in) or away from it (moved out), whatever the sector.
    """
    n = len(x)
    if kind in ("in", "out"):
        towards_centre = np.arctan2(-y, -x)
        apex = towards_centre if kind == "in" else towards_centre + math.pi
        angles = apex[:, None] + np.array([0.0, 2.0, 4.0, 0.0])[None, :] * math.pi / 3.0
        radii = np.ones_like(angles)
    elif kind == "new":
        corners = np.arange(11) * math.pi / 5.0 + math.pi / 2.0
        angles = np.broadcast_to(corners, (n, 11))
        pattern = np.where(np.arange(11) % 2 == 0, 1.0, theme.STAR_INNER_RATIO)
        radii = np.broadcast_to(pattern, (n, 11))
    else:
        angles = np.broadcast_to(np.linspace(0.0, 2.0 * math.pi, CIRCLE_POINTS + 1), (n, 29))
        radii = np.ones_like(angles)
    return np.stack((angles, radii), axis=-1)


def blip_outlines(
    x: np.ndarray, y: np.ndarray, radius: np.ndarray, movement: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Closed polygons of the blips, separated by NaN gaps, for one filled trace.

    Each blip's shape shows its movement (a circle when unchanged, a star when
    new, a triangle pointing in or out when moved), sized by
    :data:`radar.theme.SHAPE_SIZE` to stay within the layout's clearances.
    """
    kinds = np.asarray(movement, dtype=object)
    xs_parts, ys_parts = [], []
    for kind in dict.fromkeys(kinds.tolist()):
        rows = kinds == kind
        cx, cy, r = x[rows], y[rows], radius[rows]
        corners = _unit_corners(str(kind), cx, cy)
        size = r[:, None] * theme.SHAPE_SIZE.get(str(kind), 1.0)
        angle, scale = corners[..., 0], corners[..., 1] * size
        gap = np.full((len(cx), 1), np.nan)
        xs_parts.append(np.hstack((cx[:, None] + scale * np.cos(angle), gap)).ravel())
        ys_parts.append(np.hstack((cy[:, None] + scale * np.sin(angle), gap)).ravel())
    if not xs_parts:
        return np.empty(0, dtype=np.float32), np.empty(0, dtype=np.float32)
    # Single precision is a thousandth of a pixel on any screen, and halves what
    # travels to the browser (plotly sends numpy arrays as typed binary).
    return (
        np.concatenate(xs_parts).astype(np.float32),
        np.concatenate(ys_parts).astype(np.float32),
    )


def _movements(rows: pd.DataFrame) -> np.ndarray:
    if "movement" not in rows.columns:
        return np.full(len(rows), "same", dtype=object)
    return rows["movement"].fillna("same").to_numpy(dtype=object)


def _blip_circles(
    fig: _Canvas,
    drawn: pd.DataFrame,
    sector_position: dict[str, int],
    selected: str | None,
    dimmed: float = theme.DIMMED_OPACITY,
) -> None:
    """The blips as filled shapes in data units: one trace per colour and dimming.

    Circles drawn as layout shapes cost the browser a few milliseconds each;
    a filled polygon trace per sector draws a hundred blips at once.
    """
    groups = drawn.groupby([drawn["sector"].map(sector_position), drawn["match"]], sort=True)
    for (position, match), rows in groups:
        fill = sector_colour(int(position))
        fig.add_trace(
            _shape_trace(
                rows,
                name=f"circles-{position}",
                fill="toself",
                fillcolor=fill,
                line=blip_outline(fill),
                opacity=1.0 if match else dimmed,
            )
        )
    chosen = drawn[drawn["id"] == selected]
    if not chosen.empty:
        fig.add_trace(
            _shape_trace(
                chosen,
                name="selected",
                pad=0.004,
                line={"color": theme.SELECTED_OUTLINE, "width": 3},
            )
        )


def _shape_trace(
    rows: pd.DataFrame, *, name: str, pad: float = 0.0, grow: float = 1.0, **style: Any
) -> go.Scatter:
    """One line trace drawing each row's blip shape, ``grow`` times as large and ``pad`` wider."""
    xs, ys = blip_outlines(
        rows["x"].to_numpy(),
        rows["y"].to_numpy(),
        rows["radius"].to_numpy() * grow + pad,
        _movements(rows),
    )
    return go.Scatter(
        x=xs, y=ys, mode="lines", hoverinfo="skip", name=name, showlegend=False, **style
    )


def _trails(fig: _Canvas, drawn: pd.DataFrame, trails: pd.DataFrame) -> None:
    """Where moved blips were: a dotted outline there and an arrow to the blip now.

    One line trace carries every arrow, its heads as markers turned along the
    line: a layout annotation per arrow would cost Plotly about a millisecond
    each to validate.
    """
    moved = drawn.merge(trails[["id", "x_before", "y_before"]], on="id", how="inner")
    moved = moved.dropna(subset=["x_before", "y_before"])
    if moved.empty:
        return
    ghosts = moved.assign(x=moved["x_before"], y=moved["y_before"], movement="same")
    fig.add_trace(
        _shape_trace(
            ghosts,
            name="trail-origins",
            line={"color": theme.TRAIL_COLOUR, "width": theme.TRAIL_WIDTH, "dash": "dot"},
        )
    )
    start = moved[["x_before", "y_before"]].to_numpy(dtype=float)
    end = moved[["x", "y"]].to_numpy(dtype=float)
    length = np.linalg.norm(end - start, axis=1)
    length[length == 0] = 1.0
    unit = (end - start) / length[:, None]
    # Start at the old outline and stop at the blip's edge, so the arrow head
    # points at the blip without covering its number.
    gap = (moved["radius"].to_numpy(dtype=float) * theme.SHAPE_SIZE["in"])[:, None]
    tail, head = start + unit * gap, end - unit * gap
    nan = np.full((len(moved), 1), np.nan)
    xs = np.hstack((tail[:, :1], head[:, :1], nan)).ravel()
    ys = np.hstack((tail[:, 1:], head[:, 1:], nan)).ravel()
    sizes = np.tile([0.0, theme.TRAIL_HEAD_SIZE, 0.0], len(moved))
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines+markers",
            line={"color": theme.TRAIL_COLOUR, "width": theme.TRAIL_WIDTH},
            marker={
                "symbol": "arrow",
                "angleref": "previous",
                "size": sizes,
                "color": theme.TRAIL_COLOUR,
            },
            customdata=np.repeat(moved["id"].to_numpy(dtype=object), 3),
            hoverinfo="skip",
            name="trails",
            showlegend=False,
        )
    )


def _number_fonts(
    rows: pd.DataFrame, pixels: float, number_scale: float, grow: float = 1.0
) -> np.ndarray:
    """Each blip's number size: as large as fits its shape (times ``number_scale``)."""
    shrink = pd.Series(_movements(rows)).map(theme.SHAPE_NUMBER_SCALE).fillna(1.0).to_numpy()
    digits = rows["number"].astype(str).str.len().to_numpy()
    radius_px = rows["radius"].to_numpy(dtype=float) * grow * pixels
    fonts = [
        sizing.number_font(r, s, int(d)) for r, s, d in zip(radius_px, shrink, digits, strict=True)
    ]
    return np.asarray(fonts, dtype=float) * number_scale


def _numbers(
    fig: _Canvas,
    drawn: pd.DataFrame,
    sector_position: dict[str, int],
    pixels: float,
    number_scale: float,
    faded: str = theme.MUTED_TEXT,
) -> None:
    """The blip numbers, black or white on the sector colour (``faded`` where dimmed)."""
    text_colours = [text_colour_on(sector_colour(sector_position[s])) for s in drawn["sector"]]
    fig.add_trace(
        go.Scatter(
            x=drawn["x"],
            y=drawn["y"],
            mode="text",
            text=drawn["number"].astype(str),
            textfont={
                "size": _number_fonts(drawn, pixels, number_scale).tolist(),
                "color": [
                    c if m else faded for c, m in zip(text_colours, drawn["match"], strict=True)
                ],
            },
            hoverinfo="skip",
            name="numbers",
            showlegend=False,
        )
    )


def _spotlight(
    fig: _Canvas,
    lit: pd.DataFrame,
    sector_position: dict[str, int],
    pixels: float,
    number_scale: float,
) -> None:
    """The spotlighted blip, larger than the rest and outlined, over its dimmed neighbours."""
    position = sector_position[str(lit["sector"].iloc[0])]
    fill = sector_colour(position)
    fig.add_trace(
        _shape_trace(
            lit,
            name="spotlight",
            grow=theme.SPOTLIGHT_GROWTH,
            fill="toself",
            fillcolor=fill,
            line={"color": theme.SPOTLIGHT_OUTLINE, "width": theme.SPOTLIGHT_OUTLINE_WIDTH},
        )
    )
    fig.add_trace(
        go.Scatter(
            x=lit["x"],
            y=lit["y"],
            mode="text",
            text=lit["number"].astype(str),
            textfont={
                "size": _number_fonts(lit, pixels, number_scale, theme.SPOTLIGHT_GROWTH).tolist(),
                "color": text_colour_on(fill),
            },
            hoverinfo="skip",
            name="spotlight-number",
            showlegend=False,
        )
    )


def _spotlight_label(
    fig: _Canvas,
    lit: pd.DataFrame,
    technologies: Mapping[str, Technology],
    lang: Lang,
    pixels: float,
    scale: float,
    x_range: list[float],
    y_range: list[float],
) -> None:
    """The spotlighted blip's name in a label beside it, on the side with room, inside the view."""
    row = lit.iloc[0]
    tech = technologies.get(str(row["id"]))
    name = tech.label(lang) if tech else str(row["id"])
    font = max(theme.SPOTLIGHT_LABEL_SIZE * scale, theme.MIN_FONT)
    pad = 6.0  # pixels: the label's border padding and its gap from the blip
    width = (sizing.text_width_em(name) * font + 2 * pad) / pixels
    height = (sizing.LINE_EM * font + 2 * pad) / pixels
    reach = float(row["radius"]) * theme.SPOTLIGHT_GROWTH * max(theme.SHAPE_SIZE.values())
    x, y = float(row["x"]), float(row["y"])
    gap = reach + pad / pixels
    right = x + gap + width <= x_range[1]
    left = x - gap - width >= x_range[0]
    # Outwards from the centre reads best; the other side when that is cut off.
    to_right = (x >= 0 and right) or not left
    anchor_x = x + gap if to_right else x - gap
    anchor_x = min(anchor_x, x_range[1] - width) if to_right else max(anchor_x, x_range[0] + width)
    anchor_y = min(max(y, y_range[0] + height / 2), y_range[1] - height / 2)
    fig.add_annotation(
        x=anchor_x,
        y=anchor_y,
        text=f"<b>{escape_label(name)}</b>",
        showarrow=False,
        xanchor="left" if to_right else "right",
        yanchor="middle",
        bgcolor=theme.BACKGROUND,
        bordercolor=theme.SPOTLIGHT_LABEL_BORDER,
        borderwidth=2,
        borderpad=int(pad) - 2,
        name="spotlight-label",
        font={"size": font, "color": theme.TEXT},
    )


def _overflow_markers(
    fig: _Canvas,
    view: pd.DataFrame,
    catalog: Catalog,
    technologies: Mapping[str, Technology],
    lang: Lang,
    pixels: float,
    spotlight: str | None = None,
) -> None:
    """One "+N" marker per cell whose blips did not all fit.

    With a ``spotlight``, every marker fades but that of the spotlighted
    blip's cell, if it is hidden there, which gets a thick outline.
    """
    hidden = view[view["visible"] & ~view["shown"]]
    if hidden.empty:
        return
    lit_cell = None
    if spotlight is not None:
        lit = hidden[hidden["id"] == spotlight]
        lit_cell = (lit["sector"].iloc[0], lit["ring"].iloc[0]) if not lit.empty else None
    xs, ys, sizes, labels, keys, hovers, lit_flags = [], [], [], [], [], [], []
    fonts: list[float] = []
    for (sector, ring), cell in hidden.groupby(["sector", "ring"], sort=True):
        first = cell.iloc[0]
        names = [
            f"{n}. {escape_label(technologies[i].label(lang) if i in technologies else i)}"
            for n, i in zip(cell["number"], cell["id"], strict=True)
        ]
        xs.append(first["x"])
        ys.append(first["y"])
        sizes.append(2 * first["radius"] * pixels)
        labels.append(f"+{len(cell)}")
        # "+N" is one character wider than N: sized like a number one digit longer.
        fonts.append(
            sizing.number_font(float(first["radius"]) * pixels, 1.0, len(str(len(cell))) + 1)
        )
        keys.append(f"{OVERFLOW_KEY}:{sector}:{ring}")
        title = t(
            "radar.overflow",
            lang,
            count=len(cell),
            sector=catalog.sector(sector).label(lang),
            ring=catalog.ring(ring).label(lang),
        )
        hovers.append(f"<b>{escape_label(title)}</b><br>" + "<br>".join(names[:25]))
        lit_flags.append((sector, ring) == lit_cell)
    marker: dict[str, Any] = {
        "size": sizes,
        "color": theme.OVERFLOW_FILL,
        "line": {"color": theme.BACKGROUND, "width": 1},
    }
    if spotlight is not None:
        marker["opacity"] = [1.0 if lit else theme.SPOTLIGHT_DIM_OPACITY for lit in lit_flags]
        marker["line"] = {
            "color": [theme.SPOTLIGHT_OUTLINE if lit else theme.BACKGROUND for lit in lit_flags],
            "width": [theme.SPOTLIGHT_OUTLINE_WIDTH if lit else 1 for lit in lit_flags],
        }
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="markers+text",
            marker=marker,
            text=labels,
            textfont={"color": "#FFFFFF", "size": fonts},
            customdata=keys,
            hovertext=hovers,
            hoverinfo="text",
            name="overflow",
            showlegend=False,
        )
    )
