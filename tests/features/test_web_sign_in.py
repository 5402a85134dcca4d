"""The web layer's sign-in parts: the browser cookie, the client's address, and ``GET /api/backup``.

Requests go straight into the ASGI app (the project's middleware around its
routes and a stand-in for Streamlit), as uvicorn would send them.
"""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path
from typing import Any

import pytest
from asgi_support import run_coroutine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket

from radar import shared_signins, signins, store, workshop
from radar.auth import Role, SignIn, User
from radar.web import browser

EDITOR = User("Mette Hansen", SignIn.ACCOUNT, Role.EDITOR)


async def _echo_client(request: Request) -> PlainTextResponse:
    # Stands in for Streamlit's pages: what the pages would see of the request.
    return PlainTextResponse(request.headers.get(browser.CLIENT_HEADER, ""))


async def _echo_ws(websocket: WebSocket) -> None:
    await websocket.accept()
    await websocket.send_text(websocket.headers.get(browser.CLIENT_HEADER, ""))
    await websocket.close()


def _app(trusted: tuple[signins.Network, ...] = ()) -> Any:
    app = Starlette(
        routes=[*browser.routes(), Route("/", _echo_client), WebSocketRoute("/ws", _echo_ws)]
    )
    return browser.BrowserCookieMiddleware(app, trusted=trusted)


