"""The phone page when the facilitator paces the workshop: closed technologies, countdowns,
the room led to one technology, and the waiting page.

Driven through Starlette's test client, as tests/features/test_phone_page.py is.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb
import pytest
from phone_support import page_text, phone_client
from starlette.testclient import TestClient

from radar import workshop
from radar.model import Catalog
from radar.workshop import WorkshopTechnology

AREA = "teknik-og-miljoe"
HAND_MADE = (
    WorkshopTechnology("alfa", "AUT", "Alfa", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", "Beta", "Beta", "afvent"),
    WorkshopTechnology("gamma", "VT", "Gamma", "Gamma", None),
)
#: 13:05 UTC is 14:05 in Copenhagen in December.
NOW = datetime(2026, 12, 2, 13, 4, tzinfo=UTC)


@pytest.fixture
def phone() -> Iterator[TestClient]:
    with phone_client() as client:
        yield client


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    moment = [NOW]
    monkeypatch.setattr(workshop.clock, "now", lambda: moment[0])
    return moment


@pytest.fixture
def ws(
    wcon: duckdb.DuckDBPyConnection, catalog: Catalog, clock: list[datetime]
) -> workshop.Workshop:
    return workshop.create_workshop(
        wcon, title="Temadag", catalog=catalog, area=AREA, edition=2025, technologies=HAND_MADE
    )


def _join(phone: TestClient, code: str) -> None:
    assert phone.post("/deltag", data={"code": code}).status_code == 303


def _answer(phone: TestClient, code: str, technology: str, **fields: str) -> Any:
    return phone.post(
        "/deltag/svar", data={"code": code, "technology": technology, "lang": "da", **fields}
    )


def _answers(wcon: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return wcon.cursor().execute("SELECT technology, ring FROM answers ORDER BY 1").fetchall()


def test_a_closed_technology_shows_as_closed_and_refuses_an_answer_keeping_the_draft(
    phone: TestClient, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    _join(phone, ws.code)
    workshop.set_answers_open(wcon, ws.id, "beta", False)
    first = phone.get(f"/deltag?code={ws.code}").text
    # Said in words in the list, never by colour alone.
    assert 'Beta</a> <span class="small">(Lukket)</span>' in first
    closed = phone.get(f"/deltag?code={ws.code}&i=1")
    words = page_text(closed.text)
    assert closed.status_code == 200 and "Spørgsmålet om Beta er lukket." in words
    assert 'name="ring"' not in closed.text and "Du har ikke svaret på den." in words
    # A phone that still had the form open: refused, nothing stored, nothing typed lost.
    reply = _answer(phone, ws.code, "beta", ring="klar", core="Mine lange tanker")
    assert reply.status_code == 409
    assert "Spørgsmålet om Beta er lukket." in page_text(reply.text)
    assert ">Mine lange tanker</textarea>" in reply.text and "readonly" in reply.text
    assert 'name="ring"' not in reply.text
    assert _answers(wcon) == []


def test_a_countdown_shows_when_the_question_closes_in_danish_time(
    phone: TestClient,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    clock: list[datetime],
) -> None:
    _join(phone, ws.code)
    workshop.start_countdown(wcon, ws.id, "alfa", 60)
    page = page_text(phone.get(f"/deltag?code={ws.code}").text)
    assert "Lukker kl. 14.05" in page and 'name="ring"' in phone.get(f"/deltag?code={ws.code}").text
    english = page_text(phone.get(f"/deltag?code={ws.code}&lang=en").text)
    assert "Closes at 14:05" in english
    assert _answer(phone, ws.code, "alfa", ring="klar").status_code == 303
    clock[0] = NOW + timedelta(seconds=61)
    assert _answer(phone, ws.code, "alfa", ring="afvent").status_code == 409
    assert _answers(wcon) == [("alfa", "klar")]
    assert "(Lukket)" in phone.get(f"/deltag?code={ws.code}").text


def test_in_led_mode_the_phone_goes_to_the_room_s_question_and_then_waits(
    phone: TestClient, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    _join(phone, ws.code)
    workshop.lead(wcon, ws.id, True)
    workshop.step(wcon, ws.id, 1)
    page = page_text(phone.get(f"/deltag?code={ws.code}").text)
    assert "Teknologi 2 af 3" in page and "Beta" in page
    reply = _answer(phone, ws.code, "beta", ring="klar")
    assert reply.status_code == 303
    # Not on to the next one: the page picks what is open.
    assert reply.headers["location"] == f"../deltag?code={ws.code}&saved=beta"
    waiting = phone.get(f"/deltag?code={ws.code}&saved=beta").text
    words = page_text(waiting)
    assert "Vent på, at facilitatoren åbner næste spørgsmål" in words
    assert "Dit svar om Beta er gemt" in words
    # No timed reload (WCAG 2.2.1): a small script asks every 5 s whether the page is still
    # a waiting page and only then moves on; without script, "Opdatér" does it by hand.
    assert "http-equiv" not in waiting
    assert f'data-wait-url="deltag?code={ws.code}" data-wait-seconds="5"' in waiting
    assert waiting.count("<script>") == 1
    policy = phone.get(f"/deltag?code={ws.code}").headers["content-security-policy"]
    assert "script-src 'sha256-" in policy and "connect-src 'self'" in policy
    assert "Siden skifter selv til næste spørgsmål, når det åbner." in words
    assert f'href="deltag?code={ws.code}">Opdatér</a>' in waiting
    # Moving on by itself can be turned off, and on again.
    assert f'href="deltag?code={ws.code}&amp;auto=0">Stop den automatiske opdatering' in waiting
    stopped = phone.get(f"/deltag?code={ws.code}&auto=0").text
    assert "<script" not in stopped and "Opdatér automatisk" in stopped
    # The facilitator steps on: the next reload shows the next question.
    workshop.step(wcon, ws.id, 1)
    moved = page_text(phone.get(f"/deltag?code={ws.code}").text)
    assert "Teknologi 3 af 3" in moved and "Gamma" in moved
    question = phone.get(f"/deltag?code={ws.code}")
    # A question page runs no script at all, and its policy allows none.
    assert "<script" not in question.text
    assert "script-src" not in question.headers["content-security-policy"]


def test_an_answer_sent_after_the_room_moved_on_is_refused_with_a_way_to_the_current_one(
    phone: TestClient, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    _join(phone, ws.code)
    workshop.lead(wcon, ws.id, True)
    assert "Alfa" in page_text(phone.get(f"/deltag?code={ws.code}").text)
    workshop.step(wcon, ws.id, 1)
    reply = _answer(phone, ws.code, "alfa", ring="klar", work="Noter")
    assert reply.status_code == 409
    assert ">Noter</textarea>" in reply.text
    # Served from the answer's address (/deltag/svar): the link goes one folder up.
    assert f'href="../deltag?code={ws.code}&amp;i=1">Gå til det aktuelle spørgsmål' in reply.text
    assert _answers(wcon) == []


def test_at_their_own_pace_a_phone_skips_closed_questions_and_waits_when_none_is_left(
    phone: TestClient, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    _join(phone, ws.code)
    workshop.set_answers_open(wcon, ws.id, "alfa", False)
    assert "Teknologi 2 af 3" in page_text(phone.get(f"/deltag?code={ws.code}").text)
    reply = _answer(phone, ws.code, "beta", ring="klar")
    assert reply.headers["location"] == f"../deltag?code={ws.code}&i=2&saved=beta"
    workshop.set_answers_open(wcon, ws.id, "gamma", False)
    reply = _answer(phone, ws.code, "beta", ring="afvent")
    # The next one is closed: the page picks, and with nothing open the phone waits.
    assert reply.headers["location"] == f"../deltag?code={ws.code}&saved=beta"
    assert "Vent på" in page_text(phone.get(f"/deltag?code={ws.code}").text)
