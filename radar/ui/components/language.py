"""The Dansk / English switch."""

from __future__ import annotations

from functools import partial

import streamlit as st

from radar.i18n import t
from radar.model import DEFAULT_LANG, LANGUAGES, Lang
from radar.ui import state
from radar.ui.components.labels import language_name


def language_toggle(lang: Lang) -> None:
    """The visible Dansk / English switch, kept in ``?lang=``."""
    state.bind(state.LANG, LANGUAGES, DEFAULT_LANG)
    st.segmented_control(
        t("app.language", lang),
        options=list(LANGUAGES),
        format_func=lambda code: language_name(code, lang),
        required=True,
        key=state.LANG,
        on_change=partial(state.remember, state.LANG),
        label_visibility="collapsed",
    )
    state.publish(state.LANG, DEFAULT_LANG)
