"""The participant's page (``/deltag``), made for a phone.

``code`` is the join code; ``p`` the participant's token once joined, so a
reload keeps who they are. It follows ``lang`` like every page. Joining is
anonymous: no name is asked, and nothing about the browser is stored. A
session may join only a few times a minute, and a workshop takes a bounded
number of participants (:mod:`radar.workshop.limits`). The privacy notice
says what is stored, for how long, and who sees it.
"""

from __future__ import annotations

import logging
import time
from typing import Final

import streamlit as st

from radar import workshop
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui import cache as ui_data
from radar.ui import state
from radar.ui.components.text import plain
from radar.ui.components.workshop_answer import answer_form
from radar.ui.components.workshop_common import about, warn
from radar.ui.components.workshop_keys import (
    CODE,
    JOIN_CODE,
    JOIN_CODE_GO,
    JOIN_SUBMIT,
    PARTICIPANT,
    PRIVACY,
)
from radar.ui.components.workshop_style import PHONE_CSS
from radar.workshop import Participant, Workshop, WorkshopError, limits

#: Session state (not a widget): this browser session's participant token per workshop id.
_TOKENS: Final = "_ws_tokens"
#: Session state (not a widget): when this browser session joined (monotonic seconds).
_JOINS: Final = "_ws_join_times"

logger = logging.getLogger(__name__)


def render() -> None:
    """The participant's page, in the language of the session."""
    participant_page(state.current_lang())


def participant_page(lang: Lang) -> None:
    """The participant's phone: the code, joining, then one technology at a time.

    A wrong code or a closed workshop shows its message and nothing else.
    """
    st.html(PHONE_CSS)
    code = workshop.normalize_code(st.query_params.get(CODE, ""))
    if not code:
        st.header(t("participant.heading", lang), anchor=False)
        _code_form(lang)
        privacy_notice(lang)
        return
    con = ui_data.workshop_connection()
    try:
        ws = workshop.find_workshop(con, code)
    except workshop.WorkshopNotFoundError as exc:
        warn(exc, lang)
        _code_form(lang)
        return
    except WorkshopError as exc:
        warn(exc, lang)
        return
    st.header(plain(ws.title), anchor=False)
    st.caption(plain(about(ws, lang)))
    try:
        participant = _known_participant(con, ws, lang)
        if participant is None:
            _join_form(con, ws, lang)
            privacy_notice(lang)
        else:
            answer_form(con, ws, participant, lang)
    except (workshop.WorkshopClosedError, workshop.WorkshopNotFoundError) as exc:
        # Closed while the page was drawn: say so instead of a half-working form.
        warn(exc, lang)


def _code_entered() -> None:
    code = workshop.normalize_code(st.session_state.get(JOIN_CODE, ""))
    if code:
        st.query_params[CODE] = code
        if PARTICIPANT in st.query_params:
            del st.query_params[PARTICIPANT]


def _code_form(lang: Lang) -> None:
    st.text_input(
        t("participant.code", lang),
        key=JOIN_CODE,
        placeholder=t("participant.code.placeholder", lang),
        help=t("participant.code.help", lang),
        max_chars=2 * workshop.CODE_LENGTH,
        on_change=_code_entered,
    )
    st.button(
        t("participant.code.go", lang),
        key=JOIN_CODE_GO,
        type="primary",
        width="stretch",
        on_click=_code_entered,
    )


def _tokens() -> dict[str, str]:
    """This browser session's participant token per workshop id."""
    if _TOKENS not in st.session_state:
        st.session_state[_TOKENS] = {}
    return st.session_state[_TOKENS]


def _known_participant(con: Connection, ws: Workshop, lang: Lang) -> Participant | None:
    """The participant of ``?p=`` (or of this session), or None before joining."""
    token = st.query_params.get(PARTICIPANT) or _tokens().get(ws.id)
    if not token:
        return None
    try:
        participant = workshop.find_participant(con, ws.code, token)
    except workshop.AnswerRejectedError as exc:
        # A stale or mistyped link: join afresh rather than fail.
        _tokens().pop(ws.id, None)
        if PARTICIPANT in st.query_params:
            del st.query_params[PARTICIPANT]
        st.info(plain(exc.message(lang)))
        return None
    _tokens()[ws.id] = token
    if st.query_params.get(PARTICIPANT) != token:
        st.query_params[PARTICIPANT] = token
    return participant


def privacy_notice(lang: Lang) -> None:
    """What is stored about a participant, for how long, and who sees it: short and plain."""
    try:
        days = limits.retention_days()
    except ValueError as exc:
        # Misconfigured: the purge refuses to run on it too; say the default here.
        logger.error("%s", exc)
        days = limits.DEFAULT_RETENTION_DAYS
    with st.container(key=PRIVACY, border=True):
        st.markdown(f"**{t('participant.privacy', lang)}**")
        st.caption(t("participant.privacy.text", lang, days=days))


def _may_join_now() -> bool:
    """Whether this session may join once more; counts the join when it may."""
    now = time.monotonic()
    recent = limits.recent_joins(st.session_state.get(_JOINS, ()), now)
    if not limits.join_allowed(recent, now):
        st.session_state[_JOINS] = recent
        return False
    st.session_state[_JOINS] = (*recent, now)
    return True


def _join_form(con: Connection, ws: Workshop, lang: Lang) -> None:
    st.markdown(t("participant.intro", lang))
    if not st.button(t("participant.join", lang), key=JOIN_SUBMIT, type="primary", width="stretch"):
        return
    if not _may_join_now():
        st.warning(
            t("participant.too_many_joins", lang, seconds=int(limits.JOIN_WINDOW_SECONDS)),
            icon=":material/timer:",
        )
        return
    try:
        participant = workshop.join(con, ws.code)
    except WorkshopError as exc:
        warn(exc, lang)
        return
    _tokens()[ws.id] = participant.token
    st.query_params[PARTICIPANT] = participant.token
    st.rerun()
