"""The filter row of the radar (area, edition, category, ring, search, changes) and its parts.

Every filter is kept in its URL parameter (:mod:`radar.ui.state`), so the
overview, comparison and presenter pages share the radar page's choices.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Final

import streamlit as st

from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog, Lang
from radar.pipeline.view import ViewFilter
from radar.ui import state
from radar.ui.components.labels import area_label

#: Longest search text kept (and put in the URL).
MAX_QUERY: Final = 200

#: The radar page's two views, and the text key of each one's name.
VIEW_MODES: Final[dict[str, str]] = {"radar": "view.radar", "table": "view.table"}


def view_filters(catalog: Catalog, lang: Lang, default_edition: int | None) -> ViewFilter:
    """The filter row; every filter is kept in its URL parameter."""
    areas = [COMBINED_AREA, *catalog.area_ids]
    years = list(catalog.years)
    latest = default_edition if default_edition in years else years[0]
    # (URL parameter, valid values or None for any, default, parser)
    params: tuple[tuple[str, Sequence[Any] | None, Any, Callable[[str], Any]], ...] = (
        (state.AREA, areas, COMBINED_AREA, str),
        (state.EDITION, years, latest, int),
        (state.SECTOR, catalog.sector_ids, None, str),
        (state.RING, catalog.ring_ids, None, str),
        (state.QUERY, None, "", lambda raw: raw[:MAX_QUERY]),
        (state.CHANGED, (True, False), False, state.parse_flag),
    )
    for key, valid, default, parse in params:
        state.bind(key, valid, default, parse)

    area_col, edition_col, sector_col, ring_col, query_col, changed_col = st.columns(
        [3, 1.3, 2.4, 1.8, 2.5, 1.5], vertical_alignment="bottom"
    )
    with area_col:
        area = url_selectbox(
            state.AREA, t("filter.area", lang), areas, lambda a: area_label(catalog, a, lang)
        )
    with edition_col:
        edition = url_selectbox(state.EDITION, t("filter.edition", lang), years, str)
    with sector_col:
        sector = sector_select(catalog, lang)
    with ring_col:
        ring = ring_select(catalog, lang)
    with query_col:
        query = st.text_input(
            t("filter.query", lang),
            placeholder=t("filter.query.placeholder", lang),
            max_chars=MAX_QUERY,
            key=state.QUERY,
            on_change=partial(state.remember, state.QUERY),
        )
    with changed_col:
        changed = st.toggle(
            t("filter.changed", lang),
            help=t("filter.changed.help", lang),
            key=state.CHANGED,
            on_change=partial(state.remember, state.CHANGED),
        )
    for key, _, default, _ in params:
        state.publish(key, default)
    return ViewFilter(
        area=area or COMBINED_AREA,
        edition=edition if edition is not None else latest,
        sector=sector,
        ring=ring,
        query=(query or "").strip(),
        changed=bool(changed),
    )


def sector_select(catalog: Catalog, lang: Lang) -> str | None:
    """The category filter (kept in ``?sector=``); None means every category."""
    chosen: str | None = url_selectbox(
        state.SECTOR,
        t("filter.sector", lang),
        catalog.sector_ids,
        lambda s: catalog.sector(s).label(lang),
        everything=t("filter.sector.all", lang),
    )
    return chosen


def ring_select(catalog: Catalog, lang: Lang) -> str | None:
    """The ring filter (kept in ``?ring=``); None means every ring."""
    chosen: str | None = url_selectbox(
        state.RING,
        t("filter.ring", lang),
        catalog.ring_ids,
        lambda r: catalog.ring(r).label(lang),
        everything=t("filter.ring.all", lang),
    )
    return chosen


def url_selectbox(
    key: str,
    label: str,
    options: Sequence[Any],
    format_func: Callable[[Any], str],
    *,
    everything: str | None = None,
) -> Any:
    """A selectbox kept in URL parameter ``key``; with ``everything``, empty means all."""
    if everything:
        return st.selectbox(
            label,
            options=list(options),
            format_func=format_func,
            key=key,
            on_change=partial(state.remember, key),
            index=None,
            placeholder=everything,
        )
    return st.selectbox(
        label,
        options=list(options),
        format_func=format_func,
        key=key,
        on_change=partial(state.remember, key),
    )


def view_switch(lang: Lang) -> str:
    """Radar or table, kept in ``?view=``."""
    modes = list(VIEW_MODES)
    state.bind(state.VIEW, modes, modes[0])
    mode = st.segmented_control(
        t("filter.view", lang),
        options=modes,
        format_func=lambda v: t(VIEW_MODES[v], lang),
        required=True,
        key=state.VIEW,
        on_change=partial(state.remember, state.VIEW),
        label_visibility="collapsed",
    )
    state.publish(state.VIEW, modes[0])
    return str(mode)
