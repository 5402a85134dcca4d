"""Co-facilitators on the facilitator's page: invite, list, remove; and accepting an invitation.

The creator of a workshop (or an editor) makes an invitation link
(``/workshop?join_as=<key>``). A colleague who opens it, signed in as a
facilitator or editor, is added and sent to the workshop; the creator sees
who was added and removes them. Co-facilitators run the session but see only
a note here: they neither invite nor remove anyone, nor delete the workshop
(:func:`radar.workshop.may_manage`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import streamlit as st

from radar import workshop
from radar.auth import User
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import warn
from radar.ui.components.workshop_keys import (
    FACILITATOR_PATH,
    ID,
    JOIN_AS,
    JUST_JOINED,
    TEAM_LINK,
    TEAM_MAKE,
    TEAM_REMOVE,
    TEAM_RENEW,
)
from radar.workshop import Workshop, WorkshopError

#: Session state (not a widget): why the last change of the co-facilitators failed.
_PROBLEM: Final = "_ws_team_problem"
#: How a co-facilitator signed in, in words.
_VIA: Final[dict[str, str]] = {
    "password": "team.via.password",
    "account": "team.via.account",
    "oidc": "team.via.oidc",
}


def invitation_link(ws: Workshop) -> str | None:
    """The co-facilitator invitation's link, or None while there is none."""
    if ws.invite_key is None:
        return None
    base = workshop.resolve_base_url().rstrip("/")
    return f"{base}/{FACILITATOR_PATH}?{JOIN_AS}={ws.invite_key}"


def accept(con: Connection, invite_key: str, user: User) -> None:
    """Add the signed-in ``user`` by the invitation in the URL, and open the workshop.

    The key leaves the URL either way; what happened is said once on the next page.
    """
    del st.query_params[JOIN_AS]
    try:
        ws = workshop.accept_invitation(con, invite_key, user)
    except WorkshopError as exc:
        st.session_state[JUST_JOINED] = exc
    else:
        st.session_state[JUST_JOINED] = ws.id
        st.query_params[ID] = ws.id
    st.rerun()


def joined_notice(ws: Workshop | None, lang: Lang) -> None:
    """Say once that this session just joined ``ws``, or why the invitation did not work."""
    joined = st.session_state.get(JUST_JOINED)
    if isinstance(joined, WorkshopError):
        st.session_state.pop(JUST_JOINED)
        warn(joined, lang)
    elif ws is not None and joined == ws.id:
        st.session_state.pop(JUST_JOINED)
        st.success(plain(t("team.joined", lang, title=ws.title)), icon=":material/group_add:")


def _run(call: Callable[..., object], *args: object) -> None:
    try:
        call(*args)
    except WorkshopError as exc:
        st.session_state[_PROBLEM] = exc


def _invite(con: Connection, workshop_id: str) -> None:
    _run(workshop.new_invitation, con, workshop_id)


def _remove(con: Connection, workshop_id: str, identity: str, via: str) -> None:
    _run(workshop.remove_co_facilitator, con, workshop_id, identity, via)


def team_section(con: Connection, ws: Workshop, user: User, lang: Lang) -> None:
    """ "Medfacilitatorer": who runs it besides its creator, the invitation link, removing."""
    st.subheader(t("team.heading", lang), anchor=False)
    if not workshop.may_manage(ws, user):
        st.caption(t("team.co_note", lang))
        return
    problem = st.session_state.pop(_PROBLEM, None)
    if problem is not None:
        warn(problem, lang)
    st.caption(t("team.intro", lang))
    if not ws.co_facilitators:
        st.caption(t("team.none", lang))
    for i, member in enumerate(ws.co_facilitators):
        via = t(_VIA[member.via], lang) if member.via in _VIA else member.via
        line, button = st.columns([3, 2], vertical_alignment="center")
        line.markdown(plain(t("team.member", lang, name=member.identity, via=via)))
        button.button(
            t("team.remove", lang, name=member.identity),
            key=f"{TEAM_REMOVE}_{i}",
            icon=":material/person_remove:",
            on_click=_remove,
            args=(con, ws.id, member.identity, member.via),
        )
    if not ws.is_open():
        return  # a closed workshop's invitation is dropped, and none is made after
    link = invitation_link(ws)
    if link is None:
        st.button(
            t("team.make", lang),
            key=TEAM_MAKE,
            icon=":material/group_add:",
            on_click=_invite,
            args=(con, ws.id),
        )
        return
    with st.container(key=TEAM_LINK):
        st.caption(t("team.link", lang))
        st.code(link, language=None, wrap_lines=True)
    st.button(
        t("team.renew", lang),
        key=TEAM_RENEW,
        icon=":material/autorenew:",
        help=t("team.renew.help", lang),
        on_click=_invite,
        args=(con, ws.id),
    )
