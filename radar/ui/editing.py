"""The editors' pages: a technology's texts, assessments, cases and retirement
(``/rediger``), the editions and their drafts (``/udgaver``), and the change log
on the technology page.

Every save follows the same pattern. The record is read when its form is
first shown and kept in the session as *the version this editor loaded*; the
save (a button callback, so it runs before the page is drawn again) passes it
to :mod:`radar.editing` as ``expected``. A conflict is kept for the next run,
which shows both versions and a button that loads the saved one; success
clears the caches (:func:`radar.ui.cache.invalidate`) and shows a confirmation.
Nothing from the database is shown as HTML or markdown: tables are
``st.dataframe``, texts ``st.text`` or escaped with :func:`widgets.plain`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict
from datetime import date
from typing import Any, Final

import duckdb
import pandas as pd
import streamlit as st

from radar import editing, store
from radar.auth import Editor
from radar.drawing.figure import radar_figure
from radar.editing import EditConflict, EditError, field_label
from radar.i18n import t
from radar.model import COMBINED_AREA, Catalog, Lang, Technology
from radar.ui import auth, state, widgets
from radar.ui import cache as ui_data

#: The technology picker's choice for adding a technology (a slug never starts with "_").
NEW_TECH: Final = "_ny"
#: The change log's times are shown in Danish time, whatever the server's zone.
LOCAL_TIMEZONE: Final = "Europe/Copenhagen"

_SNAPSHOTS: Final = "_edit_snapshots"
_MESSAGES: Final = "_edit_messages"
_CONFLICTS: Final = "_edit_conflicts"
#: The key of the technology page's change log (a CSS class for the browser tests).
CHANGE_LOG: Final = "technology-change-log"
#: The edit page's own area choice (the radar's ``area`` includes the combined radar).
ASSESS_AREA: Final = "ed-assess-area"


# --- keys of the widgets, shared with the tests ---


def text_key(technology_id: str, field: str) -> str:
    """The key of a technology's text or category widget."""
    return f"ed-{technology_id}-{field}"


def assessment_prefix(technology_id: str, edition: int, area: str) -> str:
    """The prefix of the keys of one assessment's widgets."""
    return f"ed-{technology_id}-{edition}-{area}"


def case_prefix(case_id: str) -> str:
    """The prefix of the keys of one example case's widgets."""
    return f"ed-case-{case_id}"


# --- the session's loaded versions, messages and conflicts ---


def _store(name: str) -> dict[str, Any]:
    return st.session_state.setdefault(name, {})


def _loaded(
    section: str,
    load: Callable[[], Mapping[str, Any] | None],
    fill: Callable[[Mapping[str, Any] | None], dict[str, Any]],
) -> dict[str, Any] | None:
    """The record as this editor loaded it; its widgets are filled from it when (re)loaded.

    It is read again when one of its widgets is gone, which happens when the
    editor left the form (another page, another area): coming back shows the
    current version, not a stale one. While the editor stays, it is kept, so a
    save can tell whether someone else saved in between.
    """
    snapshots = _store(_SNAPSHOTS)
    widget_keys = fill(snapshots.get(section))
    if section not in snapshots or any(k not in st.session_state for k in widget_keys):
        record = load()
        snapshots[section] = dict(record) if record is not None else None
        for key, value in fill(record).items():
            st.session_state[key] = value
    return snapshots[section]


def _forget(section: str, keys: Sequence[str]) -> None:
    """Drop a loaded version and its widgets' values, so the next run reads the database."""
    _store(_SNAPSHOTS).pop(section, None)
    _store(_CONFLICTS).pop(section, None)
    for key in keys:
        st.session_state.pop(key, None)


def _say(section: str, kind: str, text: str) -> None:
    _store(_MESSAGES)[section] = (kind, text)


def _messages(section: str) -> None:
    """The confirmation or error of the last save of ``section``, shown once."""
    message = _store(_MESSAGES).pop(section, None)
    if message is None:
        return
    kind, text = message
    if kind == "success":
        st.success(widgets.plain(text), icon=":material/check_circle:")
    else:
        st.error(widgets.plain(text), icon=":material/error:")


def _save(
    section: str,
    lang: Lang,
    action: Callable[[], Any],
    *,
    success: str | None,
    after: Callable[[Any], None] | None = None,
) -> None:
    """Run a save; keep its conflict, error or confirmation for the page to show."""
    _store(_CONFLICTS).pop(section, None)
    try:
        result = action()
    except EditConflict as conflict:
        _store(_CONFLICTS)[section] = conflict
        return
    except EditError as error:
        _say(section, "error", error.message(lang))
        return
    ui_data.invalidate()
    if after is not None:
        after(result)
    if success is not None:
        _say(section, "success", success)


