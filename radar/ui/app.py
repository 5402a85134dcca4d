"""The frame around every page: page setup, the header with the language toggle, the menu.

:func:`run` is what the entry point (``dashboard.py``) does on every run.
"""

from __future__ import annotations

import streamlit as st

from radar import logs
from radar.i18n import t
from radar.ui import auth, state
from radar.ui.components import navigation, page_style, presenter
from radar.ui.components.filters import embedded
from radar.ui.components.footer import footer
from radar.ui.components.language import language_toggle


def _set_up_logging() -> None:
    """Print the project's log lines (``radar.*``) as Streamlit prints its own: with the time.

    Here too, not only in the web layer's start-up (serve.py): a dashboard
    started without it (``streamlit run dashboard.py``, AppTest) logs the same way.
    """
    logs.configure(str(st.get_option("logger.messageFormat")), str(st.get_option("logger.level")))


def run() -> None:
    """Set up the page, draw the header (not in presenter mode), and run the chosen page."""
    _set_up_logging()
    lang = state.current_lang()
    st.set_page_config(
        page_title="Teknologiradar",
        page_icon=":material/radar:",
        layout="wide",
        initial_sidebar_state="collapsed",
        # The menu's "About" in the page's language, and no links to Streamlit's
        # English help and bug pages (None leaves them out of the menu).
        menu_items={"Get help": None, "Report a bug": None, "About": t("access.menu.about", lang)},
    )

    # Presenter mode (?present=1) and an embedded radar (?embed=true, in an
    # intranet page's frame) show the radar alone: no title, toggle or navigation.
    presenting = presenter.presenting() or embedded()
    if not presenting:
        title, toggle = st.columns([5, 1], vertical_alignment="center")
        with toggle:
            language_toggle(lang)
        # The toggle may just have changed the language: read it again for the texts.
        lang = state.current_lang()
        with title:
            st.title(t("app.title", lang), anchor=False)
    page_style.apply(lang)

    # Editing pages are always registered, so a direct link reaches the page and
    # its refusal, but only signed-in editors see them in the menu.
    editor = auth.current_editor()
    pages = navigation.pages(
        lang,
        for_editors="visible" if editor is not None else "hidden",
        sign_in="visible" if auth.editing_enabled() else "hidden",
    )
    page = st.navigation(pages, position="hidden" if presenting else "top")
    # Not on the projector or in a frame: the radar stands alone there.
    if presenting or st.query_params.get("embed") == "1":
        page.run()
        return
    # The footer is drawn first, below the page's own container, so a page that
    # stops early (a refusal, an empty radar) still ends with the statement link.
    body = st.container()
    footer(lang)
    with body:
        page.run()
