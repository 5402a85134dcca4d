"""Where the comparison draws a moved blip's earlier place: straight out from the centre.

The layout places a blip that changes ring wherever its new cell has room, so
an arrow from its earlier slot to its new one can run across the sector and
cross the other arrows. Drawn radially instead (the earlier place at the
blip's own angle, in the earlier ring), every arrow points straight in or out,
as the blip's triangle does, and two arrows never cross.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from radar.model import Catalog
from radar.pipeline.geometry import ring_edges

__all__ = ["radial_trails"]


def radial_trails(moved: pd.DataFrame, view: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    """The trails of moved blips, each starting in its earlier ring at the blip's angle.

    Parameters
    ----------
    moved
        Rows with ``id`` and ``ring_before`` (the comparison's moved blips).
    view
        The later radar's placed blips (``id, ring, x, y``).
    catalog
        The rings, inside out.

    Returns
    -------
    ``moved`` with ``x_before, y_before`` replaced, as
    :func:`radar.drawing.figure.radar_figure` takes ``trails``: at the same
    depth within the earlier ring as the blip has within its ring now, so
    blips on one line outwards keep their order. Rows whose blip is not on
    the later radar or whose earlier ring is unknown are left out.
    """
    edges = ring_edges(len(catalog.rings))
    rank = {r: i for i, r in enumerate(catalog.ring_ids)}
    rows = moved.drop(columns=["x_before", "y_before"], errors="ignore").merge(
        view[["id", "ring", "x", "y"]], on="id", how="inner"
    )
    rows = rows[rows["ring_before"].isin(rank) & rows["ring"].isin(rank)]
    now = rows["ring"].map(rank).to_numpy(dtype=int)
    was = rows["ring_before"].map(rank).to_numpy(dtype=int)
    x, y = rows["x"].to_numpy(dtype=float), rows["y"].to_numpy(dtype=float)
    distance, angle = np.hypot(x, y), np.arctan2(y, x)
    depth = (distance - edges[now]) / (edges[now + 1] - edges[now])
    before = edges[was] + np.clip(depth, 0.0, 1.0) * (edges[was + 1] - edges[was])
    out = rows.drop(columns=["ring", "x", "y"]).assign(
        x_before=before * np.cos(angle), y_before=before * np.sin(angle)
    )
    return out.reset_index(drop=True)
