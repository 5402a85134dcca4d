"""Teknologiradar: an interactive technology radar for Danish municipalities.

The core (model, scoring, seed, store, layout, view, figures, i18n) imports no
Streamlit; the Streamlit helpers live in :mod:`radar.ui`. The names below are
imported when first used, so ``import radar.model`` stays light (no pandas,
Plotly, DuckDB or Streamlit).

Public API
----------
compute_layout, layout_editions
    Place blips in their ring and sector, without overlaps; keep unchanged
    blips in place from one edition to the next.
build_database, connect
    Build the DuckDB database from the seed files, and open it.
load_radar_data, RadarData
    The radar's data read once, and every view derived from it.
build_view, ViewFilter
    The placed, numbered blips of one radar view.
radar_figure
    Draw a view as a Plotly figure.
all_entries, area_history, compare_editions, Movement
    Every radar of every edition, with derived movement and stable positions;
    two editions compared.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from radar.drawing.figure import radar_figure
    from radar.pipeline.history import Movement, all_entries, area_history, compare_editions
    from radar.pipeline.layout import compute_layout, layout_editions
    from radar.pipeline.radar_data import RadarData
    from radar.pipeline.view import ViewFilter, build_view
    from radar.store import build_database, connect, load_radar_data

#: Where each public name lives.
_HOMES: dict[str, str] = {
    "Movement": "radar.pipeline.history",
    "RadarData": "radar.pipeline.radar_data",
    "ViewFilter": "radar.pipeline.view",
    "all_entries": "radar.pipeline.history",
    "area_history": "radar.pipeline.history",
    "build_database": "radar.store",
    "build_view": "radar.pipeline.view",
    "compare_editions": "radar.pipeline.history",
    "compute_layout": "radar.pipeline.layout",
    "connect": "radar.store",
    "layout_editions": "radar.pipeline.layout",
    "load_radar_data": "radar.store",
    "radar_figure": "radar.drawing.figure",
}

__all__ = [
    "Movement",
    "RadarData",
    "ViewFilter",
    "all_entries",
    "area_history",
    "build_database",
    "build_view",
    "compare_editions",
    "compute_layout",
    "connect",
    "layout_editions",
    "load_radar_data",
    "radar_figure",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'radar' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
