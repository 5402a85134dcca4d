"""The facilitator's phone remote (/styr): its key, its cookie, its buttons and what it refuses.

Driven through Starlette's test client on the project's own routes and
middleware, as the phone page's tests are: what the facilitator's phone
sends, what it gets back, and what the workshop then is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import duckdb
import pytest
from phone_support import page_text, phone_client
from starlette.testclient import TestClient

from radar import workshop
from radar.model import Catalog
from radar.web.remote.routes import COOKIE_NAME
from radar.workshop import WorkshopTechnology

AREA = "teknik-og-miljoe"
HOSTILE = '<img src=x onerror="alert(1)">'
HAND_MADE = (
    WorkshopTechnology("alfa", "AUT", "Alfa", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", f"Beta {HOSTILE}", "Beta", "afvent"),
    WorkshopTechnology("gamma", "VT", "Gamma", "Gamma", None),
)


@pytest.fixture
def remote() -> Iterator[TestClient]:
    """The facilitator's phone: its own cookies, the app's own routes and whole middleware."""
    with phone_client() as client:
        yield client


@pytest.fixture
def ws(wcon: duckdb.DuckDBPyConnection, catalog: Catalog) -> workshop.Workshop:
    """An open workshop with a remote key."""
    created = workshop.create_workshop(
        wcon,
        title=f"Temadag {HOSTILE}",
        catalog=catalog,
        area=AREA,
        edition=2025,
        technologies=HAND_MADE,
    )
    return workshop.new_remote_key(wcon, created.id)


def _arrive(remote: TestClient, ws: workshop.Workshop) -> None:
    reply = remote.get(f"/styr?k={ws.remote_key}")
    assert reply.status_code == 303, reply.text


def _press(remote: TestClient, action: str, **headers: str) -> object:
    return remote.post("/styr", data={"action": action, "lang": "da"}, headers=headers)


def _now(wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop) -> workshop.Workshop:
    return workshop.get_workshop(wcon, ws.id)


def test_the_key_goes_into_a_strict_httponly_cookie_and_leaves_the_url(
    remote: TestClient, ws: workshop.Workshop
) -> None:
    reply = remote.get(f"/styr?k={ws.remote_key}")
    assert reply.status_code == 303
    assert reply.headers["location"] == "styr"
    assert ws.remote_key is not None and ws.remote_key not in reply.headers["location"]
    [cookie] = [c for c in reply.headers.get_list("set-cookie") if c.startswith(COOKIE_NAME)]
    assert f"{COOKIE_NAME}={ws.remote_key}" in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Max-Age=86400" in cookie
    page = remote.get("/styr")
    assert page.status_code == 200
    # The key is nowhere on the page; the workshop's title only as text.
    assert ws.remote_key not in page.text and ws.id not in page.text
    assert ws.projector_key not in page.text and ws.code not in page.text
    assert "<img" not in page.text and "Temadag &lt;img" in page.text
    words = page_text(page.text)
    assert "Deltagerne går i eget tempo." in words and "Styr tempoet herfra" in words


def test_the_remote_runs_no_script_and_is_left_as_written(
    remote: TestClient, ws: workshop.Workshop
) -> None:
    _arrive(remote, ws)
    page = remote.get("/styr")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert page.headers["cache-control"] == "no-store"
    assert "<script" not in page.text and page.text.count("<style>") == 1
    assert '<html lang="da">' in page.text
    english = remote.get("/styr?lang=en")
    assert '<html lang="en">' in english.text and "Set the pace from here" in english.text


@pytest.mark.parametrize("key", ["0" * 32, "ikke-en-nøgle", "A" * 32])
def test_a_wrong_key_is_not_found_and_sets_no_cookie(
    remote: TestClient, ws: workshop.Workshop, key: str
) -> None:
    reply = remote.get(f"/styr?k={key}")
    assert reply.status_code == 404 and "virker ikke" in reply.text
    assert COOKIE_NAME not in remote.cookies
    # Nor do the workshop's other keys open it.
    for other in (ws.id, ws.projector_key):
        assert remote.get(f"/styr?k={other}").status_code == 404


def test_without_a_key_the_remote_says_how_to_open_it(remote: TestClient) -> None:
    reply = remote.get("/styr")
    assert reply.status_code == 404 and "Ingen styring" in reply.text
    assert 'href="styr"' in reply.text  # "Prøv igen", from this site
    assert _press(remote, "next").status_code == 404


def test_a_new_key_stops_the_old_link_and_the_phone_that_held_it(
    remote: TestClient, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    _arrive(remote, ws)
    workshop.new_remote_key(wcon, ws.id)
    reply = remote.get("/styr")
    assert reply.status_code == 404
    assert any("Max-Age=0" in c for c in reply.headers.get_list("set-cookie"))
    assert _press(remote, "lead").status_code == 404
    assert not _now(wcon, ws).led


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://angriber.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
    ],
)
def test_a_button_posted_from_another_site_is_refused(
    remote: TestClient,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    headers: dict[str, str],
) -> None:
    _arrive(remote, ws)
    reply = _press(remote, "lead", **headers)
    assert reply.status_code == 403 and "anden side" in reply.text
    assert not _now(wcon, ws).led
    # The page's own origin is welcome.
    same = _press(remote, "lead", origin="http://radar.test", **{"sec-fetch-site": "same-origin"})
    assert same.status_code == 303 and _now(wcon, ws).led


def test_each_button_does_what_it_says(
    remote: TestClient, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    _arrive(remote, ws)
    # Stepping before leading does nothing, and says why.
    refused = _press(remote, "next")
    assert refused.status_code == 409 and "eget tempo" in page_text(refused.text)
    reply = _press(remote, "lead")
    assert reply.status_code == 303 and reply.headers["location"] == "styr"
    assert _now(wcon, ws).current_position == 1
    words = page_text(remote.get("/styr").text)
    assert "Spørgsmål 1 af 3" in words and "Alfa" in words and "Åben · 0 svar" in words
    assert _press(remote, "next").status_code == 303
    led = _now(wcon, ws)
    assert led.current_position == 2 and led.answerable("beta") and not led.answerable("alfa")
    page = remote.get("/styr").text
    # The technology's name, typed by someone, is text; "Næste" and "Forrige" both work here.
    assert "Beta &lt;img" in page and "<img" not in page and " disabled>" not in page
    assert _press(remote, "close").status_code == 303
    assert not _now(wcon, ws).answerable("beta")
    assert "Åbn spørgsmålet" in remote.get("/styr").text
    assert _press(remote, "open").status_code == 303
    assert _now(wcon, ws).answerable("beta")
    before = datetime.now(UTC)
    assert _press(remote, "countdown").status_code == 303
    ends = _now(wcon, ws).gate("beta").closes_at
    assert ends is not None and timedelta(seconds=55) < ends - before <= timedelta(seconds=61)
    assert "Lukker kl. " in page_text(remote.get("/styr").text)
    assert _press(remote, "results_hide").status_code == 303
    assert not _now(wcon, ws).results_visible
    assert "Projektoren viser ikke resultaterne." in page_text(remote.get("/styr").text)
    assert _press(remote, "results_show").status_code == 303
    assert _now(wcon, ws).results_visible
    assert _press(remote, "previous").status_code == 303
    assert _now(wcon, ws).current_position == 1
    # At the first, "Forrige" is disabled; pressed anyway, it changes nothing.
    assert re.search(r'value="previous" disabled', remote.get("/styr").text)
    assert _press(remote, "previous").status_code == 303
    assert _now(wcon, ws).current_position == 1


def test_the_remote_counts_the_answers_to_the_current_question_and_shows_no_comment(
    remote: TestClient, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    _arrive(remote, ws)
    workshop.lead(wcon, ws.id, True)
    person = workshop.join(wcon, ws.code)
    workshop.submit_answer(
        wcon, ws.code, person.token, "alfa", "klar", answers={"core": "Hemmelig"}
    )
    page = remote.get("/styr").text
    assert "1 svar på dette spørgsmål" in page_text(page)
    assert "Hemmelig" not in page and "KLAR" not in page


def test_a_made_up_button_changes_nothing(
    remote: TestClient, wcon: duckdb.DuckDBPyConnection, ws: workshop.Workshop
) -> None:
    _arrive(remote, ws)
    before = _now(wcon, ws)
    for action in ("delete", "export", ""):
        assert _press(remote, action).status_code == 400
    assert _now(wcon, ws) == before


def test_a_closed_workshop_is_not_run_from_the_phone(
    remote: TestClient,
    wcon: duckdb.DuckDBPyConnection,
    ws: workshop.Workshop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _arrive(remote, ws)
    # Past its closing time: the key still names it, but nothing is run.
    later = datetime.now(UTC) + timedelta(days=1)
    wcon.cursor().execute(
        "UPDATE workshops SET closes_at = ? WHERE id = ?",
        [(later - timedelta(hours=1)).replace(tzinfo=None), ws.id],
    )
    monkeypatch.setattr(workshop.clock, "now", lambda: later)
    reply = remote.get("/styr")
    assert reply.status_code == 410 and "er lukket" in reply.text
    assert _press(remote, "lead").status_code == 410
    assert not _now(wcon, ws).led
    # Closed by the facilitator: the key is dropped, the link is unknown.
    monkeypatch.undo()
    workshop.close_workshop(wcon, ws.id)
    assert remote.get("/styr").status_code == 404
    assert remote.get(f"/styr?k={ws.remote_key}").status_code == 404
