"""What the browser tests share: one Chromium and one dashboard on the seeded database.

Both are per pytest-xdist worker: ``--dist loadfile`` keeps a test file on one
worker, so a module's own dashboard starts once, and the session's shared one
at most once per worker.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from radar import store


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium under Playwright, shared by the browser tests of a session."""
    from playwright.sync_api import sync_playwright
    from streamlit_server import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def server(seeded_db: Path, browser: Any) -> Iterator[str]:
    """The dashboard on the seeded database, running for the browser tests of a session."""
    from browser_support import running_dashboard

    with running_dashboard(browser, {store.DB_ENV_VAR: str(seeded_db)}) as url:
        yield url
