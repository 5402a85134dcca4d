"""The about screen: what the radar is, what the rings mean, how a technology is placed."""

from __future__ import annotations

import streamlit as st

from radar.i18n import t
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.components import filters
from radar.ui.components.navigation import SIGN_IN_PAGE
from radar.ui.components.text import plain

#: The about page's URL path (radar.ui.components.navigation), left off the app's address.
ABOUT_PATH = "om"


def render() -> None:
    """Draw the about page."""
    lang = state.current_lang()
    page = ui_data.page_data(need_editions=False)

    st.header(t("about.title", lang), anchor=False)
    st.write(t("about.intro", lang))
    if ui_data.illustrative(page.db):
        st.warning(t("app.illustrative", lang), icon=":material/info:")

    st.subheader(t("about.rings", lang), anchor=False)
    for ring in page.catalog.rings:
        st.markdown(
            f"**{plain(ring.label(lang))}** · {t('about.cutoff', lang, score=ring.min_score)}"
        )
        st.text(ring.description(lang))

    st.subheader(t("about.method", lang), anchor=False)
    st.markdown(t("about.method_text", lang))

    st.subheader(t("about.data", lang), anchor=False)
    st.write(t("about.data_text", lang))

    st.subheader(t("page.embed.title", lang), anchor=False)
    st.markdown(t("page.embed.text", lang))
    # Wrapped: a scrolling box would need its own keyboard focus (WCAG 2.1.1).
    st.code(
        filters.embed_snippet(filters.app_base_url(ABOUT_PATH), lang),
        language="html",
        wrap_lines=True,
    )

    st.divider()
    st.page_link(SIGN_IN_PAGE, label=t("about.editor_link", lang), icon=":material/key:")
