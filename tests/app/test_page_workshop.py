"""AppTest: the facilitator's workshop page (/workshop).

The participants' phone page is not Streamlit's: tests/features/test_phone_page.py.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import duckdb
import pytest
from apptest_support import assert_clean
from signed_in import sign_in_as
from streamlit.testing.v1 import AppTest

from radar import workshop
from radar.auth import Role, User
from radar.i18n import t
from radar.model import Catalog
from radar.ui.components import workshop_keys as ui
from radar.ui.components.text import plain
from radar.ui.components.workshop_live import live_figure

FACILITATOR = "pages/workshop.py"
AREA = "teknik-og-miljoe"
EDITION = 2025
#: Few technologies keep the participant's page short.
TECHNOLOGIES = 3


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


# --- the facilitator ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "heading", "button"),
    [("da", "Opret en workshop", "Opret workshop"), ("en", "Create a workshop", "Create workshop")],
)
def test_the_create_form_renders_with_the_areas_technologies(
    app: AppTest, wdb: Path, con: duckdb.DuckDBPyConnection, lang: str, heading: str, button: str
) -> None:
    at = _open(app, FACILITATOR, lang=lang)
    assert_clean(at)
    assert heading in [h.value for h in at.header]
    assert at.button(key=ui.FORM_CREATE).label == button
    area = at.selectbox(key=ui.FORM_AREA).value
    edition = at.selectbox(key=ui.FORM_EDITION).value
    assert edition == EDITION
    expected = [x.id for x in workshop.area_technologies(con, area, edition)]
    assert at.multiselect(key=ui.FORM_TECHNOLOGIES).value == expected
    # Without ?id= the (empty) list of one's own workshops and the form.
    assert ui.LIVE_SUMMARY not in _texts(at)
    assert ui.MY_WORKSHOPS not in _keys(at)
    assert not at.get("image")


def test_changing_the_area_preselects_its_technologies(
    app: AppTest, wdb: Path, con: duckdb.DuckDBPyConnection
) -> None:
    at = _open(app, FACILITATOR)
    at.selectbox(key=ui.FORM_AREA).set_value(AREA).run()
    assert_clean(at)
    expected = [x.id for x in workshop.area_technologies(con, AREA, EDITION)]
    assert at.multiselect(key=ui.FORM_TECHNOLOGIES).value == expected
    assert f"{len(expected)} teknologier valgt" in _texts(at)


def test_creating_a_workshop_switches_to_its_id_with_code_link_and_qr(
    app: AppTest, wdb: Path, con: duckdb.DuckDBPyConnection
) -> None:
    at = _open(app, FACILITATOR)
    at.selectbox(key=ui.FORM_AREA).set_value(AREA).run()
    at.text_input(key=ui.FORM_TITLE).input("Temadag i Teknik og miljø").run()
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
    assert created.technology_ids == tuple(
        x.id for x in workshop.area_technologies(con, AREA, EDITION)
    )
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
    assert [e.value for e in at.error] == [plain("Give the workshop a title.")]
    assert "id" not in at.query_params
    at.text_input(key=ui.FORM_TITLE).input("Tom").run()
    at.multiselect(key=ui.FORM_TECHNOLOGIES).set_value([]).run()
    at.button(key=ui.FORM_CREATE).click().run()
    assert [e.value for e in at.error] == [
        plain("Choose at least one technology for the workshop.")
    ]


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