def _display(value: Any, lang: Lang) -> str:
    if value is None or value == "":
        return t("editing.value.empty", lang)
    if isinstance(value, bool):
        return t("editing.value.yes" if value else "editing.value.no", lang)
    return str(value)


def conflict_table(conflict: EditConflict, lang: Lang) -> pd.DataFrame:
    """The two versions side by side: field, the saved one, this editor's."""
    rows = conflict.differences()
    removed = t("editing.value.removed", lang)
    return pd.DataFrame(
        {
            t("editing.conflict.field", lang): [field_label(f, lang) for f, _, _ in rows],
            t("editing.conflict.theirs", lang): [
                removed if conflict.theirs is None else _display(v, lang) for _, v, _ in rows
            ],
            t("editing.conflict.yours", lang): [
                removed if conflict.yours is None else _display(v, lang) for _, _, v in rows
            ],
        }
    )


def _conflict(section: str, keys: Sequence[str], lang: Lang) -> None:
    """The conflict of the last save of ``section``, if it had one, and the way out."""
    conflict = _store(_CONFLICTS).get(section)
    if conflict is None:
        return
    with st.container(border=True, key=f"{section}-conflict"):
        if conflict.theirs is None:
            st.error(t("editing.conflict.removed", lang), icon=":material/sync_problem:")
        else:
            st.error(t("editing.conflict", lang), icon=":material/sync_problem:")
        table = conflict_table(conflict, lang)
        if table.empty:
            st.caption(t("editing.conflict.same", lang))
        else:
            st.dataframe(table, hide_index=True, width="stretch")
        st.button(
            t("editing.conflict.reload", lang),
            key=f"{section}-reload",
            icon=":material/refresh:",
            on_click=_forget,
            args=(section, keys),
        )


def _reason_input(key: str, lang: Lang) -> None:
    st.text_input(
        t("editing.reason", lang),
        key=key,
        max_chars=editing.MAX_LENGTH["reason"],
        help=t("editing.reason.help", lang),
    )


# --- the edit page ---


#: Danish sorts æ, ø, å after z; these stand-ins sort there too.
_DANISH_LAST: Final = str.maketrans({"æ": "z\x01", "ø": "z\x02", "å": "z\x03"})


def _sort_key(name: str, lang: Lang) -> str:
    folded = name.casefold()
    return folded.translate(_DANISH_LAST) if lang == "da" else folded


def technology_picker(technologies: Mapping[str, Technology], lang: Lang) -> str | None:
    """The technology to edit, or :data:`NEW_TECH`; kept in ``?tech=`` like the technology page.

    A ``tech`` in the URL wins over the choice remembered from earlier in the
    session, so a link opens the technology it names.
    """
    ids = sorted(technologies, key=lambda i: (_sort_key(technologies[i].label(lang), lang), i))
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
    """``/rediger``: choose a technology and edit its texts, assessments, cases, retirement."""
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
            st.info(t("editing.unknown", lang, id=widgets.plain(asked)))
        else:
            st.info(t("editing.choose", lang))
        return
    if chosen == NEW_TECH:
        new_technology_form(con, catalog, editor, lang)
        return
    tech = technologies[chosen]
    st.subheader(widgets.plain(tech.label(lang)), anchor=False)
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


# --- a technology's texts and category ---


def _texts_fill(technology_id: str, record: Mapping[str, Any] | None) -> dict[str, Any]:
    record = record or {}
    return {text_key(technology_id, f): record.get(f, "") or "" for f in editing.TECHNOLOGY_FIELDS}


def _save_texts(
    con: duckdb.DuckDBPyConnection, technology_id: str, editor: Editor, lang: Lang
) -> None:
    section = f"texts-{technology_id}"
    loaded = _store(_SNAPSHOTS).get(section) or {}
    values = {
        f: st.session_state.get(text_key(technology_id, f)) for f in editing.TECHNOLOGY_FIELDS
    }
    changes = {f: v for f, v in values.items() if (v or "").strip() != (loaded.get(f) or "")}
    reason_key = f"{section}-reason"

    def after(saved: Technology) -> None:
        _store(_SNAPSHOTS)[section] = asdict(saved)
        # The retire form holds the same record: it must not take this
        # editor's own save for someone else's.
        _store(_SNAPSHOTS)[f"retire-{technology_id}"] = asdict(saved)
        for key, value in _texts_fill(technology_id, asdict(saved)).items():
            st.session_state[key] = value
        st.session_state[reason_key] = ""

    _save(
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
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    technology_id: str,
    editor: Editor,
    lang: Lang,
) -> None:
    """A technology's names, descriptions and category, saved with a reason."""
    section = f"texts-{technology_id}"
    keys = [*_texts_fill(technology_id, None), f"{section}-reason"]
    _loaded(
        section,
        lambda: _record_of(editing.load_technology(con, technology_id)),
        lambda record: {**_texts_fill(technology_id, record), f"{section}-reason": ""},
    )
    _conflict(section, keys, lang)
    _messages(section)
    with st.form(section, border=False):
        _text_widgets(catalog, lang, lambda f: text_key(technology_id, f))
        _reason_input(f"{section}-reason", lang)
        st.form_submit_button(
            t("editing.save", lang),
            type="primary",
            key=f"{section}-save",
            on_click=_save_texts,
            args=(con, technology_id, editor, lang),
        )


