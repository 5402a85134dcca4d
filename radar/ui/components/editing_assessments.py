"""A technology's assessments on the edit screen: the overview of an edition, and one
assessment's form with the ring its numbers give shown live."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any, Final

import pandas as pd
import streamlit as st

from radar import editing
from radar.auth import Editor
from radar.editing import Assessment, field_label
from radar.i18n import t
from radar.model import Catalog, Lang, Technology
from radar.pipeline.scoring import SCORE_COLUMNS, SHARE_COLUMNS
from radar.store import Connection
from radar.ui import state
from radar.ui.components import editing_session as session
from radar.ui.components.editing_conflicts import conflict
from radar.ui.components.editing_keys import ASSESS_AREA, assessment_prefix
from radar.ui.components.text import plain

#: What a new assessment's form starts with: a TRL in the middle, nobody using it.
_NEW_SCORES: Final[Mapping[str, int]] = {
    "maturity_trl": 5,
    "share_operation": 0,
    "share_pilot": 0,
    "share_considering": 0,
    "share_not_considering": 100,
}


def _edition_label(catalog: Catalog, year: int, lang: Lang) -> str:
    edition = catalog.edition(year)
    return t("editing.assess.draft", lang, year=year) if edition.is_draft else str(year)


def _assessment_fill(prefix: str, record: Mapping[str, Any] | None) -> dict[str, Any]:
    record = record or {}
    scored = not record or record.get("maturity_trl") is not None
    values: dict[str, Any] = {f"{prefix}-scored": scored}
    for name, default in _NEW_SCORES.items():
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
    for name in SCORE_COLUMNS:
        values[name] = st.session_state.get(f"{prefix}-{name}") if scored else None
    values["ring_override"] = st.session_state.get(f"{prefix}-ring_override") or None
    values["override_reason"] = st.session_state.get(f"{prefix}-override_reason") or ""
    return values


def _save_assessment(
    con: Connection,
    edition: int,
    area: str,
    technology: str,
    editor: Editor,
    lang: Lang,
    remove: bool,
) -> None:
    prefix = assessment_prefix(technology, edition, area)
    loaded = session.snapshots().get(prefix)
    reason = st.session_state.get(f"{prefix}-reason", "")

    def after(saved: Assessment | None) -> None:
        record = asdict(saved) if saved is not None else None
        session.snapshots()[prefix] = record
        for key, value in _assessment_fill(prefix, record).items():
            st.session_state[key] = value

    if remove:
        if not st.session_state.get(f"{prefix}-confirm"):
            session.say(prefix, "error", t("editing.confirm_missing", lang))
            return
        session.save(
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
            by=editor,
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
    session.save(prefix, lang, action, by=editor, success=t("editing.saved", lang), after=after)


def _edition_chosen() -> None:
    state.remember(state.EDITION)
    # The URL is read first (see assessments_section): it must hold the new choice now.
    st.query_params[state.EDITION] = str(st.session_state[state.EDITION])


def assessment_overview(
    assessments: Mapping[tuple[int, str], Assessment],
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
        for name in SCORE_COLUMNS:
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
    con: Connection, catalog: Catalog, tech: Technology, editor: Editor, lang: Lang
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
    st.markdown(f"**{plain(t('editing.assess.overview', lang, edition=label))}**")
    overview = assessment_overview(assessments, catalog, edition, lang)
    if overview.empty:
        st.caption(plain(t("editing.assess.none", lang, edition=label)))
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
    con: Connection,
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
    loaded = session.loaded(
        prefix,
        lambda: session.record_of(editing.load_assessment(con, edition, area, tech.id)),
        lambda record: _assessment_fill(prefix, record),
    )
    keys = list(_assessment_fill(prefix, None))
    conflict(prefix, keys, lang)
    session.messages(prefix)
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
        for column, name in zip(columns, SHARE_COLUMNS, strict=True):
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
    session.reason_input(f"{prefix}-reason", lang)
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
                st.info(plain(t("editing.assess.preview_stated", lang, ring=ring)))
            return
        total = sum(int(values.get(n) or 0) for n in SHARE_COLUMNS)
        if total != 100:
            st.warning(plain(t("editing.assess.sum", lang, total=total)))
        if computed is not None:
            ring = catalog.ring(computed).label(lang)
            st.info(plain(t("editing.assess.preview", lang, ring=ring)))
        if shown is not None and shown != computed:
            ring = catalog.ring(shown).label(lang)
            st.caption(plain(t("editing.assess.preview_override", lang, ring=ring)))
