"""A technology's own screen: its ring in every area over the editions, its scores,
example cases, related technologies, and the way back to it on the radar.

URL: ``/teknologi?tech=<id>`` (with ``lang``, and the radar's ``area`` and
``edition``, kept for the link back).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from radar.i18n import t
from radar.model import COMBINED_AREA, DEFAULT_LANG, Lang
from radar.pipeline import timeline
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components.change_log import change_log
from radar.ui.components.chart import chart_config
from radar.ui.components.details import cases
from radar.ui.components.labels import area_label
from radar.ui.components.navigation import RADAR_PAGE, TECHNOLOGY_PAGE
from radar.ui.components.technology import technology_picker, technology_rings
from radar.ui.components.text import plain


def _link_params(technology_id: str, latest: int, lang: Lang) -> dict[str, str]:
    """URL parameters for a link to ``technology_id`` that keeps the rest of the view."""
    params = {state.TECH: technology_id}
    if st.session_state[state.AREA] != COMBINED_AREA:
        params[state.AREA] = st.session_state[state.AREA]
    if st.session_state[state.EDITION] != latest:
        params[state.EDITION] = str(st.session_state[state.EDITION])
    if lang != DEFAULT_LANG:
        params[state.LANG] = lang
    return params


def render() -> None:
    """Draw the technology page."""
    lang = state.current_lang()
    page = ui_data.page_data()
    catalog = page.catalog
    latest = ui_data.default_edition(page.db) or catalog.years[0]
    areas = [COMBINED_AREA, *catalog.area_ids]

    tech_id, unknown = technology_picker(page, lang)
    # The radar's area and edition are kept (and stay in the URL), so the link
    # back opens the radar as the user left it.
    state.bind(state.AREA, areas, COMBINED_AREA)
    state.bind(state.EDITION, list(catalog.years), latest, int)
    state.publish(state.EDITION, latest)
    if tech_id is None:
        state.publish(state.AREA, COMBINED_AREA)
        if unknown:
            st.info(t("technology.unknown", lang, id=plain(unknown)))
        else:
            st.info(t("technology.choose", lang))
        st.stop()

    tech = page.technologies[tech_id]
    rows = ui_data.technology_history(page.db, tech_id)

    head, back = st.columns([4, 1], vertical_alignment="bottom")
    with head:
        st.header(plain(tech.label(lang)), anchor=False)
        st.caption(plain(catalog.sector(tech.sector).label(lang)))
    with back:
        st.page_link(
            RADAR_PAGE,
            label=t("technology.back", lang),
            icon=":material/radar:",
            query_params=_link_params(tech_id, latest, lang),
        )
    st.markdown(f"**{plain(tech.summary(lang))}**")
    st.text(tech.description(lang))

    if rows.empty:
        st.info(t("technology.never", lang))
    else:
        _history(page, tech_id, rows, latest, areas, lang)
    state.publish(state.AREA, COMBINED_AREA)

    cases_col, related_col = st.columns(2, gap="large")
    with cases_col:
        details = ui_data.details(page.db, tech_id, latest)
        if details is not None:
            cases(details, lang)
    with related_col:
        _related(page, tech_id, latest, lang)

    change_log(page.db, tech_id, lang)


def _history(
    page: PageData,
    tech_id: str,
    rows: pd.DataFrame,
    latest: int,
    areas: list[str],
    lang: Lang,
) -> None:
    """The rings now, the ring timeline and the scores over time in the chosen area."""
    catalog = page.catalog
    # The newest edition, or the technology's last one if it has left the radar.
    shown = latest if (rows["edition"] == latest).any() else int(rows["edition"].max())
    st.subheader(t("technology.rings_now", lang, edition=shown), anchor=False)
    if shown != latest:
        st.caption(t("technology.not_current", lang, latest=latest, edition=shown))
    technology_rings(timeline.placements_in(rows, catalog, shown), catalog, lang)

    st.subheader(t("technology.timeline", lang), anchor=False)
    st.plotly_chart(
        ui_data.ring_timeline(page.db, tech_id, lang),
        key="technology_ring_timeline",
        width="stretch",
        config=chart_config(),
    )
    st.caption(t("technology.timeline.caption", lang, inner=plain(catalog.rings[0].label(lang))))

    st.subheader(t("technology.scores", lang), anchor=False)
    area = st.selectbox(
        t("technology.scores.area", lang),
        options=areas,
        format_func=lambda a: area_label(catalog, a, lang),
        key=state.AREA,
        on_change=state.remember,
        args=(state.AREA,),
    )
    if (rows["area"] == area).any():
        st.plotly_chart(
            ui_data.score_timeline(page.db, tech_id, lang, area),
            key="technology_score_timeline",
            width="stretch",
            config=chart_config(),
        )
        st.caption(t("technology.scores.caption", lang))
    else:
        area_name = area_label(catalog, area, lang)
        st.info(t("technology.scores.empty", lang, area=plain(area_name)))


def _related(page: PageData, tech_id: str, latest: int, lang: Lang) -> None:
    """Same-sector technologies, most alike first, each a link to its own page."""
    catalog = page.catalog
    st.markdown(f"**{t('technology.related', lang)}**")
    related = ui_data.related_technologies(page.db, tech_id, latest)
    if related.empty:
        st.caption(t("technology.related.none", lang, edition=latest))
        return
    st.caption(t("technology.related.caption", lang, edition=latest))
    for row in related.itertuples():
        technology_id = str(row.id)
        name = page.technologies[technology_id].label(lang)
        ring = catalog.ring(str(row.ring)).label(lang)
        st.page_link(
            TECHNOLOGY_PAGE,
            label=plain(t("technology.related.link", lang, name=name, ring=ring)),
            icon=":material/timeline:",
            query_params=_link_params(technology_id, latest, lang),
        )