def _record_of(value: Any) -> dict[str, Any] | None:
    return asdict(value) if value is not None else None


# --- a new technology ---


def _new_key(field: str) -> str:
    return f"ed-new-{field}"


def _save_new(con: duckdb.DuckDBPyConnection, editor: Editor, lang: Lang) -> None:
    values = {f: st.session_state.get(_new_key(f)) for f in editing.TECHNOLOGY_FIELDS}

    def after(saved: Technology) -> None:
        for f in (*editing.TECHNOLOGY_TEXT_FIELDS, "id", "reason"):
            st.session_state[_new_key(f)] = ""
        # Open the new technology for editing, and say so in the URL.
        st.session_state[state.TECH] = saved.id
        state.remember(state.TECH)
        st.query_params[state.TECH] = saved.id
        _say(f"texts-{saved.id}", "success", t("editing.new.saved", lang, name=saved.name_da))

    _save(
        "new",
        lang,
        lambda: editing.add_technology(
            con,
            values,
            editor=editor.audit_name,
            reason=st.session_state.get(_new_key("reason"), ""),
            technology_id=(st.session_state.get(_new_key("id")) or "").strip() or None,
        ),
        # The confirmation is shown on the new technology's form (see after).
        success=None,
        after=after,
    )


def new_technology_form(
    con: duckdb.DuckDBPyConnection, catalog: Catalog, editor: Editor, lang: Lang
) -> None:
    """Add a technology: names, descriptions, category, an optional id, and a reason."""
    st.subheader(t("editing.new.title", lang), anchor=False)
    _conflict("new", [], lang)
    _messages("new")
    with st.form("ed-new", border=False):
        _text_widgets(catalog, lang, _new_key)
        st.text_input(
            t("editing.new.id", lang),
            key=_new_key("id"),
            max_chars=120,
            help=t("editing.new.id.help", lang),
        )
        _reason_input(_new_key("reason"), lang)
        st.form_submit_button(
            t("editing.new.save", lang),
            type="primary",
            key="ed-new-save",
            on_click=_save_new,
            args=(con, editor, lang),
        )


# --- assessments ---


def _edition_label(catalog: Catalog, year: int, lang: Lang) -> str:
    edition = catalog.edition(year)
    return t("editing.assess.draft", lang, year=year) if edition.is_draft else str(year)


def _assessment_fill(prefix: str, record: Mapping[str, Any] | None) -> dict[str, Any]:
    record = record or {}
    scored = not record or record.get("maturity_trl") is not None
    defaults = {
        "maturity_trl": 5,
        "share_operation": 0,
        "share_pilot": 0,
        "share_considering": 0,
        "share_not_considering": 100,
    }
    values: dict[str, Any] = {f"{prefix}-scored": scored}
    for name, default in defaults.items():
        value = record.get(name)
        values[f"{prefix}-{name}"] = int(value) if value is not None else default
    values[f"{prefix}-ring_override"] = record.get("ring_override") or ""
    values[f"{prefix}-override_reason"] = record.get("override_reason") or ""
    values[f"{prefix}-reason"] = ""
    values[f"{prefix}-confirm"] = False
    return values


def _assessment_values(prefix: str, edition: int, area: str, technology: str) -> dict[str, Any]:
    """The assessment as the widgets have it now."""
    scored = st.session_state.get(f"{prefix}-scored", True)
    values: dict[str, Any] = {"edition": edition, "area": area, "technology": technology}
    for name in editing.SCORE_COLUMNS:
        values[name] = st.session_state.get(f"{prefix}-{name}") if scored else None
    values["ring_override"] = st.session_state.get(f"{prefix}-ring_override") or None
    values["override_reason"] = st.session_state.get(f"{prefix}-override_reason") or ""
    return values


