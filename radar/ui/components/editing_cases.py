"""A technology's example cases on the edit screen: each editable and removable, and a
form for a new one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from functools import partial
from typing import Any

import streamlit as st

from radar import editing, store
from radar.auth import Editor
from radar.editing import field_label
from radar.i18n import t
from radar.model import Catalog, Lang
from radar.store import Connection
from radar.ui.components import editing_session as session
from radar.ui.components.editing_conflicts import conflict
from radar.ui.components.editing_keys import case_prefix, new_case_prefix
from radar.ui.components.text import plain


def _case_fill(prefix: str, record: Mapping[str, Any] | None, default_area: str) -> dict[str, Any]:
    record = record or {}
    values = {f"{prefix}-{f}": record.get(f) or "" for f in editing.CASE_FIELDS}
    values[f"{prefix}-area"] = record.get("area") or default_area
    values[f"{prefix}-year"] = int(record.get("year") or date.today().year)
    values[f"{prefix}-reason"] = ""
    values[f"{prefix}-confirm"] = False
    return values


def _load_case(con: Connection, case_id: str) -> dict[str, Any] | None:
    return session.record_of(editing.load_case(con, case_id))


def _case_widgets(prefix: str, catalog: Catalog, lang: Lang) -> None:
    area, municipality, year = st.columns([2, 2, 1])
    with area:
        st.selectbox(
            field_label("area", lang),
            options=list(catalog.area_ids),
            format_func=lambda a: catalog.area(a).label(lang),
            key=f"{prefix}-area",
        )
    with municipality:
        st.text_input(field_label("municipality", lang), key=f"{prefix}-municipality")
    with year:
        st.number_input(
            field_label("year", lang),
            min_value=editing.YEAR_MIN,
            max_value=editing.YEAR_MAX,
            step=1,
            key=f"{prefix}-year",
        )
    left, right = st.columns(2)
    with left:
        st.text_input(field_label("title_da", lang), key=f"{prefix}-title_da")
        st.text_area(field_label("text_da", lang), key=f"{prefix}-text_da")
    with right:
        st.text_input(field_label("title_en", lang), key=f"{prefix}-title_en")
        st.text_area(field_label("text_en", lang), key=f"{prefix}-text_en")
    st.text_input(field_label("source_url", lang), key=f"{prefix}-source_url")


def _case_values(prefix: str) -> dict[str, Any]:
    return {f: st.session_state.get(f"{prefix}-{f}") for f in editing.CASE_FIELDS}


def _save_case(
    con: Connection,
    case_id: str,
    editor: Editor,
    lang: Lang,
    remove: bool,
    default_area: str,
) -> None:
    prefix = case_prefix(case_id)
    loaded = session.snapshots().get(prefix) or {}
    reason = st.session_state.get(f"{prefix}-reason", "")
    if remove:
        if not st.session_state.get(f"{prefix}-confirm"):
            session.say(prefix, "error", t("editing.confirm_missing", lang))
            return
        session.save(
            prefix,
            lang,
            lambda: editing.remove_case(
                con, case_id, expected=loaded, editor=editor.audit_name, reason=reason
            ),
            # The case's own section is gone: say it where the list is.
            by=editor,
            success=None,
            after=lambda _: session.say("cases", "success", t("editing.cases.removed", lang)),
        )
        return
    values = _case_values(prefix)
    changes = {f: v for f, v in values.items() if not editing.same_value(v, loaded.get(f))}

    def after(saved: Any) -> None:
        session.snapshots()[prefix] = asdict(saved)
        for key, value in _case_fill(prefix, asdict(saved), default_area).items():
            st.session_state[key] = value

    session.save(
        prefix,
        lang,
        lambda: editing.edit_case(
            con, case_id, changes, expected=loaded, editor=editor.audit_name, reason=reason
        ),
        by=editor,
        success=t("editing.saved", lang),
        after=after,
    )


def _add_case(
    con: Connection, technology_id: str, editor: Editor, lang: Lang, default_area: str
) -> None:
    prefix = new_case_prefix(technology_id)
    values = {"technology": technology_id, **_case_values(prefix)}

    def after(_: Any) -> None:
        for key, value in _case_fill(prefix, None, default_area).items():
            st.session_state[key] = value

    session.save(
        "cases",
        lang,
        lambda: editing.add_case(
            con,
            values,
            editor=editor.audit_name,
            reason=st.session_state.get(f"{prefix}-reason", ""),
        ),
        by=editor,
        success=t("editing.cases.added", lang),
        after=after,
    )


def cases_section(
    con: Connection, catalog: Catalog, technology_id: str, editor: Editor, lang: Lang
) -> None:
    """A technology's example cases, each editable and removable, and a form for a new one."""
    default_area = catalog.area_ids[0]
    conflict("cases", [], lang)
    session.messages("cases")
    cases = store.load_cases(con, technology_id)
    if not cases:
        st.caption(t("editing.cases.none", lang))
    for case in cases:
        prefix = case_prefix(case.id)
        label = f"{case.title(lang)} · {case.municipality}, {case.year}"
        with st.expander(plain(label)):
            session.loaded(
                prefix,
                partial(_load_case, con, case.id),
                partial(_case_fill, prefix, default_area=default_area),
            )
            keys = list(_case_fill(prefix, None, default_area))
            conflict(prefix, keys, lang)
            session.messages(prefix)
            with st.form(prefix, border=False):
                _case_widgets(prefix, catalog, lang)
                session.reason_input(f"{prefix}-reason", lang)
                save, remove = st.columns([1, 2], vertical_alignment="bottom")
                with save:
                    st.form_submit_button(
                        t("editing.save", lang),
                        type="primary",
                        key=f"{prefix}-save",
                        on_click=_save_case,
                        args=(con, case.id, editor, lang, False, default_area),
                    )
                with remove:
                    st.checkbox(t("editing.confirm", lang), key=f"{prefix}-confirm")
                    st.form_submit_button(
                        t("editing.cases.remove", lang),
                        key=f"{prefix}-remove",
                        icon=":material/delete:",
                        on_click=_save_case,
                        args=(con, case.id, editor, lang, True, default_area),
                    )
    new = new_case_prefix(technology_id)
    with st.expander(t("editing.cases.new", lang)):
        for key, value in _case_fill(new, None, default_area).items():
            st.session_state.setdefault(key, value)
        with st.form(new, border=False):
            _case_widgets(new, catalog, lang)
            session.reason_input(f"{new}-reason", lang)
            st.form_submit_button(
                t("editing.cases.add", lang),
                type="primary",
                key=f"{new}-save",
                on_click=_add_case,
                args=(con, technology_id, editor, lang, default_area),
            )
