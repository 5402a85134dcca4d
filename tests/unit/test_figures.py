"""The radar figure: one blip per shown technology, safe hover text, click keys."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from radar.drawing.figure import (
    OVERFLOW_KEY,
    RadarOptions,
    fitted_view,
    radar_figure,
    text_colour_on,
)
from radar.model import Catalog, Ring, Sector, Technology
from radar.pipeline.layout import compute_layout
from radar.theme import BORDER_CLEARANCE

CATALOG = Catalog(
    areas=(),
    rings=(
        Ring("klar", 1, 0.7, "KLAR", "Ready", "", ""),
        Ring("afproev", 2, 0.5, "AFPRØV", "Try", "", ""),
        Ring("hold-oeje", 3, 0.3, "HOLD ØJE", "Watch", "", ""),
        Ring("afvent", 4, 0.0, "AFVENT", "Wait", "", ""),
    ),
    sectors=tuple(
        Sector(s, i, f"{s} da", f"{s} en", "", "") for i, s in enumerate(["A", "B", "C", "D"])
    ),
)
EVIL = '<img src=x onerror="alert(1)">'


def _view(n: int, *, sector: str = "A", ring: str = "klar") -> tuple[pd.DataFrame, dict]:
    blips = pd.DataFrame(
        {
            "id": [f"t{i}" for i in range(n)],
            "sector": sector,
            "ring": ring,
            "score": [i / max(n, 1) for i in range(n)],
        }
    )
    view = compute_layout(blips, CATALOG.sector_ids, CATALOG.ring_ids)
    view["number"] = range(1, n + 1)
    view["visible"] = True
    view["match"] = True
    techs = {
        f"t{i}": Technology(f"t{i}", sector, f"Navn {i}", f"Name {i}", EVIL, EVIL, "", "")
        for i in range(n)
    }
    return view, techs


def _blip_trace(fig: go.Figure) -> go.Scatter:
    return next(tr for tr in fig.data if tr.name == "blips")


def _circles(fig: go.Figure) -> list[tuple[float, float]]:
    """(centre x, opacity) of every drawn blip circle, from the filled polygon traces."""
    found = []
    for trace in fig.data:
        if not (trace.name or "").startswith("circles-"):
            continue
        xs = np.array(trace.x, dtype=float)
        for piece in np.split(xs, np.flatnonzero(np.isnan(xs)) + 1):
            piece = piece[~np.isnan(piece)]
            if len(piece):
                found.append((round(float(piece[:-1].mean()), 4), trace.opacity))
    return sorted(found)


def test_one_clickable_point_and_one_circle_per_blip() -> None:
    view, techs = _view(7)
    fig = radar_figure(view, CATALOG, techs, "da")
    trace = _blip_trace(fig)
    assert list(trace.customdata) == view["id"].tolist()
    assert len(_circles(fig)) == 7
    # The figure draws the view as laid out for its size: blips big enough
    # for their numbers, with the blip trace at their centres.
    placed = fitted_view(view, CATALOG, "da")
    assert sorted(round(x, 4) for x in placed["x"]) == [x for x, _ in _circles(fig)]
    assert list(trace.x) == pytest.approx(placed["x"].tolist())
    numbers = next(tr for tr in fig.data if tr.name == "numbers")
    assert list(numbers.text) == [str(i) for i in range(1, 8)]


def test_hover_text_is_escaped() -> None:
    view, techs = _view(2)
    fig = radar_figure(view, CATALOG, techs, "en")
    hover = " ".join(_blip_trace(fig).hovertext)
    assert "<img" not in hover
    assert '&lt;img src=x onerror="alert(1)"&gt;' in hover  # plotly shows &quot; literally
    assert "Name 0" in hover and "Ready" in hover


def test_filtered_blips_are_not_drawn_and_unmatched_are_dimmed() -> None:
    view, techs = _view(4)
    view.loc[0, "visible"] = False
    view.loc[1, "match"] = False
    fig = radar_figure(view, CATALOG, techs, "da")
    assert list(_blip_trace(fig).customdata) == ["t1", "t2", "t3"]
    dimmed = round(float(view.loc[1, "x"]), 4)
    assert sorted(o for x, o in _circles(fig) if x == dimmed) == [0.18]
    assert sorted(o for x, o in _circles(fig) if x != dimmed) == [1.0, 1.0]


def test_overflowing_cell_gets_one_plus_n_marker() -> None:
    view, techs = _view(400)
    hidden = int((~fitted_view(view, CATALOG, "da")["shown"]).sum())
    assert hidden > 0
    fig = radar_figure(view, CATALOG, techs, "da")
    overflow = next(tr for tr in fig.data if tr.name == "overflow")
    assert list(overflow.text) == [f"+{hidden}"]
    assert list(overflow.customdata) == [f"{OVERFLOW_KEY}:A:klar"]
    assert len(_blip_trace(fig).customdata) == 400 - hidden


def test_selected_blip_is_outlined() -> None:
    view, techs = _view(3)
    fig = radar_figure(view, CATALOG, techs, "da", RadarOptions(selected="t1"))
    outline = next(tr for tr in fig.data if tr.name == "selected")
    xs = np.array(outline.x, dtype=float)
    assert np.nanmean(xs[:-2]) == pytest.approx(view.loc[1, "x"], abs=1e-6)
    assert not any(tr.name == "selected" for tr in radar_figure(view, CATALOG, techs, "da").data)


def _labels(fig: go.Figure) -> str:
    texts = [a.text for a in fig.layout.annotations]
    texts += [s.label.text for s in fig.layout.shapes if s.label and s.label.text]
    return " ".join(texts)


def test_ring_and_sector_labels_follow_the_language() -> None:
    view, techs = _view(1)
    da = _labels(radar_figure(view, CATALOG, techs, "da"))
    en = _labels(radar_figure(view, CATALOG, techs, "en"))
    assert "AFPRØV" in da and "A da" in da
    assert "Try" in en and "A en" in en


def test_blip_numbers_contrast_with_their_fill() -> None:
    assert text_colour_on("#000000") == "#FFFFFF"
    assert text_colour_on("#F0E442") == "#000000"
    assert text_colour_on("#0072B2") == "#FFFFFF"


def _polygons(trace: go.Scatter) -> list[np.ndarray]:
    """The closed polygons of a filled trace, as (points, 2) arrays."""
    xy = np.column_stack((np.array(trace.x, dtype=float), np.array(trace.y, dtype=float)))
    pieces = np.split(xy, np.flatnonzero(np.isnan(xy[:, 0])) + 1)
    return [p[~np.isnan(p[:, 0])] for p in pieces if len(p[~np.isnan(p[:, 0])])]


def test_blip_shapes_show_movement_and_stay_inside_the_blip() -> None:
    view, techs = _view(4, sector="B", ring="afproev")
    view["movement"] = ["new", "in", "out", "same"]
    fig = radar_figure(view, CATALOG, techs, "da")
    shapes = _polygons(next(tr for tr in fig.data if (tr.name or "").startswith("circles-")))
    by_corners = {len(p): p for p in shapes}
    # A star (10 corners), two triangles (3) and a circle, each closed.
    assert sorted(len(p) for p in shapes) == [4, 4, 11, 29]
    # Every shape stays within the border clearance the layout keeps round a blip.
    limit = fitted_view(view, CATALOG, "da")["radius"].max() * (1 + BORDER_CLEARANCE)
    for polygon in shapes:
        centre = polygon[:-1].mean(0)
        assert np.linalg.norm(polygon - centre, axis=1).max() <= limit
    star = by_corners[11]
    centre = star[:-1].mean(0)
    assert len({round(float(np.linalg.norm(p - centre)), 4) for p in star[:-1]}) == 2
    triangles = [p for p in shapes if len(p) == 4]
    rows = view.set_index("movement")
    for kind, sign in (("in", -1), ("out", 1)):
        centre = rows.loc[kind, ["x", "y"]].to_numpy(dtype=float)
        triangle = min(triangles, key=lambda p: np.linalg.norm(p[:3].mean(0) - centre))
        apex = triangle[0]
        # The apex is the corner nearest the radar's centre (in) or farthest (out).
        distances = np.linalg.norm(triangle[:3], axis=1)
        assert np.isclose(np.linalg.norm(apex), distances.min() if sign < 0 else distances.max())


def test_hover_tells_the_movement_in_the_chosen_language() -> None:
    view, techs = _view(2)
    view["movement"] = ["in", "new"]
    view["previous_ring"] = ["afproev", None]
    view["previous_edition"] = [2024, None]
    view["returned"] = False
    hover = _blip_trace(radar_figure(view, CATALOG, techs, "en")).hovertext
    assert "Moved in from Try (2024)" in hover[0]
    assert "New on the radar" in hover[1]


def test_trails_point_from_the_earlier_place_to_the_blip() -> None:
    view, techs = _view(3)
    trails = pd.DataFrame({"id": ["t0", "t2"], "x_before": [0.5, 0.6], "y_before": [-0.4, -0.5]})
    fig = radar_figure(view, CATALOG, techs, "da", trails=trails)
    arrows = next(tr for tr in fig.data if tr.name == "trails")
    xs, ys = np.array(arrows.x, dtype=float), np.array(arrows.y, dtype=float)
    rows = view.set_index("id")
    segments = np.split(np.arange(len(xs)), np.flatnonzero(np.isnan(xs)) + 1)
    segments = [seg[~np.isnan(xs[seg])] for seg in segments if (~np.isnan(xs[seg])).any()]
    assert len(segments) == 2
    for segment, (tech, x0, y0) in zip(segments, trails.itertuples(index=False), strict=True):
        tail = np.array([xs[segment[0]], ys[segment[0]]])
        head = np.array([xs[segment[1]], ys[segment[1]]])
        blip = rows.loc[tech, ["x", "y"]].to_numpy(dtype=float)
        # From the earlier place towards the blip, stopping short of its centre.
        assert np.linalg.norm(tail - [x0, y0]) < np.linalg.norm(head - [x0, y0])
        assert 0 < np.linalg.norm(head - blip) < np.linalg.norm(tail - blip)
        assert arrows.customdata[segment[1]] == tech
    assert arrows.marker.symbol == "arrow" and arrows.marker.angleref == "previous"
    origins = next(tr for tr in fig.data if tr.name == "trail-origins")
    assert len(_polygons(origins)) == 2
    plain = radar_figure(view, CATALOG, techs, "da")
    assert not any(tr.name == "trail-origins" for tr in plain.data)
