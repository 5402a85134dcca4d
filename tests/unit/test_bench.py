"""The history benchmark runs (small, so CI runs it on every change) and checks stability."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

#: Each test runs a benchmark script in a subprocess.
pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[2] / "bench" / "history.py"


def test_history_benchmark_runs_and_finds_no_unchanged_blip_that_moved() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH), "--editions", "6", "--technologies", "40", "--repeats", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["editions"] == 6
    assert summary["unchanged_moved"] == 0
    for figure in ("movement", "positions", "technology_page", "comparison_page"):
        assert summary[f"{figure}_ms"] > 0
        assert summary[f"{figure}_ratio"] > 0
