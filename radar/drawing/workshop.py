"""The workshop's live chart: the group's answers per technology and ring.

Pure Plotly from plain values (:class:`LiveRow`), so it knows neither the
workshop store nor Streamlit; :mod:`radar.ui.components.workshop_live` turns
a workshop's results into rows.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from radar import theme
from radar.i18n import t
from radar.model import Lang

__all__ = ["NO_VERDICT", "LiveRow", "live_chart", "verdict_text"]

#: The verdict of a technology nobody answered yet (its colour is "too few").
NO_VERDICT = "too_few"


@dataclass(frozen=True)
class LiveRow:
    """One technology's row of the live chart.

    Attributes
    ----------
    name
        The technology's name, as typed (escaped here).
    counts
        Answers per ring, inside out.
    answers
        How many answered it.
    official
        The official ring's position among the rings (None: not on the radar).
    verdict
        ``agrees``, ``split`` or ``too_few``.
    text
        What is written right of the row (:func:`verdict_text`).
    """

    name: str
    counts: tuple[int, ...]
    answers: int
    official: int | None
    verdict: str
    text: str


def _escape(text: str) -> str:
    """Data text for Plotly labels: shown as typed, never as markup."""
    return html.escape(text, quote=False)


def verdict_text(
    ring: str | None, verdict: str, label: str, agreement: float | None, lang: Lang
) -> str:
    """ "✓ AFPRØV · Enige (80 %)": the group's ring and whether the group agrees.

    Parameters
    ----------
    ring
        The group's ring's label; None when nobody answered.
    verdict
        ``agrees``, ``split`` or ``too_few``.
    label
        The verdict in words, e.g. "Enige".
    agreement
        The share of answers in the group's ring (None without answers).
    """
    if ring is None:
        return t("facilitator.live.no_answers", lang)
    mark = theme.WORKSHOP_VERDICT_MARKS[verdict]
    if verdict == NO_VERDICT or agreement is None:
        body = t("facilitator.live.verdict_few", lang, ring=ring, verdict=label)
    else:
        share = round(agreement * 100)
        body = t("facilitator.live.verdict", lang, ring=ring, verdict=label, share=share)
    return f"{mark} {body}"


def live_chart(
    rows: Sequence[LiveRow], rings: Sequence[str], lang: Lang, *, projector: bool = False
) -> go.Figure:
    """The group's answers per technology and ring, next to the official ring.

    One row per technology (first on top), one column per ring (inside out,
    labelled ``rings``). A cell holds the number of answers; its shade is that
    number's share of the technology's answers, so rows with few and many
    answers read alike. The official ring's cell is framed; right of the row,
    the group's ring and the verdict.

    Parameters
    ----------
    projector
        Larger type and rows, for a room.
    """
    size = theme.WORKSHOP_PROJECTOR_TEXT_SIZE if projector else theme.WORKSHOP_CHART_TEXT_SIZE
    row_height = (
        theme.WORKSHOP_PROJECTOR_ROW_HEIGHT if projector else theme.WORKSHOP_CHART_ROW_HEIGHT
    )
    shares, counts, hover = [], [], []
    for item in rows:
        shares.append([n / item.answers if item.answers else 0 for n in item.counts])
        # Zeros stay blank: the eye finds the rings that got answers.
        counts.append([str(n or "") for n in item.counts])
        hover.append(
            [
                _escape(
                    t(
                        "facilitator.live.hover",
                        lang,
                        technology=item.name,
                        ring=ring,
                        count=n,
                        answers=item.answers,
                    )
                )
                for ring, n in zip(rings, item.counts, strict=True)
            ]
        )
    stops = theme.HEATMAP_COLOURS
    heatmap = go.Heatmap(
        z=shares,
        x=list(range(len(rings))),
        y=list(range(len(rows))),
        zmin=0,
        zmax=1,
        colorscale=[[i / (len(stops) - 1), colour] for i, colour in enumerate(stops)],
        showscale=False,
        xgap=theme.HEATMAP_CELL_GAP,
        ygap=theme.HEATMAP_CELL_GAP,
        text=counts,
        texttemplate="%{text}",
        textfont={"size": size},
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
    )
    frames = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "y",
            "x0": item.official - 0.5,
            "x1": item.official + 0.5,
            "y0": row - 0.5,
            "y1": row + 0.5,
            "line": {
                "color": theme.WORKSHOP_OFFICIAL_OUTLINE,
                "width": theme.WORKSHOP_OFFICIAL_OUTLINE_WIDTH,
            },
            "fillcolor": "rgba(0,0,0,0)",
        }
        for row, item in enumerate(rows)
        if item.official is not None
    ]
    verdicts = [
        {
            "xref": "paper",
            "yref": "y",
            "x": 1,
            "xanchor": "left",
            "xshift": 10,
            "y": row,
            "text": _escape(item.text),
            "showarrow": False,
            "font": {
                "size": size,
                "color": theme.WORKSHOP_VERDICT_COLOURS[
                    item.verdict if item.answers else NO_VERDICT
                ],
            },
        }
        for row, item in enumerate(rows)
    ]
    axis = {
        "fixedrange": True,
        "showgrid": False,
        "zeroline": False,
        "ticks": "",
        "tickfont": {"size": size, "color": theme.TEXT},
    }
    margin = theme.WORKSHOP_PROJECTOR_VERDICT_MARGIN if projector else theme.WORKSHOP_VERDICT_MARGIN
    header = theme.WORKSHOP_CHART_HEADER_HEIGHT + (size - theme.WORKSHOP_CHART_TEXT_SIZE)
    layout = {
        "height": header + row_height * max(len(rows), 1) + theme.CHART_MARGIN["b"],
        "margin": {**theme.CHART_MARGIN, "t": header, "r": margin},
        "paper_bgcolor": theme.BACKGROUND,
        "plot_bgcolor": theme.BACKGROUND,
        "font": {"color": theme.TEXT, "size": size},
        "dragmode": False,
        "showlegend": False,
        "xaxis": {
            **axis,
            "side": "top",
            "tickmode": "array",
            "tickvals": list(range(len(rings))),
            "ticktext": [_escape(ring) for ring in rings],
        },
        "yaxis": {
            **axis,
            "autorange": "reversed",
            "automargin": True,
            "tickmode": "array",
            "tickvals": list(range(len(rows))),
            "ticktext": [_escape(item.name) for item in rows],
        },
        "shapes": frames,
        "annotations": verdicts,
        "hoverlabel": {"bgcolor": theme.BACKGROUND, "font": {"size": size, "color": theme.TEXT}},
    }
    return go.Figure(data=[heatmap], layout=layout)
