"""Requests that arrive together are served together: a room's answers in one transaction.

When a room answers at once, hundreds of requests wait for the one workshop
connection. A :class:`Batches` runs the first request's work at once; the
requests that arrive while it runs wait for it to end, and then go together
into the next run, which serves them all in one transaction
(:func:`radar.workshop.submit_answers`, :func:`radar.workshop.participant_views`).
A lone request waits for nothing; under a crowd a batch grows to what arrived
during the last one, so the server spends its core on answers rather than on
transactions (group commit).

The work runs in the thread pool (the store's calls block). State is kept per
event loop: each test client runs its own.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable, Sequence
from typing import Final, Generic, TypeVar

from starlette.concurrency import run_in_threadpool

__all__ = ["MAX_BATCH", "MAX_WAITING", "Batches", "Overloaded"]

#: Requests served by one run at most; the rest go into the next one.
MAX_BATCH: Final = 500
#: Requests waiting at most; beyond that a request is refused at once (the server is busy)
#: rather than queued for longer than any phone would wait.
MAX_WAITING: Final = 5_000


class Overloaded(RuntimeError):
    """More requests are waiting than :data:`MAX_WAITING`: this one was not queued."""


Q = TypeVar("Q")
R = TypeVar("R")


class _Queue(Generic[Q, R]):
    def __init__(self) -> None:
        self.waiting: list[tuple[Q, asyncio.Future[R]]] = []
        self.runner: asyncio.Task[None] | None = None


class Batches(Generic[Q, R]):
    """Serves requests in batches with ``work``: a list of requests to their results, in order.

    Parameters
    ----------
    work
        Blocking; run in the thread pool. It returns one result per request,
        in the requests' order. An exception it raises is raised to every
        request of that batch.
    most
        Requests per run at most.
    waiting
        Requests waiting at most; :meth:`serve` raises :class:`Overloaded` beyond.
    """

    def __init__(
        self,
        work: Callable[[list[Q]], Sequence[R]],
        most: int = MAX_BATCH,
        waiting: int = MAX_WAITING,
    ) -> None:
        self._work = work
        self._most = most
        self._waiting = waiting
        self._queues: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Queue[Q, R]] = (
            weakref.WeakKeyDictionary()
        )

    async def serve(self, request: Q) -> R:
        """``request``'s result, computed together with those of the requests waiting beside it."""
        loop = asyncio.get_running_loop()
        queue = self._queues.get(loop)
        if queue is None:
            queue = self._queues[loop] = _Queue()
        if len(queue.waiting) >= self._waiting:
            raise Overloaded(f"{len(queue.waiting)} requests are waiting")
        done: asyncio.Future[R] = loop.create_future()
        queue.waiting.append((request, done))
        if queue.runner is None:
            queue.runner = loop.create_task(self._run(queue))
        return await done

    async def _run(self, queue: _Queue[Q, R]) -> None:
        batch: list[tuple[Q, asyncio.Future[R]]] = []
        try:
            while queue.waiting:
                batch, queue.waiting = queue.waiting[: self._most], queue.waiting[self._most :]
                try:
                    results = await run_in_threadpool(self._work, [r for r, _ in batch])
                    if len(results) != len(batch):
                        raise RuntimeError(f"{len(results)} results for {len(batch)} requests")
                except Exception as exc:  # every request of the batch hears of it
                    _fail(batch, exc)
                    continue
                for (_, done), result in zip(batch, results, strict=True):
                    if not done.done():  # its client may have gone
                        done.set_result(result)
        except BaseException:
            # Cancelled (the server stopping): no request may wait for ever.
            _fail(batch + queue.waiting, Overloaded("the server is stopping"))
            queue.waiting = []
            raise
        finally:
            queue.runner = None


def _fail(requests: Sequence[tuple[object, asyncio.Future[R]]], exc: BaseException) -> None:
    for _, done in requests:
        if not done.done():
            done.set_exception(exc)
