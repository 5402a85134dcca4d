"""The list beside the radar in a real browser: buttons, keyboard, hover both ways, text only.

The list is one browser component: a category heading, a small heading per
ring and one button per technology. These tests use it as a keyboard user
and a mouse user would, and compare the highlight it draws over the radar
with where plotly itself put the blip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest
from browser_support import READY, require_chromium, running_dashboard
from playwright.sync_api import expect

from radar import store
from radar.pipeline.view import ViewFilter
from radar.store import load_view
from radar.ui.components.legend import LEGEND_KEY
from radar.ui.components.legend_list import HIGHLIGHT_CLASS, HOT_ATTRIBUTE

pytestmark = pytest.mark.browser

require_chromium()

from playwright.sync_api import Browser, Page  # noqa: E402

AREA = "teknik-og-miljoe"
#: More than the page's controls before the list (menu, filters, switches).
MAX_TABS = 80
ENTRIES = f".st-key-{LEGEND_KEY} button[data-id]"
# The deepest focused element (focus inside a shadow root shows as its host).
FOCUSED_ID = """() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a && a.dataset ? a.dataset.id || null : null;
}"""
BLIP_PIXEL = """id => {
    const gd = document.querySelector('.js-plotly-plot');
    const trace = gd._fullData.find(t => t.name === 'blips');
    const i = Array.from(trace.customdata).indexOf(id);
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    const box = gd.getBoundingClientRect();
    return [box.left + xa._offset + xa.l2p(trace.x[i]),
            box.top + ya._offset + ya.l2p(trace.y[i])];
}"""


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def open_radar(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY, timeout=30_000)
    page.wait_for_function(
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " return gd && gd._fullData && gd._fullData.some(t => t.name === 'blips'); }",
        timeout=30_000,
    )
    page.locator(ENTRIES).first.wait_for(timeout=30_000)


def wait_details(page: Page, tech_id: str) -> None:
    page.wait_for_function("id => location.search.includes('tech=' + id)", arg=tech_id)
    page.locator(".st-key-details").wait_for(timeout=30_000)
    page.wait_for_selector(READY, timeout=30_000)


def listed(con: duckdb.DuckDBPyConnection, area: str) -> list[tuple[str, str, str, int]]:
    """(id, sector, ring, number) of every blip, in the list's order."""
    view = load_view(con, ViewFilter(area=area))
    view = view[view["visible"]].sort_values("number")
    return list(zip(view["id"], view["sector"], view["ring"], view["number"], strict=True))


def test_entries_are_buttons_reached_with_tab_and_opened_with_enter_or_space(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    open_radar(page, f"{server}/?area={AREA}")
    first, second, third = (row[0] for row in listed(con, AREA)[:3])
    names = store.load_technologies(con)
    # Walk the page with Tab from the top, as a keyboard user does: the
    # first entry reached is the list's first.
    ids = {row[0] for row in listed(con, AREA)}
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_ID) in ids:
            break
    assert page.evaluate(FOCUSED_ID) == first
    entry = page.locator(f"{ENTRIES}[data-id='{first}']")
    assert entry.evaluate("b => b.tagName") == "BUTTON"
    # The focus is visible: a solid ring outside the entry.
    outline = entry.evaluate(
        "b => { const s = getComputedStyle(b); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] == "solid" and float(outline[1].removesuffix("px")) >= 2
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_ID) == second
    page.keyboard.press("Enter")
    wait_details(page, second)
    assert names[second].name_da in page.locator(".st-key-details").inner_text()
    page.locator(f"{ENTRIES}[data-id='{second}'][aria-pressed='true']").wait_for(timeout=30_000)
    assert page.locator(f"{ENTRIES}[aria-pressed='true']").count() == 1
    # The rerun drew the list again: the focus stayed on the entry, so the
    # keyboard can go on from there.
    assert page.evaluate(FOCUSED_ID) == second
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_ID) == third
    page.keyboard.press("Space")
    wait_details(page, third)
    assert names[third].name_da in page.locator(".st-key-details").inner_text()
    # Enter on the open one closes it.
    page.keyboard.press("Enter")
    page.locator(".st-key-details").wait_for(state="detached", timeout=30_000)
    # The list is drawn after the details: its mark goes a moment later.
    # The rerun may replace the list while it draws: wait for the new one, unpressed.
    expect(page.locator(f"{ENTRIES}[aria-pressed='false']")).to_have_count(len(ids), timeout=30_000)
    assert page.locator(f"{ENTRIES}[aria-pressed='true']").count() == 0


