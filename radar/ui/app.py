"""The frame around every page: page setup, the header with the language toggle, the menu.

:func:`run` is what the entry point (``dashboard.py``) does on every run.
"""

from __future__ import annotations

import logging
import threading

import streamlit as st

from radar.i18n import t
from radar.ui import auth, state
from radar.ui.components import navigation, presenter
from radar.ui.components.language import language_toggle

#: The name of the handler that prints the project's log lines.
_LOG_HANDLER = "radar-console"
_log_setup_lock = threading.Lock()


def _set_up_logging() -> None:
    """Print the project's log lines (``radar.*``) as Streamlit prints its own: with the time.

    Streamlit gives a handler, its format (``logger.messageFormat``) and its level
    only to its own loggers; ours would reach Python's last-resort handler, which
    prints warnings alone and no time. Once per process; every session runs this.
    """
    with _log_setup_lock:
        project = logging.getLogger("radar")
        if any(h.get_name() == _LOG_HANDLER for h in project.handlers):
            return
        handler = logging.StreamHandler()
        handler.set_name(_LOG_HANDLER)
        formatter = logging.Formatter(str(st.get_option("logger.messageFormat")))
        formatter.default_msec_format = "%s.%03d"
        handler.setFormatter(formatter)
        project.addHandler(handler)
        project.setLevel(str(st.get_option("logger.level")).upper())


def run() -> None:
    """Set up the page, draw the header (not in presenter mode), and run the chosen page."""
    _set_up_logging()
    st.set_page_config(
        page_title="Teknologiradar",
        page_icon=":material/radar:",
        layout="wide",
        initial_sidebar_state="collapsed",
    )

    lang = state.current_lang()
    # Presenter mode (?present=1) shows the radar alone: no title, toggle or navigation.
    presenting = presenter.presenting()
    if not presenting:
        title, toggle = st.columns([5, 1], vertical_alignment="center")
        with toggle:
            language_toggle(lang)
        # The toggle may just have changed the language: read it again for the texts.
        lang = state.current_lang()
        with title:
            st.title(t("app.title", lang), anchor=False)

    # Editing pages are always registered, so a direct link reaches the page and
    # its refusal, but only signed-in editors see them in the menu.
    editor = auth.current_editor()
    pages = navigation.pages(
        lang,
        for_editors="visible" if editor is not None else "hidden",
        sign_in="visible" if auth.editing_enabled() else "hidden",
    )
    st.navigation(pages, position="hidden" if presenting else "top").run()
