"""The participant's answer form: one technology at a time, ring, phase and four questions."""

from __future__ import annotations

from typing import Final, Literal

import streamlit as st

from radar import workshop
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui import cache as ui_data
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import warn
from radar.ui.components.workshop_keys import (
    ANSWER_NEXT,
    ANSWER_PHASE,
    ANSWER_PICK,
    ANSWER_PREV,
    ANSWER_PROGRESS,
    ANSWER_RING,
    ANSWER_SAVE,
    ANSWER_SAVED,
    answer_text_key,
)
from radar.workshop import (
    COMMENT_LIMIT,
    PHASES,
    QUESTIONS,
    Answer,
    Participant,
    Workshop,
    WorkshopError,
)

# Session state of the form (not widgets): where each participant of the
# session is, which answer the form was filled with, what the last save said.
_POSITIONS: Final = "_ws_positions"
_LOADED: Final = "_ws_loaded"
_FLASH: Final = "_ws_flash"
#: What the last save said: saved, replaced an earlier answer, no ring chosen, refused.
_FlashKind = Literal["saved", "replaced", "ring", "error"]
#: The message of a save that worked, by kind.
_SAVED_KEYS: Final = {"saved": "participant.saved", "replaced": "participant.replaced"}
#: Which phase a participant reports; "" is "don't know / not relevant".
_NO_PHASE: Final = ""


def _positions() -> dict[str, int]:
    """Which technology each participant of this session is at (by token)."""
    if _POSITIONS not in st.session_state:
        st.session_state[_POSITIONS] = {}
    return st.session_state[_POSITIONS]


def _move(token: str, index: int) -> None:
    _positions()[token] = index
    st.session_state.pop(_FLASH, None)


def _picked(token: str) -> None:
    _move(token, int(st.session_state[ANSWER_PICK]))


def _clear_flash() -> None:
    # A changed answer is not saved yet: the "Gemt" of the last save would mislead.
    st.session_state.pop(_FLASH, None)


def _prefill(token: str, technology: str, previous: Answer | None) -> None:
    """Fill the form with the participant's earlier answer, once per technology shown.

    Not on every run: that would undo what they are typing.
    """
    if st.session_state.get(_LOADED) == (token, technology):
        return
    st.session_state[_LOADED] = (token, technology)
    st.session_state[ANSWER_RING] = previous.ring if previous else None
    st.session_state[ANSWER_PHASE] = (previous.phase if previous else None) or _NO_PHASE
    for question in QUESTIONS:
        text = getattr(previous, question.id) if previous else None
        st.session_state[answer_text_key(question.id)] = text or ""


def _save(con: Connection, code: str, token: str, technology: str, replacing: bool) -> None:
    ring = st.session_state.get(ANSWER_RING)
    if not ring:
        st.session_state[_FLASH] = (technology, "ring", None)
        return
    texts = {q.id: st.session_state.get(answer_text_key(q.id)) or None for q in QUESTIONS}
    try:
        workshop.submit_answer(
            con,
            code,
            token,
            technology,
            ring,
            st.session_state.get(ANSWER_PHASE) or None,
            texts,
        )
    except WorkshopError as exc:
        st.session_state[_FLASH] = (technology, "error", exc)
        return
    st.session_state[_FLASH] = (technology, "replaced" if replacing else "saved", None)


def _flash(technology_id: str, name: str, lang: Lang) -> None:
    """What the last save of this technology said: saved, or why not."""
    flash: tuple[str, _FlashKind, WorkshopError | None] | None = st.session_state.get(_FLASH)
    if not flash or flash[0] != technology_id:
        return
    _, kind, problem = flash
    if kind in ("saved", "replaced"):
        with st.container(key=ANSWER_SAVED):
            st.success(
                t(_SAVED_KEYS[kind], lang, technology=plain(name)),
                icon=":material/check_circle:",
            )
    elif kind == "ring":
        st.warning(t("participant.pick_ring", lang), icon=":material/info:")
    elif problem is not None:
        warn(problem, lang)


