"""The workshop pages in Streamlit: the facilitator's page and the participant's page.

URLs
----
``/workshop``
    The facilitator's page. Without ``id`` it shows the form to create a
    workshop, and nothing else: other people's workshops are not listed.
    ``id`` (the workshop's random id) is the facilitator's key: it opens the
    workshop's code, QR code, live view and controls. ``present=1`` shows the
    code and the live view alone, large, for a projector (presenter mode's chrome).
``/deltag``
    The participant's page, made for a phone. ``code`` is the join code;
    ``p`` the participant's token once joined, so a reload keeps who they are.

Both follow ``lang`` like every page.

Element keys
------------
Stable keys for tests and the load benchmark (a key ``k`` is the CSS class
``st-key-k`` in the browser): :data:`LIVE_SUMMARY` (the facilitator's summary
line, "12 svar fra 3 af 4 deltagere"); :data:`JOIN_NAME`, :data:`JOIN_SUBMIT`,
:data:`ANSWER_RING`, :data:`ANSWER_PHASE`, :data:`ANSWER_SAVE`,
:data:`ANSWER_SAVED` (the "Gemt" confirmation), :data:`ANSWER_PREV`,
:data:`ANSWER_NEXT`.

Everything people typed (titles, names, comments) is shown as plain text:
``st.text``, ``st.code``, ``st.dataframe`` or :func:`radar.ui.widgets.plain`
inside markdown, and escaped in Plotly labels. Participants never see another
participant's name, and the facilitator sees no names at all.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from functools import partial
from typing import Final, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import duckdb
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from radar import store, theme, workshop
from radar.i18n import t
from radar.model import Lang
from radar.ui import cache as ui_data
from radar.ui import presenter
from radar.ui.widgets import area_label, plain
from radar.workshop import (
    COMMENT_LIMIT,
    NAME_LIMIT,
    PHASES,
    QUESTIONS,
    TITLE_LIMIT,
    Agreement,
    Answer,
    Participant,
    TechnologyResult,
    Workshop,
    WorkshopError,
    WorkshopResults,
)

Connection = duckdb.DuckDBPyConnection

# URL parameters.
ID: Final = "id"
CODE: Final = "code"
PARTICIPANT: Final = "p"
#: The facilitator page's url_path (dashboard.py), for the facilitator's link.
FACILITATOR_PATH: Final = "workshop"

# Element keys of the facilitator's page.
LIVE_SUMMARY: Final = "live_summary"
LIVE_CHART: Final = "live_chart"
CODE_BOX: Final = "ws_code"
WALL_CARD: Final = "wall_card"
WALL_FILTER: Final = "wall_technology"
FORM_TITLE: Final = "ws_title"
FORM_AREA: Final = "ws_area"
FORM_EDITION: Final = "ws_edition"
FORM_TECHNOLOGIES: Final = "ws_technologies"
FORM_CLOSES: Final = "ws_closes"
FORM_CLOSE_DATE: Final = "ws_close_date"
FORM_CLOSE_TIME: Final = "ws_close_time"
FORM_CREATE: Final = "ws_create"
NEW_WORKSHOP: Final = "ws_new"
PROJECTOR: Final = "ws_projector"
CLOSE_CONFIRM: Final = "ws_close_confirm"
EXPORT_SUMMARY: Final = "ws_export_summary"
EXPORT_COMMENTS: Final = "ws_export_comments"
EXPORT_XLSX: Final = "ws_export_xlsx"
CONSENSUS_TITLE: Final = "ws_consensus_title"
CONSENSUS_SAVE: Final = "ws_consensus_save"

# Element keys of the participant's page.
JOIN_CODE: Final = "join_code"
JOIN_CODE_GO: Final = "join_code_go"
JOIN_NAME: Final = "join_name"
JOIN_SUBMIT: Final = "join_submit"
ANSWER_RING: Final = "answer_ring"
ANSWER_PHASE: Final = "answer_phase"
ANSWER_SAVE: Final = "answer_save"
ANSWER_SAVED: Final = "answer_saved"
ANSWER_PREV: Final = "answer_prev"
ANSWER_NEXT: Final = "answer_next"
ANSWER_PICK: Final = "answer_pick"
ANSWER_PROGRESS: Final = "answer_progress"


def answer_text_key(question: str) -> str:
    """The key of the text area answering ``question`` (a question id)."""
    return f"answer_{question}"


# Session state of these pages (not widgets).
_JUST_CREATED: Final = "_ws_just_created"
_DEFAULTS_FOR: Final = "_ws_defaults_for"
_DEFAULTS_PROBLEM: Final = "_ws_defaults_problem"
_CLOSE_PROBLEM: Final = "_ws_close_problem"
_CONSENSUS_FOR: Final = "_ws_consensus_for"
_TOKENS: Final = "_ws_tokens"
_POSITIONS: Final = "_ws_positions"
_LOADED: Final = "_ws_loaded"
_FLASH: Final = "_ws_flash"

#: The facilitator's id is 32 hex digits (``secrets.token_hex(16)``); anything
#: else is unknown without asking the database.
_ID_PATTERN: Final = re.compile(r"[0-9a-f]{32}")
#: What the last save said: saved, replaced an earlier answer, no ring chosen, refused.
_FlashKind = Literal["saved", "replaced", "ring", "error"]
#: Which phase a participant reports; "" is "don't know / not relevant".
_NO_PHASE: Final = ""

# Static CSS, built from theme constants, never from data.
FACILITATOR_CSS: Final = f"""<style>
.st-key-{CODE_BOX} p {{
  font-size: {theme.WORKSHOP_CODE_SIZE}px;
  white-space: nowrap;
  font-weight: 700;
  letter-spacing: 0.06em;
  line-height: 1.15;
  color: {theme.TEXT};
}}
</style>"""
# On the projector: the code, the summary line and the comments read across a room.
PROJECTOR_CSS: Final = f"""<style>
.st-key-{CODE_BOX} p {{
  font-size: {theme.WORKSHOP_PROJECTOR_CODE_SIZE}px;
}}
.st-key-{LIVE_SUMMARY} p {{
  font-size: {theme.WORKSHOP_PROJECTOR_SUMMARY_SIZE}px;
  font-weight: 600;
  line-height: 1.2;
}}
[data-testid="stCaptionContainer"],
[data-testid="stCaptionContainer"] p,
.st-key-{LIVE_SUMMARY} [data-testid="stCaptionContainer"] p {{
  font-size: {theme.WORKSHOP_PROJECTOR_CAPTION_SIZE}px;
  font-weight: 400;
}}
[class*="st-key-{WALL_CARD}"] [data-testid="stText"],
[class*="st-key-{WALL_CARD}"] p {{
  font-size: {theme.WORKSHOP_PROJECTOR_COMMENT_SIZE}px;
  line-height: 1.3;
}}
[data-testid="stMetricLabel"] p {{
  font-size: {theme.WORKSHOP_PROJECTOR_COMMENT_SIZE}px;
}}
</style>"""
# The participant's phone: no top navigation (they stay on their workshop), one
# narrow column, finger-sized buttons and choices.
PHONE_CSS: Final = f"""<style>
[data-testid="stHeader"] {{
  display: none !important;
}}
[data-testid="stMainBlockContainer"] {{
  max-width: {theme.WORKSHOP_PHONE_MAX_WIDTH}px;
  margin: 0 auto;
  padding: 1rem 1rem 4rem 1rem;
}}
[data-testid="stMainBlockContainer"] button {{
  min-height: {theme.WORKSHOP_TOUCH_TARGET}px;
}}
[data-testid="stRadioOption"] {{
  min-height: {theme.WORKSHOP_TOUCH_TARGET}px;
  display: flex;
  align-items: center;
}}
[data-testid="stRadioOption"] p {{
  font-size: {theme.WORKSHOP_PHONE_TEXT_SIZE}px;
}}
</style>"""


# --- shared ------------------------------------------------------------------


def _zone() -> tzinfo | None:
    """The browser's time zone; None (the server's) when the browser does not say."""
    name = st.context.timezone
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _when(moment: datetime | None) -> str:
    """A stored time (UTC) in the viewer's time zone, for people."""
    return moment.astimezone(_zone()).strftime("%Y-%m-%d %H:%M") if moment else ""


