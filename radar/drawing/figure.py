"""Plotly figures of the radar.

The radar is a Cartesian figure with x/y from :mod:`radar.pipeline.layout`, not a polar
one: Cartesian points select by click, box and lasso in Streamlit, and the
blips are drawn as circles in data units, so they keep the layout's
no-overlap guarantee at every screen size. A transparent marker per blip
carries hover and click; a text trace carries the numbers.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from radar import theme
from radar.i18n import t
from radar.model import Catalog, Lang, Technology
from radar.pipeline.layout import ring_edges, sector_edges
from radar.pipeline.presenter import sector_box
from radar.pipeline.view import movement_text

#: Half-widths of the visible area in radar units: room for the sector labels.
X_EXTENT = 1.5
Y_EXTENT = 1.3
#: On phones the radar fills the width and the sector key sits under it.
COMPACT_X_EXTENT = 1.04
COMPACT_TOP = 1.04
COMPACT_KEY_STEP = 0.15
#: Corners of the polygon that draws a blip: round at every size we draw.
CIRCLE_POINTS = 28
#: Prefix of the click key of a "+N" marker: "overflow:<sector>:<ring>".
OVERFLOW_KEY = "overflow"


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


def text_colour_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (WCAG relative luminance)."""
    channels = [int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if luminance > 0.179 else "#FFFFFF"


def _point(radius: float, angle: float) -> tuple[float, float]:
    return radius * math.cos(angle), radius * math.sin(angle)


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
    scale: float,
    compact: bool,
    high_contrast: bool = False,
) -> None:
    """Ring bands, sector dividers, ring and sector labels."""
    edges = ring_edges(len(catalog.rings))
    if high_contrast:
        ring_line = {"color": theme.CONTRAST_RING_LINE, "width": theme.CONTRAST_RING_LINE_WIDTH}
        sector_width, ring_text = theme.CONTRAST_SECTOR_LINE_WIDTH, theme.TEXT
    else:
        ring_line = {"color": theme.RING_LINE, "width": 1}
        sector_width, ring_text = 3, theme.MUTED_TEXT
    for index in range(len(catalog.rings) - 1, -1, -1):
        outer = float(edges[index + 1])
        fig.add_shape(
            type="circle",
            x0=-outer,
            y0=-outer,
            x1=outer,
            y1=outer,
            fillcolor=theme.RING_FILLS[len(catalog.rings) - 1 - index],
            line=ring_line,
            layer="below",
        )
    for angle in sector_edges(len(catalog.sectors))[:-1]:
        x, y = _point(1.0, float(angle))
        fig.add_shape(
            type="line",
            x0=0,
            y0=0,
            x1=x,
            y1=y,
            line={"color": theme.SECTOR_LINE, "width": sector_width},
            layer="below",
        )
    # Ring names stacked up the 12 o'clock line, as on a printed radar. They are
    # labels of invisible shapes below the blips, so a blip is never hidden by one.
    for index, ring in enumerate(catalog.rings):
        middle = (float(edges[index]) + float(edges[index + 1])) / 2
        y = middle if index else float(edges[1]) * 0.55
        fig.add_shape(
            type="rect",
            x0=-0.2,
            x1=0.2,
            y0=y - 0.03,
            y1=y + 0.03,
            line={"width": 0},
            fillcolor="rgba(0,0,0,0)",
            layer="below",
            label={
                "text": f"<b>{escape_label(ring.label(lang))}</b>",
                "textposition": "middle center",
                "font": {"size": theme.RING_LABEL_SIZE * scale, "color": ring_text},
            },
        )
    if compact:
        _sector_key(fig, catalog, lang, scale)
        return
    angles = sector_edges(len(catalog.sectors))
    for index, sector in enumerate(catalog.sectors):
        middle = float(angles[index] + angles[index + 1]) / 2
        x, y = _point(1.06, middle)
        cos, sin = math.cos(middle), math.sin(middle)
        xanchor = "left" if cos > 0.2 else "right" if cos < -0.2 else "center"
        yanchor = "bottom" if sin > 0.5 else "top" if sin < -0.5 else "middle"
        fig.add_annotation(
            x=x,
            y=y,
            # Labels above or below the radar have the width to spare; side ones do not.
            text=_sector_label(sector.label(lang), index, 28 if xanchor == "center" else 15),
            showarrow=False,
            xanchor=xanchor,
            yanchor=yanchor,
            align="left" if xanchor == "left" else "right" if xanchor == "right" else "center",
            font={"size": theme.SECTOR_LABEL_SIZE * scale, "color": theme.TEXT},
        )


