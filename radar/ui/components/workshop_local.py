"""A workshop's local radars in its facilitator view: save the consensus, look, publish, delete.

A saved local radar is seen here, by the workshop's facilitator and editors.
Only an editor publishes it to every viewer (the radar page's "Vis ved siden
af") or withdraws it; its facilitator or an editor may delete it, not a
co-facilitator.
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from radar import workshop
from radar.auth import Role, User
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui import cache as ui_data
from radar.ui.components import local_radar
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import warn, when
from radar.ui.components.workshop_keys import (
    CONSENSUS_SAVE,
    CONSENSUS_TITLE,
    LOCAL_DELETE_CONFIRM,
    LOCAL_PICK,
    LOCAL_PUBLISH,
)
from radar.workshop import TITLE_LIMIT, LocalEdition, Workshop, WorkshopError

# Session state (not widgets): which workshop the consensus title was filled
# in for; why the last change of a local radar failed.
_CONSENSUS_FOR: Final = "_ws_consensus_for"
_LOCAL_PROBLEM: Final = "_ws_local_problem"


def consensus_section(con: Connection, ws: Workshop, user: User, lang: Lang) -> None:
    """Save the group's consensus as a local radar edition, and manage those saved."""
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
    problem = st.session_state.pop(_LOCAL_PROBLEM, None)
    if problem is not None:
        warn(problem, lang)
    saved_here = {e.id: e for e in workshop.list_local_editions(con, workshop_id=ws.id)}
    if saved_here:
        _saved(con, saved_here, user, lang, may_delete=workshop.may_manage(ws, user))


def _label(edition: LocalEdition, lang: Lang) -> str:
    shown = "facilitator.local.published" if edition.published else "facilitator.local.private"
    return t(
        "facilitator.local.item",
        lang,
        title=edition.title,
        saved=when(edition.created_at, lang),
        status=t(shown, lang),
    )


def _saved(
    con: Connection,
    saved: dict[str, LocalEdition],
    user: User,
    lang: Lang,
    *,
    may_delete: bool = True,
) -> None:
    """Pick one of the workshop's local radars: see it, publish or withdraw it, delete it."""
    st.caption(t("facilitator.consensus.list", lang))
    if st.session_state.get(LOCAL_PICK) not in saved:
        st.session_state[LOCAL_PICK] = next(iter(saved))
    chosen = saved[
        st.selectbox(
            t("facilitator.local.pick", lang),
            options=list(saved),
            format_func=lambda i: _label(saved[i], lang),
            key=LOCAL_PICK,
        )
    ]
    note = (
        "facilitator.local.published_note" if chosen.published else "facilitator.local.private_note"
    )
    st.caption(t(note, lang))
    publish, delete = st.columns(2)
    with publish:
        if workshop.may_publish(user):
            label = (
                "facilitator.local.unpublish" if chosen.published else "facilitator.local.publish"
            )
            st.button(
                t(label, lang),
                key=LOCAL_PUBLISH,
                on_click=_publish,
                args=(con, chosen.id, not chosen.published),
                icon=":material/public:",
            )
    if not may_delete:
        # A co-facilitator: the workshop's creator (or an editor) deletes.
        local_radar.local_chart(ui_data.page_data(), chosen, lang)
        return
    with delete, st.popover(t("facilitator.local.delete", lang), icon=":material/delete:"):
        st.markdown(t("facilitator.local.delete.warning", lang))
        actor = "editor" if user.role.includes(Role.EDITOR) else "facilitator"
        st.button(
            t("facilitator.local.delete.confirm", lang),
            key=LOCAL_DELETE_CONFIRM,
            type="primary",
            on_click=_delete,
            args=(con, chosen.id, actor),
        )
    local_radar.local_chart(ui_data.page_data(), chosen, lang)


def _publish(con: Connection, local_id: str, published: bool) -> None:
    try:
        workshop.publish_local_edition(con, local_id, published)
    except WorkshopError as exc:
        st.session_state[_LOCAL_PROBLEM] = exc


def _delete(con: Connection, local_id: str, actor: str) -> None:
    try:
        workshop.delete_local_edition(con, local_id, actor=actor)
    except WorkshopError as exc:
        st.session_state[_LOCAL_PROBLEM] = exc
    st.session_state.pop(LOCAL_PICK, None)
