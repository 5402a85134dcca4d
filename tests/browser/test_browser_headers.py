"""The real server (``streamlit run serve.py``) with the web layer on (attack 15).

Replayed as an attacker would on 127.0.0.1: a DNS-rebinding request (a foreign
Host header, for a page and for the websocket), reading the metrics without
the operators' token, and framing the radar from another origin. And the radar
still renders in Chromium with every header on.
"""

from __future__ import annotations

import http.client
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import PLOT, READY, require_chromium, running_dashboard

from radar import store
from radar.web.settings import METRICS_TOKEN_ENV_VAR

pytestmark = pytest.mark.browser

TOKEN = "operator-token-for-the-tests-0123456789"

require_chromium()

from playwright.sync_api import Browser  # noqa: E402


@pytest.fixture(scope="module")
def server(copy_seeded_db: Callable[[], Path], browser: Browser) -> Iterator[str]:
    env = {store.DB_ENV_VAR: str(copy_seeded_db()), METRICS_TOKEN_ENV_VAR: TOKEN}
    with running_dashboard(browser, env) as url:
        yield url


def _get(
    url: str, path: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    """One request as written, Host header included (urllib would correct it)."""
    parts = urlsplit(url)
    con = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        con.putrequest("GET", path, skip_host=True, skip_accept_encoding=True)
        sent = {"Host": parts.netloc, **(headers or {})}
        for name, value in sent.items():
            con.putheader(name, value)
        con.endheaders()
        reply = con.getresponse()
        return reply.status, {k.lower(): v for k, v in reply.getheaders()}, reply.read()
    finally:
        con.close()


def test_the_page_carries_the_security_headers(server: str) -> None:
    status, headers, _ = _get(server, "/")
    assert status == 200
    assert headers["content-security-policy"].startswith("frame-ancestors 'self'")
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert "camera=()" in headers["permissions-policy"]


def test_dns_rebinding_a_foreign_host_gets_400_for_the_page_and_the_websocket(server: str) -> None:
    assert _get(server, "/", {"Host": "evil.example"})[0] == 400
    handshake = {
        "Host": "evil.example",
        "Connection": "Upgrade",
        "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Protocol": "streamlit",
    }
    assert _get(server, "/_stcore/stream", handshake)[0] == 400
    # This machine's own name is allowed.
    assert _get(server, "/healthz", {"Host": "localhost"})[0] == 200


def test_the_metrics_are_for_the_operators_token_only(server: str) -> None:
    assert _get(server, "/_stcore/metrics")[0] == 403
    assert _get(server, "/_stcore/metrics", {"Authorization": "Bearer wrong"})[0] == 403
    status, headers, body = _get(server, "/_stcore/metrics", {"Authorization": f"Bearer {TOKEN}"})
    assert status == 200
    assert "openmetrics" in headers["content-type"]
    assert b"# EOF" in body


def test_readyz_says_the_database_answers(server: str) -> None:
    status, headers, body = _get(server, "/readyz")
    assert (status, json.loads(body)) == (200, {"status": "ready"})
    assert headers["cache-control"] == "no-store"


def test_the_radar_renders_with_the_headers_on_and_another_origin_cannot_frame_it(
    server: str, browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(server)
        page.wait_for_selector(READY, timeout=60_000)
        page.wait_for_selector(PLOT, timeout=60_000)
        assert page.locator(PLOT).count() >= 1

        # Clickjacking: a page of another origin (here about:blank's) frames the radar.
        framing = context.new_page()
        with framing.expect_response(lambda r: r.url.rstrip("/") == server) as framed:
            framing.set_content(f'<iframe id="radar" src="{server}/" width="800" height="600">')
        assert framed.value.headers["content-security-policy"].startswith("frame-ancestors")
        # Chromium replaces a refused frame with its own error page; without the
        # headers the frame would hold the app at its own address.
        framing.wait_for_load_state("load")
        child = next(f for f in framing.frames if f != framing.main_frame)
        assert child.url.startswith("chrome-error://"), child.url
    finally:
        context.close()
