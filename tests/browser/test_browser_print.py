"""Ctrl+P: the radar whole on one A4 page, without the menu and filters, its list after it."""

from __future__ import annotations

import io
from collections.abc import Iterator

import duckdb
import pytest
from browser_support import PLOT, READY, require_chromium

from radar.pipeline.view import ViewFilter
from radar.store import load_view
from radar.ui.components.legend import LEGEND_KEY
from radar.ui.components.radar_page_style import LISTS_KEY, SIDE_KEY

pytestmark = pytest.mark.browser

require_chromium()

from playwright.sync_api import Browser, Page  # noqa: E402
from pypdf import PdfReader  # noqa: E402

#: CSS pixels per millimetre (96 per inch).
PX_PER_MM = 96 / 25.4
#: A4 on its side, less the print style's margins, in CSS pixels: what one page holds.
PAGE_WIDTH = (297 - 2 * 12) * PX_PER_MM
PAGE_HEIGHT = (210 - 2 * 12) * PX_PER_MM


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # A laptop's window: on screen the radar is wider and taller than a printed page holds.
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = context.new_page()
    yield page
    context.close()


def _open_radar(page: Page, server: str) -> None:
    page.goto(f"{server}/?area=samlet")
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_selector(f"{PLOT} .main-svg", state="attached", timeout=60_000)


def _box(page: Page, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return box


def test_printing_hides_the_menu_and_filters_and_fits_the_radar_on_a_page(
    page: Page, server: str
) -> None:
    _open_radar(page, server)
    screen = _box(page, f"{PLOT} .svg-container")
    assert page.locator('header[data-testid="stHeader"]').is_visible()

    page.emulate_media(media="print")
    page.wait_for_function(
        "() => !!document.querySelector('.js-plotly-plot svg.main-svg[viewBox]')"
    )
    printed = _box(page, f"{PLOT} .svg-container")
    assert printed["width"] <= PAGE_WIDTH + 1 and printed["height"] <= PAGE_HEIGHT + 1, printed
    # The whole radar is drawn into the smaller box, not cut off: its layers fill it.
    layer = _box(page, f"{PLOT} svg.main-svg")
    assert (
        abs(layer["width"] - printed["width"]) < 2 and abs(layer["height"] - printed["height"]) < 2
    )
    assert not page.locator('header[data-testid="stHeader"]').is_visible()
    assert not page.locator('[data-testid="stSelectbox"]').first.is_visible()
    assert not page.locator('[data-testid="stTextInput"]').first.is_visible()
    # The list comes after the radar, not squeezed beside it.
    listed = _box(page, f".st-key-{LEGEND_KEY}")
    assert listed["y"] >= printed["y"] + printed["height"] - 1
    # All of the list prints: its panel no longer scrolls.
    cut = page.evaluate(
        "keys => keys.map(k => document.querySelector('.st-key-' + k))"
        ".filter(e => e.scrollHeight > e.clientHeight + 1).length",
        [SIDE_KEY, LISTS_KEY],
    )
    assert cut == 0

    # Back on screen, the radar is as it was.
    page.emulate_media(media="screen")
    page.wait_for_function("() => !document.querySelector('.js-plotly-plot svg.main-svg[viewBox]')")
    again = _box(page, f"{PLOT} .svg-container")
    assert abs(again["width"] - screen["width"]) < 2


def _texts(pdf: bytes) -> list[set[str]]:
    """Each printed page's separate text pieces (a blip's number is one)."""
    pages = []
    for sheet in PdfReader(io.BytesIO(pdf)).pages:
        pieces: set[str] = set()
        sheet.extract_text(visitor_text=lambda text, *_, into=pieces: into.add(text.strip()))
        pages.append(pieces)
    return pages


@pytest.mark.parametrize("landscape", [True, False])
def test_the_printed_radar_is_whole_on_the_first_page(
    page: Page, server: str, con: duckdb.DuckDBPyConnection, landscape: bool
) -> None:
    # Printed on its side, the radar ran off the first page's foot: blip 75 was lost.
    _open_radar(page, server)
    view = load_view(con, ViewFilter(area="samlet"))
    numbers = {str(n) for n in view.loc[view["shown"], "number"]}
    # Printed once the radar has drawn its numbers, as a reader would.
    page.wait_for_function(
        "n => document.querySelectorAll('.js-plotly-plot .scatterlayer .textpoint text')"
        ".length >= n",
        arg=len(numbers),
    )
    pages = _texts(page.pdf(format="A4", landscape=landscape, print_background=True))
    assert numbers <= pages[0], sorted(numbers - pages[0], key=int)
    assert {"KLAR", "AFPRØV", "HOLD ØJE", "AFVENT"} <= pages[0]
    # The menu's page names are not printed.
    assert not any("Sammenlign" in text for sheet in pages for text in sheet)
