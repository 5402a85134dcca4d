"""The prioritising round's chart: the points per technology as bars, most on top.

Pure Plotly from plain values (:class:`PointsRow`), so it knows neither the
workshop store nor Streamlit; :mod:`radar.ui.components.workshop_priorities`
turns a workshop's priorities into rows and puts the same numbers in a table
beside the chart.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from radar import theme
from radar.i18n import t
from radar.model import Lang

__all__ = ["PointsRow", "ranking_chart"]

#: The bars' colour: the live chart's second darkest shade (over 4.5:1 on white).
_BAR = theme.HEATMAP_COLOURS[3]


@dataclass(frozen=True)
class PointsRow:
    """One technology's bar: its name as typed (escaped here), points and voters."""

    name: str
    points: int
    voters: int


def _escape(text: str) -> str:
    """Data text for Plotly labels: shown as typed, never as markup."""
    return html.escape(text, quote=False)


def ranking_chart(rows: Sequence[PointsRow], lang: Lang, *, projector: bool = False) -> go.Figure:
    """Horizontal bars of the points, in the order given (the ranking), first on top.

    Each bar is labelled with its number, so the chart reads without its axis.

    Parameters
    ----------
    projector
        Larger type and rows, for a room.
    """
    size = theme.WORKSHOP_PROJECTOR_TEXT_SIZE if projector else theme.WORKSHOP_CHART_TEXT_SIZE
    row_height = (
        theme.WORKSHOP_PROJECTOR_ROW_HEIGHT if projector else theme.WORKSHOP_CHART_ROW_HEIGHT
    )
    bars = go.Bar(
        x=[item.points for item in rows],
        y=list(range(len(rows))),
        orientation="h",
        marker={"color": _BAR},
        text=[str(item.points) for item in rows],
        textposition="outside",
        cliponaxis=False,
        textfont={"size": size, "color": theme.TEXT},
        hovertext=[
            _escape(
                t(
                    "facilitator.voting.hover",
                    lang,
                    technology=item.name,
                    points=item.points,
                    voters=item.voters,
                )
            )
            for item in rows
        ],
        hovertemplate="%{hovertext}<extra></extra>",
    )
    most = max((item.points for item in rows), default=0)
    layout = {
        "height": row_height * max(len(rows), 1) + 2 * theme.CHART_MARGIN["b"],
        "margin": {**theme.CHART_MARGIN, "r": 4 * size},
        "paper_bgcolor": theme.BACKGROUND,
        "plot_bgcolor": theme.BACKGROUND,
        "font": {"color": theme.TEXT, "size": size},
        "dragmode": False,
        "showlegend": False,
        "xaxis": {
            "visible": False,
            "fixedrange": True,
            "range": [0, max(most, 1) * 1.05],
        },
        "yaxis": {
            "fixedrange": True,
            "showgrid": False,
            "zeroline": False,
            "ticks": "",
            "autorange": "reversed",
            "automargin": True,
            "tickmode": "array",
            "tickvals": list(range(len(rows))),
            "ticktext": [_escape(item.name) for item in rows],
            "tickfont": {"size": size, "color": theme.TEXT},
        },
        "hoverlabel": {"bgcolor": theme.BACKGROUND, "font": {"size": size, "color": theme.TEXT}},
    }
    return go.Figure(data=[bars], layout=layout)
