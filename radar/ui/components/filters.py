"""The filter row of the radar (area, edition, category, ring, search, changes) and its parts.

Every filter is kept in its URL parameter (:mod:`radar.ui.state`), so the
overview, comparison and presenter pages share the radar page's choices.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Final
from urllib.parse import urlencode, urlsplit

import streamlit as st

from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog, Lang
from radar.pipeline.view import ViewFilter
from radar.ui import state
from radar.ui.components.labels import area_label
from radar.ui.components.text import plain

#: Longest search text kept (and put in the URL).
MAX_QUERY: Final = 200

#: Relative widths of the filter row's columns: area, edition, category, ring,
#: search, "only changes" (wide enough for its label at 1024 px).
FILTER_WIDTHS: Final = [2.6, 1.1, 2.3, 1.6, 2.3, 1.9]
#: Key of the filter row's container.
FILTERS_KEY: Final = "radar_page_filters"
#: Key of the category pills beside the radar, and of the button back to every category.
CATEGORY_KEY: Final = "radar_page_category"
ALL_CATEGORIES_KEY: Final = "radar_page_all_categories"

#: The radar page's two views, and the text key of each one's name.
VIEW_MODES: Final[dict[str, str]] = {"radar": "view.radar", "table": "view.table"}


def _latest(catalog: Catalog, default_edition: int | None) -> int:
    years = list(catalog.years)
    return default_edition if default_edition in years else years[0]


def view_filters(
    catalog: Catalog, lang: Lang, default_edition: int | None, *, drawer: bool = False
) -> ViewFilter:
    """The filter row, one row on a desktop; every filter is kept in its URL parameter.

    With ``drawer`` (phones) the filters sit in a closed drawer, so the radar
    comes first on the screen.
    """
    areas = [COMBINED_AREA, *catalog.area_ids]
    years = list(catalog.years)
    latest = _latest(catalog, default_edition)
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

    holder = (
        st.expander(t("page.filters", lang), icon=":material/tune:")
        if drawer
        else st.container(key=FILTERS_KEY)
    )
    with holder:
        area, edition, sector, ring, query, changed = _filter_row(catalog, lang, areas, years)
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


def _filter_row(
    catalog: Catalog, lang: Lang, areas: Sequence[str], years: Sequence[int]
) -> tuple[Any, Any, str | None, str | None, str, bool]:
    """The six filters side by side (stacked by Streamlit on a phone)."""
    area_col, edition_col, sector_col, ring_col, query_col, changed_col = st.columns(
        FILTER_WIDTHS, vertical_alignment="bottom"
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
    return area, edition, sector, ring, str(query or ""), bool(changed)


def embed_filter(catalog: Catalog, default_edition: int | None) -> ViewFilter:
    """The embedded radar's view (``?embed=1``): area and edition from the URL, no widgets.

    An unknown area or edition falls back to the combined radar and the latest
    edition, as the filter row does.
    """
    area = st.query_params.get(state.AREA) or COMBINED_AREA
    if area not in catalog.area_ids:
        area = COMBINED_AREA
    edition = _latest(catalog, default_edition)
    raw = st.query_params.get(state.EDITION)
    if raw and raw.isdigit() and int(raw) in catalog.years:
        edition = int(raw)
    return ViewFilter(area=area, edition=edition)


def _category_picked() -> None:
    chosen = st.session_state.get(CATEGORY_KEY)
    st.session_state[state.SECTOR] = chosen or None
    state.remember(state.SECTOR)


def category_pills(catalog: Catalog, lang: Lang, chosen: str | None) -> None:
    """The categories as pills: a click shows that category alone, a second click all of them.

    The same choice as the category filter (``?sector=``), and a button back
    to every category while one is chosen.
    """
    st.session_state[CATEGORY_KEY] = chosen
    st.pills(
        t("page.categories", lang),
        options=list(catalog.sector_ids),
        # Pills show their labels as markdown: an imported name is shown as typed.
        format_func=lambda s: plain(catalog.sector(s).label(lang)),
        selection_mode="single",
        key=CATEGORY_KEY,
        on_change=_category_picked,
    )
    if chosen is not None:
        st.button(
            t("page.all_categories", lang),
            key=ALL_CATEGORIES_KEY,
            type="tertiary",
            icon=":material/arrow_back:",
            on_click=_all_categories,
        )


def _all_categories() -> None:
    st.session_state[state.SECTOR] = None
    state.remember(state.SECTOR)


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


def current_view() -> str:
    """The chosen view, radar or table (``?view=``), before its switch is drawn."""
    modes = list(VIEW_MODES)
    state.bind(state.VIEW, modes, modes[0])
    return str(st.session_state[state.VIEW])


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


def embedded() -> bool:
    """Whether the radar is shown alone, in another page's frame (``?embed=true``).

    ``embed`` is Streamlit's own URL parameter: the app cannot read it from
    ``st.query_params``, but Streamlit reports ``embed=true`` as
    ``st.context.is_embedded`` and hides its own header for it.
    """
    return bool(st.context.is_embedded)


def app_base_url(page_path: str = "") -> str:
    """The app's own address (scheme, host and base path), from the browser's URL.

    ``page_path`` is the current page's URL path (``"om"``), left off the end.
    Empty when Streamlit does not know the URL (tests without a browser).
    """
    url = st.context.url or ""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return ""
    path = parts.path.rstrip("/")
    if page_path and path.endswith("/" + page_path):
        path = path[: -len(page_path) - 1]
    return f"{parts.scheme}://{parts.netloc}{path}"


def radar_url(base: str, view_filter: ViewFilter, lang: Lang, *, embed: bool = False) -> str:
    """A link to the radar page showing ``view_filter``'s area and edition."""
    params: dict[str, str] = {}
    if embed:
        params["embed"] = "true"
    params[state.AREA] = view_filter.area
    if view_filter.edition is not None:
        params[state.EDITION] = str(view_filter.edition)
    params[state.LANG] = lang
    return f"{base}/?{urlencode(params)}"


def full_radar_url(view_filter: ViewFilter, lang: Lang) -> str:
    """The full radar page (filters, details) of an embedded radar's view."""
    return radar_url(app_base_url(), view_filter, lang)


#: Height of the frame in the intranet snippet, in pixels: the whole disc at a laptop's width.
EMBED_FRAME_HEIGHT: Final = 760


def embed_snippet(base: str, lang: Lang) -> str:
    """The ``<iframe>`` code an intranet page pastes to show the combined radar alone.

    Text to copy, shown as code, never rendered: the address is escaped for
    the attribute all the same, since the host comes from the request.
    """
    src = radar_url(base or "https://radar.example.dk", ViewFilter(), lang, embed=True)
    title = t("app.title", lang)
    return (
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(title, quote=True)}"'
        f' width="100%" height="{EMBED_FRAME_HEIGHT}" style="border: 0"></iframe>'
    )
