"""The facilitator's workshops: the list of their own (an editor's: all), and deleting one."""

from __future__ import annotations

import logging
from typing import Final

import streamlit as st

from radar import workshop
from radar.auth import Role, User
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import status, warn, when
from radar.ui.components.workshop_keys import (
    DELETE_CONFIRM,
    ID,
    JUST_DELETED,
    MY_WORKSHOPS,
    OPEN_WORKSHOP,
)
from radar.workshop import Workshop, WorkshopError

logger = logging.getLogger(__name__)

#: Session state (not a widget): why the last deletion failed.
_DELETE_PROBLEM: Final = "_ws_delete_problem"


def _open_chosen() -> None:
    chosen = st.session_state.get(MY_WORKSHOPS)
    if chosen:
        st.query_params[ID] = chosen


def my_workshops(con: Connection, user: User, lang: Lang) -> None:
    """The workshops this person may run, to open one: their own, or every one for an editor."""
    editor = user.role.includes(Role.EDITOR)
    found = workshop.list_workshops(con) if editor else workshop.workshops_of(con, user)
    st.header(t("facilitator.mine.heading", lang), anchor=False)
    if not found:
        st.caption(t("facilitator.mine.none", lang))
        return
    if editor:
        st.caption(t("facilitator.mine.editor", lang))
    labels = {
        ws.id: t(
            "facilitator.mine.item",
            lang,
            title=ws.title,
            code=ws.display_code,
            status=status(ws, lang),
            created=when(ws.created_at, lang),
        )
        for ws in found
    }
    pick, go = st.columns([4, 1], vertical_alignment="bottom")
    with pick:
        st.selectbox(
            t("facilitator.mine.pick", lang),
            options=list(labels),
            format_func=lambda i: labels[i],
            key=MY_WORKSHOPS,
        )
    with go:
        st.button(
            t("facilitator.mine.open", lang),
            key=OPEN_WORKSHOP,
            on_click=_open_chosen,
            icon=":material/open_in_new:",
        )
    st.divider()


def _delete(con: Connection, ws: Workshop, actor: str) -> None:
    try:
        deleted = workshop.delete_workshop(con, ws.id, actor=actor)
    except WorkshopError as exc:
        st.session_state[_DELETE_PROBLEM] = exc
        return
    st.session_state[JUST_DELETED] = deleted
    if ID in st.query_params:
        del st.query_params[ID]


def delete_section(con: Connection, ws: Workshop, user: User, lang: Lang) -> None:
    """Delete the workshop and everything in it, after a confirmation."""
    st.subheader(t("facilitator.delete.heading", lang), anchor=False)
    problem = st.session_state.pop(_DELETE_PROBLEM, None)
    if problem is not None:
        warn(problem, lang)
    st.caption(t("facilitator.delete.intro", lang))
    actor = "editor" if user.role.includes(Role.EDITOR) else "facilitator"
    with st.popover(t("facilitator.delete", lang), icon=":material/delete:"):
        st.markdown(t("facilitator.delete.warning", lang))
        st.button(
            t("facilitator.delete.confirm", lang),
            key=DELETE_CONFIRM,
            type="primary",
            on_click=_delete,
            args=(con, ws, actor),
        )


def deleted_notice(lang: Lang) -> None:
    """Say once what the last deletion in this session removed."""
    deleted = st.session_state.pop(JUST_DELETED, None)
    if isinstance(deleted, workshop.Deleted):
        st.success(
            plain(
                t(
                    "facilitator.deleted",
                    lang,
                    title=deleted.title,
                    participants=deleted.participants,
                    answers=deleted.answers,
                    ratings=deleted.ratings,
                    votes=deleted.votes,
                    local=deleted.local_editions,
                )
            ),
            icon=":material/check_circle:",
        )
