"""Pacing a workshop: each technology open or closed, countdowns, the room led step by step,
the facilitator's phone remote key, and co-facilitators.

Against a fresh workshop database through the core's functions: what the
facilitator sets, what a participant's answer then meets, and what is stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from radar import workshop
from radar.auth import Role, SignIn, User
from radar.model import Catalog
from radar.store.workshops import WORKSHOP_STEPS
from radar.workshop import (
    QuestionClosedError,
    WorkshopClosedError,
    WorkshopInputError,
    WorkshopNotFoundError,
    WorkshopTechnology,
    limits,
)
from radar.workshop.pacing_texts import gate_text, remaining_text

AREA = "teknik-og-miljoe"
EDITION = 2025
NOW = datetime(2026, 12, 2, 13, 0, tzinfo=UTC)
HAND_MADE = (
    WorkshopTechnology("alfa", "AUT", "Alfa", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", "Beta", "Beta", "afvent"),
    WorkshopTechnology("gamma", "VT", "Gamma", "Gamma", None),
)
OWNER = User(name="Fie Facilitator", via=SignIn.PASSWORD, role=Role.FACILITATOR)
COLLEAGUE = User(name="Ole Kollega", via=SignIn.ACCOUNT, role=Role.FACILITATOR, account="ole")
VIEWER = User(name="Vera Viewer", via=SignIn.ACCOUNT, role=Role.VIEWER, account="vera")
EDITOR = User(name="Mette Redaktør", via=SignIn.ACCOUNT, role=Role.EDITOR, account="mette")


@pytest.fixture
def wcon(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = workshop.connect_workshops(tmp_path / "workshops.duckdb")
    yield connection
    connection.close()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """The workshops' clock, movable: ``clock[0] = ...``."""
    moment = [NOW]
    monkeypatch.setattr(workshop.clock, "now", lambda: moment[0])
    return moment


@pytest.fixture
def ws(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, clock: list[datetime]
) -> workshop.Workshop:
    return workshop.create_workshop(
        wcon,
        title="Temadag",
        catalog=catalog,
        area=AREA,
        edition=EDITION,
        technologies=HAND_MADE,
        created_by=OWNER,
    )


