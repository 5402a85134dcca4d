"""Presenter mode in a real browser: projectors 1024 × 768 to 3840 × 2160, clicker keys, reload.

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
#: The projectors the presenter is laid out for, smallest to largest.
SCREENS = ((1024, 768), (1280, 720), (1366, 768), (1920, 1080), (3840, 2160))
NEXT = ".st-key-presenter_button_next button"
PREVIOUS = ".st-key-presenter_button_previous button"
PILLS = ".st-key-presenter_focus"
#: The design's title size at 1920 × 1080 (theme.PRESENTER_TITLE_SIZE); it scales with the screen.
DESIGN_TITLE = 48

require_chromium()

from playwright.sync_api import Browser, Page, expect  # noqa: E402


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=SCREEN)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def small_page(browser: Browser) -> Iterator[Page]:
    """A 1280 × 720 projector, where the clicker test runs."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    yield page
    context.close()


def wait_ready(page: Page) -> None:
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_selector(PLOT, timeout=60_000)
    page.wait_for_function(
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " return gd && gd._fullData && gd._fullData.some(t => t.name === 'blips'); }",
        timeout=60_000,
    )
    # The clicker keys' listener is in place.
    page.wait_for_function("() => window.radarPresenterKeys?.listener", timeout=60_000)


def query(page: Page) -> dict[str, list[str]]:
    """The URL's parameters as the page has them (Streamlit updates them in place)."""
    return parse_qs(urlparse(page.evaluate("() => window.location.href")).query)


def steps(con: duckdb.DuckDBPyConnection, area: str) -> tuple[Step, ...]:
    return step_order(load_view(con, ViewFilter(area=area)))


def wait_step(page: Page, con: duckdb.DuckDBPyConnection, step: int) -> None:
    """Wait until the URL and the big-type panel both show ``step`` of the combined radar."""
    page.wait_for_function(
        "step => (new URLSearchParams(location.search).get('step') || '0') === step",
        arg=str(step),
        timeout=60_000,
    )
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.innerText === text",
        arg=[BIG_NAME, big_name(con, "samlet", step)],
        timeout=60_000,
    )


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
        timeout=60_000,
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
        timeout=60_000,
    )


def longest_step(con: duckdb.DuckDBPyConnection) -> int:
    """The step whose name and one-line description are longest: the panel's worst case."""
    technologies = store.load_technologies(con)

    def length(step: Step) -> int:
        tech = technologies[step.technology]
        return len(tech.name_da) + len(tech.summary_da)

    order = steps(con, "samlet")
    return max(range(1, len(order) + 1), key=lambda number: length(order[number - 1]))