def _sector_label(name: str, position: int, width: int) -> str:
    colour = sector_colour(position)
    return f"<span style='color:{colour}'>■</span> <b>{_wrap(name, width)}</b>"


def _sector_key(fig: _Canvas, catalog: Catalog, lang: Lang, scale: float) -> None:
    """On phones the sector names go in a key under the radar: around it they do not fit."""
    for index, sector in enumerate(catalog.sectors):
        fig.add_annotation(
            x=-1.0,
            y=-1.1 - index * COMPACT_KEY_STEP,
            text=_sector_label(sector.label(lang), index, 60),
            showarrow=False,
            xanchor="left",
            yanchor="top",
            font={"size": theme.SECTOR_LABEL_SIZE * scale, "color": theme.TEXT},
        )


@dataclass(frozen=True)
class RadarOptions:
    """How a radar is drawn: everything about a figure but its data.

    The page's radar uses the defaults; :meth:`presenter` gives the projector's.

    Attributes
    ----------
    selected
        Id of the technology whose details are open; it gets a dark outline.
    height
        Figure height in pixels.
    scale
        Multiplies every font size (presenter mode, exports).
    title
        Optional title above the radar (exports); none on the page.
    compact
        For phones: a shorter figure, smaller labels, and no numbers in the
        blips (too small to read there; the legend below carries them).
    spotlight
        Presenter mode: id of the one technology to show; every other blip is
        dimmed and it gets a thick outline. A blip hidden behind a "+N" marker
        lights up that marker instead.
    focus_sector
        Presenter mode: id of a sector to zoom to (its wedge fills the figure;
        see :func:`radar.pipeline.presenter.sector_box`). Not on phones (``compact``).
    x_extent
        Half-width of the view in radar units (default :data:`X_EXTENT`):
        wider leaves room for larger sector labels. Not on phones.
    high_contrast
        Darker, thicker ring lines, wider sector gaps and ring names in the
        text colour, for projectors.
    number_scale
        Multiplies the size of the blip numbers instead of ``scale``: at 1 a
        number fills its blip, larger ones spill over it.

    """

    selected: str | None = None
    height: int = theme.FIGURE_HEIGHT
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
        cls, *, spotlight: str | None = None, focus_sector: str | None = None
    ) -> RadarOptions:
        """A projector's radar: full height, large high-contrast type, one blip spotlighted."""
        return cls(
            spotlight=spotlight,
            focus_sector=focus_sector,
            height=theme.PRESENTER_FIGURE_HEIGHT,
            scale=theme.PRESENTER_SCALE,
            x_extent=theme.PRESENTER_X_EXTENT,
            high_contrast=True,
            number_scale=theme.PRESENTER_NUMBER_SCALE,
        )


