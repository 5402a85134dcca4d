"""A live workshop in a real browser: three phones answer, the projector counts them live;
the projector's link holds no facilitator id and offers no control (attack 11).

Runs the dashboard with ``streamlit run`` on a workshop database of its own and
drives Debian's Chromium with Playwright, as ``test_browser.py`` does. Outside
CI a missing Chromium skips these tests with a clear message; in CI (``CI``
set) it fails them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from browser_support import READY, require_chromium, running_dashboard

from radar import store, workshop
from radar.i18n import t
from radar.model import Catalog
from radar.ui.components import workshop_keys as ui

pytestmark = pytest.mark.browser

AREA = "teknik-og-miljoe"
EDITION = 2025
PROJECTOR_SCREEN = {"width": 1920, "height": 1080}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
    "is_mobile": True,
    "has_touch": True,
}
SUMMARY = f".st-key-{ui.LIVE_SUMMARY}"
#: The refresh is every 2 s; a few seconds more for three reruns and the network.
LIVE_TIMEOUT_MS = 10_000

require_chromium()

from playwright.sync_api import Browser, BrowserContext, Page  # noqa: E402


@pytest.fixture(scope="module")
def live_workshop(
    tmp_path_factory: pytest.TempPathFactory, con: duckdb.DuckDBPyConnection, catalog: Catalog
) -> tuple[Path, workshop.Workshop]:
    """A workshop database with one open workshop, made through the core before the server starts.

    The running dashboard holds the file for writing; this process cannot open
    it while the server runs.
    """
    path = tmp_path_factory.mktemp("workshops") / "workshops.duckdb"
    wcon = workshop.connect_workshops(path)
    try:
        created = workshop.create_workshop(
            wcon,
            title="Temadag i Teknik og miljø",
            catalog=catalog,
            area=AREA,
            edition=EDITION,
            technologies=workshop.area_technologies(con, AREA, EDITION)[:4],
        )
    finally:
        wcon.close()
    return path, created


@pytest.fixture(scope="module")
def server(
    seeded_db: Path, live_workshop: tuple[Path, workshop.Workshop], browser: Browser
) -> Iterator[str]:
    env = {
        store.DB_ENV_VAR: str(seeded_db),
        workshop.WORKSHOP_DB_ENV_VAR: str(live_workshop[0]),
    }
    with running_dashboard(browser, env) as url:
        yield url


def _summary(page: Page) -> str:
    return page.locator(SUMMARY).inner_text().strip()


def _join_and_answer(page: Page, server: str, code: str, ring: str) -> None:
    """On a phone: open the join link, join (anonymously), place the first technology, save."""
    page.goto(f"{server}/deltag?code={code}")
    page.wait_for_selector(READY, timeout=30_000)
    # The privacy notice is there before joining; no name is asked.
    page.locator(f".st-key-{ui.PRIVACY}").wait_for(timeout=30_000)
    assert page.locator("input[type='text']").count() == 0
    page.locator(f".st-key-{ui.JOIN_SUBMIT} button").click()
    page.wait_for_function("() => new URLSearchParams(location.search).has('p')", timeout=30_000)
    page.locator(f".st-key-{ui.ANSWER_RING}").get_by_text(ring, exact=True).click()
    page.wait_for_selector(READY, timeout=30_000)
    page.locator(f".st-key-{ui.ANSWER_SAVE} button").click()
    saved = page.locator(f".st-key-{ui.ANSWER_SAVED}")
    saved.wait_for(timeout=30_000)
    assert "Gemt" in saved.inner_text()


def test_three_phones_answer_and_the_projector_shows_it_without_a_reload(
    browser: Browser, server: str, live_workshop: tuple[Path, workshop.Workshop]
) -> None:
    _, ws = live_workshop
    contexts: list[BrowserContext] = []
    try:
        projector_context = browser.new_context(viewport=PROJECTOR_SCREEN)
        contexts.append(projector_context)
        projector = projector_context.new_page()
        projector.goto(f"{server}/workshop?projector={ws.projector_key}&present=1")
        projector.locator(SUMMARY).wait_for(timeout=60_000)
        assert _summary(projector).startswith("0 svar")
        # Presenter mode's chrome: no Streamlit header or navigation, no app title.
        assert not projector.get_by_test_id("stHeader").is_visible()
        assert projector.locator("h1").count() == 0
        assert ws.display_code in projector.locator(f".st-key-{ui.CODE_BOX}").inner_text()
        # A marker that a reload would wipe.
        projector.evaluate("() => { window.__notReloaded = true; }")

        phones = []
        for _ in range(3):
            context = browser.new_context(**PHONE)
            contexts.append(context)
            phones.append(context.new_page())
        for phone, ring in zip(phones, ("AFPRØV", "AFPRØV", "KLAR"), strict=True):
            _join_and_answer(phone, server, ws.display_code, ring)

        # The phone page fits the screen: no sideways scrolling, no top navigation.
        phone = phones[0]
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
        assert not phone.get_by_test_id("stHeader").is_visible()

        projector.wait_for_function(
            "selector => /^3 svar\\b/.test(document.querySelector(selector).innerText.trim())",
            arg=SUMMARY,
            timeout=LIVE_TIMEOUT_MS,
        )
        assert _summary(projector).startswith("3 svar fra 3 af 3 deltagere")
        assert projector.evaluate("() => window.__notReloaded === true"), "the page was reloaded"
        # The chart shows the group's answers.
        projector.wait_for_function(
            "() => { const gd = document.querySelector('.js-plotly-plot');"
            " return gd && gd._fullData && gd._fullData.length > 0; }",
            timeout=LIVE_TIMEOUT_MS,
        )
    finally:
        for context in contexts:
            context.close()


def test_the_projector_link_holds_no_facilitator_id_and_offers_no_control(
    browser: Browser, server: str, live_workshop: tuple[Path, workshop.Workshop]
) -> None:
    """Attack 11: the projector's URL was ``?id=…&present=1``, the facilitator's key."""
    _, ws = live_workshop
    context = browser.new_context(viewport=PROJECTOR_SCREEN)
    try:
        page = context.new_page()
        page.goto(f"{server}/workshop?projector={ws.projector_key}&present=1")
        page.locator(SUMMARY).wait_for(timeout=60_000)
        assert ws.id not in page.url
        assert ws.id not in page.content()
        for key in (ui.CLOSE_CONFIRM, ui.CONSENSUS_SAVE, ui.DELETE_CONFIRM, ui.FORM_CREATE):
            assert page.locator(f".st-key-{key}").count() == 0
        assert page.get_by_test_id("stDownloadButton").count() == 0
        # The workshop's id in the URL, without signing in, opens no controls either.
        page.goto(f"{server}/workshop?id={ws.id}")
        page.wait_for_selector(READY, timeout=30_000)
        page.get_by_text(t("auth.facilitators_only")).wait_for(timeout=30_000)
        assert page.locator(f".st-key-{ui.CLOSE_CONFIRM}").count() == 0
        assert ws.display_code not in page.inner_text("body")
    finally:
        context.close()
