"""The phone page's prioritising screen (POST /deltag/point) and consequence rating.

Driven through Starlette's test client on the project's own routes and
middleware, against a fresh workshop database, as tests/features/test_phone_page.py
does: what a phone sends, what it gets back, and what is stored.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator
from typing import Any

import duckdb
import pytest
from phone_support import page_text, phone_client
from starlette.testclient import TestClient

from radar import workshop
from radar.model import Catalog
from radar.web.participant.routes import COOKIE_PREFIX
from radar.workshop import WorkshopTechnology

AREA = "teknik-og-miljoe"
HOSTILE = '<img src=x onerror="alert(1)">'
HAND_MADE = (
    WorkshopTechnology("alfa", "AUT", "Alfa på dansk: æøå", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", f"Beta {HOSTILE}", "Beta", "afvent"),
    WorkshopTechnology("gamma", "VT", "Gamma", "Gamma", None),
)


@pytest.fixture
def phone() -> Iterator[TestClient]:
    """A phone's browser: its own cookies, the app's own routes and its whole middleware."""
    with phone_client() as client:
        yield client


@pytest.fixture
def created(wcon: duckdb.DuckDBPyConnection, catalog: Catalog) -> workshop.Workshop:
    """An open workshop whose prioritising round is open."""
    made = workshop.create_workshop(
        wcon,
        title=f"Temadag {HOSTILE}",
        catalog=catalog,
        area=AREA,
        edition=2025,
        technologies=HAND_MADE,
    )
    return workshop.set_voting_open(wcon, made.id, True)


def _votes(wcon: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    return wcon.cursor().execute("SELECT technology, points FROM votes ORDER BY 1").fetchall()


def _ratings(wcon: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    return (
        wcon.cursor()
        .execute("SELECT technology, dimension, score FROM ratings ORDER BY 1, 2")
        .fetchall()
    )


def _join(phone: TestClient, code: str) -> None:
    assert phone.post("/deltag", data={"code": code}).status_code == 303


def _points(
    phone: TestClient, code: str, headers: dict[str, str] | None = None, **points: str
) -> Any:
    """Post a phone's points: technology id to the select's value."""
    fields = {"code": code, "lang": "da", **{f"points-{k}": v for k, v in points.items()}}
    return phone.post("/deltag/point", data=fields, headers=headers or {})


def _selected(page: str, technology: str) -> str:
    """The option shown as chosen in a technology's select."""
    select = re.search(rf'name="points-{technology}"[^>]*>(.*?)</select>', page, re.S)
    assert select, f"no select for {technology}"
    chosen = re.search(r'<option value="(\d)" selected>', select.group(1))
    return chosen.group(1) if chosen else "0"


# --- the prioritising screen -----------------------------------------------------------


def test_the_screen_lists_every_technology_with_a_labelled_choice_of_0_to_5(
    phone: TestClient, created: workshop.Workshop
) -> None:
    _join(phone, created.code)
    # Reached from the list of technologies.
    first = phone.get(f"/deltag?code={created.code}").text
    assert f'href="deltag?code={created.code}&amp;point=1"' in first
    assert "Prioritér: fordel 5 point" in page_text(first)
    page = phone.get(f"/deltag?code={created.code}&point=1")
    assert page.status_code == 200
    words = page_text(page.text)
    assert "Prioritering: fordel 5 point" in words
    assert "Gemt: 0 af 5 point fordelt; 5 tilbage." in words
    for index, item in enumerate(HAND_MADE, start=1):
        label = re.search(rf'<label for="points-{index}">([^<]*)</label>', page.text)
        assert label and htmllib.unescape(label.group(1)) == item.name_da
        assert f'<select id="points-{index}" name="points-{item.id}"' in page.text
        assert _selected(page.text, item.id) == "0"
    assert re.findall(r'<option value="(\d)"', page.text)[:6] == ["0", "1", "2", "3", "4", "5"]
    assert 'action="deltag/point"' in page.text and "<script" not in page.text


