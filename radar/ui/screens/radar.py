"""The radar screen: filters, the interactive radar (or table), legend and details.

On a desktop the radar takes the window's height under one filter row, with a
side panel beside it (details, how to read the radar, the lists) that keeps the
radar where it is; on a phone the filters sit in a drawer and the radar comes
first. ``?embed=true`` shows the radar alone, for a frame on an intranet page.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from radar import theme, workshop
from radar.drawing.figure import RadarOptions
from radar.i18n import t
from radar.model import Lang
from radar.pipeline.view import ViewFilter
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components import chart, details, filters, legend, local_radar, presenter, table
from radar.ui.components.labels import area_label
from radar.ui.components.radar_page_style import (
    LISTS_KEY,
    SIDE_KEY,
    apply_embed_style,
    apply_page_style,
    scroll_to_details,
)
from radar.ui.components.text import plain
from radar.ui.components.viewport import Viewport, viewport

#: Session key of the search text that last opened a technology by itself.
_JUMPED_QUERY = "_radar_page_jumped_query"


def render() -> None:
    """Draw the radar page."""
    if presenter.presenting():  # ?present=1: this radar, on the presenter page
        presenter.open_presenter()

    lang = state.current_lang()
    page = ui_data.page_data()
    window = viewport()
    if filters.embedded():
        _embedded(page, lang, window)
        return
    apply_page_style()

    view_filter = filters.view_filters(
        page.catalog, lang, ui_data.default_edition(page.db), drawer=window.phone
    )
    view = ui_data.radar_view(page.db, view_filter)
    _open_single_match(view, view_filter)
    selected = state.selected_tech()
    local = local_radar.chosen(view_filter)

    if local is not None and not window.phone:
        _side_by_side(page, view_filter, view, local, lang, selected, window)
        return
    main, side = st.columns([theme.RADAR_COLUMN_SHARE, 1 - theme.RADAR_COLUMN_SHARE], gap="medium")
    with main:
        _radar_or_table(page, view_filter, view, lang, selected, chart.figure_size(window))
        if local is not None:  # a phone: the group's radar under the official one
            local_radar.local_chart(page, local, lang, chart.figure_size(window))
    with side, st.container(key=SIDE_KEY):
        _side_panel(page, view_filter, view, lang, selected)
    scroll_to_details(selected)


def _open_single_match(view: pd.DataFrame, view_filter: ViewFilter) -> None:
    """A search that finds exactly one technology opens it, once per search text.

    Closing it again keeps it closed until the search changes.
    """
    query = view_filter.query
    if not query:
        st.session_state.pop(_JUMPED_QUERY, None)
        return
    if st.session_state.get(_JUMPED_QUERY) == query:
        return
    matches = view[view["visible"] & view["match"]]
    if len(matches) == 1:
        st.session_state[_JUMPED_QUERY] = query
        state.select_tech(str(matches["id"].iloc[0]))


def _radar_or_table(
    page: PageData,
    view_filter: ViewFilter,
    view: pd.DataFrame,
    lang: Lang,
    selected: str | None,
    size: chart.FigureSize,
) -> None:
    visible = view[view["visible"]]
    if visible.empty:
        st.info(t("radar.no_changes" if view_filter.changed else "radar.empty", lang))
    elif filters.current_view() == "table":
        table.table_view(view, page, lang, selected)
    else:
        chart.radar_chart(page, view_filter, view, lang, selected, size)


def _caption(page: PageData, view_filter: ViewFilter, view: pd.DataFrame, lang: Lang) -> str:
    visible = view[view["visible"]]
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
    return plain(caption) + "  \n" + ui_data.notice(page.db, lang)


def _side_head(page: PageData, view_filter: ViewFilter, view: pd.DataFrame, lang: Lang) -> None:
    """What is shown, the radar/table switch, the table link and the workshop radar picker.

    The link to the table sits here, in the first screen beside the radar,
    rather than under the radar, whose height it would cost.
    """
    st.caption(_caption(page, view_filter, view, lang))
    with st.container(horizontal=True, vertical_alignment="center"):
        if filters.view_switch(lang) != "table":
            chart.table_link(lang)
    local_radar.picker(view_filter, lang)


def _side_panel(
    page: PageData,
    view_filter: ViewFilter,
    view: pd.DataFrame,
    lang: Lang,
    selected: str | None,
) -> None:
    """What the radar shows, in words: the open details on top, the lists under them."""
    _head_and_details(page, view_filter, view, lang, selected)
    with st.container(key=LISTS_KEY):
        if not selected:
            st.caption(t("radar.hint", lang))
        details.reading_guide(page.catalog, lang)
        filters.category_pills(page.catalog, lang, view_filter.sector)
        _lists(page, view_filter, view, lang, selected)


def _head_and_details(
    page: PageData,
    view_filter: ViewFilter,
    view: pd.DataFrame,
    lang: Lang,
    selected: str | None,
) -> None:
    """What is shown and the switches, then the open technology's details, if any."""
    edition = view_filter.edition
    assert edition is not None  # the filter row always picks one
    _side_head(page, view_filter, view, lang)
    if selected:
        details.details_panel(
            ui_data.details(page.db, selected, edition),
            selected,
            view_filter.area,
            view,
            page,
            lang,
        )


