"""Allowed hosts: a request whose Host header is not on the list gets 400, websockets too.

Without the list, a page on any site can point its own name at 127.0.0.1 (DNS
rebinding) and read the dashboard with the victim's browser as if it were
same-origin. The browser still sends the attacker's name as ``Host``, so
answering only to the configured names closes it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from radar.web.settings import WebSettings

__all__ = ["AllowedHostsMiddleware", "host_allowed", "middleware"]

logger = logging.getLogger(__name__)

#: What a refused request is told; it names nothing of the app.
REFUSAL = b"Invalid host header"
#: Refused Host values logged, at most: enough to see a misconfigured proxy, too
#: few for a flood of requests to flood the log.
MAX_LOGGED_REFUSALS = 32
#: The ASGI extension that lets a websocket handshake be answered with an HTTP response.
_DENIAL_EXTENSION = "websocket.http.response"


def _host_name(header: str) -> str:
    """The name in a Host header, without the port, lower case (``[::1]:8501`` is ``::1``)."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else ""
    name, _, _port = value.partition(":")
    return name.rstrip(".")


def host_allowed(header: str | None, allowed: Iterable[str]) -> bool:
    """Whether a request with this Host header may be answered.

    ``*.kommune.dk`` allows every subdomain of kommune.dk, not kommune.dk itself.
    """
    if not header:
        return False
    name = _host_name(header)
    if not name:
        return False
    for pattern in allowed:
        if pattern.startswith("*."):
            if name.endswith(pattern[1:]) and len(name) > len(pattern) - 1:
                return True
        elif name == pattern:
            return True
    return False


class AllowedHostsMiddleware:
    """Pure ASGI, so an allowed websocket or streamed response passes through untouched."""

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...]) -> None:
        self.app = app
        self.allowed_hosts = allowed_hosts
        self._logged: set[str] = set()
        self._lock = threading.Lock()

    def _note(self, host: str | None) -> None:
        """Log a refused Host value the first time it is seen (a proxy that drops Host, say)."""
        value = (host or "")[:200]
        with self._lock:
            if value in self._logged or len(self._logged) >= MAX_LOGGED_REFUSALS:
                return
            self._logged.add(value)
        logger.warning(
            "refused a request for host %r: not in the allowed hosts (%s)",
            value,
            ", ".join(self.allowed_hosts),
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        host = Headers(scope=scope).get("host")
        if host_allowed(host, self.allowed_hosts):
            await self.app(scope, receive, send)
            return
        self._note(host)
        if scope["type"] == "http":
            await _refuse_http(send, "http.response")
        elif _DENIAL_EXTENSION in scope.get("extensions", {}):
            await _refuse_http(send, _DENIAL_EXTENSION)
        else:
            # A server without the denial extension answers a close before accept with 403.
            await send({"type": "websocket.close", "code": 1008})


async def _refuse_http(send: Send, prefix: str) -> None:
    await send(
        {
            "type": f"{prefix}.start",
            "status": 400,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(REFUSAL)).encode()),
            ],
        }
    )
    await send({"type": f"{prefix}.body", "body": REFUSAL})


def middleware(settings: WebSettings) -> list[Middleware]:
    """The allowed-hosts check, with the configured names."""
    return [Middleware(AllowedHostsMiddleware, allowed_hosts=settings.allowed_hosts)]
