"""The overview screen across areas: every technology's ring in every area, the largest
gaps, the counts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

import pandas as pd
import streamlit as st

from radar import theme
from radar.drawing.charts import ring_heatmap
from radar.i18n import t
from radar.model import COMBINED_AREA, DEFAULT_LANG, Catalog, Lang
from radar.pipeline.overview import (
    filter_matrix,
    gap_table,
    matrix_table,
    ring_cell_labels,
    ring_gaps,
)
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.components.chart import chart_config
from radar.ui.components.filters import ring_select, sector_select, url_selectbox
from radar.ui.components.labels import area_label, technology_name
from radar.ui.components.navigation import TECHNOLOGY_PAGE
from radar.ui.components.text import plain
from radar.ui.components.viewport import viewport

#: How many technologies the "largest gaps" table lists.
GAP_LIMIT: Final = 15
#: Tallest the matrix grows before it scrolls, in pixels.
MATRIX_MAX_HEIGHT: Final = 560
#: Bumped before leaving for a technology's page: the tables get fresh keys, so
#: they come back without a selection instead of sending the user off again.
_GENERATION: Final = "_overview_generation"

#: Opens the technology of the row selected in a table (its key, the ids by row).
_Follow = Callable[[str, Sequence[str]], None]


def _open_technology(technology_id: str, edition: int, latest: int, lang: Lang) -> None:
    """Go to the technology's page, keeping the language and a non-default edition."""
    st.session_state[_GENERATION] = st.session_state.get(_GENERATION, 0) + 1
    query = {state.TECH: technology_id}
    if lang != DEFAULT_LANG:
        query[state.LANG] = lang
    if edition != latest:
        query[state.EDITION] = str(edition)
    st.switch_page(TECHNOLOGY_PAGE, query_params=query)


def _follow_selection(key: str, ids: Sequence[str], edition: int, latest: int, lang: Lang) -> None:
    """Open the technology of the row selected in table ``key``, if any."""
    rows = st.session_state[key]["selection"]["rows"]
    if rows:
        _open_technology(ids[rows[0]], edition, latest, lang)


def _table_key(table: str) -> str:
    return f"overview_{table}_{st.session_state.get(_GENERATION, 0)}"


def render() -> None:
    """Draw the overview page."""
    lang = state.current_lang()
    page = ui_data.page_data()
    catalog = page.catalog

    years = list(catalog.years)
    assessed = ui_data.default_edition(page.db)
    latest = assessed if assessed in years else years[0]
    # (URL parameter, valid values, default, parser): the radar page's names and
    # defaults, so a filter chosen on one page holds on the other.
    params = (
        (state.EDITION, years, latest, int),
        (state.SECTOR, catalog.sector_ids, None, str),
        (state.RING, catalog.ring_ids, None, str),
    )
    for key, valid, default, parse in params:
        state.bind(key, valid, default, parse)
    # A technology id left in the URL by the browser's back button from a
    # technology's page: this page shows no single technology, so it goes.
    if state.TECH in st.query_params:
        del st.query_params[state.TECH]

    # A phone shows one area's column at a time, chosen above the table: the
    # seven columns side by side would need sideways scrolling.
    phone = viewport().phone
    areas = [COMBINED_AREA, *catalog.area_ids]
    if phone:
        state.bind(state.AREA, areas, COMBINED_AREA, str)

    st.header(t("overview.title", lang), anchor=False)
    st.caption(t("overview.intro", lang) + "  \n" + ui_data.notice(page.db, lang))

    # The same widths as the radar page's filter row, so the filters line up.
    edition_col, sector_col, ring_col, _ = st.columns([1.3, 2.4, 1.8, 5.5])
    with edition_col:
        chosen = url_selectbox(state.EDITION, t("filter.edition", lang), years, str)
    with sector_col:
        sector = sector_select(catalog, lang)
    with ring_col:
        ring = ring_select(catalog, lang)
    area: str | None = None
    if phone:
        area = url_selectbox(
            state.AREA,
            t("access.overview.area", lang),
            areas,
            lambda a: area_label(catalog, a, lang),
        )
        state.publish(state.AREA, COMBINED_AREA)
    for key, _, default, _ in params:
        state.publish(key, default)
    edition: int = chosen if chosen is not None else latest

    matrix = ui_data.ring_matrix(page.db, edition)
    if matrix.empty:
        st.info(t("overview.no_data", lang, edition=edition))
        st.stop()

    shown = filter_matrix(matrix, catalog, sector, ring)
    names = {i: technology_name(page.technologies, i, lang) for i in shown["id"]}
    shown = shown.assign(_name=[names[i].casefold() for i in shown["id"]]).sort_values("_name")

    def follow(key: str, ids: Sequence[str]) -> None:
        _follow_selection(key, ids, edition, latest, lang)

    _matrix(shown, names, catalog, ring, edition, lang, follow, area=area)
    _gaps(shown, names, catalog, lang, follow, phone=phone)
    _heatmap(page.db, catalog, edition, sector, lang)


