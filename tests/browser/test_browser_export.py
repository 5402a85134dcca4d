"""What only a real browser shows: the exported web page works offline, the page downloads.

Drives Debian's Chromium with Playwright, like the other browser tests: skipped
with a message without Chromium outside CI, failed in CI.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from browser_support import READY, require_chromium

from radar import exporting as exports
from radar.formats import OWN_COLUMN_NAMES

pytestmark = pytest.mark.browser

require_chromium()

from playwright.sync_api import Browser, Page  # noqa: E402


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def test_exported_html_draws_the_radar_and_hovers_without_the_network(
    page: Page, con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    path = tmp_path / "radar.html"
    path.write_bytes(exports.export_radar(con, "html", area="social-og-sundhed"))
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_function(
        "() => { const gd = document.getElementById('radar');"
        " return gd && gd._fullData && gd._fullData.some(t => t.name === 'blips'); }",
        timeout=30_000,
    )
    # Hover the first blip as a mouse would: the label names it, with its ring.
    label = page.evaluate(
        "() => { const gd = document.getElementById('radar');"
        " const i = gd._fullData.findIndex(t => t.name === 'blips');"
        " Plotly.Fx.hover(gd, [{curveNumber: i, pointNumber: 0}]);"
        " return Array.from(document.querySelectorAll('.hovertext')).map(e => e.textContent); }"
    )
    assert len(label) == 1 and label[0].startswith("1. ") and "Ring:" in label[0]
    assert requests == [path.as_uri()]
    assert errors == []


def test_the_export_page_downloads_the_file_it_made(page: Page, server: str) -> None:
    page.goto(f"{server}/eksport?area=samlet")
    page.wait_for_selector(READY, timeout=60_000)
    page.get_by_text("CSV", exact=True).click()
    page.wait_for_selector(READY)
    page.get_by_role("button", name="Lav filen").click()
    button = page.get_by_role("button", name="Hent teknologiradar-2025-alle-omraader.csv")
    button.wait_for(timeout=60_000)
    with page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "teknologiradar-2025-alle-omraader.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert tuple(rows[0]) == OWN_COLUMN_NAMES and len(rows) > 100
