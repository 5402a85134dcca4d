"""A technology's own page: its ring in every area over the editions, its scores,
example cases, related technologies, and the way back to it on the radar.

URL: ``/teknologi?tech=<id>`` (with ``lang``, and the radar's ``area`` and
``edition``, kept for the link back).
"""

import streamlit as st

from radar.i18n import t
from radar.model import COMBINED_AREA, DEFAULT_LANG
from radar.pipeline import timeline
from radar.ui import cache as ui_data
from radar.ui import editing as ui_editing
from radar.ui import state, widgets

lang = state.current_lang()
page = ui_data.page_data()
catalog = page.catalog
latest = ui_data.default_edition(page.db) or catalog.years[0]
areas = [COMBINED_AREA, *catalog.area_ids]

tech_id, unknown = widgets.technology_picker(page, lang)
# The radar's area and edition are kept (and stay in the URL), so the link
# back opens the radar as the user left it.
state.bind(state.AREA, areas, COMBINED_AREA)
state.bind(state.EDITION, list(catalog.years), latest, int)
state.publish(state.EDITION, latest)
if tech_id is None:
    state.publish(state.AREA, COMBINED_AREA)
    if unknown:
        st.info(t("technology.unknown", lang, id=widgets.plain(unknown)))
    else:
        st.info(t("technology.choose", lang))
    st.stop()


def link_params(technology_id: str) -> dict[str, str]:
    """URL parameters for a link to ``technology_id`` that keeps the rest of the view."""
    params = {state.TECH: technology_id}
    if st.session_state[state.AREA] != COMBINED_AREA:
        params[state.AREA] = st.session_state[state.AREA]
    if st.session_state[state.EDITION] != latest:
        params[state.EDITION] = str(st.session_state[state.EDITION])
    if lang != DEFAULT_LANG:
        params[state.LANG] = lang
    return params


tech = page.technologies[tech_id]
history = ui_data.technology_history(page.db, tech_id)

head, back = st.columns([4, 1], vertical_alignment="bottom")
with head:
    st.header(widgets.plain(tech.label(lang)), anchor=False)
    st.caption(widgets.plain(catalog.sector(tech.sector).label(lang)))
with back:
    st.page_link(
        "pages/radar.py",
        label=t("technology.back", lang),
        icon=":material/radar:",
        query_params=link_params(tech_id),
    )
st.markdown(f"**{widgets.plain(tech.summary(lang))}**")
st.text(tech.description(lang))

if history.empty:
    st.info(t("technology.never", lang))
else:
    # The newest edition, or the technology's last one if it has left the radar.
    shown = latest if (history["edition"] == latest).any() else int(history["edition"].max())
    st.subheader(t("technology.rings_now", lang, edition=shown), anchor=False)
    if shown != latest:
        st.caption(t("technology.not_current", lang, latest=latest, edition=shown))
    widgets.technology_rings(timeline.placements_in(history, catalog, shown), catalog, lang)

    chart_config = {"displayModeBar": False, "responsive": True}
    st.subheader(t("technology.timeline", lang), anchor=False)
    st.plotly_chart(
        ui_data.ring_timeline(page.db, tech_id, lang),
        key="technology_ring_timeline",
        width="stretch",
        config=chart_config,
    )
    st.caption(
        t("technology.timeline.caption", lang, inner=widgets.plain(catalog.rings[0].label(lang)))
    )

    st.subheader(t("technology.scores", lang), anchor=False)
    area = st.selectbox(
        t("technology.scores.area", lang),
        options=areas,
        format_func=lambda a: widgets.area_label(catalog, a, lang),
        key=state.AREA,
        on_change=state.remember,
        args=(state.AREA,),
    )
    if (history["area"] == area).any():
        st.plotly_chart(
            ui_data.score_timeline(page.db, tech_id, lang, area),
            key="technology_score_timeline",
            width="stretch",
            config=chart_config,
        )
        st.caption(t("technology.scores.caption", lang))
    else:
        area_name = widgets.area_label(catalog, area, lang)
        st.info(t("technology.scores.empty", lang, area=widgets.plain(area_name)))
state.publish(state.AREA, COMBINED_AREA)

cases_col, related_col = st.columns(2, gap="large")
with cases_col:
    details = ui_data.details(page.db, tech_id, latest)
    if details is not None:
        widgets.cases(details, lang)
with related_col:
    st.markdown(f"**{t('technology.related', lang)}**")
    related = ui_data.related_technologies(page.db, tech_id, latest)
    if related.empty:
        st.caption(t("technology.related.none", lang, edition=latest))
    else:
        st.caption(t("technology.related.caption", lang, edition=latest))
        for row in related.itertuples():
            name = page.technologies[row.id].label(lang)
            ring = catalog.ring(row.ring).label(lang)
            st.page_link(
                "pages/technology.py",
                label=widgets.plain(t("technology.related.link", lang, name=name, ring=ring)),
                icon=":material/timeline:",
                query_params=link_params(row.id),
            )

ui_editing.change_log(page.db, tech_id, lang)