def _save_assessment(
    con: duckdb.DuckDBPyConnection,
    edition: int,
    area: str,
    technology: str,
    editor: Editor,
    lang: Lang,
    remove: bool,
) -> None:
    prefix = assessment_prefix(technology, edition, area)
    loaded = _store(_SNAPSHOTS).get(prefix)
    reason = st.session_state.get(f"{prefix}-reason", "")

    def after(saved: editing.Assessment | None) -> None:
        record = asdict(saved) if saved is not None else None
        _store(_SNAPSHOTS)[prefix] = record
        for key, value in _assessment_fill(prefix, record).items():
            st.session_state[key] = value

    if remove:
        if not st.session_state.get(f"{prefix}-confirm"):
            _say(prefix, "error", t("editing.confirm_missing", lang))
            return
        _save(
            prefix,
            lang,
            lambda: editing.remove_assessment(
                con,
                edition,
                area,
                technology,
                expected=loaded or {},
                editor=editor.audit_name,
                reason=reason,
            ),
            success=t("editing.assess.removed", lang),
            after=after,
        )
        return
    values = _assessment_values(prefix, edition, area, technology)
    if loaded is None:
        action = lambda: editing.add_assessment(  # noqa: E731
            con, values, editor=editor.audit_name, reason=reason
        )
    else:
        action = lambda: editing.edit_assessment(  # noqa: E731
            con, values, expected=loaded, editor=editor.audit_name, reason=reason
        )
    _save(prefix, lang, action, success=t("editing.saved", lang), after=after)


def _edition_chosen() -> None:
    state.remember(state.EDITION)
    # The URL is read first (see assessments_section): it must hold the new choice now.
    st.query_params[state.EDITION] = str(st.session_state[state.EDITION])


def assessment_overview(
    assessments: Mapping[tuple[int, str], editing.Assessment],
    catalog: Catalog,
    edition: int,
    lang: Lang,
) -> pd.DataFrame:
    """One row per area where the technology is assessed in ``edition``: scores and rings."""
    rows = []
    for area in catalog.areas:
        found = assessments.get((edition, area.id))
        if found is None:
            continue
        computed, shown = editing.preview_ring(asdict(found), catalog.rings)
        row = {t("editing.assess.area", lang): area.label(lang)}
        for name in editing.SCORE_COLUMNS:
            row[field_label(name, lang)] = getattr(found, name)
        row[t("editing.assess.column.computed", lang)] = (
            catalog.ring(computed).label(lang) if computed else ""
        )
        row[t("editing.assess.column.ring", lang)] = (
            catalog.ring(shown).label(lang) if shown else ""
        )
        row[field_label("override_reason", lang)] = found.override_reason or ""
        rows.append(row)
    return pd.DataFrame(rows)


def assessments_section(
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    tech: Technology,
    editor: Editor,
    lang: Lang,
) -> None:
    """A technology's assessments per area in a chosen edition (drafts marked), and one's form."""
    years = list(catalog.years)
    if not years:
        st.info(t("error.no_editions", lang))
        return
    state.bind(state.EDITION, years, years[0], int)
    # A link (the editions page's "edit the draft") names the edition to open,
    # even when another one is remembered from earlier in the session.
    asked = st.query_params.get(state.EDITION, "")
    if asked.isdigit() and int(asked) in years and st.session_state[state.EDITION] != int(asked):
        st.session_state[state.EDITION] = int(asked)
        state.remember(state.EDITION)
    edition = st.selectbox(
        t("editing.assess.edition", lang),
        options=years,
        format_func=lambda y: _edition_label(catalog, y, lang),
        key=state.EDITION,
        on_change=_edition_chosen,
    )
    state.publish(state.EDITION, years[0])
    assessments = editing.technology_assessments(con, tech.id)
    label = _edition_label(catalog, edition, lang)
    st.markdown(f"**{widgets.plain(t('editing.assess.overview', lang, edition=label))}**")
    overview = assessment_overview(assessments, catalog, edition, lang)
    if overview.empty:
        st.caption(widgets.plain(t("editing.assess.none", lang, edition=label)))
    else:
        st.dataframe(overview, hide_index=True, width="stretch")
    area_ids = list(catalog.area_ids)
    if st.session_state.get(ASSESS_AREA) not in area_ids:
        assessed = [a for a in area_ids if (edition, a) in assessments]
        st.session_state[ASSESS_AREA] = assessed[0] if assessed else area_ids[0]
    area = st.selectbox(
        t("editing.assess.area", lang),
        options=area_ids,
        format_func=lambda a: catalog.area(a).label(lang),
        key=ASSESS_AREA,
    )
    assessment_form(con, catalog, tech, edition, area, editor, lang)


