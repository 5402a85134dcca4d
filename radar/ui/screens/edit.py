"""The edit screen (``/rediger``): a technology's texts and category, its assessments
per area and edition (drafts too), its example cases, and retiring it. Editors only.

URL: ``/rediger?tech=<id>`` (and ``edition``, to open a draft's assessments).
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from radar.auth import Editor
from radar.i18n import ids_by_label, t
from radar.model import Lang, Technology
from radar.ui import auth, state
from radar.ui import cache as ui_data
from radar.ui.components.editing_assessments import assessments_section
from radar.ui.components.editing_cases import cases_section
from radar.ui.components.editing_keys import NEW_TECH
from radar.ui.components.editing_technology import (
    new_technology_form,
    retire_section,
    texts_form,
)
from radar.ui.components.text import plain


#: Danish sorts æ, ø, å after z; these stand-ins sort there too.
def technology_picker(technologies: Mapping[str, Technology], lang: Lang) -> str | None:
    """The technology to edit, or :data:`NEW_TECH`; kept in ``?tech=`` like the technology page.

    A ``tech`` in the URL wins over the choice remembered from earlier in the
    session, so a link opens the technology it names.
    """
    ids = ids_by_label(technologies, lang)
    options = [NEW_TECH, *ids]
    state.bind(state.TECH, options, None)
    asked = st.query_params.get(state.TECH)
    if asked in options and st.session_state[state.TECH] != asked:
        st.session_state[state.TECH] = asked
        state.remember(state.TECH)

    def label(option: str) -> str:
        if option == NEW_TECH:
            return t("editing.pick.new", lang)
        tech = technologies[option]
        name = tech.label(lang)
        return t("editing.pick.retired", lang, name=name) if tech.retired else name

    chosen = st.selectbox(
        t("editing.pick", lang),
        options=options,
        format_func=label,
        index=None,
        placeholder=t("editing.pick.placeholder", lang),
        key=state.TECH,
        on_change=_technology_chosen,
    )
    state.publish(state.TECH, None)
    return chosen


def _technology_chosen() -> None:
    state.remember(state.TECH)
    # The picker reads the URL first, so the URL must hold the new choice
    # before the rerun, not only after it.
    chosen = st.session_state.get(state.TECH)
    if chosen:
        st.query_params[state.TECH] = chosen
    elif state.TECH in st.query_params:
        del st.query_params[state.TECH]


def edit_page(editor: Editor, lang: Lang) -> None:
    """Choose a technology and edit its texts, assessments, cases, retirement."""
    page = ui_data.page_data(need_editions=False)
    con = ui_data.connection(page.db)
    catalog = ui_data.editor_catalog(page.db)
    head, who = st.columns([4, 1], vertical_alignment="bottom")
    with head:
        st.header(t("editing.title", lang), anchor=False)
    with who:
        auth.sign_out_button(lang)
    technologies = ui_data.editor_technologies(page.db)
    chosen = technology_picker(technologies, lang)
    if chosen is None:
        asked = st.query_params.get(state.TECH)
        if asked and asked not in technologies:
            st.info(t("editing.unknown", lang, id=plain(asked)))
        else:
            st.info(t("editing.choose", lang))
        return
    if chosen == NEW_TECH:
        new_technology_form(con, catalog, editor, lang)
        return
    tech = technologies[chosen]
    st.subheader(plain(tech.label(lang)), anchor=False)
    if tech.retired:
        st.caption(t("editing.retired_badge", lang))
    texts, assessments, cases, retire = st.tabs(
        [
            t("editing.tab.texts", lang),
            t("editing.tab.assessments", lang),
            t("editing.tab.cases", lang),
            t("editing.tab.retire", lang),
        ]
    )
    with texts:
        texts_form(con, catalog, tech.id, editor, lang)
    with assessments:
        assessments_section(con, catalog, tech, editor, lang)
    with cases:
        cases_section(con, catalog, tech.id, editor, lang)
    with retire:
        retire_section(con, tech.id, editor, lang)


def render() -> None:
    """The screen, for a signed-in editor (others are sent to sign in)."""
    lang = state.current_lang()
    editor = auth.require_editor(lang)
    edit_page(editor, lang)
