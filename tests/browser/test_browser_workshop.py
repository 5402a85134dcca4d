"""A live workshop in a real browser: three phones answer, the projector counts them live;
the projector's link holds no facilitator id and offers no control (attack 11).

Runs the dashboard with ``streamlit run`` on a workshop database of its own and
drives Debian's Chromium with Playwright, as ``test_browser.py`` does. Outside
CI a missing Chromium skips these tests with a clear message; in CI (``CI``
set) it fails them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import duckdb
import pytest
from axe_support import assert_no_axe_violations
from browser_support import READY, require_chromium, running_dashboard

from radar import store, workshop
from radar.i18n import t
from radar.model import Catalog
from radar.ui.components import workshop_keys as ui
from radar.web.settings import DEFAULT_ACCESSIBILITY_URL

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
def phone_workshop(
    live_workshop: tuple[Path, workshop.Workshop],
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
) -> workshop.Workshop:
    """A second workshop in the same file, for one phone to answer from start to end."""
    wcon = workshop.connect_workshops(live_workshop[0])
    try:
        return workshop.create_workshop(
            wcon,
            title="Telefonen <i>svarer</i>",
            catalog=catalog,
            area=AREA,
            edition=EDITION,
            technologies=workshop.area_technologies(con, AREA, EDITION)[:2],
        )
    finally:
        wcon.close()


@pytest.fixture(scope="module")
def voting_workshop(
    live_workshop: tuple[Path, workshop.Workshop],
    con: duckdb.DuckDBPyConnection,
    catalog: Catalog,
) -> workshop.Workshop:
    """A third workshop in the file, its prioritising round open, for one phone to rate and vote."""
    wcon = workshop.connect_workshops(live_workshop[0])
    try:
        created = workshop.create_workshop(
            wcon,
            title="Prioritering <b>nu</b>",
            catalog=catalog,
            area=AREA,
            edition=EDITION,
            technologies=workshop.area_technologies(con, AREA, EDITION)[:3],
        )
        return workshop.set_voting_open(wcon, created.id, True)
    finally:
        wcon.close()


@pytest.fixture(scope="module")
def server(
    seeded_db: Path,
    live_workshop: tuple[Path, workshop.Workshop],
    phone_workshop: workshop.Workshop,
    voting_workshop: workshop.Workshop,
    browser: Browser,
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
    # The privacy notice is there before joining; no name is asked.
    assert page.get_by_text(t("participant.privacy"), exact=True).count() == 1
    assert page.locator("input[type='text']").count() == 0
    page.get_by_role("button", name=t("participant.join"), exact=True).click()
    page.get_by_role("radio", name=re.compile(f"^{ring}")).check()
    page.get_by_role("button", name=t("phone.save_next"), exact=True).click()
    assert "Gemt" in page.get_by_role("status").inner_text()


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

        # The phone page fits the screen: no sideways scrolling.
        assert phones[0].evaluate("() => document.documentElement.scrollWidth") <= 390

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


#: Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
SLOW_4G: Final = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 // 8,
    "uploadThroughput": 750_000 // 8,
}
#: The issue's budget for everything a phone loads to answer.
PHONE_BUDGET_BYTES: Final = 300_000


def test_a_phone_on_slow_4g_answers_the_whole_workshop_within_the_budget(
    browser: Browser, server: str, phone_workshop: workshop.Workshop
) -> None:
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        loaded: list[int] = []
        cdp.on("Network.loadingFinished", lambda event: loaded.append(event["encodedDataLength"]))

        # Typed off the projector, in lower case with a space: the code page finds it.
        page.goto(f"{server}/deltag")
        assert_no_axe_violations(page, "code page")
        page.get_by_label(t("participant.code")).fill(phone_workshop.display_code.lower())
        page.get_by_role("button", name=t("participant.code.go"), exact=True).click()
        page.get_by_role("button", name=t("participant.join"), exact=True).wait_for()
        assert_no_axe_violations(page, "join page")
        # The title is shown as the facilitator typed it, never as markup.
        assert page.locator("h1").inner_text() == "Telefonen <i>svarer</i>"
        page.get_by_role("button", name=t("participant.join"), exact=True).click()
        page.locator("#progress").wait_for()
        assert_no_axe_violations(page, "question page")
        assert (
            page.evaluate("() => document.documentElement.scrollWidth")
            <= PHONE["viewport"]["width"]
        )
        assert "Teknologi 1 af 2" in page.locator("#progress").inner_text()
        # The optional part opens and is checked too, then the first answer, with a comment.
        page.get_by_text(t("phone.more"), exact=True).click()
        assert_no_axe_violations(page, "question page, opened")
        page.get_by_role("radio", name=re.compile("^AFPRØV")).check()
        page.locator("textarea[name=core]").fill("Mindre tid på papir")
        page.get_by_role("button", name=t("phone.save_next"), exact=True).click()
        assert "Gemt" in page.get_by_role("status").inner_text()
        assert "Teknologi 2 af 2" in page.locator("#progress").inner_text()
        # The keyboard alone answers the last one: a ring by arrow keys, then Enter.
        page.get_by_role("radio", name=re.compile("^KLAR")).focus()
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.get_by_role("heading", name=t("phone.done.heading")).wait_for()
        # Both answers are stored: the page counts them from the workshop's database.
        assert "2 af 2 besvaret" in page.locator("#progress").inner_text()
        assert_no_axe_violations(page, "done page")
        statement = page.get_by_role("link", name=t("access.footer.statement"), exact=True)
        assert statement.get_attribute("href") == DEFAULT_ACCESSIBILITY_URL

        # Everything the phone loaded, four pages and two answers, fits the budget.
        assert 0 < sum(loaded) < PHONE_BUDGET_BYTES, sum(loaded)
    finally:
        context.close()


def test_a_phone_rates_a_technology_and_distributes_five_points(
    browser: Browser, server: str, voting_workshop: workshop.Workshop
) -> None:
    ws = voting_workshop
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        page.goto(f"{server}/deltag?code={ws.code}")
        page.get_by_role("button", name=t("participant.join"), exact=True).click()
        # The consequence rating opens, and is checked with everything in it.
        page.get_by_text(t("phone.rating.heading"), exact=True).click()
        assert_no_axe_violations(page, "question page, rating open")
        assert (
            page.evaluate("() => document.documentElement.scrollWidth")
            <= PHONE["viewport"]["width"]
        )
        benefit = page.get_by_role("group", name=t("workshop.rating.benefit.question"))
        assert benefit.get_by_role("radio", name=t("phone.rating.none")).is_checked()
        benefit.get_by_role("radio", name=f"5 · {t('workshop.rating.score.5')}").check()
        cost = page.get_by_role("group", name=t("workshop.rating.cost.question"))
        cost.get_by_role("radio", name=f"2 · {t('workshop.rating.score.2')}").check()
        page.get_by_role("radio", name=re.compile("^AFPRØV")).check()
        page.get_by_role("button", name=t("phone.save_next"), exact=True).click()
        assert "Gemt" in page.get_by_role("status").inner_text()
        # Back on the first technology, the rating is there as given.
        page.get_by_role("link", name=t("participant.previous"), exact=False).click()
        benefit = page.get_by_role("group", name=t("workshop.rating.benefit.question"))
        assert benefit.get_by_role("radio", name=f"5 · {t('workshop.rating.score.5')}").is_checked()

        # The prioritising screen, from the list of technologies.
        page.get_by_text(t("phone.list"), exact=True).click()
        page.get_by_role("link", name=t("phone.votes.link", budget=5)).click()
        page.get_by_role("heading", name=t("phone.votes.heading", budget=5)).wait_for()
        assert_no_axe_violations(page, "prioritising page")
        assert (
            page.evaluate("() => document.documentElement.scrollWidth")
            <= PHONE["viewport"]["width"]
        )
        first, second, third = (item.label() for item in ws.technologies)
        # Over the budget first: said, nothing lost.
        page.get_by_label(first, exact=True).select_option("4")
        page.get_by_label(second, exact=True).select_option("3")
        page.get_by_role("button", name=t("phone.votes.save"), exact=True).click()
        assert page.get_by_role("alert").inner_text() == "Du har fordelt 7 point; du har 5."
        assert page.get_by_label(second, exact=True).input_value() == "3"
        assert_no_axe_violations(page, "prioritising page, refused")
        page.get_by_label(second, exact=True).select_option("0")
        page.get_by_label(third, exact=True).select_option("1")
        page.get_by_role("button", name=t("phone.votes.save"), exact=True).click()
        assert page.get_by_role("status").inner_text() == t("phone.votes.saved")
        # Counted from the workshop's database: all five given.
        assert page.locator("#budget").inner_text() == t(
            "phone.votes.budget", given=5, budget=5, left=0
        )
        assert page.get_by_label(first, exact=True).input_value() == "4"
    finally:
        context.close()