def assessment_form(
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    tech: Technology,
    edition: int,
    area: str,
    editor: Editor,
    lang: Lang,
) -> None:
    """One assessment's scores or stated ring, with the ring they give shown live.

    Not an ``st.form``: every change reruns the page, so the preview follows
    the numbers as they are typed.
    """
    prefix = assessment_prefix(tech.id, edition, area)
    loaded = _loaded(
        prefix,
        lambda: _record_of(editing.load_assessment(con, edition, area, tech.id)),
        lambda record: _assessment_fill(prefix, record),
    )
    keys = list(_assessment_fill(prefix, None))
    _conflict(prefix, keys, lang)
    _messages(prefix)
    if loaded is None:
        if tech.retired:
            st.info(t("editing.assess.retired", lang))
            return
        st.caption(t("editing.assess.new", lang))
    scored = st.toggle(
        t("editing.assess.scored", lang),
        key=f"{prefix}-scored",
        help=t("editing.assess.scored.help", lang),
    )
    ring_ids = list(catalog.ring_ids)
    if scored:
        st.number_input(
            field_label("maturity_trl", lang),
            min_value=1,
            max_value=9,
            step=1,
            key=f"{prefix}-maturity_trl",
        )
        columns = st.columns(4)
        for column, name in zip(columns, editing.SCORE_COLUMNS[1:], strict=True):
            with column:
                st.number_input(
                    field_label(name, lang),
                    min_value=0,
                    max_value=100,
                    step=1,
                    key=f"{prefix}-{name}",
                )
        override_label = field_label("ring_override", lang)
        blank = t("editing.assess.no_override", lang)
    else:
        override_label = t("editing.assess.stated_ring", lang)
        blank = t("editing.assess.choose_ring", lang)
    st.selectbox(
        override_label,
        options=["", *ring_ids],
        format_func=lambda r: catalog.ring(r).label(lang) if r else blank,
        key=f"{prefix}-ring_override",
    )
    st.text_input(
        field_label("override_reason", lang),
        key=f"{prefix}-override_reason",
        max_chars=editing.MAX_LENGTH["override_reason"],
    )
    _ring_preview(prefix, _assessment_values(prefix, edition, area, tech.id), catalog, lang)
    _reason_input(f"{prefix}-reason", lang)
    save, remove = st.columns([1, 2], vertical_alignment="bottom")
    with save:
        st.button(
            t("editing.save" if loaded is not None else "editing.assess.add", lang),
            type="primary",
            key=f"{prefix}-save",
            on_click=_save_assessment,
            args=(con, edition, area, tech.id, editor, lang, False),
        )
    if loaded is not None:
        with remove, st.expander(t("editing.assess.remove", lang)):
            st.checkbox(t("editing.confirm", lang), key=f"{prefix}-confirm")
            st.button(
                t("editing.assess.remove", lang),
                key=f"{prefix}-remove",
                icon=":material/delete:",
                on_click=_save_assessment,
                args=(con, edition, area, tech.id, editor, lang, True),
            )


def _ring_preview(prefix: str, values: Mapping[str, Any], catalog: Catalog, lang: Lang) -> None:
    """ "Tallene giver ringen AFPRØV": the ring the scores give, before anything is saved."""
    computed, shown = editing.preview_ring(values, catalog.rings)
    with st.container(key=f"{prefix}-preview"):
        if values.get("maturity_trl") is None:
            if shown is None:
                st.info(t("editing.assess.preview_none", lang))
            else:
                ring = catalog.ring(shown).label(lang)
                st.info(widgets.plain(t("editing.assess.preview_stated", lang, ring=ring)))
            return
        total = sum(int(values.get(n) or 0) for n in editing.SCORE_COLUMNS[1:])
        if total != 100:
            st.warning(widgets.plain(t("editing.assess.sum", lang, total=total)))
        if computed is not None:
            ring = catalog.ring(computed).label(lang)
            st.info(widgets.plain(t("editing.assess.preview", lang, ring=ring)))
        if shown is not None and shown != computed:
            ring = catalog.ring(shown).label(lang)
            st.caption(widgets.plain(t("editing.assess.preview_override", lang, ring=ring)))


# --- example cases ---


