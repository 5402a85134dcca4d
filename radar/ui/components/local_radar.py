"""A workshop's own radar (a saved consensus) beside the official one on the radar page."""

from __future__ import annotations

from functools import partial
from typing import Final

import streamlit as st

from radar import workshop
from radar.drawing.figure import RadarOptions, radar_figure
from radar.i18n import t
from radar.model import COMBINED_AREA, Lang
from radar.pipeline.view import ViewFilter
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components import chart
from radar.ui.components.text import plain


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


def chosen(view_filter: ViewFilter) -> workshop.LocalEdition | None:
    """The workshop radar chosen in ``?local=``, before its picker is drawn; None for none."""
    editions = {e.id: e for e in _editions(view_filter.area)}
    if not editions:
        return None
    state.bind(state.LOCAL, list(editions), None)
    picked = st.session_state.get(state.LOCAL)
    return editions.get(picked) if picked else None


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


#: The group's radar where no official radar is beside it (a facilitator's view).
ALONE: Final = chart.FigureSize(width=700, height=560, compact=False)


def local_chart(
    data: PageData,
    local: workshop.LocalEdition,
    lang: Lang,
    size: chart.FigureSize = ALONE,
) -> None:
    """The group's radar, its shapes saying how it differs from the official one.

    Drawn at ``size``: beside the official radar, the official radar's size,
    so the two compare at a glance.
    """
    view = ui_data.local_radar_view(data.db, local.id, local.edition)
    st.markdown(f"**{plain(local.title)}**")
    fig = radar_figure(
        view, data.catalog, data.technologies, lang, chart.sized_options(RadarOptions(), size)
    )
    chart.show_figure(
        fig,
        key=f"local_chart_{local.id}",
        alt=chart.alt_text(view, data.catalog, local.area, local.edition, lang),
        clickable=False,
    )
    st.caption(t("local.caption", lang))