def _status(ws: Workshop, lang: Lang) -> str:
    if not ws.is_open():
        return t("workshop.page.status.closed", lang)
    if ws.closes_at is not None:
        return t("workshop.page.status.open_until", lang, time=_when(ws.closes_at))
    return t("workshop.page.status.open", lang)


def _about(ws: Workshop, lang: Lang) -> str:
    """ "Teknik og miljø · udgave 2025 · Åben", as plain text (escape it for markdown)."""
    return t(
        "workshop.page.about",
        lang,
        area=ws.area_label(lang),
        edition=ws.edition,
        status=_status(ws, lang),
    )


def _warn(exc: WorkshopError, lang: Lang) -> None:
    # A message may hold what someone typed (a code, a title): never markup.
    st.warning(plain(exc.message(lang)), icon=":material/info:")


def facilitator_link(ws: Workshop) -> str:
    """The facilitator's own link to the workshop: the key to control it."""
    return f"{workshop.resolve_base_url().rstrip('/')}/{FACILITATOR_PATH}?{ID}={ws.id}"


# --- facilitator: creating a workshop ------------------------------------------


def facilitator_page(lang: Lang) -> None:
    """The facilitator's page: the create form, or one workshop's code, live view and controls."""
    workshop_id = st.query_params.get(ID, "")
    if not workshop_id:
        create_form(lang)
        return
    con = ui_data.workshop_connection()
    try:
        if not _ID_PATTERN.fullmatch(workshop_id):
            raise workshop.WorkshopNotFoundError("workshop.error.no_such_workshop")
        ws = workshop.get_workshop(con, workshop_id)
    except workshop.WorkshopNotFoundError:
        st.info(t("facilitator.unknown", lang), icon=":material/search_off:")
        st.button(t("facilitator.new", lang), key=NEW_WORKSHOP, on_click=_forget_workshop)
        return
    if presenter.presenting():
        projector_view(con, ws, lang)
    else:
        control_view(con, ws, lang)


