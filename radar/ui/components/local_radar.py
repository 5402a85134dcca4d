"""A workshop's own radar (a saved consensus) beside the official one on the radar page."""

from __future__ import annotations

from functools import partial

import streamlit as st

from radar import workshop
from radar.drawing.figure import RadarOptions, radar_figure
from radar.i18n import t
from radar.model import COMBINED_AREA, Lang
from radar.pipeline.view import ViewFilter
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components.text import plain

#: Height of each of the two radars side by side, in pixels.
SIDE_BY_SIDE_HEIGHT = 560


def _editions(area: str) -> tuple[workshop.LocalEdition, ...]:
    """The area's published workshop radars; none when the workshop store is unavailable.

    Only those an editor has published: a saved one is seen in its workshop's
    facilitator view until then.
    """
    if area == COMBINED_AREA:
        return ()
    # The official radar must stay usable whatever happens to the workshop store.
    con = ui_data.optional_workshop_connection()
    return workshop.list_local_editions(con, area, published_only=True) if con is not None else ()


def picker(view_filter: ViewFilter, lang: Lang) -> workshop.LocalEdition | None:
    """Choose a published workshop radar of the area (kept in ``?local=``); None for none.

    Shows nothing when the area has no published workshop radars.
    """
    editions = {e.id: e for e in _editions(view_filter.area)}
    if not editions:
        return None
    state.bind(state.LOCAL, list(editions), None)
    chosen = st.selectbox(
        t("local.picker", lang),
        options=list(editions),
        format_func=lambda i: editions[i].title,
        index=None,
        placeholder=t("local.none", lang),
        help=t("local.help", lang),
        key=state.LOCAL,
        on_change=partial(state.remember, state.LOCAL),
    )
    state.publish(state.LOCAL, None)
    return editions.get(chosen) if chosen else None


def local_chart(data: PageData, local: workshop.LocalEdition, lang: Lang) -> None:
    """The group's radar, its shapes saying how it differs from the official one."""
    view = ui_data.local_radar_view(data.db, local.id, local.edition)
    st.markdown(f"**{plain(local.title)}**")
    st.caption(t("local.caption", lang))
    fig = radar_figure(
        view,
        data.catalog,
        data.technologies,
        lang,
        RadarOptions(height=SIDE_BY_SIDE_HEIGHT, scale=0.85),
    )
    st.plotly_chart(
        fig, key=f"local_chart_{local.id}", width="stretch", config={"displayModeBar": False}
    )
