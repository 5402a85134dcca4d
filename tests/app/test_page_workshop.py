"""AppTest: the facilitator's workshop page (/workshop).

The participants' phone page is not Streamlit's: tests/features/test_phone_page.py.
"""

from __future__ import annotations

import html
import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest
from apptest_support import assert_clean
from signed_in import sign_in_as
from streamlit.testing.v1 import AppTest

from radar import workshop
from radar.auth import Role, User
from radar.i18n import sort_key, t
from radar.model import Catalog
from radar.ui.components import workshop_keys as ui
from radar.ui.components.text import plain
from radar.ui.components.workshop_live import live_figure
from radar.ui.screens import workshop as workshop_screen

FACILITATOR = "pages/workshop.py"
AREA = "teknik-og-miljoe"
EDITION = 2025
#: Few technologies keep the participant's page short.
TECHNOLOGIES = 3
DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")


@pytest.fixture(autouse=True)
def facilitator(monkeypatch: pytest.MonkeyPatch) -> User:
    """The facilitator's page needs a signed-in facilitator; the participant's needs none."""
    return sign_in_as(monkeypatch, Role.FACILITATOR, "Fie Facilitator")


@pytest.fixture
def ws(
    wcon: duckdb.DuckDBPyConnection,
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    facilitator: User,
) -> workshop.Workshop:
    """An open workshop about the first few technologies of the area, run by the facilitator."""
    return workshop.create_workshop(
        wcon,
        title="Temadag <b>*fed*</b>",
        catalog=catalog,
        area=AREA,
        edition=EDITION,
        technologies=workshop.area_technologies(con, AREA, EDITION)[:TECHNOLOGIES],
        created_by=facilitator,
    )


def _open(at: AppTest, page: str, **params: str) -> AppTest:
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page)
    return at.run()


def _texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in at.header] + [s.value for s in at.subheader]
    parts += [x.value for x in at.get("text")] + [x.value for x in at.get("code")]
    for kind in ("info", "warning", "success", "error"):
        parts += [x.value for x in at.get(kind)]
    return "\n".join(str(p) for p in parts)


def _keys(at: AppTest) -> set[str]:
    """The keys of every widget on the page."""
    kinds = ("button", "text_input", "text_area", "radio", "selectbox", "toggle", "multiselect")
    return {w.key for kind in kinds for w in at.get(kind) if w.key}


def _summary(at: AppTest) -> str:
    box = at.main.get("flex_container")
    found = [b for b in box if getattr(b, "key", None) == ui.LIVE_SUMMARY]
    assert found, "the live summary is missing"
    return found[0].markdown[0].value


def _answers(wcon: duckdb.DuckDBPyConnection) -> list[tuple]:
    return (
        wcon.cursor()
        .execute("SELECT technology, ring, phase, answer_core FROM answers ORDER BY technology")
        .fetchall()
    )


def _hidden_notice(at: AppTest) -> str | None:
    """The line saying the results are hidden from the projector, or None."""
    box = at.main.get("flex_container")
    found = [b for b in box if getattr(b, "key", None) == ui.RESULTS_HIDDEN]
    return found[0].info[0].value if found else None


def _answered(wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop) -> None:
    """Two of three participants answer; one of them comments."""
    first, second, _ = ws.technology_ids
    anna = workshop.join(wcon, ws.code)
    bo = workshop.join(wcon, ws.code)
    workshop.join(wcon, ws.code)
    workshop.submit_answer(wcon, ws.code, anna.token, first, "klar", "ideas", {"core": "Godt"})
    workshop.submit_answer(wcon, ws.code, anna.token, second, "afvent")
    workshop.submit_answer(wcon, ws.code, bo.token, first, "klar", "operation")


# --- the facilitator ---------------------------------------------------------


def _offered(con: duckdb.DuckDBPyConnection, area: str, lang: str = "da") -> list[str]:
    """The picker's options for an area: its technologies' names, sorted by Danish name."""
    listed = workshop.area_technologies(con, area, EDITION)
    return [x.label(lang) for x in sorted(listed, key=lambda x: (sort_key(x.name_da, "da"), x.id))]


@pytest.mark.parametrize(
    ("lang", "heading", "button", "search", "phones"),
    [
        ("da", "Opret en workshop", "Opret workshop", "Skriv for at søge", "5–12"),
        ("en", "Create a workshop", "Create workshop", "Type to search", "5–12"),
    ],
)
def test_the_create_form_offers_the_areas_technologies_with_none_chosen(
    app: AppTest,
    wdb: Path,
    con: duckdb.DuckDBPyConnection,
    lang: str,
    heading: str,
    button: str,
    search: str,
    phones: str,
) -> None:
    at = _open(app, FACILITATOR, lang=lang)
    assert_clean(at)
    assert heading in [h.value for h in at.header]
    assert at.button(key=ui.FORM_CREATE).label == button
    area = at.selectbox(key=ui.FORM_AREA).value
    edition = at.selectbox(key=ui.FORM_EDITION).value
    assert edition == EDITION
    picker = at.multiselect(key=ui.FORM_TECHNOLOGIES)
    # Nothing chosen for the facilitator; only the chosen area's technologies to choose from.
    assert picker.value == []
    assert picker.options == _offered(con, area, lang)
    # It says to type to search, and how many work on a phone.
    assert picker.proto.placeholder.startswith(search)
    assert phones in picker.help
    # Without ?id= the (empty) list of one's own workshops and the form.
    assert ui.LIVE_SUMMARY not in _texts(at)
    assert ui.MY_WORKSHOPS not in _keys(at)
    assert not at.get("image")


