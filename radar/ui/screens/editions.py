"""The editions screen (``/udgaver``): their status, a new draft copied from the latest
edition, and each draft's preview, publication and discarding. Editors only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import Final

import pandas as pd
import streamlit as st

from radar import editing
from radar.auth import Editor
from radar.drawing.figure import radar_figure
from radar.editing import EditError, field_label
from radar.i18n import format_date, t
from radar.model import COMBINED_AREA, DRAFT, PUBLISHED, Catalog, Lang
from radar.store import Connection
from radar.ui import auth, state
from radar.ui import cache as ui_data
from radar.ui.components import editing_session as session
from radar.ui.components.editing_conflicts import conflict
from radar.ui.components.labels import area_label
from radar.ui.components.text import plain

#: Where the confirmations and conflicts of this screen's saves are shown.
_SECTION: Final = "editions"
#: An edition's status as the table shows it.
_STATUS_TEXTS: Final[Mapping[str, str]] = {
    DRAFT: "editing.status.draft",
    PUBLISHED: "editing.status.published",
}


def editions_table(summary: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The editions as editors see them: year, title, status, date, counts."""
    title = summary["title_en"].where(
        (summary["title_en"].fillna("") != "") & (lang == "en"), summary["title_da"]
    )
    return pd.DataFrame(
        {
            t("editing.editions.column.year", lang): summary["year"].astype(str),
            t("editing.editions.column.title", lang): title,
            t("editing.editions.column.status", lang): [
                t(_STATUS_TEXTS[s], lang) for s in summary["status"]
            ],
            t("editing.editions.column.published", lang): [
                format_date(day, lang) if isinstance(day, date) else ""
                for day in summary["published"]
            ],
            t("editing.editions.column.assessments", lang): summary["assessments"],
            t("editing.editions.column.technologies", lang): summary["technologies"],
        }
    )


def _start_key(year: int, field: str) -> str:
    return f"ed-start-{year}-{field}"


def _start_draft(con: Connection, year: int, editor: Editor, lang: Lang) -> None:
    published = st.session_state.get(_start_key(year, "published"))
    session.save(
        _SECTION,
        lang,
        lambda: editing.start_draft(
            con,
            year,
            editor=editor.audit_name,
            reason=st.session_state.get(_start_key(year, "reason"), ""),
            title_da=st.session_state.get(_start_key(year, "title_da")),
            title_en=st.session_state.get(_start_key(year, "title_en")),
            published=published if isinstance(published, date) else None,
        ),
        by=editor,
        success=t("editing.start.done", lang, year=year),
        after=lambda _: st.session_state.update({_start_key(year, "reason"): ""}),
    )


def _draft_action(con: Connection, year: int, editor: Editor, lang: Lang, action: str) -> None:
    prefix = f"ed-draft-{year}-{action}"
    if not st.session_state.get(f"{prefix}-confirm"):
        session.say(_SECTION, "error", t("editing.confirm_missing", lang))
        return
    expected = session.snapshots().get(f"draft-{year}")
    reason = st.session_state.get(f"{prefix}-reason", "")
    if action == "publish":
        session.save(
            _SECTION,
            lang,
            lambda: editing.publish(
                con, year, editor=editor.audit_name, reason=reason, expected=expected
            ),
            by=editor,
            success=t("editing.draft.published", lang, year=year),
        )
    else:
        session.save(
            _SECTION,
            lang,
            lambda: editing.discard_draft(
                con, year, editor=editor.audit_name, reason=reason, expected=expected
            ),
            by=editor,
            success=t("editing.draft.discarded", lang, year=year),
        )


def editions_page(editor: Editor, lang: Lang) -> None:
    """The editions with their status, a new draft, and each draft's preview,
    publication and discarding."""
    page = ui_data.page_data(need_editions=False)
    con = ui_data.connection(page.db)
    head, who = st.columns([4, 1], vertical_alignment="bottom")
    with head:
        st.header(t("editing.editions.title", lang), anchor=False)
    with who:
        auth.sign_out_button(lang)
    conflict(_SECTION, [], lang)
    session.messages(_SECTION)
    summary = editing.edition_summary(con)
    st.dataframe(editions_table(summary, lang), hide_index=True, width="stretch")
    drafts = [int(y) for y in summary.loc[summary["status"] == DRAFT, "year"]]
    if not drafts:
        start_draft_form(con, editor, lang)
    catalog = ui_data.editor_catalog(page.db)
    for year in drafts:
        draft_section(con, page.db, catalog, year, editor, lang)
    illustrative_form(con, page.db, editor, lang)


