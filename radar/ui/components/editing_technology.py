"""A technology's forms on the edit screen: its texts and category, a new technology,
and retiring it (or bringing it back)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict
from typing import Any

import streamlit as st

from radar import editing
from radar.auth import Editor
from radar.editing import field_label
from radar.i18n import t
from radar.model import TECHNOLOGY_TEXT_FIELDS, Catalog, Lang, Technology
from radar.store import Connection
from radar.ui import state
from radar.ui.components import editing_session as session
from radar.ui.components.editing_conflicts import conflict
from radar.ui.components.editing_keys import new_key, text_key

# --- a technology's texts and category ---


def _texts_fill(technology_id: str, record: Mapping[str, Any] | None) -> dict[str, Any]:
    record = record or {}
    return {text_key(technology_id, f): record.get(f, "") or "" for f in editing.TECHNOLOGY_FIELDS}


def _save_texts(con: Connection, technology_id: str, editor: Editor, lang: Lang) -> None:
    section = f"texts-{technology_id}"
    loaded = session.snapshots().get(section) or {}
    values = {
        f: st.session_state.get(text_key(technology_id, f)) for f in editing.TECHNOLOGY_FIELDS
    }
    changes = {f: v for f, v in values.items() if (v or "").strip() != (loaded.get(f) or "")}
    reason_key = f"{section}-reason"

    def after(saved: Technology) -> None:
        session.snapshots()[section] = asdict(saved)
        # The retire form holds the same record: it must not take this
        # editor's own save for someone else's.
        session.snapshots()[f"retire-{technology_id}"] = asdict(saved)
        for key, value in _texts_fill(technology_id, asdict(saved)).items():
            st.session_state[key] = value
        st.session_state[reason_key] = ""

    session.save(
        section,
        lang,
        lambda: editing.edit_technology(
            con,
            technology_id,
            changes,
            expected=loaded,
            editor=editor.audit_name,
            reason=st.session_state.get(reason_key, ""),
        ),
        by=editor,
        success=t("editing.saved", lang),
        after=after,
    )


def _text_widgets(
    catalog: Catalog, lang: Lang, key: Callable[[str], str], *, with_sector: bool = True
) -> None:
    """The inputs of a technology's texts (and category), keyed by ``key(field)``."""
    left, right = st.columns(2)
    with left:
        st.text_input(field_label("name_da", lang), key=key("name_da"), max_chars=200)
    with right:
        st.text_input(field_label("name_en", lang), key=key("name_en"), max_chars=200)
    if with_sector:
        st.selectbox(
            field_label("sector", lang),
            options=list(catalog.sector_ids),
            format_func=lambda s: catalog.sector(s).label(lang),
            key=key("sector"),
        )
    left, right = st.columns(2)
    with left:
        st.text_input(field_label("summary_da", lang), key=key("summary_da"), max_chars=500)
        st.text_area(field_label("description_da", lang), key=key("description_da"), height=180)
    with right:
        st.text_input(field_label("summary_en", lang), key=key("summary_en"), max_chars=500)
        st.text_area(field_label("description_en", lang), key=key("description_en"), height=180)
    st.caption(t("editing.texts.help", lang))


def texts_form(
    con: Connection, catalog: Catalog, technology_id: str, editor: Editor, lang: Lang
) -> None:
    """A technology's names, descriptions and category, saved with a reason."""
    section = f"texts-{technology_id}"
    keys = [*_texts_fill(technology_id, None), f"{section}-reason"]
    session.loaded(
        section,
        lambda: session.record_of(editing.load_technology(con, technology_id)),
        lambda record: {**_texts_fill(technology_id, record), f"{section}-reason": ""},
    )
    conflict(section, keys, lang)
    session.messages(section)
    with st.form(section, border=False):
        _text_widgets(catalog, lang, lambda f: text_key(technology_id, f))
        session.reason_input(f"{section}-reason", lang)
        st.form_submit_button(
            t("editing.save", lang),
            type="primary",
            key=f"{section}-save",
            on_click=_save_texts,
            args=(con, technology_id, editor, lang),
        )


