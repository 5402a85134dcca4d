"""The web layer's middleware and routes, driven as the ASGI server drives them (attack 15).

Each test speaks raw ASGI (scope, receive, send) to the project's middleware
around a small app, or to a Starlette app with the project's routes: the same
calls uvicorn makes, without a server. The real server is in
tests/browser/test_browser_headers.py.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

import pytest
from asgi_support import run_coroutine
from starlette.applications import Starlette
from starlette.types import Message, Receive, Scope, Send

from radar import store, web
from radar.web import health, hosts, metrics
from radar.web.settings import SettingsError, WebSettings, read_settings

TOKEN = "operator-token-0123456789abcdef"


async def _inner(scope: Scope, receive: Receive, send: Send) -> None:
    """The app behind the middleware: 200 for HTTP, an accepted websocket."""
    if scope["type"] == "websocket":
        await receive()
        await send({"type": "websocket.accept"})
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"the radar"})


def _stack(settings: WebSettings, app: Any = _inner) -> Any:
    """The project's middleware (browser cookie aside) around ``app``, outermost first."""
    wrapped = app
    for item in reversed(web.middleware(settings)):
        cls, args, kwargs = item
        wrapped = cls(wrapped, *args, **kwargs)
    return wrapped


def _call(app: Any, scope: Scope) -> list[Message]:
    sent: list[Message] = []
    incoming: list[Message] = (
        [{"type": "websocket.connect"}]
        if scope["type"] == "websocket"
        else [{"type": "http.request", "body": b"", "more_body": False}]
    )

    async def receive() -> Message:
        return incoming.pop(0) if incoming else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    run_coroutine(app(scope, receive, send))
    return sent


def _http(
    app: Any, path: str = "/", host: str = "127.0.0.1:8501", **headers: str
) -> tuple[int, dict[str, str], bytes]:
    raw = [(b"host", host.encode())] if host else []
    raw += [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()]
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "headers": raw,
        "scheme": "http",
        "server": ("127.0.0.1", 8501),
        "client": ("127.0.0.1", 50000),
        "root_path": "",
        "http_version": "1.1",
        "asgi": {"version": "3.0"},
    }
    sent = _call(app, scope)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    names = {k.decode().lower(): v.decode() for k, v in start["headers"]}
    return start["status"], names, body


def _websocket(app: Any, host: str, *, denial: bool = True) -> list[Message]:
    scope = {
        "type": "websocket",
        "path": "/_stcore/stream",
        "raw_path": b"/_stcore/stream",
        "query_string": b"",
        "headers": [(b"host", host.encode()), (b"origin", b"http://evil.example")],
        "scheme": "ws",
        "server": ("127.0.0.1", 8501),
        "client": ("127.0.0.1", 50000),
        "root_path": "",
        "subprotocols": [],
        "extensions": {"websocket.http.response": {}} if denial else {},
        "asgi": {"version": "3.0"},
    }
    return _call(app, scope)


# --- security headers --------------------------------------------------------------


def test_every_response_refuses_framing_by_strangers_and_sniffing() -> None:
    status, headers, body = _http(_stack(WebSettings()))
    assert (status, body) == (200, b"the radar")
    assert headers["content-security-policy"].startswith("frame-ancestors 'self';")
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["permissions-policy"] == "camera=(), microphone=(), geolocation=()"


def test_an_intranet_allowed_to_frame_the_radar_is_named_and_x_frame_options_is_left_out() -> None:
    settings = read_settings(
        {"radar": {"frame_ancestors": ["'self'", "https://intra.kommune.dk"]}}, {}
    )
    _, headers, _ = _http(_stack(settings))
    assert "frame-ancestors 'self' https://intra.kommune.dk;" in headers["content-security-policy"]
    # X-Frame-Options cannot name the intranet; a browser obeying it would refuse the frame.
    assert "x-frame-options" not in headers


def test_a_frame_ancestors_value_cannot_smuggle_a_directive_into_the_header() -> None:
    with pytest.raises(SettingsError, match="RADAR_FRAME_ANCESTORS"):
        read_settings({}, {"RADAR_FRAME_ANCESTORS": "https://a.dk;script-src *"})


def test_websockets_pass_the_header_middleware_untouched() -> None:
    sent = _websocket(_stack(WebSettings()), "localhost:8501")
    assert sent == [{"type": "websocket.accept"}]


# --- allowed hosts (DNS rebinding) ----------------------------------------------------


def test_dns_rebinding_a_foreign_host_name_gets_400(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="radar.web.hosts"):
        status, headers, body = _http(_stack(WebSettings()), host="evil.example:8501")
    assert status == 400
    assert body == hosts.REFUSAL
    # The refusal carries the security headers too.
    assert headers["x-content-type-options"] == "nosniff"
    assert "refused a request for host 'evil.example:8501'" in caplog.text


def test_a_websocket_handshake_with_a_foreign_host_gets_400() -> None:
    sent = _websocket(_stack(WebSettings()), "evil.example")
    assert sent[0]["type"] == "websocket.http.response.start"
    assert sent[0]["status"] == 400
    assert not any(m["type"] == "websocket.accept" for m in sent)


def test_a_websocket_handshake_is_closed_where_the_server_cannot_answer_it_with_400() -> None:
    sent = _websocket(_stack(WebSettings()), "evil.example", denial=False)
    assert sent == [{"type": "websocket.close", "code": 1008}]


@pytest.mark.parametrize(
    "host", ["localhost:8501", "127.0.0.1", "[::1]:8501", "LOCALHOST", "localhost."]
)
def test_this_machine_is_allowed_by_default(host: str) -> None:
    assert _http(_stack(WebSettings()), host=host)[0] == 200