def _lists(
    page: PageData,
    view_filter: ViewFilter,
    view: pd.DataFrame,
    lang: Lang,
    selected: str | None,
) -> None:
    edition = view_filter.edition
    assert edition is not None
    gone, previous = ui_data.movement(page.db, view_filter.area, edition)
    legend.overflow_list(view, page, lang)
    legend.movement_key(view, gone, edition, previous, page, lang)
    legend.legend(view, page, lang, selected)


def _side_by_side(
    page: PageData,
    view_filter: ViewFilter,
    view: pd.DataFrame,
    local: workshop.LocalEdition,
    lang: Lang,
    selected: str | None,
    window: Viewport,
) -> None:
    """The official radar and a workshop's beside it, each half the page, the same size."""
    size = chart.figure_size(window, columns=2)
    official, own = st.columns(2, gap="medium")
    with official:
        st.markdown(f"**{t('local.official', lang, edition=view_filter.edition)}**")
        _radar_or_table(page, view_filter, view, lang, selected, size)
    with own:
        local_radar.local_chart(page, local, lang, size)
    # Under the two radars, the side panel's parts in two columns.
    info, lists = st.columns(2, gap="medium")
    with info:
        _head_and_details(page, view_filter, view, lang, selected)
        if not selected:
            st.caption(t("radar.hint", lang))
        details.reading_guide(page.catalog, lang)
    with lists:
        filters.category_pills(page.catalog, lang, view_filter.sector)
        _lists(page, view_filter, view, lang, selected)


def _embedded(page: PageData, lang: Lang, window: Viewport) -> None:
    """The radar alone, for a frame on another page: no title, menu or filters.

    Area and edition come from the URL; a link opens the full radar in a new tab.
    """
    apply_embed_style()
    view_filter = filters.embed_filter(page.catalog, ui_data.default_edition(page.db))
    view = ui_data.radar_view(page.db, view_filter)
    size = chart.figure_size(window, embed=True)
    options = chart.sized_options(RadarOptions(), size)
    assert view_filter.edition is not None
    chart.show_figure(
        ui_data.figure(page.db, view_filter, lang, options),
        key="radar_page_embedded_chart",
        alt=chart.alt_text(view, page.catalog, view_filter.area, view_filter.edition, lang),
        clickable=False,
    )
    notice, link = st.columns([3, 1], vertical_alignment="center")
    with notice:
        st.caption(_caption(page, view_filter, view, lang))
    with link:
        st.link_button(
            t("page.embed.open", lang),
            filters.full_radar_url(view_filter, lang),
            type="tertiary",
            icon=":material/open_in_new:",
        )
