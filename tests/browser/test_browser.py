"""What only a real browser shows: the drawn radar, clicks on blips, the URL.

Runs the dashboard with ``streamlit run`` and drives Debian's Chromium with
Playwright. Outside CI a missing Chromium skips these tests with a clear
message; in CI (``CI`` set) it fails them, so they can never be skipped there.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import duckdb
import pytest
from browser_support import PLOT, READY, require_chromium

from radar import store
from radar.pipeline import history
from radar.pipeline.view import ViewFilter
from radar.store import load_area_history, load_view

pytestmark = pytest.mark.browser


require_chromium()

from playwright.sync_api import Browser, Page, expect  # noqa: E402


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    yield page
    context.close()


def expected_ids(con: duckdb.DuckDBPyConnection, area: str) -> list[str]:
    """The technologies on ``area``'s latest radar: drawn, or counted in a cell's "+N".

    How many a crowded cell can show depends on the figure's pixel size (a
    blip is never too small for its number), so the browser test counts the
    two together.
    """
    view = load_view(con, ViewFilter(area=area))
    return sorted(view[view["visible"]]["id"])


def assert_on_radar(page: Page, expected: list[str]) -> None:
    """Each expected technology is a drawn blip or behind a "+N", and nothing else is drawn."""
    drawn = drawn_ids(page)
    assert set(drawn) <= set(expected)
    assert len(drawn) + hidden_count(page) == len(expected)


def hidden_count(page: Page) -> int:
    """How many technologies the drawn "+N" markers stand for."""
    texts = page.evaluate(
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " const t = gd._fullData.find(t => t.name === 'overflow');"
        " return t ? Array.from(t.text) : []; }"
    )
    return sum(int(text.lstrip("+")) for text in texts)


def wait_ready(page: Page) -> None:
    page.wait_for_selector(READY, timeout=30_000)
    page.wait_for_selector(PLOT, timeout=30_000)
    # The radar is drawn once plotly has laid out its blip trace.
    page.wait_for_function(
        "() => { const gd = document.querySelector('.js-plotly-plot');"
        " return gd && gd._fullData && gd._fullData.some(t => t.name === 'blips'); }",
        timeout=30_000,
    )


def drawn_ids(page: Page) -> list[str]:
    return sorted(
        page.evaluate(
            "() => { const gd = document.querySelector('.js-plotly-plot');"
            " return Array.from(gd._fullData.find(t => t.name === 'blips').customdata); }"
        )
    )


def blip_pixel(page: Page, tech_id: str) -> tuple[float, float]:
    """Where a blip is on screen, from plotly's own axis mapping."""
    x, y = page.evaluate(
        """id => {
            const gd = document.querySelector('.js-plotly-plot');
            const trace = gd._fullData.find(t => t.name === 'blips');
            const i = Array.from(trace.customdata).indexOf(id);
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
            const box = gd.getBoundingClientRect();
            return [box.left + xa._offset + xa.l2p(trace.x[i]),
                    box.top + ya._offset + ya.l2p(trace.y[i])];
        }""",
        tech_id,
    )
    return float(x), float(y)


def query(page: Page) -> dict[str, list[str]]:
    """The URL's parameters as the page has them (Streamlit updates them in place)."""
    return parse_qs(urlparse(page.evaluate("() => window.location.href")).query)