def test_switching_the_area_offers_its_technologies_and_keeps_the_chosen_it_has(
    app: AppTest, wdb: Path, con: duckdb.DuckDBPyConnection
) -> None:
    at = _open(app, FACILITATOR)
    at.selectbox(key=ui.FORM_AREA).set_value(AREA).run()
    assert_clean(at)
    assert at.multiselect(key=ui.FORM_TECHNOLOGIES).options == _offered(con, AREA)
    ours = {x.id for x in workshop.area_technologies(con, AREA, EDITION)}
    other = "social-og-sundhed"
    theirs = {x.id for x in workshop.area_technologies(con, other, EDITION)}
    shared, only_ours = sorted(ours & theirs)[0], sorted(ours - theirs)[0]
    at.multiselect(key=ui.FORM_TECHNOLOGIES).set_value([only_ours, shared]).run()
    assert "2 teknologier valgt" in _texts(at)
    at.selectbox(key=ui.FORM_AREA).set_value(other).run()
    assert_clean(at)
    picker = at.multiselect(key=ui.FORM_TECHNOLOGIES)
    assert picker.options == _offered(con, other)
    # What the new area's radar has stays chosen; the rest is not on offer any more.
    assert picker.value == [shared]
    # One, in the singular.
    assert "1 teknologi valgt" in _texts(at) and "1 teknologier" not in _texts(at)


def test_creating_with_no_technology_chosen_says_to_choose_one(app: AppTest, wdb: Path) -> None:
    at = _open(app, FACILITATOR, lang="en")
    at.text_input(key=ui.FORM_TITLE).input("Temadag").run()
    at.button(key=ui.FORM_CREATE).click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        plain("Choose at least one technology for the workshop.")
    ]
    assert "id" not in at.query_params
    wcon = workshop.connect_workshops(wdb)
    try:
        assert workshop.list_workshops(wcon) == ()
    finally:
        wcon.close()


def test_creating_a_workshop_switches_to_its_id_with_code_link_and_qr(
    app: AppTest, wdb: Path, con: duckdb.DuckDBPyConnection
) -> None:
    at = _open(app, FACILITATOR)
    at.selectbox(key=ui.FORM_AREA).set_value(AREA).run()
    at.text_input(key=ui.FORM_TITLE).input("Temadag i Teknik og miljø").run()
    # Chosen in this order (not the list's): participants get them in this order.
    chosen = [x.id for x in workshop.area_technologies(con, AREA, EDITION)][:3][::-1]
    at.multiselect(key=ui.FORM_TECHNOLOGIES).set_value(chosen).run()
    at.button(key=ui.FORM_CREATE).click().run()
    assert_clean(at)
    workshop_id = at.query_params["id"]
    assert re.fullmatch(r"[0-9a-f]{32}", workshop_id)
    wcon = workshop.connect_workshops(wdb)
    try:
        created = workshop.get_workshop(wcon, workshop_id)
    finally:
        wcon.close()
    assert created.title == "Temadag i Teknik og miljø"
    assert created.area == AREA and created.edition == EDITION
    assert created.technology_ids == tuple(chosen)
    assert created.closes_at is None and created.is_open()
    texts = _texts(at)
    assert plain(created.display_code) in texts
    assert workshop.join_link(workshop.DEFAULT_BASE_URL, created.code) in texts
    assert len(at.get("image")) == 1
    # It records who runs it; the projector gets a link of its own, without the id.
    assert (created.created_by, created.created_via) == ("Fie Facilitator", "password")
    [button] = at.get("link_button")
    assert button.proto.url.endswith(f"?projector={created.projector_key}&present=1")
    assert workshop_id not in button.proto.url


def test_a_workshop_with_a_closing_time_and_chosen_technologies(
    app: AppTest, wdb: Path, con: duckdb.DuckDBPyConnection
) -> None:
    at = _open(app, FACILITATOR)
    at.selectbox(key=ui.FORM_AREA).set_value(AREA).run()
    at.text_input(key=ui.FORM_TITLE).input("Kort").run()
    chosen = [x.id for x in workshop.area_technologies(con, AREA, EDITION)][:2]
    at.multiselect(key=ui.FORM_TECHNOLOGIES).set_value(chosen).run()
    at.toggle(key=ui.FORM_CLOSES).set_value(True).run()
    assert at.get("date_input") and at.get("time_input")
    at.button(key=ui.FORM_CREATE).click().run()
    assert_clean(at)
    wcon = workshop.connect_workshops(wdb)
    try:
        created = workshop.get_workshop(wcon, at.query_params["id"])
    finally:
        wcon.close()
    assert created.technology_ids == tuple(chosen)
    assert created.closes_at is not None and created.is_open()
    assert "Åben til" in _texts(at)


def test_the_create_form_reports_what_is_missing(app: AppTest, wdb: Path) -> None:
    at = _open(app, FACILITATOR, lang="en")
    at.button(key=ui.FORM_CREATE).click().run()
    assert not at.exception
    # Nothing filled in: the title is asked for first, as the form goes.
    assert [e.value for e in at.error] == [plain("Give the workshop a title.")]
    assert "id" not in at.query_params


@pytest.mark.parametrize("workshop_id", ["0" * 32, "not-an-id", "<script>"])
def test_an_unknown_id_is_explained(app: AppTest, wdb: Path, workshop_id: str) -> None:
    at = _open(app, FACILITATOR, id=workshop_id)
    assert_clean(at)
    assert "Workshoppen findes ikke" in at.info[0].value
    assert not at.get("image")
    at.button(key="ws_new").click().run()
    assert "id" not in at.query_params
    assert "Opret en workshop" in [h.value for h in at.header]


