"""The facilitator's controls: show or hide the results on the projector, open or close the
prioritising round, close, download."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Final, Literal

import streamlit as st

from radar import workshop
from radar.exporting.pictures import find_chromium, require_chromium
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui.components.workshop_common import warn, when
from radar.ui.components.workshop_keys import (
    CLOSE_CONFIRM,
    EXPORT_COMMENTS,
    EXPORT_REPORT,
    EXPORT_SUMMARY,
    EXPORT_XLSX,
    RESULTS_SWITCH,
    VOTING_SWITCH,
)
from radar.workshop import Workshop, WorkshopError

#: Session state (not a widget): why the last close failed.
_CLOSE_PROBLEM: Final = "_ws_close_problem"
#: Session state (not a widget): why the last "show / hide results" failed.
_RESULTS_PROBLEM: Final = "_ws_results_problem"
#: Session state (not a widget): why the last "open / close the prioritising round" failed.
_VOTING_PROBLEM: Final = "_ws_voting_problem"


def _set_results_visible(con: Connection, workshop_id: str, visible: bool) -> None:
    try:
        workshop.set_results_visible(con, workshop_id, visible)
    except WorkshopError as exc:
        st.session_state[_RESULTS_PROBLEM] = exc


def results_switch(con: Connection, ws: Workshop, lang: Lang) -> None:
    """ "Skjul resultater" while the projector shows them, "Vis resultater" while it does not.

    The button sets the state it names (it does not flip whatever is stored),
    so a second tab showing an older state cannot undo the first one's click.
    Open or closed alike: revealing once answering has stopped is the usual case.
    """
    problem = st.session_state.pop(_RESULTS_PROBLEM, None)
    if problem is not None:
        warn(problem, lang)
    kind: Literal["primary", "secondary"]
    if ws.results_visible:
        label, icon, kind = "facilitator.results.hide", ":material/visibility_off:", "secondary"
    else:
        # The one thing left to do once the group has answered: it stands out.
        label, icon, kind = "facilitator.results.show", ":material/visibility:", "primary"
    st.button(
        t(label, lang),
        key=RESULTS_SWITCH,
        type=kind,
        icon=icon,
        help=t("facilitator.results.help", lang),
        on_click=_set_results_visible,
        args=(con, ws.id, not ws.results_visible),
    )


def _set_voting_open(con: Connection, workshop_id: str, voting_open: bool) -> None:
    try:
        workshop.set_voting_open(con, workshop_id, voting_open)
    except WorkshopError as exc:
        st.session_state[_VOTING_PROBLEM] = exc


def voting_switch(con: Connection, ws: Workshop, lang: Lang) -> None:
    """ "Åbn prioriteringen" while the round is closed, "Luk prioriteringen" while it is open.

    As :func:`results_switch`, the button sets the state it names. A closed
    workshop offers no opening (nobody could take part), only closing a round
    left open.
    """
    problem = st.session_state.pop(_VOTING_PROBLEM, None)
    if problem is not None:
        warn(problem, lang)
    if not ws.voting_open and not ws.is_open():
        return
    budget = workshop.limits.VOTE_POINTS
    kind: Literal["primary", "secondary"]
    if ws.voting_open:
        label, icon, kind = t("facilitator.voting.close", lang), ":material/stop:", "secondary"
    else:
        label = t("facilitator.voting.open", lang, budget=budget)
        icon, kind = ":material/how_to_vote:", "secondary"
    st.button(
        label,
        key=VOTING_SWITCH,
        type=kind,
        icon=icon,
        help=t("facilitator.voting.help", lang, budget=budget),
        on_click=_set_voting_open,
        args=(con, ws.id, not ws.voting_open),
    )


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
            t("facilitator.closed", lang, time=when(ws.closed_at or ws.closes_at, lang)),
            icon=":material/lock:",
        )
        return
    if ws.closes_at is not None:
        st.caption(t("facilitator.closes_at", lang, time=when(ws.closes_at, lang)))
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
        return workshop.export_xlsx(res, lang, priorities=workshop.priorities(con, workshop_id))
    if part == "pdf":
        return workshop.report_pdf(
            res, require_chromium(), lang, priorities=workshop.priorities(con, workshop_id)
        )
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
    # The report is printed by the system Chromium; without one it is left out, and said so.
    printable = find_chromium() is not None
    if printable:
        buttons = (
            *buttons,
            (EXPORT_REPORT, "facilitator.export.report", "pdf", f"{base}-rapport.pdf", "pdf"),
        )
    mimes = {
        "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf": "application/pdf",
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
    if not printable:
        st.caption(t("facilitator.export.report_needs_chromium", lang))