def _forget_workshop() -> None:
    for key in (ID, presenter.PRESENT):
        if key in st.query_params:
            del st.query_params[key]


#: Danish sorts æ, ø, å after z; these stand-ins sort there too.
_DANISH_LAST: Final = str.maketrans({"æ": "z\x01", "ø": "z\x02", "å": "z\x03"})


def _sort_key(label: str) -> str:
    return label.casefold().translate(_DANISH_LAST)


def _area_defaults(radar_con: Connection, area: str, edition: int) -> None:
    """Preselect the area's technologies when the area or edition changes (not on every run)."""
    if st.session_state.get(_DEFAULTS_FOR) == (area, edition):
        return
    st.session_state[_DEFAULTS_FOR] = (area, edition)
    st.session_state[_DEFAULTS_PROBLEM] = None
    try:
        ids = [x.id for x in workshop.area_technologies(radar_con, area, edition)]
    except WorkshopError as exc:
        ids = []
        st.session_state[_DEFAULTS_PROBLEM] = exc
    st.session_state[FORM_TECHNOLOGIES] = ids


def _closing_time(lang: Lang) -> datetime | None:
    """The optional closing time, off by default, in the facilitator's time zone.

    The browser tells its time zone; without it the time is the server's local
    time (as :func:`radar.workshop.create_workshop` reads a naive one).
    """
    if not st.toggle(t("facilitator.closes", lang), key=FORM_CLOSES):
        return None
    zone = _zone()
    # Two hours from now, on the quarter hour: a typical workshop session.
    soon = datetime.now(zone).replace(tzinfo=None) + timedelta(hours=2)
    soon = soon.replace(minute=soon.minute - soon.minute % 15, second=0, microsecond=0)
    st.session_state.setdefault(FORM_CLOSE_DATE, soon.date())
    st.session_state.setdefault(FORM_CLOSE_TIME, soon.time())
    day_col, time_col = st.columns(2)
    with day_col:
        day: date = st.date_input(
            t("facilitator.close_date", lang), key=FORM_CLOSE_DATE, format="DD.MM.YYYY"
        )
    with time_col:
        clock: time = st.time_input(t("facilitator.close_time", lang), key=FORM_CLOSE_TIME)
    return datetime.combine(day, clock, tzinfo=zone)


