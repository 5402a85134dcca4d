"""What the browser tests share: Chromium, a running dashboard, and the ready signal.

The browser tests drive Debian's Chromium with Playwright. Outside CI a
missing Chromium skips them with a clear message; in CI (``CI`` set) it fails
them, so they can never be skipped there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from streamlit_server import CHROMIUM, streamlit_server

# The app as production serves it: dashboard.py wrapped by serve.py's web layer.
DASHBOARD = Path(__file__).resolve().parents[2] / "serve.py"
#: The app has finished its run.
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
PLOT = ".js-plotly-plot"


def require_chromium() -> None:
    """Skip the calling test module without Chromium, except in CI, where that is an error."""
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing; .ci/run installs it with apt")
    pytest.skip(
        f"{CHROMIUM} not installed (apt install chromium); browser tests skipped",
        allow_module_level=True,
    )


@contextmanager
def running_dashboard(browser: Any, env: dict[str, str]) -> Iterator[str]:
    """Run the dashboard with ``env`` and yield its base URL, opened once.

    Streamlit learns the pages of st.navigation on the app's first run; a first
    visit straight to another page gets a "Page not found" notice over the right
    page (streamlit/streamlit#9992). Opening the app once, as a deployment's
    health check would, avoids it.
    """
    with streamlit_server(DASHBOARD, env=env) as url:
        page = browser.new_page()
        page.goto(url)
        page.wait_for_selector(READY, timeout=60_000)
        page.close()
        yield url
