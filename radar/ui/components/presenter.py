"""Presenter mode in Streamlit: its place in the URL, the big-type panel and the controls.

The presenter's place lives in the URL, so a reload keeps it: ``step``
(1-based, in :func:`radar.pipeline.presenter.step_order`; absent means the overview)
and ``focus`` (a sector id, zoomed), beside the shared ``area``, ``edition``
and ``lang``. ``present=1`` marks presenter mode: the entry point reads it
before it knows which page runs, to leave out its title, language toggle and
navigation, and the radar page hands a ``?present=1`` link to this page.

The large type and the chrome come from :mod:`radar.ui.components.projector`,
the clicker keys from :mod:`radar.ui.components.presenter_keys`. The page is laid
out for the window it is shown in, 1024 × 768 up to 3840 × 2160 (:func:`radar_box`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Final

import pandas as pd
import streamlit as st

from radar import theme
from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog, Lang
from radar.pipeline.presenter import (
    Step,
    clamp_step,
    focus_after_step,
    next_step,
    previous_step,
    spotlight,
    step_after_focus,
)
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.cache import PageData
from radar.ui.components.chart import chart_config
from radar.ui.components.labels import area_label
from radar.ui.components.language import language_toggle
from radar.ui.components.navigation import PRESENT_PAGE, RADAR_PAGE
from radar.ui.components.projector import FOCUS_KEY, big_button, caption_block
from radar.ui.components.text import plain
from radar.ui.components.viewport import Viewport

# URL parameters of presenter mode.
PRESENT: Final = "present"
STEP: Final = "step"
FOCUS: Final = "focus"
# --- URL state ---------------------------------------------------------------


def presenting() -> bool:
    """Whether the URL asks for presenter mode (``?present=1``)."""
    return state.parse_flag(st.query_params.get(PRESENT, ""))


def ensure_presenting() -> None:
    """Put ``present=1`` in the URL, rerunning once if it was missing.

    The entry point decides from it, before the page runs, to leave out its
    title and navigation; a visit through the navigation arrives without it.
    """
    if not presenting():
        st.query_params[PRESENT] = "1"
        st.rerun()


def open_presenter() -> None:
    """Switch to the presenter page with the same radar (area, edition, language, place)."""
    keep = (state.AREA, state.EDITION, state.LANG, STEP, FOCUS)
    params = {key: st.query_params[key] for key in keep if key in st.query_params}
    st.switch_page(PRESENT_PAGE, query_params={**params, PRESENT: "1"})


def position(steps: Sequence[Step], sector_ids: Sequence[str]) -> tuple[int, str | None]:
    """The presenter's step and focus from the URL; unknown values fall back to the overview.

    A focus follows the step into its sector (:func:`radar.pipeline.presenter.focus_after_step`).
    """
    try:
        step = clamp_step(int(st.query_params.get(STEP, "0")), len(steps))
    except ValueError:
        step = 0
    focus = st.query_params.get(FOCUS)
    if focus not in sector_ids:
        focus = None
    return step, focus_after_step(steps, step, focus)


def publish(step: int, focus: str | None) -> None:
    """Write the step and focus to the URL; the overview and no focus leave it clean.

    The URL is sent to the browser on every run, changed or not: Streamlit
    changes its own copy first and sends it after, so a rerun that cuts in
    between (a clicker's second press) would leave the browser's URL behind.
    """
    for key, value in ((STEP, str(step) if step else None), (FOCUS, focus)):
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value
    st.query_params[PRESENT] = "1"


def stepped(
    steps: Sequence[Step], step: int, focus: str | None, presses: Sequence[bool]
) -> tuple[int, str | None]:
    """The step and focus after ``presses`` (True: next, False: previous), one after another."""
    for forward in presses:
        step = (next_step if forward else previous_step)(steps, step, focus)
        focus = focus_after_step(steps, step, focus)
    return step, focus


def _step(steps: Sequence[Step], sector_ids: Sequence[str], forward: bool) -> None:
    step, focus = position(steps, sector_ids)
    publish(*stepped(steps, step, focus, [forward]))


def _focus_chosen(steps: Sequence[Step], sector_ids: Sequence[str]) -> None:
    focus = st.session_state.get(FOCUS_KEY)
    step, _ = position(steps, sector_ids)
    publish(step_after_focus(steps, step, focus), focus)


def _release(steps: Sequence[Step], sector_ids: Sequence[str]) -> None:
    step, _ = position(steps, sector_ids)
    publish(step, None)


def _view_changed(key: str) -> None:
    # Another radar has other steps: start it from its overview.
    state.remember(key)
    publish(0, None)


# --- the layout ----------------------------------------------------------------


def radar_box(screen: Viewport) -> Viewport:
    """The pixels the radar's column has on ``screen``: its width, and the window's height.

    The window less the page's padding; the columns share the rest after their
    gap (:data:`radar.theme.PRESENTER_COLUMNS`, on every screen: the panel's type
    scales with the narrower of width and height, so its share of the width
    fits a 4:3 projector as well). Rounded down, so the figure never makes the
    page scroll.
    """
    ratios = theme.PRESENTER_COLUMNS
    content = screen.width - 2 * theme.PRESENTER_PAD_SIDE - theme.PRESENTER_COLUMN_GAP
    width = content * ratios[0] // sum(ratios)
    height = screen.height - theme.PRESENTER_PAD_TOP - theme.PRESENTER_PAD_BOTTOM
    return Viewport(max(int(width), 1), max(height, 1))


# --- the page's parts ----------------------------------------------------------


def settings(data: PageData, lang: Lang) -> tuple[str, int]:
    """Area, edition and language, tucked in a popover; returns the chosen area and edition.

    They share their keys, and so their values, with the radar page's filters.
    """
    catalog = data.catalog
    areas = [COMBINED_AREA, *catalog.area_ids]
    years = list(catalog.years)
    default = ui_data.default_edition(data.db)
    latest = default if default in years else years[0]
    state.bind(state.AREA, areas, COMBINED_AREA)
    state.bind(state.EDITION, years, latest, int)
    with st.popover(t("present.settings", lang), icon=":material/tune:"):
        area = st.selectbox(
            t("filter.area", lang),
            options=areas,
            format_func=lambda a: area_label(catalog, a, lang),
            key=state.AREA,
            on_change=partial(_view_changed, state.AREA),
        )
        edition = st.selectbox(
            t("filter.edition", lang),
            options=years,
            format_func=str,
            key=state.EDITION,
            on_change=partial(_view_changed, state.EDITION),
        )
        language_toggle(lang)
    state.publish(state.AREA, COMBINED_AREA)
    state.publish(state.EDITION, latest)
    return area or COMBINED_AREA, edition if edition is not None else latest


def exit_link(lang: Lang) -> None:
    """Back to the ordinary radar, on the same area, edition and language."""
    keep = (state.AREA, state.EDITION, state.LANG)
    st.page_link(
        RADAR_PAGE,
        label=t("present.exit", lang),
        icon=":material/close:",
        query_params={key: st.query_params[key] for key in keep if key in st.query_params},
    )


def radar(
    data: PageData,
    area: str,
    edition: int,
    lang: Lang,
    steps: Sequence[Step],
    step: int,
    focus: str | None,
    box: Viewport,
) -> None:
    """The radar filling ``box`` (:func:`radar_box`), the current blip spotlighted, zoomed."""
    lit = steps[step - 1].technology if step else None
    fig = ui_data.presenter_figure(
        data.db, area, edition, lang, lit, focus, width=box.width, height=box.height
    )
    st.plotly_chart(
        fig,
        key="presenter_chart",
        width="stretch",
        config=chart_config(),
    )


def spotlight_panel(
    view: pd.DataFrame,
    steps: Sequence[Step],
    step: int,
    focus: str | None,
    area: str,
    edition: int,
    data: PageData,
    lang: Lang,
) -> None:
    """The big-type panel: the spotlighted blip, or the radar's (or sector's) overview."""
    catalog = data.catalog
    overview = t(
        "present.overview",
        lang,
        area=area_label(catalog, area, lang),
        edition=edition,
        count=len(steps),
    )
    lit = spotlight(steps, step, view, catalog, data.technologies, lang)
    if lit is None and focus is None:
        caption_block(t("app.title", lang), kicker=overview, body=t("present.start", lang))
    elif lit is None:
        sector = catalog.sector(str(focus))
        caption_block(
            sector.label(lang),
            kicker=overview,
            subtitle=t("present.sector_count", lang, count=sum(s.sector == focus for s in steps)),
            body=sector.description(lang),
        )
    else:
        notes = [lit.movement]
        if lit.hidden_with:
            notes.append(
                t("present.hidden", lang, count=lit.hidden_with, sector=lit.sector, ring=lit.ring)
            )
        caption_block(
            f"{lit.number}. {lit.name}",
            kicker=t(
                "present.position", lang, position=lit.position, count=lit.count, sector=lit.sector
            ),
            subtitle=t("present.ring", lang, ring=lit.ring),
            body=lit.summary,
            note="\n".join(n for n in notes if n),
        )


def controls(
    steps: Sequence[Step], step: int, focus: str | None, catalog: Catalog, lang: Lang
) -> None:
    """Previous / next, the sector zoom and its release.

    The buttons have no shortcuts of their own: the clicker keys
    (:mod:`radar.ui.components.presenter_keys`) step whatever has the focus, and
    a shortcut would show its arrow a second time beside the icon.
    """
    sector_ids = catalog.sector_ids
    back, forward = st.columns(2)
    with back:
        big_button(
            t("present.previous", lang),
            "previous",
            icon=":material/arrow_back:",
            disabled=step == 0,
            on_click=_step,
            args=(steps, sector_ids, False),
        )
    with forward:
        big_button(
            t("present.next", lang),
            "next",
            icon=":material/arrow_forward:",
            icon_position="right",
            type="primary",
            disabled=step >= len(steps),
            on_click=_step,
            args=(steps, sector_ids, True),
        )
    # The URL is the truth: a reload or a step into another sector moves the focus.
    st.session_state[FOCUS_KEY] = focus
    st.pills(
        t("present.focus", lang),
        options=list(sector_ids),
        format_func=lambda s: plain(catalog.sector(s).label(lang)),
        selection_mode="single",
        key=FOCUS_KEY,
        on_change=_focus_chosen,
        args=(steps, sector_ids),
        wrap=True,
    )
    big_button(
        t("present.release", lang),
        "release",
        icon=":material/zoom_out_map:",
        disabled=focus is None,
        on_click=_release,
        args=(steps, sector_ids),
    )