def create_form(lang: Lang) -> None:
    """Title, area, edition, technologies and an optional closing time; creates the workshop.

    On success the page switches to ``?id=<id>``, the facilitator's key.
    """
    page = ui_data.page_data()
    catalog = page.catalog
    radar_con = ui_data.connection(page.db)
    st.header(t("facilitator.create.heading", lang), anchor=False)
    st.caption(t("facilitator.create.intro", lang))
    st.text_input(
        t("facilitator.title", lang),
        key=FORM_TITLE,
        max_chars=TITLE_LIMIT,
        placeholder=t("facilitator.title.placeholder", lang),
    )
    years = list(catalog.years)
    latest = ui_data.default_edition(page.db)
    st.session_state.setdefault(FORM_EDITION, latest if latest in years else years[0])
    area_col, edition_col = st.columns([3, 1])
    with area_col:
        area = st.selectbox(
            t("filter.area", lang),
            options=list(catalog.area_ids),
            format_func=lambda a: area_label(catalog, a, lang),
            key=FORM_AREA,
        )
    with edition_col:
        edition = st.selectbox(t("filter.edition", lang), options=years, key=FORM_EDITION)
    _area_defaults(radar_con, area, edition)
    problem = st.session_state.get(_DEFAULTS_PROBLEM)
    if problem is not None:
        _warn(problem, lang)
    technologies = page.technologies
    # Fixed options (every technology, by Danish name, whatever the language,
    # so a language switch does not change them): the chosen ones keep their
    # order, the area's radar order first, then whatever is added.
    options = sorted(technologies, key=lambda i: (_sort_key(technologies[i].name_da), i))
    chosen = st.multiselect(
        t("facilitator.technologies", lang),
        options=options,
        format_func=lambda i: technologies[i].label(lang),
        key=FORM_TECHNOLOGIES,
        help=t("facilitator.technologies.help", lang),
    )
    st.caption(t("facilitator.technologies.count", lang, count=len(chosen)))
    closes_at = _closing_time(lang)
    if not st.button(
        t("facilitator.create", lang), key=FORM_CREATE, type="primary", icon=":material/add:"
    ):
        return
    try:
        listed = workshop.area_technologies(radar_con, area, edition, chosen)
        created = workshop.create_workshop(
            ui_data.workshop_connection(),
            title=st.session_state.get(FORM_TITLE) or "",
            catalog=catalog,
            area=area,
            edition=edition,
            technologies=listed,
            closes_at=closes_at,
        )
    except WorkshopError as exc:
        st.error(plain(exc.message(lang)))
        return
    st.session_state[_JUST_CREATED] = created.id
    st.query_params[ID] = created.id
    st.rerun()


# --- facilitator: one workshop ---------------------------------------------------


def _projector_changed() -> None:
    if st.session_state.get(PROJECTOR):
        st.query_params[presenter.PRESENT] = "1"
    elif presenter.PRESENT in st.query_params:
        del st.query_params[presenter.PRESENT]


def projector_toggle(lang: Lang) -> None:
    """The "Projektor" switch, kept in ``?present=1`` (the entry point hides its chrome then)."""
    st.session_state[PROJECTOR] = presenter.presenting()
    st.toggle(
        t("facilitator.projector", lang),
        key=PROJECTOR,
        help=t("facilitator.projector.help", lang),
        on_change=_projector_changed,
    )


def _code(ws: Workshop, lang: Lang) -> None:
    """The join code in big type."""
    st.caption(t("facilitator.code", lang))
    with st.container(key=CODE_BOX):
        st.markdown(plain(ws.display_code))


