"""The radar page's layout as a user sees it: the disc's size and place, details in view, embed.

The disc is measured from the drawn plot: plotly's own axis mapping of the
radar's outer ring (radius 1 in the figure's units) to screen pixels.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import duckdb
import pytest
from browser_support import READY, require_chromium

from radar import store
from radar.model import Catalog
from radar.pipeline.view import ViewFilter
from radar.store import load_view
from radar.ui.components.chart import figure_size
from radar.ui.components.viewport import Viewport

pytestmark = pytest.mark.browser

require_chromium()

from playwright.sync_api import Browser, Page, expect  # noqa: E402

PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"
)

#: The disc's outer ring on screen, in page pixels (scrolled to the top), and where the
#: filter row above it ends.
DISC = """() => {
  const gd = document.querySelector('.js-plotly-plot');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const box = gd.getBoundingClientRect();
  const left = box.left + xa._offset + xa.l2p(-1), right = box.left + xa._offset + xa.l2p(1);
  const top = box.top + ya._offset + ya.l2p(1), bottom = box.top + ya._offset + ya.l2p(-1);
  const filters = document.querySelector('.st-key-radar_page_filters');
  const filtersBottom = filters ? filters.getBoundingClientRect().bottom : -1;
  return {left, right, top, bottom, figureTop: box.top, figureBottom: box.bottom, filtersBottom};
}"""


def open_page(
    browser: Browser, url: str, width: int, height: int, *, embed: bool = False
) -> tuple[Any, Page]:
    phone = width < 640
    extra: dict[str, Any] = (
        {"user_agent": PHONE_AGENT, "is_mobile": True, "has_touch": True} if phone else {}
    )
    context = browser.new_context(viewport={"width": width, "height": height}, **extra)
    page = context.new_page()
    page.goto(url)
    wait_drawn(page, None if phone else figure_size(Viewport(width, height), embed=embed).height)
    return context, page


def wait_drawn(page: Page, figure_height: int | None) -> None:
    """Wait for the radar drawn for this window (not the first run's guess of its size)."""
    page.wait_for_selector(READY, timeout=60_000)
    page.wait_for_function(
        "h => { const gd = document.querySelector('.js-plotly-plot');"
        " return gd && gd._fullData && gd._fullData.some(t => t.name === 'blips')"
        " && (h === null || gd.layout.height === h); }",
        arg=figure_height,
        timeout=60_000,
    )
    page.wait_for_selector(READY, timeout=60_000)


def disc(page: Page) -> dict[str, float]:
    return {k: float(v) for k, v in page.evaluate(DISC).items()}


def settled_disc(page: Page, reads: int = 40) -> dict[str, float]:
    """The disc once the page has stopped moving: two readings 250 ms apart agree.

    A rerun's last elements may land a few frames after the script has stopped;
    a disc that still differs after 10 s has moved for good.
    """
    last = disc(page)
    for _ in range(reads):
        page.wait_for_timeout(250)
        now = disc(page)
        if all(abs(now[k] - last[k]) < 0.5 for k in now):
            return now
        last = now
    return last


@pytest.fixture
def desktop(browser: Browser, server: str) -> Iterator[Page]:
    context, page = open_page(browser, f"{server}/?area=samlet", 1366, 768)
    yield page
    context.close()


# Share of the window's height the figure takes at least (the page's part: the
# window under the filter row), and the disc at least: the issue asks 70 % at
# 1920x1080. Narrower windows give the disc less, because the category names
# need their columns beside it. Before this work: figure 700 px, disc 48 % at
# 1920x1080, and at 1536x864 and smaller the disc ran off the first screen.
SIZES = [
    pytest.param(1920, 1080, 0.78, 0.70, id="1920x1080"),
    pytest.param(1536, 864, 0.70, 0.65, id="1536x864"),
    pytest.param(1366, 768, 0.70, 0.62, id="1366x768"),
    pytest.param(1280, 720, 0.70, 0.60, id="1280x720"),
    pytest.param(1024, 768, 0.60, 0.38, id="1024x768"),
    pytest.param(390, 844, 0.0, 0.0, id="phone-390x844"),
]

#: The sizes of the numbers drawn in the blips, in CSS pixels.
NUMBER_SIZES = """() => [...document.querySelectorAll(
  '.js-plotly-plot .scatterlayer .textpoint text')]
  .map(t => parseFloat(getComputedStyle(t).fontSize))"""


@pytest.mark.parametrize(("width", "height", "figure_share", "disc_share"), SIZES)
def test_the_whole_disc_is_in_the_first_screen_and_uses_it(
    browser: Browser, server: str, width: int, height: int, figure_share: float, disc_share: float
) -> None:
    context, page = open_page(browser, server, width, height)
    try:
        box = settled_disc(page)
        # The whole disc, without scrolling, every blip numbered legibly.
        assert box["top"] >= 0 and box["bottom"] <= height, box
        sizes = page.evaluate(NUMBER_SIZES)
        assert len(sizes) >= 50 and min(sizes) >= 11, sorted(sizes)[:5]
        assert box["left"] >= 0 and box["right"] <= width, box
        if width < 640:
            # A phone: the radar fills the width (the filters are in a drawer above it).
            assert box["right"] - box["left"] >= 0.8 * width, box
            assert page.get_by_test_id("stExpander").first.is_visible()
            assert not page.get_by_test_id("stSelectbox").first.is_visible()
        else:
            assert box["figureBottom"] <= height
            assert box["figureBottom"] - box["figureTop"] >= figure_share * height, box
            assert box["bottom"] - box["top"] >= disc_share * height, box
            # The filters in one row, above the radar.
            filters = page.locator(".st-key-radar_page_filters")
            row = filters.bounding_box()
            assert row is not None and row["height"] < 100
            # Read in the same settled reading as the figure: the row may still be
            # growing into place a frame after the script has stopped.
            assert box["filtersBottom"] <= box["figureTop"], box
    finally:
        context.close()


def test_a_name_low_in_the_list_opens_its_details_in_view_and_the_radar_stays(
    desktop: Page, con: duckdb.DuckDBPyConnection
) -> None:
    page = desktop
    view = load_view(con, ViewFilter())
    last = view[view["visible"] & view["match"]].sort_values("number").iloc[-1]
    name = store.load_technologies(con)[last["id"]].name_da
    before = settled_disc(page)
    entry = page.locator(".st-key-radar_page_lists").get_by_text(f"{int(last['number'])}. {name}")
    # As a mouse wheel over the list does: the list scrolls, the window does not.
    # (Playwright's own scrolling may also scroll the window when the panel's
    # foot is a few pixels below it, which moved the radar in some runs.)
    entry.evaluate(
        "e => { const host = e.getRootNode().host || e;"
        " const list = host.closest('.st-key-radar_page_lists');"
        " list.scrollTop += e.getBoundingClientRect().top - list.getBoundingClientRect().top"
        " - list.clientHeight / 2; }"
    )
    entry.click()
    # The technology's own heading: while the rerun runs, Streamlit may still show
    # the previous run's elements in the panel, other h3 headings among them.
    heading = page.locator(".st-key-details").get_by_role("heading", name=name, level=3)
    heading.first.wait_for(timeout=30_000)
    page.wait_for_selector(READY, timeout=30_000)
    box = heading.first.bounding_box()
    assert box is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= 768, box
    after = settled_disc(page)
    assert abs(after["top"] - before["top"]) < 2 and abs(after["left"] - before["left"]) < 2


def test_an_embedded_radar_shows_the_radar_alone(
    browser: Browser, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    context, page = open_page(
        browser, f"{server}/?embed=true&area=beskaeftigelse&edition=2025", 1000, 760, embed=True
    )
    try:
        view = load_view(con, ViewFilter(area="beskaeftigelse", edition=2025))
        drawn = page.evaluate(
            "() => Array.from(document.querySelector('.js-plotly-plot')._fullData"
            ".find(t => t.name === 'blips').customdata)"
        )
        assert sorted(drawn) == sorted(view[view["shown"]]["id"])
        # No title, menu, language toggle or filters: the radar alone, in the frame.
        assert page.get_by_role("heading", name="Teknologiradar").count() == 0
        assert page.get_by_role("link", name="Om radaren").count() == 0
        assert page.get_by_test_id("stSelectbox").count() == 0
        assert page.get_by_role("button", name="English").count() == 0
        box = disc(page)
        assert box["top"] >= 0 and box["bottom"] <= 760
        link = page.get_by_role("link", name="Åbn hele radaren")
        assert "area=beskaeftigelse" in (link.get_attribute("href") or "")
        assert "embed" not in (link.get_attribute("href") or "")
    finally:
        context.close()


def test_on_a_phone_a_name_low_in_the_list_scrolls_to_its_details(
    browser: Browser, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    context, page = open_page(browser, f"{server}/?area=samlet", 390, 844)
    try:
        view = load_view(con, ViewFilter())
        last = view[view["visible"] & view["match"]].sort_values("number").iloc[-1]
        name = store.load_technologies(con)[last["id"]].name_da
        entry = page.locator(".st-key-radar_page_lists").get_by_text(
            f"{int(last['number'])}. {name}"
        )
        entry.scroll_into_view_if_needed()
        entry.tap()
        heading = page.locator(".st-key-details h3")
        heading.wait_for(timeout=30_000)
        page.wait_for_selector(READY, timeout=30_000)
        # The details sit above the list: the page brings them into view.
        page.wait_for_function(
            "() => { const r = document.querySelector('.st-key-details h3')"
            ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; }",
            timeout=10_000,
        )
        assert name in heading.inner_text()
    finally:
        context.close()


#: As drawn on screen: each ring name's box (its four corners, turned as the
#: text is) and each blip's circle (centre and radius, from its marker).
RING_NAMES_AND_BLIPS = """names => {
  const gd = document.querySelector('.js-plotly-plot');
  // A name too long for its ring is cut short with "…".
  const isName = t => names.some(n => t === n || (t.endsWith('…') && n.startsWith(t.slice(0, -1))));
  const boxes = [...gd.querySelectorAll('.annotation')].filter(
      a => isName(a.textContent.trim())).map(a => {
    const text = a.querySelector('.annotation-text-g') || a;
    const b = text.getBBox(), m = text.getScreenCTM();
    const corner = (x, y) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f];
    return {name: a.textContent.trim(), corners: [corner(b.x, b.y), corner(b.x + b.width, b.y),
      corner(b.x + b.width, b.y + b.height), corner(b.x, b.y + b.height)]};
  });
  const blips = [...gd.querySelectorAll('.scatterlayer .trace .points path.point')].map(p => {
    const r = p.getBoundingClientRect();
    return {x: r.left + r.width / 2, y: r.top + r.height / 2, r: Math.min(r.width, r.height) / 2};
  }).filter(c => c.r > 0);
  return {boxes, blips};
}"""


def _covers(corners: list[list[float]], x: float, y: float, r: float) -> bool:
    """Whether a circle overlaps a convex quadrilateral (more than a pixel's rounding)."""
    inside = True
    for (ax, ay), (bx, by) in zip(corners, corners[1:] + corners[:1], strict=True):
        ex, ey = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * ex + (y - ay) * ey) / (ex * ex + ey * ey)))
        if math.hypot(x - (ax + t * ex), y - (ay + t * ey)) < r - 1.0:
            return True
        inside = inside and (ex * (y - ay) - ey * (x - ax)) >= 0
    return inside or all(
        (bx - ax) * (y - ay) - (by - ay) * (x - ax) <= 0
        for (ax, ay), (bx, by) in zip(corners, corners[1:] + corners[:1], strict=True)
    )


