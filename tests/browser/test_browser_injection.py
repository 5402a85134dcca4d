"""Script injection: hostile names, descriptions, cases and comments are shown, never run.

A technology and a workshop comment carry the classic payloads. In a real
browser, every page that shows them must show the text literally and run
none of it: a payload that ran would set ``window.__pwned``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
from browser_support import READY, require_chromium, running_dashboard

from radar import store, workshop

pytestmark = pytest.mark.browser

AREA = "teknik-og-miljoe"
TECH = "skadelig-teknologi"
SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"
NAME = f"Skadelig {SCRIPT}"
SUMMARY = f"Linje {IMG}"
DESCRIPTION = f"<b>fed</b> {SCRIPT} [link](javascript:window.__pwned='md')"
COMMENT = f"Kommentar {IMG} {SCRIPT}"

require_chromium()

from playwright.sync_api import Browser, Page  # noqa: E402


@pytest.fixture(scope="module")
def hostile(copy_seeded_db: Callable[[], Path]) -> tuple[Path, Path, str, int]:
    """A radar with a hostile technology and case, and a workshop with a hostile comment."""
    db = copy_seeded_db()
    folder = db.parent
    con = duckdb.connect(str(db))
    try:
        edition = con.execute("SELECT max(year) FROM editions").fetchone()[0]
        con.execute(
            "INSERT INTO technologies (id, sector, name_da, name_en, summary_da, summary_en, "
            "description_da, description_en) VALUES (?, 'AUT', ?, ?, ?, ?, ?, ?)",
            [TECH, NAME, NAME, SUMMARY, SUMMARY, DESCRIPTION, DESCRIPTION],
        )
        con.execute(
            "INSERT INTO assessments VALUES (?, ?, ?, 7, 40, 30, 20, 10, NULL, NULL)",
            [edition, AREA, TECH],
        )
        con.execute(
            "INSERT INTO cases VALUES ('skadelig-case', ?, ?, ?, 2024, ?, ?, ?, ?, ?)",
            [
                TECH,
                AREA,
                f"Kommune {IMG}",
                NAME,
                NAME,
                DESCRIPTION,
                DESCRIPTION,
                "javascript:window.__pwned='url'",
            ],
        )
        catalog = store.load_catalog(con)
        wdb = folder / "workshops.duckdb"
        wcon = workshop.connect_workshops(wdb)
        techs = workshop.area_technologies(con, AREA, edition, [TECH])
        created = workshop.create_workshop(
            wcon, title=NAME, catalog=catalog, area=AREA, edition=edition, technologies=techs
        )
        participant = workshop.join(wcon, created.code)
        workshop.submit_answer(
            wcon,
            created.code,
            participant.token,
            TECH,
            catalog.rings[0].id,
            answers={workshop.QUESTIONS[0].id: COMMENT},
        )
        wcon.close()
    finally:
        con.close()
    return db, wdb, created.projector_key, edition


@pytest.fixture(scope="module")
def hostile_server(browser: Browser, hostile: tuple[Path, Path, str, int]) -> Iterator[str]:
    db, wdb, _, _ = hostile
    env = {store.DB_ENV_VAR: str(db), workshop.WORKSHOP_DB_ENV_VAR: str(wdb)}
    with running_dashboard(browser, env) as url:
        yield url


def _visit(browser: Browser, url: str, must_show: str | None) -> Page:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    if must_show is None:
        # Tables draw their cells on a canvas: wait for the table instead.
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=30_000)
    else:
        page.get_by_text(must_show, exact=False).first.wait_for(timeout=30_000)
    return page


def _assert_inert(page: Page) -> None:
    assert page.evaluate("() => window.__pwned") is None, "a payload ran"
    # No element the payloads would create exists in the app's own document.
    assert page.locator("[data-testid='stMain'] img[src='x']").count() == 0
    assert page.locator("[data-testid='stMain'] script").count() == 0
    assert page.locator("[data-testid='stMain'] a[href^='javascript:']").count() == 0


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        (f"/?area={AREA}&tech={TECH}", "Skadelig <script>"),
        (f"/teknologi?tech={TECH}", "Skadelig <script>"),
        ("/overblik", None),
    ],
    ids=["radar-details", "technology-page", "overview"],
)
def test_hostile_technology_text_is_shown_literally_and_never_runs(
    browser: Browser, hostile_server: str, path: str, shown: str | None
) -> None:
    page = _visit(browser, hostile_server + path, shown)
    try:
        if shown is not None:
            assert shown in page.locator("[data-testid='stMain']").inner_text()
        page.mouse.move(700, 500)
        page.wait_for_timeout(500)
        _assert_inert(page)
    finally:
        page.close()


def test_hostile_workshop_comment_is_shown_literally_and_never_runs(
    browser: Browser, hostile_server: str, hostile: tuple[Path, Path, str, int]
) -> None:
    _, _, projector_key, _ = hostile
    # The projector's view: the comment wall, without signing in.
    page = _visit(browser, f"{hostile_server}/workshop?projector={projector_key}", "Kommentar")
    try:
        assert "Kommentar <img src=x" in page.locator("[data-testid='stMain']").inner_text()
        _assert_inert(page)
    finally:
        page.close()