def _code_and_qr(ws: Workshop, link: str, lang: Lang, *, qr_width: int) -> None:
    _code(ws, lang)
    if ws.is_open():
        st.image(workshop.qr_png(link), width=qr_width, alt=t("facilitator.qr_alt", lang))
        st.caption(t("facilitator.join_how", lang))


def control_view(con: Connection, ws: Workshop, lang: Lang) -> None:
    """The facilitator's laptop: header, code, link, QR code, live view and the controls."""
    st.html(FACILITATOR_CSS)
    link = workshop.join_link(workshop.resolve_base_url(), ws.code)
    head, switch = st.columns([4, 1], vertical_alignment="center")
    with head:
        st.header(plain(ws.title), anchor=False)
        st.caption(plain(_about(ws, lang)))
    with switch:
        projector_toggle(lang)
    if st.session_state.get(_JUST_CREATED) == ws.id:
        st.success(t("facilitator.created", lang), icon=":material/check_circle:")
        st.warning(t("facilitator.keep_link", lang), icon=":material/key:")
        st.code(facilitator_link(ws), language=None)
    code_col, qr_col = st.columns([3, 2])
    with code_col:
        _code(ws, lang)
        st.caption(t("facilitator.join_link", lang))
        st.code(link, language=None)
        st.caption(t("facilitator.join_how", lang))
        if workshop.resolve_base_url() == workshop.DEFAULT_BASE_URL:
            st.caption(plain(t("facilitator.base_url_hint", lang, url=workshop.DEFAULT_BASE_URL)))
    with qr_col:
        st.image(
            workshop.qr_png(link), width=theme.WORKSHOP_QR_WIDTH, alt=t("facilitator.qr_alt", lang)
        )
    st.divider()
    st.subheader(t("facilitator.live.heading", lang), anchor=False)
    live_view(con, ws.id, lang, projector=False, refresh=ws.is_open())
    st.divider()
    close_section(con, ws, lang)
    export_section(con, ws, lang)
    consensus_section(con, ws, lang)
    with st.expander(t("facilitator.own_link", lang), icon=":material/key:"):
        st.code(facilitator_link(ws), language=None)


def projector_view(con: Connection, ws: Workshop, lang: Lang) -> None:
    """The projector: the title, the live view large, the code and QR code beside it.

    Never shows the facilitator's link: the room sees the screen.
    """
    presenter.apply_chrome()
    st.html(FACILITATOR_CSS + PROJECTOR_CSS)
    link = workshop.join_link(workshop.resolve_base_url(), ws.code)
    main, side = st.columns(theme.WORKSHOP_PROJECTOR_COLUMNS, gap="large")
    with side:
        _code_and_qr(ws, link, lang, qr_width=theme.WORKSHOP_PROJECTOR_QR_WIDTH)
        if ws.is_open():
            st.text(link)
        projector_toggle(lang)
    with main:
        presenter.caption_block(
            ws.title, kicker=_about(ws, lang), key=f"{presenter.CAPTION_KEY}_workshop"
        )
        live_view(con, ws.id, lang, projector=True, refresh=ws.is_open())


# --- facilitator: the live view ----------------------------------------------------


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
        _warn(exc, lang)
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
        st.caption(plain(_status(res.workshop, lang)))
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
    """Every text answer as a card, plain text, without who wrote it."""
    st.subheader(t("facilitator.live.comments", lang), anchor=False)
    if not res.comments:
        st.caption(t("facilitator.live.no_comments", lang))
        return
    ws = res.workshop
    with_comments = list(dict.fromkeys(c.technology for c in res.comments))
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
    comments = [c for c in res.comments if not chosen or c.technology == chosen]
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


def _escape(text: str) -> str:
    """Data text for Plotly labels: shown as typed, never as markup."""
    return html.escape(text, quote=False)


