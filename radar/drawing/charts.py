"""Plotly charts beside the radar: small, static-axis figures for the other pages.

Every text, from the data (area, ring and technology names) or from the string
table, is escaped before it reaches Plotly, which renders a subset of HTML in
hover labels, legends and tick labels. Axes are fixed (no zoom or pan): the charts are read,
not explored, and a stray drag on a phone should scroll the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from radar import theme
from radar.drawing.figure import escape_label, text_colour_on
from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog, Lang
from radar.pipeline.timeline import area_order
from radar.pipeline.view import movement_text

#: Legend under the plot, left-aligned, so it never narrows the plot on a phone.
_LEGEND_BELOW: dict[str, Any] = {
    "orientation": "h",
    "yanchor": "top",
    "y": -0.12,
    "xanchor": "left",
    "x": 0,
}


def _area_label(catalog: Catalog, area: str, lang: Lang) -> str:
    return t("area.samlet", lang) if area == COMBINED_AREA else catalog.area(area).label(lang)


def _area_colour(catalog: Catalog, area: str) -> str:
    if area == COMBINED_AREA:
        return theme.COMBINED_COLOUR
    position = catalog.area_ids.index(area)
    return theme.AREA_COLOURS[position % len(theme.AREA_COLOURS)]


def _editions(history: pd.DataFrame, catalog: Catalog, editions: Sequence[int] | None) -> list[int]:
    """The x axis: ``editions`` if given, else the catalogue's from first to last appearance."""
    if editions is not None:
        return sorted(int(e) for e in editions)
    if history.empty:
        return sorted(catalog.years)
    first, last = int(history["edition"].min()), int(history["edition"].max())
    return sorted(y for y in catalog.years if first <= y <= last)


def _edition_axis(editions: list[int]) -> dict[str, Any]:
    low, high = (min(editions), max(editions)) if editions else (0, 1)
    return {
        "tickmode": "array",
        "tickvals": editions,
        "ticktext": [str(e) for e in editions],
        # Half a year of room on each side, so the end markers are not clipped.
        "range": [low - 0.4, high + 0.4],
        "fixedrange": True,
        "showgrid": False,
        "zeroline": False,
    }


def _base_layout(height: int) -> dict[str, Any]:
    return {
        "height": height,
        "margin": theme.CHART_MARGIN,
        "paper_bgcolor": theme.BACKGROUND,
        "plot_bgcolor": theme.BACKGROUND,
        "font": {"color": theme.TEXT},
        "legend": _LEGEND_BELOW,
        "dragmode": False,
    }


def _series_offsets(areas: list[str]) -> dict[str, float]:
    """A small vertical offset per series, so lines in the same ring stay visible.

    The combined radar sits in the middle of the areas, where the eye looks first.
    """
    plain = [a for a in areas if a != COMBINED_AREA]
    half = len(plain) // 2
    slots = [*plain[:half], COMBINED_AREA, *plain[half:]]
    centre = (len(slots) - 1) / 2
    return {area: (i - centre) * theme.TIMELINE_AREA_OFFSET for i, area in enumerate(slots)}


