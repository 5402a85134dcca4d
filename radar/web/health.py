"""Liveness and readiness for the operator's monitoring and the load balancer.

``/healthz`` says the process answers. ``/readyz`` says the radar can be
shown: the database answers a query. It asks through the store's registry for
the connection the dashboard itself uses, in the same mode (read-write when
editing is on, falling back to read-only as the pages do), so a probe never
opens the file another way and never takes the writing connection's place.
The query runs in a thread of its own with a short timeout, one probe at a
time, so a stuck disk cannot pile up threads or stall the event loop. The
answers are tiny JSON bodies that name no path and no reason; the reason goes
to the server log.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from radar import store
from radar.web.settings import READY_TIMEOUT_SECONDS

__all__ = ["Readiness", "database_answers", "routes"]

logger = logging.getLogger(__name__)

#: No cache between the app and the monitor may keep an old answer.
_NO_STORE = {"Cache-Control": "no-store"}


def _editing_enabled() -> bool:
    # Imported here: the decision is the pages' own (it reads the sign-in
    # configuration through Streamlit), and this module must load without it.
    from radar.ui import auth

    return auth.editing_enabled()


def database_answers(editing_enabled: Callable[[], bool] = _editing_enabled) -> None:
    """Ask the dashboard's own database connection one small query.

    Raises
    ------
    radar.store.DatabaseUnavailableError, radar.store.StoreError
        The database cannot be opened or does not answer.
    """
    path = store.resolve_db_path()
    con = None
    if editing_enabled():
        try:
            con = store.shared_connection(path, read_only=False)
        except store.DatabaseReadOnlyError:
            # As the pages do: viewers keep reading a file the service may not write.
            con = None
    if con is None:
        con = store.shared_connection(path, read_only=True)
    store.is_illustrative(con)


class Readiness:
    """One probe at a time, in its own thread, with a timeout.

    A probe still running when the next request comes is waited for again,
    not started twice.
    """

    def __init__(self, probe: Callable[[], None], timeout: float = READY_TIMEOUT_SECONDS) -> None:
        self._probe = probe
        self._timeout = timeout
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="radar-readyz"
        )
        self._lock = threading.Lock()
        self._running: concurrent.futures.Future[None] | None = None

    def _current(self) -> concurrent.futures.Future[None]:
        with self._lock:
            if self._running is None or self._running.done():
                self._running = self._executor.submit(self._probe)
            return self._running

    async def ready(self) -> bool:
        """Whether the probe succeeded within the timeout (a failure is logged)."""
        future = asyncio.wrap_future(self._current())
        try:
            await asyncio.wait_for(asyncio.shield(future), self._timeout)
        except TimeoutError:
            logger.warning("readiness: the database did not answer within %s s", self._timeout)
            return False
        except Exception as exc:
            logger.warning("readiness: the database does not answer: %s", exc)
            return False
        return True

    async def endpoint(self, _request: Request) -> JSONResponse:
        """``/readyz``: 200 ``{"status": "ready"}``, else 503 ``{"status": "unavailable"}``."""
        if await self.ready():
            return JSONResponse({"status": "ready"}, headers=_NO_STORE)
        return JSONResponse({"status": "unavailable"}, status_code=503, headers=_NO_STORE)


async def _alive(_request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"}, headers=_NO_STORE)


def routes(readiness: Readiness | None = None) -> list[BaseRoute]:
    """``/healthz`` (the process answers) and ``/readyz`` (the database answers)."""
    ready = readiness or Readiness(database_answers)
    return [
        Route("/healthz", _alive, methods=["GET", "HEAD"]),
        Route("/readyz", ready.endpoint, methods=["GET", "HEAD"]),
    ]
