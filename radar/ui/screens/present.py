"""The presenter screen: the radar fills a projector, one technology at a time in large type."""

from __future__ import annotations

import streamlit as st

from radar import theme
from radar.pipeline.presenter import step_order
from radar.pipeline.view import ViewFilter
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.components import presenter, projector


def render() -> None:
    """Draw the presenter page."""
    presenter.ensure_presenting()
    projector.apply_chrome()
    lang = state.current_lang()
    page = ui_data.page_data()

    main, side = st.columns(theme.PRESENTER_COLUMNS, gap="small")
    with side:
        # Filled out of order: the settings at the bottom decide what the rest shows.
        panel, buttons, footer = st.container(), st.container(), st.container()
    with footer:
        area, edition = presenter.settings(page, lang)
    view = ui_data.radar_view(page.db, ViewFilter(area=area, edition=edition))
    steps = step_order(view)
    step, focus = presenter.position(steps, page.catalog.sector_ids)
    presenter.publish(step, focus)

    with main:
        presenter.radar(page, area, edition, lang, steps, step, focus)
    with panel:
        presenter.spotlight_panel(view, steps, step, focus, area, edition, page, lang)
    with buttons:
        presenter.controls(steps, step, focus, page.catalog, lang)
    with footer:
        presenter.exit_link(lang)
        st.caption(ui_data.notice(page.db, lang))