def _case_fill(prefix: str, record: Mapping[str, Any] | None, default_area: str) -> dict:
    record = record or {}
    values = {f"{prefix}-{f}": record.get(f) or "" for f in editing.CASE_FIELDS}
    values[f"{prefix}-area"] = record.get("area") or default_area
    values[f"{prefix}-year"] = int(record.get("year") or date.today().year)
    values[f"{prefix}-reason"] = ""
    values[f"{prefix}-confirm"] = False
    return values


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
    con: duckdb.DuckDBPyConnection,
    case_id: str,
    editor: Editor,
    lang: Lang,
    remove: bool,
    default_area: str,
) -> None:
    prefix = case_prefix(case_id)
    loaded = _store(_SNAPSHOTS).get(prefix) or {}
    reason = st.session_state.get(f"{prefix}-reason", "")
    if remove:
        if not st.session_state.get(f"{prefix}-confirm"):
            _say(prefix, "error", t("editing.confirm_missing", lang))
            return
        _save(
            prefix,
            lang,
            lambda: editing.remove_case(
                con, case_id, expected=loaded, editor=editor.audit_name, reason=reason
            ),
            # The case's own section is gone: say it where the list is.
            success=None,
            after=lambda _: _say("cases", "success", t("editing.cases.removed", lang)),
        )
        return
    values = _case_values(prefix)
    changes = {f: v for f, v in values.items() if not editing.same_value(v, loaded.get(f))}

    def after(saved: Any) -> None:
        _store(_SNAPSHOTS)[prefix] = asdict(saved)
        for key, value in _case_fill(prefix, asdict(saved), default_area).items():
            st.session_state[key] = value

    _save(
        prefix,
        lang,
        lambda: editing.edit_case(
            con, case_id, changes, expected=loaded, editor=editor.audit_name, reason=reason
        ),
        success=t("editing.saved", lang),
        after=after,
    )


def _add_case(
    con: duckdb.DuckDBPyConnection,
    technology_id: str,
    editor: Editor,
    lang: Lang,
    default_area: str,
) -> None:
    prefix = f"ed-case-new-{technology_id}"
    values = {"technology": technology_id, **_case_values(prefix)}

    def after(_: Any) -> None:
        for key, value in _case_fill(prefix, None, default_area).items():
            st.session_state[key] = value

    _save(
        "cases",
        lang,
        lambda: editing.add_case(
            con,
            values,
            editor=editor.audit_name,
            reason=st.session_state.get(f"{prefix}-reason", ""),
        ),
        success=t("editing.cases.added", lang),
        after=after,
    )


def cases_section(
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    technology_id: str,
    editor: Editor,
    lang: Lang,
) -> None:
    """A technology's example cases, each editable and removable, and a form for a new one."""
    default_area = catalog.area_ids[0]
    _conflict("cases", [], lang)
    _messages("cases")
    cases = store.load_cases(con, technology_id)
    if not cases:
        st.caption(t("editing.cases.none", lang))
    for case in cases:
        prefix = case_prefix(case.id)
        label = f"{case.title(lang)} · {case.municipality}, {case.year}"
        with st.expander(widgets.plain(label)):
            _loaded(
                prefix,
                lambda case_id=case.id: _record_of(editing.load_case(con, case_id)),
                lambda record, p=prefix: _case_fill(p, record, default_area),
            )
            keys = list(_case_fill(prefix, None, default_area))
            _conflict(prefix, keys, lang)
            _messages(prefix)
            with st.form(prefix, border=False):
                _case_widgets(prefix, catalog, lang)
                _reason_input(f"{prefix}-reason", lang)
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
    new = f"ed-case-new-{technology_id}"
    with st.expander(t("editing.cases.new", lang)):
        for key, value in _case_fill(new, None, default_area).items():
            st.session_state.setdefault(key, value)
        with st.form(new, border=False):
            _case_widgets(new, catalog, lang)
            _reason_input(f"{new}-reason", lang)
            st.form_submit_button(
                t("editing.cases.add", lang),
                type="primary",
                key=f"{new}-save",
                on_click=_add_case,
                args=(con, technology_id, editor, lang, default_area),
            )


# --- retirement ---


def _save_retire(
    con: duckdb.DuckDBPyConnection, technology_id: str, editor: Editor, lang: Lang
) -> None:
    section = f"retire-{technology_id}"
    loaded = _store(_SNAPSHOTS).get(section) or {}
    retiring = not loaded.get("retired")
    operation = editing.retire_technology if retiring else editing.unretire_technology

    def after(saved: Technology) -> None:
        _store(_SNAPSHOTS)[section] = asdict(saved)
        st.session_state[f"{section}-reason"] = ""
        # The texts form holds the same record, and retiring removed the
        # drafts' assessments: let those forms read the database again.
        _forget(f"texts-{technology_id}", [])
        snapshots = _store(_SNAPSHOTS)
        for stale in [k for k in snapshots if k.startswith(f"ed-{technology_id}-")]:
            del snapshots[stale]

    _save(
        section,
        lang,
        lambda: operation(
            con,
            technology_id,
            expected=loaded,
            editor=editor.audit_name,
            reason=st.session_state.get(f"{section}-reason", ""),
        ),
        success=t("editing.retire.done" if retiring else "editing.unretire.done", lang),
        after=after,
    )


