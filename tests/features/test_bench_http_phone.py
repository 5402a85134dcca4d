"""The load benchmark's phones without a browser send what a phone sends, and it is stored.

:mod:`bench.http_phone` reads the phone page's own forms and posts them; if the
page's forms change, these phones must still join and answer, or the load
benchmark would measure refusals. Driven in-process against the project's own
routes and middleware (the same as ``tests/features/test_phone_page.py``).
"""

from __future__ import annotations

import asyncio
import socket
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx2
import pytest
import uvicorn
from starlette.applications import Starlette

from radar import workshop
from radar.model import Catalog
from radar.workshop import WorkshopTechnology

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

# bench/ is a folder of scripts, not a package.
from asgi_support import run_coroutine
from http_phone import ConnectionPool, Phone, StepFailed
from phone_support import phone_app

BASE = "http://radar.test"
TECHNOLOGIES = (
    WorkshopTechnology("alfa", "AUT", "Alfa", "Alpha", "klar"),
    WorkshopTechnology("beta", "DATA", "Beta", "Beta", "afvent"),
)


@pytest.fixture
def app() -> Starlette:
    return phone_app("radar.test")


@pytest.fixture
def created(wcon: duckdb.DuckDBPyConnection, catalog: Catalog) -> workshop.Workshop:
    return workshop.create_workshop(
        wcon,
        title="Belastning",
        catalog=catalog,
        area="teknik-og-miljoe",
        edition=2025,
        technologies=TECHNOLOGIES,
    )


def test_each_phone_joins_once_and_every_answer_is_stored_once(
    app: Starlette, created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    async def answer_all() -> list[int]:
        pool = httpx2.ASGITransport(app=app)
        answered = []
        for number in range(3):
            phone = Phone(BASE, pool, timeout=10)
            form = await phone.join(created.code)
            count = 0
            while form is not None:
                form = await phone.answer(form, number + count)
                count += 1
            answered.append(count)
        return answered

    assert run_coroutine(answer_all()) == [2, 2, 2]
    rows = (
        wcon.cursor()
        .execute("SELECT participant_id, technology, ring, phase, answer_core FROM answers")
        .fetchall()
    )
    assert len({participant for participant, *_ in rows}) == 3
    assert sorted((tech, ring) for _, tech, ring, *_ in rows) == [
        ("alfa", "afproev"),
        ("alfa", "hold-oeje"),
        ("alfa", "klar"),
        ("beta", "afproev"),
        ("beta", "afvent"),
        ("beta", "hold-oeje"),
    ]
    # The form as the page filled it in: no phase chosen, no comment typed.
    assert {(phase, core) for *_, phase, core in rows} == {(None, None)}


def test_a_refused_step_is_named_with_its_status(app: Starlette, wdb: Path) -> None:
    async def join() -> None:
        await Phone(BASE, httpx2.ASGITransport(app=app), timeout=10).join("ZZZZZZZZZZ")

    with pytest.raises(StepFailed) as refused:
        run_coroutine(join())
    assert refused.value.key == "join-page:404"


def test_over_real_connections_phones_share_kept_alive_connections_and_are_stored(
    created: workshop.Workshop, wcon: duckdb.DuckDBPyConnection
) -> None:
    app = phone_app("127.0.0.1")
    # The benchmark's own client (plain HTTP/1.1 on kept-alive sockets) against a real server.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)

        async def answer_all() -> tuple[list[int], int]:
            pool = ConnectionPool(2, timeout=10)
            phones = [Phone(f"http://127.0.0.1:{port}", pool, timeout=10) for _ in range(4)]

            async def one(phone: Phone, number: int) -> int:
                form = await phone.join(created.code)
                count = 0
                while form is not None:
                    form = await phone.answer(form, number + count)
                    count += 1
                return count

            counts = await asyncio.gather(*(one(p, n) for n, p in enumerate(phones)))
            opened = sum(len(idle) for idle in pool._idle.values())
            await pool.aclose()
            return list(counts), opened

        counts, opened = run_coroutine(answer_all())
    finally:
        server.should_exit = True
        thread.join(10)
    assert counts == [2, 2, 2, 2]
    assert opened <= 2  # four phones, two connections, each used again and again
    rows = wcon.cursor().execute("SELECT participant_id FROM answers").fetchall()
    assert len(rows) == 8 and len(set(rows)) == 4
