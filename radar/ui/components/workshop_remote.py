"""The facilitator's phone remote on their page: its link and QR code, made and renewed here.

The link holds the workshop's remote key, which steps the room and nothing
else (:mod:`radar.web.remote`). It is made only when asked for, shown folded
away (the laptop's screen is often on the projector), and a new one stops the
old link; closing the workshop drops it.
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from radar import theme, workshop
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui.components.workshop_common import warn
from radar.ui.components.workshop_keys import REMOTE_MAKE, REMOTE_RENEW
from radar.workshop import Workshop, WorkshopError

#: Session state (not a widget): why making the last remote key failed.
_PROBLEM: Final = "_ws_remote_problem"


def remote_link(ws: Workshop) -> str | None:
    """The phone remote's link, or None while the workshop has no remote key."""
    if ws.remote_key is None:
        return None
    return workshop.remote_link(workshop.resolve_base_url(), ws.remote_key)


def _new_key(con: Connection, workshop_id: str) -> None:
    try:
        workshop.new_remote_key(con, workshop_id)
    except WorkshopError as exc:
        st.session_state[_PROBLEM] = exc


def remote_section(con: Connection, ws: Workshop, lang: Lang) -> None:
    """ "Styr fra din telefon": make the link, show it and its QR code, renew it."""
    if not ws.is_open():
        return
    st.subheader(t("remote_link.heading", lang), anchor=False)
    problem = st.session_state.pop(_PROBLEM, None)
    if problem is not None:
        warn(problem, lang)
    st.caption(t("remote_link.intro", lang))
    link = remote_link(ws)
    if link is None:
        st.button(
            t("remote_link.make", lang),
            key=REMOTE_MAKE,
            icon=":material/smartphone:",
            on_click=_new_key,
            args=(con, ws.id),
        )
        return
    with st.expander(t("remote_link.show", lang), icon=":material/smartphone:"):
        st.image(
            workshop.qr_png(link),
            width=theme.WORKSHOP_QR_WIDTH,
            alt=t("remote_link.qr_alt", lang),
        )
        st.link_button(t("remote_link.open", lang), link, icon=":material/open_in_new:")
        st.code(link, language=None, wrap_lines=True)
        st.button(
            t("remote_link.renew", lang),
            key=REMOTE_RENEW,
            icon=":material/autorenew:",
            help=t("remote_link.renew.help", lang),
            on_click=_new_key,
            args=(con, ws.id),
        )