def ring_timeline(
    history: pd.DataFrame,
    catalog: Catalog,
    lang: Lang,
    editions: Sequence[int] | None = None,
) -> go.Figure:
    """A technology's ring in every area over the editions.

    Parameters
    ----------
    history
        One technology's :func:`radar.pipeline.timeline.technology_history`.
    catalog
        Areas (order and names), rings (inside out) and editions.
    lang
        Language of the labels.
    editions
        The x axis, oldest first (see :func:`radar.pipeline.timeline.timeline_editions`);
        by default the catalogue's editions from the technology's first to its
        last appearance.

    Returns
    -------
    One line with markers per area, in catalogue order, and a thick dashed
    black one for the combined radar. The y axis is numeric with one tick per
    ring, the innermost ring at the top (``range`` runs from the outermost
    band down to the innermost), because the small per-area offsets that keep
    overlapping lines visible need a numeric axis. An edition where the
    technology was not on an area's radar leaves a gap in that area's line.
    """
    editions = _editions(history, catalog, editions)
    ring_rank = {r: i for i, r in enumerate(catalog.ring_ids)}
    score_word = escape_label(t("details.score", lang))
    present = set(history["area"]) if not history.empty else set()
    areas = [a for a in area_order(catalog) if a in present]
    offsets = _series_offsets(areas)
    rings = {r.id: r for r in catalog.rings}

    traces = []
    for area in areas:
        rows = history[history["area"] == area]
        label = _area_label(catalog, area, lang)
        by_edition = {int(row["edition"]): row for row in rows.to_dict("records")}
        y: list[float | None] = []
        hover: list[str | None] = []
        for edition in editions:
            row = by_edition.get(edition)
            if row is None:
                # None breaks the line: the technology was not on this radar.
                y.append(None)
                hover.append(None)
                continue
            y.append(ring_rank[row["ring"]] + offsets[area])
            hover.append(
                f"<b>{escape_label(label)}</b><br>"
                f"{edition}: <b>{escape_label(rings[row['ring']].label(lang))}</b><br>"
                + (f"{score_word}: {row['score']:.0%}<br>" if pd.notna(row["score"]) else "")
                + f"{escape_label(movement_text(row, catalog, lang))}"
            )
        combined = area == COMBINED_AREA
        traces.append(
            go.Scatter(
                x=editions,
                y=y,
                mode="lines+markers",
                name=escape_label(label),
                line={
                    "color": _area_colour(catalog, area),
                    "width": theme.COMBINED_LINE_WIDTH if combined else theme.AREA_LINE_WIDTH,
                    "dash": theme.COMBINED_DASH if combined else "solid",
                },
                marker={"size": theme.TIMELINE_MARKER_SIZE, "color": _area_colour(catalog, area)},
                connectgaps=False,
                hovertext=hover,
                hoverinfo="text",
            )
        )

    n_rings = len(catalog.rings)
    bands = [
        {
            "type": "rect",
            "xref": "paper",
            "x0": 0,
            "x1": 1,
            "yref": "y",
            "y0": i - 0.5,
            "y1": i + 0.5,
            "fillcolor": theme.TIMELINE_BAND_FILL,
            "line": {"width": 0},
            "layer": "below",
        }
        for i in range(1, n_rings, 2)
    ]
    layout = _base_layout(theme.TIMELINE_HEIGHT)
    layout.update(
        xaxis=_edition_axis(editions),
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(n_rings)),
            "ticktext": [escape_label(r.label(lang)) for r in catalog.rings],
            # Reversed: the innermost ring (rank 0) at the top.
            "range": [n_rings - 0.5, -0.5],
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
        },
        shapes=bands,
        hovermode="closest",
    )
    return go.Figure(data=traces, layout=layout)


def score_timeline(
    history: pd.DataFrame,
    catalog: Catalog,
    lang: Lang,
    area: str = COMBINED_AREA,
    editions: Sequence[int] | None = None,
) -> go.Figure:
    """Maturity, spread and score (0-100 %) of a technology in one area over the editions.

    Parameters
    ----------
    history
        One technology's :func:`radar.pipeline.timeline.technology_history`.
    catalog
        Rings (their cut-offs) and area names.
    lang
        Language of the labels.
    area
        An area id, or ``"samlet"`` (the default) for the combined radar.
    editions
        The x axis, as for :func:`ring_timeline`.

    Returns
    -------
    Three lines: technical maturity, spread and their average, the score that
    sets the ring. Each ring's ``min_score`` above zero is a faint dotted
    horizontal guide labelled with the ring's name, so a crossing reads as a
    change of ring. Given the same ``editions``, the x axis is that of
    :func:`ring_timeline`, so the two charts line up.
    """
    editions = _editions(history, catalog, editions)
    rows = history[history["area"] == area] if not history.empty else history
    by_edition = rows.set_index("edition") if not rows.empty else None
    traces = []
    for column, key in (
        ("maturity", "details.maturity"),
        ("spread", "details.spread"),
        ("score", "details.score"),
    ):
        name = t(key, lang)
        values = (
            by_edition[column].reindex(editions).astype(float)
            if by_edition is not None
            else pd.Series(np.nan, index=editions)
        )
        traces.append(
            go.Scatter(
                x=editions,
                y=[None if pd.isna(v) else float(v) for v in values],
                mode="lines+markers",
                name=escape_label(name),
                line={
                    "color": theme.SCORE_COLOURS[column],
                    "dash": theme.SCORE_DASHES[column],
                    "width": theme.COMBINED_LINE_WIDTH
                    if column == "score"
                    else theme.AREA_LINE_WIDTH,
                },
                marker={"size": theme.TIMELINE_MARKER_SIZE, "color": theme.SCORE_COLOURS[column]},
                connectgaps=False,
                hovertemplate=f"{escape_label(name)}: %{{y:.0%}}<extra></extra>",
            )
        )

    guides = [ring for ring in catalog.rings if ring.min_score > 0]
    layout = _base_layout(theme.SCORE_CHART_HEIGHT)
    layout.update(
        xaxis=_edition_axis(editions),
        yaxis={
            "range": [0, 1.02],
            "tickmode": "array",
            "tickvals": [0, 0.25, 0.5, 0.75, 1.0],
            "tickformat": ".0%",
            "fixedrange": True,
            "zeroline": False,
        },
        shapes=[
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "yref": "y",
                "y0": ring.min_score,
                "y1": ring.min_score,
                "line": {
                    "color": theme.CUTOFF_LINE,
                    "width": theme.CUTOFF_LINE_WIDTH,
                    "dash": "dot",
                },
                "layer": "below",
            }
            for ring in guides
        ],
        annotations=[
            {
                "xref": "paper",
                "x": 1,
                "xanchor": "right",
                "yref": "y",
                "y": ring.min_score,
                "yanchor": "bottom",
                "text": escape_label(
                    t("technology.cutoff", lang, ring=ring.label(lang), score=ring.min_score)
                ),
                "showarrow": False,
                "font": {"color": theme.MUTED_TEXT, "size": theme.CUTOFF_LABEL_SIZE},
            }
            for ring in guides
        ],
        hovermode="x unified",
        title={
            "text": escape_label(_area_label(catalog, area, lang)),
            "x": 0,
            "font": {"size": theme.CHART_TITLE_SIZE},
        },
    )
    layout["margin"] = {**theme.CHART_MARGIN, "t": theme.CHART_TITLE_MARGIN}
    return go.Figure(data=traces, layout=layout)


