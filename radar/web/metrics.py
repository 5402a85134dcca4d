"""Streamlit's metrics (``/_stcore/metrics``) for operators only, with a bearer token.

The metrics tell anyone how many sessions are open and how much memory the
caches hold; Streamlit serves them to everyone. Here they answer 404 unless a
token is configured, and then 403 unless the request carries it
(``Authorization: Bearer <token>``), compared in constant time.
"""

from __future__ import annotations

import hmac
import re

from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from radar.web.settings import WebSettings

__all__ = ["MetricsGuardMiddleware", "is_metrics_path", "middleware"]

#: Streamlit's metrics route, after any ``server.baseUrlPath``.
METRICS_SUFFIX = "/_stcore/metrics"


def is_metrics_path(path: str) -> bool:
    """Whether a request path reaches the metrics (also as ``//_stcore//metrics/``)."""
    normalised = re.sub(r"/+", "/", path).rstrip("/")
    return normalised.endswith(METRICS_SUFFIX)


def _bearer(headers: Headers) -> bytes:
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return token.strip().encode() if scheme.lower() == "bearer" else b""


class MetricsGuardMiddleware:
    """Refuses the metrics route without the operators' token; every other path passes."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_metrics_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        if not self.token:
            await _answer(send, 404, b"Not found")
            return
        # compare_digest takes as long for a wrong token as for a nearly right one.
        if hmac.compare_digest(_bearer(Headers(scope=scope)), self.token):
            await self.app(scope, receive, send)
            return
        await _answer(send, 403, b"Forbidden")


async def _answer(send: Send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def middleware(settings: WebSettings) -> list[Middleware]:
    """The metrics guard, with the configured token (none: metrics off)."""
    return [Middleware(MetricsGuardMiddleware, token=settings.metrics_token)]