# --- a new technology ---


def _save_new(con: Connection, editor: Editor, lang: Lang) -> None:
    values = {f: st.session_state.get(new_key(f)) for f in editing.TECHNOLOGY_FIELDS}

    def after(saved: Technology) -> None:
        for f in (*TECHNOLOGY_TEXT_FIELDS, "id", "reason"):
            st.session_state[new_key(f)] = ""
        # Open the new technology for editing, and say so in the URL.
        st.session_state[state.TECH] = saved.id
        state.remember(state.TECH)
        st.query_params[state.TECH] = saved.id
        saved_text = t("editing.new.saved", lang, name=saved.name_da)
        session.say(f"texts-{saved.id}", "success", saved_text)

    session.save(
        "new",
        lang,
        lambda: editing.add_technology(
            con,
            values,
            editor=editor.audit_name,
            reason=st.session_state.get(new_key("reason"), ""),
            technology_id=(st.session_state.get(new_key("id")) or "").strip() or None,
        ),
        # The confirmation is shown on the new technology's form (see after).
        by=editor,
        success=None,
        after=after,
    )


def new_technology_form(con: Connection, catalog: Catalog, editor: Editor, lang: Lang) -> None:
    """Add a technology: names, descriptions, category, an optional id, and a reason."""
    st.subheader(t("editing.new.title", lang), anchor=False)
    conflict("new", [], lang)
    session.messages("new")
    with st.form("ed-new", border=False):
        _text_widgets(catalog, lang, new_key)
        st.text_input(
            t("editing.new.id", lang),
            key=new_key("id"),
            max_chars=120,
            help=t("editing.new.id.help", lang),
        )
        session.reason_input(new_key("reason"), lang)
        st.form_submit_button(
            t("editing.new.save", lang),
            type="primary",
            key="ed-new-save",
            on_click=_save_new,
            args=(con, editor, lang),
        )


# --- retirement ---


def _save_retire(con: Connection, technology_id: str, editor: Editor, lang: Lang) -> None:
    section = f"retire-{technology_id}"
    loaded = session.snapshots().get(section) or {}
    retiring = not loaded.get("retired")
    operation = editing.retire_technology if retiring else editing.unretire_technology

    def after(saved: Technology) -> None:
        session.snapshots()[section] = asdict(saved)
        st.session_state[f"{section}-reason"] = ""
        # The texts form holds the same record, and retiring removed the
        # drafts' assessments: let those forms read the database again.
        session.forget(f"texts-{technology_id}", [])
        kept = session.snapshots()
        for stale in [k for k in kept if k.startswith(f"ed-{technology_id}-")]:
            del kept[stale]

    session.save(
        section,
        lang,
        lambda: operation(
            con,
            technology_id,
            expected=loaded,
            editor=editor.audit_name,
            reason=st.session_state.get(f"{section}-reason", ""),
        ),
        by=editor,
        success=t("editing.retire.done" if retiring else "editing.unretire.done", lang),
        after=after,
    )


def retire_section(con: Connection, technology_id: str, editor: Editor, lang: Lang) -> None:
    """Retire the technology (it keeps its history), or bring it back."""
    section = f"retire-{technology_id}"
    loaded = session.loaded(
        section,
        lambda: session.record_of(editing.load_technology(con, technology_id)),
        lambda record: {f"{section}-reason": ""},
    )
    conflict(section, [f"{section}-reason"], lang)
    session.messages(section)
    retired = bool(loaded and loaded.get("retired"))
    st.write(t("editing.unretire.explain" if retired else "editing.retire.explain", lang))
    with st.form(section, border=False):
        session.reason_input(f"{section}-reason", lang)
        st.form_submit_button(
            t("editing.unretire.button" if retired else "editing.retire.button", lang),
            key=f"{section}-save",
            icon=":material/undo:" if retired else ":material/archive:",
            on_click=_save_retire,
            args=(con, technology_id, editor, lang),
        )