def _heat_colour(fraction: float) -> str:
    """The heatmap fill at ``fraction`` (0..1) of the scale, as Plotly interpolates it."""
    stops = theme.HEATMAP_COLOURS
    position = min(max(fraction, 0.0), 1.0) * (len(stops) - 1)
    index = min(int(position), len(stops) - 2)
    share = position - index
    low, high = stops[index], stops[index + 1]
    channels = (
        round(int(low[i : i + 2], 16) * (1 - share) + int(high[i : i + 2], 16) * share)
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02X}" for c in channels)


def ring_heatmap(counts: pd.DataFrame, catalog: Catalog, lang: Lang) -> go.Figure:
    """How many technologies each welfare area has in each ring, as a heatmap.

    Parameters
    ----------
    counts
        Areas (index, ids) × rings (columns, ids, inside out), as from
        :func:`radar.pipeline.overview.ring_counts`.
    catalog
        For the area and ring names.
    lang
        Language of the labels.

    Returns
    -------
    Areas as rows (first on top), rings as columns with the centre ring first,
    the count written in every cell. Cells sit at integer positions with the
    names as tick labels, so two areas with the same name never merge.
    """
    areas = [str(a) for a in counts.index]
    rings = [str(r) for r in counts.columns]
    area_names = [_area_label(catalog, a, lang) for a in areas]
    ring_names = [catalog.ring(r).label(lang) for r in rings]
    values = counts.to_numpy(dtype=int)
    # At least 1, so an all-zero edition still maps to the light end of the scale.
    top = max(int(values.max()), 1) if values.size else 1
    stops = theme.HEATMAP_COLOURS
    hover = [
        [
            escape_label(t("overview.heatmap.hover", lang, area=area, ring=ring, count=int(count)))
            for ring, count in zip(ring_names, row, strict=True)
        ]
        for area, row in zip(area_names, values, strict=True)
    ]
    heatmap = go.Heatmap(
        z=values,
        x=list(range(len(rings))),
        y=list(range(len(areas))),
        zmin=0,
        zmax=top,
        colorscale=[[i / (len(stops) - 1), colour] for i, colour in enumerate(stops)],
        showscale=False,
        xgap=theme.HEATMAP_CELL_GAP,
        ygap=theme.HEATMAP_CELL_GAP,
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
    )
    # Annotations rather than the trace's own text: each number gets the text
    # colour that reads on its own cell.
    annotations = [
        {
            "x": col,
            "y": row,
            "text": str(int(count)),
            "showarrow": False,
            "font": {
                "size": theme.HEATMAP_TEXT_SIZE,
                "color": text_colour_on(_heat_colour(count / top)),
            },
        }
        for row, counts_row in enumerate(values)
        for col, count in enumerate(counts_row)
    ]
    layout = _base_layout(theme.HEATMAP_HEADER_HEIGHT + theme.HEATMAP_ROW_HEIGHT * len(areas))
    layout["margin"] = {**theme.CHART_MARGIN, "t": theme.HEATMAP_HEADER_HEIGHT}
    axis = {
        "fixedrange": True,
        "showgrid": False,
        "zeroline": False,
        "ticks": "",
        "tickfont": {"size": theme.HEATMAP_LABEL_SIZE, "color": theme.TEXT},
    }
    layout.update(
        xaxis={
            **axis,
            "side": "top",
            "tickmode": "array",
            "tickvals": list(range(len(rings))),
            "ticktext": [escape_label(name) for name in ring_names],
        },
        yaxis={
            **axis,
            "autorange": "reversed",
            "automargin": True,
            "tickmode": "array",
            "tickvals": list(range(len(areas))),
            "ticktext": [escape_label(name) for name in area_names],
        },
        annotations=annotations,
        showlegend=False,
        hoverlabel={
            "bgcolor": theme.BACKGROUND,
            "font": {"size": theme.HEATMAP_LABEL_SIZE, "color": theme.TEXT},
        },
    )
    return go.Figure(data=[heatmap], layout=layout)
