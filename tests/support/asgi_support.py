"""Running an ASGI call from a test, whatever else the test's worker has run."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


def run_coroutine(call: Coroutine[Any, Any, T]) -> T:
    """Run ``call`` to its end and return its result (or raise its error).

    On a thread of its own: on a worker that also ran the browser tests,
    Playwright's sync API keeps an event loop running on the main thread, and
    ``asyncio.run`` refuses to nest.
    """
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, call).result()
