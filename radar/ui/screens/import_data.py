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

import functools
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
#: Session key of a refused preview (its problems and the file's foreign names).
REFUSED = "_import_refused"
#: Session key of the editor's mapping of the file's ring and category names.
MAPPING = "_import_mapping"
#: Session flag: the mapping step asked for a new preview.
PREVIEW_AGAIN = "_import_preview_again"
#: The start of the mapping step's widget keys (:func:`_map_key`).
MAP_KEY_PREFIX = "import_map_"
#: The mapping step's choice "a new category of this name".
NEW_CATEGORY = ""
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
    digest = hashlib.sha256(content).hexdigest()
    # A mapping belongs to its file: another file starts without one.
    mapping: importing.ImportMapping = st.session_state.get(
        MAPPING, (None, importing.ImportMapping())
    )[1]
    if st.session_state.get(MAPPING, (digest,))[0] != digest:
        mapping = importing.ImportMapping()
    _forget_other_files_choices(digest)
    # The preview belongs to exactly this file and these choices; any change asks for a new one.
    made_for = (
        digest,
        upload.name,
        choices.fmt,
        choices.edition,
        choices.area,
        choices.draft,
        mapping,
        lang,
    )
    if st.session_state.get(CHOICES) != made_for:
        st.session_state.pop(PLAN, None)
        st.session_state.pop(REFUSED, None)
        st.session_state[CHOICES] = made_for

    asked = st.button(t("importpage.preview", lang), type="primary", icon=":material/preview:")
    if asked or st.session_state.pop(PREVIEW_AGAIN, False):
        _preview(con, content, upload.name, choices, mapping, editor.audit_name, lang)

    refused: importing.ImportProblems | None = st.session_state.get(REFUSED)
    if refused is not None:
        _show_refusal(refused, lang)
        _mapping_step(refused.foreign, mapping, catalog, digest, lang, open_=True)
        st.stop()
    plan: importing.ImportPlan | None = st.session_state.get(PLAN)
    if plan is None:
        st.stop()
    _show_plan(plan, lang)
    if plan.foreign:
        _mapping_step(plan.foreign, mapping, catalog, digest, lang, open_=False)
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
    con: Connection,
    content: bytes,
    file_name: str,
    choices: _Choices,
    mapping: importing.ImportMapping,
    editor: str,
    lang: Lang,
) -> None:
    """Plan the import into the session, or keep its refusal there for the page to show."""
    st.session_state.pop(PLAN, None)
    st.session_state.pop(REFUSED, None)
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
            mapping=mapping,
        )
    except importing.ImportProblems as refused:
        # Without its traceback, which holds the whole file and all it was read into.
        st.session_state[REFUSED] = refused.with_traceback(None)
        logger.info(
            "import result=refused editor=%r file=%r edition=%d problems=%d",
            editor,
            file_name,
            choices.edition,
            len(refused.problems),
        )


def _show_refusal(refused: importing.ImportProblems, lang: Lang) -> None:
    """Every problem of a refused file, with its file, row and column."""
    st.error(t("importpage.refused", lang, count=len(refused.problems)), icon=":material/block:")
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


def _mapping_step(
    foreign: importing.ForeignNames,
    mapping: importing.ImportMapping,
    catalog: Catalog,
    digest: str,
    lang: Lang,
    *,
    open_: bool,
) -> None:
    """Rings and categories: say once per name of the file what it is on this radar.

    Each ring name no ring here matches, and each category name that is no
    category here, is listed once with how many rows use it; the choices
    become the import's mapping and the file is previewed again with it.
    """
    if not foreign:
        return
    rings = [r.id for r in catalog.rings]
    sectors = [s.id for s in catalog.sectors]
    with st.expander(t("importpage.map.title", lang), expanded=open_, icon=":material/rule:"):
        st.caption(t("importpage.map.intro", lang))
        with st.form("import_mapping", border=False):
            ring_choice: dict[str, str | None] = {}
            for name, rows in foreign.rings:
                current = mapping.ring_for(name)
                chosen = catalog.ring(current).id if current in rings else None
                ring_choice[name] = st.selectbox(
                    t("importpage.map.ring", lang, name=plain(name), count=rows),
                    [None, *rings],
                    index=0 if chosen is None else rings.index(chosen) + 1,
                    format_func=lambda r: (
                        t("importpage.map.choose", lang)
                        if r is None
                        else catalog.ring(r).label(lang)
                    ),
                    key=_map_key("ring", digest, name),
                )
            category_choice: dict[str, str | None] = {}
            for name, rows in foreign.categories:
                current = mapping.category_for(name)
                options: list[str] = [NEW_CATEGORY, *sectors]
                category_choice[name] = st.selectbox(
                    t("importpage.map.category", lang, name=plain(name), count=rows),
                    options,
                    index=options.index(current) if current in sectors else 0,
                    format_func=functools.partial(_category_option, catalog, name, lang),
                    key=_map_key("category", digest, name),
                )
            again = st.form_submit_button(
                t("importpage.map.apply", lang), type="primary", icon=":material/refresh:"
            )
    if not again:
        return
    chosen_mapping = importing.ImportMapping(
        rings={name: ring for name, ring in ring_choice.items() if ring is not None},
        # A new category is named as in the file: said so, it is created.
        categories={name: (sector or name) for name, sector in category_choice.items()},
    )
    st.session_state[MAPPING] = (digest, chosen_mapping)
    st.session_state[PREVIEW_AGAIN] = True
    st.rerun()


def _map_key(kind: str, digest: str, name: str) -> str:
    """A mapping choice's widget key: of this file and this name only.

    Streamlit keeps a widget's value by its key; a key by position would carry
    one file's choice onto another file's name in that place.
    """
    named = hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
    return f"{MAP_KEY_PREFIX}{kind}_{digest[:16]}_{named}"


def _forget_other_files_choices(digest: str) -> None:
    """Drop the mapping widgets' values of files other than this one."""
    for key in [k for k in st.session_state if str(k).startswith(MAP_KEY_PREFIX)]:
        if digest[:16] not in str(key):
            del st.session_state[key]


def _category_option(catalog: Catalog, name: str, lang: Lang, option: str) -> str:
    """A choice for the file's category ``name``: a new category of that name, or one of ours."""
    if option == NEW_CATEGORY:
        return t("importpage.map.new", lang, name=name)
    return catalog.sector(option).label(lang)


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
