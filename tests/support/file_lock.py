"""Hold a DuckDB file open for writing in another process, as a running dashboard does."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_HOLDER = """
import duckdb, sys
con = duckdb.connect({path!r})
print("holding", flush=True)
sys.stdin.read()
"""


@contextmanager
def held_by_another_process(path: Path) -> Iterator[None]:
    """While inside, another process has ``path`` open read-write (DuckDB locks it)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_HOLDER.format(path=str(path)))],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        yield
    finally:
        holder.communicate("")
