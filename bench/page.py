"""Benchmark: the radar page in a real browser, against a bare Streamlit page.

Run with ``python bench/page.py [--runs N]``. It starts two Streamlit servers
on localhost — the dashboard, and a bare page that only draws a Plotly scatter
with the same number of points behind a selectbox — and drives Debian's
Chromium with Playwright. It times, for each, the median of N runs of

(a) page open until the chart is drawn, and
(b) a selectbox change until the chart is redrawn with the new data,

and prints both and their ratios (radar / bare). Goal: both ratios at most 1.2.

Both are timed by the page's own clock (``performance.now()``), from the
navigation's start or the pointer going down on the option until the frame
in which the chart shows the new data. Timing from the driving script instead
counted Playwright's own round trips and actionability checks (and, for a
change, opening the dropdown), which grow with how busy the machine is, not
with the page.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "support"))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402
from streamlit_server import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402

from radar import store  # noqa: E402
from radar.drawing.figure import RadarOptions, fitted_view  # noqa: E402
from radar.pipeline.view import ViewFilter  # noqa: E402
from radar.store import load_view  # noqa: E402
from radar.ui.components.chart import figure_size, sized_options  # noqa: E402
from radar.ui.components.viewport import Viewport  # noqa: E402

READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
WINDOW = (1600, 1000)
FROM_AREA = "samlet"
TO_AREA = "social-og-sundhed"

BARE_PAGE = textwrap.dedent(
    """
    import numpy as np
    import plotly.graph_objects as go
    import streamlit as st

    variant = st.selectbox("Variant", ["{first}", "{second}"], key="variant")
    n = {{"{first}": {n_first}, "{second}": {n_second}}}[variant]
    rng = np.random.default_rng(len(variant))
    fig = go.Figure(go.Scatter(x=rng.random(n), y=rng.random(n), mode="markers",
                               name="points-" + variant))
    fig.update_layout(height=760)
    st.plotly_chart(fig, key="chart", on_select="rerun", selection_mode="points")
    """
)

# The page's clock when the chart first shows ``n`` points of trace ``name``
# (false until then); polled every animation frame.
DRAWN = """([name, n]) => {
    const gd = document.querySelector('.js-plotly-plot');
    if (!gd || !gd._fullData) return false;
    const trace = gd._fullData.find(t => t.name === name);
    return !!trace && trace.x.length === n
        && gd.querySelectorAll('.scatterlayer .trace').length > 0
        && performance.now();
}"""

# Stamps the page's clock at the next pointer press: the user's choice of option.
ARM = """() => {
    window.__benchStart = null;
    document.addEventListener('pointerdown', () => {
        if (window.__benchStart === null) window.__benchStart = performance.now();
    }, {capture: true, once: true});
}"""


def blip_count(db: Path, area: str) -> int:
    """The blips the radar page draws for ``area`` in the benchmark's window.

    The figure lays a view out again for its pixel size (numbers of 11 px or
    more), so a crowded cell may draw fewer blips than the view has.
    """
    con = store.connect(db)
    try:
        view = load_view(con, ViewFilter(area=area))
        catalog = store.load_catalog(con)
    finally:
        con.close()
    size = figure_size(Viewport(*WINDOW))
    drawn = fitted_view(view, catalog, "da", sized_options(RadarOptions(), size))
    return int((drawn["visible"] & drawn["shown"]).sum())


def time_open(page: Page, url: str, trace: str, n: int) -> float:
    """Seconds from the navigation's start until the chart is drawn."""
    page.goto(url)
    drawn = page.wait_for_function(DRAWN, arg=[trace, n], timeout=60_000, polling="raf")
    # performance.now() counts from the navigation's start (timeOrigin).
    return float(drawn.json_value()) / 1000


def time_change(page: Page, label: str, option: str, trace: str, n: int) -> float:
    """Seconds from pressing the option until the chart shows the new data."""
    page.wait_for_selector(READY, timeout=60_000)
    page.get_by_test_id("stSelectbox").filter(has_text=label).click()
    choice = page.get_by_role("option", name=option, exact=True)
    choice.wait_for(timeout=60_000)
    page.evaluate(ARM)
    choice.click()
    drawn = page.wait_for_function(DRAWN, arg=[trace, n], timeout=60_000, polling="raf")
    start = page.evaluate("() => window.__benchStart")
    assert start is not None, "the option was never pressed"
    return (float(drawn.json_value()) - float(start)) / 1000


@dataclass(frozen=True)
class Target:
    """One page to time: where it is, which selectbox to change, what to wait for."""

    url: str
    label: str
    option: str
    traces: tuple[str, str]
    counts: tuple[int, int]


def run_once(browser: Browser, target: Target) -> tuple[float, float]:
    """Seconds for (open until drawn, change until redrawn) in a fresh browser context."""
    context = browser.new_context(viewport={"width": WINDOW[0], "height": WINDOW[1]})
    page = context.new_page()
    try:
        opened = time_open(page, target.url, target.traces[0], target.counts[0])
        changed = time_change(page, target.label, target.option, target.traces[1], target.counts[1])
    finally:
        context.close()
    return opened, changed


def measure(browser: Browser, targets: list[Target], runs: int) -> list[tuple[float, float]]:
    """Median (open, change) seconds per target.

    The targets take turns run by run, so a slow moment of the machine hits
    both pages alike; the first round warms the servers' caches and is dropped.
    """
    times: list[list[tuple[float, float]]] = [[] for _ in targets]
    for round_number in range(runs + 1):
        for index, target in enumerate(targets):
            result = run_once(browser, target)
            if round_number:
                times[index].append(result)
    return [
        (statistics.median(o for o, _ in found), statistics.median(c for _, c in found))
        for found in times
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="measured runs per page (default 9)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "radar.duckdb"
        store.build_database(db)
        n_from, n_to = blip_count(db, FROM_AREA), blip_count(db, TO_AREA)
        bare = Path(folder) / "bare.py"
        bare.write_text(
            BARE_PAGE.format(first="a", second="b", n_first=n_from, n_second=n_to),
            encoding="utf-8",
        )
        dashboard = REPO / "serve.py"
        with (
            streamlit_server(dashboard, env={store.DB_ENV_VAR: str(db)}) as radar_url,
            streamlit_server(bare) as bare_url,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            (bare_open, bare_change), (radar_open, radar_change) = measure(
                browser,
                [
                    Target(bare_url, "Variant", "b", ("points-a", "points-b"), (n_from, n_to)),
                    Target(
                        radar_url,
                        "Fagområde",
                        "Social og sundhed",
                        ("blips", "blips"),
                        (n_from, n_to),
                    ),
                ],
                args.runs,
            )
            browser.close()

    print(f"points drawn: {n_from} (open), {n_to} (after the change); median of {args.runs} runs")
    print(f"{'':24}{'bare page':>12}{'radar':>12}{'ratio':>9}")
    for label, base, ours in (
        ("(a) open until drawn", bare_open, radar_open),
        ("(b) change until redrawn", bare_change, radar_change),
    ):
        print(f"{label:<24}{base * 1000:>9.0f} ms{ours * 1000:>9.0f} ms{ours / base:>9.2f}")
    print(
        json.dumps(
            {
                "open_ratio": round(radar_open / bare_open, 3),
                "change_ratio": round(radar_change / bare_change, 3),
                "bare_open_ms": round(bare_open * 1000),
                "radar_open_ms": round(radar_open * 1000),
                "bare_change_ms": round(bare_change * 1000),
                "radar_change_ms": round(radar_change * 1000),
            }
        )
    )


if __name__ == "__main__":
    main()