def _verdict(item: TechnologyResult, ws: Workshop, lang: Lang) -> str:
    """ "✓ AFPRØV · Enige (80 %)": the group's ring and whether the group agrees."""
    if not item.answers or item.modal_ring is None:
        return t("facilitator.live.no_answers", lang)
    ring = ws.ring(item.modal_ring).label(lang)
    verdict = t(item.verdict.label_key, lang)
    mark = theme.WORKSHOP_VERDICT_MARKS[item.verdict.value]
    if item.verdict is Agreement.TOO_FEW or item.agreement is None:
        body = t("facilitator.live.verdict_few", lang, ring=ring, verdict=verdict)
    else:
        share = round(item.agreement * 100)
        body = t("facilitator.live.verdict", lang, ring=ring, verdict=verdict, share=share)
    return f"{mark} {body}"


def live_figure(res: WorkshopResults, lang: Lang, *, projector: bool = False) -> go.Figure:
    """The group's answers per technology and ring, next to the official ring.

    One row per technology (the workshop's order, first on top), one column per
    ring (inside out). A cell holds the number of answers; its shade is that
    number's share of the technology's answers, so rows with few and many
    answers read alike. The official ring's cell is framed; right of the row,
    the group's ring and the verdict (agrees, split, too few answers).
    """
    ws = res.workshop
    rings = ws.rings
    items = res.technologies
    size = theme.WORKSHOP_PROJECTOR_TEXT_SIZE if projector else theme.WORKSHOP_CHART_TEXT_SIZE
    row_height = (
        theme.WORKSHOP_PROJECTOR_ROW_HEIGHT if projector else theme.WORKSHOP_CHART_ROW_HEIGHT
    )
    shares, counts, hover = [], [], []
    for item in items:
        name = item.technology.label(lang)
        shares.append([item.ring_counts[r.id] / item.answers if item.answers else 0 for r in rings])
        # Zeros stay blank: the eye finds the rings that got answers.
        counts.append([str(item.ring_counts[r.id] or "") for r in rings])
        hover.append(
            [
                _escape(
                    t(
                        "facilitator.live.hover",
                        lang,
                        technology=name,
                        ring=r.label(lang),
                        count=item.ring_counts[r.id],
                        answers=item.answers,
                    )
                )
                for r in rings
            ]
        )
    stops = theme.HEATMAP_COLOURS
    heatmap = go.Heatmap(
        z=shares,
        x=list(range(len(rings))),
        y=list(range(len(items))),
        zmin=0,
        zmax=1,
        colorscale=[[i / (len(stops) - 1), colour] for i, colour in enumerate(stops)],
        showscale=False,
        xgap=theme.HEATMAP_CELL_GAP,
        ygap=theme.HEATMAP_CELL_GAP,
        text=counts,
        texttemplate="%{text}",
        textfont={"size": size},
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
    )
    ring_index = {r.id: i for i, r in enumerate(rings)}
    frames = [
        {
            "type": "rect",
            "xref": "x",
            "yref": "y",
            "x0": ring_index[item.official_ring] - 0.5,
            "x1": ring_index[item.official_ring] + 0.5,
            "y0": row - 0.5,
            "y1": row + 0.5,
            "line": {
                "color": theme.WORKSHOP_OFFICIAL_OUTLINE,
                "width": theme.WORKSHOP_OFFICIAL_OUTLINE_WIDTH,
            },
            "fillcolor": "rgba(0,0,0,0)",
        }
        for row, item in enumerate(items)
        if item.official_ring in ring_index
    ]
    verdicts = [
        {
            "xref": "paper",
            "yref": "y",
            "x": 1,
            "xanchor": "left",
            "xshift": 10,
            "y": row,
            "text": _escape(_verdict(item, ws, lang)),
            "showarrow": False,
            "font": {
                "size": size,
                "color": theme.WORKSHOP_VERDICT_COLOURS[
                    item.verdict.value if item.answers else Agreement.TOO_FEW.value
                ],
            },
        }
        for row, item in enumerate(items)
    ]
    axis = {
        "fixedrange": True,
        "showgrid": False,
        "zeroline": False,
        "ticks": "",
        "tickfont": {"size": size, "color": theme.TEXT},
    }
    margin = theme.WORKSHOP_PROJECTOR_VERDICT_MARGIN if projector else theme.WORKSHOP_VERDICT_MARGIN
    header = theme.WORKSHOP_CHART_HEADER_HEIGHT + (size - theme.WORKSHOP_CHART_TEXT_SIZE)
    layout = {
        "height": header + row_height * max(len(items), 1) + theme.CHART_MARGIN["b"],
        "margin": {**theme.CHART_MARGIN, "t": header, "r": margin},
        "paper_bgcolor": theme.BACKGROUND,
        "plot_bgcolor": theme.BACKGROUND,
        "font": {"color": theme.TEXT, "size": size},
        "dragmode": False,
        "showlegend": False,
        "xaxis": {
            **axis,
            "side": "top",
            "tickmode": "array",
            "tickvals": list(range(len(rings))),
            "ticktext": [_escape(r.label(lang)) for r in rings],
        },
        "yaxis": {
            **axis,
            "autorange": "reversed",
            "automargin": True,
            "tickmode": "array",
            "tickvals": list(range(len(items))),
            "ticktext": [_escape(item.technology.label(lang)) for item in items],
        },
        "shapes": frames,
        "annotations": verdicts,
        "hoverlabel": {"bgcolor": theme.BACKGROUND, "font": {"size": size, "color": theme.TEXT}},
    }
    return go.Figure(data=[heatmap], layout=layout)


