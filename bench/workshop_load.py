"""Load benchmark of a live workshop: many participants answering at once from real browsers.

Run from anywhere with ``python bench/workshop_load.py --participants 60``. It
builds a radar database and an empty workshop database in a temporary folder,
creates a workshop through :mod:`radar.workshop`, starts the dashboard with
``streamlit run``, and drives Debian's Chromium with Playwright:

1. the facilitator's live view opens in projector mode in one browser context;
2. every participant opens the join link in a browser context of their own
   (a phone-sized window), joins under a name, and waits on the first technology;
   they join a few at a time (``--join-concurrency``), as people scanning a QR
   code do;
3. all participants then answer at the same moment, ``--answers`` technologies
   each, one after the other; each submit is timed from the click on
   "Gem svar" until the page confirms it;
4. the facilitator's view is watched, without reloading it, until it counts
   every answer.

After the server has stopped, the answers are counted in the workshop
database. The last line printed is one JSON object: ``submitted`` (answers the
pages confirmed), ``stored`` (rows in the database), ``p50_ms`` and ``p95_ms``
(submit latency), ``facilitator_complete_s`` (from the last confirmed submit
until the facilitator's view showed them all) and the same measured from the
moment everyone started answering, plus the baseline: ``bare_p50_ms`` and
``bare_p95_ms``, the same clicks by as many phones on a bare Streamlit page
(one ring choice, one button), run first in the same process on the same
machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "support"))

from streamlit_server import CHROMIUM, CHROMIUM_ARGS, streamlit_server

from radar import store, workshop

DASHBOARD = Path(__file__).resolve().parents[1] / "serve.py"
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
AREA = "teknik-og-miljoe"
PHONE = {"width": 390, "height": 844}
# Element keys of the participant and facilitator pages (Streamlit gives an
# element with key K the CSS class st-key-K).
JOIN_BUTTON = ".st-key-join_submit button"
RING = ".st-key-answer_ring"
SAVE = ".st-key-answer_save button"
SAVED = ".st-key-answer_saved"
NEXT = ".st-key-answer_next button"
LIVE_SUMMARY = ".st-key-live_summary"
TIMEOUT_MS = 120_000
CHOICE_SETTLE_MS = 300


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def prepare(folder: Path, answers: int) -> tuple[Path, Path, str, str, list[str]]:
    """Radar and workshop databases, and a workshop; returns paths, id, code, ring labels."""
    radar_db, workshop_db = folder / "radar.duckdb", folder / "workshops.duckdb"
    store.build_database(radar_db)
    radar_con = store.connect(radar_db, read_only=True)
    try:
        catalog = store.load_catalog(radar_con)
        edition = store.latest_assessed_edition(radar_con) or catalog.years[-1]
        technologies = workshop.area_technologies(radar_con, AREA, edition)[:answers]
    finally:
        radar_con.close()
    con = workshop.connect_workshops(workshop_db)
    try:
        created = workshop.create_workshop(
            con,
            title="Belastningstest",
            catalog=catalog,
            area=AREA,
            edition=edition,
            technologies=technologies,
        )
    finally:
        # The dashboard must be the only process holding the file.
        con.close()
    rings = [r.name_da for r in catalog.rings]
    return radar_db, workshop_db, created.projector_key, created.code, rings


BARE_APP = """
import streamlit as st

st.title("Bare")
st.radio("Ring", RINGS, index=None, key="answer_ring")
if st.button("Gem", key="answer_save"):
    with st.container(key="answer_saved"):
        st.success("Gemt")