def test_the_radar_draws_every_blip_of_the_area(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    page.goto(f"{server}/?area=social-og-sundhed")
    wait_ready(page)
    assert_on_radar(page, expected_ids(con, "social-og-sundhed"))
    # Ring names are drawn on the radar itself.
    for ring in ("KLAR", "AFPRØV", "HOLD ØJE", "AFVENT"):
        assert page.locator(PLOT).get_by_text(ring, exact=True).count() >= 1


def test_changing_the_area_changes_the_blips_and_the_url(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    page.goto(server)
    wait_ready(page)
    assert_on_radar(page, expected_ids(con, "samlet"))
    page.get_by_test_id("stSelectbox").filter(has_text="Fagområde").click()
    page.get_by_role("option", name="Beskæftigelse", exact=True).click()
    page.wait_for_function(
        "n => { const gd = document.querySelector('.js-plotly-plot');"
        " if (!gd || !gd._fullData) return false;"
        " const blips = gd._fullData.find(t => t.name === 'blips');"
        " const more = gd._fullData.find(t => t.name === 'overflow');"
        " const hidden = more ? Array.from(more.text).reduce((s, t) => s + Number(t.slice(1)), 0)"
        " : 0;"
        " return blips && blips.customdata.length + hidden === n; }",
        arg=len(expected_ids(con, "beskaeftigelse")),
        timeout=30_000,
    )
    wait_ready(page)
    assert_on_radar(page, expected_ids(con, "beskaeftigelse"))
    assert query(page)["area"] == ["beskaeftigelse"]


def test_clicking_a_blip_shows_its_details(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    page.goto(f"{server}/?area=teknik-og-miljoe")
    wait_ready(page)
    tech_id = drawn_ids(page)[0]
    name = store.load_technologies(con)[tech_id].name_da
    page.mouse.click(*blip_pixel(page, tech_id))
    # The panel is there before the click's rerun fills it in: wait for the name itself.
    expect(page.locator(".st-key-details")).to_contain_text(name, timeout=30_000)
    page.wait_for_function("id => location.search.includes('tech=' + id)", arg=tech_id)
    assert query(page)["tech"] == [tech_id]


def test_a_shared_link_opens_in_english_with_details(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    tech_id = expected_ids(con, "beskaeftigelse")[0]
    tech = store.load_technologies(con)[tech_id]
    page.goto(f"{server}/?area=beskaeftigelse&tech={tech_id}&lang=en")
    wait_ready(page)
    details = page.locator(".st-key-details")
    details.wait_for(timeout=30_000)
    text = details.inner_text()
    assert tech.name_en in text
    assert "Ring in each welfare area" in text
    assert page.get_by_role("heading", name="Technology radar").count() == 1
    assert page.locator(PLOT).get_by_text("Ready", exact=True).count() >= 1
    assert_on_radar(page, expected_ids(con, "beskaeftigelse"))


def test_a_table_row_opens_details_again_after_closing(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    page.goto(f"{server}/?view=table&area=beskaeftigelse")
    page.wait_for_selector(READY, timeout=30_000)
    grid = page.get_by_test_id("stDataFrame").first
    grid.wait_for(timeout=30_000)
    first = load_view(con, ViewFilter(area="beskaeftigelse")).iloc[0]
    box = grid.bounding_box()
    assert box is not None
    # The grid is drawn on a canvas: click the selection cell of the first row.
    row_one = (box["x"] + 18, box["y"] + 35 + 17)
    for _ in range(2):
        page.mouse.click(*row_one)
        page.locator(".st-key-details").wait_for(timeout=30_000)
        page.wait_for_function("id => location.search.includes('tech=' + id)", arg=first["id"])
        page.get_by_role("button", name="Luk").click()
        page.locator(".st-key-details").wait_for(state="detached", timeout=30_000)
        assert "tech" not in query(page)
        grid = page.get_by_test_id("stDataFrame").first
        grid.wait_for(timeout=30_000)


def test_english_and_the_filters_survive_filtering_and_a_visit_to_another_page(
    page: Page, server: str
) -> None:
    page.goto(f"{server}/?lang=en")
    wait_ready(page)
    page.get_by_test_id("stSelectbox").filter(has_text="Category").click()
    page.get_by_role("option", name="Data, sensors and IoT", exact=True).click()
    page.wait_for_function("() => location.search.includes('sector=DATA')")
    assert query(page) == {"lang": ["en"], "sector": ["DATA"]}
    page.get_by_role("link", name="About the radar").click()
    page.get_by_role("heading", name="About the technology radar").wait_for()
    assert query(page) == {"lang": ["en"]}
    page.get_by_role("link", name="Radar", exact=True).click()
    wait_ready(page)
    page.wait_for_function("() => location.search.includes('sector=DATA')")
    assert query(page) == {"lang": ["en"], "sector": ["DATA"]}
    assert page.get_by_role("heading", name="Technology radar").count() == 1


def test_on_a_phone_the_radar_fits_the_screen_with_a_sector_key(
    browser: Browser, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        user_agent="Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    try:
        page.goto(f"{server}/?area=administration")
        wait_ready(page)
        assert_on_radar(page, expected_ids(con, "administration"))
        plot = page.locator(PLOT)
        plot.scroll_into_view_if_needed()
        box = plot.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        # Every sector name is drawn in full, inside the screen.
        for name in ("Automatisering og kunstig intelligens", "Velfærdsteknologi og robotter"):
            label = plot.get_by_text(name)
            label_box = label.bounding_box()
            assert label_box is not None
            assert label_box["x"] >= 0 and label_box["x"] + label_box["width"] <= 390
        # On a touch screen the first tap shows the blip's label (there is no
        # hover), and a second tap opens its details.
        tech_id = drawn_ids(page)[0]
        name = store.load_technologies(con)[tech_id].name_da
        page.touchscreen.tap(*blip_pixel(page, tech_id))
        page.locator(".hoverlayer .hovertext").filter(has_text=name).wait_for(timeout=10_000)
        # Two taps within plotly's 300 ms double-click delay would be a double tap.
        page.wait_for_timeout(500)
        page.touchscreen.tap(*blip_pixel(page, tech_id))
        page.locator(".st-key-details").wait_for(timeout=30_000)
        page.wait_for_function("id => location.search.includes('tech=' + id)", arg=tech_id)
    finally:
        context.close()


def moved_between(con: duckdb.DuckDBPyConnection, area: str, earlier: int, later: int) -> list[str]:
    """The technologies that changed ring on ``area``'s radar from ``earlier`` to ``later``."""
    placed = load_area_history(con, area)
    comparison = history.compare_editions(placed, earlier, later, RING_IDS)
    moved = comparison.changes[comparison.changes["kind"].isin(["in", "out"])]
    return sorted(moved.loc[moved["shown_after"].astype(bool), "id"])


RING_IDS = ("klar", "afproev", "hold-oeje", "afvent")


def trail_heads(page: Page) -> list[str]:
    """The technologies the drawn comparison has an arrow to (the "trails" trace)."""
    ids = page.evaluate(
        "() => { const t = document.querySelector('.js-plotly-plot')._fullData"
        ".find(t => t.name === 'trails'); return t ? Array.from(t.customdata) : []; }"
    )
    return sorted(ids[1::3])


def test_the_comparison_draws_a_trail_for_every_moved_blip_and_restores_from_the_url(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    page.goto(f"{server}/sammenlign?area=social-og-sundhed&edition=2025&compare=2021")
    wait_ready(page)
    moved = moved_between(con, "social-og-sundhed", 2021, 2025)
    assert len(moved) >= 5
    # One arrow per moved blip, ending at its blip, and drawn by plotly. Arrows
    # run straight in or out from the earlier ring, so a move across a ring
    # border can be only a few pixels long.
    assert trail_heads(page) == moved
    drawn = page.evaluate(
        """() => {
            const gd = document.querySelector('.js-plotly-plot');
            const i = gd._fullData.findIndex(t => t.name === 'trails');
            const layer = document.querySelectorAll('.scatterlayer .trace')[i];
            return Array.from(layer.querySelectorAll('path.js-line'))
                .filter(p => p.getTotalLength() > 0.5).length;
        }"""
    )
    assert drawn == len(moved)
    # The URL's editions are the ones chosen, and the page lists the moves.
    later = page.get_by_test_id("stSelectbox").filter(has_text="Udgave")
    earlier = page.get_by_test_id("stSelectbox").filter(has_text="Sammenlignet med")
    assert later.get_by_role("combobox").input_value() == "2025"
    assert earlier.get_by_role("combobox").input_value() == "2021"
    assert page.get_by_text("rykket ind i KLAR").count() >= 1
    # Choosing another earlier edition redraws the trails and updates the URL.
    earlier.click()
    page.get_by_role("option", name="2024", exact=True).click()
    page.wait_for_function("() => location.search.includes('compare=2024')")
    expected = moved_between(con, "social-og-sundhed", 2024, 2025)
    page.wait_for_function(
        "n => { const gd = document.querySelector('.js-plotly-plot');"
        " const t = gd._fullData.find(t => t.name === 'trails');"
        " return t && t.customdata.length === 3 * n; }",
        arg=len(expected),
        timeout=30_000,
    )
    assert trail_heads(page) == expected


def test_the_radar_draws_new_and_moved_blips_in_their_own_shapes(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    page.goto(f"{server}/?area=social-og-sundhed&edition=2023&changed=1")
    wait_ready(page)
    view = load_view(con, ViewFilter(area="social-og-sundhed", edition=2023, changed=True))
    changed = view[view["visible"]]
    assert set(changed["movement"]) <= {"new", "in", "out"} and len(changed) > 0
    assert_on_radar(page, sorted(changed["id"]))
    changed = changed[changed["id"].isin(drawn_ids(page))]
    # Polygon corners per drawn shape: 10 for a star, 3 for a triangle.
    corners = page.evaluate(
        """() => {
            const gd = document.querySelector('.js-plotly-plot');
            const counts = [];
            for (const t of gd._fullData.filter(t => (t.name || '').startsWith('circles-'))) {
                let n = 0;
                for (const x of t.x) {
                    if (Number.isNaN(x) || x === null) { counts.push(n - 1); n = 0; } else n++;
                }
            }
            return counts.sort((a, b) => a - b);
        }"""
    )
    expected = sorted(10 if m == "new" else 3 for m in changed["movement"])
    assert corners == expected
    assert page.get_by_text("rykket ind (spidsen mod centrum)").count() == 1


def test_the_technology_page_draws_its_ring_timeline_inside_out(
    page: Page, server: str, con: duckdb.DuckDBPyConnection
) -> None:
    page.goto(f"{server}/teknologi?tech=generativ-ai-assistent")
    page.wait_for_selector(READY, timeout=30_000)
    page.wait_for_selector(PLOT, timeout=30_000)
    name = store.load_technologies(con)["generativ-ai-assistent"].name_da
    assert page.get_by_role("heading", name=name).count() == 1
    timeline = page.locator(PLOT).first
    # One line per welfare area where it was assessed, plus the combined one.
    areas = store.query_frame(
        con, "SELECT DISTINCT area FROM assessments WHERE technology = 'generativ-ai-assistent'"
    )
    lines = timeline.evaluate("gd => gd._fullData.filter(t => t.mode.includes('lines')).length")
    assert lines == len(areas) + 1
    # The inner ring is drawn at the top: its tick label sits above the outer ring's.
    ticks = {
        label: timeline.get_by_text(label, exact=True).first.bounding_box()["y"]
        for label in ("KLAR", "AFPRØV", "HOLD ØJE", "AFVENT")
    }
    assert ticks["KLAR"] < ticks["AFPRØV"] < ticks["HOLD ØJE"] < ticks["AFVENT"]
    # The years on the x axis are the editions it was on the radar.
    assert timeline.get_by_text("2024", exact=True).count() >= 1
    assert timeline.get_by_text("2025", exact=True).count() >= 1
    # Back to the radar with the technology selected.
    page.get_by_role("link", name="Vis på radaren").click()
    page.locator(".st-key-details").wait_for(timeout=30_000)
    page.wait_for_function("() => location.search.includes('tech=generativ-ai-assistent')")
    assert name in page.locator(".st-key-details").inner_text()
