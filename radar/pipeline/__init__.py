"""The pure steps from assessments to a drawn radar: scoring, layout, history, views.

No I/O here: every function takes data and returns data, and nothing imports
the store, the database engine or Streamlit. The modules:

- :mod:`~radar.pipeline.scoring`: from TRL and survey shares to a ring;
- :mod:`~radar.pipeline.layout`: blips placed in their cell, without overlaps;
- :mod:`~radar.pipeline.history`: every radar of every edition, with movement;
- :mod:`~radar.pipeline.view`: one view's numbered, filtered blips, and details;
- :mod:`~radar.pipeline.radar_data`: the read model every view is derived from;
- :mod:`~radar.pipeline.timeline`, :mod:`~radar.pipeline.overview`,
  :mod:`~radar.pipeline.presenter`: the technology, overview and talk pages' data.

Public API
----------
RadarData
    The radar's data read once, answering every view.
ViewFilter, build_view, TechnologyDetails
    One radar view, and one technology's details.
Movement, Comparison
    How a blip moved; two editions compared.

The names are imported when first used, so importing one module (the rules
need only :mod:`~radar.pipeline.scoring`) does not load the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from radar.pipeline.history import Comparison, Movement
    from radar.pipeline.radar_data import RadarData
    from radar.pipeline.view import TechnologyDetails, ViewFilter, build_view

_HOMES: dict[str, str] = {
    "Comparison": "radar.pipeline.history",
    "Movement": "radar.pipeline.history",
    "RadarData": "radar.pipeline.radar_data",
    "TechnologyDetails": "radar.pipeline.view",
    "ViewFilter": "radar.pipeline.view",
    "build_view": "radar.pipeline.view",
}

__all__ = [
    "Comparison",
    "Movement",
    "RadarData",
    "TechnologyDetails",
    "ViewFilter",
    "build_view",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'radar.pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
