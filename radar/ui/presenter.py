"""Presenter mode in Streamlit: the chrome, the big-type panel, the controls and the URL.

The presenter's place lives in the URL, so a reload keeps it: ``step``
(1-based, in :func:`radar.pipeline.presenter.step_order`; absent means the overview)
and ``focus`` (a sector id, zoomed), beside the shared ``area``, ``edition``
and ``lang``. ``present=1`` marks presenter mode: the entry point reads it
before it knows which page runs, to leave out its title, language toggle and
navigation, and the radar page hands a ``?present=1`` link to this page.

The layout helpers (:func:`apply_chrome`, :func:`caption_block`,
:func:`big_button`) are meant for any page shown on a projector.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any, Final

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
from radar.ui import state, widgets
from radar.ui.cache import PageData

# URL parameters of presenter mode.
PRESENT: Final = "present"
STEP: Final = "step"
FOCUS: Final = "focus"
#: The presenter page, for st.switch_page and st.page_link.
PAGE: Final = "pages/present.py"
#: Key prefixes the chrome's CSS styles: a caption block's key must start with
#: CAPTION_KEY, a big button's with BUTTON_KEY.
CAPTION_KEY: Final = "presenter_caption"
BUTTON_KEY: Final = "presenter_button"
_FOCUS_KEY: Final = "presenter_focus"

# Static CSS, built once from theme constants, never from data. Streamlit's
# header (toolbar, menu and top navigation) goes; the page starts at the top
# edge so the radar can take the full height of a 1080 px screen.
CHROME_CSS: Final = f"""<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {{
  display: none !important;
}}
[data-testid="stMainBlockContainer"] {{
  padding: 0.5rem 1.5rem 0 1.5rem;
  max-width: none;
}}
[class*="st-key-{CAPTION_KEY}"] h2 {{
  font-size: {theme.PRESENTER_TITLE_SIZE}px;
  line-height: 1.15;
  color: {theme.TEXT};
  padding: 0.25rem 0;
}}
[class*="st-key-{CAPTION_KEY}"] h3 {{
  font-size: {theme.PRESENTER_SUBTITLE_SIZE}px;
  color: {theme.TEXT};
  padding: 0.25rem 0;
}}
[class*="st-key-{CAPTION_KEY}"] [data-testid="stMarkdownContainer"] p {{
  font-size: {theme.PRESENTER_BODY_SIZE}px;
  line-height: 1.3;
  color: {theme.TEXT};
}}
[class*="st-key-{CAPTION_KEY}"] [data-testid="stCaptionContainer"],
[class*="st-key-{CAPTION_KEY}"] [data-testid="stCaptionContainer"] p {{
  font-size: {theme.PRESENTER_KICKER_SIZE}px;
  line-height: 1.3;
  color: {theme.TEXT};
  opacity: 1;
}}
[class*="st-key-{BUTTON_KEY}"] button {{
  min-height: {theme.PRESENTER_BUTTON_HEIGHT}px;
}}
[class*="st-key-{BUTTON_KEY}"] button p {{
  font-size: {theme.PRESENTER_BUTTON_TEXT_SIZE}px;
  font-weight: 600;
}}
.st-key-{_FOCUS_KEY} p {{
  font-size: {theme.PRESENTER_CONTROL_TEXT_SIZE}px;
}}
</style>"""


def apply_chrome() -> None:
    """Hide Streamlit's header, toolbar and navigation, and style the big type.

    Call first thing on a page shown on a projector. The entry point leaves out
    its own title and navigation when the URL says ``present=1``.
    """
    st.html(CHROME_CSS)


def caption_block(
    title: str,
    *,
    kicker: str = "",
    subtitle: str = "",
    body: str = "",
    note: str = "",
    key: str = CAPTION_KEY,
) -> None:
    """Large type for a projector: a kicker line, a title, a subtitle, a body and a note.

    Every text is shown as plain text, whatever it contains; line breaks in
    ``body`` and ``note`` are kept. ``key`` must
    start with :data:`CAPTION_KEY` (the chrome's CSS sizes the type by it);
    give each block on a page its own. Empty parts are left out.
    """
    with st.container(key=key):
        if kicker:
            st.caption(widgets.plain(kicker))
        st.header(widgets.plain(title), anchor=False)
        if subtitle:
            st.subheader(widgets.plain(subtitle), anchor=False)
        if body:
            st.markdown(_lines(body))
        if note:
            st.caption(_lines(note))


def _lines(text: str) -> str:
    """Plain text for st.markdown, its line breaks kept."""
    return "  \n".join(widgets.plain(line) for line in text.splitlines())


def big_button(label: str, name: str, **options: Any) -> bool:
    """A button a presenter can hit from across the room; ``options`` go to ``st.button``."""
    return st.button(label, key=f"{BUTTON_KEY}_{name}", width="stretch", **options)


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
    st.switch_page(PAGE, query_params={**params, PRESENT: "1"})


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
    """Write the step and focus to the URL; the overview and no focus leave it clean."""
    for key, value in ((STEP, str(step) if step else None), (FOCUS, focus)):
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value


def _step(steps: Sequence[Step], sector_ids: Sequence[str], forward: bool) -> None:
    step, focus = position(steps, sector_ids)
    step = (next_step if forward else previous_step)(steps, step, focus)
    publish(step, focus_after_step(steps, step, focus))


def _focus_chosen(steps: Sequence[Step], sector_ids: Sequence[str]) -> None:
    focus = st.session_state.get(_FOCUS_KEY)
    step, _ = position(steps, sector_ids)
    publish(step_after_focus(steps, step, focus), focus)


def _release(steps: Sequence[Step], sector_ids: Sequence[str]) -> None:
    step, _ = position(steps, sector_ids)
    publish(step, None)


def _view_changed(key: str) -> None:
    # Another radar has other steps: start it from its overview.
    state.remember(key)
    publish(0, None)


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
            format_func=lambda a: widgets.area_label(catalog, a, lang),
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
        widgets.language_toggle(lang)
    state.publish(state.AREA, COMBINED_AREA)
    state.publish(state.EDITION, latest)
    return area or COMBINED_AREA, edition if edition is not None else latest


def exit_link(lang: Lang) -> None:
    """Back to the ordinary radar, on the same area, edition and language."""
    keep = (state.AREA, state.EDITION, state.LANG)
    st.page_link(
        "pages/radar.py",
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
) -> None:
    """The radar at full height, the current blip spotlighted, zoomed to the focus."""
    lit = steps[step - 1].technology if step else None
    fig = ui_data.presenter_figure(data.db, area, edition, lang, lit, focus)
    st.plotly_chart(
        fig,
        key="presenter_chart",
        width="stretch",
        config={"displayModeBar": False, "responsive": True},
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
        area=widgets.area_label(catalog, area, lang),
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
    """Previous / next (also the arrow keys), the sector zoom and its release."""
    sector_ids = catalog.sector_ids
    back, forward = st.columns(2)
    with back:
        big_button(
            t("present.previous", lang),
            "previous",
            icon=":material/arrow_back:",
            shortcut="ArrowLeft",
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
            shortcut="ArrowRight",
            disabled=step >= len(steps),
            on_click=_step,
            args=(steps, sector_ids, True),
        )
    st.caption(t("present.keys", lang))
    # The URL is the truth: a reload or a step into another sector moves the focus.
    st.session_state[_FOCUS_KEY] = focus
    st.pills(
        t("present.focus", lang),
        options=list(sector_ids),
        format_func=lambda s: widgets.plain(catalog.sector(s).label(lang)),
        selection_mode="single",
        key=_FOCUS_KEY,
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
