"""The session-memory benchmark opens real radar sessions and reports a cost per session.

Small (a handful of sessions), so CI runs it on every change: if Streamlit's
session protocol or the radar page changed so that a session no longer draws
the radar, the benchmark says so instead of sizing replicas on error pages.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

# bench/ is a folder of scripts, not a package.
from session_memory import fitted_line  # noqa: E402


def test_the_benchmark_holds_sessions_open_and_prices_each() -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / "session_memory.py"), "--steps", "3,6"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["sessions"] == [0, 3, 6]
    assert len(summary["rss_mib"]) == 3
    assert all(mb > 50 for mb in summary["rss_mib"])  # a real dashboard process
    assert summary["target_sessions"] == 3000


def test_the_cost_per_session_is_the_line_s_rise_not_the_average() -> None:
    # 200 MiB at start, 0.1 MiB per session: the start must not be spread over the sessions.
    base, rise = fitted_line([0, 10, 20, 40], [200.0, 201.0, 202.0, 204.0])
    assert rise == pytest.approx(0.1)
    assert base == pytest.approx(200.0)
