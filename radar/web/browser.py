"""The browser's own cookie, which sign-ins are bound to, and the client's address.

Every browser gets a random id in a signed, HttpOnly cookie on its first
HTTP response (the page load). The browser sends it again with the websocket
handshake, where a page run reads it through ``st.context.cookies``; the
server-side store (:mod:`radar.signins`) maps that id to the signed-in person.
A Streamlit session id alone is then worth nothing: another browser presenting
it has another cookie, or none.

The middleware also works out the client's address once, behind the trusted
proxies (:func:`radar.signins.client_address`), and hands it to the pages in a
header of its own, replacing any header of that name the client sent.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from functools import cache
from http.cookies import SimpleCookie
from typing import Any, Final

from itsdangerous import BadSignature, Signer
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from radar import signins
from radar.auth import SECRETS_SECTION
from radar.web.settings import recent_secrets

#: The cookie with the browser's signed id.
COOKIE_NAME: Final = "radar_browser"
#: The header the middleware sets on every request with the client's address.
CLIENT_HEADER: Final = "x-radar-client"
#: Separates the key's uses: a value signed for something else is not a browser id.
_SALT: Final = "radar-browser-id"

logger = logging.getLogger(__name__)


@cache
def _process_key() -> str:
    # Without a configured secret, a key of this process: a restart then signs every browser out.
    return secrets.token_hex(32)


def _key() -> str:
    """``server.cookieSecret`` (shared by replicas when configured), else a key of this process."""
    try:
        import streamlit as st

        configured = st.get_option("server.cookieSecret")
    except Exception:  # outside a Streamlit runtime (tests of the middleware alone)
        configured = None
    return str(configured) if configured else _process_key()


def _signer() -> Signer:
    return Signer(_key(), salt=_SALT)


def new_browser_cookie() -> tuple[str, str]:
    """A fresh browser id and the signed cookie value that carries it."""
    browser_id = secrets.token_urlsafe(32)
    return browser_id, _signer().sign(browser_id).decode("ascii")


def signed(browser_id: str) -> str:
    """The cookie value for ``browser_id`` (tests, and the middleware)."""
    return _signer().sign(browser_id).decode("ascii")


def browser_id(cookie_value: str | None) -> str | None:
    """The browser id in a cookie value; ``None`` when it is missing or wrongly signed."""
    if not cookie_value:
        return None
    try:
        return _signer().unsign(cookie_value.encode("latin-1")).decode("ascii")
    except (BadSignature, UnicodeError):
        return None


def _secrets_section() -> Mapping[str, Any]:
    section = recent_secrets().get(SECRETS_SECTION) or {}
    return section if isinstance(section, Mapping) else {}


def trusted_proxies() -> tuple[signins.Network, ...]:
    """The configured trusted proxies (the secrets as read seconds ago, then the environment)."""
    return signins.trusted_from(_secrets_section(), os.environ)


def request_client(scope: Scope, trusted: tuple[signins.Network, ...]) -> str:
    """The client's address for an HTTP or websocket request."""
    client = scope.get("client")
    peer = str(client[0]) if client else None
    return signins.client_address(peer, Headers(scope=scope).getlist("x-forwarded-for"), trusted)


class BrowserCookieMiddleware:
    """Gives every browser its signed id cookie, and every request its client's address.

    Parameters
    ----------
    app
        The wrapped ASGI app (Streamlit's).
    trusted
        The trusted proxies; read from the configuration on each request when
        not given, so a changed secrets file counts within seconds.
    """

    def __init__(self, app: ASGIApp, trusted: tuple[signins.Network, ...] | None = None) -> None:
        self.app = app
        self.trusted = trusted

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        trusted = self.trusted if self.trusted is not None else trusted_proxies()
        client = request_client(scope, trusted)
        # The client may send a header of this name itself: it is replaced, never believed.
        headers = [(k, v) for k, v in scope["headers"] if k.lower() != CLIENT_HEADER.encode()]
        headers.append((CLIENT_HEADER.encode(), client.encode("latin-1", "replace")))
        scope = {**scope, "headers": headers}
        if scope["type"] == "websocket" or browser_id(_cookie(scope)) is not None:
            # A websocket handshake cannot set a cookie; without one it stays a viewer's.
            await self.app(scope, receive, send)
            return
        _, value = new_browser_cookie()
        cookie = _set_cookie(value, secure=is_https(scope, trusted))

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), cookie]}
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _cookie(scope: Scope) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    for value in Headers(scope=scope).getlist("cookie"):
        try:
            jar.load(value)
        except Exception:  # a malformed cookie header: as if there were none of ours
            continue
    morsel = jar.get(COOKIE_NAME)
    return morsel.value if morsel else None


def is_https(scope: Scope, trusted: tuple[signins.Network, ...]) -> bool:
    """Whether the browser reached the app over https (directly, or through a trusted proxy)."""
    if scope.get("scheme") in ("https", "wss"):
        return True
    client = scope.get("client")
    peer = str(client[0]) if client else ""
    # A TLS-terminating proxy says so; believed only from a trusted one.
    forwarded = Headers(scope=scope).get("x-forwarded-proto", "")
    return forwarded.strip().lower() == "https" and signins.is_trusted(peer, trusted)


def _set_cookie(value: str, *, secure: bool) -> tuple[bytes, bytes]:
    # Lax, not Strict: with Strict a link from the intranet or a mail would load the
    # page without the cookie, and the new cookie would sign the editor out.
    # No Max-Age: the cookie lives as long as the browser; sign-ins expire on the server.
    parts = [f"{COOKIE_NAME}={value}", "Path=/", "HttpOnly", "SameSite=Lax"]
    if secure:
        parts.append("Secure")
    return b"set-cookie", "; ".join(parts).encode("latin-1")


def routes() -> list[BaseRoute]:
    """Routes that need a signed-in browser: the editors' backup download."""
    from radar.web import backup

    return backup.routes()


def middleware() -> list[Middleware]:
    """The cookie and client-address middleware."""
    return [Middleware(BrowserCookieMiddleware)]
