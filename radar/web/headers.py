"""Security headers on every HTTP response: no framing by strangers, no sniffing, no leaks.

``frame-ancestors`` is the only part of the Content-Security-Policy that limits
what pages load: Streamlit and Plotly rely on inline styles and scripts, and a
policy for those would need checking against every release. ``base-uri`` and
``object-src`` close two old tricks without touching what the app loads.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from radar.web.settings import NONE, SELF, WebSettings

__all__ = ["SecurityHeadersMiddleware", "middleware", "security_headers"]

#: Sent whatever the configuration: no MIME sniffing, no full URLs (with a
#: workshop's code) to other sites, and no camera, microphone or location.
FIXED_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
)


def security_headers(frame_ancestors: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The headers for a configured ``frame-ancestors`` list.

    X-Frame-Options is the old browsers' version: it can say "this origin" or
    "nobody", not a list, so it is left out when a list is configured (a
    browser would obey it over the list, and the intranet's frame would break).
    """
    policy = f"frame-ancestors {' '.join(frame_ancestors)}; base-uri 'self'; object-src 'none'"
    headers = [("Content-Security-Policy", policy), *FIXED_HEADERS]
    if frame_ancestors == (SELF,):
        headers.append(("X-Frame-Options", "SAMEORIGIN"))
    elif frame_ancestors == (NONE,):
        headers.append(("X-Frame-Options", "DENY"))
    return tuple(headers)


class SecurityHeadersMiddleware:
    """Pure ASGI: adds the headers to each HTTP response's start, and leaves websockets alone.

    Not Starlette's BaseHTTPMiddleware, which would buffer streamed responses
    and does not see websockets at all.
    """

    def __init__(self, app: ASGIApp, frame_ancestors: tuple[str, ...]) -> None:
        self.app = app
        self.headers = security_headers(frame_ancestors)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers:
                    # A route that set its own (stricter) value keeps it.
                    if name not in headers:
                        headers.append(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def middleware(settings: WebSettings) -> list[Middleware]:
    """The header middleware, with the configured frame ancestors."""
    return [Middleware(SecurityHeadersMiddleware, frame_ancestors=settings.frame_ancestors)]
