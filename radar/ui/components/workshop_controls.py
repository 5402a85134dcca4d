"""The facilitator's controls: close the workshop, download its results, save its consensus."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Final

import pandas as pd
import streamlit as st

from radar import workshop
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import warn, when
from radar.ui.components.workshop_keys import (
    CLOSE_CONFIRM,
    CONSENSUS_SAVE,
    CONSENSUS_TITLE,
    EXPORT_COMMENTS,
    EXPORT_SUMMARY,
    EXPORT_XLSX,
)
from radar.workshop import TITLE_LIMIT, Workshop, WorkshopError

# Session state (not widgets): why the last close failed; which workshop the
# consensus title was filled in for.
_CLOSE_PROBLEM: Final = "_ws_close_problem"
_CONSENSUS_FOR: Final = "_ws_consensus_for"


def _close(con: Connection, workshop_id: str) -> None:
    try:
        workshop.close_workshop(con, workshop_id)
    except WorkshopError as exc:
        st.session_state[_CLOSE_PROBLEM] = exc


def close_section(con: Connection, ws: Workshop, lang: Lang) -> None:
    """Close the workshop, after a confirmation; or say when it closed."""
    st.subheader(t("facilitator.close.heading", lang), anchor=False)
    problem = st.session_state.pop(_CLOSE_PROBLEM, None)
    if problem is not None:
        warn(problem, lang)
    if not ws.is_open():
        st.info(
            t("facilitator.closed", lang, time=when(ws.closed_at or ws.closes_at)),
            icon=":material/lock:",
        )
        return
    if ws.closes_at is not None:
        st.caption(t("facilitator.closes_at", lang, time=when(ws.closes_at)))
    with st.popover(t("facilitator.close", lang), icon=":material/lock:"):
        st.markdown(t("facilitator.close.warning", lang))
        st.button(
            t("facilitator.close.confirm", lang),
            key=CLOSE_CONFIRM,
            type="primary",
            on_click=_close,
            args=(con, ws.id),
        )


def _export(con: Connection, workshop_id: str, lang: Lang, part: str) -> bytes:
    # Run when the button is clicked, so the file holds the answers as they are then.
    res = workshop.results(con, workshop_id)
    if part == "xlsx":
        return workshop.export_xlsx(res, lang)
    return workshop.export_csv(res, lang, part="comments" if part == "comments" else "summary")


def export_section(con: Connection, ws: Workshop, lang: Lang) -> None:
    """Downloads: the summary and the comments as CSV, everything as an Excel workbook."""
    st.subheader(t("facilitator.export.heading", lang), anchor=False)
    base = f"workshop-{ws.code}"
    summary = t("workshop.export.sheet.summary", lang).lower()
    comments = t("workshop.export.sheet.comments", lang).lower()
    buttons: Sequence[tuple[str, str, str, str, str]] = (
        (EXPORT_SUMMARY, "facilitator.export.summary", "summary", f"{base}-{summary}.csv", "csv"),
        (
            EXPORT_COMMENTS,
            "facilitator.export.comments",
            "comments",
            f"{base}-{comments}.csv",
            "csv",
        ),
        (EXPORT_XLSX, "facilitator.export.xlsx", "xlsx", f"{base}.xlsx", "xlsx"),
    )
    mimes = {
        "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    for column, (key, label, part, file_name, kind) in zip(
        st.columns(len(buttons)), buttons, strict=True
    ):
        with column:
            st.download_button(
                t(label, lang),
                data=partial(_export, con, ws.id, lang, part),
                file_name=file_name,
                mime=mimes[kind],
                key=key,
                on_click="ignore",
                icon=":material/download:",
                width="stretch",
            )
    st.caption(t("facilitator.export.caption", lang))


def consensus_section(con: Connection, ws: Workshop, lang: Lang) -> None:
    """Save the group's consensus as a local radar edition, and list those saved."""
    st.subheader(t("facilitator.consensus.heading", lang), anchor=False)
    st.caption(t("facilitator.consensus.intro", lang))
    default = t("facilitator.consensus.default", lang, edition=ws.edition, area=ws.area_label(lang))
    if st.session_state.get(_CONSENSUS_FOR) != ws.id:
        # Another workshop than last time in this session: its own default title.
        st.session_state[_CONSENSUS_FOR] = ws.id
        st.session_state[CONSENSUS_TITLE] = default[:TITLE_LIMIT]
    st.session_state.setdefault(CONSENSUS_TITLE, default[:TITLE_LIMIT])
    title = st.text_input(
        t("facilitator.consensus.title", lang), key=CONSENSUS_TITLE, max_chars=TITLE_LIMIT
    )
    if st.button(t("facilitator.consensus.save", lang), key=CONSENSUS_SAVE, icon=":material/save:"):
        try:
            saved = workshop.save_consensus(con, ws.id, title or "")
        except WorkshopError as exc:
            warn(exc, lang)
        else:
            st.success(
                plain(t("facilitator.consensus.saved", lang, title=saved.title)),
                icon=":material/check_circle:",
            )
    saved_here = [e for e in workshop.list_local_editions(con, ws.area) if e.workshop_id == ws.id]
    if saved_here:
        st.caption(t("facilitator.consensus.list", lang))
        st.dataframe(
            pd.DataFrame(
                {
                    t("workshop.export.title", lang): [e.title for e in saved_here],
                    t("facilitator.consensus.saved_at", lang): [
                        when(e.created_at) for e in saved_here
                    ],
                }
            ),
            hide_index=True,
            width="stretch",
        )
