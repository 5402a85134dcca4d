"""The import/export benchmark runs (small, so CI runs it) and checks what it measures.

Timings are not asserted: only that the figures are there, and that the code
measured did what it should (the re-import changes nothing, every export is a
file of its format). The formats drawn by Chromium are left out: they are slow,
and tests/test_browser_export.py covers them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

#: Each test runs a benchmark script in a subprocess.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench" / "import_export.py"
VOLUMES = sorted(
    (REPO.parent / "shared" / "fixtures" / "thoughtworks-volumes").glob("volume-*.csv")
)
#: Every export format that needs no Chromium.
FAST_FORMATS = ("csv", "xlsx", "json", "byor-csv", "html")


def run_bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BENCH), "--repeats", "1", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def summary(result: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_export_part_times_every_fast_format_against_the_view() -> None:
    result = run_bench("--skip-import", "--formats", ",".join(FAST_FORMATS))
    out = summary(result)
    assert "cold (first call)" in result.stdout and "html (" in result.stdout
    assert out["skipped_formats"] == []
    assert out["cpus"] >= 1 and len(out["load_start"]) == 3 and len(out["load_end"]) == 3
    assert out["blips"] > 0
    assert out["view_baseline_ms"] > 0
    assert set(out["export_bytes"]) == set(FAST_FORMATS)
    for fmt in FAST_FORMATS:
        key = fmt.replace("-", "_")
        assert out["export_bytes"][fmt] > 0
        for kind in ("cold", "warm"):
            assert out[f"export_{key}_{kind}_ms"] > 0
            assert out[f"export_{key}_{kind}_ratio"] > 0
    assert "volumes" not in out and "import_total_ms" not in out


@pytest.mark.skipif(len(VOLUMES) != 34, reason="the shared Thoughtworks volumes are not there")
def test_import_part_imports_the_volumes_and_the_reimport_changes_nothing() -> None:
    out = summary(run_bench("--skip-export", "--volumes", "3"))
    assert out["volumes"] == 3
    # One assessment per row of the files; the re-import wrote nothing.
    assert out["assessments"] == out["rows"] > 0
    assert out["audit_rows"] > out["assessments"]
    assert out["reimport_changes"] == 0
    for figure in ("import_total", "import_plan", "import_apply", "reimport_total"):
        assert out[f"{figure}_ms"] > 0
        assert out[f"{figure}_ratio"] > 0
    assert out["import_plan_ms"] + out["import_apply_ms"] == pytest.approx(
        out["import_total_ms"], abs=0.2
    )
    assert out["import_volume_median_ms"] <= out["import_volume_max_ms"]
    assert out["import_slowest_volume"] in {v.name for v in VOLUMES[:3]}
    assert "export_bytes" not in out


def test_without_the_volumes_it_says_where_they_belong(tmp_path: Path) -> None:
    result = run_bench("--skip-export", "--fixtures", str(tmp_path))
    assert result.returncode == 2
    assert str(tmp_path.resolve()) in result.stderr and "--skip-import" in result.stderr
    assert result.stdout == ""


def test_an_unknown_format_is_refused() -> None:
    result = run_bench("--skip-import", "--formats", "csv,gif")
    assert result.returncode == 2
    assert "gif" in result.stderr and "byor-csv" in result.stderr
