"""The phone page behind real deployments: proxies, repeated joins, stray requests, languages.

Each test here reproduces something a review found on the phone page (/deltag):
a form refused behind a proxy that rewrites the Host, a second participant made
by joining twice, a stray GET landing on Streamlit's index, an error page in
Danish for an English phone, one title for every page, and a client address in
the log.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

import duckdb
import pytest
from phone_support import phone_client
from starlette.testclient import TestClient

from radar import workshop
from radar.model import Catalog
from radar.web import language
from radar.web.participant.forms import MAX_FORM_BYTES
from radar.web.participant.routes import COOKIE_PREFIX
from radar.workshop import WorkshopTechnology

AREA = "teknik-og-miljoe"
TECHNOLOGIES = (
    WorkshopTechnology("alfa", "AUT", "Alfa", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", "Beta", "Beta", "afvent"),
)
ANSWER = {"technology": "alfa", "ring": "klar", "lang": "da"}


#: The address the test client posts from: a proxy, where a test trusts it.
PROXY = ("10.0.0.2", 50000)


@pytest.fixture
def phone() -> Iterator[TestClient]:
    with phone_client("radar.kommune.dk", client=PROXY) as client:
        yield client


@pytest.fixture
def created(wcon: duckdb.DuckDBPyConnection, catalog: Catalog) -> workshop.Workshop:
    return workshop.create_workshop(
        wcon, title="Temadag", catalog=catalog, area=AREA, edition=2025, technologies=TECHNOLOGIES
    )


def _participants(wcon: duckdb.DuckDBPyConnection) -> int:
    row = wcon.cursor().execute("SELECT count(*) FROM participants").fetchone()
    return int(row[0]) if row else 0


def _answers(wcon: duckdb.DuckDBPyConnection) -> int:
    row = wcon.cursor().execute("SELECT count(*) FROM answers").fetchone()
    return int(row[0]) if row else 0


def _title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found, html
    return found.group(1).strip()


@pytest.mark.parametrize(
    "headers",
    [
        # A modern browser says it is the page's own form, whatever the proxy did to Host.
        {"origin": "https://radar.kommune.dk", "sec-fetch-site": "same-origin"},
        # The default port written out, or left out, is the same origin.
        {"origin": "http://radar.test:80"},
        # An older browser behind a trusted proxy that forwards the public name.
        {
            "origin": "https://radar.kommune.dk",
            "x-forwarded-host": "radar.kommune.dk",
            "x-forwarded-proto": "https",
        },
    ],
)
def test_the_page_s_own_form_is_accepted_behind_a_proxy(
    phone: TestClient,
    created: workshop.Workshop,
    wcon: duckdb.DuckDBPyConnection,
    monkeypatch: pytest.MonkeyPatch,
    headers: dict[str, str],
) -> None:
    monkeypatch.setenv("RADAR_TRUSTED_PROXIES", "10.0.0.0/8")
    assert phone.post("/deltag", data={"code": created.code}).status_code == 303
    reply = phone.post("/deltag/svar", data={"code": created.code, **ANSWER}, headers=headers)
    assert reply.status_code == 303, reply.text
    assert _answers(wcon) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "https://evil.example", "sec-fetch-site": "cross-site"},
        # A sibling site under the same domain is not the page itself.
        {"origin": "https://andet.kommune.dk", "sec-fetch-site": "same-site"},
        {"origin": "null"},
        {"origin": "http://radar.test:8080"},
        # A forwarded name is believed only from a trusted proxy, which this is not.
        {"origin": "https://evil.example", "x-forwarded-host": "evil.example"},
    ],
)
def test_a_form_from_elsewhere_is_still_refused(
    phone: TestClient,
    created: workshop.Workshop,
    wcon: duckdb.DuckDBPyConnection,
    headers: dict[str, str],
) -> None:
    assert phone.post("/deltag", data={"code": created.code}).status_code == 303
    reply = phone.post("/deltag/svar", data={"code": created.code, **ANSWER}, headers=headers)
    assert reply.status_code == 403
    assert _answers(wcon) == 0


def test_joining_again_with_the_phone_s_cookie_keeps_the_same_participant(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    first = phone.post("/deltag", data={"code": created.code})
    assert first.status_code == 303
    assert phone.post("/deltag/svar", data={"code": created.code, **ANSWER}).status_code == 303
    # Back to the join page and "Deltag" again (a double tap, the browser's back button).
    again = phone.post("/deltag", data={"code": created.code})
    assert again.status_code == 303
    assert _participants(wcon) == 1
    # Still the same participant: the answer given before is theirs.
    page = phone.get(again.headers["location"] + "&i=0")
    assert "checked" in page.text and "Du har svaret" in page.text


def test_a_stray_get_of_the_answer_address_leads_back_to_the_page(
    phone: TestClient, created: workshop.Workshop
) -> None:
    reply = phone.get(f"/deltag/svar?code={created.code}&lang=en")
    assert reply.status_code == 303
    assert reply.headers["location"] == f"../deltag?code={created.code}&lang=en"
    bare = phone.get("/deltag/svar")
    assert bare.status_code == 303 and bare.headers["location"] == "../deltag"
    # The points' address too (a reload after refused points, a shared link).
    points = phone.get(f"/deltag/point?code={created.code}")
    assert points.status_code == 303
    assert points.headers["location"] == f"../deltag?code={created.code}"


def test_a_form_the_page_cannot_read_answers_in_the_phone_s_language(
    phone: TestClient, created: workshop.Workshop
) -> None:
    phone.post("/deltag", data={"code": created.code, "lang": "en"})
    page = phone.get(f"/deltag?code={created.code}&lang=en")
    action = re.search(r'<form method="post" action="([^"]+)"', page.text)
    assert action, page.text
    body = b"core=" + b"x" * (MAX_FORM_BYTES + 1)
    reply = phone.post(
        "/deltag/" + action.group(1).removeprefix("deltag/"),
        content=body,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert reply.status_code == 413
    assert '<html lang="en">' in reply.text and "nothing was saved" in reply.text.lower()


def test_each_page_has_its_own_title(phone: TestClient, created: workshop.Workshop) -> None:
    code_title = _title(phone.get("/deltag").text)
    join_title = _title(phone.get(f"/deltag?code={created.code}").text)
    phone.post("/deltag", data={"code": created.code})
    first = _title(phone.get(f"/deltag?code={created.code}&i=0").text)
    second = _title(phone.get(f"/deltag?code={created.code}&i=1").text)
    titles = [code_title, join_title, first, second]
    assert len(set(titles)) == len(titles), titles
    assert "Temadag" in join_title and "Alfa" in first and "Beta" in second


def test_a_refused_form_logs_no_client_address(
    phone: TestClient, created: workshop.Workshop, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        reply = phone.post(
            "/deltag",
            data={"code": created.code},
            headers={"origin": "https://evil.example", "x-forwarded-for": "198.51.100.7"},
        )
    assert reply.status_code == 403
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "refused" in logged
    assert "198.51.100.7" not in logged and PROXY[0] not in logged


def test_the_phone_page_is_its_own_under_a_proxy_prefix() -> None:
    # Served under /radar (root_path), the page still gets no Streamlit rewrite.
    assert language.own_page({"path": "/radar/deltag", "root_path": "/radar"})
    assert language.own_page({"path": "/radar/deltag/svar", "root_path": "/radar"})
    assert language.own_page({"path": "/deltag", "root_path": ""})
    assert not language.own_page({"path": "/radar/", "root_path": "/radar"})
    assert not language.own_page({"path": "/deltagere", "root_path": ""})


def test_a_cookie_from_another_workshop_does_not_count_as_joined(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    phone.cookies.set(COOKIE_PREFIX + created.code, "not-a-token")
    assert phone.post("/deltag", data={"code": created.code}).status_code == 303
    assert _participants(wcon) == 1


def _words(fragment: str) -> str:
    """A fragment's text as a screen reader joins it: tags add no space of their own."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment))