def test_an_entry_says_its_number_name_ring_and_movement(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    open_radar(page, f"{server}/?area=social-og-sundhed&edition=2023")
    view = load_view(con, ViewFilter(area="social-og-sundhed", edition=2023))
    moved = view[view["movement"] == "in"].iloc[0]
    name = store.load_technologies(con)[moved["id"]].name_da
    ring = store.load_catalog(con).ring(moved["ring"]).label("da")
    expected = f"{moved['number']}. {name}, {ring}, rykket ind"
    entry = page.get_by_role("button", name=expected, exact=True)
    assert entry.count() == 1
    assert entry.get_attribute("data-id") == moved["id"]
    assert entry.inner_text().startswith(f"{moved['number']}. {name}")


def test_the_list_is_grouped_by_ring_within_each_category(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    open_radar(page, f"{server}/?area={AREA}")
    catalog = store.load_catalog(con)
    rings = {r.id: r.label("da") for r in catalog.rings}
    sectors = {s.id: s.label("da") for s in catalog.sectors}
    # What the page shows, in order: headings and entries.
    shown = page.locator(f".st-key-{LEGEND_KEY}").evaluate(
        """host => {
            const root = host.querySelector('[data-testid=stBidiComponentIsolated]').shadowRoot;
            return Array.from(root.querySelectorAll('h3, h4, button')).map(el =>
                [el.tagName, el.tagName === 'BUTTON' ? el.dataset.id : el.textContent]);
        }"""
    )
    expected: list[list[str]] = []
    last: tuple[str, str] | None = None
    rows = listed(con, AREA)
    for tech_id, sector, ring, _ in rows:
        if last is None or last[0] != sector:
            expected.append(["H3", sectors[sector]])
        if last != (sector, ring):
            numbers = [n for _, s, r, n in rows if (s, r) == (sector, ring)]
            low, high = min(numbers), max(numbers)
            expected.append(
                ["H4", f"{rings[ring]} {low}" if low == high else f"{rings[ring]} {low}–{high}"]
            )
        expected.append(["BUTTON", tech_id])
        last = (sector, ring)
    assert shown == expected


def test_hovering_an_entry_rings_its_blip_on_the_radar(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    open_radar(page, f"{server}/?area={AREA}")
    highlight = page.locator(f".{HIGHLIGHT_CLASS}")
    for tech_id in (listed(con, AREA)[0][0], listed(con, AREA)[-1][0]):
        page.locator(f"{ENTRIES}[data-id='{tech_id}']").hover()
        highlight.first.wait_for(state="visible", timeout=10_000)
        assert highlight.get_attribute("data-id") == tech_id
        box = highlight.bounding_box()
        assert box is not None
        x, y = page.evaluate(BLIP_PIXEL, tech_id)
        assert abs(box["x"] + box["width"] / 2 - x) <= 1.5
        assert abs(box["y"] + box["height"] / 2 - y) <= 1.5
        # A ring around the blip, not a dot on it.
        assert box["width"] > 14
    page.mouse.move(5, 500)
    highlight.first.wait_for(state="hidden", timeout=10_000)


def test_focusing_an_entry_rings_its_blip_too(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    open_radar(page, f"{server}/?area={AREA}")
    tech_id = listed(con, AREA)[5][0]
    page.locator(f"{ENTRIES}[data-id='{tech_id}']").focus()
    highlight = page.locator(f".{HIGHLIGHT_CLASS}")
    highlight.first.wait_for(state="visible", timeout=10_000)
    assert highlight.get_attribute("data-id") == tech_id


def test_hovering_a_blip_marks_its_entry_in_the_list(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    open_radar(page, f"{server}/?area={AREA}")
    first, other = listed(con, AREA)[0][0], listed(con, AREA)[-1][0]
    marked = page.locator(f"{ENTRIES}[{HOT_ATTRIBUTE}]")
    assert marked.count() == 0
    for tech_id in (first, other):
        page.mouse.move(*page.evaluate(BLIP_PIXEL, tech_id))
        page.wait_for_function(
            """([hot, id]) => {
                const host = document.querySelector('.st-key-radar_legend_list '
                    + '[data-testid=stBidiComponentIsolated]');
                const on = host.shadowRoot.querySelectorAll('button[' + hot + ']');
                return on.length === 1 && on[0].dataset.id === id;
            }""",
            arg=[HOT_ATTRIBUTE, tech_id],
            timeout=10_000,
        )
    page.mouse.move(5, 500)
    page.wait_for_function(
        "hot => !document.querySelector('.st-key-radar_legend_list "
        "[data-testid=stBidiComponentIsolated]').shadowRoot.querySelector('[' + hot + ']')",
        arg=HOT_ATTRIBUTE,
        timeout=10_000,
    )


def test_blip_hover_still_marks_entries_after_the_radar_is_redrawn(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    open_radar(page, f"{server}/?area={AREA}")
    page.get_by_test_id("stSelectbox").filter(has_text="Fagområde").click()
    page.get_by_role("option", name="Beskæftigelse", exact=True).click()
    tech_id = listed(con, "beskaeftigelse")[0][0]
    page.wait_for_function("() => location.search.includes('area=beskaeftigelse')")
    page.wait_for_selector(READY, timeout=30_000)
    page.locator(f"{ENTRIES}[data-id='{tech_id}']").wait_for(timeout=30_000)
    page.wait_for_function(
        "id => { const gd = document.querySelector('.js-plotly-plot');"
        " const t = gd && gd._fullData && gd._fullData.find(t => t.name === 'blips');"
        " return t && Array.from(t.customdata).includes(id); }",
        arg=tech_id,
        timeout=30_000,
    )
    page.mouse.move(*page.evaluate(BLIP_PIXEL, tech_id))
    page.locator(f"{ENTRIES}[data-id='{tech_id}'][{HOT_ATTRIBUTE}]").wait_for(timeout=10_000)


HOSTILE = "skadelig-listeteknologi"
HOSTILE_NAME = "Liste <img src=x onerror=\"window.__pwned = 'legend'\"> <b>fed</b>"


@pytest.fixture(scope="module")
def hostile_server(browser: Browser, copy_seeded_db: Callable[[], Path]) -> Iterator[str]:
    """The dashboard on a radar with a technology whose name is markup."""
    db = copy_seeded_db()
    con = duckdb.connect(str(db))
    try:
        edition = con.execute("SELECT max(year) FROM editions").fetchone()[0]
        con.execute(
            "INSERT INTO technologies (id, sector, name_da, name_en, summary_da, summary_en, "
            "description_da, description_en) VALUES (?, 'AUT', ?, ?, 'x', 'x', 'x', 'x')",
            [HOSTILE, HOSTILE_NAME, HOSTILE_NAME],
        )
        con.execute(
            "INSERT INTO assessments VALUES (?, ?, ?, 7, 40, 30, 20, 10, NULL, NULL)",
            [edition, AREA, HOSTILE],
        )
    finally:
        con.close()
    with running_dashboard(browser, {store.DB_ENV_VAR: str(db)}) as url:
        yield url


def test_a_name_with_markup_is_listed_as_text_and_never_runs(
    page: Page, hostile_server: str
) -> None:
    open_radar(page, f"{hostile_server}/?area={AREA}")
    entry = page.locator(f"{ENTRIES}[data-id='{HOSTILE}']")
    assert HOSTILE_NAME in entry.inner_text()
    entry.hover()
    entry.click()
    wait_details(page, HOSTILE)
    page.locator(f"{ENTRIES}[data-id='{HOSTILE}'][aria-pressed='true']").wait_for()
    assert page.evaluate("() => window.__pwned") is None, "the name ran as markup"
    # Playwright's CSS looks inside shadow roots: no element the name spells exists.
    assert page.locator(f".st-key-{LEGEND_KEY} img").count() == 0
    assert page.locator(f".st-key-{LEGEND_KEY} b").count() == 0
