"""The participants' phone page (/deltag): joining, answering, and every rule it keeps.

Driven through Starlette's test client on the project's own routes and the
browser-cookie middleware, against a fresh workshop database: what a phone
sends, what it gets back, and what is stored.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from phone_support import page_text, phone_client
from starlette.testclient import TestClient

from radar import workshop
from radar.i18n import t
from radar.model import Catalog
from radar.web.participant import pages
from radar.web.participant.forms import MAX_FORM_BYTES
from radar.web.participant.routes import COOKIE_PREFIX
from radar.workshop import COMMENT_LIMIT, WorkshopTechnology, limits

AREA = "teknik-og-miljoe"
HOSTILE = '<img src=x onerror="alert(1)">'
HAND_MADE = (
    WorkshopTechnology("alfa", "AUT", "Alfa på dansk: æøå", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", "Beta <b>fed</b>", "Beta", "afvent"),
    WorkshopTechnology("gamma", "VT", "Gamma", "Gamma", None),
)


@pytest.fixture
def phone() -> Iterator[TestClient]:
    """A phone's browser: its own cookies, the app's own routes and its whole middleware."""
    with phone_client() as client:
        yield client


@pytest.fixture
def created(wcon: duckdb.DuckDBPyConnection, catalog: Catalog) -> workshop.Workshop:
    return workshop.create_workshop(
        wcon,
        title=f"Temadag {HOSTILE}",
        catalog=catalog,
        area=AREA,
        edition=2025,
        technologies=HAND_MADE,
    )


def _answers(wcon: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str | None]]:
    return (
        wcon.cursor()
        .execute("SELECT technology, ring, answer_core FROM answers ORDER BY 1")
        .fetchall()
    )


def _join(phone: TestClient, code: str, lang: str = "da") -> None:
    reply = phone.post("/deltag", data={"code": code, "lang": lang})
    assert reply.status_code == 303, reply.text


def _answer(phone: TestClient, code: str, technology: str, **fields: str) -> object:
    return phone.post(
        "/deltag/svar", data={"code": code, "technology": technology, "lang": "da", **fields}
    )


def test_the_first_page_asks_for_the_code_in_danish_and_english(phone: TestClient) -> None:
    reply = phone.get("/deltag")
    assert reply.status_code == 200
    assert '<html lang="da">' in reply.text and "Workshopkode" in reply.text
    english = phone.get("/deltag?lang=en")
    assert '<html lang="en">' in english.text and "Workshop code" in english.text
    # The other language is one link away, from either.
    assert 'href="deltag?lang=en"' in reply.text and 'href="deltag?lang=da"' in english.text


def test_a_wrong_code_says_so_and_asks_again(phone: TestClient, wdb: Path) -> None:
    reply = phone.get("/deltag?code=ZZZZZ-ZZZZZ")
    assert reply.status_code == 404
    assert "ZZZZZZZZZZ" in reply.text and 'name="code"' in reply.text


def test_joining_sets_the_token_only_in_an_httponly_cookie(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    page = phone.get(f"/deltag?code={created.code}")
    assert page.status_code == 200 and "Deltag" in page.text
    reply = phone.post("/deltag", data={"code": created.code})
    assert reply.status_code == 303
    assert reply.headers["location"] == f"deltag?code={created.code}"
    cookie = next(c for c in reply.headers.get_list("set-cookie") if c.startswith(COOKIE_PREFIX))
    token = cookie.split(";", 1)[0].split("=", 1)[1]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=86400" in cookie
    stored = wcon.cursor().execute("SELECT token FROM participants").fetchall()
    assert stored == [(token,)]
    # The token is in no URL the phone is sent to or shown.
    question = phone.get(reply.headers["location"])
    assert token not in question.text and token not in reply.headers["location"]


def test_one_technology_per_screen_with_the_rings_explained_and_progress(
    phone: TestClient, created: workshop.Workshop
) -> None:
    _join(phone, created.code)
    page = phone.get(f"/deltag?code={created.code}").text
    words = page_text(page)
    assert "Alfa på dansk: æøå" in words and "Teknologi 1 af 3" in words
    assert "0 af 3 besvaret" in words
    for ring in ("KLAR", "AFPRØV", "HOLD ØJE", "AFVENT"):
        assert ring in words
    assert "vent med at investere" in words
    # Phase and the four questions are there but folded away.
    assert "<details>" in page and 'name="phase"' in page and 'name="core"' in page
    assert "Gem og næste" in words


def test_an_answer_is_one_post_stored_once_and_the_phone_moves_on(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    _join(phone, created.code)
    reply = _answer(phone, created.code, "alfa", ring="klar", core="Bedre tid")
    assert reply.status_code == 303
    assert reply.headers["location"] == f"../deltag?code={created.code}&i=1&saved=alfa"
    after = page_text(phone.get(f"/deltag?code={created.code}&i=1&saved=alfa").text)
    assert "Gemt. Dit svar om Alfa på dansk: æøå er gemt." in after
    assert "Teknologi 2 af 3" in after and "1 af 3 besvaret" in after
    # Answering again replaces: still one row.
    assert _answer(phone, created.code, "alfa", ring="afvent").status_code == 303
    assert _answers(wcon) == [("alfa", "afvent", None)]


def test_the_last_answer_leads_to_the_thanks(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    _join(phone, created.code)
    for technology in ("alfa", "beta", "gamma"):
        reply = _answer(phone, created.code, technology, ring="hold-oeje")
        assert reply.status_code == 303
    assert "&i=" not in reply.headers["location"]
    done = page_text(phone.get(f"/deltag?code={created.code}").text)
    assert "Du har svaret på alle 3 teknologier" in done
    assert len(_answers(wcon)) == 3


def test_without_a_ring_nothing_is_stored_and_nothing_typed_is_lost(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    _join(phone, created.code)
    reply = _answer(phone, created.code, "alfa", core="Mit lange svar", phase="ideas")
    assert reply.status_code == 422
    assert "Vælg en ring, før du gemmer." in reply.text
    assert ">Mit lange svar</textarea>" in reply.text
    assert re.search(r'value="ideas" checked', reply.text)
    assert _answers(wcon) == []


def test_an_overlong_comment_is_named_and_kept_and_nothing_is_stored(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    _join(phone, created.code)
    text = "x" * (COMMENT_LIMIT + 1)
    reply = _answer(phone, created.code, "alfa", ring="klar", work=text)
    assert reply.status_code == 422
    assert f"{COMMENT_LIMIT + 1} tegn" in reply.text and f">{text}</textarea>" in reply.text
    assert _answers(wcon) == []


def test_hostile_text_is_stored_as_text_and_shown_as_text(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    _join(phone, created.code)
    assert _answer(phone, created.code, "beta", ring="klar", core=HOSTILE).status_code == 303
    assert _answers(wcon) == [("beta", "klar", HOSTILE)]
    page = phone.get(f"/deltag?code={created.code}&i=1").text
    # The workshop's title, a technology's name and the comment: never markup.
    assert "<img" not in page and "<b>fed</b>" not in page
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    assert "Beta &lt;b&gt;fed&lt;/b&gt;" in page


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"technology": "omega", "ring": "klar"}, "«omega» er ikke med i denne workshop"),
        ({"technology": "alfa", "ring": "ydre"}, "«ydre» er ikke en ring på radaren"),
        ({"technology": "alfa", "ring": "klar", "phase": "fase9"}, "«fase9» er ikke en af"),
    ],
)
def test_a_tampered_answer_is_refused_with_its_reason(
    phone: TestClient,
    created: workshop.Workshop,
    wcon: duckdb.DuckDBPyConnection,
    fields: dict[str, str],
    problem: str,
) -> None:
    _join(phone, created.code)
    reply = phone.post("/deltag/svar", data={"code": created.code, **fields})
    assert reply.status_code == 422 and problem in reply.text
    assert _answers(wcon) == []


def test_a_phone_that_has_not_joined_cannot_answer(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    reply = _answer(phone, created.code, "alfa", ring="klar")
    assert reply.status_code == 403 and "blev ikke genkendt" in reply.text
    # Another phone's cookie name with a made-up token: the same.
    phone.cookies.set(COOKIE_PREFIX + created.code, "gaet-et-token")
    assert _answer(phone, created.code, "alfa", ring="klar").status_code == 403
    assert _answers(wcon) == []
    # The page offers to join instead, and the phone forgets the key that did not work.
    page = phone.get(f"/deltag?code={created.code}")
    assert page.status_code == 200 and 'action="deltag"' in page.text
    forgotten = [c for c in page.headers.get_list("set-cookie") if c.startswith(COOKIE_PREFIX)]
    assert len(forgotten) == 1 and "Max-Age=0" in forgotten[0]


def test_a_closed_workshop_takes_no_joins_and_no_answers(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    _join(phone, created.code)
    workshop.close_workshop(wcon, created.id)
    assert phone.get(f"/deltag?code={created.code}").status_code == 410
    reply = _answer(phone, created.code, "alfa", ring="klar")
    assert reply.status_code == 410 and "er lukket" in reply.text
    assert phone.post("/deltag", data={"code": created.code}).status_code == 410
    assert _answers(wcon) == []


def test_a_full_workshop_says_so(
    phone: TestClient, created: workshop.Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_PARTICIPANTS", 1)
    _join(phone, created.code)
    phone.cookies.delete(COOKIE_PREFIX + created.code)  # a second phone
    reply = phone.post("/deltag", data={"code": created.code})
    assert reply.status_code == 409 and "1 deltagere" in reply.text


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://angriber.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
    ],
)
def test_a_form_posted_from_another_site_is_refused(
    phone: TestClient,
    created: workshop.Workshop,
    wcon: duckdb.DuckDBPyConnection,
    headers: dict[str, str],
) -> None:
    _join(phone, created.code)
    reply = phone.post(
        "/deltag/svar",
        data={"code": created.code, "technology": "alfa", "ring": "klar"},
        headers=headers,
    )
    assert reply.status_code == 403 and "anden side" in reply.text
    assert phone.post("/deltag", data={"code": created.code}, headers=headers).status_code == 403
    assert _answers(wcon) == []
    # The page's own origin is welcome.
    same = phone.post(
        "/deltag/svar",
        data={"code": created.code, "technology": "alfa", "ring": "klar"},
        headers={"origin": "http://radar.test", "sec-fetch-site": "same-origin"},
    )
    assert same.status_code == 303


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"code=A&code=B", "application/x-www-form-urlencoded", 400),
        (b"code=\xff\xfe", "application/x-www-form-urlencoded", 400),
        (b'{"code": "A"}', "application/json", 400),
        (b"core=" + b"x" * (MAX_FORM_BYTES + 1), "application/x-www-form-urlencoded", 413),
    ],
)
def test_a_form_the_page_cannot_read_is_refused_with_a_message(
    phone: TestClient,
    created: workshop.Workshop,
    wcon: duckdb.DuckDBPyConnection,
    body: bytes,
    content_type: str,
    status: int,
) -> None:
    _join(phone, created.code)
    reply = phone.post("/deltag/svar", content=body, headers={"content-type": content_type})
    assert reply.status_code == status
    assert "intet blev gemt" in reply.text
    assert _answers(wcon) == []


def test_one_browser_joins_only_a_few_times_a_minute(
    phone: TestClient, created: workshop.Workshop
) -> None:
    phone.get("/deltag")  # the browser's id cookie, as a phone gets it on the first page
    for _ in range(limits.SESSION_JOINS_PER_MINUTE):
        _join(phone, created.code)
        # A fresh join each time: the workshop's cookie dropped, the browser's id kept.
        phone.cookies.delete(COOKIE_PREFIX + created.code)
    reply = phone.post("/deltag", data={"code": created.code})
    assert reply.status_code == 429 and "Vent et minut" in reply.text


def test_english_all_the_way(phone: TestClient, created: workshop.Workshop) -> None:
    _join(phone, created.code, lang="en")
    reply = phone.post(
        "/deltag/svar",
        data={"code": created.code, "technology": "alfa", "ring": "klar", "lang": "en"},
    )
    assert "lang=en" in reply.headers["location"]
    page = phone.get(reply.headers["location"].removeprefix("../").join(["/", ""])).text
    assert '<html lang="en">' in page and "Saved. Your answer about Alpha" in page_text(page)
    assert "Save and next" in page


def test_the_page_runs_no_script_and_no_cache_keeps_it(
    phone: TestClient, created: workshop.Workshop
) -> None:
    _join(phone, created.code)
    reply = phone.get(f"/deltag?code={created.code}")
    policy = reply.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert reply.headers["cache-control"] == "no-store"
    # Nothing of the Streamlit index's rewrite (its script, its style sheets) comes in.
    assert "<script" not in reply.text and reply.text.count("<style>") == 1
    # Light: the whole question page is a few kilobytes.
    assert len(reply.content) < 20_000, len(reply.content)


def test_the_page_s_relative_links_hold_under_a_proxy_prefix() -> None:
    # Every link and form action is relative, so /radar/deltag works as /deltag does.
    assert not pages.page_url("ABC", "da").startswith("/")
    assert not pages.ANSWER.startswith("/") and not pages.PAGE.startswith("/")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_code_and_join_pages_say_what_is_stored_and_for_how_long(
    phone: TestClient,
    created: workshop.Workshop,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    monkeypatch.setenv(limits.RETENTION_ENV_VAR, "30")
    for url in (f"/deltag?lang={lang}", f"/deltag?code={created.code}&lang={lang}"):
        words = page_text(phone.get(url).text)
        assert t("participant.privacy", lang) in words
        assert t("participant.privacy.text", lang, days=30) in words
        assert t("phone.cookie", lang) in words


@pytest.mark.parametrize("index", ["%C2%B2", "9" * 5000, "-1", "abc"])
def test_a_hostile_position_shows_the_first_open_question(
    phone: TestClient, created: workshop.Workshop, index: str
) -> None:
    # "²" passed isdigit() and crashed int(): a 500 for anyone who had joined.
    _join(phone, created.code)
    reply = phone.get(f"/deltag?code={created.code}&i={index}")
    assert reply.status_code == 200 and "Teknologi 1 af 3" in page_text(reply.text)


def test_a_made_up_saved_confirms_nothing(phone: TestClient, created: workshop.Workshop) -> None:
    _join(phone, created.code)
    page = phone.get(f"/deltag?code={created.code}&saved=alfa").text
    assert "Gemt." not in page


def test_an_unreachable_workshop_database_says_busy_instead_of_failing(
    phone: TestClient, created: workshop.Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    routes = importlib.import_module("radar.web.participant.routes")

    def locked() -> None:
        raise workshop.WorkshopStoreBusyError("held by another process")

    monkeypatch.setattr(routes, "_connection", locked)
    assert phone.get(f"/deltag?code={created.code}").status_code == 503
    assert phone.post("/deltag", data={"code": created.code}).status_code == 503
    reply = _answer(phone, created.code, "alfa", ring="klar")
    assert reply.status_code == 503 and "travlt" in reply.text


def test_a_workshop_closed_just_after_an_answer_keeps_the_answer(
    phone: TestClient,
    created: workshop.Workshop,
    wcon: duckdb.DuckDBPyConnection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _join(phone, created.code)
    submit = workshop.submit_answers

    def then_closed(*args: object, **kwargs: object) -> object:
        outcomes = submit(*args, **kwargs)  # type: ignore[arg-type]
        workshop.close_workshop(wcon, created.id)
        return outcomes

    monkeypatch.setattr(workshop, "submit_answers", then_closed)
    reply = _answer(phone, created.code, "alfa", ring="klar")
    assert reply.status_code == 303
    assert _answers(wcon) == [("alfa", "klar", None)]
    assert phone.get(reply.headers["location"].replace("../", "/")).status_code == 410
