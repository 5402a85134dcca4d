"""Editing in a real browser: an editor signs in, edits a technology and finds the change
in the technology page's change log; a viewer's direct link to the edit page is refused.

Runs the dashboard with ``streamlit run`` on a copy of the database with an
editor password set, and drives Debian's Chromium with Playwright, as
``test_browser.py`` does. Outside CI a missing Chromium skips these tests with
a clear message; in CI (``CI`` set) it fails them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from browser_support import READY, require_chromium, running_dashboard
from signed_in import PASSWORD, PASSWORD_HASH

from radar import store
from radar.auth import PASSWORD_HASH_ENV_VAR
from radar.i18n import t
from radar.ui.components import editing_keys as ui
from radar.ui.components.change_log import CHANGE_LOG

pytestmark = pytest.mark.browser

EDITOR = "Mette Hansen"
TECH = "aula"
NEW_SUMMARY = "Én platform for skole, dagtilbud og forældre (rettet i browseren)."

require_chromium()

from playwright.sync_api import Browser, Page  # noqa: E402


@pytest.fixture(scope="module")
def server(copy_seeded_db: Callable[[], Path], browser: Browser) -> Iterator[str]:
    """The dashboard on its own copy of the database, with editing turned on.

    The server process holds the copy for writing; the shared database stays
    untouched.
    """
    copy = copy_seeded_db()
    env = {store.DB_ENV_VAR: str(copy), PASSWORD_HASH_ENV_VAR: PASSWORD_HASH}
    with running_dashboard(browser, env) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def wait_ready(page: Page) -> None:
    page.wait_for_selector(READY, timeout=30_000)


_ROWS_JS = (
    "e => Array.from(e.querySelectorAll('table tr')).map("
    "r => Array.from(r.querySelectorAll('th,td')).map(c => c.textContent.trim()))"
    ".filter(r => r.length)"
)


def log_rows(page: Page, columns: int) -> list[list[str]]:
    """The change log's rows as shown (the grid's accessible table), header first.

    The grid draws its columns in a few frames: wait until ``columns`` are there.
    """
    selector = f".st-key-{CHANGE_LOG} [data-testid='stDataFrame']"
    grid = page.locator(selector)
    grid.wait_for(timeout=30_000)
    grid.scroll_into_view_if_needed()
    page.wait_for_function(
        f"([s, n]) => {{ const e = document.querySelector(s); if (!e) return false;"
        f" const rows = ({_ROWS_JS})(e); return rows.length > 1 && rows[0].length >= n; }}",
        arg=[selector, columns],
        timeout=30_000,
    )
    return grid.evaluate(_ROWS_JS)


def test_an_editor_edits_a_technology_and_finds_it_in_the_change_log(
    page: Page, server: str
) -> None:
    page.goto(f"{server}/rediger?tech={TECH}")
    wait_ready(page)
    # The page refuses until the editor signs in, right there.
    page.get_by_text(t("auth.editors_only")).wait_for(state="visible", timeout=15_000)
    page.get_by_role("textbox", name=t("auth.name")).fill(EDITOR)
    page.get_by_role("textbox", name=t("auth.password")).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.sign_in")).click()

    summary = page.locator(f".st-key-{ui.text_key(TECH, 'summary_da')} input")
    summary.wait_for(timeout=30_000)
    old = summary.input_value()
    summary.fill(NEW_SUMMARY)
    page.locator(f".st-key-texts-{TECH}-reason input").fill("Kortere og klarere")
    page.locator(f".st-key-texts-{TECH}-save button").click()
    page.get_by_text(t("editing.saved"), exact=True).wait_for(timeout=30_000)

    # On to the technology page in the same session (the top navigation).
    page.get_by_role("link", name=t("page.technology"), exact=True).click()
    page.wait_for_url("**/teknologi**", timeout=30_000)
    wait_ready(page)
    header, *rows = log_rows(page, columns=7)
    assert header[:6] == [
        t("editing.log.when"),
        t("editing.log.what"),
        t("editing.log.field"),
        t("editing.log.old"),
        t("editing.log.new"),
        t("editing.log.reason"),
    ]
    assert header[-1] == t("editing.log.editor")
    newest = dict(zip(header, rows[0], strict=True))
    assert newest[t("editing.log.old")] == old
    assert newest[t("editing.log.new")] == NEW_SUMMARY
    assert newest[t("editing.log.reason")] == "Kortere og klarere"
    # A password sign-in: the typed name, marked as not proven by an account.
    assert newest[t("editing.log.editor")] == f"{EDITOR} (adgangskode)"


def test_a_viewers_direct_link_to_the_edit_page_is_refused(page: Page, server: str) -> None:
    page.goto(f"{server}/rediger?tech={TECH}")
    wait_ready(page)
    # Waits (a loaded machine may draw the form a moment after the script ends).
    page.get_by_text(t("auth.editors_only")).wait_for(state="visible", timeout=15_000)
    page.get_by_role("textbox", name=t("auth.password")).wait_for(state="visible", timeout=15_000)
    # Nothing to edit: no tabs, no technology fields, no save buttons.
    assert page.get_by_role("tab").count() == 0
    assert page.locator("[class*='st-key-ed-'], [class*='st-key-texts-']").count() == 0
    assert page.get_by_text(t("editing.tab.texts")).count() == 0


def test_the_backup_route_serves_the_signed_in_browser_and_nobody_after_sign_out(
    browser: Browser, page: Page, server: str
) -> None:
    page.goto(f"{server}/redaktoer")
    wait_ready(page)
    page.get_by_role("textbox", name=t("auth.name")).fill(EDITOR)
    page.get_by_role("textbox", name=t("auth.password")).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.sign_in")).click()
    link = page.locator("a[href$='api/backup']")
    link.wait_for(timeout=30_000)
    url = urljoin(page.url, link.get_attribute("href") or "")
    assert url == f"{server}/api/backup"

    # The browser's own request carries its HttpOnly cookie: the zip, never cached.
    reply = page.context.request.get(url)
    assert reply.status == 200
    assert reply.headers["cache-control"] == "no-store"
    assert reply.body()[:2] == b"PK"
    # The same URL from another browser (no cookie) is refused.
    stranger = browser.new_context()
    try:
        assert stranger.request.get(url).status == 403
    finally:
        stranger.close()
    # And from this browser once signed out.
    page.get_by_role("button", name=t("auth.sign_out")).click()
    page.get_by_role("textbox", name=t("auth.password")).wait_for(timeout=30_000)
    assert page.context.request.get(url).status == 403
