"""Security headers on every response."""

from __future__ import annotations

from starlette.middleware import Middleware


def middleware() -> list[Middleware]:
    """The header middleware (none yet)."""
    return []
