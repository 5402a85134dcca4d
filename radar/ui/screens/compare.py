"""The comparison screen: two editions, the later radar with trails, the changes, the counts."""

from __future__ import annotations

import streamlit as st

from radar.i18n import t
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.components import compare
from radar.ui.components.labels import area_label
from radar.ui.components.text import plain


def render() -> None:
    """Draw the comparison page."""
    lang = state.current_lang()
    page = ui_data.page_data()

    area, later, earlier = compare.edition_pickers(page, lang, ui_data.default_edition(page.db))
    area_name = area_label(page.catalog, area, lang)
    if later is None or earlier is None:
        st.info(plain(t("compare.one_edition", lang, area=area_name)))
        st.stop()
    if later == earlier:
        st.info(t("compare.same_edition", lang))
        st.stop()
    earlier, later = min(earlier, later), max(earlier, later)

    st.caption(
        plain(t("compare.caption", lang, area=area_name, earlier=earlier, later=later))
        + "  \n"
        + ui_data.notice(page.db, lang)
    )
    comparison = ui_data.comparison(page.db, area, earlier, later)
    main, side = st.columns([5, 3], gap="medium")
    with main:
        compare.comparison_chart(page, area, earlier, later, lang)
    with side:
        st.caption(t("compare.hint", lang))
        compare.change_groups(comparison, page, lang)
        compare.ring_counts(comparison, page, lang)
