"""The dashboard as the load benchmark runs it: one server process on a port, and CPU seconds.

:func:`dashboard` starts ``streamlit run serve.py`` on 127.0.0.1 with the
environment it is given, pinned to the CPUs it is given (``taskset``), and
yields its URL and process id once it answers; several can run side by side on
different ports. :func:`tree_cpu_seconds` reads a process's CPU time, and its
children's, from ``/proc``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

SERVE: Final = Path(__file__).resolve().parents[1] / "serve.py"
START_TIMEOUT_S: Final = 90.0


@dataclass(frozen=True)
class Server:
    """A running dashboard: its base URL and process id."""

    url: str
    pid: int


@contextmanager
def dashboard(port: int, env: Mapping[str, str], cpus: set[int], log: Path) -> Iterator[Server]:
    """``serve.py`` on 127.0.0.1:``port`` with ``env``, on ``cpus`` (all when empty)."""
    command = [
        *(["taskset", "-c", ",".join(map(str, sorted(cpus)))] if cpus else []),
        *[sys.executable, "-m", "streamlit", "run", str(SERVE), "--server.headless=true"],
        *["--server.address=127.0.0.1", f"--server.port={port}", "--server.fileWatcherType=none"],
        "--browser.gatherUsageStats=false",
    ]
    # Its output goes to a file: a pipe nobody reads would stall a server that logs a lot.
    with log.open("w", encoding="utf-8") as sink:
        process = subprocess.Popen(
            command, cwd=SERVE.parent, env={**os.environ, **env}, stdout=sink, stderr=sink
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(process, url, log)
        yield Server(url, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_ready(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the dashboard exited early:\n{log.read_text(encoding='utf-8')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"the dashboard did not answer on {url} within {START_TIMEOUT_S} s")


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds (user and system) of process ``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        fields = stat.rsplit(")", 1)[1].split()  # after the name, which may hold spaces
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        # utime, stime, and those of children it has waited for (they left the tree).
        used[pid] = sum(int(f) for f in fields[11:15])
    tree, queue = set(), [root]
    while queue:
        pid = queue.pop()
        tree.add(pid)
        queue.extend(child for child, parent in parents.items() if parent == pid)
    return sum(used.get(pid, 0.0) for pid in tree) / os.sysconf("SC_CLK_TCK")


def split_cpus() -> tuple[set[int], set[int]]:
    """CPUs for the server and for this side: one each; neither pinned on a single CPU."""
    mine = sorted(os.sched_getaffinity(0))
    if len(mine) < 2:
        return set(), set()
    return {mine[0]}, set(mine[1:])
