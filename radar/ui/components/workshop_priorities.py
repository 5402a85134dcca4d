"""The prioritising round and the consequence ratings, live: the ranking and the means.

The facilitator's view has the switch that opens and closes the round, the
ranking by points (a chart with the same numbers in a table beside it, its
text alternative) and the consequence ratings per technology and dimension.
The projector shows the ranking once there are points and the results are
visible; while the facilitator hides the results, only how many gave points.
Technology names are shown as plain text.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from radar import theme, workshop
from radar.drawing.workshop_priorities import PointsRow, ranking_chart
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import warn
from radar.ui.components.workshop_controls import voting_switch
from radar.ui.components.workshop_keys import (
    CONSEQUENCES_TABLE,
    VOTING_CHART,
    VOTING_SUMMARY,
    VOTING_TABLE,
)
from radar.workshop import Priorities, Workshop, WorkshopError

__all__ = ["priorities_section"]


def priorities_section(
    con: Connection, ws: Workshop, lang: Lang, *, projector: bool, refresh: bool
) -> None:
    """The prioritising round's part of the page, read afresh every refresh.

    Parameters
    ----------
    projector
        The room's view: no switch, no consequence ratings, the ranking only
        while the results are visible.
    refresh
        Rerun every :data:`theme.WORKSHOP_REFRESH_SECONDS` (a fragment).
    """
    if not projector:
        st.subheader(t("facilitator.voting.heading", lang), anchor=False)
        voting_switch(con, ws, lang)
    run_every = theme.WORKSHOP_REFRESH_SECONDS if refresh else None
    st.fragment(run_every=run_every)(_live)(con, ws.id, lang, projector)


def _live(con: Connection, workshop_id: str, lang: Lang, projector: bool) -> None:
    # Never cached: every run reads the points as they are now.
    try:
        result = workshop.priorities(con, workshop_id)
    except WorkshopError as exc:
        warn(exc, lang)
        return
    ws = result.workshop
    if projector:
        if not ws.voting_open and not result.voters:
            return  # no round yet: nothing to say to the room
        st.subheader(t("facilitator.voting.heading", lang), anchor=False)
    else:
        status = "facilitator.voting.is_open" if ws.voting_open else "facilitator.voting.is_closed"
        st.caption(t(status, lang))
    with st.container(key=VOTING_SUMMARY):
        st.markdown(
            plain(
                t(
                    "facilitator.voting.summary",
                    lang,
                    points=result.points,
                    voters=result.voters,
                    participants=result.participants,
                )
            )
        )
    if projector and not ws.results_visible:
        return  # only the counts until the facilitator reveals the results
    if not result.voters:
        st.caption(t("facilitator.voting.none", lang))
    else:
        _ranking(result, lang, projector=projector)
    if not projector:
        _consequences(result, lang)


def _ranking(result: Priorities, lang: Lang, *, projector: bool) -> None:
    """The chart, and the same numbers in a table: the chart's text alternative."""
    rows = [
        PointsRow(item.technology.label(lang), item.points, item.voters) for item in result.ranking
    ]
    chart, table = st.columns([3, 2]) if not projector else (st.container(), st.container())
    with chart:
        st.plotly_chart(
            ranking_chart(rows, lang, projector=projector),
            key=VOTING_CHART,
            width="stretch",
            config={"displayModeBar": False, "responsive": True},
        )
        st.caption(t("facilitator.voting.chart_caption", lang))
    with table, st.container(key=VOTING_TABLE):
        _table(workshop.ranking_frame(result, lang), alt=t("facilitator.voting.heading", lang))


def _consequences(result: Priorities, lang: Lang) -> None:
    st.subheader(t("facilitator.consequences.heading", lang), anchor=False)
    if not result.raters:
        st.caption(t("facilitator.consequences.none", lang))
        return
    rated = [item.technology.id for item in result.ratings if item.rated]
    frame = workshop.consequences_frame(result, lang)
    # Only the technologies someone rated: a row of "no ratings" says nothing.
    frame = frame[[item.technology.id in rated for item in result.ratings]]
    with st.container(key=CONSEQUENCES_TABLE):
        _table(frame, alt=t("facilitator.consequences.heading", lang))
    st.caption(t("facilitator.consequences.caption", lang, raters=result.raters))


def _table(frame: pd.DataFrame, *, alt: str) -> None:
    """A small table as HTML, every text as typed: st.table reads Markdown, so it is escaped."""
    shown = frame.copy()
    shown.columns = [plain(str(c)) for c in shown.columns]
    for column in shown.columns:
        if not pd.api.types.is_numeric_dtype(shown[column]):
            shown[column] = [plain(str(v)) for v in shown[column]]
    st.table(shown, hide_index=True, alt=alt)