#: The page's radar.
DEFAULT_OPTIONS = RadarOptions()


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
        rows not matching the search are dimmed.
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

    Returns
    -------
    A figure whose blip trace has ``customdata`` = technology id, and whose
    "+N" markers have ``customdata`` = ``"overflow:<sector>:<ring>"``.
    """
    selected, height, scale, title = options.selected, options.height, options.scale, options.title
    compact, spotlight, focus_sector = options.compact, options.spotlight, options.focus_sector
    x_extent, high_contrast = options.x_extent, options.high_contrast
    number_scale = options.number_scale
    if compact:
        height, scale = min(height, theme.COMPACT_FIGURE_HEIGHT), scale * theme.COMPACT_SCALE
    fig = _Canvas()
    _background(fig, catalog, lang, scale, compact, high_contrast)
    sector_position = {s: i for i, s in enumerate(catalog.sector_ids)}
    rings = {r.id: r for r in catalog.rings}
    sectors = {s.id: s for s in catalog.sectors}
    if compact:
        x_extent = COMPACT_X_EXTENT
        y_range = [-1.15 - len(catalog.sectors) * COMPACT_KEY_STEP, COMPACT_TOP]
    else:
        x_extent, y_range = x_extent or X_EXTENT, [-Y_EXTENT, Y_EXTENT]
    x_range = [-x_extent, x_extent]
    if focus_sector is not None and not compact:
        x0, x1, y0, y1 = sector_box(
            len(catalog.sectors),
            catalog.sector_ids.index(focus_sector),
            aspect=(x_range[1] - x_range[0]) / (y_range[1] - y_range[0]),
        )
        x_range, y_range = [x0, x1], [y0, y1]
    pixels = (height - 2 * theme.FIGURE_MARGIN) / (y_range[1] - y_range[0])

    drawn = view[view["visible"] & view["shown"]]
    if spotlight is not None:
        # Everything but the spotlighted blip fades, as a search's misses do.
        drawn = drawn.assign(match=drawn["match"] & (drawn["id"] == spotlight))
    if trails is not None and not trails.empty:
        _trails(fig, drawn, trails)
    _blip_circles(
        fig,
        drawn,
        sector_position,
        selected,
        dimmed=theme.DIMMED_OPACITY if spotlight is None else theme.SPOTLIGHT_DIM_OPACITY,
    )
    if spotlight is not None:
        lit = drawn[drawn["id"] == spotlight]
        if not lit.empty:
            fig.add_trace(
                _shape_trace(
                    lit,
                    name="spotlight",
                    pad=0.006,
                    line={"color": theme.SPOTLIGHT_OUTLINE, "width": theme.SPOTLIGHT_OUTLINE_WIDTH},
                )
            )
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
            f"{ring_word}: {escape_label(rings[row.ring].label(lang))}<br>"
            f"{sector_word}: {escape_label(sectors[row.sector].label(lang))}<br>"
            + (f"<i>{escape_label(movement_text(row, catalog, lang))}</i><br>" if moves else "")
            + f"{_wrap(summary, 60)}"
        )
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
    if not compact:
        _numbers(
            fig, drawn, sector_position, pixels, scale if number_scale is None else number_scale
        )
    _overflow_markers(fig, view, catalog, technologies, lang, pixels, scale, spotlight)
    layout: dict[str, Any] = dict(
        shapes=fig.shapes,
        annotations=fig.annotations,
        height=height,
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
        hoverlabel={"bgcolor": theme.BACKGROUND, "font": {"size": 14 * scale}},
        clickmode="event+select",
        dragmode="zoom",
        showlegend=False,
    )
    if title:
        layout["title"] = {"text": escape_label(title), "x": 0.5, "font": {"size": 20 * scale}}
        layout["margin"] = {**layout["margin"], "t": 60}
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
        fig.add_trace(
            _shape_trace(
                rows,
                name=f"circles-{position}",
                fill="toself",
                fillcolor=sector_colour(int(position)),
                line={"color": theme.BACKGROUND, "width": 1},
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


def _shape_trace(rows: pd.DataFrame, *, name: str, pad: float = 0.0, **style: Any) -> go.Scatter:
    """One line trace drawing each row's blip shape, ``pad`` wider than it."""
    xs, ys = blip_outlines(
        rows["x"].to_numpy(),
        rows["y"].to_numpy(),
        rows["radius"].to_numpy() + pad,
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


def _numbers(
    fig: _Canvas,
    drawn: pd.DataFrame,
    sector_position: dict[str, int],
    pixels: float,
    scale: float,
) -> None:
    """The blip numbers, in black or white for contrast with the sector colour."""
    text_colours = [text_colour_on(sector_colour(sector_position[s])) for s in drawn["sector"]]
    shrink = pd.Series(_movements(drawn)).map(theme.SHAPE_NUMBER_SCALE).fillna(1.0).to_numpy()
    font_sizes = np.clip(drawn["radius"].to_numpy() * shrink * pixels * 1.05 * scale, 7, 30)
    fig.add_trace(
        go.Scatter(
            x=drawn["x"],
            y=drawn["y"],
            mode="text",
            text=drawn["number"].astype(str),
            textfont={
                "size": font_sizes.tolist(),
                "color": [
                    c if m else theme.MUTED_TEXT
                    for c, m in zip(text_colours, drawn["match"], strict=True)
                ],
            },
            hoverinfo="skip",
            name="numbers",
            showlegend=False,
        )
    )


def _overflow_markers(
    fig: _Canvas,
    view: pd.DataFrame,
    catalog: Catalog,
    technologies: Mapping[str, Technology],
    lang: Lang,
    pixels: float,
    scale: float,
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
            textfont={"color": "#FFFFFF", "size": 10 * scale},
            customdata=keys,
            hovertext=hovers,
            hoverinfo="text",
            name="overflow",
            showlegend=False,
        )
    )