def retire_section(
    con: duckdb.DuckDBPyConnection, technology_id: str, editor: Editor, lang: Lang
) -> None:
    """Retire the technology (it keeps its history), or bring it back."""
    section = f"retire-{technology_id}"
    loaded = _loaded(
        section,
        lambda: _record_of(editing.load_technology(con, technology_id)),
        lambda record: {f"{section}-reason": ""},
    )
    _conflict(section, [f"{section}-reason"], lang)
    _messages(section)
    retired = bool(loaded and loaded.get("retired"))
    st.write(t("editing.unretire.explain" if retired else "editing.retire.explain", lang))
    with st.form(section, border=False):
        _reason_input(f"{section}-reason", lang)
        st.form_submit_button(
            t("editing.unretire.button" if retired else "editing.retire.button", lang),
            key=f"{section}-save",
            icon=":material/undo:" if retired else ":material/archive:",
            on_click=_save_retire,
            args=(con, technology_id, editor, lang),
        )


# --- the editions page ---


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
                t(f"editing.status.{s}", lang) for s in summary["status"]
            ],
            t("editing.editions.column.published", lang): summary["published"].astype(str),
            t("editing.editions.column.assessments", lang): summary["assessments"],
            t("editing.editions.column.technologies", lang): summary["technologies"],
        }
    )


def _start_key(year: int, field: str) -> str:
    return f"ed-start-{year}-{field}"


def _start_draft(con: duckdb.DuckDBPyConnection, year: int, editor: Editor, lang: Lang) -> None:
    published = st.session_state.get(_start_key(year, "published"))
    _save(
        "editions",
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
        success=t("editing.start.done", lang, year=year),
        after=lambda _: st.session_state.update({_start_key(year, "reason"): ""}),
    )


def _draft_action(
    con: duckdb.DuckDBPyConnection, year: int, editor: Editor, lang: Lang, action: str
) -> None:
    prefix = f"ed-draft-{year}-{action}"
    if not st.session_state.get(f"{prefix}-confirm"):
        _say("editions", "error", t("editing.confirm_missing", lang))
        return
    expected = _store(_SNAPSHOTS).get(f"draft-{year}")
    reason = st.session_state.get(f"{prefix}-reason", "")
    if action == "publish":
        _save(
            "editions",
            lang,
            lambda: editing.publish(
                con, year, editor=editor.audit_name, reason=reason, expected=expected
            ),
            success=t("editing.draft.published", lang, year=year),
        )
    else:
        _save(
            "editions",
            lang,
            lambda: editing.discard_draft(
                con, year, editor=editor.audit_name, reason=reason, expected=expected
            ),
            success=t("editing.draft.discarded", lang, year=year),
        )


def editions_page(editor: Editor, lang: Lang) -> None:
    """``/udgaver``: the editions with their status, a new draft, and each draft's preview,
    publication and discarding."""
    page = ui_data.page_data(need_editions=False)
    con = ui_data.connection(page.db)
    head, who = st.columns([4, 1], vertical_alignment="bottom")
    with head:
        st.header(t("editing.editions.title", lang), anchor=False)
    with who:
        auth.sign_out_button(lang)
    _conflict("editions", [], lang)
    _messages("editions")
    summary = editing.edition_summary(con)
    st.dataframe(editions_table(summary, lang), hide_index=True, width="stretch")
    drafts = [int(y) for y in summary.loc[summary["status"] == "draft", "year"]]
    if not drafts:
        start_draft_form(con, editor, lang)
    catalog = ui_data.editor_catalog(page.db)
    for year in drafts:
        draft_section(con, page.db, catalog, year, editor, lang)
    illustrative_form(con, page.db, editor, lang)


def illustrative_form(con: duckdb.DuckDBPyConnection, db: str, editor: Editor, lang: Lang) -> None:
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


def start_draft_form(con: duckdb.DuckDBPyConnection, editor: Editor, lang: Lang) -> None:
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
        _reason_input(_start_key(year, "reason"), lang)
        st.form_submit_button(
            title,
            type="primary",
            key=_start_key(year, "save"),
            icon=":material/add:",
            on_click=_start_draft,
            args=(con, year, editor, lang),
        )


