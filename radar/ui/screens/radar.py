"""The radar screen: filters, the interactive radar (or table), legend and details."""

from __future__ import annotations

import streamlit as st

from radar.i18n import t
from radar.pipeline import history
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.components import chart, details, filters, legend, local_radar, presenter, table
from radar.ui.components.labels import area_label
from radar.ui.components.text import plain


def render() -> None:
    """Draw the radar page."""
    if presenter.presenting():  # ?present=1: this radar, on the presenter page
        presenter.open_presenter()

    lang = state.current_lang()
    page = ui_data.page_data()

    view_filter = filters.view_filters(page.catalog, lang, ui_data.default_edition(page.db))
    edition = view_filter.edition
    # The filter row always picks an edition; the type allows None for "the latest".
    assert edition is not None
    view = ui_data.radar_view(page.db, view_filter)
    area_history = ui_data.area_history(page.db, view_filter.area)
    selected = state.selected_tech()
    visible = view[view["visible"]]

    info, local_col, switch = st.columns([3, 1.5, 1], vertical_alignment="center")
    with local_col:
        local = local_radar.picker(view_filter, lang)
    with info:
        caption = t(
            "radar.caption",
            lang,
            area=area_label(page.catalog, view_filter.area, lang),
            edition=view_filter.edition,
            count=len(visible),
        )
        if view_filter.query:
            caption += " · " + t(
                "radar.matches",
                lang,
                matches=int(visible["match"].sum()),
                count=len(visible),
                query=view_filter.query,
            )
        st.caption(plain(caption) + "  \n" + ui_data.notice(page.db, lang))
    with switch:
        mode = filters.view_switch(lang)

    main, side = st.columns([5, 3], gap="medium")
    with main:
        if visible.empty:
            st.info(t("radar.no_changes" if view_filter.changed else "radar.empty", lang))
        elif mode == "table":
            table.table_view(view, page, lang, selected)
        elif local is not None:
            official, own = st.columns(2)
            with official:
                st.markdown(f"**{t('local.official', lang, edition=view_filter.edition)}**")
                chart.radar_chart(page, view_filter, lang, selected)
            with own:
                local_radar.local_chart(page, local, lang)
        else:
            chart.radar_chart(page, view_filter, lang, selected)
    with side:
        if selected:
            details.details_panel(
                ui_data.details(page.db, selected, edition),
                selected,
                view_filter.area,
                view,
                page,
                lang,
            )
        else:
            st.caption(t("radar.hint", lang))
        legend.overflow_list(view, page, lang)
        legend.movement_key(
            view,
            history.dropped(area_history, edition),
            edition,
            history.previous_edition(area_history, edition),
            page,
            lang,
        )
        legend.legend(view, page, lang, selected)
