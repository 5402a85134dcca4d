"""A led workshop in a real browser: the facilitator steps the room from a phone, the
participants' phones and the projector follow, and a countdown closes a question.

Runs the dashboard with ``streamlit run`` on a workshop database of its own,
made through the core before the server starts (the running server holds the
file), and drives Debian's Chromium with Playwright, as
``test_browser_workshop.py`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from axe_support import assert_no_axe_violations
from browser_support import require_chromium, running_dashboard

from radar import store, workshop
from radar.i18n import t
from radar.model import Catalog
from radar.ui.components import workshop_keys as ui

pytestmark = pytest.mark.browser

AREA = "teknik-og-miljoe"
EDITION = 2025
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
    "is_mobile": True,
    "has_touch": True,
}
PROJECTOR_SCREEN = {"width": 1920, "height": 1080}
CURRENT = f".st-key-{ui.PROJECTOR_CURRENT}"
#: The waiting page reloads every 5 s; the projector refreshes every 2 s; a margin for both.
FOLLOW_TIMEOUT_MS = 15_000

require_chromium()

from playwright.sync_api import Browser, Page  # noqa: E402


@pytest.fixture(scope="module")
def led_workshop(
    tmp_path_factory: pytest.TempPathFactory, con: duckdb.DuckDBPyConnection, catalog: Catalog
) -> tuple[Path, workshop.Workshop]:
    """An open workshop of three technologies, led by its facilitator, with a remote key."""
    path = tmp_path_factory.mktemp("workshops") / "workshops.duckdb"
    wcon = workshop.connect_workshops(path)
    try:
        created = workshop.create_workshop(
            wcon,
            title="Temadag i tempo",
            catalog=catalog,
            area=AREA,
            edition=EDITION,
            technologies=workshop.area_technologies(con, AREA, EDITION)[:3],
        )
        workshop.lead(wcon, created.id, True)
        return path, workshop.new_remote_key(wcon, created.id)
    finally:
        wcon.close()


@pytest.fixture(scope="module")
def server(
    seeded_db: Path, led_workshop: tuple[Path, workshop.Workshop], browser: Browser
) -> Iterator[str]:
    env = {
        store.DB_ENV_VAR: str(seeded_db),
        workshop.WORKSHOP_DB_ENV_VAR: str(led_workshop[0]),
    }
    with running_dashboard(browser, env) as url:
        yield url


def _fits(page: Page) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390


def test_the_remote_steps_the_room_and_a_countdown_closes_a_question(
    browser: Browser, server: str, led_workshop: tuple[Path, workshop.Workshop]
) -> None:
    _, ws = led_workshop
    first, second, _third = (x.label("da") for x in ws.technologies)
    contexts = [browser.new_context(**PHONE) for _ in range(2)]
    contexts.append(browser.new_context(viewport=PROJECTOR_SCREEN))
    try:
        remote, participant, projector = (context.new_page() for context in contexts)

        # The facilitator scans the remote's QR code: the key leaves the address bar.
        remote.goto(f"{server}/styr?k={ws.remote_key}")
        assert remote.url == f"{server}/styr"
        assert ws.remote_key is not None and ws.remote_key not in remote.content()
        remote.get_by_role("heading", name=first).wait_for()
        assert_no_axe_violations(remote, "remote")
        _fits(remote)
        # Every button is a large touch target, on a phone too.
        for button in remote.get_by_role("button").all():
            box = button.bounding_box()
            assert box is not None and box["height"] >= 44 and box["width"] >= 44, box

        projector.goto(f"{server}/workshop?projector={ws.projector_key}&present=1")
        projector.locator(CURRENT).get_by_text(first).wait_for(timeout=60_000)

        # A participant joins and is sent to the room's question, answers it and waits.
        participant.goto(f"{server}/deltag?code={ws.code}")
        participant.get_by_role("button", name=t("participant.join"), exact=True).click()
        assert "Teknologi 1 af 3" in participant.locator("#progress").inner_text()
        participant.get_by_role("radio", name=re.compile("^AFPRØV")).check()
        participant.get_by_role("button", name=t("phone.save_next"), exact=True).click()
        participant.get_by_role("heading", name=t("phone.waiting.heading")).wait_for()
        # No timed reload: nothing for axe to find, moving on by itself or not.
        assert_no_axe_violations(participant, "waiting page")
        participant.get_by_role("link", name=t("phone.waiting.stop")).click()
        # The link loads the page without its reload: check that page, not the one it leaves.
        start = participant.get_by_role("link", name=t("phone.waiting.start"))
        start.wait_for()
        assert_no_axe_violations(participant, "waiting page, reload stopped")
        start.click()
        _fits(participant)

        # "Næste" on the remote: the waiting phone reloads itself onto the next question,
        # and the projector shows it, neither reloaded by hand.
        remote.get_by_role("button", name=re.compile(t("pacing.next"))).click()
        remote.get_by_role("heading", name=second).wait_for()
        assert "Spørgsmål 2 af 3" in remote.inner_text("main")
        participant.locator("#progress").filter(has_text="Teknologi 2 af 3").wait_for(
            timeout=FOLLOW_TIMEOUT_MS
        )
        assert second in participant.inner_text("main")
        projector.locator(CURRENT).get_by_text(second).wait_for(timeout=FOLLOW_TIMEOUT_MS)

        # A minute's countdown from the remote: the phone says when it closes.
        remote.get_by_role("button", name=t("remote.countdown", minutes=1)).click()
        assert "Lukker kl. " in remote.get_by_role("status").inner_text()
        participant.reload()
        assert "Lukker kl. " in participant.inner_text("main")
        projector.locator(CURRENT).get_by_text(re.compile(r"Lukker om \d:\d\d")).wait_for(
            timeout=FOLLOW_TIMEOUT_MS
        )
        participant.get_by_role("radio", name=re.compile("^KLAR")).check()
        participant.get_by_text(t("phone.more"), exact=True).click()
        participant.locator("textarea[name=core]").fill("Skrevet for sent")
        # When it ends, the answer is refused and what was typed is still there.
        projector.locator(CURRENT).get_by_text(re.compile("^Lukket")).wait_for(timeout=75_000)
        participant.get_by_role("button", name=t("phone.save_next"), exact=True).click()
        closed = t("workshop.error.question_closed", technology=second)
        assert participant.get_by_role("alert").inner_text() == closed
        assert participant.locator("textarea[readonly]").input_value() == "Skrevet for sent"
        _fits(participant)
        remote.reload()
        assert remote.get_by_role("status").inner_text().startswith(t("pacing.state.closed"))
        assert remote.get_by_role("button", name=t("remote.open_question")).count() == 1
    finally:
        for context in contexts:
            context.close()
