"""The browser's own cookie, which sign-ins are bound to."""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.routing import BaseRoute


def routes() -> list[BaseRoute]:
    """Routes that need a signed-in browser (none yet)."""
    return []


def middleware() -> list[Middleware]:
    """The cookie middleware (none yet)."""
    return []