def illustrative_form(con: Connection, db: str, editor: Editor, lang: Lang) -> None:
    """Whether every radar, export and handout says the data is illustrative."""
    st.subheader(t("editing.illustrative.title", lang), anchor=False)
    current = ui_data.illustrative(db)
    with st.form("ed-illustrative", border=False):
        wanted = st.checkbox(
            t("editing.illustrative.label", lang),
            value=current,
            help=t("editing.illustrative.help", lang),
            key="ed-illustrative-value",
        )
        reason = st.text_input(t("editing.illustrative.reason", lang), key="ed-illustrative-reason")
        saved = st.form_submit_button(t("editing.illustrative.save", lang))
    if not saved:
        return
    try:
        changed = editing.set_illustrative(con, wanted, editor=editor.name, reason=reason)
    except EditError as exc:
        st.error(exc.message(lang))
        return
    if changed:
        ui_data.invalidate()
        st.success(t("editing.illustrative.saved", lang))


def start_draft_form(con: Connection, editor: Editor, lang: Lang) -> None:
    """ "Start udgave 2026 som kladde", copied from the latest published edition."""
    year = editing.next_edition_year(con)
    try:
        defaults = editing.draft_defaults(con, year)
    except EditError:
        st.info(t("editing.start.no_source", lang))
        return
    title = t("editing.start.title", lang, year=year)
    st.subheader(title, anchor=False)
    st.caption(t("editing.start.explain", lang, source=defaults.source))
    for key, value in (
        (_start_key(year, "title_da"), defaults.title_da),
        (_start_key(year, "title_en"), defaults.title_en),
        (_start_key(year, "published"), defaults.published),
    ):
        st.session_state.setdefault(key, value)
    with st.form(f"ed-start-{year}", border=False):
        left, right, when = st.columns([2, 2, 1])
        with left:
            st.text_input(field_label("title_da", lang), key=_start_key(year, "title_da"))
        with right:
            st.text_input(field_label("title_en", lang), key=_start_key(year, "title_en"))
        with when:
            st.date_input(field_label("published", lang), key=_start_key(year, "published"))
        session.reason_input(_start_key(year, "reason"), lang)
        st.form_submit_button(
            title,
            type="primary",
            key=_start_key(year, "save"),
            icon=":material/add:",
            on_click=_start_draft,
            args=(con, year, editor, lang),
        )


def draft_section(
    con: Connection, db: str, catalog: Catalog, year: int, editor: Editor, lang: Lang
) -> None:
    """One draft: its radar per area (editors only), a link to its assessments, publish, discard."""
    edition = editing.load_edition(con, year)
    if edition is None:
        return
    # Publishing and discarding check that the draft is still what this editor saw.
    session.snapshots()[f"draft-{year}"] = asdict(edition)
    with st.container(border=True, key=f"ed-draft-{year}"):
        st.subheader(plain(t("editing.draft.title", lang, title=edition.label(lang))), anchor=False)
        st.caption(t("editing.draft.only_editors", lang))
        areas = [COMBINED_AREA, *catalog.area_ids]
        area = st.selectbox(
            t("editing.draft.preview", lang),
            options=areas,
            format_func=lambda a: area_label(catalog, a, lang),
            key=f"ed-draft-{year}-area",
        )
        view = ui_data.draft_view(db, year, area)
        if view.empty:
            st.info(t("editing.draft.empty_area", lang))
        else:
            figure = radar_figure(view, catalog, ui_data.editor_technologies(db), lang)
            st.plotly_chart(
                figure,
                key=f"ed-draft-{year}-chart",
                width="stretch",
                config={"displayModeBar": False, "responsive": True},
            )
        st.page_link(
            "pages/edit.py",
            label=t("editing.draft.edit_link", lang),
            icon=":material/edit:",
            query_params={state.EDITION: str(year), **({state.LANG: lang} if lang != "da" else {})},
        )
        publish, discard = st.columns(2, gap="large")
        for column, action, explain, button in (
            (publish, "publish", "editing.draft.publish.explain", "editing.draft.publish"),
            (discard, "discard", "editing.draft.discard.explain", "editing.draft.discard"),
        ):
            prefix = f"ed-draft-{year}-{action}"
            with column, st.form(prefix, border=False):
                st.caption(t(explain, lang))
                session.reason_input(f"{prefix}-reason", lang)
                st.checkbox(t("editing.confirm", lang), key=f"{prefix}-confirm")
                st.form_submit_button(
                    t(button, lang, year=year),
                    type="primary" if action == "publish" else "secondary",
                    key=f"{prefix}-save",
                    on_click=_draft_action,
                    args=(con, year, editor, lang, action),
                )


def render() -> None:
    """The screen, for a signed-in editor (others are sent to sign in)."""
    lang = state.current_lang()
    editor = auth.require_editor(lang)
    editions_page(editor, lang)