# --- facilitator: closing, exports, consensus ------------------------------------------


def _close(con: Connection, workshop_id: str) -> None:
    try:
        workshop.close_workshop(con, workshop_id)
    except WorkshopError as exc:
        st.session_state[_CLOSE_PROBLEM] = exc


def close_section(con: Connection, ws: Workshop, lang: Lang) -> None:
    """Close the workshop, after a confirmation; or say when it closed."""
    st.subheader(t("facilitator.close.heading", lang), anchor=False)
    problem = st.session_state.pop(_CLOSE_PROBLEM, None)
    if problem is not None:
        _warn(problem, lang)
    if not ws.is_open():
        st.info(
            t("facilitator.closed", lang, time=_when(ws.closed_at or ws.closes_at)),
            icon=":material/lock:",
        )
        return
    if ws.closes_at is not None:
        st.caption(t("facilitator.closes_at", lang, time=_when(ws.closes_at)))
    with st.popover(t("facilitator.close", lang), icon=":material/lock:"):
        st.markdown(t("facilitator.close.warning", lang))
        st.button(
            t("facilitator.close.confirm", lang),
            key=CLOSE_CONFIRM,
            type="primary",
            on_click=_close,
            args=(con, ws.id),
        )


def _export(con: Connection, workshop_id: str, lang: Lang, part: str) -> bytes:
    # Run when the button is clicked, so the file holds the answers as they are then.
    res = workshop.results(con, workshop_id)
    if part == "xlsx":
        return workshop.export_xlsx(res, lang)
    return workshop.export_csv(res, lang, part="comments" if part == "comments" else "summary")


