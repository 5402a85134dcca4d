"""AppTest: the attacks on workshops replayed against the pages (attacks 3, 8 and 11).

3. Anyone could create workshops, join without limit and save a "consensus"
   every viewer then saw, which nobody could delete.
8. Nothing could be deleted in the app, and the join page said nothing about data.
11. The projector's URL held the facilitator's key.
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
import pytest
from apptest_support import assert_clean
from signed_in import sign_in_as
from streamlit.testing.v1 import AppTest

from radar import workshop
from radar.auth import Role, SignIn, User
from radar.i18n import t
from radar.model import Catalog
from radar.ui.components import workshop_keys as ui
from radar.ui.components.text import plain

FACILITATOR = "pages/workshop.py"
AREA = "teknik-og-miljoe"
EDITION = 2025
DASHBOARD = str(Path(__file__).resolve().parents[2] / "dashboard.py")
OWNER = User(name="Fie Facilitator", via=SignIn.PASSWORD, role=Role.FACILITATOR)


@pytest.fixture
def ws(
    wcon: duckdb.DuckDBPyConnection, con: duckdb.DuckDBPyConnection, catalog: Catalog
) -> workshop.Workshop:
    """An open workshop of two technologies, run by :data:`OWNER`."""
    return workshop.create_workshop(
        wcon,
        title="Temadag",
        catalog=catalog,
        area=AREA,
        edition=EDITION,
        technologies=workshop.area_technologies(con, AREA, EDITION)[:2],
        created_by=OWNER,
    )


def _open(at: AppTest, page: str, **params: str) -> AppTest:
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(page)
    return at.run()


def _keys(at: AppTest) -> set[str]:
    kinds = ("button", "text_input", "text_area", "radio", "selectbox", "toggle", "multiselect")
    return {w.key for kind in kinds for w in at.get(kind) if w.key}


def _everything(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [h.value for h in at.header] + [x.value for x in at.get("code")]
    parts += [x.value for x in at.get("text")]
    parts += [getattr(b.proto, "url", "") for b in at.get("link_button")]
    return "\n".join(str(p) for p in parts)


CONTROLS = {ui.CLOSE_CONFIRM, ui.CONSENSUS_SAVE, ui.DELETE_CONFIRM, ui.LOCAL_PUBLISH}


# --- attack 3: creating and running needs a facilitator -----------------------------


def test_without_signing_in_nobody_can_create_a_workshop(app: AppTest, wdb: Path) -> None:
    at = _open(app, FACILITATOR)
    assert not at.exception
    assert ui.FORM_CREATE not in _keys(at) and ui.FORM_TITLE not in _keys(at)
    assert t("auth.facilitators_only") in [w.value for w in at.warning]
    assert (
        not wdb.exists() or workshop.table_counts(workshop.connect_workshops(wdb))["workshops"] == 0
    )


def test_the_id_in_a_url_grants_no_control_without_signing_in(
    app: AppTest, ws: workshop.Workshop
) -> None:
    at = _open(app, FACILITATOR, id=ws.id)
    assert not at.exception
    assert not CONTROLS & _keys(at)
    assert not at.get("download_button")
    assert plain(ws.display_code) not in _everything(at) and ws.code not in _everything(at)


def test_another_facilitators_workshop_looks_like_no_workshop(
    app: AppTest, ws: workshop.Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in_as(monkeypatch, Role.FACILITATOR, "Ole Anden")
    at = _open(app, FACILITATOR, id=ws.id)
    assert_clean(at)
    assert "Workshoppen findes ikke" in at.info[0].value
    assert not CONTROLS & _keys(at) and not at.get("download_button")
    # Their own list does not have it either.
    del at.query_params["id"]
    assert ui.MY_WORKSHOPS not in _keys(at.run())


def test_a_facilitator_lists_and_opens_their_own_workshops(
    app: AppTest, ws: workshop.Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in_as(monkeypatch, Role.FACILITATOR, OWNER.name)
    at = _open(app, FACILITATOR)
    assert_clean(at)
    [listed] = at.selectbox(key=ui.MY_WORKSHOPS).options
    assert listed.startswith(f"{ws.title} · {ws.display_code} · Åben · oprettet ")
    at.button(key=ui.OPEN_WORKSHOP).click().run()
    assert_clean(at)
    assert at.query_params["id"] == ws.id
    assert ui.CLOSE_CONFIRM in _keys(at)


def test_an_editor_runs_any_workshop(
    app: AppTest, ws: workshop.Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in_as(monkeypatch, Role.EDITOR, "Mette Redaktør")
    at = _open(app, FACILITATOR)
    assert [ws.display_code in o for o in at.selectbox(key=ui.MY_WORKSHOPS).options] == [True]
    at = _open(app, FACILITATOR, id=ws.id)
    assert_clean(at)
    assert {ui.CLOSE_CONFIRM, ui.CONSENSUS_SAVE, ui.DELETE_CONFIRM} <= _keys(at)


def test_a_workshop_made_by_a_signed_in_facilitator_records_them(
    app: AppTest, wdb: Path, con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    sign_in_as(monkeypatch, Role.FACILITATOR, "Fie Facilitator")
    at = _open(app, FACILITATOR)
    at.selectbox(key=ui.FORM_AREA).set_value(AREA).run()
    at.text_input(key=ui.FORM_TITLE).input("Min workshop").run()
    first = workshop.area_technologies(con, AREA, EDITION)[0].id
    at.multiselect(key=ui.FORM_TECHNOLOGIES).set_value([first]).run()
    at.button(key=ui.FORM_CREATE).click().run()
    assert_clean(at)
    wcon = workshop.connect_workshops(wdb)
    try:
        [created] = workshop.workshops_of(wcon, OWNER)
    finally:
        wcon.close()
    assert created.id == at.query_params["id"] and created.title == "Min workshop"


# Joining is bounded on the phone page: tests/features/test_phone_page.py.


# --- attack 3: local radars are published by editors, deleted by their facilitator ---


def _answered(wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop) -> None:
    person = workshop.join(wcon, ws.code)
    first = ws.technology_ids[0]
    workshop.submit_answer(
        wcon, ws.code, person.token, first, "afproev", ratings={"benefit": 4, "cost": 2}
    )
    workshop.set_voting_open(wcon, ws.id, True)
    workshop.submit_votes(wcon, ws.code, person.token, {first: 3})


def test_a_facilitators_consensus_stays_private_until_an_editor_publishes_it(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _answered(wcon, ws)
    sign_in_as(monkeypatch, Role.FACILITATOR, OWNER.name)
    at = _open(app, FACILITATOR, id=ws.id)
    at.text_input(key=ui.CONSENSUS_TITLE).input("Alle skal se denne").run()
    at.button(key=ui.CONSENSUS_SAVE).click().run()
    assert_clean(at)
    [saved] = workshop.list_local_editions(wcon)
    assert not saved.published
    assert workshop.list_local_editions(wcon, AREA, published_only=True) == ()
    # The facilitator sees it (a chart of it) but may not publish it.
    assert ui.LOCAL_PUBLISH not in _keys(at)
    assert any(c.key == f"local_chart_{saved.id}" for c in at.get("plotly_chart"))
    sign_in_as(monkeypatch, Role.EDITOR, "Mette Redaktør")
    at.run()
    at.button(key=ui.LOCAL_PUBLISH).click().run()
    assert_clean(at)
    assert [e.id for e in workshop.list_local_editions(wcon, AREA, published_only=True)] == [
        saved.id
    ]
    at.button(key=ui.LOCAL_PUBLISH).click().run()
    assert workshop.list_local_editions(wcon, AREA, published_only=True) == ()


def test_the_facilitator_deletes_a_local_radar_after_confirming(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _answered(wcon, ws)
    saved = workshop.save_consensus(wcon, ws.id, "Vores radar")
    workshop.publish_local_edition(wcon, saved.id, True)
    sign_in_as(monkeypatch, Role.FACILITATOR, OWNER.name)
    at = _open(app, FACILITATOR, id=ws.id)
    at.button(key=ui.LOCAL_DELETE_CONFIRM).click().run()
    assert_clean(at)
    assert workshop.list_local_editions(wcon) == ()
    assert workshop.table_counts(wcon)["local_placements"] == 0
    assert ui.LOCAL_PICK not in _keys(at)


# --- attack 8: deleting a workshop in the app; the privacy notice -------------------


def test_the_facilitator_deletes_the_workshop_and_everything_in_it(
    app: AppTest,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _answered(wcon, ws)
    workshop.save_consensus(wcon, ws.id, "Vores radar")
    sign_in_as(monkeypatch, Role.FACILITATOR, OWNER.name)
    at = _open(app, FACILITATOR, id=ws.id)
    assert ui.DELETE_CONFIRM in _keys(at)
    with caplog.at_level(logging.INFO, logger="radar"):
        at.button(key=ui.DELETE_CONFIRM).click().run()
    assert_clean(at)
    assert set(workshop.table_counts(wcon).values()) == {0}
    assert "id" not in at.query_params
    assert [s.value for s in at.success] == [
        plain(
            t(
                "facilitator.deleted",
                title="Temadag",
                participants=1,
                answers=1,
                ratings=2,
                votes=1,
                local=1,
            )
        )
    ]
    [line] = [r.getMessage() for r in caplog.records if "deleted by" in r.getMessage()]
    assert repr(ws.id) in line and "'facilitator'" in line
    assert "Temadag" not in line and OWNER.name not in line


# --- attack 11: the projector's link ----------------------------------------------------


def test_the_projector_link_holds_no_facilitator_id_and_gives_no_controls(
    app: AppTest, ws: workshop.Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as signed_in:
        sign_in_as(signed_in, Role.FACILITATOR, OWNER.name)
        at = _open(app, FACILITATOR, id=ws.id)
        [button] = at.get("link_button")
    link = button.proto.url
    assert ws.id not in link and ws.projector_key in link
    query = dict(part.split("=") for part in link.split("?", 1)[1].split("&"))
    assert set(query) == {ui.PROJECTOR_KEY, "present"}
    # Opened on the projector, by nobody signed in.
    projector = _open(AppTest.from_file(DASHBOARD, default_timeout=60), FACILITATOR, **query)
    assert_clean(projector)
    assert plain(ws.display_code) in _everything(projector)
    assert not CONTROLS & _keys(projector) and not projector.get("download_button")
    assert ws.id not in _everything(projector)
    # Guessing at the projector key opens nothing.
    wrong = _open(
        AppTest.from_file(DASHBOARD, default_timeout=60),
        FACILITATOR,
        projector=ws.projector_key[::-1],
    )
    assert_clean(wrong)
    assert plain(ws.display_code) not in _everything(wrong) and ws.code not in _everything(wrong)
