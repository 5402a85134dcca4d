"""The phone page on a slow 4G connection: how long until the first question shows, and its weight.

Run with ``python bench/phone_page.py [--runs N]``. It builds a radar and a
workshop database in a temporary folder, creates a workshop of five
technologies, starts the dashboard (``serve.py``) and drives Debian's Chromium
as a 390×844 phone on Lighthouse's "slow 4G" (150 ms round trip, 1.6 Mbit/s
down, 750 kbit/s up), a fresh browser context per run, as a phone scanning
the QR code for the first time:

1. *phone page*: open the join link, tap *Deltag*, until the first question's
   ring choices are on screen; and every byte the network delivered for it;
2. *baseline*: the same phone opening a Streamlit page of the same dashboard
   (*Om radaren*, text only) until its script run has finished, which is what
   the join page cost before it left Streamlit.

The two take turns, run by run. The issue's goals: under 300 KB, first question
within 3 s. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "support"))

from streamlit_server import CHROMIUM, CHROMIUM_ARGS, streamlit_server
from workshop_load import prepare

from radar import store, workshop

SERVE: Final = Path(__file__).resolve().parents[1] / "serve.py"
READY: Final = '[data-testid="stApp"][data-test-script-state="notRunning"]'
PHONE: Final = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
SLOW_4G: Final = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 // 8,
    "uploadThroughput": 750_000 // 8,
}
TIMEOUT_MS: Final = 60_000


def _phone(browser: Any) -> tuple[Any, Any, list[int]]:
    """A fresh phone on slow 4G, and the list its delivered byte counts go into."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    loaded: list[int] = []
    cdp.on("Network.loadingFinished", lambda event: loaded.append(int(event["encodedDataLength"])))
    return context, page, loaded


def phone_page_run(browser: Any, url: str, code: str) -> tuple[float, int]:
    """Milliseconds from opening the join link to the first question, and bytes delivered."""
    context, page, loaded = _phone(browser)
    try:
        start = time.perf_counter()
        page.goto(f"{url}/deltag?code={code}", wait_until="commit", timeout=TIMEOUT_MS)
        page.get_by_role("button", name="Deltag", exact=True).click(timeout=TIMEOUT_MS)
        page.locator("input[name=ring]").first.wait_for(timeout=TIMEOUT_MS)
        elapsed = (time.perf_counter() - start) * 1000
        page.wait_for_load_state("load")
        return elapsed, sum(loaded)
    finally:
        context.close()


def streamlit_page_run(browser: Any, url: str) -> tuple[float, int]:
    """Milliseconds until a text-only Streamlit page of the dashboard has run, and bytes."""
    context, page, loaded = _phone(browser)
    try:
        start = time.perf_counter()
        page.goto(f"{url}/om", wait_until="commit", timeout=TIMEOUT_MS)
        page.wait_for_selector(READY, timeout=TIMEOUT_MS)
        elapsed = (time.perf_counter() - start) * 1000
        return elapsed, sum(loaded)
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each page (default 5)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        # The load benchmark's workshop, of five technologies.
        radar_db, workshop_db, _, code, _ = prepare(Path(tmp), 5)
        env = {store.DB_ENV_VAR: str(radar_db), workshop.WORKSHOP_DB_ENV_VAR: str(workshop_db)}
        with streamlit_server(SERVE, env=env) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                streamlit_page_run(browser, url)  # the first run compiles and caches the pages
                phone: list[tuple[float, int]] = []
                bare: list[tuple[float, int]] = []
                for run in range(args.runs):
                    phone.append(phone_page_run(browser, url, code))
                    bare.append(streamlit_page_run(browser, url))
                    print(
                        f"run {run + 1}: phone page {phone[-1][0]:.0f} ms, {phone[-1][1]} B; "
                        f"Streamlit page {bare[-1][0]:.0f} ms, {bare[-1][1]} B",
                        flush=True,
                    )
            finally:
                browser.close()
    phone_ms = [ms for ms, _ in phone]
    bare_ms = [ms for ms, _ in bare]
    summary = {
        "runs": args.runs,
        "first_question_ms_p50": round(statistics.median(phone_ms)),
        "first_question_ms_max": round(max(phone_ms)),
        "phone_bytes": max(size for _, size in phone),
        "streamlit_page_ms_p50": round(statistics.median(bare_ms)),
        "streamlit_page_bytes": max(size for _, size in bare),
        "ratio_to_streamlit_page": round(
            statistics.median(phone_ms) / statistics.median(bare_ms), 3
        ),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