def export_section(con: Connection, ws: Workshop, lang: Lang) -> None:
    """Downloads: the summary and the comments as CSV, everything as an Excel workbook."""
    st.subheader(t("facilitator.export.heading", lang), anchor=False)
    base = f"workshop-{ws.code}"
    summary = t("workshop.export.sheet.summary", lang).lower()
    comments = t("workshop.export.sheet.comments", lang).lower()
    buttons: Sequence[tuple[str, str, str, str, str]] = (
        (EXPORT_SUMMARY, "facilitator.export.summary", "summary", f"{base}-{summary}.csv", "csv"),
        (
            EXPORT_COMMENTS,
            "facilitator.export.comments",
            "comments",
            f"{base}-{comments}.csv",
            "csv",
        ),
        (EXPORT_XLSX, "facilitator.export.xlsx", "xlsx", f"{base}.xlsx", "xlsx"),
    )
    mimes = {
        "csv": "text/csv",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    for column, (key, label, part, file_name, kind) in zip(
        st.columns(len(buttons)), buttons, strict=True
    ):
        with column:
            st.download_button(
                t(label, lang),
                data=partial(_export, con, ws.id, lang, part),
                file_name=file_name,
                mime=mimes[kind],
                key=key,
                on_click="ignore",
                icon=":material/download:",
                width="stretch",
            )
    st.caption(t("facilitator.export.caption", lang))


def consensus_section(con: Connection, ws: Workshop, lang: Lang) -> None:
    """Save the group's consensus as a local radar edition, and list those saved."""
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
            _warn(exc, lang)
        else:
            st.success(
                plain(t("facilitator.consensus.saved", lang, title=saved.title)),
                icon=":material/check_circle:",
            )
    saved_here = [e for e in workshop.list_local_editions(con, ws.area) if e.workshop_id == ws.id]
    if saved_here:
        st.caption(t("facilitator.consensus.list", lang))
        st.dataframe(
            pd.DataFrame(
                {
                    t("workshop.export.title", lang): [e.title for e in saved_here],
                    t("facilitator.consensus.saved_at", lang): [
                        _when(e.created_at) for e in saved_here
                    ],
                }
            ),
            hide_index=True,
            width="stretch",
        )


# --- participant ----------------------------------------------------------------------


def participant_page(lang: Lang) -> None:
    """The participant's phone: the code, joining, then one technology at a time.

    A wrong code or a closed workshop shows its message and nothing else.
    """
    st.html(PHONE_CSS)
    code = workshop.normalize_code(st.query_params.get(CODE, ""))
    if not code:
        st.header(t("participant.heading", lang), anchor=False)
        _code_form(lang)
        return
    con = ui_data.workshop_connection()
    try:
        ws = workshop.find_workshop(con, code)
    except workshop.WorkshopNotFoundError as exc:
        _warn(exc, lang)
        _code_form(lang)
        return
    except WorkshopError as exc:
        _warn(exc, lang)
        return
    st.header(plain(ws.title), anchor=False)
    st.caption(plain(_about(ws, lang)))
    try:
        participant = _known_participant(con, ws, lang)
        if participant is None:
            _join_form(con, ws, lang)
        else:
            _answer_form(con, ws, participant, lang)
    except (workshop.WorkshopClosedError, workshop.WorkshopNotFoundError) as exc:
        # Closed while the page was drawn: say so instead of a half-working form.
        _warn(exc, lang)


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


def _join_form(con: Connection, ws: Workshop, lang: Lang) -> None:
    st.markdown(t("participant.intro", lang))
    st.text_input(
        t("participant.name", lang),
        key=JOIN_NAME,
        max_chars=NAME_LIMIT,
        help=t("participant.name.help", lang),
    )
    if not st.button(t("participant.join", lang), key=JOIN_SUBMIT, type="primary", width="stretch"):
        return
    try:
        participant = workshop.join(con, ws.code, st.session_state.get(JOIN_NAME) or None)
    except WorkshopError as exc:
        _warn(exc, lang)
        return
    _tokens()[ws.id] = participant.token
    st.query_params[PARTICIPANT] = participant.token
    st.rerun()


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
                t(f"participant.{kind}", lang, technology=plain(name)),
                icon=":material/check_circle:",
            )
    elif kind == "ring":
        st.warning(t("participant.pick_ring", lang), icon=":material/info:")
    elif problem is not None:
        _warn(problem, lang)


def _summary(technology_id: str, lang: Lang) -> str:
    """The technology's one-line summary from the radar's catalogue ("" if not there).

    Only a help: the workshop itself needs nothing from the radar database.
    """
    try:
        technologies = ui_data.technologies(ui_data.db_path())
    except (store.DatabaseUnavailableError, duckdb.Error, ValueError):
        return ""
    found = technologies.get(technology_id)
    return found.summary(lang) if found else ""


def _answer_form(con: Connection, ws: Workshop, participant: Participant, lang: Lang) -> None:
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

    st.caption(
        plain(t("participant.joined_as", lang, name=participant.name))
        if participant.name
        else t("participant.joined_anonymous", lang)
    )
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