def test_the_live_view_counts_answers_given_through_the_core(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    at = _open(app, FACILITATOR, id=ws.id)
    assert_clean(at)
    assert _summary(at) == "0 svar fra 0 af 0 deltagere"
    first, second, _ = ws.technology_ids
    anna = workshop.join(wcon, ws.code)
    bo = workshop.join(wcon, ws.code)
    workshop.join(wcon, ws.code)  # joined, not answered
    workshop.submit_answer(
        wcon, ws.code, anna.token, first, "klar", "ideas", {"core": "**Ikke fed** <i>x</i>"}
    )
    workshop.submit_answer(wcon, ws.code, anna.token, second, "afvent")
    workshop.submit_answer(wcon, ws.code, bo.token, first, "klar", "operation")
    at.run()
    assert_clean(at)
    assert _summary(at) == "3 svar fra 2 af 3 deltagere"
    assert len(at.get("plotly_chart")) == 1
    # The comment is shown as typed, as plain text.
    assert "**Ikke fed** <i>x</i>" in [x.value for x in at.get("text")]
    # The phases reported: one in ideas, one in operation.
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[workshop.Phase("ideas").label()] == "1"
    assert metrics[workshop.Phase("operation").label()] == "1"
    # No participant's name anywhere on the facilitator's page.
    texts = _texts(at)
    assert "Anna" not in texts and "Carl" not in texts
    # Every technology has its row in the chart, the unanswered third one too.
    chart = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = chart["layout"]["yaxis"]["ticktext"]
    assert names == [html.escape(x.label(), quote=False) for x in ws.technologies]
    assert chart["layout"]["annotations"][2]["text"] == "Ingen svar endnu"


def test_the_live_chart_escapes_names_and_marks_the_official_ring(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    first = ws.technologies[0]
    for _ in range(2):
        participant = workshop.join(wcon, ws.code)
        workshop.submit_answer(wcon, ws.code, participant.token, first.id, "afproev")
    res = workshop.results(wcon, ws.id)
    fig = live_figure(res, "da")
    frames = fig.layout.shapes
    assert len(frames) == sum(1 for x in ws.technologies if x.official_ring)
    verdicts = [a.text for a in fig.layout.annotations]
    assert verdicts[0] == "✓ AFPRØV · Enige (100 %)"
    assert verdicts[1] == "Ingen svar endnu"
    assert list(fig.data[0].text[0]) == ["", "2", "", ""]


def test_projector_mode_shows_the_code_and_live_view_without_chrome_or_controls(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    at = _open(app, FACILITATOR, projector=ws.projector_key, present="1")
    assert_clean(at)
    assert _summary(at).startswith("0 svar")
    assert plain(ws.display_code) in _texts(at)
    assert len(at.get("image")) == 1
    keys = _keys(at)
    assert ui.CLOSE_CONFIRM not in keys and ui.CONSENSUS_SAVE not in keys
    assert ui.DELETE_CONFIRM not in keys and ui.FORM_CREATE not in keys
    assert not at.get("download_button") and not at.get("link_button")
    # The room sees the screen: never the workshop's id.
    assert ws.id not in _texts(at)


@pytest.mark.parametrize(
    ("lang", "hide", "show"),
    [("da", "Skjul resultater", "Vis resultater"), ("en", "Hide results", "Show results")],
)
def test_the_facilitator_hides_the_results_from_the_projector_and_still_sees_them(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    lang: str,
    hide: str,
    show: str,
) -> None:
    _answered(wcon, ws)
    at = _open(app, FACILITATOR, id=ws.id, lang=lang)
    assert_clean(at)
    assert at.button(key=ui.RESULTS_SWITCH).label == hide
    assert _hidden_notice(at) is None
    at.button(key=ui.RESULTS_SWITCH).click().run()
    assert_clean(at)
    assert not workshop.get_workshop(wcon, ws.id).results_visible
    assert at.button(key=ui.RESULTS_SWITCH).label == show
    # The facilitator still sees everything, marked as hidden from the projector.
    notice = _hidden_notice(at)
    assert notice is not None and ("projektoren" in notice or "projector" in notice)
    assert len(at.get("plotly_chart")) == 1 and at.metric
    assert "Godt" in [x.value for x in at.get("text")]
    at.button(key=ui.RESULTS_SWITCH).click().run()
    assert_clean(at)
    assert workshop.get_workshop(wcon, ws.id).results_visible
    assert at.button(key=ui.RESULTS_SWITCH).label == hide
    assert _hidden_notice(at) is None


def test_the_results_of_a_closed_workshop_can_be_revealed(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    workshop.set_results_visible(wcon, ws.id, False)
    workshop.close_workshop(wcon, ws.id)
    at = _open(app, FACILITATOR, id=ws.id)
    assert at.button(key=ui.RESULTS_SWITCH).label == "Vis resultater"
    at.button(key=ui.RESULTS_SWITCH).click().run()
    assert_clean(at)
    assert workshop.get_workshop(wcon, ws.id).results_visible


def test_while_hidden_the_projector_shows_how_many_answered_and_not_the_results(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    _answered(wcon, ws)
    workshop.set_results_visible(wcon, ws.id, False)
    at = _open(app, FACILITATOR, projector=ws.projector_key, present="1")
    assert_clean(at)
    assert _summary(at) == "3 svar fra 2 af 3 deltagere"
    assert _hidden_notice(at) == "Resultaterne vises, når facilitatoren viser dem."
    # Neither the distribution, nor the phases, nor the comments; and no control.
    assert not at.get("plotly_chart") and not at.metric
    assert "Godt" not in [x.value for x in at.get("text")]
    assert ui.RESULTS_SWITCH not in _keys(at)
    # The code stays, so latecomers still join.
    assert plain(ws.display_code) in _texts(at)
    # Revealed from the facilitator's laptop: the projector's next run shows them.
    workshop.set_results_visible(wcon, ws.id, True)
    at.run()
    assert_clean(at)
    assert _hidden_notice(at) is None
    assert len(at.get("plotly_chart")) == 1
    assert "Godt" in [x.value for x in at.get("text")]


def test_the_projector_of_a_closed_workshop_keeps_refreshing_to_follow_the_button(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Revealing usually comes after closing; the projector's browser must still hear of it."""
    refreshed: list[tuple[bool, bool]] = []
    shown = workshop_screen.live_view

    def spy(*args: Any, projector: bool, refresh: bool, **kwargs: Any) -> None:
        refreshed.append((projector, refresh))
        shown(*args, projector=projector, refresh=refresh, **kwargs)

    monkeypatch.setattr(workshop_screen, "live_view", spy)
    workshop.set_results_visible(wcon, ws.id, False)
    workshop.close_workshop(wcon, ws.id)
    at = _open(app, FACILITATOR, projector=ws.projector_key, present="1")
    assert_clean(at)
    assert refreshed == [(True, True)]


def test_the_controls_never_run_in_presenter_mode(app: AppTest, ws: workshop.Workshop) -> None:
    """An old ``?id=…&present=1`` link: the controls, in the normal frame, not for a projector."""
    at = _open(app, FACILITATOR, id=ws.id, present="1")
    assert_clean(at)
    assert "present" not in at.query_params
    assert ui.CLOSE_CONFIRM in _keys(at)


def test_closing_the_workshop_refuses_new_participants(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    at = _open(app, FACILITATOR, id=ws.id)
    at.button(key=ui.CLOSE_CONFIRM).click().run()
    assert_clean(at)
    assert workshop.get_workshop(wcon, ws.id).closed_at is not None
    with pytest.raises(workshop.WorkshopClosedError):
        workshop.join(wcon, ws.code)
    assert "Workshoppen er lukket" in _texts(at)
    assert ui.CLOSE_CONFIRM not in _keys(at)
    # The live view says so too; it no longer refreshes.
    assert "Lukket" in [c.value for c in at.caption]


def test_the_export_buttons_are_there(app: AppTest, ws: workshop.Workshop) -> None:
    at = _open(app, FACILITATOR, id=ws.id)
    assert_clean(at)
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == [
        "Oversigt (CSV)",
        "Kommentarer (CSV)",
        "Det hele (Excel)",
        "Rapport (PDF)",
    ]


def test_without_chromium_the_report_is_left_out_and_the_page_says_why(
    app: AppTest, ws: workshop.Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    from radar.ui.components import workshop_controls

    monkeypatch.setattr(workshop_controls, "find_chromium", lambda: None)
    at = _open(app, FACILITATOR, id=ws.id)
    assert_clean(at)
    assert "Rapport (PDF)" not in [b.proto.label for b in at.get("download_button")]
    assert t("facilitator.export.report_needs_chromium") in [c.value for c in at.caption]


def test_saving_the_consensus_creates_a_local_edition(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    at = _open(app, FACILITATOR, id=ws.id)
    # Nothing to save before anyone answered: the core's message, nothing stored.
    at.button(key=ui.CONSENSUS_SAVE).click().run()
    assert not at.exception
    assert at.warning[0].value.startswith("Ingen har svaret endnu")
    assert workshop.list_local_editions(wcon) == ()
    participant = workshop.join(wcon, ws.code)
    workshop.submit_answer(wcon, ws.code, participant.token, ws.technology_ids[0], "afproev")
    assert at.text_input(key=ui.CONSENSUS_TITLE).value == "Vores radar 2025, Teknik og miljø"
    at.button(key=ui.CONSENSUS_SAVE).click().run()
    assert_clean(at)
    saved = workshop.list_local_editions(wcon)
    assert [(e.title, e.workshop_id, e.area) for e in saved] == [
        ("Vores radar 2025, Teknik og miljø", ws.id, AREA)
    ]
    assert "Gemt som lokal udgave" in at.success[0].value
    placements = workshop.local_placements(wcon, saved[0].id)
    assert placements["ring"].tolist() == ["afproev"]
    # The same title again is refused with the core's message.
    at.button(key=ui.CONSENSUS_SAVE).click().run()
    assert at.warning and len(workshop.list_local_editions(wcon)) == 1


# --- comments held for approval ----------------------------------------------


def _box(at: AppTest, key: str) -> Any:
    """The container with this key, or None."""
    found = [b for b in at.get("flex_container") if getattr(b, "key", None) == key]
    return found[0] if found else None


def _wall(at: AppTest) -> list[str]:
    """The comment wall's texts (the cards of the live view)."""
    cards = [
        b for b in at.get("flex_container") if str(getattr(b, "key", "")).startswith(ui.WALL_CARD)
    ]
    return [x.value for card in cards for x in card.get("text")]


def _moderation_notice(at: AppTest) -> str | None:
    box = _box(at, ui.MODERATION_NOTICE)
    return box.caption[0].value if box is not None else None


def _queue_heading(at: AppTest) -> str:
    box = _box(at, ui.MODERATION_QUEUE)
    assert box is not None, "the moderation queue is missing"
    return box.subheader[0].value


def _comment(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, user: User, text: str
) -> workshop.CommentForReview:
    return next(c for c in workshop.comments_for_review(wcon, ws.id, user) if c.text == text)


@pytest.mark.parametrize("cleared", [False, True], ids=["as-offered", "box-cleared"])
def test_a_new_workshop_holds_its_comments_for_approval_unless_the_box_is_cleared(
    app: AppTest, wdb: Path, con: duckdb.DuckDBPyConnection, cleared: bool
) -> None:
    at = _open(app, FACILITATOR)
    box = at.checkbox(key=ui.FORM_MODERATED)
    # Checked as the form comes: a careful municipality reads the comments first.
    assert box.label == "Godkend kommentarer før de vises" and box.value is True
    at.selectbox(key=ui.FORM_AREA).set_value(AREA).run()
    at.text_input(key=ui.FORM_TITLE).input("Temadag").run()
    chosen = [x.id for x in workshop.area_technologies(con, AREA, EDITION)][:1]
    at.multiselect(key=ui.FORM_TECHNOLOGIES).set_value(chosen).run()
    if cleared:
        at.checkbox(key=ui.FORM_MODERATED).uncheck().run()
    at.button(key=ui.FORM_CREATE).click().run()
    assert_clean(at)
    wcon = workshop.connect_workshops(wdb)
    try:
        created = workshop.get_workshop(wcon, at.query_params["id"])
    finally:
        wcon.close()
    assert created.moderated is not cleared
    # The facilitator's page says which it is, on the switch.
    switch = "Godkend kommentarer før de vises" if cleared else "Vis kommentarer uden godkendelse"
    assert at.button(key=ui.MODERATION_SWITCH).label == switch


def test_the_queue_shows_the_pending_comment_and_godkend_moves_it_to_the_decided(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, facilitator: User
) -> None:
    workshop.set_moderated(wcon, ws.id, True, facilitator)
    person = workshop.join(wcon, ws.code)
    hostile = "**fed** <i>kursiv</i> :red[rød]"
    workshop.submit_answer(
        wcon, ws.code, person.token, ws.technology_ids[0], "klar", None, {"work": hostile}
    )
    comment = _comment(wcon, ws, facilitator, hostile)
    at = _open(app, FACILITATOR, id=ws.id)
    assert_clean(at)
    assert _queue_heading(at) == "Kommentarer til godkendelse (1)"
    card = _box(at, f"{ui.PENDING_CARD}_{comment.key}")
    assert card is not None
    # The technology and the question's theme; the text as typed, plain text.
    assert card.caption[0].value == plain(f"{ws.technologies[0].label()} · Opgaveløsning")
    assert [x.value for x in card.get("text")] == [hostile]
    assert [b.label for b in card.button] == ["Godkend", "Skjul"]
    # Not on the wall yet, which says why.
    assert hostile not in _wall(at)
    assert _moderation_notice(at) is not None

    at.button(key=f"{ui.APPROVE}_{comment.key}").click().run()
    assert_clean(at)
    assert _queue_heading(at) == "Kommentarer til godkendelse (0)"
    assert _box(at, f"{ui.PENDING_CARD}_{comment.key}") is None
    decided = _box(at, f"{ui.REVIEWED_CARD}_{comment.key}")
    assert decided is not None and "Godkendt" in decided.caption[0].value
    assert [b.label for b in decided.button] == ["Skjul"]
    assert [c.status for c in workshop.comments_for_review(wcon, ws.id, facilitator)] == [
        workshop.CommentStatus.APPROVED
    ]
    assert hostile in _wall(at)
    # And back: hidden, then approved again.
    at.button(key=f"{ui.HIDE}_{comment.key}").click().run()
    assert_clean(at)
    decided = _box(at, f"{ui.REVIEWED_CARD}_{comment.key}")
    assert "Skjult" in decided.caption[0].value
    assert [b.label for b in decided.button] == ["Godkend"]
    assert hostile not in _wall(at)
    at.button(key=f"{ui.APPROVE}_{comment.key}").click().run()
    assert hostile in _wall(at)


def test_approving_a_comment_the_participant_just_changed_says_so(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, facilitator: User
) -> None:
    workshop.set_moderated(wcon, ws.id, True, facilitator)
    person = workshop.join(wcon, ws.code)
    first = ws.technology_ids[0]
    workshop.submit_answer(wcon, ws.code, person.token, first, "klar", None, {"core": "Pæn"})
    comment = _comment(wcon, ws, facilitator, "Pæn")
    at = _open(app, FACILITATOR, id=ws.id)
    # Changed between the facilitator's reading and the click.
    workshop.submit_answer(wcon, ws.code, person.token, first, "klar", None, {"core": "Grim"})
    at.button(key=f"{ui.APPROVE}_{comment.key}").click().run()
    assert not at.exception
    assert "ændret kommentaren" in " ".join(w.value for w in at.warning)
    assert "Grim" not in _wall(at)
    assert "Grim" in [x.value for x in _box(at, f"{ui.PENDING_CARD}_{comment.key}").get("text")]


def test_the_switch_turns_moderation_off_and_on(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, facilitator: User
) -> None:
    _answered(wcon, ws)
    workshop.set_moderated(wcon, ws.id, True, facilitator)
    at = _open(app, FACILITATOR, id=ws.id)
    assert at.button(key=ui.MODERATION_SWITCH).label == "Vis kommentarer uden godkendelse"
    assert "Godt" not in _wall(at)
    at.button(key=ui.MODERATION_SWITCH).click().run()
    assert_clean(at)
    assert not workshop.get_workshop(wcon, ws.id).moderated
    assert at.button(key=ui.MODERATION_SWITCH).label == "Godkend kommentarer før de vises"
    assert "Godt" in _wall(at) and _moderation_notice(at) is None
    at.button(key=ui.MODERATION_SWITCH).click().run()
    assert workshop.get_workshop(wcon, ws.id).moderated


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("da", "Kommentarer vises, når facilitatoren har godkendt dem."),
        ("en", "Comments are shown once the facilitator has approved them."),
    ],
)
def test_moderated_the_projector_shows_only_the_approved_comments_and_says_so(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    facilitator: User,
    lang: str,
    line: str,
) -> None:
    workshop.set_moderated(wcon, ws.id, True, facilitator)
    person = workshop.join(wcon, ws.code)
    texts = {"core": "Godkendt tekst", "work": "Venter endnu", "skills": "Skjult tekst"}
    workshop.submit_answer(wcon, ws.code, person.token, ws.technology_ids[0], "klar", None, texts)
    workshop.approve_comment(wcon, _comment(wcon, ws, facilitator, "Godkendt tekst"), facilitator)
    workshop.hide_comment(wcon, _comment(wcon, ws, facilitator, "Skjult tekst"), facilitator)
    at = _open(app, FACILITATOR, projector=ws.projector_key, present="1", lang=lang)
    assert_clean(at)
    assert _wall(at) == ["Godkendt tekst"]
    assert _moderation_notice(at) == line
    # No queue and no button on the projector.
    assert _box(at, ui.MODERATION_QUEUE) is None
    assert not {k for k in _keys(at) if k.startswith((ui.APPROVE, ui.HIDE))}
    assert ui.MODERATION_SWITCH not in _keys(at)
    # Approved on the facilitator's laptop: the projector's next run shows it.
    workshop.approve_comment(wcon, _comment(wcon, ws, facilitator, "Venter endnu"), facilitator)
    at.run()
    assert sorted(_wall(at)) == ["Godkendt tekst", "Venter endnu"]
    # Results hidden: no comment at all, approved or not.
    workshop.set_results_visible(wcon, ws.id, False)
    at.run()
    assert _wall(at) == [] and _moderation_notice(at) is None


def test_unmoderated_the_projector_shows_every_comment_but_the_hidden_ones(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, facilitator: User
) -> None:
    assert not ws.moderated
    person = workshop.join(wcon, ws.code)
    texts = {"core": "Vist med det samme", "work": "Stødende"}
    workshop.submit_answer(wcon, ws.code, person.token, ws.technology_ids[0], "klar", None, texts)
    workshop.hide_comment(wcon, _comment(wcon, ws, facilitator, "Stødende"), facilitator)
    at = _open(app, FACILITATOR, projector=ws.projector_key, present="1")
    assert_clean(at)
    assert _wall(at) == ["Vist med det samme"]
    assert _moderation_notice(at) is None


def test_led_the_projector_shows_only_the_comments_the_room_may_see(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, facilitator: User
) -> None:
    workshop.set_moderated(wcon, ws.id, True, facilitator)
    person = workshop.join(wcon, ws.code)
    texts = {"core": "Godkendt tekst", "work": "Venter endnu", "skills": "Skjult tekst"}
    workshop.submit_answer(wcon, ws.code, person.token, ws.technology_ids[0], "klar", None, texts)
    workshop.approve_comment(wcon, _comment(wcon, ws, facilitator, "Godkendt tekst"), facilitator)
    workshop.hide_comment(wcon, _comment(wcon, ws, facilitator, "Skjult tekst"), facilitator)
    workshop.lead(wcon, ws.id, True)
    at = _open(app, FACILITATOR, projector=ws.projector_key, present="1")
    assert_clean(at)
    assert _box(at, ui.PROJECTOR_CURRENT) is not None
    # Led to the technology, the room still sees only what the facilitator approved.
    assert _wall(at) == ["Godkendt tekst"]


# --- the prioritising round and the consequence ratings --------------------------


def _box(at: AppTest, key: str) -> Any | None:
    """The keyed container on the page, or None."""
    found = [b for b in at.main.get("flex_container") if getattr(b, "key", None) == key]
    return found[0] if found else None


def _ranking(at: AppTest) -> list[list[object]]:
    """The ranking's table beside its chart: rank, technology, points, voters."""
    box = _box(at, ui.VOTING_TABLE)
    assert box is not None, "the ranking's table is missing"
    return box.table[0].value.values.tolist()


def _voted(wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop) -> None:
    """Two participants distribute their points; one of them rates the first technology."""
    first, second, third = ws.technology_ids
    anna = workshop.join(wcon, ws.code)
    bo = workshop.join(wcon, ws.code)
    workshop.submit_votes(wcon, ws.code, anna.token, {second: 4, first: 1})
    workshop.submit_votes(wcon, ws.code, bo.token, {second: 1, third: 2})
    workshop.submit_answer(
        wcon, ws.code, anna.token, first, "klar", ratings={"benefit": 5, "cost": 2}
    )
    workshop.submit_answer(wcon, ws.code, bo.token, first, "klar", ratings={"benefit": 4})


@pytest.mark.parametrize(
    ("lang", "open_label", "close_label"),
    [
        ("da", "Åbn prioriteringen (fordel 5 point)", "Luk prioriteringen"),
        ("en", "Open the prioritising round (5 points each)", "Close the prioritising round"),
    ],
)
def test_the_facilitator_opens_the_round_and_follows_the_ranking_and_ratings(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    lang: str,
    open_label: str,
    close_label: str,
) -> None:
    at = _open(app, FACILITATOR, id=ws.id, lang=lang)
    assert_clean(at)
    assert at.button(key=ui.VOTING_SWITCH).label == open_label
    assert t("facilitator.voting.none", lang) in [c.value for c in at.caption]
    at.button(key=ui.VOTING_SWITCH).click().run()
    assert_clean(at)
    assert workshop.get_workshop(wcon, ws.id).voting_open
    assert at.button(key=ui.VOTING_SWITCH).label == close_label
    _voted(wcon, ws)
    at.run()
    assert_clean(at)
    summary = _box(at, ui.VOTING_SUMMARY)
    assert summary is not None
    expected = t("facilitator.voting.summary", lang, points=8, voters=2, participants=2)
    assert summary.markdown[0].value == plain(expected)
    first, second, third = (x.label(lang) for x in ws.technologies)
    # Most points first: the second technology (5), then the third (2), then the first (1).
    assert _ranking(at) == [
        [1, plain(second), 5, 2],
        [2, plain(third), 2, 1],
        [3, plain(first), 1, 1],
    ]
    # The chart beside it has one bar per technology, in the ranking's order.
    chart = json.loads(at.get("plotly_chart")[-1].proto.spec)
    assert chart["data"][0]["x"] == [5, 2, 1]
    # The ratings: the first technology's means per dimension, with n.
    consequences = _box(at, ui.CONSEQUENCES_TABLE)
    assert consequences is not None
    [row] = consequences.table[0].value.values.tolist()
    decimal = "," if lang == "da" else "."
    assert row[1:3] == [plain(f"4{decimal}5 (n = 2)"), plain(f"2{decimal}0 (n = 1)")]
    # Closing the round keeps the points.
    at.button(key=ui.VOTING_SWITCH).click().run()
    assert not workshop.get_workshop(wcon, ws.id).voting_open
    assert _ranking(at)[0][2] == 5


def test_a_closed_workshop_offers_no_round_to_open(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    workshop.close_workshop(wcon, ws.id)
    at = _open(app, FACILITATOR, id=ws.id)
    assert_clean(at)
    assert ui.VOTING_SWITCH not in _keys(at)


def test_the_projector_shows_the_ranking_only_while_the_results_are_visible(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    at = _open(app, FACILITATOR, projector=ws.projector_key, present="1")
    assert_clean(at)
    # No round yet: nothing about it on the projector.
    assert _box(at, ui.VOTING_SUMMARY) is None
    workshop.set_voting_open(wcon, ws.id, True)
    _voted(wcon, ws)
    workshop.set_results_visible(wcon, ws.id, False)
    at.run()
    assert_clean(at)
    summary = _box(at, ui.VOTING_SUMMARY)
    assert summary is not None and summary.markdown[0].value.startswith("8 point fra 2")
    assert _box(at, ui.VOTING_TABLE) is None and not at.get("plotly_chart")
    assert ui.VOTING_SWITCH not in _keys(at)
    # Revealed: the ranking; never the consequence ratings, which are the facilitator's.
    workshop.set_results_visible(wcon, ws.id, True)
    at.run()
    assert_clean(at)
    assert _ranking(at)[0][2] == 5
    assert _box(at, ui.CONSEQUENCES_TABLE) is None


# --- pacing, the phone remote and co-facilitators --------------------------------


def _toggle(at: AppTest, label: str) -> Any:
    [found] = [w for w in at.toggle if w.label == label]
    return found


def test_the_facilitator_leads_the_room_opens_closes_and_counts_down(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    at = _open(app, FACILITATOR, id=ws.id)
    assert_clean(at)
    first, second, third = (x.label("da") for x in ws.technologies)
    assert "Deltagerne går i eget tempo." in _texts(at)
    assert not _toggle(at, "Jeg styrer tempoet").value
    _toggle(at, "Jeg styrer tempoet").set_value(True).run()
    assert_clean(at)
    led = workshop.get_workshop(wcon, ws.id)
    assert led.current_position == 1 and [x for x in led.technology_ids if led.answerable(x)] == [
        ws.technology_ids[0]
    ]
    assert _toggle(at, "Jeg styrer tempoet").value
    assert plain(f"Nu: {first} (1 af 3) · Åben") in _texts(at)
    assert at.button(key=ui.PACING_PREVIOUS).disabled
    at.button(key=ui.PACING_NEXT).click().run()
    assert_clean(at)
    assert workshop.get_workshop(wcon, ws.id).current_position == 2
    assert plain(f"Nu: {second} (2 af 3) · Åben") in _texts(at)
    # The third is closed in led mode; its button opens it, and names it.
    gate = at.button(key=f"{ui.PACING_GATE}_2")
    assert gate.label == f"Åbn {third}"
    gate.click().run()
    assert workshop.get_workshop(wcon, ws.id).answerable(ws.technology_ids[2])
    assert at.button(key=f"{ui.PACING_GATE}_2").label == f"Luk {third}"
    # The countdown follows the room: the current question, 30 s chosen.
    assert at.selectbox(key=ui.COUNTDOWN_TECHNOLOGY).value == ws.technology_ids[1]
    at.radio(key=ui.COUNTDOWN_LENGTH).set_value(30).run()
    at.button(key=ui.COUNTDOWN_START).click().run()
    assert_clean(at)
    ends = workshop.get_workshop(wcon, ws.id).gate(ws.technology_ids[1]).closes_at
    assert ends is not None and ends - workshop.clock.now() <= timedelta(seconds=30)
    assert plain("Lukker om 0:") in _texts(at)
    # Off: every question open again, at the participants' own pace.
    _toggle(at, "Jeg styrer tempoet").set_value(False).run()
    assert_clean(at)
    free = workshop.get_workshop(wcon, ws.id)
    assert not free.led and all(free.answerable(x) for x in free.technology_ids)


def test_the_projector_shows_the_led_technology_large_with_its_countdown(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _answered(wcon, ws)
    workshop.lead(wcon, ws.id, True)
    workshop.start_countdown(wcon, ws.id, ws.technology_ids[0], 60)
    started = workshop.clock.now()
    monkeypatch.setattr(workshop.clock, "now", lambda: started + timedelta(seconds=15))
    at = _open(app, FACILITATOR, projector=ws.projector_key, present="1")
    assert_clean(at)
    box = [
        b for b in at.main.get("flex_container") if getattr(b, "key", None) == ui.PROJECTOR_CURRENT
    ]
    assert box, "the current technology is missing"
    assert [s.value for s in box[0].subheader] == [plain(ws.technologies[0].label("da"))]
    assert "Spørgsmål 1 af 3" in [c.value for c in box[0].caption]
    assert box[0].markdown[0].value == plain("Lukker om 0:45 · 2 svar")
    # Its answers, one chart row; its comment; not the other technologies' answers.
    assert len(at.get("plotly_chart")) == 1
    assert "Godt" in [x.value for x in at.get("text")]
    monkeypatch.setattr(workshop.clock, "now", lambda: started + timedelta(seconds=61))
    at.run()
    box = [
        b for b in at.main.get("flex_container") if getattr(b, "key", None) == ui.PROJECTOR_CURRENT
    ]
    assert box[0].markdown[0].value == plain("Lukket · 2 svar")
    # Hidden results stay hidden in led mode too.
    workshop.set_results_visible(wcon, ws.id, False)
    at.run()
    assert not at.get("plotly_chart") and _hidden_notice(at)


def test_the_phone_remote_link_is_made_shown_folded_and_renewed(
    app: AppTest, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    at = _open(app, FACILITATOR, id=ws.id)
    assert ui.REMOTE_RENEW not in _keys(at)
    at.button(key=ui.REMOTE_MAKE).click().run()
    assert_clean(at)
    first = workshop.get_workshop(wcon, ws.id).remote_key
    assert first is not None
    links = [b.proto.url for b in at.get("link_button")]
    assert f"/styr?k={first}" in " ".join(links)
    at.button(key=ui.REMOTE_RENEW).click().run()
    second = workshop.get_workshop(wcon, ws.id).remote_key
    assert second not in (None, first)
    assert first not in " ".join(b.proto.url for b in at.get("link_button"))
    # The projector never shows it.
    projector = _open(app, FACILITATOR, projector=ws.projector_key, present="1")
    assert second not in _texts(projector)


def test_an_invited_colleague_runs_the_workshop_but_only_the_owner_deletes_or_invites(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at = _open(app, FACILITATOR, id=ws.id)
    at.button(key=ui.TEAM_MAKE).click().run()
    assert_clean(at)
    key = workshop.get_workshop(wcon, ws.id).invite_key
    assert key is not None and f"/workshop?join_as={key}" in _texts(at)
    # A second facilitator, signed in in their own browser, opens the invitation.
    sign_in_as(monkeypatch, Role.FACILITATOR, "Ole Kollega")
    colleague = _open(AppTest.from_file(DASHBOARD, default_timeout=60), FACILITATOR, join_as=key)
    assert_clean(colleague)
    assert "join_as" not in colleague.query_params
    assert colleague.query_params["id"] == ws.id
    assert "Du er nu medfacilitator på «Temadag" in _texts(colleague)
    # They run it: the pacing, closing and the results; not deleting, not inviting.
    assert {ui.CLOSE_CONFIRM, ui.PACING_GATE + "_0", ui.RESULTS_SWITCH} <= _keys(colleague)
    assert ui.DELETE_CONFIRM not in _keys(colleague) and ui.TEAM_MAKE not in _keys(colleague)
    assert t("team.co_note") in _texts(colleague)
    # It is in their list.
    del colleague.query_params["id"]
    colleague.run()
    [listed] = colleague.selectbox(key=ui.MY_WORKSHOPS).options
    assert listed.startswith(ws.title)
    # The owner sees them and removes them; then it is no workshop of theirs.
    sign_in_as(monkeypatch, Role.FACILITATOR, "Fie Facilitator")
    at.run()
    assert plain("Ole Kollega (fælles adgangskode)") in _texts(at)
    at.button(key=f"{ui.TEAM_REMOVE}_0").click().run()
    assert_clean(at)
    assert workshop.get_workshop(wcon, ws.id).co_facilitators == ()
    sign_in_as(monkeypatch, Role.FACILITATOR, "Ole Kollega")
    gone = _open(AppTest.from_file(DASHBOARD, default_timeout=60), FACILITATOR, id=ws.id)
    assert "Workshoppen findes ikke" in gone.info[0].value


def test_a_renewed_invitation_s_old_link_says_so_and_adds_nobody(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = workshop.new_invitation(wcon, ws.id).invite_key
    assert old is not None
    workshop.new_invitation(wcon, ws.id)
    sign_in_as(monkeypatch, Role.FACILITATOR, "Ole Kollega")
    at = _open(app, FACILITATOR, join_as=old)
    assert not at.exception
    assert "join_as" not in at.query_params and "id" not in at.query_params
    assert any("fornyet" in w.value for w in at.warning)
    assert workshop.get_workshop(wcon, ws.id).co_facilitators == ()
