"""The facilitator's "Styring": lead the room step by step, open and close each technology,
start a countdown.

A fragment that reads the workshop afresh every
:data:`radar.theme.WORKSHOP_REFRESH_SECONDS`, so a step taken on the phone
remote, or a countdown running out, shows here without a reload. Every
button sets the state it names (it never flips what it remembers), so an old
view cannot undo a newer change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import streamlit as st

from radar import theme, workshop
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import warn
from radar.ui.components.workshop_keys import (
    COUNTDOWN_LENGTH,
    COUNTDOWN_START,
    COUNTDOWN_TECHNOLOGY,
    PACING_CURRENT,
    PACING_GATE,
    PACING_LEAD,
    PACING_NEXT,
    PACING_PREVIOUS,
)
from radar.workshop import Workshop, WorkshopError, limits
from radar.workshop.pacing_texts import remaining_text

#: Session state (not a widget): why the last pacing button failed.
_PROBLEM: Final = "_ws_pacing_problem"
#: Session state (not a widget): the room's position the countdown's choice last followed.
_FOLLOWED: Final = "_ws_countdown_followed"


def pacing_section(con: Connection, ws: Workshop, lang: Lang) -> None:
    """ "Styring": the switch, the steps, a line per technology and the countdown."""
    st.subheader(t("pacing.heading", lang), anchor=False)
    if not ws.is_open():
        st.caption(t("pacing.closed_workshop", lang))
        return
    st.fragment(run_every=theme.WORKSHOP_REFRESH_SECONDS)(_controls)(con, ws.id, lang)


def _run(call: Callable[..., object], *args: object) -> None:
    try:
        call(*args)
    except WorkshopError as exc:
        st.session_state[_PROBLEM] = exc


def _lead(con: Connection, workshop_id: str, on: bool) -> None:
    _run(workshop.lead, con, workshop_id, on)


def _step(con: Connection, workshop_id: str, by: int) -> None:
    _run(workshop.step, con, workshop_id, by)


def _set_open(con: Connection, workshop_id: str, technology: str, open_: bool) -> None:
    _run(workshop.set_answers_open, con, workshop_id, technology, open_)


def _countdown(con: Connection, workshop_id: str) -> None:
    technology = st.session_state.get(COUNTDOWN_TECHNOLOGY)
    seconds = st.session_state.get(COUNTDOWN_LENGTH)
    _run(workshop.start_countdown, con, workshop_id, technology, seconds)


def _length(seconds: int, lang: Lang) -> str:
    if seconds % 60:
        return t("pacing.seconds", lang, seconds=seconds)
    return t("pacing.minutes", lang, minutes=seconds // 60)


def _controls(con: Connection, workshop_id: str, lang: Lang) -> None:
    try:
        ws = workshop.get_workshop(con, workshop_id)
    except WorkshopError as exc:
        warn(exc, lang)
        return
    problem = st.session_state.pop(_PROBLEM, None)
    if problem is not None:
        warn(problem, lang)
    if not ws.is_open():
        st.caption(t("pacing.closed_workshop", lang))
        return
    led = ws.led
    st.toggle(
        t("pacing.lead", lang),
        value=led,
        # Named after what it shows: a change made elsewhere draws a fresh switch.
        key=f"{PACING_LEAD}_{'on' if led else 'off'}",
        help=t("pacing.lead.help", lang),
        on_change=_lead,
        args=(con, ws.id, not led),
    )
    current = ws.current_technology
    count = len(ws.technologies)
    if current is not None:
        position = ws.technology_ids.index(current.id) + 1
        with st.container(key=PACING_CURRENT):
            st.markdown(
                plain(
                    t(
                        "pacing.current",
                        lang,
                        technology=current.label(lang),
                        position=position,
                        count=count,
                        state=remaining_text(ws, current.id, lang),
                    )
                )
            )
        back, on = st.columns(2)
        back.button(
            t("pacing.previous", lang),
            key=PACING_PREVIOUS,
            icon=":material/arrow_back:",
            disabled=position == 1,
            on_click=_step,
            args=(con, ws.id, -1),
            width="stretch",
        )
        on.button(
            t("pacing.next", lang),
            key=PACING_NEXT,
            icon=":material/arrow_forward:",
            type="primary",
            disabled=position == count,
            on_click=_step,
            args=(con, ws.id, 1),
            width="stretch",
        )
    else:
        st.caption(t("pacing.own_pace", lang))
    for i, item in enumerate(ws.technologies):
        open_now = ws.answerable(item.id)
        line, button = st.columns([3, 2], vertical_alignment="center")
        line.markdown(
            plain(
                t(
                    "pacing.row",
                    lang,
                    position=i + 1,
                    technology=item.label(lang),
                    state=remaining_text(ws, item.id, lang),
                )
            )
        )
        label = "pacing.close" if open_now else "pacing.open"
        button.button(
            t(label, lang, technology=item.label(lang)),
            key=f"{PACING_GATE}_{i}",
            icon=":material/lock:" if open_now else ":material/lock_open:",
            on_click=_set_open,
            args=(con, ws.id, item.id, not open_now),
        )
    _countdown_form(con, ws, lang)


def _countdown_form(con: Connection, ws: Workshop, lang: Lang) -> None:
    """ "Start nedtælling": which technology (the room's, unless another is chosen), how long."""
    names = {x.id: x.label(lang) for x in ws.technologies}
    current = ws.current_technology
    if st.session_state.get(_FOLLOWED) != ws.current_position or (
        st.session_state.get(COUNTDOWN_TECHNOLOGY) not in names
    ):
        # The room moved on (or this is the first drawing): the choice follows the room.
        st.session_state[_FOLLOWED] = ws.current_position
        st.session_state[COUNTDOWN_TECHNOLOGY] = (current or ws.technologies[0]).id
    st.session_state.setdefault(COUNTDOWN_LENGTH, limits.REMOTE_COUNTDOWN_SECONDS)
    which, length = st.columns([3, 3], vertical_alignment="bottom")
    which.selectbox(
        t("pacing.countdown.for", lang),
        options=list(names),
        format_func=lambda i: names[i],
        key=COUNTDOWN_TECHNOLOGY,
    )
    length.radio(
        t("pacing.countdown.length", lang),
        options=list(limits.COUNTDOWN_SECONDS),
        format_func=lambda seconds: _length(seconds, lang),
        horizontal=True,
        key=COUNTDOWN_LENGTH,
    )
    st.button(
        t("pacing.countdown.start", lang),
        key=COUNTDOWN_START,
        icon=":material/timer:",
        on_click=_countdown,
        args=(con, ws.id),
    )
