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

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pytest
from axe_support import AXE, AXE_OPTIONS
from browser_support import READY, require_chromium, running_dashboard
from contrast import contrast, css_hex
from signed_in import PASSWORD, PASSWORD_HASH

from radar import store, theme
from radar.auth import PASSWORD_HASH_ENV_VAR
from radar.i18n import t
from radar.model import Lang
from radar.web.settings import DEFAULT_ACCESSIBILITY_URL

pytestmark = pytest.mark.browser

require_chromium()

from playwright.sync_api import Browser, Page  # noqa: E402

#: What fails the test; "moderate" and "minor" findings are printed, not failed.
FAILING: Final = ("serious", "critical")

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


#: The run has finished and nothing on the page is drawn faded as stale.
_SETTLED_JS: Final = f"""() => !!document.querySelector('{READY}')
  && !document.querySelector('[data-stale="true"]')"""


def settle(page: Page) -> None:
    """Wait for the page's run, and for the rerun a window size report may cause.

    Streamlit fades the elements of a page that is rerunning (stale): axe-core
    would measure the fade, not the colours, so it waits until none is left.
    """
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_timeout(600)
    page.wait_for_function(_SETTLED_JS, timeout=60_000)


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


# Before the page's scripts: every caption, the moment it enters the page (before
# it is painted), with the colour and opacity it would be drawn with.
_WATCH_CAPTIONS_JS = """
window.__captionsSeen = [];
new MutationObserver(records => {
  for (const record of records) for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    const found = node.matches('[data-testid="stCaptionContainer"]') ? [node]
      : Array.from(node.querySelectorAll('[data-testid="stCaptionContainer"]'));
    for (const caption of found) window.__captionsSeen.push({
      text: caption.textContent.trim().slice(0, 40),
      colour: getComputedStyle(caption.querySelector('p') || caption).color,
      opacity: getComputedStyle(caption).opacity});
  }
}).observe(document, {subtree: true, childList: true});
"""


@pytest.mark.parametrize("path", ["", "overblik", "sammenlign"])
def test_captions_are_never_shown_in_streamlit_s_faint_grey(
    browser: Browser, server: str, path: str
) -> None:
    # A first visit: the readable grey must be there when a caption appears,
    # not seconds later (it came with the page's injected style, which Streamlit
    # draws when its HTML element's code has loaded, after the captions).
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.add_init_script(_WATCH_CAPTIONS_JS)
    try:
        page.goto(f"{server}/{path}")
        settle(page)
        seen: list[dict[str, str]] = page.evaluate("() => window.__captionsSeen")
    finally:
        context.close()
    assert seen, f"/{path} showed no caption"
    faint = [c for c in seen if css_hex(c["colour"]) != theme.CAPTION_TEXT or c["opacity"] != "1"]
    assert not faint, f"/{path}: captions drawn faint: {faint}"


def _lang(page: Page) -> str:
    return str(page.evaluate("() => document.documentElement.lang"))


def test_the_page_s_language_is_on_html_from_the_first_byte_and_after_the_toggle(
    browser: Browser, server: str
) -> None:
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    try:
        # Before any script runs: the HTML as the server sent it.
        response = page.goto(f"{server}/overblik")
        assert response is not None and '<html lang="da"' in response.text()
        settle(page)
        assert _lang(page) == "da"
        page.get_by_text("English", exact=True).click()
        page.wait_for_function("() => document.documentElement.lang === 'en'", timeout=30_000)
        settle(page)
        assert _lang(page) == "en"
        page.get_by_text("Dansk", exact=True).click()
        page.wait_for_function("() => document.documentElement.lang === 'da'", timeout=30_000)
        # A link straight to the English page is English from the server on.
        response = page.goto(f"{server}/om?lang=en")
        assert response is not None and '<html lang="en"' in response.text()
    finally:
        context.close()


# The focused element's outline and the page background behind it, as drawn.
_FOCUS_JS = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  return {menu: e.tagName === "A" && !!e.closest('[data-testid="stTopNav"]'),
          style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor};
}"""


def test_keyboard_focus_in_the_top_menu_is_a_clear_ring(browser: Browser, server: str) -> None:
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    try:
        page.goto(f"{server}/om")
        settle(page)
        # Tab until a menu link has the focus (the skip link comes first).
        menu = None
        for _ in range(8):
            page.keyboard.press("Tab")
            focused = page.evaluate(_FOCUS_JS)
            if focused["menu"]:
                menu = focused
                break
        assert menu is not None, "Tab never reached the top menu"
        assert menu["style"] == "solid" and menu["width"] >= 2
        assert contrast(css_hex(menu["colour"]), "#FFFFFF") >= 3.0
    finally:
        context.close()


def test_every_page_links_the_accessibility_statement_except_the_projector(
    browser: Browser, server: str
) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    statement = page.get_by_role("link", name=t("access.footer.statement"), exact=True)
    try:
        # The editors' page stops after its refusal: the footer is there all the same.
        for path in ("", "overblik", "rediger"):
            page.goto(f"{server}/{path}")
            settle(page)
            assert statement.get_attribute("href") == DEFAULT_ACCESSIBILITY_URL, path
        page.goto(f"{server}/?present=1")
        settle(page)
        assert statement.count() == 0
    finally:
        context.close()


# Labels of widgets whose text is wider than the box that shows it.
_CUT_LABELS_JS = """() => Array.from(document.querySelectorAll(
    '[data-testid="stWidgetLabel"] p, [data-baseweb="checkbox"] [data-testid="stMarkdownContainer"]'
  )).filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent.trim())"""


@pytest.mark.parametrize("device", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_filter_label_is_cut_off(browser: Browser, server: str, device: dict[str, Any]) -> None:
    context = browser.new_context(**device)
    page = context.new_page()
    cut: list[str] = []
    try:
        for path in ("", "overblik", "sammenlign", "teknologi"):
            for lang in ("da", "en"):
                page.goto(f"{server}/{path}?lang={lang}")
                settle(page)
                cut += [f"/{path}?lang={lang}: {label}" for label in page.evaluate(_CUT_LABELS_JS)]
    finally:
        context.close()
    assert not cut, "labels cut off:\n" + "\n".join(cut)
