"""The interactive radar: hover for a summary, click a blip for its details."""

from __future__ import annotations

from functools import partial

import streamlit as st

from radar.drawing.figure import OVERFLOW_KEY
from radar.model import Lang
from radar.pipeline.view import ViewFilter
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.cache import PageData


def chart_config() -> dict[str, bool]:
    """Plotly's options for every chart of the app: no toolbar, resizing with the page.

    A fresh dict each time: Streamlit is handed it to keep.
    """
    return {"displayModeBar": False, "responsive": True}


def _chart_clicked(key: str) -> None:
    points = st.session_state[key]["selection"]["points"]
    if not points:
        return
    clicked = points[0].get("customdata")
    if isinstance(clicked, list):
        clicked = clicked[0] if clicked else None
    if not clicked:
        return
    if str(clicked).startswith(f"{OVERFLOW_KEY}:"):
        _, sector, ring = str(clicked).split(":", 2)
        st.session_state[state.OVERFLOW_CELL] = (sector, ring)
    else:
        state.select_tech(str(clicked))


def radar_chart(data: PageData, view_filter: ViewFilter, lang: Lang, selected: str | None) -> None:
    """The interactive radar: hover for a summary, click a blip for its details."""
    fig = ui_data.figure(data.db, view_filter, lang, selected, state.is_phone())
    key = state.selection_key("radar_chart")
    st.plotly_chart(
        fig,
        key=key,
        on_select=partial(_chart_clicked, key),
        selection_mode="points",
        width="stretch",
        config=chart_config(),
    )
