"""A room answering at once is served in batches, and each phone still gets its own page.

The phone page gathers answers (and pages) that arrive together into one
transaction (:mod:`radar.web.participant.batches`). Driven in-process against
the project's routes with many phones at the same moment.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx2
import pytest
from starlette.applications import Starlette

from radar import workshop
from radar.model import Catalog
from radar.web.participant.batches import Batches, Overloaded
from radar.workshop import WorkshopTechnology

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from asgi_support import run_coroutine
from http_phone import SAVED_MARK, Phone
from phone_support import phone_app

BASE = "http://radar.test"
PHONES = 40


@pytest.fixture
def app() -> Starlette:
    return phone_app("radar.test")


@pytest.fixture
def created(wcon: duckdb.DuckDBPyConnection, catalog: Catalog) -> workshop.Workshop:
    return workshop.create_workshop(
        wcon,
        title="Plenum",
        catalog=catalog,
        area="teknik-og-miljoe",
        edition=2025,
        technologies=(
            WorkshopTechnology("alfa", "AUT", "Alfa", "Alpha", "klar"),
            WorkshopTechnology("beta", "DATA", "Beta", "Beta", "afvent"),
        ),
    )


def test_a_room_answering_at_once_is_stored_in_a_few_transactions_each_phone_its_own_page(
    app: Starlette,
    created: workshop.Workshop,
    wcon: duckdb.DuckDBPyConnection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    batch_sizes: list[int] = []
    submit = workshop.submit_answers

    def counted(con: object, requests: list[workshop.AnswerRequest]) -> object:
        batch_sizes.append(len(requests))
        return submit(con, requests)  # type: ignore[arg-type]

    monkeypatch.setattr(workshop, "submit_answers", counted)

    async def room() -> list[str]:
        pool = httpx2.ASGITransport(app=app)
        phones = [Phone(BASE, pool, timeout=30) for _ in range(PHONES)]
        forms = [await phone.join(created.code) for phone in phones]
        # Everyone taps "Gem og næste" at the same moment, each on another ring.
        pages = await asyncio.gather(
            *(
                phone.submit("answer", form, form.filled(ring=form.choices["ring"][n % 4]))
                for n, (phone, form) in enumerate(zip(phones, forms, strict=True))
            )
        )
        return list(pages)

    pages = run_coroutine(room())

    rows = wcon.cursor().execute("SELECT participant_id, ring FROM answers").fetchall()
    assert len(rows) == PHONES and len({p for p, _ in rows}) == PHONES
    assert sum(batch_sizes) == PHONES
    assert len(batch_sizes) < PHONES / 4, batch_sizes
    # Each phone's next page confirms its answer and counts only its own.
    assert all(SAVED_MARK in page and "1 af 2 besvaret" in page for page in pages)
    rings = ("klar", "afproev", "hold-oeje", "afvent")
    assert sorted(ring for _, ring in rows) == sorted(rings[n % 4] for n in range(PHONES))


def test_a_lone_request_is_served_at_once_and_a_failure_reaches_each_request_of_its_batch() -> None:
    runs: list[list[int]] = []
    started = threading.Event()
    release = threading.Event()

    def work(requests: list[int]) -> list[int]:
        runs.append(requests)
        if requests == [0]:
            started.set()
            release.wait(5)
            return [0]
        if 13 in requests:
            raise RuntimeError("disk full")
        return [r * 10 for r in requests]

    batches: Batches[int, int] = Batches(work)

    async def scene() -> tuple[int, list[int | BaseException], list[int]]:
        first = asyncio.ensure_future(batches.serve(0))
        await asyncio.to_thread(started.wait, 5)
        # These arrive while the first runs: they wait, then go together.
        crowd = [asyncio.ensure_future(batches.serve(n)) for n in (11, 12, 13)]
        await asyncio.sleep(0.05)
        release.set()
        failed = await asyncio.gather(*crowd, return_exceptions=True)
        later = await asyncio.gather(batches.serve(4), batches.serve(5))
        return await first, failed, later

    first, failed, later = run_coroutine(scene())

    assert first == 0
    assert runs[:2] == [[0], [11, 12, 13]]
    assert all(isinstance(f, RuntimeError) and str(f) == "disk full" for f in failed)
    assert later == [40, 50] and runs[2] == [4, 5]


def test_when_the_server_stops_mid_batch_no_request_waits_for_ever() -> None:
    started = threading.Event()

    def slow(requests: list[int]) -> list[int]:
        started.set()
        time.sleep(0.3)
        return requests

    batches: Batches[int, int] = Batches(slow)

    async def scene() -> list[int | BaseException]:
        first = asyncio.ensure_future(batches.serve(1))
        await asyncio.to_thread(started.wait, 5)
        second = asyncio.ensure_future(batches.serve(2))
        await asyncio.sleep(0)
        # The loop's tasks cancelled, as a stopping server does.
        for task in asyncio.all_tasks():
            if task is not asyncio.current_task() and task not in (first, second):
                task.cancel()
        return await asyncio.wait_for(
            asyncio.gather(first, second, return_exceptions=True), timeout=5
        )

    outcomes = run_coroutine(scene())
    assert [type(o) for o in outcomes] == [Overloaded, Overloaded]


def test_beyond_the_waiting_limit_a_request_is_refused_at_once() -> None:
    release = threading.Event()

    def held(requests: list[int]) -> list[int]:
        release.wait(5)
        return requests

    batches: Batches[int, int] = Batches(held, most=1, waiting=2)

    async def scene() -> tuple[list[int], BaseException | None]:
        running = asyncio.ensure_future(batches.serve(0))
        await asyncio.sleep(0.05)
        queued = [asyncio.ensure_future(batches.serve(n)) for n in (1, 2)]
        await asyncio.sleep(0)
        refused: BaseException | None = None
        try:
            await batches.serve(3)
        except Overloaded as exc:
            refused = exc
        release.set()
        return list(await asyncio.gather(running, *queued)), refused

    served, refused = run_coroutine(scene())
    assert served == [0, 1, 2]
    assert isinstance(refused, Overloaded)