# Measured in the page: where the radar, its labels and every control of the
# panel are, and whether any text is cut short.
LAYOUT_JS = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const plot = gd.getBoundingClientRect();
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: el.textContent}; };
  const main = document.querySelector('[data-testid="stMain"]');
  // Every control and text of the page but the radar's own.
  const outside = (el) => el.offsetParent && !el.closest('.js-plotly-plot');
  const controls = [...main.querySelectorAll('button, a')].filter(outside);
  const cut = [];
  for (const control of controls) {
    for (const el of [control, ...control.querySelectorAll('*')]) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible') {
        cut.push(control.innerText);
      }
    }
    if (control.innerText.includes('\u2026')) cut.push(control.innerText);
  }
  const texts = [...main.querySelectorAll('p, h2, h3, button, a')].filter(outside);
  return {
    plot: box(gd),
    labels: [...gd.querySelectorAll('.annotation, .shapelayer text, .layer-above text')]
      .map(box).filter((b) => b.text.trim()),
    document: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
    main: [main.scrollHeight, main.clientHeight],
    controls: controls.length,
    cut: cut,
    texts: texts.map(box),
    title: parseFloat(getComputedStyle(document.querySelector(
      '[class*="st-key-presenter_caption"] h2')).fontSize),
  };
}"""


@pytest.mark.parametrize(("width", "height"), SCREENS, ids=[f"{w}x{h}" for w, h in SCREENS])
def test_every_projector_shows_the_whole_radar_and_every_control_uncut(
    browser: Browser, server: str, con: duckdb.DuckDBPyConnection, width: int, height: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        # The step with the longest texts, zoomed out: the fullest panel.
        page.goto(f"{server}/praesenter?present=1&step={longest_step(con)}")
        wait_ready(page)
        # The first run draws for a guessed 1920 × 1080 window; the browser then
        # reports its own size and the page draws again for it.
        page.wait_for_function(
            "() => document.querySelector('.js-plotly-plot')._fullLayout.height"
            " <= window.innerHeight",
            timeout=60_000,
        )
        wait_ready(page)
        layout = page.evaluate(LAYOUT_JS)
    finally:
        context.close()
    # The whole radar on the screen, nothing to scroll.
    plot = layout["plot"]
    assert plot["left"] >= 0 and plot["top"] >= 0
    assert plot["right"] <= width and plot["bottom"] <= height
    assert layout["document"][0] <= width and layout["document"][1] <= height
    assert layout["main"][0] <= layout["main"][1]
    # The radar takes the screen's height, less the page's padding.
    assert plot["bottom"] - plot["top"] >= height - 40
    # Every category and ring label whole inside the figure.
    assert len(layout["labels"]) >= 9
    for label in layout["labels"]:
        assert plot["left"] <= label["left"] and label["right"] <= plot["right"], label
        assert plot["top"] <= label["top"] and label["bottom"] <= plot["bottom"], label
    # Every button, pill and link of the panel whole, and every text on the screen.
    assert layout["controls"] >= 9
    assert layout["cut"] == []
    for text in layout["texts"]:
        assert text["right"] <= width and text["bottom"] <= height, text
    # The type scales with the screen: the design's 48 px title at 1920 × 1080,
    # twice that at 3840 × 2160, smaller on a small projector.
    expected = DESIGN_TITLE * min(width / 1920, height / 1080)
    assert layout["title"] == pytest.approx(expected, abs=1)


def test_the_buttons_show_their_arrow_once(page: Page, server: str) -> None:
    page.goto(f"{server}/praesenter?present=1&step=2")
    wait_ready(page)
    for selector, text, arrow in (
        (NEXT, "Næste", "arrow_forward"),
        (PREVIOUS, "Forrige", "arrow_back"),
    ):
        button = page.locator(selector)
        icons = button.get_by_test_id("stIconMaterial")
        # Waits for the icon: Streamlit may draw it a moment after the run ends.
        expect(icons).to_have_text([arrow])
        # No shortcut badge beside the icon, no arrow in the text.
        assert button.locator("kbd").count() == 0
        assert button.locator("p").inner_text() == text
        visible = button.inner_text().replace(arrow, "").split()
        assert visible == [text]


def test_clicker_keys_step_at_1280x720(
    small_page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    page = small_page
    page.goto(f"{server}/praesenter?present=1")
    wait_ready(page)
    # Three presses in a row, as a clicker sends them, without waiting between.
    for _ in range(3):
        page.keyboard.press("PageDown")
    wait_step(page, con, 3)
    page.keyboard.press("PageUp")
    wait_step(page, con, 2)
    page.keyboard.press("Space")
    wait_step(page, con, 3)
    page.keyboard.press("Shift+Space")
    wait_step(page, con, 2)
    page.keyboard.press("ArrowDown")
    wait_step(page, con, 3)
    page.keyboard.press("ArrowUp")
    wait_step(page, con, 2)


def test_after_clicking_a_category_pill_the_arrow_keys_still_step(
    small_page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    page = small_page
    order = steps(con, "samlet")
    first_data = next(i for i, s in enumerate(order, start=1) if s.sector == "DATA")
    page.goto(f"{server}/praesenter?present=1")
    wait_ready(page)
    page.locator(PILLS).get_by_role("radio", name="Data, sensorer og IoT").click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('focus') === 'DATA'")
    wait_ready(page)
    assert page.evaluate("() => document.activeElement.getAttribute('role')") == "radio"
    page.keyboard.press("ArrowRight")
    wait_step(page, con, first_data)
    page.keyboard.press("ArrowRight")
    wait_step(page, con, first_data + 1)
    # The pills kept their choice: the arrows did not move between them.
    assert query(page)["focus"] == ["DATA"]
    page.keyboard.press("ArrowLeft")
    wait_step(page, con, first_data)


def test_keys_typed_in_the_settings_do_not_step(
    small_page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    page = small_page
    page.goto(f"{server}/praesenter?present=1&step=2")
    wait_ready(page)
    page.get_by_role("button", name="Radar og sprog").click()
    area = page.get_by_role("combobox").first
    area.click()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    wait_ready(page)
    assert query(page)["step"] == ["2"]
    # Once out of the field, the keys step again.
    page.keyboard.press("Escape")
    page.locator(BIG_NAME).click()
    page.keyboard.press("PageDown")
    wait_step(page, con, 3)