@pytest.mark.parametrize(
    "host", ["", "evil.example", "localhost.evil.example", "127.0.0.1.nip.io", "[::2]"]
)
def test_anything_else_is_refused_by_default(host: str) -> None:
    assert _http(_stack(WebSettings()), host=host)[0] == 400


def test_the_configured_names_are_allowed_and_only_they() -> None:
    settings = read_settings({}, {"RADAR_ALLOWED_HOSTS": "radar.kommune.dk, *.intra.kommune.dk"})
    app = _stack(settings)
    assert _http(app, host="radar.kommune.dk")[0] == 200
    assert _http(app, host="tavle.intra.kommune.dk:443")[0] == 200
    assert _http(app, host="intra.kommune.dk")[0] == 400
    assert _http(app, host="localhost")[0] == 400
    assert _http(app, host="radar.kommune.dk.evil.example")[0] == 400


def test_the_secrets_win_over_the_environment_and_a_star_is_refused() -> None:
    settings = read_settings(
        {"radar": {"allowed_hosts": ["radar.kommune.dk"]}}, {"RADAR_ALLOWED_HOSTS": "other.dk"}
    )
    assert settings.allowed_hosts == ("radar.kommune.dk",)
    with pytest.raises(SettingsError, match="DNS rebinding"):
        read_settings({}, {"RADAR_ALLOWED_HOSTS": "*"})
    with pytest.raises(SettingsError, match="not a host name"):
        read_settings({}, {"RADAR_ALLOWED_HOSTS": "https://radar.kommune.dk/"})


def test_the_start_up_log_says_what_is_allowed_and_never_the_token(
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = read_settings({}, {"RADAR_ALLOWED_HOSTS": "radar.kommune.dk"})
    with caplog.at_level(logging.INFO, logger="radar.web"):
        web.log_settings(WebSettings(settings.allowed_hosts, metrics_token=TOKEN))
    assert "allowed hosts: radar.kommune.dk" in caplog.text
    assert "frame ancestors: 'self'" in caplog.text
    assert TOKEN not in caplog.text
    assert TOKEN not in repr(WebSettings(metrics_token=TOKEN))


# --- metrics for operators only -------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/_stcore/metrics", "//_stcore//metrics/", "/radar/_stcore/metrics"]
)
def test_the_metrics_are_not_there_by_default(path: str) -> None:
    assert _http(_stack(WebSettings()), path)[0] == 404


def test_the_metrics_need_the_operators_token() -> None:
    app = _stack(WebSettings(metrics_token=TOKEN))
    assert _http(app, "/_stcore/metrics")[0] == 403
    assert _http(app, "/_stcore/metrics", authorization=f"Bearer {TOKEN}x")[0] == 403
    assert _http(app, "/_stcore/metrics", authorization=f"Basic {TOKEN}")[0] == 403
    status, _, body = _http(app, "/_stcore/metrics", authorization=f"Bearer {TOKEN}")
    assert (status, body) == (200, b"the radar")
    # Every other path is untouched by the guard.
    assert _http(app, "/_stcore/health")[0] == 200


def test_a_short_metrics_token_leaves_the_metrics_off_and_says_so() -> None:
    settings = read_settings({}, {"RADAR_METRICS_TOKEN": "short"})
    assert not settings.metrics_enabled
    assert any("RADAR_METRICS_TOKEN" in p for p in settings.problems)
    assert _http(_stack(settings), "/_stcore/metrics", authorization="Bearer short")[0] == 404


def test_metrics_path_matching() -> None:
    assert metrics.is_metrics_path("/_stcore/metrics")
    assert not metrics.is_metrics_path("/_stcore/health")


# --- health and readiness --------------------------------------------------------------


def _health_app(readiness: health.Readiness) -> Starlette:
    return Starlette(routes=health.routes(readiness))


def test_healthz_answers_with_a_tiny_json_body() -> None:
    status, headers, body = _http(_health_app(health.Readiness(lambda: None)), "/healthz")
    assert (status, json.loads(body)) == (200, {"status": "ok"})
    assert headers["cache-control"] == "no-store"


def test_readyz_asks_the_database_the_dashboard_uses(
    writable_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(store.DB_ENV_VAR, str(writable_db))
    readiness = health.Readiness(lambda: health.database_answers(lambda: True))
    status, _, body = _http(_health_app(readiness), "/readyz")
    assert (status, json.loads(body)) == (200, {"status": "ready"})
    # It used the one writing connection, so the dashboard gets that same one back.
    writer = store.shared_connection(writable_db, read_only=False)
    assert store.shared_connection(writable_db, read_only=False) is writer


def test_readyz_is_503_when_the_database_cannot_be_opened_and_names_no_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    broken = tmp_path / "secret-folder" / "radar.duckdb"
    broken.parent.mkdir()
    broken.write_bytes(b"not a database at all" * 100)
    monkeypatch.setenv(store.DB_ENV_VAR, str(broken))
    readiness = health.Readiness(lambda: health.database_answers(lambda: False))
    with caplog.at_level(logging.WARNING, logger="radar.web.health"):
        status, _, body = _http(_health_app(readiness), "/readyz")
    assert (status, json.loads(body)) == (503, {"status": "unavailable"})
    assert b"secret-folder" not in body
    assert "readiness: the database does not answer" in caplog.text


def test_a_stuck_database_gives_503_and_one_probe_at_a_time() -> None:
    release = threading.Event()
    calls: list[int] = []

    def stuck() -> None:
        calls.append(1)
        release.wait()

    readiness = health.Readiness(stuck, timeout=0.05)
    app = _health_app(readiness)
    try:
        assert _http(app, "/readyz")[0] == 503
        assert _http(app, "/readyz")[0] == 503
        # The second request waited for the first probe instead of starting another thread.
        assert calls == [1]
    finally:
        release.set()
