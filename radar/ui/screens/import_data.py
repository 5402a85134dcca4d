"""Import (editors only): upload a file, see every change it would make, then confirm.

Nothing is written by the preview; the confirmation writes the previewed plan
in one transaction (:mod:`radar.importing`), and a plan the database outgrew
meanwhile is refused and must be previewed again. A write the disk refuses
(full, or failing) keeps nothing and says why; the preview stays, so the same
import can be confirmed again once the operator has made room.

Every import is logged: who, which file (``%r``: the name is the uploader's),
the edition, the result and how many changes were written.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from radar import formats, importing, store
from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog, Lang
from radar.store import Connection
from radar.ui import auth, state
from radar.ui import cache as ui_data
from radar.ui.components.labels import area_label
from radar.ui.components.text import plain

__all__ = ["render"]

logger = logging.getLogger(__name__)

#: Session key of the previewed plan, kept until it is applied or the choices change.
PLAN = "_import_plan"
#: Session key of the file and choices the plan was made for.
CHOICES = "_import_choices"
#: How the preview's list of changes names each kind.
_KIND_TEXTS: Mapping[str, str] = {
    "added": "importpage.kind.added",
    "changed": "importpage.kind.changed",
    "removed": "importpage.kind.removed",
}


@dataclass(frozen=True)
class _Choices:
    """What the editor chose above the upload."""

    fmt: str | None
    edition: int
    area: str | None
    draft: bool


def render() -> None:
    """The import screen: options, the upload, the preview and the confirmation."""
    lang = state.current_lang()
    editor = auth.require_editor(lang)
    db = ui_data.db_path()
    con = ui_data.connection(db)
    # Editors import into drafts too, so the catalogue includes them.
    catalog = ui_data.editor_catalog(db)

    st.header(t("importpage.title", lang), anchor=False)
    st.write(t("importpage.intro", lang))
    _format_help(lang)
    upload = st.file_uploader(
        t("importpage.file", lang),
        type=["csv", "xlsx", "json", "zip"],
        help=t("importpage.file_help", lang, limit=formats.MAX_IMPORT_BYTES // (1024 * 1024)),
        key="import_file",
    )
    choices = _choices(catalog, lang)
    if upload is None:
        st.info(t("importpage.pick_file", lang), icon=":material/upload_file:")
        st.stop()

    content = upload.getvalue()
    # The preview belongs to exactly this file and these choices; any change asks for a new one.
    made_for = (
        hashlib.sha256(content).hexdigest(),
        upload.name,
        choices.fmt,
        choices.edition,
        choices.area,
        choices.draft,
        lang,
    )
    if st.session_state.get(CHOICES) != made_for:
        st.session_state.pop(PLAN, None)
        st.session_state[CHOICES] = made_for

    if st.button(t("importpage.preview", lang), type="primary", icon=":material/preview:"):
        _preview(con, content, upload.name, choices, editor.audit_name, lang)

    plan: importing.ImportPlan | None = st.session_state.get(PLAN)
    if plan is None:
        st.stop()
    _show_plan(plan, lang)
    if not plan.has_changes:
        st.success(t("import.nothing", lang, file=plan.file_name), icon=":material/check:")
        st.stop()
    _confirm(con, plan, editor.audit_name, lang)


def _format_help(lang: Lang) -> None:
    with st.expander(t("importpage.formats", lang)):
        st.markdown(t("importpage.formats_text", lang))
        st.dataframe(
            pd.DataFrame(
                [
                    (
                        c.name,
                        "✓" if c.required else "",
                        c.description_da if lang == "da" else c.description_en,
                    )
                    for c in formats.OWN_COLUMNS
                ],
                columns=[t("importpage.column", lang), t("importpage.required", lang), ""],
            ),
            hide_index=True,
        )


def _choices(catalog: Catalog, lang: Lang) -> _Choices:
    """The format, edition, area and draft widgets, with a word on the edition chosen."""
    left, middle, right = st.columns(3)
    with left:
        fmt = st.selectbox(
            t("importpage.format", lang),
            [None, *formats.IMPORT_FORMATS],
            format_func=lambda f: t("importpage.format_auto", lang) if f is None else f,
            key="import_format",
        )
    with middle:
        newest = max(catalog.years, default=None)
        # Next year's edition by default: replacing a published radar must be a choice.
        edition = st.number_input(
            t("importpage.edition", lang),
            min_value=1,
            value=newest + 1 if newest else date.today().year,
            step=1,
            help=t("importpage.edition_help", lang),
            key="import_edition",
        )
    with right:
        area = st.selectbox(
            t("importpage.area", lang),
            [None, *(a for a in catalog.area_ids if a != COMBINED_AREA)],
            format_func=lambda a: (
                t("importpage.area_from_file", lang) if a is None else area_label(catalog, a, lang)
            ),
            key="import_area",
        )
    is_new_edition = int(edition) not in catalog.years
    draft = st.checkbox(
        t("importpage.draft", lang),
        value=True,
        disabled=not is_new_edition,
        help=t("importpage.draft_help", lang),
        key="import_draft",
    )
    if not is_new_edition:
        target = catalog.edition(int(edition))
        if target.is_draft:
            st.info(t("importpage.into_draft", lang, edition=target.year), icon=":material/draft:")
        else:
            st.warning(
                t("importpage.into_published", lang, edition=target.year),
                icon=":material/warning:",
            )
    return _Choices(fmt=fmt, edition=int(edition), area=area, draft=draft)


def _preview(
    con: Connection, content: bytes, file_name: str, choices: _Choices, editor: str, lang: Lang
) -> None:
    """Plan the import into the session; a refused file lists its problems and stops."""
    try:
        st.session_state[PLAN] = importing.plan_import(
            con,
            content,
            file_name=file_name,
            edition=choices.edition,
            area=choices.area,
            fmt=choices.fmt,
            draft=choices.draft,
            lang=lang,
        )
    except importing.ImportProblems as refused:
        st.session_state.pop(PLAN, None)
        logger.info(
            "import result=refused editor=%r file=%r edition=%d problems=%d",
            editor,
            file_name,
            choices.edition,
            len(refused.problems),
        )
        st.error(
            t("importpage.refused", lang, count=len(refused.problems)), icon=":material/block:"
        )
        st.dataframe(
            pd.DataFrame(
                [(p.file, p.row, p.column, p.message) for p in refused.problems],
                columns=[
                    t("importpage.problem_file", lang),
                    t("importpage.problem_row", lang),
                    t("importpage.problem_column", lang),
                    t("importpage.problem", lang),
                ],
            ),
            hide_index=True,
            key="import_problems",
        )
        st.stop()


def _show_plan(plan: importing.ImportPlan, lang: Lang) -> None:
    """The preview: the summary, the notes and every assessment that changes."""
    st.subheader(t("importpage.preview_title", lang), anchor=False)
    for line in plan.summary_lines(lang):
        st.text(line)
    for note in plan.notes:
        where = [
            t("importpage.note_row", lang, row=note.row) if note.row is not None else "",
            t("importpage.note_column", lang, column=note.column) if note.column else "",
        ]
        place = ", ".join(w for w in where if w)
        text = f"{place}: {note.message}" if place else note.message
        st.caption(t("import.note", lang, note=plain(text)))
    by_kind = {
        "added": plan.assessments_added,
        "changed": plan.assessments_changed,
        "removed": plan.assessments_removed,
    }
    changes = [
        (t(_KIND_TEXTS[kind], lang), str(key), plan.names.get(key.technology, key.technology))
        for kind, keys in by_kind.items()
        for key in keys
    ]
    if changes:
        st.dataframe(
            pd.DataFrame(
                changes,
                columns=[
                    t("importpage.change", lang),
                    t("importpage.record", lang),
                    t("importpage.technology", lang),
                ],
            ),
            hide_index=True,
            key="import_changes",
        )


def _confirm(con: Connection, plan: importing.ImportPlan, editor: str, lang: Lang) -> None:
    """The reason and the confirmation, which writes the plan."""
    reason = st.text_input(t("importpage.reason", lang), max_chars=300, key="import_reason")
    if not st.button(t("importpage.confirm", lang), type="primary", icon=":material/done_all:"):
        return
    try:
        result = importing.apply_import(con, plan, editor=editor, reason=reason or None)
    except importing.StalePlanError:
        st.session_state.pop(PLAN, None)
        _log(plan, editor, "stale", logging.WARNING)
        st.warning(t("importpage.stale", lang), icon=":material/sync_problem:")
        st.stop()
    except store.StorageFull:
        # Nothing was written (the store logged the disk's own words); the
        # preview stays, so the same import can be confirmed once there is room.
        _log(plan, editor, "disk-full", logging.ERROR)
        st.error(t("importpage.disk_full", lang), icon=":material/error:")
        st.stop()
    except store.WriteFailed:
        _log(plan, editor, "write-failed", logging.ERROR)
        st.error(t("importpage.write_failed", lang), icon=":material/error:")
        st.stop()
    st.session_state.pop(PLAN, None)
    _log(plan, editor, "ok", logging.INFO, rows=result.audit_rows)
    ui_data.invalidate()
    st.success(
        t("importpage.done", lang, file=plain(plan.file_name), rows=result.audit_rows),
        icon=":material/check_circle:",
    )


def _log(plan: importing.ImportPlan, editor: str, result: str, level: int, rows: int = 0) -> None:
    """One line per import that was confirmed, whatever became of it."""
    logger.log(
        level,
        "import result=%s editor=%r file=%r edition=%d rows=%d",
        result,
        editor,
        plan.file_name,
        plan.edition,
        rows,
    )
