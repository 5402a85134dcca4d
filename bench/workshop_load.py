"""Load benchmark of a live workshop: many phones joining and answering at once, and the projector.

Run with ``python bench/workshop_load.py --participants 300 --clients http``.
It builds a radar database and a workshop of ``--answers`` technologies in a
temporary folder, starts the dashboard (``streamlit run serve.py``) on
127.0.0.1, and measures the server:

1. the facilitator's projector view (``/workshop?projector=<key>``) opens in
   one Chromium page and stays open, unreloaded, for the whole run;
2. *baseline*: as many clients as participants, over the same connections,
   first one request each in waves, then all at once ``--answers`` times two
   requests to ``/_stcore/health``, Streamlit's cheapest route on the same
   server (an answer is two requests: the post and the page it leads to);
3. *workshop*: every participant joins, ``--join-concurrency`` at a time (50),
   as people scanning the QR code do (open the join link, post the join form,
   follow the 303 to the first question); then all answer at once, one technology after
   the other, each answer timed from sending the form until the page its 303
   leads to has arrived and confirms it;
4. the projector is watched until its summary line ("N svar fra …") counts
   every confirmed answer.

``--clients http`` phones are :class:`http_phone.Phone`: no browser, the page's
own forms posted over one pool of ``--connections`` connections (a request
waiting for a free connection is timed from when it was sent, as its phone
would see it). ``--clients browser`` phones are phone-sized Chromium contexts
tapping through the page, end to end (heavy: run it at about 20).

The server is pinned to one CPU and this process (and its Chromium) to the
other, so the load generator does not take the server's core; both sides' CPU
seconds are read from ``/proc`` (a process and its children) over the answering.
After the server has stopped, the workshop database is counted.

The last line printed is one JSON object:

``participants``, ``clients``, ``answers``, ``join_concurrency``, ``connections``
    what was run (``answers``: technologies each participant answers);
``joined``, ``submitted``, ``stored``, ``expected``, ``duplicates``
    participants in the database; answers confirmed to the phones; answer
    rows in the database; participants × answers; rows beyond one per
    participant and technology;
``errors``, ``baseline_errors``
    failed steps by step and status (``answer:503``, ``join:ReadTimeout``,
    ``timeout`` for a phone still waiting at ``--timeout``); a phone stops at
    its first failed step, as a person would look at the error page;
``p50_ms``, ``p95_ms``, ``p99_ms``, ``join_p95_ms``
    answer latency; a whole join (three requests);
``facilitator_complete_s``, ``facilitator_from_start_s``
    from the last confirmed answer until the projector counted them all
    (``null`` if it did not within the timeout; near 0 when it already did:
    an answer is stored before its phone has the next page), and the same
    from the moment everyone started answering;
``baseline_p50_ms``, ``baseline_p95_ms``, ``p95_ratio_to_baseline``
    the baseline's two health requests, and the answers' p95 over theirs;
``answer_wall_s``, ``server_cpu_s``, ``client_cpu_s``, ``server_cpu_share``
    the answering's wall time, CPU seconds of the server and of this side
    (this process and its browsers), and the server's CPU over wall time
    (1.0: its core was saturated); ``baseline_wall_s``,
    ``baseline_server_cpu_s`` and ``baseline_client_cpu_s`` the same for the
    baseline (whose cheap requests may well be bound by this side instead);
``pinned``, ``loadavg``, ``timed_out``
    whether the two sides had a CPU each, the machine's load average at the
    end, and whether ``--timeout`` cut the run short.

The server start (:func:`load_server.dashboard`) takes a port and an
environment, and the phones (:mod:`http_phone`, :mod:`browser_phone`) a list
of base URLs, spread round-robin, so several server processes behind one
database can be measured later.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Protocol

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "support"))

from browser_phone import BrowserPhones, counted_after, open_projector
from http_phone import HttpPhones, StepFailed, connection_pool
from load_server import Server, dashboard, split_cpus, tree_cpu_seconds
from streamlit_server import CHROMIUM, CHROMIUM_ARGS, free_port

from radar import store, workshop
from radar.workshop import limits

AREA: Final = "teknik-og-miljoe"


def percentile(values: list[float], share: float) -> float:
    """The ``share`` percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(1, round(share * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def prepare(folder: Path, answers: int) -> tuple[Path, Path, str, str, list[str]]:
    """Radar and workshop databases, and a workshop; returns paths, projector key, code, rings."""
    radar_db, workshop_db = folder / "radar.duckdb", folder / "workshops.duckdb"
    store.build_database(radar_db)
    radar_con = store.connect(radar_db, read_only=True)
    try:
        catalog = store.load_catalog(radar_con)
        edition = store.latest_assessed_edition(radar_con) or catalog.years[-1]
        technologies = workshop.area_technologies(radar_con, AREA, edition)[:answers]
    finally:
        radar_con.close()
    con = workshop.connect_workshops(workshop_db)
    try:
        created = workshop.create_workshop(
            con,
            title="Belastningstest",
            catalog=catalog,
            area=AREA,
            edition=edition,
            technologies=technologies,
        )
    finally:
        # The dashboard must be the only process holding the file.
        con.close()
    rings = [r.name_da for r in catalog.rings]
    return radar_db, workshop_db, created.projector_key, created.code, rings


# --- The crowd: arriving in waves, then answering at once ----------------------------------


class Phones(Protocol):
    """What the crowd asks of its phones, by participant number."""

    async def arrive(self, number: int) -> Any: ...

    async def answer(self, number: int, question: int, state: Any) -> tuple[Any, float]:
        """Answer; the phone's new state, and when (``perf_counter``) the answer was sent."""
        ...


@dataclass
class Crowd:
    """What one crowd's run measured."""

    latencies: list[float] = field(default_factory=list)
    joins: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    joined: int = 0
    started: float = 0.0
    last_confirmed: float = 0.0
    wall_s: float = 0.0
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0


async def _all(tasks: list[asyncio.Task[None]], crowd: Crowd, deadline: float) -> None:
    """Wait for ``tasks`` until ``deadline``; count each failure and each one still waiting."""
    if not tasks:
        return
    _, pending = await asyncio.wait(tasks, timeout=max(0.0, deadline - time.monotonic()))
    for task in pending:
        task.cancel()
        crowd.errors["timeout"] += 1
    await asyncio.gather(*pending, return_exceptions=True)
    for task in tasks:
        failure = None if task.cancelled() else task.exception()
        if failure is not None:
            key = failure.key if isinstance(failure, StepFailed) else type(failure).__name__
            crowd.errors[key] += 1


async def crowd(
    phones: Phones, count: int, answers: int, wave: int, deadline: float, servers: list[Server]
) -> Crowd:
    """``count`` phones arrive ``wave`` at a time, then all answer ``answers`` times at once."""
    result, states = Crowd(), {}

    async def arrive(number: int) -> None:
        started = time.perf_counter()
        states[number] = await phones.arrive(number)
        result.joins.append(time.perf_counter() - started)
        result.joined += 1

    async def answer(number: int) -> None:
        state = states[number]
        for question in range(answers):
            state, sent = await phones.answer(number, question, state)
            result.last_confirmed = time.perf_counter()
            result.latencies.append(result.last_confirmed - sent)

    for first in range(0, count, wave):
        batch = range(first, min(first + wave, count))
        await _all([asyncio.create_task(arrive(n)) for n in batch], result, deadline)
    server_before = sum(tree_cpu_seconds(s.pid) for s in servers)
    all_before, result.started = tree_cpu_seconds(os.getpid()), time.perf_counter()
    await _all([asyncio.create_task(answer(n)) for n in states], result, deadline)
    result.wall_s = time.perf_counter() - result.started
    result.server_cpu_s = sum(tree_cpu_seconds(s.pid) for s in servers) - server_before
    # This side: this process and its browsers, which the server is not a part of.
    result.client_cpu_s = tree_cpu_seconds(os.getpid()) - all_before - result.server_cpu_s
    return result


# --- The run -------------------------------------------------------------------------------


async def measure(
    args: argparse.Namespace, servers: list[Server], projector_key: str, code: str
) -> dict[str, Any]:
    """The baseline, then the workshop, then the projector; their figures."""
    from playwright.async_api import async_playwright

    deadline = time.monotonic() + args.timeout
    bases = [s.url for s in servers]
    pool = connection_pool(min(args.connections, args.participants))
    run = (args.participants, args.answers, args.wave, deadline, servers)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        projector = await open_projector(browser, bases[0], projector_key)
        if args.clients == "http":
            base_phones: Any = HttpPhones(bases, pool, args.timeout, None)
            phones: Any = HttpPhones(bases, pool, args.timeout, code)
        else:
            base_phones = BrowserPhones(browser, bases, args.timeout, None)
            phones = BrowserPhones(browser, bases, args.timeout, code)
        baseline = await crowd(base_phones, *run)
        if args.clients == "browser":
            await base_phones.close()  # a browser per phone is heavy: only one crowd at a time
        answered = await crowd(phones, *run)
        complete = (
            await counted_after(
                projector, len(answered.latencies), answered.last_confirmed, deadline
            )
            if answered.latencies
            else None
        )
        await browser.close()
    await pool.aclose()
    return {**figures(answered, baseline, complete), "timed_out": time.monotonic() >= deadline}


def milliseconds(values: list[float], share: float) -> int | None:
    return round(percentile(values, share) * 1000) if values else None


def seconds(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def figures(answered: Crowd, baseline: Crowd, complete: float | None) -> dict[str, Any]:
    """The JSON figures of the workshop's crowd, the baseline's, and the projector."""
    p95, base_p95 = milliseconds(answered.latencies, 0.95), milliseconds(baseline.latencies, 0.95)
    wall = answered.wall_s
    return {
        "submitted": len(answered.latencies),
        "errors": dict(sorted(answered.errors.items())),
        "p50_ms": milliseconds(answered.latencies, 0.5),
        "p95_ms": p95,
        "p99_ms": milliseconds(answered.latencies, 0.99),
        "join_p95_ms": milliseconds(answered.joins, 0.95),
        "facilitator_complete_s": seconds(complete),
        "facilitator_from_start_s": seconds(
            None if complete is None else complete + answered.last_confirmed - answered.started
        ),
        "baseline_p50_ms": milliseconds(baseline.latencies, 0.5),
        "baseline_p95_ms": base_p95,
        "p95_ratio_to_baseline": round(p95 / base_p95, 2) if p95 and base_p95 else None,
        "baseline_errors": dict(sorted(baseline.errors.items())),
        "baseline_wall_s": seconds(baseline.wall_s),
        "answer_wall_s": seconds(wall),
        "server_cpu_s": seconds(answered.server_cpu_s),
        "client_cpu_s": seconds(answered.client_cpu_s),
        "server_cpu_share": seconds(answered.server_cpu_s / wall if wall else None),
        "baseline_server_cpu_s": seconds(baseline.server_cpu_s),
        "baseline_client_cpu_s": seconds(baseline.client_cpu_s),
    }


def counts_in(workshop_db: Path) -> dict[str, int]:
    """The workshop's technologies, participants and answer rows, and rows beyond one per pair."""
    con = workshop.connect_workshops(workshop_db, read_only=True)
    try:
        cursor = con.cursor()
        (joined,) = cursor.execute("SELECT count(*) FROM participants").fetchone() or (0,)
        stored, pairs = cursor.execute(
            "SELECT count(*), count(DISTINCT (participant_id, technology)) FROM answers"
        ).fetchone() or (0, 0)
        (technologies,) = cursor.execute(
            "SELECT count(*) FROM workshop_technologies"
        ).fetchone() or (0,)
    finally:
        con.close()
    return {
        "joined": joined,
        "stored": stored,
        "duplicates": stored - pairs,
        "technologies": technologies,
    }


def raise_open_files() -> None:
    """Let this process open as many files as the system allows: a connection is a file."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard != resource.RLIM_INFINITY:  # Linux refuses an unlimited number of files
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--participants", type=int, default=60, help="phones (60)")
    parser.add_argument("--clients", choices=("http", "browser"), default="http")
    parser.add_argument(
        "--answers", type=int, default=3, help="technologies each answers (3; at most the area's)"
    )
    parser.add_argument(
        "--join-concurrency",
        "--wave",
        dest="wave",
        type=int,
        default=50,
        help="phones joining at a time (50)",
    )
    parser.add_argument(
        "--connections", type=int, default=200, help="HTTP connections the phones share (200)"
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="whole run, seconds (600)")
    args = parser.parse_args(argv)
    if not 1 <= args.participants <= limits.MAX_PARTICIPANTS:
        parser.error(f"--participants: 1 to {limits.MAX_PARTICIPANTS}, the workshop's maximum")
    if min(args.answers, args.wave, args.connections) < 1 or args.timeout <= 0:
        parser.error("--answers, --join-concurrency, --connections and --timeout must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: apt-get install chromium", file=sys.stderr)
        return 2
    server_cpus, client_cpus = split_cpus()
    raise_open_files()
    with tempfile.TemporaryDirectory() as tmp:
        radar_db, workshop_db, projector_key, code, _ = prepare(Path(tmp), args.answers)
        # The area may have fewer technologies than asked for.
        args.answers = counts_in(workshop_db)["technologies"]
        env = {store.DB_ENV_VAR: str(radar_db), workshop.WORKSHOP_DB_ENV_VAR: str(workshop_db)}
        if client_cpus:
            os.sched_setaffinity(0, client_cpus)  # before any thread or browser starts
        with dashboard(free_port(), env, server_cpus, Path(tmp) / "server.log") as server:
            measured = asyncio.run(measure(args, [server], projector_key, code))
        counts = counts_in(workshop_db)
    expected = args.participants * counts.pop("technologies")
    summary = {
        "participants": args.participants,
        "clients": args.clients,
        "answers": args.answers,
        "join_concurrency": args.wave,
        "connections": min(args.connections, args.participants) if args.clients == "http" else None,
        **counts,
        "expected": expected,
        **measured,
        "pinned": bool(server_cpus),
        "loadavg": round(os.getloadavg()[0], 2),
    }
    print(
        f"{args.participants} {args.clients} phones × {args.answers}: joined {summary['joined']}, "
        f"{summary['submitted']} confirmed, {summary['stored']} stored of {expected}; answer p50 "
        f"{summary['p50_ms']} ms, p95 {summary['p95_ms']} ms (baseline p95 "
        f"{summary['baseline_p95_ms']} ms); projector complete {summary['facilitator_complete_s']} "
        f"s after the last answer; server CPU {summary['server_cpu_share']} of a core"
    )
    print(json.dumps(summary))
    correct = summary["stored"] == expected and summary["joined"] == args.participants
    return 0 if correct and not summary["duplicates"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