def test_saving_points_is_one_post_and_the_screen_then_says_what_is_left(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    _join(phone, created.code)
    reply = _points(phone, created.code, alfa="3", beta="1", gamma="0")
    assert reply.status_code == 303
    assert reply.headers["location"] == f"../deltag?code={created.code}&point=gemt"
    assert _votes(wcon) == [("alfa", 3), ("beta", 1)]
    after = phone.get(reply.headers["location"].replace("../", "/"))
    words = page_text(after.text)
    assert "Gemt. Dine point er gemt." in words
    assert "Gemt: 4 af 5 point fordelt; 1 tilbage." in words
    assert _selected(after.text, "alfa") == "3" and _selected(after.text, "beta") == "1"
    # Saving again replaces every earlier point.
    assert _points(phone, created.code, gamma="5").status_code == 303
    assert _votes(wcon) == [("gamma", 5)]


def test_over_the_budget_says_so_and_shows_the_form_as_sent(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    _join(phone, created.code)
    _points(phone, created.code, alfa="2")
    reply = _points(phone, created.code, alfa="3", beta="4", gamma="0")
    assert reply.status_code == 422
    assert "Du har fordelt 7 point; du har 5." in page_text(reply.text)
    assert 'role="alert"' in reply.text
    assert _selected(reply.text, "alfa") == "3" and _selected(reply.text, "beta") == "4"
    # Nothing was stored: the earlier points stand, and the screen says so.
    assert _votes(wcon) == [("alfa", 2)]
    assert "Gemt: 2 af 5 point fordelt; 3 tilbage." in page_text(reply.text)
    # Served at /deltag/point, its form and links still reach the page's routes.
    assert 'action="../deltag/point"' in reply.text
    assert f'href="../deltag?code={created.code}"' in reply.text


@pytest.mark.parametrize(
    ("points", "problem"),
    [
        ({"omega": "1"}, "«omega» er ikke med i denne workshop"),
        ({"alfa": "9"}, "kan få fra 0 til 5 point; «9»"),
        ({"alfa": "-1"}, "«-1» er ikke et af dem"),
        ({"alfa": "x" * 5000}, "«xxxxxxxxxxxxxxxxxxxx» er ikke et af dem"),
    ],
)
def test_a_tampered_number_or_technology_is_refused_with_its_reason(
    phone: TestClient,
    created: workshop.Workshop,
    wcon: duckdb.DuckDBPyConnection,
    points: dict[str, str],
    problem: str,
) -> None:
    _join(phone, created.code)
    reply = _points(phone, created.code, **points)
    assert reply.status_code == 422 and problem in page_text(reply.text)
    assert _votes(wcon) == []


def test_a_refused_number_names_the_technology_in_the_phones_language(
    phone: TestClient, created: workshop.Workshop
) -> None:
    _join(phone, created.code)
    fields = {"code": created.code, "lang": "en", "points-alfa": "9"}
    english = phone.post("/deltag/point?lang=en", data=fields)
    assert english.status_code == 422
    assert "“Alpha” can get from 0 to 5 points" in page_text(english.text)
    danish = _points(phone, created.code, alfa="9")
    assert "«Alfa på dansk: æøå» kan få fra 0 til 5 point" in page_text(danish.text)


def test_without_the_cookie_no_points_are_stored_and_the_phone_is_asked_to_join(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    reply = _points(phone, created.code, alfa="1")
    assert reply.status_code == 403 and "blev ikke genkendt" in reply.text
    # Served from /deltag/point: its join form leads one folder up, to /deltag.
    assert 'action="../deltag"' in reply.text
    phone.cookies.set(COOKIE_PREFIX + created.code, "gaet-et-token")
    assert _points(phone, created.code, alfa="1").status_code == 403
    assert phone.get(f"/deltag?code={created.code}&point=1").status_code == 200
    assert _votes(wcon) == []


@pytest.mark.parametrize(
    "headers",
    [{"origin": "https://angriber.example"}, {"origin": "null"}, {"sec-fetch-site": "cross-site"}],
)
def test_points_posted_from_another_site_are_refused(
    phone: TestClient,
    created: workshop.Workshop,
    wcon: duckdb.DuckDBPyConnection,
    headers: dict[str, str],
) -> None:
    _join(phone, created.code)
    reply = _points(phone, created.code, headers, alfa="2")
    assert reply.status_code == 403 and "anden side" in reply.text
    assert _votes(wcon) == []
    same = {"origin": "http://radar.test", "sec-fetch-site": "same-origin"}
    assert _points(phone, created.code, same, alfa="2").status_code == 303


def test_a_closed_round_or_a_closed_workshop_refuses_with_the_closed_page(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    _join(phone, created.code)
    workshop.set_voting_open(wcon, created.id, False)
    # The link is gone, the screen and the post say the round is not open.
    assert "point=1" not in phone.get(f"/deltag?code={created.code}").text
    page = phone.get(f"/deltag?code={created.code}&point=1")
    assert page.status_code == 410 and "Prioriteringen" in page.text
    reply = _points(phone, created.code, alfa="1")
    assert reply.status_code == 410 and "ikke åben" in page_text(reply.text)
    workshop.set_voting_open(wcon, created.id, True)
    workshop.close_workshop(wcon, created.id)
    reply = _points(phone, created.code, alfa="1")
    assert reply.status_code == 410 and "er lukket" in page_text(reply.text)
    assert _votes(wcon) == []


def test_the_thanks_leads_on_to_the_prioritising_screen(
    phone: TestClient, created: workshop.Workshop
) -> None:
    _join(phone, created.code)
    for item in HAND_MADE:
        data = {"code": created.code, "technology": item.id, "ring": "klar"}
        assert phone.post("/deltag/svar", data=data).status_code == 303
    done = phone.get(f"/deltag?code={created.code}").text
    assert "Tak for dine svar" in page_text(done)
    assert f'class="next" href="deltag?code={created.code}&amp;point=1"' in done


def test_hostile_names_are_text_on_the_prioritising_screen(
    phone: TestClient, created: workshop.Workshop
) -> None:
    _join(phone, created.code)
    for page in (
        phone.get(f"/deltag?code={created.code}&point=1").text,
        _points(phone, created.code, alfa="5", beta="5").text,
    ):
        assert "<img" not in page
        assert "Beta &lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page


def test_the_screen_in_english(phone: TestClient, created: workshop.Workshop) -> None:
    _join(phone, created.code)
    page = phone.get(f"/deltag?code={created.code}&point=1&lang=en").text
    assert '<html lang="en">' in page and "Prioritising: distribute 5 points" in page_text(page)
    assert "Alpha" in page
    reply = phone.post(
        "/deltag/point",
        data={"code": created.code, "lang": "en", "points-alfa": "4", "points-beta": "4"},
    )
    assert reply.status_code == 422 and "You have given 8 points; you have 5." in reply.text


# --- the consequence rating on the question form ----------------------------------------


def test_the_question_form_has_a_folded_rating_with_a_fieldset_per_dimension(
    phone: TestClient, created: workshop.Workshop
) -> None:
    _join(phone, created.code)
    page = phone.get(f"/deltag?code={created.code}").text
    part = page[page.index("Konsekvensvurdering (valgfri)") :]
    assert "<details>\n<summary>Konsekvensvurdering (valgfri)</summary>" in page
    assert "1 = Meget negativt til 5 = Meget positivt" in page_text(part)
    for dimension, legend in (
        ("benefit", "Hvordan påvirker teknologien kerneopgaven?"),
        ("cost", "Hvordan påvirker teknologien økonomien?"),
        ("work_environment", "Hvordan påvirker teknologien medarbejdernes arbejdsmiljø?"),
        ("citizens", "Hvordan påvirker teknologien borgerne?"),
    ):
        assert f"<legend>{legend}</legend>" in part
        values = re.findall(rf'name="rating-{dimension}" value="(\d?)"', part)
        assert values == ["", "1", "2", "3", "4", "5"]
        # "Ikke vurderet" is chosen until the participant rates.
        assert re.search(rf'name="rating-{dimension}" value="" checked>', part)
    assert "1 · Meget negativt" in part and "5 · Meget positivt" in part
    assert page_text(part).count("Ikke vurderet") == 4


def test_a_rating_is_saved_with_the_answer_and_shown_again(
    phone: TestClient, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    _join(phone, created.code)
    data = {
        "code": created.code,
        "technology": "alfa",
        "ring": "klar",
        "rating-benefit": "5",
        "rating-cost": "2",
        "rating-citizens": "",
    }
    assert phone.post("/deltag/svar", data=data).status_code == 303
    assert _ratings(wcon) == [("alfa", "benefit", 5), ("alfa", "cost", 2)]
    page = phone.get(f"/deltag?code={created.code}&i=0").text
    # Open, as filled in.
    assert "<details open>\n<summary>Konsekvensvurdering (valgfri)</summary>" in page
    assert 'name="rating-benefit" value="5" checked>' in page
    assert 'name="rating-cost" value="2" checked>' in page
    assert 'name="rating-citizens" value="" checked>' in page
    # Answering again without a rating replaces it: nothing rated any more.
    data = {"code": created.code, "technology": "alfa", "ring": "afvent"}
    assert phone.post("/deltag/svar", data=data).status_code == 303
    assert _ratings(wcon) == []


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("rating-cost", "7", "«Økonomi» vurderes fra 1 til 5; «7» er ikke en af dem."),
        ("rating-cost", "²", "«²» er ikke en af dem"),
        ("rating-mood", "3", "«mood» er ikke en del af konsekvensvurderingen"),
    ],
)
def test_a_tampered_rating_is_refused_nothing_stored_and_the_form_kept(
    phone: TestClient,
    created: workshop.Workshop,
    wcon: duckdb.DuckDBPyConnection,
    field: str,
    value: str,
    problem: str,
) -> None:
    _join(phone, created.code)
    data = {
        "code": created.code,
        "technology": "alfa",
        "ring": "afproev",
        "core": "Mit svar",
        "rating-benefit": "4",
        field: value,
    }
    reply = phone.post("/deltag/svar", data=data)
    assert reply.status_code == 422 and problem in page_text(reply.text)
    # Filled in as sent: the ring, the text and the valid rating.
    assert ">Mit svar</textarea>" in reply.text
    assert 'name="rating-benefit" value="4" checked>' in reply.text
    assert re.search(r'value="afproev" required checked', reply.text)
    # Served at /deltag/svar, the form still posts to the answer's route.
    assert 'action="../deltag/svar"' in reply.text
    assert _ratings(wcon) == []
    assert wcon.cursor().execute("SELECT count(*) FROM answers").fetchall() == [(0,)]
