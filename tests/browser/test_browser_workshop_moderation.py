"""Comments held for approval, in a real browser: a phone comments, the projector does not
show it until the facilitator approves it in the queue, then shows it without a reload.

Runs the dashboard with ``streamlit run`` on a workshop database of its own, with
password sign-in on (the facilitator signs in as an editor, who runs every
workshop), and drives Debian's Chromium with Playwright, as
``test_browser_workshop.py`` does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
from axe_support import assert_no_axe_violations
from browser_support import READY, require_chromium, running_dashboard
from signed_in import PASSWORD, PASSWORD_HASH

from radar import store, workshop
from radar.auth import PASSWORD_HASH_ENV_VAR
from radar.i18n import t
from radar.model import Catalog
from radar.ui.components import workshop_keys as ui

pytestmark = pytest.mark.browser

AREA = "teknik-og-miljoe"
EDITION = 2025
COMMENT = "Mere tid til borgerne <b>nu</b>"
PROJECTOR_SCREEN = {"width": 1920, "height": 1080}
LAPTOP = {"width": 1366, "height": 900}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
    "is_mobile": True,
    "has_touch": True,
}
SUMMARY = f".st-key-{ui.LIVE_SUMMARY}"
QUEUE = f".st-key-{ui.MODERATION_QUEUE}"
#: The live view and the queue refresh every 2 s; a few seconds more for the reruns.
LIVE_TIMEOUT_MS = 10_000

require_chromium()

from playwright.sync_api import Browser, Page  # noqa: E402


@pytest.fixture(scope="module")
def moderated(
    tmp_path_factory: pytest.TempPathFactory, con: duckdb.DuckDBPyConnection, catalog: Catalog
) -> tuple[Path, workshop.Workshop]:
    """A workshop database with one open, moderated workshop, made before the server starts."""
    path = tmp_path_factory.mktemp("workshops") / "workshops.duckdb"
    wcon = workshop.connect_workshops(path)
    try:
        created = workshop.create_workshop(
            wcon,
            title="Temadag med godkendelse",
            catalog=catalog,
            area=AREA,
            edition=EDITION,
            technologies=workshop.area_technologies(con, AREA, EDITION)[:2],
            moderated=True,
        )
    finally:
        wcon.close()
    return path, created


@pytest.fixture(scope="module")
def server(
    copy_seeded_db: Callable[[], Path],
    moderated: tuple[Path, workshop.Workshop],
    browser: Browser,
) -> Iterator[str]:
    env = {
        store.DB_ENV_VAR: str(copy_seeded_db()),
        workshop.WORKSHOP_DB_ENV_VAR: str(moderated[0]),
        PASSWORD_HASH_ENV_VAR: PASSWORD_HASH,
    }
    with running_dashboard(browser, env) as url:
        yield url


def _wall_text(page: Page) -> str:
    """Everything the comment wall's cards say."""
    return " ".join(page.locator(f"[class*='st-key-{ui.WALL_CARD}']").all_inner_texts())


def test_the_projector_shows_a_comment_only_once_the_facilitator_approves_it(
    browser: Browser, server: str, moderated: tuple[Path, workshop.Workshop]
) -> None:
    _, ws = moderated
    contexts = [
        browser.new_context(**PHONE),
        browser.new_context(viewport=PROJECTOR_SCREEN),
        browser.new_context(viewport=LAPTOP),
    ]
    try:
        phone, projector, laptop = (context.new_page() for context in contexts)

        # The phone: joins, opens the folded part, is told comments are approved first.
        phone.goto(f"{server}/deltag?code={ws.display_code}")
        phone.get_by_role("button", name=t("participant.join"), exact=True).click()
        phone.get_by_text(t("phone.more"), exact=True).click()
        assert phone.get_by_text(t("phone.moderated"), exact=True).is_visible()
        phone.get_by_role("radio", name=re.compile("^AFPRØV")).check()
        phone.locator("textarea[name=core]").fill(COMMENT)
        phone.get_by_role("button", name=t("phone.save_next"), exact=True).click()
        assert "Gemt" in phone.get_by_role("status").inner_text()

        # The projector counts the answer and says comments wait; the comment is not there.
        projector.goto(f"{server}/workshop?projector={ws.projector_key}&present=1")
        projector.wait_for_function(
            "selector => /^1 svar\\b/.test(document.querySelector(selector)?.innerText.trim())",
            arg=SUMMARY,
            timeout=60_000,
        )
        notice = projector.locator(f".st-key-{ui.MODERATION_NOTICE}")
        notice.wait_for(timeout=LIVE_TIMEOUT_MS)
        assert notice.inner_text().strip() == t("facilitator.moderation.notice")
        assert COMMENT not in projector.inner_text("body")
        projector.evaluate("() => { window.__notReloaded = true; }")

        # The facilitator signs in on the workshop's page and finds the comment in the queue.
        laptop.goto(f"{server}/workshop?id={ws.id}")
        laptop.wait_for_selector(READY, timeout=60_000)
        laptop.get_by_role("textbox", name=t("auth.name")).fill("Fie Facilitator")
        laptop.get_by_role("textbox", name=t("auth.password")).fill(PASSWORD)
        laptop.get_by_role("button", name=t("auth.sign_in")).click()
        queue = laptop.locator(QUEUE)
        queue.wait_for(timeout=60_000)
        card = queue.locator(f"[class*='st-key-{ui.PENDING_CARD}_']")
        card.wait_for(timeout=LIVE_TIMEOUT_MS)
        # The text as typed, never markup; the heading counts it.
        assert card.get_by_text(COMMENT, exact=True).is_visible()
        assert card.locator("b").count() == 0
        assert t("facilitator.moderation.heading", count=1) in queue.inner_text()
        laptop.wait_for_selector(READY, timeout=30_000)
        assert_no_axe_violations(laptop, "moderation queue", within=QUEUE)

        card.get_by_role("button", name=t("facilitator.moderation.approve"), exact=True).click()
        queue.get_by_text(t("facilitator.moderation.heading", count=0)).wait_for(
            timeout=LIVE_TIMEOUT_MS
        )

        # The projector follows within a refresh, without reloading.
        projector.wait_for_function(
            "([selector, text]) => [...document.querySelectorAll(selector)]"
            ".some(card => card.innerText.includes(text))",
            arg=[f"[class*='st-key-{ui.WALL_CARD}']", COMMENT],
            timeout=LIVE_TIMEOUT_MS,
        )
        assert COMMENT in _wall_text(projector)
        assert projector.evaluate("() => window.__notReloaded === true"), "the page was reloaded"
    finally:
        for context in contexts:
            context.close()