def _matrix(
    shown: pd.DataFrame,
    names: dict[str, str],
    catalog: Catalog,
    ring: str | None,
    edition: int,
    lang: Lang,
    follow: _Follow,
    *,
    area: str | None = None,
) -> None:
    """Every shown technology's ring in every area, tinted by ring; a row opens its page.

    With ``area`` (a phone), only that area's column beside the names.
    """
    st.subheader(t("overview.matrix.title", lang), anchor=False)
    if shown.empty:
        st.info(t("radar.empty", lang))
        return
    caption = t("overview.matrix.caption", lang, count=len(shown), edition=edition)
    if ring is not None:
        caption += " " + t("overview.ring_note", lang, ring=catalog.ring(ring).label(lang))
    st.caption(plain(caption))
    table = matrix_table(shown, catalog, names, lang)
    if area is not None:
        # The area columns follow the name and category, in this order.
        position = [*catalog.area_ids, COMBINED_AREA].index(area)
        table = table.iloc[:, [0, 2 + position]]
        ring_columns = list(table.columns[1:])
    else:
        ring_columns = list(table.columns[2:])
    labels = ring_cell_labels(catalog, lang)
    absent = max(labels)

    def cell_style(position: int) -> str:
        """A ring's tint, darkest in the centre; plain muted text off the radar."""
        if position == absent:
            return f"color: {theme.MUTED_TEXT}"
        fills = theme.MATRIX_RING_FILLS
        return f"background-color: {fills[min(position, len(fills)) - 1]}; color: {theme.TEXT}"

    # The cells hold ring positions, so sorting runs from the centre out; the
    # styler shows the ring names instead of the numbers.
    styled = table.style.format(labels.__getitem__, subset=ring_columns).map(
        cell_style, subset=ring_columns
    )
    # On a phone the names wrap onto a second line instead of being cut off
    # (Streamlit wraps text only in rows taller than 4rem).
    row_height = theme.OVERVIEW_PHONE_ROW_HEIGHT if area is not None else None
    rows_height = (row_height or theme.OVERVIEW_ROW_HEIGHT) * len(table)
    st.dataframe(
        styled,
        key=_table_key("matrix"),
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        height=min(theme.OVERVIEW_HEADER_HEIGHT + rows_height, MATRIX_MAX_HEIGHT),
        row_height=row_height,
        column_config={
            # Not pinned: Streamlit draws a pinned column's text in a light grey
            # (below 4.5:1), and the names are what the table is read by.
            table.columns[0]: st.column_config.TextColumn(pinned=False),
            **{column: st.column_config.Column(alignment="left") for column in ring_columns},
        },
    )
    follow(_table_key("matrix"), shown["id"].tolist())


def _gaps(
    shown: pd.DataFrame,
    names: dict[str, str],
    catalog: Catalog,
    lang: Lang,
    follow: _Follow,
    *,
    phone: bool = False,
) -> None:
    """The technologies whose rings differ most between areas; a row opens its page.

    On a phone without the gap's number (the order says it), the texts wrapping.
    """
    st.subheader(t("overview.gaps.title", lang), anchor=False)
    gaps = ring_gaps(shown, catalog, names)
    gaps = gaps[gaps["gap"] > 0].head(GAP_LIMIT)
    if gaps.empty:
        st.info(t("overview.gaps.none", lang))
        return
    st.caption(t("overview.gaps.caption", lang, limit=GAP_LIMIT))
    gap_frame = gap_table(gaps, catalog, names, lang)
    if phone:
        gap_frame = gap_frame.drop(columns=gap_frame.columns[1])
    row_height = theme.OVERVIEW_PHONE_GAP_ROW_HEIGHT if phone else theme.OVERVIEW_ROW_HEIGHT
    st.dataframe(
        gap_frame,
        key=_table_key("gaps"),
        on_select="rerun",
        selection_mode="single-row",
        hide_index=True,
        width="stretch",
        # Tall enough for every row: the list is short and should not scroll.
        height=theme.OVERVIEW_HEADER_HEIGHT + row_height * len(gap_frame),
        row_height=row_height if phone else None,
        column_config={
            column: st.column_config.TextColumn(width=theme.OVERVIEW_PHONE_GAP_WIDTH)
            for column in gap_frame.columns
        }
        if phone
        else {gap_frame.columns[1]: st.column_config.NumberColumn(width="small", format="%d")},
    )
    follow(_table_key("gaps"), gaps["id"].tolist())


def _heatmap(db: str, catalog: Catalog, edition: int, sector: str | None, lang: Lang) -> None:
    """Blips per area and ring, in a narrow column."""
    # The heatmap is a few cells wide: at full width its cells would be long slabs.
    counts_col, _ = st.columns([3, 2])
    with counts_col:
        st.subheader(t("overview.heatmap.title", lang), anchor=False)
        caption = t("overview.heatmap.caption", lang, edition=edition)
        if sector is not None:
            caption += " " + t(
                "overview.heatmap.sector", lang, sector=catalog.sector(sector).label(lang)
            )
        st.caption(plain(caption))
        st.plotly_chart(
            ring_heatmap(ui_data.ring_counts(db, edition, sector), catalog, lang),
            key="overview_heatmap",
            width="stretch",
            config=chart_config(),
        )
