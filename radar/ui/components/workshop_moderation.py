"""The facilitator's moderation: hold comments for approval or not, and the queue to decide them.

The queue lists the pending comments, oldest first, each with *Godkend* and
*Skjul*; below them the decided ones, latest first, each with the way back
(hide an approved one, approve a hidden one). It is a fragment of its own that
refreshes like the live view, so new comments come up without a reload. Only
the facilitator's page, which has checked that the signed-in person may run
the workshop, draws it; the core checks again.

Every comment is shown as plain text: it is what a participant typed.
"""

from __future__ import annotations

from typing import Final

import streamlit as st

from radar import theme, workshop
from radar.auth import User
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import warn
from radar.ui.components.workshop_keys import (
    APPROVE,
    HIDE,
    MODERATION_QUEUE,
    MODERATION_SWITCH,
    PENDING_CARD,
    REVIEWED_CARD,
)
from radar.workshop import (
    QUESTIONS,
    CommentForReview,
    CommentStatus,
    Workshop,
    WorkshopError,
    limits,
)

#: Session state (not a widget): why the last switch or verdict failed.
_MODERATION_PROBLEM: Final = "_ws_moderation_problem"
#: What a verdict is called on the page, for the decided list (in words, not by colour).
_STATUS_KEYS: Final = {
    CommentStatus.APPROVED: "facilitator.moderation.approved",
    CommentStatus.HIDDEN: "facilitator.moderation.hidden",
}


def _set_moderated(con: Connection, workshop_id: str, moderated: bool, user: User) -> None:
    try:
        workshop.set_moderated(con, workshop_id, moderated, user)
    except WorkshopError as exc:
        st.session_state[_MODERATION_PROBLEM] = exc


def moderation_switch(con: Connection, ws: Workshop, user: User, lang: Lang) -> None:
    """ "Vis kommentarer uden godkendelse" while moderated, "Godkend kommentarer …" while not.

    As the results' button: it sets the state it names, so an older tab cannot undo a click.
    """
    if ws.moderated:
        label, icon = "facilitator.moderation.turn_off", ":material/lock_open:"
    else:
        label, icon = "facilitator.moderation.turn_on", ":material/verified_user:"
    st.button(
        t(label, lang),
        key=MODERATION_SWITCH,
        icon=icon,
        help=t("facilitator.moderation.help", lang),
        on_click=_set_moderated,
        args=(con, ws.id, not ws.moderated, user),
    )


def _review(con: Connection, comment: CommentForReview, status: CommentStatus, user: User) -> None:
    try:
        if status is CommentStatus.APPROVED:
            workshop.approve_comment(con, comment, user)
        else:
            workshop.hide_comment(con, comment, user)
    except WorkshopError as exc:
        st.session_state[_MODERATION_PROBLEM] = exc


def moderation_queue(
    con: Connection, ws: Workshop, user: User, lang: Lang, *, refresh: bool
) -> None:
    """The comments to decide and the decided ones, read afresh every refresh while open."""
    run_every = theme.WORKSHOP_REFRESH_SECONDS if refresh else None
    st.fragment(run_every=run_every)(_queue)(con, ws, user, lang)


def _card_heading(ws: Workshop, comment: CommentForReview, lang: Lang, *extra: str) -> str:
    """ "Droner · Kerneopgave", plain text for markdown: the names may hold markup characters."""
    questions = {q.id: q for q in QUESTIONS}
    try:
        name = ws.technology(comment.technology).label(lang)
    except KeyError:
        name = comment.technology
    return plain(" · ".join((name, questions[comment.question].label(lang), *extra)))


def _buttons(
    con: Connection, comment: CommentForReview, user: User, lang: Lang, *, approve: bool, hide: bool
) -> None:
    """ "Godkend" and "Skjul", or the one of them that undoes the verdict, side by side."""
    with st.container(horizontal=True):
        if approve:
            st.button(
                t("facilitator.moderation.approve", lang),
                key=f"{APPROVE}_{comment.key}",
                type="primary",
                icon=":material/check:",
                on_click=_review,
                args=(con, comment, CommentStatus.APPROVED, user),
            )
        if hide:
            st.button(
                t("facilitator.moderation.hide", lang),
                key=f"{HIDE}_{comment.key}",
                icon=":material/visibility_off:",
                on_click=_review,
                args=(con, comment, CommentStatus.HIDDEN, user),
            )


def _queue(con: Connection, ws: Workshop, user: User, lang: Lang) -> None:
    # Never cached: every run reads the comments and verdicts as they are now.
    problem = st.session_state.pop(_MODERATION_PROBLEM, None)
    try:
        listed = workshop.comments_for_review(con, ws.id, user)
    except WorkshopError as exc:
        warn(exc, lang)
        return
    pending = [c for c in listed if c.status is CommentStatus.PENDING]
    decided = sorted(
        (c for c in listed if c.status is not CommentStatus.PENDING),
        key=lambda c: c.reviewed_at or c.written_at,
        reverse=True,
    )
    with st.container(key=MODERATION_QUEUE):
        st.subheader(t("facilitator.moderation.heading", lang, count=len(pending)), anchor=False)
        st.caption(
            t(
                "facilitator.moderation.moderated"
                if ws.moderated
                else "facilitator.moderation.unmoderated",
                lang,
            )
        )
        if problem is not None:
            warn(problem, lang)
        if not pending:
            st.caption(t("facilitator.moderation.none_pending", lang))
        limit = limits.REVIEW_LIST_LIMIT
        if len(pending) > limit:
            st.caption(t("facilitator.moderation.more", lang, shown=limit, count=len(pending)))
        for comment in pending[:limit]:
            with st.container(border=True, key=f"{PENDING_CARD}_{comment.key}"):
                st.caption(_card_heading(ws, comment, lang))
                st.text(comment.text)
                _buttons(con, comment, user, lang, approve=True, hide=True)
        if not decided:
            return
        with st.expander(t("facilitator.moderation.decided", lang, count=len(decided))):
            if len(decided) > limit:
                st.caption(
                    t("facilitator.moderation.more_decided", lang, shown=limit, count=len(decided))
                )
            for comment in decided[:limit]:
                status = t(_STATUS_KEYS[comment.status], lang)
                with st.container(border=True, key=f"{REVIEWED_CARD}_{comment.key}"):
                    st.caption(_card_heading(ws, comment, lang, status))
                    st.text(comment.text)
                    approved = comment.status is CommentStatus.APPROVED
                    _buttons(con, comment, user, lang, approve=not approved, hide=approved)
