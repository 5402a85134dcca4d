"""Teknologiradar: an interactive technology radar for Danish municipalities.

The core (model, scoring, seed, store, layout, view, figures, i18n) imports no
Streamlit; the Streamlit helpers live in :mod:`radar.ui`.

Public API
----------
compute_layout, layout_editions
    Place blips in their ring and sector, without overlaps; keep unchanged
    blips in place from one edition to the next.
build_database, connect
    Build the DuckDB database from the seed files, and open it.
build_view, ViewFilter
    The placed, numbered blips of one radar view.
radar_figure
    Draw a view as a Plotly figure.
all_entries, area_history, compare_editions, Movement
    Every radar of every edition, with derived movement and stable positions;
    two editions compared.
"""

from radar.drawing.figure import radar_figure
from radar.pipeline.history import Movement, all_entries, area_history, compare_editions
from radar.pipeline.layout import compute_layout, layout_editions
from radar.pipeline.view import ViewFilter, build_view
from radar.store import build_database, connect

__all__ = [
    "Movement",
    "ViewFilter",
    "all_entries",
    "area_history",
    "build_database",
    "build_view",
    "compare_editions",
    "compute_layout",
    "connect",
    "layout_editions",
    "radar_figure",
]