def _answers(wcon: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return wcon.cursor().execute("SELECT technology, ring FROM answers ORDER BY 1").fetchall()


def _open_ids(wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop) -> list[str]:
    fresh = workshop.get_workshop(wcon, ws.id)
    return [x for x in fresh.technology_ids if fresh.answerable(x)]


# --- open and closed --------------------------------------------------------------------


def test_every_technology_takes_answers_until_the_facilitator_closes_one(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    assert not ws.led and _open_ids(wcon, ws) == ["alfa", "beta", "gamma"]
    person = workshop.join(wcon, ws.code)
    workshop.submit_answer(wcon, ws.code, person.token, "alfa", "klar")
    closed = workshop.set_answers_open(wcon, ws.id, "beta", False)
    assert not closed.answerable("beta") and closed.answerable("alfa")
    with pytest.raises(QuestionClosedError) as caught:
        workshop.submit_answer(wcon, ws.code, person.token, "beta", "klar", answers={"core": "x"})
    assert caught.value.key == "workshop.error.question_closed"
    assert caught.value.message("da") == "Spørgsmålet om Beta er lukket."
    assert caught.value.message("en") == "The question about Beta is closed."
    # Refused and nothing stored; an earlier answer to another one stays.
    assert _answers(wcon) == [("alfa", "klar")]
    # Opened again, it takes the answer.
    workshop.set_answers_open(wcon, ws.id, "beta", True)
    workshop.submit_answer(wcon, ws.code, person.token, "beta", "afvent")
    assert _answers(wcon) == [("alfa", "klar"), ("beta", "afvent")]


def test_a_closed_technology_also_refuses_a_changed_answer(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    person = workshop.join(wcon, ws.code)
    workshop.submit_answer(wcon, ws.code, person.token, "alfa", "klar")
    workshop.set_answers_open(wcon, ws.id, "alfa", False)
    with pytest.raises(QuestionClosedError):
        workshop.submit_answer(wcon, ws.code, person.token, "alfa", "afvent")
    assert _answers(wcon) == [("alfa", "klar")]


def test_a_countdown_closes_the_technology_when_it_ends(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, clock: list[datetime]
) -> None:
    person = workshop.join(wcon, ws.code)
    counted = workshop.start_countdown(wcon, ws.id, "alfa", 60)
    assert counted.gate("alfa").closes_at == NOW + timedelta(seconds=60)
    # 13:01 UTC is 14:01 in Copenhagen in December.
    assert gate_text(counted, "alfa", "da") == "Lukker kl. 14.01"
    assert gate_text(counted, "alfa", "en") == "Closes at 14:01"
    clock[0] = NOW + timedelta(seconds=15)
    assert remaining_text(counted, "alfa", "da") == "Lukker om 0:45"
    workshop.submit_answer(wcon, ws.code, person.token, "alfa", "klar")
    clock[0] = NOW + timedelta(seconds=60)
    assert remaining_text(counted, "alfa", "da") == "Lukket"
    with pytest.raises(QuestionClosedError):
        workshop.submit_answer(wcon, ws.code, person.token, "alfa", "afvent")
    assert _answers(wcon) == [("alfa", "klar")]
    # The others are not touched by it.
    workshop.submit_answer(wcon, ws.code, person.token, "beta", "klar")


def test_only_the_offered_countdowns_start_and_a_closed_workshop_is_not_paced(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    assert limits.COUNTDOWN_SECONDS == (30, 60, 120, 300)
    for wrong in (0, 45, 3600, -30):
        with pytest.raises(WorkshopInputError):
            workshop.start_countdown(wcon, ws.id, "alfa", wrong)
    with pytest.raises(WorkshopInputError):
        workshop.start_countdown(wcon, ws.id, "omega", 30)
    with pytest.raises(WorkshopNotFoundError):
        workshop.set_answers_open(wcon, "0" * 32, "alfa", False)
    assert workshop.get_workshop(wcon, ws.id).gate("alfa").closes_at is None
    workshop.close_workshop(wcon, ws.id)
    for call in (
        lambda: workshop.lead(wcon, ws.id, True),
        lambda: workshop.set_answers_open(wcon, ws.id, "alfa", False),
        lambda: workshop.start_countdown(wcon, ws.id, "alfa", 30),
        lambda: workshop.new_remote_key(wcon, ws.id),
    ):
        with pytest.raises(WorkshopClosedError):
            call()


# --- led mode ---------------------------------------------------------------------------


def test_led_mode_opens_only_the_current_technology_and_steps_within_bounds(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    with pytest.raises(WorkshopInputError):
        workshop.step(wcon, ws.id, 1)  # not led: there is no "next"
    led = workshop.lead(wcon, ws.id, True)
    assert led.led and led.current_position == 1 and led.current_technology is not None
    assert led.current_technology.id == "alfa" and _open_ids(wcon, ws) == ["alfa"]
    # Forrige at the first changes nothing.
    assert workshop.step(wcon, ws.id, -1).current_position == 1
    moved = workshop.step(wcon, ws.id, 1)
    assert moved.current_position == 2 and _open_ids(wcon, ws) == ["beta"]
    assert workshop.step(wcon, ws.id, 1).current_position == 3
    # Næste at the last changes nothing.
    last = workshop.step(wcon, ws.id, 1)
    assert last.current_position == 3 and _open_ids(wcon, ws) == ["gamma"]
    assert workshop.go_to(wcon, ws.id, 99).current_position == 3
    back = workshop.step(wcon, ws.id, -1)
    assert back.current_position == 2 and _open_ids(wcon, ws) == ["beta"]


def test_in_led_mode_the_facilitator_may_open_another_technology_too(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    workshop.lead(wcon, ws.id, True)
    person = workshop.join(wcon, ws.code)
    with pytest.raises(QuestionClosedError):
        workshop.submit_answer(wcon, ws.code, person.token, "gamma", "klar")
    workshop.set_answers_open(wcon, ws.id, "gamma", True)
    assert _open_ids(wcon, ws) == ["alfa", "gamma"]
    workshop.submit_answer(wcon, ws.code, person.token, "gamma", "klar")
    # Stepping on closes the one left, not the one opened by hand.
    workshop.step(wcon, ws.id, 1)
    assert _open_ids(wcon, ws) == ["beta", "gamma"]
    # Off: every technology is open again, at the participants' own pace.
    free = workshop.lead(wcon, ws.id, False)
    assert not free.led and free.current_technology is None
    assert _open_ids(wcon, ws) == ["alfa", "beta", "gamma"]


def test_the_led_room_s_state_is_stored_with_the_workshop(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop, tmp_path: Path
) -> None:
    workshop.lead(wcon, ws.id, True)
    workshop.step(wcon, ws.id, 1)
    workshop.start_countdown(wcon, ws.id, "beta", 300)
    wcon.close()
    again = workshop.connect_workshops(tmp_path / "workshops.duckdb", read_only=True)
    try:
        stored = workshop.get_workshop(again, ws.id)
        assert stored.current_position == 2
        assert stored.gate("beta").closes_at == NOW + timedelta(minutes=5)
        assert not stored.gate("alfa").open and not stored.gate("gamma").open
    finally:
        again.close()


# --- the phone remote's key -------------------------------------------------------------


def test_the_remote_key_is_made_on_request_renewed_and_dropped_on_close(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    assert ws.remote_key is None
    first = workshop.new_remote_key(wcon, ws.id).remote_key
    assert first is not None and len(first) == 32 and first not in (ws.id, ws.projector_key)
    assert workshop.find_remote(wcon, first).id == ws.id
    second = workshop.new_remote_key(wcon, ws.id).remote_key
    assert second is not None and second != first
    # The old link stops working.
    with pytest.raises(WorkshopNotFoundError):
        workshop.find_remote(wcon, first)
    assert workshop.find_remote(wcon, second).id == ws.id
    for wrong in ("", ws.id, ws.projector_key, second[::-1]):
        with pytest.raises(WorkshopNotFoundError):
            workshop.find_remote(wcon, wrong)
    assert workshop.remote_link("https://radar.kommune.dk/", second) == (
        f"https://radar.kommune.dk/styr?k={second}"
    )
    workshop.close_workshop(wcon, ws.id)
    assert workshop.get_workshop(wcon, ws.id).remote_key is None
    with pytest.raises(WorkshopNotFoundError):
        workshop.find_remote(wcon, second)


# --- co-facilitators --------------------------------------------------------------------


def test_a_colleague_accepts_the_invitation_and_runs_the_workshop_but_cannot_manage_it(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    assert not workshop.may_run(ws, COLLEAGUE)
    assert workshop.workshops_of(wcon, COLLEAGUE) == ()
    invited = workshop.new_invitation(wcon, ws.id)
    assert invited.invite_key is not None and invited.invite_key != ws.projector_key
    joined = workshop.accept_invitation(wcon, invited.invite_key, COLLEAGUE)
    assert joined.co_facilitators == (workshop.CoFacilitator("ole", "account"),)
    assert workshop.may_run(joined, COLLEAGUE) and not workshop.may_manage(joined, COLLEAGUE)
    assert workshop.may_manage(joined, OWNER) and workshop.may_manage(joined, EDITOR)
    assert [w.id for w in workshop.workshops_of(wcon, COLLEAGUE)] == [ws.id]
    # Accepting again adds nobody twice; the owner opening it is not added.
    workshop.accept_invitation(wcon, invited.invite_key, COLLEAGUE)
    workshop.accept_invitation(wcon, invited.invite_key, OWNER)
    assert len(workshop.get_workshop(wcon, ws.id).co_facilitators) == 1
    # Another colleague of the same shown name but another account does not run it.
    namesake = User(name="Ole Kollega", via=SignIn.ACCOUNT, role=Role.FACILITATOR, account="ole2")
    assert not workshop.may_run(joined, namesake)
    # A co-facilitator who lost the facilitator role runs nothing.
    demoted = User(name="Ole Kollega", via=SignIn.ACCOUNT, role=Role.VIEWER, account="ole")
    assert not workshop.may_run(joined, demoted)


def test_only_facilitators_and_editors_accept_and_a_renewed_invitation_stops_the_old_link(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    old = workshop.new_invitation(wcon, ws.id).invite_key
    assert old is not None
    with pytest.raises(WorkshopInputError):
        workshop.accept_invitation(wcon, old, VIEWER)
    new = workshop.new_invitation(wcon, ws.id).invite_key
    assert new is not None and new != old
    with pytest.raises(WorkshopNotFoundError) as caught:
        workshop.accept_invitation(wcon, old, COLLEAGUE)
    assert "fornyet" in caught.value.message("da")
    for wrong in ("", ws.id, ws.projector_key):
        with pytest.raises(WorkshopNotFoundError):
            workshop.accept_invitation(wcon, wrong, COLLEAGUE)
    assert workshop.get_workshop(wcon, ws.id).co_facilitators == ()
    workshop.accept_invitation(wcon, new, EDITOR)
    assert workshop.get_workshop(wcon, ws.id).co_facilitators == (
        workshop.CoFacilitator("mette", "account"),
    )
    # Closing drops the invitation: no one joins a closed workshop's team by its old link.
    workshop.close_workshop(wcon, ws.id)
    with pytest.raises(WorkshopNotFoundError):
        workshop.accept_invitation(wcon, new, COLLEAGUE)


def test_an_invitation_stops_when_the_workshop_s_closing_time_passes_and_none_is_made_after(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, clock: list[datetime]
) -> None:
    timed = workshop.create_workshop(
        wcon,
        title="Temadag",
        catalog=catalog,
        area=AREA,
        edition=EDITION,
        technologies=HAND_MADE,
        created_by=OWNER,
        closes_at=NOW + timedelta(hours=2),
    )
    key = workshop.new_invitation(wcon, timed.id).invite_key
    assert key is not None
    clock[0] = NOW + timedelta(hours=3)
    # Ended by its closing time, not by hand: the old link adds nobody to its answers.
    with pytest.raises(WorkshopNotFoundError):
        workshop.accept_invitation(wcon, key, COLLEAGUE)
    assert workshop.get_workshop(wcon, timed.id).co_facilitators == ()
    # Nor does a fresh link of an ended or closed workshop.
    with pytest.raises(WorkshopClosedError):
        workshop.new_invitation(wcon, timed.id)
    workshop.close_workshop(wcon, timed.id)
    with pytest.raises(WorkshopClosedError):
        workshop.new_invitation(wcon, timed.id)
    assert workshop.get_workshop(wcon, timed.id).invite_key is None


def test_the_purge_drops_the_keys_of_a_workshop_that_ended_by_its_closing_time(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, clock: list[datetime]
) -> None:
    timed = workshop.create_workshop(
        wcon,
        title="Temadag",
        catalog=catalog,
        area=AREA,
        edition=EDITION,
        technologies=HAND_MADE,
        created_by=OWNER,
        closes_at=NOW + timedelta(hours=2),
    )
    workshop.new_remote_key(wcon, timed.id)
    workshop.new_invitation(wcon, timed.id)
    clock[0] = NOW + timedelta(hours=3)
    workshop.purge(wcon, 30)
    ended = workshop.get_workshop(wcon, timed.id)
    assert (ended.remote_key, ended.invite_key) == (None, None)


def test_the_owner_removes_a_co_facilitator_who_then_runs_nothing(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    key = workshop.new_invitation(wcon, ws.id).invite_key
    assert key is not None
    workshop.accept_invitation(wcon, key, COLLEAGUE)
    removed = workshop.remove_co_facilitator(wcon, ws.id, "ole", "account")
    assert removed.co_facilitators == () and not workshop.may_run(removed, COLLEAGUE)
    assert workshop.workshops_of(wcon, COLLEAGUE) == ()
    # Removing nobody changes nothing.
    assert workshop.remove_co_facilitator(wcon, ws.id, "ole", "account") == removed


def test_deleting_a_workshop_deletes_its_co_facilitators(
    wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    key = workshop.new_invitation(wcon, ws.id).invite_key
    assert key is not None
    workshop.accept_invitation(wcon, key, COLLEAGUE)
    assert workshop.table_counts(wcon)["workshop_facilitators"] == 1
    workshop.delete_workshop(wcon, ws.id, actor="facilitator")
    assert set(workshop.table_counts(wcon).values()) == {0}
    assert workshop.workshops_of(wcon, COLLEAGUE) == ()


def test_a_file_of_the_previous_schema_opens_with_every_technology_open(
    tmp_path: Path,
) -> None:
    """Step 006: a file from before pacing keeps its workshops as they were: all open, own pace."""
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute((Path(__file__).parent / "data" / "workshops_v2_schema.sql").read_text("utf-8"))
    old.execute("ALTER TABLE workshops ADD COLUMN results_visible BOOLEAN DEFAULT true")
    old.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    old.execute(
        "INSERT INTO workshops VALUES (?, 'ABCDEFGHJK', 'Temadag', ?, 'Teknik', 'Technical', "
        "2025, ?, NULL, NULL, ?, 'Fie Facilitator', 'password', false)",
        ["a" * 32, AREA, datetime(2026, 1, 5, 9, 0), "b" * 32],
    )
    old.execute(
        "INSERT INTO workshop_technologies VALUES (?, 'droner', 1, 'Droner', 'Drones', 'AUT', "
        "'klar')",
        ["a" * 32],
    )
    old.close()
    wcon = workshop.connect_workshops(path)
    try:
        migrated = workshop.get_workshop(wcon, "a" * 32)
        assert not migrated.results_visible and migrated.technology_ids == ("droner",)
        assert migrated.answerable("droner", datetime(2026, 1, 5, 10, 0, tzinfo=UTC))
        assert not migrated.led and migrated.remote_key is None and migrated.invite_key is None
        assert migrated.co_facilitators == ()
        assert "006_pacing_cofacilitators" in [step.name for step in WORKSHOP_STEPS]
    finally:
        wcon.close()