def _summary(technology_id: str, lang: Lang) -> str:
    """The technology's one-line summary from the radar's catalogue ("" if not there).

    Only a help: the workshop itself needs nothing from the radar database.
    """
    try:
        technologies = ui_data.technologies(ui_data.db_path())
    except Exception:
        # Whatever keeps the radar's catalogue from loading (a missing, locked
        # or broken radar database), the participant answers on without it.
        return ""
    found = technologies.get(technology_id)
    return found.summary(lang) if found else ""


def answer_form(con: Connection, ws: Workshop, participant: Participant, lang: Lang) -> None:
    """One technology at a time: ring, phase, the four questions, save, previous and next."""
    token = participant.token
    answers = workshop.participant_answers(con, ws.code, token)
    items = ws.technologies
    count = len(items)
    positions = _positions()
    if token not in positions:
        # A new or reloaded session starts at the first technology not yet answered.
        positions[token] = next((i for i, x in enumerate(items) if x.id not in answers), 0)
    index = min(max(positions[token], 0), count - 1)
    item = items[index]
    name = item.label(lang)
    previous = answers.get(item.id)
    _prefill(token, item.id, previous)

    st.caption(t("participant.joined_anonymous", lang))
    with st.container(key=ANSWER_PROGRESS):
        st.progress(
            len(answers) / count,
            text=t("participant.progress", lang, answered=len(answers), count=count),
        )
    if len(answers) == count:
        st.success(t("participant.done", lang, count=count), icon=":material/celebration:")

    with st.container(border=True):
        st.caption(t("participant.position", lang, position=index + 1, count=count))
        st.subheader(plain(name), anchor=False)
        summary = _summary(item.id, lang)
        if summary:
            st.caption(plain(summary))
        if previous is not None:
            st.caption(t("participant.answered_before", lang))
        st.radio(
            t("participant.ring", lang),
            options=list(ws.ring_ids),
            format_func=lambda r: plain(ws.ring(r).label(lang)),
            index=None,
            key=ANSWER_RING,
            help=t("participant.ring.help", lang),
            on_change=_clear_flash,
        )
        st.radio(
            t("participant.phase", lang),
            options=[_NO_PHASE, *(p.id for p in PHASES)],
            format_func=lambda p: (
                t("participant.phase.none", lang)
                if p == _NO_PHASE
                else workshop.Phase(p).label(lang)
            ),
            captions=["", *(p.help(lang) for p in PHASES)],
            key=ANSWER_PHASE,
            on_change=_clear_flash,
        )
        with st.expander(
            t("participant.questions", lang),
            expanded=bool(previous and previous.texts()),
        ):
            for question in QUESTIONS:
                st.text_area(
                    t(
                        "participant.question",
                        lang,
                        theme=question.label(lang),
                        question=question.text(lang),
                    ),
                    key=answer_text_key(question.id),
                    max_chars=COMMENT_LIMIT,
                    on_change=_clear_flash,
                )
        st.button(
            t("participant.save", lang),
            key=ANSWER_SAVE,
            type="primary",
            width="stretch",
            icon=":material/check:",
            on_click=_save,
            args=(con, ws.code, token, item.id, previous is not None),
        )
        _flash(item.id, name, lang)

    back, forward = st.columns(2)
    with back:
        st.button(
            t("participant.previous", lang),
            key=ANSWER_PREV,
            width="stretch",
            icon=":material/arrow_back:",
            disabled=index == 0,
            on_click=_move,
            args=(token, index - 1),
        )
    with forward:
        st.button(
            t("participant.next", lang),
            key=ANSWER_NEXT,
            width="stretch",
            icon=":material/arrow_forward:",
            icon_position="right",
            disabled=index == count - 1,
            on_click=_move,
            args=(token, index + 1),
        )
    st.session_state[ANSWER_PICK] = index
    st.selectbox(
        t("participant.jump", lang),
        options=list(range(count)),
        format_func=lambda i: (
            ("✓ " if items[i].id in answers else "") + f"{i + 1}. {items[i].label(lang)}"
        ),
        key=ANSWER_PICK,
        on_change=_picked,
        args=(token,),
    )
