"""Health and readiness routes for the operator's monitoring and the load balancer."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import BaseRoute, Route


async def _health(_request: Request) -> PlainTextResponse:
    return PlainTextResponse("ok")


def routes() -> list[BaseRoute]:
    """``/healthz``: the process answers."""
    return [Route("/healthz", _health, methods=["GET"])]
