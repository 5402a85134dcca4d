"""Presenter mode in a real browser: a 1920 × 1080 projector, the arrow keys, a reload.

Runs the dashboard with ``streamlit run`` and drives Debian's Chromium with
Playwright, as ``test_browser.py`` does. Outside CI a missing Chromium skips
these tests with a clear message; in CI (``CI`` set) it fails them.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import duckdb
import pytest
from browser_support import PLOT, READY, require_chromium

from radar import store
from radar.pipeline.presenter import Step, step_order
from radar.pipeline.view import ViewFilter
from radar.store import load_view

pytestmark = pytest.mark.browser

BIG_NAME = '[class*="st-key-presenter_caption"] h2'
SCREEN = {"width": 1920, "height": 1080}

require_chromium()

from playwright.sync_api import Browser, Page  # noqa: E402


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=SCREEN)
    page = context.new_page()
    yield page
    context.close()


def wait_ready(page: Page) -> None:
    page.wait_for_selector(READY, timeout=30_000)
    page.wait_for_selector(PLOT, timeout=30_000)
    page.wait_for_function(
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " return gd && gd._fullData && gd._fullData.some(t => t.name === 'blips'); }",
        timeout=30_000,
    )


def query(page: Page) -> dict[str, list[str]]:
    """The URL's parameters as the page has them (Streamlit updates them in place)."""
    return parse_qs(urlparse(page.evaluate("() => window.location.href")).query)


def steps(con: duckdb.DuckDBPyConnection, area: str) -> tuple[Step, ...]:
    return step_order(load_view(con, ViewFilter(area=area)))


def big_name(con: duckdb.DuckDBPyConnection, area: str, step: int) -> str:
    """The title the panel shows at ``step``: "number. name"."""
    current = steps(con, area)[step - 1]
    return f"{current.number}. {store.load_technologies(con)[current.technology].name_da}"


def test_the_radar_fills_a_projector_screen_without_chrome_in_large_type(
    page: Page, server: str
) -> None:
    # The radar page hands ?present=1 over to the presenter page.
    page.goto(f"{server}/?present=1&area=beskaeftigelse")
    wait_ready(page)
    page.wait_for_function("() => location.pathname.endsWith('/praesenter')")
    assert query(page)["area"] == ["beskaeftigelse"]
    box = page.locator(PLOT).bounding_box()
    assert box is not None
    assert box["height"] >= 900
    assert box["y"] >= 0 and box["y"] + box["height"] <= SCREEN["height"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= SCREEN["width"]
    # No Streamlit header, toolbar or navigation, and not the app's own title.
    for chrome in ("stHeader", "stToolbar", "stTopNav"):
        assert not page.get_by_test_id(chrome).is_visible()
    assert page.locator("h1").count() == 0
    assert page.evaluate("() => document.documentElement.scrollHeight") <= SCREEN["height"]
    # Labels readable from the back of the room.
    for ring in ("KLAR", "AFPRØV", "HOLD ØJE", "AFVENT"):
        label = page.locator(PLOT).get_by_text(ring, exact=True).first
        assert label.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 24
    title = page.locator(BIG_NAME)
    assert title.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") >= 32


def test_the_arrow_keys_step_through_the_blips_and_a_reload_keeps_the_place(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    page.goto(f"{server}/praesenter?present=1&step=3")
    wait_ready(page)
    name = page.locator(BIG_NAME)
    assert name.inner_text() == big_name(con, "samlet", 3)
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('step') === '4'")
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.innerText === text",
        arg=[BIG_NAME, big_name(con, "samlet", 4)],
        timeout=30_000,
    )
    # The spotlight is drawn: one outlined blip, the rest dimmed.
    assert page.evaluate(
        "() => document.querySelector('.js-plotly-plot')._fullData"
        ".some(t => t.name === 'spotlight')"
    )
    page.reload()
    wait_ready(page)
    assert query(page)["step"] == ["4"]
    assert name.inner_text() == big_name(con, "samlet", 4)
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => new URLSearchParams(location.search).get('step') === '3'")
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.innerText === text",
        arg=[BIG_NAME, big_name(con, "samlet", 3)],
        timeout=30_000,
    )
