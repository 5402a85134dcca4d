"""Start a real ``streamlit run`` on a free local port, for browser tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


#: Tries at starting a server: another process (a second pytest-xdist worker,
#: another suite on the machine) may take the free port between our choosing it
#: and Streamlit binding it.
START_ATTEMPTS = 3


@contextmanager
def streamlit_server(
    script: Path,
    *,
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
    log: Path | None = None,
) -> Iterator[str]:
    """Run ``script`` with Streamlit on 127.0.0.1 and yield its base URL.

    ``log``: a file that receives the server's output, for tests that read its log lines.
    """
    process, url, output = _start(script, env, timeout, log)
    for _ in range(START_ATTEMPTS - 1):
        if process is not None or "already in use" not in output:
            break
        process, url, output = _start(script, env, timeout, log)
    if process is None:
        raise RuntimeError(f"streamlit exited early:\n{output}")
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _start(
    script: Path, env: dict[str, str] | None, timeout: float, log: Path | None = None
) -> tuple[subprocess.Popen[str], str, str] | tuple[None, str, str]:
    """Start Streamlit on a free port; the running process and its URL, or its output if it quit."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.headless=true",
        "--server.address=127.0.0.1",
        f"--server.port={port}",
        "--browser.gatherUsageStats=false",
        "--server.fileWatcherType=none",
    ]
    sink = log.open("w", encoding="utf-8") if log is not None else subprocess.PIPE
    process = subprocess.Popen(
        command,
        cwd=script.parent,
        env={**os.environ, **(env or {})},
        stdout=sink,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if log is not None:
        sink.close()  # type: ignore[union-attr]  # the child has its own copy
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    try:
        while True:
            if process.poll() is not None:
                if log is not None:
                    return None, url, log.read_text(encoding="utf-8")
                return None, url, process.stdout.read() if process.stdout else ""
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return process, url, ""
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"streamlit did not answer on {url} within {timeout} s")
            time.sleep(0.2)
    except BaseException:
        process.kill()
        process.wait()
        raise
