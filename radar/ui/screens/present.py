"""The presenter screen: the radar fills a projector, one technology at a time in large type."""

from __future__ import annotations

import streamlit as st

from radar import theme
from radar.pipeline.presenter import step_order
from radar.pipeline.view import ViewFilter
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.components import presenter, presenter_keys, projector
from radar.ui.components.viewport import viewport


def render() -> None:
    """Draw the presenter page."""
    presenter.ensure_presenting()
    projector.apply_chrome()
    screen = viewport()
    lang = state.current_lang()
    page = ui_data.page_data()

    main, side = st.columns(theme.PRESENTER_COLUMNS, gap="small")
    # Gaps a little tighter than Streamlit's: on a 1280 × 720 projector the panel needs the room.
    with side, st.container(key=projector.SIDE_KEY, gap="xsmall"):
        # Filled out of order: the settings at the bottom decide what the rest shows.
        panel, buttons = st.container(gap="xsmall"), st.container(gap="xsmall")
        footer = st.container(horizontal=True, vertical_alignment="center", gap="small")
        notice = st.container()
    with footer:
        area, edition = presenter.settings(page, lang)
    view = ui_data.radar_view(page.db, ViewFilter(area=area, edition=edition))
    steps = step_order(view)
    step, focus = presenter.position(steps, page.catalog.sector_ids)
    # Nothing that draws between reading the presses and writing the URL: a
    # rerun can only cut in where something is drawn, and the presses are
    # marked applied as they are read.
    presses = presenter_keys.clicker_presses()
    step, focus = presenter.stepped(steps, step, focus, presses)
    presenter.publish(step, focus)
    presenter_keys.listen()

    with main:
        box = presenter.radar_box(screen)
        presenter.radar(page, area, edition, lang, steps, step, focus, box)
    with panel:
        presenter.spotlight_panel(view, steps, step, focus, area, edition, page, lang)
    with buttons:
        presenter.controls(steps, step, focus, page.catalog, lang)
    with footer:
        presenter.exit_link(lang)
    with notice:
        st.caption(ui_data.notice(page.db, lang))