"""


async def burst(
    browser: Any,
    participants: int,
    answers: int,
    rings: list[str],
    join_concurrency: int,
    open_page: Callable[[Any, int], Awaitable[None]],
) -> tuple[list[float], float]:
    """Open ``participants`` phone contexts, then let them all answer at once.

    ``open_page`` brings a fresh page to the ring choice. Returns each
    submit's latency (click on "Gem" until the page confirms) and the moment
    the answering started.
    """
    latencies: list[float] = []
    start_together = asyncio.Event()
    # People scan the QR code over a minute or so; only the answering is
    # simultaneous. A few opening at a time keeps page loads from timing out.
    joining = asyncio.Semaphore(join_concurrency)
    ready = 0

    async def participant(number: int) -> None:
        nonlocal ready
        context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = await context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        async with joining:
            await open_page(page, number)
            await page.wait_for_selector(RING)
        ready += 1
        await start_together.wait()
        for question in range(answers):
            ring = rings[(number + question) % len(rings)]
            await page.locator(RING).get_by_text(ring, exact=True).first.click()
            # Choosing a ring reruns the page too; time only the submit itself.
            await page.wait_for_timeout(CHOICE_SETTLE_MS)
            await page.wait_for_selector(READY)
            started = time.perf_counter()
            await page.click(SAVE)
            await page.locator(SAVED).first.wait_for()
            latencies.append(time.perf_counter() - started)
            if question + 1 < answers:
                await page.click(NEXT)
                await page.wait_for_selector(READY)
        await context.close()

    tasks = [asyncio.create_task(participant(n)) for n in range(participants)]
    while ready < participants:
        failed = [t for t in tasks if t.done() and t.exception()]
        if failed:
            raise failed[0].exception()  # a participant could not even open the page
        await asyncio.sleep(0.2)
    started = time.perf_counter()
    start_together.set()
    await asyncio.gather(*tasks)
    return latencies, started


async def run(
    base: str,
    bare_base: str,
    projector_key: str,
    code: str,
    rings: list[str],
    args: argparse.Namespace,
) -> dict[str, float | int]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        # Baseline: the same clicks by as many phones on a bare Streamlit page
        # with only the ring choice and the button.
        async def open_bare(page: Any, number: int) -> None:
            await page.goto(bare_base)

        bare, _ = await burst(
            browser, args.participants, 1, rings, args.join_concurrency, open_bare
        )

        facilitator_context = await browser.new_context(viewport={"width": 1920, "height": 1080})
        facilitator = await facilitator_context.new_page()
        # Streamlit learns the app's pages on its first run; until then a visit
        # straight to another page gets a "Page not found" notice
        # (streamlit/streamlit#9992), as after any deployment: open "/" first.
        await facilitator.goto(base)
        await facilitator.wait_for_selector(READY, timeout=TIMEOUT_MS)
        await facilitator.goto(f"{base}/workshop?projector={projector_key}&present=1")
        await facilitator.wait_for_selector(LIVE_SUMMARY, timeout=TIMEOUT_MS)

        async def open_join(page: Any, number: int) -> None:
            await page.goto(f"{base}/deltag?code={code}")
            await page.click(JOIN_BUTTON)

        latencies, started = await burst(
            browser, args.participants, args.answers, rings, args.join_concurrency, open_join
        )
        last_confirmed = time.perf_counter()
        expected = args.participants * args.answers
        await facilitator.wait_for_function(
            """([selector, n]) => {
                const el = document.querySelector(selector);
                const m = el && el.innerText.match(/(\\d+)\\s+(svar|answers)/);
                return m && Number(m[1]) >= n;
            }""",
            arg=[LIVE_SUMMARY, expected],
            timeout=TIMEOUT_MS,
        )
        complete = time.perf_counter()
        await browser.close()
    return {
        "submitted": len(latencies),
        "p50_ms": round(statistics.median(latencies) * 1000),
        "p95_ms": round(percentile(latencies, 0.95) * 1000),
        "facilitator_complete_s": round(complete - last_confirmed, 2),
        "facilitator_complete_from_start_s": round(complete - started, 2),
        "bare_p50_ms": round(statistics.median(bare) * 1000),
        "bare_p95_ms": round(percentile(bare, 0.95) * 1000),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=60, help="browser contexts (60)")
    parser.add_argument(
        "--answers", type=int, default=1, help="technologies each participant answers (1)"
    )
    parser.add_argument(
        "--join-concurrency",
        type=int,
        default=6,
        help="participants opening the join page at the same time (6); answering is all at once",
    )
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        radar_db, workshop_db, projector_key, code, rings = prepare(Path(tmp), args.answers)
        env = {
            store.DB_ENV_VAR: str(radar_db),
            workshop.WORKSHOP_DB_ENV_VAR: str(workshop_db),
        }
        bare_app = Path(tmp) / "bare.py"
        bare_app.write_text(f"RINGS = {rings!r}\n" + BARE_APP, encoding="utf-8")
        with (
            streamlit_server(DASHBOARD, env=env) as base,
            streamlit_server(bare_app) as bare_base,
        ):
            figures = asyncio.run(run(base, bare_base, projector_key, code, rings, args))
        con = workshop.connect_workshops(workshop_db, read_only=True)
        try:
            stored = workshop.table_counts(con)["answers"]
        finally:
            con.close()
    summary = {"participants": args.participants, "stored": stored, **figures}
    print(
        f"{args.participants} participants × {args.answers} answers: "
        f"{summary['submitted']} confirmed, {stored} stored; submit p50 {summary['p50_ms']} ms, "
        f"p95 {summary['p95_ms']} ms; a bare Streamlit page under the same load: p50 "
        f"{summary['bare_p50_ms']} ms, p95 {summary['bare_p95_ms']} ms (ratio p95 "
        f"{summary['p95_ms'] / summary['bare_p95_ms']:.2f}); facilitator complete "
        f"{summary['facilitator_complete_s']} s after the last submit"
    )
    ordered = {
        "submitted": summary.pop("submitted"),
        "stored": summary.pop("stored"),
        "p50_ms": summary.pop("p50_ms"),
        "p95_ms": summary.pop("p95_ms"),
        "facilitator_complete_s": summary.pop("facilitator_complete_s"),
        **summary,
        "p95_ratio_to_bare": round(figures["p95_ms"] / figures["bare_p95_ms"], 2),
    }
    print(json.dumps(ordered))
    return 0 if ordered["stored"] == ordered["submitted"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
