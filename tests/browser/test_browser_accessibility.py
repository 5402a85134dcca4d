"""WCAG 2.1 AA in a real browser: axe-core on every page, and the page's language.

axe-core runs on every page of the app (the editors' pages signed in as an
editor) in Danish and English, on a 1366x768 laptop and a 390x844 phone, and
any serious or critical violation fails the test, with its rule, impact,
target and page. axe-core comes from the pinned ``axe-playwright-python``
wheel in requirements-dev.txt (it bundles axe-core 4.12), so the README's one
test command needs nothing else. Outside CI a missing wheel skips this module
with a message; in CI (``CI`` set) it fails.

The pages are checked as they are, whatever the data: the test names no
technology and expects no particular content, so it holds for any radar.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pytest
from browser_support import READY, require_chromium, running_dashboard
from signed_in import PASSWORD, PASSWORD_HASH

from radar import store
from radar.auth import PASSWORD_HASH_ENV_VAR
from radar.i18n import t
from radar.model import Lang

pytestmark = pytest.mark.browser

require_chromium()

from playwright.sync_api import Browser, Page  # noqa: E402


def _axe_script() -> str:
    """axe-core's source from the pinned wheel; skipped without it, except in CI."""
    try:
        from axe_playwright_python.base import AXE_SCRIPT
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip(
            "axe-playwright-python not installed (pip install -r requirements-dev.txt); "
            "accessibility tests skipped",
            allow_module_level=True,
        )
    return str(AXE_SCRIPT)


AXE: Final = _axe_script()
#: What fails the test; "moderate" and "minor" findings are printed, not failed.
FAILING: Final = ("serious", "critical")
#: WCAG 2.1 A and AA, the level webtilgængelighedsloven asks for.
AXE_OPTIONS: Final = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

DESKTOP: Final = {"viewport": {"width": 1366, "height": 768}}
PHONE: Final = {
    "viewport": {"width": 390, "height": 844},
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
}
#: Every page a visitor reaches, by its address.
PUBLIC_PAGES: Final = (
    "",
    "teknologi",
    "sammenlign",
    "overblik",
    "om",
    "praesenter",
    "workshop",
    "deltag",
    "eksport",
    "redaktoer",
)
#: The pages behind a sign-in, checked again signed in as an editor.
EDITOR_PAGES: Final = ("rediger", "udgaver", "importer", "workshop")


@dataclass(frozen=True)
class Finding:
    """One serious or critical axe-core violation on one element of one page."""

    page: str
    rule: str
    impact: str
    target: str
    help: str

    def __str__(self) -> str:
        return f"{self.page}: {self.rule} ({self.impact}) at {self.target}: {self.help}"


@pytest.fixture(scope="module")
def server(copy_seeded_db: Callable[[], Path], browser: Browser) -> Iterator[str]:
    """The dashboard with editing turned on, on its own copy of the database."""
    env = {store.DB_ENV_VAR: str(copy_seeded_db()), PASSWORD_HASH_ENV_VAR: PASSWORD_HASH}
    with running_dashboard(browser, env) as url:
        yield url


def settle(page: Page) -> None:
    """Wait for the page's run, and for the rerun a window size report may cause."""
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_timeout(600)
    page.wait_for_selector(READY, timeout=60_000)


def findings(page: Page, name: str) -> list[Finding]:
    """axe-core's serious and critical violations on the page as it is now."""
    page.evaluate(AXE)
    result: dict[str, Any] = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    found = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            impact = node.get("impact") or violation.get("impact") or ""
            if impact in FAILING:
                target = " ".join(str(part) for part in node["target"])
                found.append(Finding(name, violation["id"], impact, target, violation["help"]))
    return found


def open_signed_in(page: Page, url: str, lang: Lang) -> None:
    """Open ``url`` as an editor: sign in on the page itself when it asks.

    A password sign-in lasts as long as the tab's session, so a page opened by
    its address may ask again; its own form signs in and shows the page.
    """
    page.goto(url)
    settle(page)
    name = page.get_by_role("textbox", name=t("auth.name", lang))
    if name.count() == 0:
        return
    name.fill("Axe Tester")
    page.get_by_role("textbox", name=t("auth.password", lang)).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.sign_in", lang)).click()
    name.wait_for(state="detached", timeout=30_000)
    settle(page)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_page_has_a_serious_or_critical_axe_violation(
    browser: Browser, server: str, device: dict[str, Any], lang: Lang
) -> None:
    context = browser.new_context(**device)
    page = context.new_page()
    found: list[Finding] = []
    try:
        for path in PUBLIC_PAGES:
            page.goto(f"{server}/{path}?lang={lang}")
            settle(page)
            found += findings(page, f"/{path}?lang={lang}")
        for path in EDITOR_PAGES:
            open_signed_in(page, f"{server}/{path}?lang={lang}", lang)
            found += findings(page, f"/{path}?lang={lang} (signed in)")
    finally:
        context.close()
    assert not found, "axe-core found:\n" + "\n".join(str(item) for item in found)