def test_names_and_explanations_are_separate_words_without_the_style(
    phone: TestClient, created: workshop.Workshop
) -> None:
    phone.post("/deltag", data={"code": created.code})
    page = phone.get(f"/deltag?code={created.code}&i=0").text
    legend = re.search(r"<legend>(.*?)</legend>", page, re.S)
    assert legend and _words(legend.group(1)).startswith("Alfa "), legend
    choice = re.search(r'<label class="choice">(.*?)</label>', page, re.S)
    assert choice, page
    # "KLAR" and its explanation are two phrases, not "KLARTeknologien …".
    assert re.match(r"\s*KLAR[ :.]", _words(choice.group(1))), _words(choice.group(1))


# --- pages served by the posting routes (one folder down) ------------------------------------


def _links(html: str) -> list[str]:
    """Every address a page's links and forms lead to, as the page wrote them."""
    return re.findall(r'(?:href|action)="([^"]*)"', html)


def _resolved_from(path: str, html: str) -> set[str]:
    """Where the page's own links lead, for a page served at ``path`` (outside links left out)."""
    found = set()
    for link in _links(html):
        if link.startswith(("http:", "https:", "/")):
            continue
        found.add(urlsplit(urljoin("http://radar.test" + path, link)).path)
    return found


def test_pages_served_after_a_post_lead_back_to_the_phone_page_not_a_folder_below(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    # A stale key (the workshop's tokens dropped), a wrong code, a post from another site,
    # and the same for points: each page's links must lead to /deltag, as the page's own do.
    assert phone.post("/deltag", data={"code": created.code}).status_code == 303
    wcon.cursor().execute("UPDATE participants SET token = NULL")
    stale = phone.post("/deltag/svar", data={"code": created.code, **ANSWER})
    wrong = phone.post("/deltag/svar", data={"code": "ZZZZZZZZZZ", **ANSWER})
    elsewhere = phone.post(
        "/deltag/svar",
        data={"code": created.code, **ANSWER},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    points = phone.post("/deltag/point", data={"code": "ZZZZZZZZZZ", "lang": "da"})
    pages = {"stale": stale, "wrong": wrong, "elsewhere": elsewhere, "points": points}
    assert {name: r.status_code for name, r in pages.items()} == {
        "stale": 403,
        "wrong": 404,
        "elsewhere": 403,
        "points": 404,
    }
    for name, reply in pages.items():
        path = "/deltag/point" if name == "points" else "/deltag/svar"
        assert _resolved_from(path, reply.text) == {"/deltag"}, (name, _links(reply.text))