def draft_section(
    con: duckdb.DuckDBPyConnection,
    db: str,
    catalog: Catalog,
    year: int,
    editor: Editor,
    lang: Lang,
) -> None:
    """One draft: its radar per area (editors only), a link to its assessments, publish, discard."""
    edition = editing.load_edition(con, year)
    if edition is None:
        return
    # Publishing and discarding check that the draft is still what this editor saw.
    _store(_SNAPSHOTS)[f"draft-{year}"] = asdict(edition)
    with st.container(border=True, key=f"ed-draft-{year}"):
        st.subheader(
            widgets.plain(t("editing.draft.title", lang, title=edition.label(lang))), anchor=False
        )
        st.caption(t("editing.draft.only_editors", lang))
        areas = [COMBINED_AREA, *catalog.area_ids]
        area = st.selectbox(
            t("editing.draft.preview", lang),
            options=areas,
            format_func=lambda a: widgets.area_label(catalog, a, lang),
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
                _reason_input(f"{prefix}-reason", lang)
                st.checkbox(t("editing.confirm", lang), key=f"{prefix}-confirm")
                st.form_submit_button(
                    t(button, lang, year=year),
                    type="primary" if action == "publish" else "secondary",
                    key=f"{prefix}-save",
                    on_click=_draft_action,
                    args=(con, year, editor, lang, action),
                )


# --- the change log on the technology page ---


def log_table(
    log: pd.DataFrame, catalog: Catalog, lang: Lang, *, show_editor: bool
) -> pd.DataFrame:
    """The audit log of a technology as a reader takes it in, newest first.

    ``catalog`` should hold the editions the log may name (drafts too, for
    editors), so a draft's changes are marked as such. The editor's name is
    left out unless ``show_editor``: staff names are for the editors' eyes.
    """
    drafts = {e.year for e in catalog.editions if e.is_draft}
    areas = {a.id: a.label(lang) for a in catalog.areas}

    def what(row: Mapping[str, Any]) -> str:
        entity, key = row["entity"], str(row["record_key"])
        if entity == "assessment":
            edition, area, _ = [*key.split("/", 2), "", ""][:3]
            year = int(edition) if edition.isdigit() else None
            shown = t("editing.entity.draft", lang, edition=edition) if year in drafts else edition
            thing = t("editing.entity.assessment", lang, edition=shown, area=areas.get(area, area))
        elif entity == "technology":
            thing = t("editing.entity.technology", lang)
        else:
            thing = t(_ENTITY_TEXTS.get(entity, "editing.entity.edition"), lang, key=key)
        action = t(f"editing.action.{row['action']}", lang)
        return f"{action}: {thing}"

    def text(value: Any) -> str:
        return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)

    records = log.to_dict("records")
    when = pd.to_datetime(log["changed_at"], utc=True).dt.tz_convert(LOCAL_TIMEZONE)
    table = {
        t("editing.log.when", lang): when.dt.strftime("%Y-%m-%d %H:%M").tolist(),
        t("editing.log.what", lang): [what(r) for r in records],
        t("editing.log.field", lang): [
            field_label(r["field"], lang) if text(r["field"]) else t("editing.log.whole", lang)
            for r in records
        ],
        t("editing.log.old", lang): [text(r["old_value"]) for r in records],
        t("editing.log.new", lang): [text(r["new_value"]) for r in records],
        t("editing.log.reason", lang): [text(r["reason"]) for r in records],
    }
    if show_editor:
        table[t("editing.log.editor", lang)] = [text(r["editor"]) for r in records]
    return pd.DataFrame(table)


#: The change log's name for a case or an edition record, by entity.
_ENTITY_TEXTS = {"case": "editing.entity.case", "edition": "editing.entity.edition"}


def change_log(db: str, technology_id: str, lang: Lang) -> None:
    """The technology page's "Ændringslog": every change of the technology, newest first.

    Viewers see the changes of published editions and of the catalogue, not
    who made them; a signed-in editor also sees the drafts' changes and the
    editors' names.
    """
    editor = auth.current_editor()
    with st.container(key=CHANGE_LOG):
        st.markdown(f"**{t('editing.log.title', lang)}**")
        log = ui_data.change_log(db, technology_id, editor is not None)
        if log.empty:
            st.caption(t("editing.log.empty", lang))
            return
        catalog = ui_data.editor_catalog(db) if editor is not None else ui_data.catalog(db)
        # Fixed widths: a whole added or removed record is long JSON, and
        # should not push the other columns out of sight.
        widths = {
            "editing.log.when": "small",
            "editing.log.what": "medium",
            "editing.log.field": "medium",
            "editing.log.old": "medium",
            "editing.log.new": "medium",
            "editing.log.reason": "medium",
            "editing.log.editor": "small",
        }
        st.dataframe(
            log_table(log, catalog, lang, show_editor=editor is not None),
            hide_index=True,
            width="stretch",
            column_config={
                t(key, lang): st.column_config.TextColumn(t(key, lang), width=width)
                for key, width in widths.items()
            },
        )
        st.caption(t("editing.log.caption", lang))
