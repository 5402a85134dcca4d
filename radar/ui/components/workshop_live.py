"""The facilitator's live view: the summary line, the chart, the phases and the comment wall.

Everything people typed is shown as plain text; the facilitator sees no names.
While the facilitator hides the results, the projector shows only the summary
line (how many joined and answered); the facilitator's view shows it all. The
comment wall holds what the room may see: a moderated workshop's approved
comments, else all but the hidden ones.
While the facilitator leads the room, the projector shows the current
technology large (:mod:`radar.ui.components.workshop_pacing_live`).
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from radar import theme, workshop
from radar.drawing.workshop import LiveRow, live_chart, verdict_text
from radar.i18n import t
from radar.model import Lang
from radar.store import Connection
from radar.ui.components.text import plain
from radar.ui.components.workshop_common import status, warn
from radar.ui.components.workshop_keys import (
    LIVE_CHART,
    LIVE_SUMMARY,
    MODERATION_NOTICE,
    RESULTS_HIDDEN,
    WALL_CARD,
    WALL_FILTER,
)
from radar.ui.components.workshop_pacing_live import led_view
from radar.workshop import PHASES, QUESTIONS, WorkshopError, WorkshopResults


def live_view(
    con: Connection, workshop_id: str, lang: Lang, *, projector: bool, refresh: bool
) -> None:
    """The group's answers, read afresh every :data:`theme.WORKSHOP_REFRESH_SECONDS`.

    A fragment: only this part reruns, the page is not reloaded. A closed
    workshop takes no answers, so its view does not refresh.
    """
    run_every = theme.WORKSHOP_REFRESH_SECONDS if refresh else None
    st.fragment(run_every=run_every)(_live)(con, workshop_id, lang, projector)


def _live(con: Connection, workshop_id: str, lang: Lang, projector: bool) -> None:
    # Never cached: every run reads the answers as they are now.
    try:
        res = workshop.results(con, workshop_id)
    except WorkshopError as exc:
        warn(exc, lang)
        return
    answers = sum(item.answers for item in res.technologies)
    with st.container(key=LIVE_SUMMARY):
        st.markdown(
            plain(
                t(
                    "facilitator.live.summary",
                    lang,
                    answers=answers,
                    respondents=res.respondents,
                    participants=res.participants,
                )
            )
        )
        st.caption(plain(status(res.workshop, lang)))
    if projector and res.workshop.led:
        # Led: the room's technology, large (and its answers, unless hidden).
        led_view(res, lang, figure=lambda part, shown: live_figure(part, shown, projector=True))
        return
    # Read with the answers on every refresh, so the projector, in another
    # browser, follows the facilitator's button within one refresh.
    if not res.workshop.results_visible:
        hidden = "facilitator.results.until_revealed" if projector else "facilitator.results.hidden"
        with st.container(key=RESULTS_HIDDEN):
            st.info(t(hidden, lang), icon=":material/visibility_off:")
        if projector:
            return
    if not answers:
        st.info(t("facilitator.live.waiting", lang), icon=":material/hourglass_empty:")
        return
    st.plotly_chart(
        live_figure(res, lang, projector=projector),
        key=LIVE_CHART,
        width="stretch",
        config={"displayModeBar": False, "responsive": True},
    )
    st.caption(t("facilitator.live.chart_caption", lang))
    if not projector:
        with st.expander(t("facilitator.live.table", lang)):
            frame = workshop.export_frame(res, lang).drop(
                columns=[
                    t("workshop.export.technology_id", lang),
                    t("workshop.export.sector", lang),
                ]
            )
            st.dataframe(frame, hide_index=True, width="stretch")
    _phases(res, lang)
    _comment_wall(res, lang, projector=projector)


def _phases(res: WorkshopResults, lang: Lang) -> None:
    st.subheader(t("facilitator.live.phases", lang), anchor=False)
    columns = st.columns(len(PHASES))
    for column, phase in zip(columns, PHASES, strict=True):
        total = sum(item.phase_counts[phase.id] for item in res.technologies)
        column.metric(phase.label(lang), total, help=phase.help(lang))
    missing = sum(item.phase_missing for item in res.technologies)
    st.caption(t("facilitator.live.phases.caption", lang, missing=missing))


def _comment_wall(res: WorkshopResults, lang: Lang, *, projector: bool) -> None:
    """The text answers the room may see as cards, plain text, without who wrote it.

    Moderated: the approved ones, and a line saying so; else all but the hidden
    ones (:func:`radar.workshop.shown_comments`). Both views show the same wall.
    """
    st.subheader(t("facilitator.live.comments", lang), anchor=False)
    ws = res.workshop
    if ws.moderated:
        notice = "facilitator.moderation.notice" if projector else "facilitator.moderation.own"
        with st.container(key=MODERATION_NOTICE):
            st.caption(t(notice, lang))
    wall = workshop.shown_comments(res)
    if not wall:
        empty = (
            "facilitator.moderation.none_shown" if res.comments else "facilitator.live.no_comments"
        )
        st.caption(t(empty, lang))
        return
    with_comments = list(dict.fromkeys(c.technology for c in wall))
    names = {x.id: x.label(lang) for x in ws.technologies}
    if st.session_state.get(WALL_FILTER) not in ("", *with_comments):
        st.session_state[WALL_FILTER] = ""
    chosen = st.selectbox(
        t("facilitator.live.comments.filter", lang),
        options=["", *with_comments],
        format_func=lambda i: names[i] if i else t("facilitator.live.comments.all", lang),
        key=WALL_FILTER,
        width=480 if not projector else "stretch",
    )
    comments = [c for c in wall if not chosen or c.technology == chosen]
    shown = comments[: theme.WORKSHOP_WALL_LIMIT]
    if len(shown) < len(comments):
        st.caption(t("facilitator.live.comments.more", lang, shown=len(shown), count=len(comments)))
    questions = {q.id: q for q in QUESTIONS}
    columns = st.columns(theme.WORKSHOP_WALL_COLUMNS)
    for i, comment in enumerate(shown):
        with (
            columns[i % len(columns)],
            st.container(border=True, key=f"{WALL_CARD}_{i}"),
        ):
            st.caption(
                plain(f"{names[comment.technology]} · {questions[comment.question].label(lang)}")
            )
            st.text(comment.text)


def live_figure(res: WorkshopResults, lang: Lang, *, projector: bool = False) -> go.Figure:
    """The live chart of a workshop's results (:func:`radar.drawing.workshop.live_chart`).

    One row per technology in the workshop's order, first on top; the
    official ring framed; right of each row the group's ring and the verdict.
    """
    ws = res.workshop
    ring_index = {r.id: i for i, r in enumerate(ws.rings)}
    rows = []
    for item in res.technologies:
        answered = bool(item.answers) and item.modal_ring is not None
        group = ws.ring(item.modal_ring).label(lang) if answered and item.modal_ring else None
        rows.append(
            LiveRow(
                name=item.technology.label(lang),
                counts=tuple(item.ring_counts[r.id] for r in ws.rings),
                answers=item.answers,
                official=ring_index.get(item.official_ring) if item.official_ring else None,
                verdict=item.verdict.value,
                text=verdict_text(
                    group,
                    item.verdict.value,
                    t(item.verdict.label_key, lang),
                    item.agreement,
                    lang,
                ),
            )
        )
    return live_chart(rows, [r.label(lang) for r in ws.rings], lang, projector=projector)
