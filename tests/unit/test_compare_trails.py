"""The comparison's arrows: each points straight in or out, so no two cross."""

from __future__ import annotations

import itertools

import duckdb
import numpy as np
import pytest

from radar import store
from radar.drawing.figure import radar_figure
from radar.drawing.trails import radial_trails
from radar.model import Catalog
from radar.pipeline.geometry import ring_edges
from radar.pipeline.history import Movement
from radar.pipeline.view import ViewFilter

AREAS = ("samlet", "social-og-sundhed", "teknik-og-miljoe", "beskaeftigelse")


def _segments(con: duckdb.DuckDBPyConnection, area: str) -> tuple[np.ndarray, list[str]]:
    """The drawn arrows of 2021 compared with 2025 (tail, head) and the rings they came from."""
    data = store.load_radar_data(con)
    moved = data.comparison(area, 2021, 2025).changes
    moved = moved[moved["kind"].isin([Movement.IN, Movement.OUT])]
    view = data.view(ViewFilter(area=area, edition=2025))
    trails = radial_trails(moved, view, data.catalog)
    fig = radar_figure(view, data.catalog, data.technologies, "da", trails=trails)
    trace = next(tr for tr in fig.data if tr.name == "trails")
    xs, ys = np.asarray(trace.x, dtype=float), np.asarray(trace.y, dtype=float)
    points = np.stack((xs, ys), axis=1).reshape(-1, 3, 2)[:, :2, :]
    came_from = dict(zip(trails["id"], trails["ring_before"], strict=True))
    return points, [came_from[i] for i in np.asarray(trace.customdata)[::3]]


def _cross(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two segments cross (touching ends do not count)."""

    def side(p: np.ndarray, q: np.ndarray, r: np.ndarray) -> float:
        return float((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]))

    d1, d2 = side(b[0], b[1], a[0]), side(b[0], b[1], a[1])
    d3, d4 = side(a[0], a[1], b[0]), side(a[0], a[1], b[1])
    return d1 * d2 < 0 and d3 * d4 < 0


@pytest.mark.parametrize("area", AREAS)
def test_no_two_arrows_cross(con: duckdb.DuckDBPyConnection, area: str) -> None:
    segments, _ = _segments(con, area)
    assert len(segments) >= 3, "enough moves to cross"
    crossing = [
        (i, j)
        for i, j in itertools.combinations(range(len(segments)), 2)
        if _cross(segments[i], segments[j])
    ]
    assert crossing == []


@pytest.mark.parametrize("area", AREAS)
def test_each_arrow_starts_in_the_ring_the_blip_came_from(
    con: duckdb.DuckDBPyConnection, catalog: Catalog, area: str
) -> None:
    segments, rings = _segments(con, area)
    edges = ring_edges(len(catalog.rings))
    for (tail, head), ring in zip(segments, rings, strict=True):
        # Straight out from the centre: tail and head on one line through it.
        assert abs(tail[0] * head[1] - tail[1] * head[0]) < 1e-6
        k = catalog.ring_ids.index(ring)
        # The tail leaves the old place by the blip's radius; the place is in the band.
        assert edges[k] - 0.05 <= float(np.hypot(*tail)) <= edges[k + 1] + 0.05
