"""The projector while the facilitator leads the room: the current technology, large.

Its name, where the room is ("Spørgsmål 2 af 5"), whether it takes answers
("Lukker om 0:45", "Lukket"), how many answered it, and, unless the
facilitator hides the results, how its answers spread over the rings and its
comments. Drawn inside the live view's fragment, so the countdown counts down
at every refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Final

import plotly.graph_objects as go
import streamlit as st

from radar import theme
from radar.i18n import t
from radar.model import Lang
from radar.ui.components.text import plain
from radar.ui.components.workshop_keys import (
    LIVE_CHART,
    PROJECTOR_CURRENT,
    RESULTS_HIDDEN,
    WALL_CARD,
)
from radar.workshop import QUESTIONS, WorkshopResults, shown_comments
from radar.workshop.pacing_texts import remaining_text

# Static, from theme constants and element keys: the name reads across a room.
_CSS: Final = f"""<style>
.st-key-{PROJECTOR_CURRENT} h2 {{
  font-size: {theme.WORKSHOP_PROJECTOR_CODE_SIZE}px;
  line-height: 1.1;
}}
.st-key-{PROJECTOR_CURRENT} p {{
  font-size: {theme.WORKSHOP_PROJECTOR_SUMMARY_SIZE}px;
  font-weight: 600;
}}
</style>"""


def led_view(
    res: WorkshopResults,
    lang: Lang,
    *,
    figure: Callable[[WorkshopResults, Lang], go.Figure],
) -> None:
    """The technology the room is led to, as the projector shows it.

    Parameters
    ----------
    res
        The workshop's results as they are now; its workshop is led.
    figure
        Draws the live chart of results (the live view's own), here of the one technology.
    """
    ws = res.workshop
    current = ws.current_technology
    if current is None:
        return
    item = res.technology(current.id)
    position = ws.technology_ids.index(current.id) + 1
    st.html(_CSS)
    with st.container(key=PROJECTOR_CURRENT):
        st.caption(
            t("pacing.projector.position", lang, position=position, count=len(ws.technologies))
        )
        st.subheader(plain(current.label(lang)), anchor=False)
        st.markdown(
            plain(
                f"{remaining_text(res.workshop, current.id, lang)} · "
                + t("pacing.projector.answers", lang, answers=item.answers)
            )
        )
    if not ws.results_visible:
        with st.container(key=RESULTS_HIDDEN):
            st.info(t("facilitator.results.until_revealed", lang), icon=":material/visibility_off:")
        return
    if not item.answers:
        return
    st.plotly_chart(
        figure(replace(res, technologies=(item,)), lang),
        key=LIVE_CHART,
        width="stretch",
        config={"displayModeBar": False, "responsive": True},
    )
    # Only what the room may see: a moderated workshop's approved comments, never a hidden one.
    comments = [c for c in shown_comments(res) if c.technology == current.id]
    shown = comments[: theme.WORKSHOP_WALL_LIMIT]
    questions = {q.id: q for q in QUESTIONS}
    columns = st.columns(theme.WORKSHOP_WALL_COLUMNS)
    for i, comment in enumerate(shown):
        with (
            columns[i % len(columns)],
            st.container(border=True, key=f"{WALL_CARD}_{i}"),
        ):
            st.caption(plain(questions[comment.question].label(lang)))
            st.text(comment.text)
