"""The load benchmark's browsers: phones tapping through the phone page, and the projector.

:class:`BrowserPhones` are phone-sized Chromium contexts (Playwright), one per
participant, that open the join link, tap *Deltag*, and answer by tapping a
ring and the save button. :func:`open_projector` opens the facilitator's
projector view, which :func:`counted_after` watches, unreloaded, until its
summary line (``N svar fra …``, :mod:`radar.ui.components.workshop_live`)
counts the answers.
"""

from __future__ import annotations

import re
import time
from typing import Any, Final
from urllib.parse import quote

PHONE: Final = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
READY: Final = '[data-testid="stApp"][data-test-script-state="notRunning"]'
#: The projector's summary line (key LIVE_SUMMARY of radar.ui.components.workshop_keys).
LIVE_SUMMARY: Final = ".st-key-live_summary"
#: True once the summary line counts at least n answers ("12 svar fra …", "12 answers from …").
COUNTED_JS: Final = """([selector, n]) => {
    const el = document.querySelector(selector);
    const m = el && el.innerText.match(/(\\d+)\\s+(svar|answers)\\b/);
    return m !== null && Number(m[1]) >= n;
}"""
#: Opening the projector: the dashboard's first page run compiles and caches.
OPEN_TIMEOUT_MS: Final = 90_000


class BrowserPhones:
    """Phone-sized Chromium contexts tapping through the page; ``code=None``: the baseline."""

    def __init__(self, browser: Any, bases: list[str], timeout: float, code: str | None) -> None:
        self.browser, self.bases, self.code = browser, bases, code
        self.timeout_ms = timeout * 1000
        self.contexts: list[Any] = []

    async def arrive(self, number: int) -> Any:
        base = self.bases[number % len(self.bases)]
        context = await self.browser.new_context(**PHONE)
        self.contexts.append(context)
        page = await context.new_page()
        page.set_default_timeout(self.timeout_ms)
        if self.code is None:
            await page.goto(f"{base}/_stcore/health")
            return page
        await page.goto(f"{base}/deltag?code={self.code}")
        await page.get_by_role("button", name="Deltag", exact=True).click()
        await page.locator("input[name=ring]").first.wait_for()
        return page

    async def answer(self, number: int, question: int, page: Any) -> tuple[Any, float]:
        if self.code is None:
            sent = time.perf_counter()
            await page.reload()
            await page.reload()
            return page, sent
        technology = await page.locator("input[name=technology]").get_attribute("value")
        rings = page.locator("label.choice:has(input[name=ring])")
        await rings.nth((number + question) % await rings.count()).click()
        sent = time.perf_counter()
        await page.locator("form button[type=submit]").click()
        await page.wait_for_url(re.compile(f"saved={re.escape(quote(technology))}(&|$)"))
        await page.locator(".saved[role=status]").wait_for()
        return page, sent

    async def close(self) -> None:
        for context in self.contexts:
            await context.close()


# --- The facilitator's projector -----------------------------------------------------------


async def open_projector(browser: Any, base: str, projector_key: str) -> Any:
    """The projector's live view in a 1920×1080 page, once it shows its summary line."""
    page = await (await browser.new_context(viewport={"width": 1920, "height": 1080})).new_page()
    page.set_default_timeout(OPEN_TIMEOUT_MS)
    # Streamlit learns the app's pages on its first run; until then another page
    # is "not found" (streamlit/streamlit#9992), as after any deployment.
    await page.goto(base)
    await page.wait_for_selector(READY)
    await page.goto(f"{base}/workshop?projector={projector_key}&present=1")
    await page.wait_for_selector(LIVE_SUMMARY)
    return page


async def counted_after(page: Any, expected: int, since: float, deadline: float) -> float | None:
    """Seconds from ``since`` until the projector counts ``expected`` answers; ``None``: never."""
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    try:
        await page.wait_for_function(
            COUNTED_JS,
            arg=[LIVE_SUMMARY, expected],
            polling=50,
            timeout=max(1.0, deadline - time.monotonic()) * 1000,
        )
    except PlaywrightTimeout:
        return None
    return time.perf_counter() - since
