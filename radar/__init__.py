"""Teknologiradar: an interactive technology radar for Danish municipalities.

The core (model, scoring, seed, store, layout, view, figures, i18n) imports no
Streamlit; the Streamlit helpers live in :mod:`radar.ui`.

Public API
----------
compute_layout
    Place blips in their ring and sector, without overlaps.
build_database, connect
    Build the DuckDB database from the seed files, and open it.
build_view, ViewFilter
    The placed, numbered blips of one radar view.
radar_figure
    Draw a view as a Plotly figure.
"""

from radar.figures import radar_figure
from radar.layout import compute_layout
from radar.store import build_database, connect
from radar.view import ViewFilter, build_view

__all__ = [
    "ViewFilter",
    "build_database",
    "build_view",
    "compute_layout",
    "connect",
    "radar_figure",
]
