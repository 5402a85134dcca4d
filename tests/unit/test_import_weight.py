"""Importing the model loads none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_importing_the_model_loads_no_plotly_pandas_duckdb_or_streamlit() -> None:
    code = (
        "import radar.model, sys; print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'plotly','pandas','duckdb','streamlit'}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.stdout.strip() == "[]"