@pytest.mark.parametrize(
    ("width", "height", "area"),
    [(1920, 1080, "samlet"), (1366, 768, "social-og-sundhed"), (390, 844, "samlet")],
)
def test_no_blip_covers_a_ring_name_on_screen(
    browser: Browser, server: str, catalog: Catalog, width: int, height: int, area: str
) -> None:
    context, page = open_page(browser, f"{server}/?area={area}", width, height)
    try:
        names = [ring.label("da") for ring in catalog.rings]
        drawn = page.evaluate(RING_NAMES_AND_BLIPS, names)
        assert len(drawn["boxes"]) == len(names) and len(drawn["blips"]) >= 50
        covered = [
            (box["name"], round(blip["x"]), round(blip["y"]))
            for box in drawn["boxes"]
            for blip in drawn["blips"]
            if _covers(box["corners"], blip["x"], blip["y"], blip["r"])
        ]
        assert covered == []
    finally:
        context.close()


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1600, 1000)])
def test_a_first_visit_draws_the_radar_for_the_window_in_one_run(
    browser: Browser, server: str, width: int, height: int
) -> None:
    # Before, the first run drew for a 1920x1080 guess, and the window's report
    # asked for a second run: every first visit at another size waited for two.
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        sent: list[object] = []
        page.on("websocket", lambda socket: socket.on("framesent", lambda f: sent.append(f)))
        page.goto(server)
        wait_drawn(page, figure_size(Viewport(width, height)).height)
        page.wait_for_timeout(1500)  # time for a late report from the window
        page.wait_for_selector(READY, timeout=30_000)
        assert len(sent) == 1, "the page asked the server for more than its first run"
    finally:
        context.close()


#: Text in the details that is wider than its box (cut off with "…").
CUT_TEXT = """() => [...document.querySelectorAll('.st-key-details [data-testid="stMetricValue"] *,'
  + ' .st-key-details [data-testid="stMetricLabel"] *')]
  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)"""


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1366, 768)])
def test_the_details_scores_are_never_cut_off(
    browser: Browser, server: str, width: int, height: int
) -> None:
    # The combined radar's maturity read "94% (genn…" at 1920x1080.
    context, page = open_page(browser, f"{server}/?tech=skaermbesoeg", width, height)
    try:
        # The heading arrives first and the scores a moment after it, in the same run.
        scores = page.locator('.st-key-details [data-testid="stMetricValue"]')
        expect(scores).to_have_count(3, timeout=30_000)
        page.wait_for_selector(READY, timeout=30_000)
        assert page.evaluate(CUT_TEXT) == []
    finally:
        context.close()