def _get(
    app: Any,
    path: str,
    *,
    peer: str = "192.0.2.44",
    headers: dict[str, str] | None = None,
    scheme: str = "http",
) -> tuple[int, dict[str, list[str]], bytes]:
    """Send one GET through ``app``; its status, headers (lower-case names) and body."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": scheme,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
        "client": (peer, 50000),
        "server": ("127.0.0.1", 8501),
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    run_coroutine(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    found: dict[str, list[str]] = {}
    for key, value in start["headers"]:
        found.setdefault(key.decode().lower(), []).append(value.decode("latin-1"))
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], found, body


def _ws_client_header(app: Any, peer: str, headers: dict[str, str]) -> str:
    scope = {
        "type": "websocket",
        "asgi": {"version": "3.0"},
        "scheme": "ws",
        "path": "/ws",
        "raw_path": b"/ws",
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": (peer, 50000),
        "server": ("127.0.0.1", 8501),
        "subprotocols": [],
    }
    incoming = [{"type": "websocket.connect"}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0) if incoming else {"type": "websocket.disconnect", "code": 1000}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    run_coroutine(app(scope, receive, send))
    return next(m["text"] for m in sent if m["type"] == "websocket.send")


def test_a_browser_without_the_cookie_gets_a_signed_httponly_one_and_keeps_it() -> None:
    app = _app()
    _, headers, _ = _get(app, "/")
    (cookie,) = headers["set-cookie"]
    assert cookie.startswith(f"{browser.COOKIE_NAME}=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie
    assert "Secure" not in cookie, "plain http on 127.0.0.1: a Secure cookie would be dropped"
    value = cookie.split(";")[0].split("=", 1)[1]
    assert browser.browser_id(value)
    # Sent back, it is kept: no new cookie.
    _, again, _ = _get(app, "/", headers={"Cookie": f"{browser.COOKIE_NAME}={value}"})
    assert "set-cookie" not in again
    # A forged or altered one is replaced.
    forged = f"{browser.COOKIE_NAME}={value[:-2]}xx"
    _, replaced, _ = _get(app, "/", headers={"Cookie": forged})
    assert replaced["set-cookie"][0] != cookie
    assert browser.browser_id(value[:-2] + "xx") is None


def test_over_https_the_cookie_is_secure_also_behind_a_trusted_tls_proxy() -> None:
    _, direct, _ = _get(_app(), "/", scheme="https")
    assert "Secure" in direct["set-cookie"][0]
    trusted = signins.trusted_networks(["10.0.0.5"])
    proto = {"X-Forwarded-Proto": "https"}
    _, proxied, _ = _get(_app(trusted), "/", peer="10.0.0.5", headers=proto)
    assert "Secure" in proxied["set-cookie"][0]
    # An untrusted client claiming https is not believed (it is not behind TLS).
    _, spoofed, _ = _get(_app(trusted), "/", peer="192.0.2.44", headers=proto)
    assert "Secure" not in spoofed["set-cookie"][0]


def test_a_spoofed_forwarded_for_from_an_untrusted_peer_is_ignored() -> None:
    trusted = signins.trusted_networks(["10.0.0.5"])
    spoof = {"X-Forwarded-For": "10.9.9.9", browser.CLIENT_HEADER: "10.9.9.9"}
    _, _, body = _get(_app(trusted), "/", peer="203.0.113.9", headers=spoof)
    assert body == b"203.0.113.9"
    assert _ws_client_header(_app(trusted), "203.0.113.9", spoof) == "203.0.113.9"


def test_a_trusted_proxys_forwarded_address_is_the_client() -> None:
    trusted = signins.trusted_networks(["10.0.0.0/24"])
    forwarded = {"X-Forwarded-For": "6.6.6.6, 192.0.2.44"}
    _, _, body = _get(_app(trusted), "/", peer="10.0.0.5", headers=forwarded)
    assert body == b"192.0.2.44"
    # The websocket handshake, which the pages' lockout reads, gets the same.
    assert _ws_client_header(_app(trusted), "10.0.0.5", forwarded) == "192.0.2.44"


@pytest.fixture
def editing_db(writable_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(store.DB_ENV_VAR, str(writable_db))
    return writable_db


def _cookie_for(browser_id: str) -> dict[str, str]:
    return {"Cookie": f"{browser.COOKIE_NAME}={browser.signed(browser_id)}"}


@pytest.mark.usefixtures("editing_db")
def test_the_backup_route_serves_a_signed_in_editor_and_logs_it(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="radar")
    signins.SIGN_INS.sign_in("editor-browser", EDITOR)
    status, headers, body = _get(_app(), "/api/backup", headers=_cookie_for("editor-browser"))
    assert status == 200
    assert headers["content-type"] == ["application/zip"]
    assert headers["cache-control"] == ["no-store"]
    assert headers["content-disposition"][0].startswith("attachment; filename=")
    names = zipfile.ZipFile(io.BytesIO(body)).namelist()
    assert any(name.endswith(".parquet") for name in names)
    assert "backup downloaded by 'Mette Hansen' from 192.0.2.44" in caplog.text


@pytest.mark.usefixtures("editing_db")
def test_the_backup_route_refuses_without_the_cookie_for_others_and_after_sign_out() -> None:
    app = _app()
    signins.SIGN_INS.sign_in("editor-browser", EDITOR)
    signins.SIGN_INS.sign_in("facilitator", User("Frede", SignIn.ACCOUNT, Role.FACILITATOR))
    assert _get(app, "/api/backup")[0] == 403
    assert _get(app, "/api/backup", headers=_cookie_for("someone-else"))[0] == 403
    assert _get(app, "/api/backup", headers=_cookie_for("facilitator"))[0] == 403
    # An unsigned browser id (a guess at the cookie's content) is not a cookie of ours.
    unsigned = {"Cookie": f"{browser.COOKIE_NAME}=editor-browser"}
    assert _get(app, "/api/backup", headers=unsigned)[0] == 403
    assert _get(app, "/api/backup", headers=_cookie_for("editor-browser"))[0] == 200
    signins.SIGN_INS.sign_out("editor-browser")
    status, headers, body = _get(app, "/api/backup", headers=_cookie_for("editor-browser"))
    assert status == 403
    assert headers["cache-control"] == ["no-store"]
    assert b"PK" not in body


def test_the_backup_route_honours_a_sign_in_another_replica_made(
    editing_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Several dashboards behind a load balancer: the editor signed in on one, the
    # download lands on another. Shared sign-ins are in the workshop database.
    path = tmp_path / "workshops.duckdb"
    monkeypatch.setenv(shared_signins.SHARED_ENV_VAR, "1")
    monkeypatch.setenv(workshop.WORKSHOP_DB_ENV_VAR, str(path))
    other_replica = shared_signins.SharedSignIns(lambda: workshop.connect_workshops(path))
    other_replica.sign_in("editor-browser", EDITOR)
    assert signins.SIGN_INS.current("editor-browser") is None  # not in this process's memory
    app = _app()
    assert _get(app, "/api/backup", headers=_cookie_for("editor-browser"))[0] == 200
    other_replica.sign_out("editor-browser")
    assert _get(app, "/api/backup", headers=_cookie_for("editor-browser"))[0] == 403
