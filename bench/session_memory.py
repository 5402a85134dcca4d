"""Benchmark: a dashboard process's memory per open session, to size replicas.

Run with ``python bench/session_memory.py [--steps 25,50,100,200]``. It starts
one ``serve.py`` on a database built from the seed, opens the radar page once
to fill the shared caches, then holds open more and more sessions, each a
websocket that ran the radar page as a browser tab does (Streamlit's own
messages, the area varying from session to session), and reads the process's
resident memory (``VmRSS``) after each step.

A session costs what the line through those readings rises per session (its
slope), not the average over all of them: the process's own start-up memory
and the shared caches are the intercept. The last line is JSON with the
readings, the cost per session and what 3,000 sessions would need.

The client is a few lines of asyncio per session, so the server, not the
load, is what is measured; it waits for each page run to finish before the
next reading.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Final

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests" / "support"))

from load_server import dashboard  # noqa: E402
from streamlit_server import free_port  # noqa: E402

from radar import store  # noqa: E402
from radar.model import COMBINED_AREA  # noqa: E402

#: The sessions a shared deployment is sized for (issue 15).
TARGET_SESSIONS: Final = 3000
#: Areas the sessions open in turn, so their states differ as real visitors' do.
AREAS: Final = (COMBINED_AREA, "social-og-sundhed", "dagtilbud-og-skole", "beskaeftigelse")
#: Seconds one page run may take under load before the benchmark gives up.
RUN_TIMEOUT_S: Final = 60.0


def rss_mb(pid: int) -> float:
    """The process's resident memory in MiB, from ``/proc``."""
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def _rerun(url: str, query: str) -> bytes:
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.context_info.url = f"{url}/?{query}" if query else f"{url}/"
    return message.SerializeToString()


async def open_session(url: str, query: str) -> websockets.ClientConnection:
    """A session that ran the radar page with ``query`` once, kept open as a tab keeps it."""
    host = url.split("//", 1)[1]
    connection = await websockets.connect(
        f"ws://{host}/_stcore/stream",
        subprotocols=[websockets.Subprotocol("streamlit")],
        origin=websockets.Origin(url),
        max_size=None,
    )
    await connection.send(_rerun(url, query))
    drew_radar = False
    async with asyncio.timeout(RUN_TIMEOUT_S):
        while True:
            message = ForwardMsg()
            message.ParseFromString(await connection.recv())
            kind = message.WhichOneof("type")
            if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                drew_radar |= message.delta.new_element.WhichOneof("type") == "plotly_chart"
            if kind == "script_finished":
                break
    # A session that met an error page would cost less than a visitor's.
    if not drew_radar:
        await connection.close()
        raise RuntimeError(f"the radar page ({query or 'no query'}) drew no radar")
    return connection


def settled_rss(pid: int) -> float:
    """The memory once it has stopped moving (three readings 0.3 s apart within 1 MiB)."""
    readings = [rss_mb(pid)]
    while True:
        time.sleep(0.3)
        readings.append(rss_mb(pid))
        last = readings[-3:]
        if len(last) == 3 and max(last) - min(last) < 1.0:
            return statistics.median(last)


def fitted_line(xs: list[int], ys: list[float]) -> tuple[float, float]:
    """The least-squares line through the points: (intercept, rise per unit of x)."""
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    top = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    rise = top / sum((x - mean_x) ** 2 for x in xs)
    return mean_y - rise * mean_x, rise


async def measure(url: str, pid: int, steps: list[int]) -> list[tuple[int, float]]:
    """(sessions open, memory in MiB) after each step, from none open."""
    readings = [(0, settled_rss(pid))]
    sessions: list[websockets.ClientConnection] = []
    try:
        for target in steps:
            while len(sessions) < target:
                area = AREAS[len(sessions) % len(AREAS)]
                query = "" if area == COMBINED_AREA else f"area={area}"
                sessions.append(await open_session(url, query))
            readings.append((len(sessions), settled_rss(pid)))
            print(f"{len(sessions):>5} sessions  {readings[-1][1]:8.1f} MiB", flush=True)
    finally:
        await asyncio.gather(*(s.close() for s in sessions), return_exceptions=True)
    return readings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--steps", default="25,50,100,200", help="sessions open at each reading (ascending)"
    )
    args = parser.parse_args()
    steps = sorted(int(n) for n in args.steps.split(","))

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "radar.duckdb"
        store.build_database(db)
        env = {store.DB_ENV_VAR: str(db), "RADAR_ALLOWED_HOSTS": "127.0.0.1"}
        with dashboard(free_port(), env, set(), Path(folder) / "server.log") as server:
            # The shared caches (the radar's data, figures) are filled once, by
            # a first visitor of each area, and are not a session's cost.
            for area in AREAS:
                query = "" if area == COMBINED_AREA else f"area={area}"
                asyncio.run(_visit(server.url, query))
            urllib.request.urlopen(f"{server.url}/healthz", timeout=10).close()
            readings = asyncio.run(measure(server.url, server.pid, steps))

    counts = [n for n, _ in readings]
    memory = [mb for _, mb in readings]
    base, per_session = fitted_line(counts, memory)
    print(f"start, caches filled: {base:.0f} MiB; each open session: {per_session * 1024:.0f} KiB")
    print(
        f"{TARGET_SESSIONS} sessions: about {base + per_session * TARGET_SESSIONS:.0f} MiB "
        "in one process (split over replicas: each replica's start plus its share)"
    )
    print(
        json.dumps(
            {
                "sessions": counts,
                "rss_mib": [round(mb, 1) for mb in memory],
                "base_mib": round(base, 1),
                "per_session_kib": round(per_session * 1024),
                "target_sessions": TARGET_SESSIONS,
                "target_one_process_mib": round(base + per_session * TARGET_SESSIONS),
            }
        )
    )


async def _visit(url: str, query: str) -> None:
    connection = await open_session(url, query)
    await connection.close()


if __name__ == "__main__":
    main()
